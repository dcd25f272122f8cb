//! What every workshop screen shares: the title and status rows and the hint bar, or instead
//! the "window too small" notice (the one of every view, `view::too_small`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::join::Join;
use crate::domain::Lang;
use crate::domain::wrap::width;
use crate::tui::strings as st;
use crate::tui::theme::Theme;

/// Draws the hint bar of `hints` (from `keymap::hints`) at the bottom and returns the area
/// above it; `None` when the window is too small, whose notice is drawn instead.
pub fn footer(
    frame: &mut Frame,
    hints: &[(&'static str, &'static str)],
    lang: Lang,
    theme: Theme,
) -> Option<Rect> {
    let area = frame.area();
    if crate::tui::view::too_small(frame, area, lang, theme, st::ROOM_TOO_SMALL_HINT) {
        return None;
    }
    let lines = crate::tui::view::hint_bar(hints, area.width as usize, theme);
    let h = (lines.len() as u16).min(2);
    let hints = Rect::new(area.x, area.bottom() - h, area.width, h);
    frame.render_widget(Paragraph::new(lines), hints);
    Some(Rect::new(area.x, area.y, area.width, area.height - h))
}

/// The two rows at the top of a workshop screen: `title` with the join code on the right,
/// then `status` with where phones join. Nothing a room needs is cut at 80 columns.
pub fn head(
    frame: &mut Frame,
    body: Rect,
    (title, status): (&str, &str),
    join: &Join,
    lang: Lang,
    theme: Theme,
) {
    let row = |y| Rect::new(body.x, body.y + y, body.width, 1);
    let code = format!("{} {}", st::JOIN.get(lang), join.code);
    title_row(frame, row(0), title, &code, theme);
    let bar = join.bar_fit(lang, body.width as usize, width(status));
    status_row(frame, row(1), status, &bar, theme);
}

/// A title row: `left` in bold from the left edge, `right` flush right, cut to fit.
fn title_row(frame: &mut Frame, area: Rect, left: &str, right: &str, theme: Theme) {
    let w = area.width as usize;
    let right_w = width(right).min(w.saturating_sub(10));
    let left_w = w.saturating_sub(right_w + 2);
    let line = Line::from(vec![
        Span::styled(crate::tui::view::pad(left, left_w), theme.title()),
        Span::raw("  "),
        // Bold, not dim: the row is read from the back of the room on a projector.
        Span::styled(crate::tui::view::pad(right, right_w), theme.title()),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.selected()), area);
}

/// The row under the title: the room's counts in bold on the left, where phones join on the
/// right (what does not fit is cut from the right part first).
fn status_row(frame: &mut Frame, area: Rect, left: &str, right: &str, theme: Theme) {
    let w = area.width as usize;
    let left_w = width(left).min(w);
    let right_w = w.saturating_sub(left_w + 2);
    let cut = crate::tui::view::pad(right, right_w);
    let cut = cut.trim_end();
    let line = Line::from(vec![
        Span::styled(crate::tui::view::pad(left, left_w), theme.title()),
        Span::raw(" ".repeat(2 + right_w.saturating_sub(width(cut)))),
        Span::styled(cut.to_string(), theme.key()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// `mm:ss`, or `h:mm:ss` past an hour.
pub fn clock(d: std::time::Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}
