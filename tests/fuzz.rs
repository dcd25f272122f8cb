//! A mutation fuzzer for questionnaire and answer files, run for a bounded time in CI.
//!
//! cargo-fuzz needs a nightly toolchain, which the CI machine cannot fetch, so this harness
//! does the same job on stable: it starts from a kept corpus (`tests/fuzz/corpus/`, plus every
//! fixture file), mutates inputs (bit flips, cuts, splices, JSON tokens that have broken parsers
//! before, deep nesting) and runs each through the real loaders, and every answer file that
//! loads through scoring and all four report formats. A panic saves the input to
//! `target/fuzz-crashes/` and fails the test with its path; add it to the corpus once fixed.
//!
//! `SMECHECK_FUZZ_SECONDS` sets the time budget (default 20), `SMECHECK_FUZZ_SEED` the seed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use smecheck::domain::instrument::{BUILTIN_PROPOSALS, BUILTIN_QUESTIONNAIRE};
use smecheck::domain::report::{ReportFormat, write_report};
use smecheck::domain::sample::Rng;
use smecheck::domain::{Instrument, Lang, score};

/// Tokens spliced into inputs: each has tripped a JSON reader somewhere.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "-0",
    "1e999",
    "-1e999",
    "1e-400",
    "18446744073709551616",
    "-9223372036854775809",
    "0.1e1",
    "\"dont_know\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\u001b[31m\"",
    "\"\\u202e\"",
    "\"=HYPERLINK(1)\"",
    "\"<script>\"",
    "\\",
    "\u{feff}",
    "\u{0}",
    "\"长\"",
    "[[[[[[[[[[[[[[[[",
    "{\"a\":{\"a\":{\"a\":",
];

fn corpus(dirs: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        out.extend(paths.iter().map(|p| fs::read(p).expect("corpus file")));
    }
    assert!(!out.is_empty(), "an empty corpus");
    out
}

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = |rng: &mut Rng, v: &Vec<u8>| rng.below(v.len() + 1);
        match rng.below(8) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = at(rng, &v);
                v.truncate(i);
            }
            2 if !v.is_empty() => {
                let (i, n) = (rng.below(v.len()), rng.below(16) + 1);
                v.drain(i..(i + n).min(v.len()));
            }
            3 => {
                let i = at(rng, &v);
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(i..i, t.bytes());
            }
            4 => {
                // Splice a piece of another corpus file.
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(256)).min(other.len());
                let i = at(rng, &v);
                v.splice(i..i, other[from..to].iter().copied());
            }
            5 if !v.is_empty() => {
                // Repeat a chunk: long lists and long strings.
                let i = rng.below(v.len());
                let chunk = v[i..(i + rng.below(64) + 1).min(v.len())].to_vec();
                for _ in 0..rng.below(64) {
                    v.splice(i..i, chunk.iter().copied());
                }
            }
            6 => {
                let i = at(rng, &v);
                let depth = rng.below(20_000);
                v.splice(i..i, std::iter::repeat_n(b'[', depth));
            }
            _ => {
                let i = at(rng, &v);
                v.insert(i, rng.below(256) as u8);
            }
        }
    }
    v
}

/// The fast (direct) and the thorough answer readers on one input: when the fast one takes a
/// file (of this questionnaire and version: another version is carried over by the thorough
/// path alone, as `load_answers` does), the thorough one must take it too and read exactly the
/// same; when it declines, the thorough one decides alone. Returns whether the fast one took it.
fn readers_agree(inst: &Instrument, src: &str) -> bool {
    let src = smecheck::domain::instrument::without_bom(src);
    let q = &inst.questionnaire;
    let Some(fast) = smecheck::domain::answers::fast_read::read(q, src)
        .filter(|d| d.questionnaire.id == q.id && d.questionnaire.version == q.version)
    else {
        return false;
    };
    let thorough = inst
        .load_answers_thoroughly("fuzz.json", src)
        .unwrap_or_else(|e| {
            panic!("the fast reader took a file the thorough one refuses ({e}):\n{src}")
        });
    assert_eq!(
        fast.answers, thorough.answers,
        "the readers disagree on the answers:\n{src}"
    );
    assert_eq!(
        fast.dropped, thorough.dropped,
        "the readers disagree on what was dropped:\n{src}"
    );
    assert_eq!(
        fast.saved_at, thorough.saved_at,
        "the readers disagree on saved_at:\n{src}"
    );
    true
}

