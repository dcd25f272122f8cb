//! Scoring: question points → dimension → area → overall, levels, gated ladders, breadth,
//! findings and confidence.

use std::sync::Arc;

use serde::Serialize;

use super::answers::{Answer, AnswerSet};
use super::condition::{Conditions, Derived, Eval, Slots};
use super::instrument::Instrument;
use super::model::{
    AreaId, DimensionId, FindingId, LadderId, LevelId, MultiScoring, Question, QuestionId,
    QuestionKind, Questionnaire, RungId,
};
use super::output::{CONFIRMED_SO_FAR, WAITS_ON_ANSWER};
use super::recommend::{Recommendation, recommend};
use super::text::LocalText;

/// A question's points as a share of its maximum (0–1); `None` when it is unscored or the
/// answer carries no points ("don't know", free text).
pub fn question_fraction(q: &Question, a: &Answer) -> Option<f64> {
    if !q.is_scored() {
        return None;
    }
    let positive = |p: Option<f64>| p.unwrap_or(0.0).max(0.0);
    let top = q.top.unwrap_or_else(|| q.top_points());
    let share = match (q.kind, a) {
        (
            QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo,
            Answer::Choice(o),
        ) => {
            let got = q.option(o).map(|o| positive(o.points))?;
            (top > 0.0).then(|| got / top)?
        }
        (QuestionKind::Multi, Answer::Choices(ticked))
            if ticked
                .iter()
                .any(|id| q.option(id).is_some_and(|o| o.zeroes)) =>
        {
            0.0
        }
        (QuestionKind::Multi, Answer::Choices(ticked)) => match q.multi_scoring {
            MultiScoring::Sum => {
                let got: f64 = ticked
                    .iter()
                    .filter_map(|id| q.option(id))
                    .map(|o| o.points.unwrap_or(0.0))
                    .sum();
                (top > 0.0).then(|| got / top)?
            }
            MultiScoring::Share => {
                let got = ticked
                    .iter()
                    .filter_map(|id| q.option(id))
                    .filter(|o| o.is_kind())
                    .count();
                (top > 0.0).then(|| got as f64 / top)?
            }
        },
        (QuestionKind::Number, Answer::Number(x)) => {
            let band = q
                .bands
                .iter()
                .find(|b| *x >= b.min && b.max.is_none_or(|hi| *x < hi))
                .or_else(|| q.bands.last().filter(|b| b.max.is_some_and(|hi| *x == hi)))?;
            (top > 0.0).then(|| band.points.max(0.0) / top)?
        }
        (QuestionKind::Matrix, Answer::Matrix(m)) => {
            // A row earns its picked option's points, or its best ticked column's. Every row
            // of a tick matrix counts (no tick is none); a scale row not answered yet leaves
            // the denominator, as an unanswered question does.
            let rows = if q.ticks { q.rows.len() } else { m.rows.len() };
            let top = rows as f64 * q.row_top();
            let got: f64 = m
                .rows
                .iter()
                .map(|(_, os)| {
                    os.iter()
                        .filter_map(|o| q.option(o))
                        .map(|o| positive(o.points))
                        .fold(0.0, f64::max)
                })
                .sum();
            (top > 0.0).then(|| got / top)?
        }
        _ => return None,
    };
    Some(share.clamp(0.0, 1.0))
}

/// Which questions are asked given these answers (skip logic, in order), and the answers that
/// count: those of visible questions only.
pub fn visible_answers(q: &Questionnaire, answers: &AnswerSet) -> (Vec<bool>, AnswerSet) {
    let visible = visibility(q, answers);
    let effective = if visible.iter().all(|v| *v) {
        answers.clone()
    } else {
        answers.filtered(|id| q.question_index(id).is_some_and(|i| visible[i]))
    };
    (visible, effective)
}

/// Which questions are asked given these answers (skip logic, in order).
pub fn visibility(q: &Questionnaire, answers: &AnswerSet) -> Vec<bool> {
    q.conditions().visibility(q, answers).0
}

