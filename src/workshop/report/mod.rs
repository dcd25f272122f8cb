//! The cohort report: what the room looked like, for the organiser to hand out and plan the
//! next session with. One document model ([`doc`]) rendered as Markdown and HTML, plus a CSV of
//! one row per firm and a JSON export. Same folder, same bytes: nothing depends on the clock.

pub mod csv;
pub mod csv_labels;
pub mod doc;
pub mod firm;
pub mod html;
pub mod json;
pub mod md;

use std::io::{self, Write};

use super::Workshop;
use super::room::{Problem, Room, for_each_file};
use super::text::{self, T};
use crate::domain::Lang;
use crate::domain::cohort::{Cohort, CohortBuilder, Place};
use crate::domain::model::{Questionnaire, Role};
use crate::domain::output::fmt_score_at;
use firm::{Firm, Firms, Spill};

/// The formats `workshop report --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Csv,
    Json,
}

/// Everything a cohort report shows.
pub struct Report<'a> {
    pub ws: &'a Workshop,
    pub cohort: Cohort,
    /// Every readable response, by firm code.
    pub firms: Firms,
    pub problems: Vec<Problem>,
    /// Firm names appear only when the facilitator asks for them.
    pub named: bool,
    pub lang: Lang,
    /// The room's change since the room it follows (`workshop new --follow-up`).
    pub change: Option<crate::domain::progress::room::RoomChange>,
}

impl<'a> Report<'a> {
    /// The report on a room already read (the dashboard's, or a test's).
    pub fn new(ws: &'a Workshop, room: &Room, named: bool, lang: Lang) -> Report<'a> {
        Report {
            ws,
            cohort: room.cohort(ws),
            firms: Firms::Held(
                room.responses()
                    .iter()
                    .map(|r| Firm::of(&ws.inst.questionnaire, r, named))
                    .collect(),
            ),
            problems: room.problems(),
            named,
            lang,
            change: None,
        }
    }

    /// The report straight from the folder: each file is read and scored once, its numbers
    /// added to the room's statistics and its row set aside in a temporary file, so memory
    /// stays flat however many firms there are.
    pub fn stream(ws: &'a Workshop, named: bool, lang: Lang) -> io::Result<Report<'a>> {
        let mut cohort = CohortBuilder::new(&ws.inst.questionnaire);
        let mut spill = Spill::new()?;
        let mut problems = Vec::new();
        for_each_file(ws, |file| match file {
            Ok(r) => {
                cohort.add_firm(&r.answers, &r.card);
                spill.push(&Firm::of(&ws.inst.questionnaire, r, named))
            }
            Err(p) => {
                problems.push(p.clone());
                Ok(())
            }
        })?;
        Ok(Report {
            ws,
            cohort: cohort.finish(),
            firms: spill.finish()?,
            problems,
            named,
            lang,
            change: None,
        })
    }

    /// A firm's name, when names were asked for.
    pub fn name_of(&self, f: &Firm) -> Option<String> {
        if self.named { f.name.clone() } else { None }
    }

    pub fn area_title(&self, id: &str) -> String {
        if id == "overall" {
            return text::OVERALL.get(self.lang).to_string();
        }
        let q = &self.ws.inst.questionnaire;
        q.area(&id.into())
            .map_or_else(|| id.to_string(), |a| a.title.get(self.lang).to_string())
    }

    pub fn level_label(&self, area: &str, level: &str) -> String {
        level_label(&self.ws.inst.questionnaire, area, level, self.lang)
    }

    pub fn ladder_title(&self, ladder: &str) -> String {
        let q = &self.ws.inst.questionnaire;
        q.ladders.iter().find(|l| l.id == ladder).map_or_else(
            || ladder.to_string(),
            |l| l.title.get(self.lang).to_string(),
        )
    }

    pub fn rung_label(&self, ladder: &str, rung: &str) -> String {
        rung_label(&self.ws.inst.questionnaire, ladder, rung, self.lang)
    }

    pub fn dimension_title(&self, id: &str) -> String {
        let q = &self.ws.inst.questionnaire;
        q.dimension(&id.into()).map_or_else(
            || id.to_string(),
            |(_, d)| d.title.get(self.lang).to_string(),
        )
    }

    pub fn finding_title(&self, id: &str) -> String {
        let q = &self.ws.inst.questionnaire;
        q.findings
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_string(), |f| f.title.get(self.lang).to_string())
    }

    /// `P6 Sun Pishu · Fintech; credit evaluation system`.
    pub fn proposal_title(&self, id: &str) -> String {
        match self.ws.inst.proposals.get(&id.into()) {
            Some(p) => format!(
                "{id} {} · {}",
                p.speaker.get(self.lang),
                p.keyword.get(self.lang)
            ),
            None => id.to_string(),
        }
    }

    /// What a rule tells the firm to do next.
    pub fn rule_action(&self, rule: &str) -> String {
        let q = &self.ws.inst.questionnaire;
        q.rules
            .iter()
            .find(|r| r.id == rule)
            .map_or_else(|| rule.to_string(), |r| r.action.get(self.lang).to_string())
    }

    /// What to bring next time for the firms that need a proposal: what the catalogue says
    /// for it, else the kind of help for the area its reasons mostly lie in.
    pub fn bring(&self, proposal: &str, area: Option<&str>) -> &str {
        if let Some(b) = self
            .ws
            .inst
            .proposals
            .get(&proposal.into())
            .and_then(|p| p.bring.as_ref())
        {
            return b.get(self.lang);
        }
        let q = &self.ws.inst.questionnaire;
        match area {
            Some(a) if q.role(Role::CloudDepth) == Some(a) => text::BRING_CLOUD.get(self.lang),
            Some(a) if q.role(Role::Financing) == Some(a) => text::BRING_FINANCE.get(self.lang),
            _ => text::BRING_OTHER.get(self.lang),
        }
    }

    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }
}

