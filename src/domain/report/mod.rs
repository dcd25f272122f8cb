//! The recommendation report: one `Report` model built from a firm's results, printed as text,
//! Markdown, HTML or JSON by generic writers.

mod advice;
mod assemble;
mod date;
mod html;
/// Escapes text for HTML element content and quoted attribute values.
mod json;
mod md;
mod onepage;
pub mod plan;
mod since;
pub mod strings;
mod svg;
mod text;

use std::io::{self, Write};

use serde::Serialize;

use super::answers::AnswerSet;
use super::instrument::Instrument;
use super::model::{Horizon, ProposalId, QuestionId};
use super::score::{ScoreCard, Stamp};
use super::text::Lang;
use strings as ws;

pub use assemble::strip_aside;
pub use date::{check_date, display_date};
pub use html::escape as html_escape;
pub use html::frame as html_page;
pub use html::{PAGE_END as HTML_PAGE_END, page_head as html_page_head};
pub use md::escape as md_escape;
pub use md::{table_head as md_table_head, table_row as md_table_row};
pub use onepage::{OnePage, TopAction, Verdict};
pub use plan::{Plan, PlanItem, PlanKind};
pub use since::{SinceView, write_compare};

/// The version of the report's JSON layout; raised when a field changes meaning or goes.
pub const FORMAT_VERSION: u32 = 2;

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    /// Plain text, at most 80 display columns a line: terminal, paper, chat, e-mail.
    Text,
    /// Markdown with headings and tables.
    Md,
    /// One self-contained HTML file with an A4 print stylesheet and inline SVG charts.
    Html,
    /// The contract's score JSON plus the report's sections under `report`.
    Json,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Text,
        ReportFormat::Md,
        ReportFormat::Html,
        ReportFormat::Json,
    ];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Text => "txt",
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Json => "json",
        }
    }
}

/// What a report includes besides its format.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// The short text form: the one-page summary only, at most 40 lines (text format only).
    pub short: bool,
    /// Where the firm stands in a workshop room (label → place, already in the report's
    /// language), shown with the firm's profile.
    pub room: Vec<Field>,
    /// The room's median score per dimension id, the reference line of the dimension chart;
    /// without it the chart's reference is the gap threshold.
    pub room_median: Vec<(String, f64)>,
    /// The firm's progress from an earlier check to these answers: a "since last time"
    /// section on the first page.
    pub since: Option<super::progress::Progress>,
}

/// Writes the recommendation report for one firm in `format` to `out`.
///
/// `date` is the report date as `YYYY-MM-DD` (check it with [`check_date`]); it is the only
/// outside input, so the same instrument, answers and date always give the same bytes. `card`
/// must be `score(inst, answers)`. This is the one entry point for the command line and the
/// self-check's export key.
pub fn write_report<W: Write + ?Sized>(
    inst: &Instrument,
    answers: &AnswerSet,
    card: &ScoreCard,
    lang: Lang,
    date: &str,
    format: ReportFormat,
    out: &mut W,
) -> io::Result<()> {
    write_report_with(
        inst,
        answers,
        card,
        lang,
        date,
        format,
        &ReportOptions::default(),
        out,
    )
}

/// Like [`write_report`], with [`ReportOptions`].
#[allow(clippy::too_many_arguments)]
pub fn write_report_with<W: Write + ?Sized>(
    inst: &Instrument,
    answers: &AnswerSet,
    card: &ScoreCard,
    lang: Lang,
    date: &str,
    format: ReportFormat,
    opts: &ReportOptions,
    out: &mut W,
) -> io::Result<()> {
    // The one pipeline: build the model, add what the options bring (a new optional section
    // hangs off `Report` and is filled here), then print it in the chosen format.
    let mut report = Report::new(inst, answers, card, lang, date);
    report.profile.extend(opts.room.iter().cloned());
    report.set_room_median(&opts.room_median);
    report.since = opts.since.as_ref().map(|p| SinceView::new(inst, p, lang));
    match format {
        ReportFormat::Text if opts.short => text::write_short(&report, out),
        ReportFormat::Text => text::write(&report, out),
        ReportFormat::Md => md::write(&report, out),
        ReportFormat::Html => html::write(&report, out),
        ReportFormat::Json => json::write(&report, inst, card, answers, out),
    }
}

