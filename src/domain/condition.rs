//! Conditions on answers, profile, scores, rungs and findings: skip logic, ladders and rules.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::answers::{Answer, AnswerSet};
use super::model::{OptionId, QuestionId, Questionnaire};
use super::score::question_fraction;

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
    /// Which questions were asked (skip logic), in questionnaire order.
    pub visible: Vec<bool>,
}

impl Derived {
    pub fn score(&self, q: &Questionnaire, of: &str) -> Option<f64> {
        self.scores.get(q.score_slot(of)?).copied().flatten()
    }

    /// The id of the level reached on an area (or `overall`).
    pub fn level<'q>(&self, q: &'q Questionnaire, area: &str) -> Option<&'q str> {
        let slot = q.level_slot(area)?;
        let i = self.levels.get(slot).copied().flatten()?;
        q.levels_of_slot(slot)?.get(i).map(|l| l.id.as_str())
    }

    pub fn rung(&self, q: &Questionnaire, ladder: &str) -> Option<usize> {
        let i = q.ladders.iter().position(|l| l.id == ladder)?;
        self.rungs.get(i).copied().flatten()
    }

    pub fn finding(&self, q: &Questionnaire, id: &str) -> bool {
        q.findings
            .iter()
            .position(|f| f.id == id)
            .is_some_and(|i| self.findings.get(i).copied().unwrap_or(false))
    }
}

/// What a condition is evaluated against: the answers of visible questions only — either
/// because `answers` holds nothing else, or because `mask` says which questions are asked.
pub struct Facts<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a AnswerSet,
    pub derived: Option<&'a Derived>,
    /// Visibility by question position; positions beyond it count as not asked.
    pub mask: Option<&'a [bool]>,
    /// The answers of asked questions by position, when scoring has them at hand: saves a
    /// search of the answer set per lookup.
    pub asked: Option<&'a [Option<&'a Answer>]>,
}

impl Facts<'_> {
    /// The answer to a question, if it is asked and answered.
    pub fn answer(&self, id: &QuestionId) -> Option<&Answer> {
        if let Some(asked) = self.asked {
            return asked
                .get(self.questionnaire.question_index(id)?)
                .copied()
                .flatten();
        }
        let a = self.answers.get(id)?;
        match self.mask {
            None => Some(a),
            Some(m) => {
                let i = self.questionnaire.question_index(id)?;
                m.get(i).copied().unwrap_or(false).then_some(a)
            }
        }
    }
}

fn within(x: f64, at_least: Option<f64>, below: Option<f64>) -> bool {
    at_least.is_none_or(|lo| x >= lo) && below.is_none_or(|hi| x < hi)
}

