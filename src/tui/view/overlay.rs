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

fn frame_popup(frame: &mut Frame, rect: Rect, title: &str, app: &App) -> Rect {
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), app.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(overlay) = app.overlay else { return };
    let lang = app.lang;
    let theme = app.theme;
    match overlay {
        Overlay::Help => {
            let q = app.question();
            let pw = area.width.saturating_sub(8).min(100);
            let w = pw.saturating_sub(2) as usize;
            let mut lines = para(q.text.get(lang), w, theme.title());
            lines.push(Line::default());
            lines.extend(para(q.help.get(lang), w, Style::new()));
            lines.push(Line::default());
            lines.push(Line::styled(st::EXAMPLE.get(lang), theme.title()));
            lines.extend(para(q.example.get(lang), w, Style::new()));
            lines.push(Line::default());
            lines.extend(hint_lines(app, w));
            let rect = popup(area, pw, lines.len() as u16 + 2);
            let inner = frame_popup(frame, rect, st::HELP_TITLE.get(lang), app);
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::Sections => {
            let sections = app.sections();
            let rect = popup(
                area,
                area.width.saturating_sub(8).min(90),
                (sections.len() as u16 + 4).min(area.height.saturating_sub(2)),
            );
            let inner = frame_popup(frame, rect, st::SECTIONS.get(lang), app);
            let list_h = inner.height.saturating_sub(2) as usize;
            let offset = list_offset(app.sections_cursor, list_h);
            let w = inner.width as usize;
            let mut lines: Vec<Line> = sections
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
            lines.push(Line::default());
            lines.extend(hint_lines(app, w));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::Export => {
            let rect = popup(area, 76, 13);
            let inner = frame_popup(frame, rect, st::EXPORT_TITLE.get(lang), app);
            let w = inner.width as usize;
            let mut lines: Vec<Line> = Vec::new();
            for (i, format) in ReportFormat::ALL.iter().enumerate() {
                let label = match format {
                    ReportFormat::Html => st::EXPORT_HTML,
                    ReportFormat::Text => st::EXPORT_TEXT,
                    ReportFormat::Md => st::EXPORT_MD,
                    ReportFormat::Json => st::EXPORT_JSON,
                };
                let marker = if i == app.export_cursor { ">" } else { " " };
                let text = pad(&format!("{marker} {}  {}", i + 1, label.get(lang)), w);
                let style = if i == app.export_cursor {
                    theme.selected()
                } else {
                    Style::new()
                };
                lines.push(Line::styled(text, style));
            }
            lines.push(Line::default());
            lines.extend(para(st::EXPORT_WHERE.get(lang), w, theme.muted()));
            let example = crate::tui::report_path(app, ReportFormat::ALL[app.export_cursor]);
            lines.extend(para(&example.display().to_string(), w, theme.muted()));
            lines.push(Line::default());
            lines.extend(hint_lines(app, w));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::ConfirmReplace(format) => {
            let rect = popup(area, 64, 9);
            let inner = frame_popup(frame, rect, st::REPLACE_TITLE.get(lang), app);
            let w = inner.width as usize;
            let mut lines = para(
                &crate::tui::report_path(app, format).display().to_string(),
                w,
                theme.good(),
            );
            lines.extend(para(st::REPLACE_BODY.get(lang), w, Style::new()));
            lines.push(Line::default());
            lines.extend(hint_lines(app, w));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::ConfirmQuit if app.unsaved.is_some() => {
            let rect = popup(area, 64, 14);
            let inner = frame_popup(frame, rect, st::QUIT_TITLE.get(lang), app);
            let w = inner.width as usize;
            let mut lines = para(st::QUIT_UNSAVED.get(lang), w, theme.error());
            lines.extend(para(
                app.unsaved.as_deref().unwrap_or_default(),
                w,
                theme.error(),
            ));
            lines.extend(para(st::QUIT_RESCUE.get(lang), w, Style::new()));
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                st::QUIT_KEYS.get(lang),
                theme.key(),
            )));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::ConfirmWhatIf(exit) => {
            let rect = popup(area, 64, 9);
            let inner = frame_popup(frame, rect, st::WHATIF_LEAVE.get(lang), app);
            let w = inner.width as usize;
            let changes = app.whatif_changes();
            let count = st::WHATIF_CHANGED.count(lang, changes, &[]);
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
            lines.push(Line::default());
            lines.extend(hint_lines(app, w));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::ConfirmQuit if !app.written => {
            // Nothing was ever saved: there is no file to point to.
            let rect = popup(area, 64, 7);
            let inner = frame_popup(frame, rect, st::QUIT_TITLE.get(lang), app);
            let w = inner.width as usize;
            let mut lines = para(st::QUIT_NOTHING.get(lang), w, Style::new());
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                st::QUIT_KEYS.get(lang),
                theme.key(),
            )));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::ConfirmQuit => {
            let rect = popup(area, 64, 9);
            let inner = frame_popup(frame, rect, st::QUIT_TITLE.get(lang), app);
            let w = inner.width as usize;
            let mut lines = para(st::QUIT_BODY.get(lang), w, Style::new());
            lines.extend(para(
                &app.session.answers_path.display().to_string(),
                w,
                theme.good(),
            ));
            lines.extend(para(st::QUIT_RESUME.get(lang), w, Style::new()));
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                st::QUIT_KEYS.get(lang),
                theme.key(),
            )));
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}
