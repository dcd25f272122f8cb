//! The what-if sandbox: answers changed on a copy, scored as they change, saved only when
//! adopted.

use super::{
    Action, Answer, App, Effect, Overlay, QuestionKind, Screen, WhatIfExit, score, st, toggle,
};
use crate::domain::model::QuestionId;
use crate::domain::{AnswerSet, ScoreCard};

/// The what-if sandbox: a copy of the answers that is only saved when committed.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub answers: AnswerSet,
    pub card: ScoreCard,
    /// The rows that can be changed here, top to bottom.
    pub items: Vec<WhatIfItem>,
    pub cursor: usize,
    /// The words being typed after `/` to find a question; `None` when not finding.
    pub find: Option<tui_input::Input>,
}

/// One row of the what-if sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIfItem {
    /// A question whose answer steps through its options or number bands.
    Step(usize),
    /// One option of a multiple-choice question, ticked on its own.
    Tick { question: usize, option: usize },
    /// One row of a matrix question, stepped through its options (a tick row through the
    /// combinations of its columns).
    Cell { question: usize, row: usize },
}

impl WhatIfItem {
    pub fn question(self) -> usize {
        match self {
            WhatIfItem::Step(q)
            | WhatIfItem::Tick { question: q, .. }
            | WhatIfItem::Cell { question: q, .. } => q,
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
                QuestionKind::Matrix => {
                    items.extend((0..x.rows.len()).map(|row| WhatIfItem::Cell { question: i, row }))
                }
                QuestionKind::Text => {}
            }
        }
        self.whatif = Some(WhatIf {
            answers: self.answers.clone(),
            card: self.card.clone(),
            items,
            cursor: 0,
            find: None,
        });
        self.screen = Screen::WhatIf;
        self.note = None;
    }

    pub(super) fn update_whatif(&mut self, action: Action) -> Vec<Effect> {
        let changes = self.whatif_changes();
        let Some(w) = self.whatif.as_mut() else {
            self.screen = Screen::Results;
            return vec![];
        };
        if w.find.is_some() {
            return self.update_find(action);
        }
        match action {
            Action::Find => w.find = Some(tui_input::Input::default()),
            _ if action.is_move() => {
                let last = w.items.len().saturating_sub(1);
                w.cursor = super::step_cursor(w.cursor, last, self.page.get().max(1), action);
            }
            Action::Left | Action::Right | Action::Toggle => {
                let Some(&item) = w.items.get(w.cursor) else {
                    return vec![];
                };
                let question = &self.inst.questionnaire.questions[item.question()];
                let current = w.answers.get(&question.id);
                let step = if action == Action::Left { -1 } else { 1 };
                let changed = match item {
                    WhatIfItem::Tick { option, .. } => toggle(question, current, option),
                    // Space ticks; only ←→ step an answer.
                    _ if action == Action::Toggle => None,
                    WhatIfItem::Step(_) => step_answer(question, current, step),
                    WhatIfItem::Cell { row, .. } => step_row(question, current, row, step),
                };
                if let Some(a) = changed {
                    w.answers.set(question.id.clone(), a);
                    w.card = score(&self.inst, &w.answers);
                }
            }
            // Nothing leaves the sandbox without the owner saying so, unless nothing changed.
            Action::Commit if changes == 0 => {
                self.tell(st::WHATIF_NOTHING.get(self.lang), false);
            }
            Action::Commit => self.overlay = Some(Overlay::ConfirmWhatIf(WhatIfExit::Adopt)),
            Action::Cancel if changes == 0 => {
                self.whatif = None;
                self.screen = Screen::Results;
                self.note = None;
            }
            Action::Cancel => self.overlay = Some(Overlay::ConfirmWhatIf(WhatIfExit::Discard)),
            _ => {}
        }
        vec![]
    }

    /// Typing after `/`: the cursor goes to the first row whose question holds the words;
    /// Enter goes to the next such row, Esc stops finding (the cursor stays).
    fn update_find(&mut self, action: Action) -> Vec<Effect> {
        let q = &self.inst.questionnaire;
        let lang = self.lang;
        let Some(w) = self.whatif.as_mut() else {
            return vec![];
        };
        let matches = |w: &WhatIf, words: &str| -> Vec<usize> {
            let words = words.trim().to_lowercase();
            if words.is_empty() {
                return Vec::new();
            }
            w.items
                .iter()
                .enumerate()
                .filter(|(_, item)| {
                    let x = &q.questions[item.question()];
                    let option = match item {
                        WhatIfItem::Tick { option, .. } => {
                            x.options.get(*option).map(|o| o.label.get(lang))
                        }
                        WhatIfItem::Cell { row, .. } => x.rows.get(*row).map(|r| r.label.get(lang)),
                        WhatIfItem::Step(_) => None,
                    };
                    x.text.get(lang).to_lowercase().contains(&words)
                        || option.is_some_and(|o| o.to_lowercase().contains(&words))
                })
                .map(|(i, _)| i)
                .collect()
        };
        match action {
            Action::Edit(req) => {
                if let Some(input) = w.find.as_mut() {
                    input.handle(req);
                }
            }
            Action::Cancel => w.find = None,
            _ => {}
        }
        let Some(words) = w.find.as_ref().map(|i| i.value().to_string()) else {
            return vec![];
        };
        let found = matches(w, &words);
        // Typing goes to the first row that holds the words, Enter to the next one.
        let next = match action {
            Action::Edit(_) => found.first(),
            Action::Confirm => found.iter().find(|i| **i > w.cursor).or(found.first()),
            _ => None,
        };
        if let Some(next) = next {
            w.cursor = *next;
        }
        vec![]
    }

    /// How many questions the sandbox answers differently from the record.
    pub fn whatif_changes(&self) -> usize {
        self.whatif
            .as_ref()
            .map_or(0, |w| self.changed_in(&w.answers).len())
    }

    /// The questions `other` answers differently from the record.
    pub(super) fn changed_in(&self, other: &AnswerSet) -> Vec<QuestionId> {
        let questions = &self.inst.questionnaire.questions;
        questions
            .iter()
            .filter(|x| other.get(&x.id) != self.answers.get(&x.id))
            .map(|x| x.id.clone())
            .collect()
    }

    /// Leaves the sandbox as the owner confirmed: its changes thrown away, or adopted into
    /// the record with each changed question marked as changed in what-if, dated today.
    pub(super) fn leave_whatif(&mut self, exit: WhatIfExit) -> Vec<Effect> {
        let Some(w) = self.whatif.take() else {
            self.screen = Screen::Results;
            return vec![];
        };
        self.screen = Screen::Results;
        match exit {
            WhatIfExit::Discard => {
                self.tell(st::WHATIF_DISCARDED.get(self.lang), false);
                vec![]
            }
            WhatIfExit::Adopt => {
                let changed = self.changed_in(&w.answers);
                // In a follow-up check, adopted answers count as changed since last time.
                self.mark_adopted(&w.answers);
                let mut answers = w.answers;
                for id in changed {
                    answers.mark_whatif(id, &self.today);
                }
                self.answers = answers;
                self.refresh();
                self.tell(st::WHATIF_SAVED.get(self.lang), false);
                vec![Effect::Save]
            }
        }
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

/// The matrix answer with row `row` stepped to its next or previous option; a tick row steps
/// through the combinations of its columns (none, the first, the second, both, …).
fn step_row(
    q: &crate::domain::Question,
    current: Option<&Answer>,
    row: usize,
    step: isize,
) -> Option<Answer> {
    let def = q.rows.get(row)?;
    let n = q.options.len().min(16);
    if n == 0 {
        return None;
    }
    let mut m = super::matrix_now(q, current);
    let now = m.row(def.id.as_str());
    let picked = if q.ticks {
        let mask = now.map(|os| {
            os.iter()
                .filter_map(|o| q.option_index(o))
                .filter(|k| *k < n)
                .fold(0usize, |acc, k| acc | 1 << k)
        });
        let next = step_index(mask, 1 << n, step);
        (0..n)
            .filter(|k| next & (1 << k) != 0)
            .map(|k| q.options[k].id.clone())
            .collect()
    } else {
        let cur = now
            .and_then(|os| os.first())
            .and_then(|o| q.option_index(o));
        vec![q.options[step_index(cur, q.options.len(), step)].id.clone()]
    };
    m.set(q, row, picked);
    Some(Answer::Matrix(m))
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
