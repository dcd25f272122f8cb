//! `App::update` driven by scripted keys, asserting on state (no terminal involved).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Effect};
use super::app::{App, Overlay, Screen, Session, Tab, WhatIfExit, WhatIfItem};
use super::keymap::action_for;
use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::instrument::BUILTIN_PROPOSALS;
use crate::domain::model::{OptionId, QuestionId};
use crate::domain::report::ReportFormat;
use crate::domain::{Instrument, Lang};

const MINI: &str = include_str!("../../tests/fixtures/questionnaires/valid/mini.json");

/// The small fixture questionnaire every test module of the self-check layer runs on.
pub(crate) fn mini() -> Instrument {
    Instrument::from_sources("mini.json", MINI, "proposals.json", BUILTIN_PROPOSALS)
        .expect("mini fixture loads")
}

fn app_with(answers: AnswerSet, resumable: bool) -> App {
    app_of(mini(), answers, resumable)
}

/// A session of `inst` in English, saving to `answers.json`.
fn app_of(inst: Instrument, answers: AnswerSet, resumable: bool) -> App {
    let session = Session {
        answers_path: "answers.json".into(),
        resumable,
        ..Session::default()
    };
    App::new(inst, Lang::En, answers, session)
}

fn new_app() -> App {
    app_with(AnswerSet::new(), false)
}

/// Presses keys through the real keymap, drawing after each as the shell does; returns
/// every effect.
fn press(app: &mut App, keys: &[KeyCode]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys {
        let ev = KeyEvent::new(*k, KeyModifiers::NONE);
        if let Some(a) = action_for(app.ctx(), ev) {
            effects.extend(app.update(a));
            draw(app);
        }
    }
    effects
}

/// Draws the app at its size, as the shell does after every event.
fn draw(app: &App) {
    let (w, h) = app.size;
    if w > 0 && h > 0 {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("term");
        t.draw(|f| super::view::draw(f, app)).expect("draw");
    }
}

/// A click at a cell, as the shell hands it over: what the view drew there.
fn click(app: &mut App, col: u16, row: u16) -> Vec<Effect> {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    match super::view::hit(area, app, col, row) {
        Some(hit) => app.update(Action::Click(hit)),
        None => vec![],
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &[KeyCode::Char(c)]);
    }
}

fn qid(s: &str) -> QuestionId {
    QuestionId(s.into())
}

/// The position of question `id` in the fixture.
fn index(app: &App, id: &str) -> usize {
    app.inst.questionnaire.question_index(&qid(id)).expect(id)
}

fn current_id(app: &App) -> String {
    app.question().id.0.to_string()
}

fn choice(id: &str) -> Answer {
    Answer::Choice(OptionId(id.into()))
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| OptionId((*s).into())).collect())
}

#[test]
fn start_leads_to_the_first_question() {
    let mut app = new_app();
    assert_eq!(app.screen, Screen::Welcome);
    let fx = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(current_id(&app), "tools");
    assert!(
        fx.contains(&Effect::Save),
        "starting writes the file so the session exists on disk"
    );
}

#[test]
fn multi_select_ticks_and_exclusive_clears() {
    let mut app = new_app();
    press(&mut app, &[KeyCode::Enter]);
    // Space on a question nobody has touched ticks nothing: no row is highlighted yet.
    assert!(press(&mut app, &[KeyCode::Char(' ')]).is_empty());
    let fx = press(
        &mut app,
        &[
            KeyCode::Down,
            KeyCode::Char(' '),
            KeyCode::Down,
            KeyCode::Char(' '),
        ],
    );
    assert_eq!(
        fx.iter().filter(|e| **e == Effect::Save).count(),
        2,
        "each tick is saved at once"
    );
    assert_eq!(
        app.answers.get(&qid("tools")),
        Some(&choices(&["office", "finance"]))
    );
    // Untick office.
    press(&mut app, &[KeyCode::Up, KeyCode::Char(' ')]);
    assert_eq!(app.answers.get(&qid("tools")), Some(&choices(&["finance"])));
    // "none" (option 4) is exclusive: it clears the others, and ticking another clears it.
    press(&mut app, &[KeyCode::Char('4')]);
    assert_eq!(app.answers.get(&qid("tools")), Some(&choices(&["none"])));
    press(&mut app, &[KeyCode::Char('3')]);
    assert_eq!(app.answers.get(&qid("tools")), Some(&choices(&["video"])));
    assert_eq!(current_id(&app), "tools", "ticking does not move on");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(current_id(&app), "has_plant");
}

#[test]
fn skip_logic_applies_live_and_back_skips_hidden_questions() {
    let mut app = new_app();
    press(&mut app, &[KeyCode::Enter, KeyCode::Right]);
    assert_eq!(current_id(&app), "has_plant");
    press(&mut app, &[KeyCode::Char('2')]); // no plant
    assert_eq!(
        current_id(&app),
        "erp",
        "the MES question is hidden for a firm without production"
    );
    press(&mut app, &[KeyCode::Left]);
    assert_eq!(current_id(&app), "has_plant");
    press(&mut app, &[KeyCode::Char('1')]); // has a plant
    assert_eq!(current_id(&app), "mes");
    assert_eq!(app.progress().1, 8, "all eight questions are asked now");
}