impl Condition {
    pub fn holds(&self, f: &Facts) -> bool {
        match self {
            Condition::All(cs) => cs.iter().all(|c| c.holds(f)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(f)),
            Condition::Not(c) => !c.holds(f),
            Condition::Choice { question, any_of } => match f.answer(question) {
                Some(Answer::Choice(o)) => any_of.contains(o),
                Some(Answer::Choices(os)) => os.iter().any(|o| any_of.contains(o)),
                _ => false,
            },
            Condition::ChoiceAll { question, all_of } => match f.answer(question) {
                Some(Answer::Choices(os)) => all_of.iter().all(|o| os.contains(o)),
                Some(Answer::Choice(o)) => all_of.iter().all(|x| x == o),
                _ => false,
            },
            Condition::Count {
                question,
                at_least,
                at_most,
            } => match f.answer(question) {
                Some(Answer::Choices(os)) => {
                    let q = f.questionnaire.question(question);
                    let n = os
                        .iter()
                        .filter(|o| q.and_then(|q| q.option(o)).is_some_and(|opt| opt.is_kind()))
                        .count() as u32;
                    at_least.is_none_or(|lo| n >= lo) && at_most.is_none_or(|hi| n <= hi)
                }
                _ => false,
            },
            Condition::Number {
                question,
                at_least,
                below,
            } => match f.answer(question) {
                Some(Answer::Number(x)) => within(*x, *at_least, *below),
                _ => false,
            },
            Condition::Points {
                question,
                at_least,
                below,
            } => {
                let share = f
                    .questionnaire
                    .question(question)
                    .zip(f.answer(question))
                    .and_then(|(q, a)| question_fraction(q, a));
                share.is_some_and(|s| within(s, *at_least, *below))
            }
            Condition::Answered(question) => f.answer(question).is_some_and(Answer::is_real),
            Condition::DontKnow(question) => {
                matches!(f.answer(question), Some(Answer::DontKnow))
            }
            Condition::NotApplicable(question) => {
                matches!(f.answer(question), Some(Answer::NotApplicable))
            }
            Condition::Profile { field, any_of } => f
                .answers
                .profile
                .get(field)
                .is_some_and(|v| any_of.iter().any(|x| x == v)),
            Condition::Score {
                of,
                at_least,
                below,
            } => f
                .derived
                .and_then(|d| d.score(f.questionnaire, of))
                .is_some_and(|s| within(s, *at_least, *below)),
            Condition::Breadth { at_least, below } => f
                .derived
                .and_then(|d| d.breadth)
                .is_some_and(|b| within(b, *at_least, *below)),
            Condition::Rung {
                ladder,
                at_least,
                below,
            } => {
                let Some(reached) = f.derived.and_then(|d| d.rung(f.questionnaire, ladder)) else {
                    return false;
                };
                let index = |id: &str| {
                    f.questionnaire
                        .ladders
                        .iter()
                        .find(|l| &l.id == ladder)
                        .and_then(|l| l.rungs.iter().position(|r| r.id == id))
                };
                let lo_ok = match at_least {
                    None => true,
                    Some(id) => index(id).is_some_and(|i| reached >= i),
                };
                let hi_ok = match below {
                    None => true,
                    Some(id) => index(id).is_some_and(|i| reached < i),
                };
                lo_ok && hi_ok
            }
            Condition::Level { area, any_of } => f
                .derived
                .and_then(|d| d.level(f.questionnaire, area))
                .is_some_and(|l| any_of.iter().any(|x| x == l)),
            Condition::Finding(id) => f.derived.is_some_and(|d| d.finding(f.questionnaire, id)),
        }
    }

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
            | Condition::Answered(question)
            | Condition::DontKnow(question)
            | Condition::NotApplicable(question) => Some(question),
            _ => None,
        }
    }

    /// Whether the condition reads only answers and profile (allowed in skip logic and ladders).
    pub fn reads_only_answers(&self) -> bool {
        let mut all = Vec::new();
        self.walk(&mut all);
        all.iter().all(|c| {
            !matches!(
                c,
                Condition::Score { .. }
                    | Condition::Breadth { .. }
                    | Condition::Rung { .. }
                    | Condition::Level { .. }
                    | Condition::Finding(_)
            )
        })
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

    /// The questions whose answers made this (holding) condition hold: for `any`, only the
    /// branches that hold; under `not`, every question read; for scores, rungs and findings,
    /// the questions behind them that fell short.
    pub fn because(&self, f: &Facts, out: &mut QuestionSet) {
        let q = f.questionnaire;
        match self {
            Condition::All(cs) => cs.iter().for_each(|c| c.because(f, out)),
            Condition::Any(cs) => cs
                .iter()
                .filter(|c| c.holds(f))
                .for_each(|c| c.because(f, out)),
            // Under `not`, the questions read are the reasons, but only those with a real
            // answer: a question never asked or not answered is no reason for anything.
            Condition::Not(c) => c.each_question(&mut |id| {
                if f.answer(id).is_some_and(Answer::is_real) {
                    out.insert(q, id)
                }
            }),
            Condition::Score { of, .. } => shortfall(f, of, out),
            Condition::Level { area, .. } => shortfall(f, area, out),
            Condition::Breadth { .. } => {
                if let Some(b) = &q.breadth {
                    for id in b.questions.iter().filter(|id| f.answer(id).is_some()) {
                        out.insert(q, id);
                    }
                }
            }
            Condition::Rung { ladder, .. } => {
                let Some(l) = q.ladders.iter().find(|l| &l.id == ladder) else {
                    return;
                };
                let reached = f.derived.and_then(|d| d.rung(q, ladder)).unwrap_or(0);
                if let Some(next) = l.rungs.get(reached + 1) {
                    for req in next.requires.iter().filter(|r| !r.when.holds(f)) {
                        req.when.each_question(&mut |id| {
                            if f.answer(id).is_some_and(Answer::is_real) {
                                out.insert(q, id)
                            }
                        });
                    }
                }
            }
            Condition::Finding(id) => {
                if let Some(fd) = q.findings.iter().find(|x| &x.id == id) {
                    fd.when.because(f, out);
                }
            }
            Condition::Profile { .. } => {}
            leaf => {
                if let Some(id) = leaf.question() {
                    out.insert(q, id);
                }
            }
        }
    }
}

