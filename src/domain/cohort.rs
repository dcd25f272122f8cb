//! A room of firms at once: who has finished, how the room spreads over rungs and levels,
//! per-dimension medians and quartiles, the commonest gaps, the proposals most firms need, and
//! where one firm stands in the room. Pure, and it never sees a firm's name.

mod build;
mod stats;
mod tally;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::Serialize;

use super::model::{AreaId, DimensionId, ProposalId, Questionnaire};
use super::score::ScoreCard;

pub use build::{CohortBuilder, is_empty};
pub use stats::{Quartiles, Scores, quantile, quartiles, round1};
pub use tally::{Tally, tally};

/// Below this many finished firms, quartiles say too little to place one firm in the room.
pub const MIN_FOR_STANDING: usize = 4;

/// The smallest count a room view or a cohort report shows: 1 or 2 firms could be pointed at
/// in a small room ("the one exporter with a penalty"), so such a count is written as
/// [`FEW`] and its share is left out. Zero is shown: it names no one.
pub const MIN_SHOWN: usize = 3;
/// How a count under [`MIN_SHOWN`] is written, in every language.
pub const FEW: &str = "<3";

/// `n` as a room may see it: `None` when it is 1 or 2.
pub fn shown_count(n: usize) -> Option<usize> {
    (n == 0 || n >= MIN_SHOWN).then_some(n)
}

/// `n` as text for a room: the number, or [`FEW`].
pub fn count_text(n: usize) -> String {
    shown_count(n).map_or_else(|| FEW.to_string(), |n| n.to_string())
}

/// Whether a firm has given an answer (or "don't know") to every question it is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Finished,
    InProgress,
}

impl Status {
    /// A firm is finished when no question it is asked is left unanswered. There is no
    /// "finished" mark in an answer file, so this is read from the answers themselves.
    pub fn of(card: &ScoreCard) -> Status {
        if card.confidence.unanswered == 0 {
            Status::Finished
        } else {
            Status::InProgress
        }
    }
}

/// How many firms have an id (a level, a rung, a gap, a finding, a rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub id: String,
    pub count: usize,
}

/// The spread of one score over the finished firms that have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Firms with a score (a dimension can be "no data" for a firm).
    pub n: usize,
    pub quartiles: Option<Quartiles>,
}

