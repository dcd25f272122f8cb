//! The room dashboard's state and its pure `update`: which tab is shown, which firm is
//! selected, and the room as last read from disk.

use std::sync::Arc;

use super::keymap::{Action, Ctx};
use crate::domain::cohort::Cohort;
use crate::domain::{Instrument, Lang};
use crate::tui::theme::Theme;
use crate::workshop::code::FirmCode;
use crate::workshop::room::{Problem, Response};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Room,
    Dimensions,
    Needs,
    Firms,
    Problems,
    /// A follow-up room's change since the room it follows.
    Change,
}

impl Tab {
    /// Every tab a room can have, in order.
    pub const ALL: [Tab; 6] = [
        Tab::Room,
        Tab::Dimensions,
        Tab::Needs,
        Tab::Firms,
        Tab::Problems,
        Tab::Change,
    ];
}

pub struct Dashboard {
    pub inst: Instrument,
    pub title: String,
    /// The join code, and the phone server's address while one runs.
    pub join: super::join::Join,
    pub lang: Lang,
    pub theme: Theme,
    /// Firm names are shown only when the facilitator started the view with `--named`.
    pub named: bool,
    pub cohort: Cohort,
    /// Every readable response, by firm code.
    pub firms: Vec<Arc<Response>>,
    pub problems: Vec<Problem>,
    pub tab: Tab,
    /// The selected firm (Firms tab) or the first problem shown (Problems tab).
    pub cursor: usize,
    pub problem_cursor: usize,
    /// The selected firm's results are open.
    pub detail: bool,
    /// Rows a page of the list on screen holds, as the last drawing laid it out.
    pub page: std::cell::Cell<usize>,
    pub quit: bool,
    /// The clock last activity is shown with, and idle firms are judged by; `None` leaves
    /// both out (set by the shell at every look at the folder, fixed by tests).
    pub clock: Option<crate::store::clock::Clock>,
    /// Firms whose response is an exact copy of another firm's, and of which.
    pub duplicates: std::collections::BTreeMap<FirmCode, FirmCode>,
    /// A follow-up room's change since the room it follows, as the cohort report computes
    /// it; `None` for a room that follows none (and then there is no such tab).
    pub change: Option<crate::domain::progress::room::RoomChange>,
}

impl Dashboard {
    pub fn new(
        inst: Instrument,
        title: String,
        join_code: String,
        lang: Lang,
        named: bool,
    ) -> Dashboard {
        let cohort = Cohort::build(&inst.questionnaire, []);
        Dashboard {
            inst,
            title,
            join: super::join::Join::new(join_code, String::new()),
            lang,
            theme: Theme::default(),
            named,
            cohort,
            firms: Vec::new(),
            problems: Vec::new(),
            tab: Tab::Room,
            cursor: 0,
            problem_cursor: 0,
            detail: false,
            page: std::cell::Cell::new(10),
            quit: false,
            clock: None,
            duplicates: Default::default(),
            change: None,
        }
    }

    /// The tabs shown, in order.
    /// The tabs of this room: the proposals needed only when the questionnaire recommends
    /// any, the change only in a follow-up room.
    pub fn tabs(&self) -> Vec<Tab> {
        let (needs, change) = (self.inst.recommends(), self.change.is_some());
        Tab::ALL
            .into_iter()
            .filter(|t| match t {
                Tab::Needs => needs,
                Tab::Change => change,
                _ => true,
            })
            .collect()
    }

    pub fn ctx(&self) -> Ctx {
        match self.tab {
            Tab::Firms if self.detail => Ctx::Firm,
            Tab::Firms => Ctx::Firms,
            Tab::Problems => Ctx::Problems,
            _ => Ctx::Room,
        }
    }

    /// Takes in the room as read from disk, keeping the same firm selected.
    pub fn set_room(&mut self, cohort: Cohort, firms: Vec<Arc<Response>>, problems: Vec<Problem>) {
        let selected = self.firms.get(self.cursor).map(|r| r.code.clone());
        self.cohort = cohort;
        self.duplicates = crate::workshop::room::duplicates(&self.inst.questionnaire, &firms);
        self.firms = firms;
        self.problems = problems;
        if let Some(code) = selected
            && let Some(i) = self.firms.iter().position(|r| r.code == code)
        {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.firms.len().saturating_sub(1));
        self.problem_cursor = self
            .problem_cursor
            .min(self.problems.len().saturating_sub(1));
        if self.firms.is_empty() {
            self.detail = false;
        }
    }

