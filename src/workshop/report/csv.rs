//! One row per firm, one column per score and per question, for a spreadsheet: UTF-8 with a
//! byte-order mark so Excel reads Chinese, and no cell a spreadsheet could run as a formula.
//!
//! Columns: `firm_code`, `firm_name` (only with `--named`), `status`, `answered`, `asked`,
//! `saved_at`, `profile.<field>` (the profile without the name; free-text fields only with
//! `--named`), `score.overall`,
//! `level.overall`, `score.<area>`, `level.<area>`, `rung.<ladder>` (rung id),
//! `rung_no.<ladder>` (1 = lowest), `breadth`, `dim.<dimension>`, `findings`, `proposals`
//! (ids separated by `;`; only for a questionnaire that gives recommendations), then one column per question named by its id (free-text questions
//! only with `--named`: what a firm writes can say who it is), holding the raw
//! answer as the codebook (`smecheck questionnaire --codebook`) explains it: an option id, option
//! ids separated by `;`, a number, the text, or `dont_know`; empty when unanswered or not asked.
//! A matrix question has a column per row instead, `<question>.<row>` holding the option the
//! row picked, or with tick columns one per row and column, `<question>.<row>.<column>`,
//! holding `1` ticked or `0` not; a whole-question `dont_know` fills each of its columns.

use std::io::{self, Write};

use super::{csv_labels, level_label, rung_label};
use crate::domain::Instrument;
use crate::domain::Lang;
use crate::domain::answers::{Answer, DONT_KNOW, NOT_APPLICABLE};
use crate::domain::cohort::Status;
use crate::domain::model::{Questionnaire, Role};
use crate::domain::output::answer_label;
use crate::workshop::room::Response;
use crate::workshop::text;

pub use crate::domain::text::{neutralise, spreadsheet_cell as safe_cell};

fn num(x: f64) -> String {
    // Scores carry their questionnaire's precision already; whole numbers print without ".0".
    // Adding 0.0 turns -0 into 0.
    format!("{}", x + 0.0)
}

fn answer_cell(a: &Answer) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    Cow::Owned(match a {
        Answer::Choice(o) => return Cow::Borrowed(o.as_str()),
        Answer::Choices(os) => os.iter().map(|o| o.as_str()).collect::<Vec<_>>().join(";"),
        Answer::Number(n) => num(*n),
        Answer::Text(t) => return Cow::Borrowed(t.as_str()),
        // A matrix is written per row (see `Col`); whole, it is its JSON.
        Answer::Matrix(m) => m.to_json().to_string(),
        Answer::DontKnow => return Cow::Borrowed(DONT_KNOW),
        Answer::NotApplicable => return Cow::Borrowed(NOT_APPLICABLE),
    })
}

/// One answer column: a question, or one row of a matrix, or one row and tick column.
#[derive(Debug, Clone, Copy)]
struct Col {
    q: usize,
    row: Option<usize>,
    tick: Option<usize>,
}

impl Col {
    /// Every column of question `i`, in order.
    fn of(q: &Questionnaire, i: usize) -> Vec<Col> {
        let x = &q.questions[i];
        if !x.is_matrix() {
            return vec![Col {
                q: i,
                row: None,
                tick: None,
            }];
        }
        let ticks = if x.ticks { x.options.len() } else { 0 };
        (0..x.rows.len())
            .flat_map(|r| {
                let per_row: Vec<Option<usize>> = if x.ticks {
                    (0..ticks).map(Some).collect()
                } else {
                    vec![None]
                };
                per_row.into_iter().map(move |t| Col {
                    q: i,
                    row: Some(r),
                    tick: t,
                })
            })
            .collect()
    }

    fn id(self, q: &Questionnaire) -> String {
        let x = &q.questions[self.q];
        match (self.row.and_then(|r| x.rows.get(r)), self.tick) {
            (Some(r), Some(t)) => format!("{}.{}.{}", x.id, r.id, x.options[t].id),
            (Some(r), None) => format!("{}.{}", x.id, r.id),
            _ => x.id.to_string(),
        }
    }