/// A set of questions kept by position: collecting the reasons of a recommendation copies no
/// ids, and reading them back gives questionnaire order. Bits in place for as many questions
/// as a questionnaire may have; positions beyond (an unchecked questionnaire) are kept apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionSet {
    bits: [u64; WORDS],
    beyond: Vec<usize>,
}

const WORDS: usize = super::validate::MAX_QUESTIONS.div_ceil(64);

impl QuestionSet {
    /// Adds a question by id; an id the questionnaire lacks is ignored.
    pub fn insert(&mut self, q: &Questionnaire, id: &QuestionId) {
        if let Some(i) = q.question_index(id) {
            self.insert_at(i);
        }
    }

    pub fn insert_at(&mut self, i: usize) {
        match self.bits.get_mut(i / 64) {
            Some(w) => *w |= 1 << (i % 64),
            None => {
                if let Err(at) = self.beyond.binary_search(&i) {
                    self.beyond.insert(at, i);
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|w| *w == 0) && self.beyond.is_empty()
    }

    pub fn extend(&mut self, other: &QuestionSet) {
        for (w, o) in self.bits.iter_mut().zip(other.bits) {
            *w |= o;
        }
        for i in &other.beyond {
            self.insert_at(*i);
        }
    }

    fn contains(&self, i: usize) -> bool {
        match self.bits.get(i / 64) {
            Some(w) => w & (1 << (i % 64)) != 0,
            None => self.beyond.binary_search(&i).is_ok(),
        }
    }

    /// The ids in questionnaire order.
    pub fn ids<'q>(
        &self,
        q: &'q Questionnaire,
    ) -> impl Iterator<Item = &'q QuestionId> + use<'q, '_> {
        q.questions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.contains(*i))
            .map(|(_, question)| &question.id)
    }
}

/// Whether a question counts towards the score of `of` (a dimension, an area or `overall`).
pub(crate) fn in_scope(q: &Questionnaire, of: &str, question: &super::model::Question) -> bool {
    let dim = question.dimension.as_str();
    question.is_scored()
        && (of == "overall"
            || dim == of
            || q.dimensions()
                .any(|(a, d)| d.id.as_str() == dim && a.id.as_str() == of))
}

/// Questions of a dimension or area (or all, for `overall`) answered below full points: what
/// pulled the score down. Unanswered, "don't know" and "not applicable" questions pull nothing
/// down (they leave the score), so they are never reasons.
fn shortfall(f: &Facts, of: &str, out: &mut QuestionSet) {
    let q = f.questionnaire;
    for (i, question) in q
        .questions
        .iter()
        .enumerate()
        .filter(|(_, x)| in_scope(q, of, x))
    {
        let short = f
            .answer(&question.id)
            .and_then(|a| question_fraction(question, a))
            .is_some_and(|s| s < 1.0);
        if short {
            out.insert_at(i);
        }
    }
}

#[cfg(test)]
mod question_set_tests {
    use super::*;

    #[test]
    fn positions_in_place_and_beyond_read_back_in_order() {
        let mut a = QuestionSet::default();
        for i in [700, 3, 64, 511, 512, 3, 600] {
            a.insert_at(i);
        }
        let mut b = QuestionSet::default();
        b.insert_at(0);
        b.insert_at(600);
        b.extend(&a);
        let got: Vec<usize> = (0..800).filter(|i| b.contains(*i)).collect();
        assert_eq!(got, [0, 3, 64, 511, 512, 600, 700]);
    }
}
