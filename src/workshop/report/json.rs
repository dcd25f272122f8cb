//! The cohort report as JSON, for further analysis: the cohort's numbers and one anonymised
//! entry per firm (names only with `--named`).

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::{Value, json};

use super::Report;
use super::firm::Firm;

/// One firm's entry, serialised as it is read back: a room of 100,000 firms never sits in
/// memory as one JSON tree. Fields are declared in sorted order, the order the report has
/// always printed them in.
#[derive(Serialize)]
struct Entry<'f> {
    answered: usize,
    areas: Vec<AreaEntry<'f>>,
    asked: usize,
    breadth: Option<f64>,
    code: &'f str,
    findings: Vec<&'f str>,
    ladders: Vec<LadderEntry<'f>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    overall: MarkEntry<'f>,
    /// Left out for a questionnaire that gives no recommendations.
    #[serde(skip_serializing_if = "Option::is_none")]
    proposals: Option<&'f [crate::domain::model::ProposalId]>,
    standing: Vec<StandingEntry>,
    status: crate::domain::cohort::Status,
}

#[derive(Serialize)]
struct AreaEntry<'f> {
    dimensions: Vec<DimensionEntry<'f>>,
    id: &'f str,
    level: &'f str,
    score: Option<f64>,
}

#[derive(Serialize)]
struct DimensionEntry<'f> {
    id: &'f str,
    score: Option<f64>,
}

#[derive(Serialize)]
struct LadderEntry<'f> {
    id: &'f str,
    index: usize,
    rung: &'f str,
}

#[derive(Serialize)]
struct MarkEntry<'f> {
    level: &'f str,
    score: Option<f64>,
}

#[derive(Serialize)]
struct StandingEntry {
    area: String,
    of: usize,
    place: crate::domain::cohort::Place,
    score: f64,
}

fn firm<'f>(r: &'f Report, f: &'f Firm) -> Entry<'f> {
    let q = &r.ws.inst.questionnaire;
    let overall = f.overall(q);
    Entry {
        answered: f.answered,
        areas: f
            .areas(q)
            .into_iter()
            .map(|a| AreaEntry {
                dimensions: a
                    .dimensions
                    .iter()
                    .map(|(id, score)| DimensionEntry {
                        id: id.as_str(),
                        score: *score,
                    })
                    .collect(),
                id: a.id,
                level: a.level,
                score: a.score,
            })
            .collect(),
        asked: f.asked,
        breadth: f.breadth,
        code: &f.code,
        findings: f.findings(q),
        ladders: f
            .ladders(q)
            .into_iter()
            .map(|l| LadderEntry {
                id: l.id,
                index: l.index,
                rung: l.rung,
            })
            .collect(),
        name: r.name_of(f),
        overall: MarkEntry {
            level: overall.level,
            score: overall.score,
        },
        proposals: r.ws.inst.recommends().then_some(f.proposals.as_slice()),
        standing: if f.finished() {
            r.cohort
                .standing_of(f.scores(q).into_iter())
                .into_iter()
                .map(|s| StandingEntry {
                    area: s.area,
                    of: s.of,
                    place: s.place,
                    score: s.score,
                })
                .collect()
        } else {
            Vec::new()
        },
        status: f.status,
    }
}

/// The firms, serialised one by one as they are read back.
struct Firms<'r, 'w>(&'r Report<'w>);

impl Serialize for Firms<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.0.firms.len()))?;
        self.0
            .firms
            .for_each(|f| {
                seq.serialize_element(&firm(self.0, f))
                    .map_err(|e| std::io::Error::other(e.to_string()))
            })
            .map_err(S::Error::custom)?;
        seq.end()
    }
}

/// The document; fields in the order a JSON object prints them (sorted), as before.
#[derive(Serialize)]
struct Doc<'r, 'w> {
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<&'r crate::domain::progress::room::RoomChange>,
    cohort: &'r crate::domain::cohort::Cohort,
    firms: Firms<'r, 'w>,
    lang: &'static str,
    named: bool,
    problems: &'r [crate::workshop::room::Problem],
    questionnaire: Value,
    workshop: Value,
}

pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let ws = r.ws;
    let doc = Doc {
        change: r.change.as_ref(),
        cohort: &r.cohort,
        firms: Firms(r),
        lang: r.lang.code(),
        named: r.named,
        problems: &r.problems,
        questionnaire: json!({
            "hash": ws.inst.hash,
            "id": ws.inst.questionnaire.id,
            "version": ws.inst.questionnaire.version,
        }),
        workshop: json!({"date": ws.meta.date, "title": ws.meta.title}),
    };
    out.write_all(&crate::store::pretty_json(&doc)?)
}
