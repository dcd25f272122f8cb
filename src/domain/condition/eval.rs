//! Evaluating conditions: each one resolved once per questionnaire to question and option
//! positions ([`Conditions`]), then tested against a firm's answers by position ([`Slots`]).

mod because;

use std::sync::Arc;

use super::{Condition, Derived, in_scope};
use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::{QuestionId, Questionnaire};
use crate::domain::score::question_fraction;
use crate::domain::text::LocalText;

/// One question's answer, as the compiled conditions read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot {
    /// Not asked, or not answered.
    Empty,
    DontKnow,
    NotApplicable,
    /// Option position of a single choice, scale or yes/partly/no.
    One(u32),
    /// Bit per ticked option of a multiple choice.
    Ticked(u64),
    Number(f64),
    Text,
    /// A matrix question's rows (read from the answer itself).
    Rows,
}

/// The answers of the questions currently asked, by question position.
#[derive(Debug, Clone)]
pub struct Slots<'a> {
    pub slots: Vec<Slot>,
    pub answers: Vec<Option<&'a Answer>>,
}

fn option_bit(q: &crate::domain::model::Question, id: &crate::domain::model::OptionId) -> u64 {
    q.option_index(id)
        .filter(|i| *i < 64)
        .map_or(0, |i| 1u64 << i)
}

impl<'a> Slots<'a> {
    fn empty(n: usize) -> Slots<'a> {
        Slots {
            slots: vec![Slot::Empty; n],
            answers: vec![None; n],
        }
    }

    fn fill(&mut self, q: &Questionnaire, i: usize, a: &'a Answer) {
        let question = &q.questions[i];
        self.answers[i] = Some(a);
        self.slots[i] = match a {
            Answer::DontKnow => Slot::DontKnow,
            Answer::NotApplicable => Slot::NotApplicable,
            Answer::Choice(o) => match question.option_index(o) {
                Some(p) => Slot::One(p as u32),
                None => Slot::Empty,
            },
            Answer::Choices(os) => {
                Slot::Ticked(os.iter().fold(0, |m, o| m | option_bit(question, o)))
            }
            Answer::Number(x) => Slot::Number(*x),
            Answer::Text(_) => Slot::Text,
            Answer::Matrix(_) => Slot::Rows,
        };
    }
}

impl Slot {
    /// Whether the slot holds a real answer (see [`Answer::is_real`]).
    pub fn is_real(self) -> bool {
        !matches!(self, Slot::Empty | Slot::DontKnow | Slot::NotApplicable)
    }
}

fn within(x: f64, lo: Option<f64>, below: Option<f64>) -> bool {
    lo.is_none_or(|l| x >= l) && below.is_none_or(|h| x < h)
}

/// A condition with ids resolved to positions.
#[derive(Debug, Clone)]
enum C {
    All(Vec<C>),
    Any(Vec<C>),
    /// The questions read anywhere inside: under `not`, every one of them is a reason.
    Not(Box<C>, Vec<usize>),
    /// Never holds: an id the questionnaire lacks (validation reports it).
    Never,
    Choice {
        q: usize,
        mask: u64,
    },
    ChoiceAll {
        q: usize,
        mask: u64,
    },
    Count {
        q: usize,
        plain: u64,
        lo: Option<u32>,
        hi: Option<u32>,
    },
    Number {
        q: usize,
        lo: Option<f64>,
        below: Option<f64>,
    },
    Points {
        q: usize,
        lo: Option<f64>,
        below: Option<f64>,
    },
    /// Row `row` of matrix question `q` picked or ticked an option in `mask`.
    Cell {
        q: usize,
        row: usize,
        mask: u64,
    },
    RowPoints {
        q: usize,
        row: usize,
        lo: Option<f64>,
        below: Option<f64>,
    },
    Answered(usize),
    DontKnow(usize),
    NotApplicable(usize),
    /// A derived score, by [`Questionnaire::score_slot`].
    Score {
        slot: usize,
        lo: Option<f64>,
        below: Option<f64>,
    },
    Breadth {
        lo: Option<f64>,
        below: Option<f64>,
    },
    /// The rung reached on ladder `ladder` is within `lo..below` (rung positions).
    Rung {
        ladder: usize,
        lo: Option<usize>,
        below: Option<usize>,
    },
    /// The level reached, by [`Questionnaire::level_slot`], is one whose position is `true`.
    Level {
        slot: usize,
        any: Vec<bool>,
    },
    Finding(usize),
    Profile {
        field: String,
        any_of: Vec<String>,
    },
}

