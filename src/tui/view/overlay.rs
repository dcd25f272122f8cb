//! Pop-ups over the current screen: question help, the section list, the quit confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{hint_lines, list_offset, pad, para};
use crate::domain::report::ReportFormat;
use crate::tui::app::{App, Overlay, WhatIfExit};
use crate::tui::strings::{self as st};

fn popup(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Draws a bordered pop-up of `lines` under `title`, `w` wide and `h` tall (or as tall as
/// its lines), centred in `area`.
fn boxed(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: &str,
    size: (u16, Option<u16>),
    lines: Vec<Line>,
) {
    let (w, h) = size;
    let rect = popup(area, w, h.unwrap_or(lines.len() as u16 + 2));
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(overlay) = app.overlay else { return };
    let lang = app.lang;
    let theme = app.theme;
    // The width inside the borders of a pop-up `pw` wide.
    let inner_w = |pw: u16| pw.min(area.width).saturating_sub(2) as usize;
    let quit_keys = || Line::styled(st::QUIT_KEYS.get(lang), theme.key());
    let (title, size, mut lines, tail) = match overlay {
        Overlay::Help => {
            let q = app.question();
            let pw = area.width.saturating_sub(8).min(100);
            let w = inner_w(pw);
            let mut lines = para(q.text.get(lang), w, theme.title());
            lines.push(Line::default());
            lines.extend(para(q.help.get(lang), w, Style::new()));
            lines.push(Line::default());
            lines.push(Line::styled(st::EXAMPLE.get(lang), theme.title()));
            lines.extend(para(q.example.get(lang), w, Style::new()));
            (st::HELP_TITLE, (pw, None), lines, hint_lines(app, w))
        }
        Overlay::Sections => {
            let sections = app.sections();
            let pw = area.width.saturating_sub(8).min(90);
            let h = (sections.len() as u16 + 4).min(area.height.saturating_sub(2));
            let list_h = h.saturating_sub(4) as usize;
            let offset = list_offset(app.sections_cursor, list_h);
            let w = inner_w(pw);
            let lines = sections
                .iter()
                .enumerate()
                .skip(offset)
                .take(list_h)
                .map(|(i, s)| {
                    let count = format!("{:>2}/{:<2}", s.answered, s.asked);
                    let text = format!("{} {count}", pad(&s.title, w.saturating_sub(7)));
                    let style = if i == app.sections_cursor {
                        theme.selected()
                    } else if s.answered == s.asked {
                        theme.good()
                    } else {
                        Style::new()
                    };
                    Line::styled(text, style)
                })
                .collect();
            (st::SECTIONS, (pw, Some(h)), lines, hint_lines(app, w))
        }
        Overlay::Export => {
            let w = inner_w(76);
            let mut lines: Vec<Line> = Vec::new();
            for (i, format) in ReportFormat::ALL.iter().enumerate() {
                let marker = if i == app.export_cursor { ">" } else { " " };
                let label = st::export_label(*format).get(lang);
                let text = pad(&format!("{marker} {}  {label}", i + 1), w);
                let style = if i == app.export_cursor {
                    theme.selected()
                } else {
                    Style::new()
                };
                lines.push(Line::styled(text, style));
            }
            lines.push(Line::default());
            lines.extend(para(st::EXPORT_WHERE.get(lang), w, theme.muted()));
            let example =
                crate::tui::report_path(&app.session, ReportFormat::ALL[app.export_cursor]);
            lines.extend(para(&example.display().to_string(), w, theme.muted()));
            (st::EXPORT_TITLE, (76, Some(13)), lines, hint_lines(app, w))
        }
        Overlay::ConfirmReplace(format) => {
            let w = inner_w(64);
            let path = crate::tui::report_path(&app.session, format);
            let mut lines = para(&path.display().to_string(), w, theme.good());
            lines.extend(para(st::REPLACE_BODY.get(lang), w, Style::new()));
            (st::REPLACE_TITLE, (64, Some(9)), lines, hint_lines(app, w))
        }
        Overlay::ConfirmQuit if app.unsaved.is_some() => {
            let w = inner_w(64);
            let mut lines = para(st::QUIT_UNSAVED.get(lang), w, theme.error());
            let why = app.unsaved.as_deref().unwrap_or_default();
            lines.extend(para(why, w, theme.error()));
            lines.extend(para(st::QUIT_RESCUE.get(lang), w, Style::new()));
            (st::QUIT_TITLE, (64, Some(14)), lines, vec![quit_keys()])
        }
        Overlay::ConfirmWhatIf(exit) => {
            let w = inner_w(64);
            let count = st::WHATIF_CHANGED.count(lang, app.whatif_changes(), &[]);
            let mut lines = para(&count, w, theme.good());
            let question = match exit {
                WhatIfExit::Discard => st::WHATIF_DISCARD_Q.get(lang).to_string(),
                WhatIfExit::Adopt => {
                    let day = if app.today.is_empty() {
                        st::TODAY.get(lang)
                    } else {
                        app.today.as_str()
                    };
                    st::WHATIF_ADOPT_Q.fill(lang, &[&day])
                }
            };
            lines.extend(para(&question, w, Style::new()));
            (st::WHATIF_LEAVE, (64, Some(9)), lines, hint_lines(app, w))
        }
        // Nothing was ever saved: there is no file to point to.
        Overlay::ConfirmQuit if !app.written => {
            let lines = para(st::QUIT_NOTHING.get(lang), inner_w(64), Style::new());
            (st::QUIT_TITLE, (64, Some(7)), lines, vec![quit_keys()])
        }
        Overlay::ConfirmQuit => {
            let w = inner_w(64);
            let mut lines = para(st::QUIT_BODY.get(lang), w, Style::new());
            let path = app.session.answers_path.display().to_string();
            lines.extend(para(&path, w, theme.good()));
            lines.extend(para(st::QUIT_RESUME.get(lang), w, Style::new()));
            (st::QUIT_TITLE, (64, Some(9)), lines, vec![quit_keys()])
        }
    };
    lines.push(Line::default());
    lines.extend(tail);
    boxed(frame, area, app, title.get(lang), size, lines);
}
