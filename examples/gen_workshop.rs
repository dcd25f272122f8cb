//! Makes a workshop folder with N generated responses, for measuring the cohort report:
//! `cargo run --release --example gen_workshop -- DIR 100000`, then
//! `/usr/bin/time -v target/release/smecheck workshop report DIR --format csv -o out.csv`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a tool for developers, not for users

use std::time::SystemTime;

use smecheck::domain::Lang;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::workshop::Workshop;
use smecheck::workshop::code::FirmCode;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: gen_workshop DIR N"))?;
    let n: usize = args.next().unwrap_or_else(|| "1000".into()).parse()?;
    let ws = Workshop::create(
        std::path::Path::new(&dir),
        "Benchmark room",
        None,
        None,
        SystemTime::now(),
        Lang::En,
    )?;
    let q = &ws.inst.questionnaire;
    let mut rng = Rng::new(42);
    let leans = [Lean::Any, Lean::Best(0.7), Lean::Worst(0.7)];
    let mut written = 0;
    while written < n {
        let code = FirmCode::random();
        let path = ws.response_path(&code);
        if path.exists() {
            continue;
        }
        let a = generate(q, &mut rng, leans[written % 3]);
        // Plain writes: a generator needs no fsync per file.
        std::fs::write(path, serde_json::to_vec(&a.to_file(q, None))?)?;
        written += 1;
    }
    println!("{n} responses in {dir}");
    Ok(())
}
