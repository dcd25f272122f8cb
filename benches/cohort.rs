//! Speed of the facilitator's views with a large room: aggregating 1,000 score cards, reading
//! `responses/` with 1,000 files (cold, unchanged, one file changed), and writing the cohort
//! report for 1,000 firms.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a tool for developers, not for users

use std::fs;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use smecheck::domain::cohort::Cohort;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{Lang, ScoreCard, score};
use smecheck::workshop::Workshop;
use smecheck::workshop::report::{Format, Report, write};
use smecheck::workshop::room::Room;

const FIRMS: usize = 1000;

/// A workshop folder holding 1,000 generated responses.
fn folder() -> (tempfile::TempDir, Workshop) {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workshop::create(
        &tmp.path().join("w"),
        "Bench",
        None,
        None,
        SystemTime::now(),
        Lang::En,
    )
    .expect("workshop");
    let q = &ws.inst.questionnaire;
    let mut rng = Rng::new(42);
    let leans = [Lean::Any, Lean::Best(0.7), Lean::Worst(0.7)];
    for i in 0..FIRMS {
        let a = generate(q, &mut rng, leans[i % 3]);
        ws.add_response(
            &serde_json::to_vec(&a.to_file(q, None)).expect("json"),
            smecheck::domain::Lang::En,
        )
        .expect("add");
    }
    (tmp, ws)
}

/// Long after the files were written, so none is still settling.
fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(3600)
}

fn aggregate(c: &mut Criterion) {
    let (_tmp, ws) = folder();
    let mut room = Room::new();
    room.scan(&ws, later());
    let cards: Vec<ScoreCard> = room.responses().iter().map(|r| r.card.clone()).collect();
    c.bench_function("cohort: aggregate 1,000 score cards", |b| {
        b.iter(|| black_box(Cohort::build(&ws.inst.questionnaire, &cards)))
    });
    let q = &ws.inst.questionnaire;
    let answers = generate(q, &mut Rng::new(7), Lean::Any);
    c.bench_function("cohort: score one firm", |b| {
        b.iter(|| black_box(score(&ws.inst, &answers)))
    });
}

fn scan(c: &mut Criterion) {
    let (_tmp, ws) = folder();
    let mut g = c.benchmark_group("room: 1,000 files in responses/");
    g.sample_size(10);
    g.bench_function("first look (read and score all)", |b| {
        b.iter(|| {
            let mut room = Room::new();
            room.scan(&ws, later());
            black_box(room.responses().len())
        })
    });
    let mut room = Room::new();
    room.scan(&ws, later());
    g.bench_function("look again, nothing changed", |b| {
        b.iter(|| black_box(room.scan(&ws, later())))
    });
    let first = room.responses()[0].code.clone();
    let path = ws.response_path(&first);
    let q = &ws.inst.questionnaire;
    let mut seed = 0u64;
    g.bench_function("look again, one file changed", |b| {
        b.iter_batched(
            || {
                seed += 1;
                let a = generate(q, &mut Rng::new(seed), Lean::Any);
                fs::write(
                    &path,
                    serde_json::to_vec(&a.to_file(q, None)).expect("json"),
                )
                .expect("write");
            },
            |()| black_box(room.scan(&ws, later())),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// As `workshop report` makes it: every file read and scored once, straight from the folder.
fn report(c: &mut Criterion) {
    let (_tmp, ws) = folder();
    let mut g = c.benchmark_group("cohort report from 1,000 response files");
    g.sample_size(20);
    for (name, format) in [
        ("md", Format::Md),
        ("html", Format::Html),
        ("csv", Format::Csv),
        ("json", Format::Json),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(1 << 20);
                if format == Format::Csv {
                    smecheck::workshop::report::csv::stream(&ws, false, &mut out).expect("csv");
                } else {
                    let report = Report::stream(&ws, false, Lang::Zh).expect("read");
                    write(&report, format, &mut out).expect("write");
                }
                black_box(out.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, aggregate, scan, report);
criterion_main!(benches);
