//! A questionnaire's own recommendations catalogue, or none (issue 17): through the real
//! binary, a questionnaire without a catalogue gets reports, scores and a workshop report with
//! no recommendation part at all (no empty boxes), and one with a catalogue written out in it
//! recommends from that catalogue only, never from smecheck's P1–P11.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod common;

use common::smecheck;
use serde_json::Value;

const NONE: &str = "tests/fixtures/questionnaires/valid/no_recommendations.json";
const OWN: &str = "tests/fixtures/questionnaires/valid/own_recommendations.json";

/// Writes an answer file for questionnaire `id` with q1 and q2 answered.
fn answers(dir: &std::path::Path, id: &str, q1: &str, q2: &str) -> String {
    let path = dir.join(format!("{id}.json"));
    let body = serde_json::json!({
        "questionnaire": {"id": id, "version": "0.1.0"},
        "profile": {},
        "answers": {"q1": q1, "q2": q2},
    });
    std::fs::write(&path, body.to_string()).unwrap();
    path.to_str().unwrap().to_string()
}

fn report(q: &str, file: &str, format: &str, lang: &str) -> String {
    let run = smecheck(&[
        "report",
        "--questionnaire",
        q,
        "--answers",
        file,
        "--format",
        format,
        "--lang",
        lang,
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn without_a_catalogue_the_reports_leave_the_recommendations_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers(dir.path(), "tiny", "no", "no");
    for lang in ["en", "zh"] {
        let text = report(NONE, &file, "text", lang);
        let md = report(NONE, &file, "md", lang);
        let html = report(NONE, &file, "html", lang);
        for (format, out) in [("text", &text), ("md", &md), ("html", &html)] {
            for gone in [
                "Action plan",
                "Recommendations",
                "First actions",
                "Two Sessions",
                "行动计划",
                "建议与下一步",
                "两会",
                "P1",
            ] {
                assert!(!out.contains(gone), "{lang} {format} has `{gone}`:\n{out}");
            }
        }
        // The remaining sections are numbered without a hole: scores are section 2.
        let scores = if lang == "en" {
            "2. Scores by dimension"
        } else {
            "2. 各维度得分"
        };
        assert!(text.contains(scores), "{text}");
        assert!(md.contains(&format!("## {scores}")), "{md}");
        assert!(html.contains(&format!("<h2>{scores}</h2>")), "{html}");
    }
    let json: Value = serde_json::from_str(&report(NONE, &file, "json", "en")).unwrap();
    assert!(json.get("recommendations").is_none(), "{json}");
    assert!(json.get("plan").is_none(), "{json}");
    assert!(json["summary"].get("actions").is_none(), "{json}");
    for k in ["recommendations", "plan", "proposals", "source", "caveat"] {
        assert!(json["report"].get(k).is_none(), "report.{k} in {json}");
    }
    // The scores are there: two "no" answers of a yes/no dimension score 0.
    assert_eq!(json["overall"]["score"], 0.0);
}

#[test]
fn without_a_catalogue_score_says_nothing_of_recommendations() {
    let dir = tempfile::tempdir().unwrap();
    let file = answers(dir.path(), "tiny", "yes", "no");
    let run = smecheck(&[
        "score",
        "--questionnaire",
        NONE,
        "--answers",
        &file,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Overall: 50.0 / 100"), "{}", run.stdout);
    assert!(!run.stdout.contains("Recommendations"), "{}", run.stdout);
    assert!(!run.stdout.contains("no recommendation"), "{}", run.stdout);
    let run = smecheck(&[
        "score",
        "--questionnaire",
        NONE,
        "--answers",
        &file,
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(v.get("recommendations").is_none(), "{v}");
}

#[test]
fn an_own_catalogue_recommends_from_itself_only() {
    let dir = tempfile::tempdir().unwrap();
    // q1 "no" fires the one rule, r1 → A1.
    let file = answers(dir.path(), "tiny-own", "no", "yes");
    let text = report(OWN, &file, "text", "en");
    assert!(text.contains("A1"), "{text}");
    assert!(text.contains("Try one tool."), "{text}");
    assert!(
        text.contains("The tiny questionnaire's advice"),
        "the catalogue's own source is cited:\n{text}"
    );
    assert!(!text.contains("Two Sessions"), "{text}");
    let json: Value = serde_json::from_str(&report(OWN, &file, "json", "en")).unwrap();
    let recs = json["recommendations"].as_array().unwrap();
    assert_eq!(recs.len(), 1, "{json}");
    assert_eq!(recs[0]["proposal"], "A1");
    // q1 "yes": the rule does not hold, and nothing is recommended.
    let file = answers(dir.path(), "tiny-own", "yes", "yes");
    let json: Value = serde_json::from_str(&report(OWN, &file, "json", "en")).unwrap();
    assert_eq!(json["recommendations"].as_array().unwrap().len(), 0);
}

#[test]
fn a_workshop_without_a_catalogue_reports_no_needs() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let ws_s = ws.to_str().unwrap();
    let run = smecheck(&[
        "workshop",
        "new",
        ws_s,
        "--title",
        "Tiny room",
        "--questionnaire",
        NONE,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The folder keeps its own copy of the questionnaire: enough to re-open it.
    let copy = std::fs::read_to_string(ws.join("questionnaire.json")).unwrap();
    assert_eq!(copy, std::fs::read_to_string(NONE).unwrap());
    let a = answers(dir.path(), "tiny", "yes", "no");
    let run = smecheck(&["workshop", "import", ws_s, &a, "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = smecheck(&["workshop", "report", ws_s, "--format", "md", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = run.stdout;
    assert!(md.contains("Tiny room"), "{md}");
    assert!(!md.contains("The proposals the room needs"), "{md}");
    assert!(!md.contains("| Proposals"), "{md}");
    assert!(!md.contains("P1"), "{md}");
}
