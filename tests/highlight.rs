//! Screen tests that read more than the text. Where only a style carries the meaning — the
//! highlighted row of a question's options, the review list and the dashboard's firm list,
//! and the "you are here" rung of the ladder — the cells' styles are read, so a lost
//! highlight fails here even though the text snapshots stay the same. And a page key moves
//! the dashboard's list by the rows the drawing gave it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod keys;

use keys::press;

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use smecheck::domain::answers::AnswerSet;
use smecheck::domain::cohort::Cohort;
use smecheck::domain::model::QuestionKind;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{Instrument, Lang};
use smecheck::tui::app::{App, Session};
use smecheck::tui::view;
use smecheck::tui::workshop::dashboard::Dashboard;
use smecheck::tui::workshop::dashboard_view;
use smecheck::tui::workshop::keymap::Action as RoomAction;
use smecheck::workshop::code::FirmCode;
use smecheck::workshop::room::Response;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The text of each row's cells that carry `modifier`, for the rows that have any: (row, text).
fn styled_rows(buf: &Buffer, modifier: Modifier) -> Vec<(u16, String)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let text: String = (0..buf.area.width)
            .map(|x| &buf[(x, y)])
            .filter(|c| c.modifier.contains(modifier))
            .map(|c| c.symbol())
            .collect();
        if !text.trim().is_empty() {
            out.push((y, text.trim().to_string()));
        }
    }
    out
}

/// The highlighted (reverse video) text on screen, rows joined.
fn highlighted(buf: &Buffer) -> String {
    let rows = styled_rows(buf, Modifier::REVERSED);
    rows.into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" ")
}

fn draw_app(app: &mut App, w: u16, h: u16) -> Buffer {
    app.resize(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn app(lang: Lang, answers: AnswerSet) -> App {
    let inst = Instrument::builtin().unwrap();
    App::new(inst, lang, answers, Session::default())
}

/// A whole check of the loaded questionnaire, for the review and the results.
fn answered(seed: u64) -> AnswerSet {
    let inst = Instrument::builtin().unwrap();
    generate(&inst.questionnaire, &mut Rng::new(seed), Lean::Any)
}

/// The first characters of `s`, enough to recognise it on screen however it is wrapped.
fn start_of(s: &str) -> String {
    s.chars().take(4).collect()
}

#[test]
fn the_option_under_the_cursor_is_highlighted_and_no_other() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = app(lang, AnswerSet::new());
            let q = &a.inst.questionnaire;
            let qi = (0..q.questions.len())
                .find(|&i| a.visible[i] && q.questions[i].kind == QuestionKind::Single)
                .expect("a single-choice question");
            a.goto_question(qi);
            // Nothing is lit until the owner moves: no option looks chosen by default.
            let buf = draw_app(&mut a, w, h);
            assert_eq!(highlighted(&buf), "", "{lang:?} {w}x{h}");
            press(&mut a, &[KeyCode::Down]);
            for step in 0..2 {
                let buf = draw_app(&mut a, w, h);
                let label = a.question().options[a.cursor].label.get(lang).to_string();
                let lit = highlighted(&buf);
                assert!(
                    lit.starts_with('>') && lit.contains(&start_of(&label)),
                    "{lang:?} {w}x{h} step {step}: highlighted {lit:?}, cursor on {label:?}"
                );
                let others = a.question().options.iter().enumerate();
                for (i, o) in others.filter(|(i, _)| *i != a.cursor) {
                    let other = o.label.get(lang);
                    assert!(
                        !lit.contains(other),
                        "{lang:?} {w}x{h}: option {i} {other:?} is lit too: {lit:?}"
                    );
                }
                press(&mut a, &[KeyCode::Down]);
            }
        }
    }
}

#[test]
fn the_review_row_under_the_cursor_is_highlighted() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = app(lang, answered(3));
            a.goto_question(0);
            press(&mut a, &[KeyCode::Char('r')]);
            for _ in 0..2 {
                let buf = draw_app(&mut a, w, h);
                let row = a.review_cursor;
                let qi = a.visible_indices()[row];
                let text = a.inst.questionnaire.questions[qi]
                    .text
                    .get(lang)
                    .to_string();
                let lit = highlighted(&buf);
                assert!(
                    lit.starts_with(&format!("{}", row + 1)) && lit.contains(&start_of(&text)),
                    "{lang:?} {w}x{h}: row {row} ({text:?}) is not the one lit: {lit:?}"
                );
                press(&mut a, &[KeyCode::Down]);
            }
        }
    }
}

