use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::code::{ALPHABET, FirmCode, JOIN_CODE_LEN};
use super::import::import;
use super::room::{ProblemKind, Room};
use super::*;
use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::QuestionId;
use crate::domain::sample::{Lean, Rng, generate};

const MINI: &str = include_str!("../../tests/fixtures/questionnaires/valid/mini.json");

/// Long after every file was written: nothing is still settling.
fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(3600)
}

/// `Workshop::create` now, with no default language.
fn create(dir: &Path, title: &str, q: Option<&Path>, msg: Lang) -> anyhow::Result<Workshop> {
    Workshop::create(dir, title, q, None, SystemTime::now(), msg)
}

fn new_workshop(dir: &Path) -> Workshop {
    Workshop::create(
        &dir.join("salon"),
        "  County\tSME   salon\u{1b}[31m ",
        None,
        Some(Lang::En),
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_547_445),
        Lang::En,
    )
    .expect("created")
}

/// A complete answer file of the workshop's questionnaire.
fn answer_file(ws: &Workshop, seed: u64) -> Vec<u8> {
    let answers = generate(&ws.inst.questionnaire, &mut Rng::new(seed), Lean::Any);
    serde_json::to_vec_pretty(&answers.to_file(&ws.inst.questionnaire, None)).expect("json")
}

fn put(ws: &Workshop, name: &str, bytes: &[u8]) -> PathBuf {
    let path = ws.responses_dir().join(name);
    fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn a_new_workshop_holds_its_file_and_an_empty_responses_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    assert_eq!(
        ws.meta.title, "County SME salon [31m",
        "control characters and runs of space go"
    );
    assert_eq!(ws.meta.date, "2026-11-24");
    assert_eq!(ws.meta.lang, Some(Lang::En));
    assert_eq!(ws.meta.join_code.len(), JOIN_CODE_LEN);
    assert!(ws.meta.join_code.bytes().all(|b| ALPHABET.contains(&b)));
    assert_eq!(ws.meta.questionnaire.id, "smecheck-core");
    assert_eq!(
        ws.meta.questionnaire.file, None,
        "the built-in one is not copied"
    );
    assert!(ws.responses_dir().is_dir());
    assert_eq!(fs::read_dir(ws.responses_dir()).expect("dir").count(), 0);
    let again = Workshop::open(&ws.dir, Lang::En).expect("opens");
    assert_eq!(again.meta, ws.meta);
    assert!(again.notes.is_empty());
}

#[test]
fn a_given_questionnaire_is_copied_in_and_used() {
    let tmp = tempfile::tempdir().expect("tmp");
    let q = tmp.path().join("mini.json");
    fs::write(&q, MINI).expect("write");
    let dir = tmp.path().join("w");
    let ws = create(&dir, "Mini", Some(&q), Lang::En).expect("created");
    assert_eq!(ws.meta.questionnaire.id, "mini");
    assert_eq!(
        ws.meta.questionnaire.file.as_deref(),
        Some(QUESTIONNAIRE_FILE)
    );
    assert_eq!(
        fs::read_to_string(dir.join(QUESTIONNAIRE_FILE)).expect("copy"),
        MINI
    );
    // The original may go away: the workshop keeps working from its copy.
    fs::remove_file(&q).expect("remove");
    let ws = Workshop::open(&dir, Lang::En).expect("opens");
    assert_eq!(ws.inst.questionnaire.id, "mini");
    assert!(ws.notes.is_empty());
    // Someone edits the copy: the workshop says so, and still opens.
    fs::write(dir.join(QUESTIONNAIRE_FILE), format!("{MINI}\n")).expect("edit");
    let ws = Workshop::open(&dir, Lang::En).expect("opens");
    assert_eq!(ws.notes.len(), 1, "{:?}", ws.notes);
    assert!(ws.notes[0].contains("changed"), "{:?}", ws.notes);
}

