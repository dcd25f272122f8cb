//! The cohort report as JSON, for further analysis: the cohort's numbers and one anonymised
//! entry per firm (names only with `--named`).

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::{Value, json};

use super::Report;
use crate::domain::cohort::Status;

/// One firm's entry, built when it is written: a room of 100,000 firms never sits in memory
/// as one JSON tree.
fn firm(r: &Report, f: &crate::workshop::room::Response) -> Value {
    let card = &f.card;
    let (done, asked) = f.progress();
    let finished = f.status() == Status::Finished;
    let mut v = json!({
        "code": f.code,
        "status": f.status(),
        "answered": done,
        "asked": asked,
        "overall": {"score": card.overall_score, "level": card.overall_level},
        "areas": card.areas.iter().map(|a| json!({
            "id": a.id,
            "score": a.score,
            "level": a.level,
            "dimensions": a.dimensions.iter().map(|d| json!({"id": d.id, "score": d.score})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "ladders": card.ladders.iter().map(|l| json!({"id": l.id, "rung": l.rung, "index": l.index})).collect::<Vec<_>>(),
        "breadth": card.breadth,
        "findings": card.findings,
        "proposals": card.recommendations.iter().map(|x| &x.proposal).collect::<Vec<_>>(),
        "standing": if finished { r.cohort.standing(card) } else { Vec::new() },
    });
    if let (Some(name), Some(obj)) = (r.name_of(f), v.as_object_mut()) {
        obj.insert("name".into(), Value::String(name));
    }
    v
}

/// The firms, serialised one by one.
struct Firms<'r, 'w>(&'r Report<'w>);

impl Serialize for Firms<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.firms.iter().map(|f| firm(self.0, f)))
    }
}

/// The document; fields in the order a JSON object prints them (sorted), as before.
#[derive(Serialize)]
struct Doc<'r, 'w> {
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
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
