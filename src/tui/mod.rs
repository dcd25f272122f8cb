//! The interactive self-check: `App` run by the one terminal shell, with its effects.
//!
//! - [`shell`]: the terminal set-up and restore, panic and signal handling, the event loop of
//!   every full-screen view (the self-check here, the presenter and dashboard in [`workshop`]);
//! - [`app`]: state and the pure `update`; [`action`]: actions in, effects out;
//! - [`keymap`]: the one keymap engine and the self-check's table; [`view`]: drawing;
//! - [`plain`]: the line-by-line mode; [`session`]: finding and loading the answer file.

pub mod action;
pub mod app;
pub mod keymap;
pub mod plain;
pub mod session;
pub mod shell;
pub mod strings;
pub mod theme;
pub mod view;
pub mod workshop;

#[cfg(test)]
pub(crate) mod tests;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

use self::action::{Action, Effect};
use self::app::App;
use self::session::Opened;
use crate::domain::report::{ReportFormat, write_report};
use crate::domain::{Instrument, Lang};
use crate::workshop::Workshop;

/// What the command line asks of the self-check, as plain values.
pub struct RunOptions {
    pub lang: Lang,
    /// Line-by-line prompts even on a terminal.
    pub plain: bool,
    pub source: Source,
}

/// Whose answers the self-check takes.
pub enum Source {
    /// The owner's own check of `inst`: in `answers`, else in the per-user data folder.
    Own {
        inst: Box<Instrument>,
        answers: Option<PathBuf>,
        read_only: bool,
        /// Starts a follow-up of this earlier answer file.
        follow_up: Option<PathBuf>,
    },
    /// A workshop participant: a new firm, or the one with this code.
    Workshop {
        ws: Box<Workshop>,
        firm: Option<String>,
    },
}

/// Starts the self-check: full screen on a terminal, plain prompts otherwise or when asked.
pub fn start(options: RunOptions) -> Result<()> {
    let utc_offset = crate::store::clock::local_offset();
    let lang = options.lang;
    let (inst, opened) = match options.source {
        Source::Workshop { ws, firm } => {
            session::open_workshop(*ws, firm.as_deref(), lang, SystemTime::now())?
        }
        Source::Own {
            inst,
            answers,
            read_only,
            follow_up,
        } => {
            let access = if read_only {
                session::Access::ReadOnly
            } else {
                session::Access::Write
            };
            let mut opened = match &follow_up {
                Some(earlier) => session::follow::open_follow_up(
                    &inst,
                    earlier,
                    answers.as_deref(),
                    SystemTime::now(),
                    lang,
                )?,
                None => {
                    session::open_with(&inst, answers.as_deref(), SystemTime::now(), lang, access)?
                }
            };
            if let Some(named) = &answers
                && access == session::Access::Write
            {
                session::remember_named(named);
            }
            // Answers in the hidden data folder: reports go where the owner started from.
            if let Some(dir) = &opened.default_dir
                && opened.session.answers_path.starts_with(dir)
            {
                opened.session.export_dir = std::env::current_dir().ok();
            }
            (*inst, opened)
        }
    };
    let plain = options.plain || !io::stdout().is_terminal() || !io::stdin().is_terminal();
    if plain {
        if let Some(code) = &opened.session.firm_code {
            println!("{}", workshop::firm_code_line(code, lang));
        }
        let stdin = io::stdin();
        return plain::run(&inst, lang, opened, &mut stdin.lock(), &mut io::stdout());
    }
    run_full_screen(inst, lang, opened, utc_offset)
}

/// The self-check as the shell drives it: the app, and the shell's side of its session.
struct SelfCheck {
    app: App,
    shell: session::Shell,
}

impl shell::Screen for SelfCheck {
    type Action = Action;
    // Nothing on the self-check's screens changes with time: drawn only after an event.
    const WAIT: Duration = Duration::from_millis(200);

    fn draw(&self, frame: &mut ratatui::Frame) {
        view::draw(frame, &self.app);
    }

    fn action(&self, event: Event) -> Option<Action> {
        match event {
            Event::Key(k) => keymap::action_for(self.app.ctx(), k),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    let (w, h) = self.app.size;
                    let area = ratatui::layout::Rect::new(0, 0, w, h);
                    view::hit(area, &self.app, m.column, m.row).map(Action::Click)
                }
                MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                _ => None,
            },
            _ => None,
        }
    }

    fn perform(&mut self, action: Action) {
        for effect in self.app.update(action) {
            self.shell.perform(&mut self.app, &effect);
        }
        session::note_draft(&self.app);
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.app.resize(width, height);
    }

    fn done(&self) -> bool {
        self.app.quit
    }
}

