//! The report as JSON: the contract's score JSON, the report format and tool versions, the
//! thresholds, the one-page `summary` and the dated `plan`, and every section under `report`.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::domain::answers::AnswerSet;
use crate::domain::instrument::Instrument;
use crate::domain::output::score_json;
use crate::domain::score::ScoreCard;

use super::Report;

/// The score JSON of `score --format json`, plus `report`: every section of the printed report.
pub fn value(r: &Report, inst: &Instrument, card: &ScoreCard, answers: &AnswerSet) -> Value {
    let mut v = score_json(inst, card, answers, r.lang);
    let sections = serde_json::to_value(r).unwrap_or(Value::Null);
    let s = &r.summary;
    let summary = json!({
        "verdict": s.verdict.iter().map(|v| json!({"area": v.area, "text": v.text})).collect::<Vec<_>>(),
        "strengths": s.strengths,
        "gaps": s.gaps,
        "actions": s.actions.iter().map(|a| json!({"action": a.action, "due": a.due, "owner": a.owner})).collect::<Vec<_>>(),
        "confidence": s.confidence,
        "thin": s.thin,
        "wish": s.wish,
    });
    let plan: Vec<Value> = r
        .plan
        .items
        .iter()
        .map(|i| {
            json!({
                "action": i.action,
                "proposal": i.proposals.first().map(|p| p.as_str()),
                "proposals": i.proposals.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                "kind": i.kind,
                "first": i.first,
                "horizon": i.horizon,
                "start": i.start,
                "due": i.due,
                "owner": i.owner,
                "effort": i.effort,
                "effort_label": i.effort_label,
                "done_when": i.done_when,
            })
        })
        .collect();
    if let Value::Object(map) = &mut v {
        map.insert("format_version".to_string(), json!(r.format_version));
        map.insert("tool_version".to_string(), json!(r.tool_version));
        map.insert(
            "thresholds".to_string(),
            serde_json::to_value(&r.thresholds).unwrap_or(Value::Null),
        );
        map.insert("summary".to_string(), summary);
        map.insert("plan".to_string(), Value::Array(plan));
        map.insert("report".to_string(), sections);
        // Without a catalogue there is no plan and nothing recommended: left out, not empty.
        if !r.recommends {
            map.remove("plan");
            for (section, keys) in [
                ("summary", &["actions"][..]),
                (
                    "report",
                    &["plan", "recommendations", "proposals", "source", "caveat"][..],
                ),
            ] {
                if let Some(Value::Object(m)) = map.get_mut(section) {
                    for k in keys {
                        m.remove(*k);
                    }
                }
            }
            if let Some(Value::Object(m)) = map.get_mut("report")
                && let Some(Value::Object(s)) = m.get_mut("summary")
            {
                s.remove("actions");
            }
        }
    }
    v
}

pub fn write<W: Write + ?Sized>(
    r: &Report,
    inst: &Instrument,
    card: &ScoreCard,
    answers: &AnswerSet,
    out: &mut W,
) -> io::Result<()> {
    let v = value(r, inst, card, answers);
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
    writeln!(out)
}
