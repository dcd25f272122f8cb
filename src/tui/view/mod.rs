//! Drawing: one module per screen. Views read the app and never change it.

pub mod matrix;
pub mod overlay;
pub mod question;
pub mod results;
pub mod review;
pub mod welcome;
pub mod whatif;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::{Action, Hit};
use super::app::{App, Screen};
use super::keymap::hints;
use super::strings as st;
use super::theme::Theme;
use crate::domain::Lang;
use crate::domain::text::Bilingual;
use crate::domain::wrap::{width, wrap};

/// The smallest window every full-screen view works in (the self-check, the presenter, the
/// dashboard): below 80 columns they take a narrower layout; below this they cannot.
pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole frame for the app's current state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if too_small(frame, area, app.lang, app.theme, st::TOO_SMALL_HINT) {
        return;
    }
    match app.screen {
        Screen::Welcome => welcome::draw(frame, area, app),
        Screen::Question => question::draw(frame, area, app),
        Screen::Review => review::draw(frame, area, app),
        Screen::Results => results::draw(frame, area, app),
        Screen::Detail => results::draw_detail(frame, area, app),
        Screen::WhatIf => whatif::draw(frame, area, app),
    }
    overlay::draw(frame, area, app);
}

/// What a click at (`col`, `row`) lands on, with the screen laid out in `area` as [`draw`]
/// lays it out: the shell asks, and hands the app what was hit.
pub fn hit(area: Rect, app: &App, col: u16, row: u16) -> Option<Hit> {
    let inside = |r: Rect| col >= r.x && col < r.right() && row >= r.y && row < r.bottom();
    match app.screen {
        Screen::Question => {
            let list = question::layout(area, app).list;
            let lines = question::option_lines(list, app);
            let index = lines.get(row.checked_sub(list.y)? as usize)?.0;
            index.filter(|_| inside(list)).map(Hit::Option)
        }
        Screen::Results => {
            let tabs = results::tabs_row(area, app);
            let tab = results::tab_at(col.saturating_sub(tabs.x), app);
            tab.filter(|_| row == tabs.y).map(Hit::Tab)
        }
        Screen::Review => {
            let list = review::list_rect(area, app);
            let lines = review::list_lines(list, app);
            let index = lines.get(row.checked_sub(list.y)? as usize)?.0;
            index.filter(|_| row < list.bottom()).map(Hit::Review)
        }
        _ => None,
    }
}

/// The one "window too small" notice of every full-screen view, drawn when `area` is below
/// [`MIN_WIDTH`]×[`MIN_HEIGHT`]: centred, what is wrong, then `hint` (what to do, which differs
/// by view). True when drawn.
pub fn too_small(frame: &mut Frame, area: Rect, lang: Lang, theme: Theme, hint: Bilingual) -> bool {
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let msg = st::TOO_SMALL.fill(lang, &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT]);
    let w = area.width.max(1) as usize;
    let mut lines = para(&msg, w, theme.error());
    lines.extend(para(hint.get(lang), w, ratatui::style::Style::new()));
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    frame.render_widget(
        Paragraph::new(lines).alignment(Alignment::Center),
        Rect::new(area.x, y, area.width, h),
    );
    true
}

/// The key hints for a context, wrapped to `w` columns.
pub fn hint_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    // "Don't know" and "not applicable" are only offered where the question allows them.
    let on_question = app.screen == Screen::Question;
    let offered = |a: Action| match a {
        Action::DontKnow => on_question && app.question().dont_know,
        Action::NotApplicable => on_question && app.question().not_applicable,
        // Nothing to open when no recommendation was triggered.
        Action::Confirm if app.screen == Screen::Results => !app.card.recommendations.is_empty(),
        _ => true,
    };
    hint_bar(&hints(app.ctx(), app.lang, offered), w, app.theme)
}

/// (key, what it does) pairs laid out in lines of at most `w` columns.
pub fn hint_bar(
    items: &[(&'static str, &'static str)],
    w: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (key, what) in items.iter().copied() {
        let item_w = width(key) + 1 + width(what);
        if used > 0 && used + 2 + item_w > w {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw("  "));
            used += 2;
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {what}")));
        used += item_w;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// First row shown of a list of `len` rows in `height` rows, so that `cursor` is visible.
pub fn list_offset(cursor: usize, height: usize) -> usize {
    if height == 0 {
        cursor
    } else {
        cursor.saturating_sub(height - 1)
    }
}

/// The line saying how many rows of a list lie above the window.
pub fn more_above(n: usize, lang: Lang, theme: Theme) -> Line<'static> {
    Line::styled(st::MORE_ABOVE.fill(lang, &[&n]), theme.muted())
}

/// The line saying how many rows of a list lie below the window.
pub fn more_below(n: usize, lang: Lang, theme: Theme) -> Line<'static> {
    Line::styled(st::MORE_BELOW.fill(lang, &[&n]), theme.muted())
}