fn run_full_screen(
    inst: crate::domain::Instrument,
    lang: crate::domain::Lang,
    opened: Opened,
    utc_offset: Option<time::UtcOffset>,
) -> Result<()> {
    let saved_in = opened.session.answers_path.clone();
    let (mut app, shell) = session::Shell::start(inst, lang, opened);
    app.theme = theme::Theme::from_env();
    app.utc_offset = utc_offset;
    // Today as the owner's calendar has it, for the plan's dates and what-if marks.
    let now = time::OffsetDateTime::now_utc();
    let today = utc_offset.map_or(now, |o| now.to_offset(o)).date();
    app.today = format!(
        "{:04}-{:02}-{:02}",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    let mut screen = SelfCheck { app, shell };
    shell::run(&mut screen, lang, Some(saved_in))?;
    let SelfCheck { app, mut shell } = screen;
    // A failed save is never reported as saved: the answers go elsewhere, the user is told
    // where, and the exit code says it.
    if let Some(told) = shell.rescue(&app) {
        println!("{told}");
        return Err(session::unsaved_error(lang));
    }
    println!("{}", shell.farewell(&app));
    Ok(())
}

/// Where the report in `format` goes: `<name>-report.<ext>` beside an answer file the owner
/// named, or in the folder they started from when the answers live in the hidden data folder;
/// in a workshop, in the folder the participant started from, never in the shared
/// `responses/` (the dashboard would list it as a broken response, and every firm could read
/// it). The full screen and plain mode both ask here.
pub fn report_path(session: &app::Session, format: ReportFormat) -> std::path::PathBuf {
    let path = &session.answers_path;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "smecheck".into());
    let beside = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let dir = match &session.firm_code {
        None => session
            .export_dir
            .clone()
            .unwrap_or_else(|| beside.to_path_buf()),
        Some(_) => std::env::current_dir()
            .ok()
            .filter(|d| !crate::store::same_file(d, beside))
            // Started from inside responses/: the workshop folder above it instead.
            .or_else(|| beside.parent().map(std::path::Path::to_path_buf))
            .unwrap_or_else(|| std::path::PathBuf::from(".")),
    };
    dir.join(format!("{stem}-report.{}", format.extension()))
}

/// Writes the report of `answers` to `path` atomically, dated `date`.
pub fn export_report(
    inst: &crate::domain::Instrument,
    answers: &crate::domain::AnswerSet,
    card: &crate::domain::ScoreCard,
    lang: crate::domain::Lang,
    date: &str,
    format: ReportFormat,
    path: &std::path::Path,
) -> Result<Vec<std::path::PathBuf>, String> {
    let mut bytes = Vec::new();
    write_report(inst, answers, card, lang, date, format, &mut bytes).map_err(|e| e.to_string())?;
    crate::store::atomic_write(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(vec![path.to_path_buf()])
}

impl session::Shell {
    /// Carries out one effect and reports its outcome back to the app.
    pub fn perform(&mut self, app: &mut App, effect: &Effect) {
        match effect {
            Effect::Save => {
                let r = self.save(app);
                app.saved(r);
            }
            Effect::StartFollowUp => {
                let r = self.start_follow_up(app);
                app.follow_up_started(r);
            }
            Effect::BackupAndSave => {
                let r = self.start_over(app).and_then(|()| self.save(app));
                app.saved(r);
            }
            Effect::Export(format, replace) => {
                let path = report_path(&app.session, *format);
                if path.exists() && !replace {
                    app.ask_replace(*format);
                } else {
                    // Dated today as the shell said; else today in UTC.
                    let today = match app.today.as_str() {
                        "" => crate::store::date(SystemTime::now()),
                        day => day.to_string(),
                    };
                    let (inst, answers, card) = (&app.inst, &app.answers, &app.card);
                    let outcome =
                        export_report(inst, answers, card, app.lang, &today, *format, &path);
                    if let Ok(paths) = &outcome {
                        for p in paths {
                            if !self.exported.contains(p) {
                                self.exported.push(p.clone());
                            }
                        }
                    }
                    app.exported(outcome);
                }
            }
            Effect::Quit => app.quit = true,
        }
    }
}
