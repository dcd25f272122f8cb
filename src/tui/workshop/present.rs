//! The presenter view's state and its pure `update`: which question is on the projector,
//! whether the note and the room's answers are shown, the timer. The clock is handed in, so
//! the whole flow is testable without a terminal or real time.

use std::sync::Arc;
use std::time::Duration;

use super::keymap::{Action, Ctx};
use crate::domain::cohort::{Tally, tally};
use crate::domain::model::Questionnaire;
use crate::domain::{Instrument, Lang};
use crate::tui::theme::Theme;
use crate::workshop::room::Response;

/// A per-question stopwatch; it reads the injected clock only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timer {
    /// The clock when it was last started, while running.
    pub started: Option<Duration>,
    /// Time run before the last start.
    pub banked: Duration,
}

impl Timer {
    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    pub fn shown(&self, clock: Duration) -> Duration {
        self.banked
            + self
                .started
                .map_or(Duration::ZERO, |s| clock.saturating_sub(s))
    }

    pub fn toggle(&mut self, clock: Duration) {
        match self.started.take() {
            Some(s) => self.banked += clock.saturating_sub(s),
            None => self.started = Some(clock),
        }
    }
}

/// A run of consecutive questions of one dimension: a section of the questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub first: usize,
    pub last: usize,
}