#[test]
fn single_choice_by_cursor_and_number_key() {
    let mut app = new_app();
    app.goto_question(4); // tax
    // The first ↓ shows the highlight on the first option, the second moves it.
    press(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    assert_eq!(app.answers.get(&qid("tax")), Some(&choice("b")));
    assert_eq!(current_id(&app), "staff");
    press(&mut app, &[KeyCode::Up]);
    assert_eq!(current_id(&app), "tax", "Up in a number field goes back");
    assert_eq!(app.cursor, 1, "the cursor rests on the saved answer");
    press(&mut app, &[KeyCode::Char('d')]);
    assert_eq!(app.answers.get(&qid("tax")), Some(&Answer::DontKnow));
}

// ----- keys in, saved answer out: every key records exactly what the screen shows ---------

#[test]
fn enter_on_an_untouched_question_chooses_nothing_and_says_how_to_answer() {
    let mut app = new_app();
    app.goto_question(4); // tax, single choice
    assert!(
        !app.cursor_shown(),
        "nothing looks chosen before the owner chooses"
    );
    let fx = press(&mut app, &[KeyCode::Enter]);
    assert!(fx.is_empty());
    assert_eq!(app.answers.get(&qid("tax")), None);
    assert_eq!(current_id(&app), "tax", "Enter did not move on either");
    assert!(app.note.is_some(), "the owner is told what to do");
    // The same on a multiple choice.
    app.goto_question(0);
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty());
    assert_eq!(app.answers.get(&qid("tools")), None);
}

#[test]
fn a_digit_no_option_shows_does_nothing() {
    let mut app = new_app();
    app.goto_question(4); // tax: four options and "don't know"
    let n = app.question().options.len();
    for d in (n + 1)..=9 {
        let key = char::from_digit(d as u32, 10).expect("digit");
        assert!(press(&mut app, &[KeyCode::Char(key)]).is_empty(), "{key}");
    }
    assert!(
        press(&mut app, &[KeyCode::Char('0')]).is_empty(),
        "0 is not don't know"
    );
    assert_eq!(app.answers.get(&qid("tax")), None);
    // The number beside an option is the key that picks it.
    let rows = app.rows();
    let key = rows[1].key().expect("a key");
    press(&mut app, &[KeyCode::Char(key)]);
    assert_eq!(
        app.answers.get(&qid("tax")),
        Some(&Answer::Choice(
            app.inst.questionnaire.questions[4].options[1].id.clone()
        ))
    );
}

#[test]
fn a_decimal_comma_is_a_decimal_point_and_thousands_are_not_guessed() {
    let mut app = new_app();
    let staff = index(&app, "staff");
    app.goto_question(staff);
    typed(&mut app, "1,000");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        app.answers.get(&qid("staff")),
        None,
        "1,000 is ambiguous: refused"
    );
    assert!(app.note.as_ref().is_some_and(|n| n.error));
    app.goto_question(staff);
    typed(&mut app, "1,5");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.answers.get(&qid("staff")), Some(&Answer::Number(1.5)));
}

#[test]
fn number_input_is_validated() {
    let mut app = new_app();
    app.goto_question(5); // staff: 0..=100000 people
    typed(&mut app, "1a");
    assert_eq!(
        app.input.value(),
        "1",
        "letters are refused in a number field"
    );
    assert!(app.note.as_ref().is_some_and(|n| n.error));
    press(&mut app, &[KeyCode::Backspace]);
    typed(&mut app, "-5");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(current_id(&app), "staff", "out of range: stays");
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.error && n.text.contains("0") && n.text.contains("100000"))
    );
    assert!(app.answers.get(&qid("staff")).is_none());
    press(&mut app, &[KeyCode::Backspace, KeyCode::Backspace]);
    typed(&mut app, "２５"); // full-width digits from a Chinese input method
    let fx = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.answers.get(&qid("staff")), Some(&Answer::Number(25.0)));
    assert!(fx.contains(&Effect::Save));
    assert_eq!(current_id(&app), "channels");
}

#[test]
fn free_text_takes_any_character() {
    let mut app = new_app();
    app.goto_question(7); // wish
    typed(&mut app, "q? 融资");
    assert_eq!(
        app.input.value(),
        "q? 融资",
        "q and ? type into a text field"
    );
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        app.answers.get(&qid("wish")),
        Some(&Answer::Text("q? 融资".into()))
    );
    assert_eq!(
        app.screen,
        Screen::Review,
        "after the last question comes the review"
    );
}

#[test]
fn resume_goes_to_the_first_unanswered_question() {
    let mut answers = AnswerSet::new();
    answers.set(qid("tools"), choices(&["office"]));
    answers.set(qid("has_plant"), choice("no"));
    answers.set(qid("erp"), choice("yes"));
    let mut app = app_with(answers, true);
    press(&mut app, &[KeyCode::Enter]); // focus starts on Resume
    assert_eq!(current_id(&app), "tax");
}