/// Everything a recommendation report shows, in one language, ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub format_version: u32,
    /// The smecheck version that wrote the report.
    pub tool_version: String,
    pub lang: Lang,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date as people read it in `lang`.
    pub date_label: String,
    /// The questionnaire's title.
    pub title: String,
    /// "Recommendation report" in `lang` ("Results report" without recommendations).
    pub subtitle: String,
    /// The questionnaire's note on what the result is and is not, shown near the top.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub firm: Option<String>,
    /// Firm profile as label → value, both readable (no ids).
    pub profile: Vec<Field>,
    /// Progress since an earlier check (`report --baseline`), shown on the first page.
    #[serde(rename = "since_last_time", skip_serializing_if = "Option::is_none")]
    pub since: Option<SinceView>,
    pub questionnaire: Stamp,
    /// `sha256:` of the answers, the questionnaire's fingerprint and the date: two reports
    /// with the same inputs fingerprint were made from the same inputs.
    pub inputs_fingerprint: String,
    pub confidence: ConfidenceView,
    /// The one-page summary: verdict, strengths, gaps, top actions, how sure, the firm's wish.
    pub summary: OnePage,
    pub overall: Headline,
    /// The two headline scores (cloud depth, financing readiness).
    pub headlines: Vec<Headline>,
    pub dimensions: Vec<DimensionRow>,
    pub ladders: Vec<LadderView>,
    pub breadth: Option<BreadthView>,
    pub findings: Vec<FindingView>,
    /// Dimensions below the gap line (`score_format.gap_below`), weakest first.
    pub gaps: Vec<Gap>,
    /// Ordered by priority, then proposal number.
    pub recommendations: Vec<RecommendationView>,
    /// Dated, owned actions, capped to what the firm can take on.
    pub plan: Plan,
    /// The proposals the recommendations answer, with what was said in 2020.
    pub proposals: Vec<ProposalNote>,
    /// What the dimension chart compares against: the gap threshold or the room's median.
    pub reference_label: String,
    /// Gap threshold, provisional threshold and each area's level bands.
    pub thresholds: Thresholds,
    pub appendix: Vec<AppendixGroup>,
    /// Questions not asked because of earlier answers.
    pub skipped: usize,
    /// Answers adopted from the what-if sandbox rather than given as the firm's own: a
    /// facilitator reading the report must know it describes a firm partly imagined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub whatif: Vec<WhatIfAnswer>,
    pub source: SourceView,
    pub caveat: String,
    pub disclaimer: String,
    /// Whether the questionnaire gives recommendations. Without a catalogue the action plan,
    /// the recommendations, the proposals, their source and caveat are left out.
    #[serde(skip)]
    pub recommends: bool,
    /// Decimals of a firm's scores (`score_format.precision`).
    #[serde(skip)]
    pub decimals: u8,
}

/// The numbers of a report's sections: the action plan and the recommendations take 2 and 3
/// where the questionnaire recommends, the ladders one number between dimensions and breadth
/// where there are any; the rest move up where they are not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers {
    pub plan: u8,
    pub recommendations: u8,
    pub dimensions: u8,
    pub ladders: u8,
    pub breadth: u8,
}

impl Report {
    /// A sentence about the gap line with the questionnaire's line (`score_format.gap_below`)
    /// in its placeholder: "No dimension scores below 51."
    pub fn at_gap_line(&self, words: crate::domain::text::Bilingual) -> String {
        words.fill(self.lang, &[&self.thresholds.gap_below])
    }

