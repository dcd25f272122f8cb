//! `programme export`: one flat JSON object per line, per firm per assessment, across many
//! workshop folders. Every record has the same keys (a question not asked or not answered is
//! `null`), so DuckDB's `read_json_auto` and Spark's `spark.read.json` infer one table. Read a
//! batch of files, write their lines, forget them: memory stays flat however many firms.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::Value;

use super::words::*;
use crate::domain::Lang;
use crate::domain::answers::Answer;
use crate::domain::cohort::Status;
use crate::workshop::Workshop;
use crate::workshop::room::{Outcome, Response, map_each_file};

/// The round of a workshop: `round` in `workshop.json` when it has one (a follow-up room),
/// else 1.
pub fn round_of(ws: &Workshop) -> u32 {
    ws.meta.round.filter(|r| *r > 0).unwrap_or(1)
}

/// Opens every folder once and lets it go, so that a wrong path stops the command before
/// anything is written; the folders are opened again one at a time as they are read, so that
/// hundreds of questionnaires are never held at once.
pub fn check_all(dirs: &[PathBuf], lang: Lang) -> Result<()> {
    for d in dirs {
        Workshop::open(d, lang)?;
    }
    Ok(())
}

/// Each folder in turn, opened.
pub fn each_folder(
    dirs: &[PathBuf],
    lang: Lang,
    mut each: impl FnMut(&Workshop, &Folder) -> io::Result<()>,
) -> io::Result<()> {
    for d in dirs {
        let ws = Workshop::open(d, lang).map_err(|e| io::Error::other(format!("{e:#}")))?;
        each(&ws, &Folder::of(&ws, d))?;
    }
    Ok(())
}

/// The workshop-level part of every record of one folder.
pub struct Folder {
    pub name: String,
    pub round: u32,
}

impl Folder {
    pub fn of(ws: &Workshop, dir: &Path) -> Folder {
        Folder {
            name: dir.display().to_string(),
            round: round_of(ws),
        }
    }
}

/// A column name: `prefix` and the id with every character other than an ASCII letter, digit
/// or `_` made `_` (`dim_cloud.basic` → `dim_cloud_basic`), so that SQL and Spark need no quotes.
pub fn column(prefix: &str, id: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + id.len());
    s.push_str(prefix);
    s.extend(id.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '_'
        }
    }));
    s
}

/// The keys of one folder's records, JSON-quoted once (`"score_cloud":`), and the workshop-level
/// fields every record of the folder repeats, already written: a record is then written
/// straight to bytes, with no map built per firm.
struct Columns {
    head: Vec<u8>,
    profile: Vec<(String, Vec<u8>)>,
    area: Vec<(Vec<u8>, Vec<u8>)>,
    dimension: Vec<Vec<u8>>,
    ladder: Vec<(Vec<u8>, Vec<u8>)>,
    /// By question: its key, or a matrix's keys, a row's (`q_<q>_<row>`) or a row and tick
    /// column's (`q_<q>_<row>_<column>`), in row order.
    question: Vec<Vec<Vec<u8>>>,
}

/// `"key":`, quoted as JSON.
fn key(k: &str) -> Vec<u8> {
    let mut v = serde_json::to_vec(k).unwrap_or_default();
    v.push(b':');
    v
}

