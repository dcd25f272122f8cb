//! Questionnaires by name (issue 17): `--questionnaire NAME|PATH`, `questionnaire --list`,
//! and every shipped instrument validated, scored and reported through the real binary, with
//! answer files generated from the loaded instrument (no question id written here).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod common;

use assert_cmd::cargo::cargo_bin_cmd;
use common::smecheck;
use serde_json::{Map, Value, json};
use smecheck::domain::Instrument;
use smecheck::domain::instrument::{INSTRUMENTS, builtin_file_name};
use smecheck::domain::model::QuestionKind;

fn load(name: &str, json: &str) -> Instrument {
    Instrument::load(&builtin_file_name(name), json).unwrap()
}

/// An answer file for `inst` answering every question with its `pick`-th option (cut to the
/// last), numbers with their minimum, text with a word.
fn answer_file(inst: &Instrument, pick: usize) -> Value {
    let q = &inst.questionnaire;
    let mut answers = Map::new();
    for x in &q.questions {
        let opt = |i: usize| x.options[i.min(x.options.len() - 1)].id.to_string();
        let a = match x.kind {
            QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => {
                json!(opt(pick))
            }
            QuestionKind::Multi => {
                let o = &x.options[pick.min(x.options.len() - 1)];
                json!([o.id.to_string()])
            }
            QuestionKind::Number => json!(x.min.unwrap_or(0.0)),
            QuestionKind::Text => json!("x"),
            // Every row its `pick`-th option (a tick row: that column ticked).
            QuestionKind::Matrix => Value::Object(
                x.rows
                    .iter()
                    .map(|r| {
                        let v = if x.ticks {
                            json!([opt(pick)])
                        } else {
                            json!(opt(pick))
                        };
                        (r.id.to_string(), v)
                    })
                    .collect(),
            ),
        };
        answers.insert(x.id.to_string(), a);
    }
    let mut profile = Map::new();
    for f in &q.profile {
        let v = f
            .options
            .first()
            .map_or("Firm".to_string(), |o| o.id.clone());
        profile.insert(f.id.clone(), json!(v));
    }
    json!({
        "questionnaire": {"id": q.id, "version": q.version},
        "profile": profile,
        "answers": answers,
    })
}

