//! Builds the `Report` model from a firm's answers and score card: every section, in one
//! language, with labels in place of ids.

use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::instrument::Instrument;
use crate::domain::model::{Level, Questionnaire, Role};
use crate::domain::output::{
    PROVISIONAL, answer_label, confidence_summary, is_answered, not_enough, score_of_100,
};
use crate::domain::score::{Confidence, ScoreCard, visible_answers};
use crate::domain::text::Lang;
use crate::domain::text::display_safe;

use super::advice::{candidates, fingerprint, recommendations};
use super::onepage;
use super::plan::{Caps, build};

use super::strings as ws;
use super::*;

impl Report {
    /// Builds the report. `card` must be `score(inst, answers)`; `date` is shown as given when
    /// it is not `YYYY-MM-DD`.
    pub fn new(
        inst: &Instrument,
        answers: &AnswerSet,
        card: &ScoreCard,
        lang: Lang,
        date: &str,
    ) -> Report {
        let q = &inst.questionnaire;
        let (visible, asked) = visible_answers(q, answers);
        let firm = q
            .role(Role::FirmName)
            .and_then(|n| answers.profile.get(n))
            .map(|n| display_safe(n.trim()).into_owned())
            .filter(|n| !n.is_empty());
        let lead = inst.proposals.advice.lead_question.as_ref().and_then(|id| {
            match asked.get(&id.as_str().into()) {
                Some(Answer::Choice(o)) => Some(o.to_string()),
                _ => None,
            }
        });
        let size = inst
            .proposals
            .advice
            .size_field
            .as_ref()
            .and_then(|f| answers.profile.get(f))
            .map(|s| s.trim().to_string());
        let caps = Caps::for_firm(&inst.proposals.advice, size.as_deref(), lead.as_deref());
        let cands = candidates(inst, card, size.as_deref(), lead.as_deref(), lang);
        let plan = build(cands, caps, date, lang);
        let recommendations = recommendations(inst, &asked, card, &plan, lang);
        let src = &inst.proposals.source;
        let source_date = display_date(&src.date, lang);
        let citation = ws::CITATION.fill(
            lang,
            &[&src.publisher.get(lang), &src.title.get(lang), &source_date],
        );
        let proposals = recommendations
            .iter()
            .map(|r| ProposalNote {
                proposal: r.proposal.clone(),
                speaker: r.speaker.clone(),
                role: r.role.clone(),
                keyword: r.keyword.clone(),
                summary: r.summary.clone(),
            })
            .collect();
        let mut report = Report {
            format_version: FORMAT_VERSION,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            lang,
            date: date.to_string(),
            date_label: display_date(date, lang),
            title: q.title.get(lang).to_string(),
            subtitle: if inst.recommends() {
                ws::SUBTITLE.get(lang)
            } else {
                ws::SUBTITLE_PLAIN.get(lang)
            }
            .to_string(),
            note: q.note.as_ref().map(|n| n.get(lang).to_string()),
            firm,
            profile: profile(q, answers, lang),
            since: None,
            questionnaire: card.questionnaire.clone(),
            inputs_fingerprint: fingerprint(q, answers, &card.questionnaire.hash, date),
            confidence: confidence(&card.confidence, lang),
            summary: onepage::OnePage::default(),
            overall: headline(
                q,
                "overall",
                ws::OVERALL.get(lang),
                &q.levels,
                card.overall_score,
                card.confidence.is_provisional(),
                lang,
            ),
            headlines: card
                .areas
                .iter()
                .filter_map(|a| {
                    let area = q.area(&a.id)?;
                    Some(headline(
                        q,
                        a.id.as_str(),
                        area.title.get(lang),
                        &area.levels,
                        a.score,
                        a.confidence.is_provisional(),
                        lang,
                    ))
                })
                .collect(),
            dimensions: dimensions(q, card, lang),
            ladders: ladders(q, card, lang),
            breadth: q.breadth.as_ref().and_then(|b| {
                Some(BreadthView {
                    title: b.title.get(lang).to_string(),
                    description: b.description.get(lang).to_string(),
                    score: card.breadth?,
                })
            }),
            findings: card
                .findings
                .iter()
                .filter_map(|id| q.findings.iter().find(|f| &f.id == id))
                .map(|f| FindingView {
                    id: f.id.to_string(),
                    title: f.title.get(lang).to_string(),
                    text: f.text.get(lang).to_string(),
                })
                .collect(),
            gaps: gaps(q, card, lang),
            plan,
            proposals,
            reference_label: ws::REFERENCE_THRESHOLD.fill(lang, &[&q.score_format.gap_below]),
            thresholds: thresholds(q, lang),
            recommendations,
            appendix: appendix(q, &visible, &asked, lang),
            skipped: visible.iter().filter(|v| !**v).count(),
            whatif: answers
                .whatif()
                .filter_map(|(id, day)| {
                    let question = q.question(id)?;
                    let answer = answers.get(id)?;
                    Some(WhatIfAnswer {
                        question: display_safe(question.text.get(lang)).into_owned(),
                        answer: answer_label(question, answer, lang),
                        adopted: day.to_string(),
                    })
                })
                .collect(),
            source: SourceView {
                title: src.title.get(lang).to_string(),
                publisher: src.publisher.get(lang).to_string(),
                date: src.date.clone(),
                citation,
            },
            caveat: inst.proposals.caveat.get(lang).to_string(),
            disclaimer: ws::DISCLAIMER.get(lang).to_string(),
            recommends: inst.recommends(),
            decimals: q.score_format.precision,
        };
        report.summary = onepage::build(&report, onepage::wish(q, &asked));
        report
    }

