//! The command line: arguments (clap) and the commands that need no terminal UI.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::codebook::{codebook, write_csv, write_md, write_template};
use crate::domain::instrument::{Instrument, LoadError, LoadedAnswers};
use crate::domain::output::{score_json, score_text};
use crate::domain::reachability::lint_reachability;
use crate::domain::{Lang, score};

pub mod help;
pub mod instruments;
pub mod start;
pub mod words;

use words::*;

#[derive(Debug, Parser)]
#[command(
    name = "smecheck",
    version,
    about = "SME self-check: how deep your cloud use really is and how ready you are for financing",
    long_about = "SME self-check: how deep your cloud use really is and how ready you are for financing.\n\
                  Without a command, starts (or resumes) the interactive self-check."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start or resume the interactive self-check.
    Run(RunArgs),
    /// Score a saved answer file and print the result (no UI).
    Score(ScoreArgs),
    /// Check a questionnaire file (default: the built-in one).
    Validate {
        /// The questionnaire to check: a file's path, or a built-in one by name (see
        /// `smecheck questionnaire --list`); a file that exists wins [default: smecheck].
        #[arg(value_name = "NAME|PATH")]
        path: Option<PathBuf>,
        /// Language (default: from the locale, else Chinese).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print the JSON Schema, a blank answer file, or the codebook.
    Questionnaire(QuestionnaireArgs),
    /// Write the recommendation report (text, Markdown, HTML or JSON) for a saved answer file.
    Report(ReportArgs),
    /// Run a workshop: create its folder, import answer files, present, watch the room, report.
    Workshop(WorkshopArgs),
    /// A firm's progress between two checks: scores, rungs, recommendations, actions done.
    Compare(crate::progress::CompareArgs),
    /// Many workshops at once: a programme report, or a flat export for DuckDB or Spark.
    Programme(crate::progress::ProgrammeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Default, Args)]
pub struct RunArgs {
    /// The questionnaire: a built-in one by name (smecheck, eurostat-dii, …: see
    /// `smecheck questionnaire --list`) or a file's path; a file that exists wins [default: smecheck].
    #[arg(long, value_name = "NAME|PATH")]
    pub questionnaire: Option<PathBuf>,
    /// Language (default: from the locale, else Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The answer file, saved after every change (default: a new file in the user data folder).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Line-by-line prompts without full-screen drawing (screen readers, pipes).
    #[arg(long)]
    pub plain: bool,
    /// Take part in a workshop: answers are saved in its folder under a new firm code.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["questionnaire", "answers"])]
    pub workshop: Option<PathBuf>,
    /// With --workshop: continue as the firm with this code instead of starting anew.
    #[arg(long, value_name = "CODE", requires = "workshop")]
    pub firm: Option<String>,
    /// Look at the answers without saving (e.g. while another session has the file open).
    #[arg(long)]
    pub read_only: bool,
    /// Start a follow-up of this earlier check: a new answer file (--answers, or one beside
    /// it) pre-filled from it; the earlier file is never changed.
    #[arg(long, value_name = "EARLIER", conflicts_with_all = ["workshop", "read_only"])]
    pub follow_up: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Json,
    Text,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The answer file to score.
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// The questionnaire: a built-in one by name (smecheck, eurostat-dii, …: see
    /// `smecheck questionnaire --list`) or a file's path; a file that exists wins [default: smecheck].
    #[arg(long, value_name = "NAME|PATH")]
    pub questionnaire: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
    /// Language (default: from the locale, else Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CodebookFormat {
    Json,
    Csv,
    Md,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["schema", "template", "codebook", "list"])))]