impl C {
    fn compile(q: &Questionnaire, c: &Condition) -> C {
        let at = |id| q.question_index(id);
        match c {
            Condition::All(cs) => C::All(cs.iter().map(|x| C::compile(q, x)).collect()),
            Condition::Any(cs) => C::Any(cs.iter().map(|x| C::compile(q, x)).collect()),
            Condition::Not(x) => C::Not(Box::new(C::compile(q, x)), reads(q, x)),
            Condition::Choice { question, any_of } => match at(question) {
                Some(i) => C::Choice {
                    q: i,
                    mask: any_of
                        .iter()
                        .fold(0, |m, o| m | option_bit(&q.questions[i], o)),
                },
                None => C::Never,
            },
            Condition::ChoiceAll { question, all_of } => match at(question) {
                // An option id the question lacks can never be ticked.
                Some(i) if all_of.iter().all(|o| option_bit(&q.questions[i], o) != 0) => {
                    C::ChoiceAll {
                        q: i,
                        mask: all_of
                            .iter()
                            .fold(0, |m, o| m | option_bit(&q.questions[i], o)),
                    }
                }
                _ => C::Never,
            },
            Condition::Count {
                question,
                at_least,
                at_most,
            } => match at(question) {
                Some(i) => C::Count {
                    q: i,
                    plain: q.questions[i]
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(p, o)| o.is_kind() && *p < 64)
                        .fold(0, |m, (p, _)| m | 1u64 << p),
                    lo: *at_least,
                    hi: *at_most,
                },
                None => C::Never,
            },
            Condition::Number {
                question,
                at_least,
                below,
            } => at(question).map_or(C::Never, |i| C::Number {
                q: i,
                lo: *at_least,
                below: *below,
            }),
            Condition::Points {
                question,
                at_least,
                below,
            } => at(question).map_or(C::Never, |i| C::Points {
                q: i,
                lo: *at_least,
                below: *below,
            }),
            Condition::Cell {
                question,
                row,
                any_of,
            } => {
                match at(question).and_then(|i| Some((i, q.questions[i].row_index(row.as_str())?)))
                {
                    Some((i, row)) => C::Cell {
                        q: i,
                        row,
                        mask: any_of
                            .iter()
                            .fold(0, |m, o| m | option_bit(&q.questions[i], o)),
                    },
                    None => C::Never,
                }
            }
            Condition::RowPoints {
                question,
                row,
                at_least,
                below,
            } => {
                match at(question).and_then(|i| Some((i, q.questions[i].row_index(row.as_str())?)))
                {
                    Some((i, row)) => C::RowPoints {
                        q: i,
                        row,
                        lo: *at_least,
                        below: *below,
                    },
                    None => C::Never,
                }
            }
            Condition::Answered(question) => at(question).map_or(C::Never, C::Answered),
            Condition::DontKnow(question) => at(question).map_or(C::Never, C::DontKnow),
            Condition::NotApplicable(question) => at(question).map_or(C::Never, C::NotApplicable),
            Condition::Score {
                of,
                at_least,
                below,
            } => q.score_slot(of).map_or(C::Never, |slot| C::Score {
                slot,
                lo: *at_least,
                below: *below,
            }),
            Condition::Breadth { at_least, below } => C::Breadth {
                lo: *at_least,
                below: *below,
            },
            Condition::Rung {
                ladder,
                at_least,
                below,
            } => {
                let Some(l) = q.ladders.iter().position(|l| &l.id == ladder) else {
                    return C::Never;
                };
                let at = |id: &Option<String>| match id {
                    None => Some(None),
                    // A rung the ladder lacks: the bound can never hold.
                    Some(id) => q.ladders[l]
                        .rungs
                        .iter()
                        .position(|r| &r.id == id)
                        .map(Some),
                };
                match (at(at_least), at(below)) {
                    (Some(lo), Some(below)) => C::Rung {
                        ladder: l,
                        lo,
                        below,
                    },
                    _ => C::Never,
                }
            }
            Condition::Level { area, any_of } => {
                let Some(slot) = q.level_slot(area) else {
                    return C::Never;
                };
                let levels = q.levels_of_slot(slot).unwrap_or(&[]);
                let any = (levels.iter())
                    .map(|l| any_of.iter().any(|x| l.id == *x))
                    .collect();
                C::Level { slot, any }
            }
            Condition::Finding(id) => q
                .findings
                .iter()
                .position(|f| &f.id == id)
                .map_or(C::Never, C::Finding),
            Condition::Profile { field, any_of } => C::Profile {
                field: field.clone(),
                any_of: any_of.clone(),
            },
        }
    }

    fn holds(&self, e: &Eval) -> bool {
        match self {
            C::All(cs) => cs.iter().all(|c| c.holds(e)),
            C::Any(cs) => cs.iter().any(|c| c.holds(e)),
            C::Not(c, _) => !c.holds(e),
            C::Never => false,
            C::Choice { q, mask } => match e.slots.slots[*q] {
                Slot::One(p) => p < 64 && mask & (1u64 << p) != 0,
                Slot::Ticked(t) => t & mask != 0,
                _ => false,
            },
            C::ChoiceAll { q, mask } => match e.slots.slots[*q] {
                Slot::Ticked(t) => t & mask == *mask,
                Slot::One(p) => *mask == 0 || (p < 64 && *mask == 1u64 << p),
                _ => false,
            },
            C::Count { q, plain, lo, hi } => match e.slots.slots[*q] {
                Slot::Ticked(t) => {
                    let n = (t & plain).count_ones();
                    lo.is_none_or(|l| n >= l) && hi.is_none_or(|h| n <= h)
                }
                _ => false,
            },
            C::Number { q, lo, below } => match e.slots.slots[*q] {
                Slot::Number(x) => within(x, *lo, *below),
                _ => false,
            },
            C::Points { q, lo, below } => e.slots.answers[*q]
                .and_then(|a| question_fraction(&e.questionnaire.questions[*q], a))
                .is_some_and(|s| within(s, *lo, *below)),
            C::Cell { q, row, mask } => row_options(e, *q, *row).is_some_and(|(question, os)| {
                os.iter().any(|o| option_bit(question, o) & mask != 0)
            }),
            C::RowPoints { q, row, lo, below } => {
                row_options(e, *q, *row).is_some_and(|(question, os)| {
                    let top = question.row_top();
                    let got = os
                        .iter()
                        .filter_map(|o| question.option(o))
                        .map(|o| o.points.unwrap_or(0.0).max(0.0))
                        .fold(0.0, f64::max);
                    top > 0.0 && within(got / top, *lo, *below)
                })
            }
            C::Answered(q) => e.slots.slots[*q].is_real(),
            C::DontKnow(q) => e.slots.slots[*q] == Slot::DontKnow,
            C::NotApplicable(q) => e.slots.slots[*q] == Slot::NotApplicable,
            C::Score { slot, lo, below } => e
                .derived
                .and_then(|d| d.scores.get(*slot).copied().flatten())
                .is_some_and(|s| within(s, *lo, *below)),
            C::Breadth { lo, below } => e
                .derived
                .and_then(|d| d.breadth)
                .is_some_and(|b| within(b, *lo, *below)),
            C::Rung { ladder, lo, below } => e
                .derived
                .and_then(|d| d.rungs.get(*ladder).copied().flatten())
                .is_some_and(|r| lo.is_none_or(|l| r >= l) && below.is_none_or(|b| r < b)),
            C::Level { slot, any } => e
                .derived
                .and_then(|d| d.levels.get(*slot).copied().flatten())
                .is_some_and(|i| any.get(i).copied().unwrap_or(false)),
            C::Finding(i) => e
                .derived
                .is_some_and(|d| d.findings.get(*i).copied().unwrap_or(false)),
            C::Profile { field, any_of } => e
                .answers
                .profile
                .get(field)
                .is_some_and(|v| any_of.iter().any(|x| x == v)),
        }
    }
}

