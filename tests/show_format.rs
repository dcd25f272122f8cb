//! What the format carries, shown (issue 17, step 5): scores at the declared precision and the
//! levels of dimensions that declare them, in every report format and in `score`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use serde_json::{Value, json};
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::output::score_text;
use smecheck::domain::report::{ReportFormat, write_report};
use smecheck::domain::{Instrument, Lang, score};

const TINY: &str = include_str!("fixtures/questionnaires/valid/no_recommendations.json");

/// The tiny questionnaire with a third yes/no question, two decimals, and levels on its one
/// dimension ("few" below 50, "many" from 50).
fn instrument() -> Instrument {
    let mut v: Value = serde_json::from_str(TINY).unwrap();
    let mut third = v["questions"][1].clone();
    third["id"] = json!("q3");
    third["text"] = json!({"zh": "第3题？", "en": "Question 3?"});
    v["questions"].as_array_mut().unwrap().push(third);
    v["score_format"] = json!({"precision": 2});
    v["areas"][0]["dimensions"][0]["levels"] = json!([
        {"id": "few", "label": {"zh": "做到的少", "en": "Few met"}, "min": 0, "max": 50,
         "meaning": {"zh": "不到一半。", "en": "Under half."}},
        {"id": "many", "label": {"zh": "做到的多", "en": "Many met"}, "min": 50, "max": 100,
         "meaning": {"zh": "一半或以上。", "en": "Half or more."}}
    ]);
    Instrument::load("tiny3.json", &v.to_string()).unwrap()
}

fn answers(yes: usize) -> AnswerSet {
    let mut a = AnswerSet::new();
    for (i, q) in ["q1", "q2", "q3"].iter().enumerate() {
        let o = if i < yes { "yes" } else { "no" };
        a.set((*q).into(), Answer::Choice(o.into()));
    }
    a
}

fn report(inst: &Instrument, a: &AnswerSet, lang: Lang, format: ReportFormat) -> String {
    let card = score(inst, a);
    let mut out = Vec::new();
    write_report(inst, a, &card, lang, "2026-12-01", format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn scores_are_shown_at_the_declared_precision() {
    // One of three: 1 / 3 × 100 = 33.333… → 33.33 at two decimals (33.3 at the default one).
    let inst = instrument();
    let a = answers(1);
    for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Html] {
        let out = report(&inst, &a, Lang::En, format);
        assert!(out.contains("33.33"), "{format:?}:\n{out}");
        assert!(
            !out.contains("33.3 "),
            "{format:?} keeps a one-decimal figure:\n{out}"
        );
    }
    let json: Value =
        serde_json::from_str(&report(&inst, &a, Lang::En, ReportFormat::Json)).unwrap();
    assert_eq!(json["overall"]["score"], 33.33);
    let card = score(&inst, &a);
    let text = score_text(&inst, &card, &a, Lang::En, 80);
    assert!(text.contains("Overall: 33.33 / 100"), "{text}");
    assert!(text.contains("Tools: 33.33"), "{text}");
}

#[test]
fn dimension_levels_are_shown_where_declared() {
    let inst = instrument();
    // Two of three: 66.67, "Many met"; one of three: 33.33, "Few met".
    for (yes, en, zh) in [(2, "Many met", "做到的多"), (1, "Few met", "做到的少")] {
        let a = answers(yes);
        for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Html] {
            let out = report(&inst, &a, Lang::En, format);
            assert!(out.contains(en), "{format:?}: no `{en}`:\n{out}");
            let out = report(&inst, &a, Lang::Zh, format);
            assert!(out.contains(zh), "{format:?}: no `{zh}`");
        }
        let json: Value =
            serde_json::from_str(&report(&inst, &a, Lang::En, ReportFormat::Json)).unwrap();
        assert_eq!(json["report"]["dimensions"][0]["level_label"], en);
        assert_eq!(json["areas"][0]["dimensions"][0]["level_label"], en);
    }
}
