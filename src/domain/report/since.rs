//! "Since last time": a firm's progress between two checks, as a section of its report (first
//! page) and as the whole of `smecheck compare`, in text, Markdown, HTML and JSON. Escaping and
//! the HTML page frame are the report's own.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::domain::instrument::Instrument;
use crate::domain::model::Level;
use crate::domain::output::{fmt_change, fmt_score_at, not_enough};
use crate::domain::progress::{ActionStatus, Movement, Progress, Status};
use crate::domain::text::Lang;
use crate::domain::wrap::{pad, width, wrap};

use super::date::display_date;
use super::strings as ws;
use super::{ReportFormat, html, md, text};

/// A row of the change table: a headline score or a dimension, at both checks.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeRow {
    pub label: String,
    /// A dimension under its area.
    pub indent: bool,
    pub before: String,
    pub after: String,
    pub change: String,
    pub movement: Option<Movement>,
}

/// A titled list (resolved recommendations, acted-on actions…), already in words.
#[derive(Debug, Clone, Serialize)]
pub struct ListGroup {
    pub id: &'static str,
    pub title: String,
    pub items: Vec<String>,
}

/// The "since last time" section in one language, ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct SinceView {
    pub title: String,
    /// One sentence: what changed, for the first page.
    pub headline: String,
    /// Which files, which versions, scored how.
    pub basis: String,
    pub columns: [String; 4],
    pub rows: Vec<ChangeRow>,
    pub rungs: Vec<String>,
    pub groups: Vec<ListGroup>,
    pub answers: String,
    pub not_compared_title: String,
    pub not_compared: Vec<String>,
    /// The comparison by id, for programs.
    pub progress: Progress,
}

fn level_name(levels: &[Level], id: &str, lang: Lang) -> String {
    levels
        .iter()
        .find(|l| l.id == id)
        .map_or_else(|| id.to_string(), |l| l.label.get(lang).to_string())
}

fn when(saved_at: Option<&str>, lang: Lang) -> String {
    saved_at.and_then(|s| s.get(..10)).map_or_else(
        || ws::SINCE_UNDATED.get(lang).to_string(),
        |d| display_date(d, lang),
    )
}

