//! The recommendations tab (the list, the chosen one's steps below it) and a
//! recommendation's detail screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::domain::output::horizon_label;
use crate::domain::report::plan::first_sentence;
use crate::domain::report::strings as ws;
use crate::tui::app::App;
use crate::tui::strings as st;
use crate::tui::view::{draw_footer, pad};

use super::{max_scroll, report, scroll_marks, wrapped};

/// One line per recommendation, led by what to do: number, proposal, action, when.
fn rec_title(app: &App, i: usize) -> String {
    let r = &app.card.recommendations[i];
    let q = &app.inst.questionnaire;
    let (action, when) = r.steps.first().map_or((String::new(), ""), |s| {
        let action = app
            .inst
            .proposals
            .advice
            .rules
            .get(s.rule.as_str())
            .map_or_else(
                || first_sentence(s.action(q).get(app.lang)),
                |a| a.headline.get(app.lang).to_string(),
            );
        (action, horizon_label(s.horizon, app.lang))
    });
    format!("{:>2}. [{}] {action} · {when}", i + 1, r.proposal)
}

pub(super) fn draw_recs(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let theme = app.theme;
    let recs = &app.card.recommendations;
    if recs.is_empty() {
        frame.render_widget(Paragraph::new(st::NO_RECS.get(lang)), area);
        return;
    }
    // The list takes the upper part, the chosen one in full; its steps show below it.
    let w = area.width as usize;
    let blocks: Vec<Vec<Line<'static>>> = (0..recs.len())
        .map(|i| {
            if i == app.rec_cursor {
                let title = rec_title(app, i);
                let text = title.trim_start();
                let lead = " ".repeat(title.len() - text.len());
                crate::domain::wrap::wrap(text, w, &lead, "    ")
                    .into_iter()
                    .map(|l| Line::styled(pad(&l, w), theme.selected()))
                    .collect()
            } else {
                vec![Line::raw(pad(&rec_title(app, i), w))]
            }
        })
        .collect();
    let total: usize = blocks.iter().map(Vec::len).sum();
    let list_h = (total as u16).min(area.height.saturating_sub(5)).max(1);
    let shown = crate::tui::view::window(blocks, app.rec_cursor, list_h as usize, lang, theme);
    let lines: Vec<Line> = crate::tui::view::paged(app, shown)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(area.x, area.y, area.width, list_h),
    );
    if let Some(r) = recs.get(app.rec_cursor) {
        let below = Rect::new(
            area.x,
            area.y + list_h + 1,
            area.width,
            area.height.saturating_sub(list_h + 1),
        );
        let mut lines = vec![Line::styled(st::NEXT_STEPS.get(lang), theme.title())];
        let steps = r.steps.iter().map(|step| {
            let action = step.action(&app.inst.questionnaire).get(lang);
            format!("[{}] {action}", horizon_label(step.horizon, lang))
        });
        lines.extend(steps_lines(steps, below.width as usize, ""));
        let h = below.height as usize;
        if lines.len() > h && h > 0 {
            let hidden = lines.len() - (h - 1);
            lines.truncate(h - 1);
            lines.push(Line::styled(
                st::LINES_BELOW_DETAIL.count(lang, hidden, &[]),
                theme.muted(),
            ));
        }
        frame.render_widget(Paragraph::new(lines), below);
    }
}

/// The detail of the selected recommendation, led by what to do: the action with when and
/// effort, the gap and proposal, why (the firm's answers), the steps; then, muted, who proposed
/// it in 2020, what was said and the caveat on time-bound measures.
pub fn detail_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    let r = report(app);
    let lang = r.lang;
    let Some(rec) = r.recommendations.get(app.rec_cursor) else {
        return lines;
    };
    lines.extend(wrapped(
        &format!("{}. [{}] {}", rec.number, rec.proposal, rec.headline),
        w,
        "",
        "    ",
        theme.title(),
    ));
    let mut when = vec![rec.when.clone()];
    if !rec.due.is_empty() {
        when.push(ws::pair(lang, ws::DUE.get(lang), &rec.due));
    }
    if !rec.effort.is_empty() {
        when.push(rec.effort.clone());
    }
    lines.extend(wrapped(&when.join(" · "), w, "", "", theme.good()));
    lines.extend(wrapped(&rec.gap_line, w, "", "", Style::new()));
    if let Some(t) = &rec.time_bound {
        lines.extend(wrapped(
            &format!("! {}", ws::pair(lang, ws::TIME_BOUND.get(lang), t)),
            w,
            "",
            "  ",
            theme.error(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(st::WHY.get(lang), theme.title()));
    for e in &rec.why {
        lines.extend(wrapped(
            &format!("{} → {}", e.text, e.answer),
            w,
            "  - ",
            "    ",
            Style::new(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(st::NEXT_STEPS.get(lang), theme.title()));
    let steps = rec.steps.iter();
    let steps = steps.map(|s| format!("[{}] {}", s.horizon_label, s.action));
    lines.extend(steps_lines(steps, w, "  "));
    lines.push(Line::default());
    lines.extend(wrapped(&rec.source_line, w, "", "", theme.muted()));
    lines.extend(wrapped(&rec.summary, w, "", "", theme.muted()));
    lines.extend(wrapped(&r.caveat, w, "", "", theme.muted()));
    lines
}

/// Numbered steps under `indent`, each its own paragraph, so several never read as one.
fn steps_lines(steps: impl Iterator<Item = String>, w: usize, indent: &str) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (n, step) in steps.enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        let first = format!("{indent}{}. ", n + 1);
        let rest = format!("{indent}   ");
        lines.extend(wrapped(&step, w, &first, &rest, Style::new()));
    }
    lines
}

pub fn draw_detail(frame: &mut Frame, area: Rect, app: &App) {
    let body = draw_footer(frame, area, app);
    let lines = detail_lines(app, body.width as usize);
    let (parts, note, _, _) = crate::tui::view::frame_parts(area, app);
    app.scroll_max.set(max_scroll(lines.len(), parts.height));
    app.page.set(body.height as usize);
    if app.note.is_none() {
        // The note row says what lies beyond the screen.
        let marks = scroll_marks(app, app.scroll, lines.len(), body.height);
        frame.render_widget(Paragraph::new(marks), note);
    }
    frame.render_widget(Paragraph::new(lines).scroll((app.scroll, 0)), body);
}
