//! The workshop commands as a facilitator runs them: `workshop new`, `import` (valid,
//! foreign-questionnaire and corrupt files), `report` in every format, participants joining
//! with `run --workshop` (and codes that try to leave the folder), and a room of 1,000
//! generated responses whose cohort report is checked number by number.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;

use assert_cmd::cargo::cargo_bin_cmd;
use common::{Run, smecheck};
use serde_json::Value;
use smecheck::domain::cohort::{Status, quartiles};
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{AnswerSet, Instrument, ScoreCard, score};

const MINI: &str = "tests/fixtures/questionnaires/valid/mini.json";

fn ok(r: &Run) {
    assert_eq!(r.code, 0, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
}

fn fails(r: &Run, code: i32, says: &str) {
    assert_eq!(r.code, code, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(says),
        "expected {says:?} in:\n{}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn new_workshop(dir: &Path, extra: &[&str]) -> PathBuf {
    let ws = dir.join("salon");
    let mut args = vec![
        "workshop",
        "new",
        s(&ws),
        "--title",
        "Digital salon 数字化沙龙",
    ];
    args.extend_from_slice(extra);
    ok(&smecheck(&args));
    ws
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/answers/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn responses(ws: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(ws.join("responses"))
        .expect("responses/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn new_creates_the_folder_and_tells_what_to_run_next() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path().join("salon");
    let r = smecheck(&[
        "workshop",
        "new",
        s(&ws),
        "--title",
        "Salon",
        "--lang",
        "en",
    ]);
    ok(&r);
    assert!(r.stdout.contains("Join code: "), "{}", r.stdout);
    assert!(r.stdout.contains("smecheck run --workshop"), "{}", r.stdout);
    assert!(
        r.stdout.contains("smecheck workshop dashboard"),
        "{}",
        r.stdout
    );
    let meta: Value =
        serde_json::from_str(&fs::read_to_string(ws.join("workshop.json")).expect("meta"))
            .expect("json");
    assert_eq!(meta["title"], "Salon");
    assert_eq!(meta["lang"], "en");
    assert_eq!(meta["questionnaire"]["id"], "smecheck-core");
    assert!(
        meta["questionnaire"]["hash"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    assert!(ws.join("responses").is_dir());
    fails(
        &smecheck(&[
            "workshop",
            "new",
            s(&ws),
            "--title",
            "Again",
            "--lang",
            "en",
        ]),
        1,
        "already a workshop folder",
    );
    let r = smecheck(&["workshop", "new", s(&tmp.path().join("x")), "--lang", "en"]);
    assert_eq!(r.code, 2, "--title is required: {}", r.stderr);
}

#[test]
fn new_with_a_questionnaire_keeps_a_copy() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--questionnaire", MINI, "--lang", "zh"]);
    assert_eq!(
        fs::read_to_string(ws.join("questionnaire.json")).expect("copy"),
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MINI)).expect("orig")
    );
    let r = smecheck(&["workshop", "report", s(&ws), "--format", "json"]);
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["questionnaire"]["id"], "mini");
    assert_eq!(v["lang"], "zh", "the workshop's language is the default");
}

#[test]
fn import_takes_valid_files_and_says_why_it_skips_the_rest() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    let foreign = tmp.path().join("mini-answers.json");
    fs::write(
        &foreign,
        r#"{"questionnaire": {"id": "mini", "version": "0.1.0"}, "answers": {"erp": "yes"}}"#,
    )
    .expect("write");
    let corrupt = tmp.path().join("corrupt.json");
    fs::write(&corrupt, "{\"questionnaire\": {\"id\": \"smecheck-core\", ").expect("write");
    let a = fixture("01_micro_shop");
    let b = fixture("05_advanced_plant");
    let r = smecheck(&[
        "workshop",
        "import",
        s(&ws),
        &a,
        s(&foreign),
        s(&corrupt),
        &b,
        &a,
    ]);
    ok(&r);
    assert_eq!(r.stdout.matches("imported ").count(), 2, "{}", r.stdout);
    assert!(r.stdout.contains("2 imported, 3 skipped."), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("mini-answers.json: this answer file belongs to questionnaire `mini`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("corrupt.json: damaged"), "{}", r.stderr);
    assert!(r.stderr.contains("identical to response"), "{}", r.stderr);
    let names = responses(&ws);
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.len() == "7KQM3X.json".len() && n.ends_with(".json"))
    );
    // Nothing imported is a failure, with the reasons.
    fails(
        &smecheck(&[
            "workshop",
            "import",
            s(&ws),
            s(&foreign),
            s(&corrupt),
            "--lang",
            "en",
        ]),
        1,
        "nothing was imported",
    );
    fails(
        &smecheck(&[
            "workshop",
            "import",
            s(&tmp.path().join("nowhere")),
            &a,
            "--lang",
            "en",
        ]),
        1,
        "not a workshop folder",
    );
    let r = smecheck(&["workshop", "import", s(&ws)]);
    assert_eq!(r.code, 2, "a file is required: {}", r.stderr);
}

#[test]
fn report_writes_every_format_to_a_file_and_keeps_names_out() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    let mut files: Vec<String> = (1..=6)
        .map(|i| {
            let name = fs::read_dir(format!(
                "{}/tests/fixtures/answers",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("fixtures")
            .map(|e| e.expect("entry").path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&format!("0{i}_")))
            })
            .expect("fixture");
            name.display().to_string()
        })
        .collect();
    files.sort();
    let mut args = vec!["workshop", "import", s(&ws)];
    args.extend(files.iter().map(String::as_str));
    ok(&smecheck(&args));
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let v: Value = serde_json::from_str(&fs::read_to_string(f).ok()?).ok()?;
            v["profile"]["name"].as_str().map(String::from)
        })
        .filter(|n| !n.is_empty())
        .collect();
    assert!(!names.is_empty(), "the fixtures carry firm names");
    for format in ["md", "html", "csv", "json"] {
        let out = tmp.path().join(format!("cohort.{format}"));
        let r = smecheck(&[
            "workshop",
            "report",
            s(&ws),
            "--format",
            format,
            "-o",
            s(&out),
        ]);
        ok(&r);
        assert!(r.stderr.contains("Report written"), "{}", r.stderr);
        assert!(r.stderr.contains(s(&out)), "names the file: {}", r.stderr);
        let text = fs::read_to_string(&out).expect("written");
        for n in &names {
            assert!(!text.contains(n.as_str()), "{format} names {n}");
        }
        fails(
            &smecheck(&[
                "workshop",
                "report",
                s(&ws),
                "--format",
                format,
                "-o",
                s(&out),
            ]),
            1,
            "--force",
        );
        ok(&smecheck(&[
            "workshop",
            "report",
            s(&ws),
            "--format",
            format,
            "-o",
            s(&out),
            "--force",
            "--named",
        ]));
        let named = fs::read_to_string(&out).expect("written");
        assert!(
            names.iter().any(|n| named.contains(n.as_str())),
            "{format} --named"
        );
    }
    let csv = fs::read(tmp.path().join("cohort.csv")).expect("csv");
    assert!(csv.starts_with("\u{feff}".as_bytes()));
    let html = fs::read_to_string(tmp.path().join("cohort.html")).expect("html");
    let doc = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("section:last-of-type tbody tr").expect("selector");
    assert_eq!(
        doc.select(&rows).count(),
        6,
        "one row per firm in the per-firm table"
    );
}

