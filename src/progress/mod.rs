//! Progress over time and across a programme, on the command line: `compare` (a firm's two
//! checks), `report --baseline` (the same as a section of its report) and `programme` (many
//! workshop folders: a report, or a flat JSON-lines export for DuckDB or Spark).
//!
//! - [`earlier`]: the earlier check a follow-up answer file follows, found again;
//! - [`export`]: `programme export`, one flat record per firm per assessment, streamed;
//! - [`follow_up`]: `workshop new --follow-up`, and the room's change it makes possible;
//! - [`tally`]: `programme report`, totals, distributions, breakdowns and rounds in flat memory.
//! - [`words`]: every word of this layer, zh and en.

pub mod earlier;
pub mod export;
pub mod follow_up;
pub(crate) mod render;
pub mod tally;
pub mod words;

use words::*;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand, ValueEnum};

use crate::cli::words::AN_ANSWER_FILE;
use crate::cli::{LangArg, OutputArgs, ReportFormatArg, emit, load_instrument, read_file};
use crate::domain::answers::AnswerFile;
use crate::domain::instrument::{Instrument, LoadedAnswers, parse_json};
use crate::domain::progress::{CheckInfo, Progress, Side, Unmapped, compare_files};
use crate::domain::report::write_compare;
use crate::domain::{Lang, ScoreCard, score};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier answer file (T0). It is only read. [default: the file a follow-up check
    /// names in `follows`, when it is still there]
    #[arg(long, value_name = "FILE")]
    pub before: Option<PathBuf>,
    /// The later answer file (T1) of the same firm.
    #[arg(long, value_name = "FILE")]
    pub after: PathBuf,
    /// Score both with this questionnaire: a built-in one by name (see `smecheck questionnaire
    /// --list`) or a file's path, a file that exists winning [default: smecheck].
    #[arg(long, value_name = "NAME|PATH")]
    pub questionnaire: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormatArg,
    #[command(flatten)]
    pub to: OutputArgs,
    /// Language (default: from the locale, else Chinese).
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
    let after = read_answer_file(&args.after, lang)?;
    let before_path = match &args.before {
        Some(p) => p.clone(),
        None => followed(&args.after, &after, lang, err)?.ok_or_else(|| {
            anyhow!(
                "{}",
                NO_BEFORE.fill(lang, &[&crate::store::shown(&args.after)])
            )
        })?,
    };
    let before = read_answer_file(&before_path, lang)?;
    let p = compare_files(&inst, &before, &after).map_err(|e| anyhow!("{}", e.text().get(lang)))?;
    let name = inst
        .questionnaire
        .role(crate::domain::model::Role::FirmName);
    let firm = name
        .and_then(|n| after.profile.get(n))
        .map(|n| crate::domain::text::display_safe(n.trim()).into_owned())
        .filter(|n| !n.is_empty());
    emit(&[], &args.to, lang, out, err, |w| {
        write_compare(&inst, &p, firm.as_deref(), lang, args.format.into(), w)
    })
}

/// The earlier check the answer file at `path` follows, when it names one that is still there
/// unchanged; said on `err` either way.
pub fn followed(
    path: &Path,
    file: &AnswerFile,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<Option<PathBuf>> {
    use earlier::Earlier;
    let Some(follows) = &file.follows else {
        return Ok(None);
    };
    let shown = crate::store::shown(path);
    Ok(match earlier::find(follows, path) {
        Earlier::Here(p, _) => {
            writeln!(
                err,
                "{}",
                USING_FOLLOWED.fill(lang, &[&crate::store::shown(&p), &shown])
            )?;
            Some(p)
        }
        Earlier::Changed(p) => {
            let was = crate::store::shown(&p);
            writeln!(err, "{}", FOLLOWED_CHANGED.fill(lang, &[&shown, &was]))?;
            None
        }
        Earlier::Gone => {
            let was = crate::domain::text::display_safe(&follows.path).into_owned();
            writeln!(err, "{}", FOLLOWED_GONE.fill(lang, &[&shown, &was]))?;
            None
        }
    })
}

/// The baseline of `report`: `--baseline` when given, else the earlier check the answer file
/// follows (a follow-up check) when it is still there.
pub fn default_baseline(
    given: Option<&Path>,
    answers: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<Option<PathBuf>> {
    if let Some(p) = given {
        return Ok(Some(p.to_path_buf()));
    }
    match read_answer_file(answers, lang) {
        Ok(file) => followed(answers, &file, lang, err),
        // Read already by the report itself, which says what is wrong.
        Err(_) => Ok(None),
    }
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
        #[command(flatten)]
        to: OutputArgs,
        /// Language (default: from the locale, else Chinese).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// One flat record per firm per assessment, for DuckDB or Spark; firm names are left out.
    Export {
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
        #[command(flatten)]
        to: OutputArgs,
        /// Language (default: from the locale, else Chinese).
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
            to,
            lang,
        } => {
            let lang = crate::cli::resolve_lang(*lang);
            export::run(dirs, to, lang, out, err)
        }
        ProgrammeCommand::Report {
            dirs,
            format,
            to,
            lang,
        } => {
            let lang = crate::cli::resolve_lang(*lang);
            let tally = tally::Tally::over(dirs, lang, err)?;
            emit(&[], to, lang, out, err, |w| tally.write(*format, lang, w))
        }
    }
}
