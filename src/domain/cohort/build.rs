//! The cohort gathered one score card at a time: a report over 100,000 firms reads each firm
//! once and keeps only counts and score tallies, never the cards.

use std::collections::{BTreeMap, HashMap};

use super::{
    AreaStats, Cohort, Count, DimensionStats, LadderStats, Need, Scores, Spread, Status, bump,
    counts, ranked, tick,
};
use crate::domain::model::{AreaId, ProposalId, QuestionId, Questionnaire, Role, ScoreFormat};
use crate::domain::recommend::proposal_number;
use crate::domain::score::ScoreCard;

/// How often a proposal came up, and why.
#[derive(Default)]
struct Tracking {
    firms: usize,
    urgent: usize,
    steps: BTreeMap<String, usize>,
    areas: BTreeMap<String, usize>,
}

/// Adds firms one by one; [`CohortBuilder::finish`] gives the same cohort as
/// [`Cohort::build`] over the same cards.
pub struct CohortBuilder<'q> {
    firms: usize,
    finished: usize,
    empty: usize,
    overall_levels: Vec<Count>,
    overall: Scores,
    areas: Vec<(AreaStats, Scores)>,
    dims: Vec<(DimensionStats, Scores)>,
    ladders: Vec<LadderStats>,
    findings: Vec<Count>,
    proposals: Vec<ProposalId>,
    area_of: HashMap<&'q QuestionId, &'q AreaId>,
    needs: Vec<Tracking>,
    /// The finding counted on its own (role `breadth_vs_depth`).
    broad_shallow: Option<&'q str>,
    /// Where a gap begins.
    format: ScoreFormat,
}

/// Whether a firm has not answered a single question (it joined and left): such a firm is
/// counted apart, as not started, and left out of everything else the room shows.
pub fn is_empty(answers: &crate::domain::answers::AnswerSet) -> bool {
    answers.is_empty()
}

