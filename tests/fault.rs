//! Fault injection on the real binary: SIGKILL at random moments, a full disk, a folder that
//! cannot be written. Nothing confirmed on screen may be lost; the file must always parse.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test
#![cfg(unix)]

mod pty;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use pty::{ENTER, Tui};
use serde_json::{Value, json};
use smecheck::domain::sample::Rng;

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn start(answers: &Path, dir: &Path) -> Tui {
    start_with(answers, dir, &[])
}

fn start_with(answers: &Path, dir: &Path, env: &[(&str, &str)]) -> Tui {
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

/// One scripted step: keys to type, the screen text that confirms them, and what the answer
/// file must hold once it is confirmed.
struct Step {
    keys: &'static str,
    confirm: &'static str,
    check: fn(&Value) -> bool,
}

fn ticked(f: &Value, question: &str, option: &str) -> bool {
    f["answers"][question]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == option))
}

#[rustfmt::skip]
fn script() -> Vec<Step> {
    vec![
        Step { keys: "1", confirm: "[x] 1  office", check: |f| ticked(f, "tools", "office") },
        Step { keys: "2", confirm: "[x] 2  finance", check: |f| ticked(f, "tools", "finance") },
        Step { keys: ENTER, confirm: "有车间吗?", check: |_| true },
        Step { keys: "2", confirm: "ERP 在云上吗?", check: |f| f["answers"]["has_plant"] == "no" },
        Step { keys: "1", confirm: "纳税信用等级?", check: |f| f["answers"]["erp"] == "yes" },
        Step { keys: "2", confirm: "员工人数?", check: |f| f["answers"]["tax"] == "b" },
        Step { keys: "25\r", confirm: "能用哪些融资渠道?", check: |f| f["answers"]["staff"] == 25.0 },
        Step { keys: "1", confirm: "[x] 1  bank", check: |f| ticked(f, "channels", "bank") },
    ]
}

#[test]
fn sigkill_at_200_random_moments_loses_nothing_confirmed() {
    const RUNS: usize = 200;
    let dir = tempfile::tempdir().expect("temp dir");
    let steps = script();
    let mut rng = Rng::new(20200531);
    let mut in_flight_kills = 0;
    let mut mid_save_kills = 0;
    for run in 0..RUNS {
        let answers = dir.path().join(format!("run-{run}.json"));
        // Each save holds 4 ms between writing its temporary file and renaming it (a debug
        // build's test switch), so that kills land inside saves often enough to count.
        let mut tui = start_with(&answers, dir.path(), &[("SMECHECK_SAVE_DELAY_MS", "4")]);
        tui.wait_for("Start the self-check");
        tui.send_now(ENTER);
        tui.wait_for("用了哪些云工具?");
        let confirmed = rng.below(steps.len() + 1);
        for s in &steps[..confirmed] {
            tui.send_now(s.keys);
            tui.wait_for(s.confirm);
        }
        // Type the next step too, then kill at a random moment while it may be in flight.
        if let Some(next) = steps.get(confirmed) {
            tui.send_now(next.keys);
            in_flight_kills += 1;
        }
        std::thread::sleep(Duration::from_micros(rng.below(15_000) as u64));
        tui.kill_hard();

        let text = std::fs::read_to_string(&answers)
            .unwrap_or_else(|e| panic!("run {run}: the answer file is missing: {e}"));
        let file: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("run {run}: torn file ({e}):\n{text}"));
        for (i, s) in steps[..confirmed].iter().enumerate() {
            assert!(
                (s.check)(&file),
                "run {run}: step {i} ({}) was confirmed but is not in the file:\n{text}",
                s.confirm
            );
        }
        // A temporary file left behind is a kill that landed inside a save: after its
        // temporary file was made and before the rename.
        let prefix = format!(".run-{run}.json.");
        let leftovers = std::fs::read_dir(dir.path())
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
                    .count()
            })
            .unwrap_or(0);
        assert!(
            leftovers <= 1,
            "run {run}: more than the one temporary file a kill mid-save can leave"
        );
        mid_save_kills += leftovers;
    }
    println!(
        "fault injection: {RUNS} SIGKILLs, {in_flight_kills} with keys in flight, {mid_save_kills} inside a save (temporary file written, not yet renamed); every confirmed answer was on disk and every file parsed"
    );
    assert!(
        mid_save_kills >= RUNS / 20,
        "only {mid_save_kills} of {RUNS} kills landed inside a save: the test no longer tests what it claims"
    );
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn a_full_disk_shows_a_message_keeps_the_old_file_and_typing_goes_on() {
    if !is_root() {
        // CI runs as root, where this test must run: there a skip is a failure.
        assert!(
            std::env::var_os("CI").is_none(),
            "a_full_disk: CI must run this test as root (it mounts a small tmpfs)"
        );
        eprintln!(
            "SKIPPED a_full_disk_shows_a_message_keeps_the_old_file_and_typing_goes_on: not root, so no tmpfs can be mounted (CI runs it as root); the unwritable-folder test covers the message path"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mnt = dir.path().join("tiny");
    std::fs::create_dir(&mnt).expect("mount point");
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "mounting a small tmpfs failed although running as root");
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _guard = Unmount(&mnt);

    let answers = mnt.join("a.json");
    let mut tui = start(&answers, dir.path());
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("用了哪些云工具?");
    tui.send("1");
    tui.wait_for("[x] 1  office");
    let before = std::fs::read_to_string(&answers).expect("first save");

    // Fill the disk.
    let filler = mnt.join("filler");
    let _ = Command::new("dd")
        .arg("if=/dev/zero")
        .arg(format!("of={}", filler.display()))
        .args(["bs=1k", "count=1000"])
        .output();
    tui.send("2");
    tui.wait_for("Saving failed");
    tui.wait_for("[x] 2  finance");
    assert_eq!(
        std::fs::read_to_string(&answers).expect("old file"),
        before,
        "the previous file is intact"
    );
    tui.send(ENTER);
    tui.wait_for("有车间吗?");

    // Space again: the next change saves everything, and the message goes away.
    std::fs::remove_file(&filler).expect("free space");
    tui.send("2");
    tui.wait_for("ERP 在云上吗?");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&answers).expect("file")).expect("json");
    assert_eq!(file["answers"]["tools"], json!(["office", "finance"]));
    assert_eq!(file["answers"]["has_plant"], "no");
    assert!(!tui.screen().contains("Saving failed"));
    tui.kill_hard();
}

#[test]
fn an_unwritable_folder_shows_a_message_and_typing_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The parent of the answer file is a regular file: no folder can be made there.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").expect("blocker");
    let answers = blocker.join("a.json");
    let mut tui = start(&answers, dir.path());
    tui.wait_for("Start the self-check");
    tui.send(ENTER);
    tui.wait_for("Saving failed");
    tui.wait_for("用了哪些云工具?");
    tui.send("1");
    tui.wait_for("[x] 1  office");
    tui.send(ENTER);
    tui.wait_for("有车间吗?");
    tui.kill_hard();
}
