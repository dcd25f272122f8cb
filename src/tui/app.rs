//! The self-check's state and its pure `update`: actions in, effects out. No terminal here.

use std::path::PathBuf;

use tui_input::{Input, InputRequest};

use super::action::{Action, Effect, ExportOutcome, Hit};
use super::keymap::Ctx;
use super::strings::{self as st};
use crate::domain::answers::{
    Answer, AnswerFile, AnswerSet, Dropped, MatrixAnswer, check_number, parse_number, toggle,
};
use crate::domain::model::QuestionKind;
use crate::domain::report::ReportFormat;
use crate::domain::score::score_and_visibility;
use crate::domain::{Instrument, Lang, ScoreCard, score};

pub mod follow;
mod question;
mod whatif;

pub use question::read_number;
pub use whatif::{WhatIf, WhatIfItem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    Review,
    Results,
    Detail,
    WhatIf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Sections,
    ConfirmQuit,
    /// Choose the report format to export.
    Export,
    /// The report file exists: replace it?
    ConfirmReplace(ReportFormat),
    /// Leaving the what-if sandbox: discard its changes, or adopt them into the record?
    ConfirmWhatIf(WhatIfExit),
}

/// What the what-if confirmation asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhatIfExit {
    /// Esc with changes: throw them away?
    Discard,
    /// `c`: make the hypothetical answers the firm's answers (marked as from what-if)?
    Adopt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The one-page summary: verdict, strengths, gaps, first actions, how sure, the wish.
    Summary,
    /// The dated plan.
    Plan,
    Overview,
    Ladder,
    Recommendations,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Summary,
        Tab::Plan,
        Tab::Overview,
        Tab::Ladder,
        Tab::Recommendations,
    ];
}

/// What the shell found on disk at start.
#[derive(Debug, Clone, Default)]
pub struct Session {
    pub answers_path: PathBuf,
    /// The loaded file had answers: offer to resume.
    pub resumable: bool,
    pub saved_at: Option<String>,
    pub dropped: Vec<Dropped>,
    /// The previous file could not be read; a copy was kept here.
    pub unreadable_backup: Option<PathBuf>,
    /// Why the previous file could not be read, in the session's language.
    pub unreadable_reason: Option<String>,
    /// In a workshop: the firm code the answers are saved under, shown to the participant.
    pub firm_code: Option<String>,
    /// What the file held that this program does not understand, written back on every save.
    pub kept: crate::domain::answers::Kept,
    /// Whether a link at the answer path is written through (own files) or refused (a shared
    /// workshop folder).
    pub links: crate::store::Links,
    /// Opened with `--read-only`: nothing is written.
    pub read_only: bool,
    /// A follow-up check: the earlier file it follows and the confirmed/changed marks.
    pub follow: Option<crate::domain::answers::follows::FollowUp>,
    /// Where reports go when not beside the answer file: the folder the owner started from,
    /// when the answers live in the hidden per-user data folder. Set by the shell.
    pub export_dir: Option<PathBuf>,
}

/// A status line shown under the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub error: bool,
}

/// Items of the welcome screen, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeItem {
    Lang,
    Profile(usize),
    Resume,
    StartOver,
    /// Start a follow-up check from the finished one opened (a new file).
    FollowUp,
    Start,
}

