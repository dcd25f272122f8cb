//! The command line as a user runs it: every subcommand through the real binary, its output
//! formats, exit codes (0 ok, 1 data error, 2 bad usage) and error messages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::path::{Path, PathBuf};

mod common;

use assert_cmd::cargo::cargo_bin_cmd;
use common::{Run, smecheck};
use serde_json::{Value, json};

const MINI: &str = "tests/fixtures/questionnaires/valid/mini.json";

fn assert_clean_failure(r: &Run, code: i32) {
    assert_eq!(r.code, code, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(!r.stderr.contains("backtrace"), "{}", r.stderr);
    assert!(!r.stderr.trim().is_empty(), "a failure must say why");
}

/// Writes `content` to a fresh temporary file and returns the directory guard and path.
fn temp_file(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

/// A mini-questionnaire answer file: a firm with basic tools, ERP partly on the cloud, few staff.
fn mini_answers() -> String {
    json!({
        "questionnaire": {"id": "mini", "version": "0.1.0"},
        "profile": {"name": "Test Firm", "region": "county"},
        "answers": {
            "tools": ["office", "finance", "video"],
            "has_plant": "no",
            "erp": "partly",
            "tax": "dont_know",
            "staff": 6,
            "channels": ["bank"],
            "wish": "更多订单"
        }
    })
    .to_string()
}

fn score_mini(extra: &[&str]) -> Run {
    let (_dir, path) = temp_file("answers.json", &mini_answers());
    let p = path.to_str().unwrap();
    let mut args = vec!["score", "--answers", p, "--questionnaire", MINI];
    args.extend_from_slice(extra);
    smecheck(&args)
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

fn has_keys(v: &Value, want: &[&str]) {
    let have = keys(v);
    for k in want {
        assert!(have.contains(k), "missing `{k}` in {v}");
    }
}

// --- validate -----------------------------------------------------------------------------

#[test]
fn validate_builtin_succeeds() {
    let r = smecheck(&["validate", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("ok: <built-in>/smecheck.json: "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("every rung and every proposal (11) is reachable"),
        "{}",
        r.stdout
    );
}

#[test]
fn validate_a_file_succeeds() {
    let r = smecheck(&["validate", MINI, "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with(&format!("ok: {MINI}: mini 0.1.0 (sha256:")),
        "{}",
        r.stdout
    );
}

#[test]
fn validate_a_bad_file_fails_with_location() {
    let r = smecheck(&[
        "validate",
        "tests/fixtures/questionnaires/invalid/band_gap.json",
        "--lang",
        "en",
    ]);
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr.contains(
            "tests/fixtures/questionnaires/invalid/band_gap.json:620:18: gap between bands"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

// --- score --------------------------------------------------------------------------------

#[test]
fn score_json_has_the_contract_fields() {
    let r = score_mini(&["--format", "json", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    has_keys(
        &v,
        &["questionnaire", "overall", "areas", "recommendations"],
    );

    let q = &v["questionnaire"];
    has_keys(q, &["id", "version", "hash"]);
    assert_eq!(q["id"], "mini");
    assert_eq!(q["version"], "0.1.0");
    assert!(q["hash"].as_str().unwrap().starts_with("sha256:"));

    has_keys(&v["overall"], &["score", "level"]);
    let overall = v["overall"]["score"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&overall));
    assert!(v["overall"]["level"].is_string());

    let areas = v["areas"].as_array().unwrap();
    let ids: Vec<&str> = areas.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["cloud", "finance"]);
    for a in areas {
        has_keys(a, &["id", "score", "level", "dimensions"]);
        assert!(a["score"].is_number());
        assert!(a["level"].is_string());
        let dims = a["dimensions"].as_array().unwrap();
        assert_eq!(dims.len(), 2);
        for d in dims {
            has_keys(d, &["id", "score"]);
            assert!(d["id"].is_string());
            assert!(d["score"].is_number() || d["score"].is_null());
        }
    }

    let recs = v["recommendations"].as_array().unwrap();
    assert!(!recs.is_empty());
    for rec in recs {
        has_keys(rec, &["proposal", "priority", "because", "action"]);
        let p = rec["proposal"].as_str().unwrap();
        let n: u32 = p.strip_prefix('P').unwrap().parse().unwrap();
        assert!((1..=11).contains(&n), "{p}");
        assert!((1..=3).contains(&rec["priority"].as_u64().unwrap()));
        assert!(rec["because"].is_array());
        assert!(
            rec["because"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string)
        );
        assert!(!rec["action"].as_str().unwrap().is_empty());
    }
    // tax was "don't know" → r4 → P4; 6 staff → r7 → P7; county → r6 → P6.
    let props: Vec<&str> = recs
        .iter()
        .map(|r| r["proposal"].as_str().unwrap())
        .collect();
    for p in ["P4", "P6", "P7"] {
        assert!(props.contains(&p), "{p} missing from {props:?}");
    }
    let p4 = recs.iter().find(|r| r["proposal"] == "P4").unwrap();
    assert_eq!(p4["because"], json!(["tax"]));
    assert_eq!(p4["action"], "Do thing 4.");
}

#[test]
fn score_text_in_english_and_chinese() {
    let en = score_mini(&["--format", "text", "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    for needle in [
        "Mini questionnaire — self-assessment estimate",
        "Questionnaire mini 0.1.0 (sha256:",
        "Overall: ",
        "Cloud depth: ",
        "Financing readiness: ",
        "Cloud ladder (2/3)",
        "To reach the next rung, Core on cloud:",
        "ERP on the cloud",
        "Finding: Broad but shallow",
        "Confidence: 4 of 5 questions answered, 1 don't know, 0 unanswered",
        "Recommendations",
        "[P4]",
        "Don't know",
        "not an official rating",
    ] {
        assert!(
            en.stdout.contains(needle),
            "missing `{needle}` in:\n{}",
            en.stdout
        );
    }
    let zh = score_mini(&["--lang", "zh"]);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for needle in [
        "迷你问卷 — 自评估算结果",
        "总分",
        "上云深度",
        "融资准备度",
        "要登上下一级",
        "可信度",
        "建议",
        "原因：",
        "下一步：",
        "不清楚",
    ] {
        assert!(
            zh.stdout.contains(needle),
            "missing `{needle}` in:\n{}",
            zh.stdout
        );
    }
    assert_ne!(en.stdout, zh.stdout);
}

#[test]
fn score_text_is_the_default_and_follows_the_locale() {
    let (_dir, path) = temp_file("a.json", &mini_answers());
    let out = cargo_bin_cmd!("smecheck")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "en_US.UTF-8")
        .args([
            "score",
            "--questionnaire",
            MINI,
            "--answers",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Overall: "), "{text}");
}

#[test]
fn score_is_byte_for_byte_repeatable() {
    let a = score_mini(&["--format", "json"]);
    let b = score_mini(&["--format", "json"]);
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn score_malformed_answer_file_fails_with_location() {
    let (_dir, path) = temp_file(
        "broken.json",
        "{\n  \"questionnaire\": {\"id\": \"mini\", \"version\": \"0.1.0\"},\n  \"answers\": {\"tax\": \"a\",}\n}\n",
    );
    let p = path.to_str().unwrap();
    let r = smecheck(&[
        "score",
        "--answers",
        p,
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr.contains(&format!("{p}:3:25: trailing comma")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    // In Chinese: the same place, serde's words and the advice both in Chinese (issue 13, 19).
    let r = smecheck(&[
        "score",
        "--answers",
        p,
        "--questionnaire",
        MINI,
        "--lang",
        "zh",
    ]);
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr
            .contains(&format!("{p}:3:25: JSON 有误：多了一个逗号")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("提示：删掉这个逗号"), "{}", r.stderr);
}

#[test]
fn score_answer_with_unknown_option_fails_with_location() {
    let (_dir, path) = temp_file(
        "bad-option.json",
        "{\n  \"questionnaire\": {\"id\": \"mini\", \"version\": \"0.1.0\"},\n  \"answers\": {\n    \"erp\": \"perhaps\"\n  }\n}\n",
    );
    let p = path.to_str().unwrap();
    let r = smecheck(&[
        "score",
        "--answers",
        p,
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr.contains(&format!(
            "{p}:4:12: `perhaps` is not an option of question `erp` (options: yes, partly, no)"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: "), "{}", r.stderr);
    let r = smecheck(&[
        "score",
        "--answers",
        p,
        "--questionnaire",
        MINI,
        "--lang",
        "zh",
    ]);
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr.contains(&format!(
            "{p}:4:12: `perhaps` 不是第 `erp` 题的选项（可选：yes, partly, no）"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("提示：改正或删掉这个答案"),
        "{}",
        r.stderr
    );
}

#[test]
fn score_missing_answer_file_is_a_clear_error_in_the_users_language() {
    let run = |lang: &str| {
        smecheck(&[
            "score",
            "--answers",
            "no/such/answers.json",
            "--questionnaire",
            MINI,
            "--lang",
            lang,
        ])
    };
    let r = run("en");
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr
            .contains("cannot read answer file no/such/answers.json"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("No such file"), "{}", r.stderr);
    assert!(
        r.stderr.contains("hint: check that the path"),
        "{}",
        r.stderr
    );
    let r = run("zh");
    assert_clean_failure(&r, 1);
    assert!(
        r.stderr.contains("无法读取答卷文件 no/such/answers.json"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("提示：请确认路径无误"), "{}", r.stderr);
}

#[test]
fn an_answer_file_that_is_not_utf8_is_a_clear_error_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.json");
    std::fs::write(&path, b"{\"name\": \"\xd5\xc5\xc8\xfd\"}").unwrap();
    for (lang, says) in [("en", "is not valid UTF-8 text"), ("zh", "不是 UTF-8 文本")] {
        let r = smecheck(&["score", "--answers", path.to_str().unwrap(), "--lang", lang]);
        assert_clean_failure(&r, 1);
        assert!(r.stderr.contains(says), "{}", r.stderr);
    }
}

#[test]
fn score_reports_answers_from_another_version() {
    let mut v: Value = serde_json::from_str(&mini_answers()).unwrap();
    v["questionnaire"]["version"] = json!("0.0.1");
    v["answers"]["retired_question"] = json!("x");
    let (_dir, path) = temp_file("old.json", &v.to_string());
    let r = smecheck(&[
        "score",
        "--answers",
        path.to_str().unwrap(),
        "--questionnaire",
        MINI,
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("saved with questionnaire version 0.0.1, this is 0.1.0"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("dropped answer `retired_question`"),
        "{}",
        r.stderr
    );
    assert!(serde_json::from_str::<Value>(&r.stdout).is_ok());
}

#[test]
fn score_with_the_builtin_questionnaire() {
    let t = smecheck(&["questionnaire", "--template"]);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let (_dir, path) = temp_file("blank.json", &t.stdout);
    let r = smecheck(&[
        "score",
        "--answers",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["cloud", "finance"]);
    assert_eq!(v["confidence"]["answered"], 0);
}

// --- questionnaire --schema / --template / --codebook ----------------------------------------

#[test]
fn schema_is_json_with_schema_version() {
    let r = smecheck(&["questionnaire", "--schema"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v["$schema"].as_str().unwrap().contains("json-schema.org"));
    assert_eq!(v["title"], "Questionnaire");
    assert!(v["properties"]["schema_version"].is_object());
    let required: Vec<&str> = v["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    for k in ["schema_version", "id", "version", "areas", "questions"] {
        assert!(required.contains(&k), "{k} not required");
    }
    // A questionnaire without a recommendations catalogue has no rules (issue 17).
    assert!(!required.contains(&"rules"), "rules required");
    assert!(!required.contains(&"recommendations"));
    assert!(v["properties"]["recommendations"].is_object());
}

#[test]
fn template_lists_profile_and_answers_in_question_order() {
    let t = smecheck(&["questionnaire", "--template"]);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let inst = smecheck::domain::Instrument::builtin().unwrap();
    let q = &inst.questionnaire;
    // The keys as they come in the text (a parsed map would sort them).
    let keys_after = |header: &str| -> Vec<String> {
        let start = t.stdout.find(header).unwrap() + header.len();
        let block = &t.stdout[start..];
        let end = block.find("\n  }").unwrap();
        block[..end]
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"'))
            .filter_map(|l| l.split('"').next())
            .map(String::from)
            .collect()
    };
    let answers = keys_after("\"answers\": {");
    let want: Vec<String> = q.questions.iter().map(|x| x.id.to_string()).collect();
    assert_eq!(answers, want);
    let profile = keys_after("\"profile\": {");
    let want: Vec<String> = q.profile.iter().map(|f| f.id.clone()).collect();
    assert_eq!(profile, want);
}

#[test]
fn template_parses_back_as_an_answer_file_and_scores() {
    let t = smecheck(&["questionnaire", "--template", "--questionnaire", MINI]);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let typed: smecheck::domain::AnswerFile = serde_json::from_str(&t.stdout).unwrap();
    assert_eq!(typed.questionnaire.id, "mini");
    assert_eq!(typed.answers.len(), 8);
    let mut v: Value = serde_json::from_str(&t.stdout).unwrap();
    assert_eq!(
        v["questionnaire"],
        json!({"id": "mini", "version": "0.1.0"})
    );
    let answers = v["answers"].as_object().unwrap();
    assert_eq!(answers.len(), 8);
    assert!(
        answers.values().all(Value::is_null),
        "a blank file has every answer null"
    );
    assert_eq!(v["profile"], json!({"name": "", "region": ""}));

    // Fill a few answers, as a user following the README would, and score it.
    v["answers"]["erp"] = json!("yes");
    v["answers"]["tools"] = json!(["office"]);
    v["profile"]["region"] = json!("city");
    let (_dir, path) = temp_file("filled.json", &v.to_string());
    let r = smecheck(&[
        "score",
        "--answers",
        path.to_str().unwrap(),
        "--questionnaire",
        MINI,
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let card: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(card["confidence"]["answered"], 2);
    let cloud = card["areas"][0]["dimensions"].as_array().unwrap();
    assert_eq!(cloud[1]["id"], "cloud.core");
    assert_eq!(cloud[1]["score"], 100.0);
}

#[test]
fn codebook_json_lists_every_question_with_options_and_bands() {
    let r = smecheck(&[
        "questionnaire",
        "--codebook",
        "--format",
        "json",
        "--questionnaire",
        MINI,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 8);
    for e in entries {
        has_keys(e, &["id", "area", "dimension", "kind", "options", "bands"]);
        for o in e["options"].as_array().unwrap() {
            has_keys(o, &["id", "points"]);
        }
        for b in e["bands"].as_array().unwrap() {
            has_keys(b, &["min", "max", "points"]);
        }
    }
    let tax = entries.iter().find(|e| e["id"] == "tax").unwrap();
    assert_eq!(
        (
            tax["area"].as_str(),
            tax["dimension"].as_str(),
            tax["kind"].as_str()
        ),
        (Some("finance"), Some("finance.footprint"), Some("single"))
    );
    let opts: Vec<(String, f64)> = tax["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().to_string(),
                o["points"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        opts,
        vec![
            ("a".into(), 4.0),
            ("b".into(), 3.0),
            ("m".into(), 2.0),
            ("cd".into(), 0.0)
        ]
    );
    let staff = entries.iter().find(|e| e["id"] == "staff").unwrap();
    assert_eq!(staff["kind"], "number");
    assert_eq!(
        staff["bands"],
        json!([{"min": 0.0, "max": 10.0, "points": 1.0}, {"min": 10.0, "max": 100.0, "points": 2.0}, {"min": 100.0, "max": null, "points": 3.0}])
    );
    let mes = entries.iter().find(|e| e["id"] == "mes").unwrap();
    assert_eq!(
        mes["visible_if"],
        json!({"choice": {"question": "has_plant", "any_of": ["yes"]}})
    );
}

#[test]
fn codebook_json_is_the_default_format() {
    let a = smecheck(&["questionnaire", "--codebook", "--questionnaire", MINI]);
    let b = smecheck(&[
        "questionnaire",
        "--codebook",
        "--format",
        "json",
        "--questionnaire",
        MINI,
    ]);
    assert_eq!(a.code, 0);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn codebook_csv_starts_with_a_bom_and_has_a_row_per_option_or_band() {
    let r = smecheck(&[
        "questionnaire",
        "--codebook",
        "--format",
        "csv",
        "--questionnaire",
        MINI,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("\u{feff}question,area,dimension,kind,"),
        "{:?}",
        &r.stdout[..40]
    );
    let rows: Vec<&str> = r.stdout.lines().collect();
    // header + tools 4 + has_plant 2 + mes 4 + erp 3 + tax 4 + staff 3 bands + channels 4 + wish 1
    assert_eq!(rows.len(), 1 + 4 + 2 + 4 + 3 + 4 + 3 + 4 + 1);
    assert!(rows.iter().any(|l| {
        l.starts_with("tax,finance,finance.footprint,single,1,纳税信用等级？,")
            && l.contains(",a,a（中）,a,4,")
    }));
}

#[test]
fn codebook_md_in_both_languages() {
    let en = smecheck(&[
        "questionnaire",
        "--codebook",
        "--format",
        "md",
        "--lang",
        "en",
        "--questionnaire",
        MINI,
    ]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(
        en.stdout
            .starts_with("# Mini questionnaire — codebook (mini 0.1.0)"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout
            .contains("## `staff` · finance · finance.footprint · number")
    );
    assert!(en.stdout.contains("| id | Option | Points |"));
    let zh = smecheck(&[
        "questionnaire",
        "--codebook",
        "--format",
        "md",
        "--lang",
        "zh",
        "--questionnaire",
        MINI,
    ]);
    assert!(
        zh.stdout.contains("— 编码手册 (mini 0.1.0)"),
        "{}",
        zh.stdout
    );
    assert!(zh.stdout.contains("| id | 选项 | 分值 |"));
    assert!(zh.stdout.contains("显示条件"));
}

#[test]
fn builtin_codebook_and_template_agree() {
    let cb = smecheck(&["questionnaire", "--codebook"]);
    let t = smecheck(&["questionnaire", "--template"]);
    assert_eq!(cb.code, 0, "{}", cb.stderr);
    assert_eq!(t.code, 0, "{}", t.stderr);
    let cb: Value = serde_json::from_str(&cb.stdout).unwrap();
    let t: Value = serde_json::from_str(&t.stdout).unwrap();
    let mut from_codebook: Vec<&str> = cb
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    from_codebook.sort_unstable();
    let from_template: Vec<&str> = t["answers"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(from_codebook, from_template);
}

// --- usage --------------------------------------------------------------------------------

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["frobnicate"][..],
        &["score"][..],
        &["score", "--answers", "a.json", "--format", "xml"][..],
        &["questionnaire"][..],
        &["questionnaire", "--schema", "--template"][..],
        &["questionnaire", "--template", "--format", "csv"][..],
        &["validate", "a.json", "b.json"][..],
        &["run", "--lang", "fr"][..],
    ] {
        let r = smecheck(args);
        assert_clean_failure(&r, 2);
        assert!(
            r.stderr.contains("Usage:") || r.stderr.contains("error:"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let h = smecheck(&["--help"]);
    assert_eq!(h.code, 0);
    for cmd in ["run", "score", "validate", "questionnaire"] {
        assert!(h.stdout.contains(cmd), "help lists `{cmd}`:\n{}", h.stdout);
    }
    let v = smecheck(&["--version"]);
    assert_eq!(v.code, 0);
    assert!(v.stdout.starts_with("smecheck "), "{}", v.stdout);
    let r = smecheck(&["run", "--help"]);
    assert_eq!(r.code, 0);
    for opt in ["--questionnaire", "--lang", "--answers", "--plain"] {
        assert!(r.stdout.contains(opt), "run --help lists {opt}");
    }
}

#[test]
fn a_questionnaire_that_is_not_utf8_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("latin1.json");
    std::fs::write(&path, b"{\"id\": \"caf\xe9\"}").unwrap();
    let r = smecheck(&["validate", path.to_str().unwrap(), "--lang", "en"]);
    assert_clean_failure(&r, 1);
    assert!(r.stderr.contains("is not valid UTF-8"), "{}", r.stderr);
    assert!(Path::new(&path).exists());
}

#[test]
fn output_closed_early_is_not_an_error() {
    // `smecheck questionnaire --codebook | head -c 10`: the reader goes away before the JSON
    // (or CSV) writer is done. That is the reader's choice, not an error to print.
    for format in ["json", "csv", "md"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("smecheck"))
            .args(["questionnaire", "--codebook", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}
