//! The `smecheck` binary: parses the command line, runs the command, maps errors to exit codes.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use smecheck::cli::{self, Cli, Command, RunArgs};

fn main() -> ExitCode {
    // While the process has one thread: the only time the local offset can be read safely.
    smecheck::store::clock::read_local_offset();
    // `--help` speaks the user's language (the locale, or `--lang`).
    let lang = cli::help::lang_of(std::env::args_os());
    let command = cli::help::localized(Cli::command(), lang);
    let parsed = match command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            // clap: 0 for --help/--version, 2 for bad usage.
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let result = match &parsed.command {
        None => cli::start::run(&RunArgs::default()),
        Some(Command::Run(args)) => cli::start::run(args),
        // Full-screen workshop views own the terminal: stdout must not be locked here.
        Some(Command::Workshop(w)) if w.command.is_interactive() => cli::start::room(&w.command),
        Some(command) => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            let r = cli::execute(command, &mut out, &mut io::stderr());
            r.and_then(|()| out.flush().map_err(Into::into))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages quote file names and file contents: nothing may steer the terminal.
            let said = format!("{e:#}");
            eprintln!("smecheck: {}", smecheck::domain::text::display_safe(&said));
            ExitCode::from(1)
        }
    }
}

/// Output piped into `head` and closed early is not an error worth reporting. The JSON and CSV
/// writers wrap the I/O error in their own error types, so those are looked into as well.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = |k: io::ErrorKind| k == io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| broken(io.kind()))
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                .is_some_and(broken)
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if broken(io.kind())))
    })
}
