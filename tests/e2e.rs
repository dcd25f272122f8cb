//! End-to-end: the real binary in a pseudo-terminal, keys typed, the screen read back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test
#![cfg(unix)]

mod pty;

use std::path::{Path, PathBuf};

use pty::{DOWN, ENTER, ESC, TAB, Tui};
use serde_json::Value;

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn saved(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the answer file exists");
    serde_json::from_str(&text).expect("the answer file always parses")
}

fn run_args(answers: &Path, lang: &str, questionnaire: Option<&str>) -> Vec<String> {
    let mut args = vec![
        "run".to_string(),
        "--answers".into(),
        answers.display().to_string(),
        "--lang".into(),
        lang.into(),
    ];
    if let Some(q) = questionnaire {
        args.push("--questionnaire".into());
        args.push(q.into());
    }
    args
}

fn start(args: &[String], dir: &Path) -> Tui {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    // The data folder inside the test's own folder: nothing is written to the runner's.
    let data = dir.display().to_string();
    Tui::start(
        &refs,
        100,
        30,
        &[("LANG", "C.UTF-8"), ("XDG_DATA_HOME", data.as_str())],
        dir,
    )
}

#[test]
fn answer_kill_resume_finish_and_read_a_recommendation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers: PathBuf = dir.path().join("firm.json");
    let args = run_args(&answers, "en", Some(&mini()));

    let mut tui = start(&args, dir.path());
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("用了哪些云工具?");
    // Space on an untouched list ticks nothing; ↓ shows the highlight, Space ticks, and the
    // digit beside an option ticks it straight away.
    tui.send(" ");
    tui.send(DOWN);
    tui.send(" ");
    tui.wait_for("[x] 1  office");
    tui.send("2");
    tui.wait_for("[x] 2  finance");
    tui.send(ENTER);
    tui.wait_for("有车间吗?");
    tui.send("2");
    tui.wait_for("ERP 在云上吗?");
    tui.send("1");
    tui.wait_for("纳税信用等级?");
    // Three answers are confirmed on screen; kill without warning.
    tui.kill_hard();

    let file = saved(&answers);
    assert_eq!(
        file["answers"]["tools"],
        serde_json::json!(["office", "finance"])
    );
    assert_eq!(file["answers"]["has_plant"], "no");
    assert_eq!(file["answers"]["erp"], "yes");

    let mut tui = start(&args, dir.path());
    tui.wait_for("Resume the last self-check");
    tui.wait_for("3 of 7 answered");
    tui.send(ENTER);
    tui.wait_for("纳税信用等级?");
    tui.send("1");
    tui.wait_for("员工人数?");
    tui.send("abc");
    tui.wait_for("Type a number");
    tui.send("25");
    tui.send(ENTER);
    tui.wait_for("能用哪些融资渠道?");
    tui.send("1");
    tui.send(ENTER);
    tui.wait_for("最想解决什么?");
    tui.send("more working capital");
    tui.send(ENTER);
    tui.wait_for("Every question is answered.");
    tui.send("f");
    tui.wait_for("Your results (estimate)");
    // The summary opens the results; the plan, dated today, is the next tab.
    tui.wait_for("The three things to do first");
    tui.send(TAB);
    tui.wait_for("[ ]  1.");
    tui.wait_for("Due: 20");
    tui.send(TAB);
    tui.wait_for("Cloud depth");
    tui.send(TAB);
    tui.wait_for("you are here");
    tui.send(TAB);
    tui.wait_for("[P");
    tui.send(ENTER);
    tui.wait_for("Why this applies to you");
    tui.wait_for("Next steps");
    tui.send(ESC);
    tui.send("e");
    tui.wait_for("Export the recommendation report");
    tui.send("3");
    tui.wait_for("Exported:");
    tui.wait_for("firm-report.html");
    tui.send("e");
    tui.send("3");
    tui.wait_for("Replace it with the new report?");
    tui.send("y");
    tui.send("q");
    tui.wait_for("Quit the self-check?");
    tui.send("y");
    assert!(tui.wait_exit(), "a normal quit exits with success");
    tui.wait_for("Your answers are saved in");
    assert!(!tui.in_alternate_screen(), "quitting restored the terminal");

    let file = saved(&answers);
    assert_eq!(file["answers"]["staff"], 25.0);
    assert_eq!(file["answers"]["wish"], "more working capital");
    let html = std::fs::read_to_string(dir.path().join("firm-report.html"))
        .expect("export wrote the HTML report");
    assert!(html.contains("<html lang=\"en\""), "an English report");
}