impl Columns {
    fn of(ws: &Workshop, folder: &Folder) -> Columns {
        let q = &ws.inst.questionnaire;
        let mut head = b"{".to_vec();
        for (k, v) in [
            ("workshop", Value::from(folder.name.as_str())),
            ("workshop_title", ws.meta.title.as_str().into()),
            ("workshop_date", ws.meta.date.as_str().into()),
            ("join_code", ws.meta.join_code.as_str().into()),
            ("round", folder.round.into()),
            ("questionnaire_id", q.id.as_str().into()),
            ("questionnaire_version", q.version.as_str().into()),
        ] {
            head.extend(key(k));
            head.extend(serde_json::to_vec(&v).unwrap_or_default());
            head.push(b',');
        }
        let mut dimension = Vec::new();
        let area = q
            .areas
            .iter()
            .map(|a| {
                dimension.extend(
                    a.dimensions
                        .iter()
                        .map(|d| key(&column("dim_", d.id.as_str()))),
                );
                (
                    key(&column("score_", a.id.as_str())),
                    key(&column("level_", a.id.as_str())),
                )
            })
            .collect();
        Columns {
            head,
            profile: (q.profile.iter())
                .filter(|f| !f.options.is_empty())
                .map(|f| (f.id.clone(), key(&column("profile_", &f.id))))
                .collect(),
            area,
            dimension,
            ladder: (q.ladders.iter())
                .map(|l| {
                    (
                        key(&column("rung_", l.id.as_str())),
                        key(&column("rung_", &format!("{}_number", l.id))),
                    )
                })
                .collect(),
            question: (q.questions.iter())
                .map(|question| {
                    let base = column("q_", question.id.as_str());
                    if !question.is_matrix() {
                        return vec![key(&base)];
                    }
                    let mut keys = Vec::new();
                    for r in &question.rows {
                        let row = column(&format!("{base}_"), r.id.as_str());
                        if question.ticks {
                            keys.extend(
                                (question.options.iter())
                                    .map(|o| key(&column(&format!("{row}_"), o.id.as_str()))),
                            );
                        } else {
                            keys.push(key(&row));
                        }
                    }
                    keys
                })
                .collect(),
        }
    }
}

/// Writes `k` and the JSON of `v`, then a comma.
fn field(out: &mut Vec<u8>, k: &[u8], v: impl serde::Serialize) {
    out.extend_from_slice(k);
    // Writing plain values into a Vec cannot fail (non-finite numbers come out as null).
    let _ = serde_json::to_writer(&mut *out, &v);
    out.push(b',');
}

/// The flat record of one firm's assessment, as one line of JSON. Keys: `workshop*`, `round`,
/// `questionnaire_*`, `firm`, `saved_at`, `status`, `profile_<field>` (fields with options only:
/// never a name), `score_overall`, `level_overall`, `score_<area>`, `level_<area>`,
/// `dim_<dimension>`, `rung_<ladder>` and `rung_<ladder>_number`, `breadth`, `findings`,
/// `recommendations`, `rules`, the confidence counts and `q_<question>` for every question (a
/// matrix: `q_<question>_<row>`, or `q_<question>_<row>_<column>` for tick columns).
fn record(cols: &Columns, q: &crate::domain::model::Questionnaire, r: &Response) -> Vec<u8> {
    let card = &r.card;
    let mut out = Vec::with_capacity(2048);
    out.extend_from_slice(&cols.head);
    field(&mut out, b"\"firm\":", r.code.as_str());
    field(&mut out, b"\"saved_at\":", &r.saved_at);
    let status = match Status::of(card) {
        Status::Finished => "finished",
        Status::InProgress => "in_progress",
    };
    field(&mut out, b"\"status\":", status);
    for (id, k) in &cols.profile {
        field(&mut out, k, r.answers.profile.get(id));
    }
    field(&mut out, b"\"score_overall\":", card.overall_score);
    field(&mut out, b"\"level_overall\":", card.overall_level.as_str());
    let mut dims = cols.dimension.iter();
    for (a, (score, level)) in card.areas.iter().zip(&cols.area) {
        field(&mut out, score, a.score);
        field(&mut out, level, a.level.as_str());
        for (d, k) in a.dimensions.iter().zip(dims.by_ref()) {
            field(&mut out, k, d.score);
        }
    }
    for (l, (rung, number)) in card.ladders.iter().zip(&cols.ladder) {
        field(&mut out, rung, l.rung.as_str());
        field(&mut out, number, l.index + 1);
    }
    field(&mut out, b"\"breadth\":", card.breadth);
    let findings: Vec<&str> = card.findings.iter().map(|f| f.as_str()).collect();
    field(&mut out, b"\"findings\":", findings);
    let recs: Vec<&str> = card
        .recommendations
        .iter()
        .map(|r| r.proposal.as_str())
        .collect();
    field(&mut out, b"\"recommendations\":", recs);
    let rules: Vec<&str> = (card.recommendations.iter())
        .flat_map(|r| r.steps.iter().map(|s| s.rule.as_str()))
        .collect();
    field(&mut out, b"\"rules\":", rules);
    let c = &card.confidence;
    field(&mut out, b"\"asked\":", c.questions);
    field(&mut out, b"\"answered\":", c.answered);
    field(&mut out, b"\"dont_know\":", c.dont_know);
    field(&mut out, b"\"unanswered\":", c.unanswered);
    field(&mut out, b"\"dropped\":", r.dropped);
    for (i, (question, k)) in q.questions.iter().zip(&cols.question).enumerate() {
        let asked = r.visible.get(i).copied().unwrap_or(false);
        let answer = asked.then(|| r.answers.get(&question.id)).flatten();
        if !question.is_matrix() {
            if let Some(k) = k.first() {
                field(&mut out, k, answer);
            }
            continue;
        }
        // A matrix, flat: a scale row's option id, a tick column's true or false; null when
        // the question or the row is unanswered ("don't know" for the whole question is
        // written in each of its columns).
        let mut keys = k.iter();
        for def in &question.rows {
            let picked = match answer {
                Some(Answer::Matrix(m)) => m.row(def.id.as_str()),
                _ => None,
            };
            let special = answer.filter(|a| !a.is_real()).map(Answer::to_json);
            if question.ticks {
                for o in &question.options {
                    let Some(k) = keys.next() else { break };
                    let v = match (&special, answer) {
                        (Some(s), _) => s.clone(),
                        (None, Some(_)) => Value::from(picked.is_some_and(|p| p.contains(&o.id))),
                        (None, None) => Value::Null,
                    };
                    field(&mut out, k, v);
                }
            } else if let Some(k) = keys.next() {
                let v = match (&special, picked) {
                    (Some(s), _) => s.clone(),
                    (None, Some([o, ..])) => Value::from(o.as_str()),
                    (None, _) => Value::Null,
                };
                field(&mut out, k, v);
            }
        }
    }
    // The last comma closes the object instead.
    if let Some(last) = out.last_mut() {
        *last = b'}';
    }
    out.push(b'\n');
    out
}

