//! The one keymap engine of every full-screen view, and the self-check's table: a table turns
//! keys into actions and draws the key-hint bar, so the two never disagree. The presenter's
//! and the dashboard's table (`workshop::keymap`) is read by the same engine.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::strings as st;
use crate::domain::Lang;
use crate::domain::text::Bilingual;

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
    /// Key label and what it does, for the hint bar; `None` for alternative keys.
    pub hint: Option<(&'static str, Bilingual)>,
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
    Binding { ctx: &[Choice, Multi], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_MOVE)) },
    Binding { ctx: &[Welcome, WelcomeText, Review, Sections, WhatIf], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_MOVE)) },
    Binding { ctx: &[Recs], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_SELECT)) },
    Binding { ctx: &[Ladder], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_RUNGS)) },
    Binding { ctx: &[Results, Detail], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_SCROLL)) },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Choice, Multi, Sections], code: PageUp, mods: NONE, action: Action::PageUp, hint: Some(("PgUp/PgDn", st::KEY_PAGE)) },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Choice, Multi, Sections], code: PageDown, mods: NONE, action: Action::PageDown, hint: None },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Ladder, Recs, Choice, Multi, Sections], code: Home, mods: NONE, action: Action::Home, hint: None },
    Binding { ctx: &[Results, Detail, Review, WhatIf, Ladder, Recs, Choice, Multi, Sections], code: End, mods: NONE, action: Action::End, hint: None },
    Binding { ctx: LISTS, code: Down, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Choice, Multi, Review, Sections, Results, Ladder, Recs, Detail, WhatIf], code: Char('k'), mods: NONE, action: Action::Up, hint: None },
    Binding { ctx: &[Choice, Multi, Review, Sections, Results, Ladder, Recs, Detail, WhatIf], code: Char('j'), mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Input, Number], code: Up, mods: NONE, action: Action::Back, hint: None },
    Binding { ctx: &[Input, Number], code: Down, mods: NONE, action: Action::Skip, hint: None },
    Binding { ctx: &[Welcome], code: Left, mods: NONE, action: Action::Left, hint: Some(("←→", st::KEY_CHANGE)) },
    Binding { ctx: &[Welcome], code: Right, mods: NONE, action: Action::Right, hint: None },
    Binding { ctx: &[Welcome, WelcomeText], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_OK)) },
    Binding { ctx: &[Welcome, WelcomeText], code: Tab, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Welcome, WelcomeText], code: F(2), mods: NONE, action: Action::SwitchLang, hint: Some(("F2", st::KEY_OTHER_LANG)) },
    Binding { ctx: &[Choice], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_CHOOSE_GO_ON)) },
    Binding { ctx: &[Multi], code: Char(' '), mods: NONE, action: Action::Toggle, hint: Some(("Space", st::KEY_TICK)) },
    Binding { ctx: &[Multi], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_GO_ON)) },
    Binding { ctx: &[Choice], code: Char(' '), mods: NONE, action: Action::Toggle, hint: None },
    Binding { ctx: &[Input, Number], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_SAVE_GO_ON)) },
    Binding { ctx: &[Choice], code: Char('-'), mods: NONE, action: Action::NoTicks, hint: None },
    Binding { ctx: &[Choice, Multi, Number], code: Char('d'), mods: NONE, action: Action::DontKnow, hint: Some(("d", st::KEY_DONT_KNOW)) },
    Binding { ctx: &[Choice, Multi, Number], code: Char('n'), mods: NONE, action: Action::NotApplicable, hint: Some(("n", st::KEY_NOT_APPLICABLE)) },
    Binding { ctx: &[Choice, Multi], code: Left, mods: NONE, action: Action::Back, hint: Some(("←", st::KEY_BACK)) },
    Binding { ctx: &[Choice, Multi], code: Backspace, mods: NONE, action: Action::Back, hint: None },
    Binding { ctx: &[Choice, Multi], code: Right, mods: NONE, action: Action::Skip, hint: Some(("→", st::KEY_SKIP)) },
    Binding { ctx: &[Input, Number], code: PageUp, mods: NONE, action: Action::Back, hint: Some(("↑/PgUp", st::KEY_BACK)) },
    Binding { ctx: &[Input, Number], code: PageDown, mods: NONE, action: Action::Skip, hint: Some(("↓/PgDn", st::KEY_SKIP)) },
    Binding { ctx: &[Choice, Multi], code: Char('?'), mods: NONE, action: Action::Help, hint: Some(("?", st::KEY_HELP)) },
    Binding { ctx: &[Choice, Multi, Input, Number], code: F(1), mods: NONE, action: Action::Help, hint: None },
    Binding { ctx: &[Input, Number], code: F(1), mods: NONE, action: Action::Help, hint: Some(("F1", st::KEY_HELP)) },
    Binding { ctx: &[Choice, Multi], code: Char('s'), mods: NONE, action: Action::Sections, hint: Some(("s", st::KEY_SECTIONS)) },
    Binding { ctx: &[Input, Number], code: F(3), mods: NONE, action: Action::Sections, hint: Some(("F3", st::KEY_SECTIONS)) },
    Binding { ctx: &[Choice, Multi, Results, Ladder, Recs], code: Char('r'), mods: NONE, action: Action::Review, hint: Some(("r", st::KEY_REVIEW)) },
    Binding { ctx: &[Input, Number], code: F(4), mods: NONE, action: Action::Review, hint: Some(("F4", st::KEY_REVIEW)) },
    Binding { ctx: &[Review], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_EDIT)) },
    Binding { ctx: &[Review], code: Char('f'), mods: NONE, action: Action::Finish, hint: Some(("f", st::KEY_FINISH)) },
    Binding { ctx: RESULTS, code: Tab, mods: NONE, action: Action::NextTab, hint: Some(("Tab/←→", st::KEY_TABS)) },
    Binding { ctx: RESULTS, code: Right, mods: NONE, action: Action::NextTab, hint: None },
    Binding { ctx: RESULTS, code: Left, mods: NONE, action: Action::PrevTab, hint: None },
    Binding { ctx: RESULTS, code: BackTab, mods: KeyModifiers::SHIFT, action: Action::PrevTab, hint: None },
    Binding { ctx: &[Recs], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_DETAILS)) },
    Binding { ctx: RESULTS, code: Char('w'), mods: NONE, action: Action::WhatIf, hint: Some(("w", st::KEY_WHATIF)) },
    Binding { ctx: RESULTS, code: Char('e'), mods: NONE, action: Action::Export, hint: Some(("e", st::KEY_EXPORT)) },
    Binding { ctx: &[WhatIf], code: Left, mods: NONE, action: Action::Left, hint: Some(("←→", st::KEY_CHANGE_ANSWER)) },
    Binding { ctx: &[WhatIf], code: Right, mods: NONE, action: Action::Right, hint: None },
    Binding { ctx: &[WhatIf], code: Char(' '), mods: NONE, action: Action::Toggle, hint: None },
    Binding { ctx: &[WhatIf], code: Char('/'), mods: NONE, action: Action::Find, hint: Some(("/", st::KEY_FIND)) },
    Binding { ctx: &[WhatIfFind], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_NEXT_MATCH)) },
    Binding { ctx: &[WhatIfFind], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_STOP_FIND)) },
    Binding { ctx: &[WhatIf], code: Char('c'), mods: NONE, action: Action::Commit, hint: Some(("c", st::KEY_ADOPT)) },
    Binding { ctx: &[WhatIf], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_LEAVE)) },
    Binding { ctx: &[Detail, Sections, Review], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_RETURN)) },
    Binding { ctx: &[Detail], code: Left, mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Detail], code: Backspace, mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Sections], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_GO_THERE)) },
    Binding { ctx: &[Help], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_CLOSE)) },
    Binding { ctx: &[Help], code: Char('?'), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Help], code: F(1), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Help, Sections], code: Char('q'), mods: NONE, action: Action::Cancel, hint: None },
    Binding { ctx: &[Export], code: Up, mods: NONE, action: Action::Up, hint: Some(("↑↓", st::KEY_FORMAT)) },
    Binding { ctx: &[Export], code: Down, mods: NONE, action: Action::Down, hint: None },
    Binding { ctx: &[Export], code: Enter, mods: NONE, action: Action::Confirm, hint: Some(("Enter", st::KEY_EXPORT)) },
    Binding { ctx: &[Export], code: Esc, mods: NONE, action: Action::Cancel, hint: Some(("Esc", st::KEY_CANCEL)) },
    Binding { ctx: &[ConfirmQuit], code: Char('y'), mods: NONE, action: Action::Yes, hint: Some(("y", st::KEY_QUIT)) },
    Binding { ctx: &[ConfirmQuit], code: Enter, mods: NONE, action: Action::Yes, hint: None },
    Binding { ctx: &[ConfirmQuit], code: Char('n'), mods: NONE, action: Action::No, hint: Some(("n", st::KEY_STAY)) },
    Binding { ctx: &[ConfirmQuit], code: Esc, mods: NONE, action: Action::No, hint: None },
    Binding { ctx: &[ConfirmReplace], code: Char('y'), mods: NONE, action: Action::Yes, hint: Some(("y", st::KEY_REPLACE)) },
    Binding { ctx: &[ConfirmReplace], code: Enter, mods: NONE, action: Action::Yes, hint: None },
    Binding { ctx: &[ConfirmReplace], code: Char('n'), mods: NONE, action: Action::No, hint: Some(("n", st::KEY_CANCEL)) },
    Binding { ctx: &[ConfirmReplace], code: Esc, mods: NONE, action: Action::No, hint: None },
    Binding { ctx: &[ConfirmWhatIf], code: Char('y'), mods: NONE, action: Action::Yes, hint: Some(("y", st::KEY_YES)) },
    Binding { ctx: &[ConfirmWhatIf], code: Char('n'), mods: NONE, action: Action::No, hint: Some(("n", st::KEY_STAY_WHATIF)) },
    Binding { ctx: &[ConfirmWhatIf], code: Esc, mods: NONE, action: Action::No, hint: None },
    Binding { ctx: &[Welcome, Choice, Multi, Review, Results, Ladder, Recs], code: Char('q'), mods: NONE, action: Action::Quit, hint: Some(("q", st::KEY_QUIT)) },
    Binding { ctx: &[Welcome, WelcomeText, Choice, Multi, Input, Number, Results, Ladder, Recs], code: Esc, mods: NONE, action: Action::Quit, hint: None },
    Binding { ctx: &[Input, Number, WelcomeText], code: Esc, mods: NONE, action: Action::Quit, hint: Some(("Esc", st::KEY_QUIT)) },
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
        out.insert(2, ("1-9,0", st::KEY_PICK.get(lang)));
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
