//! Snapshot tests of every screen as a user sees it: 80×24 and 120×40, Chinese and English.
//! Review a changed snapshot by eye before accepting it (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod keys;

use keys::press;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use smecheck::domain::answers::AnswerSet;
use smecheck::domain::model::QuestionKind;
use smecheck::domain::{Instrument, Lang};
use smecheck::tui::app::{App, Session};
use smecheck::tui::view;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn instrument() -> Instrument {
    Instrument::builtin().expect("built-in questionnaire")
}

fn answers(name: &str) -> AnswerSet {
    let inst = instrument();
    let path = format!(
        "{}/tests/fixtures/answers/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let src = std::fs::read_to_string(&path).expect("fixture");
    inst.load_answers(&path, &src)
        .expect("fixture loads")
        .answers
}

fn app(lang: Lang, answers: AnswerSet, resumable: bool) -> App {
    let session = Session {
        answers_path: "/home/owner/.local/share/smecheck/answers/self-check-20261124-101500.json"
            .into(),
        resumable,
        saved_at: resumable.then(|| "2026-11-24T10:15:00Z".to_string()),
        ..Session::default()
    };
    App::new(instrument(), lang, answers, session)
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.resize(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    screen_text(terminal.backend().buffer())
}

use smecheck::tui::view::screen_text;

/// Snapshots one state in both languages and both sizes.
fn shoot(name: &str, make: impl Fn(Lang) -> App) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = make(lang);
            let screen = render(&mut a, w, h);
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

fn first_of(kind: QuestionKind, a: &App) -> usize {
    let q = &a.inst.questionnaire;
    q.questions
        .iter()
        .enumerate()
        .position(|(i, x)| x.kind == kind && a.visible[i])
        .expect("the built-in questionnaire has every kind")
}

#[test]
fn welcome_new() {
    shoot("welcome_new", |lang| app(lang, AnswerSet::new(), false));
}

#[test]
fn welcome_resume() {
    shoot("welcome_resume", |lang| {
        app(lang, answers("04_mid_manufacturer"), true)
    });
}

#[test]
fn question_kinds() {
    for (name, kind) in [
        ("question_single", QuestionKind::Single),
        ("question_multi", QuestionKind::Multi),
        ("question_scale", QuestionKind::Scale),
        ("question_yes_partly_no", QuestionKind::YesPartlyNo),
        ("question_number", QuestionKind::Number),
        ("question_text", QuestionKind::Text),
    ] {
        shoot(name, |lang| {
            let mut a = app(lang, answers("04_mid_manufacturer"), true);
            let i = first_of(kind, &a);
            a.goto_question(i);
            a
        });
    }
}

#[test]
fn question_number_error() {
    shoot("question_number_error", |lang| {
        let mut a = app(lang, AnswerSet::new(), false);
        let i = first_of(QuestionKind::Number, &a);
        a.goto_question(i);
        press(
            &mut a,
            &[
                KeyCode::Char('9'),
                KeyCode::Char('9'),
                KeyCode::Char('9'),
                KeyCode::Enter,
            ],
        );
        a
    });
}

#[test]
fn help_overlay() {
    shoot("help", |lang| {
        let mut a = app(lang, AnswerSet::new(), false);
        a.goto_question(1);
        press(&mut a, &[KeyCode::Char('?')]);
        a
    });
}

#[test]
fn sections_overlay() {
    shoot("sections", |lang| {
        let mut a = app(lang, answers("02_broad_shallow_trader"), true);
        a.goto_question(1);
        press(&mut a, &[KeyCode::Char('s')]);
        a
    });
}

#[test]
fn quit_confirmation() {
    shoot("confirm_quit", |lang| {
        let mut a = app(lang, AnswerSet::new(), false);
        a.goto_question(0);
        // Starting saved the (empty) file: the dialog says where it is.
        a.saved(Ok(()));
        press(&mut a, &[KeyCode::Char('q')]);
        a
    });
    // Quitting before anything was written: no file to point to, and the keys as the hint
    // bar names them.
    shoot("confirm_quit_untouched", |lang| {
        let mut a = app(lang, AnswerSet::new(), false);
        press(&mut a, &[KeyCode::Char('q')]);
        a
    });
}

#[test]
fn review_with_gaps() {
    shoot("review", |lang| {
        let mut a = app(lang, answers("06_unsure_owner"), true);
        a.goto_question(0);
        press(&mut a, &[KeyCode::Char('r')]);
        a
    });
}

fn results(lang: Lang, fixture: &str) -> App {
    let mut a = app(lang, answers(fixture), true);
    a.goto_question(0);
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('f')]);
    a
}

