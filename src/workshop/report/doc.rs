//! The cohort report as a document — headings, paragraphs, lists and tables — built once and
//! rendered as Markdown or HTML, so both always say the same.

use std::io;

use super::firm::Firm;
use super::{Report, num_or_dash, place_text};
use crate::domain::cohort::{AreaStats, Count, Spread, count_text, shown_count};
use crate::domain::output::fmt_score_at;
use crate::workshop::text::{self, clean};

/// A table cell: text, or a share drawn as a bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// 0–1, shown as a bar with its percentage.
    Bar(f64),
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    /// Columns aligned right (numbers).
    pub right: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(String),
    /// A small heading inside a section.
    Sub(String),
    List(Vec<String>),
    Table(Table),
    /// The table of firms: its rows (none here) are made while writing, one firm at a time,
    /// by the [`FirmRows`] the writer is given.
    Firms(Table),
}

/// Makes the firm table's rows, handing each to the writer as it is made.
pub type FirmRows<'a> = &'a dyn Fn(&mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()>;

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub title: String,
    /// Lines under the title: date, questionnaire, firm counts.
    pub meta: Vec<String>,
    pub notes: Vec<String>,
    pub sections: Vec<Section>,
}

fn table(head: &[&str], right: &[bool], rows: Vec<Vec<Cell>>) -> Block {
    Block::Table(Table {
        head: head.iter().map(|h| h.to_string()).collect(),
        right: right.to_vec(),
        rows,
    })
}

/// A statistics table's column heads: `first`, the five-number summary, then `last`.
fn spread_head<'a>(r: &Report, first: &[text::T], last: Option<&'a str>) -> Vec<&'a str> {
    let words = first.iter().chain(&text::C_SPREAD).map(|w| r.t(*w));
    words.chain(last).collect()
}

fn spread_cells(s: &Spread) -> Vec<Cell> {
    let mut cells = vec![Cell::Text(s.n.to_string())];
    match &s.quartiles {
        Some(q) => cells
            .extend([q.min, q.q1, q.median, q.q3, q.max].map(|x| Cell::Text(fmt_score_at(x, 1)))),
        None => cells.extend((0..5).map(|_| Cell::Text("–".into()))),
    }
    cells
}

/// `count` of `total` firms as a bar; blank for 1 or 2 firms, whose share is not shown
/// either (issue 13, 15).
fn share(count: usize, total: usize) -> Cell {
    match shown_count(count) {
        Some(_) if total > 0 => Cell::Bar(count as f64 / total as f64),
        Some(_) => Cell::Bar(0.0),
        None => Cell::Text(String::new()),
    }
}

fn distribution(
    r: &Report,
    counts: &[Count],
    label: impl Fn(&str) -> String,
    first: &str,
) -> Block {
    let total: usize = counts.iter().map(|c| c.count).sum();
    let rows = counts
        .iter()
        .map(|c| {
            vec![
                Cell::Text(label(&c.id)),
                Cell::Text(count_text(c.count)),
                share(c.count, total),
            ]
        })
        .collect();
    table(
        &[first, r.t(text::C_N), r.t(text::C_SHARE)],
        &[false, true, false],
        rows,
    )
}

fn levels(r: &Report, stats: &AreaStats) -> Section {
    let area = stats.id.as_str();
    Section {
        heading: text::H_LEVELS.fill(r.lang, &[&r.area_title(area)]),
        blocks: vec![distribution(
            r,
            &stats.levels,
            |id| r.level_label(area, id),
            r.t(text::C_LEVEL),
        )],
    }
}

