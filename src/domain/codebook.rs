//! The codebook analysts expect from survey tools, and the blank answer-file template.

use std::io::Write;

use serde::Serialize;

use super::answers::{AnswerFile, AnswerSet};
use super::condition::Condition;
use super::model::{Band, MatrixRow, QuestionKind, Questionnaire};
use super::output::{
    CB_OPTION, CB_POINTS, CB_ROW, CB_ROW_PICKS, CB_ROW_TICKS, CB_SHOWN_WHEN, CODEBOOK,
};
use super::text::{Lang, LocalText, display_safe, spreadsheet_cell};

#[derive(Debug, Clone, Serialize)]
pub struct CodebookOption {
    pub id: String,
    pub points: Option<f64>,
    pub label: LocalText,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// Ticking it zeroes the question (see the format's `zeroes`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub zeroes: bool,
}

/// One question as an analyst needs it.
#[derive(Debug, Clone, Serialize)]
pub struct CodebookEntry {
    pub id: String,
    pub area: String,
    pub dimension: String,
    pub kind: QuestionKind,
    pub weight: f64,
    pub text: LocalText,
    pub options: Vec<CodebookOption>,
    /// A matrix question's rows; each row takes the options (or ticks them, with `ticks`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<MatrixRow>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ticks: bool,
    pub bands: Vec<Band>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<LocalText>,
    pub dont_know: bool,
    pub not_applicable: bool,
    pub visible_if: Option<Condition>,
}

pub fn codebook(q: &Questionnaire) -> Vec<CodebookEntry> {
    q.questions
        .iter()
        .map(|x| CodebookEntry {
            id: x.id.0.to_string(),
            area: q
                .dimension(&x.dimension)
                .map(|(a, _)| a.id.to_string())
                .unwrap_or_default(),
            dimension: x.dimension.0.to_string(),
            kind: x.kind,
            weight: x.weight,
            text: x.text.clone(),
            options: x
                .options
                .iter()
                .map(|o| CodebookOption {
                    id: o.id.0.to_string(),
                    points: o.points,
                    label: o.label.clone(),
                    exclusive: o.exclusive,
                    zeroes: o.zeroes,
                })
                .collect(),
            rows: x.rows.clone(),
            ticks: x.ticks,
            bands: x.bands.clone(),
            unit: x.unit.clone(),
            dont_know: x.dont_know,
            not_applicable: x.not_applicable,
            visible_if: x.visible_if.clone(),
        })
        .collect()
}

fn kind_code(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::Single => "single",
        QuestionKind::Multi => "multi",
        QuestionKind::Scale => "scale",
        QuestionKind::YesPartlyNo => "yes_partly_no",
        QuestionKind::Number => "number",
        QuestionKind::Text => "text",
        QuestionKind::Matrix => "matrix",
    }
}

fn num(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// CSV: one row per option or band (one row for a question with neither; a matrix question one
/// per row and option, naming the row in the last three columns), UTF-8 with BOM so spreadsheet
/// programs read Chinese correctly.
pub fn write_csv<W: Write>(q: &Questionnaire, out: W) -> csv::Result<()> {
    let mut out = out;
    out.write_all("\u{feff}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "question",
        "area",
        "dimension",
        "kind",
        "weight",
        "text_zh",
        "text_en",
        "option",
        "label_zh",
        "label_en",
        "points",
        "band_min",
        "band_max",
        "dont_know",
        "not_applicable",
        "visible_if",
        "row",
        "row_label_zh",
        "row_label_en",
    ])?;
    for e in codebook(q) {
        let cond = e
            .visible_if
            .as_ref()
            .and_then(|c| serde_json::to_string(c).ok())
            .unwrap_or_default();
        let base = |w: &mut csv::Writer<W>, cells: [String; 6], row: Option<&MatrixRow>| {
            // Ids and texts come from a questionnaire file: no cell may be a live formula or
            // carry an escape sequence, as in the cohort CSV.
            w.write_record(
                [
                    e.id.clone(),
                    e.area.clone(),
                    e.dimension.clone(),
                    kind_code(e.kind).to_string(),
                    e.weight.to_string(),
                    e.text.zh.clone(),
                    e.text.en.clone(),
                    cells[0].clone(),
                    cells[1].clone(),
                    cells[2].clone(),
                    cells[3].clone(),
                    cells[4].clone(),
                    cells[5].clone(),
                    e.dont_know.to_string(),
                    e.not_applicable.to_string(),
                    cond.clone(),
                    row.map(|r| r.id.to_string()).unwrap_or_default(),
                    row.map(|r| r.label.zh.clone()).unwrap_or_default(),
                    row.map(|r| r.label.en.clone()).unwrap_or_default(),
                ]
                .map(|c| spreadsheet_cell(&c)),
            )
        };
        if e.options.is_empty() && e.bands.is_empty() {
            base(&mut w, Default::default(), None)?;
        }
        let rows: Vec<Option<&MatrixRow>> = if e.rows.is_empty() {
            vec![None]
        } else {
            e.rows.iter().map(Some).collect()
        };
        for row in rows {
            for o in &e.options {
                base(
                    &mut w,
                    [
                        o.id.clone(),
                        o.label.zh.clone(),
                        o.label.en.clone(),
                        num(o.points),
                        String::new(),
                        String::new(),
                    ],
                    row,
                )?;
            }
        }
        for b in &e.bands {
            base(
                &mut w,
                [
                    String::new(),
                    String::new(),
                    String::new(),
                    b.points.to_string(),
                    b.min.to_string(),
                    num(b.max),
                ],
                None,
            )?;
        }
    }
    w.flush()?;
    Ok(())
}