impl Spread {
    /// No quartiles (nor median) over fewer than [`MIN_SHOWN`] firms: the median of one or
    /// two firms is their own score, which a room must not be shown.
    pub fn of(scores: &Scores) -> Spread {
        Spread {
            n: scores.len(),
            quartiles: (scores.len() >= MIN_SHOWN)
                .then(|| scores.quartiles())
                .flatten(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaStats {
    pub id: AreaId,
    pub spread: Spread,
    /// Every level of the area in order, with how many firms reached it.
    pub levels: Vec<Count>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionStats {
    pub id: DimensionId,
    pub area: AreaId,
    pub spread: Spread,
    /// Firms scoring below the gap line (`score_format.gap_below`) here.
    pub gaps: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderStats {
    pub id: String,
    pub area: AreaId,
    /// Every rung from the lowest, with how many firms stand on it.
    pub rungs: Vec<Count>,
}

/// A proposal and how many firms in the room it is recommended to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Need {
    pub proposal: ProposalId,
    pub firms: usize,
    /// Firms for which it is of the most urgent priority (1).
    pub urgent: usize,
    /// The rules that fired for it, most frequent first: the concrete next steps the room needs.
    pub steps: Vec<Count>,
    /// The area most of its reasons lie in, to say what kind of help to bring.
    pub area: Option<AreaId>,
}

/// Everything the room's views and the cohort report show, from the firms' score cards.
/// Distributions, spreads, gaps and needs count finished firms only: a half-answered
/// questionnaire scores its open questions as zero and would drag the room down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    /// Firms with at least one answer; `empty` ones are left out of everything else.
    pub firms: usize,
    pub finished: usize,
    pub in_progress: usize,
    /// Firms that joined but have not answered anything yet.
    pub empty: usize,
    pub overall: AreaStats,
    pub areas: Vec<AreaStats>,
    pub ladders: Vec<LadderStats>,
    pub dimensions: Vec<DimensionStats>,
    /// Dimensions with at least one firm below the gap line (`score_format.gap_below`), commonest first.
    pub gaps: Vec<Count>,
    /// Every proposal the questionnaire can recommend, most needed first.
    pub needs: Vec<Need>,
    /// Every finding of the questionnaire, in its order, with how many firms show it.
    pub findings: Vec<Count>,
    /// How many firms show the questionnaire's breadth-vs-depth finding (its role
    /// `breadth_vs_depth`); none when it declares no such role.
    pub broad_shallow: Option<usize>,
}

/// Where a firm's score falls among the room's finished firms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Below the room's lower quartile.
    LowerQuartile,
    BelowMedian,
    AtMedian,
    AboveMedian,
    /// Above the room's upper quartile.
    UpperQuartile,
}

/// One firm's place in the room on one area (or overall).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// An area id, or `overall`.
    pub area: String,
    pub score: f64,
    pub place: Place,
    /// Finished firms the place is measured against.
    pub of: usize,
}

/// Where `score` falls against the room's quartiles.
pub fn place(q: &Quartiles, score: f64) -> Place {
    if score < q.q1 {
        Place::LowerQuartile
    } else if score > q.q3 {
        Place::UpperQuartile
    } else if score < q.median {
        Place::BelowMedian
    } else if score > q.median {
        Place::AboveMedian
    } else {
        Place::AtMedian
    }
}

fn counts(ids: impl Iterator<Item = String>) -> Vec<Count> {
    ids.map(|id| Count { id, count: 0 }).collect()
}

fn bump(list: &mut [Count], id: &str) {
    if let Some(c) = list.iter_mut().find(|c| c.id == id) {
        c.count += 1;
    }
}

/// Adds one to `id`'s count, making its key only the first time (once per id, not per firm).
pub fn tick(map: &mut BTreeMap<String, usize>, id: &str) {
    match map.get_mut(id) {
        Some(n) => *n += 1,
        None => {
            map.insert(id.to_string(), 1);
        }
    }
}

fn ranked(map: BTreeMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(id, count)| Count { id, count })
        .collect();
    // Stable: equal counts keep id order, so the output never depends on input order.
    v.sort_by_key(|c| std::cmp::Reverse(c.count));
    v
}

impl Cohort {
    /// Aggregates the room. Same cards in any order give the same cohort.
    pub fn build<'a>(q: &Questionnaire, cards: impl IntoIterator<Item = &'a ScoreCard>) -> Cohort {
        let mut b = CohortBuilder::new(q);
        cards.into_iter().for_each(|c| b.add(c));
        b.finish()
    }

    pub fn area(&self, id: &str) -> Option<&AreaStats> {
        self.areas.iter().find(|a| a.id.as_str() == id)
    }

    /// Where one firm stands in the room, overall and on each area; empty while fewer than
    /// [`MIN_FOR_STANDING`] firms have finished.
    pub fn standing(&self, card: &ScoreCard) -> Vec<Standing> {
        self.standing_of(
            std::iter::once(("overall", card.overall_score))
                .chain(card.areas.iter().map(|a| (a.id.as_str(), a.score)))
                .filter_map(|(id, s)| s.map(|s| (id, s))),
        )
    }

    /// Like [`Cohort::standing`], from (area id or `overall`, score) pairs.
    pub fn standing_of<'a>(&self, scores: impl Iterator<Item = (&'a str, f64)>) -> Vec<Standing> {
        scores
            .filter_map(|(id, score)| {
                let stats = if id == "overall" {
                    &self.overall
                } else {
                    self.area(id)?
                };
                let spread = &stats.spread;
                let q = spread
                    .quartiles
                    .as_ref()
                    .filter(|_| spread.n >= MIN_FOR_STANDING)?;
                Some(Standing {
                    area: id.to_string(),
                    score,
                    place: place(q, score),
                    of: spread.n,
                })
            })
            .collect()
    }
}
