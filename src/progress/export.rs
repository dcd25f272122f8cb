//! `programme export`: one flat JSON object per line, per firm per assessment, across many
//! workshop folders. Every record has the same keys (a question not asked or not answered is
//! `null`), so DuckDB's `read_json_auto` and Spark's `spark.read.json` infer one table. Read a
//! batch of files, write their lines, forget them: memory stays flat however many firms.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde_json::{Map, Value};

use crate::domain::Lang;
use crate::domain::cohort::Status;
use crate::workshop::Workshop;
use crate::workshop::room::{Response, for_each_file};

crate::bilingual! {
    SKIPPED = "注意：{} 中有 {} 个文件无法读取，未导出（`smecheck workshop dashboard` 会列出原因）",
        "note: {} has {} files that could not be read and were not exported (`smecheck workshop dashboard` lists why)";
    EXPORTED = "已导出 {} 条记录，来自 {} 个研讨会", "{} records exported from {} workshops";
}

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

/// The flat record of one firm's assessment. Keys: `workshop*`, `round`, `firm`,
/// `questionnaire_*`, `status`, `profile_<field>` (fields with options only: never a name),
/// `score_overall`, `level_overall`, `score_<area>`, `level_<area>`, `dim_<dimension>`,
/// `rung_<ladder>` and `rung_<ladder>_number`, `breadth`, `findings`, `recommendations`,
/// `rules`, the confidence counts and `q_<question>` for every question.
pub fn record(ws: &Workshop, folder: &Folder, r: &Response) -> Map<String, Value> {
    let q = &ws.inst.questionnaire;
    let card = &r.card;
    let mut m = Map::new();
    let mut put = |k: String, v: Value| {
        m.insert(k, v);
    };
    put("workshop".into(), folder.name.as_str().into());
    put("workshop_title".into(), ws.meta.title.as_str().into());
    put("workshop_date".into(), ws.meta.date.as_str().into());
    put("join_code".into(), ws.meta.join_code.as_str().into());
    put("round".into(), folder.round.into());
    put("firm".into(), r.code.as_str().into());
    put("questionnaire_id".into(), q.id.as_str().into());
    put("questionnaire_version".into(), q.version.as_str().into());
    put("saved_at".into(), r.saved_at.clone().into());
    let status = match Status::of(card) {
        Status::Finished => "finished",
        Status::InProgress => "in_progress",
    };
    put("status".into(), status.into());
    for f in q.profile.iter().filter(|f| !f.options.is_empty()) {
        put(
            column("profile_", &f.id),
            r.answers.profile.get(&f.id).cloned().into(),
        );
    }
    put("score_overall".into(), card.overall_score.into());
    put("level_overall".into(), card.overall_level.as_str().into());
    for a in &card.areas {
        put(column("score_", a.id.as_str()), a.score.into());
        put(column("level_", a.id.as_str()), a.level.as_str().into());
        for d in &a.dimensions {
            put(column("dim_", d.id.as_str()), d.score.into());
        }
    }
    for l in &card.ladders {
        put(column("rung_", l.id.as_str()), l.rung.as_str().into());
        put(
            column("rung_", &format!("{}_number", l.id)),
            (l.index + 1).into(),
        );
    }
    put("breadth".into(), card.breadth.into());
    let ids = |it: &mut dyn Iterator<Item = &str>| Value::from(it.collect::<Vec<_>>());
    put(
        "findings".into(),
        ids(&mut card.findings.iter().map(|f| f.as_str())),
    );
    put(
        "recommendations".into(),
        ids(&mut card.recommendations.iter().map(|r| r.proposal.as_str())),
    );
    put(
        "rules".into(),
        ids(&mut card
            .recommendations
            .iter()
            .flat_map(|r| r.steps.iter().map(|s| s.rule.as_str()))),
    );
    let c = &card.confidence;
    put("asked".into(), c.questions.into());
    put("answered".into(), c.answered.into());
    put("dont_know".into(), c.dont_know.into());
    put("unanswered".into(), c.unanswered.into());
    put("dropped".into(), r.dropped.into());
    for (i, question) in q.questions.iter().enumerate() {
        let asked = r.visible.get(i).copied().unwrap_or(false);
        let v = if asked {
            r.answers
                .get(&question.id)
                .map_or(Value::Null, |a| a.to_json())
        } else {
            Value::Null
        };
        put(column("q_", question.id.as_str()), v);
    }
    m
}

/// Writes every firm of every folder as one line to `out`; returns the number of records.
pub fn write_all<W: Write + ?Sized>(
    dirs: &[PathBuf],
    lang: Lang,
    out: &mut W,
    skipped: &mut dyn FnMut(&Workshop, usize),
) -> io::Result<usize> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut n = 0;
    each_folder(dirs, lang, |ws, folder| {
        let mut problems = 0;
        for_each_file(ws, |f| {
            match f {
                Ok(r) => {
                    serde_json::to_writer(&mut out, &record(ws, folder, r))?;
                    out.write_all(b"\n")?;
                    n += 1;
                }
                Err(_) => problems += 1,
            }
            Ok(())
        })?;
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
    output: Option<&Path>,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    check_all(dirs, lang)?;
    let mut notes = Vec::new();
    let mut count = 0;
    crate::cli::emit(output, force, lang, out, err, |w| {
        count = write_all(dirs, lang, w, &mut |ws, n| {
            notes.push(SKIPPED.fill(lang, &[&ws.dir.display(), &n]));
        })?;
        Ok(())
    })?;
    for n in notes {
        writeln!(err, "{n}")?;
    }
    writeln!(err, "{}", EXPORTED.fill(lang, &[&count, &dirs.len()]))?;
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
