//! A follow-up check in the self-check: the welcome entry that starts one from a finished
//! check, the confirmed/changed marks given as the owner walks through, and their wording.

use ratatui::style::Style;

use super::*;
use crate::domain::answers::follows::{FollowUp, Reviewed};
use crate::domain::model::QuestionId;
use crate::tui::strings as st;

/// How a question of a follow-up check stands, for the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Confirmed,
    Changed,
    /// Carried over from the earlier check and not visited yet.
    Carried,
}

impl Mark {
    /// The one-character sign shown in lists.
    pub fn sign(self) -> &'static str {
        match self {
            Mark::Confirmed => "✓",
            Mark::Changed => "✎",
            Mark::Carried => "○",
        }
    }

    /// The sentence shown on the question screen.
    pub fn tag(self, lang: Lang) -> &'static str {
        match self {
            Mark::Confirmed => st::TAG_CONFIRMED.get(lang),
            Mark::Changed => st::TAG_CHANGED.get(lang),
            Mark::Carried => st::TAG_CARRIED.get(lang),
        }
    }

    pub fn style(self, theme: crate::tui::theme::Theme) -> Style {
        match self {
            Mark::Confirmed => theme.good(),
            Mark::Changed => theme.title(),
            Mark::Carried => theme.muted(),
        }
    }
}

impl App {
    /// Whether this session is a follow-up check.
    pub fn is_follow_up(&self) -> bool {
        self.following().is_some()
    }

    /// The follow-up state, when this session is a follow-up check.
    fn following(&self) -> Option<&FollowUp> {
        self.session.follow.as_ref().filter(|f| f.follows.is_some())
    }

    /// The welcome screen offers a follow-up when the file opened is a finished check of the
    /// owner's own (not a workshop's, not read-only).
    pub fn offers_follow_up(&self) -> bool {
        self.session.resumable
            && !self.session.read_only
            && self.session.firm_code.is_none()
            && self.first_unanswered().is_none()
    }

    /// Notes that the owner answered question `id` with `now` (or confirmed it): returns
    /// whether the mark changed and must be saved.
    pub(super) fn mark_reviewed(&mut self, id: &QuestionId, now: Option<&Answer>) -> bool {
        match self.session.follow.as_mut() {
            Some(f) if f.follows.is_some() => f.mark(id, now),
            _ => false,
        }
    }

    /// Marks each answer a what-if sandbox changed, as it is adopted.
    pub(super) fn mark_adopted(&mut self, adopted: &AnswerSet) {
        for id in self.changed_in(adopted) {
            self.mark_reviewed(&id, adopted.get(&id));
        }
    }

    /// The mark of question `index` in a follow-up check; `None` outside one, and for a
    /// question the earlier check did not answer and nobody has answered since.
    pub fn follow_mark(&self, index: usize) -> Option<Mark> {
        let f = self.following()?;
        let q = &self.inst.questionnaire.questions[index];
        match f.mark_of(&q.id) {
            Some(Reviewed::Confirmed) => Some(Mark::Confirmed),
            Some(Reviewed::Changed) => Some(Mark::Changed),
            None => f
                .earlier
                .as_ref()
                .and_then(|e| e.get(&q.id))
                .map(|_| Mark::Carried),
        }
    }

    /// The first asked question not yet confirmed or changed in a follow-up check.
    pub(super) fn first_unreviewed(&self) -> Option<usize> {
        let f = self.following()?;
        f.earlier.as_ref()?;
        self.visible_indices().into_iter().find(|i| {
            f.mark_of(&self.inst.questionnaire.questions[*i].id)
                .is_none()
        })
    }

    /// The line saying what the follow-up is and how far the owner got.
    pub fn follow_summary(&self) -> Option<String> {
        let f = self.session.follow.as_ref()?;
        let follows = f.follows.as_ref()?;
        if f.earlier.is_none() {
            return Some(st::FOLLOWING_GONE.get(self.lang).to_string());
        }
        let (confirmed, changed) = f.counts();
        let open = self
            .visible_indices()
            .into_iter()
            .filter(|i| self.follow_mark(*i) == Some(Mark::Carried))
            .count();
        let date = follows
            .saved_at
            .as_deref()
            .and_then(|s| s.get(..10))
            .unwrap_or(st::UNKNOWN_DATE.get(self.lang))
            .to_string();
        Some(st::FOLLOWING.fill(self.lang, &[&date, &confirmed, &changed, &open]))
    }

    /// The shell made this session a follow-up check (or could not): walk from the start.
    pub fn follow_up_started(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.session.resumable = false;
                self.goto_first_unanswered();
                self.tell(
                    st::STARTED.fill(
                        self.lang,
                        &[&crate::store::shown(&self.session.answers_path)],
                    ),
                    false,
                );
            }
            Err(e) => self.saved(Err(e)),
        }
    }

    /// The follow-up state for a new check that starts from the current answers.
    pub fn follow_up_of(&self, follows: crate::domain::answers::follows::Follows) -> FollowUp {
        FollowUp {
            follows: Some(follows),
            earlier: Some(self.answers.clone()),
            reviewed: Default::default(),
        }
    }
}
