//! Speed of what a user feels: start-up to the first frame, one keystroke, and scoring
//! throughput against parsing the same bytes with serde_json alone. See BENCHMARKS.md.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a tool for developers, not for users

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{Instrument, Lang, score};
use smecheck::tui::action::Action;
use smecheck::tui::app::{App, Session};
use smecheck::tui::view;

fn session() -> Session {
    Session {
        answers_path: "bench.json".into(),
        ..Session::default()
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).expect("test terminal")
}

fn startup(c: &mut Criterion) {
    c.bench_function(
        "startup: parse+validate built-in, build app, first frame 120x40",
        |b| {
            b.iter(|| {
                let inst = Instrument::builtin().expect("built-in");
                let app = App::new(inst, Lang::Zh, Default::default(), session());
                let mut t = terminal();
                t.draw(|f| view::draw(f, &app)).expect("draw");
                black_box(t.backend().buffer().area.width)
            })
        },
    );
}

fn answered_app() -> App {
    let inst = Instrument::builtin().expect("built-in");
    let answers = generate(&inst.questionnaire, &mut Rng::new(7), Lean::Best(0.5));
    App::new(inst, Lang::Zh, answers, session())
}

fn keystrokes(c: &mut Criterion) {
    let mut g = c.benchmark_group("keystroke: update + render 120x40");
    let mut t = terminal();

    let mut app = answered_app();
    app.goto_question(1);
    let mut down = true;
    g.bench_function("question screen, move cursor", |b| {
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            t.draw(|f| view::draw(f, &app)).expect("draw");
        })
    });

    let mut app = answered_app();
    let multi = app
        .inst
        .questionnaire
        .questions
        .iter()
        .position(|q| q.kind == smecheck::domain::QuestionKind::Multi)
        .expect("a multiple-choice question");
    app.goto_question(multi);
    g.bench_function("question screen, tick an option (saves, re-scores)", |b| {
        b.iter(|| {
            black_box(app.update(Action::Toggle));
            t.draw(|f| view::draw(f, &app)).expect("draw");
        })
    });

    let mut app = answered_app();
    app.goto_question(0);
    app.update(Action::Review);
    app.update(Action::Finish);
    g.bench_function("results screen, switch tab", |b| {
        b.iter(|| {
            app.update(Action::NextTab);
            t.draw(|f| view::draw(f, &app)).expect("draw");
        })
    });
    g.finish();
}

/// Realistic answer files as the self-check saves them (pretty-printed, with a save time and
/// a profile), leaning towards strong, weak or any answers in turn.
fn answer_files(inst: &Instrument, n: usize) -> Vec<String> {
    let q = &inst.questionnaire;
    let mut rng = Rng::new(42);
    let leans = [Lean::Any, Lean::Best(0.7), Lean::Worst(0.7)];
    (0..n)
        .map(|i| {
            let mut a = generate(q, &mut rng, leans[i % 3]);
            a.profile.insert("name".into(), format!("Firm {i}"));
            let file = a.to_file(q, Some("2026-11-24T09:00:00Z".into()));
            serde_json::to_string_pretty(&file).expect("serialise")
        })
        .collect()
}

fn throughput(c: &mut Criterion) {
    let inst = Instrument::builtin().expect("built-in");
    // The size: 100,000 files, parsed and scored per iteration, against parsing the
    // same bytes with serde_json alone in the same run.
    let files = answer_files(&inst, 100_000);
    let bytes: u64 = files.iter().map(|f| f.len() as u64).sum();
    let mut g = c.benchmark_group("100,000 answer files");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("serde_json parse only (baseline)", |b| {
        b.iter(|| {
            for f in &files {
                black_box(serde_json::from_str::<serde_json::Value>(f).expect("json"));
            }
        })
    });
    g.bench_function("parse + check + score + recommend", |b| {
        b.iter(|| {
            for f in &files {
                let loaded = inst.load_answers("bench.json", f).expect("valid");
                black_box(score(&inst, &loaded.answers));
            }
        })
    });
    g.finish();
    drop(files);

    c.bench_function("validate lint: reachability over sampled firms", |b| {
        b.iter_batched(
            || inst.clone(),
            |i| black_box(smecheck::domain::reachability::lint_reachability(&i)),
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, startup, keystrokes, throughput);
criterion_main!(benches);