#[test]
fn chinese_session_quits_resumes_and_survives_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("答卷.json");
    let args = run_args(&answers, "zh", None);

    let mut tui = start(&args, dir.path());
    tui.wait_for("开始自检");
    tui.send(ENTER);
    tui.wait_for("企业的主业是不是在自己的工厂、车间或加工场地里生产、加工实物产品？");
    tui.send("2");
    tui.wait_for("企业里谁在牵头推动数字化");
    tui.send("1");
    tui.wait_for("对于把更多业务搬到云上");
    tui.send("q");
    tui.wait_for("退出自检？");
    tui.send("y");
    assert!(tui.wait_exit());
    tui.wait_for("答案已保存");
    let file = saved(&answers);
    assert_eq!(file["answers"].as_object().map(|m| m.len()), Some(2));

    let mut tui = start(&args, dir.path());
    tui.wait_for("继续上次的自检");
    tui.send(ENTER);
    tui.wait_for("对于把更多业务搬到云上");
    tui.send("?");
    tui.wait_for("这道题是什么意思");
    tui.send(ESC);
    tui.send("2");
    tui.wait_for("去年在软件、云服务和IT上的花费");
    assert!(
        tui.in_alternate_screen(),
        "the self-check draws full screen"
    );
    tui.signal("TERM");
    tui.wait_exit();
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(
        !tui.in_alternate_screen(),
        "SIGTERM restored the terminal (left the alternate screen)"
    );
    assert!(
        !tui.mouse_reporting(),
        "SIGTERM switched mouse reporting off again"
    );
    let file = saved(&answers);
    assert_eq!(
        file["answers"].as_object().map(|m| m.len()),
        Some(3),
        "the third answer was saved before SIGTERM"
    );
}

#[test]
fn small_terminal_shows_a_message_not_a_broken_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.json");
    let args = run_args(&answers, "en", Some(&mini()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let data = dir.path().display().to_string();
    let mut tui = Tui::start(
        &refs,
        60,
        20,
        &[("XDG_DATA_HOME", data.as_str())],
        dir.path(),
    );
    tui.wait_for("smecheck needs at least 72×24");
    tui.send("\x03"); // Ctrl-C
    tui.wait_exit();
}

#[test]
fn closing_the_terminal_ends_the_process_with_answers_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.json");
    let args = run_args(&answers, "en", Some(&mini()));
    let mut tui = start(&args, dir.path());
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("用了哪些云工具?");
    tui.send("3");
    tui.wait_for("[x] 3  video");
    tui.hang_up();
    tui.wait_exit();
    let file = saved(&answers);
    assert_eq!(file["answers"]["tools"], serde_json::json!(["video"]));
}

/// A debug build panics on request (`SMECHECK_PANIC_AFTER_KEYS`): the terminal must come back
/// usable, every answer given before must be on disk, and the user is told so in their words.
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_keeps_the_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("firm.json");
    let args = run_args(&answers, "en", Some(&mini()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    // Start (1), tick an option (2), go on (3), answer "no plant" (4): the panic comes after
    // the fourth action has been carried out and saved.
    let env = [("LANG", "C.UTF-8"), ("SMECHECK_PANIC_AFTER_KEYS", "4")];
    let mut tui = Tui::start(&refs, 100, 30, &env, dir.path());
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("用了哪些云工具?");
    tui.send("1");
    tui.wait_for("[x] 1");
    tui.send(ENTER);
    tui.wait_for("有车间吗?");
    assert!(tui.in_alternate_screen() && tui.mouse_reporting());
    tui.send("2");
    assert!(!tui.wait_exit(), "a panic is a failure exit");
    tui.wait_for("stopped because of an internal error");
    tui.wait_for("run smecheck again to continue");
    assert!(
        !tui.in_alternate_screen(),
        "the panic left the alternate screen"
    );
    assert!(
        !tui.mouse_reporting(),
        "the panic switched mouse reporting off"
    );
    let file = saved(&answers);
    assert_eq!(
        file["answers"].as_object().map(|m| m.len()),
        Some(2),
        "both answers given before the panic were saved: {file}"
    );
}
