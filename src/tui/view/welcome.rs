//! The welcome screen: what the check measures, language, firm profile, start or resume.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{draw_footer, pad, para};
use crate::domain::text::display_safe;
use crate::domain::wrap::width;
use crate::tui::app::{App, WelcomeItem};
use crate::tui::strings as st;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let body = draw_footer(frame, area, app);
    // Where answers go sits in the bottom border, so a long intro can never push it away.
    let saved_in = saved_in_line(app, body.width.saturating_sub(4) as usize);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(
            // The program's name: the questionnaire's own title is the first line inside.
            " smecheck ",
            theme.title(),
        ))
        .title_bottom(Line::styled(saved_in, theme.muted()));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let w = inner.width as usize;

    // The form is built first, its rows counted from its own top; the intro above it is left
    // out when the notes and the form would not fit with it.
    let mut lines: Vec<Line> = Vec::new();

    let label_w = q
        .profile
        .iter()
        .map(|f| width(f.label.get(lang)))
        .chain([width(st::LANGUAGE.get(lang))])
        .max()
        .unwrap_or(10)
        .clamp(10, (w / 2).max(10))
        + 2;
    let mut cursor_pos: Option<Position> = None;
    for (i, item) in app.welcome_items().iter().enumerate() {
        let focused = i == app.welcome_focus;
        let style = if focused {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        let marker = if focused { "> " } else { "  " };
        // Headings first, so that the text cursor lands on its field's row.
        if matches!(item, WelcomeItem::Profile(0)) {
            lines.push(Line::styled(st::PROFILE.get(lang), theme.title()));
        }
        if matches!(item, WelcomeItem::Resume | WelcomeItem::Start) {
            lines.push(Line::default());
        }
        let line = match item {
            WelcomeItem::Lang => Line::from(vec![
                Span::raw(marker),
                Span::raw(pad(st::LANGUAGE.get(lang), label_w)),
                Span::styled(format!("< {} >", st::LANG_NAME.get(lang)), style),
            ]),
            WelcomeItem::Profile(p) => {
                let field = &q.profile[*p];
                let value = if field.options.is_empty() {
                    let v = display_safe(app.profile_inputs[*p].value()).into_owned();
                    if focused {
                        let x = inner.x
                            + 2
                            + label_w as u16
                            + 1
                            + app.profile_inputs[*p].visual_cursor() as u16;
                        cursor_pos = Some(Position::new(
                            x.min(inner.right().saturating_sub(1)),
                            lines.len() as u16,
                        ));
                    }
                    let field_w = w.saturating_sub(label_w + 4).min(30);
                    format!("[{}]", pad(&v, field_w))
                } else {
                    let v = app
                        .answers
                        .profile
                        .get(&field.id)
                        .and_then(|v| field.options.iter().find(|o| &o.id == v))
                        .map_or(st::NOT_SET.get(lang).to_string(), |o| {
                            o.label.get(lang).to_string()
                        });
                    pad(&format!("< {v} >"), w.saturating_sub(label_w + 2))
                        .trim_end()
                        .to_string()
                };
                Line::from(vec![
                    Span::raw(marker),
                    Span::raw(pad(field.label.get(lang), label_w)),
                    Span::styled(value, style),
                ])
            }
            WelcomeItem::Resume => {
                // The button, then how far the check got and when, on its own line: never cut.
                let total = app.visible_indices().len();
                let mut text = st::ANSWERED_OF.fill(lang, &[&app.answered_count(), &total]);
                if let Some(at) = &app.session.saved_at {
                    text.push_str(&format!(
                        " · {} {}",
                        st::SAVED_AT.get(lang),
                        readable_time(at, app.utc_offset)
                    ));
                }
                lines.push(Line::from(vec![
                    Span::raw(marker),
                    Span::styled(format!("[ {} ]", st::RESUME.get(lang)), style),
                ]));
                Line::styled(format!("    {text}"), theme.muted())
            }
            WelcomeItem::StartOver => {
                let button = format!("[ {} ]", st::START_OVER.get(lang));
                let note = st::START_OVER_NOTE.get(lang);
                if width(&button) + width(note) + 4 <= w {
                    Line::from(vec![
                        Span::raw(marker),
                        Span::styled(button, style),
                        Span::styled(format!("  {note}"), theme.muted()),
                    ])
                } else {
                    lines.push(Line::from(vec![
                        Span::raw(marker),
                        Span::styled(button, style),
                    ]));
                    Line::styled(format!("    {note}"), theme.muted())
                }
            }
            WelcomeItem::FollowUp => Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("[ {} ]", st::FOLLOW_UP.get(lang)), style),
            ]),
            WelcomeItem::Start => Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("[ {} ]", st::START.get(lang)), style),
            ]),
        };
        lines.push(line);
    }
    let form = lines;
    let mut notes: Vec<Line> = Vec::new();
    if let Some(b) = &app.session.unreadable_backup {
        notes.extend(para(
            &format!("{} {}", st::UNREADABLE.get(lang), b.display()),
            w,
            theme.error(),
        ));
        // Why, so that the owner can fix the file instead of guessing.
        if let Some(reason) = app.session.unreadable_reason.as_deref()
            && let Some(first) = reason.lines().next()
        {
            notes.extend(para(first, w, theme.error()));
        }
    }
    if !app.session.dropped.is_empty() {
        let ids: Vec<&str> = app
            .session
            .dropped
            .iter()
            .map(|d| d.question.as_str())
            .collect();
        notes.extend(para(
            &format!(
                "{} {}",
                st::DROPPED.count(lang, ids.len(), &[]),
                ids.join(", ")
            ),
            w,
            theme.error(),
        ));
    }
    let mut head: Vec<Line> = para(q.title.get(lang), w, theme.title());
    let intro = para(q.intro.get(lang), w, ratatui::style::Style::new());
    let mut tail = vec![Line::styled(
        st::MINUTES.fill(lang, &[&q.minutes]),
        theme.muted(),
    )];
    if let Some(code) = &app.session.firm_code {
        tail.push(crate::tui::workshop::firm_code_welcome(code, lang, theme));
    }
    if let Some(follow) = app.follow_summary() {
        tail.extend(para(&follow, w, theme.title()));
    }
    let fixed = head.len() + tail.len() + notes.len() + usize::from(!notes.is_empty()) + 1;
    if fixed + intro.len() + form.len() <= inner.height as usize {
        head.extend(intro);
    }
    head.extend(tail);
    if !notes.is_empty() {
        head.push(Line::default());
        head.extend(notes);
    }
    head.push(Line::default());
    let form_top = inner.y + head.len() as u16;
    let mut lines = head;
    lines.extend(form);
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(p) = cursor_pos {
        let p = Position::new(p.x, form_top + p.y);
        if p.y < inner.bottom() {
            frame.set_cursor_position(p);
        }
    }
}

