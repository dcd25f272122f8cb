//! A room's change between a workshop and its follow-up: the median change per area, how many
//! firms moved up, stayed or moved down each ladder, and the share of firms that acted on each
//! proposal they were given. Firms in only one of the two rooms are counted apart.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ActionStatus, Movement, Progress, ScoreChange, Status};
use crate::domain::Instrument;
use crate::domain::cohort::{Scores, Spread, round1};

/// Median change of one score over the firms in both rooms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedianChange {
    /// `overall` or an area id.
    pub id: String,
    pub median_before: Option<f64>,
    pub median_after: Option<f64>,
    /// The median of each firm's own change (not the change of the medians).
    pub median_change: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RungMoves {
    pub ladder: String,
    pub up: usize,
    pub same: usize,
    pub down: usize,
}

/// Of the firms that were given a proposal last time, how many acted on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposalUptake {
    pub proposal: String,
    /// Firms in both rooms that had it recommended last time.
    pub given: usize,
    /// Of those, firms whose answers now show at least one of its actions done.
    pub acted: usize,
    /// Of those, firms to which it is no longer recommended at all.
    pub resolved: usize,
    /// `acted / given`, 0–1; `None` when nobody was given it.
    pub share_acted: Option<f64>,
}

/// The room's change, over the firms that took part in both rooms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoomChange {
    /// Firms in both rooms (their later answers differ from the pre-filled earlier ones).
    pub both: usize,
    /// Firms of the earlier room that have not come back (no answer or nothing changed yet).
    pub only_earlier: usize,
    /// Firms new in the later room.
    pub only_later: usize,
    pub scores: Vec<MedianChange>,
    pub rungs: Vec<RungMoves>,
    pub proposals: Vec<ProposalUptake>,
}