pub struct App {
    pub inst: Instrument,
    pub lang: Lang,
    /// Today as `YYYY-MM-DD`, set by the shell, for the plan's dates; empty leaves them out.
    pub today: String,
    pub answers: AnswerSet,
    pub card: ScoreCard,
    /// Which questions are asked, given the answers (skip logic).
    pub visible: Vec<bool>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub session: Session,
    pub welcome_focus: usize,
    /// One input per profile field (used by free-text fields).
    pub profile_inputs: Vec<Input>,
    /// Index of the current question.
    pub current: usize,
    /// Highlighted row of the current question's list.
    pub cursor: usize,
    /// Whether the owner has moved the highlight on this question (see [`App::cursor_shown`]).
    pub moved: bool,
    /// The number or text being typed for the current question.
    pub input: Input,
    pub review_cursor: usize,
    pub sections_cursor: usize,
    pub export_cursor: usize,
    pub tab: Tab,
    pub rec_cursor: usize,
    /// The rung chosen on the ladder tab, counted over every ladder's rungs, top ladder first.
    pub rung_cursor: usize,
    /// The current question was opened from the review: confirming it returns there.
    pub from_review: bool,
    /// The answer file has been written (or held answers when opened): quitting can say
    /// where the answers are; otherwise there is nothing on disk to point to.
    pub written: bool,
    pub scroll: u16,
    /// How far the scrolling screen on show can scroll before its last line leaves the
    /// bottom, as the view last drew it (nothing drawn: nothing to scroll).
    pub scroll_max: std::cell::Cell<u16>,
    /// Rows a page key moves on the list or text on show: as many as the last drawing showed
    /// of it (one before anything is drawn); set by the views, read by `update`.
    pub page: std::cell::Cell<usize>,
    pub whatif: Option<WhatIf>,
    pub note: Option<Note>,
    /// Why the last save failed, until one succeeds: quitting must not claim the answers
    /// are saved.
    pub unsaved: Option<String>,
    /// Terminal size, for mouse hit-testing.
    pub size: (u16, u16),
    /// The local time zone's offset, found by the shell at start; `None` shows times in UTC.
    pub utc_offset: Option<time::UtcOffset>,
    pub theme: super::theme::Theme,
    pub quit: bool,
}

impl App {
    pub fn new(inst: Instrument, lang: Lang, answers: AnswerSet, session: Session) -> App {
        let (card, visible) = score_and_visibility(&inst, &answers);
        let profile_inputs = inst
            .questionnaire
            .profile
            .iter()
            .map(|f| Input::new(answers.profile.get(&f.id).cloned().unwrap_or_default()))
            .collect();
        let mut app = App {
            inst,
            lang,
            today: String::new(),
            answers,
            card,
            visible,
            screen: Screen::Welcome,
            overlay: None,
            session,
            welcome_focus: 0,
            profile_inputs,
            current: 0,
            cursor: 0,
            moved: false,
            input: Input::default(),
            review_cursor: 0,
            sections_cursor: 0,
            // HTML prints on A4 and saves as PDF: what most owners want to hand over.
            export_cursor: ReportFormat::ALL
                .iter()
                .position(|f| *f == ReportFormat::Html)
                .unwrap_or(0),
            tab: Tab::Summary,
            rec_cursor: 0,
            rung_cursor: 0,
            from_review: false,
            written: false,
            scroll: 0,
            scroll_max: std::cell::Cell::new(0),
            page: std::cell::Cell::new(1),
            whatif: None,
            note: None,
            unsaved: None,
            size: (80, 24),
            utc_offset: None,
            theme: super::theme::Theme::default(),
            quit: false,
        };
        app.written = app.session.resumable;
        let items = app.welcome_items();
        app.welcome_focus = items
            .iter()
            .position(|i| matches!(i, WelcomeItem::Resume | WelcomeItem::Start))
            .unwrap_or(0);
        app
    }

    // ----- derived views of state -----

    pub fn ctx(&self) -> Ctx {
        match self.overlay {
            Some(Overlay::Help) => return Ctx::Help,
            Some(Overlay::Sections) => return Ctx::Sections,
            Some(Overlay::ConfirmQuit) => return Ctx::ConfirmQuit,
            Some(Overlay::Export) => return Ctx::Export,
            Some(Overlay::ConfirmReplace(_)) => return Ctx::ConfirmReplace,
            Some(Overlay::ConfirmWhatIf(_)) => return Ctx::ConfirmWhatIf,
            None => {}
        }
        match self.screen {
            Screen::Welcome => match self.welcome_items().get(self.welcome_focus) {
                Some(WelcomeItem::Profile(i))
                    if self.inst.questionnaire.profile[*i].options.is_empty() =>
                {
                    Ctx::WelcomeText
                }
                _ => Ctx::Welcome,
            },
            Screen::Question => match self.question().kind {
                QuestionKind::Number => Ctx::Number,
                QuestionKind::Text => Ctx::Input,
                QuestionKind::Multi => Ctx::Multi,
                _ => Ctx::Choice,
            },
            Screen::Review => Ctx::Review,
            Screen::Results => match self.tab {
                Tab::Ladder => Ctx::Ladder,
                Tab::Recommendations => Ctx::Recs,
                _ => Ctx::Results,
            },
            Screen::Detail => Ctx::Detail,
            Screen::WhatIf if self.whatif.as_ref().is_some_and(|w| w.find.is_some()) => {
                Ctx::WhatIfFind
            }
            Screen::WhatIf => Ctx::WhatIf,
        }
    }

