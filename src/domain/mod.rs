//! The pure domain: questionnaire model and validation, answers, scoring, recommendations,
//! text output and recommendation reports. Nothing here knows about terminals (a test checks it).

pub mod answers;
pub mod codebook;
pub mod cohort;
pub mod condition;
pub mod instrument;
pub mod locate;
pub mod model;
pub mod progress;
pub mod proposals;
pub mod reach;
pub mod recommend;
pub mod report;
pub mod score;
pub mod summary;
pub mod text;
pub mod validate;
pub mod wrap;

pub use answers::{Answer, AnswerFile, AnswerSet};
pub use instrument::{Instrument, LoadError};
pub use model::{Question, QuestionId, QuestionKind, Questionnaire};
pub use score::{ScoreCard, score};
pub use text::{Lang, LocalText};
