//! `programme report`: totals, score distributions, levels, rungs and proposals per round,
//! breakdowns by every profile field with options (industry, size band, region type…) with
//! cells of fewer than [`MIN_CELL`] firms suppressed, and the change between rounds. Scores are
//! counted on the room statistics' tenth-of-a-point grid ([`Scores::push_rounded`]), so memory
//! stays flat and the medians of one-decimal scores are exact.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::ProgrammeReportFormat;
use super::export::{check_all, each_folder};
use super::words::*;
use crate::domain::Lang;
use crate::domain::cohort::{Scores, Status, round1, tick};
use crate::domain::report::html_page;
use crate::workshop::report::level_label;
use crate::workshop::room::{Response, for_each_file};
use crate::workshop::text as ws;

/// Cells with fewer firms than this are not shown (neither count nor mean).
pub const MIN_CELL: usize = 3;

/// Firms of one profile group.
#[derive(Debug, Clone, Default)]
struct Cell {
    n: usize,
    overall: f64,
    areas: BTreeMap<String, f64>,
}

/// Everything counted for one round.
#[derive(Debug, Clone, Default)]
struct Round {
    workshops: usize,
    records: usize,
    finished: usize,
    overall: Scores,
    areas: BTreeMap<String, Scores>,
    /// `overall` or an area id → level id → firms.
    levels: BTreeMap<String, BTreeMap<String, usize>>,
    /// Ladder id → rung number → firms.
    rungs: BTreeMap<String, BTreeMap<usize, usize>>,
    proposals: BTreeMap<String, usize>,
    /// Profile field → option id (empty: not given) → firms.
    cells: BTreeMap<String, BTreeMap<String, Cell>>,
}

impl Round {
    fn add(&mut self, r: &Response, fields: &[String]) {
        self.records += 1;
        if Status::of(&r.card) != Status::Finished {
            return;
        }
        let card = &r.card;
        self.finished += 1;
        if let Some(overall) = card.overall_score {
            self.overall.push_rounded(overall);
        }
        tick(
            self.levels.entry("overall".into()).or_default(),
            card.overall_level.as_str(),
        );
        for a in &card.areas {
            if let Some(score) = a.score {
                self.areas
                    .entry(a.id.to_string())
                    .or_default()
                    .push_rounded(score);
            }
            tick(
                self.levels.entry(a.id.to_string()).or_default(),
                a.level.as_str(),
            );
        }
        for l in &card.ladders {
            *self
                .rungs
                .entry(l.id.to_string())
                .or_default()
                .entry(l.index + 1)
                .or_default() += 1;
        }
        for rec in &card.recommendations {
            tick(&mut self.proposals, rec.proposal.as_str());
        }
        // Breakdowns compare whole firms: one without an overall score (too many "don't
        // know") is counted in its round but left out of the cells.
        let Some(overall) = card.overall_score else {
            return;
        };
        for f in fields {
            let option = r.answers.profile.get(f).cloned().unwrap_or_default();
            let cell = self
                .cells
                .entry(f.clone())
                .or_default()
                .entry(option)
                .or_default();
            cell.n += 1;
            cell.overall += overall;
            for a in &card.areas {
                *cell.areas.entry(a.id.to_string()).or_default() += a.score.unwrap_or_default();
            }
        }
    }
}

/// A programme's numbers, read from its workshop folders.
#[derive(Debug, Clone)]
pub struct Tally {
    inst: crate::domain::Instrument,
    workshops: usize,
    skipped: usize,
    rounds: BTreeMap<u32, Round>,
}

impl Tally {
    /// Reads every firm of every folder once. Labels come from the first folder's
    /// questionnaire; areas, levels and rungs are matched by id across folders.
    pub fn over(dirs: &[PathBuf], lang: Lang, _err: &mut dyn Write) -> Result<Tally> {
        check_all(dirs, lang)?;
        let inst = match dirs.first() {
            Some(d) => crate::workshop::Workshop::open(d, lang)?.inst,
            None => crate::domain::Instrument::builtin()
                .map_err(|e| anyhow::anyhow!("{}", e.display_in(lang)))?,
        };
        let fields: Vec<String> = inst
            .questionnaire
            .profile
            .iter()
            .filter(|f| !f.options.is_empty())
            .map(|f| f.id.clone())
            .collect();
        let mut t = Tally {
            inst,
            workshops: dirs.len(),
            skipped: 0,
            rounds: BTreeMap::new(),
        };
        each_folder(dirs, lang, |ws, folder| {
            let round = t.rounds.entry(folder.round).or_default();
            round.workshops += 1;
            let mut skipped = 0;
            for_each_file(ws, |f| {
                match f {
                    Ok(r) => round.add(r, &fields),
                    Err(_) => skipped += 1,
                }
                Ok(())
            })?;
            t.skipped += skipped;
            Ok(())
        })?;
        Ok(t)
    }

