//! The advice sections of the report: each recommendation with its proposal, the firm's own
//! answers that triggered it and its next steps, and the action plan that groups those steps.

use crate::domain::answers::AnswerSet;
use crate::domain::condition::Condition;
use crate::domain::instrument::Instrument;
use crate::domain::model::{Horizon, Questionnaire};
use crate::domain::recommend::Recommendation;
use crate::domain::score::ScoreCard;
use crate::domain::summary::{answer_label, horizon_label};
use crate::domain::text::Lang;

use super::strings::Words;
use super::{Evidence, PlanGroup, PlanItem, RecommendationView, StepView};

/// The profile facts a fired rule tested, e.g. "Location → County town" — in its condition or
/// in whom it is for (`eligible_if`): who the advice is meant for is worth saying.
fn profile_evidence(
    q: &Questionnaire,
    answers: &AnswerSet,
    rec: &Recommendation,
    lang: Lang,
) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for rule in rec
        .steps
        .iter()
        .filter_map(|s| q.rules.iter().find(|r| r.id == s.rule))
    {
        let mut leaves = Vec::new();
        rule.when.walk(&mut leaves);
        if let Some(e) = &rule.eligible_if {
            e.walk(&mut leaves);
        }
        for leaf in leaves {
            let Condition::Profile { field, any_of } = leaf else {
                continue;
            };
            let Some(value) = answers.profile.get(field).filter(|v| any_of.contains(v)) else {
                continue;
            };
            let Some(def) = q.profile.iter().find(|f| &f.id == field) else {
                continue;
            };
            let text = def.label.get(lang).to_string();
            let answer = def
                .options
                .iter()
                .find(|o| &o.id == value)
                .map_or_else(|| value.clone(), |o| o.label.get(lang).to_string());
            if !out.iter().any(|e| e.text == text) {
                out.push(Evidence {
                    question: None,
                    text,
                    answer,
                });
            }
        }
    }
    out
}

pub(super) fn recommendations(
    inst: &Instrument,
    asked: &AnswerSet,
    card: &ScoreCard,
    lang: Lang,
) -> Vec<RecommendationView> {
    let q = &inst.questionnaire;
    card.recommendations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = inst.proposals.get(&r.proposal);
            let text =
                |f: fn(&crate::domain::proposals::Proposal) -> &crate::domain::text::LocalText| {
                    p.map_or_else(String::new, |p| f(p).get(lang).to_string())
                };
            let mut why = profile_evidence(q, asked, r, lang);
            why.extend(r.because.iter().filter_map(|id| {
                let question = q.question(id)?;
                let a = asked.get(id)?;
                Some(Evidence {
                    question: Some(id.clone()),
                    text: question.text.get(lang).to_string(),
                    answer: answer_label(question, a, lang),
                })
            }));
            RecommendationView {
                number: i + 1,
                proposal: r.proposal.clone(),
                priority: r.priority,
                speaker: text(|p| &p.speaker),
                role: text(|p| &p.role),
                keyword: text(|p| &p.keyword),
                summary: text(|p| &p.summary),
                why,
                steps: r
                    .steps
                    .iter()
                    .map(|s| StepView {
                        horizon: s.horizon,
                        horizon_label: horizon_label(s.horizon, lang).to_string(),
                        action: s.action(&inst.questionnaire).get(lang).to_string(),
                    })
                    .collect(),
            }
        })
        .collect()
}

pub(super) fn plan(recs: &[RecommendationView], w: &Words) -> Vec<PlanGroup> {
    [Horizon::Now, Horizon::Quarter, Horizon::Later]
        .into_iter()
        .map(|h| PlanGroup {
            horizon: h,
            title: w.horizon_title(h).to_string(),
            items: recs
                .iter()
                .flat_map(|r| {
                    r.steps.iter().filter(|s| s.horizon == h).map(|s| PlanItem {
                        proposal: r.proposal.clone(),
                        speaker: r.speaker.clone(),
                        action: s.action.clone(),
                    })
                })
                .collect(),
        })
        .collect()
}
