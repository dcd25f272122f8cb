//! The non-interactive workshop commands: `new`, `import` and `report` (the presenter and the
//! dashboard are full-screen views in `tui::workshop`).

use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

use anyhow::{Result, anyhow, bail};

use super::Workshop;
use super::import::import;
use super::report::{Format, Report, write};
use super::text;
use crate::cli::{LangArg, WorkshopCommand, WorkshopReportFormat, resolve_lang};
use crate::domain::Lang;

impl From<WorkshopReportFormat> for Format {
    fn from(f: WorkshopReportFormat) -> Format {
        match f {
            WorkshopReportFormat::Md => Format::Md,
            WorkshopReportFormat::Html => Format::Html,
            WorkshopReportFormat::Csv => Format::Csv,
            WorkshopReportFormat::Json => Format::Json,
        }
    }
}

/// Opens a workshop; the messages are in `--lang`, else the locale's language.
pub fn open(dir: &Path, lang: Option<LangArg>) -> Result<(Workshop, Lang)> {
    let msg = resolve_lang(lang);
    let ws = Workshop::open(dir, msg)?;
    let lang = ws.lang(lang.map(Into::into), msg);
    Ok((ws, lang))
}

/// [`open`], saying on `err` what the facilitator should know about the folder.
fn open_noting(dir: &Path, lang: Option<LangArg>, err: &mut dyn Write) -> Result<(Workshop, Lang)> {
    let (ws, lang) = open(dir, lang)?;
    for n in &ws.notes {
        writeln!(err, "{n}")?;
    }
    Ok((ws, lang))
}

pub fn execute(command: &WorkshopCommand, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        WorkshopCommand::New {
            dir,
            title,
            questionnaire,
            lang,
            follow_up,
        } => {
            let msg = resolve_lang(*lang);
            // The earlier room is checked before anything is created.
            let earlier = match follow_up {
                Some(d) => {
                    let earlier = Workshop::open(d, msg)?;
                    let inst = crate::cli::load_instrument(questionnaire.as_deref(), msg)?;
                    crate::progress::follow_up::check(&earlier, &inst, msg)?;
                    Some(earlier)
                }
                None => None,
            };
            let ws = Workshop::create(
                dir,
                title,
                questionnaire.as_deref(),
                lang.map(Into::into),
                SystemTime::now(),
                msg,
            )?;
            let shown = crate::store::shown(dir);
            writeln!(out, "{}", text::CREATED.fill(msg, &[&shown]))?;
            let q = &ws.meta.questionnaire;
            writeln!(
                out,
                "{}",
                text::CREATED_JOIN.fill(msg, &[&ws.meta.join_code, &q.id, &q.version, &q.hash])
            )?;
            if let Some(earlier) = &earlier {
                let line = crate::progress::follow_up::start(&ws, earlier, msg)?;
                writeln!(out, "{line}")?;
            }
            writeln!(
                out,
                "{}",
                text::CREATED_NEXT.fill(msg, &[&shown, &shown, &shown, &shown])
            )?;
        }
        WorkshopCommand::Import { dir, files, lang } => {
            let (ws, lang) = open_noting(dir, *lang, err)?;
            let done = import(&ws, files, lang);
            for (path, code) in &done.added {
                writeln!(
                    out,
                    "{}",
                    text::IMPORTED.fill(lang, &[&crate::store::shown(path), code])
                )?;
            }
            for (path, why) in &done.skipped {
                // A file name or a message quoting the file may carry escape sequences.
                let line = text::SKIPPED.fill(lang, &[&crate::store::shown(path), why]);
                writeln!(err, "{}", crate::domain::text::display_safe(&line))?;
            }
            writeln!(
                out,
                "{}",
                text::IMPORT_SUMMARY.fill(lang, &[&done.added.len(), &done.skipped.len()])
            )?;
            if done.added.is_empty() {
                bail!("{}", text::NOTHING_IMPORTED.get(lang));
            }
        }
        WorkshopCommand::Report {
            dir,
            format,
            to,
            named,
            codes,
            lang,
        } => {
            let (ws, lang) = open_noting(dir, *lang, err)?;
            let format: crate::workshop::report::Format = (*format).into();
            if format == crate::workshop::report::Format::Csv {
                // One row per firm needs no room statistics: stream it, memory stays flat.
                let meta = ws.dir.join(super::META_FILE);
                crate::cli::emit(&[&meta], to, lang, out, err, |w| {
                    // For Excel: labels in the report's language above the ids, unless
                    // --codes asks for ids only.
                    let labels = (!*codes).then_some(lang);
                    crate::workshop::report::csv::stream_in(&ws, *named, labels, w)
                })?;
                return Ok(());
            }
            // Each file is read once; firms wait in a temporary file while the room's
            // statistics are gathered, so memory stays flat however large the room.
            let cannot = |path: &Path, e: std::io::Error| {
                anyhow!(
                    "{}",
                    text::REPORT_READ.fill(lang, &[&crate::store::shown(path), &e])
                )
            };
            let mut report =
                Report::stream(&ws, *named, lang).map_err(|e| cannot(&ws.responses_dir(), e))?;
            report.change =
                crate::progress::follow_up::change(&ws).map_err(|e| cannot(&ws.dir, e))?;
            let meta = ws.dir.join(super::META_FILE);
            crate::cli::emit(&[&meta], to, lang, out, err, |w| write(&report, format, w))?;
        }
        WorkshopCommand::Serve {
            dir,
            bind,
            port,
            paced,
            lang,
        } => {
            let (ws, lang) = open_noting(dir, *lang, err)?;
            let mut opts =
                crate::serve::Options::new(std::net::SocketAddr::new(*bind, *port), lang);
            opts.behaviour.paced = *paced;
            crate::serve::run(ws, opts, out)?;
        }
        WorkshopCommand::Present { .. } | WorkshopCommand::Dashboard { .. } => {
            return Err(anyhow!(
                "{}",
                text::NEEDS_TERMINAL.fill(resolve_lang(None), &[&"smecheck workshop"])
            ));
        }
    }
    Ok(())
}
