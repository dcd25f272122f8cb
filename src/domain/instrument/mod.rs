//! Loading a questionnaire and its recommendations catalogue into a checked `Instrument`, and
//! loading answer files against it. The parts: [`registry`] (the built-in instruments),
//! [`parse`] (JSON with file:line:col), [`issue`] (what is wrong and where).

mod every;
mod issue;
mod parse;
mod registry;

pub use every::MAX_PROBLEMS;
pub use issue::{Issue, LoadError, Problem};
pub use parse::{MAX_FILE_BYTES, parse_json, without_bom};
use registry::ADOPTED;
pub use registry::{
    BUILTIN_NAME, BUILTIN_PROPOSALS, BUILTIN_PROPOSALS_NAME, BUILTIN_QUESTIONNAIRE,
    BuiltinCatalogue, CATALOGUES, INSTRUMENTS, builtin_catalogue, builtin_file_name,
    builtin_instrument, nearest_instrument,
};

use std::borrow::Cow;

use parse::Parsed;
use sha2::{Digest, Sha256};

use super::answers::{AnswerFile, AnswerSet, Dropped, Misfit, read_answers};
use super::model::{OptionId, QuestionId, Questionnaire, Recommendations};
use super::position::JsonPath;
use super::proposals::Catalogue;
use super::score::Stamp;
use super::text::LocalText;
use super::validate::validate;
use super::validate::words::{
    ANSWERS_OF_ANOTHER, FIX_OR_REMOVE_ANSWER, PASS_MATCHING_QUESTIONNAIRE,
};

/// A questionnaire with its recommendations catalogue (empty when it has none), checked and
/// ready to score with.
#[derive(Debug, Clone)]
pub struct Instrument {
    pub questionnaire: Questionnaire,
    pub proposals: Catalogue,
    /// `sha256:` and the first 16 hex digits of the hash of the questionnaire's bytes and
    /// those of the built-in catalogue it uses (none when written out or absent).
    pub hash: String,
}

impl Instrument {
    /// The built-in questionnaire. It is validated by the test suite, so failing here is a bug
    /// in the shipped data, reported like any other data error.
    pub fn builtin() -> Result<Instrument, LoadError> {
        Self::load(BUILTIN_NAME, BUILTIN_QUESTIONNAIRE)
    }

    /// Parses and validates a questionnaire with the recommendations catalogue it declares:
    /// the built-in one it names, the one written out in it, or none.
    pub fn load(q_name: &str, q_src: &str) -> Result<Instrument, LoadError> {
        Self::build(q_name, q_src, None)
    }

    /// Parses and validates a questionnaire and a catalogue given beside it, which stands in
    /// for `recommendations` when the questionnaire declares none.
    pub fn from_sources(
        q_name: &str,
        q_src: &str,
        p_name: &str,
        p_src: &str,
    ) -> Result<Instrument, LoadError> {
        Self::build(q_name, q_src, Some((p_name, p_src)))
    }

