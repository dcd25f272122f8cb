//! Snapshot tests of the facilitator's screens as the room sees them — the presenter (note
//! hidden and shown, answers hidden and revealed, sections, timer) and the room dashboard
//! (every tab, a firm's results, problem files, names only with --named) — plus the
//! participant's welcome screen with their firm code. Chinese and English, 80×24 and 160×45.
//! Review a changed snapshot by eye before accepting it (`cargo insta review`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::sync::Arc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use smecheck::domain::answers::AnswerSet;
use smecheck::domain::cohort::Cohort;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::score::visible_answers;
use smecheck::domain::{Instrument, Lang, score};
use smecheck::tui::app::{App, Session};
use smecheck::tui::workshop::dashboard::Dashboard;
use smecheck::tui::workshop::keymap::Action;
use smecheck::tui::workshop::present::Presenter;
use smecheck::tui::workshop::{dashboard_view, present_view};
use smecheck::workshop::code::FirmCode;
use smecheck::workshop::room::{Problem, ProblemKind, Response};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];
const TITLE: &str = "县域中小企业数字化沙龙 Digital Salon";
const JOIN: &str = "K7MQ";

fn instrument() -> Instrument {
    Instrument::builtin().expect("built-in questionnaire")
}

/// Twelve firms with fixed codes: nine finished, three part-way, names in their profiles.
fn responses(inst: &Instrument) -> Vec<Arc<Response>> {
    let q = &inst.questionnaire;
    let mut rng = Rng::new(2020);
    let leans = [
        Lean::Any,
        Lean::Best(0.8),
        Lean::Worst(0.8),
        Lean::Best(0.5),
    ];
    let codes = [
        "3KQM7X", "4HJW9A", "6CDNPT", "7KQM3X", "9AFGHJ", "ACDEFG", "DEFG34", "HJKM67", "MNPQ4R",
        "QRTU96", "UVWX3Y", "XY3467",
    ];
    codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let mut answers: AnswerSet = generate(q, &mut rng, leans[i % leans.len()]);
            answers
                .profile
                .insert("name".into(), format!("甲乙丙贸易{i}号 Firm {i}"));
            if i % 4 == 3 {
                for x in &q.questions[10 + i..] {
                    answers.clear(&x.id);
                }
            }
            Arc::new(Response {
                code: FirmCode::parse(code).expect("a firm code"),
                visible: visible_answers(q, &answers).0,
                card: score(inst, &answers),
                answers,
                saved_at: Some("2026-11-24T09:30:00Z".into()),
                dropped: 0,
            })
        })
        .collect()
}

fn problems() -> Vec<Problem> {
    vec![
        Problem {
            file: "9XK3QT.json".into(),
            kind: ProblemKind::Incomplete,
            detail: "EOF while parsing an object at line 12 column 0".into(),
            detail_zh: "第 12 行：文件在一个对象的中途就结束了".into(),
        },
        Problem {
            file: "ACD7HN.json".into(),
            kind: ProblemKind::Foreign,
            detail: "`other-survey` ≠ `smecheck-core`".into(),
            detail_zh: "`other-survey` ≠ `smecheck-core`".into(),
        },
        Problem {
            file: "notes.txt".into(),
            kind: ProblemKind::NotAResponse,
            detail: String::new(),
            detail_zh: String::new(),
        },
    ]
}

use smecheck::tui::view::screen_text;

fn render(w: u16, h: u16, draw: impl Fn(&mut ratatui::Frame)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| draw(f)).expect("draw");
    screen_text(terminal.backend().buffer())
}

fn presenter(lang: Lang, question: &str, actions: &[Action]) -> Presenter {
    let inst = instrument();
    let room = responses(&inst);
    let index = inst
        .questionnaire
        .questions
        .iter()
        .position(|x| x.id.as_str() == question)
        .expect("question");
    let mut p = Presenter::new(inst, TITLE.into(), JOIN.into(), lang);
    p.set_room(&room);
    for _ in 0..index {
        p.update(Action::Next);
    }
    for a in actions {
        p.update(*a);
    }
    p
}

fn shoot_presenter(name: &str, question: &str, actions: &[Action]) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let p = presenter(lang, question, actions);
            let screen = render(w, h, |f| present_view::draw(f, &p));
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

#[test]
fn presenter_note_hidden_answers_hidden() {
    shoot_presenter("present_hidden", "b_tools", &[]);
}

#[test]
fn presenter_note_shown() {
    shoot_presenter("present_note", "b_tools", &[Action::ToggleNote]);
}

