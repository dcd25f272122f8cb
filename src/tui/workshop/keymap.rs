//! The key table of the presenter view and the room dashboard, read by the one keymap engine
//! (`tui::keymap`) that turns keys into actions and draws the hint bar.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::Lang;
use crate::tui::keymap::{Binding, ctrl_c, hints_of, lookup};
use crate::tui::strings as st;

/// What a key asks the presenter or the dashboard to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Prev,
    First,
    Last,
    Up,
    Down,
    PageUp,
    PageDown,
    ToggleNote,
    Reveal,
    Sections,
    Timer,
    /// The wall of the room's free-text wishes.
    Wall,
    Confirm,
    Cancel,
    NextTab,
    PrevTab,
    GoTab(usize),
    SwitchLang,
    Quit,
}

/// Where the keyboard focus is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The presenter, one question on screen.
    Present,
    /// The presenter's section overview.
    Sections,
    /// A dashboard tab without a list.
    Room,
    /// The dashboard's list of firms.
    Firms,
    /// One firm's results on the dashboard.
    Firm,
    /// The dashboard's list of problem files.
    Problems,
}

const NONE: KeyModifiers = KeyModifiers::NONE;

use Ctx::*;
use KeyCode::*;

const DASH: &[Ctx] = &[Room, Firms, Firm, Problems];
const LISTS: &[Ctx] = &[Firms, Problems, Sections];

#[rustfmt::skip]
pub static BINDINGS: &[Binding<Ctx, Action>] = &[
    // Presenter: a clicker sends ←/→ or PageUp/PageDown.
    Binding { ctx: &[Present], code: Left, mods: NONE, action: Action::Prev, hint: Some(("←→", st::KEY_QUESTION_STEP)) },
    Binding { ctx: &[Present], code: Right, mods: NONE, action: Action::Next, hint: None },
    Binding { ctx: &[Present], code: PageUp, mods: NONE, action: Action::Prev, hint: None },
    Binding { ctx: &[Present], code: PageDown, mods: NONE, action: Action::Next, hint: None },
    Binding { ctx: &[Present], code: Char(' '), mods: NONE, action: Action::Next, hint: None },
    Binding { ctx: &[Present], code: Home, mods: NONE, action: Action::First, hint: None },
    Binding { ctx: &[Present], code: End, mods: NONE, action: Action::Last, hint: None },
    Binding { ctx: &[Present], code: Char('r'), mods: NONE, action: Action::Reveal, hint: Some(("r", st::KEY_REVEAL)) },
    Binding { ctx: &[Present], code: Char('n'), mods: NONE, action: Action::ToggleNote, hint: Some(("n", st::KEY_NOTE)) },
    Binding { ctx: &[Present], code: Char('w'), mods: NONE, action: Action::Wall, hint: Some(("w", st::KEY_WALL)) },
    Binding { ctx: &[Present], code: Char('t'), mods: NONE, action: Action::Timer, hint: Some(("t", st::KEY_TIMER)) },
    Binding { ctx: &[Present], code: Char('s'), mods: NONE, action: Action::Sections, hint: Some(("s", st::KEY_SECTIONS)) },
    // Lists.
    Binding { ctx: LISTS, code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_SELECT)) },
    Binding { ctx: LISTS, code: Down, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: LISTS, code: Char('k'), mods: NONE, action: Action::Up, hint: None },
    Binding { ctx: LISTS, code: Char('j'), mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Firms, Problems], code: PageUp, mods: NONE, action: Action::PageUp, hint: None },
    Binding { ctx: &[Firms, Problems], code: PageDown, mods: NONE, action: Action::PageDown, hint: None },
    Binding { ctx: &[Firm], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_FIRM_STEP)) },
    Binding { ctx: &[Firm], code: Down, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Sections], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_GO_THERE)) },
    Binding { ctx: &[Firms], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_RESULTS)) },
    Binding { ctx: &[Sections], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_CLOSE)) },
    Binding { ctx: &[Sections], code: Char('s'), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Sections], code: Char('q'), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Firm], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_BACK_TO_LIST)) },
    Binding { ctx: &[Firm], code: Backspace, mods: NONE, action: Action::Cancel, hint: None },
    // Dashboard tabs.
    Binding { ctx: DASH, code: Tab, mods: NONE, action: Action::NextTab, hint: Some(("Tab", st::KEY_NEXT_TAB)) },
    Binding { ctx: &[Room, Firms, Problems], code: Right, mods: NONE, action: Action::NextTab, hint: None },
    Binding { ctx: &[Room, Firms, Problems], code: Left, mods: NONE, action: Action::PrevTab, hint: None },
    Binding { ctx: DASH, code: BackTab, mods: KeyModifiers::SHIFT, action: Action::PrevTab, hint: None },
    // Their hint, "1-5" or "1-6", comes from the live tab count (see `hints`).
    Binding { ctx: DASH, code: Char('1'), mods: NONE, action: Action::GoTab(0), hint: None },
    Binding { ctx: DASH, code: Char('2'), mods: NONE, action: Action::GoTab(1), hint: None },
    Binding { ctx: DASH, code: Char('3'), mods: NONE, action: Action::GoTab(2), hint: None },
    Binding { ctx: DASH, code: Char('4'), mods: NONE, action: Action::GoTab(3), hint: None },
    Binding { ctx: DASH, code: Char('5'), mods: NONE, action: Action::GoTab(4), hint: None },
    // A follow-up room's sixth tab, the change since the earlier room.
    Binding { ctx: DASH, code: Char('6'), mods: NONE, action: Action::GoTab(5), hint: None },
    // Both.
    Binding { ctx: &[Present, Room, Firms, Firm, Problems], code: F(2), mods: NONE, action: Action::SwitchLang, hint: Some(("F2", st::KEY_OTHER_LANG)) },
    Binding { ctx: &[Present, Room, Firms, Firm, Problems], code: Char('q'), mods: NONE, action: Action::Quit, hint: Some(("q", st::KEY_QUIT)) },
    Binding { ctx: &[Present, Room, Firms, Problems], code: Esc, mods: NONE, action: Action::Quit, hint: None },
];

