//! Styles: readable on light and dark terminals, and plain when `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn tint(self, base: Style, c: Color) -> Style {
        if self.color { base.fg(c) } else { base }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The highlighted row: reverse video works on any background.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn error(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn good(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Green)
    }

    pub fn muted(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn key(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn bar(self) -> Style {
        self.tint(Style::new(), Color::Cyan)
    }
}