    /// The report's content in `lang`.
    pub fn view(&self, lang: Lang) -> View {
        let q = &self.inst.questionnaire;
        let mut scores: Vec<(String, String)> =
            vec![("overall".into(), ws::OVERALL.get(lang).into())];
        scores.extend(
            q.areas
                .iter()
                .map(|a| (a.id.to_string(), a.title.get(lang).to_string())),
        );
        let hist = |r: &Round, id: &str| -> Scores {
            if id == "overall" {
                r.overall.clone()
            } else {
                r.areas.get(id).cloned().unwrap_or_default()
            }
        };
        let rounds: Vec<RoundView> = self
            .rounds
            .iter()
            .map(|(number, r)| {
                let distribution = scores
                    .iter()
                    .map(|(id, title)| {
                        let h = hist(r, id);
                        let q = h.quartiles();
                        Distribution {
                            id: id.clone(),
                            title: title.clone(),
                            n: h.len(),
                            mean: h.mean().map(round1),
                            min: q.map(|q| q.min),
                            q1: q.map(|q| round1(q.q1)),
                            median: q.map(|q| round1(q.median)),
                            q3: q.map(|q| round1(q.q3)),
                            max: q.map(|q| q.max),
                        }
                    })
                    .collect();
                let levels = scores
                    .iter()
                    .map(|(id, title)| Counts {
                        id: id.clone(),
                        title: title.clone(),
                        rows: r
                            .levels
                            .get(id)
                            .map(|m| {
                                m.iter()
                                    .map(|(l, n)| Row {
                                        id: l.clone(),
                                        label: level_label(q, id, l, lang),
                                        n: *n,
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                    })
                    .collect();
                let rungs = q
                    .ladders
                    .iter()
                    .map(|l| Counts {
                        id: l.id.to_string(),
                        title: l.title.get(lang).to_string(),
                        rows: l
                            .rungs
                            .iter()
                            .enumerate()
                            .map(|(i, rung)| Row {
                                id: (i + 1).to_string(),
                                label: format!("{} {}", i + 1, rung.label.get(lang)),
                                n: r.rungs
                                    .get(l.id.as_str())
                                    .and_then(|m| m.get(&(i + 1)))
                                    .copied()
                                    .unwrap_or(0),
                            })
                            .collect(),
                    })
                    .collect();
                let proposals = Counts {
                    id: "proposals".into(),
                    title: PROPOSALS.get(lang).into(),
                    rows: self
                        .inst
                        .proposals
                        .proposals
                        .iter()
                        .map(|p| Row {
                            id: p.id.to_string(),
                            label: format!("{} {}", p.id, p.keyword.get(lang)),
                            n: r.proposals.get(p.id.as_str()).copied().unwrap_or(0),
                        })
                        .collect(),
                };
                let breakdowns = q
                    .profile
                    .iter()
                    .filter(|f| !f.options.is_empty())
                    .map(|f| {
                        let cells = r.cells.get(&f.id);
                        let labelled = f
                            .options
                            .iter()
                            .map(|o| (o.id.clone(), o.label.get(lang).to_string()))
                            .chain(std::iter::once((String::new(), NOT_GIVEN.get(lang).into())));
                        Breakdown {
                            field: f.id.clone(),
                            title: BY.fill(lang, &[&f.label.get(lang)]),
                            rows: labelled
                                .filter_map(|(id, label)| {
                                    let c = cells.and_then(|m| m.get(&id))?;
                                    let shown = c.n >= MIN_CELL;
                                    let mean = |s: f64| shown.then(|| round1(s / c.n as f64));
                                    Some(CellView {
                                        id,
                                        label,
                                        n: shown.then_some(c.n),
                                        suppressed: !shown,
                                        overall: mean(c.overall),
                                        areas: q
                                            .areas
                                            .iter()
                                            .map(|a| {
                                                mean(
                                                    c.areas
                                                        .get(a.id.as_str())
                                                        .copied()
                                                        .unwrap_or(0.0),
                                                )
                                            })
                                            .collect(),
                                    })
                                })
                                .collect(),
                        }
                    })
                    .collect();
                RoundView {
                    round: *number,
                    title: ROUND.fill(lang, &[number]),
                    workshops: r.workshops,
                    records: r.records,
                    finished: r.finished,
                    distribution,
                    levels,
                    rungs,
                    proposals,
                    breakdowns,
                }
            })
            .collect();
        let changes = rounds
            .windows(2)
            .map(|w| {
                let (a, b) = (&w[0], &w[1]);
                Change {
                    from: a.round,
                    to: b.round,
                    title: CHANGE_ROW.fill(lang, &[&a.round, &b.round]),
                    scores: a
                        .distribution
                        .iter()
                        .zip(&b.distribution)
                        .map(|(x, y)| ScoreDelta {
                            id: x.id.clone(),
                            title: x.title.clone(),
                            median: x.median.zip(y.median).map(|(m, n)| round1(n - m)),
                            mean: x.mean.zip(y.mean).map(|(m, n)| round1(n - m)),
                        })
                        .collect(),
                    rungs: a
                        .rungs
                        .iter()
                        .zip(&b.rungs)
                        .map(|(x, y)| {
                            let share = |c: &Counts| -> Vec<Option<f64>> {
                                let total: usize = c.rows.iter().map(|r| r.n).sum();
                                c.rows
                                    .iter()
                                    .map(|r| {
                                        (total > 0)
                                            .then(|| round1(r.n as f64 * 100.0 / total as f64))
                                    })
                                    .collect()
                            };
                            RungShift {
                                id: x.id.clone(),
                                title: x.title.clone(),
                                labels: x.rows.iter().map(|r| r.label.clone()).collect(),
                                before: share(x),
                                after: share(y),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        View {
            title: TITLE.get(lang).into(),
            questionnaire: format!("{} {}", q.id, q.version),
            workshops: self.workshops,
            records: rounds.iter().map(|r| r.records).sum(),
            finished: rounds.iter().map(|r| r.finished).sum(),
            skipped_files: self.skipped,
            min_cell: MIN_CELL,
            area_titles: q
                .areas
                .iter()
                .map(|a| a.title.get(lang).to_string())
                .collect(),
            rounds,
            changes,
        }
    }

    pub fn write<W: Write + ?Sized>(
        &self,
        format: ProgrammeReportFormat,
        lang: Lang,
        out: &mut W,
    ) -> io::Result<()> {
        let v = self.view(lang);
        match format {
            ProgrammeReportFormat::Json => out.write_all(&crate::store::pretty_json(&v)?),
            ProgrammeReportFormat::Md => {
                out.write_all(super::render::markdown(&v, lang).as_bytes())
            }
            ProgrammeReportFormat::Html => {
                let body = super::render::html(&v, lang);
                let title = &v.title;
                out.write_all(
                    html_page(lang, title, &v.questionnaire, title, None, &body).as_bytes(),
                )
            }
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub title: String,
    pub questionnaire: String,
    pub workshops: usize,
    pub records: usize,
    pub finished: usize,
    pub skipped_files: usize,
    pub min_cell: usize,
    pub area_titles: Vec<String>,
    pub rounds: Vec<RoundView>,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundView {
    pub round: u32,
    pub title: String,
    pub workshops: usize,
    pub records: usize,
    pub finished: usize,
    pub distribution: Vec<Distribution>,
    pub levels: Vec<Counts>,
    pub rungs: Vec<Counts>,
    pub proposals: Counts,
    pub breakdowns: Vec<Breakdown>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Distribution {
    pub id: String,
    pub title: String,
    pub n: usize,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub id: String,
    pub title: String,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub n: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    pub field: String,
    pub title: String,
    pub rows: Vec<CellView>,
}

/// One profile group; `n` and the means are `None` when it has fewer than [`MIN_CELL`] firms.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// The option id; empty for "not given".
    pub id: String,
    pub label: String,
    pub n: Option<usize>,
    pub suppressed: bool,
    pub overall: Option<f64>,
    /// Mean per area, in questionnaire order.
    pub areas: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub from: u32,
    pub to: u32,
    pub title: String,
    pub scores: Vec<ScoreDelta>,
    pub rungs: Vec<RungShift>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreDelta {
    pub id: String,
    pub title: String,
    pub median: Option<f64>,
    pub mean: Option<f64>,
}

/// The share of finished firms on each rung (percent), in both rounds.
#[derive(Debug, Clone, Serialize)]
pub struct RungShift {
    pub id: String,
    pub title: String,
    pub labels: Vec<String>,
    pub before: Vec<Option<f64>>,
    pub after: Vec<Option<f64>>,
}
