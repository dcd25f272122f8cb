//! End-to-end, the whole path an owner takes, in both languages at 80×24: start → answer every
//! question → the review offers the results → results → plan → export → quit; then where the
//! files are, what the exit says, and what the next start offers.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test
#![cfg(unix)]

mod pty;

use std::path::Path;

use pty::{ENTER, TAB, Tui};

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Starts smecheck at 80×24 with its data folder in `data` and `cwd` as the folder the owner
/// started from.
fn start(args: &[&str], data: &Path, cwd: &Path) -> Tui {
    let data = data.display().to_string();
    Tui::start(
        args,
        80,
        24,
        &[
            ("LANG", "C.UTF-8"),
            ("XDG_DATA_HOME", &data),
            ("HOME", &data),
        ],
        cwd,
    )
}

/// The words each step waits for, in one language.
struct Words {
    start: &'static str,
    review_done: &'static str,
    results: &'static str,
    plan_first: &'static str,
    export_title: &'static str,
    exported: &'static str,
    quit_title: &'static str,
    saved_in: &'static str,
    resume_with: &'static str,
    report: &'static str,
    resume: &'static str,
}

const EN: Words = Words {
    start: "Start the self-check",
    review_done: "Every question is answered. Press f to see your results",
    results: "Your results (estimate)",
    plan_first: "[ ]  1.",
    export_title: "Export the recommendation report",
    exported: "Exported:",
    quit_title: "Quit the self-check?",
    saved_in: "Your answers are saved in",
    resume_with: "To resume: smecheck run --answers",
    report: "Report:",
    resume: "Resume the last self-check",
};

const ZH: Words = Words {
    start: "开始自检",
    review_done: "全部题目已回答。按 f 查看结果",
    results: "自检结果（估算）",
    plan_first: "[ ]  1.",
    export_title: "导出建议报告",
    exported: "已导出：",
    quit_title: "退出自检？",
    saved_in: "答案已保存：",
    resume_with: "继续作答：smecheck run --answers",
    report: "报告：",
    resume: "继续上次的自检",
};

/// Answers every question of the mini questionnaire by keys, as an owner would.
fn answer_all(tui: &mut Tui) {
    tui.wait_for("用了哪些云工具");
    tui.send("1");
    tui.send(ENTER);
    tui.wait_for("有车间吗");
    tui.send("2");
    tui.wait_for("ERP 在云上吗");
    tui.send("1");
    tui.wait_for("纳税信用等级");
    tui.send("1");
    tui.wait_for("员工人数");
    tui.send("25");
    tui.send(ENTER);
    tui.wait_for("能用哪些融资渠道");
    tui.send("1");
    tui.send(ENTER);
    tui.wait_for("最想解决什么");
    tui.send("cash");
    tui.send(ENTER);
}

fn full_path(lang: &str, w: &Words) {
    let data = tempfile::tempdir().expect("data dir");
    let cwd = tempfile::tempdir().expect("working dir");
    let q = mini();
    let args = ["run", "--lang", lang, "--questionnaire", q.as_str()];
    let mut tui = start(&args, data.path(), cwd.path());
    tui.wait_for(w.start);
    tui.send(ENTER);
    answer_all(&mut tui);
    // The last answer leads to the review, which offers the results.
    tui.wait_for(w.review_done);
    tui.send("f");
    tui.wait_for(w.results);
    tui.send(TAB);
    tui.wait_for(w.plan_first);
    tui.send("e");
    tui.wait_for(w.export_title);
    // The dialog names the file in the folder the owner started from.
    let cwd_shown = cwd.path().display().to_string();
    tui.wait_for(&cwd_shown[..cwd_shown.len().min(30)]);
    tui.send(ENTER);
    tui.wait_for(w.exported);
    tui.send("q");
    tui.wait_for(w.quit_title);
    tui.send("y");
    assert!(tui.wait_exit(), "a normal quit exits with success");
    tui.wait_for(w.saved_in);
    tui.wait_for(w.resume_with);
    tui.wait_for(w.report);

    // The report is in the starting folder, not the hidden data folder.
    let reports: Vec<_> = std::fs::read_dir(cwd.path())
        .expect("cwd")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-report.html"))
        .collect();
    assert_eq!(
        reports.len(),
        1,
        "one report in the starting folder: {reports:?}"
    );
    let screen = tui.screen();
    assert!(
        screen.contains(&reports[0]),
        "the exit names the report:\n{screen}"
    );

    // A finished check resumes on its results.
    let mut tui = start(&args, data.path(), cwd.path());
    tui.wait_for(w.resume);
    tui.send(ENTER);
    tui.wait_for(w.results);
    tui.send("q");
    tui.send("y");
    assert!(tui.wait_exit());
}

#[test]
fn the_whole_path_in_english_at_80x24() {
    full_path("en", &EN);
}

#[test]
fn the_whole_path_in_chinese_at_80x24() {
    full_path("zh", &ZH);
}

/// After `--answers FILE`, reports go beside that file, the exit names the exact command, and
/// a later plain start offers that file when it was saved last.
#[test]
fn a_named_answer_file_keeps_its_reports_and_is_offered_next_time() {
    let data = tempfile::tempdir().expect("data dir");
    let cwd = tempfile::tempdir().expect("working dir");
    let elsewhere = tempfile::tempdir().expect("the owner's folder");
    let q = mini();
    // An older check in the data folder.
    let mut tui = start(
        &["run", "--lang", "en", "--questionnaire", q.as_str()],
        data.path(),
        cwd.path(),
    );
    tui.wait_for(EN.start);
    tui.send(ENTER);
    tui.wait_for("用了哪些云工具");
    tui.send("1");
    tui.send("q");
    tui.send("y");
    assert!(tui.wait_exit());
    std::thread::sleep(std::time::Duration::from_millis(1100));

    let named = elsewhere.path().join("acme.json");
    let named_s = named.display().to_string();
    let args = [
        "run",
        "--lang",
        "en",
        "--questionnaire",
        q.as_str(),
        "--answers",
        named_s.as_str(),
    ];
    let mut tui = start(&args, data.path(), cwd.path());
    tui.wait_for(EN.start);
    tui.send(ENTER);
    answer_all(&mut tui);
    tui.wait_for(EN.review_done);
    tui.send("f");
    tui.wait_for(EN.results);
    tui.send("e");
    tui.send(ENTER);
    tui.wait_for(EN.exported);
    tui.send("q");
    tui.send("y");
    assert!(tui.wait_exit());
    tui.wait_for(&format!("{} {named_s}", EN.resume_with));
    assert!(elsewhere.path().join("acme-report.html").is_file());

    // Plain `smecheck run` now offers the named file: it was saved last.
    let mut tui = start(
        &["run", "--lang", "en", "--questionnaire", q.as_str()],
        data.path(),
        cwd.path(),
    );
    tui.wait_for(EN.resume);
    tui.wait_for("7 of 7 answered");
    tui.send("q");
    tui.send("y");
    assert!(tui.wait_exit());
    tui.wait_for(&named_s);
}