impl SinceView {
    pub fn new(inst: &Instrument, p: &Progress, lang: Lang) -> SinceView {
        let q = &inst.questionnaire;
        // Scores and changes at the questionnaire's precision, as in its reports.
        let decimals = q.score_format.precision;
        let fmt_score = |x: f64| fmt_score_at(x, decimals);
        let change = |x: Option<f64>| fmt_change(x, decimals);
        let score_cell = |s: Option<f64>, levels: &[Level], level: &str| match s {
            Some(s) => format!("{} {}", fmt_score(s), level_name(levels, level, lang)),
            None => not_enough(lang).to_string(),
        };
        let mut rows = vec![ChangeRow {
            label: ws::OVERALL.get(lang).to_string(),
            indent: false,
            before: score_cell(p.overall.before, &q.levels, p.overall.level_before.as_str()),
            after: score_cell(p.overall.after, &q.levels, p.overall.level_after.as_str()),
            change: change(p.overall.delta),
            movement: p.overall.movement,
        }];
        for a in &p.areas {
            let Some(area) = q.area(&a.id) else { continue };
            rows.push(ChangeRow {
                label: area.title.get(lang).to_string(),
                indent: false,
                before: score_cell(a.score.before, &area.levels, a.score.level_before.as_str()),
                after: score_cell(a.score.after, &area.levels, a.score.level_after.as_str()),
                change: change(a.score.delta),
                movement: a.score.movement,
            });
            for d in &a.dimensions {
                let title = q
                    .dimension(&d.id)
                    .map_or_else(|| d.id.to_string(), |(_, x)| x.title.get(lang).to_string());
                let cell =
                    |s: Option<f64>| s.map_or_else(|| ws::NO_DATA.get(lang).to_string(), fmt_score);
                rows.push(ChangeRow {
                    label: title,
                    indent: true,
                    before: cell(d.before),
                    after: cell(d.after),
                    change: change(d.delta),
                    movement: d.delta.map(|x| Movement::of_delta(x, decimals)),
                });
            }
        }

        let rungs: Vec<String> = p
            .ladders
            .iter()
            .filter_map(|l| {
                let ladder = q.ladders.iter().find(|x| x.id == l.ladder)?;
                let label = |id: &str| {
                    ladder
                        .rungs
                        .iter()
                        .find(|r| r.id == id)
                        .map_or_else(|| id.to_string(), |r| r.label.get(lang).to_string())
                };
                let moved = match l.movement {
                    Movement::Up => ws::SINCE_CLIMBED.fill(lang, &[&l.steps]),
                    Movement::Down => ws::SINCE_LOST.fill(lang, &[&-l.steps]),
                    Movement::Same => ws::SINCE_STAYED.get(lang).to_string(),
                };
                Some(ws::SINCE_RUNG_LINE.fill(
                    lang,
                    &[
                        &ladder.title.get(lang),
                        &l.before_number,
                        &label(l.before.as_str()),
                        &l.after_number,
                        &label(l.after.as_str()),
                        &moved,
                    ],
                ))
            })
            .collect();

        let proposal = |id: &crate::domain::model::ProposalId| match inst.proposals.get(id) {
            Some(pr) => format!(
                "{id} {}{}",
                pr.keyword.get(lang),
                ws::aside(lang, pr.speaker.get(lang))
            ),
            None => id.to_string(),
        };
        let recs = |status: Status| -> Vec<String> {
            p.with_status(status)
                .map(|r| proposal(&r.proposal))
                .collect()
        };
        let actions = |status: ActionStatus| -> Vec<String> {
            p.actions
                .iter()
                .filter(|a| a.status == status)
                .filter_map(|a| {
                    let rule = q.rules.iter().find(|r| r.id == a.rule)?;
                    Some(ws::pair(lang, a.proposal.as_str(), rule.action.get(lang)))
                })
                .collect()
        };
        let findings = |status: Status| -> Vec<String> {
            p.findings
                .iter()
                .filter(|f| f.status == status)
                .filter_map(|f| q.findings.iter().find(|x| x.id == f.id))
                .map(|f| f.title.get(lang).to_string())
                .collect()
        };
        let group = |id, title: crate::domain::text::Bilingual, items| ListGroup {
            id,
            title: title.get(lang).to_string(),
            items,
        };
        // Recommendations and their actions, for a questionnaire that gives any.
        let mut groups = Vec::new();
        if inst.recommends() {
            groups.extend([
                group("resolved", ws::SINCE_RESOLVED, recs(Status::Resolved)),
                group("still_open", ws::SINCE_STILL_OPEN, recs(Status::StillOpen)),
                group("new", ws::SINCE_NEW, recs(Status::New)),
                group(
                    "acted_on",
                    ws::SINCE_ACTED_ON,
                    actions(ActionStatus::ActedOn),
                ),
            ]);
            let unclear = actions(ActionStatus::Unclear);
            if !unclear.is_empty() {
                groups.push(group("unclear", ws::SINCE_UNCLEAR, unclear));
            }
            groups.push(group(
                "new_actions",
                ws::SINCE_NEW_ACTIONS,
                actions(ActionStatus::New),
            ));
        }
        for (id, title, status) in [
            (
                "findings_resolved",
                ws::SINCE_FINDINGS_GONE,
                Status::Resolved,
            ),
            ("findings_new", ws::SINCE_FINDINGS_NEW, Status::New),
        ] {
            let items = findings(status);
            if !items.is_empty() {
                groups.push(group(id, title, items));
            }
        }

        let moved: Vec<String> = p
            .ladders
            .iter()
            .filter(|l| l.movement != Movement::Same)
            .filter_map(|l| {
                let t = q.ladders.iter().find(|x| x.id == l.ladder)?.title.get(lang);
                Some(format!("{t} {:+}", l.steps))
            })
            .collect();
        let rung_summary = if moved.is_empty() {
            ws::SINCE_RUNGS_SAME.get(lang).to_string()
        } else {
            ws::SINCE_RUNGS_MOVED.fill(lang, &[&moved.join(", ")])
        };
        let overall = [
            p.overall
                .before
                .map_or_else(|| not_enough(lang).to_string(), fmt_score),
            p.overall
                .after
                .map_or_else(|| not_enough(lang).to_string(), fmt_score),
            change(p.overall.delta),
        ];
        let headline = if inst.recommends() {
            ws::SINCE_HEADLINE.fill(
                lang,
                &[
                    &overall[0],
                    &overall[1],
                    &overall[2],
                    &rung_summary,
                    &ws::SINCE_N_RESOLVED.count(lang, p.with_status(Status::Resolved).count(), &[]),
                    &p.with_status(Status::StillOpen).count(),
                    &p.with_status(Status::New).count(),
                    &ws::SINCE_N_ACTED_ON.count(lang, p.acted_on().count(), &[]),
                ],
            )
        } else {
            ws::SINCE_HEADLINE_PLAIN.fill(
                lang,
                &[&overall[0], &overall[1], &overall[2], &rung_summary],
            )
        };
        let basis = ws::SINCE_BASIS.fill(
            lang,
            &[
                &when(p.before.saved_at.as_deref(), lang),
                &p.before.version,
                &when(p.after.saved_at.as_deref(), lang),
                &p.after.version,
                &p.questionnaire.id,
                &p.questionnaire.version,
            ],
        );
        let answers = ws::SINCE_ANSWERS_CHANGED.fill(
            lang,
            &[
                &p.compared,
                &p.answers
                    .iter()
                    .filter(|a| a.before.is_some() && a.after.is_some())
                    .count(),
                &p.only_after.len(),
                &p.only_before.len(),
            ],
        );
        let not_compared = p
            .unmapped
            .iter()
            .map(|u| {
                let side = match u.side {
                    crate::domain::progress::Side::Before => ws::SINCE_EARLIER.get(lang),
                    crate::domain::progress::Side::After => ws::SINCE_LATER.get(lang),
                };
                ws::SINCE_UNREADABLE_ANSWER.fill(lang, &[&side, &u.question, &u.reason.get(lang)])
            })
            .collect();
        SinceView {
            title: ws::SINCE_TITLE.get(lang).to_string(),
            headline,
            basis,
            columns: [
                ws::SINCE_COL_WHAT,
                ws::SINCE_COL_THEN,
                ws::SINCE_COL_NOW,
                ws::SINCE_COL_CHANGE,
            ]
            .map(|c| c.get(lang).to_string()),
            rows,
            rungs,
            groups,
            answers,
            not_compared_title: ws::SINCE_NOT_COMPARED.get(lang).to_string(),
            not_compared,
            progress: p.clone(),
        }
    }