#[test]
fn presenter_answers_revealed() {
    shoot_presenter("present_revealed", "b_tools", &[Action::Reveal]);
}

#[test]
fn presenter_note_and_answers_on_a_scale_question() {
    shoot_presenter(
        "present_scale_note_revealed",
        "i_bigdata",
        &[Action::ToggleNote, Action::Reveal],
    );
}

#[test]
fn presenter_number_question_revealed_with_the_timer_running() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let mut p = presenter(lang, "c_budget", &[Action::Reveal]);
            p.tick(Duration::from_secs(20));
            p.update(Action::Timer);
            p.tick(Duration::from_secs(20 + 83));
            let screen = render(w, h, |f| present_view::draw(f, &p));
            insta::assert_snapshot!(format!("present_timer_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

#[test]
fn presenter_sections() {
    shoot_presenter(
        "present_sections",
        "k_mes",
        &[Action::Sections, Action::Down],
    );
}

fn dashboard(lang: Lang, named: bool, room: bool, actions: &[Action]) -> Dashboard {
    let inst = instrument();
    let mut d = Dashboard::new(inst.clone(), TITLE.into(), JOIN.into(), lang, named);
    if room {
        let firms = responses(&inst);
        let cohort = Cohort::build(&inst.questionnaire, firms.iter().map(|r| &r.card));
        d.set_room(cohort, firms, problems());
    }
    for a in actions {
        d.update(*a);
    }
    d
}

fn shoot_dashboard(name: &str, named: bool, room: bool, actions: &[Action]) {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let d = dashboard(lang, named, room, actions);
            let screen = render(w, h, |f| dashboard_view::draw(f, &d));
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

#[test]
fn dashboard_room() {
    shoot_dashboard("dashboard_room", false, true, &[]);
}

#[test]
fn dashboard_empty_room() {
    shoot_dashboard("dashboard_empty", false, false, &[]);
}

#[test]
fn dashboard_dimensions() {
    shoot_dashboard("dashboard_dimensions", false, true, &[Action::GoTab(1)]);
}

#[test]
fn dashboard_proposals() {
    shoot_dashboard("dashboard_proposals", false, true, &[Action::GoTab(2)]);
}

#[test]
fn dashboard_firms() {
    shoot_dashboard(
        "dashboard_firms",
        false,
        true,
        &[Action::GoTab(3), Action::Down, Action::Down],
    );
}

#[test]
fn dashboard_one_firm() {
    shoot_dashboard(
        "dashboard_firm",
        false,
        true,
        &[Action::GoTab(3), Action::Down, Action::Confirm],
    );
}

#[test]
fn dashboard_firms_named() {
    shoot_dashboard(
        "dashboard_firms_named",
        true,
        true,
        &[Action::GoTab(3), Action::Confirm],
    );
}

#[test]
fn dashboard_problems() {
    shoot_dashboard("dashboard_problems", false, true, &[Action::GoTab(4)]);
}

#[test]
fn no_name_on_any_anonymous_screen() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            for tab in 0..5 {
                for detail in [false, true] {
                    let mut actions = vec![Action::GoTab(tab)];
                    if detail {
                        actions.push(Action::Confirm);
                    }
                    let d = dashboard(lang, false, true, &actions);
                    let screen = render(w, h, |f| dashboard_view::draw(f, &d));
                    assert!(!screen.contains("贸易"), "a name on tab {tab}:\n{screen}");
                    assert!(!screen.contains("Firm 1"), "a name on tab {tab}:\n{screen}");
                }
            }
        }
    }
    let d = dashboard(Lang::En, true, true, &[Action::GoTab(3)]);
    let screen = render(160, 45, |f| dashboard_view::draw(f, &d));
    assert!(
        screen.contains("甲乙丙贸易1号"),
        "--named shows names:\n{screen}"
    );
}

#[test]
fn too_small_windows_say_so() {
    let p = presenter(Lang::En, "b_tools", &[]);
    let screen = render(60, 20, |f| present_view::draw(f, &p));
    assert!(screen.contains("needs at least 72×24"), "{screen}");
    let d = dashboard(Lang::Zh, false, true, &[]);
    let screen = render(71, 24, |f| dashboard_view::draw(f, &d));
    assert!(screen.contains("至少需要 72×24"), "{screen}");
    // At the limit both views draw themselves: the same limit as the self-check's.
    let screen = render(72, 24, |f| dashboard_view::draw(f, &d));
    assert!(
        !screen.contains("72×24") && screen.contains("K7MQ"),
        "{screen}"
    );
    let screen = render(72, 24, |f| present_view::draw(f, &p));
    assert!(
        !screen.contains("72×24") && screen.contains("K7MQ"),
        "{screen}"
    );
}

