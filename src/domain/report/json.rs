//! The report as JSON: the contract's score JSON with the report's sections under `report`.

use std::io::{self, Write};

use serde_json::Value;

use crate::domain::answers::AnswerSet;
use crate::domain::instrument::Instrument;
use crate::domain::score::ScoreCard;
use crate::domain::summary::score_json;

use super::Report;

/// The score JSON of `score --format json`, plus `report`: every section of the printed report.
pub fn value(r: &Report, inst: &Instrument, card: &ScoreCard, answers: &AnswerSet) -> Value {
    let mut v = score_json(inst, card, answers, r.lang);
    let sections = serde_json::to_value(r).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("report".to_string(), sections);
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
