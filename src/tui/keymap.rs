//! The one keymap engine of every full-screen view, and the self-check's table: a table turns
//! keys into actions and draws the key-hint bar, so the two never disagree. The presenter's
//! and the dashboard's table (`workshop::keymap`) is read by the same engine.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::strings::S;
use crate::domain::Lang;

/// Where the keyboard focus is; each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Welcome,
    /// The welcome screen with the firm-name field focused: typing edits it.
    WelcomeText,
    /// A question answered by picking one item from a list.
    Choice,
    /// A multiple-choice question: Space ticks.
    Multi,
    /// A free-text question with an input field: every printable key types.
    Input,
    /// A number question with an input field: letters are free for "don't know" and "not
    /// applicable", as on a list.
    Number,
    Review,
    /// The results tabs that scroll: summary, plan, overview.
    Results,
    /// The ladder tab: ↑↓ choose a rung to read what it means.
    Ladder,
    /// The recommendations tab: ↑↓ choose one, Enter opens it.
    Recs,
    Detail,
    WhatIf,
    Help,
    Sections,
    ConfirmQuit,
    /// Choosing a report format.
    Export,
    /// Whether to replace a report file that exists.
    ConfirmReplace,
    /// Whether to leave the what-if sandbox without its changes, or to adopt them.
    ConfirmWhatIf,
    /// Typing words to find a question in the what-if sandbox.
    WhatIfFind,
}

impl Ctx {
    pub const ALL: [Ctx; 19] = [
        Ctx::Welcome,
        Ctx::WelcomeText,
        Ctx::Choice,
        Ctx::Multi,
        Ctx::Input,
        Ctx::Number,
        Ctx::Review,
        Ctx::Results,
        Ctx::Detail,
        Ctx::WhatIf,
        Ctx::Help,
        Ctx::Sections,
        Ctx::ConfirmQuit,
        Ctx::Export,
        Ctx::ConfirmReplace,
        Ctx::Ladder,
        Ctx::Recs,
        Ctx::ConfirmWhatIf,
        Ctx::WhatIfFind,
    ];
}

/// One key of a table: where it works, the key, what it does, and its hint.
pub struct Binding<C: 'static, A> {
    pub ctx: &'static [C],
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: A,
    /// Key label and what it does (zh, en), for the hint bar; `None` for alternative keys.
    pub hint: Option<(&'static str, S)>,
}

/// The action `table` binds to `key` in `ctx`: the first binding wins; Shift is ignored but
/// on BackTab; a key's release is no key.
pub fn lookup<C: PartialEq, A: Copy>(table: &[Binding<C, A>], ctx: C, key: KeyEvent) -> Option<A> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mods = key.modifiers - KeyModifiers::SHIFT;
    table
        .iter()
        .find(|b| {
            b.ctx.contains(&ctx)
                && b.code == key.code
                && (b.mods == mods || (b.code == BackTab && b.mods == key.modifiers))
        })
        .map(|b| b.action)
}

/// Ctrl-C pressed: every view leaves on it, whatever the context.
pub fn ctrl_c(key: KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.code == Char('c')
        && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// The hint bar entries `table` has for `ctx` and the actions `offered`: (key label, what it
/// does in `lang`), one per label.
pub fn hints_of<C: PartialEq, A: Copy>(
    table: &[Binding<C, A>],
    ctx: C,
    lang: Lang,
    offered: impl Fn(A) -> bool,
) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for b in table
        .iter()
        .filter(|b| b.ctx.contains(&ctx) && offered(b.action))
    {
        if let Some((key, what)) = b.hint
            && !out.iter().any(|(k, _)| *k == key)
        {
            out.push((key, what.get(lang)));
        }
    }
    out
}

const NONE: KeyModifiers = KeyModifiers::NONE;

/// A hint's words, zh and en.
macro_rules! s {
    ($zh:literal, $en:literal) => {
        $crate::tui::strings::S {
            zh: $zh,
            en: $en,
            en_many: $en,
        }
    };
}
pub(crate) use s;

use Ctx::*;
use KeyCode::*;

const LISTS: &[Ctx] = &[
    Welcome,
    WelcomeText,
    Choice,
    Multi,
    Review,
    Results,
    Ladder,
    Recs,
    Detail,
    WhatIf,
    Sections,
];

/// The results tabs: every one switches tabs, reviews, plays what-if, exports and quits.
const RESULTS: &[Ctx] = &[Results, Ladder, Recs];

