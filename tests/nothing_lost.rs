//! Issue 13 through the real binary: what `--force`, `-o`, `--answers` and a save may touch
//! (only regular files, never a report's own input, links written through, modes kept), bad
//! files refused before they are read, odd but fine files accepted, and nothing a file holds
//! lost on save.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test
#![cfg(unix)]

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Run, smecheck};
use serde_json::{Value, json};

const MINI: &str = "tests/fixtures/questionnaires/valid/mini.json";

fn answers() -> Value {
    json!({
        "questionnaire": {"id": "mini", "version": "0.1.0"},
        "profile": {"name": "Test Firm", "region": "county"},
        "answers": {
            "tools": ["office"], "has_plant": "no", "erp": "partly", "tax": "b",
            "staff": 6, "channels": ["bank"], "wish": "orders"
        }
    })
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, content).expect("write");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status();
    assert!(ok.is_ok_and(|s| s.success()), "mkfifo is needed");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn failed(r: &Run, needle: &str) {
    assert_eq!(r.code, 1, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(needle),
        "wanted {needle:?} in:\n{}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

/// Runs with a deadline: a command that would block for ever fails the test instead.
fn within(args: &[&str], limit: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smecheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("smecheck {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn report_to(a: &Path, out: &Path) -> Run {
    smecheck(&[
        "report",
        "--answers",
        s(a),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
        "-o",
        s(out),
        "--force",
    ])
}

#[test]
fn force_replaces_only_regular_files() {
    let dir = tempfile::tempdir().expect("dir");
    let a = write(dir.path(), "a.json", &answers().to_string());
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    failed(&report_to(&a, &fifo), "pipe (FIFO), not a regular file");
    assert!(
        fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type()
            .is_fifo()
    );
    let folder = dir.path().join("folder");
    fs::create_dir(&folder).expect("folder");
    failed(&report_to(&a, &folder), "folder, not a regular file");
    assert!(folder.is_dir());
    if is_root() {
        // The issue's /dev/null, as a device node of our own: the real one is never at risk.
        let null = dir.path().join("null");
        let made = Command::new("mknod")
            .arg(&null)
            .args(["c", "1", "3"])
            .status();
        assert!(made.is_ok_and(|s| s.success()), "mknod as root");
        failed(&report_to(&a, &null), "device, not a regular file");
        assert!(
            fs::symlink_metadata(&null)
                .expect("node")
                .file_type()
                .is_char_device()
        );
    }
    let zh = smecheck(&[
        "report",
        "--answers",
        s(&a),
        "--questionnaire",
        MINI,
        "--lang",
        "zh",
        "-o",
        s(&fifo),
        "--force",
    ]);
    failed(&zh, "不是普通文件");
}

#[test]
fn a_report_never_overwrites_its_own_answer_file() {
    let dir = tempfile::tempdir().expect("dir");
    let text = answers().to_string();
    let a = write(dir.path(), "a.json", &text);
    failed(&report_to(&a, &a), "is a file this report is made from");
    let link = dir.path().join("same.json");
    symlink(&a, &link).expect("link");
    failed(&report_to(&a, &link), "is a file this report is made from");
    assert_eq!(fs::read_to_string(&a).expect("kept"), text);
}

#[test]
fn force_keeps_the_mode_and_writes_through_a_link() {
    let dir = tempfile::tempdir().expect("dir");
    let a = write(dir.path(), "a.json", &answers().to_string());
    let out = write(dir.path(), "out.md", "old");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).expect("chmod");
    let r = report_to(&a, &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        fs::metadata(&out).expect("out").permissions().mode() & 0o777,
        0o600
    );
    assert!(fs::read_to_string(&out).expect("out").len() > 100);
    let link = dir.path().join("link.md");
    symlink("out.md", &link).expect("link");
    fs::write(&out, "old").expect("reset");
    assert_eq!(report_to(&a, &link).code, 0);
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&out).expect("target").len() > 100);
}

