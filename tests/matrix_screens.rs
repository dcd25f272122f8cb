//! A matrix question on every screen that answers or shows one, on the matrix fixture
//! (tests/fixtures/questionnaires/valid/matrix.json): the question screen (a 0–5 scale grid and
//! a grid of tick columns), keys answering rows, the review and what-if. 80×24 and 120×40,
//! Chinese and English; look at a changed snapshot before accepting it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod keys;

use keys::press;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::BUILTIN_PROPOSALS;
use smecheck::domain::model::QuestionId;
use smecheck::domain::{Instrument, Lang};
use smecheck::tui::app::{App, Session};
use smecheck::tui::view::{self, screen_text};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn instrument() -> Instrument {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/questionnaires/valid/matrix.json"
    );
    let src = std::fs::read_to_string(path).unwrap();
    Instrument::from_sources(path, &src, "proposals.json", BUILTIN_PROPOSALS).unwrap()
}

fn app(lang: Lang, answers: AnswerSet) -> App {
    let session = Session {
        answers_path: "/home/owner/matrix.json".into(),
        ..Session::default()
    };
    App::new(instrument(), lang, answers, session)
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.resize(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    screen_text(terminal.backend().buffer())
}

fn shoot(name: &str, make: impl Fn(Lang) -> App) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = make(lang);
            let screen = render(&mut a, w, h);
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

fn at(a: &App, id: &str) -> usize {
    a.inst
        .questionnaire
        .question_index(&QuestionId(id.into()))
        .unwrap()
}

fn row(a: &App, q: &str, row: &str) -> Option<Vec<String>> {
    match a.answers.get(&QuestionId(q.into())) {
        Some(Answer::Matrix(m)) => m
            .row(row)
            .map(|os| os.iter().map(|o| o.to_string()).collect()),
        _ => None,
    }
}

#[test]
fn keys_answer_a_scale_row_by_row_and_tick_columns() {
    let mut a = app(Lang::En, AnswerSet::new());
    a.goto_question(at(&a, "tech"));
    // 6 = the sixth option ("5 operational") for the first row; the cursor goes on to iot.
    press(&mut a, &[KeyCode::Char('6'), KeyCode::Char('2')]);
    assert_eq!(row(&a, "tech", "sim"), Some(vec!["5".into()]));
    assert_eq!(row(&a, "tech", "iot"), Some(vec!["1".into()]));
    // ↑ back to sim and change it.
    press(&mut a, &[KeyCode::Up, KeyCode::Up, KeyCode::Char('4')]);
    assert_eq!(row(&a, "tech", "sim"), Some(vec!["3".into()]));
    // Enter goes on to `invest` (asked: iot is not "not used").
    press(&mut a, &[KeyCode::Enter]);
    assert_eq!(a.current, at(&a, "invest"));
    // Tick columns: 1 and 2 tick, 1 again unticks; the cursor stays on the row.
    press(
        &mut a,
        &[KeyCode::Char('1'), KeyCode::Char('2'), KeyCode::Char('1')],
    );
    assert_eq!(row(&a, "invest", "design"), Some(vec!["planned".into()]));
    press(&mut a, &[KeyCode::Down, KeyCode::Char('1')]);
    assert_eq!(row(&a, "invest", "sales"), Some(vec!["invested".into()]));
    // "Don't know" answers the whole scale question.
    a.goto_question(at(&a, "tech"));
    press(&mut a, &[KeyCode::Char('d')]);
    assert_eq!(
        a.answers.get(&QuestionId("tech".into())),
        Some(&Answer::DontKnow)
    );
}

/// A firm with nothing in a grid of tick columns says so row by row with `-`: the question is
/// answered (nothing ticked), unlike one never touched, and the row shows it.
#[test]
fn a_dash_says_a_tick_row_has_nothing_ticked_and_goes_on() {
    let mut a = app(Lang::En, AnswerSet::new());
    let invest = at(&a, "invest");
    a.goto_question(invest);
    assert_eq!(a.answers.get(&QuestionId("invest".into())), None);
    press(&mut a, &[KeyCode::Char('-')]);
    assert_eq!(row(&a, "invest", "design"), Some(vec![]));
    // The cursor went on: the next `-` answers the second row.
    press(&mut a, &[KeyCode::Char('-')]);
    assert_eq!(row(&a, "invest", "sales"), Some(vec![]));
    assert!(matches!(
        a.answers.get(&QuestionId("invest".into())),
        Some(Answer::Matrix(_))
    ));
    // Ticks after `-` tick as usual (the cursor is on the third row now: back up two);
    // `-` on a ticked row clears it.
    press(&mut a, &[KeyCode::Up, KeyCode::Up, KeyCode::Char('1')]);
    assert_eq!(row(&a, "invest", "design"), Some(vec!["invested".into()]));
    press(&mut a, &[KeyCode::Char('-')]);
    assert_eq!(row(&a, "invest", "design"), Some(vec![]));
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.lines().any(|l| l.contains("[ ] [ ]  -")),
        "an answered empty row is marked:\n{screen}"
    );
    // On a scale grid `-` does nothing: a scale row needs a value.
    let tech = at(&a, "tech");
    a.goto_question(tech);
    press(&mut a, &[KeyCode::Char('-')]);
    assert_eq!(a.answers.get(&QuestionId("tech".into())), None);
}