    pub fn welcome_items(&self) -> Vec<WelcomeItem> {
        let mut items = vec![WelcomeItem::Lang];
        items.extend((0..self.inst.questionnaire.profile.len()).map(WelcomeItem::Profile));
        if self.session.resumable {
            items.push(WelcomeItem::Resume);
            if self.offers_follow_up() {
                items.push(WelcomeItem::FollowUp);
            }
            items.push(WelcomeItem::StartOver);
        } else {
            items.push(WelcomeItem::Start);
        }
        items
    }

    pub fn question(&self) -> &crate::domain::Question {
        &self.inst.questionnaire.questions[self.current]
    }

    /// Rows of the current question's list: its options, then "don't know" and "not
    /// applicable" where offered.
    pub fn list_len(&self) -> usize {
        self.rows().len()
    }

    /// What each row of the current question's list stands for.
    pub fn rows(&self) -> Vec<Row> {
        Row::of(self.question())
    }

    /// Whether the list shows a highlighted row: not on a question nobody has touched, so
    /// nothing looks chosen before the owner chooses.
    pub fn cursor_shown(&self) -> bool {
        self.moved || self.answers.get(&self.question().id).is_some()
    }

    /// Indices of the questions currently asked.
    pub fn visible_indices(&self) -> Vec<usize> {
        asked(&self.visible)
    }

    /// (position among asked questions, 1-based; number asked).
    pub fn progress(&self) -> (usize, usize) {
        let vis = self.visible_indices();
        let pos = vis
            .iter()
            .position(|i| *i == self.current)
            .map_or(0, |p| p + 1);
        (pos, vis.len())
    }

    /// How many asked questions have an answer (including "don't know").
    pub fn answered_count(&self) -> usize {
        self.visible_indices()
            .iter()
            .filter(|i| self.is_answered(**i))
            .count()
    }

    pub fn is_answered(&self, index: usize) -> bool {
        answered(&self.inst.questionnaire, &self.answers, index)
    }

    pub fn first_unanswered(&self) -> Option<usize> {
        self.visible_indices()
            .into_iter()
            .find(|i| !self.is_answered(*i))
    }

    /// The answer file to save now (`session::write_answers` adds a follow-up's reference
    /// and marks, as it does for every writer).
    pub fn answer_file(&self, saved_at: Option<String>) -> AnswerFile {
        self.answers.to_file(&self.inst.questionnaire, saved_at)
    }

    // ----- outcomes of effects -----

    /// Shows `text` in the status line, as an error or not.
    pub(super) fn tell(&mut self, text: impl Into<String>, error: bool) {
        self.note = Some(Note {
            text: text.into(),
            error,
        });
    }

