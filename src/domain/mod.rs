//! The pure domain: questionnaire model and validation, answers, scoring, recommendations,
//! text output and recommendation reports. Nothing here knows about terminals (a test checks it).
//!
//! Where things happen, each in one place:
//! - a questionnaire is read and checked: [`instrument`] (loading, the registry of shipped
//!   instruments), [`validate`], with file:line:col from [`position`];
//! - an answer file is read: [`answers::read_answers`] ([`answers::fast_read`] is its quick
//!   path for files that are plainly right);
//! - a condition is evaluated and explained: [`condition`]; a question is scored: [`score`];
//!   recommendations are folded: [`recommend`];
//! - a result is said: [`output`] (JSON and text, labels), [`report`] (the firm's report and
//!   the HTML page frame and escapes every report shares), [`cohort`] and [`progress`] (rooms
//!   and change over time);
//! - program words in two languages: [`text`] (`bilingual!` tables, one per layer, filled with
//!   `fill` and `count`; `LocalText` for a questionnaire's own words);
//! - sampled firms for checks, benchmarks and tests: [`sample`]; the reachability check that
//!   uses them: [`reachability`].

pub mod answers;
pub mod codebook;
pub mod cohort;
pub mod condition;
pub mod instrument;
pub mod model;
pub mod output;
pub mod position;
pub mod progress;
pub mod proposals;
pub mod reachability;
pub mod recommend;
pub mod report;
pub mod sample;
pub mod score;
pub mod text;
pub mod validate;
pub mod wrap;

pub use answers::{Answer, AnswerFile, AnswerSet};
pub use instrument::{Instrument, LoadError};
pub use model::{Question, QuestionId, QuestionKind, Questionnaire};
pub use score::{ScoreCard, score};
pub use text::{Lang, LocalText};
