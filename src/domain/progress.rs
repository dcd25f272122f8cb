//! A firm's progress between two checks (T0 → T1): score and rung changes, recommendations
//! resolved, still open or new, which actions of the earlier plan now show in the answers, and
//! what could not be compared across questionnaire versions. Both checks are scored with one
//! instrument, matching answers by question and option id, so the numbers are like for like.

use crate::domain::answers::{Misfit, read_answers};
use serde::{Serialize, Serializer};

use super::answers::{Answer, AnswerFile, AnswerSet};
use super::instrument::Instrument;
use super::model::{
    AreaId, DimensionId, FindingId, Horizon, LadderId, LevelId, ProposalId, QuestionId, RuleId,
    RungId, ScoreFormat,
};
use super::report::strings as ws;
use super::score::{ScoreCard, Stamp, score};
use super::text::LocalText;

pub mod room;
#[cfg(test)]
mod tests;

/// Which of the two checks something comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Before,
    After,
}

/// Which way a score or a rung moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    Up,
    Same,
    Down,
}

impl Movement {
    /// A change smaller than half the last shown decimal counts as none: scores are shown
    /// at the questionnaire's precision (`decimals`), and a change nobody can see is no move.
    pub fn of_delta(delta: f64, decimals: u8) -> Movement {
        let half = 0.5 * 10f64.powi(-i32::from(decimals)) - 1e-9;
        if delta >= half {
            Movement::Up
        } else if delta <= -half {
            Movement::Down
        } else {
            Movement::Same
        }
    }
}

/// What happened to something the earlier check said (a recommendation, a finding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Said before, not any more.
    Resolved,
    /// Said both times.
    StillOpen,
    /// Said only now.
    New,
}

/// What became of one action of the earlier plan (one rule that fired).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// The rule fired before and no longer does: the answers now show it done.
    ActedOn,
    /// The rule still fires.
    StillOpen,
    /// The rule fires now but did not before.
    New,
    /// The rule no longer fires, but a question it read is unanswered now, so the answers
    /// cannot show whether it was done.
    Unclear,
}

