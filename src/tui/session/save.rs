//! Saving a session's answers, and what the shell says when it ends: where the answers are,
//! how to resume, and where they went when their own file could not be written.

use std::path::PathBuf;
use std::time::SystemTime;

use anyhow::anyhow;

use super::{Opened, SAVE_LOCK, claim};
use crate::domain::answers::{AnswerFile, Kept};
use crate::domain::{Instrument, Lang};
use crate::store::{self, shown};
use crate::tui::app::{App, Session};
use crate::tui::strings as st;

/// Writes `file` for `session`: its folder made, what was not understood put back, links
/// followed or refused as the session says, never during a signal's exit. The error is said
/// in `lang`.
pub fn write_answers(session: &Session, file: &AnswerFile, lang: Lang) -> Result<(), String> {
    let path = &session.answers_path;
    if session.read_only {
        return Err(st::READ_ONLY.get(lang).to_string());
    }
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", shown(dir)))?;
    }
    // A follow-up keeps what it follows and its marks, whichever mode wrote the answers.
    let with_follow;
    let file = match &session.follow {
        Some(f) if file.follows.is_none() && f.follows.is_some() => {
            let mut full = file.clone();
            full.follows = f.follows.clone();
            full.reviewed = f.reviewed_map();
            with_follow = full;
            &with_follow
        }
        _ => file,
    };
    let _saving = SAVE_LOCK.lock();
    store::save_answers(path, file, &session.kept, session.links)
        .map_err(|e| format!("{}: {}", shown(path), store::explain(&e, lang)))
}

/// The shell's side of a session: whether anything was written, what failed, which reports
/// were made. The session itself (where answers go) lives in the app alone.
pub struct Shell {
    default_dir: Option<PathBuf>,
    wrote: bool,
    /// Why the last save failed; cleared by the next one that succeeds.
    pub failed: Option<String>,
    /// Reports written this session, printed on exit.
    pub exported: Vec<PathBuf>,
    /// Held until the shell goes: no other session writes this file meanwhile.
    pub(super) _lock: Option<std::sync::Arc<store::Lock>>,
}

/// A path as typed in a command: quoted when it holds a space or a character the shell
/// would read.
pub(crate) fn shell_quote(path: &str) -> String {
    let plain = path
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-:\\+=,@~".contains(c));
    if plain {
        path.to_string()
    } else if cfg!(windows) {
        format!("\"{path}\"")
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

impl Shell {
    /// The app of `inst` with what [`open`] found (its answers and its session, which the app
    /// owns from here), and the shell's side of it.
    pub fn start(inst: Instrument, lang: Lang, opened: Opened) -> (App, Shell) {
        let answers = opened.answers.unwrap_or_default();
        let app = App::new(inst, lang, answers, opened.session);
        let shell = Shell {
            default_dir: opened.default_dir,
            wrote: false,
            failed: None,
            exported: Vec::new(),
            _lock: opened.lock,
        };
        (app, shell)
    }

    /// Saves the app's answers atomically, and remembers whether that worked.
    pub fn save(&mut self, app: &App) -> Result<(), String> {
        let file = app.answer_file(Some(store::rfc3339(SystemTime::now())));
        let r = write_answers(&app.session, &file, app.lang);
        match &r {
            Ok(()) => {
                self.wrote = true;
                self.failed = None;
            }
            Err(e) => self.failed = Some(e.clone()),
        }
        r
    }

    /// Starting over: a new file in the data folder, or a backup of the named file.
    pub fn start_over(&mut self, app: &mut App) -> Result<(), String> {
        let now = SystemTime::now();
        match &self.default_dir {
            Some(dir) => {
                let path = store::new_answers_path(dir, now);
                // The new file is claimed like the first; the old claim goes with it.
                self._lock = claim(&path, now, app.lang).map_err(|e| e.to_string())?;
                app.session.answers_path = path;
                app.session.kept = Kept::default();
            }
            None => {
                let path = &app.session.answers_path;
                if path.exists() {
                    store::backup(path, now).map_err(|e| format!("{}: {e}", shown(path)))?;
                }
                // The backup holds everything; the fresh file starts clean.
                app.session.kept = Kept::default();
            }
        }
        Ok(())
    }

    /// Where the answers go when their own file cannot be written: the per-user data folder,
    /// else the system's temporary folder.
    pub fn rescue_path(app: &App) -> PathBuf {
        let now = SystemTime::now();
        let dir = store::default_answers_dir()
            .filter(|d| std::fs::create_dir_all(d).is_ok())
            .unwrap_or_else(std::env::temp_dir);
        let stem = app
            .session
            .answers_path
            .file_stem()
            .map_or_else(|| "smecheck".into(), |s| s.to_string_lossy().into_owned());
        dir.join(format!("{stem}-rescued-{}.json", store::compact_stamp(now)))
    }

    /// After a failed save, at the end: the answers written to [`Shell::rescue_path`], and
    /// what to print. `None` when nothing failed.
    pub fn rescue(&mut self, app: &App) -> Option<String> {
        let reason = self.failed.clone()?;
        let lang = app.lang;
        let mut lines =
            vec![st::UNSAVED_FAREWELL.fill(lang, &[&shown(&app.session.answers_path), &reason])];
        let path = Shell::rescue_path(app);
        let mut session = app.session.clone();
        session.answers_path = path.clone();
        session.links = store::Links::Refuse;
        session.read_only = false;
        let file = app.answer_file(Some(store::rfc3339(SystemTime::now())));
        match write_answers(&session, &file, lang) {
            Ok(()) => lines.push(st::RESCUED.fill(lang, &[&shown(&path), &shown(&path)])),
            Err(e) => lines.push(st::NOT_RESCUED.fill(lang, &[&e])),
        }
        Some(lines.join("\n"))
    }

    /// What to print after the screen is restored.
    pub fn farewell(&self, app: &App) -> String {
        let (lang, session) = (app.lang, &app.session);
        if session.read_only {
            return st::READ_ONLY_FAREWELL.get(lang).to_string();
        }
        if let Some(code) = &session.firm_code {
            return crate::tui::workshop::farewell(code, &session.answers_path, lang);
        }
        let path = &session.answers_path;
        let mut lines = Vec::new();
        if self.wrote || path.exists() {
            let full = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            lines.push(st::FAREWELL_SAVED_IN.fill(lang, &[&shown(&full)]));
            lines.push(st::RESUME_WITH.fill(lang, &[&shell_quote(&shown(&full))]));
        } else {
            lines.push(st::NOTHING_WRITTEN.get(lang).to_string());
        }
        for report in &self.exported {
            let full = std::path::absolute(report).unwrap_or_else(|_| report.clone());
            lines.push(st::REPORT_IN.fill(lang, &[&shown(&full)]));
        }
        lines.join("\n")
    }
}

/// The error a session ends with when answers were not saved: the exit code is then not 0.
pub fn unsaved_error(lang: Lang) -> anyhow::Error {
    anyhow!("{}", st::SAVE_FAILED_EXIT.get(lang))
}
