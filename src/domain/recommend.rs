//! Recommendations: rules that hold → one recommendation per proposal, with its reasons.

use serde::Serialize;

use super::condition::QuestionSet;
use super::model::{Horizon, ProposalId, QuestionId, Questionnaire, RuleId};
use super::text::LocalText;

/// One next step, with when it belongs in the action plan. The text stays in the
/// questionnaire (`Step::action`), so a score card is small even for a room of 100,000 firms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub rule: RuleId,
    pub horizon: Horizon,
    pub priority: u8,
}

static EMPTY: LocalText = LocalText {
    zh: String::new(),
    en: String::new(),
};

impl Step {
    /// What to do: the action text of the rule that fired.
    pub fn action<'q>(&self, q: &'q Questionnaire) -> &'q LocalText {
        q.rules
            .iter()
            .find(|r| r.id == self.rule)
            .map_or(&EMPTY, |r| &r.action)
    }
}

/// A proposal the firm should act on, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub proposal: ProposalId,
    /// The most urgent priority among the rules that fired (1 = most urgent).
    pub priority: u8,
    /// The questions whose answers triggered it, in questionnaire order.
    pub because: Vec<QuestionId>,
    /// Next steps from every rule that fired, most urgent first.
    pub steps: Vec<Step>,
}

impl Recommendation {
    /// The first, most urgent next step.
    pub fn action<'q>(&self, q: &'q Questionnaire) -> &'q LocalText {
        // A recommendation is only built from at least one fired rule.
        self.steps.first().map_or(&EMPTY, |s| s.action(q))
    }
}

/// Folds the rules that hold (`fired`, by rule position) into one recommendation per proposal,
/// ordered by priority, then proposal number; `because` gives the reasons of a rule that holds.
pub fn recommend(
    q: &Questionnaire,
    fired: &[bool],
    because: impl Fn(usize, &mut QuestionSet),
) -> Vec<Recommendation> {
    let mut out: Vec<(Recommendation, QuestionSet)> = Vec::new();
    for (i, rule) in q
        .rules
        .iter()
        .enumerate()
        .zip(fired)
        .filter(|(_, f)| **f)
        .map(|(r, _)| r)
    {
        // No recommendation without a reason: a rule that holds only because answers are
        // missing (a rung not reached for want of an answer) names no answer, and stays quiet.
        let mut reasons = QuestionSet::default();
        because(i, &mut reasons);
        if reasons.is_empty() {
            continue;
        }
        let step = Step {
            rule: rule.id.clone(),
            horizon: rule.horizon,
            priority: rule.priority,
        };
        let at = match out.iter().position(|(r, _)| r.proposal == rule.proposal) {
            Some(at) => at,
            None => {
                out.push((
                    Recommendation {
                        proposal: rule.proposal.clone(),
                        priority: rule.priority,
                        because: Vec::new(),
                        steps: Vec::with_capacity(4),
                    },
                    QuestionSet::default(),
                ));
                out.len() - 1
            }
        };
        let (rec, set) = &mut out[at];
        rec.priority = rec.priority.min(rule.priority);
        rec.steps.push(step);
        set.extend(reasons);
    }
    let mut recs: Vec<Recommendation> = out
        .into_iter()
        .map(|(mut rec, set)| {
            rec.because = set.iter().map(|i| q.questions[*i].id.clone()).collect();
            rec.steps.sort_by_key(|s| (s.priority, s.horizon));
            rec
        })
        .collect();
    recs.sort_by_cached_key(|r| (r.priority, proposal_number(&r.proposal)));
    recs
}

/// `P7` → 7, for ordering; unknown forms sort last.
pub fn proposal_number(p: &ProposalId) -> u32 {
    p.as_str()
        .strip_prefix('P')
        .and_then(|n| n.parse().ok())
        .unwrap_or(u32::MAX)
}
