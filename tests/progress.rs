//! A firm's progress between two checks, as a reader gets it: `compare` goldens in every format
//! and both languages (a T0 file saved with an older questionnaire version and a T1 file six
//! months later), the "since last time" section of `report --baseline` on the first page of
//! every format, exit codes, and the earlier file left untouched.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::path::PathBuf;

mod common;

use common::smecheck;
use scraper::{Html, Selector};
use serde_json::Value;
use smecheck::domain::answers::AnswerFile;
use smecheck::domain::progress::compare_files;
use smecheck::domain::report::{ReportFormat, write_compare};
use smecheck::domain::wrap::width;
use smecheck::domain::{Instrument, Lang};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/progress/{name}.json"))
}

const T0: &str = "t0_micro_shop";
const T1: &str = "t1_micro_shop";

fn file(name: &str) -> AnswerFile {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

fn render(lang: Lang, format: ReportFormat) -> String {
    let inst = Instrument::builtin().unwrap();
    let p = compare_files(&inst, &file(T0), &file(T1)).unwrap();
    let mut out = Vec::new();
    write_compare(&inst, &p, Some("县城杂货店"), lang, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn golden_comparisons() {
    for lang in Lang::ALL {
        for format in ReportFormat::ALL {
            let name = format!("compare.{}.{}", lang.code(), format.extension());
            insta::assert_snapshot!(name, render(lang, format));
        }
    }
}

#[test]
fn the_text_comparison_fits_80_columns() {
    for lang in Lang::ALL {
        for (n, line) in render(lang, ReportFormat::Text).lines().enumerate() {
            assert!(width(line) <= 80, "{lang:?} line {}: {line}", n + 1);
            assert_eq!(line, line.trim_end());
        }
    }
}

#[test]
fn the_json_comparison_says_what_changed_by_id() {
    let v: Value = serde_json::from_str(&render(Lang::En, ReportFormat::Json)).unwrap();
    let p = &v["since_last_time"]["progress"];
    assert!(p["overall"]["delta"].as_f64().unwrap() > 0.0);
    assert_eq!(p["overall"]["movement"], "up");
    assert_eq!(p["before"]["version"], "0.9.0");
    let ladders = p["ladders"].as_array().unwrap();
    assert!(ladders.iter().all(|l| l["steps"].as_i64().unwrap() > 0));
    let statuses: Vec<&str> = p["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert!(statuses.contains(&"resolved") && statuses.contains(&"still_open"));
    assert!(
        p["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["status"] == "acted_on")
    );
    // The question the earlier version had is listed, not compared.
    let unmapped = p["unmapped"].as_array().unwrap();
    assert_eq!(unmapped.len(), 1);
    assert_eq!(unmapped[0]["side"], "before");
    assert_eq!(unmapped[0]["question"], "c_legacy_paper_ledger");
}

#[test]
fn the_html_comparison_escapes_and_uses_the_report_frame() {
    let inst = Instrument::builtin().unwrap();
    let p = compare_files(&inst, &file(T0), &file(T1)).unwrap();
    let mut out = Vec::new();
    let hostile = "<script>alert(1)</script>";
    write_compare(
        &inst,
        &p,
        Some(hostile),
        Lang::En,
        ReportFormat::Html,
        &mut out,
    )
    .unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(!html.contains(hostile));
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&Selector::parse("script").unwrap()).count(), 0);
    assert_eq!(
        doc.select(&Selector::parse("section#since").unwrap())
            .count(),
        1
    );
    assert!(html.contains("Content-Security-Policy"));
    assert!(
        html.contains("@media print"),
        "the report's stylesheet is inlined"
    );
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn compare_through_the_binary_in_both_languages() {
    let before = std::fs::read(fixture(T0)).unwrap();
    for (lang, heading) in [
        ("en", "Progress between two checks"),
        ("zh", "两次自评的对比"),
    ] {
        let r = smecheck(&[
            "compare",
            "--before",
            &path(T0),
            "--after",
            &path(T1),
            "--lang",
            lang,
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains(heading));
    }
    assert_eq!(
        std::fs::read(fixture(T0)).unwrap(),
        before,
        "T0 is only read"
    );
}

#[test]
fn compare_exit_codes() {
    // A file that is not there: a data error.
    let r = smecheck(&[
        "compare",
        "--before",
        "/nonexistent/t0.json",
        "--after",
        &path(T1),
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("cannot read answer file /nonexistent/t0.json"),
        "{}",
        r.stderr
    );
    // A file of another questionnaire.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.json");
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(T0)).unwrap()).unwrap();
    v["questionnaire"]["id"] = "another-check".into();
    std::fs::write(&other, v.to_string()).unwrap();
    let r = smecheck(&[
        "compare",
        "--before",
        other.to_str().unwrap(),
        "--after",
        &path(T1),
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("`another-check`") && r.stderr.contains("hint:"),
        "{}",
        r.stderr
    );
    let r = smecheck(&[
        "compare",
        "--before",
        other.to_str().unwrap(),
        "--after",
        &path(T1),
        "--lang",
        "zh",
    ]);
    assert!(r.stderr.contains("无法比较"), "{}", r.stderr);
    // Bad usage: --after missing.
    let r = smecheck(&["compare", "--before", &path(T0)]);
    assert_eq!(r.code, 2);
}

#[test]
fn report_with_a_baseline_shows_since_last_time_on_the_first_page() {
    for (lang, title) in [("en", "Since last time"), ("zh", "与上次相比")] {
        for format in ["text", "md", "html", "json"] {
            let r = smecheck(&[
                "report",
                "--answers",
                &path(T1),
                "--baseline",
                &path(T0),
                "--format",
                format,
                "--lang",
                lang,
                "--date",
                "2026-11-24",
            ]);
            assert_eq!(r.code, 0, "{format} {lang}: {}", r.stderr);
            match format {
                "json" => {
                    let v: Value = serde_json::from_str(&r.stdout).unwrap();
                    let since = &v["report"]["since_last_time"];
                    assert_eq!(since["title"], title);
                    assert!(since["progress"]["overall"]["delta"].as_f64().unwrap() > 0.0);
                }
                "html" => {
                    let doc = Html::parse_document(&r.stdout);
                    // The section follows the cover, before the first numbered section.
                    let ids: Vec<String> = doc
                        .select(&Selector::parse("main > section").unwrap())
                        .filter_map(|s| s.value().attr("id").map(str::to_string))
                        .collect();
                    assert_eq!(ids.first().map(String::as_str), Some("since"), "{ids:?}");
                }
                _ => {
                    let at = r.stdout.find(title).expect("section present");
                    let first_numbered = r.stdout.find("1. ").unwrap();
                    assert!(at < first_numbered, "{format} {lang}: section comes first");
                    // Text: on the first printed page (the first 60 lines).
                    if format == "text" {
                        let line = r.stdout[..at].lines().count();
                        assert!(line < 60, "line {line}");
                    }
                }
            }
        }
    }
    // Without --baseline, nothing changes.
    let r = smecheck(&[
        "report",
        "--answers",
        &path(T1),
        "--format",
        "json",
        "--lang",
        "en",
        "--date",
        "2026-11-24",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["report"].get("since_last_time").is_none());
}