#[test]
fn creating_refuses_what_would_mix_or_lose_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    let err = create(&ws.dir, "Again", None, Lang::En).expect_err("exists");
    assert!(err.to_string().contains("already a workshop"), "{err}");
    let busy = tmp.path().join("busy");
    fs::create_dir(&busy).expect("dir");
    fs::write(busy.join("holiday.jpg"), "x").expect("file");
    let err = create(&busy, "T", None, Lang::Zh).expect_err("not empty");
    assert!(err.to_string().contains("不是空文件夹"), "{err}");
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).expect("dir");
    create(&empty, "T", None, Lang::En).expect("empty is fine");
    let err = create(&tmp.path().join("x"), " \t ", None, Lang::En).expect_err("no title");
    assert!(err.to_string().contains("title"), "{err}");
    let bad_q = tmp.path().join("bad.json");
    fs::write(&bad_q, "{ nope").expect("write");
    let err =
        create(&tmp.path().join("y"), "T", Some(&bad_q), Lang::En).expect_err("bad questionnaire");
    assert!(err.to_string().contains("bad.json:1:"), "{err}");
    assert!(!tmp.path().join("y").join(META_FILE).exists());
}

#[test]
fn opening_checks_the_folder_and_never_leaves_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let err = Workshop::open(tmp.path(), Lang::En).expect_err("no workshop.json");
    assert!(err.to_string().contains("not a workshop folder"), "{err}");
    let ws = new_workshop(tmp.path());
    let meta = ws.dir.join(META_FILE);
    let original = fs::read_to_string(&meta).expect("read");
    let escape = original.replace(
        "\"hash\":",
        "\"file\": \"../../etc/passwd\",\n    \"hash\":",
    );
    fs::write(&meta, escape).expect("write");
    let err = Workshop::open(&ws.dir, Lang::En).expect_err("escape");
    assert!(
        err.to_string().contains("questionnaire.json inside"),
        "{err}"
    );
    fs::write(&meta, original.replace("\"format\": 1", "\"format\": 2")).expect("write");
    let err = Workshop::open(&ws.dir, Lang::En).expect_err("future format");
    assert!(err.to_string().contains("format version 2"), "{err}");
    fs::write(&meta, "{\"format\": 1, \"title\": 5}").expect("write");
    let err = Workshop::open(&ws.dir, Lang::En).expect_err("bad file");
    assert!(err.to_string().contains("workshop.json:1:"), "{err}");
}

#[test]
fn joining_gives_a_fresh_code_and_resuming_finds_it_again() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    let (code, path) = ws.join(None, SystemTime::now(), Lang::En).expect("joined");
    assert_eq!(path, ws.responses_dir().join(format!("{code}.json")));
    let mut room = Room::new();
    room.scan(&ws, later());
    let responses = room.responses();
    assert_eq!(responses.len(), 1, "{:?}", room.problems());
    assert!(
        responses[0].answers.is_empty(),
        "an empty answer file to begin with"
    );
    let (again, same) = ws
        .join(
            Some(&code.as_str().to_lowercase()),
            SystemTime::now(),
            Lang::En,
        )
        .expect("resumes");
    assert_eq!((again, same), (code.clone(), path));
    let (other, _) = ws.join(None, SystemTime::now(), Lang::En).expect("joined");
    assert_ne!(other, code);
    let err = ws
        .join(Some("KKKKKK"), SystemTime::now(), Lang::En)
        .expect_err("unknown");
    assert!(
        err.to_string().contains("No firm in this workshop"),
        "{err}"
    );
    for bad in ["../workshop", "/etc/passwd", "..\\x", "a/b", "7KQM3X.json"] {
        let err = ws
            .join(Some(bad), SystemTime::now(), Lang::Zh)
            .expect_err(bad);
        assert!(err.to_string().contains("不是企业代码"), "{bad}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn symlinked_response_files_are_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    let secret = tmp.path().join("secret.json");
    fs::write(&secret, answer_file(&ws, 1)).expect("write");
    let link = ws.responses_dir().join("7KQM3X.json");
    std::os::unix::fs::symlink(&secret, &link).expect("symlink");
    let err = ws
        .join(Some("7KQM3X"), SystemTime::now(), Lang::En)
        .expect_err("link");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    let mut room = Room::new();
    room.scan(&ws, later());
    assert!(room.responses().is_empty());
    let problems = room.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::Symlink);
    assert!(read_regular(&link).is_err());
}

