//! The question screen: section, progress, the question, and its options or input field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use super::{draw_footer, frame_parts};
use crate::domain::model::QuestionKind;
use crate::domain::output::answer_label;
use crate::domain::text::display_safe;
use crate::domain::wrap::{width, wrap};
use crate::tui::app::{App, Row, section_title};
use crate::tui::strings::{self as st};
use crate::tui::theme::Theme;

/// Where each part of the question screen goes; shared by drawing and mouse hit-testing.
pub struct QuestionLayout {
    pub header: Rect,
    pub gauge: Rect,
    pub text: Rect,
    pub instruction: Rect,
    /// The option list, or the input field for number and text questions.
    pub list: Rect,
}

const MAX_TEXT_LINES: usize = 6;

fn text_lines(app: &App, w: usize) -> Vec<String> {
    let mut lines = wrap(app.question().text.get(app.lang), w, "", "");
    if lines.len() > MAX_TEXT_LINES {
        // The rest is in the help (?): say that something was cut.
        lines.truncate(MAX_TEXT_LINES);
        if let Some(last) = lines.last_mut() {
            *last = super::pad(&format!("{last}……"), w).trim_end().to_string();
        }
    }
    lines
}

pub fn layout(area: Rect, app: &App) -> QuestionLayout {
    let (body, _, _, _) = frame_parts(area, app);
    let w = body.width;
    let text_h = text_lines(app, w as usize).len() as u16;
    let header = Rect::new(body.x, body.y, w, 1);
    let gauge = Rect::new(body.x, body.y + 1, w, 1);
    let text = Rect::new(body.x, body.y + 3, w, text_h);
    let instruction = Rect::new(body.x, text.bottom() + 1, w, 1);
    let list_y = instruction.bottom() + 1;
    let list = Rect::new(body.x, list_y, w, body.bottom().saturating_sub(list_y));
    QuestionLayout {
        header,
        gauge,
        text,
        instruction,
        list,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let theme = app.theme;
    let q = app.question();
    let l = layout(area, app);
    draw_footer(frame, area, app);

    let (pos, total) = app.progress();
    let section = section_title(&app.inst.questionnaire, &q.dimension, lang);
    let counter = format!("{pos} / {total}");
    let left_w = (l.header.width as usize).saturating_sub(width(&counter) + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(super::pad(&section, left_w), theme.title()),
            Span::raw(" "),
            Span::styled(counter, theme.title()),
        ])),
        l.header,
    );
    let ratio = if total == 0 {
        0.0
    } else {
        app.answered_count() as f64 / total as f64
    };
    frame.render_widget(
        Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .gauge_style(theme.bar())
            .label(st::ANSWERED_OF.fill(lang, &[&app.answered_count(), &total])),
        l.gauge,
    );
    let text: Vec<Line> = text_lines(app, l.text.width as usize)
        .into_iter()
        .map(|s| Line::styled(s, theme.title()))
        .collect();
    frame.render_widget(Paragraph::new(text), l.text);

    let instruction = match q.kind {
        QuestionKind::Multi => st::MULTI_HINT.get(lang).to_string(),
        QuestionKind::Number => {
            let unit = q.unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
            let range = match (q.min, q.max) {
                (Some(lo), Some(hi)) => format!(" · {lo}–{hi} {unit}"),
                _ => format!(" · {unit}"),
            };
            format!("{}{}", st::TYPE_NUMBER.get(lang), range.trim_end())
        }
        QuestionKind::Text => st::TYPE_TEXT.get(lang).to_string(),
        QuestionKind::Matrix if q.ticks => st::MATRIX_TICKS_HINT.get(lang).to_string(),
        QuestionKind::Matrix => st::MATRIX_HINT.get(lang).to_string(),
        _ => st::SKIP_MEANS.get(lang).to_string(),
    };
    // In a follow-up: whether this answer is confirmed, changed or only carried over.
    let instruction = match app.follow_mark(app.current) {
        Some(mark) => Line::from(vec![
            Span::styled(mark.tag(lang), mark.style(theme)),
            Span::styled(format!("  {instruction}"), theme.muted()),
        ]),
        None => Line::styled(instruction, theme.muted()),
    };
    frame.render_widget(Paragraph::new(instruction), l.instruction);

    match q.kind {
        QuestionKind::Number | QuestionKind::Text => draw_input(frame, l.list, app),
        _ => draw_options(frame, l.list, app),
    }
}