#[test]
fn results_tabs() {
    // The summary opens the results; the plan comes next, dated from the shell's today.
    shoot("results_summary", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        a.today = "2026-11-24".to_string();
        a
    });
    shoot("results_plan", |lang| {
        let mut a = results(lang, "01_micro_shop");
        a.today = "2026-11-24".to_string();
        press(&mut a, &[KeyCode::Tab]);
        a
    });
    shoot("results_overview", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
        a
    });
    shoot("results_ladder", |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
        a
    });
    shoot("results_recommendations", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        press(
            &mut a,
            &[
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Down,
            ],
        );
        a
    });
    // Too few answers: one hedge on each level, thin dimensions marked beside their scores.
    shoot("results_overview_unsure", |lang| {
        let mut a = results(lang, "06_unsure_owner");
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
        a
    });
    shoot("results_broad_shallow", |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
        a
    });
}

#[test]
fn recommendation_detail() {
    shoot("detail", |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        press(
            &mut a,
            &[
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Enter,
            ],
        );
        a
    });
}

#[test]
fn what_if() {
    shoot("whatif", |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        press(
            &mut a,
            &[
                KeyCode::Char('w'),
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Right,
            ],
        );
        a
    });
}

#[test]
fn too_small() {
    for lang in Lang::ALL {
        let mut a = app(lang, AnswerSet::new(), false);
        insta::assert_snapshot!(format!("too_small_{}", lang.code()), render(&mut a, 60, 20));
    }
}

#[test]
fn export_choice() {
    shoot("export", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        press(&mut a, &[KeyCode::Char('e')]);
        a
    });
}

/// States no other shot reaches: a review with questions still open, the question before
/// replacing an exported report, and the what-if sandbox before any change.
#[test]
fn review_with_open_questions_replace_prompt_and_untouched_what_if() {
    shoot("review_open_questions", |lang| {
        let mut answers = answers("01_micro_shop");
        let q = instrument().questionnaire;
        for x in q.questions.iter().skip(10).step_by(3) {
            answers.clear(&x.id);
        }
        let mut a = app(lang, answers, true);
        a.goto_question(0);
        press(&mut a, &[KeyCode::Char('r')]);
        a
    });
    shoot("export_replace", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        a.ask_replace(smecheck::domain::report::ReportFormat::Html);
        a
    });
    shoot("whatif_untouched", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        press(&mut a, &[KeyCode::Char('w')]);
        a
    });
}

/// Leaving what-if with a change: Esc asks before discarding, `c` before adopting; then the
/// status line says what happened.
#[test]
fn what_if_confirmations_and_status_lines() {
    let changed = |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        a.today = "2026-11-24".to_string();
        press(
            &mut a,
            &[
                KeyCode::Char('w'),
                KeyCode::Down,
                KeyCode::Down,
                KeyCode::Right,
            ],
        );
        a
    };
    shoot("whatif_confirm_discard", |lang| {
        let mut a = changed(lang);
        press(&mut a, &[KeyCode::Esc]);
        a
    });
    shoot("whatif_confirm_adopt", |lang| {
        let mut a = changed(lang);
        press(&mut a, &[KeyCode::Char('c')]);
        a
    });
    shoot("whatif_discarded", |lang| {
        let mut a = changed(lang);
        press(&mut a, &[KeyCode::Esc, KeyCode::Char('y')]);
        a
    });
    shoot("whatif_adopted", |lang| {
        let mut a = changed(lang);
        press(&mut a, &[KeyCode::Char('c'), KeyCode::Char('y')]);
        a
    });
    shoot("whatif_find", |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        press(&mut a, &[KeyCode::Char('w'), KeyCode::Char('/')]);
        for c in "ERP".chars() {
            press(&mut a, &[KeyCode::Char(c)]);
        }
        a
    });
    shoot("export_failed", |lang| {
        let mut a = results(lang, "04_mid_manufacturer");
        a.exported(Err(
            "/home/owner/reports/self-check-report.html: Permission denied (os error 13)".into(),
        ));
        a
    });
}