    /// The section as plain text lines, at most [`text::WIDTH`] columns.
    pub fn text_lines(&self, lang: Lang) -> Vec<String> {
        let w = text::WIDTH;
        let mut out = vec![String::new(), self.title.clone(), "-".repeat(w)];
        out.extend(wrap(&self.headline, w, "", ""));
        out.extend(wrap(&self.basis, w, "", ""));
        out.push(String::new());
        // A column's widest cell, its heading included.
        let widest = |col: usize, cell: fn(&ChangeRow) -> &str| {
            let heading = self.columns[col].as_str();
            self.rows
                .iter()
                .map(cell)
                .chain([heading])
                .map(width)
                .max()
                .unwrap_or(0)
        };
        let then_col = widest(1, |r| &r.before);
        let now_col = widest(2, |r| &r.after);
        let change_col = widest(3, |r| &r.change);
        // The label column takes what the numbers leave of the line, at least 12 columns.
        let room = w
            .saturating_sub(then_col + now_col + change_col + 6)
            .max(12);
        let label_col = widest(0, |r| &r.label).saturating_add(2).min(room);
        let row = |label: &str, indent: bool, a: &str, b: &str, c: &str| -> Vec<String> {
            let first = if indent { "  " } else { "" };
            let mut lines = wrap(label, label_col, first, first);
            let last = lines.pop().unwrap_or_default();
            lines.push(format!(
                "{}  {}  {}  {}",
                pad(&last, label_col),
                pad(a, then_col),
                pad(b, now_col),
                c
            ));
            lines
        };
        let [c0, c1, c2, c3] = &self.columns;
        out.extend(row(c0, false, c1, c2, c3));
        for r in &self.rows {
            out.extend(row(&r.label, r.indent, &r.before, &r.after, &r.change));
        }
        if !self.rungs.is_empty() {
            out.push(String::new());
            for r in &self.rungs {
                out.extend(wrap(r, w, "", "  "));
            }
        }
        for g in &self.groups {
            out.push(String::new());
            out.extend(wrap(&g.title, w, "", ""));
            if g.items.is_empty() {
                out.push(format!("  {}", ws::SINCE_NONE.get(lang)));
            }
            for i in &g.items {
                out.extend(wrap(i, w, "  - ", "    "));
            }
        }
        out.push(String::new());
        out.extend(wrap(&self.answers, w, "", ""));
        if !self.not_compared.is_empty() {
            out.push(String::new());
            out.extend(wrap(&self.not_compared_title, w, "", ""));
            for i in &self.not_compared {
                out.extend(wrap(i, w, "  - ", "    "));
            }
        }
        for l in &mut out {
            let trimmed = l.trim_end().len();
            l.truncate(trimmed);
        }
        out
    }

