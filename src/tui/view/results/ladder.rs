//! The ladder tab of the results: each ladder's rungs, the firm's marked, the chosen one
//! with what it means, and what the next rung needs.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::domain::ScoreCard;
use crate::tui::app::App;
use crate::tui::strings as st;
use crate::tui::view::{pad, para};

use super::wrapped;

/// Lines kept under the chosen rung when the ladder scrolls: what the rung means.
pub(super) const RUNG_MEANING_LINES: usize = 4;

/// The ladder tab: each ladder's rungs, top first, the firm's rung marked in words and the
/// chosen rung (↑↓) with what it means; then what the firm's rung means and what the next
/// one needs. Returns the lines, the line of the chosen rung and the line each rung starts on.
pub(super) fn ladder_lines(
    app: &App,
    card: &ScoreCard,
    w: usize,
) -> (Vec<Line<'static>>, usize, Vec<usize>) {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let chosen = app.rungs().get(app.rung_cursor).copied();
    let mut at = 0;
    let mut rung_starts = Vec::new();
    let mut lines = Vec::new();
    for l in &card.ladders {
        let Some(li) = q.ladders.iter().position(|x| x.id == l.id) else {
            continue;
        };
        let def = &q.ladders[li];
        lines.push(Line::styled(
            format!("{} ({}/{})", def.title.get(lang), l.index + 1, l.of),
            theme.title(),
        ));
        for (i, r) in def.rungs.iter().enumerate().rev() {
            let picked = chosen == Some((li, i));
            let state = if i == l.index {
                st::YOU_ARE_HERE.get(lang)
            } else if i < l.index {
                st::RUNG_REACHED.get(lang)
            } else {
                st::RUNG_AHEAD.get(lang)
            };
            let style = if picked {
                theme.selected()
            } else if i == l.index {
                theme.title()
            } else if i < l.index {
                theme.good()
            } else {
                theme.muted()
            };
            let mark = if picked { ">" } else { " " };
            let text = format!("{mark} [{}] {} · {state}", i + 1, r.label.get(lang));
            rung_starts.push(lines.len());
            if picked {
                at = lines.len();
                lines.extend(
                    crate::domain::wrap::wrap(&text, w, "", "      ")
                        .into_iter()
                        .map(|t| Line::styled(pad(&t, w), style)),
                );
                let about = st::RUNG_MEANS.fill(
                    lang,
                    &[&(i + 1), &def.rungs.len(), &r.description.get(lang)],
                );
                lines.extend(wrapped(&about, w, "      ", "      ", Style::new()));
            } else {
                lines.push(Line::styled(pad(&text, w).trim_end().to_string(), style));
            }
        }
        lines.push(Line::default());
        // What the firm's rung means, unless the chosen rung above already says it.
        if chosen != Some((li, l.index)) {
            lines.extend(para(&l.meaning(def, lang), w, Style::new()));
        }
        match &l.next {
            Some(next) => {
                let label = l.next_rung(def).map(|r| r.label.get(lang)).unwrap_or("");
                lines.extend(para(&st::NEXT_RUNG.fill(lang, &[&label]), w, theme.title()));
                for u in &next.unmet {
                    let unmet = u.describe(lang);
                    lines.extend(wrapped(&unmet, w, "  - ", "    ", Style::new()));
                }
            }
            None => lines.push(Line::styled(st::TOP_RUNG.get(lang), theme.good())),
        }
        if !l.held_above.is_empty() {
            let names: Vec<&str> = l
                .held_above
                .iter()
                .filter_map(|id| def.rungs.iter().find(|r| &r.id == id))
                .map(|r| r.label.get(lang))
                .collect();
            lines.extend(para(
                &format!("{} {}", st::HELD_ABOVE.get(lang), names.join(", ")),
                w,
                theme.muted(),
            ));
        }
        lines.push(Line::default());
    }
    (lines, at, rung_starts)
}
