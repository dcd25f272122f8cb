//! Issue 13 in the full-screen self-check, through a pseudo-terminal: a failed save is never
//! reported as saved, text typed but not confirmed survives SIGTERM, SIGQUIT restores the
//! terminal, and a second session on the same file is told it is in use.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test
#![cfg(unix)]

mod pty;

use std::path::{Path, PathBuf};

use pty::{ENTER, Tui};
use serde_json::{Value, json};

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn start(answers: &Path, dir: &Path, env: &[(&str, &str)]) -> Tui {
    let a = answers.display().to_string();
    let q = mini();
    Tui::start(
        &[
            "run",
            "--lang",
            "en",
            "--questionnaire",
            &q,
            "--answers",
            &a,
        ],
        100,
        30,
        env,
        dir,
    )
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn quitting_after_a_failed_save_says_so_saves_elsewhere_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The parent of the answer file is a regular file: every save fails.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").expect("blocker");
    let answers = blocker.join("a.json");
    let data = dir.path().join("data");
    let data_s = data.display().to_string();
    let mut tui = start(&answers, dir.path(), &[("XDG_DATA_HOME", &data_s)]);
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("Saving failed");
    tui.send("1");
    tui.wait_for("[x] 1  office");
    tui.send("q");
    tui.wait_for("Your latest answers were NOT saved");
    assert!(
        !tui.screen().contains("Your answers are saved in"),
        "the quit dialog must not claim the answers are saved:\n{}",
        tui.screen()
    );
    tui.send("y");
    assert!(
        !tui.wait_exit(),
        "a session that lost a save ends with a failure code"
    );
    tui.wait_for("were NOT saved in");
    tui.wait_for("saved instead in");
    let rescued: Vec<PathBuf> = files_under(&data)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("-rescued-"))
        .collect();
    assert_eq!(rescued.len(), 1, "one rescue copy: {rescued:?}");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&rescued[0]).expect("rescue")).expect("json");
    assert_eq!(file["answers"]["tools"], json!(["office"]));
}

#[test]
fn text_typed_but_not_confirmed_survives_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.json");
    let all_but_wish = json!({
        "questionnaire": {"id": "mini", "version": "0.1.0"},
        "answers": {"tools": ["office"], "has_plant": "no", "erp": "yes", "tax": "a",
                    "staff": 4, "channels": ["bank"]}
    });
    std::fs::write(&answers, all_but_wish.to_string()).expect("file");
    let mut tui = start(&answers, dir.path(), &[]);
    tui.wait_for("Resume the last self-check");
    tui.send(ENTER);
    tui.wait_for("最想解决什么?");
    tui.send("half a sentence");
    tui.wait_for("half a sentence");
    tui.signal("TERM");
    tui.wait_exit();
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&answers).expect("file")).expect("json");
    assert_eq!(file["answers"]["wish"], "half a sentence", "{file}");
    assert_eq!(
        file["answers"]["tax"], "a",
        "everything else is still there"
    );
}

#[test]
fn sigquit_restores_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.json");
    let mut tui = start(&answers, dir.path(), &[]);
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("用了哪些云工具?");
    assert!(tui.in_alternate_screen() && tui.mouse_reporting());
    tui.signal("QUIT");
    tui.wait_exit();
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(
        !tui.in_alternate_screen(),
        "SIGQUIT left the alternate screen"
    );
    assert!(
        !tui.mouse_reporting(),
        "SIGQUIT switched mouse reporting off"
    );
}

#[test]
fn one_file_open_twice_is_refused_the_second_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("a.json");
    let mut first = start(&answers, dir.path(), &[]);
    first.wait_for("Start the self-check");
    let mut second = start(&answers, dir.path(), &[]);
    assert!(!second.wait_exit(), "the second session does not start");
    second.wait_for("is in use by another smecheck session");
    second.wait_for("--read-only");
    first.send("q");
    first.wait_for("Quit the self-check?");
    first.send("y");
    assert!(first.wait_exit());
}