/// The sections of a questionnaire in order, titled in `lang`.
pub fn sections(q: &Questionnaire, lang: Lang) -> Vec<Section> {
    let mut out: Vec<(crate::domain::model::DimensionId, Section)> = Vec::new();
    for (i, x) in q.questions.iter().enumerate() {
        match out.last_mut() {
            Some((d, s)) if *d == x.dimension => s.last = i,
            _ => {
                let title = q.dimension(&x.dimension).map_or_else(
                    || x.dimension.to_string(),
                    |(_, d)| d.title.get(lang).to_string(),
                );
                out.push((
                    x.dimension.clone(),
                    Section {
                        title: title.to_string(),
                        first: i,
                        last: i,
                    },
                ));
            }
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

pub struct Presenter {
    pub inst: Instrument,
    pub title: String,
    /// The join code, and the phone server's address while one runs.
    pub join: super::join::Join,
    pub lang: Lang,
    pub theme: Theme,
    /// The question on screen.
    pub index: usize,
    /// The facilitator note is shown (hidden by default: the screen is public).
    pub note: bool,
    /// The room's answers are shown (hidden until revealed, so nobody is swayed).
    pub revealed: bool,
    /// The section overview is open, with this row highlighted.
    pub sections: Option<usize>,
    pub timer: Timer,
    /// The injected clock: time since the view started.
    pub clock: Duration,
    /// Per question, how the room answered.
    pub tallies: Vec<Tally>,
    /// The wall of wishes is on screen instead of the question.
    pub wall: bool,
    /// The room's free-text answers, anonymous and sorted (no firm code goes with them).
    pub wishes: Vec<String>,
    /// How many firms wrote at least one of them.
    pub wishers: usize,
    pub quit: bool,
}

impl Presenter {
    pub fn new(inst: Instrument, title: String, join_code: String, lang: Lang) -> Presenter {
        let n = inst.questionnaire.questions.len();
        Presenter {
            inst,
            title,
            join: super::join::Join::new(join_code, String::new()),
            lang,
            theme: Theme::default(),
            index: 0,
            note: false,
            revealed: false,
            sections: None,
            timer: Timer::default(),
            clock: Duration::ZERO,
            tallies: vec![Tally::default(); n],
            wall: false,
            wishes: Vec::new(),
            wishers: 0,
            quit: false,
        }
    }

    pub fn ctx(&self) -> Ctx {
        if self.sections.is_some() {
            Ctx::Sections
        } else {
            Ctx::Present
        }
    }

    pub fn len(&self) -> usize {
        self.inst.questionnaire.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn sections_list(&self) -> Vec<Section> {
        sections(&self.inst.questionnaire, self.lang)
    }

    /// The section holding the question on screen.
    pub fn section_of(&self, index: usize) -> Option<usize> {
        self.sections_list()
            .iter()
            .position(|s| (s.first..=s.last).contains(&index))
    }

    /// Takes in the room as read from disk.
    pub fn set_room(&mut self, responses: &[Arc<Response>]) {
        let q = &self.inst.questionnaire;
        self.tallies = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| {
                tally(
                    question,
                    i,
                    responses.iter().map(|r| (&r.answers, r.visible.as_slice())),
                )
            })
            .collect();
        let (wishes, wishers) = wishes(q, responses);
        self.wishes = wishes;
        self.wishers = wishers;
    }

    pub fn tick(&mut self, clock: Duration) {
        self.clock = clock;
    }

    fn go(&mut self, index: usize) {
        let index = index.min(self.len().saturating_sub(1));
        if index != self.index {
            // Each question starts fresh: note and answers hidden, timer at zero.
            self.index = index;
            self.note = false;
            self.revealed = false;
            self.timer = Timer::default();
        }
    }

    /// Applies one action. Pure: nothing here touches the terminal or the disk.
    pub fn update(&mut self, action: Action) {
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        if let Some(cursor) = self.sections {
            let n = self.sections_list().len();
            match action {
                Action::Up => self.sections = Some(cursor.saturating_sub(1)),
                Action::Down => self.sections = Some((cursor + 1).min(n.saturating_sub(1))),
                Action::Confirm => {
                    if let Some(s) = self.sections_list().get(cursor) {
                        self.go(s.first);
                    }
                    self.sections = None;
                }
                Action::Cancel | Action::Sections => self.sections = None,
                _ => {}
            }
            return;
        }
        match action {
            Action::Next => self.go(self.index + 1),
            Action::Prev => self.go(self.index.saturating_sub(1)),
            Action::First => self.go(0),
            Action::Last => self.go(self.len().saturating_sub(1)),
            Action::ToggleNote => self.note = !self.note,
            Action::Reveal => self.revealed = !self.revealed,
            Action::Timer => self.timer.toggle(self.clock),
            Action::Wall => self.wall = !self.wall,
            Action::Sections => self.sections = Some(self.section_of(self.index).unwrap_or(0)),
            Action::SwitchLang => self.lang = self.lang.other(),
            _ => {}
        }
    }
}

/// The longest wish shown (characters); the wall is for short sentences.
const WISH_MAX: usize = 160;

/// The room's answers to its free-text questions, without firm codes, sorted so the order
/// says nothing about who wrote what; and how many firms wrote one.
pub fn wishes(q: &Questionnaire, responses: &[Arc<Response>]) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut firms = 0;
    for r in responses {
        let mut wrote = false;
        for (i, question) in q.questions.iter().enumerate() {
            if question.kind != crate::domain::model::QuestionKind::Text
                || !r.visible.get(i).copied().unwrap_or(false)
            {
                continue;
            }
            if let Some(crate::domain::answers::Answer::Text(t)) = r.answers.get(&question.id) {
                let t = crate::workshop::text::clean(t);
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    out.push(t.chars().take(WISH_MAX).collect());
                    wrote = true;
                }
            }
        }
        firms += usize::from(wrote);
    }
    out.sort();
    (out, firms)
}

/// Fewer firms than this and the wall stays hidden: a wish could be traced to its firm.
pub const WALL_MIN_FIRMS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    fn presenter() -> Presenter {
        let inst = Instrument::builtin().expect("built-in");
        Presenter::new(inst, "Test".into(), "K7MQ".into(), Lang::En)
    }

    #[test]
    fn note_and_answers_start_hidden_and_hide_again_on_the_next_question() {
        let mut p = presenter();
        assert!(!p.note && !p.revealed);
        p.update(Action::ToggleNote);
        p.update(Action::Reveal);
        assert!(p.note && p.revealed);
        p.update(Action::Next);
        assert_eq!(p.index, 1);
        assert!(!p.note && !p.revealed);
        p.update(Action::Prev);
        p.update(Action::Prev);
        assert_eq!(p.index, 0);
        p.update(Action::Last);
        assert_eq!(p.index, p.len() - 1);
        p.update(Action::Next);
        assert_eq!(p.index, p.len() - 1, "stays on the last question");
    }

    #[test]
    fn the_timer_reads_only_the_injected_clock() {
        let mut p = presenter();
        p.tick(Duration::from_secs(10));
        p.update(Action::Timer);
        p.tick(Duration::from_secs(75));
        assert_eq!(p.timer.shown(p.clock), Duration::from_secs(65));
        p.update(Action::Timer);
        p.tick(Duration::from_secs(500));
        assert_eq!(p.timer.shown(p.clock), Duration::from_secs(65), "stopped");
        p.update(Action::Timer);
        p.tick(Duration::from_secs(505));
        assert_eq!(p.timer.shown(p.clock), Duration::from_secs(70), "resumed");
        p.update(Action::Next);
        assert_eq!(p.timer, Timer::default(), "a new question, a new timer");
    }

    #[test]
    fn sections_jump_to_their_first_question() {
        let mut p = presenter();
        let list = p.sections_list();
        assert!(list.len() >= 5, "{list:?}");
        assert_eq!(list[0].first, 0);
        assert_eq!(list.last().map(|s| s.last), Some(p.len() - 1));
        p.update(Action::Sections);
        assert_eq!(p.ctx(), Ctx::Sections);
        p.update(Action::Down);
        p.update(Action::Down);
        p.update(Action::Confirm);
        assert_eq!(p.ctx(), Ctx::Present);
        assert_eq!(p.index, list[2].first);
        p.update(Action::Sections);
        assert_eq!(p.sections, Some(2), "opens on the current section");
        p.update(Action::Cancel);
        assert_eq!(p.sections, None);
    }
}
