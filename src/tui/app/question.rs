//! Answering: moving between questions, choosing and ticking options, typing numbers and
//! text, "don't know", skipping and going back.

use super::*;

impl App {
    /// Recomputes skip logic and the score card after answers changed.
    pub(super) fn refresh(&mut self) {
        // Skip logic and the score card come from one pass.
        (self.card, self.visible) = score_and_visibility(&self.inst, &self.answers);
    }

    pub(super) fn goto_first_unanswered(&mut self) {
        match self.first_unanswered() {
            Some(i) => self.goto_question(i),
            None => self.goto_review(),
        }
    }

    /// Opens question `i`, placing the cursor on its current answer.
    pub fn goto_question(&mut self, i: usize) {
        self.screen = Screen::Question;
        self.current = i;
        self.note = None;
        let q = &self.inst.questionnaire.questions[i];
        let answer = self.answers.get(&q.id);
        self.cursor = match answer {
            Some(Answer::Choice(o)) => q.options.iter().position(|x| &x.id == o).unwrap_or(0),
            Some(Answer::DontKnow) => q.options.len(),
            _ => 0,
        };
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
        let vis = self.visible_indices();
        self.review_cursor = vis.iter().position(|i| *i == self.current).unwrap_or(0);
    }

    pub(super) fn advance(&mut self) {
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
        // The same answer again changes nothing: no re-scoring, nothing to save.
        if self.answers.get(&id) == answer.as_ref() {
            return vec![];
        }
        match answer {
            Some(a) => self.answers.set(id, a),
            None => self.answers.clear(&id),
        }
        self.refresh();
        vec![Effect::Save]
    }

    pub(super) fn dont_know(&mut self) -> Vec<Effect> {
        if !self.question().dont_know {
            return vec![];
        }
        let effects = self.set_answer(Some(Answer::DontKnow));
        self.advance();
        effects
    }

    /// Ticks or unticks option `index` of a multiple-choice question. An exclusive option
    /// ("none of these") clears the others, and any other option clears it.
    pub(super) fn toggle(&mut self, index: usize) -> Vec<Effect> {
        match toggled(
            self.question(),
            self.answers.get(&self.question().id),
            index,
        ) {
            Some(a) => self.set_answer(Some(a)),
            None => vec![],
        }
    }

    pub(super) fn choose(&mut self, index: usize, advance: bool) -> Vec<Effect> {
        let q = self.question();
        if index == q.options.len() && q.dont_know {
            self.cursor = index;
            let effects = self.set_answer(Some(Answer::DontKnow));
            if advance {
                self.advance();
            }
            return effects;
        }
        let Some(opt) = q.options.get(index) else {
            return vec![];
        };
        let (multi, id) = (q.kind == QuestionKind::Multi, opt.id.clone());
        self.cursor = index;
        if multi {
            return self.toggle(index);
        }
        let effects = self.set_answer(Some(Answer::Choice(id)));
        if advance {
            self.advance();
        }
        effects
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
            Action::DontKnow => return self.dont_know(),
            Action::Up if !input_kind => self.cursor = self.cursor.saturating_sub(1),
            Action::Down if !input_kind => {
                self.cursor = (self.cursor + 1).min(self.list_len().saturating_sub(1))
            }
            Action::Pick(0) if !input_kind => return self.dont_know(),
            Action::Pick(n) if !input_kind => {
                return self.choose(n - 1, kind != QuestionKind::Multi);
            }
            Action::Toggle if !input_kind => return self.choose(self.cursor, false),
            Action::Confirm if !input_kind => {
                if kind == QuestionKind::Multi && self.cursor < self.question().options.len() {
                    self.advance();
                    return vec![];
                }
                return self.choose(self.cursor, true);
            }
            Action::Confirm => return self.commit_input(),
            Action::Edit(req) if input_kind => {
                if kind == QuestionKind::Number
                    && let InputRequest::InsertChar(c) = req
                    && !is_number_char(c)
                {
                    self.note = Some(Note {
                        text: st::TYPE_NUMBER.get(self.lang).to_string(),
                        error: true,
                    });
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
        if q.kind == QuestionKind::Text {
            let answer = (!raw.is_empty()).then_some(Answer::Text(raw));
            let effects = self.set_answer(answer);
            self.advance();
            return effects;
        }
        if raw.is_empty() {
            let had = self.answers.get(&q.id).is_some();
            let effects = if had { self.set_answer(None) } else { vec![] };
            self.advance();
            return effects;
        }
        let normalised = normalise_number(&raw);
        let parsed = normalised.parse::<f64>().ok().filter(|x| x.is_finite());
        match parsed {
            None => {
                self.note = Some(Note {
                    text: fill(st::NOT_A_NUMBER.get(self.lang), &[&raw]),
                    error: true,
                });
                vec![]
            }
            Some(x) => match check_number(q, x) {
                Err(_) => {
                    let text = st::RANGE
                        .get(self.lang)
                        .replace("{min}", &q.min.map_or("-∞".to_string(), |v| v.to_string()))
                        .replace("{max}", &q.max.map_or("∞".to_string(), |v| v.to_string()));
                    self.note = Some(Note { text, error: true });
                    vec![]
                }
                Ok(()) => {
                    let effects = self.set_answer(Some(Answer::Number(x)));
                    self.advance();
                    effects
                }
            },
        }
    }
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '.' | '-' | ',' | '．' | '，' | '－')
        || ('０'..='９').contains(&c)
}

/// Accepts full-width digits and separators typed with a Chinese input method.
pub fn normalise_number(raw: &str) -> String {
    raw.chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' => Some('-'),
            ',' | '，' => None,
            c => Some(c),
        })
        .collect()
}