    pub fn saved(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                self.written = true;
                self.unsaved = None;
                if self.note.as_ref().is_some_and(|n| n.error) {
                    self.note = None;
                }
            }
            Err(e) => {
                self.tell(format!("{} {e}", st::SAVE_FAILED.get(self.lang)), true);
                self.unsaved = Some(e);
            }
        }
    }

    pub fn exported(&mut self, outcome: ExportOutcome) {
        match outcome {
            Ok(paths) => {
                let paths: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
                self.tell(
                    format!("{} {}", st::EXPORTED.get(self.lang), paths.join(", ")),
                    false,
                )
            }
            Err(e) => self.tell(format!("{} {e}", st::EXPORT_FAILED.get(self.lang)), true),
        }
    }

    /// The report file for `format` exists; ask before replacing it.
    pub fn ask_replace(&mut self, format: ReportFormat) {
        self.overlay = Some(Overlay::ConfirmReplace(format));
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
    }

    // ----- update -----

    /// Applies one action. Pure: saving, exporting and quitting come back as effects.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::ForceQuit {
            self.quit = true;
            return vec![Effect::Quit];
        }
        // Behind the "window too small" notice nothing acts unseen.
        let (min_w, min_h) = (super::view::MIN_WIDTH, super::view::MIN_HEIGHT);
        if self.size.0 < min_w || self.size.1 < min_h {
            return vec![];
        }
        if let Some(overlay) = self.overlay {
            return self.update_overlay(overlay, action);
        }
        match action {
            Action::Quit => {
                self.overlay = Some(Overlay::ConfirmQuit);
                return vec![];
            }
            Action::ScrollUp => return self.update(Action::Up),
            Action::ScrollDown => return self.update(Action::Down),
            Action::Click(hit) => return self.click(hit),
            _ => {}
        }
        match self.screen {
            Screen::Welcome => self.update_welcome(action),
            Screen::Question => self.update_question(action),
            Screen::Review => self.update_review(action),
            Screen::Results => self.update_results(action),
            Screen::Detail => self.update_detail(action),
            Screen::WhatIf => self.update_whatif(action),
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> Vec<Effect> {
        match (overlay, action) {
            (Overlay::Export, Action::Up) => {
                self.export_cursor = self.export_cursor.saturating_sub(1)
            }
            (Overlay::Export, Action::Down) => {
                self.export_cursor = (self.export_cursor + 1).min(ReportFormat::ALL.len() - 1)
            }
            (Overlay::Export, Action::Pick(n)) if (1..=ReportFormat::ALL.len()).contains(&n) => {
                self.export_cursor = n - 1;
                self.overlay = None;
                return vec![Effect::Export(ReportFormat::ALL[n - 1], false)];
            }
            (Overlay::Export, Action::Confirm) => {
                self.overlay = None;
                return vec![Effect::Export(ReportFormat::ALL[self.export_cursor], false)];
            }
            (Overlay::Export, Action::Cancel) => self.overlay = None,
            (Overlay::ConfirmReplace(format), Action::Yes) => {
                self.overlay = None;
                return vec![Effect::Export(format, true)];
            }
            (Overlay::ConfirmReplace(_), Action::No | Action::Cancel) => {
                self.overlay = None;
                // An earlier "Exported: …" must not read as if this one happened.
                self.tell(st::EXPORT_KEPT.get(self.lang), false);
            }
            (Overlay::ConfirmWhatIf(exit), Action::Yes) => {
                self.overlay = None;
                return self.leave_whatif(exit);
            }
            (Overlay::ConfirmWhatIf(_), Action::No | Action::Cancel) => self.overlay = None,
            (Overlay::ConfirmQuit, Action::Yes) => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            (Overlay::ConfirmQuit, Action::No | Action::Cancel)
            | (Overlay::Help, Action::Cancel | Action::Help) => self.overlay = None,
            (Overlay::Sections, Action::Cancel | Action::Sections) => self.overlay = None,
            (Overlay::Sections, Action::Up | Action::ScrollUp) => {
                self.sections_cursor = self.sections_cursor.saturating_sub(1)
            }
            (Overlay::Sections, Action::Down | Action::ScrollDown) => {
                // One section per dimension: no need to build them to count them.
                let n = self.inst.questionnaire.dimensions().count();
                self.sections_cursor = (self.sections_cursor + 1).min(n.saturating_sub(1));
            }
            (Overlay::Sections, Action::PageUp | Action::Home) => self.sections_cursor = 0,
            (Overlay::Sections, Action::PageDown | Action::End) => {
                let n = self.inst.questionnaire.dimensions().count();
                self.sections_cursor = n.saturating_sub(1);
            }
            (Overlay::Sections, Action::Confirm) => {
                let sections = self.sections();
                if let Some(s) = sections.get(self.sections_cursor)
                    && let Some(first) = s.first_visible
                {
                    self.overlay = None;
                    self.goto_question(first);
                }
            }
            _ => {}
        }
        vec![]
    }

    // ----- welcome -----

    fn update_welcome(&mut self, action: Action) -> Vec<Effect> {
        let items = self.welcome_items();
        let focus = items
            .get(self.welcome_focus)
            .copied()
            .unwrap_or(WelcomeItem::Lang);
        match action {
            Action::Up => self.welcome_focus = self.welcome_focus.saturating_sub(1),
            Action::Down => self.welcome_focus = (self.welcome_focus + 1).min(items.len() - 1),
            Action::SwitchLang => self.lang = self.lang.other(),
            Action::Left | Action::Right => {
                let step = if action == Action::Left { -1 } else { 1 };
                match focus {
                    WelcomeItem::Lang => self.lang = self.lang.other(),
                    WelcomeItem::Profile(i) => return self.cycle_profile(i, step),
                    _ => {}
                }
            }
            Action::Edit(req) => {
                if let WelcomeItem::Profile(i) = focus {
                    self.profile_inputs[i].handle(req);
                    let id = self.inst.questionnaire.profile[i].id.clone();
                    let value = self.profile_inputs[i].value().trim().to_string();
                    if self.answers.profile.get(&id).map_or("", String::as_str) != value {
                        return self.set_profile(id, value);
                    }
                }
            }
            Action::Confirm => match focus {
                WelcomeItem::Lang => self.lang = self.lang.other(),
                WelcomeItem::Profile(_) => {
                    self.welcome_focus = (self.welcome_focus + 1).min(items.len() - 1)
                }
                WelcomeItem::Start => {
                    self.goto_first_unanswered();
                    return vec![Effect::Save];
                }
                // A finished check resumes where it ended: on its results.
                WelcomeItem::Resume if self.first_unanswered().is_none() => self.open_results(),
                WelcomeItem::Resume => self.goto_first_unanswered(),
                WelcomeItem::FollowUp => return vec![Effect::StartFollowUp],
                WelcomeItem::StartOver => {
                    let profile = std::mem::take(&mut self.answers.profile);
                    self.answers = AnswerSet::new();
                    self.answers.profile = profile;
                    self.session.resumable = false;
                    self.refresh();
                    self.goto_first_unanswered();
                    return vec![Effect::BackupAndSave];
                }
            },
            _ => {}
        }
        vec![]
    }

    fn cycle_profile(&mut self, i: usize, step: isize) -> Vec<Effect> {
        let field = &self.inst.questionnaire.profile[i];
        if field.options.is_empty() {
            return vec![];
        }
        // Position 0 is "not set", then the options.
        let n = field.options.len() as isize + 1;
        let cur = self
            .answers
            .profile
            .get(&field.id)
            .and_then(|v| field.options.iter().position(|o| &o.id == v))
            .map_or(0, |p| p as isize + 1);
        let next = (cur + step).rem_euclid(n);
        let value = match next {
            0 => String::new(),
            _ => field.options[(next - 1) as usize].id.clone(),
        };
        self.set_profile(field.id.clone(), value)
    }

    /// Sets profile field `id` to `value` (empty clears it) and saves.
    fn set_profile(&mut self, id: String, value: String) -> Vec<Effect> {
        if value.is_empty() {
            self.answers.profile.remove(&id);
        } else {
            self.answers.profile.insert(id, value);
        }
        self.refresh();
        vec![Effect::Save]
    }

    // ----- sections -----

    /// The section list: one entry per dimension, with answered / asked counts.
    pub fn sections(&self) -> Vec<Section> {
        let q = &self.inst.questionnaire;
        q.dimensions()
            .map(|(_, dim)| {
                let asked: Vec<usize> = (0..q.questions.len())
                    .filter(|i| q.questions[*i].dimension == dim.id && self.visible[*i])
                    .collect();
                Section {
                    dimension: dim.id.clone(),
                    title: section_title(q, &dim.id, self.lang),
                    answered: asked.iter().filter(|i| self.is_answered(**i)).count(),
                    asked: asked.len(),
                    first_visible: asked.first().copied(),
                }
            })
            .collect()
    }

    // ----- review -----

    fn update_review(&mut self, action: Action) -> Vec<Effect> {
        let vis = self.visible_indices();
        let last = vis.len().saturating_sub(1);
        match action {
            _ if action.is_move() => {
                self.review_cursor = step_cursor(self.review_cursor, last, self.page(), action)
            }
            Action::Confirm => {
                if let Some(i) = vis.get(self.review_cursor) {
                    self.goto_question(*i);
                    // Changing an answer from here comes back here.
                    self.from_review = true;
                }
            }
            Action::Finish => self.open_results(),
            Action::Cancel => {
                self.goto_question(self.current.min(self.visible.len().saturating_sub(1)))
            }
            _ => {}
        }
        vec![]
    }

    // ----- results -----

    /// Opens the results on their summary.
    pub(super) fn open_results(&mut self) {
        self.screen = Screen::Results;
        self.tab = Tab::Summary;
        self.rec_cursor = 0;
        self.scroll = 0;
        self.note = None;
    }

    /// Rows a page key moves: what the last drawing showed of the list or text on screen.
    pub(super) fn page(&self) -> usize {
        self.page.get().max(1)
    }

    fn scroll_by(&mut self, action: Action) {
        let max = usize::from(self.scroll_max.get());
        // Never past `max`, which is a u16: the cast cannot cut.
        self.scroll = step_cursor(usize::from(self.scroll), max, self.page(), action) as u16;
    }

    /// Every rung of every ladder, top ladder first, lowest rung first: (ladder, rung).
    pub fn rungs(&self) -> Vec<(usize, usize)> {
        let q = &self.inst.questionnaire;
        self.card
            .ladders
            .iter()
            .filter_map(|l| q.ladders.iter().position(|x| x.id == l.id))
            .flat_map(|li| (0..q.ladders[li].rungs.len()).map(move |r| (li, r)))
            .collect()
    }

    /// The results tabs this questionnaire has: without a recommendations catalogue there is
    /// no plan and nothing to recommend, so those two tabs are left out; without a ladder,
    /// the ladder tab.
    pub fn tabs(&self) -> Vec<Tab> {
        let recommends = self.inst.recommends();
        let ladders = !self.inst.questionnaire.ladders.is_empty();
        Tab::ALL
            .into_iter()
            .filter(|t| recommends || !matches!(t, Tab::Plan | Tab::Recommendations))
            .filter(|t| ladders || *t != Tab::Ladder)
            .collect()
    }

    /// Shows a results tab from its top; the ladder opens on the rung the firm stands on.
    pub fn select_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.scroll = 0;
        if tab == Tab::Ladder {
            let q = &self.inst.questionnaire;
            let here = self.card.ladders.first().and_then(|l| {
                let li = q.ladders.iter().position(|x| x.id == l.id)?;
                self.rungs().iter().position(|r| *r == (li, l.index))
            });
            self.rung_cursor = here.unwrap_or(0);
        }
    }

    fn update_results(&mut self, action: Action) -> Vec<Effect> {
        let tabs = self.tabs();
        let at = tabs.iter().position(|t| *t == self.tab).unwrap_or(0);
        match action {
            Action::NextTab | Action::PrevTab => {
                let step = if action == Action::NextTab {
                    1
                } else {
                    tabs.len() - 1
                };
                self.select_tab(tabs[(at + step) % tabs.len()]);
            }
            _ if action.is_move() => match self.tab {
                Tab::Recommendations => {
                    let last = self.card.recommendations.len().saturating_sub(1);
                    self.rec_cursor = step_cursor(self.rec_cursor, last, self.page(), action);
                }
                Tab::Ladder => {
                    // The ladder is drawn top rung first: ↑ climbs.
                    let last = self.rungs().len().saturating_sub(1);
                    let flipped = match action {
                        Action::Up => Action::Down,
                        Action::Down => Action::Up,
                        Action::PageUp => Action::PageDown,
                        Action::PageDown => Action::PageUp,
                        Action::Home => Action::End,
                        _ => Action::Home,
                    };
                    self.rung_cursor = step_cursor(self.rung_cursor, last, self.page(), flipped);
                }
                _ => self.scroll_by(action),
            },
            Action::Confirm
                if self.tab == Tab::Recommendations && !self.card.recommendations.is_empty() =>
            {
                self.screen = Screen::Detail;
                self.scroll = 0;
            }
            Action::Review => self.goto_review(),
            Action::WhatIf => self.open_whatif(),
            Action::Export => self.overlay = Some(Overlay::Export),
            _ => {}
        }
        vec![]
    }

    fn update_detail(&mut self, action: Action) -> Vec<Effect> {
        match action {
            _ if action.is_move() => self.scroll_by(action),
            Action::Cancel => {
                self.screen = Screen::Results;
                self.scroll = 0;
            }
            _ => {}
        }
        vec![]
    }

    // ----- mouse -----

    fn click(&mut self, hit: Hit) -> Vec<Effect> {
        match (self.screen, hit) {
            (Screen::Question, Hit::Option(index))
                if matches!(self.ctx(), Ctx::Choice | Ctx::Multi) =>
            {
                return self.choose(index, false);
            }
            (Screen::Results, Hit::Tab(tab)) => self.select_tab(tab),
            (Screen::Review, Hit::Review(index)) => self.review_cursor = index,
            _ => {}
        }
        vec![]
    }
}