impl RoomChange {
    /// Sums up the progress of every firm in both rooms, scored with `inst`: its areas and
    /// its catalogue's proposals, in their order.
    pub fn of<'p>(
        firms: impl IntoIterator<Item = &'p Progress>,
        only_earlier: usize,
        only_later: usize,
        inst: &Instrument,
    ) -> RoomChange {
        let mut both = 0;
        let ids: Vec<String> = std::iter::once("overall".to_string())
            .chain(inst.questionnaire.areas.iter().map(|a| a.id.to_string()))
            .collect();
        let proposals: Vec<&str> = (inst.proposals.proposals.iter())
            .map(|p| p.id.as_str())
            .collect();
        let mut values: Vec<[Scores; 3]> = vec![Default::default(); ids.len()];
        let mut rungs: BTreeMap<String, RungMoves> = BTreeMap::new();
        let mut uptake: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for p in firms {
            both += 1;
            // A score with too few answers behind it is left out of that median.
            let mut push = |i: usize, s: &ScoreChange| {
                for (v, x) in values[i].iter_mut().zip([s.before, s.after, s.delta]) {
                    x.into_iter().for_each(|x| v.push(x));
                }
            };
            push(0, &p.overall);
            for a in &p.areas {
                if let Some(i) = ids.iter().position(|id| id == a.id.as_str()) {
                    push(i, &a.score);
                }
            }
            for l in &p.ladders {
                let m = rungs
                    .entry(l.ladder.to_string())
                    .or_insert_with(|| RungMoves {
                        ladder: l.ladder.to_string(),
                        ..RungMoves::default()
                    });
                match l.movement {
                    Movement::Up => m.up += 1,
                    Movement::Same => m.same += 1,
                    Movement::Down => m.down += 1,
                }
            }
            for r in &p.recommendations {
                if r.status == Status::New {
                    continue;
                }
                let Some(id) = proposals.iter().find(|x| **x == r.proposal.as_str()) else {
                    continue;
                };
                let acted = p
                    .actions
                    .iter()
                    .any(|a| a.proposal == r.proposal && a.status == ActionStatus::ActedOn);
                let e = uptake.entry(id).or_default();
                e.0 += 1;
                e.1 += usize::from(acted);
                e.2 += usize::from(r.status == Status::Resolved);
            }
        }
        RoomChange {
            both,
            only_earlier,
            only_later,
            scores: ids
                .into_iter()
                .zip(values)
                .map(|(id, [b, a, d])| {
                    // Never the median of one or two firms: it would be their own score.
                    let median = |v: &Scores| Spread::of(v).quartiles.map(|q| round1(q.median));
                    MedianChange {
                        id,
                        median_before: median(&b),
                        median_after: median(&a),
                        median_change: median(&d),
                    }
                })
                .collect(),
            rungs: rungs.into_values().collect(),
            proposals: proposals
                .iter()
                .map(|id| {
                    let (given, acted, resolved) = uptake.get(id).copied().unwrap_or_default();
                    ProposalUptake {
                        proposal: id.to_string(),
                        given,
                        acted,
                        resolved,
                        share_acted: (given > 0).then(|| acted as f64 / given as f64),
                    }
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::compare;
    use crate::domain::sample::{Lean, Rng, generate};
    use crate::domain::score;

    #[test]
    fn a_room_that_improves_and_one_that_slips() {
        let inst = Instrument::builtin().unwrap();
        let q = &inst.questionnaire;
        let mut rng = Rng::new(5);
        let worst: Vec<_> = (0..5)
            .map(|_| generate(q, &mut rng, Lean::Worst(0.9)))
            .collect();
        let best: Vec<_> = (0..5)
            .map(|_| generate(q, &mut rng, Lean::Best(0.9)))
            .collect();
        let pc = |b: &crate::domain::AnswerSet, a: &crate::domain::AnswerSet| {
            compare(&inst, b, &score(&inst, b), a, &score(&inst, a))
        };
        let up: Vec<Progress> = worst.iter().zip(&best).map(|(b, a)| pc(b, a)).collect();
        let c = RoomChange::of(&up, 2, 1, &inst);
        assert_eq!((c.both, c.only_earlier, c.only_later), (5, 2, 1));
        assert_eq!(c.scores.len(), 1 + q.areas.len());
        assert!(c.scores.iter().all(|s| s.median_change.unwrap() > 0.0));
        let expected = crate::domain::cohort::quantile(
            &up.iter()
                .filter_map(|p| p.overall.delta)
                .collect::<Vec<_>>(),
            0.5,
        );
        assert_eq!(c.scores[0].median_change, expected.map(round1));
        for r in &c.rungs {
            assert_eq!(r.up + r.same + r.down, 5);
            assert!(r.up >= 4, "{r:?}");
        }
        assert_eq!(c.proposals.len(), inst.proposals.proposals.len());
        let given: usize = c.proposals.iter().map(|p| p.given).sum();
        assert!(given > 0);
        assert!(
            c.proposals
                .iter()
                .all(|p| p.acted <= p.given && p.resolved <= p.given)
        );
        assert!(
            c.proposals
                .iter()
                .any(|p| p.share_acted.is_some_and(|s| s > 0.5))
        );

        let down: Vec<Progress> = best.iter().zip(&worst).map(|(b, a)| pc(b, a)).collect();
        let c = RoomChange::of(&down, 0, 0, &inst);
        assert!(c.scores.iter().all(|s| s.median_change.unwrap() < 0.0));
        assert!(c.rungs.iter().all(|r| r.down >= 4));

        // Two firms back: no median is the median of one or two firms.
        let two = RoomChange::of(&up[..2], 3, 0, &inst);
        assert_eq!(two.both, 2);
        assert!(two.scores.iter().all(|s| s.median_change.is_none()
            && s.median_before.is_none()
            && s.median_after.is_none()));

        let none = RoomChange::of(&[], 3, 0, &inst);
        assert_eq!(none.both, 0);
        assert!(none.scores.iter().all(|s| s.median_change.is_none()));
        assert!(none.proposals.iter().all(|p| p.share_acted.is_none()));
    }
}
