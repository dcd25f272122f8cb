//! Answering: moving between questions, choosing and ticking options, typing numbers and
//! text, "don't know", skipping and going back.

use super::*;
use crate::domain::model::OptionId;
use crate::domain::text::LocalText;

impl App {
    /// Recomputes skip logic and the score card after answers changed.
    pub(super) fn refresh(&mut self) {
        // Skip logic and the score card come from one pass.
        (self.card, self.visible) = score_and_visibility(&self.inst, &self.answers);
    }

    pub(super) fn goto_first_unanswered(&mut self) {
        // A follow-up walks through what is not yet confirmed or changed first.
        match self.first_unreviewed().or_else(|| self.first_unanswered()) {
            Some(i) => self.goto_question(i),
            None => self.goto_review(),
        }
    }

    /// Opens question `i`, placing the cursor on its current answer.
    pub fn goto_question(&mut self, i: usize) {
        self.screen = Screen::Question;
        self.current = i;
        self.note = None;
        self.from_review = false;
        let q = &self.inst.questionnaire.questions[i];
        let answer = self.answers.get(&q.id);
        self.moved = false;
        let rows = self.rows();
        let at = |row: Row| rows.iter().position(|r| *r == row);
        self.cursor = match answer {
            Some(Answer::Choice(o)) => q.option_index(o).and_then(|i| at(Row::Option(i))),
            // A matrix opens on its first row still unanswered.
            Some(Answer::Matrix(m)) => q
                .rows
                .iter()
                .position(|r| m.row(r.id.as_str()).is_none())
                .and_then(|r| at(Row::Matrix(r))),
            Some(Answer::DontKnow) => at(Row::DontKnow),
            Some(Answer::NotApplicable) => at(Row::NotApplicable),
            _ => None,
        }
        .unwrap_or(0);
        let text = match answer {
            Some(Answer::Number(n)) => n.to_string(),
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        };
        self.input = Input::new(text);
    }

    pub(super) fn goto_review(&mut self) {
        self.screen = Screen::Review;
        self.note = None;
        self.from_review = false;
        let vis = self.visible_indices();
        self.review_cursor = vis.iter().position(|i| *i == self.current).unwrap_or(0);
    }

    /// After an answer or a skip: back to the review when the question was opened from it;
    /// to the review with the results offered when every asked question is answered; else the
    /// next asked question.
    pub(super) fn advance(&mut self) {
        if self.from_review {
            self.goto_review();
            return;
        }
        // A follow-up walks on through answers carried over and not yet confirmed or changed.
        if self.first_unanswered().is_none() && self.first_unreviewed().is_none() {
            // The review then says so and offers the results.
            self.goto_review();
            return;
        }
        let next = (self.current + 1..self.visible.len()).find(|i| self.visible[*i]);
        match next {
            Some(i) => self.goto_question(i),
            None => self.goto_review(),
        }
    }

    pub(super) fn go_back(&mut self) {
        let prev = (0..self.current).rev().find(|i| self.visible[*i]);
        match prev {
            Some(i) => self.goto_question(i),
            None => {
                self.screen = Screen::Welcome;
                self.note = None;
            }
        }
    }

    pub(super) fn set_answer(&mut self, answer: Option<Answer>) -> Vec<Effect> {
        let id = self.question().id.clone();
        let marked = self.mark_reviewed(&id, answer.as_ref());
        // The same answer again changes nothing: no re-scoring, nothing to save (but a
        // follow-up's new "confirmed" mark).
        if self.answers.get(&id) == answer.as_ref() {
            return if marked { vec![Effect::Save] } else { vec![] };
        }
        super::record(&mut self.answers, &id, answer);
        self.refresh();
        vec![Effect::Save]
    }

    /// Answers "don't know" or "not applicable" where the question offers it, and goes on;
    /// elsewhere the key does nothing.
    pub(super) fn special(&mut self, row: Row) -> Vec<Effect> {
        let Some(at) = self.rows().iter().position(|r| *r == row) else {
            return vec![];
        };
        self.choose(at, true)
    }

