//! One row per firm, one column per score and per question, for a spreadsheet: UTF-8 with a
//! byte-order mark so Excel reads Chinese, and no cell a spreadsheet could run as a formula.
//!
//! Columns: `firm_code`, `firm_name` (only with `--named`), `status`, `answered`, `asked`,
//! `saved_at`, `profile.<field>` (the profile without the name), `score.overall`,
//! `level.overall`, `score.<area>`, `level.<area>`, `rung.<ladder>` (rung id),
//! `rung_no.<ladder>` (1 = lowest), `breadth`, `dim.<dimension>`, `findings`, `proposals`
//! (ids separated by `;`), then one column per question named by its id, holding the raw
//! answer as the codebook (`smecheck questionnaire --codebook`) explains it: an option id, option
//! ids separated by `;`, a number, the text, or `dont_know`; empty when unanswered or not asked.

use std::io::{self, Write};

use super::Report;
use crate::domain::answers::{Answer, DONT_KNOW};
use crate::domain::cohort::Status;
use crate::domain::model::Questionnaire;
use crate::workshop::room::{NAME_FIELD, Response};

/// Whether a cell is a plain decimal number (`-3`, `12.5`): a spreadsheet reads it as a number,
/// never as a formula, so it is left alone.
fn plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@` (or a tab or
/// carriage return, which some programs skip before reading a formula) gets a leading `'`.
pub fn neutralise(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !plain_number(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn num(x: f64) -> String {
    // Scores carry one decimal already; whole numbers print without ".0".
    format!("{x}")
}

fn answer_cell(a: &Answer) -> String {
    match a {
        Answer::Choice(o) => o.0.clone(),
        Answer::Choices(os) => os
            .iter()
            .map(|o| o.0.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        Answer::Number(n) => num(*n),
        Answer::Text(t) => t.clone(),
        Answer::DontKnow => DONT_KNOW.to_string(),
    }
}

/// The CSV, written a firm at a time.
pub struct Rows<'q, W: Write> {
    q: &'q Questionnaire,
    named: bool,
    profile: Vec<&'q str>,
    w: csv::Writer<W>,
}

impl<'q, W: Write> Rows<'q, W> {
    /// Writes the byte-order mark and the header row.
    pub fn start(q: &'q Questionnaire, named: bool, mut out: W) -> io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        let profile: Vec<&str> = q
            .profile
            .iter()
            .map(|f| f.id.as_str())
            .filter(|id| *id != NAME_FIELD)
            .collect();
        let mut head: Vec<String> = vec!["firm_code".into()];
        if named {
            head.push("firm_name".into());
        }
        head.extend(["status", "answered", "asked", "saved_at"].map(String::from));
        head.extend(profile.iter().map(|p| format!("profile.{p}")));
        head.extend(["score.overall".to_string(), "level.overall".to_string()]);
        for a in &q.areas {
            head.push(format!("score.{}", a.id));
            head.push(format!("level.{}", a.id));
        }
        for l in &q.ladders {
            head.push(format!("rung.{}", l.id));
            head.push(format!("rung_no.{}", l.id));
        }
        head.push("breadth".into());
        head.extend(q.dimensions().map(|(_, d)| format!("dim.{}", d.id)));
        head.extend(["findings".to_string(), "proposals".to_string()]);
        head.extend(q.questions.iter().map(|x| x.id.0.clone()));
        w.write_record(head.iter().map(|h| neutralise(h)))
            .map_err(io::Error::other)?;
        Ok(Rows {
            q,
            named,
            profile,
            w,
        })
    }

    /// One firm's row.
    pub fn firm(&mut self, f: &Response) -> io::Result<()> {
        let q = self.q;
        let card = &f.card;
        let (done, asked) = f.progress();
        let mut row: Vec<String> = vec![f.code.to_string()];
        if self.named {
            row.push(f.name().unwrap_or_default());
        }
        row.push(
            match f.status() {
                Status::Finished => "finished",
                Status::InProgress => "in_progress",
            }
            .to_string(),
        );
        row.push(done.to_string());
        row.push(asked.to_string());
        row.push(f.saved_at.clone().unwrap_or_default());
        for p in &self.profile {
            row.push(f.answers.profile.get(*p).cloned().unwrap_or_default());
        }
        row.push(num(card.overall_score));
        row.push(card.overall_level.clone());
        for a in &q.areas {
            match card.areas.iter().find(|x| x.id == a.id) {
                Some(x) => {
                    row.push(num(x.score));
                    row.push(x.level.clone());
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        for l in &q.ladders {
            match card.ladders.iter().find(|x| x.id == l.id) {
                Some(x) => {
                    row.push(x.rung.clone());
                    row.push((x.index + 1).to_string());
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        row.push(card.breadth.map(num).unwrap_or_default());
        for (_, d) in q.dimensions() {
            let score = card
                .areas
                .iter()
                .flat_map(|a| &a.dimensions)
                .find(|x| x.id == d.id)
                .and_then(|x| x.score);
            row.push(score.map(num).unwrap_or_default());
        }
        row.push(card.findings.join(";"));
        row.push(
            card.recommendations
                .iter()
                .map(|x| x.proposal.as_str())
                .collect::<Vec<_>>()
                .join(";"),
        );
        for (i, x) in q.questions.iter().enumerate() {
            let asked = f.visible.get(i).copied().unwrap_or(true);
            row.push(
                f.answers
                    .get(&x.id)
                    .filter(|_| asked)
                    .map(answer_cell)
                    .unwrap_or_default(),
            );
        }
        self.w
            .write_record(row.iter().map(|c| neutralise(c)))
            .map_err(io::Error::other)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut rows = Rows::start(&r.ws.inst.questionnaire, r.named, out)?;
    for f in &r.firms {
        rows.firm(f)?;
    }
    rows.finish()
}

/// The CSV straight from the folder, without holding the room in memory.
pub fn stream(ws: &crate::workshop::Workshop, named: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut rows = Rows::start(&ws.inst.questionnaire, named, out)?;
    crate::workshop::room::for_each_response(ws, |f| rows.firm(f))?;
    rows.finish()
}
