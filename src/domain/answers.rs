//! A firm's answers: the answer file on disk and the typed answer set scoring reads.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{OptionId, Question, QuestionId, QuestionKind, Questionnaire};

pub mod direct;

/// The value written for an explicit "don't know".
pub const DONT_KNOW: &str = "dont_know";

/// One answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A single choice, scale step or yes/partly/no.
    Choice(OptionId),
    /// The ticked options of a multiple choice (possibly none).
    Choices(Vec<OptionId>),
    Number(f64),
    Text(String),
    /// An explicit "don't know": counted apart, never as unanswered.
    DontKnow,
}

impl Answer {
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Answer::Choice(o) => serde_json::Value::String(o.0.to_string()),
            Answer::Choices(os) => {
                serde_json::Value::Array(os.iter().map(|o| o.as_str().into()).collect())
            }
            Answer::Number(n) => serde_json::Number::from_f64(*n)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Answer::Text(t) => serde_json::Value::String(t.clone()),
            Answer::DontKnow => serde_json::Value::String(DONT_KNOW.to_string()),
        }
    }

    /// Reads a JSON value as an answer to `question`, or says what is wrong with it.
    /// `Ok(None)` is an unanswered question (`null`).
    pub fn from_json(
        question: &Question,
        value: &serde_json::Value,
    ) -> Result<Option<Answer>, String> {
        use serde_json::Value;
        if value.is_null() {
            return Ok(None);
        }
        if value.as_str() == Some(DONT_KNOW) && question.kind != QuestionKind::Text {
            if question.dont_know {
                return Ok(Some(Answer::DontKnow));
            }
            return Err(format!(
                "question `{}` does not offer \"don't know\"",
                question.id
            ));
        }
        let known = |id: &str| -> Result<OptionId, String> {
            let id = OptionId(id.into());
            if question.option(&id).is_some() {
                Ok(id)
            } else {
                Err(format!(
                    "`{}` is not an option of question `{}` (options: {})",
                    id,
                    question.id,
                    option_list(question)
                ))
            }
        };
        match (question.kind, value) {
            (
                QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo,
                Value::String(s),
            ) => known(s).map(|o| Some(Answer::Choice(o))),
            (QuestionKind::Multi, Value::Array(items)) => {
                let mut ids = Vec::with_capacity(items.len());
                for item in items {
                    let Some(s) = item.as_str() else {
                        return Err(format!(
                            "question `{}` takes a list of option ids; found {item}",
                            question.id
                        ));
                    };
                    let id = known(s)?;
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                Ok(Some(Answer::Choices(ids)))
            }
            (QuestionKind::Number, Value::Number(n)) => {
                let Some(x) = n.as_f64() else {
                    return Err(format!(
                        "question `{}`: {n} is not a usable number",
                        question.id
                    ));
                };
                check_number(question, x).map(|()| Some(Answer::Number(x)))
            }
            (QuestionKind::Text, Value::String(s)) => Ok(Some(Answer::Text(s.clone()))),
            (kind, other) => Err(format!(
                "question `{}` ({}) cannot take {}; expected {}",
                question.id,
                kind_name(kind),
                describe_json(other),
                expected_value(kind)
            )),
        }
    }
}

/// Checks a number against the question's accepted range.
pub fn check_number(question: &Question, x: f64) -> Result<(), String> {
    if !x.is_finite() {
        return Err(format!(
            "question `{}`: the number must be finite",
            question.id
        ));
    }
    if let Some(min) = question.min
        && x < min
    {
        return Err(format!(
            "question `{}`: {x} is below the minimum {min}",
            question.id
        ));
    }
    if let Some(max) = question.max
        && x > max
    {
        return Err(format!(
            "question `{}`: {x} is above the maximum {max}",
            question.id
        ));
    }
    Ok(())
}

fn option_list(q: &Question) -> String {
    q.options
        .iter()
        .map(|o| o.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "single choice",
        QuestionKind::Multi => "multiple choice",
        QuestionKind::Scale => "scale",
        QuestionKind::YesPartlyNo => "yes/partly/no",
        QuestionKind::Number => "number",
        QuestionKind::Text => "free text",
    }
}

fn expected_value(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => {
            "an option id as a string"
        }
        QuestionKind::Multi => "an array of option ids",
        QuestionKind::Number => "a number",
        QuestionKind::Text => "a string",
    }
}

fn describe_json(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Which questionnaire an answer file belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

/// The answer file as stored on disk. Answers stay raw JSON here so that a file from another
/// questionnaire version can still be read and matched by id.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct AnswerFile {
    pub questionnaire: QuestionnaireRef,
    #[serde(default)]
    pub profile: BTreeMap<String, String>,
    #[serde(default)]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// When the file was last saved (UTC, RFC 3339); informational only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<String>,
}

/// The typed answers of one firm, keyed by question id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerSet {
    pub profile: BTreeMap<String, String>,
    answers: BTreeMap<QuestionId, Answer>,
}

impl AnswerSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: &QuestionId) -> Option<&Answer> {
        self.answers.get(id)
    }

    pub fn set(&mut self, id: QuestionId, answer: Answer) {
        self.answers.insert(id, answer);
    }

    pub fn clear(&mut self, id: &QuestionId) {
        self.answers.remove(id);
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &Answer)> {
        self.answers.iter()
    }

    /// The answers whose question passes `keep`, with the same profile.
    pub fn filtered(&self, keep: impl Fn(&QuestionId) -> bool) -> AnswerSet {
        AnswerSet {
            profile: self.profile.clone(),
            // Built from sorted keys in one pass, not by repeated insertion.
            answers: self
                .answers
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The answer file for these answers, in a stable key order.
    pub fn to_file(&self, q: &Questionnaire, saved_at: Option<String>) -> AnswerFile {
        AnswerFile {
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version.clone(),
            },
            profile: self.profile.clone(),
            answers: self
                .answers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_json()))
                .collect(),
            saved_at,
        }
    }
}

/// One answer the loader could not keep, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The question id as written in the file.
    pub question: String,
    pub reason: String,
}

/// An answer to a question the questionnaire does not have.
fn dropped(q: &Questionnaire, question: String) -> Dropped {
    Dropped {
        question,
        reason: format!("questionnaire {} {} has no such question", q.id, q.version),
    }
}

/// Reads an answer file's answers against a questionnaire. Unknown question ids are dropped and
/// reported (an older or newer questionnaire version); a value that does not fit its question
/// is an error with the question id, so that nothing the user typed is silently lost.
pub fn typed_answers(
    q: &Questionnaire,
    file: &AnswerFile,
) -> Result<(AnswerSet, Vec<Dropped>), (String, String)> {
    // The file's keys come sorted, so the map is built in one pass at the end.
    let mut pairs = Vec::with_capacity(file.answers.len());
    let mut dropped = Vec::new();
    for (key, value) in &file.answers {
        let id = QuestionId(key.as_str().into());
        let Some(question) = q.question(&id) else {
            dropped.push(self::dropped(q, key.clone()));
            continue;
        };
        match Answer::from_json(question, value) {
            Ok(Some(a)) => pairs.push((id, a)),
            Ok(None) => {}
            Err(msg) => return Err((key.clone(), msg)),
        }
    }
    let set = AnswerSet {
        profile: file.profile.clone(),
        answers: pairs.into_iter().collect::<BTreeMap<_, _>>(),
    };
    Ok((set, dropped))
}