impl<'q> CohortBuilder<'q> {
    pub fn new(q: &'q Questionnaire) -> CohortBuilder<'q> {
        let areas = q
            .areas
            .iter()
            .map(|a| {
                let stats = AreaStats {
                    id: a.id.clone(),
                    spread: Spread::of(&Scores::new()),
                    levels: counts(a.levels.iter().map(|l| l.id.to_string())),
                };
                (stats, Scores::new())
            })
            .collect();
        let dims = q
            .dimensions()
            .map(|(a, d)| {
                let stats = DimensionStats {
                    id: d.id.clone(),
                    area: a.id.clone(),
                    spread: Spread::of(&Scores::new()),
                    gaps: 0,
                };
                (stats, Scores::new())
            })
            .collect();
        let ladders = q
            .ladders
            .iter()
            .map(|l| LadderStats {
                id: l.id.to_string(),
                area: l.area.clone(),
                rungs: counts(l.rungs.iter().map(|r| r.id.to_string())),
            })
            .collect();
        let mut proposals: Vec<ProposalId> = Vec::new();
        for r in &q.rules {
            if !proposals.contains(&r.proposal) {
                proposals.push(r.proposal.clone());
            }
        }
        let needs = proposals.iter().map(|_| Tracking::default()).collect();
        CohortBuilder {
            firms: 0,
            finished: 0,
            empty: 0,
            overall_levels: counts(q.levels.iter().map(|l| l.id.to_string())),
            overall: Scores::new(),
            areas,
            dims,
            ladders,
            findings: counts(q.findings.iter().map(|f| f.id.to_string())),
            proposals,
            broad_shallow: q.role(Role::BreadthVsDepth),
            format: q.score_format,
            area_of: q
                .questions
                .iter()
                .filter_map(|x| q.dimension(&x.dimension).map(|(a, _)| (&x.id, &a.id)))
                .collect(),
            needs,
        }
    }

    /// Counts a firm that has not answered anything yet (see [`is_empty`]): nowhere but in
    /// [`Cohort::empty`].
    pub fn add_empty(&mut self) {
        self.empty += 1;
    }

    /// Counts one firm, or with `answers` empty only as not started. Distributions, spreads,
    /// gaps and needs count finished firms only.
    pub fn add_firm(&mut self, answers: &crate::domain::answers::AnswerSet, card: &ScoreCard) {
        if is_empty(answers) {
            self.add_empty();
        } else {
            self.add(card);
        }
    }

    /// Counts one firm. Distributions, spreads, gaps and needs count finished firms only.
    pub fn add(&mut self, card: &ScoreCard) {
        self.firms += 1;
        if Status::of(card) != Status::Finished {
            return;
        }
        self.finished += 1;
        // A finished firm has every area scored; a card without one is left out of spreads.
        if let Some(overall) = card.overall_score {
            self.overall.push(overall);
        }
        bump(&mut self.overall_levels, card.overall_level.as_str());
        for a in &card.areas {
            if let Some((stats, scores)) = self.areas.iter_mut().find(|(s, _)| s.id == a.id) {
                if let Some(score) = a.score {
                    scores.push(score);
                }
                bump(&mut stats.levels, a.level.as_str());
            }
            for d in &a.dimensions {
                let Some(score) = d.score else { continue };
                if let Some((stats, scores)) = self.dims.iter_mut().find(|(s, _)| s.id == d.id) {
                    scores.push(score);
                    stats.gaps += usize::from(self.format.is_gap(score));
                }
            }
        }
        for l in &card.ladders {
            if let Some(stats) = self.ladders.iter_mut().find(|s| s.id == l.id) {
                bump(&mut stats.rungs, l.rung.as_str());
            }
        }
        for f in &card.findings {
            bump(&mut self.findings, f.as_str());
        }
        for rec in &card.recommendations {
            let Some(i) = self.proposals.iter().position(|p| *p == rec.proposal) else {
                continue;
            };
            let t = &mut self.needs[i];
            t.firms += 1;
            t.urgent += usize::from(rec.priority == 1);
            for s in &rec.steps {
                tick(&mut t.steps, s.rule.as_str());
            }
            for id in &rec.because {
                if let Some(a) = self.area_of.get(id) {
                    tick(&mut t.areas, a.as_str());
                }
            }
        }
    }

    pub fn finish(self) -> Cohort {
        let areas: Vec<AreaStats> = self
            .areas
            .into_iter()
            .map(|(mut s, scores)| {
                s.spread = Spread::of(&scores);
                s
            })
            .collect();
        let dimensions: Vec<DimensionStats> = self
            .dims
            .into_iter()
            .map(|(mut s, scores)| {
                s.spread = Spread::of(&scores);
                s
            })
            .collect();
        let gaps = ranked(
            dimensions
                .iter()
                .filter(|d| d.gaps > 0)
                .map(|d| (d.id.to_string(), d.gaps))
                .collect(),
        );
        let mut needs: Vec<Need> = self
            .proposals
            .into_iter()
            .zip(self.needs)
            .map(|(proposal, t)| Need {
                proposal,
                firms: t.firms,
                urgent: t.urgent,
                steps: ranked(t.steps),
                area: ranked(t.areas)
                    .first()
                    .map(|c| AreaId(c.id.as_str().into())),
            })
            .collect();
        needs.sort_by(|a, b| {
            b.firms
                .cmp(&a.firms)
                .then(b.urgent.cmp(&a.urgent))
                .then(proposal_number(&a.proposal).cmp(&proposal_number(&b.proposal)))
        });
        let broad_shallow = self.broad_shallow.map(|id| {
            self.findings
                .iter()
                .find(|f| f.id == id)
                .map_or(0, |f| f.count)
        });
        Cohort {
            firms: self.firms,
            finished: self.finished,
            in_progress: self.firms - self.finished,
            empty: self.empty,
            overall: AreaStats {
                id: AreaId("overall".into()),
                spread: Spread::of(&self.overall),
                levels: self.overall_levels,
            },
            areas,
            ladders: self.ladders,
            dimensions,
            gaps,
            needs,
            findings: self.findings,
            broad_shallow,
        }
    }
}