#[test]
fn participant_welcome_shows_the_firm_code() {
    for lang in Lang::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            let session = Session {
                answers_path: "/media/usb/salon/responses/7KQM3X.json".into(),
                firm_code: Some("7KQM3X".into()),
                ..Session::default()
            };
            let mut app = App::new(instrument(), lang, AnswerSet::new(), session);
            app.resize(w, h);
            let screen = render(w, h, |f| smecheck::tui::view::draw(f, &app));
            assert!(screen.contains("7KQM3X"));
            insta::assert_snapshot!(format!("welcome_firm_code_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

/// The room with times: firms saved at different times, one idle for 30 minutes, one an exact
/// copy of another, one that joined and answered nothing; the clock at 18:00 in Beijing.
fn dashboard_with_activity(lang: Lang, actions: &[Action]) -> Dashboard {
    use smecheck::store::clock::{Clock, parse_rfc3339};
    let inst = instrument();
    let mut firms: Vec<Response> = responses(&inst).iter().map(|r| (**r).clone()).collect();
    let times = [
        "2026-11-24T09:05:00Z",
        "2026-11-24T09:12:00Z",
        "2026-11-24T09:20:00Z",
        "2026-11-24T09:30:00Z",
        "2026-11-23T16:40:00Z",
    ];
    for (i, f) in firms.iter_mut().enumerate() {
        f.saved_at = Some(times[i % times.len()].into());
    }
    // Part-way firms: one saved five minutes ago, the others long ago (idle).
    firms[7].saved_at = Some("2026-11-24T09:55:00Z".into());
    // An exact copy of the first firm's file under another code.
    let copy = Response {
        code: FirmCode::parse("KMNP34").expect("code"),
        ..firms[0].clone()
    };
    firms.push(copy);
    // Joined and left without an answer.
    let empty = AnswerSet::new();
    firms.push(Response {
        code: FirmCode::parse("RTUV67").expect("code"),
        visible: visible_answers(&inst.questionnaire, &empty).0,
        card: score(&inst, &empty),
        answers: empty,
        saved_at: Some("2026-11-24T08:58:00Z".into()),
        dropped: 0,
    });
    firms.sort_by(|a, b| a.code.cmp(&b.code));
    let firms: Vec<Arc<Response>> = firms.into_iter().map(Arc::new).collect();
    let mut d = Dashboard::new(inst.clone(), TITLE.into(), JOIN.into(), lang, false);
    let mut cohort = smecheck::domain::cohort::CohortBuilder::new(&inst.questionnaire);
    for r in &firms {
        cohort.add_firm(&r.answers, &r.card);
    }
    let cohort = cohort.finish();
    d.set_room(cohort, firms, vec![]);
    d.clock = Some(Clock {
        now: parse_rfc3339("2026-11-24T10:00:00Z").expect("time"),
        offset: Some(8 * 3600),
    });
    for a in actions {
        d.update(*a);
    }
    d
}

#[test]
fn dashboard_firms_with_last_activity_idle_copies_and_empty() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let d = dashboard_with_activity(lang, &[Action::GoTab(3)]);
            let screen = render(w, h, |f| dashboard_view::draw(f, &d));
            insta::assert_snapshot!(
                format!("dashboard_firms_activity_{}_{w}x{h}", lang.code()),
                screen
            );
            // The idle firm's own page says when it last saved and for how long nothing came.
            let idle = d
                .firms
                .iter()
                .position(|r| r.code.as_str() == "7KQM3X")
                .expect("idle firm");
            let mut actions = vec![Action::GoTab(3)];
            actions.extend(std::iter::repeat_n(Action::Down, idle));
            actions.push(Action::Confirm);
            let d = dashboard_with_activity(lang, &actions);
            let screen = render(w, h, |f| dashboard_view::draw(f, &d));
            insta::assert_snapshot!(
                format!("dashboard_firm_idle_{}_{w}x{h}", lang.code()),
                screen
            );
        }
    }
}