#[test]
fn start_over_keeps_a_backup_and_clears_answers() {
    let mut answers = AnswerSet::new();
    answers.set(qid("tools"), choices(&["office"]));
    let mut app = app_with(answers, true);
    let fx = press(&mut app, &[KeyCode::Down, KeyCode::Enter]); // Start over
    assert_eq!(fx, vec![Effect::BackupAndSave]);
    assert!(app.answers.is_empty());
    assert_eq!(current_id(&app), "tools");
}

#[test]
fn profile_and_language_on_the_welcome_screen() {
    let mut app = new_app();
    press(&mut app, &[KeyCode::Up, KeyCode::Up, KeyCode::Up]);
    assert_eq!(app.welcome_focus, 0);
    press(&mut app, &[KeyCode::Right]);
    assert_eq!(app.lang, Lang::Zh);
    press(&mut app, &[KeyCode::Down]); // firm name: typing edits it, even q
    typed(&mut app, "Acme q");
    assert_eq!(
        app.answers.profile.get("name").map(String::as_str),
        Some("Acme q")
    );
    assert!(app.overlay.is_none());
    let fx = press(&mut app, &[KeyCode::Down, KeyCode::Right]); // region: city
    assert_eq!(fx, vec![Effect::Save]);
    assert_eq!(
        app.answers.profile.get("region").map(String::as_str),
        Some("city")
    );
    press(&mut app, &[KeyCode::Left]);
    assert!(
        !app.answers.profile.contains_key("region"),
        "back to not set"
    );
}

