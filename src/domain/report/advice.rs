//! The advice sections of the report: each recommendation led by its action (what, when, how
//! much), the gap and proposal it answers, one "because" sentence from the answers that made
//! its rule fire, and its steps; the plan's candidates; and the fingerprint of the inputs.

use sha2::{Digest, Sha256};

use crate::domain::answers::AnswerSet;
use crate::domain::condition::Condition;
use crate::domain::instrument::Instrument;
use crate::domain::model::Questionnaire;
use crate::domain::output::{answer_label, fmt_score_at, horizon_label};
use crate::domain::proposals::Advice;
use crate::domain::recommend::Recommendation;
use crate::domain::score::ScoreCard;
use crate::domain::text::Lang;

use super::plan::{Candidate, Plan, PlanKind, first_sentence};
use super::strings as ws;
use super::{Evidence, RecommendationView, StepView};

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

/// The owner role `key` as this firm would name it.
pub(super) fn role_label(
    advice: &Advice,
    key: Option<&str>,
    size: Option<&str>,
    lead: Option<&str>,
    lang: Lang,
) -> String {
    let Some(role) = key.and_then(|k| advice.roles.get(k)) else {
        return ws::OWNER_DEFAULT.get(lang).to_string();
    };
    let small = size.is_some_and(|s| advice.small_sizes.iter().any(|x| x == s));
    let no_lead = lead.is_some_and(|l| advice.no_lead.iter().any(|x| x == l));
    let text = match (&role.small, &role.no_lead) {
        (_, Some(n)) if no_lead => n,
        (Some(s), _) if small => s,
        _ => &role.label,
    };
    text.get(lang).to_string()
}

/// Every action the plan could hold: each fired rule's step, and "keep doing" and "next
/// frontier" for every area where the firm is already at the top level.
pub(super) fn candidates(
    inst: &Instrument,
    card: &ScoreCard,
    size: Option<&str>,
    lead: Option<&str>,
    lang: Lang,
) -> Vec<Candidate> {
    let q = &inst.questionnaire;
    let advice = &inst.proposals.advice;
    let mut out = Vec::new();
    for r in &card.recommendations {
        let p = inst.proposals.get(&r.proposal);
        for s in &r.steps {
            let detail = s.action(q).get(lang).to_string();
            let a = advice.rules.get(s.rule.as_str());
            let owner_key = a
                .and_then(|a| a.owner.as_deref())
                .or_else(|| p.and_then(|p| p.owner.as_deref()));
            out.push(Candidate {
                rule: Some(s.rule.clone()),
                proposal: Some(r.proposal.clone()),
                kind: PlanKind::Fix,
                priority: s.priority,
                horizon: s.horizon,
                headline: a.map_or_else(
                    || first_sentence(&detail),
                    |a| a.headline.get(lang).to_string(),
                ),
                owner: role_label(advice, owner_key, size, lead, lang),
                effort: a.map(|a| a.effort),
                done_when: a.map_or_else(String::new, |a| a.done_when.get(lang).to_string()),
                detail,
            });
        }
    }
    for a in &card.areas {
        let Some(def) = q.area(&a.id) else { continue };
        let top = def.levels.last();
        let at_top = a
            .score
            .and_then(|s| q.level_in(&def.levels, s))
            .zip(top)
            .is_some_and(|(l, t)| l.id == t.id);
        if !at_top {
            continue;
        }
        for f in advice.frontier.iter().filter(|f| f.area == a.id.as_str()) {
            let owner = role_label(advice, Some(&f.owner), size, lead, lang);
            for (kind, label, text, done, horizon) in [
                (
                    PlanKind::KeepDoing,
                    ws::KEEP_DOING.get(lang),
                    &f.keep,
                    &f.keep_done,
                    crate::domain::model::Horizon::Now,
                ),
                (
                    PlanKind::NextFrontier,
                    ws::NEXT_FRONTIER.get(lang),
                    &f.next,
                    &f.next_done,
                    crate::domain::model::Horizon::Quarter,
                ),
            ] {
                out.push(Candidate {
                    rule: None,
                    proposal: None,
                    kind,
                    priority: 3,
                    horizon,
                    headline: format!("{}{}{}", label, ws::COLON.get(lang), text.get(lang)),
                    detail: text.get(lang).to_string(),
                    owner: owner.clone(),
                    effort: Some(f.effort),
                    done_when: done.get(lang).to_string(),
                });
            }
        }
    }
    out
}