    /// Compares each dimension with the room's median instead of the gap threshold.
    pub fn set_room_median(&mut self, median: &[(String, f64)]) {
        if median.is_empty() {
            return;
        }
        for d in &mut self.dimensions {
            if let Some((_, m)) = median.iter().find(|(id, _)| *id == d.id) {
                d.reference = *m;
            }
        }
        self.reference_label = ws::REFERENCE_ROOM.get(self.lang).to_string();
    }
}

fn thresholds(q: &Questionnaire, lang: Lang) -> Thresholds {
    let bands = |levels: &[Level]| {
        levels
            .iter()
            .map(|l| Band {
                id: l.id.to_string(),
                label: l.label.get(lang).to_string(),
                min: l.min,
                max: l.max,
            })
            .collect()
    };
    let mut levels = vec![("overall".to_string(), bands(&q.levels))];
    levels.extend(q.areas.iter().map(|a| (a.id.to_string(), bands(&a.levels))));
    Thresholds {
        gap_below: q.score_format.gap_below,
        provisional_below: Confidence::PROVISIONAL_BELOW,
        levels,
    }
}

fn profile(q: &Questionnaire, answers: &AnswerSet, lang: Lang) -> Vec<Field> {
    q.profile
        .iter()
        .filter(|f| Some(f.id.as_str()) != q.role(Role::FirmName))
        .filter_map(|f| {
            let raw = answers.profile.get(&f.id)?.trim();
            if raw.is_empty() {
                return None;
            }
            let option = f.options.iter().find(|o| o.id == raw);
            let value = option.map_or(raw, |o| o.label.get(lang));
            Some(Field {
                label: f.label.get(lang).to_string(),
                value: display_safe(value).into_owned(),
                code: option.map(|o| o.id.to_string()),
            })
        })
        .collect()
}

fn confidence(c: &Confidence, lang: Lang) -> ConfidenceView {
    let percent = (c.share * 100.0).round().clamp(0.0, 100.0) as u32;
    let mut summary = confidence_summary(c, &percent.to_string(), lang);
    if c.is_provisional() {
        summary.push_str(PROVISIONAL.get(lang));
    }
    ConfidenceView {
        questions: c.questions,
        answered: c.answered,
        dont_know: c.dont_know,
        unanswered: c.unanswered,
        percent,
        provisional: c.is_provisional(),
        summary,
    }
}

fn headline(
    q: &Questionnaire,
    id: &str,
    title: &str,
    levels: &[Level],
    score: Option<f64>,
    provisional: bool,
    lang: Lang,
) -> Headline {
    let level = score.and_then(|s| q.level_in(levels, s));
    let mut label = match score {
        Some(_) => level.map_or_else(String::new, |l| l.label.get(lang).to_string()),
        None => not_enough(lang).to_string(),
    };
    if provisional && score.is_some() {
        // One hedge, not two: "Basic (estimate)" becomes "Basic (provisional: …)".
        label = strip_aside(&label).to_string();
        label.push_str(PROVISIONAL.get(lang));
    }
    Headline {
        id: id.to_string(),
        title: title.to_string(),
        score,
        score_text: score_of_100(score, q.score_format.precision, lang),
        level: level.map_or_else(String::new, |l| l.id.to_string()),
        level_label: label,
        meaning: level.map_or_else(String::new, |l| l.meaning.get(lang).to_string()),
        provisional,
    }
}

/// A label without a trailing aside in brackets: `Basic (estimate)` → `Basic`. Used where a
/// provisional mark replaces the label's own hedge, so a level is hedged once.
pub fn strip_aside(label: &str) -> &str {
    let t = label.trim_end();
    let open = if t.ends_with('）') {
        t.rfind('（')
    } else if t.ends_with(')') {
        t.rfind('(')
    } else {
        None
    };
    match open {
        Some(i) if !t[..i].trim().is_empty() => t[..i].trim_end(),
        _ => label,
    }
}

/// Proposals recommended because of answers in dimension `dim`.
fn related(
    q: &Questionnaire,
    card: &ScoreCard,
    dim: &crate::domain::model::DimensionId,
) -> Vec<crate::domain::model::ProposalId> {
    card.recommendations
        .iter()
        .filter(|r| {
            r.because
                .iter()
                .any(|id| q.question(id).is_some_and(|x| &x.dimension == dim))
        })
        .map(|r| r.proposal.clone())
        .collect()
}