#[test]
fn every_unusable_file_is_a_problem_with_its_reason_and_the_rest_still_count() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    let good = answer_file(&ws, 7);
    put(&ws, "AAAAAA.json", &good);
    put(&ws, "CCCCCC.json", &good[..good.len() / 2]);
    put(&ws, "DDDDDD.json", b"");
    put(&ws, "EEEEEE.json", b"{ \"questionnaire\": oops }");
    put(
        &ws,
        "FFFFFF.json",
        br#"{"questionnaire": {"id": "other-survey", "version": "1"}, "answers": {}}"#,
    );
    put(
        &ws,
        "GGGGGG.json",
        br#"{"questionnaire": {"id": "smecheck-core", "version": "1.0.0"}, "answers": {"c_budget": "lots"}}"#,
    );
    put(&ws, "HHHHHH.json", b"\xff\xfe not text");
    put(&ws, "holiday.jpg", b"...");
    // The self-check's own by-products are neither responses nor problems.
    put(&ws, ".AAAAAA.json.123.tmp", b"{");
    put(&ws, "AAAAAA.backup-20261124-101500.json", b"{");
    put(&ws, "AAAAAA-result.json", b"{}");
    fs::create_dir(ws.responses_dir().join("KKKKKK.json")).expect("dir");

    let mut room = Room::new();
    assert!(room.scan(&ws, later()));
    let codes: Vec<String> = room
        .responses()
        .iter()
        .map(|r| r.code.to_string())
        .collect();
    assert_eq!(codes, vec!["AAAAAA"]);
    let kinds: Vec<(String, ProblemKind)> = room
        .problems()
        .into_iter()
        .map(|p| (p.file, p.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("CCCCCC.json".into(), ProblemKind::Incomplete),
            ("DDDDDD.json".into(), ProblemKind::Incomplete),
            ("EEEEEE.json".into(), ProblemKind::Corrupt),
            ("FFFFFF.json".into(), ProblemKind::Foreign),
            ("GGGGGG.json".into(), ProblemKind::BadAnswer),
            ("HHHHHH.json".into(), ProblemKind::NotText),
            ("KKKKKK.json".into(), ProblemKind::NotAResponse),
            ("holiday.jpg".into(), ProblemKind::NotAResponse),
        ]
    );
    let foreign = room
        .problems()
        .into_iter()
        .find(|p| p.kind == ProblemKind::Foreign)
        .expect("foreign");
    assert!(foreign.detail.contains("other-survey"), "{foreign:?}");
    for p in room.problems() {
        assert!(!p.kind.label(Lang::Zh).is_empty() && !p.kind.label(Lang::En).is_empty());
    }
    // The half-written file is finished: it joins the room at the next look.
    put(&ws, "CCCCCC.json", &good);
    assert!(room.scan(&ws, later()));
    assert_eq!(room.responses().len(), 2);
}

#[test]
fn a_missing_responses_folder_is_a_problem_not_a_crash() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    fs::remove_dir(ws.responses_dir()).expect("remove");
    let mut room = Room::new();
    assert!(room.scan(&ws, later()));
    assert_eq!(room.problems()[0].kind, ProblemKind::Folder);
    assert!(!room.scan(&ws, later()), "the same problem is no change");
    fs::create_dir(ws.responses_dir()).expect("back");
    assert!(room.scan(&ws, later()));
    assert!(room.problems().is_empty());
}

#[test]
fn only_changed_files_are_read_again() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    for (i, code) in ["AAAAAA", "CCCCCC", "DDDDDD", "EEEEEE"].iter().enumerate() {
        put(&ws, &format!("{code}.json"), &answer_file(&ws, i as u64));
    }
    let mut room = Room::new();
    assert!(room.scan(&ws, later()));
    assert_eq!(room.last_reads, 4);
    assert!(!room.scan(&ws, later()), "nothing changed");
    assert_eq!(room.last_reads, 0);
    // A rewrite with another size is seen without waiting for the clock to move.
    let mut answers = AnswerSet::new();
    answers.set(QuestionId::from("c_budget"), Answer::Number(2.0));
    let file = answers.to_file(&ws.inst.questionnaire, None);
    put(
        &ws,
        "CCCCCC.json",
        &serde_json::to_vec(&file).expect("json"),
    );
    assert!(room.scan(&ws, later()));
    assert_eq!(room.last_reads, 1);
    fs::remove_file(ws.responses_dir().join("DDDDDD.json")).expect("remove");
    assert!(room.scan(&ws, later()));
    assert_eq!(room.responses().len(), 3);
    // A file whose time is not yet well in the past (just written, or a share's clock ahead
    // of ours) is read again at each look until it settles; reading it changes nothing.
    assert!(!room.scan(&ws, SystemTime::UNIX_EPOCH));
    assert_eq!(room.last_reads, 3);
}