/// A follow-up room: twelve firms back (most of them improved), two not yet, one new.
fn room_change(inst: &Instrument, back: usize) -> smecheck::domain::progress::room::RoomChange {
    use smecheck::domain::progress::compare;
    use smecheck::domain::progress::room::RoomChange;
    let q = &inst.questionnaire;
    let mut rng = Rng::new(16);
    let firms: Vec<_> = (0..back)
        .map(|i| {
            let before = generate(q, &mut rng, Lean::Worst(0.7));
            let lean = if i % 4 == 3 {
                Lean::Worst(0.8)
            } else {
                Lean::Best(0.7)
            };
            let after = generate(q, &mut rng, lean);
            compare(
                inst,
                &before,
                &score(inst, &before),
                &after,
                &score(inst, &after),
            )
        })
        .collect();
    RoomChange::of(&firms, 2, 1, inst)
}

#[test]
fn dashboard_change_of_a_follow_up_room() {
    for (name, back) in [("dashboard_change", 12), ("dashboard_change_too_few", 2)] {
        for lang in Lang::ALL {
            for (w, h) in SIZES {
                let mut d = dashboard(lang, false, true, &[]);
                d.change = Some(room_change(&d.inst, back));
                d.update(Action::GoTab(5));
                let screen = render(w, h, |f| dashboard_view::draw(f, &d));
                insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.code()), screen);
            }
        }
    }
}

/// The first question of a kind in the built-in questionnaire (not a fixed id).
fn first_question(kind: smecheck::domain::model::QuestionKind) -> String {
    instrument()
        .questionnaire
        .questions
        .iter()
        .find(|q| q.kind == kind)
        .map(|q| q.id.to_string())
        .expect("the questionnaire has this kind")
}

#[test]
fn presenter_text_question_and_an_empty_room() {
    use smecheck::domain::model::QuestionKind;
    let text = first_question(QuestionKind::Text);
    shoot_presenter("present_text_revealed", &text, &[Action::Reveal]);
    let number = first_question(QuestionKind::Number);
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            // Nobody has joined yet: the question, and that nobody has answered it.
            let inst = instrument();
            let at = inst
                .questionnaire
                .questions
                .iter()
                .position(|q| q.id.as_str() == number)
                .expect("question");
            let mut p = Presenter::new(inst, TITLE.into(), JOIN.into(), lang);
            p.set_room(&[]);
            for _ in 0..at {
                p.update(Action::Next);
            }
            p.update(Action::Reveal);
            let screen = render(w, h, |f| present_view::draw(f, &p));
            insta::assert_snapshot!(
                format!("present_empty_room_{}_{w}x{h}", lang.code()),
                screen
            );
        }
    }
}

#[test]
fn dashboard_tabs_of_an_empty_room() {
    for (tab, name) in [
        (1, "dashboard_empty_dimensions"),
        (2, "dashboard_empty_proposals"),
        (3, "dashboard_empty_firms"),
        (4, "dashboard_empty_problems"),
    ] {
        shoot_dashboard(name, false, false, &[Action::GoTab(tab)]);
    }
}

#[test]
fn dashboard_between_120_and_139_columns() {
    for lang in Lang::ALL {
        for (name, actions) in [
            ("dashboard_room_130", vec![]),
            ("dashboard_firms_130", vec![Action::GoTab(3), Action::Down]),
        ] {
            let d = dashboard(lang, false, true, &actions);
            let screen = render(130, 40, |f| dashboard_view::draw(f, &d));
            insta::assert_snapshot!(format!("{name}_{}_130x40", lang.code()), screen);
        }
    }
}

#[test]
fn no_median_of_fewer_than_three_firms() {
    let inst = instrument();
    let two: Vec<Arc<Response>> = responses(&inst)
        .into_iter()
        .filter(|r| r.status() == smecheck::domain::cohort::Status::Finished)
        .take(2)
        .collect();
    let mut b = smecheck::domain::cohort::CohortBuilder::new(&inst.questionnaire);
    for r in &two {
        b.add_firm(&r.answers, &r.card);
    }
    let cohort = b.finish();
    assert_eq!(cohort.finished, 2);
    assert!(cohort.overall.spread.quartiles.is_none());
    for lang in Lang::ALL {
        let mut d = Dashboard::new(inst.clone(), TITLE.into(), JOIN.into(), lang, false);
        d.set_room(cohort.clone(), two.clone(), vec![]);
        for tab in [0, 1] {
            d.update(Action::GoTab(tab));
            let screen = render(120, 40, |f| dashboard_view::draw(f, &d));
            for word in ["(quartiles", "（四分位"] {
                assert!(!screen.contains(word), "{word} over two firms:\n{screen}");
            }
            // No box plot (median ┃, middle half █) on any dimension's row.
            for line in screen.lines().filter(|l| l.contains("<60:")) {
                assert!(!line.contains('┃') && !line.contains('█'), "{line}");
            }
        }
    }
}
