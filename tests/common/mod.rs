//! Running the real binary from a test: exit code and both outputs, in a fixed locale.
#![allow(dead_code)]

use assert_cmd::cargo::cargo_bin_cmd;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `smecheck ARGS` from the crate root with a neutral locale (so `--lang` decides).
pub fn smecheck(args: &[&str]) -> Run {
    let out = cargo_bin_cmd!("smecheck")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .args(args)
        .output()
        .expect("smecheck runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}
