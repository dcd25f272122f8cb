//! What is wrong with a data file, said with its place: an `Issue` (file:line:col, message and
//! hint in both languages), the `LoadError` that carries them, and the `Problem` that validation
//! finds before it is placed.

use std::fmt;

use crate::domain::position::{JsonPath, Pos, locate};
use crate::domain::text::{Lang, LocalText};
use crate::domain::validate::words::{CHECKS_WAIT, HINT, TOO_LARGE};

/// One problem in a data file, with where it is and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub file: String,
    pub pos: Pos,
    pub path: JsonPath,
    pub message: String,
    pub hint: String,
    /// The message and hint in Chinese: every message of this program has them; the field
    /// stays optional for issues made elsewhere.
    pub zh: Option<(String, String)>,
}

impl Issue {
    /// The issue as [`fmt::Display`] gives it, in Chinese where that is written.
    pub fn display_in(&self, lang: Lang) -> String {
        let (lang, message, hint) = match (&self.zh, lang) {
            (Some((message, hint)), Lang::Zh) => (Lang::Zh, message, hint),
            _ => (Lang::En, &self.message, &self.hint),
        };
        let mut s = format!("{}:{}: {message}", self.file, self.pos);
        if !hint.is_empty() {
            s.push_str(&HINT.fill(lang, &[hint]));
        }
        s
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(Lang::En))
    }
}

/// Why a data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", self.display_in(Lang::En))]
    Invalid(Vec<Issue>),
    /// Format problems, some of which took part of the file out of the reading: the checks
    /// that need the whole file run once they are fixed, as a last line says.
    #[error("{}", self.display_in(Lang::En))]
    Unfinished(Vec<Issue>),
    #[error("{}", self.display_in(Lang::En))]
    TooLarge {
        file: String,
        size: usize,
        max: usize,
    },
}

impl LoadError {
    /// The error in `lang`.
    pub fn display_in(&self, lang: Lang) -> String {
        match self {
            LoadError::Invalid(issues) | LoadError::Unfinished(issues) => {
                let mut lines: Vec<String> = issues.iter().map(|i| i.display_in(lang)).collect();
                if let (LoadError::Unfinished(_), Some(first)) = (self, issues.first()) {
                    lines.push(CHECKS_WAIT.fill(lang, &[&first.file]));
                }
                lines.join("\n")
            }
            LoadError::TooLarge { file, size, max } => TOO_LARGE.fill(lang, &[file, size, max]),
        }
    }

    pub fn issues(&self) -> &[Issue] {
        match self {
            LoadError::Invalid(v) | LoadError::Unfinished(v) => v,
            LoadError::TooLarge { .. } => &[],
        }
    }
}

/// A semantic problem found by validation, before it is placed in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Which file: the questionnaire or the proposals catalogue.
    pub in_catalogue: bool,
    pub path: JsonPath,
    pub message: String,
    pub hint: String,
    /// The message and hint in Chinese, where written.
    pub zh: Option<(String, String)>,
    /// Reported among neighbours found by a walk that knows no file order (translations): the
    /// run of such problems is put in the order of their place in the file.
    pub by_place: bool,
}

impl Problem {
    /// The problem placed in `file`, whose text is `src`.
    pub fn placed(self, file: &str, src: &str) -> Issue {
        Issue {
            file: file.to_string(),
            pos: locate(src, &self.path),
            path: self.path,
            message: self.message,
            hint: self.hint,
            zh: self.zh,
        }
    }

    pub fn new(in_catalogue: bool, path: JsonPath, message: LocalText, hint: LocalText) -> Problem {
        let zh = Some((message.zh, hint.zh));
        Problem {
            in_catalogue,
            path,
            message: message.en,
            hint: hint.en,
            zh,
            by_place: false,
        }
    }
}