/// `sha256:` and 16 hex digits over the questionnaire's fingerprint, the date, the profile and
/// every answer in questionnaire order.
pub(super) fn fingerprint(
    q: &Questionnaire,
    answers: &AnswerSet,
    qhash: &str,
    date: &str,
) -> String {
    let mut h = Sha256::new();
    h.update(qhash.as_bytes());
    h.update([0u8]);
    h.update(date.as_bytes());
    for (k, v) in &answers.profile {
        h.update([0u8]);
        h.update(k.as_bytes());
        h.update([b'=']);
        h.update(v.trim().as_bytes());
    }
    for question in &q.questions {
        if let Some(a) = answers.get(&question.id) {
            h.update([1u8]);
            h.update(question.id.as_str().as_bytes());
            h.update([b'=']);
            h.update(a.to_json().to_string().as_bytes());
        }
    }
    let hex: String = h
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256:{hex}")
}

/// "Because …": the answers that made the rule fire, in one sentence.
fn because(why: &[Evidence], lang: Lang) -> String {
    let parts: Vec<String> = why
        .iter()
        .map(|e| ws::EVIDENCE.fill(lang, &[&e.answer, &e.text.trim_end_matches(['？', '?'])]))
        .collect();
    ws::FIRM_ANSWERED.fill(lang, &[&parts.join(ws::EVIDENCE_SEP.get(lang))])
}

pub(super) fn recommendations(
    inst: &Instrument,
    asked: &AnswerSet,
    card: &ScoreCard,
    plan: &Plan,
    lang: Lang,
) -> Vec<RecommendationView> {
    let q = &inst.questionnaire;
    let src = &inst.proposals.source;
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
            // The gaps among the dimensions its reasons come from.
            let mut dims: Vec<String> = Vec::new();
            for id in &r.because {
                let Some(question) = q.question(id) else {
                    continue;
                };
                let Some(d) = card
                    .areas
                    .iter()
                    .flat_map(|a| &a.dimensions)
                    .find(|d| d.id == question.dimension)
                else {
                    continue;
                };
                let Some(score) = d.score.filter(|s| q.score_format.is_gap(*s)) else {
                    continue;
                };
                let Some((_, def)) = q.dimension(&d.id) else {
                    continue;
                };
                let shown = fmt_score_at(score, q.score_format.precision);
                let label = format!("{}{}", def.title.get(lang), ws::aside(lang, &shown));
                if !dims.contains(&label) {
                    dims.push(label);
                }
            }
            let keyword = text(|p| &p.keyword);
            let proposal = format!("{} {}", r.proposal, quoted(&keyword));
            let gap_line = if dims.is_empty() {
                ws::pair(lang, ws::PROPOSAL.get(lang), &proposal)
            } else {
                format!(
                    "{} · {}",
                    ws::pair(
                        lang,
                        ws::GAP_CLOSES.get(lang),
                        &dims.join(ws::LIST_SEP.get(lang))
                    ),
                    ws::pair(lang, ws::PROPOSAL.get(lang), &proposal)
                )
            };
            let first = r.steps.first();
            let item = first.and_then(|s| plan.item_of(&s.rule));
            let headline = match (item, first) {
                (Some(item), _) => item.action.clone(),
                (None, Some(s)) => inst
                    .proposals
                    .advice
                    .rules
                    .get(s.rule.as_str())
                    .map_or_else(
                        || first_sentence(s.action(q).get(lang)),
                        |a| a.headline.get(lang).to_string(),
                    ),
                (None, None) => String::new(),
            };
            let when = match (item, first) {
                (Some(item), _) => horizon_label(item.horizon, lang).to_string(),
                (None, Some(s)) => horizon_label(s.horizon, lang).to_string(),
                (None, None) => String::new(),
            };
            let mut steps: Vec<StepView> = Vec::new();
            for s in &r.steps {
                let action = s.action(q).get(lang).to_string();
                if steps.iter().any(|x| x.action == action) {
                    continue;
                }
                steps.push(StepView {
                    horizon: s.horizon,
                    horizon_label: horizon_label(s.horizon, lang).to_string(),
                    action,
                });
            }
            let speaker = text(|p| &p.speaker);
            let role = text(|p| &p.role);
            RecommendationView {
                number: i + 1,
                proposal: r.proposal.clone(),
                priority: r.priority,
                headline,
                when,
                due: item.map_or_else(String::new, |i| i.due.clone()),
                effort: item.map_or_else(String::new, |i| i.effort_label.clone()),
                gap_line,
                because: because(&why, lang),
                source_line: format!(
                    "{}{} · {} {} · {}",
                    speaker,
                    ws::aside(lang, &role),
                    src.publisher.get(lang),
                    super::display_date(&src.date, lang),
                    ws::pair(lang, ws::KEYWORD.get(lang), &keyword)
                ),
                time_bound: p
                    .and_then(|p| p.time_bound.as_ref())
                    .map(|t| t.get(lang).to_string()),
                speaker,
                role,
                keyword,
                summary: text(|p| &p.summary),
                why,
                steps,
            }
        })
        .collect()
}

fn quoted(s: &str) -> String {
    format!("“{s}”")
}
