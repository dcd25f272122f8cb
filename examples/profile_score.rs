//! Scores generated answer files in a loop, for profiling (`valgrind --tool=callgrind`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a tool for developers, not for users
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{Instrument, score};

fn main() {
    let inst = Instrument::builtin().expect("built-in");
    let q = &inst.questionnaire;
    let mut rng = Rng::new(42);
    let files: Vec<String> = (0..300)
        .map(|_| {
            serde_json::to_string(&generate(q, &mut rng, Lean::Any).to_file(q, None)).expect("json")
        })
        .collect();
    let mut total = 0.0;
    for f in &files {
        let loaded = inst.load_answers("x.json", f).expect("valid");
        total += score(&inst, &loaded.answers).overall_score.unwrap_or(0.0);
    }
    println!("{total}");
}