#[test]
fn matrix_question_screens() {
    shoot("matrix_scale", |lang| {
        let mut a = app(lang, AnswerSet::new());
        a.goto_question(at(&a, "tech"));
        press(&mut a, &[KeyCode::Char('4')]);
        a
    });
    shoot("matrix_ticks", |lang| {
        let mut a = app(lang, AnswerSet::new());
        a.goto_question(at(&a, "tech"));
        press(
            &mut a,
            &[KeyCode::Char('3'), KeyCode::Char('5'), KeyCode::Enter],
        );
        press(
            &mut a,
            &[KeyCode::Char('1'), KeyCode::Char('2'), KeyCode::Down],
        );
        a
    });
}

#[test]
fn matrix_in_review_and_what_if() {
    let answered = |lang| {
        let mut a = app(lang, AnswerSet::new());
        a.goto_question(at(&a, "tech"));
        press(
            &mut a,
            &[
                KeyCode::Char('3'),
                KeyCode::Char('5'),
                KeyCode::Char('6'),
                KeyCode::Enter,
            ],
        );
        press(
            &mut a,
            &[KeyCode::Char('1'), KeyCode::Down, KeyCode::Char('2')],
        );
        a
    };
    shoot("matrix_review", |lang| {
        let mut a = answered(lang);
        press(&mut a, &[KeyCode::Char('r')]);
        a
    });
    shoot("matrix_whatif", |lang| {
        let mut a = answered(lang);
        press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('f')]);
        press(&mut a, &[KeyCode::Char('w')]);
        // Down to the iot row of `tech` and step it up.
        let rows = a.whatif.as_ref().unwrap().items.len();
        assert!(rows >= 6, "a what-if row per matrix row");
        a
    });
}

fn dma(lang: Lang) -> App {
    let text = smecheck::domain::instrument::builtin_instrument("eu-dma").unwrap();
    let inst = Instrument::load("eu-dma", text).unwrap();
    let session = Session {
        answers_path: "/home/owner/dma.json".into(),
        ..Session::default()
    };
    App::new(inst, lang, AnswerSet::new(), session)
}

#[test]
fn dma_grids_with_long_row_labels() {
    // Q1: ten business areas × two tick columns; Q9: five AI families with long labels that
    // wrap under themselves beside the cells.
    shoot("dma_q1", |lang| {
        let mut a = dma(lang);
        a.goto_question(at(&a, "q1"));
        press(
            &mut a,
            &[KeyCode::Char('1'), KeyCode::Down, KeyCode::Char('2')],
        );
        a
    });
    shoot("dma_q9", |lang| {
        let mut a = dma(lang);
        a.goto_question(at(&a, "q9"));
        press(&mut a, &[KeyCode::Char('6'), KeyCode::Char('1')]);
        a
    });
}