/// Builds the report's document.
pub fn build(r: &Report) -> Doc {
    let lang = r.lang;
    let ws = r.ws;
    let c = &r.cohort;
    let q = &ws.inst.questionnaire;
    let colon = r.t(text::COLON);
    let mut meta = vec![
        format!("{}{colon}{}", r.t(text::R_DATE), clean(&ws.meta.date)),
        format!(
            "{}{colon}{} {} ({})",
            r.t(text::R_QUESTIONNAIRE),
            q.id,
            q.version,
            ws.inst.hash
        ),
        text::R_FIRMS_LINE.count(lang, c.firms, &[&c.finished, &c.in_progress]),
    ];
    if !r.problems.is_empty() {
        meta.push(text::R_SKIPPED_FILES.count(lang, r.problems.len(), &[]));
    }
    let mut notes = ws.notes.clone();
    notes.push(r.t(text::R_BASIS).to_string());
    notes.push(r.t(text::R_ESTIMATE).to_string());
    // The questionnaire's own note on what its result is and is not.
    if let Some(note) = &ws.inst.questionnaire.note {
        notes.push(note.get(lang).to_string());
    }

    let mut sections = Vec::new();
    // A follow-up room opens with its change since the earlier room.
    sections.extend(crate::progress::follow_up::section(r));
    if c.finished == 0 {
        sections.push(Section {
            heading: r.t(text::H_SCORES).to_string(),
            blocks: vec![Block::Para(r.t(text::R_NONE_FINISHED).to_string())],
        });
    } else {
        let head = spread_head(r, &[text::C_AREA, text::C_N], None);
        let rows = std::iter::once(&c.overall)
            .chain(&c.areas)
            .map(|a| {
                let mut row = vec![Cell::Text(r.area_title(a.id.as_str()))];
                row.extend(spread_cells(&a.spread));
                row
            })
            .collect();
        sections.push(Section {
            heading: r.t(text::H_SCORES).to_string(),
            blocks: vec![table(
                &head,
                &[false, true, true, true, true, true, true],
                rows,
            )],
        });
        for l in &c.ladders {
            sections.push(Section {
                heading: text::H_LADDER.fill(lang, &[&r.ladder_title(&l.id)]),
                blocks: vec![distribution(
                    r,
                    &l.rungs,
                    |id| r.rung_label(&l.id, id),
                    r.t(text::C_RUNG),
                )],
            });
        }
        for a in &c.areas {
            sections.push(levels(r, a));
        }
        sections.push(levels(r, &c.overall));

        let gap_line = r.ws.inst.questionnaire.score_format.gap_below;
        let below = text::C_BELOW.fill(lang, &[&gap_line]);
        let head = spread_head(
            r,
            &[text::C_AREA, text::C_DIMENSION, text::C_N],
            Some(&below),
        );
        let rows = c
            .dimensions
            .iter()
            .map(|d| {
                let mut row = vec![
                    Cell::Text(r.area_title(d.area.as_str())),
                    Cell::Text(r.dimension_title(d.id.as_str())),
                ];
                row.extend(spread_cells(&d.spread));
                row.push(Cell::Text(d.gaps.to_string()));
                row
            })
            .collect();
        sections.push(Section {
            heading: r.t(text::H_DIMENSIONS).to_string(),
            blocks: vec![table(
                &head,
                &[false, false, true, true, true, true, true, true, true],
                rows,
            )],
        });

        let gaps: Vec<String> = c
            .gaps
            .iter()
            .take(5)
            .map(|g| {
                text::GAP_LINE.fill(
                    lang,
                    &[&r.dimension_title(&g.id), &count_text(g.count), &gap_line],
                )
            })
            .collect();
        sections.push(Section {
            heading: r.t(text::H_GAPS).to_string(),
            blocks: vec![if gaps.is_empty() {
                Block::Para(text::NO_GAPS.fill(lang, &[&gap_line]))
            } else {
                Block::List(gaps)
            }],
        });

        let mut findings: Vec<&Count> = c.findings.iter().collect();
        // "Broad but shallow" leads: it is the finding the article is about.
        let lead = q.role(crate::domain::model::Role::BreadthVsDepth);
        findings.sort_by_key(|f| Some(f.id.as_str()) != lead);
        // A questionnaire that defines no findings gets no empty section for them.
        if !q.findings.is_empty() {
            sections.push(Section {
                heading: r.t(text::H_FINDINGS).to_string(),
                blocks: vec![Block::List(
                    findings
                        .iter()
                        .map(|f| {
                            text::FINDING_LINE
                                .fill(lang, &[&r.finding_title(&f.id), &count_text(f.count)])
                        })
                        .collect(),
                )],
            });
        }
    }

    // What the room needs, by proposal: only where the questionnaire recommends.
    if r.ws.inst.recommends() {
        let head = [
            r.t(text::C_RANK),
            r.t(text::C_PROPOSAL),
            r.t(text::C_NEED),
            r.t(text::C_URGENT),
            r.t(text::C_SHARE),
        ];
        let rows = c
            .needs
            .iter()
            .enumerate()
            .map(|(i, n)| {
                vec![
                    Cell::Text((i + 1).to_string()),
                    Cell::Text(r.proposal_title(n.proposal.as_str())),
                    Cell::Text(count_text(n.firms)),
                    Cell::Text(count_text(n.urgent)),
                    share(n.firms, c.finished),
                ]
            })
            .collect();
        let mut blocks = vec![table(&head, &[true, false, true, true, false], rows)];
        for n in c.needs.iter().filter(|n| n.firms > 0).take(5) {
            blocks.push(Block::Sub(format!(
                "{} — {}",
                r.proposal_title(n.proposal.as_str()),
                text::NEEDED_BY.count(lang, n.firms, &[])
            )));
            let mut items = vec![format!(
                "{}{colon}{}",
                r.t(text::C_BRING),
                r.bring(n.proposal.as_str(), n.area.as_ref().map(|a| a.as_str()))
            )];
            for s in n.steps.iter().take(3) {
                items.push(format!(
                    "{}{colon}{}{}",
                    r.t(text::STEPS),
                    r.rule_action(&s.id),
                    text::STEP_FIRMS.fill(lang, &[&count_text(s.count)])
                ));
            }
            blocks.push(Block::List(items));
        }
        sections.push(Section {
            heading: r.t(text::H_NEEDS).to_string(),
            blocks,
        });
    }

    sections.push(firms_section(r));

    if !r.problems.is_empty() {
        let rows = r
            .problems
            .iter()
            .map(|p| {
                let reason = if p.detail_in(lang).is_empty() {
                    p.kind.label(lang).to_string()
                } else {
                    format!("{} — {}", p.kind.label(lang), p.detail_in(lang))
                };
                vec![Cell::Text(p.file.clone()), Cell::Text(reason)]
            })
            .collect();
        sections.push(Section {
            heading: r.t(text::H_PROBLEMS).to_string(),
            blocks: vec![table(
                &[r.t(text::C_FILE), r.t(text::C_REASON)],
                &[false, false],
                rows,
            )],
        });
    }

    Doc {
        title: text::R_TITLE.fill(lang, &[&ws.meta.title]),
        meta,
        notes,
        sections,
    }
}

