//! Snapshot tests of the results screens of the shipped standard instruments (issue 17): no
//! plan, recommendations or ladder tabs where there is nothing to show, the instrument's note
//! first, scores at two decimals. 80×24 and 120×40, Chinese and English.
//! Review a changed snapshot by eye before accepting it (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod keys;

use keys::press;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::{INSTRUMENTS, builtin_file_name};
use smecheck::domain::{Instrument, Lang};
use smecheck::tui::app::{App, Session};
use smecheck::tui::view::{self, screen_text};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn instrument(name: &str) -> Instrument {
    let (_, json) = INSTRUMENTS.iter().find(|(n, _)| *n == name).unwrap();
    Instrument::load(&builtin_file_name(name), json).unwrap()
}

/// The results of `name` with every question answered by `pick(i)` (option index), on `tabs`
/// presses of Tab.
fn results(name: &str, lang: Lang, pick: impl Fn(usize) -> usize, tabs: usize) -> App {
    let inst = instrument(name);
    let mut answers = AnswerSet::new();
    for (i, q) in inst.questionnaire.questions.iter().enumerate() {
        let o = &q.options[pick(i).min(q.options.len() - 1)];
        let a = match q.kind {
            smecheck::domain::QuestionKind::Multi => Answer::Choices(vec![o.id.clone()]),
            _ => Answer::Choice(o.id.clone()),
        };
        answers.set(q.id.clone(), a);
    }
    let session = Session {
        answers_path: "/home/owner/.local/share/smecheck/answers/self-check-20261201-101500.json"
            .into(),
        resumable: true,
        saved_at: Some("2026-12-01T10:15:00Z".to_string()),
        ..Session::default()
    };
    let mut a = App::new(inst, lang, answers, session);
    a.today = "2026-12-01".to_string();
    a.goto_question(0);
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('f')]);
    press(&mut a, &vec![KeyCode::Tab; tabs]);
    a
}

fn shoot(name: &str, make: impl Fn(Lang) -> App) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = make(lang);
            a.resize(w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| view::draw(f, &a)).unwrap();
            let screen = screen_text(terminal.backend().buffer());
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

/// Seven of the DII's twelve indicators met: 58.33, "high".
fn dii_seven(i: usize) -> usize {
    usize::from(i >= 7)
}

#[test]
fn dii_results() {
    shoot("dii_summary", |lang| {
        results("eurostat-dii", lang, dii_seven, 0)
    });
    shoot("dii_overview", |lang| {
        results("eurostat-dii", lang, dii_seven, 1)
    });
}

#[test]
fn dii_results_have_two_tabs() {
    let a = results("eurostat-dii", Lang::En, dii_seven, 0);
    assert_eq!(a.tabs().len(), 2, "{:?}", a.tabs());
}

#[test]
fn miit_results() {
    // Every question at its second option: a middling firm.
    shoot("miit_overview", |lang| results("miit-2024", lang, |_| 1, 1));
}