/// An id as a code span, in which Markdown and HTML are literal; an id that could end the
/// span early (a backtick) or break the line is escaped as text instead.
fn md_code(s: &str) -> String {
    let s = display_safe(s);
    if s.contains(['`', '\n', '\r']) || s.trim() != s || s.is_empty() {
        md_cell(&s)
    } else {
        format!("`{s}`")
    }
}

/// Text from a questionnaire file in Markdown: escaped as the reports escape it (no raw HTML,
/// links, images or table breaks), escape sequences made visible.
fn md_cell(s: &str) -> String {
    super::report::md_escape(s)
}

/// Markdown: one section per question with a table of its options or bands.
pub fn write_md<W: Write>(q: &Questionnaire, lang: Lang, mut out: W) -> std::io::Result<()> {
    let [title, opt, pts, cond] =
        [CODEBOOK, CB_OPTION, CB_POINTS, CB_SHOWN_WHEN].map(|x| x.get(lang));
    writeln!(
        out,
        "# {} — {title} ({} {})\n",
        md_cell(q.title.get(lang)),
        md_cell(&q.id),
        md_cell(&q.version)
    )?;
    for e in codebook(q) {
        writeln!(
            out,
            "## {} · {} · {} · {}\n\n{}\n",
            md_code(&e.id),
            md_cell(&e.area),
            md_cell(&e.dimension),
            kind_code(e.kind),
            md_cell(e.text.get(lang))
        )?;
        if let Some(c) = &e.visible_if {
            writeln!(
                out,
                "{cond}: {}\n",
                md_code(&serde_json::to_string(c).unwrap_or_default())
            )?;
        }
        if !e.options.is_empty() {
            writeln!(out, "| id | {opt} | {pts} |\n|---|---|---|")?;
            for o in &e.options {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    md_code(&o.id).replace('|', "\\|"),
                    md_cell(o.label.get(lang)),
                    num(o.points)
                )?;
            }
            writeln!(out)?;
        }
        if !e.rows.is_empty() {
            let row = CB_ROW.get(lang);
            let each = if e.ticks { CB_ROW_TICKS } else { CB_ROW_PICKS }.get(lang);
            writeln!(out, "{each}:\n\n| id | {row} |\n|---|---|")?;
            for r in &e.rows {
                writeln!(
                    out,
                    "| {} | {} |",
                    md_code(r.id.as_str()).replace('|', "\\|"),
                    md_cell(r.label.get(lang))
                )?;
            }
            writeln!(out)?;
        }
        if !e.bands.is_empty() {
            writeln!(out, "| min | max | {pts} |\n|---|---|---|")?;
            for b in &e.bands {
                writeln!(out, "| {} | {} | {} |", b.min, num(b.max), b.points)?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// [`template`] written as pretty JSON with the profile fields and the answers in the
/// questionnaire's order (q1, q2 … q10), not sorted as an answer file's maps are.
pub fn write_template(q: &Questionnaire, out: &mut dyn Write) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(
        out,
        &InOrder {
            q,
            file: template(q),
        },
    )
}

/// An answer file whose maps serialise in the questionnaire's order.
struct InOrder<'q> {
    q: &'q Questionnaire,
    file: AnswerFile,
}

/// Entries of a map, in the order given.
struct Entries<'a, V>(Vec<(&'a str, &'a V)>);

impl<V: Serialize> Serialize for Entries<'_, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// An answer whose matrix rows serialise in the question's row order.
struct RowsInOrder<'a>(&'a super::model::Question, &'a serde_json::Value);

impl Serialize for RowsInOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1 {
            serde_json::Value::Object(map) if self.0.is_matrix() => Entries(
                self.0
                    .rows
                    .iter()
                    .filter_map(|r| map.get_key_value(r.id.as_str()))
                    .map(|(k, v)| (k.as_str(), v))
                    .collect(),
            )
            .serialize(s),
            v => v.serialize(s),
        }
    }
}

impl Serialize for InOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let f = &self.file;
        let profile = Entries(
            self.q
                .profile
                .iter()
                .filter_map(|p| f.profile.get_key_value(&p.id))
                .map(|(k, v)| (k.as_str(), v))
                .collect(),
        );
        let rows: Vec<(&str, RowsInOrder)> = self
            .q
            .questions
            .iter()
            .filter_map(|x| {
                f.answers
                    .get_key_value(x.id.as_str())
                    .map(|(k, v)| (k.as_str(), RowsInOrder(x, v)))
            })
            .collect();
        let answers = Entries(rows.iter().map(|(k, v)| (*k, v)).collect());
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("questionnaire", &f.questionnaire)?;
        m.serialize_entry("profile", &profile)?;
        m.serialize_entry("answers", &answers)?;
        m.end()
    }
}

/// A blank answer file: every question present and `null` (unanswered).
pub fn template(q: &Questionnaire) -> AnswerFile {
    AnswerFile {
        profile: q
            .profile
            .iter()
            .map(|f| (f.id.clone(), String::new()))
            .collect(),
        answers: q
            .questions
            .iter()
            .map(|x| {
                // A matrix shows its rows to fill in, each still unanswered.
                let blank = if x.rows.is_empty() {
                    serde_json::Value::Null
                } else {
                    serde_json::Value::Object(
                        x.rows
                            .iter()
                            .map(|r| (r.id.to_string(), serde_json::Value::Null))
                            .collect(),
                    )
                };
                (x.id.to_string(), blank)
            })
            .collect(),
        ..AnswerSet::new().to_file(q, None)
    }
}