#[test]
fn help_sections_and_quit_overlays() {
    let mut app = new_app();
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &[KeyCode::Char('?')]);
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.overlay, None);
    press(&mut app, &[KeyCode::Char('s')]);
    assert_eq!(app.overlay, Some(Overlay::Sections));
    press(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    assert_eq!(app.overlay, None);
    assert_eq!(current_id(&app), "tax", "third section: credit footprint");
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    press(&mut app, &[KeyCode::Char('n')]);
    assert!(!app.quit);
    let fx = press(&mut app, &[KeyCode::Esc, KeyCode::Char('y')]);
    assert_eq!(fx, vec![Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_at_once() {
    let mut app = new_app();
    let a = action_for(
        app.ctx(),
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    );
    assert_eq!(a, Some(Action::ForceQuit));
    assert_eq!(app.update(Action::ForceQuit), vec![Effect::Quit]);
}

#[test]
fn review_marks_unanswered_and_finishes_to_results() {
    let mut app = new_app();
    press(
        &mut app,
        &[
            KeyCode::Enter,
            KeyCode::Char('1'),
            KeyCode::Enter,
            KeyCode::Char('r'),
        ],
    );
    assert_eq!(app.screen, Screen::Review);
    assert!(app.is_answered(0));
    assert!(!app.is_answered(3));
    assert_eq!(
        app.review_cursor, 1,
        "the review opens on the current question"
    );
    press(&mut app, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(
        current_id(&app),
        "erp",
        "the hidden MES question is not listed"
    );
    press(&mut app, &[KeyCode::Char('r'), KeyCode::Char('f')]);
    assert_eq!(app.screen, Screen::Results);
    assert_eq!(app.tab, Tab::Summary, "the summary opens the results");
}

fn finished_app() -> App {
    let mut answers = AnswerSet::new();
    answers.set(qid("tools"), choices(&["office", "finance", "video"]));
    answers.set(qid("has_plant"), choice("no"));
    answers.set(qid("erp"), choice("no"));
    answers.set(qid("tax"), choice("b"));
    answers.set(qid("staff"), Answer::Number(20.0));
    answers.set(qid("channels"), choices(&["bank"]));
    let mut app = app_with(answers, true);
    app.goto_question(0);
    app.update(Action::Review);
    app.update(Action::Finish);
    app
}

#[test]
fn results_tabs_and_recommendation_detail() {
    let mut app = finished_app();
    assert_eq!(app.screen, Screen::Results);
    assert!(!app.card.recommendations.is_empty());
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.tab, Tab::Plan);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(app.tab, Tab::Ladder);
    press(&mut app, &[KeyCode::Tab, KeyCode::Down, KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Detail);
    assert_eq!(app.rec_cursor, 1);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.screen, Screen::Results);
    assert!(press(&mut app, &[KeyCode::Char('e')]).is_empty());
    assert_eq!(app.overlay, Some(Overlay::Export));
    assert_eq!(
        press(&mut app, &[KeyCode::Enter]),
        vec![Effect::Export(ReportFormat::Html, false)],
        "HTML is offered first"
    );
    press(&mut app, &[KeyCode::Char('e')]);
    assert_eq!(
        press(&mut app, &[KeyCode::Char('3')]),
        vec![Effect::Export(ReportFormat::Html, false)]
    );
    app.ask_replace(ReportFormat::Html);
    assert_eq!(
        press(&mut app, &[KeyCode::Char('y')]),
        vec![Effect::Export(ReportFormat::Html, true)]
    );
}

#[test]
fn what_if_leaves_saved_answers_alone_until_committed() {
    let mut app = finished_app();
    let saved = app.answers.clone();
    let card = app.card.clone();
    press(&mut app, &[KeyCode::Char('w')]);
    assert_eq!(app.screen, Screen::WhatIf);
    // The tools' options come first (one row each), then erp (yes/partly/no), currently
    // "no": step to yes.
    let erp = app.inst.questionnaire.question_index(&qid("erp"));
    let row = app
        .whatif
        .as_ref()
        .and_then(|w| {
            w.items
                .iter()
                .position(|i| Some(*i) == erp.map(WhatIfItem::Step))
        })
        .expect("erp can be changed");
    let to_erp = vec![KeyCode::Down; row];
    press(&mut app, &to_erp);
    let fx = press(&mut app, &[KeyCode::Left, KeyCode::Left]);
    assert!(fx.is_empty(), "what-if changes are not saved");
    assert_eq!(app.answers, saved);
    assert_eq!(app.card, card);
    let w = app.whatif.as_ref().expect("what-if open");
    assert_eq!(w.answers.get(&qid("erp")), Some(&choice("yes")));
    assert!(
        w.card.areas[0].score > card.areas[0].score,
        "cloud score moves in the sandbox"
    );
    // Esc with changes asks first; "n" stays in the sandbox with the changes.
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(
        app.overlay,
        Some(Overlay::ConfirmWhatIf(WhatIfExit::Discard))
    );
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.screen, Screen::WhatIf, "still in what-if");
    assert_eq!(app.whatif_changes(), 1);
    press(&mut app, &[KeyCode::Esc, KeyCode::Char('y')]);
    assert_eq!(app.screen, Screen::Results);
    assert_eq!(app.answers, saved, "discarded");
    press(&mut app, &[KeyCode::Char('w')]);
    press(&mut app, &to_erp);
    press(&mut app, &[KeyCode::Left, KeyCode::Left]);
    // Adopting asks too, and nothing is saved until "y".
    assert!(press(&mut app, &[KeyCode::Char('c')]).is_empty());
    assert_eq!(app.overlay, Some(Overlay::ConfirmWhatIf(WhatIfExit::Adopt)));
    app.today = "2026-12-01".into();
    let fx = press(&mut app, &[KeyCode::Char('y')]);
    assert_eq!(fx, vec![Effect::Save]);
    assert_eq!(app.answers.get(&qid("erp")), Some(&choice("yes")));
    assert!(app.card.areas[0].score > card.areas[0].score);
    // The adopted answer is marked, with the day, in the answer file.
    assert_eq!(app.answers.whatif_date(&qid("erp")), Some("2026-12-01"));
    let file = app.answer_file(None);
    assert_eq!(
        file.whatif.get("erp").map(String::as_str),
        Some("2026-12-01")
    );
    assert_eq!(file.whatif.len(), 1, "only the changed answer is marked");
    // Answering the question again as the firm's own answer takes the mark away.
    app.goto_question(index(&app, "erp"));
    press(&mut app, &[KeyCode::Char('2')]);
    assert_eq!(app.answers.whatif_date(&qid("erp")), None);
}

#[test]
fn what_if_without_changes_leaves_at_once_and_has_nothing_to_adopt() {
    let mut app = finished_app();
    press(&mut app, &[KeyCode::Char('w')]);
    assert!(press(&mut app, &[KeyCode::Char('c')]).is_empty());
    assert_eq!(app.overlay, None, "nothing to ask about");
    assert_eq!(app.screen, Screen::WhatIf);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Results);
}

#[test]
fn what_if_ticks_multiple_choice_options_one_by_one() {
    let mut app = finished_app();
    press(&mut app, &[KeyCode::Char('w')]);
    let items = app.whatif.as_ref().expect("what-if open").items.clone();
    let channels = index(&app, "channels");
    let row = |option: usize| {
        items
            .iter()
            .position(|i| {
                *i == WhatIfItem::Tick {
                    question: channels,
                    option,
                }
            })
            .expect("a row per option")
    };
    let sandbox = |app: &App| {
        app.whatif
            .as_ref()
            .and_then(|w| w.answers.get(&qid("channels")).cloned())
    };
    // Down to "scf" (option 1) and tick it with Space; "none" is exclusive and clears the rest.
    for _ in 0..row(1) {
        press(&mut app, &[KeyCode::Down]);
    }
    press(&mut app, &[KeyCode::Char(' ')]);
    assert_eq!(sandbox(&app), Some(choices(&["bank", "scf"])));
    for _ in row(1)..row(3) {
        press(&mut app, &[KeyCode::Down]);
    }
    press(&mut app, &[KeyCode::Right]);
    assert_eq!(sandbox(&app), Some(choices(&["none"])));
    press(&mut app, &[KeyCode::Left]);
    assert_eq!(sandbox(&app), Some(choices(&[])), "ticking again unticks");
    assert_eq!(app.answers.get(&qid("channels")), Some(&choices(&["bank"])));
    // Tick "equity" and adopt: saved.
    for _ in row(2)..row(3) {
        press(&mut app, &[KeyCode::Up]);
    }
    press(&mut app, &[KeyCode::Char(' ')]);
    assert!(press(&mut app, &[KeyCode::Char('c')]).is_empty());
    assert_eq!(press(&mut app, &[KeyCode::Char('y')]), vec![Effect::Save]);
    assert_eq!(
        app.answers.get(&qid("channels")),
        Some(&choices(&["equity"]))
    );
}

#[test]
fn clicking_an_option_chooses_it() {
    let mut app = new_app();
    app.resize(80, 24);
    app.goto_question(4); // tax
    let layout = super::view::question::layout(ratatui::layout::Rect::new(0, 0, 80, 24), &app);
    let fx = click(&mut app, 5, layout.list.y + 2);
    assert_eq!(fx, vec![Effect::Save]);
    assert_eq!(app.answers.get(&qid("tax")), Some(&choice("m")));
}

#[test]
fn saving_errors_are_shown_and_cleared() {
    let mut app = new_app();
    app.saved(Err("disk full".into()));
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.error && n.text.contains("disk full"))
    );
    app.saved(Ok(()));
    assert!(app.note.is_none());
}

