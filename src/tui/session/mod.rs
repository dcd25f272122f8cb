//! The answer file of an interactive session: finding and loading it (`load`), saving it and
//! what the shell says at the end (`save`), the unconfirmed text a signal's exit writes
//! (`draft`), and follow-up checks (`follow`).

use std::path::PathBuf;

use super::app::Session;
use crate::domain::answers::AnswerSet;
use crate::store;

mod draft;
pub mod follow;
mod load;
mod save;

pub use draft::{note_draft, save_draft};
use load::{claim, kept, read};
pub use load::{lenient_answers, open, open_with, open_workshop, remember_named};
pub(crate) use save::shell_quote;
pub use save::{Shell, unsaved_error, write_answers};

/// Held while an answer file is written, so that a signal never ends the process mid-save.
pub static SAVE_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// How a session may use its answer file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Access {
    /// Saved after every change; the file is locked against a second session.
    #[default]
    Write,
    /// Shown, never written (`--read-only`), e.g. while another session has the file.
    ReadOnly,
}

/// What `open` found: where to save, and any answers to resume.
#[derive(Debug, Clone, Default)]
pub struct Opened {
    pub session: Session,
    pub answers: Option<AnswerSet>,
    /// Set when the file lives in the per-user data folder: starting over opens a new file there.
    pub default_dir: Option<PathBuf>,
    /// This session's claim on the file; released when the session ends.
    pub lock: Option<std::sync::Arc<store::Lock>>,
}
