//! Roles declared in the questionnaire (cloud depth, financing, breadth-vs-depth, the firm's
//! name): the shells ask the questionnaire for them, and a questionnaire that declares none
//! gets views with those panels left out — not empty boxes, not the shipped questionnaire's ids.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use smecheck::domain::answers::AnswerSet;
use smecheck::domain::cohort::Cohort;
use smecheck::domain::instrument::{
    BUILTIN_PROPOSALS, BUILTIN_PROPOSALS_NAME, BUILTIN_QUESTIONNAIRE,
};
use smecheck::domain::model::Role;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::score::visible_answers;
use smecheck::domain::{Instrument, Lang, score};
use smecheck::tui::view::screen_text;
use smecheck::tui::workshop::dashboard::Dashboard;
use smecheck::tui::workshop::dashboard_view;
use smecheck::workshop::code::FirmCode;
use smecheck::workshop::room::Response;

/// The shipped questionnaire, with its `roles` object edited by `edit`.
fn shipped_with(edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Instrument {
    let mut v: Value = serde_json::from_str(BUILTIN_QUESTIONNAIRE).unwrap();
    edit(v.as_object_mut().unwrap());
    let src = serde_json::to_string_pretty(&v).unwrap();
    Instrument::from_sources("q.json", &src, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS).unwrap()
}

fn without_roles() -> Instrument {
    shipped_with(|q| {
        q.remove("roles").expect("the shipped file declares roles");
    })
}

fn firms(inst: &Instrument) -> Vec<Arc<Response>> {
    let q = &inst.questionnaire;
    let mut rng = Rng::new(17);
    let codes = ["3KQM7X", "4HJW9A", "6CDNPT", "7KQM3X", "9AFGHJ", "ACDEFG"];
    codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let lean = if i % 2 == 0 {
                Lean::Best(0.7)
            } else {
                Lean::Worst(0.7)
            };
            let mut answers: AnswerSet = generate(q, &mut rng, lean);
            answers
                .profile
                .insert("name".into(), format!("Firm number {i}"));
            Arc::new(Response {
                code: FirmCode::parse(code).unwrap(),
                visible: visible_answers(q, &answers).0,
                card: score(inst, &answers),
                answers,
                saved_at: None,
                dropped: 0,
            })
        })
        .collect()
}

fn room_screen(inst: &Instrument, (w, h): (u16, u16)) -> String {
    let room = firms(inst);
    let cohort = Cohort::build(&inst.questionnaire, room.iter().map(|r| &r.card));
    let mut d = Dashboard::new(inst.clone(), "T".into(), "K7MQ".into(), Lang::En, true);
    d.set_room(cohort, room, Vec::new());
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| dashboard_view::draw(f, &d)).unwrap();
    screen_text(terminal.backend().buffer())
}

/// The rows of a screen that hold `text`.
fn rows_with<'a>(screen: &'a str, text: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(text)).collect()
}

#[test]
fn a_room_without_roles_leaves_their_panels_out() {
    let shipped = Instrument::builtin().unwrap();
    let bare = without_roles();
    for size in [(80, 24), (160, 45)] {
        let with = room_screen(&shipped, size);
        let without = room_screen(&bare, size);
        // Declared: the financing levels panel and the breadth-vs-depth count are there.
        assert_eq!(
            rows_with(&with, "Leading (estimate)").len(),
            if size.0 == 80 { 1 } else { 2 }
        );
        assert_eq!(rows_with(&with, "Broad but shallow: ").len(), 1, "{with}");
        // Undeclared: both are gone, and no line is left holding an empty panel's title.
        assert!(
            rows_with(&without, "Leading (estimate)").is_empty(),
            "{without}"
        );
        assert!(
            rows_with(&without, "Broad but shallow").is_empty(),
            "{without}"
        );
        // The ladder (data, not a role) and the spreads stay.
        assert_eq!(rows_with(&without, "Cloud depth ladder").len(), 1);
        assert_eq!(
            rows_with(&without, "Financing readiness  median").len()
                + rows_with(&without, "Financing readi… median").len(),
            1,
            "{without}"
        );
    }
    // The wide layout gives the two remaining panels the width instead of a blank column.
    let wide = room_screen(&bare, (160, 45));
    let row = rows_with(&wide, "Cloud depth ladder")[0];
    let at = row.find("Overall").expect("the summary beside the ladder");
    assert!(at < 90, "{row}");
}

#[test]
fn a_room_without_roles_counts_no_breadth_finding() {
    let bare = without_roles();
    let room = firms(&bare);
    let c = Cohort::build(&bare.questionnaire, room.iter().map(|r| &r.card));
    assert_eq!(c.broad_shallow, None);
    let shipped = Instrument::builtin().unwrap();
    let room = firms(&shipped);
    let role = shipped.questionnaire.role(Role::BreadthVsDepth).unwrap();
    let c = Cohort::build(&shipped.questionnaire, room.iter().map(|r| &r.card));
    let by_hand = room
        .iter()
        .filter(|r| r.card.findings.iter().any(|f| f == role))
        .count();
    assert_eq!(c.broad_shallow, Some(by_hand));
}

#[test]
fn the_firm_name_comes_from_the_declared_field() {
    let shipped = Instrument::builtin().unwrap();
    let room = firms(&shipped);
    assert_eq!(
        room[2].name(&shipped.questionnaire).as_deref(),
        Some("Firm number 2")
    );
    // Declared on another free-text field: the name is read from there.
    let renamed = shipped_with(|q| {
        let profile = q["profile"].as_array_mut().unwrap();
        profile[0]["id"] = Value::from("firm");
        q["roles"]["firm_name"] = Value::from("firm");
    });
    let mut answers = AnswerSet::new();
    answers
        .profile
        .insert("firm".into(), "  Tea House  ".into());
    answers.profile.insert("name".into(), "wrong".into());
    let r = Response {
        code: FirmCode::parse("3KQM7X").unwrap(),
        visible: visible_answers(&renamed.questionnaire, &answers).0,
        card: score(&renamed, &answers),
        answers,
        saved_at: None,
        dropped: 0,
    };
    assert_eq!(r.name(&renamed.questionnaire).as_deref(), Some("Tea House"));
    // Undeclared: no field is taken for a name.
    let bare = without_roles();
    assert_eq!(r.name(&bare.questionnaire), None);
}