/// A headline score at both checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreChange {
    /// `None` when that check has too few answers for a score.
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before`, rounded to one decimal; `None` unless both checks have a score.
    pub delta: Option<f64>,
    pub movement: Option<Movement>,
    pub level_before: LevelId,
    pub level_after: LevelId,
}

impl ScoreChange {
    /// The change, at the questionnaire's precision like the scores themselves.
    fn new(
        before: Option<f64>,
        after: Option<f64>,
        level_before: LevelId,
        level_after: LevelId,
        format: &ScoreFormat,
    ) -> Self {
        let delta = before.zip(after).map(|(b, a)| format.round(a - b));
        ScoreChange {
            before,
            after,
            delta,
            movement: delta.map(|d| Movement::of_delta(d, format.precision)),
            level_before,
            level_after,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    pub id: DimensionId,
    /// `None` when that check has no real answer in the dimension.
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `None` unless both checks have a score.
    pub delta: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaChange {
    pub id: AreaId,
    pub score: ScoreChange,
    pub dimensions: Vec<DimensionChange>,
}

/// A ladder's rung at both checks (1-based numbers from the bottom).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RungChange {
    pub ladder: LadderId,
    pub before: RungId,
    pub after: RungId,
    pub before_number: usize,
    pub after_number: usize,
    pub of: usize,
    /// Rungs climbed (negative: lost).
    pub steps: i64,
    pub movement: Movement,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposalChange {
    pub proposal: ProposalId,
    pub status: Status,
    pub priority_before: Option<u8>,
    pub priority_after: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionChange {
    pub rule: RuleId,
    pub proposal: ProposalId,
    pub horizon: Horizon,
    pub status: ActionStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingChange {
    pub id: FindingId,
    pub status: Status,
}

/// One question whose answer differs between the checks (answered in at least one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerChange {
    pub question: QuestionId,
    #[serde(serialize_with = "answer_json")]
    pub before: Option<Answer>,
    #[serde(serialize_with = "answer_json")]
    pub after: Option<Answer>,
}

fn answer_json<S: Serializer>(a: &Option<Answer>, s: S) -> Result<S::Ok, S::Error> {
    a.as_ref().map(Answer::to_json).serialize(s)
}

/// An answer in one of the files that this questionnaire cannot read, so it is not compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unmapped {
    pub side: Side,
    /// The question id as written in the file.
    pub question: String,
    pub reason: LocalText,
}

/// One check as read for the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckInfo {
    /// The questionnaire version the file was saved with.
    pub version: String,
    pub saved_at: Option<String>,
}

/// Everything that changed between two checks of one firm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The instrument both checks were scored with.
    pub questionnaire: Stamp,
    pub before: CheckInfo,
    pub after: CheckInfo,
    pub overall: ScoreChange,
    pub areas: Vec<AreaChange>,
    pub ladders: Vec<RungChange>,
    /// Ordered as the later check ranks them, then the resolved ones in earlier order.
    pub recommendations: Vec<ProposalChange>,
    /// Rules of either check, in questionnaire order.
    pub actions: Vec<ActionChange>,
    pub findings: Vec<FindingChange>,
    /// Questions answered in both checks.
    pub compared: usize,
    /// Questions whose answer changed, in questionnaire order.
    pub answers: Vec<AnswerChange>,
    /// Questions answered now that the earlier check has no answer for (new in this version of
    /// the questionnaire, or left open last time).
    pub only_after: Vec<QuestionId>,
    /// Questions answered then that are unanswered now.
    pub only_before: Vec<QuestionId>,
    /// Answers in either file that this questionnaire cannot read.
    pub unmapped: Vec<Unmapped>,
}

/// Why two answer files cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("the {side:?} file belongs to questionnaire `{found}`, not `{expected}`")]
    OtherQuestionnaire {
        side: Side,
        found: String,
        expected: String,
    },
}

impl CompareError {
    /// The message in both languages, with what to do.
    pub fn text(&self) -> LocalText {
        match self {
            CompareError::OtherQuestionnaire {
                side,
                found,
                expected,
            } => {
                let which = match side {
                    Side::Before => ws::SINCE_EARLIER_FILE,
                    Side::After => ws::SINCE_LATER_FILE,
                };
                LocalText::fill(ws::SINCE_OTHER_QUESTIONNAIRE, &[&which, found, expected])
            }
        }
    }
}

/// Reads an answer file for a comparison: what this questionnaire can read (by question and
/// option id) is kept; an unknown question or an answer that no longer fits (an option that
/// was removed, a number now out of range) is listed, never an error, since files from other
/// questionnaire versions are expected here.
pub fn comparable_answers(
    inst: &Instrument,
    file: &AnswerFile,
    side: Side,
) -> Result<(AnswerSet, Vec<Unmapped>), CompareError> {
    let q = &inst.questionnaire;
    if file.questionnaire.id != q.id {
        return Err(CompareError::OtherQuestionnaire {
            side,
            found: file.questionnaire.id.clone(),
            expected: q.id.clone(),
        });
    }
    let (set, left_out) = read_answers(q, file, Misfit::LeaveOut).unwrap_or_default();
    let unmapped = left_out
        .into_iter()
        .map(|d| Unmapped {
            side,
            question: d.question,
            reason: d.reason,
        })
        .collect();
    Ok((set, unmapped))
}

/// Compares two answer files of one firm with one instrument.
pub fn compare_files(
    inst: &Instrument,
    before: &AnswerFile,
    after: &AnswerFile,
) -> Result<Progress, CompareError> {
    let (b, mut unmapped) = comparable_answers(inst, before, Side::Before)?;
    let (a, more) = comparable_answers(inst, after, Side::After)?;
    unmapped.extend(more);
    let mut p = compare(inst, &b, &score(inst, &b), &a, &score(inst, &a));
    p.before = CheckInfo {
        version: before.questionnaire.version.clone(),
        saved_at: before.saved_at.clone(),
    };
    p.after = CheckInfo {
        version: after.questionnaire.version.clone(),
        saved_at: after.saved_at.clone(),
    };
    p.unmapped = unmapped;
    Ok(p)
}

/// Compares two answer sets already read and scored with `inst` (`*_card` must be
/// `score(inst, *)`). Both checks are taken to be of the instrument's version.
pub fn compare(
    inst: &Instrument,
    before: &AnswerSet,
    before_card: &ScoreCard,
    after: &AnswerSet,
    after_card: &ScoreCard,
) -> Progress {
    let q = &inst.questionnaire;
    let (b, a) = (before_card, after_card);
    let areas = a
        .areas
        .iter()
        .filter_map(|aa| {
            let ba = b.areas.iter().find(|x| x.id == aa.id)?;
            let dimensions = aa
                .dimensions
                .iter()
                .map(|ad| {
                    let bd = ba
                        .dimensions
                        .iter()
                        .find(|x| x.id == ad.id)
                        .and_then(|x| x.score);
                    DimensionChange {
                        id: ad.id.clone(),
                        before: bd,
                        after: ad.score,
                        delta: bd.zip(ad.score).map(|(x, y)| q.score_format.round(y - x)),
                    }
                })
                .collect();
            Some(AreaChange {
                id: aa.id.clone(),
                score: ScoreChange::new(
                    ba.score,
                    aa.score,
                    ba.level.clone(),
                    aa.level.clone(),
                    &q.score_format,
                ),
                dimensions,
            })
        })
        .collect();
    let ladders = a
        .ladders
        .iter()
        .filter_map(|al| {
            let bl = b.ladders.iter().find(|x| x.id == al.id)?;
            let steps = al.index as i64 - bl.index as i64;
            Some(RungChange {
                ladder: al.id.clone(),
                before: bl.rung.clone(),
                after: al.rung.clone(),
                before_number: bl.index + 1,
                after_number: al.index + 1,
                of: al.of,
                steps,
                movement: match steps {
                    s if s > 0 => Movement::Up,
                    0 => Movement::Same,
                    _ => Movement::Down,
                },
            })
        })
        .collect();

    let mut recommendations: Vec<ProposalChange> = a
        .recommendations
        .iter()
        .map(|ar| {
            let br = b.recommendations.iter().find(|x| x.proposal == ar.proposal);
            ProposalChange {
                proposal: ar.proposal.clone(),
                status: if br.is_some() {
                    Status::StillOpen
                } else {
                    Status::New
                },
                priority_before: br.map(|x| x.priority),
                priority_after: Some(ar.priority),
            }
        })
        .collect();
    recommendations.extend(
        b.recommendations
            .iter()
            .filter(|br| !a.recommendations.iter().any(|x| x.proposal == br.proposal))
            .map(|br| ProposalChange {
                proposal: br.proposal.clone(),
                status: Status::Resolved,
                priority_before: Some(br.priority),
                priority_after: None,
            }),
    );

    let fired = |card: &ScoreCard, rule: &RuleId| {
        card.recommendations
            .iter()
            .any(|r| r.steps.iter().any(|s| &s.rule == rule))
    };
    let actions = q
        .rules
        .iter()
        .filter_map(|rule| {
            let status = match (fired(b, &rule.id), fired(a, &rule.id)) {
                (true, true) => ActionStatus::StillOpen,
                (false, true) => ActionStatus::New,
                (false, false) => return None,
                (true, false) => {
                    // The reasons the earlier check gave for this proposal.
                    let reasons = b
                        .recommendations
                        .iter()
                        .find(|r| r.steps.iter().any(|s| s.rule == rule.id))
                        .map(|r| r.because.as_slice())
                        .unwrap_or_default();
                    if reasons.iter().any(|id| after.get(id).is_none()) {
                        ActionStatus::Unclear
                    } else {
                        ActionStatus::ActedOn
                    }
                }
            };
            Some(ActionChange {
                rule: rule.id.clone(),
                proposal: rule.proposal.clone(),
                horizon: rule.horizon,
                status,
            })
        })
        .collect();

    let findings = q
        .findings
        .iter()
        .filter_map(|f| {
            let status = match (b.findings.contains(&f.id), a.findings.contains(&f.id)) {
                (true, true) => Status::StillOpen,
                (true, false) => Status::Resolved,
                (false, true) => Status::New,
                (false, false) => return None,
            };
            Some(FindingChange {
                id: f.id.clone(),
                status,
            })
        })
        .collect();

    let mut compared = 0;
    let mut answers = Vec::new();
    let mut only_after = Vec::new();
    let mut only_before = Vec::new();
    for question in &q.questions {
        let (x, y) = (before.get(&question.id), after.get(&question.id));
        match (x, y) {
            (None, None) => continue,
            (Some(_), Some(_)) => compared += 1,
            (None, Some(_)) => only_after.push(question.id.clone()),
            (Some(_), None) => only_before.push(question.id.clone()),
        }
        if x != y {
            answers.push(AnswerChange {
                question: question.id.clone(),
                before: x.cloned(),
                after: y.cloned(),
            });
        }
    }

    let version = q.version.clone();
    Progress {
        questionnaire: inst.stamp(),
        before: CheckInfo {
            version: version.clone(),
            saved_at: None,
        },
        after: CheckInfo {
            version,
            saved_at: None,
        },
        overall: ScoreChange::new(
            b.overall_score,
            a.overall_score,
            b.overall_level.clone(),
            a.overall_level.clone(),
            &q.score_format,
        ),
        areas,
        ladders,
        recommendations,
        actions,
        findings,
        compared,
        answers,
        only_after,
        only_before,
        unmapped: Vec::new(),
    }
}

impl Progress {
    /// The actions of the earlier plan that the answers now show as done.
    pub fn acted_on(&self) -> impl Iterator<Item = &ActionChange> {
        self.actions
            .iter()
            .filter(|a| a.status == ActionStatus::ActedOn)
    }

    /// Recommendations with `status`.
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &ProposalChange> {
        self.recommendations
            .iter()
            .filter(move |r| r.status == status)
    }
}