/// How far the answers can be trusted: "don't know" and unanswered questions lower it;
/// "not applicable" questions are left out of it altogether.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Confidence {
    /// Scored questions currently asked (skip logic applied) that apply to the firm.
    pub questions: usize,
    /// Answered with a real answer.
    pub answered: usize,
    pub dont_know: usize,
    pub unanswered: usize,
    /// Answered "not applicable": not counted in `questions`.
    pub not_applicable: usize,
    /// `answered / questions`, 0–1 (1 when nothing is asked).
    pub share: f64,
}

impl Confidence {
    fn add(&mut self, other: Confidence) {
        self.questions += other.questions;
        self.answered += other.answered;
        self.dont_know += other.dont_know;
        self.unanswered += other.unanswered;
        self.not_applicable += other.not_applicable;
        self.finish();
    }

    /// Below this share of real answers, a level is shown as provisional.
    pub const PROVISIONAL_BELOW: f64 = 0.8;

    /// Below this share of real answers, a dimension or area has no score at all: "not
    /// enough answers" is shown instead of a number that would rest on a few questions.
    pub const ENOUGH_FROM: f64 = 0.5;

    /// Whether too few questions have a real answer for the level to be relied on.
    pub fn is_provisional(&self) -> bool {
        self.share < Self::PROVISIONAL_BELOW
    }

    /// Whether enough questions have a real answer for a score to be shown.
    pub fn is_enough(&self) -> bool {
        self.answered > 0 && self.share >= Self::ENOUGH_FROM
    }