/// A list cursor moved by a row, a page or to an end; `last` is the last row.
pub(crate) fn step_cursor(cursor: usize, last: usize, page: usize, action: Action) -> usize {
    match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => (cursor + page).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => cursor,
    }
    .min(last)
}

/// A row of a question's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The option at this position.
    Option(usize),
    /// The matrix row at this position: its value or ticks are chosen by the options' keys.
    Matrix(usize),
    DontKnow,
    NotApplicable,
}

impl Row {
    /// The rows a question's list shows: its options, then "don't know" and "not applicable"
    /// where offered. Plain mode numbers its lines the same way.
    pub fn of(q: &crate::domain::Question) -> Vec<Row> {
        let mut rows: Vec<Row> = if q.is_matrix() {
            (0..q.rows.len()).map(Row::Matrix).collect()
        } else {
            (0..q.options.len()).map(Row::Option).collect()
        };
        if q.dont_know {
            rows.push(Row::DontKnow);
        }
        if q.not_applicable {
            rows.push(Row::NotApplicable);
        }
        rows
    }

    /// The row's words and whether `answer` chose it (a matrix row reads as "not
    /// applicable": it is never listed with these). The full screen and plain mode list a
    /// question's rows this way.
    pub fn label<'q>(
        self,
        q: &'q crate::domain::Question,
        answer: Option<&Answer>,
        lang: Lang,
    ) -> (&'q str, bool) {
        match self {
            Row::Option(k) => {
                let o = &q.options[k];
                let chosen = match answer {
                    Some(Answer::Choice(c)) => c == &o.id,
                    Some(Answer::Choices(cs)) => cs.contains(&o.id),
                    _ => false,
                };
                (o.label.get(lang), chosen)
            }
            Row::DontKnow => (
                crate::domain::output::DONT_KNOW.get(lang),
                matches!(answer, Some(Answer::DontKnow)),
            ),
            Row::NotApplicable | Row::Matrix(_) => (
                crate::domain::output::NOT_APPLICABLE.get(lang),
                matches!(answer, Some(Answer::NotApplicable)),
            ),
        }
    }

    /// The key that picks the row: 1–9 and 0 for the first ten options, `d` and `n` for
    /// "don't know" and "not applicable", none for options past the tenth.
    pub fn key(self) -> Option<char> {
        match self {
            Row::Option(i) if i < 9 => char::from_digit(i as u32 + 1, 10),
            Row::Option(9) => Some('0'),
            Row::Option(_) | Row::Matrix(_) => None,
            Row::DontKnow => Some('d'),
            Row::NotApplicable => Some('n'),
        }
    }
}