#[test]
fn participants_cannot_name_a_file_outside_the_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    for bad in [
        "../../etc/passwd",
        "/etc/passwd",
        "..",
        "AB/CD",
        "7KQM3X.json",
    ] {
        let r = smecheck(&[
            "run",
            "--workshop",
            s(&ws),
            "--firm",
            bad,
            "--lang",
            "en",
            "--plain",
        ]);
        fails(&r, 1, "is not a firm code");
    }
    fails(
        &smecheck(&[
            "run",
            "--workshop",
            s(&ws),
            "--firm",
            "KKKKKK",
            "--lang",
            "en",
            "--plain",
        ]),
        1,
        "No firm in this workshop has the code KKKKKK",
    );
    assert!(responses(&ws).is_empty(), "nothing was written");
    let r = smecheck(&["run", "--workshop", s(&ws), "--answers", "x.json"]);
    assert_eq!(
        r.code, 2,
        "--workshop decides where answers go: {}",
        r.stderr
    );
    let r = smecheck(&["run", "--firm", "KKKKKK"]);
    assert_eq!(r.code, 2, "--firm needs --workshop: {}", r.stderr);
}

#[test]
fn a_participant_in_plain_mode_gets_a_code_and_a_file_in_the_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    let out = cargo_bin_cmd!("smecheck")
        .args(["run", "--workshop", s(&ws), "--plain", "--lang", "en"])
        .env("LANG", "C.UTF-8")
        .write_stdin("q\n")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Your firm code: "), "{stdout}");
    let names = responses(&ws);
    assert_eq!(names.len(), 1, "{names:?}");
    let code = names[0].trim_end_matches(".json");
    assert!(
        stdout.contains(code),
        "the code shown is the file's: {stdout}"
    );
}