    fn build(
        q_name: &str,
        q_src: &str,
        given: Option<(&str, &str)>,
    ) -> Result<Instrument, LoadError> {
        // With unknown fields only, the rest is checked on the file without them, so that one
        // run reports every problem.
        let (mut questionnaire, read, mut found): (Questionnaire, Cow<str>, _) =
            match parse::parse(q_name, q_src) {
                Parsed::Read(q) => (q, Cow::Borrowed(q_src), Vec::new()),
                Parsed::WithoutUnknown {
                    value,
                    text,
                    issues,
                } => (value, Cow::Owned(text), issues),
                Parsed::Failed(e) => return Err(e),
            };
        questionnaire.build_index();
        // The catalogue's own file, when it is not written out in the questionnaire.
        let file: Option<(&str, &str)> = match &questionnaire.recommendations {
            Some(Recommendations::Inline(_)) => None,
            // An unknown name is reported by validation, with the known ones.
            Some(Recommendations::Named(n)) => builtin_catalogue(n).map(|c| (c.file, c.json)),
            None => given.or_else(|| {
                ADOPTED
                    .iter()
                    .find(|(id, _)| *id == questionnaire.id)
                    .and_then(|(_, name)| builtin_catalogue(name))
                    .map(|c| (c.file, c.json))
            }),
        };
        let (p_name, p_src) = file.unwrap_or(("", ""));
        // The catalogue's text as read: without its unknown fields, if it had any.
        let mut p_read = Cow::Borrowed(p_src);
        let proposals: Catalogue = match (&questionnaire.recommendations, file) {
            (Some(Recommendations::Inline(c)), _) => (**c).clone(),
            (_, Some(_)) => match parse::parse(p_name, p_src) {
                Parsed::Read(c) => c,
                Parsed::WithoutUnknown {
                    value,
                    text,
                    issues,
                } => {
                    found.extend(issues);
                    p_read = Cow::Owned(text);
                    value
                }
                Parsed::Failed(e) => return Err(after(found, e)),
            },
            (_, None) => Catalogue::default(),
        };
        let problems = validate(&questionnaire, &proposals);
        if !problems.is_empty() || !found.is_empty() {
            let placed = place(problems, q_name, &read, p_name, &p_read);
            if found.is_empty() {
                return Err(LoadError::Invalid(placed));
            }
            // Format and other problems together, in file order (the questionnaire's first).
            found.extend(placed);
            found.sort_by_key(|i| (i.file != q_name, i.pos.line, i.pos.col));
            return Err(LoadError::Invalid(found));
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

    /// Whether this questionnaire gives recommendations at all: views leave the part out
    /// when it does not.
    pub fn recommends(&self) -> bool {
        !self.proposals.is_empty()
    }

    pub fn stamp(&self) -> Stamp {
        Stamp {
            id: self.questionnaire.id.as_str().into(),
            version: self.questionnaire.version.as_str().into(),
            hash: self.hash.as_str().into(),
        }
    }

    /// Reads an answer file. Another questionnaire id is an error; another version keeps what
    /// matches by id and reports the rest as dropped.
    pub fn load_answers(&self, file: &str, src: &str) -> Result<LoadedAnswers, LoadError> {
        let src = without_bom(src);
        let q = &self.questionnaire;
        // Most files are plainly right and read straight into typed answers; the rest take
        // the thorough path below, which explains what is wrong.
        if src.len() <= MAX_FILE_BYTES
            && let Some(d) = crate::domain::answers::fast_read::read(q, src)
            && d.questionnaire.id == q.id
            && d.questionnaire.version == q.version
        {
            return Ok(LoadedAnswers {
                version_differs: d.questionnaire.version != q.version,
                file_version: d.questionnaire.version,
                saved_at: d.saved_at,
                answers: d.answers,
                dropped: d.dropped,
            });
        }
        self.load_answers_thoroughly(file, src)
    }

    /// Reads an answer file through a JSON tree, so that every problem is located. Public so
    /// that the fuzzer can check that the fast reading never decides a file differently.
    pub fn load_answers_thoroughly(
        &self,
        file: &str,
        src: &str,
    ) -> Result<LoadedAnswers, LoadError> {
        let raw: AnswerFile = parse_json(file, src)?;
        let q = &self.questionnaire;
        let issue = |path: JsonPath, message: LocalText, hint: LocalText| {
            LoadError::Invalid(vec![
                Problem::new(false, path, message, hint).placed(file, src),
            ])
        };
        if raw.questionnaire.id != q.id {
            let (theirs, ours) = (&raw.questionnaire.id, &q.id);
            return Err(issue(
                JsonPath::root().key("questionnaire").key("id"),
                LocalText::fill(ANSWERS_OF_ANOTHER, &[theirs, ours]),
                LocalText::fill(PASS_MATCHING_QUESTIONNAIRE, &[]),
            ));
        }
        let (answers, dropped) = read_answers(q, &raw, Misfit::Refuse).map_err(|(key, msg)| {
            let mut path = JsonPath::root().key("answers").key(&key);
            // In a list of ticked options, point at the first item that is not an option id.
            if let (Some(serde_json::Value::Array(items)), Some(question)) = (
                raw.answers.get(&key),
                q.question(&QuestionId(key.as_str().into())),
            ) && let Some(i) = items.iter().position(|v| {
                v.as_str()
                    .is_none_or(|s| question.option(&OptionId(s.into())).is_none())
            }) {
                path = path.index(i);
            }
            issue(path, msg, LocalText::fill(FIX_OR_REMOVE_ANSWER, &[]))
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

/// The problems of an earlier file, then those of `e`.
fn after(earlier: Vec<Issue>, mut e: LoadError) -> LoadError {
    if let LoadError::Invalid(v) | LoadError::Unfinished(v) = &mut e {
        v.splice(0..0, earlier);
    }
    e
}

fn place(
    problems: Vec<Problem>,
    q_name: &str,
    q_src: &str,
    p_name: &str,
    p_src: &str,
) -> Vec<Issue> {
    let mut placed: Vec<(bool, Issue)> = problems
        .into_iter()
        .map(|p| {
            let (file, src) = if p.in_catalogue {
                (p_name, p_src)
            } else {
                (q_name, q_src)
            };
            (p.by_place, p.placed(file, src))
        })
        .collect();
    // Each run of problems found without knowing the file's order goes in file order.
    for run in placed.chunk_by_mut(|a, b| a.0 == b.0) {
        if run[0].0 {
            run.sort_by_key(|(_, x)| (x.file.clone(), x.pos.line, x.pos.col));
        }
    }
    placed.into_iter().map(|(_, x)| x).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_beside_the_questionnaire_gets_every_problem_too() {
        // Unknown fields in both files: each reported, the questionnaire's first, and the other
        // checks still run (a rule naming a proposal the catalogue lacks).
        let mini = include_str!("../../../tests/fixtures/questionnaires/valid/mini.json");
        let mut q: serde_json::Value = serde_json::from_str(mini).unwrap();
        q.as_object_mut().unwrap().remove("recommendations");
        q["colour"] = "red".into();
        q["rules"][0]["proposal"] = "P99".into();
        let mut p: serde_json::Value = serde_json::from_str(BUILTIN_PROPOSALS).unwrap();
        p["sauce"] = "x".into();
        let (q, p) = (
            serde_json::to_string_pretty(&q).unwrap(),
            serde_json::to_string_pretty(&p).unwrap(),
        );
        let e = Instrument::from_sources("q.json", &q, "p.json", &p).unwrap_err();
        let got: Vec<(&str, &str)> = e
            .issues()
            .iter()
            .map(|i| (i.file.as_str(), i.message.as_str()))
            .collect();
        // In file order: `colour` (keys come out sorted), the rules' problems, the catalogue.
        assert_eq!(got.len(), 4, "{e}");
        assert!(got[0].1.starts_with("unknown field `colour`"), "{e}");
        assert!(got[1].1.contains("recommend proposal `P1`"), "{e}");
        assert!(got[2].1.contains("proposal `P99`"), "{e}");
        assert_eq!(got[3].0, "p.json", "{e}");
        assert!(got[3].1.starts_with("unknown field `sauce`"), "{e}");
    }
}