fn dimensions(q: &Questionnaire, card: &ScoreCard, lang: Lang) -> Vec<DimensionRow> {
    card.areas
        .iter()
        .flat_map(|a| a.dimensions.iter())
        .filter_map(|d| {
            let (area, dim) = q.dimension(&d.id)?;
            Some(DimensionRow {
                id: d.id.to_string(),
                area: area.title.get(lang).to_string(),
                title: dim.title.get(lang).to_string(),
                score: d.shown(),
                gap: d.shown().is_some_and(|s| q.score_format.is_gap(s)),
                answered: (d.confidence.share * 100.0).round().clamp(0.0, 100.0) as u32,
                thin: d.confidence.is_provisional(),
                reference: q.score_format.gap_below,
                proposals: related(q, card, &d.id),
                level_label: d
                    .level
                    .as_ref()
                    .and_then(|id| dim.levels.iter().find(|l| &l.id == id))
                    .map(|l| l.label.get(lang).to_string()),
            })
        })
        .collect()
}

fn ladders(q: &Questionnaire, card: &ScoreCard, lang: Lang) -> Vec<LadderView> {
    card.ladders
        .iter()
        .filter_map(|l| {
            let def = q.ladders.iter().find(|x| x.id == l.id)?;
            let current = def.rungs.get(l.index)?;
            let rungs = def
                .rungs
                .iter()
                .enumerate()
                .map(|(i, r)| RungView {
                    id: r.id.to_string(),
                    number: i + 1,
                    label: r.label.get(lang).to_string(),
                    state: match i {
                        i if i < l.index => RungState::Reached,
                        i if i == l.index => RungState::Current,
                        _ if l.held_above.contains(&r.id) => RungState::HeldAbove,
                        i if i == l.index + 1 => RungState::Next,
                        _ => RungState::Ahead,
                    },
                })
                .collect();
            let next = l.next.as_ref().map(|n| NextRungView {
                label: l
                    .next_rung(def)
                    .map_or_else(|| n.id.to_string(), |r| r.label.get(lang).to_string()),
                needs: n.unmet.iter().map(|u| u.describe(lang)).collect(),
            });
            Some(LadderView {
                id: l.id.to_string(),
                area: def.area.to_string(),
                title: def.title.get(lang).to_string(),
                description: def.description.get(lang).to_string(),
                rungs,
                current: l.index + 1,
                current_label: current.label.get(lang).to_string(),
                current_description: current.description.get(lang).to_string(),
                next,
            })
        })
        .collect()
}

fn gaps(q: &Questionnaire, card: &ScoreCard, lang: Lang) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = card
        .areas
        .iter()
        .flat_map(|a| a.dimensions.iter())
        .filter_map(|d| {
            let score = d.shown().filter(|s| q.score_format.is_gap(*s))?;
            let (area, dim) = q.dimension(&d.id)?;
            let proposals = related(q, card, &d.id);
            Some(Gap {
                dimension: d.id.to_string(),
                area: area.title.get(lang).to_string(),
                title: dim.title.get(lang).to_string(),
                description: dim.description.get(lang).to_string(),
                score,
                proposals,
            })
        })
        .collect();
    // Stable: equal scores keep questionnaire order.
    gaps.sort_by(|a, b| a.score.total_cmp(&b.score));
    gaps
}

fn appendix(
    q: &Questionnaire,
    visible: &[bool],
    asked: &AnswerSet,
    lang: Lang,
) -> Vec<AppendixGroup> {
    let mut groups: Vec<AppendixGroup> = Vec::new();
    let asked_questions = q.questions.iter().zip(visible).filter(|(_, v)| **v);
    for (i, (question, _)) in asked_questions.enumerate() {
        let number = i + 1;
        let a = asked.get(&question.id);
        let (state, answer) = match a {
            Some(Answer::DontKnow) => (
                AnswerState::DontKnow,
                answer_label(question, &Answer::DontKnow, lang),
            ),
            Some(a) if is_answered(question, Some(a)) => {
                (AnswerState::Answered, answer_label(question, a, lang))
            }
            _ => (
                AnswerState::Unanswered,
                crate::domain::output::NOT_ANSWERED.get(lang).to_string(),
            ),
        };
        let item = AppendixItem {
            number,
            id: question.id.clone(),
            text: question.text.get(lang).to_string(),
            state,
            answer,
        };
        match groups.last_mut() {
            Some(g) if g.dimension == question.dimension.as_str() => g.items.push(item),
            _ => groups.push(AppendixGroup {
                dimension: question.dimension.to_string(),
                title: q.dimension(&question.dimension).map_or_else(
                    || question.dimension.to_string(),
                    |(_, d)| d.title.get(lang).to_string(),
                ),
                items: vec![item],
            }),
        }
    }
    groups
}