/// `2026-11-24T10:15:00Z` in local time: `2026-11-24 18:15` with the offset the shell found
/// (`+08:00`); without one, `2026-11-24 10:15 UTC`. Anything else is shown as it is.
pub fn readable_time(rfc3339: &str, offset: Option<time::UtcOffset>) -> String {
    let num = |a: usize, b: usize| rfc3339.get(a..b).and_then(|x| x.parse::<u16>().ok());
    let parts = (
        num(0, 4),
        num(5, 7),
        num(8, 10),
        num(11, 13),
        num(14, 16),
        num(17, 19),
    );
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) = parts else {
        return rfc3339.to_string();
    };
    if !rfc3339.ends_with('Z') {
        return rfc3339.to_string();
    }
    let utc = time::Month::try_from(mo as u8)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(i32::from(y), m, d as u8).ok())
        .zip(time::Time::from_hms(h as u8, mi as u8, s as u8).ok())
        .map(|(date, t)| time::PrimitiveDateTime::new(date, t).assume_utc());
    let Some(utc) = utc else {
        return rfc3339.to_string();
    };
    let show = |t: time::OffsetDateTime| {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        )
    };
    match offset {
        Some(o) => show(utc.to_offset(o)),
        None => format!("{} UTC", show(utc)),
    }
}

/// " Answers are saved automatically in: …/answers/self-check-….json ", the path shortened
/// from the left to fit `max` columns (its file name is what tells files apart).
fn saved_in_line(app: &App, max: usize) -> String {
    let label = st::SAVED_IN.get(app.lang);
    let path = display_safe(&app.session.answers_path.display().to_string()).into_owned();
    let room = max.saturating_sub(width(label) + 3);
    let shown = if width(&path) <= room {
        path
    } else {
        let mut tail: Vec<char> = Vec::new();
        let mut used = 1;
        for c in path.chars().rev() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > room {
                break;
            }
            tail.push(c);
            used += cw;
        }
        format!("…{}", tail.into_iter().rev().collect::<String>())
    };
    format!(" {label} {shown} ")
}