#[test]
fn n_answers_not_applicable_where_offered_and_nothing_elsewhere() {
    let inst = Instrument::builtin().expect("built-in");
    let q = &inst.questionnaire;
    let na = q
        .questions
        .iter()
        .position(|x| x.not_applicable && x.kind != crate::domain::QuestionKind::Number)
        .expect("a list question offering not applicable");
    let num = q
        .questions
        .iter()
        .position(|x| x.not_applicable && x.kind == crate::domain::QuestionKind::Number)
        .expect("a number question offering not applicable");
    let plain = q
        .questions
        .iter()
        .position(|x| !x.not_applicable && x.has_options())
        .expect("a question without it");
    let (na_id, num_id, plain_id) = (
        q.questions[na].id.clone(),
        q.questions[num].id.clone(),
        q.questions[plain].id.clone(),
    );
    let mut app = app_of(inst, AnswerSet::new(), false);
    app.goto_question(na);
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.answers.get(&na_id), Some(&Answer::NotApplicable));
    app.goto_question(num);
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.answers.get(&num_id), Some(&Answer::NotApplicable));
    app.goto_question(plain);
    assert!(press(&mut app, &[KeyCode::Char('n')]).is_empty());
    assert_eq!(app.answers.get(&plain_id), None);
}

#[test]
fn scale_and_yes_partly_no_save_the_option_whose_number_was_pressed() {
    let mut app = new_app();
    // mes is a scale of four steps with "don't know": 4 is the fourth step, 5 is nothing.
    press(&mut app, &[KeyCode::Enter]); // start
    app.answers.set(qid("has_plant"), choice("yes"));
    app.goto_question(index(&app, "mes"));
    assert!(press(&mut app, &[KeyCode::Char('5')]).is_empty());
    assert_eq!(app.answers.get(&qid("mes")), None);
    app.goto_question(index(&app, "mes"));
    press(&mut app, &[KeyCode::Char('4')]);
    assert_eq!(app.answers.get(&qid("mes")), Some(&choice("s3")));
    // erp is yes / partly / no: 2 is "partly", whatever the cursor says.
    app.goto_question(index(&app, "erp"));
    press(&mut app, &[KeyCode::Down, KeyCode::Char('2')]);
    assert_eq!(app.answers.get(&qid("erp")), Some(&choice("partly")));
}

// ----- the flow: one obvious next step ------------------------------------------------------

/// Answers the current question by keys, as an owner would: the first option, a number, a
/// word.
fn answer_current(app: &mut App) {
    use crate::domain::model::QuestionKind;
    match app.question().kind {
        QuestionKind::Text => {
            typed(app, "ok");
            press(app, &[KeyCode::Enter]);
        }
        QuestionKind::Number => {
            typed(app, "5");
            press(app, &[KeyCode::Enter]);
        }
        QuestionKind::Multi => {
            press(app, &[KeyCode::Char('1'), KeyCode::Enter]);
        }
        _ => {
            press(app, &[KeyCode::Char('1')]);
        }
    }
}

#[test]
fn answering_the_last_open_question_offers_the_results() {
    let mut app = new_app();
    press(&mut app, &[KeyCode::Enter]);
    let mut steps = 0;
    while app.screen == Screen::Question && steps < 50 {
        answer_current(&mut app);
        steps += 1;
    }
    assert_eq!(app.screen, Screen::Review, "the review offers the results");
    assert_eq!(app.first_unanswered(), None);
    assert_eq!(steps, app.visible_indices().len(), "each question once");
    press(&mut app, &[KeyCode::Char('f')]);
    assert_eq!(app.screen, Screen::Results);

    // Skipping a question and answering the rest ends on the review too, with the gap there.
    let mut app = new_app();
    press(&mut app, &[KeyCode::Enter, KeyCode::Right]);
    while app.screen == Screen::Question {
        answer_current(&mut app);
    }
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.first_unanswered(), Some(0), "the skipped one is left");
    // Answering it from the review returns to the review, now complete.
    press(&mut app, &[KeyCode::Home, KeyCode::Enter]);
    assert_eq!(current_id(&app), "tools");
    press(&mut app, &[KeyCode::Char('2'), KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.first_unanswered(), None);
}

