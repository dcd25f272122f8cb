//! The command line: arguments (clap) and the commands that need no terminal UI.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::codebook::{codebook, template, write_csv, write_md};
use crate::domain::instrument::{
    Instrument, LoadError, LoadedAnswers, BUILTIN_NAME, BUILTIN_PROPOSALS, BUILTIN_PROPOSALS_NAME,
};
use crate::domain::reach::lint_reachability;
use crate::domain::summary::{score_json, score_text};
use crate::domain::{score, Lang};

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
        /// The questionnaire JSON to check.
        path: Option<PathBuf>,
    },
    /// Print the JSON Schema, a blank answer file, or the codebook.
    Questionnaire(QuestionnaireArgs),
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
    /// Use this questionnaire instead of the built-in one.
    #[arg(long, value_name = "PATH")]
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
    #[arg(long, value_name = "PATH")]
    pub questionnaire: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ScoreFormat,
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
#[command(group(clap::ArgGroup::new("what").required(true).args(["schema", "template", "codebook"])))]
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
    /// Codebook format.
    #[arg(long, value_enum, default_value = "json", requires = "codebook")]
    pub format: CodebookFormat,
    #[arg(long, value_name = "PATH")]
    pub questionnaire: Option<PathBuf>,
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

/// Reads a data file with a message that names it.
pub fn read_file(path: &Path, what: &str) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {what} {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: the {what} is not valid UTF-8 text (bad byte at offset {})\n  hint: save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The built-in questionnaire, or the one at `path` with the built-in proposals catalogue.
pub fn load_instrument(path: Option<&Path>) -> Result<Instrument> {
    match path {
        None => Instrument::builtin().map_err(|e| anyhow::anyhow!("{e}")),
        Some(p) => {
            let src = read_file(p, "questionnaire")?;
            Instrument::from_sources(&p.display().to_string(), &src, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS)
                .map_err(|e| anyhow::anyhow!("{e}"))
        }
    }
}

/// Reads an answer file and reports dropped answers on stderr.
pub fn load_answers(inst: &Instrument, path: &Path, err: &mut dyn Write) -> Result<LoadedAnswers> {
    let src = read_file(path, "answer file")?;
    let loaded = inst
        .load_answers(&path.display().to_string(), &src)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if loaded.version_differs {
        writeln!(
            err,
            "note: {} was saved with questionnaire version {}, this is {}; answers were matched by question id",
            path.display(),
            loaded.file_version,
            inst.questionnaire.version
        )?;
    }
    for d in &loaded.dropped {
        writeln!(err, "note: dropped answer `{}`: {}", d.question, d.reason)?;
    }
    Ok(loaded)
}

/// Runs a command that needs no terminal UI, writing its output to `out`.
pub fn execute(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    match command {
        Command::Run(_) => bail!("`run` is interactive; start it from the binary"),
        Command::Score(args) => {
            let inst = load_instrument(args.questionnaire.as_deref())?;
            let loaded = load_answers(&inst, &args.answers, err)?;
            let card = score(&inst, &loaded.answers);
            let lang = resolve_lang(args.lang);
            match args.format {
                ScoreFormat::Json => {
                    let v = score_json(&inst, &card, &loaded.answers, lang);
                    serde_json::to_writer_pretty(&mut *out, &v)?;
                    writeln!(out)?;
                }
                ScoreFormat::Text => out.write_all(score_text(&inst, &card, &loaded.answers, lang, 80).as_bytes())?,
            }
        }
        Command::Validate { path } => {
            let inst = load_instrument(path.as_deref())?;
            let name = path.as_ref().map_or(BUILTIN_NAME.to_string(), |p| p.display().to_string());
            let src = match path {
                Some(p) => read_file(p, "questionnaire")?,
                None => crate::domain::instrument::BUILTIN_QUESTIONNAIRE.to_string(),
            };
            let problems = lint_reachability(&inst);
            if !problems.is_empty() {
                let issues: Vec<_> = problems
                    .into_iter()
                    .map(|p| crate::domain::instrument::Issue {
                        file: name.clone(),
                        pos: crate::domain::locate::locate(&src, &p.path),
                        path: p.path,
                        message: p.message,
                        hint: p.hint,
                    })
                    .collect();
                return Err(anyhow::anyhow!("{}", LoadError::Invalid(issues)));
            }
            let q = &inst.questionnaire;
            writeln!(
                out,
                "ok: {name}: {} {} ({}), {} questions, {} rules; every rung and every proposal ({}) is reachable",
                q.id,
                q.version,
                inst.hash,
                q.questions.len(),
                q.rules.len(),
                inst.proposals.proposals.len()
            )?;
        }
        Command::Questionnaire(args) => {
            if args.schema {
                let schema = schemars::schema_for!(crate::domain::model::Questionnaire);
                serde_json::to_writer_pretty(&mut *out, &schema)?;
                writeln!(out)?;
                return Ok(());
            }
            let inst = load_instrument(args.questionnaire.as_deref())?;
            let q = &inst.questionnaire;
            if args.template {
                serde_json::to_writer_pretty(&mut *out, &template(q))?;
                writeln!(out)?;
            } else {
                match args.format {
                    CodebookFormat::Json => {
                        serde_json::to_writer_pretty(&mut *out, &codebook(q))?;
                        writeln!(out)?;
                    }
                    CodebookFormat::Csv => write_csv(q, &mut *out)?,
                    CodebookFormat::Md => write_md(q, resolve_lang(args.lang), &mut *out)?,
                }
            }
        }
    }
    Ok(())
}
