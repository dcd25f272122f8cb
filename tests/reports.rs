//! Recommendation reports as a reader gets them: golden files for every format in both
//! languages, the 80-column text, HTML structure and escaping checked with a real HTML parser,
//! Markdown tables that hold, determinism, and the `report` command through the real binary.
//! Review a changed golden file by eye before accepting it (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::path::PathBuf;

mod common;

use common::smecheck;
use scraper::{Html, Selector};
use serde_json::Value;
use smecheck::domain::answers::AnswerSet;
use smecheck::domain::instrument::{BUILTIN_PROPOSALS, BUILTIN_QUESTIONNAIRE};
use smecheck::domain::report::strings as ws;
use smecheck::domain::report::{Report, ReportFormat, write_report};
use smecheck::domain::wrap::{width, width_cjk};
use smecheck::domain::{Instrument, Lang, score};

const DATE: &str = "2026-11-24";
const FIXTURES: [&str; 6] = [
    "01_micro_shop",
    "02_broad_shallow_trader",
    "03_service_firm_cloud_erp",
    "04_mid_manufacturer",
    "05_advanced_plant",
    "06_unsure_owner",
];
const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = r#""><img src=x onerror=alert(1)>"#;

fn instrument() -> Instrument {
    Instrument::builtin().expect("built-in questionnaire")
}

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/answers/{name}.json"))
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture_path(name)).unwrap()).unwrap()
}

fn answers_from(inst: &Instrument, file: &Value) -> AnswerSet {
    inst.load_answers("answers.json", &file.to_string())
        .expect("answers load")
        .answers
}

fn answers(inst: &Instrument, name: &str) -> AnswerSet {
    answers_from(inst, &fixture_json(name))
}