/// "in the lower quartile of this room" and friends.
pub fn place_text(place: Place, lang: Lang) -> &'static str {
    match place {
        Place::LowerQuartile => text::PLACE_LOWER.get(lang),
        Place::BelowMedian => text::PLACE_BELOW.get(lang),
        Place::AtMedian => text::PLACE_AT.get(lang),
        Place::AboveMedian => text::PLACE_ABOVE.get(lang),
        Place::UpperQuartile => text::PLACE_UPPER.get(lang),
    }
}

/// Where a firm stands in the room, marked provisional (as its level is) when the score
/// rests on too few real answers: a firm that answered 18 of 39 is not told it leads the room
/// as if that were settled.
pub fn standing_text(
    card: &crate::domain::ScoreCard,
    s: &crate::domain::cohort::Standing,
    lang: Lang,
) -> String {
    let confidence = card
        .areas
        .iter()
        .find(|a| a.id.as_str() == s.area.as_str())
        .map_or(&card.confidence, |a| &a.confidence);
    let mut text = place_text(s.place, lang).to_string();
    if confidence.is_provisional() {
        text.push_str(crate::domain::output::PROVISIONAL.get(lang));
    }
    text
}

/// The label of level `level` of an area (or `overall`); the id when there is none.
pub fn level_label(q: &Questionnaire, area: &str, level: &str, lang: Lang) -> String {
    let levels = match q.area(&area.into()) {
        Some(a) if area != "overall" => &a.levels,
        _ => &q.levels,
    };
    levels
        .iter()
        .find(|l| l.id == level)
        .map_or_else(|| level.to_string(), |l| l.label.get(lang).to_string())
}

/// The label of rung `rung` of a ladder; the id when there is none.
pub fn rung_label(q: &Questionnaire, ladder: &str, rung: &str, lang: Lang) -> String {
    q.ladders
        .iter()
        .find(|l| l.id == ladder)
        .and_then(|l| l.rungs.iter().find(|r| r.id == rung))
        .map_or_else(|| rung.to_string(), |r| r.label.get(lang).to_string())
}

/// A score with one decimal, or a dash when too few answers support one.
pub fn num_or_dash(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| fmt_score_at(x, 1))
}

/// Writes the report in a format.
pub fn write(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Md => md::write(
            &doc::build(report),
            &|each| doc::firm_rows(report, each),
            out,
        ),
        Format::Html => html::write(
            &doc::build(report),
            report.lang,
            &|each| doc::firm_rows(report, each),
            out,
        ),
        Format::Csv => csv::stream(report.ws, report.named, out),
        Format::Json => json::write(report, out),
    }
}

#[cfg(test)]
mod tests;
