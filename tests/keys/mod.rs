//! Keys pressed on the self-check as its key table turns them into actions, for the screen
//! tests (`mod keys;`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use smecheck::tui::app::App;
use smecheck::tui::keymap::action_for;

/// Each key in turn, as the shell hands it to the app; a key the screen does not take is
/// ignored, as it is there.
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        if let Some(a) = action_for(app.ctx(), KeyEvent::new(*k, KeyModifiers::NONE)) {
            app.update(a);
        }
    }
}