fn render(inst: &Instrument, answers: &AnswerSet, lang: Lang, format: ReportFormat) -> String {
    let card = score(inst, answers);
    let mut out = Vec::new();
    write_report(inst, answers, &card, lang, DATE, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn report(inst: &Instrument, answers: &AnswerSet, lang: Lang) -> Report {
    Report::new(inst, answers, &score(inst, answers), lang, DATE)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// What a reader sees, without white space: wrapped lines and HTML entities don't matter.
fn seen(out: &str, format: ReportFormat) -> String {
    let text = match format {
        ReportFormat::Html => Html::parse_document(out).root_element().text().collect(),
        _ => out.to_string(),
    };
    squash(&text)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn golden_reports() {
    let inst = instrument();
    for fixture in [
        "01_micro_shop",
        "02_broad_shallow_trader",
        "05_advanced_plant",
        "06_unsure_owner",
    ] {
        let a = answers(&inst, fixture);
        for lang in Lang::ALL {
            for format in ReportFormat::ALL {
                let name = format!("{fixture}.{}.{}", lang.code(), format.extension());
                insta::assert_snapshot!(name, render(&inst, &a, lang, format));
            }
        }
    }
}

#[test]
fn text_lines_fit_80_columns_without_escape_codes() {
    let inst = instrument();
    for fixture in FIXTURES {
        let a = answers(&inst, fixture);
        for lang in Lang::ALL {
            let text = render(&inst, &a, lang, ReportFormat::Text);
            assert!(!text.contains('\x1b'), "{fixture} {lang:?}: ANSI escape");
            assert!(!text.contains('\t'), "{fixture} {lang:?}: tab");
            // CJK terminals count “ ” — … as two columns: a Chinese report must fit there too.
            let cols = |l: &str| match lang {
                Lang::Zh => width_cjk(l),
                Lang::En => width(l),
            };
            for (n, line) in text.lines().enumerate() {
                assert!(
                    cols(line) <= 80,
                    "{fixture} {lang:?} line {}: {} columns: {line}",
                    n + 1,
                    cols(line)
                );
                assert_eq!(line, line.trim_end(), "trailing space on line {}", n + 1);
            }
        }
    }
}

fn render_short(inst: &Instrument, answers: &AnswerSet, lang: Lang) -> String {
    let card = score(inst, answers);
    let opts = smecheck::domain::report::ReportOptions {
        short: true,
        ..Default::default()
    };
    let mut out = Vec::new();
    smecheck::domain::report::write_report_with(
        inst,
        answers,
        &card,
        lang,
        DATE,
        ReportFormat::Text,
        &opts,
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn short_text_pastes_into_chat() {
    let inst = instrument();
    for fixture in FIXTURES {
        let a = answers(&inst, fixture);
        for lang in Lang::ALL {
            let text = render_short(&inst, &a, lang);
            let r = report(&inst, &a, lang);
            let lines: Vec<&str> = text.lines().collect();
            assert!(
                lines.len() <= 40,
                "{fixture} {lang:?}: {} lines",
                lines.len()
            );
            for l in &lines {
                assert!(width_cjk(l) <= 80, "{fixture} {lang:?}: {l}");
                assert!(
                    !l.contains("[#") && !l.contains("[.") && !l.contains("----"),
                    "{l}"
                );
                assert!(
                    !l.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)),
                    "box drawing: {l}"
                );
            }
            let flat = squash(&text);
            for a in &r.summary.actions {
                assert!(
                    flat.contains(&squash(&a.action)),
                    "{fixture} {lang:?}: {}",
                    a.action
                );
            }
            for v in &r.summary.verdict {
                assert!(
                    flat.contains(&squash(&v.text)),
                    "{fixture} {lang:?}: verdict"
                );
            }
        }
    }
}

#[test]
fn long_unbroken_names_still_fit_80_columns() {
    let inst = instrument();
    let mut file = fixture_json("02_broad_shallow_trader");
    file["profile"]["name"] = "县城".repeat(60).into();
    file["answers"]["x_wish"] = "x".repeat(300).into();
    let a = answers_from(&inst, &file);
    for lang in Lang::ALL {
        let text = render(&inst, &a, lang, ReportFormat::Text);
        assert!(text.lines().all(|l| width(l) <= 80));
        assert!(text.replace(['\n', ' '], "").contains(&"x".repeat(300)));
    }
}

#[test]
fn every_section_is_in_every_format() {
    let inst = instrument();
    let a = answers(&inst, "02_broad_shallow_trader");
    for lang in Lang::ALL {
        let r = report(&inst, &a, lang);
        let lang = r.lang;
        for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Html] {
            let out = seen(&render(&inst, &a, lang, format), format);
            let windows = [
                smecheck::domain::model::Horizon::Now,
                smecheck::domain::model::Horizon::Quarter,
                smecheck::domain::model::Horizon::Later,
            ];
            for h in windows {
                if r.plan.window(h).next().is_some() {
                    assert!(
                        out.contains(&squash(ws::horizon_title(lang, h))),
                        "{format:?} {h:?}"
                    );
                }
            }
            for a in &r.summary.actions {
                assert!(out.contains(&squash(&a.action)), "{format:?}: {}", a.action);
                assert!(out.contains(&a.due), "{format:?}: due {}", a.due);
            }
            for must in [
                ws::SEC_ONEPAGE.get(lang),
                ws::SEC_DIMENSIONS.get(lang),
                ws::SEC_BREADTH.get(lang),
                ws::SEC_GAPS.get(lang),
                ws::SEC_RECOMMENDATIONS.get(lang),
                ws::SEC_PLAN.get(lang),
                ws::SEC_PROPOSALS.get(lang),
                ws::SEC_APPENDIX.get(lang),
                ws::SEC_NOTES.get(lang),
                ws::INPUTS_FINGERPRINT.get(lang),
                r.inputs_fingerprint.as_str(),
                r.ladders[0].title.as_str(),
                r.firm.as_deref().unwrap(),
                r.date_label.as_str(),
                &*r.questionnaire.hash,
                r.source.date.as_str().get(..4).unwrap(),
                r.findings[0].title.as_str(),
            ] {
                assert!(
                    out.contains(&squash(must)),
                    "{lang:?} {format:?}: missing {must}"
                );
            }
            for h in &r.headlines {
                assert!(
                    out.contains(&squash(&h.level_label)),
                    "{format:?}: {}",
                    h.level_label
                );
            }
            for rec in &r.recommendations {
                assert!(
                    out.contains(&squash(&rec.speaker)),
                    "{format:?}: {}",
                    rec.speaker
                );
            }
        }
    }
}

#[test]
fn report_model_orders_gaps_recommendations_and_plan() {
    let inst = instrument();
    let a = answers(&inst, "01_micro_shop");
    let r = report(&inst, &a, Lang::En);
    assert!(!r.gaps.is_empty());
    assert!(
        r.gaps.windows(2).all(|g| g[0].score <= g[1].score),
        "weakest first"
    );
    assert!(r.gaps.iter().all(|g| g.score < 60.0));
    let dims_below = r.dimensions.iter().filter(|d| d.gap).count();
    assert_eq!(dims_below, r.gaps.len());
    assert_eq!(
        r.recommendations.len(),
        11,
        "the micro shop gets every proposal"
    );
    assert!(
        r.recommendations
            .windows(2)
            .all(|x| x[0].priority <= x[1].priority)
    );
    for rec in &r.recommendations {
        assert!(!rec.why.is_empty(), "{}: no reason", rec.proposal);
        assert!(!rec.steps.is_empty(), "{}: no step", rec.proposal);
        assert!(!rec.speaker.is_empty() && !rec.keyword.is_empty() && !rec.summary.is_empty());
    }
    // The plan holds what a micro firm can carry, merged and dated; the rest waits.
    let card = score(&inst, &a);
    let fired: Vec<_> = card
        .recommendations
        .iter()
        .flat_map(|x| x.steps.iter().map(|s| s.rule.clone()))
        .collect();
    let planned: Vec<_> = r.plan.items.iter().flat_map(|i| i.rules.clone()).collect();
    assert!(
        planned.iter().all(|x| fired.contains(x)),
        "only fired rules"
    );
    let mut unique = planned.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        planned.len(),
        "a rule is planned at most once"
    );
    assert!(
        r.plan.items.len() < fired.len(),
        "the micro shop's plan is capped"
    );
    assert!(r.plan.left_out > 0);
    assert!(r.plan.items.iter().filter(|i| i.first).count() <= 3);
    assert!(r.plan.window(smecheck::domain::model::Horizon::Now).count() <= 3);
    for i in &r.plan.items {
        assert!(i.start.as_str() >= DATE && i.due > i.start, "{i:?}");
        assert!(!i.owner.is_empty() && !i.done_when.is_empty() && !i.effort_label.is_empty());
    }
    let headlines: Vec<_> = r.plan.items.iter().map(|i| &i.action).collect();
    let mut distinct = headlines.clone();
    distinct.dedup();
    assert_eq!(headlines.len(), distinct.len(), "duplicates merged");
    // Each recommendation leads with an action and says why in one sentence.
    for rec in &r.recommendations {
        assert!(!rec.headline.is_empty() && !rec.when.is_empty());
        assert!(rec.gap_line.contains(rec.proposal.as_str()));
        assert!(
            rec.because.starts_with("The firm answered"),
            "{}",
            rec.because
        );
    }
    assert_eq!(r.summary.actions.len(), 3);
    assert_eq!(
        r.summary.verdict.len(),
        r.headlines.len(),
        "one sentence per area"
    );
    let cloud = &r.summary.verdict[0].text;
    assert!(
        cloud.contains("score level") && cloud.contains(&r.ladders[0].current_label),
        "level and rung named together, each for what it is: {cloud}"
    );
    assert!(r.summary.wish.is_some(), "the micro shop wrote a wish");
    // P7's county rule quotes the profile answer too.
    let p7 = r
        .recommendations
        .iter()
        .find(|x| x.proposal.as_str() == "P7")
        .unwrap();
    assert!(
        p7.why
            .iter()
            .any(|e| e.question.is_none() && e.answer.contains("County"))
    );
    assert_eq!(r.source.date, "2020-05-31");
    assert!(r.source.citation.contains("31 May 2020"));
    let ladder = &r.ladders[0];
    assert_eq!(ladder.current, 1);
    assert!(ladder.next.as_ref().is_some_and(|n| !n.needs.is_empty()));
}

#[test]
fn appendix_lists_every_asked_question_and_marks_unanswered() {
    let inst = instrument();
    let mut file = fixture_json("04_mid_manufacturer");
    let answers_obj = file["answers"].as_object_mut().unwrap();
    answers_obj.remove("c_lead");
    answers_obj.remove("x_wish");
    let a = answers_from(&inst, &file);
    for lang in Lang::ALL {
        let r = report(&inst, &a, lang);
        let items: Vec<_> = r.appendix.iter().flat_map(|g| &g.items).collect();
        assert_eq!(items.len() + r.skipped, inst.questionnaire.questions.len());
        let numbers: Vec<usize> = items.iter().map(|i| i.number).collect();
        assert_eq!(numbers, (1..=items.len()).collect::<Vec<_>>());
        for id in ["c_lead", "x_wish"] {
            let item = items.iter().find(|i| i.id.as_str() == id).unwrap();
            assert_eq!(
                item.answer,
                smecheck::domain::output::NOT_ANSWERED.get(r.lang),
                "{id}"
            );
        }
        let text = render(&inst, &a, lang, ReportFormat::Text);
        assert!(
            text.matches(smecheck::domain::output::NOT_ANSWERED.get(r.lang))
                .count()
                >= 2
        );
    }
}

#[test]
fn provisional_levels_are_marked() {
    let inst = instrument();
    let a = answers(&inst, "06_unsure_owner");
    let r = report(&inst, &a, Lang::En);
    assert!(r.confidence.provisional);
    assert!(r.overall.level_label.contains("provisional"));
    let text = render(&inst, &a, Lang::Zh, ReportFormat::Text);
    assert!(text.contains("暂定"));
    // One hedge, not two: the provisional mark replaces the label's own "(estimate)".
    for h in r.headlines.iter().chain([&r.overall]) {
        assert!(!h.level_label.contains("estimate"), "{}", h.level_label);
    }
    let zh = report(&inst, &a, Lang::Zh);
    assert!(
        !zh.overall.level_label.contains("估计"),
        "{}",
        zh.overall.level_label
    );
    // Thin dimensions are named in the summary and marked beside their scores.
    assert!(!r.summary.thin.is_empty());
    assert!(r.summary.confidence.contains(&r.summary.thin[0]));
    let en = render(&inst, &a, Lang::En, ReportFormat::Text);
    assert!(en.contains(&format!("% {}", ws::ANSWERED_SHARE.get(r.lang))));
    assert!(en.contains(ws::THIN_MARK.get(r.lang)));
    // A well-answered report keeps its level labels as the questionnaire words them.
    let sure = report(&inst, &answers(&inst, "04_mid_manufacturer"), Lang::En);
    assert!(!sure.confidence.provisional);
    assert!(sure.summary.thin.is_empty());
}

#[test]
fn findings_are_printed_only_where_they_hold() {
    let inst = instrument();
    // The breadth-vs-depth reading ("loud thunder, little rain") belongs to the broad but
    // shallow trader, not to the firm with every tool in depth nor to the one with none.
    let thunder = |fixture: &str| {
        let out = render(
            &inst,
            &answers(&inst, fixture),
            Lang::En,
            ReportFormat::Text,
        );
        out.contains("loud thunder")
    };
    assert!(thunder("02_broad_shallow_trader"));
    assert!(!thunder("05_advanced_plant"));
    assert!(!thunder("01_micro_shop"));
}

#[test]
fn a_leading_firm_gets_keep_doing_and_a_next_frontier() {
    use smecheck::domain::report::PlanKind;
    let inst = instrument();
    let r = report(&inst, &answers(&inst, "05_advanced_plant"), Lang::En);
    assert!(r.recommendations.is_empty());
    let kinds: Vec<PlanKind> = r.plan.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == PlanKind::KeepDoing).count(),
        r.headlines.len()
    );
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == PlanKind::NextFrontier)
            .count(),
        r.headlines.len()
    );
    assert!(
        r.plan
            .items
            .iter()
            .all(|i| !i.first && !i.done_when.is_empty())
    );
    assert_eq!(r.summary.actions.len(), 3);
    assert_eq!(r.summary.strengths.len(), 3);
    assert!(r.summary.gaps.is_empty());
    // A firm that is not leading gets no such items.
    let micro = report(&inst, &answers(&inst, "01_micro_shop"), Lang::En);
    assert!(micro.plan.items.iter().all(|i| i.kind == PlanKind::Fix));
}