#[test]
fn the_presenter_and_dashboard_need_a_terminal() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    fails(
        &smecheck(&["workshop", "present", s(&ws)]),
        1,
        "needs to run in a terminal",
    );
    fails(
        &smecheck(&["workshop", "dashboard", s(&ws), "--lang", "zh"]),
        1,
        "需要在终端窗口中运行",
    );
    fails(
        &smecheck(&["workshop", "dashboard", s(&tmp.path().join("none"))]),
        1,
        "不是工作坊文件夹",
    );
}

/// The median as a schoolbook computes it.
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

#[test]
fn a_thousand_responses_give_the_right_cohort_report() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    let inst = Instrument::builtin().expect("built-in");
    let q = &inst.questionnaire;
    let mut rng = Rng::new(1000);
    let leans = [
        Lean::Any,
        Lean::Best(0.7),
        Lean::Worst(0.7),
        Lean::Best(0.4),
    ];
    let mut cards: Vec<ScoreCard> = Vec::new();
    for i in 0..1000usize {
        let mut a: AnswerSet = generate(q, &mut rng, leans[i % 4]);
        if i % 10 == 9 {
            for x in &q.questions[25..] {
                a.clear(&x.id);
            }
        }
        cards.push(score(&inst, &a));
        let code = format!("{:3>6}", radix(i));
        fs::write(
            ws.join("responses").join(format!("{code}.json")),
            serde_json::to_vec(&a.to_file(q, None)).expect("json"),
        )
        .expect("write");
    }
    let r = smecheck(&["workshop", "report", s(&ws), "--format", "json"]);
    ok(&r);
    let v: Value = serde_json::from_str(&r.stdout).expect("json");
    let done: Vec<&ScoreCard> = cards
        .iter()
        .filter(|c| Status::of(c) == Status::Finished)
        .collect();
    let c = &v["cohort"];
    assert_eq!(c["firms"], 1000);
    assert_eq!(c["finished"].as_u64(), Some(done.len() as u64));
    assert_eq!(c["in_progress"].as_u64(), Some((1000 - done.len()) as u64));
    assert!(done.len() >= 900 - 5, "every tenth firm stopped part-way");
    assert_eq!(v["firms"].as_array().map(Vec::len), Some(1000));

    let close = |a: &Value, b: f64| (a.as_f64().unwrap_or(f64::NAN) - b).abs() < 1e-9;
    let overall: Vec<f64> = done.iter().filter_map(|k| k.overall_score).collect();
    assert!(close(
        &c["overall"]["spread"]["quartiles"]["median"],
        median(overall.clone())
    ));
    let qs = quartiles(&overall).expect("quartiles");
    assert!(close(&c["overall"]["spread"]["quartiles"]["q1"], qs.q1));
    for area in c["areas"].as_array().expect("areas") {
        let id = area["id"].as_str().expect("id");
        let scores: Vec<f64> = done
            .iter()
            .flat_map(|k| &k.areas)
            .filter(|a| a.id.as_str() == id)
            .filter_map(|a| a.score)
            .collect();
        assert!(
            close(&area["spread"]["quartiles"]["median"], median(scores)),
            "{id}"
        );
        let mut levels: BTreeMap<String, u64> = BTreeMap::new();
        for k in &done {
            for a in k.areas.iter().filter(|a| a.id.as_str() == id) {
                *levels.entry(a.level.to_string()).or_default() += 1;
            }
        }
        for l in area["levels"].as_array().expect("levels") {
            let lid = l["id"].as_str().expect("level id");
            assert_eq!(
                l["count"].as_u64(),
                Some(levels.get(lid).copied().unwrap_or(0)),
                "{id} {lid}"
            );
        }
    }
    for d in c["dimensions"].as_array().expect("dimensions") {
        let id = d["id"].as_str().expect("id");
        let scores: Vec<f64> = done
            .iter()
            .flat_map(|k| k.areas.iter().flat_map(|a| &a.dimensions))
            .filter(|x| x.id.as_str() == id)
            .filter_map(|x| x.score)
            .collect();
        assert_eq!(d["spread"]["n"].as_u64(), Some(scores.len() as u64));
        assert_eq!(
            d["gaps"].as_u64(),
            Some(scores.iter().filter(|s| **s < 60.0).count() as u64),
            "{id}"
        );
        assert!(
            close(&d["spread"]["quartiles"]["median"], median(scores)),
            "{id}"
        );
    }
    let rungs = &c["ladders"][0]["rungs"];
    let mut on: BTreeMap<String, u64> = BTreeMap::new();
    for k in &done {
        *on.entry(k.ladders[0].rung.to_string()).or_default() += 1;
    }
    for r in rungs.as_array().expect("rungs") {
        let id = r["id"].as_str().expect("rung");
        assert_eq!(
            r["count"].as_u64(),
            Some(on.get(id).copied().unwrap_or(0)),
            "{id}"
        );
    }
    let needs = c["needs"].as_array().expect("needs");
    let mut last = u64::MAX;
    for n in needs {
        let p = n["proposal"].as_str().expect("proposal");
        let firms = done
            .iter()
            .filter(|k| k.recommendations.iter().any(|r| r.proposal.as_str() == p))
            .count() as u64;
        assert_eq!(n["firms"].as_u64(), Some(firms), "{p}");
        assert!(firms <= last, "ranked by firms");
        last = firms;
    }
    let shallow = done
        .iter()
        .filter(|k| k.findings.iter().any(|f| f == "broad_shallow"))
        .count() as u64;
    assert_eq!(c["broad_shallow"].as_u64(), Some(shallow));

    // The CSV of the same room: one row per firm, under a row of labels and a row of ids
    // (only the ids with --codes).
    let r = smecheck(&["workshop", "report", s(&ws), "--format", "csv"]);
    ok(&r);
    assert_eq!(r.stdout.lines().count(), 1002);
    let r = smecheck(&["workshop", "report", s(&ws), "--format", "csv", "--codes"]);
    ok(&r);
    assert_eq!(r.stdout.lines().count(), 1001);
}

