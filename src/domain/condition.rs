//! Conditions on answers, profile, scores, rungs and findings: skip logic, ladders, findings
//! and rules. [`Condition`] is what a questionnaire file says; [`Conditions`] is every condition
//! of a questionnaire resolved to positions once, and is the one place a condition is evaluated
//! (whether it holds, and which answers made it hold).

mod eval;

pub use eval::{Conditions, Eval, Slot, Slots};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{OptionId, QuestionId, Questionnaire, RowId};

/// A condition. A condition on a question that is hidden or unanswered is false, so is one on
/// a "don't know" or "not applicable" answer (except `dont_know` and `not_applicable`); `not`
/// inverts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// Single choice: the answer is one of `any_of`. Multiple choice: one of them is ticked.
    Choice {
        question: QuestionId,
        any_of: Vec<OptionId>,
    },
    /// Multiple choice: every option in `all_of` is ticked.
    ChoiceAll {
        question: QuestionId,
        all_of: Vec<OptionId>,
    },
    /// Multiple choice: the number of ticked non-exclusive options is within the bounds.
    Count {
        question: QuestionId,
        #[serde(default)]
        at_least: Option<u32>,
        #[serde(default)]
        at_most: Option<u32>,
    },
    /// Number question: `at_least <= value < below`.
    Number {
        question: QuestionId,
        #[serde(default)]
        at_least: Option<f64>,
        #[serde(default)]
        below: Option<f64>,
    },
    /// The question's points as a share of its maximum (0–1): `at_least <= share < below`.
    Points {
        question: QuestionId,
        #[serde(default)]
        at_least: Option<f64>,
        #[serde(default)]
        below: Option<f64>,
    },
    /// Matrix question: row `row` picked one of `any_of` (a tick row: ticked one of them).
    Cell {
        question: QuestionId,
        row: RowId,
        any_of: Vec<OptionId>,
    },
    /// Matrix question: row `row`'s points as a share of the most a row can earn (0–1):
    /// `at_least <= share < below`. False while the row is not answered.
    RowPoints {
        question: QuestionId,
        row: RowId,
        #[serde(default)]
        at_least: Option<f64>,
        #[serde(default)]
        below: Option<f64>,
    },
    /// The question has a real answer: not "don't know", not "not applicable". Guard a `not`
    /// with it, so that a rule fires on what the firm said rather than on a gap in it.
    Answered(QuestionId),
    /// The question was answered "don't know".
    DontKnow(QuestionId),
    /// The question was answered "not applicable".
    NotApplicable(QuestionId),
    /// A profile field's value is one of `any_of`.
    Profile { field: String, any_of: Vec<String> },
    /// A dimension, area or `overall` score (0–100): `at_least <= score < below`. Rules and findings only.
    Score {
        of: String,
        #[serde(default)]
        at_least: Option<f64>,
        #[serde(default)]
        below: Option<f64>,
    },
    /// The breadth score (0–100): `at_least <= breadth < below`. Rules and findings only.
    Breadth {
        #[serde(default)]
        at_least: Option<f64>,
        #[serde(default)]
        below: Option<f64>,
    },
    /// The rung reached on a ladder is at or above `at_least` and below `below`. Rules and findings only.
    Rung {
        ladder: String,
        #[serde(default)]
        at_least: Option<String>,
        #[serde(default)]
        below: Option<String>,
    },
    /// An area's (or `overall`) level is one of `any_of`. Rules and findings only.
    Level { area: String, any_of: Vec<String> },
    /// A finding applies. Rules only.
    Finding(String),
}

/// Results derived from answers, which rules and findings may test, kept by position in the
/// questionnaire so that building and reading them copies no ids.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// By [`Questionnaire::score_slot`]: every dimension, every area, then overall; `None` when
    /// there is no data.
    pub scores: Vec<Option<f64>>,
    pub breadth: Option<f64>,
    /// The rung reached, by ladder position.
    pub rungs: Vec<Option<usize>>,
    /// By [`Questionnaire::level_slot`]: the position of the level reached in its list.
    pub levels: Vec<Option<usize>>,
    /// Which findings apply, by position.
    pub findings: Vec<bool>,
}

impl Condition {
    /// Every condition in this tree, this one first.
    pub fn walk<'c>(&'c self, out: &mut Vec<&'c Condition>) {
        out.push(self);
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.walk(out)),
            Condition::Not(c) => c.walk(out),
            _ => {}
        }
    }

    /// The question this leaf reads directly, if any.
    pub fn question(&self) -> Option<&QuestionId> {
        match self {
            Condition::Choice { question, .. }
            | Condition::ChoiceAll { question, .. }
            | Condition::Count { question, .. }
            | Condition::Number { question, .. }
            | Condition::Points { question, .. }
            | Condition::Cell { question, .. }
            | Condition::RowPoints { question, .. }
            | Condition::Answered(question)
            | Condition::DontKnow(question)
            | Condition::NotApplicable(question) => Some(question),
            _ => None,
        }
    }

    /// Calls `each` with every question this condition reads directly, at any depth.
    pub fn each_question<'c>(&'c self, each: &mut impl FnMut(&'c QuestionId)) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.each_question(each))
            }
            Condition::Not(c) => c.each_question(each),
            leaf => {
                if let Some(q) = leaf.question() {
                    each(q);
                }
            }
        }
    }
}

/// A set of questions by position: the reasons of a recommendation, read back in
/// questionnaire order.
pub type QuestionSet = std::collections::BTreeSet<usize>;

/// Whether a question counts towards the score of `of` (a dimension, an area or `overall`).
pub(crate) fn in_scope(q: &Questionnaire, of: &str, question: &super::model::Question) -> bool {
    let dim = question.dimension.as_str();
    question.is_scored()
        && (of == "overall"
            || dim == of
            || q.dimensions()
                .any(|(a, d)| d.id.as_str() == dim && a.id.as_str() == of))
}
