//! Snapshot tests of the room's views while `workshop serve` runs: the join panel (QR code,
//! address, join code) on the dashboard and the presenter, the wall of wishes, and the empty
//! room's commands. Chinese and English, 80×24 and 120×40. Review a changed snapshot by eye
//! before accepting it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::cohort::Cohort;
use smecheck::domain::model::QuestionKind;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::score::visible_answers;
use smecheck::domain::{Instrument, Lang, score};
use smecheck::serve::state::ServeState;
use smecheck::tui::view::screen_text;
use smecheck::tui::workshop::dashboard::Dashboard;
use smecheck::tui::workshop::keymap::Action;
use smecheck::tui::workshop::present::Presenter;
use smecheck::tui::workshop::{dashboard_view, present_view};
use smecheck::workshop::code::FirmCode;
use smecheck::workshop::room::Response;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const TITLE: &str = "县域中小企业数字化沙龙 Digital Salon";
const JOIN: &str = "K7MQ";
const FOLDER: &str = "salon-2026-12";

fn serving() -> ServeState {
    ServeState {
        url: "http://192.168.1.20:8080/".into(),
        urls: vec![
            "http://192.168.1.20:8080/".into(),
            "http://10.0.0.5:8080/".into(),
        ],
        join_code: JOIN.into(),
        paced: false,
        heartbeat: 0,
    }
}

const WISHES: [&str; 5] = [
    "希望银行能看懂我们的电子发票数据",
    "A cheaper cloud ERP for a ten-person workshop",
    "有人上门教我们用云上记账",
    "Training for our office staff on shared documents",
    "想知道供应链金融怎么申请",
];

/// `n` firms with fixed codes, the first `wishes` of them with a free-text wish.
fn responses(inst: &Instrument, n: usize, wishes: usize) -> Vec<Arc<Response>> {
    let q = &inst.questionnaire;
    let text: Vec<_> = q
        .questions
        .iter()
        .filter(|x| x.kind == QuestionKind::Text)
        .collect();
    let mut rng = Rng::new(77);
    let codes = [
        "3KQM7X", "4HJW9A", "6CDNPT", "7KQM3X", "9AFGHJ", "ACDEFG", "DEFG34", "HJKM67",
    ];
    codes
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, code)| {
            let mut answers: AnswerSet = generate(
                q,
                &mut rng,
                if i % 2 == 0 {
                    Lean::Best(0.6)
                } else {
                    Lean::Worst(0.6)
                },
            );
            answers
                .profile
                .insert("name".into(), format!("甲乙丙贸易{i}号 Firm {i}"));
            for t in &text {
                answers.clear(&t.id);
                if i < wishes {
                    answers.set(t.id.clone(), Answer::Text(WISHES[i % WISHES.len()].into()));
                }
            }
            Arc::new(Response {
                code: FirmCode::parse(code).expect("a firm code"),
                visible: visible_answers(q, &answers).0,
                card: score(inst, &answers),
                answers,
                saved_at: Some("2026-12-01T09:30:00Z".into()),
                dropped: 0,
            })
        })
        .collect()
}

fn render(w: u16, h: u16, draw: impl Fn(&mut ratatui::Frame)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| draw(f)).expect("draw");
    screen_text(terminal.backend().buffer())
}

fn dashboard(lang: Lang, firms: usize, serve: bool) -> Dashboard {
    let inst = Instrument::builtin().expect("built-in");
    let mut d = Dashboard::new(inst.clone(), TITLE.into(), JOIN.into(), lang, false);
    d.join.folder = FOLDER.into();
    d.join.serving = serve.then(serving);
    let rs = responses(&inst, firms, firms);
    let cohort = Cohort::build(&inst.questionnaire, rs.iter().map(|r| &r.card));
    d.set_room(cohort, rs, Vec::new());
    d
}

fn presenter(lang: Lang, firms: usize, wishes: usize, actions: &[Action]) -> Presenter {
    let inst = Instrument::builtin().expect("built-in");
    let rs = responses(&inst, firms, wishes);
    let mut p = Presenter::new(inst, TITLE.into(), JOIN.into(), lang);
    p.join.folder = FOLDER.into();
    p.join.serving = Some(serving());
    p.set_room(&rs);
    for a in actions {
        p.update(*a);
    }
    p
}

#[test]
fn dashboard_with_the_phone_server_running() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            for (name, firms) in [("room", 8), ("empty", 0)] {
                let d = dashboard(lang, firms, true);
                let screen = render(w, h, |f| dashboard_view::draw(f, &d));
                assert!(screen.contains("http://192.168.1.20:8080/"), "{screen}");
                assert!(screen.contains(JOIN), "{screen}");
                insta::assert_snapshot!(
                    format!("serving_dashboard_{name}_{}_{w}x{h}", lang.code()),
                    screen
                );
            }
        }
    }
}

#[test]
fn the_empty_dashboard_names_the_real_folder() {
    for lang in Lang::ALL {
        let d = dashboard(lang, 0, false);
        let screen = render(80, 24, |f| dashboard_view::draw(f, &d));
        assert!(
            screen.contains(&format!("smecheck workshop serve {FOLDER}")),
            "{screen}"
        );
        assert!(
            screen.contains(&format!("smecheck run --workshop {FOLDER}")),
            "{screen}"
        );
        assert!(
            !screen.contains("FOLDER") && !screen.contains("文件夹 "),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("not_serving_dashboard_empty_{}_80x24", lang.code()),
            screen
        );
    }
}

#[test]
fn presenter_with_the_phone_server_running() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let p = presenter(lang, 8, 8, &[]);
            let screen = render(w, h, |f| present_view::draw(f, &p));
            assert!(screen.contains("http://192.168.1.20:8080/"), "{screen}");
            insta::assert_snapshot!(format!("serving_present_{}_{w}x{h}", lang.code()), screen);
        }
    }
}

#[test]
fn the_wall_of_wishes_is_anonymous_and_hidden_for_fewer_than_three() {
    for lang in Lang::ALL {
        for (w, h) in SIZES {
            let p = presenter(lang, 8, 5, &[Action::Wall]);
            let screen = render(w, h, |f| present_view::draw(f, &p));
            for code in ["3KQM7X", "4HJW9A", "Firm 0", "甲乙丙"] {
                assert!(!screen.contains(code), "{code} on the wall: {screen}");
            }
            assert!(screen.contains("有人上门教我们用云上记账"), "{screen}");
            insta::assert_snapshot!(format!("wall_{}_{w}x{h}", lang.code()), screen);
        }
        let p = presenter(lang, 8, 2, &[Action::Wall]);
        let screen = render(80, 24, |f| present_view::draw(f, &p));
        for wish in WISHES {
            assert!(!screen.contains(wish), "{wish} shown for 2 firms: {screen}");
        }
        insta::assert_snapshot!(format!("wall_too_few_{}_80x24", lang.code()), screen);
    }
}

#[test]
fn the_header_counts_are_bold_not_dim() {
    use ratatui::style::{Color, Modifier};
    let d = dashboard(Lang::En, 8, true);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|f| dashboard_view::draw(f, &d))
        .expect("draw");
    let buf = terminal.backend().buffer();
    // Row 1 starts with the counts; row 0 ends with the join code.
    for (x, y) in [(0, 1), (3, 1), (78, 0)] {
        let cell = &buf[(x, y)];
        assert_ne!(cell.fg, Color::DarkGray, "({x},{y}) {:?}", cell.symbol());
        assert!(
            cell.modifier.contains(Modifier::BOLD),
            "({x},{y}) {:?}",
            cell.symbol()
        );
    }
}