    pub fn selected(&self) -> Option<&Arc<Response>> {
        self.firms.get(self.cursor)
    }

    /// Applies one action. Pure: nothing here touches the terminal or the disk.
    pub fn update(&mut self, action: Action) {
        let page = self.page.get().max(1) as isize;
        // A list cursor of `len` rows moved by `delta`, kept on the list.
        let step = |cursor: usize, len: usize, delta: isize| {
            let last = len.saturating_sub(1) as isize;
            (cursor as isize + delta).clamp(0, last) as usize
        };
        match action {
            Action::Quit => self.quit = true,
            Action::SwitchLang => self.lang = self.lang.other(),
            Action::NextTab | Action::PrevTab | Action::GoTab(_) => {
                let tabs = self.tabs();
                let i = tabs.iter().position(|t| *t == self.tab).unwrap_or(0);
                let n = tabs.len();
                let next = match action {
                    Action::NextTab => (i + 1) % n,
                    Action::PrevTab => (i + n - 1) % n,
                    Action::GoTab(k) => k.min(n - 1),
                    _ => i,
                };
                self.tab = tabs[next];
                self.detail = false;
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let delta = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -page,
                    _ => page,
                };
                match self.tab {
                    Tab::Firms => self.cursor = step(self.cursor, self.firms.len(), delta),
                    Tab::Problems => {
                        self.problem_cursor = step(self.problem_cursor, self.problems.len(), delta)
                    }
                    _ => {}
                }
            }
            Action::Confirm if self.tab == Tab::Firms && !self.firms.is_empty() => {
                self.detail = true
            }
            Action::Cancel => self.detail = false,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::{Lean, Rng, generate};
    use crate::domain::score::visibility;

    fn response(inst: &Instrument, code: &str, seed: u64) -> Arc<Response> {
        let q = &inst.questionnaire;
        let answers = generate(q, &mut Rng::new(seed), Lean::Any);
        Arc::new(Response {
            code: FirmCode::parse(code).expect("code"),
            visible: visibility(q, &answers),
            card: crate::domain::score(inst, &answers),
            answers,
            saved_at: None,
            dropped: 0,
        })
    }

    #[test]
    fn the_selected_firm_stays_selected_when_the_room_changes() {
        let inst = Instrument::builtin().expect("built-in");
        let mut d = Dashboard::new(inst.clone(), "T".into(), "K7MQ".into(), Lang::En, false);
        let a = response(&inst, "AAAAAA", 1);
        let c = response(&inst, "CCCCCC", 2);
        d.set_room(
            Cohort::build(&inst.questionnaire, []),
            vec![a.clone(), c.clone()],
            vec![],
        );
        d.update(Action::GoTab(3));
        assert_eq!(d.ctx(), Ctx::Firms);
        d.update(Action::Down);
        assert_eq!(d.selected().map(|r| r.code.as_str()), Some("CCCCCC"));
        // A new firm sorts in front of the selected one.
        let nine = response(&inst, "999999", 3);
        d.set_room(
            Cohort::build(&inst.questionnaire, []),
            vec![nine, a, c],
            vec![],
        );
        assert_eq!(d.selected().map(|r| r.code.as_str()), Some("CCCCCC"));
        d.update(Action::Confirm);
        assert_eq!(d.ctx(), Ctx::Firm);
        d.update(Action::Up);
        assert_eq!(d.selected().map(|r| r.code.as_str()), Some("AAAAAA"));
        d.update(Action::Cancel);
        assert_eq!(d.ctx(), Ctx::Firms);
        d.set_room(Cohort::build(&inst.questionnaire, []), vec![], vec![]);
        assert_eq!(d.cursor, 0);
        d.update(Action::Confirm);
        assert_eq!(d.ctx(), Ctx::Firms, "nothing to open");
    }

    #[test]
    fn tabs_cycle_and_jump() {
        let inst = Instrument::builtin().expect("built-in");
        let mut d = Dashboard::new(inst, "T".into(), "K7MQ".into(), Lang::Zh, false);
        d.update(Action::PrevTab);
        assert_eq!(d.tab, Tab::Problems);
        d.update(Action::NextTab);
        assert_eq!(d.tab, Tab::Room);
        d.update(Action::GoTab(2));
        assert_eq!(d.tab, Tab::Needs);
        d.update(Action::SwitchLang);
        assert_eq!(d.lang, Lang::En);
        d.update(Action::Quit);
        assert!(d.quit);
    }
}
