//! smecheck: a terminal self-assessment of SME cloud-adoption depth and financing readiness.
//!
//! - [`domain`]: pure core — questionnaire model and validation, answers, scoring, ladders,
//!   recommendations and text output. No terminal code.
//! - [`store`]: the answer file on disk — atomic saves, backups, default locations.
//! - [`cli`]: the command line (clap) and its non-interactive commands.
//! - [`tui`]: the interactive self-check — state, actions, update, screens.
//! - [`progress`]: `compare`, `report --baseline` and `programme` on the command line.
//! - [`workshop`]: the facilitator's workshop folder — responses, import, cohort report.
//! - [`serve`]: `workshop serve`, the phone pages participants answer on.
//!
//! Where each thing happens — one place each:
//! - **a question is scored**: [`domain::score`] (points → dimensions → areas → overall, levels,
//!   ladders, findings), with every condition and visibility rule evaluated and explained by
//!   [`domain::condition`]; every shell, report and room asks these two.
//! - **a string is translated**: by a `bilingual!` table ([`domain::text`] holds the mechanism:
//!   `get`, `fill`, and `count` for plurals), one table per layer — [`cli::words`],
//!   [`tui::strings`], [`serve::text`], [`workshop::text`], [`progress::words`],
//!   `store::said`, and in the domain [`domain::output`] (results),
//!   [`domain::report::strings`] (reports) and `domain::validate::words` (checks of a
//!   questionnaire). A questionnaire's own words come from its file ([`domain::LocalText`]).
//! - **a file is written**: `store::write` (atomic: temporary file, flush, rename; mode kept;
//!   only regular files replaced); answer files are saved through [`store::save_answers`]
//!   under `store::lock`, command output through [`cli::emit`].
//! - **a key is handled**: [`tui::keymap`], the one engine that turns keys into actions and
//!   draws the hint bar, with one table per view; [`tui::app`]'s `update` carries an action
//!   out. Plain mode reads typed lines instead ([`tui::plain`]).

pub mod cli;
pub mod domain;
pub mod progress;
pub mod serve;
pub mod store;
pub mod tui;
pub mod workshop;