/// "Area · dimension": the section a question of dimension `dim` sits in, as the question
/// screen, the section list, the what-if list and plain mode head it.
pub fn section_title(
    q: &crate::domain::Questionnaire,
    dim: &crate::domain::model::DimensionId,
    lang: Lang,
) -> String {
    q.dimension(dim)
        .map(|(a, d)| format!("{} · {}", a.title.get(lang), d.title.get(lang)))
        .unwrap_or_default()
}

/// The indices of the questions asked, given skip logic's `visible`.
pub(crate) fn asked(visible: &[bool]) -> Vec<usize> {
    (0..visible.len()).filter(|i| visible[*i]).collect()
}

/// Whether question `index` has an answer (including "don't know"): what the full screen and
/// plain mode count as done.
pub(crate) fn answered(
    q: &crate::domain::Questionnaire,
    answers: &AnswerSet,
    index: usize,
) -> bool {
    let question = &q.questions[index];
    crate::domain::output::is_answered(question, answers.get(&question.id))
}

/// Gives question `id` the answer, or clears it for `None`: how both the full screen and
/// plain mode record a reply.
pub(crate) fn record(
    answers: &mut AnswerSet,
    id: &crate::domain::model::QuestionId,
    answer: Option<Answer>,
) {
    match answer {
        Some(a) => answers.set(id.clone(), a),
        None => answers.clear(id),
    }
}

/// The matrix answer a key changes: question `q`'s current one, or none yet of its kind.
pub(crate) fn matrix_now(q: &crate::domain::Question, current: Option<&Answer>) -> MatrixAnswer {
    match current {
        Some(Answer::Matrix(m)) => m.clone(),
        _ => MatrixAnswer {
            ticks: q.ticks,
            rows: Vec::new(),
        },
    }
}

/// One entry of the section list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub dimension: crate::domain::model::DimensionId,
    pub title: String,
    pub answered: usize,
    pub asked: usize,
    pub first_visible: Option<usize>,
}