#[test]
fn the_list_names_every_built_in_instrument_in_both_languages() {
    for lang in ["en", "zh"] {
        let run = smecheck(&["questionnaire", "--list", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for (name, json) in INSTRUMENTS {
            let inst = load(name, json);
            let q = &inst.questionnaire;
            let line = run
                .stdout
                .lines()
                .find(|l| l.starts_with(&format!("{name}  ·  ")))
                .unwrap_or_else(|| panic!("no line for {name}:\n{}", run.stdout));
            assert!(line.contains(&q.version), "{line}");
            assert!(line.contains("zh, en"), "{line}");
            assert!(
                line.contains(&q.questions.len().to_string()),
                "{line}: {} questions",
                q.questions.len()
            );
            assert!(run.stdout.contains(&q.title.zh), "{}", q.title.zh);
            assert!(run.stdout.contains(&q.title.en), "{}", q.title.en);
        }
    }
}

#[test]
fn an_unknown_name_lists_the_known_ones_and_suggests_the_nearest() {
    let run = smecheck(&["validate", "smechek", "--lang", "en"]);
    assert_eq!(run.code, 1);
    let known: Vec<&str> = INSTRUMENTS.iter().map(|(n, _)| *n).collect();
    assert!(
        run.stderr.contains(&format!(
            "no such questionnaire `smechek` (nor a file of that name); known: {}",
            known.join(", ")
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean `smecheck`?"),
        "{}",
        run.stderr
    );
    let run = smecheck(&[
        "report",
        "--questionnaire",
        "zzz",
        "--answers",
        "x.json",
        "--lang",
        "zh",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("没有名为 `zzz` 的问卷"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("questionnaire --list"),
        "{}",
        run.stderr
    );
    // Something written like a path is a file that cannot be read, as before.
    let run = smecheck(&["validate", "no/such.json", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("cannot read questionnaire no/such.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_that_exists_wins_over_a_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/questionnaires/valid/no_recommendations.json"
        ),
        dir.path().join("smecheck"),
    )
    .unwrap();
    let out = cargo_bin_cmd!("smecheck")
        .current_dir(dir.path())
        .env("LANG", "C.UTF-8")
        .args(["validate", "smecheck", "--lang", "en"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("ok: smecheck: tiny 0.1.0"), "{stdout}");
}

#[test]
fn every_shipped_instrument_validates_scores_and_reports_by_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, json) in INSTRUMENTS {
        let inst = load(name, json);
        let run = smecheck(&["validate", name, "--lang", "en"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(
            run.stdout.starts_with(&format!(
                "ok: {}: {}",
                builtin_file_name(name),
                inst.questionnaire.id
            )),
            "{name}: {}",
            run.stdout
        );
        for pick in [0, 99] {
            let file = dir.path().join(format!("{name}-{pick}.json"));
            std::fs::write(&file, answer_file(&inst, pick).to_string()).unwrap();
            let file = file.to_str().unwrap();
            for (format, lang) in [("text", "en"), ("md", "zh"), ("html", "en"), ("json", "zh")] {
                let run = smecheck(&[
                    "report",
                    "--questionnaire",
                    name,
                    "--answers",
                    file,
                    "--format",
                    format,
                    "--lang",
                    lang,
                    "--date",
                    "2026-12-01",
                ]);
                assert_eq!(run.code, 0, "{name} {format} {lang}: {}", run.stderr);
                let title = inst.questionnaire.title.get(if lang == "en" {
                    smecheck::domain::Lang::En
                } else {
                    smecheck::domain::Lang::Zh
                });
                let shown = if format == "html" {
                    smecheck::domain::report::html_escape(title).into_owned()
                } else {
                    title.to_string()
                };
                assert!(run.stdout.contains(&shown), "{name} {format}: no title");
            }
            let run = smecheck(&[
                "score",
                "--questionnaire",
                name,
                "--answers",
                file,
                "--format",
                "json",
            ]);
            assert_eq!(run.code, 0, "{name}: {}", run.stderr);
            let v: Value = serde_json::from_str(&run.stdout).unwrap();
            assert_eq!(v["questionnaire"]["id"], inst.questionnaire.id.as_str());
            assert_eq!(v["questionnaire"]["hash"], inst.hash.as_str());
        }
    }
}

#[test]
fn a_workshop_runs_on_each_named_instrument_and_keeps_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    for (name, json) in INSTRUMENTS.iter().skip(1) {
        let inst = load(name, json);
        let ws = dir.path().join(name);
        let ws_s = ws.to_str().unwrap();
        let run = smecheck(&[
            "workshop",
            "new",
            ws_s,
            "--title",
            "Room",
            "--questionnaire",
            name,
            "--lang",
            "en",
        ]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        // The folder is self-sufficient: the instrument's text is kept in it.
        assert_eq!(
            std::fs::read_to_string(ws.join("questionnaire.json")).unwrap(),
            *json
        );
        // The first and the second option everywhere: two firms with different answers.
        for pick in [0, 1] {
            let file = dir.path().join(format!("{name}-{pick}.json"));
            std::fs::write(&file, answer_file(&inst, pick).to_string()).unwrap();
            let run = smecheck(&["workshop", "import", ws_s, file.to_str().unwrap()]);
            assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        }
        for format in ["md", "html", "csv", "json"] {
            let run = smecheck(&[
                "workshop", "report", ws_s, "--format", format, "--lang", "en",
            ]);
            assert_eq!(run.code, 0, "{name} {format}: {}", run.stderr);
            // The CSV is a header of labels, one of keys, and a row a firm; the others name
            // the questionnaire.
            // A column or field for proposals only where the instrument can recommend any.
            if format == "csv" {
                assert_eq!(run.stdout.lines().count(), 4, "{name}: {}", run.stdout);
                let keys = run.stdout.lines().nth(1).unwrap();
                assert_eq!(
                    keys.split(',').any(|k| k == "proposals"),
                    inst.recommends(),
                    "{name}: {keys}"
                );
            } else if format == "json" {
                assert!(
                    run.stdout.contains(inst.questionnaire.id.as_str()),
                    "{name}"
                );
                let room: Value = serde_json::from_str(&run.stdout).unwrap();
                let firms = room["firms"].as_array().unwrap();
                assert_eq!(firms.len(), 2, "{name}");
                for f in firms {
                    assert_eq!(
                        f.get("proposals").is_some(),
                        inst.recommends(),
                        "{name}: {f}"
                    );
                }
            } else {
                assert!(
                    run.stdout.contains(inst.questionnaire.id.as_str()),
                    "{name} {format}"
                );
            }
        }
        let run = smecheck(&["workshop", "report", ws_s, "--format", "md", "--lang", "en"]);
        assert!(run.stdout.contains("2 firms: 2 finished"), "{}", run.stdout);
        if let Some(note) = &inst.questionnaire.note {
            assert!(
                run.stdout.contains(&note.en),
                "{name}: the note is among the notes"
            );
        }
    }
}

#[test]
fn plain_mode_runs_the_dii_by_name() {
    // A firm name, seven "yes" and five "no", Enter for the results, "n" (no report).
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::from("Acme\n");
    input.push_str(&"1\n".repeat(7));
    input.push_str(&"2\n".repeat(5));
    input.push_str("\nn\n");
    let answers = dir.path().join("dii.json");
    let out = cargo_bin_cmd!("smecheck")
        .env("LANG", "C.UTF-8")
        .env("XDG_DATA_HOME", dir.path())
        .args([
            "run",
            "--plain",
            "--questionnaire",
            "eurostat-dii",
            "--lang",
            "en",
        ])
        .arg("--answers")
        .arg(&answers)
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    // 7 / 12 × 100 = 58.33, "high"; the note; no recommendations offered.
    assert!(
        stdout.contains("Overall: 58.33 / 100 · High (7–9 of 12)"),
        "{stdout}"
    );
    assert!(stdout.contains("not an official statistic"), "{stdout}");
    assert!(
        stdout.contains("Write the results report to a file?"),
        "{stdout}"
    );
    assert!(!stdout.contains("recommendation report"), "{stdout}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&answers).unwrap()).unwrap();
    assert_eq!(saved["questionnaire"]["id"], "eurostat-dii");
}