/// What row `row` of matrix question `q` picked or ticked, if the question is asked and the row
/// answered (a tick row not listed has ticked nothing).
fn row_options<'e>(
    e: &'e Eval,
    q: usize,
    row: usize,
) -> Option<(
    &'e crate::domain::model::Question,
    &'e [crate::domain::model::OptionId],
)> {
    let question = e.questionnaire.questions.get(q)?;
    let Some(Answer::Matrix(m)) = e.slots.answers.get(q).copied().flatten() else {
        return None;
    };
    let id = question.rows.get(row)?.id.as_str();
    match m.row(id) {
        Some(os) => Some((question, os)),
        None if question.ticks => Some((question, &[])),
        None => None,
    }
}

/// What conditions are evaluated against.
pub struct Eval<'e, 'a> {
    pub questionnaire: &'e Questionnaire,
    pub answers: &'e AnswerSet,
    pub slots: &'e Slots<'a>,
    pub visible: &'e [bool],
    pub derived: Option<&'e Derived>,
}

/// One requirement of a rung, resolved: its condition, the questions it reads by position
/// (the reasons when it fails), and what a score card shows when it is unmet: its text and
/// those questions' ids, once each, in questionnaire order.
#[derive(Debug, Clone)]
struct Requirement {
    when: C,
    reads: Vec<usize>,
    text: Arc<LocalText>,
    questions: Vec<QuestionId>,
}

