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

pub mod cli;
pub mod domain;
pub mod progress;
pub mod serve;
pub mod store;
pub mod tui;
pub mod workshop;