pub struct QuestionnaireArgs {
    /// Print the JSON Schema of the questionnaire format.
    #[arg(long)]
    pub schema: bool,
    /// Print a blank answer file for the questionnaire.
    #[arg(long)]
    pub template: bool,
    /// Print the codebook: every question, its options or bands, points and conditions.
    #[arg(long)]
    pub codebook: bool,
    /// Codebook format [default: json].
    // Not `requires = "codebook"`: a flag's implicit `false` default satisfies `requires`, so
    // `--template --format csv` would pass silently. Conflicting with the other two (one of
    // the three is required) refuses it as bad usage.
    #[arg(long, value_enum, conflicts_with_all = ["schema", "template"])]
    pub format: Option<CodebookFormat>,
    /// List the questionnaires built into smecheck: name, title, version, languages, question
    /// count and what each measures.
    #[arg(long, conflicts_with_all = ["format", "questionnaire"])]
    pub list: bool,
    /// The questionnaire: a built-in one by name (smecheck, eurostat-dii, …: see
    /// `smecheck questionnaire --list`) or a file's path; a file that exists wins [default: smecheck].
    #[arg(long, value_name = "NAME|PATH")]
    pub questionnaire: Option<PathBuf>,
    /// Language (default: from the locale, else Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// `--lang`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then Chinese.
pub fn resolve_lang(arg: Option<LangArg>) -> Lang {
    if let Some(l) = arg {
        return l.into();
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .filter(|v| !v.is_empty())
        .find_map(|v| Lang::from_tag(&v))
        .unwrap_or(Lang::Zh)
}

/// Where a command's output goes: standard output, or a file written atomically.
#[derive(Debug, Default, Args)]
pub struct OutputArgs {
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it already exists.
    #[arg(long)]
    pub force: bool,
}

/// Writes what `render` produces to standard output, or atomically to `to.output`; an
/// existing file (or link) is only replaced with `--force`, and none of `inputs`, the files
/// the output is made from, ever is.
pub fn emit(
    inputs: &[&Path],
    to: &OutputArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let Some(path) = to.output.as_deref() else {
        render(out)?;
        return Ok(());
    };
    let shown = crate::store::shown(path);
    if inputs.iter().any(|i| crate::store::same_file(i, path)) {
        bail!("{}", OUTPUT_IS_INPUT.fill(lang, &[&shown]));
    }
    // symlink_metadata also sees a dangling link, which a rename would replace.
    if std::fs::symlink_metadata(path).is_ok() && !to.force {
        bail!("{}", OUTPUT_EXISTS.fill(lang, &[&shown]));
    }
    crate::store::atomic_write_with(path, render).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            OUTPUT_FAILED.fill(lang, &[&shown, &crate::store::explain(&e, lang)])
        )
    })?;
    writeln!(err, "{}", OUTPUT_WRITTEN.fill(lang, &[&shown]))?;
    Ok(())
}

/// Reads a data file, with a message in `lang` that names it and says what to do. What is not
/// a regular file, or is larger than any data file can be, is refused before it is read.
pub fn read_file(path: &Path, what: crate::domain::text::Bilingual, lang: Lang) -> Result<String> {
    let what = what.get(lang);
    let shown = crate::store::shown(path);
    let bytes = crate::store::read_text(path).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            READ_FAILED.fill(lang, &[&what, &shown, &crate::store::explain(&e, lang)])
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            NOT_UTF8.fill(lang, &[&shown, &what, &e.utf8_error().valid_up_to()])
        )
    })
}

/// The questionnaire `--questionnaire` names (a file, or a built-in instrument by name), or
/// the built-in one without it, with the recommendations catalogue it declares.
pub fn load_instrument(path: Option<&Path>, lang: Lang) -> Result<Instrument> {
    Ok(instruments::load(path, lang)?.0)
}

