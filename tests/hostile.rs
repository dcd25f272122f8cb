//! Hostile input: random bytes and mangled JSON never panic; nasty strings in firm names and
//! free text come out harmless in the TUI, plain mode, the score text and every report format.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::{BUILTIN_PROPOSALS, BUILTIN_QUESTIONNAIRE};
use smecheck::domain::model::QuestionId;
use smecheck::domain::output::score_text;
use smecheck::domain::report::{ReportFormat, write_report};
use smecheck::domain::{Instrument, Lang, score};
use smecheck::tui::app::{App, Session};

fn builtin() -> Instrument {
    Instrument::builtin().expect("built-in")
}

/// The strings an attacker or an unlucky copy-paste might put in a name or a free-text answer.
const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd",
    "-2+3",
    "\x1b[2J\x1b[31mred\x1b[0m",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x1b]0;pwned title\x07",
    "\u{9b}31m C1 CSI",
    "abc\u{202E}txt.exe",
    "\u{2066}isolate\u{2069}",
    "nul\0byte",
    "| pipe | table | break |",
    "# heading\n\n* list",
    "line1\r\nline2",
];

/// Characters that must never reach a terminal or document raw.
fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_harmless(what: &str, out: &str) {
    if let Some(c) = out.chars().find(|c| dangerous(*c)) {
        panic!("{what}: raw U+{:04X} in the output", u32::from(c));
    }
}

fn nasty_firm(text: &str) -> AnswerSet {
    let inst = builtin();
    let q = &inst.questionnaire;
    let mut answers = AnswerSet::new();
    answers.profile.insert("name".into(), text.to_string());
    answers.profile.insert("region".into(), text.to_string());
    let free = q
        .questions
        .iter()
        .find(|x| x.kind == smecheck::domain::QuestionKind::Text)
        .expect("a free-text question");
    answers.set(free.id.clone(), Answer::Text(text.to_string()));
    answers.set(
        QuestionId("c_has_production".into()),
        Answer::Choice("no".into()),
    );
    answers
}

#[test]
fn nasty_strings_are_harmless_in_every_output() {
    let inst = builtin();
    let mut tried = 0;
    for text in NASTY.iter().copied().chain([&*"长".repeat(5000)]) {
        let answers = nasty_firm(text);
        let card = score(&inst, &answers);
        for lang in Lang::ALL {
            let t = score_text(&inst, &card, &answers, lang, 80);
            assert_harmless("score text", &t);
            for format in ReportFormat::ALL {
                let mut out = Vec::new();
                write_report(&inst, &answers, &card, lang, "2026-11-24", format, &mut out)
                    .expect("report");
                let s = String::from_utf8(out).expect("utf-8");
                assert_harmless(&format!("{format:?} report"), &s);
                if format == ReportFormat::Html {
                    assert!(!s.contains("<script>alert"), "HTML escapes markup");
                    assert!(!s.contains("<img src=x"), "HTML escapes attributes");
                }
                if format == ReportFormat::Text {
                    assert!(
                        s.lines().all(|l| smecheck::domain::wrap::width(l) <= 80),
                        "text stays within 80 columns even with a 5,000-character answer"
                    );
                }
                tried += 1;
            }
            // The TUI: welcome screen (firm name) and the free-text question.
            let mut app = App::new(inst.clone(), lang, answers.clone(), Session::default());
            for screen in 0..2 {
                if screen == 1 {
                    let free = inst
                        .questionnaire
                        .questions
                        .iter()
                        .position(|x| x.kind == smecheck::domain::QuestionKind::Text)
                        .expect("free text");
                    app.goto_question(free);
                }
                let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
                t.draw(|f| smecheck::tui::view::draw(f, &app))
                    .expect("draw");
                let buf = t.backend().buffer();
                for cell in buf.content() {
                    assert_harmless("TUI cell", cell.symbol());
                }
                tried += 1;
            }
        }
    }
    println!(
        "hostile strings: {tried} renderings checked (score text, 4 report formats, TUI), none leaked a control character"
    );
}

#[test]
fn plain_mode_never_prints_raw_escapes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("a.json");
    let inst = builtin();
    let mut file = nasty_firm("\x1b]52;c;SGVsbG8=\x07 \u{202E}").to_file(&inst.questionnaire, None);
    file.answers
        .insert("x_wish".into(), serde_json::json!("\x1b[2Jgone"));
    std::fs::write(&path, serde_json::to_string(&file).expect("json")).expect("write");
    let out = assert_cmd::Command::cargo_bin("smecheck")
        .expect("bin")
        .args(["run", "--plain", "--lang", "en", "--answers"])
        .arg(&path)
        .write_stdin("q\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_harmless("plain mode", &stdout);
}

#[test]
fn questionnaire_text_with_control_characters_is_rejected() {
    let src = BUILTIN_QUESTIONNAIRE.replacen("\"zh\": \"", "\"zh\": \"\\u001b[31m", 1);
    let err = Instrument::from_sources("q.json", &src, "p.json", BUILTIN_PROPOSALS)
        .expect_err("rejected");
    assert!(
        err.to_string().contains("control character U+001B"),
        "{err}"
    );
}

