//! The one terminal shell of every full-screen view — the self-check, the presenter and the
//! dashboard: it sets the terminal up and restores it (also on a panic and on a signal) and
//! runs the event loop around a [`Screen`]. Keys become actions through the one keymap engine
//! (`tui::keymap`); what an action does is the screen's business.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::{DefaultTerminal, Frame};

use super::strings;
use crate::domain::Lang;

/// A full-screen view as the shell drives it.
pub trait Screen {
    type Action;
    /// How long the shell waits for an event before the next [`Screen::tick`].
    const WAIT: Duration;
    fn draw(&self, frame: &mut Frame);
    /// The action an event asks for, through the view's key table.
    fn action(&self, event: Event) -> Option<Self::Action>;
    fn perform(&mut self, action: Self::Action);
    fn resize(&mut self, _width: u16, _height: u16) {}
    /// Work on every turn of the loop (the clock, a look at a folder); true when the screen
    /// must be drawn again.
    fn tick(&mut self) -> bool {
        false
    }
    fn done(&self) -> bool;
}

/// Runs `screen` full screen until it is done. A panic or a signal restores the terminal;
/// after a panic the user reads that their answers are in `saved_in` (a view without answers
/// says that the workshop folder is untouched).
pub fn run(screen: &mut impl Screen, lang: Lang, saved_in: Option<PathBuf>) -> Result<()> {
    watch_signals();
    install_panic_hook(lang, saved_in);
    let result = enter(lang).and_then(|mut terminal| event_loop(&mut terminal, screen));
    restore_terminal();
    result
}

/// Raw mode, the alternate screen (ratatui's own set-up) and the mouse.
fn enter(lang: Lang) -> Result<DefaultTerminal> {
    let terminal = ratatui::try_init();
    let terminal = terminal.and_then(|t| execute!(io::stdout(), EnableMouseCapture).map(|()| t));
    terminal.context(strings::TERMINAL_PREPARE.get(lang))
}

fn event_loop<S: Screen>(terminal: &mut DefaultTerminal, screen: &mut S) -> Result<()> {
    let size = terminal.size()?;
    screen.resize(size.width, size.height);
    #[cfg(debug_assertions)]
    let mut actions = 0usize;
    let mut dirty = true;
    loop {
        dirty |= screen.tick();
        if dirty {
            terminal.draw(|f| screen.draw(f))?;
            dirty = false;
        }
        if screen.done() {
            return Ok(());
        }
        if !event::poll(S::WAIT)? {
            continue;
        }
        let event = event::read()?;
        dirty = true;
        if let Event::Resize(w, h) = event {
            screen.resize(w, h);
        }
        if let Some(action) = screen.action(event) {
            screen.perform(action);
            #[cfg(debug_assertions)]
            {
                actions += 1;
                panic_on_request(actions);
            }
        }
    }
}

/// Leaves the terminal as it was found: mouse off, raw mode off (ratatui's own restore), the
/// main screen and the cursor back. Every step is tried even when one fails.
pub(crate) fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    let _ = ratatui::try_restore();
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

/// A panic must leave a usable terminal: restore it before the default hook prints, then
/// tell the user, in their language, that their answers are safe and what to do.
fn install_panic_hook(lang: Lang, saved_in: Option<PathBuf>) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        default(info);
        let note = match &saved_in {
            Some(path) => strings::CRASHED.fill(lang, &[&path.display()]),
            None => strings::CRASHED_VIEW.get(lang).to_string(),
        };
        eprintln!("\n{note}");
    }));
}

/// For the end-to-end tests only: a debug build started with `SMECHECK_PANIC_AFTER_KEYS=N`
/// panics after its N-th action, so a test can check that a panic restores the terminal and
/// loses no answer. Release builds have no such switch.
#[cfg(debug_assertions)]
fn panic_on_request(actions: usize) {
    let wanted = std::env::var("SMECHECK_PANIC_AFTER_KEYS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok());
    if wanted == Some(actions) {
        panic!("SMECHECK_PANIC_AFTER_KEYS={actions}: panicking as asked");
    }
}

/// On SIGTERM, SIGHUP (terminal closed), SIGINT and SIGQUIT: save free text typed but not yet
/// confirmed, wait for any save in progress, restore the terminal and exit. This runs on its
/// own thread because a vanished terminal can keep the event loop busy inside the terminal
/// library, where no flag would be seen.
#[cfg(unix)]
fn watch_signals() {
    use super::session;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                session::save_draft();
                let _saving = session::SAVE_LOCK.lock();
                restore_terminal();
                std::process::exit(128 + sig);
            }
        });
    }
}

/// On Windows, closing the console ends the process; every answer is saved as it is given.
#[cfg(not(unix))]
fn watch_signals() {}
