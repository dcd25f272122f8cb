//! The programme report as Markdown and as the body of an HTML page (the firm report's frame
//! and escaping).

use std::fmt::Write as _;

use super::tally::*;
use super::words::*;
use crate::domain::Lang;
use crate::domain::output::{fmt_change, fmt_score_at};
use crate::domain::report::{html_escape, md_escape, md_table_head, md_table_row};
use crate::workshop::text::{C_LEVEL, C_N, C_PROPOSAL, C_RUNG, C_SCORE, C_SPREAD, OVERALL};

/// One table: header cells, then rows of cells (already text).
struct Table {
    title: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Everything the report shows, as headed tables and notes, in order.
enum Block {
    Heading(u8, String),
    Para(String),
    Table(Table),
}

fn blocks(v: &View, lang: Lang) -> Vec<Block> {
    let t = |b: crate::domain::text::Bilingual| b.get(lang).to_string();
    let mut out = vec![
        Block::Heading(1, format!("{} — {}", v.title, v.questionnaire)),
        Block::Table(Table {
            title: t(TOTALS),
            head: vec![String::new(), t(C_N)],
            rows: vec![
                vec![t(WORKSHOPS), v.workshops.to_string()],
                vec![t(RECORDS), v.records.to_string()],
                vec![t(FINISHED), v.finished.to_string()],
                vec![t(SKIPPED), v.skipped_files.to_string()],
            ],
        }),
    ];
    for r in &v.rounds {
        out.push(Block::Heading(2, r.title.clone()));
        out.push(Block::Para(format!(
            "{} {} · {} {} · {} {}",
            t(WORKSHOPS),
            r.workshops,
            t(RECORDS),
            r.records,
            t(FINISHED),
            r.finished
        )));
        out.push(Block::Table(Table {
            title: t(DISTRIBUTION),
            head: [C_SCORE, C_N, MEAN]
                .into_iter()
                .chain(C_SPREAD)
                .map(t)
                .collect(),
            rows: r
                .distribution
                .iter()
                .map(|d| {
                    vec![
                        d.title.clone(),
                        d.n.to_string(),
                        opt(d.mean),
                        opt(d.min),
                        opt(d.q1),
                        opt(d.median),
                        opt(d.q3),
                        opt(d.max),
                    ]
                })
                .collect(),
        }));
        for c in &r.levels {
            out.push(counts(
                format!("{} — {}", t(LEVELS), c.title),
                t(C_LEVEL),
                c,
                lang,
            ));
        }
        for c in &r.rungs {
            out.push(counts(
                format!("{} — {}", t(RUNGS), c.title),
                t(C_RUNG),
                c,
                lang,
            ));
        }
        let c = &r.proposals;
        out.push(counts(c.title.clone(), t(C_PROPOSAL), c, lang));
        for b in &r.breakdowns {
            let mut head = vec![String::new(), t(C_N), t(OVERALL)];
            head.extend(v.area_titles.iter().cloned());
            out.push(Block::Table(Table {
                title: b.title.clone(),
                head,
                rows: b
                    .rows
                    .iter()
                    .map(|c| {
                        if c.suppressed {
                            let mut row = vec![c.label.clone(), t(SUPPRESSED)];
                            row.extend(std::iter::repeat_n(String::new(), 1 + v.area_titles.len()));
                            return row;
                        }
                        let mut row = vec![
                            c.label.clone(),
                            c.n.map(|n| n.to_string()).unwrap_or_default(),
                            opt(c.overall),
                        ];
                        row.extend(c.areas.iter().map(|a| opt(*a)));
                        row
                    })
                    .collect(),
            }));
        }
    }
    out.push(Block::Heading(2, t(CHANGE)));
    if v.changes.is_empty() {
        out.push(Block::Para(t(ONE_ROUND)));
    }
    for c in &v.changes {
        out.push(Block::Table(Table {
            title: c.title.clone(),
            head: vec![t(C_SCORE), t(MEDIAN_CHANGE), t(MEAN_CHANGE)],
            rows: c
                .scores
                .iter()
                .map(|s| {
                    vec![
                        s.title.clone(),
                        fmt_change(s.median, 1),
                        fmt_change(s.mean, 1),
                    ]
                })
                .collect(),
        }));
        for r in &c.rungs {
            out.push(Block::Table(Table {
                title: format!("{} — {}", c.title, r.title),
                head: vec![
                    t(C_RUNG),
                    ROUND.fill(lang, &[&c.from]),
                    ROUND.fill(lang, &[&c.to]),
                ],
                rows: r
                    .labels
                    .iter()
                    .zip(r.before.iter().zip(&r.after))
                    .map(|(l, (b, a))| vec![l.clone(), percent(*b), percent(*a)])
                    .collect(),
            }));
        }
    }
    out.push(Block::Para(t(FIRMS_NOTE)));
    out
}

/// A table of how many firms each level, rung or proposal has.
fn counts(title: String, label: String, c: &Counts, lang: Lang) -> Block {
    Block::Table(Table {
        title,
        head: vec![label, C_N.get(lang).to_string()],
        rows: c
            .rows
            .iter()
            .map(|x| vec![x.label.clone(), x.n.to_string()])
            .collect(),
    })
}

/// A room statistic as shown (one decimal); a dash when there is none.
pub(crate) fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |x| fmt_score_at(x, 1))
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "–".into(), |x| format!("{x:.1}%"))
}

pub fn markdown(v: &View, lang: Lang) -> String {
    let e = md_escape;
    let mut s = String::new();
    for b in blocks(v, lang) {
        // Writing to a String cannot fail.
        let _ = match b {
            Block::Heading(level, text) => {
                writeln!(s, "{} {}\n", "#".repeat(level.into()), e(&text))
            }
            Block::Para(text) => writeln!(s, "{}\n", e(&text)),
            Block::Table(t) => (|| {
                writeln!(s, "**{}**\n", e(&t.title))?;
                s.push_str(&md_table_head(&t.head, |i| i > 0));
                for r in &t.rows {
                    s.push_str(&md_table_row(r.iter().map(|c| e(c))));
                }
                writeln!(s)
            })(),
        };
    }
    s
}

pub fn html(v: &View, lang: Lang) -> String {
    let e = html_escape;
    let mut s = String::new();
    for b in blocks(v, lang) {
        let _ = match b {
            // The frame already carries the page's one h1.
            Block::Heading(1, _) => Ok(()),
            Block::Heading(level, text) => writeln!(s, "<h{level}>{}</h{level}>", e(&text)),
            Block::Para(text) => writeln!(s, "<p>{}</p>", e(&text)),
            Block::Table(t) => (|| {
                writeln!(
                    s,
                    "<h3>{}</h3>\n<table class=\"dims\"><thead><tr>",
                    e(&t.title)
                )?;
                // The first column names the row; the others are numbers.
                let cells = |s: &mut String, tag: &str, row: &[String]| {
                    for (i, c) in row.iter().enumerate() {
                        let class = if i == 0 { "" } else { " class=\"num\"" };
                        let _ = write!(s, "<{tag}{class}>{}</{tag}>", e(c));
                    }
                };
                cells(&mut s, "th", &t.head);
                writeln!(s, "</tr></thead><tbody>")?;
                for r in &t.rows {
                    write!(s, "<tr>")?;
                    cells(&mut s, "td", r);
                    writeln!(s, "</tr>")?;
                }
                writeln!(s, "</tbody></table>")
            })(),
        };
    }
    s
}
