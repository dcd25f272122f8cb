//! The what-if sandbox: the rows to change, grouped by section, and how the results move.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{draw_footer, pad, para};
use crate::domain::output::{answer_label, fmt_score_at, level_label, not_enough};
use crate::domain::{Answer, Lang, ScoreCard};
use crate::tui::app::{App, WhatIfItem, section_title};
use crate::tui::strings as st;
use crate::tui::theme::Theme;

/// "42.0 → 47.5", or the one score when it did not move at the questionnaire's precision.
fn delta(before: Option<f64>, after: Option<f64>, decimals: u8, lang: Lang) -> String {
    let at = |x: f64| fmt_score_at(x, decimals);
    let show = |x: Option<f64>| x.map_or_else(|| not_enough(lang).to_string(), at);
    match (before, after) {
        (Some(b), Some(a)) if at(a) == at(b) => at(a),
        (None, None) => show(None),
        _ => format!("{} → {}", show(before), show(after)),
    }
}

fn summary_lines(
    app: &App,
    before: &ScoreCard,
    after: &ScoreCard,
    w: usize,
    theme: Theme,
    lang: Lang,
) -> Vec<Line<'static>> {
    let q = &app.inst.questionnaire;
    let decimals = q.score_format.precision;
    let mut lines = vec![Line::styled(
        format!(
            "{}: {}",
            st::OVERALL.get(lang),
            delta(before.overall_score, after.overall_score, decimals, lang)
        ),
        theme.title(),
    )];
    for (a, b) in after.areas.iter().zip(&before.areas) {
        let title = q.area(&a.id).map(|x| x.title.get(lang)).unwrap_or("");
        let (level, _) = level_label(&app.inst, Some(a.id.as_str()), a.score, app.lang);
        lines.push(Line::raw(format!(
            "{title}: {} · {level}",
            delta(b.score, a.score, decimals, lang)
        )));
    }
    for (l, b) in after.ladders.iter().zip(&before.ladders) {
        let Some(def) = q.ladders.iter().find(|x| x.id == l.id) else {
            continue;
        };
        let name = |i: usize| def.rungs.get(i).map(|r| r.label.get(lang)).unwrap_or("");
        let text = if l.index == b.index {
            format!("{}: {}", def.title.get(lang), name(l.index))
        } else {
            format!(
                "{}: {} → {}",
                def.title.get(lang),
                name(b.index),
                name(l.index)
            )
        };
        lines.push(Line::styled(
            text,
            if l.index > b.index {
                theme.good()
            } else {
                Style::new()
            },
        ));
    }
    let ids = |c: &ScoreCard| {
        c.recommendations
            .iter()
            .map(|r| r.proposal.to_string())
            .collect::<Vec<_>>()
    };
    let (now, was) = (ids(after), ids(before));
    let mut recs = format!("{}: {}", st::TAB_RECS.get(lang), now.join(" "));
    let gone: Vec<&String> = was.iter().filter(|p| !now.contains(p)).collect();
    if !gone.is_empty() {
        recs.push_str(&format!(
            "  (−{})",
            gone.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    lines.extend(para(&recs, w, Style::new()));
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let theme = app.theme;
    let body = draw_footer(frame, area, app);
    let Some(wi) = &app.whatif else { return };
    let changed = app.whatif_changes();
    let status = if changed == 0 {
        st::WHATIF_UNCHANGED.get(lang).to_string()
    } else {
        st::WHATIF_CHANGED.count(lang, changed, &[])
    };
    let mut head = para(st::WHATIF.get(lang), body.width as usize, theme.title());
    head.push(Line::styled(
        format!(
            "{status}{}{}",
            st::SENTENCE_GAP.get(lang),
            st::WHATIF_MULTI.get(lang)
        ),
        theme.muted(),
    ));
    if let Some(find) = &wi.find {
        head.push(Line::styled(
            format!("{} {}_", st::FIND.get(lang), find.value()),
            theme.selected(),
        ));
    }
    let head_h = head.len() as u16;
    frame.render_widget(
        Paragraph::new(head),
        Rect::new(body.x, body.y, body.width, head_h),
    );

    let summary = summary_lines(app, &app.card, &wi.card, body.width as usize, theme, lang);
    let sum_h = (summary.len() as u16).min(body.height / 2);
    let list_h = body.height.saturating_sub(head_h + sum_h + 2);
    let list = Rect::new(body.x, body.y + head_h + 1, body.width, list_h);
    let lines: Vec<Line> = whatif_list(app, wi, list.width as usize, list_h as usize)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(
        Paragraph::new(summary).wrap(Wrap { trim: true }),
        Rect::new(body.x, list.bottom() + 1, body.width, sum_h),
    );
}

/// The what-if rows, grouped under their section's title, in `h` lines of `w` columns: one
/// line each (cut with an ellipsis), the highlighted one in full (question and answer
/// wrapped), with "↑ N more" and "↓ N more" markers.
fn whatif_list(
    app: &App,
    wi: &crate::tui::app::WhatIf,
    w: usize,
    h: usize,
) -> Vec<(Option<usize>, Line<'static>)> {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let mut blocks: Vec<Vec<Line<'static>>> = Vec::new();
    let mut section = None;
    for (row, &item) in wi.items.iter().enumerate() {
        let question = &q.questions[item.question()];
        let mut block = Vec::new();
        if section != Some(&question.dimension) {
            section = Some(&question.dimension);
            let title = section_title(q, &question.dimension, lang);
            if row > 0 {
                block.push(Line::default());
            }
            block.push(Line::styled(pad(&title, w), theme.title()));
        }
        let current = wi.answers.get(&question.id);
        let (label, answer) = match item {
            WhatIfItem::Step(_) => {
                let answer = current.map_or(format!("[{}]", st::UNANSWERED.get(lang)), |a| {
                    answer_label(question, a, lang)
                });
                (question.text.get(lang), format!("< {answer} >"))
            }
            WhatIfItem::Cell { row, .. } => {
                let def = question.rows.get(row);
                let picked = match (current, def) {
                    (Some(Answer::Matrix(m)), Some(r)) => m.row(r.id.as_str()),
                    _ => None,
                };
                let value = match picked {
                    // A tick row left out of a given answer ticked nothing.
                    None if question.ticks && current.is_some() => "-".to_string(),
                    None => format!("[{}]", st::UNANSWERED.get(lang)),
                    Some([]) => "-".to_string(),
                    Some(os) => os
                        .iter()
                        .filter_map(|o| question.option(o))
                        .map(|o| o.label.get(lang))
                        .collect::<Vec<_>>()
                        .join(crate::domain::report::strings::LIST_SEP.get(lang)),
                };
                // The question's text heads its first row only, as for ticks.
                (
                    if row == 0 {
                        question.text.get(lang)
                    } else {
                        ""
                    },
                    format!(
                        "{}{} < {value} >",
                        def.map_or("", |r| r.label.get(lang)),
                        st::COLON_TIGHT.get(lang)
                    ),
                )
            }
            WhatIfItem::Tick { option, .. } => {
                let opt = &question.options[option];
                let ticked = matches!(current, Some(Answer::Choices(t)) if t.contains(&opt.id));
                // The question's text heads its first option only: the options read as
                // one block under it.
                (
                    if option == 0 {
                        question.text.get(lang)
                    } else {
                        ""
                    },
                    format!(
                        "[{}] {}",
                        if ticked { "x" } else { " " },
                        opt.label.get(lang)
                    ),
                )
            }
        };
        let was_changed = wi.answers.get(&question.id) != app.answers.get(&question.id);
        let here = row == wi.cursor;
        let style = if here {
            theme.selected()
        } else if was_changed {
            theme.good()
        } else {
            Style::new()
        };
        if here {
            // In full: the question over its answer, both wrapped.
            let text = if label.is_empty() {
                question.text.get(lang)
            } else {
                label
            };
            block.extend(super::row_lines(text, w, ("  ", "  "), style));
            block.extend(super::row_lines(&answer, w, ("    ", "      "), style));
        } else {
            let answer_w = w * 2 / 5;
            let text = format!(
                "  {} {}",
                pad(label, w.saturating_sub(answer_w + 3)),
                pad(&answer, answer_w)
            );
            block.push(Line::styled(text, style));
        }
        blocks.push(block);
    }
    super::paged(app, super::window(blocks, wi.cursor, h, lang, theme))
}