/// Runs one answer file through loading, scoring and every report.
fn answers_case(inst: &Instrument, bytes: &[u8], agreed: &mut usize) -> &'static str {
    let Ok(src) = std::str::from_utf8(bytes) else {
        return "not UTF-8";
    };
    if readers_agree(inst, src) {
        *agreed += 1;
    }
    match inst.load_answers("fuzz.json", src) {
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("fuzz.json"), "an error names the file: {msg}");
            "refused"
        }
        Ok(loaded) => {
            let card = score(inst, &loaded.answers);
            assert!(
                card.overall_score
                    .is_none_or(|s| (0.0..=100.0).contains(&s))
            );
            for format in ReportFormat::ALL {
                let mut out = Vec::new();
                write_report(
                    inst,
                    &loaded.answers,
                    &card,
                    Lang::En,
                    "2026-11-24",
                    format,
                    &mut out,
                )
                .expect("a report of loaded answers");
            }
            "loaded and reported"
        }
    }
}

/// Runs one questionnaire file through loading and validation.
fn questionnaire_case(bytes: &[u8]) -> &'static str {
    let Ok(src) = std::str::from_utf8(bytes) else {
        return "not UTF-8";
    };
    match Instrument::from_sources("fuzz.json", src, "proposals.json", BUILTIN_PROPOSALS) {
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains("fuzz.json"), "an error names the file: {msg}");
            "refused"
        }
        Ok(_) => "loaded",
    }
}

fn save_crash(kind: &str, n: usize, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
    fs::create_dir_all(&dir).expect("crash folder");
    let path = dir.join(format!("{kind}-{n}.json"));
    fs::write(&path, bytes).expect("crash saved");
    path
}

#[test]
fn mutated_files_never_panic() {
    let budget = Duration::from_secs(
        std::env::var("SMECHECK_FUZZ_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(20),
    );
    let seed = std::env::var("SMECHECK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_124);
    let inst = Instrument::builtin().expect("built-in");
    let answers = corpus(&["tests/fuzz/corpus/answers", "tests/fixtures/answers"]);
    let mut questionnaires = corpus(&[
        "tests/fuzz/corpus/questionnaires",
        "tests/fixtures/questionnaires/valid",
        "tests/fixtures/questionnaires/invalid",
    ]);
    questionnaires.push(BUILTIN_QUESTIONNAIRE.as_bytes().to_vec());

    // Every corpus file as it is, then mutations until the time is up.
    let mut rng = Rng::new(seed);
    let mut outcomes = std::collections::BTreeMap::<&str, usize>::new();
    let mut agreed = 0usize;
    let (mut tried, mut slowest) = (0usize, Duration::ZERO);
    let start = Instant::now();
    let mut round = 0usize;
    while round < answers.len() + questionnaires.len() || start.elapsed() < budget {
        let seeds = answers.len() + questionnaires.len();
        let (kind, input) = if round < answers.len() {
            ("answers", answers[round].clone())
        } else if round < seeds {
            (
                "questionnaire",
                questionnaires[round - answers.len()].clone(),
            )
        } else if round % 3 != 2 {
            let i = rng.below(answers.len());
            ("answers", mutate(&mut rng, &answers[i], &answers))
        } else {
            let i = rng.below(questionnaires.len());
            let m = mutate(&mut rng, &questionnaires[i], &questionnaires);
            ("questionnaire", m)
        };
        let case_start = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            if kind == "answers" {
                answers_case(&inst, &input, &mut agreed)
            } else {
                questionnaire_case(&input)
            }
        }));
        slowest = slowest.max(case_start.elapsed());
        match result {
            Ok(outcome) => *outcomes.entry(outcome).or_default() += 1,
            Err(_) => {
                let path = save_crash(kind, round, &input);
                panic!(
                    "a {kind} file made smecheck panic; saved to {}",
                    path.display()
                );
            }
        }
        tried += 1;
        round += 1;
    }
    println!(
        "fuzz: {tried} inputs in {:.1} s (seed {seed}; corpus {} answer and {} questionnaire files); outcomes {outcomes:?}; {agreed} taken by the fast reader, each read the same by the thorough one; slowest input {:.0} ms; no panic",
        start.elapsed().as_secs_f64(),
        answers.len(),
        questionnaires.len(),
        slowest.as_secs_f64() * 1000.0,
    );
    assert!(
        outcomes.len() > 2,
        "the mutations reach more than one outcome"
    );
    assert!(
        agreed >= answers.len() / 2,
        "only {agreed} inputs were taken by the fast reader: the comparison hardly ran"
    );
}
