//! The key table of the presenter view and the room dashboard, read by the one keymap engine
//! (`tui::keymap`) that turns keys into actions and draws the hint bar.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::Lang;
use crate::tui::keymap::{Binding, ctrl_c, hints_of, lookup, s};

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

macro_rules! bind {
    ($ctx:expr, $code:expr, $action:expr) => {
        Binding {
            ctx: $ctx,
            code: $code,
            mods: NONE,
            action: $action,
            hint: None,
        }
    };
    ($ctx:expr, $code:expr, $action:expr, $key:literal, $zh:literal, $en:literal) => {
        Binding {
            ctx: $ctx,
            code: $code,
            mods: NONE,
            action: $action,
            hint: Some(($key, s!($zh, $en))),
        }
    };
}

use Ctx::*;
use KeyCode::*;

const DASH: &[Ctx] = &[Room, Firms, Firm, Problems];
const LISTS: &[Ctx] = &[Firms, Problems, Sections];

pub static BINDINGS: &[Binding<Ctx, Action>] = &[
    // Presenter: a clicker sends ←/→ or PageUp/PageDown.
    bind!(
        &[Present],
        Left,
        Action::Prev,
        "←→",
        "上一题/下一题",
        "question"
    ),
    bind!(&[Present], Right, Action::Next),
    bind!(&[Present], PageUp, Action::Prev),
    bind!(&[Present], PageDown, Action::Next),
    bind!(&[Present], Char(' '), Action::Next),
    bind!(&[Present], Home, Action::First),
    bind!(&[Present], End, Action::Last),
    bind!(
        &[Present],
        Char('r'),
        Action::Reveal,
        "r",
        "揭晓/隐藏分布",
        "reveal/hide answers"
    ),
    bind!(
        &[Present],
        Char('n'),
        Action::ToggleNote,
        "n",
        "主持人备注",
        "facilitator note"
    ),
    bind!(&[Present], Char('w'), Action::Wall, "w", "心愿墙", "wishes"),
    bind!(
        &[Present],
        Char('t'),
        Action::Timer,
        "t",
        "计时开始/停止",
        "timer start/stop"
    ),
    bind!(
        &[Present],
        Char('s'),
        Action::Sections,
        "s",
        "章节",
        "sections"
    ),
    // Lists.
    bind!(LISTS, Up, Action::Up, "↑↓", "选择", "select"),
    bind!(LISTS, Down, Action::Down),
    bind!(LISTS, Char('k'), Action::Up),
    bind!(LISTS, Char('j'), Action::Down),
    bind!(&[Firms, Problems], PageUp, Action::PageUp),
    bind!(&[Firms, Problems], PageDown, Action::PageDown),
    bind!(
        &[Firm],
        Up,
        Action::Up,
        "↑↓",
        "上一家/下一家",
        "previous/next firm"
    ),
    bind!(&[Firm], Down, Action::Down),
    bind!(
        &[Sections],
        Enter,
        Action::Confirm,
        "Enter",
        "跳到该章",
        "go there"
    ),
    bind!(
        &[Firms],
        Enter,
        Action::Confirm,
        "Enter",
        "查看结果",
        "results"
    ),
    bind!(&[Sections], Esc, Action::Cancel, "Esc", "关闭", "close"),
    bind!(&[Sections], Char('s'), Action::Cancel),
    bind!(&[Sections], Char('q'), Action::Cancel),
    bind!(
        &[Firm],
        Esc,
        Action::Cancel,
        "Esc",
        "返回列表",
        "back to the list"
    ),
    bind!(&[Firm], Backspace, Action::Cancel),
    // Dashboard tabs.
    bind!(DASH, Tab, Action::NextTab, "Tab", "切换页", "next tab"),
    bind!(&[Room, Firms, Problems], Right, Action::NextTab),
    bind!(&[Room, Firms, Problems], Left, Action::PrevTab),
    Binding {
        ctx: DASH,
        code: BackTab,
        mods: KeyModifiers::SHIFT,
        action: Action::PrevTab,
        hint: None,
    },
    // Their hint, "1-5" or "1-6", comes from the live tab count (see `hints`).
    bind!(DASH, Char('1'), Action::GoTab(0)),
    bind!(DASH, Char('2'), Action::GoTab(1)),
    bind!(DASH, Char('3'), Action::GoTab(2)),
    bind!(DASH, Char('4'), Action::GoTab(3)),
    bind!(DASH, Char('5'), Action::GoTab(4)),
    // A follow-up room's sixth tab, the change since the earlier room.
    bind!(DASH, Char('6'), Action::GoTab(5)),
    // Both.
    bind!(
        &[Present, Room, Firms, Firm, Problems],
        F(2),
        Action::SwitchLang,
        "F2",
        "English",
        "中文"
    ),
    bind!(
        &[Present, Room, Firms, Firm, Problems],
        Char('q'),
        Action::Quit,
        "q",
        "退出",
        "quit"
    ),
    bind!(&[Present, Room, Firms, Problems], Esc, Action::Quit),
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
        out.insert(at, (keys, s!("直接切换页", "go to tab").get(lang)));
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
