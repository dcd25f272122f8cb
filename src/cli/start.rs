//! The hand-over to the terminal UI: clap's arguments turned into the TUI's plain options, the
//! questionnaire or the workshop opened here, so that nothing under `tui` knows the command
//! line.

use anyhow::{Result, bail};

use super::{RunArgs, WorkshopCommand, load_instrument, resolve_lang};
use crate::tui::workshop::RoomOptions;
use crate::tui::{RunOptions, Source};

/// `smecheck run` (and `smecheck` alone): the self-check.
pub fn run(args: &RunArgs) -> Result<()> {
    let (lang, source) = match &args.workshop {
        Some(dir) => {
            let (ws, lang) = crate::workshop::command::open(dir, args.lang)?;
            let firm = args.firm.clone();
            let ws = Box::new(ws);
            (lang, Source::Workshop { ws, firm })
        }
        None => {
            let lang = resolve_lang(args.lang);
            let source = Source::Own {
                inst: Box::new(load_instrument(args.questionnaire.as_deref(), lang)?),
                answers: args.answers.clone(),
                read_only: args.read_only,
                follow_up: args.follow_up.clone(),
            };
            (lang, source)
        }
    };
    let plain = args.plain;
    crate::tui::start(RunOptions {
        lang,
        plain,
        source,
    })
}

/// `smecheck workshop present|dashboard DIR`: the facilitator's full-screen views.
pub fn room(command: &WorkshopCommand) -> Result<()> {
    let (dir, lang, present, named) = match command {
        WorkshopCommand::Present { dir, lang } => (dir, *lang, true, false),
        WorkshopCommand::Dashboard { dir, named, lang } => (dir, *lang, false, *named),
        _ => bail!("not a full-screen workshop command"),
    };
    let (ws, lang) = crate::workshop::command::open(dir, lang)?;
    crate::tui::workshop::start(RoomOptions {
        ws,
        lang,
        present,
        named,
    })
}