/// Writes every firm of every folder as one line to `out`; returns the number of records.
/// Records are built on the reading threads and written in file-name order.
pub fn write_all<W: Write + ?Sized>(
    dirs: &[PathBuf],
    lang: Lang,
    out: &mut W,
    skipped: &mut dyn FnMut(&Workshop, usize),
) -> io::Result<usize> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut n = 0;
    each_folder(dirs, lang, |ws, folder| {
        let cols = Columns::of(ws, folder);
        let q = &ws.inst.questionnaire;
        let mut problems = 0;
        map_each_file(
            ws,
            |o| match o {
                Outcome::Response(r) => Some(record(&cols, q, &r)),
                Outcome::Problem(_) => None,
            },
            |line| {
                match line {
                    Some(line) => {
                        out.write_all(&line)?;
                        n += 1;
                    }
                    None => problems += 1,
                }
                Ok(())
            },
        )?;
        if problems > 0 {
            skipped(ws, problems);
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

/// `smecheck programme export DIR… --format jsonl`.
pub fn run(
    dirs: &[PathBuf],
    to: &crate::cli::OutputArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    check_all(dirs, lang)?;
    let mut notes = Vec::new();
    let mut count = 0;
    crate::cli::emit(&[], to, lang, out, err, |w| {
        count = write_all(dirs, lang, w, &mut |ws, n| {
            notes.push(
                EXPORT_SKIPPED.fill(lang, &[&ws.dir.display(), &UNREADABLE.count(lang, n, &[])]),
            );
        })?;
        Ok(())
    })?;
    for n in notes {
        writeln!(err, "{n}")?;
    }
    writeln!(
        err,
        "{}",
        EXPORTED.count(lang, count, &[&N_WORKSHOPS.count(lang, dirs.len(), &[])])
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::column;

    #[test]
    fn column_names_need_no_quoting() {
        assert_eq!(column("dim_", "cloud.basic"), "dim_cloud_basic");
        assert_eq!(column("q_", "c_lead"), "q_c_lead");
        assert_eq!(column("q_", "a-b c/云"), "q_a_b_c__");
    }
}
