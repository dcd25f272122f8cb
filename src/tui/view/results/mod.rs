//! Results: the tab bar, the tabs that scroll, and the frame around them; each tab's lines
//! come from its own file (summary and plan, overview, ladder), the recommendations and a
//! recommendation's detail from `recs`. The what-if sandbox is drawn in [`super::whatif`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs};

use super::{draw_footer, wrapped};
use crate::domain::Lang;
use crate::domain::report::Report;
use crate::domain::wrap::width;
use crate::tui::app::{App, Tab};
use crate::tui::strings as st;

mod ladder;
mod overview;
mod recs;
mod summary;

use ladder::{RUNG_MEANING_LINES, ladder_lines};
use overview::overview_lines;
use recs::draw_recs;
pub use recs::{detail_lines, draw_detail};
use summary::{plan_tab_lines, summary_tab_lines};

fn header(frame: &mut Frame, body: Rect, app: &App) -> Rect {
    let lang = app.lang;
    let tabs = app.tabs();
    let titles: Vec<&str> = tabs.iter().map(|t| tab_title(*t, lang)).collect();
    let selected = tabs.iter().position(|t| *t == app.tab).unwrap_or(0);
    frame.render_widget(
        Paragraph::new(Line::styled(st::RESULTS.get(lang), app.theme.title())),
        Rect::new(body.x, body.y, body.width, 1),
    );
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .highlight_style(app.theme.selected()),
        Rect::new(body.x, body.y + 1, body.width, 1),
    );
    Rect::new(
        body.x,
        body.y + 3,
        body.width,
        body.height.saturating_sub(3),
    )
}

/// Where the tab titles are drawn (one row), for mouse hit-testing.
pub fn tabs_row(area: Rect, app: &App) -> Rect {
    let (body, _, _, _) = super::frame_parts(area, app);
    Rect::new(body.x, body.y + 1, body.width, 1)
}

/// The tab under column `col` of the tab row: the titles are drawn as " title " with a
/// one-column divider between them.
pub fn tab_at(col: u16, app: &App) -> Option<Tab> {
    let mut x = 0usize;
    for tab in app.tabs() {
        let w = width(tab_title(tab, app.lang)) + 2;
        if (col as usize) >= x && (col as usize) < x + w {
            return Some(tab);
        }
        x += w + 1;
    }
    None
}

fn tab_title(tab: Tab, lang: Lang) -> &'static str {
    match tab {
        Tab::Summary => st::TAB_SUMMARY,
        Tab::Plan => st::TAB_PLAN,
        Tab::Overview => st::TAB_OVERVIEW,
        Tab::Ladder => st::TAB_LADDER,
        Tab::Recommendations => st::TAB_RECS,
    }
    .get(lang)
}

/// The lines of a tab that scrolls (every tab but the recommendations), `w` columns wide.
fn tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    match app.tab {
        Tab::Summary => summary_tab_lines(app, w),
        Tab::Plan => plan_tab_lines(app, w),
        Tab::Overview => overview_lines(app, &app.card, w),
        Tab::Ladder => ladder_lines(app, &app.card, w).0,
        Tab::Recommendations => Vec::new(),
    }
}

/// How far `lines` lines in a view `height` rows high can scroll: no further than the last
/// line at the bottom, never into blank screen.
fn max_scroll(lines: usize, height: u16) -> u16 {
    u16::try_from(lines.saturating_sub(height as usize)).unwrap_or(u16::MAX)
}

/// "↑ N more lines" / "↓ N more lines" for a scrolled text, on the row above it.
fn scroll_marks(app: &App, scroll: u16, lines: usize, h: u16) -> Line<'static> {
    let above = scroll as usize;
    let below = lines.saturating_sub(above + h as usize);
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(st::LINES_ABOVE.count(app.lang, above, &[]));
    }
    if below > 0 {
        parts.push(st::LINES_BELOW.count(app.lang, below, &[]));
    }
    Line::styled(parts.join("   "), app.theme.muted()).right_aligned()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let body = draw_footer(frame, area, app);
    let content = header(frame, body, app);
    let w = content.width as usize;
    let (lines, scroll) = match app.tab {
        Tab::Recommendations => {
            app.scroll_max.set(0);
            return draw_recs(frame, content, app);
        }
        Tab::Ladder => {
            // Scrolled so that the chosen rung and what it means are on screen.
            let (lines, at, rung_starts) = ladder_lines(app, &app.card, w);
            let h = content.height as usize;
            let top = at.saturating_sub(h.saturating_sub(RUNG_MEANING_LINES).max(1) - 1);
            let top = top.min(lines.len().saturating_sub(h));
            // A page of rungs: as many as are on screen.
            let shown = rung_starts.iter().filter(|i| (top..top + h).contains(i));
            app.page.set(shown.count());
            (lines, top as u16)
        }
        _ => {
            app.page.set(content.height as usize);
            (tab_lines(app, w), app.scroll)
        }
    };
    app.scroll_max.set(max_scroll(lines.len(), content.height));
    let marks = scroll_marks(app, scroll, lines.len(), content.height);
    frame.render_widget(
        Paragraph::new(marks),
        Rect::new(content.x, content.y.saturating_sub(1), content.width, 1),
    );
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), content);
}

/// The report model, in the app's language, dated today (when the shell said what today is).
fn report(app: &App) -> Report {
    Report::new(&app.inst, &app.answers, &app.card, app.lang, &app.today)
}