    fn finish(&mut self) {
        self.share = if self.questions == 0 {
            1.0
        } else {
            self.answered as f64 / self.questions as f64
        };
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub id: DimensionId,
    /// 0–100 over the questions with a real answer (unanswered, "don't know" and "not
    /// applicable" leave the denominator); `None` when none has one. The area's mean uses it
    /// as it is; people see it only when enough questions back it ([`DimensionScore::shown`]).
    pub score: Option<f64>,
    /// The level of the dimension's own bands its shown score falls in; `None` when the
    /// dimension declares no levels or has too few answers for a score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelId>,
    pub confidence: Confidence,
}

impl DimensionScore {
    /// The score as people see it: `None` ("not enough answers") when fewer than half of the
    /// questions that apply have a real answer.
    pub fn shown(&self) -> Option<f64> {
        self.score.filter(|_| self.confidence.is_enough())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub id: AreaId,
    /// 0–100; `None` when too few of the area's questions have a real answer.
    pub score: Option<f64>,
    pub level: LevelId,
    pub confidence: Confidence,
    pub dimensions: Vec<DimensionScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmetRequirement {
    pub text: Arc<LocalText>,
    /// The questions the requirement reads, to jump to them.
    pub questions: Vec<QuestionId>,
    /// A question it reads is still unanswered or "don't know": not met *yet*, not a fact.
    pub pending: bool,
}

impl UnmetRequirement {
    /// The requirement in words, marked when it waits on an answer rather than failing on one.
    pub fn describe(&self, lang: super::text::Lang) -> String {
        let text = self.text.get(lang);
        if self.pending {
            WAITS_ON_ANSWER.fill(lang, &[&text])
        } else {
            text.to_string()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextRung {
    pub id: RungId,
    pub unmet: Vec<UnmetRequirement>,
}

impl LadderResult {
    /// Whether the next rung waits on answers: the rung reached may be higher once they are
    /// given, so it is no verdict yet.
    pub fn pending(&self) -> bool {
        self.next
            .as_ref()
            .is_some_and(|n| n.unmet.iter().any(|u| u.pending))
    }

    /// What the rung reached means, in words; while the next rung waits on answers it says so
    /// instead of describing the firm by the lower rung.
    pub fn meaning(&self, ladder: &super::model::Ladder, lang: super::text::Lang) -> String {
        let text = ladder
            .rungs
            .get(self.index)
            .map_or("", |r| r.description.get(lang));
        if self.pending() {
            CONFIRMED_SO_FAR.get(lang).to_string()
        } else {
            text.to_string()
        }
    }

    /// The definition of the next rung up, if there is one.
    pub fn next_rung<'q>(
        &self,
        ladder: &'q super::model::Ladder,
    ) -> Option<&'q super::model::Rung> {
        self.next.as_ref().and(ladder.rungs.get(self.index + 1))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderResult {
    pub id: LadderId,
    /// Id of the highest rung reached with every lower rung holding.
    pub rung: RungId,
    pub index: usize,
    /// Number of rungs on the ladder.
    pub of: usize,
    /// Rungs whose own requirements hold even though a lower rung fails (breadth above depth).
    pub held_above: Vec<RungId>,
    pub next: Option<NextRung>,
}

/// Which questionnaire a result came from, to reproduce it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub id: Arc<str>,
    pub version: Arc<str>,
    pub hash: Arc<str>,
}

/// Everything computed from one firm's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreCard {
    pub questionnaire: Stamp,
    /// 0–100; `None` unless every area has a score.
    pub overall_score: Option<f64>,
    pub overall_level: LevelId,
    pub areas: Vec<AreaScore>,
    pub ladders: Vec<LadderResult>,
    pub breadth: Option<f64>,
    pub findings: Vec<FindingId>,
    pub confidence: Confidence,
    pub recommendations: Vec<Recommendation>,
}

/// The position of the level whose band holds `score` (see [`Questionnaire::level_in`]).
fn level_index(q: &Questionnaire, levels: &[super::model::Level], score: f64) -> Option<usize> {
    let found = q.level_in(levels, score)?;
    levels.iter().position(|l| std::ptr::eq(l, found))
}

fn weighted_mean(items: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (sum, weight) = items.fold((0.0, 0.0), |(s, w), (x, wx)| (s + x * wx, w + wx));
    (weight > 0.0).then(|| sum / weight)
}

/// Every dimension's score in one pass over the questions, in `dimensions()` order; unrounded
/// (the caller rounds once, after the areas' means are taken).
fn score_dimensions(q: &Questionnaire, slots: &Slots, visible: &[bool]) -> Vec<DimensionScore> {
    let mut conf = vec![Confidence::default(); q.dimensions().count()];
    let mut sums = vec![(0.0f64, 0.0f64); conf.len()];
    for (i, question) in q.questions.iter().enumerate() {
        if !visible[i] || !question.is_scored() {
            continue;
        }
        let Some(d) = q.dimension_of(i) else { continue };
        let (c, (sum, weight)) = (&mut conf[d], &mut sums[d]);
        match slots.answers[i] {
            // Unanswered is absence of evidence, never the worst answer: it leaves the
            // denominator and lowers confidence. So does "don't know"; "not applicable" leaves
            // the question out altogether.
            None => {
                c.questions += 1;
                c.unanswered += 1;
            }
            Some(Answer::DontKnow) => {
                c.questions += 1;
                c.dont_know += 1;
            }
            Some(Answer::NotApplicable) => c.not_applicable += 1,
            Some(a) => {
                c.questions += 1;
                match question_fraction(question, a) {
                    Some(share) => {
                        c.answered += 1;
                        *sum += share * 100.0 * question.weight;
                        *weight += question.weight;
                    }
                    None => c.unanswered += 1,
                }
            }
        }
    }
    q.dimensions()
        .zip(conf)
        .zip(sums)
        .map(|(((_, dim), mut confidence), (sum, weight))| {
            confidence.finish();
            DimensionScore {
                id: dim.id.clone(),
                score: (weight > 0.0).then(|| sum / weight),
                level: None,
                confidence,
            }
        })
        .collect()
}

/// The rung reached on ladder `l` and what the next one needs, given whether each requirement
/// of each rung holds (`met[rung][requirement]`).
fn ladder_result(
    conditions: &Conditions,
    ladder: &super::model::Ladder,
    l: usize,
    met: &[Vec<bool>],
    e: &Eval,
) -> LadderResult {
    let holds: Vec<bool> = met.iter().map(|reqs| reqs.iter().all(|h| *h)).collect();
    let index = holds.iter().take_while(|h| **h).count().saturating_sub(1);
    let held_above = ladder
        .rungs
        .iter()
        .zip(&holds)
        .skip(index + 2)
        .filter(|(_, h)| **h)
        .map(|(r, _)| r.id.clone())
        .collect();
    let next = ladder.rungs.get(index + 1).map(|r| NextRung {
        id: r.id.clone(),
        unmet: met
            .get(index + 1)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .take(r.requires.len())
            .enumerate()
            .filter(|(_, held)| !**held)
            .filter_map(|(k, _)| {
                let pending = conditions.requirement_pending(l, index + 1, k, e);
                conditions
                    .requirement(l, index + 1, k)
                    .map(|(text, questions)| UnmetRequirement {
                        text: text.clone(),
                        questions: questions.to_vec(),
                        pending,
                    })
            })
            .collect(),
    });
    LadderResult {
        id: ladder.id.clone(),
        rung: ladder
            .rungs
            .get(index)
            .map(|r| r.id.clone())
            .unwrap_or_default(),
        index,
        of: ladder.rungs.len(),
        held_above,
        next,
    }
}

/// Breadth 0–100: the share of tool kinds in use across the breadth questions. `None` when a
/// breadth question is asked but none has a real answer yet (no data, not zero); a breadth
/// question hidden by skip logic counts as no tools, since earlier answers ruled them out.
fn breadth(q: &Questionnaire, at: &[usize], visible: &[bool], slots: &Slots) -> Option<f64> {
    let (mut used, mut total) = (0usize, 0usize);
    let (mut answered, mut pending) = (false, false);
    for &i in at {
        let question = &q.questions[i];
        let kinds = || question.options.iter().filter(|o| o.is_kind());
        total += kinds().count();
        match slots.answers[i] {
            Some(Answer::Choices(ticked)) => {
                answered = true;
                used += kinds().filter(|o| ticked.contains(&o.id)).count();
            }
            _ if visible.get(i).copied().unwrap_or(false) => pending = true,
            _ => {}
        }
    }
    if pending && !answered {
        return None;
    }
    (total > 0).then(|| q.score_format.round(used as f64 * 100.0 / total as f64))
}

/// Scores one firm's answers. Same instrument and answers give the same card, always.
pub fn score(inst: &Instrument, answers: &AnswerSet) -> ScoreCard {
    score_and_visibility(inst, answers).0
}

/// Scores one firm's answers, and says which questions it is asked (skip logic), computed
/// once for both.
pub fn score_and_visibility(inst: &Instrument, answers: &AnswerSet) -> (ScoreCard, Vec<bool>) {
    let q = &inst.questionnaire;
    let conditions = q.conditions();
    let (visible, slots) = conditions.visibility(q, answers);
    // Hidden questions' answers stay in the set; `slots` holds only those of asked questions,
    // and every reader goes through it.
    // Not a closure: each use borrows `derived` only for its own call.
    macro_rules! eval {
        ($derived:expr) => {
            Eval {
                questionnaire: q,
                answers,
                slots: &slots,
                visible: &visible,
                derived: $derived,
            }
        };
    }
    let mut all_dims = score_dimensions(q, &slots, &visible).into_iter();

    let n_dims = q.dimensions().count();
    let mut derived = Derived {
        scores: vec![None; n_dims + q.areas.len() + 1],
        levels: vec![None; q.areas.len() + 1],
        ..Derived::default()
    };
    let mut areas = Vec::with_capacity(q.areas.len());
    // Scores are computed unrounded and rounded once, to the questionnaire's precision.
    let fmt = q.score_format;
    let mut exact = Vec::with_capacity(q.areas.len());
    let mut total_conf = Confidence::default();
    total_conf.finish();
    let mut dim_slot = 0;
    for (ai, area) in q.areas.iter().enumerate() {
        let mut dims: Vec<DimensionScore> = all_dims.by_ref().take(area.dimensions.len()).collect();
        let mut conf = Confidence::default();
        conf.finish();
        for d in &dims {
            conf.add(d.confidence);
        }
        total_conf.add(conf);
        let unrounded = weighted_mean(
            area.dimensions
                .iter()
                .zip(&dims)
                .filter_map(|(def, d)| d.score.map(|s| (s, def.weight))),
        )
        .filter(|_| conf.is_enough());
        exact.push(unrounded);
        let score = unrounded.map(|s| fmt.round(s));
        for (d, def) in dims.iter_mut().zip(&area.dimensions) {
            d.score = d.score.map(|s| fmt.round(s));
            d.level = d
                .shown()
                .and_then(|s| q.level_in(&def.levels, s))
                .map(|l| l.id.clone());
            derived.scores[dim_slot] = d.score;
            dim_slot += 1;
        }
        // An area with no real answer has no level for rules to test: a rule must never fire
        // on answers the firm did not give.
        derived.scores[n_dims + ai] = score;
        let level = level_index(q, &area.levels, score.unwrap_or(0.0));
        if score.is_some() {
            derived.levels[ai] = level;
        }
        areas.push(AreaScore {
            id: area.id.clone(),
            score,
            level: level.map_or_else(LevelId::default, |i| area.levels[i].id.clone()),
            confidence: conf,
            dimensions: dims,
        });
    }
    // An overall figure over some areas only would read as the whole firm's: none then.
    let every_area = exact.iter().all(Option::is_some);
    let overall = weighted_mean(
        q.areas
            .iter()
            .zip(&exact)
            .filter_map(|(a, s)| s.map(|s| (s, a.weight))),
    )
    .map(|s| fmt.round(s))
    .filter(|_| every_area);
    derived.scores[n_dims + q.areas.len()] = overall;
    let overall_score = overall;
    let overall_at = level_index(q, &q.levels, overall_score.unwrap_or(0.0));
    let overall_level = overall_at.map_or_else(LevelId::default, |i| q.levels[i].id.clone());
    if overall.is_some() {
        derived.levels[q.areas.len()] = overall_at;
    }

    let ladders: Vec<LadderResult> = q
        .ladders
        .iter()
        .enumerate()
        .map(|(i, l)| {
            ladder_result(
                conditions,
                l,
                i,
                &conditions.rung_requirements(i, &eval!(None)),
                &eval!(None),
            )
        })
        .collect();
    derived.rungs = ladders.iter().map(|l| Some(l.index)).collect();
    derived.breadth = q
        .breadth
        .as_ref()
        .and_then(|_| breadth(q, conditions.breadth_questions(), &visible, &slots));

    let mut findings = Vec::new();
    derived.findings = vec![false; q.findings.len()];
    for (i, finding) in q.findings.iter().enumerate() {
        if conditions.finding_holds(i, &eval!(Some(&derived))) {
            findings.push(finding.id.clone());
            derived.findings[i] = true;
        }
    }

    let fired: Vec<bool> = (0..q.rules.len())
        .map(|i| conditions.rule_holds(i, &eval!(Some(&derived))))
        .collect();
    let recommendations = recommend(q, &fired, |i, out| {
        conditions.rule_because(i, &eval!(Some(&derived)), out)
    });

    let card = ScoreCard {
        questionnaire: inst.stamp(),
        overall_score,
        overall_level,
        areas,
        ladders,
        breadth: derived.breadth,
        findings,
        confidence: total_conf,
        recommendations,
    };
    (card, visible)
}