    /// Ticks or unticks option `index` of a multiple-choice question, keeping the domain's
    /// exclusive-option rule.
    pub(super) fn toggle(&mut self, index: usize) -> Vec<Effect> {
        let q = self.question();
        match toggle(q, self.answers.get(&q.id), index) {
            Some(a) => self.set_answer(Some(a)),
            None => vec![],
        }
    }

    /// Answers the highlighted matrix row with option `option`: a scale row takes it and the
    /// cursor goes on to the next row; a tick row ticks or unticks it. `None` on a tick row
    /// says it has nothing ticked (`-`), and the cursor goes on, so that a firm with none of
    /// a grid can say so row by row. "Don't know" or "not applicable" for the whole question
    /// give way to the rows.
    fn answer_row(&mut self, option: Option<usize>) -> Vec<Effect> {
        let Some(Row::Matrix(r)) = self.rows().get(self.cursor).copied() else {
            // Not on a row (on "don't know"): the first row takes it.
            if let Some(first) = self.rows().iter().position(|x| matches!(x, Row::Matrix(_))) {
                self.cursor = first;
                return self.answer_row(option);
            }
            return vec![];
        };
        let q = self.question();
        let Some(row) = q.rows.get(r) else {
            return vec![];
        };
        let o = match option {
            Some(i) => match q.options.get(i) {
                Some(o) => Some(o),
                None => return vec![],
            },
            None => None,
        };
        let mut m = super::matrix_now(q, self.answers.get(&q.id));
        let now: Vec<OptionId> = m.row(row.id.as_str()).unwrap_or(&[]).to_vec();
        let picked = match o {
            None => Vec::new(),
            Some(o) if q.ticks => {
                let mut ticked = now;
                match ticked.iter().position(|x| x == &o.id) {
                    Some(p) => {
                        ticked.remove(p);
                    }
                    None => ticked.push(o.id.clone()),
                }
                ticked.sort_by_key(|x| q.option_index(x));
                ticked
            }
            Some(o) => vec![o.id.clone()],
        };
        m.set(q, r, picked);
        let ticks = q.ticks;
        self.moved = true;
        let answer = (!m.rows.is_empty()).then_some(Answer::Matrix(m));
        let effects = self.set_answer(answer);
        let goes_on = !ticks || option.is_none();
        if goes_on && matches!(self.rows().get(self.cursor + 1), Some(Row::Matrix(_))) {
            self.cursor += 1;
        }
        effects
    }

    /// Chooses list row `at`: an option, "don't know" or "not applicable".
    pub(super) fn choose(&mut self, at: usize, advance: bool) -> Vec<Effect> {
        let Some(row) = self.rows().get(at).copied() else {
            return vec![];
        };
        self.cursor = at;
        self.moved = true;
        let q = self.question();
        let answer = match row {
            // A matrix row is answered by the options' keys; choosing it only highlights it.
            Row::Matrix(_) => return vec![],
            Row::DontKnow => Answer::DontKnow,
            Row::NotApplicable => Answer::NotApplicable,
            Row::Option(i) if q.kind == QuestionKind::Multi => return self.toggle(i),
            Row::Option(i) => match q.options.get(i) {
                Some(o) => Answer::Choice(o.id.clone()),
                None => return vec![],
            },
        };
        let effects = self.set_answer(Some(answer));
        if advance {
            self.advance();
        }
        effects
    }

    /// Enter on a list: confirms the highlighted row and goes on. On a question nobody has
    /// touched it chooses nothing, and says how to answer or skip.
    fn confirm_list(&mut self) -> Vec<Effect> {
        if !self.cursor_shown() {
            self.tell(st::CHOOSE_FIRST.get(self.lang), false);
            return vec![];
        }
        let multi = matches!(
            self.question().kind,
            QuestionKind::Multi | QuestionKind::Matrix
        );
        if multi
            && matches!(
                self.rows().get(self.cursor),
                Some(Row::Option(_) | Row::Matrix(_))
            )
        {
            let id = self.question().id.clone();
            let now = self.answers.get(&id).cloned();
            let marked = self.mark_reviewed(&id, now.as_ref());
            self.advance();
            return if marked { vec![Effect::Save] } else { vec![] };
        }
        self.choose(self.cursor, true)
    }