#[test]
fn the_plan_scales_with_size_and_who_leads() {
    let inst = instrument();
    let now = |file: &Value| {
        let r = report(&inst, &answers_from(&inst, file), Lang::En);
        r.plan.window(smecheck::domain::model::Horizon::Now).count()
    };
    // The same answers in a micro firm and in a medium one with a lead for digital work.
    let micro = fixture_json("01_micro_shop");
    let mut medium = micro.clone();
    medium["profile"]["size"] = "medium".into();
    let lead = inst.proposals.advice.lead_question.clone().unwrap();
    let leads = inst
        .questionnaire
        .question(&lead.as_str().into())
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.to_string())
        .find(|o| !inst.proposals.advice.no_lead.contains(o))
        .unwrap();
    medium["answers"][lead.as_str()] = leads.into();
    assert!(
        now(&micro) < now(&medium),
        "{} vs {}",
        now(&micro),
        now(&medium)
    );
    assert!(now(&medium) <= 5);
}

#[test]
fn a_catalogue_without_plan_texts_still_gives_a_plan() {
    let mut p: Value = serde_json::from_str(BUILTIN_PROPOSALS).unwrap();
    p.as_object_mut().unwrap().remove("advice");
    let inst = Instrument::from_sources(
        "smecheck.json",
        BUILTIN_QUESTIONNAIRE,
        "p.json",
        &p.to_string(),
    )
    .unwrap();
    let r = report(&inst, &answers(&inst, "01_micro_shop"), Lang::En);
    assert!(!r.plan.items.is_empty());
    for i in &r.plan.items {
        assert!(!i.action.is_empty() && i.action.len() < i.detail.len() + 1);
        assert_eq!(i.owner, ws::OWNER_DEFAULT.get(r.lang));
        assert!(i.effort.is_none() && i.done_when.is_empty());
    }
    assert!(r.recommendations.iter().all(|x| !x.headline.is_empty()));
}