    /// The summary's two lists, strengths then gaps: each with its title, its items and what it
    /// says when it has none.
    pub fn summary_lists(&self) -> [(&'static str, &[String], String); 2] {
        let (s, lang) = (&self.summary, self.lang);
        [
            (
                ws::STRENGTHS.get(lang),
                &s.strengths,
                self.at_gap_line(ws::NO_STRENGTHS),
            ),
            (
                ws::SEC_GAPS.get(lang),
                &s.gaps,
                self.at_gap_line(ws::NO_GAPS),
            ),
        ]
    }

    /// The answers appendix's heading: lettered after the proposals appendix when there is
    /// one, plain when it is the only appendix (a questionnaire without a catalogue).
    pub fn appendix_heading(&self) -> &'static str {
        if self.proposals.is_empty() {
            ws::SEC_APPENDIX_ALONE.get(self.lang)
        } else {
            ws::SEC_APPENDIX.get(self.lang)
        }
    }

    /// The report's small print, label → value in the order every format prints it: which
    /// questionnaire, its content hash, the inputs' fingerprint (these two are codes, `true`)
    /// and how sure the result is.
    pub fn stamp(&self) -> [(&'static str, String, bool); 4] {
        let (s, lang) = (&self.questionnaire, self.lang);
        [
            (
                ws::QUESTIONNAIRE.get(lang),
                format!("{} {}", s.id, s.version),
                false,
            ),
            (ws::CONTENT_HASH.get(lang), s.hash.to_string(), true),
            (
                ws::INPUTS_FINGERPRINT.get(lang),
                self.inputs_fingerprint.clone(),
                true,
            ),
            (
                ws::CONFIDENCE.get(lang),
                self.confidence.summary.clone(),
                false,
            ),
        ]
    }

    /// A firm's score at the questionnaire's precision.
    pub fn fmt(&self, x: f64) -> String {
        crate::domain::output::fmt_score_at(x, self.decimals)
    }

    pub fn numbers(&self) -> Numbers {
        let dimensions = if self.recommends { 4 } else { 2 };
        let ladders = dimensions + 1;
        Numbers {
            plan: 2,
            recommendations: 3,
            dimensions,
            ladders,
            breadth: ladders + u8::from(!self.ladders.is_empty()),
        }
    }
}

/// An answer adopted from the what-if sandbox.
#[derive(Debug, Clone, Serialize)]
pub struct WhatIfAnswer {
    pub question: String,
    pub answer: String,
    /// The day it was adopted (`YYYY-MM-DD`), empty when unknown.
    pub adopted: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// The coded value (an option id) when the value is a label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Band {
    pub id: String,
    pub label: String,
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Thresholds {
    /// A dimension below this is a gap.
    pub gap_below: f64,
    /// Below this share of real answers (0–1) a level is provisional and a dimension thin.
    pub provisional_below: f64,
    /// Level bands by area id (`overall` for the overall score).
    pub levels: Vec<(String, Vec<Band>)>,
}

/// One proposal as the 2020 article put it, for the appendix.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalNote {
    pub proposal: ProposalId,
    pub speaker: String,
    pub role: String,
    pub keyword: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConfidenceView {
    pub questions: usize,
    pub answered: usize,
    pub dont_know: usize,
    pub unanswered: usize,
    /// Share of real answers, 0–100, rounded.
    pub percent: u32,
    pub provisional: bool,
    /// The whole line in words.
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// `overall`, `cloud`, `finance`.
    pub id: String,
    pub title: String,
    /// `None` when too few answers support a score.
    pub score: Option<f64>,
    /// The score for people: "42.0 / 100", or "not enough answers".
    pub score_text: String,
    pub level: String,
    /// The level's label, with the provisional mark when too few real answers back it.
    pub level_label: String,
    /// One sentence on what the level means.
    pub meaning: String,
    pub provisional: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionRow {
    pub id: String,
    pub area: String,
    pub title: String,
    /// `None` when there is no real answer to score.
    pub score: Option<f64>,
    pub gap: bool,
    /// Share of its asked questions with a real answer, 0–100.
    pub answered: u32,
    /// Too few real answers for the score to be relied on.
    pub thin: bool,
    /// The reference the chart compares it with (room median or gap threshold).
    pub reference: f64,
    /// Proposals recommended because of answers in this dimension.
    pub proposals: Vec<ProposalId>,
    /// The level of the dimension's own bands, where the questionnaire declares them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_label: Option<String>,
}

/// Where a firm stands relative to one rung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RungState {
    /// Below the firm's rung: held.
    Reached,
    /// The firm's rung.
    Current,
    /// The rung above the firm's.
    Next,
    /// Its own requirements hold, but a rung below does not, so it does not count yet.
    HeldAbove,
    Ahead,
}

#[derive(Debug, Clone, Serialize)]
pub struct RungView {
    pub id: String,
    /// 1-based position from the bottom.
    pub number: usize,
    pub label: String,
    pub state: RungState,
}

#[derive(Debug, Clone, Serialize)]
pub struct LadderView {
    pub id: String,
    /// The area whose depth it measures.
    pub area: String,
    pub title: String,
    pub description: String,
    /// From the lowest rung up.
    pub rungs: Vec<RungView>,
    /// 1-based number of the firm's rung.
    pub current: usize,
    pub current_label: String,
    pub current_description: String,
    pub next: Option<NextRungView>,
}

impl LadderView {
    /// Where the firm stands on the ladder: "rung 2 of 5, Basic".
    pub fn position(&self, lang: Lang) -> String {
        let of = ws::RUNG_OF.fill(lang, &[&self.current, &self.rungs.len()]);
        format!("{of}{}{}", ws::COMMA.get(lang), self.current_label)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NextRungView {
    pub label: String,
    /// The requirements of the next rung that are not yet met, in words.
    pub needs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BreadthView {
    pub title: String,
    pub description: String,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub dimension: String,
    pub area: String,
    pub title: String,
    pub description: String,
    pub score: f64,
    /// Proposals recommended because of answers in this dimension.
    pub proposals: Vec<ProposalId>,
}

/// One reason for a recommendation: a question (or profile field) and the firm's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub question: Option<QuestionId>,
    pub text: String,
    pub answer: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub horizon: Horizon,
    pub horizon_label: String,
    pub action: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecommendationView {
    /// 1-based place in the report.
    pub number: usize,
    pub proposal: ProposalId,
    pub priority: u8,
    /// What to do, in the firm's terms.
    pub headline: String,
    /// When, as the plan placed it: first 30 days, this quarter, later.
    pub when: String,
    /// `YYYY-MM-DD`, from the plan; empty when the plan had no room for it.
    pub due: String,
    pub effort: String,
    /// The gap it closes and the proposal it answers, on one line.
    pub gap_line: String,
    /// One sentence from the answers that made its rule fire.
    pub because: String,
    /// Speaker, role and the 2020 source, for the small print.
    pub source_line: String,
    /// Set when the proposal cites 2020 measures that were time-bound.
    pub time_bound: Option<String>,
    pub speaker: String,
    pub role: String,
    pub keyword: String,
    pub summary: String,
    /// The firm's own answers that triggered it.
    pub why: Vec<Evidence>,
    pub steps: Vec<StepView>,
}

impl RecommendationView {
    /// When, by which date and with how much effort, as far as the plan placed it: one line.
    pub fn when_line(&self, lang: Lang) -> String {
        let mut parts = vec![self.when.clone()];
        if !self.due.is_empty() {
            parts.push(ws::pair(lang, ws::DUE.get(lang), &self.due));
        }
        if !self.effort.is_empty() {
            parts.push(self.effort.clone());
        }
        parts.join(" · ")
    }
}

/// How a question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerState {
    Answered,
    DontKnow,
    Unanswered,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixItem {
    /// 1-based number among the asked questions.
    pub number: usize,
    pub id: QuestionId,
    pub text: String,
    pub state: AnswerState,
    /// The answer in words; the "unanswered" mark when there is none.
    pub answer: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixGroup {
    pub dimension: String,
    pub title: String,
    pub items: Vec<AppendixItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub title: String,
    pub publisher: String,
    pub date: String,
    /// The whole citation in one line.
    pub citation: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_have_extensions() {
        let exts: Vec<_> = ReportFormat::ALL.iter().map(|f| f.extension()).collect();
        assert_eq!(exts, ["txt", "md", "html", "json"]);
    }
}