impl Requirement {
    /// Every asked question the requirement reads was answered "not applicable".
    fn not_applicable(&self, e: &Eval) -> bool {
        let mut asked = self
            .reads
            .iter()
            .filter(|i| e.visible.get(**i).copied().unwrap_or(false))
            .peekable();
        asked.peek().is_some() && asked.all(|i| e.slots.slots[*i] == Slot::NotApplicable)
    }

    fn compile(q: &Questionnaire, req: &crate::domain::model::Requirement) -> Requirement {
        let reads = reads(q, &req.when);
        let mut positions = reads.clone();
        positions.sort_unstable();
        positions.dedup();
        Requirement {
            when: C::compile(q, &req.when),
            questions: positions
                .iter()
                .map(|i| q.questions[*i].id.clone())
                .collect(),
            reads,
            text: Arc::new(req.text.clone()),
        }
    }
}

/// Every condition of a questionnaire, resolved to positions once (when it is loaded).
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    visible_if: Vec<Option<C>>,
    /// By ladder, then rung: the requirements.
    rungs: Vec<Vec<Vec<Requirement>>>,
    findings: Vec<C>,
    rules: Vec<C>,
    /// By rule: who the rule is for. Tested with `rules`, but never a reason.
    eligible: Vec<Option<C>>,
    /// By score slot: the questions that count towards that score.
    scope: Vec<Vec<usize>>,
    /// The breadth questions, by position.
    breadth: Vec<usize>,
    dimensions: usize,
}

/// The positions of the questions a condition reads, at any depth.
fn reads(q: &Questionnaire, c: &Condition) -> Vec<usize> {
    let mut out = Vec::new();
    c.each_question(&mut |id| out.extend(q.question_index(id)));
    out
}

