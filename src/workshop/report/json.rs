//! The cohort report as JSON, for further analysis: the cohort's numbers and one anonymised
//! entry per firm (names only with `--named`).

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Report;
use crate::domain::cohort::Status;

pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let ws = r.ws;
    let firms: Vec<Value> = r
        .firms
        .iter()
        .map(|f| {
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
        })
        .collect();
    let doc = json!({
        "workshop": {"title": ws.meta.title, "date": ws.meta.date},
        "questionnaire": {
            "id": ws.inst.questionnaire.id,
            "version": ws.inst.questionnaire.version,
            "hash": ws.inst.hash,
        },
        "lang": r.lang.code(),
        "named": r.named,
        "cohort": r.cohort,
        "firms": firms,
        "problems": r.problems,
    });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
