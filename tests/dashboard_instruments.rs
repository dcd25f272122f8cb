//! The workshop dashboard on the standard instruments (issue 17): no proposals tab, ranking
//! or "most needed" line where the questionnaire recommends nothing; snapshots of the DII's
//! room at 80×24 and 120×40 in both languages, reviewed by eye.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use smecheck::domain::cohort::Cohort;
use smecheck::domain::instrument::{INSTRUMENTS, builtin_file_name};
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::score::visible_answers;
use smecheck::domain::{Instrument, Lang, score};
use smecheck::tui::view::screen_text;
use smecheck::tui::workshop::dashboard::{Dashboard, Tab};
use smecheck::tui::workshop::dashboard_view;
use smecheck::workshop::code::FirmCode;
use smecheck::workshop::room::Response;

fn instrument(name: &str) -> Instrument {
    let (_, json) = INSTRUMENTS.iter().find(|(n, _)| *n == name).unwrap();
    Instrument::load(&builtin_file_name(name), json).unwrap()
}

/// A room of six generated firms, half leaning to the best answers, half to the worst.
fn dashboard(inst: &Instrument, lang: Lang) -> Dashboard {
    let q = &inst.questionnaire;
    let mut rng = Rng::new(17);
    let codes = ["3KQM7X", "4HJW9A", "6CDNPT", "7KQM3X", "9AFGHJ", "ACDEFG"];
    let room: Vec<Arc<Response>> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let lean = if i % 2 == 0 {
                Lean::Best(0.7)
            } else {
                Lean::Worst(0.7)
            };
            let answers = generate(q, &mut rng, lean);
            Arc::new(Response {
                code: FirmCode::parse(code).unwrap(),
                visible: visible_answers(q, &answers).0,
                card: score(inst, &answers),
                answers,
                saved_at: None,
                dropped: 0,
            })
        })
        .collect();
    let cohort = Cohort::build(q, room.iter().map(|r| &r.card));
    let mut d = Dashboard::new(inst.clone(), "Room".into(), "K7MQ".into(), lang, false);
    d.set_room(cohort, room, Vec::new());
    d
}

fn draw(d: &Dashboard, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| dashboard_view::draw(f, d)).unwrap();
    screen_text(terminal.backend().buffer())
}

#[test]
fn a_room_without_recommendations_shows_no_proposals() {
    for name in ["eurostat-dii", "miit-2024"] {
        let inst = instrument(name);
        let d = dashboard(&inst, Lang::En);
        assert!(!d.tabs().contains(&Tab::Needs), "{name}: {:?}", d.tabs());
        for size in [(80, 24), (120, 40)] {
            let screen = draw(&d, size);
            assert!(!screen.contains("Proposals"), "{name} {size:?}:\n{screen}");
            assert!(screen.contains("The 12 indicators") || name != "eurostat-dii");
        }
    }
    // The shipped questionnaire keeps its proposals tab.
    let d = dashboard(&Instrument::builtin().unwrap(), Lang::En);
    assert!(d.tabs().contains(&Tab::Needs));
}

#[test]
fn dii_room_snapshots() {
    let inst = instrument("eurostat-dii");
    for lang in Lang::ALL {
        let d = dashboard(&inst, lang);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("dii_room_{}_{w}x{h}", lang.code()),
                draw(&d, (w, h))
            );
        }
    }
}
