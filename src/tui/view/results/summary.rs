//! The summary and plan tabs of the results: the headline and what to do first, then the plan
//! by horizon.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::domain::report::strings as ws;
use crate::tui::app::App;

use super::{report, wrapped};

pub(super) fn summary_tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let r = report(app);
    let lang = r.lang;
    let s = &r.summary;
    let mut lines = Vec::new();
    let head = |t: &str| {
        Line::styled(
            format!("{t}{}", ws::COLON.get(lang).trim_end()),
            theme.title(),
        )
    };
    // The questionnaire's note on what the result is and is not comes first.
    if let Some(note) = &r.note {
        lines.extend(wrapped(note, w, "", "", theme.muted()));
        lines.push(Line::default());
    }
    for v in &s.verdict {
        lines.extend(wrapped(&v.text, w, "- ", "  ", Style::new()));
    }
    lines.push(Line::default());
    // No first actions where the questionnaire recommends nothing.
    if r.recommends {
        lines.push(head(ws::TOP_ACTIONS.get(lang)));
        if s.actions.is_empty() {
            lines.extend(wrapped(ws::NO_PLAN.get(lang), w, "  ", "  ", theme.muted()));
        }
    }
    for (n, a) in s.actions.iter().enumerate() {
        let due = if a.due.is_empty() {
            String::new()
        } else {
            format!(" · {}", ws::pair(lang, ws::DUE.get(lang), &a.due))
        };
        lines.extend(wrapped(
            &format!(
                "{}{}",
                a.action,
                ws::aside(lang, &format!("{}{due}", a.owner))
            ),
            w,
            &format!("{}. ", n + 1),
            "   ",
            Style::new(),
        ));
    }
    if r.recommends {
        lines.push(Line::default());
    }
    // Strengths, then gaps: each a list, or the line that says there is none at the gap line.
    for ((title, items, none), style) in r
        .summary_lists()
        .into_iter()
        .zip([theme.good(), Style::new()])
    {
        lines.push(head(title));
        if items.is_empty() {
            lines.extend(wrapped(&none, w, "- ", "  ", theme.muted()));
        }
        for x in items {
            lines.extend(wrapped(x, w, "- ", "  ", style));
        }
    }
    lines.push(Line::default());
    lines.extend(wrapped(
        &ws::pair(lang, ws::HOW_SURE.get(lang), &s.confidence),
        w,
        "",
        "  ",
        theme.muted(),
    ));
    lines.extend(wrapped(
        &ws::pair(
            lang,
            ws::WISH.get(lang),
            s.wish.as_deref().unwrap_or(ws::NOT_GIVEN.get(lang)),
        ),
        w,
        "",
        "  ",
        Style::new(),
    ));
    lines
}

pub(super) fn plan_tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let r = report(app);
    let lang = r.lang;
    let mut lines = Vec::new();
    if r.plan.items.is_empty() {
        lines.extend(wrapped(ws::NO_PLAN.get(lang), w, "", "", theme.muted()));
    }
    for (h, items) in r.plan.windows() {
        lines.push(Line::styled(ws::horizon_title(lang, h), theme.title()));
        for i in items {
            lines.extend(wrapped(
                &i.plain_line(lang),
                w,
                &format!("[ ] {:>2}. ", i.number),
                "        ",
                Style::new(),
            ));
            lines.extend(wrapped(
                &i.facts(lang),
                w,
                "        ",
                "        ",
                theme.muted(),
            ));
            if !i.done_when.is_empty() {
                lines.extend(wrapped(
                    &ws::pair(lang, ws::DONE_WHEN.get(lang), &i.done_when),
                    w,
                    "        ",
                    "          ",
                    theme.muted(),
                ));
            }
        }
    }
    if r.plan.left_out > 0 {
        lines.extend(wrapped(
            &ws::PLAN_LEFT_OUT.count(lang, r.plan.left_out, &[]),
            w,
            "",
            "",
            theme.muted(),
        ));
    }
    lines
}