#[test]
fn pipes_devices_and_huge_files_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("answers.fifo");
    mkfifo(&fifo);
    let limit = Duration::from_secs(10);
    let score = |p: &Path| {
        within(
            &[
                "score",
                "--answers",
                s(p),
                "--questionnaire",
                MINI,
                "--lang",
                "en",
            ],
            limit,
        )
    };
    failed(&score(&fifo), "pipe (FIFO), not a regular file");
    failed(&score(Path::new("/dev/zero")), "device, not a regular file");
    let huge = dir.path().join("huge.json");
    fs::File::create(&huge)
        .expect("create")
        .set_len(3 << 30)
        .expect("sparse 3 GB");
    let started = Instant::now();
    failed(&score(&huge), "3221225472 bytes");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused before reading"
    );
    // `run` neither hangs on a pipe nor backs up a 3 GB file.
    let run = within(
        &[
            "run",
            "--plain",
            "--answers",
            s(&fifo),
            "--questionnaire",
            MINI,
            "--lang",
            "en",
        ],
        limit,
    );
    failed(&run, "pipe (FIFO)");
    let run = within(
        &[
            "run",
            "--plain",
            "--answers",
            s(&huge),
            "--questionnaire",
            MINI,
            "--lang",
            "en",
        ],
        limit,
    );
    failed(&run, "more than the limit");
    let backups = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("backup"))
        .count();
    assert_eq!(backups, 0, "no backup of a file that was refused");
}