/// The action for a key in a context; Ctrl-C always quits.
pub fn action_for(ctx: Ctx, key: KeyEvent) -> Option<Action> {
    if ctrl_c(key) {
        return Some(Action::Quit);
    }
    lookup(BINDINGS, ctx, key)
}

/// The digit keys of a dashboard with `tabs` tabs, as the hint bar shows them.
const TAB_KEYS: [&str; 6] = ["1", "1-2", "1-3", "1-4", "1-5", "1-6"];

/// The hint bar entries for a context: (key label, what it does); on the dashboard, the digit
/// keys of its `tabs` tabs as they are now.
pub fn hints(ctx: Ctx, lang: Lang, tabs: usize) -> Vec<(&'static str, &'static str)> {
    let mut out = hints_of(BINDINGS, ctx, lang, |_| true);
    if DASH.contains(&ctx)
        && let Some(keys) = TAB_KEYS.get(tabs.wrapping_sub(1))
    {
        let at = out
            .iter()
            .position(|(k, _)| *k == "Tab")
            .map_or(0, |i| i + 1);
        out.insert(at, (keys, st::KEY_GO_TO_TAB.get(lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Ctx; 6] = [Present, Sections, Room, Firms, Firm, Problems];

    #[test]
    fn every_context_has_hints_and_a_way_out() {
        for ctx in ALL {
            assert!(!hints(ctx, Lang::En, 5).is_empty(), "{ctx:?} has no hints");
            assert!(
                BINDINGS
                    .iter()
                    .any(|b| b.ctx.contains(&ctx)
                        && matches!(b.action, Action::Quit | Action::Cancel)),
                "{ctx:?} has no key to leave it"
            );
        }
    }

    #[test]
    fn hint_keys_are_bound_and_the_first_binding_wins() {
        for b in BINDINGS.iter().filter(|b| b.hint.is_some()) {
            for ctx in b.ctx {
                let got = action_for(*ctx, KeyEvent::new(b.code, b.mods));
                assert_eq!(got, Some(b.action), "{:?} in {ctx:?}", b.code);
            }
        }
    }

    #[test]
    fn the_tab_keys_hint_follows_the_live_tab_count() {
        let label = |ctx, tabs| {
            hints(ctx, Lang::En, tabs)
                .into_iter()
                .find(|(_, what)| *what == "go to tab")
                .map(|(key, _)| key)
        };
        assert_eq!(label(Room, 5), Some("1-5"));
        // A follow-up room has a sixth tab, the change, and its key.
        assert_eq!(label(Firms, 6), Some("1-6"));
        assert_eq!(
            action_for(Firms, KeyEvent::new(Char('6'), NONE)),
            Some(Action::GoTab(5))
        );
        assert_eq!(label(Present, 0), None);
    }

    #[test]
    fn the_presenter_keys_of_the_issue() {
        let k = |c| action_for(Present, KeyEvent::new(c, NONE));
        assert_eq!(k(Right), Some(Action::Next));
        assert_eq!(k(Left), Some(Action::Prev));
        assert_eq!(k(Char('n')), Some(Action::ToggleNote));
        assert_eq!(k(Char('r')), Some(Action::Reveal));
        assert_eq!(k(Char('s')), Some(Action::Sections));
        assert_eq!(k(Char('t')), Some(Action::Timer));
        assert_eq!(
            action_for(Room, KeyEvent::new(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }
}
