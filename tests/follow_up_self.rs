//! A firm's own follow-up check, end to end through the real binary: `run --follow-up` in a
//! pseudo-terminal (answers confirmed and changed, the earlier file's bytes untouched), then
//! `compare` and `report` picking up the file it follows as their default baseline.
#![cfg(unix)]

mod common;
mod pty;

use std::path::Path;

use common::smecheck;
use pty::{ENTER, Tui};
use serde_json::Value;

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

const EARLIER: &str = r#"{
  "questionnaire": {"id": "mini", "version": "1.0.0"},
  "profile": {"name": "县城杂货店", "region": "county"},
  "answers": {"tools": ["office"], "has_plant": "yes", "mes": "s1", "erp": "partly",
              "tax": "a", "staff": 12, "channels": ["bank"], "wish": "a loan"},
  "saved_at": "2026-05-04T08:00:00Z"
}
"#;

fn saved(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("saved")).expect("parses")
}

#[test]
fn a_follow_up_check_in_the_terminal_then_compared_and_reported() {
    let dir = tempfile::tempdir().expect("dir");
    let earlier = dir.path().join("spring.json");
    std::fs::write(&earlier, EARLIER).expect("write");
    let new = dir.path().join("autumn.json");
    let (e, n, q) = (
        earlier.display().to_string(),
        new.display().to_string(),
        mini(),
    );
    let args = [
        "run",
        "--follow-up",
        &e,
        "--answers",
        &n,
        "--questionnaire",
        &q,
        "--lang",
        "en",
    ];
    let mut tui = Tui::start(&args, 100, 30, &[("LANG", "C.UTF-8")], dir.path());
    tui.wait_for("Follow-up of the check saved 2026-05-04");
    tui.send(ENTER);
    tui.wait_for("last time's answer: press Enter to confirm");
    // Confirm the first answer as it was; change the second.
    tui.send(ENTER);
    tui.wait_for("2 / ");
    tui.send("2");
    tui.send("r");
    tui.wait_for("✓ confirmed · ✎ changed");
    tui.send("q");
    tui.send("y");
    let start = std::time::Instant::now();
    while tui.in_alternate_screen() && start.elapsed() < pty::PATIENCE {
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    let file = saved(&new);
    assert_eq!(file["reviewed"]["tools"], "confirmed", "{file}");
    assert_eq!(file["reviewed"]["has_plant"], "changed", "{file}");
    assert!(
        file["reviewed"].get("erp").is_none(),
        "carried, never visited"
    );
    assert_eq!(
        file["answers"]["erp"], "partly",
        "pre-filled from the earlier file"
    );
    assert_eq!(file["follows"]["saved_at"], "2026-05-04T08:00:00Z");
    assert!(
        file["follows"]["sha256"]
            .as_str()
            .is_some_and(|s| s.starts_with("sha256:"))
    );
    assert_eq!(
        std::fs::read_to_string(&earlier).expect("earlier"),
        EARLIER,
        "the earlier file's bytes are unchanged"
    );

    // compare without --before takes the file it follows, and says so.
    let run = smecheck(&[
        "compare",
        "--after",
        &n,
        "--questionnaire",
        &q,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("comparing with the earlier check"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("Progress between two checks"),
        "{}",
        run.stdout
    );
    // So does report, with its "since last time" section.
    let run = smecheck(&[
        "report",
        "--answers",
        &n,
        "--questionnaire",
        &q,
        "--lang",
        "zh",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("与上次的答卷比较"), "{}", run.stderr);
    assert!(run.stdout.contains("与上次相比"), "{}", run.stdout);

    // The earlier file gone: report says so and leaves the section out; compare asks for it.
    std::fs::rename(&earlier, dir.path().join("archived.json")).expect("move");
    let run = smecheck(&[
        "report",
        "--answers",
        &n,
        "--questionnaire",
        &q,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("is no longer there"), "{}", run.stderr);
    assert!(!run.stdout.contains("Since last time"), "{}", run.stdout);
    let run = smecheck(&[
        "compare",
        "--after",
        &n,
        "--questionnaire",
        &q,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("--before"), "{}", run.stderr);
}