#[test]
fn a_byte_order_mark_and_null_profile_fields_are_accepted() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = answers();
    v["profile"]["name"] = Value::Null;
    let a = write(dir.path(), "a.json", &format!("\u{feff}{v}"));
    let r = smecheck(&[
        "score",
        "--answers",
        s(&a),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let q = fs::read_to_string(MINI).expect("mini");
    let bq = write(dir.path(), "q.json", &format!("\u{feff}{q}"));
    let r = smecheck(&["validate", s(&bq), "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A workshop takes it by import and reads it in its folder.
    let ws = dir.path().join("ws");
    let r = smecheck(&[
        "workshop",
        "new",
        s(&ws),
        "--title",
        "T",
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = smecheck(&["workshop", "import", s(&ws), s(&a), "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = smecheck(&[
        "workshop",
        "report",
        s(&ws),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).expect("json");
    assert!(!r.stdout.contains("expected a JSON value"), "{report}");
}

#[test]
fn repeated_keys_are_refused_where_they_are_and_unknown_profile_choices_said() {
    let dir = tempfile::tempdir().expect("dir");
    let twice = "{\n  \"questionnaire\": {\"id\": \"mini\", \"version\": \"0.1.0\"},\n  \"answers\": {\"erp\": \"yes\",\n    \"erp\": \"no\"}\n}\n";
    let a = write(dir.path(), "twice.json", twice);
    let r = smecheck(&[
        "score",
        "--answers",
        s(&a),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    failed(&r, &format!("{}:4:", s(&a)));
    assert!(
        r.stderr.contains("duplicate key `erp` in the answers"),
        "{}",
        r.stderr
    );
    let r = smecheck(&[
        "score",
        "--answers",
        s(&a),
        "--questionnaire",
        MINI,
        "--lang",
        "zh",
    ]);
    failed(&r, "答案里 `erp` 出现了两次");
    let p = "{\"questionnaire\": {\"id\": \"mini\", \"version\": \"0.1.0\"},\n \"profile\": {\"name\": \"a\", \"name\": \"b\"}}";
    let a = write(dir.path(), "p.json", p);
    let r = smecheck(&[
        "score",
        "--answers",
        s(&a),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    failed(&r, "duplicate key `name` in the profile");
    let mut v = answers();
    v["profile"]["region"] = json!("mars");
    let a = write(
        dir.path(),
        "mars.json",
        &serde_json::to_string_pretty(&v).expect("json"),
    );
    let r = smecheck(&[
        "report",
        "--answers",
        s(&a),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    // Normalised and said: the value is left out of the report, and the note names it.
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`profile.region`: `mars` is not an option of the profile field `region`"),
        "{}",
        r.stderr
    );
    assert!(!r.stdout.contains("mars"), "{}", r.stdout);
}

#[test]
fn weights_and_points_too_large_for_a_score_are_refused_by_validate() {
    let dir = tempfile::tempdir().expect("dir");
    let mut q: Value =
        serde_json::from_str(&fs::read_to_string(MINI).expect("mini")).expect("json");
    q["questions"][0]["weight"] = json!(1e300);
    let big = write(
        dir.path(),
        "big.json",
        &serde_json::to_string_pretty(&q).expect("json"),
    );
    let r = smecheck(&["validate", s(&big), "--lang", "en"]);
    failed(&r, "the value 1e300 is too large");
    assert!(r.stderr.contains(&format!("{}:", s(&big))), "{}", r.stderr);
}

/// A `run --plain` session fed `input`, returning its output.
fn plain_run(answers: &Path, input: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "run",
        "--plain",
        "--answers",
        s(answers),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    let mut child = Command::new(env!("CARGO_BIN_EXE_smecheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C.UTF-8")
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input");
    let out = child.wait_with_output().expect("output");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_save_keeps_what_it_does_not_understand_the_link_and_the_mode() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = answers();
    v["answers"]["retired_question"] = json!(["x", "y"]);
    v["answers"]["tax"] = json!("z_from_version_2");
    v["answers"]
        .as_object_mut()
        .expect("answers")
        .remove("wish");
    v["exported_by"] = json!({"tool": "survey app", "row": 12});
    let real = write(dir.path(), "real.json", &v.to_string());
    fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("link.json");
    symlink("real.json", &link).expect("link");
    // Resumes at the first open question (tax, dropped) and answers it, then `wish`.
    let r = plain_run(&link, "2\n\n\nmore orders\n", &[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::metadata(&real).expect("real").permissions().mode() & 0o777,
        0o600
    );
    let saved: Value =
        serde_json::from_str(&fs::read_to_string(&real).expect("real")).expect("json");
    assert_eq!(saved["answers"]["wish"], "more orders");
    assert_eq!(saved["answers"]["tax"], "b", "the answer given now wins");
    assert_eq!(saved["answers"]["retired_question"], json!(["x", "y"]));
    assert_eq!(saved["exported_by"]["row"], 12);
}

#[test]
fn a_second_session_on_one_file_is_told_and_may_look_read_only() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = answers();
    v["answers"]
        .as_object_mut()
        .expect("answers")
        .remove("wish");
    let a = write(dir.path(), "a.json", &v.to_string());
    // The first session waits at its prompt, holding the file.
    let mut first = Command::new(env!("CARGO_BIN_EXE_smecheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "run",
            "--plain",
            "--answers",
            s(&a),
            "--questionnaire",
            MINI,
            "--lang",
            "en",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let lock = dir.path().join(".a.json.lock");
    let start = Instant::now();
    while !lock.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the first session never locked"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = plain_run(&a, "typed\n", &[]);
    let pid = first.id();
    failed(
        &second,
        &format!("is in use by another smecheck session (process {pid}, since "),
    );
    assert!(second.stderr.contains("--read-only"), "{}", second.stderr);
    let before = fs::read_to_string(&a).expect("file");
    let look = plain_run(&a, "typed\n", &["--read-only"]);
    assert_eq!(look.code, 0, "{}", look.stderr);
    assert!(look.stdout.contains("opened read-only"), "{}", look.stdout);
    assert_eq!(
        fs::read_to_string(&a).expect("file"),
        before,
        "read-only wrote nothing"
    );
    // When the first one ends, the file is free again.
    first
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"done\n")
        .expect("answer");
    assert!(first.wait().expect("first ends").success());
    assert!(!lock.exists(), "the lock file goes with its session");
    let again = plain_run(&a, "", &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
}

#[test]
fn file_names_in_messages_cannot_steer_the_terminal() {
    let dir = tempfile::tempdir().expect("dir");
    let evil = dir.path().join("a\u{1b}]52;c;UFdORUQ=\u{7}\u{1b}[2J.json");
    let r = smecheck(&[
        "score",
        "--answers",
        s(&evil),
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 1);
    assert!(!r.stderr.contains('\u{1b}'), "{:?}", r.stderr);
    assert!(r.stderr.contains("\u{FFFD}]52;c;"), "{:?}", r.stderr);
    let ws = dir.path().join("ws");
    let made = smecheck(&["workshop", "new", s(&ws), "--title", "T", "--lang", "en"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    fs::write(&evil, "{").expect("bad file");
    let r = smecheck(&["workshop", "import", s(&ws), s(&evil), "--lang", "en"]);
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stdout.contains('\u{1b}'),
        "{:?}",
        r.stderr
    );
}

/// Characters that must never reach a terminal or a document raw.
fn dangerous(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn the_codebook_is_neutralised_like_the_reports() {
    let dir = tempfile::tempdir().expect("dir");
    let mut q: Value =
        serde_json::from_str(&fs::read_to_string(MINI).expect("mini")).expect("json");
    q["questions"][0]["text"]["en"] = json!("=HYPERLINK(\"http://evil.example\",\"x\")");
    q["questions"][0]["options"][0]["label"]["en"] =
        json!("<img src=x onerror=alert(1)> ![i](http://evil.example/p.png)");
    q["questions"][0]["options"][1]["id"] = json!("=cmd|' /C calc'!A0");
    q["questions"][0]["options"][2]["label"]["zh"] = json!("@SUM(1)");
    let hostile = write(dir.path(), "q.json", &q.to_string());
    let v = smecheck(&["validate", s(&hostile), "--lang", "en"]);
    assert_eq!(
        v.code, 0,
        "the hostile questionnaire is valid: {}",
        v.stderr
    );
    let csv_out = smecheck(&[
        "questionnaire",
        "--codebook",
        "--format",
        "csv",
        "--questionnaire",
        s(&hostile),
    ]);
    assert_eq!(csv_out.code, 0, "{}", csv_out.stderr);
    let body = csv_out.stdout.trim_start_matches('\u{feff}');
    let mut rows = csv::Reader::from_reader(body.as_bytes());
    let mut cells = 0;
    for row in rows.records() {
        for cell in row.expect("row").iter() {
            cells += 1;
            let live = cell.starts_with(['=', '+', '@'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!live, "a live formula cell: {cell:?}");
            assert!(
                !cell.chars().any(dangerous),
                "a raw control character: {cell:?}"
            );
        }
    }
    assert!(cells > 50);
    assert!(body.contains("'=HYPERLINK("), "neutralised, not dropped");
    for lang in ["en", "zh"] {
        let md = smecheck(&[
            "questionnaire",
            "--codebook",
            "--format",
            "md",
            "--questionnaire",
            s(&hostile),
            "--lang",
            lang,
        ]);
        assert_eq!(md.code, 0, "{}", md.stderr);
        // Escaped markup is shown as text; only unescaped markup is live.
        let live = md.stdout.replace("\\<", "").replace("\\]", "");
        if lang == "en" {
            assert!(
                md.stdout.contains("\\<img"),
                "the label is still shown, as text"
            );
        }
        assert!(!live.contains("<img"), "raw HTML in the Markdown codebook");
        assert!(!live.contains("](http"), "a live link or remote image");
        assert!(!md.stdout.chars().any(dangerous));
    }
}

#[test]
fn the_cohort_csv_is_safe_and_leaves_free_text_out_unless_named() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("ws");
    let made = smecheck(&[
        "workshop",
        "new",
        s(&ws),
        "--title",
        "T",
        "--questionnaire",
        MINI,
        "--lang",
        "en",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let mut v = answers();
    v["profile"]["name"] = json!("Evil\u{202E}gnp.exe");
    v["answers"]["wish"] = json!("I\u{1b}]52;c;UFdORUQ=\u{7}\u{1b}[2J want orders");
    let a = write(dir.path(), "evil.json", &v.to_string());
    let r = smecheck(&["workshop", "import", s(&ws), s(&a), "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let anon = smecheck(&[
        "workshop",
        "report",
        s(&ws),
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert_eq!(anon.code, 0, "{}", anon.stderr);
    assert!(
        !anon.stdout.contains("want orders"),
        "free text in the anonymised CSV"
    );
    assert!(!anon.stdout.lines().next().unwrap_or("").contains("wish"));
    let named = smecheck(&[
        "workshop",
        "report",
        s(&ws),
        "--format",
        "csv",
        "--named",
        "--lang",
        "en",
    ]);
    assert_eq!(named.code, 0, "{}", named.stderr);
    assert!(named.stdout.contains("want orders"), "{}", named.stdout);
    for out in [&anon.stdout, &named.stdout] {
        assert!(
            !out.chars().any(dangerous),
            "a raw control or bidi character reached the CSV"
        );
    }
}

#[test]
fn minus_zero_is_never_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let mut q: Value =
        serde_json::from_str(&fs::read_to_string(MINI).expect("mini")).expect("json");
    // A number question in per cent, as the issue's "-0 %".
    let staff = q["questions"]
        .as_array_mut()
        .expect("questions")
        .iter_mut()
        .find(|x| x["id"] == "staff")
        .expect("staff");
    staff["unit"] = json!({"zh": "%", "en": "%"});
    let pq = write(dir.path(), "q.json", &q.to_string());
    let a = write(
        dir.path(),
        "a.json",
        &answers()
            .to_string()
            .replace("\"staff\":6", "\"staff\":-0.0"),
    );
    assert!(fs::read_to_string(&a).expect("a").contains("-0.0"));
    for format in ["text", "md"] {
        let r = smecheck(&[
            "report",
            "--answers",
            s(&a),
            "--questionnaire",
            s(&pq),
            "--lang",
            "en",
            "--format",
            format,
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("0 %"), "{format}: the answer is shown");
        assert!(!r.stdout.contains("-0 %"), "{format}: -0 printed");
    }
}

#[test]
fn the_cohort_csv_speaks_the_reports_language_with_ids_below_or_only_ids_with_codes() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("ws");
    let made = smecheck(&[
        "workshop",
        "new",
        s(&ws),
        "--title",
        "T",
        "--questionnaire",
        MINI,
        "--lang",
        "zh",
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let a = write(dir.path(), "a.json", &answers().to_string());
    assert_eq!(smecheck(&["workshop", "import", s(&ws), s(&a)]).code, 0);
    let labelled = smecheck(&[
        "workshop",
        "report",
        s(&ws),
        "--format",
        "csv",
        "--lang",
        "zh",
    ]);
    assert_eq!(labelled.code, 0, "{}", labelled.stderr);
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(labelled.stdout.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3, "labels, ids, one firm");
    assert_eq!(&rows[0][0], "企业代码");
    assert_eq!(&rows[1][0], "firm_code");
    let col = |id: &str| rows[1].iter().position(|h| h == id).expect(id);
    assert_eq!(
        &rows[0][col("erp")],
        "ERP 在云上吗？",
        "question text as the label"
    );
    assert_eq!(&rows[2][col("status")], "已完成");
    assert_eq!(
        &rows[2][col("profile.region")],
        "县域",
        "the region's label, not `county`"
    );
    let q: Value = serde_json::from_str(&fs::read_to_string(MINI).expect("mini")).expect("json");
    let partly = q["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|x| x["id"] == "erp"))
        .and_then(|x| x["options"].as_array())
        .and_then(|os| os.iter().find(|o| o["id"] == "partly"))
        .map(|o| o["label"]["zh"].as_str().unwrap_or_default().to_string())
        .expect("erp partly");
    assert_eq!(
        rows[2][col("erp")],
        partly,
        "the answer's label, not `partly`"
    );
    let codes = smecheck(&[
        "workshop",
        "report",
        s(&ws),
        "--format",
        "csv",
        "--codes",
        "--lang",
        "zh",
    ]);
    assert_eq!(codes.code, 0, "{}", codes.stderr);
    assert!(
        codes
            .stdout
            .trim_start_matches('\u{feff}')
            .starts_with("firm_code,")
    );
    assert!(codes.stdout.contains(",partly,") || codes.stdout.contains(",partly\r"));
}