/// A firm code for index `i`, from the code alphabet.
fn radix(mut i: usize) -> String {
    const A: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
    let mut out = Vec::new();
    loop {
        out.push(A[i % A.len()]);
        i /= A.len();
        if i == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

#[test]
fn a_firm_report_can_say_where_it_stands_in_the_room() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path(), &["--lang", "en"]);
    let firms: Vec<String> = [
        "01_micro_shop",
        "02_broad_shallow_trader",
        "03_service_firm_cloud_erp",
        "04_mid_manufacturer",
        "05_advanced_plant",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let mut args = vec!["workshop", "import", s(&ws)];
    args.extend(firms.iter().map(String::as_str));
    ok(&smecheck(&args));

    let en = smecheck(&[
        "report",
        "--answers",
        &firms[0],
        "--workshop",
        s(&ws),
        "--lang",
        "en",
        "--date",
        "2026-11-24",
    ]);
    ok(&en);
    assert!(
        en.stdout
            .contains("Cloud adoption depth in this room (5 firms)"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout.contains("lower quartile"),
        "the micro shop is at the bottom: {}",
        en.stdout
    );
    let zh = smecheck(&[
        "report",
        "--answers",
        &firms[4],
        "--workshop",
        s(&ws),
        "--lang",
        "zh",
        "--format",
        "md",
        "--date",
        "2026-11-24",
    ]);
    ok(&zh);
    assert!(zh.stdout.contains("在本场（5 家）"), "{}", zh.stdout);

    // Without enough finished firms there is nothing to compare with, and the report says so.
    let empty = new_workshop(&tmp.path().join("other"), &["--lang", "en"]);
    let r = smecheck(&[
        "report",
        "--answers",
        &firms[0],
        "--workshop",
        s(&empty),
        "--date",
        "2026-11-24",
        "--lang",
        "en",
    ]);
    ok(&r);
    assert!(r.stderr.contains("too few finished firms"), "{}", r.stderr);
    let r = smecheck(&[
        "report",
        "--answers",
        &firms[0],
        "--workshop",
        s(&empty),
        "--date",
        "2026-11-24",
        "--lang",
        "zh",
    ]);
    ok(&r);
    assert!(r.stderr.contains("已完成的企业太少"), "{}", r.stderr);
    fails(
        &smecheck(&[
            "report",
            "--answers",
            &firms[0],
            "--workshop",
            s(&ws),
            "--questionnaire",
            MINI,
        ]),
        2,
        "cannot be used with",
    );
}

/// The cohort report sets firms aside in the system's temporary folder; when that cannot be
/// written, the facilitator is told where and what to do, in their language, and no report
/// file is left half-written.
#[test]
fn a_temporary_folder_that_cannot_be_used_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(dir.path(), &[]);
    ok(&smecheck(&[
        "workshop",
        "import",
        s(&ws),
        &fixture("01_micro_shop"),
    ]));
    let out = dir.path().join("cohort.md");
    for (lang, says) in [("en", "could not gather the responses"), ("zh", "无法汇总")] {
        let r = cargo_bin_cmd!("smecheck")
            .env("TMPDIR", dir.path().join("no-such-folder"))
            .env("LANG", "C.UTF-8")
            .args(["workshop", "report", s(&ws), "--format", "md", "-o"])
            .arg(&out)
            .args(["--lang", lang])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(stderr.contains("TMPDIR"), "says what to do: {stderr}");
        assert!(!out.exists(), "no report file");
    }
}
