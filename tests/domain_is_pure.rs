//! The domain core stays pure: no file under `src/domain/` mentions the terminal libraries or
//! reaches up into the shell (TUI, command line, file store).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "ratatui",
    "crossterm",
    "crate::tui",
    "crate::cli",
    "crate::store",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn domain_never_mentions_terminal_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(
        files.len() >= 10,
        "expected the domain modules under {}, found {files:?}",
        root.display()
    );
    assert!(files.iter().any(|f| f.ends_with("score.rs")));
    let mut hits = Vec::new();
    for file in &files {
        let src = std::fs::read_to_string(file).unwrap();
        for (n, line) in src.lines().enumerate() {
            for word in FORBIDDEN.iter().filter(|w| line.contains(*w)) {
                hits.push(format!(
                    "{}:{}: mentions `{word}`: {}",
                    file.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "the domain must stay free of terminal code:\n{}",
        hits.join("\n")
    );
}

/// The terminal UI takes plain options: the command line turns clap's arguments into them, so
/// nothing under `src/tui/` reaches into `cli` (or names clap).
#[test]
fn the_tui_never_reaches_into_the_command_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.iter().any(|f| f.ends_with("shell.rs")), "{files:?}");
    let mut hits = Vec::new();
    for file in &files {
        let src = std::fs::read_to_string(file).unwrap();
        for (n, line) in src.lines().enumerate() {
            if [
                "crate::cli",
                "clap::",
                "LangArg",
                "RunArgs",
                "WorkshopCommand",
            ]
            .iter()
            .any(|w| line.contains(w))
            {
                hits.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "the TUI names the command line:\n{}",
        hits.join("\n")
    );
}