    /// The section as Markdown, starting with a level-2 heading.
    pub fn markdown(&self, lang: Lang) -> String {
        let e = md::escape;
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = (|| -> std::fmt::Result {
            writeln!(s, "\n## {}\n", e(&self.title))?;
            writeln!(s, "**{}**\n", e(&self.headline))?;
            writeln!(s, "{}\n", e(&self.basis))?;
            s.push_str(&md::table_head(&self.columns, |i| i > 0));
            for r in &self.rows {
                let label = if r.indent {
                    format!("&nbsp;&nbsp;{}", e(&r.label))
                } else {
                    format!("**{}**", e(&r.label))
                };
                s.push_str(&md::table_row([
                    label,
                    e(&r.before),
                    e(&r.after),
                    e(&r.change),
                ]));
            }
            if !self.rungs.is_empty() {
                writeln!(s)?;
                for r in &self.rungs {
                    writeln!(s, "- {}", e(r))?;
                }
            }
            for g in &self.groups {
                writeln!(s, "\n### {}\n", e(&g.title))?;
                if g.items.is_empty() {
                    writeln!(s, "{}", e(ws::SINCE_NONE.get(lang)))?;
                }
                for i in &g.items {
                    writeln!(s, "- {}", e(i))?;
                }
            }
            writeln!(s, "\n{}", e(&self.answers))?;
            if !self.not_compared.is_empty() {
                writeln!(s, "\n### {}\n", e(&self.not_compared_title))?;
                for i in &self.not_compared {
                    writeln!(s, "- {}", e(i))?;
                }
            }
            Ok(())
        })();
        s
    }

