//! The what-if sandbox: answers changed on a copy, scored as they change, saved only when
//! adopted.

use super::{Action, Answer, App, Effect, Note, QuestionKind, Screen, score, st, toggle};
use crate::domain::{AnswerSet, ScoreCard};

/// The what-if sandbox: a copy of the answers that is only saved when committed.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub answers: AnswerSet,
    pub card: ScoreCard,
    /// The rows that can be changed here, top to bottom.
    pub items: Vec<WhatIfItem>,
    pub cursor: usize,
}

/// One row of the what-if sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIfItem {
    /// A question whose answer steps through its options or number bands.
    Step(usize),
    /// One option of a multiple-choice question, ticked on its own.
    Tick { question: usize, option: usize },
}

impl WhatIfItem {
    pub fn question(self) -> usize {
        match self {
            WhatIfItem::Step(q) | WhatIfItem::Tick { question: q, .. } => q,
        }
    }
}

impl App {
    pub(super) fn open_whatif(&mut self) {
        let q = &self.inst.questionnaire;
        let mut items = Vec::new();
        for (i, x) in q.questions.iter().enumerate() {
            if !self.visible[i] || !x.is_scored() {
                continue;
            }
            match x.kind {
                QuestionKind::Single
                | QuestionKind::Scale
                | QuestionKind::YesPartlyNo
                | QuestionKind::Number => items.push(WhatIfItem::Step(i)),
                QuestionKind::Multi => {
                    items.extend((0..x.options.len()).map(|o| WhatIfItem::Tick {
                        question: i,
                        option: o,
                    }))
                }
                QuestionKind::Text => {}
            }
        }
        self.whatif = Some(WhatIf {
            answers: self.answers.clone(),
            card: self.card.clone(),
            items,
            cursor: 0,
        });
        self.screen = Screen::WhatIf;
        self.note = None;
    }

    pub(super) fn update_whatif(&mut self, action: Action) -> Vec<Effect> {
        let Some(w) = self.whatif.as_mut() else {
            self.screen = Screen::Results;
            return vec![];
        };
        match action {
            Action::Up => w.cursor = w.cursor.saturating_sub(1),
            Action::Down => w.cursor = (w.cursor + 1).min(w.items.len().saturating_sub(1)),
            Action::Left | Action::Right | Action::Toggle => {
                let Some(&item) = w.items.get(w.cursor) else {
                    return vec![];
                };
                let question = &self.inst.questionnaire.questions[item.question()];
                let current = w.answers.get(&question.id);
                let changed = match (item, action) {
                    (WhatIfItem::Tick { option, .. }, _) => toggle(question, current, option),
                    (WhatIfItem::Step(_), Action::Left) => step_answer(question, current, -1),
                    (WhatIfItem::Step(_), Action::Right) => step_answer(question, current, 1),
                    (WhatIfItem::Step(_), _) => None,
                };
                if let Some(a) = changed {
                    w.answers.set(question.id.clone(), a);
                    w.card = score(&self.inst, &w.answers);
                }
            }
            Action::Commit => {
                if let Some(w) = self.whatif.take() {
                    self.mark_adopted(&w.answers);
                    self.answers = w.answers;
                    self.refresh();
                }
                self.screen = Screen::Results;
                self.note = Some(Note {
                    text: st::WHATIF_SAVED.get(self.lang).to_string(),
                    error: false,
                });
                return vec![Effect::Save];
            }
            Action::Cancel => {
                self.whatif = None;
                self.screen = Screen::Results;
                self.note = Some(Note {
                    text: st::WHATIF_DISCARDED.get(self.lang).to_string(),
                    error: false,
                });
            }
            _ => {}
        }
        vec![]
    }
}

/// One step along `n` choices from `cur`, stopping at the ends; from no choice, the first
/// (stepping forward) or the last.
fn step_index(cur: Option<usize>, n: usize, step: isize) -> usize {
    match cur {
        Some(c) => (c as isize + step).clamp(0, n as isize - 1) as usize,
        None if step > 0 => 0,
        None => n - 1,
    }
}

/// The next or previous answer of a choice or number question, for what-if stepping.
fn step_answer(
    q: &crate::domain::Question,
    current: Option<&Answer>,
    step: isize,
) -> Option<Answer> {
    match q.kind {
        QuestionKind::Number => {
            if q.bands.is_empty() {
                return None;
            }
            let cur = match current {
                Some(Answer::Number(x)) => q
                    .bands
                    .iter()
                    .position(|b| *x >= b.min && b.max.is_none_or(|hi| *x < hi)),
                _ => None,
            };
            let band = &q.bands[step_index(cur, q.bands.len(), step)];
            Some(Answer::Number(
                q.min.map_or(band.min, |lo| band.min.max(lo)),
            ))
        }
        _ => {
            if q.options.is_empty() {
                return None;
            }
            let cur = match current {
                Some(Answer::Choice(o)) => q.options.iter().position(|x| &x.id == o),
                _ => None,
            };
            Some(Answer::Choice(
                q.options[step_index(cur, q.options.len(), step)].id.clone(),
            ))
        }
    }
}