fn firms_section(r: &Report) -> Section {
    let lang = r.lang;
    let q = &r.ws.inst.questionnaire;
    let t = |w: text::T| r.t(w).to_string();
    let mut cols = vec![(t(text::C_CODE), false)];
    if r.named {
        cols.push((t(text::C_NAME), false));
    }
    cols.extend([
        (t(text::C_STATUS), false),
        (t(text::C_ANSWERED), true),
        (t(text::OVERALL), false),
    ]);
    let titles = q
        .areas
        .iter()
        .map(|a| &a.title)
        .chain(q.ladders.iter().map(|l| &l.title));
    cols.extend(titles.map(|title| (title.get(lang).to_string(), false)));
    // The proposals column only where the questionnaire recommends.
    if r.ws.inst.recommends() {
        cols.push((t(text::C_PROPOSALS), false));
    }
    let (head, right) = cols.into_iter().unzip();
    Section {
        heading: r
            .t(if r.named {
                text::H_FIRMS_NAMED
            } else {
                text::H_FIRMS
            })
            .to_string(),
        blocks: vec![Block::Firms(Table {
            head,
            right,
            rows: Vec::new(),
        })],
    }
}

/// The firm table's rows, one per firm in firm-code order.
pub fn firm_rows(r: &Report, each: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
    r.firms.for_each(|f| each(firm_row(r, f)))
}

fn firm_row(r: &Report, f: &Firm) -> Vec<Cell> {
    let lang = r.lang;
    let q = &r.ws.inst.questionnaire;
    let mut row = vec![Cell::Text(f.code.clone())];
    if r.named {
        row.push(Cell::Text(r.name_of(f).unwrap_or_default()));
    }
    let finished = f.finished();
    row.push(Cell::Text(
        r.t(if finished {
            text::FINISHED
        } else {
            text::IN_PROGRESS
        })
        .to_string(),
    ));
    row.push(Cell::Text(format!("{}/{}", f.answered, f.asked)));
    let standing = if finished {
        r.cohort.standing_of(f.scores(q).into_iter())
    } else {
        Vec::new()
    };
    let with_place = |area: &str, score: Option<f64>, level: String| {
        let mut s = format!("{} · {level}", num_or_dash(score));
        if let Some(st) = standing.iter().find(|s| s.area == area) {
            s.push_str(&format!(" · {}", place_text(st.place, lang)));
        }
        s
    };
    let overall = f.overall(q);
    row.push(Cell::Text(with_place(
        "overall",
        overall.score,
        r.level_label("overall", overall.level),
    )));
    for a in f.areas(q) {
        row.push(Cell::Text(with_place(
            a.id,
            a.score,
            r.level_label(a.id, a.level),
        )));
    }
    for l in f.ladders(q) {
        row.push(Cell::Text(format!(
            "{}/{} {}",
            l.index + 1,
            l.of,
            r.rung_label(l.id, l.rung)
        )));
    }
    if r.ws.inst.recommends() {
        row.push(Cell::Text(
            f.proposals
                .iter()
                .map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ));
    }
    row
}