#[test]
fn absurdly_deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = Instrument::from_sources("deep.json", &deep, "p.json", BUILTIN_PROPOSALS)
        .expect_err("rejected");
    assert!(err.to_string().contains("deep.json:1:"), "{err}");
    let inst = builtin();
    let answers = format!("{{\"questionnaire\": {}}}", deep);
    assert!(inst.load_answers("a.json", &answers).is_err());
    let nested_condition = format!(
        "{{\"not\": {}{{\"answered\": \"x\"}}{}}}",
        "{\"not\": ".repeat(5_000),
        "}".repeat(5_000)
    );
    let src = BUILTIN_QUESTIONNAIRE.replacen("\"rules\": [", &format!("\"rules\": [{{\"id\": \"deep\", \"proposal\": \"P1\", \"priority\": 1, \"horizon\": \"now\", \"action\": {{\"zh\": \"x\", \"en\": \"x\"}}, \"when\": {nested_condition}}},"), 1);
    assert!(Instrument::from_sources("q.json", &src, "p.json", BUILTIN_PROPOSALS).is_err());
}

#[test]
fn oversized_files_are_refused_with_a_clear_message() {
    let big = " ".repeat(smecheck::domain::instrument::MAX_FILE_BYTES + 1);
    let err = builtin()
        .load_answers("big.json", &big)
        .expect_err("too large");
    assert!(err.to_string().contains("more than the"), "{err}");
}

#[test]
fn too_many_questions_are_refused() {
    let mut v: serde_json::Value = serde_json::from_str(BUILTIN_QUESTIONNAIRE).expect("json");
    let first = v["questions"][1].clone();
    let list = v["questions"].as_array_mut().expect("questions");
    for i in 0..smecheck::domain::validate::MAX_QUESTIONS {
        let mut q = first.clone();
        q["id"] = serde_json::json!(format!("extra_{i}"));
        list.push(q);
    }
    let src = serde_json::to_string(&v).expect("json");
    let err =
        Instrument::from_sources("q.json", &src, "p.json", BUILTIN_PROPOSALS).expect_err("refused");
    assert!(
        err.to_string()
            .contains("questions, more than the 500 allowed"),
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/proptest-regressions/hostile.txt"))), ..ProptestConfig::default() })]

    /// Any bytes at all, as a questionnaire or an answer file: an error or a result, never a panic.
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Instrument::from_sources("q.json", &text, "p.json", BUILTIN_PROPOSALS);
        let inst = builtin();
        if let Ok(loaded) = inst.load_answers("a.json", &text) {
            let _ = score(&inst, &loaded.answers);
        }
    }

    /// A valid answer file with one answer replaced by arbitrary JSON: loads or is refused with
    /// the question named; what loads always scores within 0–100.
    #[test]
    fn mangled_answers_never_panic(key in 0usize..60, value in arb_json()) {
        let inst = builtin();
        let q = &inst.questionnaire;
        let mut file = smecheck::domain::codebook::template(q);
        let id = q.questions.get(key % q.questions.len()).map(|x| x.id.to_string()).unwrap_or_default();
        file.answers.insert(id.clone(), value);
        let src = serde_json::to_string(&file).expect("json");
        match inst.load_answers("a.json", &src) {
            Ok(loaded) => {
                let card = score(&inst, &loaded.answers);
                prop_assert!(card.overall_score.is_none_or(|s| (0.0..=100.0).contains(&s)));
            }
            Err(e) => prop_assert!(e.to_string().contains(&id), "{}", e),
        }
    }

    /// Mangling the questionnaire itself (a field deleted or retyped): a located error, no panic.
    #[test]
    fn mangled_questionnaires_never_panic(path in proptest::collection::vec(0usize..40, 1..6), value in arb_json()) {
        let mut v: serde_json::Value = serde_json::from_str(BUILTIN_QUESTIONNAIRE).expect("json");
        // Walk the document by the generated path, building a JSON pointer to the spot.
        let mut pointer = String::new();
        let mut at = &v;
        for step in &path {
            let next = match at {
                serde_json::Value::Object(m) if !m.is_empty() => {
                    let (k, x) = m.iter().nth(step % m.len()).expect("non-empty");
                    pointer.push_str(&format!("/{}", k.replace('~', "~0").replace('/', "~1")));
                    Some(x)
                }
                serde_json::Value::Array(a) if !a.is_empty() => {
                    pointer.push_str(&format!("/{}", step % a.len()));
                    a.get(step % a.len())
                }
                _ => None,
            };
            match next {
                Some(n) => at = n,
                None => break,
            }
        }
        if let Some(slot) = v.pointer_mut(&pointer) {
            *slot = value;
        }
        let src = serde_json::to_string_pretty(&v).expect("json");
        if let Err(e) = Instrument::from_sources("q.json", &src, "p.json", BUILTIN_PROPOSALS) {
            prop_assert!(e.to_string().starts_with("q.json:") || e.to_string().contains("proposals"), "{}", e);
        }
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| serde_json::json!(x)),
        ".{0,12}".prop_map(serde_json::Value::String),
        Just(serde_json::json!("dont_know")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(".{0,6}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}