#[test]
fn an_edit_made_from_the_review_returns_to_the_review() {
    let mut app = finished_app();
    press(&mut app, &[KeyCode::Char('r')]);
    assert_eq!(app.screen, Screen::Review);
    // Down to "tax" (single choice), Enter, choose another option: back on the review, on it.
    let vis = app.visible_indices();
    let tax = vis
        .iter()
        .position(|i| app.inst.questionnaire.questions[*i].id == qid("tax"))
        .expect("tax is asked");
    press(&mut app, &[KeyCode::Home]);
    for _ in 0..tax {
        press(&mut app, &[KeyCode::Down]);
    }
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(current_id(&app), "tax");
    let fx = press(&mut app, &[KeyCode::Char('3')]);
    assert_eq!(fx, vec![Effect::Save]);
    assert_eq!(app.screen, Screen::Review, "back where the edit started");
    assert_eq!(app.review_cursor, tax);
    // A number edited from the review: Enter returns too, and so does skipping it unchanged.
    let staff = vis
        .iter()
        .position(|i| app.inst.questionnaire.questions[*i].id == qid("staff"))
        .expect("staff is asked");
    app.review_cursor = staff;
    press(
        &mut app,
        &[KeyCode::Enter, KeyCode::Backspace, KeyCode::Backspace],
    );
    typed(&mut app, "30");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.answers.get(&qid("staff")), Some(&Answer::Number(30.0)));
    press(&mut app, &[KeyCode::Enter, KeyCode::PageDown]);
    assert_eq!(app.screen, Screen::Review, "skipping returns too");
    // Going back from a question opened on the review leaves the review's path.
    press(&mut app, &[KeyCode::Enter, KeyCode::PageUp]);
    assert_eq!(app.screen, Screen::Question);
    assert!(!app.from_review);
}

#[test]
fn a_finished_check_resumes_on_its_results() {
    let done = finished_app();
    let mut app = app_with(done.answers.clone(), true);
    if app.first_unanswered().is_some() {
        // The fixture leaves a question open: answer it so the check is finished.
        while let Some(i) = app.first_unanswered() {
            app.goto_question(i);
            answer_current(&mut app);
        }
        app = app_with(app.answers.clone(), true);
    }
    press(&mut app, &[KeyCode::Enter]); // Resume
    assert_eq!(app.screen, Screen::Results);
    assert_eq!(app.tab, Tab::Summary);
    // Unfinished: it resumes on the first open question, as before.
    let mut open = app.answers.clone();
    open.clear(&qid("erp"));
    let mut app = app_with(open, true);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(current_id(&app), "erp");
}

#[test]
fn results_keys_do_what_their_hints_say() {
    use super::keymap::{Ctx, hints};
    let mut app = finished_app();
    app.resize(80, 24);
    // Summary, plan and overview scroll: ↑↓ say "scroll", and Enter is neither hinted nor
    // does anything.
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(app.tab, Tab::Overview);
    assert_eq!(app.ctx(), Ctx::Results);
    let h = hints(Ctx::Results, Lang::En, |_| true);
    assert!(h.contains(&("↑↓", "scroll")), "{h:?}");
    assert!(!h.iter().any(|(k, _)| *k == "Enter"), "{h:?}");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!((app.screen, app.tab), (Screen::Results, Tab::Overview));
    // Scrolling stops at the last line: never into blank screen.
    press(&mut app, &[KeyCode::End]);
    let bottom = app.scroll;
    press(&mut app, &[KeyCode::Down, KeyCode::PageDown]);
    assert_eq!(app.scroll, bottom, "no scrolling past the content");
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("term");
    t.draw(|f| super::view::draw(f, &app)).expect("draw");
    let screen = super::view::screen_text(t.backend().buffer());
    assert!(
        !screen.contains("more lines below"),
        "at the bottom the last line shows:\n{screen}"
    );
    assert_eq!(bottom > 0, screen.contains("more lines above"), "{screen}");
    press(&mut app, &[KeyCode::Home]);
    assert_eq!(app.scroll, 0);
    // The ladder: ↑↓ choose a rung; it opens on the firm's own rung.
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.ctx(), Ctx::Ladder);
    let here = app.rung_cursor;
    let (_, rung) = app.rungs()[here];
    assert_eq!(rung, app.card.ladders[0].index);
    press(&mut app, &[KeyCode::Up]);
    assert_eq!(app.rung_cursor, here + 1, "↑ climbs to the rung above");
    press(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.rung_cursor, here.saturating_sub(1));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        app.screen,
        Screen::Results,
        "Enter is not bound on the ladder"
    );
    // Recommendations: ↑↓ select, Enter opens.
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.ctx(), Ctx::Recs);
    let h = hints(Ctx::Recs, Lang::En, |_| true);
    assert!(h.contains(&("Enter", "details")), "{h:?}");
    press(&mut app, &[KeyCode::End, KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Detail);
    assert_eq!(app.rec_cursor, app.card.recommendations.len() - 1);
    press(&mut app, &[KeyCode::End]);
    let bottom = app.scroll;
    press(&mut app, &[KeyCode::Down]);
    assert_eq!(app.scroll, bottom, "the detail stops at its last line too");
}