    /// The section as an HTML `<section id="since">`.
    pub fn html(&self, lang: Lang) -> String {
        let e = html::escape;
        let mut s = String::new();
        let _ = (|| -> std::fmt::Result {
            writeln!(s, "<section id=\"since\">\n<h2>{}</h2>", e(&self.title))?;
            writeln!(s, "<p><strong>{}</strong></p>", e(&self.headline))?;
            writeln!(s, "<p class=\"note\">{}</p>", e(&self.basis))?;
            let [c0, c1, c2, c3] = &self.columns;
            writeln!(
                s,
                "<table class=\"dims\"><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
                e(c0),
                e(c1),
                e(c2),
                e(c3)
            )?;
            for r in &self.rows {
                let (open, close) = if r.indent {
                    ("&emsp;", "")
                } else {
                    ("<strong>", "</strong>")
                };
                let class = match r.movement {
                    Some(Movement::Up) => " up",
                    Some(Movement::Down) => " down",
                    _ => "",
                };
                writeln!(
                    s,
                    "<tr><td>{open}{}{close}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num{class}\">{}</td></tr>",
                    e(&r.label),
                    e(&r.before),
                    e(&r.after),
                    e(&r.change)
                )?;
            }
            writeln!(s, "</tbody></table>")?;
            if !self.rungs.is_empty() {
                writeln!(s, "<ul class=\"rungs\">")?;
                for r in &self.rungs {
                    writeln!(s, "<li>{}</li>", e(r))?;
                }
                writeln!(s, "</ul>")?;
            }
            for g in &self.groups {
                writeln!(s, "<h3 id=\"since-{}\">{}</h3>", g.id, e(&g.title))?;
                if g.items.is_empty() {
                    writeln!(s, "<p>{}</p>", e(ws::SINCE_NONE.get(lang)))?;
                    continue;
                }
                writeln!(s, "<ul>")?;
                for i in &g.items {
                    writeln!(s, "<li>{}</li>", e(i))?;
                }
                writeln!(s, "</ul>")?;
            }
            writeln!(s, "<p>{}</p>", e(&self.answers))?;
            if !self.not_compared.is_empty() {
                writeln!(s, "<h3>{}</h3>\n<ul>", e(&self.not_compared_title))?;
                for i in &self.not_compared {
                    writeln!(s, "<li>{}</li>", e(i))?;
                }
                writeln!(s, "</ul>")?;
            }
            writeln!(s, "</section>")
        })();
        s
    }
}

/// `smecheck compare`: the comparison on its own, in `format`. `firm` is the name from the
/// later file's profile, if any.
pub fn write_compare<W: Write + ?Sized>(
    inst: &Instrument,
    p: &Progress,
    firm: Option<&str>,
    lang: Lang,
    format: ReportFormat,
    out: &mut W,
) -> io::Result<()> {
    let view = SinceView::new(inst, p, lang);
    let title = inst.questionnaire.title.get(lang);
    let sub = ws::COMPARE_TITLE.get(lang);
    match format {
        ReportFormat::Text => {
            let rule = "=".repeat(text::WIDTH);
            let heading = match firm {
                Some(f) => format!("{sub}  {f}"),
                None => sub.to_string(),
            };
            let mut lines = vec![rule.clone()];
            lines.extend(wrap(title, text::WIDTH, "", ""));
            lines.extend(wrap(&heading, text::WIDTH, "", ""));
            lines.push(rule);
            // The section's own title repeats the page's; start below it.
            lines.extend(view.text_lines(lang).into_iter().skip(3));
            lines.iter().try_for_each(|l| writeln!(out, "{l}"))
        }
        ReportFormat::Md => {
            writeln!(out, "# {} — {}", md::escape(title), md::escape(sub))?;
            if let Some(f) = firm {
                writeln!(out, "\n**{}**", md::escape(f))?;
            }
            out.write_all(view.markdown(lang).as_bytes())
        }
        ReportFormat::Html => {
            let heading = match firm {
                Some(f) => format!("{f} — {sub}"),
                None => format!("{title} — {sub}"),
            };
            let page = html::frame(lang, &heading, title, sub, firm, &view.html(lang));
            out.write_all(page.as_bytes())
        }
        ReportFormat::Json => {
            let v = serde_json::json!({
                "firm": firm,
                "since_last_time": view,
            });
            serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
            writeln!(out)
        }
    }
}