#[test]
fn import_copies_good_files_and_says_why_it_skipped_the_others() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    let inbox = tmp.path().join("inbox");
    fs::create_dir(&inbox).expect("dir");
    let file = |name: &str, bytes: &[u8]| {
        let p = inbox.join(name);
        fs::write(&p, bytes).expect("write");
        p
    };
    let good = file("firm-a.json", &answer_file(&ws, 1));
    let good2 = file("firm-b.json", &answer_file(&ws, 2));
    let foreign = file(
        "other.json",
        br#"{"questionnaire": {"id": "mini", "version": "0.1.0"}, "answers": {}}"#,
    );
    let corrupt = file("broken.json", b"{\"questionnaire\": {\"id\": ");
    let bad = file(
        "bad.json",
        br#"{"questionnaire": {"id": "smecheck-core", "version": "1.0.0"}, "answers": {"c_lead": "nobody_at_all"}}"#,
    );
    let missing = inbox.join("nope.json");
    let files = vec![
        good.clone(),
        foreign.clone(),
        corrupt.clone(),
        bad.clone(),
        missing.clone(),
        inbox.clone(),
        good2,
        good.clone(),
    ];
    let done = import(&ws, &files, Lang::En);
    assert_eq!(done.added.len(), 2, "{:?}", done.skipped);
    let skipped: Vec<&PathBuf> = done.skipped.iter().map(|(p, _)| p).collect();
    assert_eq!(
        skipped,
        vec![&foreign, &corrupt, &bad, &missing, &inbox, &good]
    );
    let why = |p: &PathBuf| {
        done.skipped
            .iter()
            .find(|(x, _)| x == p)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    };
    for (file, reason) in [
        (&foreign, "questionnaire `mini`"),
        (&corrupt, "damaged"),
        (&corrupt, "broken.json:1:"),
        (&bad, "nobody_at_all"),
        (&inbox, "not a regular file"),
        (&good, "identical"),
    ] {
        assert!(why(file).contains(reason), "{}", why(file));
    }
    // Imported bytes are kept as they were, under fresh codes.
    let (_, code) = &done.added[0];
    assert_eq!(
        fs::read(ws.response_path(code)).expect("copied"),
        fs::read(&good).expect("original")
    );
    let mut room = Room::new();
    room.scan(&ws, later());
    assert_eq!(room.responses().len(), 2);
    assert!(room.problems().is_empty());
    assert!(FirmCode::from_stem(code.as_str()).is_some());
}

#[test]
fn other_versions_are_not_counted_details_come_in_chinese_and_a_dropped_file_gets_a_hint() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    let good = answer_file(&ws, 3);
    // Notepad's byte-order mark is fine (issue 13, 12).
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(&good);
    put(&ws, "AAAAAA.json", &bom);
    let mut other: serde_json::Value = serde_json::from_slice(&good).expect("json");
    other["questionnaire"]["version"] = "0.9.0".into();
    put(&ws, "DDDDDD.json", other.to_string().as_bytes());
    put(&ws, "EEEEEE.json", br#"{"questionnaire": {"id": "x", "ver"#);
    put(&ws, "firm-from-email.json", &good);
    let mut room = Room::new();
    room.scan(&ws, later());
    let codes: Vec<String> = room
        .responses()
        .iter()
        .map(|r| r.code.to_string())
        .collect();
    assert_eq!(codes, vec!["AAAAAA"], "only the matching version counts");
    let problems = room.problems();
    let find = |kind: ProblemKind| {
        problems
            .iter()
            .find(|p| p.kind == kind)
            .unwrap_or_else(|| panic!("{kind:?} in {problems:?}"))
    };
    let version = find(ProblemKind::OtherVersion);
    assert!(version.detail.contains("0.9.0"), "{version:?}");
    assert!(
        version.detail_in(Lang::Zh).contains("0.9.0 版"),
        "{version:?}"
    );
    let cut = find(ProblemKind::Incomplete);
    assert!(cut.detail_in(Lang::Zh).contains("中途就结束了"), "{cut:?}");
    assert!(!cut.detail_in(Lang::Zh).contains("EOF"), "{cut:?}");
    let dropped = find(ProblemKind::NotAResponse);
    assert!(
        dropped.detail.contains("smecheck workshop import"),
        "{dropped:?}"
    );
    assert!(
        dropped
            .detail_in(Lang::Zh)
            .contains("smecheck workshop import")
    );
}