#[test]
fn a_click_on_a_tab_title_opens_that_tab() {
    let mut app = finished_app();
    app.resize(80, 24);
    let row = super::view::results::tabs_row(ratatui::layout::Rect::new(0, 0, 80, 24), &app).y;
    // " Summary │ Plan │ Overview │ Cloud ladder │ Recommendations"
    let col = |title: &str| {
        let line = " Summary │ Plan │ Overview │ Cloud ladder │ Recommendations";
        let at = line.find(title).expect("a title");
        crate::domain::wrap::width(&line[..at]) as u16
    };
    click(&mut app, col("Overview"), row);
    assert_eq!(app.tab, Tab::Overview);
    click(&mut app, col("Recommendations") + 3, row);
    assert_eq!(app.tab, Tab::Recommendations);
    click(&mut app, 79, row);
    assert_eq!(
        app.tab,
        Tab::Recommendations,
        "a click past the titles does nothing"
    );
}

#[test]
fn what_if_and_review_page_and_jump_to_the_ends() {
    let mut app = finished_app();
    app.resize(80, 24);
    press(&mut app, &[KeyCode::Char('w'), KeyCode::End]);
    let w = app.whatif.as_ref().expect("what-if open");
    assert_eq!(w.cursor, w.items.len() - 1);
    press(&mut app, &[KeyCode::Home]);
    assert_eq!(app.whatif.as_ref().map(|w| w.cursor), Some(0));
    press(&mut app, &[KeyCode::PageDown]);
    let paged = app.whatif.as_ref().map_or(0, |w| w.cursor);
    assert!(paged > 1, "a page moves more than one row: {paged}");
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &[KeyCode::Char('r'), KeyCode::End]);
    assert_eq!(app.review_cursor, app.visible_indices().len() - 1);
    press(&mut app, &[KeyCode::Home]);
    assert_eq!(app.review_cursor, 0);
}

#[test]
fn keys_do_nothing_behind_the_too_small_notice() {
    let mut app = new_app();
    press(&mut app, &[KeyCode::Enter]);
    app.goto_question(4); // tax
    app.resize(60, 20);
    assert!(press(&mut app, &[KeyCode::Char('1'), KeyCode::Char('q')]).is_empty());
    assert_eq!(app.answers.get(&qid("tax")), None, "nothing chosen unseen");
    assert_eq!(app.overlay, None);
    // Ctrl-C still quits.
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let a = action_for(app.ctx(), ctrl_c).expect("bound");
    assert_eq!(app.update(a), vec![Effect::Quit]);
    // At 72 columns the app works.
    let mut app = new_app();
    app.resize(72, 24);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.screen, Screen::Question);
}

#[test]
fn cancelling_a_replace_does_not_leave_an_earlier_export_standing() {
    let mut app = finished_app();
    app.exported(Ok(vec!["answers-report.html".into()]));
    assert!(
        app.note
            .as_ref()
            .is_some_and(|n| n.text.contains("Exported"))
    );
    app.ask_replace(ReportFormat::Html);
    press(&mut app, &[KeyCode::Char('n')]);
    let note = app.note.as_ref().expect("a note");
    assert!(!note.text.contains("Exported"), "{}", note.text);
    assert!(note.text.contains("Nothing exported"), "{}", note.text);
}