#[test]
fn every_rule_of_the_shipped_questionnaire_has_plan_texts() {
    let inst = instrument();
    let advice = &inst.proposals.advice;
    for rule in &inst.questionnaire.rules {
        let a = advice
            .rules
            .get(rule.id.as_str())
            .unwrap_or_else(|| panic!("no plan texts for rule {}", rule.id));
        for lang in Lang::ALL {
            assert!(!a.headline.get(lang).is_empty() && !a.done_when.get(lang).is_empty());
        }
        if let Some(o) = &a.owner {
            assert!(advice.roles.contains_key(o), "{}: role {o}", rule.id);
        }
    }
    for rule in advice.rules.keys() {
        assert!(
            inst.questionnaire
                .rules
                .iter()
                .any(|r| r.id.as_str() == rule),
            "plan texts for a rule that does not exist: {rule}"
        );
    }
    for p in &inst.proposals.proposals {
        let o = p
            .owner
            .as_deref()
            .expect("every proposal names an owner role");
        assert!(advice.roles.contains_key(o), "{}: role {o}", p.id);
    }
}

#[test]
fn advanced_plant_has_no_recommendation_and_says_so() {
    let inst = instrument();
    let a = answers(&inst, "05_advanced_plant");
    for lang in Lang::ALL {
        let r = report(&inst, &a, lang);
        assert!(r.recommendations.is_empty());
        assert!(r.ladders[0].next.is_none());
        for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Html] {
            let out = seen(&render(&inst, &a, lang, format), format);
            assert!(
                out.contains(&squash(ws::NO_RECOMMENDATIONS.get(r.lang))),
                "{format:?}"
            );
            assert!(
                out.contains(&squash(ws::TOP_RUNG.get(r.lang))),
                "{format:?}"
            );
        }
    }
}

