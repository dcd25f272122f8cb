//! A firm's own follow-up check, end to end through the real binary: `run --follow-up` in a
//! pseudo-terminal (answers confirmed and changed, the earlier file's bytes untouched), then
//! `compare` and `report` picking up the file it follows as their default baseline; and its
//! screens (welcome entry, question marks, review signs) at 80×24 and 120×40 in zh and en.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod keys;

use keys::press;

mod common;
#[cfg(unix)]
mod pty;

use std::path::Path;

use common::smecheck;
#[cfg(unix)]
use pty::{ENTER, Tui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;
use smecheck::domain::answers::follows::{FollowUp, Follows};
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::model::QuestionKind;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{Instrument, Lang};
use smecheck::tui::app::{App, Session, WelcomeItem};
use smecheck::tui::view;

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

#[cfg(unix)]
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
    tui.wait_for("✎ changed · ○ carried over");
    tui.wait_for("2 ✎");
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

/// A finished check of the built-in questionnaire, generated from it.
fn finished(inst: &Instrument) -> AnswerSet {
    let mut set = generate(&inst.questionnaire, &mut Rng::new(11), Lean::Any);
    for q in &inst.questionnaire.questions {
        if q.kind == QuestionKind::Text {
            set.set(q.id.clone(), Answer::Text("想弄清楚每月的利润".into()));
        }
    }
    set
}

fn app(lang: Lang, follow: bool) -> App {
    let inst = Instrument::builtin().expect("built-in");
    let answers = finished(&inst);
    let follow = follow.then(|| FollowUp {
        follows: Some(Follows {
            path: "/home/owner/acme-2026-05.json".into(),
            sha256: format!("sha256:{}", "0".repeat(64)),
            saved_at: Some("2026-05-04T08:00:00Z".into()),
        }),
        earlier: Some(answers.clone()),
        reviewed: Default::default(),
    });
    let session = Session {
        answers_path: "/home/owner/acme-2026-11.json".into(),
        resumable: follow.is_none(),
        saved_at: Some("2026-05-04T08:00:00Z".into()),
        follow,
        ..Session::default()
    };
    App::new(inst, lang, answers, session)
}

fn shoot(name: &str, make: impl Fn(Lang) -> App) {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = make(lang);
            a.resize(w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| view::draw(f, &a)).expect("draw");
            let screen = view::screen_text(terminal.backend().buffer());
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

#[test]
fn follow_up_screens() {
    // A finished check opened: the welcome screen offers a follow-up, focused here.
    shoot("follow_up_offered", |lang| {
        let mut a = app(lang, false);
        let at = a
            .welcome_items()
            .iter()
            .position(|i| *i == WelcomeItem::FollowUp)
            .expect("offered for a finished check");
        a.welcome_focus = at;
        a
    });
    // A follow-up begun: what it follows and how far the walk got.
    shoot("follow_up_welcome", |lang| app(lang, true));
    // The first question: last time's answer, carried over, waiting to be confirmed.
    shoot("follow_up_question_carried", |lang| {
        let mut a = app(lang, true);
        press(&mut a, &[KeyCode::Enter]);
        a
    });
    // One confirmed, one changed (a digit for another option), then the review.
    shoot("follow_up_review", |lang| {
        let mut a = app(lang, true);
        press(&mut a, &[KeyCode::Enter, KeyCode::Enter]);
        while a.question().kind != QuestionKind::Single {
            press(&mut a, &[KeyCode::Right]);
        }
        let q = a.question();
        let now = match a.answers.get(&q.id) {
            Some(Answer::Choice(o)) => q.option_index(o),
            _ => None,
        };
        let other = (0..q.options.len())
            .find(|i| Some(*i) != now)
            .expect("options");
        let digit = char::from_digit(other as u32 + 1, 10).expect("digit");
        press(&mut a, &[KeyCode::Char(digit), KeyCode::Char('r')]);
        a
    });
}
