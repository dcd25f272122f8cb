//! Loading a questionnaire and the proposals catalogue into a checked `Instrument`, and
//! loading answer files against it, with errors that point at file:line:col.

use std::fmt;

use sha2::{Digest, Sha256};

use super::answers::{typed_answers, AnswerFile, AnswerSet, Dropped};
use super::locate::{locate, JsonPath, Pos};
use super::model::Questionnaire;
use super::proposals::Catalogue;
use super::score::Stamp;
use super::validate::validate;

/// The shipped questionnaire and catalogue, embedded so the binary runs with no files around.
pub const BUILTIN_QUESTIONNAIRE: &str = include_str!("../../questionnaires/smecheck.json");
pub const BUILTIN_PROPOSALS: &str = include_str!("../../questionnaires/proposals.json");
pub const BUILTIN_NAME: &str = "<built-in>/smecheck.json";
pub const BUILTIN_PROPOSALS_NAME: &str = "<built-in>/proposals.json";

/// Largest questionnaire or answer file accepted, to keep hostile input bounded.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// One problem in a data file, with where it is and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub file: String,
    pub pos: Pos,
    pub path: JsonPath,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.pos, self.message)?;
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Why a data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", join(.0))]
    Invalid(Vec<Issue>),
    #[error("{file}: the file is {size} bytes, more than the {max} bytes accepted\n  hint: check that this is the right file")]
    TooLarge { file: String, size: usize, max: usize },
}

fn join(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    pub fn issues(&self) -> &[Issue] {
        match self {
            LoadError::Invalid(v) => v,
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
}

/// Parses JSON into `T`, turning serde's error into an `Issue` with line and column.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Result<T, LoadError> {
    if src.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_string(),
            size: src.len(),
            max: MAX_FILE_BYTES,
        });
    }
    serde_json::from_str(src).map_err(|e| {
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let hint = match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "this is not valid JSON here: look for a missing comma, quote or bracket"
            }
            _ => "the value does not fit the format: see docs/questionnaire-format.md or `smecheck questionnaire --schema`",
        };
        LoadError::Invalid(vec![Issue {
            file: file.to_string(),
            pos: Pos {
                line: e.line().max(1),
                col: e.column().max(1),
            },
            path: JsonPath::root(),
            message,
            hint: hint.to_string(),
        }])
    })
}

/// A questionnaire with its proposals catalogue, checked and ready to score with.
#[derive(Debug, Clone)]
pub struct Instrument {
    pub questionnaire: Questionnaire,
    pub proposals: Catalogue,
    /// `sha256:` and the first 16 hex digits of the hash of both files' bytes.
    pub hash: String,
}

impl Instrument {
    /// The built-in questionnaire. It is validated by the test suite, so failing here is a bug
    /// in the shipped data, reported like any other data error.
    pub fn builtin() -> Result<Instrument, LoadError> {
        Self::from_sources(BUILTIN_NAME, BUILTIN_QUESTIONNAIRE, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS)
    }

    /// Parses and validates a questionnaire and a catalogue.
    pub fn from_sources(q_name: &str, q_src: &str, p_name: &str, p_src: &str) -> Result<Instrument, LoadError> {
        let questionnaire: Questionnaire = parse_json(q_name, q_src)?;
        let proposals: Catalogue = parse_json(p_name, p_src)?;
        let problems = validate(&questionnaire, &proposals);
        if !problems.is_empty() {
            return Err(LoadError::Invalid(place(problems, q_name, q_src, p_name, p_src)));
        }
        let mut h = Sha256::new();
        h.update(q_src.as_bytes());
        h.update([0u8]);
        h.update(p_src.as_bytes());
        let digest = h.finalize();
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Ok(Instrument {
            questionnaire,
            proposals,
            hash: format!("sha256:{hex}"),
        })
    }

    pub fn stamp(&self) -> Stamp {
        Stamp {
            id: self.questionnaire.id.clone(),
            version: self.questionnaire.version.clone(),
            hash: self.hash.clone(),
        }
    }

    /// Reads an answer file. Another questionnaire id is an error; another version keeps what
    /// matches by id and reports the rest as dropped.
    pub fn load_answers(&self, file: &str, src: &str) -> Result<LoadedAnswers, LoadError> {
        let raw: AnswerFile = parse_json(file, src)?;
        let q = &self.questionnaire;
        let issue = |path: JsonPath, message: String, hint: &str| {
            LoadError::Invalid(vec![Issue {
                file: file.to_string(),
                pos: locate(src, &path),
                path,
                message,
                hint: hint.to_string(),
            }])
        };
        if raw.questionnaire.id != q.id {
            return Err(issue(
                JsonPath::root().key("questionnaire").key("id"),
                format!(
                    "this answer file belongs to questionnaire `{}`, not `{}`",
                    raw.questionnaire.id, q.id
                ),
                "pass the matching questionnaire with --questionnaire PATH",
            ));
        }
        let (answers, dropped) = typed_answers(q, &raw).map_err(|(key, msg)| {
            issue(
                JsonPath::root().key("answers").key(&key),
                msg,
                "fix or remove this answer; `smecheck questionnaire --codebook` lists every question's options",
            )
        })?;
        Ok(LoadedAnswers {
            version_differs: raw.questionnaire.version != q.version,
            file_version: raw.questionnaire.version,
            saved_at: raw.saved_at,
            answers,
            dropped,
        })
    }
}

/// An answer file read against an instrument.
#[derive(Debug, Clone)]
pub struct LoadedAnswers {
    pub answers: AnswerSet,
    pub dropped: Vec<Dropped>,
    pub version_differs: bool,
    pub file_version: String,
    pub saved_at: Option<String>,
}

fn place(problems: Vec<Problem>, q_name: &str, q_src: &str, p_name: &str, p_src: &str) -> Vec<Issue> {
    problems
        .into_iter()
        .map(|p| {
            let (file, src) = if p.in_catalogue { (p_name, p_src) } else { (q_name, q_src) };
            Issue {
                file: file.to_string(),
                pos: locate(src, &p.path),
                path: p.path,
                message: p.message,
                hint: p.hint,
            }
        })
        .collect()
}