    /// The label of a matrix column in `lang` (`None` for a whole question).
    fn label(self, q: &Questionnaire, lang: Lang) -> Option<String> {
        let x = &q.questions[self.q];
        let r = x.rows.get(self.row?)?;
        let base = format!("{} · {}", x.text.get(lang), r.label.get(lang));
        Some(match self.tick {
            Some(t) => format!("{base} · {}", x.options[t].label.get(lang)),
            None => base,
        })
    }

    /// The cell of this column for answer `a` (ids, or labels in `labels`).
    fn cell(self, x: &crate::domain::model::Question, a: &Answer, labels: Option<Lang>) -> String {
        let (Some(r), Answer::Matrix(m)) = (self.row.and_then(|r| x.rows.get(r)), a) else {
            return match (self.row, labels) {
                // "don't know" or "not applicable" for the whole matrix, in each column.
                (_, Some(lang)) => answer_label(x, a, lang),
                (_, None) => answer_cell(a).into_owned(),
            };
        };
        let picked = m.row(r.id.as_str());
        match (self.tick, picked) {
            (Some(t), p) => {
                let on = p.is_some_and(|os| os.iter().any(|o| o == &x.options[t].id));
                match labels {
                    Some(lang) => if on {
                        text::CSV_TICKED
                    } else {
                        text::CSV_NOT_TICKED
                    }
                    .get(lang)
                    .to_string(),
                    None => if on { "1" } else { "0" }.to_string(),
                }
            }
            (None, Some([o, ..])) => match labels {
                Some(lang) => x
                    .option(o)
                    .map_or_else(|| o.to_string(), |o| o.label.get(lang).to_string()),
                None => o.to_string(),
            },
            (None, _) => String::new(),
        }
    }
}

/// The CSV, written a firm at a time.
pub struct Rows<'q, W: Write> {
    q: &'q Questionnaire,
    named: bool,
    /// Whether the questionnaire gives recommendations: without, there is no `proposals` column.
    recommends: bool,
    profile: Vec<&'q str>,
    /// The answer columns: free text only with `--named` (it can name a firm).
    questions: Vec<Col>,
    /// Labels in this language (a header row of labels above the ids, labels in the cells);
    /// `None` for ids only (`--codes`).
    labels: Option<Lang>,
    w: csv::Writer<W>,
}

impl<'q, W: Write> Rows<'q, W> {
    /// Writes the byte-order mark and the header row of ids; with `labels`, a row of labels in
    /// that language comes first and the cells hold labels instead of ids.
    pub fn start(
        inst: &'q Instrument,
        named: bool,
        labels: Option<Lang>,
        mut out: W,
    ) -> io::Result<Self> {
        let q = &inst.questionnaire;
        let recommends = inst.recommends();
        out.write_all("\u{feff}".as_bytes())?;
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        // Free text (the name, any other free-text field, free-text answers) can say who a
        // firm is: it is left out unless the facilitator asks for names.
        let profile: Vec<&str> = q
            .profile
            .iter()
            .filter(|f| {
                Some(f.id.as_str()) != q.role(Role::FirmName) && (named || !f.options.is_empty())
            })
            .map(|f| f.id.as_str())
            .collect();
        let questions: Vec<Col> = (0..q.questions.len())
            .filter(|i| named || q.questions[*i].kind != crate::domain::model::QuestionKind::Text)
            .flat_map(|i| Col::of(q, i))
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
        head.push("findings".to_string());
        if recommends {
            head.push("proposals".to_string());
        }
        let fixed = head.len();
        head.extend(questions.iter().map(|c| c.id(q)));
        if let Some(lang) = labels {
            w.write_record(head.iter().enumerate().map(|(k, h)| {
                let matrix = k
                    .checked_sub(fixed)
                    .and_then(|c| questions[c].label(q, lang));
                safe_cell(&matrix.unwrap_or_else(|| csv_labels::header(q, h, lang)))
            }))
            .map_err(io::Error::other)?;
        }
        w.write_record(head.iter().map(|h| safe_cell(h)))
            .map_err(io::Error::other)?;
        Ok(Rows {
            q,
            named,
            recommends,
            profile,
            questions,
            labels,
            w,
        })
    }

    fn cell(&mut self, s: &str) -> io::Result<()> {
        self.w
            .write_field(safe_cell(s).as_bytes())
            .map_err(io::Error::other)
    }