#[rustfmt::skip]
pub static BINDINGS: &[Binding<Ctx, Action>] = &[
    Binding { ctx: &[Choice, Multi], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", s!("移动", "move"))) },
    Binding { ctx: &[Welcome, WelcomeText, Review, Sections, WhatIf], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", s!("移动", "move"))) },
    Binding { ctx: &[Recs], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", s!("选择", "select"))) },
    Binding { ctx: &[Ladder], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", s!("看各级含义", "read each rung"))) },
    Binding { ctx: &[Results, Detail], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", s!("滚动", "scroll"))) },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Choice, Multi, Sections], code: PageUp, mods: NONE, action: Action::PageUp, hint: Some(("PgUp/PgDn", s!("翻页", "page"))) },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Choice, Multi, Sections], code: PageDown, mods: NONE, action: Action::PageDown, hint: None },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Ladder, Recs, Choice, Multi, Sections], code: Home, mods: NONE, action: Action::Home, hint: None },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Ladder, Recs, Choice, Multi, Sections], code: End, mods: NONE, action: Action::End, hint: None },
    Binding { ctx: LISTS, code: Down, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Choice, Multi, Review, Sections, Results, Ladder, Recs, Detail, WhatIf], code: Char('k'), mods: NONE, action: Action::Up, hint: None },
    Binding { ctx: &[Choice, Multi, Review, Sections, Results, Ladder, Recs, Detail, WhatIf], code: Char('j'), mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Input, Number], code: Up, mods: NONE, action: Action::Back, hint: None },
    Binding { ctx: &[Input, Number], code: Down, mods: NONE, action: Action::Skip, hint: None },
    Binding { ctx: &[Welcome], code: Left, mods: NONE, action: Action::Left, hint: Some(("←→", s!("切换选项", "change"))) },
    Binding { ctx: &[Welcome], code: Right, mods: NONE, action: Action::Right, hint: None },
    Binding { ctx: &[Welcome, WelcomeText], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("确定", "select"))) },
    Binding { ctx: &[Welcome, WelcomeText], code: Tab, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Welcome, WelcomeText], code: F(2), mods: NONE, action: Action::SwitchLang, hint: Some(("F2", s!("English", "中文"))) },
    Binding { ctx: &[Choice], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("选定并继续", "choose, go on"))) },
    Binding { ctx: &[Multi], code: Char(' '), mods: NONE, action: Action::Toggle, hint: Some(("Space", s!("勾选/取消", "tick/untick"))) },
    Binding { ctx: &[Multi], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("继续", "go on"))) },
    Binding { ctx: &[Choice], code: Char(' '), mods: NONE, action: Action::Toggle, hint: None },
    Binding { ctx: &[Input, Number], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("保存并继续", "save, go on"))) },
    Binding { ctx: &[Choice], code: Char('-'), mods: NONE, action: Action::NoTicks, hint: None },
    Binding { ctx: &[Choice, Multi, Number], code: Char('d'), mods: NONE, action: Action::DontKnow, hint: Some(("d", s!("不清楚", "don't know"))) },
    Binding { ctx: &[Choice, Multi, Number], code: Char('n'), mods: NONE, action: Action::NotApplicable, hint: Some(("n", s!("不适用", "not applicable"))) },
    Binding { ctx: &[Choice, Multi], code: Left, mods: NONE, action: Action::Back, hint: Some(("←", s!("上一题", "back"))) },
    Binding { ctx: &[Choice, Multi], code: Backspace, mods: NONE, action: Action::Back, hint: None },
    Binding { ctx: &[Choice, Multi], code: Right, mods: NONE, action: Action::Skip, hint: Some(("→", s!("跳过", "skip"))) },
    Binding { ctx: &[Input, Number], code: PageUp, mods: NONE, action: Action::Back, hint: Some(("↑/PgUp", s!("上一题", "back"))) },
    Binding { ctx: &[Input, Number], code: PageDown, mods: NONE, action: Action::Skip, hint: Some(("↓/PgDn", s!("跳过", "skip"))) },
    Binding { ctx: &[Choice, Multi], code: Char('?'), mods: NONE, action: Action::Help, hint: Some(("?", s!("说明", "help"))) },
    Binding { ctx: &[Choice, Multi, Input, Number], code: F(1), mods: NONE, action: Action::Help, hint: None },
    Binding { ctx: &[Input, Number], code: F(1), mods: NONE, action: Action::Help, hint: Some(("F1", s!("说明", "help"))) },
    Binding { ctx: &[Choice, Multi], code: Char('s'), mods: NONE, action: Action::Sections, hint: Some(("s", s!("章节", "sections"))) },
    Binding { ctx: &[Input, Number], code: F(3), mods: NONE, action: Action::Sections, hint: Some(("F3", s!("章节", "sections"))) },
    Binding { ctx: &[Choice, Multi, Results, Ladder, Recs], code: Char('r'), mods: NONE, action: Action::Review, hint: Some(("r", s!("检查", "review"))) },
    Binding { ctx: &[Input, Number], code: F(4), mods: NONE, action: Action::Review, hint: Some(("F4", s!("检查", "review"))) },
    Binding { ctx: &[Review], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("去改这题", "edit"))) },
    Binding { ctx: &[Review], code: Char('f'), mods: NONE, action: Action::Finish, hint: Some(("f", s!("完成，看结果", "finish, see results"))) },
    Binding { ctx: RESULTS, code: Tab, mods: NONE, action: Action::NextTab, hint: Some(("Tab/←→", s!("切换页", "tabs"))) },
    Binding { ctx: RESULTS, code: Right, mods: NONE, action: Action::NextTab, hint: None },
    Binding { ctx: RESULTS, code: Left, mods: NONE, action: Action::PrevTab, hint: None },
    Binding { ctx: RESULTS, code: BackTab, mods: KeyModifiers::SHIFT, action: Action::PrevTab, hint: None },
    Binding { ctx: &[Recs], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("详情", "details"))) },
    Binding { ctx: RESULTS, code: Char('w'), mods: NONE, action: Action::WhatIf, hint: Some(("w", s!("假设", "what if"))) },
    Binding { ctx: RESULTS, code: Char('e'), mods: NONE, action: Action::Export, hint: Some(("e", s!("导出", "export"))) },
    Binding { ctx: &[WhatIf], code: Left, mods: NONE, action: Action::Left, hint: Some(("←→", s!("改答案", "change answer"))) },
    Binding { ctx: &[WhatIf], code: Right, mods: NONE, action: Action::Right, hint: None },
    Binding { ctx: &[WhatIf], code: Char(' '), mods: NONE, action: Action::Toggle, hint: None },
    Binding { ctx: &[WhatIf], code: Char('/'), mods: NONE, action: Action::Find, hint: Some(("/", s!("找题", "find"))) },
    Binding { ctx: &[WhatIfFind], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("下一个", "next match"))) },
    Binding { ctx: &[WhatIfFind], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", s!("结束查找", "stop finding"))) },
    Binding { ctx: &[WhatIf], code: Char('c'), mods: NONE, action: Action::Commit, hint: Some(("c", s!("采用并保存…", "adopt and save…"))) },
    Binding { ctx: &[WhatIf], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", s!("离开…", "leave…"))) },
    Binding { ctx: &[Detail, Sections, Review], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", s!("返回", "back"))) },
    Binding { ctx: &[Detail], code: Left, mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Detail], code: Backspace, mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Sections], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("跳到该章", "go there"))) },
    Binding { ctx: &[Help], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", s!("关闭", "close"))) },
    Binding { ctx: &[Help], code: Char('?'), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Help], code: F(1), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Help, Sections], code: Char('q'), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Export], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", s!("选择格式", "choose format"))) },
    Binding { ctx: &[Export], code: Down, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Export], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", s!("导出", "export"))) },
    Binding { ctx: &[Export], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", s!("取消", "cancel"))) },
    Binding { ctx: &[ConfirmQuit], code: Char('y'), mods: NONE, action: Action::Yes, hint: Some(("y", s!("退出", "quit"))) },
    Binding { ctx: &[ConfirmQuit], code: Enter, mods: NONE, action: Action::Yes, hint: None },
    Binding { ctx: &[ConfirmQuit], code: Char('n'), mods: NONE, action: Action::No, hint: Some(("n", s!("继续", "stay"))) },
    Binding { ctx: &[ConfirmQuit], code: Esc, mods: NONE, action: Action::No, hint: None },
    Binding { ctx: &[ConfirmReplace], code: Char('y'), mods: NONE, action: Action::Yes, hint: Some(("y", s!("替换", "replace"))) },
    Binding { ctx: &[ConfirmReplace], code: Enter, mods: NONE, action: Action::Yes, hint: None },
    Binding { ctx: &[ConfirmReplace], code: Char('n'), mods: NONE, action: Action::No, hint: Some(("n", s!("取消", "cancel"))) },
    Binding { ctx: &[ConfirmReplace], code: Esc, mods: NONE, action: Action::No, hint: None },
    Binding { ctx: &[ConfirmWhatIf], code: Char('y'), mods: NONE, action: Action::Yes, hint: Some(("y", s!("是", "yes"))) },
    Binding { ctx: &[ConfirmWhatIf], code: Char('n'), mods: NONE, action: Action::No, hint: Some(("n", s!("否，留在假设里", "no, stay in what-if"))) },
    Binding { ctx: &[ConfirmWhatIf], code: Esc, mods: NONE, action: Action::No, hint: None },
    Binding { ctx: &[Welcome, Choice, Multi, Review, Results, Ladder, Recs], code: Char('q'), mods: NONE, action: Action::Quit, hint: Some(("q", s!("退出", "quit"))) },
    Binding { ctx: &[Welcome, WelcomeText, Choice, Multi, Input, Number, Results, Ladder, Recs], code: Esc, mods: NONE, action: Action::Quit, hint: None },
    Binding { ctx: &[Input, Number, WelcomeText], code: Esc, mods: NONE, action: Action::Quit, hint: Some(("Esc", s!("退出", "quit"))) },
];

