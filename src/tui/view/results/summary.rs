//! The summary and plan tabs of the results: the headline and what to do first, then the plan
//! by horizon.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::domain::model::Horizon;
use crate::tui::app::App;

use super::{report, wrapped};

pub(super) fn summary_tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let r = report(app);
    let words = r.words;
    let s = &r.summary;
    let mut lines = Vec::new();
    let head = |t: &str| Line::styled(format!("{t}{}", words.colon.trim_end()), theme.title());
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
        lines.push(head(words.top_actions));
        if s.actions.is_empty() {
            lines.extend(wrapped(words.no_plan, w, "  ", "  ", theme.muted()));
        }
    }
    for (n, a) in s.actions.iter().enumerate() {
        let due = if a.due.is_empty() {
            String::new()
        } else {
            format!(" · {}", words.pair(words.due, &a.due))
        };
        lines.extend(wrapped(
            &format!("{}{}", a.action, words.aside(&format!("{}{due}", a.owner))),
            w,
            &format!("{}. ", n + 1),
            "   ",
            Style::new(),
        ));
    }
    if r.recommends {
        lines.push(Line::default());
    }
    lines.push(head(words.strengths));
    if s.strengths.is_empty() {
        lines.extend(wrapped(
            &r.at_gap_line(words.no_strengths),
            w,
            "- ",
            "  ",
            theme.muted(),
        ));
    }
    for x in &s.strengths {
        lines.extend(wrapped(x, w, "- ", "  ", theme.good()));
    }
    lines.push(head(words.sec_gaps));
    if s.gaps.is_empty() {
        lines.extend(wrapped(
            &r.at_gap_line(words.no_gaps),
            w,
            "- ",
            "  ",
            theme.muted(),
        ));
    }
    for x in &s.gaps {
        lines.extend(wrapped(x, w, "- ", "  ", Style::new()));
    }
    lines.push(Line::default());
    lines.extend(wrapped(
        &words.pair(words.how_sure, &s.confidence),
        w,
        "",
        "  ",
        theme.muted(),
    ));
    lines.extend(wrapped(
        &words.pair(words.wish, s.wish.as_deref().unwrap_or(words.no_wish)),
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
    let words = r.words;
    let mut lines = Vec::new();
    if r.plan.items.is_empty() {
        lines.extend(wrapped(words.no_plan, w, "", "", theme.muted()));
    }
    for h in [Horizon::Now, Horizon::Quarter, Horizon::Later] {
        let items: Vec<_> = r.plan.window(h).collect();
        if items.is_empty() {
            continue;
        }
        lines.push(Line::styled(words.horizon_title(h), theme.title()));
        for i in items {
            let first = if i.first {
                format!("[{}] ", words.first_mark)
            } else {
                String::new()
            };
            let ps: Vec<&str> = i.proposals.iter().map(|p| p.as_str()).collect();
            let ps = if ps.is_empty() {
                String::new()
            } else {
                words.aside(&ps.join(", "))
            };
            lines.extend(wrapped(
                &format!("{first}{}{ps}", i.action),
                w,
                &format!("[ ] {:>2}. ", i.number),
                "        ",
                Style::new(),
            ));
            let mut facts = Vec::new();
            if !i.due.is_empty() {
                facts.push(words.pair(words.due, &i.due));
            }
            facts.push(i.owner.clone());
            if !i.effort_label.is_empty() {
                facts.push(i.effort_label.clone());
            }
            lines.extend(wrapped(
                &facts.join(" · "),
                w,
                "        ",
                "        ",
                theme.muted(),
            ));
            if !i.done_when.is_empty() {
                lines.extend(wrapped(
                    &words.pair(words.done_when, &i.done_when),
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
            &words.plan_left_out(r.plan.left_out),
            w,
            "",
            "",
            theme.muted(),
        ));
    }
    lines
}