    /// One firm's row, written cell by cell.
    pub fn firm(&mut self, f: &Response) -> io::Result<()> {
        let q = self.q;
        let card = &f.card;
        let (done, asked) = f.progress();
        self.cell(f.code.as_str())?;
        if self.named {
            self.cell(&f.name(q).unwrap_or_default())?;
        }
        let status = match f.status() {
            _ if crate::domain::cohort::is_empty(&f.answers) => "not_started",
            Status::Finished => "finished",
            Status::InProgress => "in_progress",
        };
        let labels = self.labels;
        match labels {
            Some(lang) => self.cell(&csv_labels::status(status, lang))?,
            None => self.cell(status)?,
        }
        self.cell(&done.to_string())?;
        self.cell(&asked.to_string())?;
        self.cell(f.saved_at.as_deref().unwrap_or(""))?;
        for i in 0..self.profile.len() {
            let p = self.profile[i];
            let v = f.answers.profile.get(p).map_or("", String::as_str);
            match labels {
                Some(lang) => self.cell(&csv_labels::profile(q, p, v, lang))?,
                None => self.cell(v)?,
            }
        }
        self.cell(&card.overall_score.map_or_else(String::new, num))?;
        let level = |area: &str, id: &str| match labels {
            Some(lang) => level_label(q, area, id, lang),
            None => id.to_string(),
        };
        self.cell(&level("overall", card.overall_level.as_str()))?;
        for a in &q.areas {
            match card.areas.iter().find(|x| x.id == a.id) {
                Some(x) => {
                    self.cell(&x.score.map_or_else(String::new, num))?;
                    self.cell(&level(a.id.as_str(), x.level.as_str()))?;
                }
                None => {
                    self.cell("")?;
                    self.cell("")?;
                }
            }
        }
        for l in &q.ladders {
            match card.ladders.iter().find(|x| x.id == l.id) {
                Some(x) => {
                    match labels {
                        Some(lang) => {
                            self.cell(&rung_label(q, l.id.as_str(), x.rung.as_str(), lang))?
                        }
                        None => self.cell(x.rung.as_str())?,
                    }
                    self.cell(&(x.index + 1).to_string())?;
                }
                None => {
                    self.cell("")?;
                    self.cell("")?;
                }
            }
        }
        self.cell(&card.breadth.map(num).unwrap_or_default())?;
        for (_, d) in q.dimensions() {
            let score = card
                .areas
                .iter()
                .flat_map(|a| &a.dimensions)
                .find(|x| x.id == d.id)
                .and_then(|x| x.score);
            self.cell(&score.map(num).unwrap_or_default())?;
        }
        self.cell(&card.findings.join(";"))?;
        if self.recommends {
            let proposals: Vec<&str> = card
                .recommendations
                .iter()
                .map(|x| x.proposal.as_str())
                .collect();
            self.cell(&proposals.join(";"))?;
        }
        for k in 0..self.questions.len() {
            let col = self.questions[k];
            let i = col.q;
            let x = &q.questions[i];
            let asked = f.visible.get(i).copied().unwrap_or(true);
            let answer = f.answers.get(&x.id).filter(|_| asked);
            let cell = match (answer, labels) {
                (None, _) => String::new(),
                (Some(a), _) if col.row.is_some() => col.cell(x, a, labels),
                (Some(a), Some(lang)) => answer_label(x, a, lang),
                (Some(a), None) => answer_cell(a).into_owned(),
            };
            self.cell(&cell)?;
        }
        self.w.write_record(None::<&[u8]>).map_err(io::Error::other)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// The CSV straight from the folder, without holding the room in memory. Its rows carry every
/// answer, which a report's firm records do not keep, so the CSV is always read from the
/// folder itself.
pub fn stream(ws: &crate::workshop::Workshop, named: bool, out: &mut dyn Write) -> io::Result<()> {
    stream_in(ws, named, None, out)
}

/// Like [`stream`], with labels in `labels` (see [`Rows::start`]).
pub fn stream_in(
    ws: &crate::workshop::Workshop,
    named: bool,
    labels: Option<Lang>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut rows = Rows::start(&ws.inst, named, labels, out)?;
    crate::workshop::room::for_each_response(ws, |f| rows.firm(f))?;
    rows.finish()
}