#[test]
fn html_has_the_structure_of_a_printable_report() {
    let inst = instrument();
    for (fixture, lang, code) in [
        ("01_micro_shop", Lang::Zh, "zh-CN"),
        ("02_broad_shallow_trader", Lang::En, "en"),
    ] {
        let a = answers(&inst, fixture);
        let r = report(&inst, &a, lang);
        let src = render(&inst, &a, lang, ReportFormat::Html);
        assert!(src.starts_with("<!DOCTYPE html>"));
        let doc = Html::parse_document(&src);
        let html = doc.select(&sel("html")).next().unwrap();
        assert_eq!(html.value().attr("lang"), Some(code));
        assert_eq!(doc.select(&sel("meta[charset=utf-8]")).count(), 1);
        for id in [
            "summary",
            "dimensions",
            "ladder-cloud_depth",
            "breadth",
            "recommendations",
            "plan",
            "proposals",
            "appendix",
            "notes",
        ] {
            let s = sel(&format!("#{id} > h2"));
            assert_eq!(doc.select(&s).count(), 1, "{fixture}: heading of #{id}");
        }
        assert_eq!(doc.select(&sel("h1")).count(), 1);
        let recs: Vec<_> = doc.select(&sel("#recommendations > section.rec")).collect();
        assert_eq!(recs.len(), r.recommendations.len());
        for (el, rec) in recs.iter().zip(&r.recommendations) {
            assert_eq!(el.select(&sel("h3")).count(), 1);
            assert!(el.text().collect::<String>().contains(&rec.speaker));
            assert_eq!(el.select(&sel("ul.steps > li")).count(), rec.steps.len());
            assert_eq!(el.select(&sel("p.why")).count(), 1, "one because sentence");
            assert!(
                el.select(&sel("h3"))
                    .next()
                    .is_some_and(|h| h.text().collect::<String>().contains(&rec.headline)),
                "the card is headed by its action"
            );
        }
        assert_eq!(doc.select(&sel(".card svg.meter")).count(), 2);
        let scored = r.dimensions.iter().filter(|d| d.score.is_some()).count();
        assert_eq!(
            doc.select(&sel("svg.dots circle.dot, svg.dots rect.dot"))
                .count(),
            scored
        );
        assert_eq!(
            doc.select(&sel("svg.dots line.threshold")).count(),
            r.dimensions.len(),
            "a reference tick per dimension"
        );
        let top = doc.select(&sel("#top-actions li")).count();
        assert_eq!(top, r.summary.actions.len().max(1));
        let ladder = doc.select(&sel("svg.ladder")).next().expect("ladder chart");
        assert_eq!(
            ladder.select(&sel("g.rung")).count(),
            r.ladders[0].rungs.len()
        );
        assert_eq!(ladder.select(&sel("g.current")).count(), 1);
        assert_eq!(
            doc.select(&sel("#plan table.plan tbody tr")).count(),
            r.plan.items.len()
        );
        let rows: usize = r.appendix.iter().map(|g| g.items.len()).sum();
        assert_eq!(
            doc.select(&sel("#appendix table.appendix tbody tr"))
                .count(),
            rows
        );
        // Self-contained: nothing to fetch, nothing to run.
        for tag in ["script", "img", "link", "iframe", "object", "embed"] {
            assert_eq!(doc.select(&sel(tag)).count(), 0, "{tag}");
        }
        for el in doc.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "event handler {name}");
                assert!(
                    !(name == "src" || (name == "href" && !value.starts_with('#'))),
                    "external reference {name}={value}"
                );
            }
        }
        let style = doc.select(&sel("style")).next().unwrap().inner_html();
        assert!(style.contains("size: A4"));
        assert!(style.contains("break-inside: avoid"));
        assert!(!style.contains("url(http") && !style.contains("@import"));
    }
}