    pub(super) fn update_question(&mut self, action: Action) -> Vec<Effect> {
        let kind = self.question().kind;
        let input_kind = matches!(kind, QuestionKind::Number | QuestionKind::Text);
        match action {
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Sections => {
                self.overlay = Some(Overlay::Sections);
                let dim = &self.question().dimension;
                self.sections_cursor = self
                    .sections()
                    .iter()
                    .position(|s| &s.dimension == dim)
                    .unwrap_or(0);
            }
            Action::Review => self.goto_review(),
            Action::Back => self.go_back(),
            Action::Skip => self.advance(),
            Action::DontKnow => return self.special(Row::DontKnow),
            Action::NotApplicable => return self.special(Row::NotApplicable),
            // The first move shows the highlight where it is; later moves move it.
            Action::Up | Action::Down if !input_kind && !self.cursor_shown() => self.moved = true,
            _ if action.is_move() && !input_kind => {
                let last = self.list_len().saturating_sub(1);
                self.moved = true;
                self.cursor = super::step_cursor(self.cursor, last, self.page(), action);
            }
            // A digit picks the option that shows it; a digit no option shows does nothing.
            Action::Pick(n) if kind == QuestionKind::Matrix => {
                return self.answer_row(Some(if n == 0 { 9 } else { n - 1 }));
            }
            Action::NoTicks if kind == QuestionKind::Matrix && self.question().ticks => {
                return self.answer_row(None);
            }
            Action::Pick(n) if !input_kind => {
                let option = if n == 0 { 9 } else { n - 1 };
                if option < self.question().options.len() {
                    return self.choose(option, kind != QuestionKind::Multi);
                }
            }
            Action::Toggle if !input_kind && self.cursor_shown() => {
                return self.choose(self.cursor, false);
            }
            Action::Confirm if !input_kind => return self.confirm_list(),
            Action::Confirm => return self.commit_input(),
            Action::Edit(req) if input_kind => {
                if kind == QuestionKind::Number
                    && let InputRequest::InsertChar(c) = req
                    && !is_number_char(c)
                {
                    self.tell(st::TYPE_NUMBER.get(self.lang), true);
                    return vec![];
                }
                self.input.handle(req);
                self.note = None;
            }
            _ => {}
        }
        vec![]
    }

    pub(super) fn commit_input(&mut self) -> Vec<Effect> {
        let q = self.question();
        let raw = self.input.value().trim().to_string();
        let answer = if raw.is_empty() {
            None
        } else if q.kind == QuestionKind::Text {
            Some(Answer::Text(raw))
        } else {
            match read_number(q, &raw) {
                Ok(x) => Some(Answer::Number(x)),
                Err(e) => {
                    self.tell(e.get(self.lang), true);
                    return vec![];
                }
            }
        };
        // Enter on an empty number field skips; it clears a number given before.
        let skips =
            answer.is_none() && q.kind == QuestionKind::Number && self.answers.get(&q.id).is_none();
        let effects = if skips {
            vec![]
        } else {
            self.set_answer(answer)
        };
        self.advance();
        effects
    }
}

/// A typed number as question `q` takes it, or why not: the domain's reading, then the
/// question's range. Plain mode reads its replies with it too.
pub fn read_number(q: &crate::domain::Question, raw: &str) -> Result<f64, LocalText> {
    let x = parse_number(raw)?;
    check_number(q, x).map_err(|_| {
        let lo = q.min.map_or("-∞".to_string(), |v| v.to_string());
        let hi = q.max.map_or("∞".to_string(), |v| v.to_string());
        LocalText::fill(st::RANGE, &[&lo, &hi])
    })?;
    Ok(x)
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '.' | '-' | ',' | '．' | '，' | '－')
        || ('０'..='９').contains(&c)
}