impl Conditions {
    pub fn new(q: &Questionnaire) -> Conditions {
        Conditions {
            visible_if: q
                .questions
                .iter()
                .map(|x| x.visible_if.as_ref().map(|c| C::compile(q, c)))
                .collect(),
            rungs: q
                .ladders
                .iter()
                .map(|l| {
                    l.rungs
                        .iter()
                        .map(|r| {
                            r.requires
                                .iter()
                                .map(|req| Requirement::compile(q, req))
                                .collect()
                        })
                        .collect()
                })
                .collect(),
            findings: q.findings.iter().map(|f| C::compile(q, &f.when)).collect(),
            rules: q.rules.iter().map(|r| C::compile(q, &r.when)).collect(),
            eligible: q
                .rules
                .iter()
                .map(|r| r.eligible_if.as_ref().map(|c| C::compile(q, c)))
                .collect(),
            scope: q
                .dimensions()
                .map(|(_, d)| d.id.as_str())
                .chain(q.areas.iter().map(|a| a.id.as_str()))
                .chain(std::iter::once("overall"))
                .map(|of| {
                    (0..q.questions.len())
                        .filter(|i| in_scope(q, of, &q.questions[*i]))
                        .collect()
                })
                .collect(),
            breadth: q.breadth.as_ref().map_or_else(Vec::new, |b| {
                b.questions
                    .iter()
                    .filter_map(|id| q.question_index(id))
                    .collect()
            }),
            dimensions: q.dimensions().count(),
        }
    }

    /// The breadth questions, by position.
    pub fn breadth_questions(&self) -> &[usize] {
        &self.breadth
    }

    /// The text of requirement `k` of rung `r` on ladder `l`, and the questions it reads.
    pub fn requirement(
        &self,
        l: usize,
        r: usize,
        k: usize,
    ) -> Option<(&Arc<LocalText>, &[QuestionId])> {
        self.rungs
            .get(l)?
            .get(r)?
            .get(k)
            .map(|req| (&req.text, req.questions.as_slice()))
    }

    /// Which questions are asked (skip logic, in order), and their answers by position.
    pub fn visibility<'a>(
        &self,
        q: &Questionnaire,
        answers: &'a AnswerSet,
    ) -> (Vec<bool>, Slots<'a>) {
        let n = q.questions.len();
        let mut slots = Slots::empty(n);
        let mut visible = vec![false; n];
        let mut given: Vec<Option<&'a Answer>> = vec![None; n];
        for (id, a) in answers.iter() {
            if let Some(i) = q.question_index(id) {
                given[i] = Some(a);
            }
        }
        for i in 0..n {
            let shown = match self.visible_if.get(i).and_then(Option::as_ref) {
                None => true,
                Some(c) => c.holds(&Eval {
                    questionnaire: q,
                    answers,
                    slots: &slots,
                    visible: &visible,
                    derived: None,
                }),
            };
            visible[i] = shown;
            if shown && let Some(a) = given[i] {
                slots.fill(q, i, a);
            }
        }
        (visible, slots)
    }

    /// Whether each requirement of each rung of ladder `l` holds. A requirement whose asked
    /// questions were all answered "not applicable" holds: it does not apply to the firm, which
    /// climbs through what does.
    pub fn rung_requirements(&self, l: usize, e: &Eval) -> Vec<Vec<bool>> {
        self.rungs
            .get(l)
            .map(|rs| {
                rs.iter()
                    .map(|reqs| {
                        reqs.iter()
                            .map(|r| r.when.holds(e) || r.not_applicable(e))
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether requirement `k` of rung `r` on ladder `l` waits on an answer: a question it reads
    /// is asked but unanswered or "don't know", so "not met" is not yet a fact.
    pub fn requirement_pending(&self, l: usize, r: usize, k: usize, e: &Eval) -> bool {
        self.rungs
            .get(l)
            .and_then(|rs| rs.get(r))
            .and_then(|reqs| reqs.get(k))
            .is_some_and(|req| {
                req.reads.iter().any(|i| {
                    e.visible.get(*i).copied().unwrap_or(false)
                        && matches!(e.slots.slots[*i], Slot::Empty | Slot::DontKnow)
                })
            })
    }

    pub fn finding_holds(&self, i: usize, e: &Eval) -> bool {
        self.findings.get(i).is_some_and(|c| c.holds(e))
    }

    /// Whether rule `i` fires: the firm is eligible for it and its condition holds.
    pub fn rule_holds(&self, i: usize, e: &Eval) -> bool {
        let eligible = self
            .eligible
            .get(i)
            .and_then(Option::as_ref)
            .is_none_or(|c| c.holds(e));
        eligible && self.rules.get(i).is_some_and(|c| c.holds(e))
    }
}

#[cfg(test)]
mod matrix_tests;
#[cfg(test)]
mod tests;