/// The option list's lines as drawn in `area`, each with the list row it belongs to (`None`
/// for the "more" markers); shared by drawing and mouse hit-testing. Long labels wrap under
/// themselves, so no option is ever cut.
pub fn option_lines(area: Rect, app: &App) -> Vec<(Option<usize>, Line<'static>)> {
    let q = app.question();
    if q.is_matrix() {
        return super::paged(
            app,
            super::matrix::lines(app, area.width as usize, area.height as usize),
        );
    }
    let theme = app.theme;
    let answer = app.answers.get(&q.id);
    let shown = app.cursor_shown();
    let w = area.width as usize;
    let blocks: Vec<Vec<Line<'static>>> = app
        .rows()
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (label, chosen) = row.label(q, answer, app.lang);
            let tick = q.kind == QuestionKind::Multi && matches!(row, Row::Option(_));
            let mark = match (tick, chosen) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(*)",
                (false, false) => "( )",
            };
            let here = shown && i == app.cursor;
            choice_lines(label, w, here, chosen, mark, row.key(), theme)
        })
        .collect();
    let lines = super::window(
        blocks,
        app.cursor,
        area.height as usize,
        app.lang,
        app.theme,
    );
    super::paged(app, lines)
}

/// One answer row: the cursor, the mark (`(*)`, `[x]`, …), the key and the label wrapped
/// under itself; lit when the cursor is on it, marked good when chosen. The question screen
/// and the matrix screen's "don't know" rows draw their choices this way.
pub(super) fn choice_lines(
    label: &str,
    w: usize,
    here: bool,
    chosen: bool,
    mark: &str,
    key: Option<char>,
    theme: Theme,
) -> Vec<Line<'static>> {
    let cursor = if here { ">" } else { " " };
    let key = key.unwrap_or(' ');
    let style = if here {
        theme.selected()
    } else if chosen {
        theme.good()
    } else {
        Style::new()
    };
    let first = format!("{cursor} {mark} {key}  ");
    let indent = " ".repeat(width(&first));
    super::row_lines(label, w, (&first, &indent), style)
}

fn draw_options(frame: &mut Frame, area: Rect, app: &App) {
    let lines: Vec<Line> = option_lines(area, app)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_input(frame: &mut Frame, area: Rect, app: &App) {
    let q = app.question();
    let theme = app.theme;
    let lang = app.lang;
    let field_w = area.width.min(60);
    let field = Rect::new(area.x, area.y, field_w, 3.min(area.height));
    let inner_w = field_w.saturating_sub(2) as usize;
    let scroll = app.input.visual_scroll(inner_w.saturating_sub(1));
    let unit = if q.kind == QuestionKind::Number {
        q.unit
            .as_ref()
            .map(|u| format!(" {} ", u.get(lang)))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .title_bottom(Line::from(unit).right_aligned());
    frame.render_widget(
        Paragraph::new(display_safe(app.input.value()).into_owned())
            .scroll((0, scroll as u16))
            .block(block),
        field,
    );
    let x = field.x + 1 + (app.input.visual_cursor().saturating_sub(scroll)) as u16;
    frame.set_cursor_position(Position::new(
        x.min(field.right().saturating_sub(2)),
        field.y + 1,
    ));

    let mut lines = Vec::new();
    if let Some(a) = app.answers.get(&q.id) {
        // Wrapped, never cut: the whole answer given so far.
        let text = format!("{}{}", st::ANSWER_IS.get(lang), answer_label(q, a, lang));
        lines.extend(super::wrapped(
            &text,
            area.width as usize,
            "",
            "  ",
            theme.good(),
        ));
    }
    for row in app
        .rows()
        .into_iter()
        .filter(|r| !matches!(r, Row::Option(_)))
    {
        let (label, chosen) = row.label(q, app.answers.get(&q.id), lang);
        lines.push(Line::styled(
            format!("{}  {label}", row.key().unwrap_or(' ')),
            if chosen { theme.good() } else { theme.muted() },
        ));
    }
    let below = Rect::new(
        area.x,
        field.bottom(),
        area.width,
        area.height.saturating_sub(field.height),
    );
    frame.render_widget(Paragraph::new(lines), below);
}
