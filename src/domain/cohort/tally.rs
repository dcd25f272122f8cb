//! How the room answered one question: who was asked, who answered, and how the answers fall
//! over the options or number bands — what the presenter view reveals as a bar chart.

use serde::Serialize;

use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::{Question, QuestionKind};
use crate::domain::output::is_answered;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Firms in the room.
    pub firms: usize,
    /// Firms that are asked the question, given their earlier answers.
    pub asked: usize,
    /// Firms that answered it, "don't know" included.
    pub answered: usize,
    pub dont_know: usize,
    /// Per option of the question, in its order: firms that chose or ticked it.
    pub options: Vec<usize>,
    /// Per band of a number question, in its order: firms whose number falls in it.
    pub bands: Vec<usize>,
}

fn band_of(q: &Question, x: f64) -> Option<usize> {
    let last = q.bands.len().checked_sub(1)?;
    q.bands
        .iter()
        .position(|b| x >= b.min && b.max.is_none_or(|hi| x < hi))
        .or_else(|| q.bands[last].max.is_some_and(|hi| x == hi).then_some(last))
}

/// Tallies question `index` of the questionnaire over the firms, each given as its answers
/// and which questions it is asked (`visible`, from skip logic). Answers to questions a firm
/// is not asked do not count.
pub fn tally<'a>(
    question: &Question,
    index: usize,
    firms: impl IntoIterator<Item = (&'a AnswerSet, &'a [bool])>,
) -> Tally {
    let mut t = Tally {
        options: vec![0; question.options.len()],
        bands: vec![0; question.bands.len()],
        ..Tally::default()
    };
    for (answers, visible) in firms {
        t.firms += 1;
        if !visible.get(index).copied().unwrap_or(true) {
            continue;
        }
        t.asked += 1;
        let answer = answers.get(&question.id);
        if !is_answered(question, answer) {
            continue;
        }
        t.answered += 1;
        match answer {
            Some(Answer::DontKnow) => t.dont_know += 1,
            Some(Answer::Choice(o)) => {
                if let Some(i) = question.options.iter().position(|x| &x.id == o) {
                    t.options[i] += 1;
                }
            }
            Some(Answer::Choices(os)) => {
                for o in os {
                    if let Some(i) = question.options.iter().position(|x| &x.id == o) {
                        t.options[i] += 1;
                    }
                }
            }
            Some(Answer::Number(x)) if question.kind == QuestionKind::Number => {
                if let Some(i) = band_of(question, *x) {
                    t.bands[i] += 1;
                }
            }
            _ => {}
        }
    }
    t
}
