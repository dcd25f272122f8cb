//! The reasons of a recommendation from compiled conditions: which questions made a rule hold,
//! found by position. Gives the same questions as [`Condition::because`] (a test checks it).

use super::{C, Compiled, Eval};
use crate::domain::condition::{Facts, QuestionSet};
use crate::domain::score::question_fraction;

impl Compiled {
    /// The questions whose answers made rule `i` hold (see [`Condition::because`]).
    ///
    /// [`Condition::because`]: crate::domain::condition::Condition::because
    pub fn rule_because(&self, i: usize, e: &Eval, out: &mut QuestionSet) {
        if let Some(c) = self.rules.get(i) {
            self.because(c, e, out);
        }
    }

    fn because(&self, c: &C, e: &Eval, out: &mut QuestionSet) {
        match c {
            C::All(cs) => cs.iter().for_each(|c| self.because(c, e, out)),
            C::Any(cs) => cs
                .iter()
                .filter(|c| c.holds(e))
                .for_each(|c| self.because(c, e, out)),
            // Only questions with a real answer are reasons (see `Condition::because`).
            C::Not(_, reads) => reads
                .iter()
                .filter(|i| e.slots.slots[**i].is_real())
                .for_each(|i| out.insert_at(*i)),
            C::Choice { q, .. }
            | C::ChoiceAll { q, .. }
            | C::Count { q, .. }
            | C::Number { q, .. }
            | C::Points { q, .. }
            | C::Answered(q)
            | C::DontKnow(q)
            | C::NotApplicable(q) => out.insert_at(*q),
            // Never holds, so it is never a reason.
            C::Never => {}
            C::Score { slot, .. } => self.shortfall(*slot, e, out),
            C::Level { slot, .. } => self.shortfall(self.dimensions + slot, e, out),
            C::Breadth { .. } => {
                for i in self
                    .breadth
                    .iter()
                    .filter(|i| e.slots.answers[**i].is_some())
                {
                    out.insert_at(*i);
                }
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
                    req.reads
                        .iter()
                        .filter(|i| e.slots.slots[**i].is_real())
                        .for_each(|i| out.insert_at(*i));
                }
            }
            C::Finding(i) => {
                if let Some(f) = self.findings.get(*i) {
                    self.because(f, e, out);
                }
            }
            C::Other(c) => c.because(
                &Facts {
                    questionnaire: e.questionnaire,
                    answers: e.answers,
                    derived: e.derived,
                    mask: Some(e.visible),
                    asked: Some(&e.slots.answers),
                },
                out,
            ),
        }
    }

    /// Questions counting towards score slot `slot` that pulled it down: answered below full
    /// points (see `condition::shortfall`).
    fn shortfall(&self, slot: usize, e: &Eval, out: &mut QuestionSet) {
        let Some(scope) = self.scope.get(slot) else {
            return;
        };
        for &i in scope {
            let short = e.slots.answers[i]
                .and_then(|a| question_fraction(&e.questionnaire.questions[i], a))
                .is_some_and(|s| s < 1.0);
            if short {
                out.insert_at(i);
            }
        }
    }
}
