//! Forty participants saving into one workshop folder at the same time, half of them on a firm
//! another device already has open, while the facilitator's room view keeps reading it: no
//! response is lost, none is ever seen torn, a firm never has two writers, and the scans really
//! overlap the saves.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

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

/// A participant in plain mode, typed to line by line as a person would, on its own thread.
struct Participant {
    child: std::process::Child,
    typist: std::thread::JoinHandle<()>,
}

fn join(dir: &std::path::Path, firm: Option<&str>) -> Participant {
    // Every participant answers every question; each answer is saved at once, and each save
    // holds a few ms before its rename (a debug build's test switch) so saves overlap scans.
    let answers = [
        "Firm",
        "2",
        "1 2",
        "2",
        "1",
        "1",
        "25",
        "1",
        "more customers",
    ];
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smecheck"));
    cmd.args(["run", "--plain", "--lang", "en", "--workshop"])
        .arg(dir);
    if let Some(code) = firm {
        cmd.args(["--firm", code]);
    }
    let mut child = cmd
        .env("SMECHECK_SAVE_DELAY_MS", "3")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("participant");
    let mut stdin = child.stdin.take().expect("stdin");
    let typist = std::thread::spawn(move || {
        for line in answers {
            std::thread::sleep(std::time::Duration::from_millis(120));
            // A participant refused at the start has stopped reading: nothing to type into.
            if writeln!(stdin, "{line}").is_err() {
                return;
            }
        }
    });
    Participant { child, typist }
}

fn codes_in(dir: &std::path::Path) -> Vec<String> {
    let mut codes: Vec<String> = std::fs::read_dir(dir.join("responses"))
        .expect("responses")
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".json")
                .map(str::to_string)
        })
        .collect();
    codes.sort();
    codes
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

    // Half join as new firms; the other half, while those are still answering, open the same
    // firms again with --firm (a firm on two devices): several writers on shared files.
    let firms = PARTICIPANTS / 2;
    let mut people: Vec<Participant> = (0..firms).map(|_| join(&dir, None)).collect();
    let start = std::time::Instant::now();
    while codes_in(&dir).len() < firms {
        assert!(start.elapsed().as_secs() < 30, "the firms never joined");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let codes = codes_in(&dir);
    people.extend(codes.iter().map(|c| join(&dir, Some(c))));

    // Meanwhile the room is read over and over, as the dashboard does.
    let ws = Workshop::open(&dir, Lang::En).expect("open");
    let mut room = Room::new();
    let (mut scans, mut scans_mid_answer, mut most_answered) = (0, 0, 0usize);
    let mut seen_before: Vec<String> = Vec::new();
    loop {
        room.scan(&ws, SystemTime::now());
        scans += 1;
        for p in room.problems() {
            assert!(
                !matches!(p.kind, ProblemKind::Corrupt | ProblemKind::Incomplete),
                "a response was seen torn: {p:?}"
            );
        }
        let responses = room.responses();
        let seen: Vec<String> = responses.iter().map(|r| r.code.to_string()).collect();
        for code in &seen_before {
            assert!(
                seen.contains(code),
                "{code} vanished from the room while saving"
            );
        }
        seen_before = seen;
        // Some firms part way through: this scan overlapped the writing.
        if responses
            .iter()
            .any(|r| r.status() == smecheck::domain::cohort::Status::InProgress)
        {
            scans_mid_answer += 1;
        }
        let answered: usize = responses.iter().map(|r| r.progress().0).sum();
        assert!(
            answered >= most_answered,
            "the room lost answers between scans: {answered} after {most_answered}"
        );
        most_answered = most_answered.max(answered);
        let done = people
            .iter_mut()
            .all(|p| p.child.try_wait().ok().flatten().is_some());
        if done {
            break;
        }
    }
    let (mut refused, mut finished) = (0, 0);
    for p in people {
        let _ = p.typist.join();
        let out = p.child.wait_with_output().expect("participant ends");
        let err = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            finished += 1;
        } else {
            // The one allowed failure: the firm is open on another device, and it says so.
            assert!(
                err.contains("is in use by another smecheck session"),
                "{err}"
            );
            refused += 1;
        }
    }
    assert!(finished >= firms, "every firm was answered by someone");
    assert!(
        refused > 0,
        "no second device was ever refused: no contention was tested"
    );

    assert_eq!(codes_in(&dir), codes, "one response per firm, no more");
    for code in &codes {
        let path = dir.join("responses").join(format!("{code}.json"));
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parses");
        let n = v["answers"].as_object().map_or(0, |m| m.len());
        assert_eq!(n, 7, "{}: every answer kept", path.display());
    }
    room.scan(
        &ws,
        SystemTime::now() + std::time::Duration::from_secs(3600),
    );
    assert_eq!(room.responses().len(), firms);
    assert!(room.problems().is_empty(), "{:?}", room.problems());
    assert!(
        scans >= 10,
        "only {scans} scans while {PARTICIPANTS} participants saved"
    );
    assert!(
        scans_mid_answer >= 2,
        "only {scans_mid_answer} scans saw firms part way through: the scans did not overlap the saves"
    );
    println!(
        "{PARTICIPANTS} concurrent participants on {firms} firms ({refused} second devices refused, {finished} sessions finished), {scans} room scans while they saved, {scans_mid_answer} of them mid-answer: nothing lost or torn"
    );
}
