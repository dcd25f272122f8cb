//! A full room on loopback: 40 simulated phones answer the whole questionnaire at once while the
//! dashboard's room scan runs. Every answer must be on disk and no file torn; request latency
//! (p50/p99) and the process's peak memory are printed for BENCHMARKS.md (run with
//! `cargo test --release --test serve_load -- --nocapture`). Timing is reported, not asserted.
//!
//! By default the phones answer with no pause at all (a stress far above a real room); set
//! `SMECHECK_LOAD_THINK_MS=N` for a pause of about N ms before each answer, and
//! `SMECHECK_LOAD_WORKERS=N` for the server's worker threads (default: the server's own).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod serve_client;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use serve_client::{Phone, workshop};
use smecheck::domain::model::{QuestionId, QuestionKind, Questionnaire};
use smecheck::serve::flow;
use smecheck::workshop::code::FirmCode;
use smecheck::workshop::room::Room;

const PHONES: usize = 40;

fn body(q: &Questionnaire, id: &str, seed: usize) -> String {
    let question = q.question(&QuestionId(id.into())).expect("known question");
    match question.kind {
        QuestionKind::Number => format!("n={}", question.min.unwrap_or(0.0) + (seed % 7) as f64),
        QuestionKind::Text => format!("t=wish+number+{seed}"),
        QuestionKind::Multi => {
            let o: Vec<_> = question.options.iter().filter(|o| !o.exclusive).collect();
            format!("a={}", o[seed % o.len()].id)
        }
        _ => format!("a={}", question.options[seed % question.options.len()].id),
    }
}

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[test]
fn forty_phones_answer_everything_while_the_dashboard_scans() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workshop(dir.path());
    let q = Arc::new(ws.inst.questionnaire.clone());
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let think = env("SMECHECK_LOAD_THINK_MS").unwrap_or(0);
    let mut opts = smecheck::serve::Options::new(
        "127.0.0.1:0".parse().unwrap(),
        smecheck::domain::text::Lang::En,
    );
    opts.limits.requests_per_second = 1e6;
    opts.limits.joins_per_minute = 100_000;
    if let Some(w) = env("SMECHECK_LOAD_WORKERS") {
        opts.workers = w.clamp(1, 64) as usize;
    }
    let workers = opts.workers;
    let running = smecheck::serve::start(ws.clone(), opts).expect("server starts");
    let addr = running.addr;

    let done = Arc::new(AtomicBool::new(false));
    let scans = Arc::new(AtomicUsize::new(0));
    let scanner = {
        let (ws, done, scans) = (ws.clone(), done.clone(), scans.clone());
        std::thread::spawn(move || {
            let mut room = Room::new();
            let deadline = Instant::now() + Duration::from_secs(300);
            while !done.load(Ordering::SeqCst) && Instant::now() < deadline {
                room.scan(&ws, SystemTime::now());
                scans.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(smecheck::tui::workshop::POLL);
            }
            room
        })
    };

    let started = Instant::now();
    let phones: Vec<_> = (0..PHONES)
        .map(|n| {
            let q = q.clone();
            std::thread::spawn(move || {
                let mut phone = Phone::new(addr);
                let mut times = Vec::new();
                let mut timed = |phone: &mut Phone, method: &str, path: &str, b: &str| {
                    let t = Instant::now();
                    let r = if method == "GET" {
                        phone.get(path)
                    } else {
                        phone.post(path, b)
                    };
                    times.push((method == "POST", t.elapsed()));
                    r
                };
                let r = timed(&mut phone, "POST", "/join", "");
                assert_eq!(r.status, 303, "{}", r.body);
                let me = timed(&mut phone, "GET", "/me", "");
                let code = serve_client::between(&me.body, "id=\"firm-code\">", "<");
                timed(&mut phone, "POST", "/profile", &format!("name=Firm+{n}"));
                let mut at = timed(&mut phone, "GET", "/q", "").location().to_string();
                let mut steps = 0;
                while at != "/done" && steps < 200 {
                    steps += 1;
                    let id = at.strip_prefix("/q/").expect("a question").to_string();
                    assert_eq!(timed(&mut phone, "GET", &at, "").status, 200);
                    if think > 0 {
                        // Between half and one and a half times the pause, varying by phone.
                        let ms = think / 2 + think * ((n * 7 + steps * 13) % 11) as u64 / 10;
                        std::thread::sleep(Duration::from_millis(ms));
                    }
                    let r = timed(&mut phone, "POST", &at, &body(&q, &id, n + steps));
                    assert_eq!(r.status, 303, "{at}: {}", r.body);
                    at = r.location().to_string();
                }
                assert_eq!(at, "/done", "the walk ends");
                assert_eq!(timed(&mut phone, "GET", "/done", "").status, 200);
                (code, steps, times)
            })
        })
        .collect();
    let results: Vec<_> = phones
        .into_iter()
        .map(|h| h.join().expect("phone"))
        .collect();
    let wall = started.elapsed();
    done.store(true, Ordering::SeqCst);
    let mut room = scanner.join().unwrap();
    running.stop();

    // Every answer on disk, every file whole.
    let mut all: Vec<(bool, Duration)> = Vec::new();
    let mut answers = 0;
    for (code, steps, times) in &results {
        let code = FirmCode::parse(code).unwrap();
        let (saved, _) = ws
            .read_response(&code)
            .expect("a whole, readable answer file");
        let asked = flow::asked(&q, &saved);
        assert_eq!(asked.len(), *steps, "{code}: one page per asked question");
        for &i in &asked {
            assert!(
                saved.get(&q.questions[i].id).is_some(),
                "{code}: {} saved",
                q.questions[i].id
            );
        }
        assert_eq!(
            saved.profile.get("name").map(|s| s.starts_with("Firm ")),
            Some(true)
        );
        answers += steps;
        all.extend(times.iter().copied());
    }
    let leftovers: Vec<_> = std::fs::read_dir(ws.responses_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    room.scan(&ws, SystemTime::now() + Duration::from_secs(10));
    assert_eq!(
        room.responses().len(),
        PHONES,
        "the dashboard sees every firm"
    );
    assert!(room.problems().is_empty(), "{:?}", room.problems());

    let figures = |keep: &dyn Fn(bool) -> bool| {
        let mut d: Vec<Duration> = all
            .iter()
            .filter(|(p, _)| keep(*p))
            .map(|(_, d)| *d)
            .collect();
        d.sort();
        let ms = |x: Duration| x.as_secs_f64() * 1e3;
        format!(
            "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            ms(percentile(&d, 0.5)),
            ms(percentile(&d, 0.99)),
            ms(d[d.len() - 1])
        )
    };
    println!(
        "serve load: {PHONES} phones, pause {think} ms, {workers} workers, {answers} answers, {} requests in {:.2} s; latency {}; pages (GET) {}; saves (POST, two fsyncs each) {}; {} room scans; peak memory (VmHWM, whole test process) {}",
        all.len(),
        wall.as_secs_f64(),
        figures(&|_| true),
        figures(&|post| !post),
        figures(&|post| post),
        scans.load(Ordering::Relaxed),
        peak_kib().map_or("n/a".to_string(), |k| format!(
            "{:.1} MB",
            k as f64 / 1024.0
        )),
    );
}