#[test]
fn the_ladder_marks_you_are_here_bold_and_the_chosen_rung_reversed() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let here = if lang == Lang::Zh {
                "你在这里"
            } else {
                "you are here"
            };
            let mut a = app(lang, answered(5));
            a.goto_question(0);
            press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('f')]);
            press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
            // Opened on the firm's own rung: it is the chosen one.
            let buf = draw_app(&mut a, w, h);
            assert!(
                highlighted(&buf).contains(here),
                "{lang:?} {w}x{h}: the rung the firm is on is not lit: {:?}",
                highlighted(&buf)
            );
            // Another rung chosen: that one is lit, the firm's rung stays bold.
            press(&mut a, &[KeyCode::Up]);
            if a.rung_cursor == 0 {
                press(&mut a, &[KeyCode::Down, KeyCode::Down]);
            }
            let buf = draw_app(&mut a, w, h);
            assert!(
                !highlighted(&buf).contains(here),
                "{lang:?} {w}x{h}: {:?}",
                highlighted(&buf)
            );
            let bold = styled_rows(&buf, Modifier::BOLD);
            assert!(
                bold.iter().any(|(_, t)| t.contains(here)),
                "{lang:?} {w}x{h}: the firm's rung lost its bold: {bold:?}"
            );
        }
    }
}

/// Firms of the built-in questionnaire with these codes, answered at random.
fn firms(inst: &Instrument, codes: &[String]) -> Vec<Arc<Response>> {
    let q = &inst.questionnaire;
    let firm = |(i, code): (usize, &String)| {
        let answers = generate(q, &mut Rng::new(i as u64), Lean::Any);
        Arc::new(Response {
            code: FirmCode::parse(code).unwrap(),
            visible: smecheck::domain::score::visibility(q, &answers),
            card: smecheck::domain::score(inst, &answers),
            answers,
            saved_at: None,
            dropped: 0,
        })
    };
    codes.iter().enumerate().map(firm).collect()
}

fn draw_dashboard(d: &Dashboard, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| dashboard_view::draw(f, d)).unwrap();
    t.backend().buffer().clone()
}

#[test]
fn the_dashboard_highlights_the_selected_firm() {
    let inst = Instrument::builtin().unwrap();
    let codes = ["AAAAAA", "CCCCCC", "DDDDDD"].map(String::from);
    let firms = firms(&inst, &codes);
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut d = Dashboard::new(inst.clone(), "T".into(), "K7MQ".into(), lang, false);
            d.set_room(
                Cohort::build(&inst.questionnaire, []),
                firms.clone(),
                vec![],
            );
            d.update(RoomAction::GoTab(3));
            for _ in 0..2 {
                let buf = draw_dashboard(&d, w, h);
                let code = d.selected().map(|r| r.code.as_str().to_string()).unwrap();
                let lit = styled_rows(&buf, Modifier::REVERSED);
                let is_firm = |t: &str| codes.iter().any(|c| t.contains(&c[..4]));
                let rows: Vec<_> = lit.iter().filter(|(_, t)| is_firm(t)).collect();
                assert_eq!(rows.len(), 1, "{lang:?} {w}x{h}: one firm lit: {lit:?}");
                assert!(
                    rows[0].1.starts_with(&code),
                    "{lang:?} {w}x{h}: {code} not lit: {lit:?}"
                );
                d.update(RoomAction::Down);
            }
        }
    }
}

#[test]
fn a_dashboard_page_is_the_rows_the_drawn_list_holds() {
    let inst = Instrument::builtin().unwrap();
    let alphabet = smecheck::workshop::code::ALPHABET;
    let pick = |k: usize| alphabet[k % alphabet.len()] as char;
    let codes: Vec<String> = (0..60)
        .map(|i| format!("AAAA{}{}", pick(i / 25), pick(i)))
        .collect();
    let mut d = Dashboard::new(inst.clone(), "T".into(), "K7MQ".into(), Lang::En, false);
    d.set_room(
        Cohort::build(&inst.questionnaire, []),
        firms(&inst, &codes),
        vec![],
    );
    d.update(RoomAction::GoTab(3));
    for (w, h) in SIZES {
        let screen = view::screen_text(&draw_dashboard(&d, w, h));
        let shown = codes.iter().filter(|c| screen.contains(c.as_str())).count();
        assert_eq!(d.page.get(), shown, "{w}x{h}: the rows drawn");
        d.cursor = 0;
        d.update(RoomAction::PageDown);
        assert_eq!(d.cursor, shown, "{w}x{h}: a page down moves a screenful");
    }
}