/// The welcome screen tells what happened to a file it could not fully read.
#[test]
fn welcome_notes_for_dropped_answers_and_a_kept_backup() {
    shoot("welcome_notes", |lang| {
        let mut a = app(lang, answers("04_mid_manufacturer"), true);
        a.session.dropped = vec![smecheck::domain::answers::Dropped {
            question: "retired_question".into(),
            reason: smecheck::domain::text::LocalText::new("旧题", "an old question"),
        }];
        a.session.unreadable_backup = Some(
            "/home/owner/.local/share/smecheck/answers/self-check-20261124-101500.json.backup-20261125-090000"
                .into(),
        );
        a.session.unreadable_reason = Some("expected `,` or `}` at line 3 column 5".into());
        a
    });
}

/// The ladder with another rung chosen shows what that rung means; a firm on the top rung
/// is told so.
#[test]
fn ladder_rungs_are_chosen_and_the_top_rung_is_said() {
    shoot("results_ladder_rung_chosen", |lang| {
        let mut a = results(lang, "02_broad_shallow_trader");
        press(
            &mut a,
            &[
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::Up,
                KeyCode::Up,
            ],
        );
        a
    });
    shoot("results_ladder_top", |lang| {
        let mut a = results(lang, "05_advanced_plant");
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
        a
    });
}

/// Results with no recommendation triggered: the recommendations tab says so.
#[test]
fn results_without_recommendations() {
    shoot("results_no_recommendations", |lang| {
        let mut a = results(lang, "05_advanced_plant");
        a.card.recommendations.clear();
        press(
            &mut a,
            &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab, KeyCode::Tab],
        );
        a
    });
}

/// The review shows the highlighted question in full with every ticked option.
#[test]
fn review_shows_every_ticked_option_of_the_highlighted_question() {
    shoot("review_multi", |lang| {
        let mut a = app(lang, answers("04_mid_manufacturer"), true);
        let multi = a
            .inst
            .questionnaire
            .questions
            .iter()
            .enumerate()
            .filter(|(i, x)| x.kind == QuestionKind::Multi && a.visible[*i])
            .map(|(i, _)| i)
            .find(|i| {
                let id = &a.inst.questionnaire.questions[*i].id;
                matches!(a.answers.get(id), Some(smecheck::domain::Answer::Choices(c)) if c.len() > 1)
            })
            .expect("a multiple choice with several ticks");
        a.goto_question(multi);
        press(&mut a, &[KeyCode::Char('r')]);
        a
    });
}

/// Down to 72 columns the screens take a narrower layout instead of refusing.
#[test]
fn narrow_screens_down_to_72_columns() {
    for lang in Lang::ALL {
        let mut a = app(lang, answers("04_mid_manufacturer"), true);
        let i = first_of(QuestionKind::Multi, &a);
        a.goto_question(i);
        let screen = render(&mut a, 72, 24);
        insta::assert_snapshot!(format!("narrow_question_{}_72x24", lang.code()), screen);
        let mut a = results(lang, "04_mid_manufacturer");
        press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
        let screen = render(&mut a, 72, 24);
        insta::assert_snapshot!(format!("narrow_overview_{}_72x24", lang.code()), screen);
        // The chosen recommendation's title wraps instead of being cut.
        let mut a = results(lang, "04_mid_manufacturer");
        press(&mut a, &[KeyCode::Left, KeyCode::Down, KeyCode::Down]);
        let screen = render(&mut a, 72, 24);
        insta::assert_snapshot!(
            format!("narrow_recommendations_{}_72x24", lang.code()),
            screen
        );
    }
}

/// The text cursor of the welcome form's free-text field sits on the field's own row, just
/// after what is typed.
#[test]
fn the_welcome_text_cursor_sits_in_its_field() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut a = app(lang, AnswerSet::new(), false);
            a.resize(w, h);
            // Down from the language row to the first free-text profile field.
            let text_field = a
                .inst
                .questionnaire
                .profile
                .iter()
                .position(|f| f.options.is_empty())
                .expect("a free-text profile field");
            a.welcome_focus = 1 + text_field;
            press(&mut a, &[KeyCode::Char('A'), KeyCode::Char('b')]);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
            terminal.draw(|f| view::draw(f, &a)).expect("draw");
            let at = terminal.get_cursor_position().expect("a cursor");
            let screen = screen_text(terminal.backend().buffer());
            let row = screen.lines().nth(at.y as usize).expect("the cursor's row");
            assert!(row.contains("[Ab"), "{lang:?} {w}x{h}: cursor on {row:?}");
            let buf = terminal.backend().buffer();
            assert_eq!(
                buf[(at.x - 1, at.y)].symbol(),
                "b",
                "{lang:?} {w}x{h}: after the text"
            );
        }
    }
}
