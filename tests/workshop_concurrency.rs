//! Forty participants saving into one workshop folder at the same time, while the facilitator's
//! room view keeps reading it: no response is lost, none is ever seen torn.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::SystemTime;

use smecheck::domain::Lang;
use smecheck::workshop::Workshop;
use smecheck::workshop::room::{ProblemKind, Room};

const PARTICIPANTS: usize = 40;

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn forty_participants_save_concurrently_and_nothing_is_lost_or_torn() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("salon");
    let status = Command::new(env!("CARGO_BIN_EXE_smecheck"))
        .args(["workshop", "new"])
        .arg(&dir)
        .args([
            "--title",
            "Concurrency",
            "--questionnaire",
            &mini(),
            "--lang",
            "en",
        ])
        .status()
        .expect("workshop new");
    assert!(status.success());

    // Every participant answers every question in plain mode; each answer is saved at once.
    let answers = "Firm\n2\n1 2\n2\n1\n1\n25\n1\nmore customers\n";
    let mut children = Vec::new();
    for _ in 0..PARTICIPANTS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_smecheck"))
            .args(["run", "--plain", "--lang", "en", "--workshop"])
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("participant");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(answers.as_bytes())
            .expect("type answers");
        children.push(child);
    }

    // Meanwhile the room is read over and over, as the dashboard does.
    let ws = Workshop::open(&dir, Lang::En).expect("open");
    let mut room = Room::new();
    let mut scans = 0;
    loop {
        room.scan(&ws, SystemTime::now());
        scans += 1;
        for p in room.problems() {
            assert!(
                !matches!(p.kind, ProblemKind::Corrupt | ProblemKind::Incomplete),
                "a response was seen torn: {p:?}"
            );
        }
        let done = children
            .iter_mut()
            .all(|c| c.try_wait().ok().flatten().is_some());
        if done {
            break;
        }
    }
    for child in children {
        let out = child.wait_with_output().expect("participant ends");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let files: Vec<_> = std::fs::read_dir(dir.join("responses"))
        .expect("responses")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .collect();
    assert_eq!(files.len(), PARTICIPANTS, "one response per participant");
    for f in &files {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f.path()).expect("read"))
                .expect("parses");
        let n = v["answers"].as_object().map_or(0, |m| m.len());
        assert_eq!(n, 7, "{}: every answer kept", f.path().display());
    }
    room.scan(
        &ws,
        SystemTime::now() + std::time::Duration::from_secs(3600),
    );
    assert_eq!(room.responses().len(), PARTICIPANTS);
    assert!(room.problems().is_empty(), "{:?}", room.problems());
    println!(
        "{PARTICIPANTS} concurrent participants, {scans} room scans while they saved: nothing lost or torn"
    );
}
