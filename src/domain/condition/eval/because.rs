//! The reasons of a recommendation: which questions made a rule hold, by position. For
//! `any`, only the branches that hold; under `not`, every question read that has a real
//! answer; for scores and levels, the questions behind them answered below full points; for
//! rungs, the answered questions of the next rung's unmet requirements; for findings, the
//! finding's own reasons. A question not asked, not answered, "don't know" or "not applicable"
//! is never a reason, and profile fields are not questions.

use super::{C, Conditions, Eval};
use crate::domain::condition::QuestionSet;
use crate::domain::score::question_fraction;

impl Conditions {
    /// The questions whose answers made rule `i` hold.
    pub fn rule_because(&self, i: usize, e: &Eval, out: &mut QuestionSet) {
        if let Some(c) = self.rules.get(i) {
            self.because(c, e, out);
        }
    }

    pub(super) fn because(&self, c: &C, e: &Eval, out: &mut QuestionSet) {
        match c {
            C::All(cs) => cs.iter().for_each(|c| self.because(c, e, out)),
            C::Any(cs) => cs
                .iter()
                .filter(|c| c.holds(e))
                .for_each(|c| self.because(c, e, out)),
            // Only questions with a real answer are reasons.
            C::Not(_, reads) => out.extend(reads.iter().filter(|i| e.slots.slots[**i].is_real())),
            C::Choice { q, .. }
            | C::ChoiceAll { q, .. }
            | C::Count { q, .. }
            | C::Number { q, .. }
            | C::Points { q, .. }
            | C::Cell { q, .. }
            | C::RowPoints { q, .. }
            | C::Answered(q)
            | C::DontKnow(q)
            | C::NotApplicable(q) => {
                out.insert(*q);
            }
            // Never holds, so it is never a reason.
            C::Never => {}
            C::Score { slot, .. } => self.shortfall(*slot, e, out),
            C::Level { slot, .. } => self.shortfall(self.dimensions + slot, e, out),
            C::Breadth { .. } => {
                out.extend(
                    self.breadth
                        .iter()
                        .filter(|i| e.slots.answers[**i].is_some()),
                );
            }
            C::Rung { ladder, .. } => {
                let reached = e
                    .derived
                    .and_then(|d| d.rungs.get(*ladder).copied().flatten())
                    .unwrap_or(0);
                let Some(reqs) = self.rungs.get(*ladder).and_then(|r| r.get(reached + 1)) else {
                    return;
                };
                for req in reqs.iter().filter(|r| !r.when.holds(e)) {
                    out.extend(req.reads.iter().filter(|i| e.slots.slots[**i].is_real()));
                }
            }
            C::Finding(i) => {
                if let Some(f) = self.findings.get(*i) {
                    self.because(f, e, out);
                }
            }
            C::Profile { .. } => {}
        }
    }

    /// Questions counting towards score slot `slot` that pulled it down: answered below full
    /// points.
    fn shortfall(&self, slot: usize, e: &Eval, out: &mut QuestionSet) {
        let Some(scope) = self.scope.get(slot) else {
            return;
        };
        for &i in scope {
            let short = e.slots.answers[i]
                .and_then(|a| question_fraction(&e.questionnaire.questions[i], a))
                .is_some_and(|s| s < 1.0);
            if short {
                {
                    out.insert(i);
                };
            }
        }
    }
}
