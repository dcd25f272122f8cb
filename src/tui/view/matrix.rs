//! A matrix question on the question screen: a legend of the shared options with their keys,
//! then a grid — a line per row with a cell per option (`( )`/`(*)` for a scale, `[ ]`/`[x]`
//! for tick columns) — then "don't know" and "not applicable" where offered.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::domain::answers::Answer;
use crate::domain::model::OptionId;
use crate::domain::output::answer_label;
use crate::domain::wrap::{width, wrap};
use crate::tui::app::{App, Row};
use crate::tui::strings::{self as st};

/// After a tick row's cells: the row was answered with nothing ticked (`-`).
const NONE_MARK: &str = "  -";

/// Columns of one cell: a space and `( )`.
const CELL: usize = 4;
/// Below this many columns for the row labels the cells give way to the answer in words.
const MIN_LABEL: usize = 10;

/// The lines of the matrix in `h` lines of `w` columns, each with the list row it belongs to
/// (`None` for the legend, the header and the "more" markers), as `option_lines` gives them.
pub fn lines(app: &App, w: usize, h: usize) -> Vec<(Option<usize>, Line<'static>)> {
    let q = app.question();
    let theme = app.theme;
    let lang = app.lang;
    let answer = app.answers.get(&q.id);
    let keys: Vec<char> = (0..q.options.len())
        .map(|k| Row::Option(k).key().unwrap_or(' '))
        .collect();
    let legend: Vec<String> = q
        .options
        .iter()
        .zip(&keys)
        .map(|(o, k)| format!("{k} {}", o.label.get(lang)))
        .collect();
    // The legend keeps each key beside its label: an item moves to the next line whole (a
    // label wider than the screen wraps on its own).
    let mut legend_lines: Vec<String> = Vec::new();
    for item in legend {
        match legend_lines.last_mut() {
            Some(l) if width(l) + 3 + width(&item) <= w => {
                l.push_str("   ");
                l.push_str(&item);
            }
            _ => legend_lines.extend(wrap(&item, w, "", "  ")),
        }
    }
    let mut head: Vec<(Option<usize>, Line<'static>)> = legend_lines
        .into_iter()
        .map(|l| (None, Line::styled(l, theme.muted())))
        .collect();
    // Row labels take what they need, up to what the cells leave.
    let widest = q
        .rows
        .iter()
        .map(|r| width(r.label.get(lang)))
        .max()
        .unwrap_or(0);
    // A tick grid keeps room for the "nothing ticked" mark after its cells.
    let mark = if q.ticks { NONE_MARK.len() } else { 0 };
    let label_w = w
        .saturating_sub(2 + CELL * q.options.len() + mark)
        .min(widest.max(MIN_LABEL) + 2);
    let grid = label_w >= MIN_LABEL;
    if grid {
        let cells: String = keys.iter().map(|k| format!("  {k} ")).collect();
        head.push((
            None,
            Line::styled(format!("{}{cells}", " ".repeat(2 + label_w)), theme.muted()),
        ));
    }
    let shown = app.cursor_shown();
    let (done, of) = match answer {
        Some(Answer::Matrix(m)) => (m.rows.len(), q.rows.len()),
        _ => (0, q.rows.len()),
    };
    let blocks: Vec<Vec<Line<'static>>> = app
        .rows()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let here = shown && i == app.cursor;
            let cursor = if here { "> " } else { "  " };
            let style = if here { theme.selected() } else { Style::new() };
            match *row {
                Row::Matrix(r) => {
                    let Some(def) = q.rows.get(r) else {
                        return Vec::new();
                    };
                    let picked = match answer {
                        Some(Answer::Matrix(m)) => m.row(def.id.as_str()),
                        _ => None,
                    };
                    let on = |k: usize| picked.is_some_and(|p| p.contains(&q.options[k].id));
                    let label = def.label.get(lang);
                    if !grid {
                        let now = picked.map_or_else(String::new, |p| {
                            p.iter()
                                .filter_map(|o| q.option(o))
                                .map(|o| o.label.get(lang).to_string())
                                .collect::<Vec<_>>()
                                .join(crate::domain::report::strings::LIST_SEP.get(lang))
                        });
                        let text = format!("{label}: {now}");
                        return super::row_lines(&text, w, (cursor, "    "), style);
                    }
                    let mut cells: String = (0..q.options.len())
                        .map(|k| match (q.ticks, on(k)) {
                            (true, true) => " [x]",
                            (true, false) => " [ ]",
                            (false, true) => " (*)",
                            (false, false) => " ( )",
                        })
                        .collect();
                    // A tick row answered with nothing ticked (`-`), unlike one not reached yet.
                    if picked.is_some_and(<[OptionId]>::is_empty) {
                        cells.push_str(NONE_MARK);
                    }
                    let mut out: Vec<Line<'static>> = wrap(label, label_w, "", "")
                        .into_iter()
                        .enumerate()
                        .map(|(n, l)| {
                            let lead = if n == 0 { cursor } else { "  " };
                            let pad = label_w.saturating_sub(width(&l));
                            let tail = if n == 0 { cells.as_str() } else { "" };
                            let text = format!("{lead}{l}{}{tail}", " ".repeat(pad));
                            Line::styled(super::pad(&text, w), style)
                        })
                        .collect();
                    if out.is_empty() {
                        out.push(Line::styled(super::pad(cursor, w), style));
                    }
                    out
                }
                Row::DontKnow | Row::NotApplicable => {
                    let (label, chosen) = if *row == Row::DontKnow {
                        (
                            crate::domain::output::DONT_KNOW.get(lang),
                            matches!(answer, Some(Answer::DontKnow)),
                        )
                    } else {
                        (
                            crate::domain::output::NOT_APPLICABLE.get(lang),
                            matches!(answer, Some(Answer::NotApplicable)),
                        )
                    };
                    let mark = if chosen { "(*)" } else { "( )" };
                    super::question::choice_lines(label, w, here, chosen, mark, row.key(), theme)
                }
                Row::Option(_) => Vec::new(),
            }
        })
        .collect();
    let mut tail = vec![(
        None,
        Line::styled(
            st::MATRIX_ROWS_DONE.fill(lang, &[&done, &of]),
            theme.muted(),
        ),
    )];
    if let Some(a) = answer.filter(|a| !a.is_real()) {
        tail.push((None, Line::styled(answer_label(q, a, lang), theme.good())));
    }
    let room = h.saturating_sub(head.len() + tail.len());
    let mut out = head;
    out.extend(super::window(blocks, app.cursor, room, lang, theme));
    out.extend(tail);
    out.truncate(h);
    out
}