#[test]
fn exact_copies_are_found_and_idle_firms_are_told_apart() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = new_workshop(dir.path());
    let q = &ws.inst.questionnaire;
    let one = answer_file(&ws, 1);
    put(&ws, "AAAAAA.json", &one);
    put(&ws, "CCCCCC.json", &answer_file(&ws, 2));
    put(&ws, "DDDDDD.json", &one);
    // Two firms that joined and answered nothing are alike, but not copies.
    let empty = serde_json::to_vec(&AnswerSet::new().to_file(q, None)).expect("json");
    put(&ws, "EEEEEE.json", &empty);
    put(&ws, "FFFFFF.json", &empty);
    let mut room = Room::new();
    room.scan(&ws, later());
    let dups = super::room::duplicates(q, &room.responses());
    let code = |s: &str| FirmCode::parse(s).expect("code");
    assert_eq!(dups.len(), 1, "{dups:?}");
    assert_eq!(dups.get(&code("DDDDDD")), Some(&code("AAAAAA")));

    // Part-way and quiet for longer than the limit: idle; finished or recent: not.
    let mut part = generate(q, &mut Rng::new(3), Lean::Any);
    for x in &q.questions[q.questions.len() / 2..] {
        part.clear(&x.id);
    }
    let saved = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_547_445);
    let file = part.to_file(q, Some(crate::store::rfc3339(saved)));
    put(
        &ws,
        "GGGGGG.json",
        &serde_json::to_vec(&file).expect("json"),
    );
    let mut room = Room::new();
    room.scan(&ws, later());
    let responses = room.responses();
    let g = responses
        .iter()
        .find(|r| r.code == code("GGGGGG"))
        .expect("read");
    assert_eq!(g.last_activity(), Some(saved));
    assert!(!g.is_stale(saved + Duration::from_secs(60)));
    assert!(g.is_stale(saved + super::room::STALE_AFTER));
    let e = responses
        .iter()
        .find(|r| r.code == code("EEEEEE"))
        .expect("read");
    assert!(
        !e.is_stale(later() + super::room::STALE_AFTER),
        "empty, not idle"
    );
}

#[test]
fn every_file_comes_back_once_in_name_order_and_a_failing_step_stops_the_reading() {
    use super::room::{Outcome, map_each_file};
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = new_workshop(tmp.path());
    // Enough files for the readers to share them, and one that is not a response.
    let mut codes: Vec<String> = (0..300)
        .map(|i| {
            let code = FirmCode::random();
            put(&ws, &code.file_name(), &answer_file(&ws, i));
            code.as_str().to_string()
        })
        .collect();
    put(&ws, "notes.json", b"{}");
    codes.sort();
    codes.dedup();
    let mut seen = Vec::new();
    map_each_file(
        &ws,
        |o| match o {
            Outcome::Response(r) => Some(r.code.as_str().to_string()),
            Outcome::Problem(_) => None,
        },
        |c| {
            seen.push(c);
            Ok(())
        },
    )
    .expect("read");
    assert_eq!(seen.iter().filter(|c| c.is_none()).count(), 1, "notes.json");
    let seen: Vec<String> = seen.into_iter().flatten().collect();
    assert_eq!(seen, codes, "each firm once, in file-name order");

    let mut taken = 0;
    let stopped = map_each_file(
        &ws,
        |o| o,
        |_| {
            taken += 1;
            if taken == 40 {
                Err(std::io::Error::other("disk full"))
            } else {
                Ok(())
            }
        },
    );
    assert_eq!(
        stopped.expect_err("the step's error").to_string(),
        "disk full"
    );
    assert_eq!(taken, 40, "nothing is handed on after the error");
}

#[test]
fn folders_of_different_questionnaires_opened_in_turn_each_get_their_own() {
    let tmp = tempfile::tempdir().expect("tmp");
    let q = tmp.path().join("mini.json");
    fs::write(&q, MINI).expect("write");
    let mini = create(&tmp.path().join("m"), "Mini", Some(&q), Lang::En).expect("created");
    let core = new_workshop(tmp.path());
    for _ in 0..2 {
        for (ws, id) in [(&mini, "mini"), (&core, "smecheck-core"), (&mini, "mini")] {
            let again = Workshop::open(&ws.dir, Lang::En).expect("opens");
            assert_eq!(again.inst.questionnaire.id, id);
            assert_eq!(again.inst.hash, ws.inst.hash);
        }
    }
}