/// The built-in questionnaire and catalogue with hostile text in the places a report prints.
fn hostile_instrument() -> Instrument {
    let mut q: Value = serde_json::from_str(BUILTIN_QUESTIONNAIRE).unwrap();
    for lang in ["zh", "en"] {
        q["title"][lang] = format!("Title {SCRIPT}").into();
        q["questions"][0]["text"][lang] = format!("Question {IMG}").into();
        q["areas"][0]["dimensions"][0]["title"][lang] = format!("Dim {SCRIPT}").into();
        q["ladders"][0]["rungs"][0]["label"][lang] = format!("Rung {IMG}").into();
        for level in q["areas"][0]["levels"].as_array_mut().unwrap() {
            level["label"][lang] = format!("Level {SCRIPT}").into();
        }
    }
    let mut p: Value = serde_json::from_str(BUILTIN_PROPOSALS).unwrap();
    for lang in ["zh", "en"] {
        for proposal in p["proposals"].as_array_mut().unwrap() {
            proposal["speaker"][lang] = format!("Speaker {IMG}").into();
        }
        p["caveat"][lang] = format!("Caveat {SCRIPT}").into();
    }
    Instrument::from_sources("hostile.json", &q.to_string(), "p.json", &p.to_string())
        .expect("hostile text is still a valid questionnaire")
}

