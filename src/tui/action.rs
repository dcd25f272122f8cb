//! What can happen to the app (actions in) and what the shell must do (effects out).

use std::path::PathBuf;

use tui_input::InputRequest;

use crate::domain::report::ReportFormat;

/// An input to `App::update`: a key turned into intent, a mouse event, or an effect's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    Confirm,
    Toggle,
    /// A digit key: 1–9 pick that option, 0 the tenth; a digit no option shows does nothing.
    Pick(usize),
    /// A tick matrix's row with nothing ticked, said on purpose (`-`).
    NoTicks,
    DontKnow,
    NotApplicable,
    Back,
    Skip,
    Help,
    Sections,
    Review,
    Finish,
    NextTab,
    PrevTab,
    WhatIf,
    Commit,
    Export,
    SwitchLang,
    Cancel,
    Quit,
    ForceQuit,
    Yes,
    No,
    /// Edit the focused input field.
    Edit(InputRequest),
    /// A left click on something drawn there, as `view::hit` finds it.
    Click(Hit),
    ScrollUp,
    ScrollDown,
    /// Start finding a question by its words (what-if).
    Find,
    /// A page up or down, to the first or the last row.
    PageUp,
    PageDown,
    Home,
    End,
}

impl Action {
    /// A move along a list or text: a row or a page up or down, or to an end (what
    /// `app::step_cursor` takes).
    pub fn is_move(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End
        )
    }
}

/// What a click landed on, as the view laid the screen out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A row of the question's option list (its index among `App::rows`).
    Option(usize),
    /// A results tab's title.
    Tab(crate::tui::app::Tab),
    /// A row of the review list (its position among the asked questions).
    Review(usize),
}

/// Work the shell does for the app; the outcome comes back through `App::saved` and friends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `App::answer_file()` to the answer file, atomically.
    Save,
    /// Keep a backup of the current answer file, then save the (now empty) answers.
    BackupAndSave,
    /// Start a follow-up check: a new answer file that follows the current one, which is
    /// never written again by this session.
    StartFollowUp,
    /// Write the report in this format beside the answer file; `true` replaces an existing one.
    Export(ReportFormat, bool),
    Quit,
}

/// Where the export wrote, or why it could not.
pub type ExportOutcome = Result<Vec<PathBuf>, String>;