#[test]
fn quitting_before_anything_is_written_says_so() {
    let mut app = new_app();
    assert!(!app.written);
    press(&mut app, &[KeyCode::Char('q')]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    press(&mut app, &[KeyCode::Char('n')]);
    let fx = press(&mut app, &[KeyCode::Enter]);
    assert!(fx.contains(&Effect::Save));
    app.saved(Ok(()));
    assert!(
        app.written,
        "after the first save the dialog names the file"
    );
}

#[test]
fn slash_finds_a_question_in_what_if() {
    let mut app = finished_app();
    press(&mut app, &[KeyCode::Char('w'), KeyCode::Char('/')]);
    assert_eq!(app.ctx(), super::keymap::Ctx::WhatIfFind);
    // Letters type (even q and n), the cursor follows the first match.
    typed(&mut app, "ERP");
    let w = app.whatif.as_ref().expect("what-if open");
    let at = w.items[w.cursor].question();
    assert_eq!(app.inst.questionnaire.questions[at].id, qid("erp"));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(
        app.ctx(),
        super::keymap::Ctx::WhatIf,
        "Esc stops finding only"
    );
    assert_eq!(app.screen, Screen::WhatIf);
    // Enter goes to the next match, wrapping round.
    press(&mut app, &[KeyCode::Home, KeyCode::Char('/')]);
    typed(&mut app, "渠道");
    let first = app.whatif.as_ref().map_or(0, |w| w.cursor);
    press(&mut app, &[KeyCode::Enter]);
    let second = app.whatif.as_ref().map_or(0, |w| w.cursor);
    assert!(second > first, "the next option row of the same question");
    assert_eq!(
        app.answers,
        finished_app().answers,
        "finding changes nothing"
    );
}

/// The mini questionnaire with `extra` more options on its first question, "tools", labelled
/// `Extra 01 option`, `Extra 02 option`, …: a list longer than any screen.
fn long_list_app(extra: usize) -> App {
    let mut json: serde_json::Value = serde_json::from_str(MINI).expect("mini is JSON");
    let tools = json["questions"]
        .as_array_mut()
        .and_then(|qs| qs.iter_mut().find(|q| q["id"] == "tools"))
        .expect("tools");
    let options = tools["options"].as_array_mut().expect("options");
    for n in 1..=extra {
        let label = format!("Extra {n:02} option");
        options.push(serde_json::json!({
            "id": format!("extra{n}"),
            "label": {"zh": label, "en": label},
            "points": 0
        }));
    }
    let source = json.to_string();
    let inst = Instrument::from_sources("long.json", &source, "proposals.json", BUILTIN_PROPOSALS)
        .expect("the long fixture loads");
    app_of(inst, AnswerSet::new(), false)
}

/// The screen as the shell would draw it now.
fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("term");
    t.draw(|f| super::view::draw(f, app)).expect("draw");
    super::view::screen_text(t.backend().buffer())
}

/// The extra options (1-based) whose labels are on `screen`.
fn extras_on(screen: &str, extra: usize) -> Vec<usize> {
    (1..=extra)
        .filter(|n| screen.contains(&format!("Extra {n:02} option")))
        .collect()
}

#[test]
fn page_down_shows_the_row_after_the_last_one_on_screen() {
    const EXTRA: usize = 50;
    for (w, h) in [(80, 24), (120, 40)] {
        // The question's option list: 4 options, then the extras.
        let mut app = long_list_app(EXTRA);
        app.resize(w, h);
        press(&mut app, &[KeyCode::Enter, KeyCode::Down, KeyCode::Home]);
        assert_eq!((current_id(&app), app.cursor), ("tools".into(), 0));
        let before = screen(&app);
        let last = *extras_on(&before, EXTRA).last().expect("extras on screen");
        assert!(
            !before.contains(&format!("Extra {:02} option", last + 1)),
            "{w}x{h}: the list is longer than the screen:\n{before}"
        );
        press(&mut app, &[KeyCode::PageDown]);
        let after = screen(&app);
        assert_eq!(
            app.cursor,
            4 + last,
            "{w}x{h}: one row past the last one shown"
        );
        assert!(
            extras_on(&after, EXTRA).contains(&(last + 1)),
            "{w}x{h}: the next row is on screen after PgDn:\n{before}\n{after}"
        );
        // Back by what is on screen now (a "more above" line takes a row).
        let page = after.matches("[ ]").count();
        press(&mut app, &[KeyCode::PageUp]);
        assert_eq!(app.cursor, 4 + last - page, "{w}x{h}: PgUp moves by a page");

        // The what-if list: one row per option of "tools", the extras among them.
        let mut app = long_list_app(EXTRA);
        app.resize(w, h);
        app.answers.set(qid("tools"), choices(&["office"]));
        app.goto_question(0);
        app.update(Action::Review);
        app.update(Action::Finish);
        press(&mut app, &[KeyCode::Char('w')]);
        let first = extras_on(&screen(&app), EXTRA);
        assert_eq!(
            first.first(),
            Some(&1),
            "{w}x{h}: the list starts at the top"
        );
        let last = *first.last().expect("extras on screen");
        let cursor = app.whatif.as_ref().map(|wi| wi.cursor);
        press(&mut app, &[KeyCode::PageDown]);
        let after = screen(&app);
        assert!(
            extras_on(&after, EXTRA).contains(&(last + 1)),
            "{w}x{h}: the what-if row after the last one shown is on screen after PgDn:\n{after}"
        );
        assert_eq!(
            app.whatif.as_ref().map(|wi| wi.cursor),
            cursor.map(|c| c + 4 + last),
            "{w}x{h}: the cursor lands on the row after the last one shown"
        );
    }
}

#[test]
fn a_page_on_the_ladder_is_the_rungs_on_screen() {
    let mut app = finished_app();
    app.resize(80, 24);
    app.select_tab(Tab::Ladder);
    let shown = screen(&app);
    let rungs = shown
        .lines()
        .filter(|l| {
            [" · reached", " · not yet", " · you are here"]
                .iter()
                .any(|s| l.contains(s))
        })
        .count();
    assert!(rungs > 1, "{shown}");
    assert_eq!(app.page.get(), rungs, "{shown}");
}