/// The action for a key in a context. Digits pick options; in an input field, keys not bound
/// here edit the field.
pub fn action_for(ctx: Ctx, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if ctrl_c(key) {
        return Some(Action::ForceQuit);
    }
    if let Some(action) = lookup(BINDINGS, ctx, key) {
        return Some(action);
    }
    match (ctx, key.code) {
        (Choice | Multi | Export, Char(c))
            if c.is_ascii_digit() && key.modifiers - KeyModifiers::SHIFT == NONE =>
        {
            c.to_digit(10).map(|d| Action::Pick(d as usize))
        }
        (Input, _) | (Number, _) | (WelcomeText, _) | (WhatIfFind, _) => {
            tui_input::backend::crossterm::to_input_request(&ratatui::crossterm::event::Event::Key(
                key,
            ))
            .map(Action::Edit)
        }
        _ => None,
    }
}

/// The hint bar entries for a context: (key label, description).
pub fn hints(
    ctx: Ctx,
    lang: Lang,
    offered: impl Fn(Action) -> bool,
) -> Vec<(&'static str, &'static str)> {
    let mut out = hints_of(BINDINGS, ctx, lang, offered);
    if matches!(ctx, Choice | Multi) {
        out.insert(2, ("1-9,0", s!("直接选", "pick").get(lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, NONE)
    }

    #[test]
    fn every_context_has_hints_and_a_way_out() {
        for ctx in Ctx::ALL {
            assert!(
                !hints(ctx, Lang::En, |_| true).is_empty(),
                "{ctx:?} has no hints"
            );
            let leaves = [Action::Quit, Action::Cancel, Action::No, Action::Yes];
            assert!(
                BINDINGS
                    .iter()
                    .any(|b| b.ctx.contains(&ctx) && leaves.contains(&b.action)),
                "{ctx:?} has no key to leave it"
            );
        }
    }

    #[test]
    fn digits_pick_and_typing_edits() {
        assert_eq!(action_for(Choice, key(Char('3'))), Some(Action::Pick(3)));
        assert!(matches!(
            action_for(Input, key(Char('3'))),
            Some(Action::Edit(_))
        ));
        assert_eq!(action_for(Input, key(Enter)), Some(Action::Confirm));
        assert_eq!(
            action_for(Choice, KeyEvent::new(Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn dont_know_and_not_applicable_have_one_key_everywhere_they_are_offered() {
        for ctx in [Choice, Multi, Number] {
            assert_eq!(
                action_for(ctx, key(Char('d'))),
                Some(Action::DontKnow),
                "{ctx:?}"
            );
            assert_eq!(
                action_for(ctx, key(Char('n'))),
                Some(Action::NotApplicable),
                "{ctx:?}"
            );
        }
        // In free text the letters type.
        assert!(matches!(
            action_for(Input, key(Char('d'))),
            Some(Action::Edit(_))
        ));
        // Zero picks the tenth option, never "don't know".
        assert_eq!(action_for(Choice, key(Char('0'))), Some(Action::Pick(0)));
    }

    #[test]
    fn hint_keys_are_bound() {
        for b in BINDINGS.iter().filter(|b| b.hint.is_some()) {
            for ctx in b.ctx {
                let got = action_for(*ctx, KeyEvent::new(b.code, b.mods));
                assert_eq!(got, Some(b.action), "{:?} in {ctx:?}", b.code);
            }
        }
    }
}