/// Reads an answer file and reports, in `lang`, answers that were left out on stderr.
pub fn load_answers(
    inst: &Instrument,
    path: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<LoadedAnswers> {
    let src = read_file(path, AN_ANSWER_FILE, lang)?;
    let loaded = inst
        .load_answers(&path.display().to_string(), &src)
        .map_err(|e| anyhow::anyhow!("{}", e.display_in(lang)))?;
    if loaded.version_differs {
        let note = OTHER_VERSION.fill(
            lang,
            &[
                &path.display(),
                &loaded.file_version,
                &inst.questionnaire.version,
            ],
        );
        writeln!(err, "{note}")?;
    }
    for d in &loaded.dropped {
        writeln!(
            err,
            "{}",
            DROPPED.fill(lang, &[&d.question, &d.reason.get(lang)])
        )?;
    }
    Ok(loaded)
}

/// Runs a command that needs no terminal UI, writing its output to `out`.
pub fn execute(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        Command::Run(_) => bail!("`run` is interactive; start it from the binary"),
        Command::Score(args) => {
            let lang = resolve_lang(args.lang);
            let inst = load_instrument(args.questionnaire.as_deref(), lang)?;
            let loaded = load_answers(&inst, &args.answers, lang, err)?;
            let card = score(&inst, &loaded.answers);
            match args.format {
                ScoreFormat::Json => {
                    let v = score_json(&inst, &card, &loaded.answers, lang);
                    out.write_all(&crate::store::pretty_json(&v)?)?;
                }
                ScoreFormat::Text => {
                    out.write_all(score_text(&inst, &card, &loaded.answers, lang, 80).as_bytes())?
                }
            }
        }
        Command::Validate { path, lang } => {
            let lang = resolve_lang(*lang);
            let (inst, source) = instruments::load(path.as_deref(), lang)?;
            let (name, src) = (source.shown, source.text);
            let problems = lint_reachability(&inst);
            if !problems.is_empty() {
                let issues = problems.into_iter().map(|p| p.placed(&name, &src));
                return Err(anyhow::anyhow!(
                    "{}",
                    LoadError::Invalid(issues.collect()).display_in(lang)
                ));
            }
            let q = &inst.questionnaire;
            // Allowed but probably not meant: said on stderr, the file still passes.
            for p in crate::domain::validate::warnings(q) {
                let pos = crate::domain::position::locate(&src, &p.path);
                let (message, hint) = match (&p.zh, lang) {
                    (Some((m, h)), Lang::Zh) => (m.as_str(), h.as_str()),
                    _ => (p.message.as_str(), p.hint.as_str()),
                };
                writeln!(
                    err,
                    "{}",
                    VALIDATE_WARNING.fill(lang, &[&name, &pos, &message, &hint])
                )?;
            }
            // Without a catalogue there are no rules or proposals to count: that line has
            // places for the first five only.
            let ok = if inst.recommends() {
                VALIDATE_OK
            } else {
                VALIDATE_OK_NO_RECOMMENDATIONS
            };
            let ok = ok.fill(
                lang,
                &[
                    &name,
                    &q.id,
                    &q.version,
                    &inst.hash,
                    &QUESTIONS.count(lang, q.questions.len(), &[]),
                    &RULES.count(lang, q.rules.len(), &[]),
                    &inst.proposals.proposals.len(),
                ],
            );
            writeln!(out, "{ok}")?;
        }
        Command::Report(args) => run_report(args, out, err)?,
        Command::Workshop(args) => crate::workshop::command::execute(&args.command, out, err)?,
        Command::Compare(args) => crate::progress::compare(args, out, err)?,
        Command::Programme(args) => crate::progress::programme(args, out, err)?,
        Command::Questionnaire(args) => {
            if args.schema {
                let schema = schemars::schema_for!(crate::domain::model::Questionnaire);
                out.write_all(&crate::store::pretty_json(&schema)?)?;
                return Ok(());
            }
            if args.list {
                return instruments::list(resolve_lang(args.lang), out);
            }
            let inst = load_instrument(args.questionnaire.as_deref(), resolve_lang(args.lang))?;
            let q = &inst.questionnaire;
            if args.template {
                write_template(q, &mut *out)?;
                writeln!(out)?;
            } else {
                match args.format.unwrap_or(CodebookFormat::Json) {
                    CodebookFormat::Json => {
                        out.write_all(&crate::store::pretty_json(&codebook(q))?)?;
                    }
                    CodebookFormat::Csv => write_csv(q, &mut *out)?,
                    CodebookFormat::Md => write_md(q, resolve_lang(args.lang), &mut *out)?,
                }
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// Plain text, 80 columns: terminal, paper, WeChat, e-mail.
    Text,
    /// Markdown.
    Md,
    /// One self-contained HTML file, ready to print on A4.
    Html,
    /// The score JSON plus every section of the report.
    Json,
}

impl From<ReportFormatArg> for crate::domain::report::ReportFormat {
    fn from(f: ReportFormatArg) -> Self {
        use crate::domain::report::ReportFormat;
        match f {
            ReportFormatArg::Text => ReportFormat::Text,
            ReportFormatArg::Md => ReportFormat::Md,
            ReportFormatArg::Html => ReportFormat::Html,
            ReportFormatArg::Json => ReportFormat::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The answer file to report on.
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormatArg,
    #[command(flatten)]
    pub to: OutputArgs,
    /// Language of the report (default: from the locale, else Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The report date [default: today, UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_report_date)]
    pub date: Option<String>,
    /// With `--format text`: only the one-page summary, at most 40 lines without bars or box
    /// drawing, to paste into WeChat or an e-mail.
    #[arg(long)]
    pub short: bool,
    /// The questionnaire: a built-in one by name (smecheck, eurostat-dii, …: see
    /// `smecheck questionnaire --list`) or a file's path; a file that exists wins [default: smecheck].
    #[arg(long, value_name = "NAME|PATH", conflicts_with = "workshop")]
    pub questionnaire: Option<PathBuf>,
    /// Add where the firm stands among the finished firms of this workshop (its questionnaire
    /// is used).
    #[arg(long, value_name = "DIR")]
    pub workshop: Option<PathBuf>,
    /// An earlier answer file of the same firm: adds a "since last time" section. [default:
    /// the check a follow-up answer file follows, when it is still there]
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

/// Each dimension's median among the room's finished firms, for the report's chart; empty
/// when too few firms have finished to say.
fn room_median(cohort: &crate::domain::cohort::Cohort) -> Vec<(String, f64)> {
    if cohort.finished < crate::domain::cohort::MIN_FOR_STANDING {
        return Vec::new();
    }
    cohort
        .dimensions
        .iter()
        .filter_map(|d| Some((d.id.to_string(), d.spread.quartiles.as_ref()?.median)))
        .collect()
}

/// "Cloud adoption depth in this room (24 firms)" → "lower quartile", per area and overall;
/// and each dimension's median in the room.
fn room_lines(
    ws: &crate::workshop::Workshop,
    card: &crate::domain::ScoreCard,
    lang: Lang,
) -> (Vec<crate::domain::report::Field>, Vec<(String, f64)>) {
    let mut room = crate::workshop::room::Room::new();
    room.scan(ws, std::time::SystemTime::now());
    let cohort = room.cohort(ws);
    let q = &ws.inst.questionnaire;
    let lines = cohort
        .standing(card)
        .into_iter()
        .map(|s| {
            let area = q.area(&s.area.as_str().into()).map_or_else(
                || {
                    crate::domain::report::strings::OVERALL
                        .get(lang)
                        .to_string()
                },
                |a| a.title.get(lang).to_string(),
            );
            let label = format!("{area}{}", IN_THIS_ROOM.count(lang, s.of, &[]));
            crate::domain::report::Field {
                label,
                value: crate::workshop::report::standing_text(card, &s, lang),
                code: None,
            }
        })
        .collect();
    (lines, room_median(&cohort))
}

fn parse_report_date(s: &str) -> std::result::Result<String, String> {
    crate::domain::report::check_date(s).map(|()| s.to_string())
}

/// `smecheck report`: the only place the report reads the clock.
fn run_report(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    use crate::domain::report::{ReportFormat, write_report_with};
    let lang = resolve_lang(args.lang);
    let workshop = match &args.workshop {
        Some(dir) => Some(crate::workshop::Workshop::open(dir, lang)?),
        None => None,
    };
    let inst = match &workshop {
        Some(ws) => ws.inst.clone(),
        None => load_instrument(args.questionnaire.as_deref(), lang)?,
    };
    let loaded = load_answers(&inst, &args.answers, lang, err)?;
    let card = score(&inst, &loaded.answers);
    let (room, room_median) = workshop
        .as_ref()
        .map(|ws| room_lines(ws, &card, lang))
        .unwrap_or_default();
    if workshop.is_some() && room.is_empty() {
        writeln!(err, "{}", TOO_FEW_TO_PLACE.get(lang))?;
    }
    let date = match &args.date {
        Some(d) => d.clone(),
        None => crate::store::date(std::time::SystemTime::now()),
    };
    let format: ReportFormat = args.format.into();
    if args.short && format != ReportFormat::Text {
        anyhow::bail!("{}", SHORT_NEEDS_TEXT.get(lang));
    }
    let baseline = crate::progress::default_baseline(
        args.baseline.as_deref(),
        &args.answers,
        lang,
        &mut *err,
    )?;
    let since = match &baseline {
        Some(path) => Some(crate::progress::baseline(
            &inst, path, &loaded, &card, lang,
        )?),
        None => None,
    };
    let opts = crate::domain::report::ReportOptions {
        short: args.short,
        room,
        room_median,
        since,
    };
    let mut inputs = vec![args.answers.as_path()];
    inputs.extend(args.questionnaire.as_deref());
    inputs.extend(baseline.as_deref());
    emit(&inputs, &args.to, lang, out, err, |w| {
        write_report_with(&inst, &loaded.answers, &card, lang, &date, format, &opts, w)
    })
}

#[derive(Debug, Args)]
pub struct WorkshopArgs {
    #[command(subcommand)]
    pub command: WorkshopCommand,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WorkshopReportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML page, ready to print on A4.
    Html,
    /// One row per firm, one column per score and question; opens in Excel (UTF-8 with BOM).
    Csv,
    /// The cohort's numbers and one anonymised entry per firm.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum WorkshopCommand {
    /// Create a workshop folder: workshop.json, responses/ and the questionnaire it uses.
    New {
        /// The folder to create (new or empty): a laptop, USB stick, network share or synced drive.
        dir: PathBuf,
        /// The title shown on the projector and in the cohort report.
        #[arg(long)]
        title: String,
        /// The questionnaire: a built-in one by name (see `smecheck questionnaire --list`) or a
        /// file's path, a file that exists winning; a copy is kept in the folder [default: smecheck].
        #[arg(long, value_name = "NAME|PATH")]
        questionnaire: Option<PathBuf>,
        /// Language of the facilitator's views and reports (default: from the locale).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// A follow-up of this earlier workshop: firms keep their codes and find their earlier
        /// answers filled in; the cohort report shows the room's change.
        #[arg(long, value_name = "DIR")]
        follow_up: Option<PathBuf>,
    },
    /// Check answer files collected by hand and copy them in under fresh firm codes.
    Import {
        dir: PathBuf,
        /// Answer files saved by `smecheck run`.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Language (default: the workshop's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// The projector view: one question at a time, the room's answers when revealed.
    Present {
        dir: PathBuf,
        /// Language (default: the workshop's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// The room's results, live, as firms answer.
    Dashboard {
        dir: PathBuf,
        /// Show firm names next to firm codes (keep them off a shared screen otherwise).
        #[arg(long)]
        named: bool,
        /// Language (default: the workshop's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Let participants answer on their phones: a small web server on this machine.
    Serve {
        dir: PathBuf,
        /// The address to listen on [default: every network interface, 0.0.0.0].
        #[arg(long, value_name = "ADDR", default_value = "0.0.0.0")]
        bind: std::net::IpAddr,
        /// The port (0 picks a free one).
        #[arg(long, value_name = "N", default_value_t = 8080)]
        port: u16,
        /// Phones go no further than the section the presenter shows.
        #[arg(long)]
        paced: bool,
        /// Language (default: the workshop's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write the cohort report.
    Report {
        dir: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: WorkshopReportFormat,
        #[command(flatten)]
        to: crate::cli::OutputArgs,
        /// Include firm names (the report is anonymised otherwise).
        #[arg(long)]
        named: bool,
        /// CSV: ids only, one header row (labels above the ids otherwise).
        #[arg(long)]
        codes: bool,
        /// Language (default: the workshop's).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

impl WorkshopCommand {
    /// The commands that take over the terminal.
    pub fn is_interactive(&self) -> bool {
        matches!(
            self,
            WorkshopCommand::Present { .. } | WorkshopCommand::Dashboard { .. }
        )
    }
}
