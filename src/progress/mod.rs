//! Progress over time and across a programme, on the command line: `compare` (a firm's two
//! checks), `report --baseline` (the same as a section of its report) and `programme` (many
//! workshop folders: a report, or a flat JSON-lines export for DuckDB or Spark).
//!
//! - [`export`]: `programme export`, one flat record per firm per assessment, streamed;
//! - [`follow_up`]: `workshop new --follow-up`, and the room's change it makes possible;
//! - [`tally`]: `programme report`, totals, distributions, breakdowns and rounds in flat memory.

pub mod export;
pub mod follow_up;
mod render;
pub mod tally;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand, ValueEnum};

use crate::cli::{AN_ANSWER_FILE, LangArg, ReportFormatArg, emit, load_instrument, read_file};
use crate::domain::answers::AnswerFile;
use crate::domain::instrument::{Instrument, LoadedAnswers, parse_json};
use crate::domain::progress::{CheckInfo, Progress, Side, Unmapped, compare_files};
use crate::domain::report::write_compare;
use crate::domain::{Lang, ScoreCard, score};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier answer file (T0). It is only read.
    #[arg(long, value_name = "FILE")]
    pub before: PathBuf,
    /// The later answer file (T1) of the same firm.
    #[arg(long, value_name = "FILE")]
    pub after: PathBuf,
    /// Score both with this questionnaire instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    pub questionnaire: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormatArg,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it already exists.
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Reads an answer file as it is, for a comparison (answers are matched later, by id).
fn read_answer_file(path: &Path, lang: Lang) -> Result<AnswerFile> {
    let src = read_file(path, AN_ANSWER_FILE, lang)?;
    parse_json(&path.display().to_string(), &src).map_err(|e| anyhow!("{}", e.display_in(lang)))
}

/// `smecheck compare`.
pub fn compare(args: &CompareArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let lang = crate::cli::resolve_lang(args.lang);
    let inst = load_instrument(args.questionnaire.as_deref(), lang)?;
    let before = read_answer_file(&args.before, lang)?;
    let after = read_answer_file(&args.after, lang)?;
    let p = compare_files(&inst, &before, &after).map_err(|e| anyhow!("{}", e.text().get(lang)))?;
    let name = inst
        .questionnaire
        .role(crate::domain::model::Role::FirmName);
    let firm = name
        .and_then(|n| after.profile.get(n))
        .map(|n| crate::domain::text::display_safe(n.trim()).into_owned())
        .filter(|n| !n.is_empty());
    emit(args.output.as_deref(), args.force, lang, out, err, |w| {
        write_compare(&inst, &p, firm.as_deref(), lang, args.format.into(), w)
    })
}

/// `report --baseline`: the firm's progress from the earlier file to the answers reported on
/// (already read with `inst`; what that reading dropped is listed as not compared).
pub fn baseline(
    inst: &Instrument,
    before_path: &Path,
    after: &LoadedAnswers,
    after_card: &ScoreCard,
    lang: Lang,
) -> Result<Progress> {
    let before = read_answer_file(before_path, lang)?;
    let (set, mut unmapped) =
        crate::domain::progress::comparable_answers(inst, &before, Side::Before)
            .map_err(|e| anyhow!("{}: {}", before_path.display(), e.text().get(lang)))?;
    let mut p = crate::domain::progress::compare(
        inst,
        &set,
        &score(inst, &set),
        &after.answers,
        after_card,
    );
    p.before = CheckInfo {
        version: before.questionnaire.version.clone(),
        saved_at: before.saved_at.clone(),
    };
    p.after = CheckInfo {
        version: after.file_version.clone(),
        saved_at: after.saved_at.clone(),
    };
    unmapped.extend(after.dropped.iter().map(|d| Unmapped {
        side: Side::After,
        question: d.question.clone(),
        reason: d.reason.clone(),
    }));
    p.unmapped = unmapped;
    Ok(p)
}

#[derive(Debug, Args)]
pub struct ProgrammeArgs {
    #[command(subcommand)]
    pub command: ProgrammeCommand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line (`read_json_auto` in DuckDB, `spark.read.json`).
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProgrammeReportFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ProgrammeCommand {
    /// Totals, distributions and breakdowns over many workshop folders, and progress between
    /// rounds; cells of fewer than three firms are suppressed.
    Report {
        /// Workshop folders (a county's or a province's).
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "md")]
        format: ProgrammeReportFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// One flat record per firm per assessment, for DuckDB or Spark; firm names are left out.
    Export {
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

/// `smecheck programme …`.
pub fn programme(args: &ProgrammeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match &args.command {
        ProgrammeCommand::Export {
            dirs,
            format: ExportFormat::Jsonl,
            output,
            force,
            lang,
        } => {
            let lang = crate::cli::resolve_lang(*lang);
            export::run(dirs, output.as_deref(), *force, lang, out, err)
        }
        ProgrammeCommand::Report {
            dirs,
            format,
            output,
            force,
            lang,
        } => {
            let lang = crate::cli::resolve_lang(*lang);
            let tally = tally::Tally::over(dirs, lang, err)?;
            emit(output.as_deref(), *force, lang, out, err, |w| {
                tally.write(*format, lang, w)
            })
        }
    }
}