/// The lines of a list of rows (each a block of one or more lines) that fit in `h` lines,
/// the block `at` always shown whole (or as much of it as fits), with "↑ N more" and
/// "↓ N more" where rows lie outside. Each line comes with the row it belongs to (`None` for
/// the markers), for mouse hit-testing.
pub fn window(
    blocks: Vec<Vec<Line<'static>>>,
    at: usize,
    h: usize,
    lang: Lang,
    theme: Theme,
) -> Vec<(Option<usize>, Line<'static>)> {
    let n = blocks.len();
    if n == 0 || h == 0 {
        return Vec::new();
    }
    let at = at.min(n - 1);
    let total: usize = blocks.iter().map(Vec::len).sum();
    if total <= h {
        return blocks
            .into_iter()
            .enumerate()
            .flat_map(|(i, b)| b.into_iter().map(move |l| (Some(i), l)))
            .collect();
    }
    // The first row shown: as early as possible with the chosen row still whole on screen.
    let mut start = 0;
    while start < at {
        let lines: usize = blocks[start..=at].iter().map(Vec::len).sum();
        let markers = usize::from(start > 0) + usize::from(at + 1 < n);
        if lines + markers <= h {
            break;
        }
        start += 1;
    }
    let mut out = Vec::new();
    if start > 0 {
        out.push((None, more_above(start, lang, theme)));
    }
    let mut next = start;
    for (i, block) in blocks.into_iter().enumerate().skip(start) {
        let after = n - i - 1;
        let room = h
            .saturating_sub(out.len())
            .saturating_sub(usize::from(after > 0));
        if block.len() <= room {
            out.extend(block.into_iter().map(|l| (Some(i), l)));
            next = i + 1;
        } else {
            if i <= at {
                // The chosen row is taller than the screen: as much of it as fits.
                out.extend(block.into_iter().take(room.max(1)).map(|l| (Some(i), l)));
                next = i + 1;
            }
            break;
        }
    }
    if next < n {
        out.truncate(h.saturating_sub(1));
        out.push((None, more_below(n - next, lang, theme)));
    }
    out
}

/// The lines of a scrolling list as [`window`] gave them, once the app knows how many of its
/// rows they show: the page that PgUp/PgDn move by.
pub fn paged(
    app: &App,
    lines: Vec<(Option<usize>, Line<'static>)>,
) -> Vec<(Option<usize>, Line<'static>)> {
    let mut rows: Vec<usize> = lines.iter().filter_map(|(i, _)| *i).collect();
    rows.dedup();
    app.page.set(rows.len().max(1));
    lines
}

/// `text` wrapped after `first` (then `rest`) with each line padded to `w`, so that a
/// highlight spans the whole row: a list's chosen or lit row.
pub fn row_lines(
    text: &str,
    w: usize,
    (first, rest): (&str, &str),
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    wrap(text, w, first, rest)
        .into_iter()
        .map(|l| Line::styled(pad(&l, w), style))
        .collect()
}

/// Wrapped lines of `text` in a style.
pub fn para(text: &str, w: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrapped(text, w.max(1), "", "", style)
}

/// `text` wrapped after `first` (then `rest`), in a style.
pub fn wrapped(
    text: &str,
    w: usize,
    first: &str,
    rest: &str,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    wrap(text, w, first, rest)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A status note (saved, exported, an error) in one line.
pub fn note_line(app: &App) -> Line<'static> {
    match &app.note {
        Some(n) if n.error => Line::styled(n.text.clone(), app.theme.error()),
        Some(n) => Line::styled(n.text.clone(), app.theme.good()),
        None => Line::default(),
    }
}

/// Splits off the hint bar at the bottom and returns (body, note row, hints area).
pub fn frame_parts(area: Rect, app: &App) -> (Rect, Rect, Rect, Vec<Line<'static>>) {
    let lines = hint_lines(app, area.width as usize);
    let h = (lines.len() as u16).min(3);
    let hints = Rect::new(area.x, area.y + area.height - h, area.width, h);
    let note = Rect::new(area.x, hints.y.saturating_sub(1), area.width, 1);
    let body = Rect::new(area.x, area.y, area.width, note.y.saturating_sub(area.y));
    (body, note, hints, lines)
}

/// Draws the note row and the hint bar.
pub fn draw_footer(frame: &mut Frame, area: Rect, app: &App) -> Rect {
    let (body, note, hints, lines) = frame_parts(area, app);
    frame.render_widget(Paragraph::new(note_line(app)), note);
    frame.render_widget(Paragraph::new(lines), hints);
    body
}

/// A screen's bar of `cells` cells filled to `share` (0–1): [`crate::domain::wrap::bar`] in
/// block characters.
pub fn bar(share: f64, cells: usize) -> String {
    crate::domain::wrap::bar(share, cells, ['█', '░'])
}

/// Pads `s` with spaces to `w` display columns (or cuts it with an ellipsis).
pub fn pad(s: &str, w: usize) -> String {
    if width(s) <= w {
        return crate::domain::wrap::pad(s, w);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    used += 1;
    format!("{out}{}", " ".repeat(w.saturating_sub(used)))
}

/// A drawn screen as text, as a person reads it: one `|…|` line per row, each wide character
/// once. Used by the snapshot tests so CJK alignment can be reviewed by eye.
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        out.push('|');
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = width(sym).saturating_sub(1);
        }
        out.push_str("|\n");
    }
    out
}