#[test]
fn html_shows_hostile_text_as_text() {
    let inst = hostile_instrument();
    let mut file = fixture_json("01_micro_shop");
    file["profile"]["name"] = SCRIPT.into();
    file["profile"]["region"] = IMG.into();
    file["answers"]["x_wish"] = format!("{IMG} & {SCRIPT}").into();
    let a = answers_from(&inst, &file);
    for lang in Lang::ALL {
        let src = render(&inst, &a, lang, ReportFormat::Html);
        assert!(
            !src.contains(SCRIPT) && !src.contains("<img"),
            "raw markup leaked"
        );
        let doc = Html::parse_document(&src);
        assert_eq!(doc.select(&sel("script")).count(), 0);
        assert_eq!(doc.select(&sel("img")).count(), 0);
        for el in doc.select(&sel("*")) {
            assert!(el.value().attrs().all(|(n, _)| !n.starts_with("on")));
        }
        let firm: String = doc.select(&sel(".firm")).next().unwrap().text().collect();
        assert_eq!(firm, SCRIPT);
        let title: String = doc.select(&sel("title")).next().unwrap().text().collect();
        assert!(title.contains(SCRIPT));
        let text: String = doc.root_element().text().collect();
        for shown in [
            format!("{IMG} & {SCRIPT}"),
            format!("Question {IMG}"),
            format!("Dim {SCRIPT}"),
            format!("Speaker {IMG}"),
            format!("Level {SCRIPT}"),
            format!("Caveat {SCRIPT}"),
        ] {
            assert!(text.contains(&shown), "{lang:?}: {shown} not shown as text");
        }
        let ladder: String = doc
            .select(&sel("svg.ladder"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert!(ladder.contains(&format!("Rung {IMG}")));
    }
}

/// Cells of a Markdown table row, split at pipes that are not escaped.
fn cells(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
    }
    n
}

#[test]
fn markdown_escapes_user_text_and_keeps_tables_whole() {
    let inst = instrument();
    let mut file = fixture_json("02_broad_shallow_trader");
    file["profile"]["name"] = "A|B *Trading* <b>Co</b>".into();
    file["answers"]["x_wish"] = "# more orders | less cost\n- and a list".into();
    let a = answers_from(&inst, &file);
    for lang in Lang::ALL {
        let md = render(&inst, &a, lang, ReportFormat::Md);
        assert!(
            md.contains(r"A\|B \*Trading\* \<b\>Co\</b\>"),
            "firm name escaped"
        );
        assert!(md.contains(r"\# more orders \| less cost - and a list"));
        assert!(!md.contains("<b>"));
        // Every row of a table has as many cell borders as its header.
        let mut header: Option<usize> = None;
        for line in md.lines() {
            if line.starts_with('|') {
                let n = cells(line);
                match header {
                    None => header = Some(n),
                    Some(h) => assert_eq!(n, h, "broken table row: {line}"),
                }
            } else {
                header = None;
            }
        }
        assert!(md.lines().any(|l| l.starts_with("## ")));
        assert!(md.contains("- [ ] "), "the plan is a task list");
    }
}

#[test]
fn json_is_the_score_json_plus_the_sections() {
    let inst = instrument();
    let a = answers(&inst, "01_micro_shop");
    let v: Value = serde_json::from_str(&render(&inst, &a, Lang::En, ReportFormat::Json)).unwrap();
    for key in ["id", "version", "hash"] {
        assert!(v["questionnaire"][key].is_string(), "questionnaire.{key}");
    }
    assert!(v["overall"]["score"].is_number() && v["overall"]["level"].is_string());
    let areas: Vec<&str> = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(areas, ["cloud", "finance"]);
    let recs = v["recommendations"].as_array().unwrap();
    assert_eq!(recs.len(), 11);
    for r in recs {
        assert!(r["proposal"].as_str().unwrap().starts_with('P'));
        assert!(r["priority"].is_number() && r["because"].is_array() && r["action"].is_string());
    }
    let report = &v["report"];
    assert_eq!(report["date"], DATE);
    assert_eq!(report["firm"], "县城杂货店");
    for key in [
        "profile",
        "headlines",
        "dimensions",
        "ladders",
        "gaps",
        "recommendations",
        "plan",
        "appendix",
        "source",
        "caveat",
        "disclaimer",
    ] {
        assert!(!report[key].is_null(), "report.{key}");
    }
    assert_eq!(report["headlines"].as_array().unwrap().len(), 2);
    assert_eq!(report["plan"]["items"][0]["horizon"], "now");
    // The contract's additions at the top level.
    assert_eq!(v["format_version"], 2);
    assert!(v["tool_version"].is_string());
    assert_eq!(v["thresholds"]["gap_below"], 60.0);
    let summary = &v["summary"];
    for key in ["verdict", "strengths", "gaps", "actions"] {
        assert!(summary[key].is_array(), "summary.{key}");
    }
    assert!(summary["confidence"].is_string());
    assert_eq!(summary["wish"], "想知道每个月到底赚了多少钱。");
    assert_eq!(summary["verdict"][0]["area"], "cloud");
    let actions = summary["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 3);
    let is_date = |v: &Value| {
        v.as_str()
            .is_some_and(|d| smecheck::domain::report::check_date(d).is_ok())
    };
    assert!(
        actions
            .iter()
            .all(|a| a["action"].is_string() && is_date(&a["due"]))
    );
    let plan = v["plan"].as_array().unwrap();
    assert!(!plan.is_empty());
    for item in plan {
        for key in ["action", "proposal", "owner", "effort", "done_when"] {
            assert!(!item[key].is_null(), "plan.{key}: {item}");
        }
        assert!(is_date(&item["start"]) && is_date(&item["due"]), "{item}");
    }
    // Coded profile values beside their labels.
    let size = report["profile"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "micro");
    assert!(size.is_some(), "the size field carries its code");
    assert_eq!(report["source"]["date"], "2020-05-31");
}

#[test]
fn same_input_same_bytes() {
    for fixture in ["02_broad_shallow_trader", "06_unsure_owner"] {
        for lang in Lang::ALL {
            for format in ReportFormat::ALL {
                let one = {
                    let inst = instrument();
                    render(&inst, &answers(&inst, fixture), lang, format)
                };
                let two = {
                    let inst = instrument();
                    render(&inst, &answers(&inst, fixture), lang, format)
                };
                assert!(
                    one == two,
                    "{fixture} {lang:?} {format:?} differs between runs"
                );
            }
        }
    }
}

// ---- the `report` command through the real binary ----

const MICRO: &str = "tests/fixtures/answers/01_micro_shop.json";

#[test]
fn cli_prints_the_report_to_stdout() {
    let r = smecheck(&[
        "report",
        "--answers",
        MICRO,
        "--format",
        "text",
        "--lang",
        "en",
        "--date",
        DATE,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let inst = instrument();
    let expected = render(
        &inst,
        &answers(&inst, "01_micro_shop"),
        Lang::En,
        ReportFormat::Text,
    );
    assert_eq!(r.stdout, expected);
    for format in ["md", "html", "json"] {
        let r = smecheck(&[
            "report",
            "--answers",
            MICRO,
            "--format",
            format,
            "--date",
            DATE,
        ]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(!r.stdout.is_empty());
    }
}

#[test]
fn cli_date_defaults_to_today() {
    let r = smecheck(&["report", "--answers", MICRO, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let date = v["report"]["date"].as_str().unwrap();
    assert!(smecheck::domain::report::check_date(date).is_ok(), "{date}");
    assert!(date.as_bytes()[..2] == *b"20");
}

#[test]
fn cli_writes_a_file_and_only_replaces_it_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let p = path.to_str().unwrap();
    let args = [
        "report",
        "--answers",
        MICRO,
        "--format",
        "html",
        "--date",
        DATE,
        "-o",
        p,
    ];
    let r = smecheck(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing on stdout with -o");
    let first = std::fs::read(&path).unwrap();
    assert!(first.starts_with(b"<!DOCTYPE html>"));

    std::fs::write(&path, "keep me").unwrap();
    let r = smecheck(&args);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    let mut forced = args.to_vec();
    forced.push("--force");
    let r = smecheck(&forced);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        first,
        "same input, same bytes"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn cli_refuses_bad_usage_with_exit_2() {
    for (args, says) in [
        (vec!["--date", "2026-13-01"], "YYYY-MM-DD"),
        (vec!["--date", "24.11.2026"], "YYYY-MM-DD"),
        (vec!["--format", "pdf"], "pdf"),
        (vec!["--lang", "fr"], "fr"),
    ] {
        let mut all = vec!["report", "--answers", MICRO];
        all.extend(&args);
        let r = smecheck(&all);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
    let r = smecheck(&["report", "--format", "text"]);
    assert_eq!(r.code, 2, "--answers is required");
}

#[test]
fn cli_reports_data_errors_with_exit_1() {
    let r = smecheck(&["report", "--answers", "no/such/file.json", "--date", DATE]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no/such/file.json"), "{}", r.stderr);
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("nope/report.txt");
    let r = smecheck(&[
        "report",
        "--answers",
        MICRO,
        "--date",
        DATE,
        "-o",
        missing_dir.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("cannot write the report"), "{}", r.stderr);
    assert!(
        r.stderr.contains("nope/report.txt"),
        "names the file: {}",
        r.stderr
    );
}

/// An answer adopted from the what-if sandbox is marked in the answer file and noted in
/// every report format, in both languages; a file without the mark reads as before.
#[test]
fn answers_adopted_from_what_if_are_noted_in_every_format() {
    let inst = instrument();
    let mut file = fixture_json("04_mid_manufacturer");
    let (id, _) = file["answers"]
        .as_object()
        .and_then(|a| a.iter().find(|(_, v)| v.is_string()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .expect("a choice answer");
    file["whatif"] = serde_json::json!({ id.clone(): "2026-11-20" });
    let marked = answers_from(&inst, &file);
    let qid = smecheck::domain::model::QuestionId(id.as_str().into());
    assert_eq!(marked.whatif_date(&qid), Some("2026-11-20"));
    let question = inst.questionnaire.question(&qid).expect("question");
    // Saved again, the mark stays.
    let again = marked.to_file(&inst.questionnaire, None);
    assert_eq!(
        again.whatif.get(&id).map(String::as_str),
        Some("2026-11-20")
    );
    for lang in Lang::ALL {
        let note = match lang {
            Lang::Zh => "来自“假设”试算",
            Lang::En => "set in the what-if sandbox",
        };
        for format in ReportFormat::ALL {
            let out = render(&inst, &marked, lang, format);
            if format == ReportFormat::Json {
                let v: Value = serde_json::from_str(&out).expect("json");
                assert_eq!(
                    v["report"]["whatif"][0]["adopted"], "2026-11-20",
                    "{lang:?}"
                );
                continue;
            }
            assert!(
                out.contains(note),
                "{lang:?} {format:?} has no what-if note"
            );
            assert!(out.contains("2026-11-20"), "{lang:?} {format:?}: the day");
            let text = question.text.get(lang);
            let head: String = text.chars().take(8).collect();
            assert!(out.contains(&head), "{lang:?} {format:?}: the question");
        }
        let plain = render(
            &inst,
            &answers(&inst, "04_mid_manufacturer"),
            lang,
            ReportFormat::Text,
        );
        assert!(!plain.contains(note), "no note without what-if answers");
    }
}
