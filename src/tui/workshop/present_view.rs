//! Drawing the presenter view for a projector: the question number in large type, the
//! question bold and centred, its options — or, once revealed, how the room answered — and
//! how many firms have answered so far.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::frame::{clock, footer, head};
use super::keymap::hints;
use super::present::{Presenter, WALL_MIN_FIRMS};
use crate::domain::model::{Question, QuestionKind};
use crate::domain::wrap::{width, wrap};
use crate::tui::strings as st;
use crate::tui::view::{bar, pad, para};

pub fn draw(frame: &mut Frame, p: &Presenter) {
    let (lang, theme) = (p.lang, p.theme);
    let Some(body) = footer(frame, &hints(p.ctx(), lang, 0), lang, theme) else {
        return;
    };
    let Some(question) = p.inst.questionnaire.questions.get(p.index) else {
        return;
    };
    let sections = p.sections_list();
    let section = p
        .section_of(p.index)
        .and_then(|i| sections.get(i))
        .map_or("", |s| s.title.as_str());
    // Where the room is (question, timer, section) shares the second row with where phones
    // join.
    let mut at = st::QUESTION_OF.fill(lang, &[&(p.index + 1), &p.len()]);
    let shown = p.timer.shown(p.clock);
    if p.timer.running() || !shown.is_zero() {
        at.push_str(&format!(" · {} {}", st::TIMER.get(lang), clock(shown)));
    }
    at.push_str(&format!(" · {section}"));
    head(frame, body, (&p.title, &at), &p.join, lang, theme);
    // On a large screen the QR code stays at the right; the question takes the rest.
    let body = p.join.beside(frame, body, (2, 1), 12, lang, theme);
    if p.wall {
        wall(
            frame,
            Rect::new(
                body.x,
                body.y + 2,
                body.width,
                body.height.saturating_sub(2),
            ),
            p,
        );
        return;
    }

    // The big number: large pixels when the room's screen is large, small ones otherwise.
    let ((sx, sy), big_h) = if body.height >= 40 {
        ((3, 3), 8)
    } else {
        ((2, 1), 4)
    };
    let mut y = body.y + 2;
    let big: Vec<Line> = big_number(p.index + 1, sx, sy)
        .into_iter()
        .map(|row| Line::styled(row, theme.title()))
        .collect();
    frame.render_widget(
        Paragraph::new(big).alignment(Alignment::Center),
        Rect::new(body.x, y, body.width, big_h),
    );
    y += big_h + 1;

    // The column everything else sits in: centred, at most 120 columns wide.
    let col_w = body.width.saturating_sub(6).min(120);
    let col_x = body.x + (body.width - col_w) / 2;
    let mut lines: Vec<Line> = para(question.text.get(lang), col_w as usize, theme.title());
    if question.visible_if.is_some() {
        lines.push(Line::styled(st::CONDITIONAL.get(lang), theme.muted()));
    }
    let text_h = lines.len() as u16;
    frame.render_widget(
        Paragraph::new(lines).alignment(Alignment::Center),
        Rect::new(col_x, y, col_w, text_h.min(body.bottom().saturating_sub(y))),
    );
    y += text_h + 1;

    // The bottom row: how many firms answered.
    let count_y = body.bottom().saturating_sub(1);
    let t = p.tallies.get(p.index).cloned().unwrap_or_default();
    let mut count = vec![Span::styled(
        st::ANSWERED.fill(lang, &[&t.answered, &t.firms]),
        theme.title(),
    )];
    if t.asked < t.firms {
        count.push(Span::styled(
            format!(" {}", st::NOT_ASKED.fill(lang, &[&(t.firms - t.asked)])),
            theme.muted(),
        ));
    }
    if !p.revealed {
        count.push(Span::styled(
            format!(" · {}", st::REVEAL_HINT.get(lang)),
            theme.muted(),
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(count)).alignment(Alignment::Center),
        Rect::new(body.x, count_y, body.width, 1),
    );

    let mut room = Rect::new(col_x, y, col_w, count_y.saturating_sub(y + 1));
    if p.note {
        let note = wrap(
            question.facilitator_note.get(lang),
            col_w.saturating_sub(4) as usize,
            "",
            "",
        );
        let h = (note.len() as u16 + 2).min(room.height.max(3));
        let note_area = Rect::new(col_x, count_y.saturating_sub(h + 1), col_w, h);
        room.height = room.height.saturating_sub(h + 1);
        let block = Block::new()
            .borders(Borders::ALL)
            .padding(ratatui::widgets::Padding::horizontal(1))
            .border_style(theme.key())
            .title(Span::styled(
                format!(" {} ", st::NOTE_TITLE.get(lang)),
                theme.key(),
            ));
        frame.render_widget(Clear, note_area);
        frame.render_widget(
            Paragraph::new(note.into_iter().map(Line::from).collect::<Vec<_>>()).block(block),
            note_area,
        );
    }
    let rows = if p.revealed {
        distribution(p, question, room.width as usize)
    } else {
        options(p, question, room.width as usize)
    };
    frame.render_widget(Paragraph::new(fit(rows, room.height as usize)), room);

    if let Some(cursor) = p.sections {
        let below = Rect::new(
            body.x,
            body.y + 1,
            body.width,
            body.height.saturating_sub(1),
        );
        frame.render_widget(Clear, below);
        draw_sections(frame, below, p, cursor);
    }
}

/// Fits the rows into `h` lines: with room to spare they are spaced out for reading from
/// afar; without, the last line kept says how many more there are.
fn fit(rows: Vec<Line<'static>>, h: usize) -> Vec<Line<'static>> {
    if rows.len() * 2 <= h {
        return rows
            .into_iter()
            .flat_map(|r| [r, Line::default()])
            .collect();
    }
    let mut rows = rows;
    if rows.len() > h && h > 0 {
        let more = rows.len() - h + 1;
        rows.truncate(h - 1);
        rows.push(Line::raw(format!("   … +{more}")));
    }
    rows
}

fn band_label(q: &Question, i: usize, lang: crate::domain::Lang) -> String {
    let unit = q
        .unit
        .as_ref()
        .map_or(String::new(), |u| format!(" {}", u.get(lang)));
    let Some(b) = q.bands.get(i) else {
        return String::new();
    };
    match b.max {
        Some(max) => format!("{}–{}{unit}", b.min, max),
        None => format!("≥ {}{unit}", b.min),
    }
}

/// The answer choices, as participants see them on their own screens.
fn options(p: &Presenter, q: &Question, w: usize) -> Vec<Line<'static>> {
    let (lang, theme) = (p.lang, p.theme);
    let mut rows: Vec<Line> = Vec::new();
    match q.kind {
        QuestionKind::Number => {
            let unit = q.unit.as_ref().map_or("", |u| u.get(lang));
            rows.push(Line::raw(format!("{} {unit}", st::NUMBER_ANSWER.get(lang))));
        }
        QuestionKind::Text => rows.push(Line::raw(st::TEXT_ANSWER.get(lang))),
        _ => {
            for (i, o) in q.options.iter().enumerate() {
                rows.push(Line::from(vec![
                    Span::styled(format!("{:>2}  ", i + 1), theme.key()),
                    Span::raw(
                        pad(o.label.get(lang), w.saturating_sub(4))
                            .trim_end()
                            .to_string(),
                    ),
                ]));
            }
        }
    }
    if q.dont_know {
        rows.push(Line::from(vec![
            Span::styled(" 0  ", theme.key()),
            Span::raw(crate::domain::output::DONT_KNOW.get(lang)),
        ]));
    }
    rows
}

/// The room's answers as a bar chart.
fn distribution(p: &Presenter, q: &Question, w: usize) -> Vec<Line<'static>> {
    let (lang, theme) = (p.lang, p.theme);
    let t = p.tallies.get(p.index).cloned().unwrap_or_default();
    if t.answered == 0 {
        return vec![Line::styled(st::NO_ANSWERS_YET.get(lang), theme.muted())];
    }
    let mut items: Vec<(String, usize)> = match q.kind {
        QuestionKind::Number => (0..q.bands.len())
            .map(|i| (band_label(q, i, lang), t.bands.get(i).copied().unwrap_or(0)))
            .collect(),
        QuestionKind::Text => Vec::new(),
        _ => q
            .options
            .iter()
            .zip(&t.options)
            .map(|(o, n)| (o.label.get(lang).to_string(), *n))
            .collect(),
    };
    if q.dont_know {
        items.push((
            crate::domain::output::DONT_KNOW.get(lang).to_string(),
            t.dont_know,
        ));
    }
    let label_w = items
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(w / 2)
        .max(6);
    let tail_w = 11; // "  12  100%"
    let bar_w = w.saturating_sub(label_w + 2 + tail_w).max(4);
    items
        .into_iter()
        .map(|(label, n)| {
            // 1 or 2 firms could be pointed at in a small room: no count, no bar, no share.
            let Some(n) = crate::domain::cohort::shown_count(n) else {
                return Line::from(vec![
                    Span::raw(format!("{}  ", pad(&label, label_w))),
                    Span::raw(" ".repeat(bar_w)),
                    Span::styled(format!(" {:>3}", crate::domain::cohort::FEW), Style::new()),
                ]);
            };
            let share = n as f64 / t.answered as f64;
            Line::from(vec![
                Span::raw(format!("{}  ", pad(&label, label_w))),
                Span::styled(bar(share, bar_w), theme.bar()),
                Span::styled(format!(" {n:>3}  {:>3.0}%", share * 100.0), Style::new()),
            ])
        })
        .collect()
}

/// The wall of wishes: every free-text answer, anonymous, in columns on a large screen;
/// hidden while fewer than [`WALL_MIN_FIRMS`] firms have written one.
fn wall(frame: &mut Frame, area: Rect, p: &Presenter) {
    let (lang, theme) = (p.lang, p.theme);
    let has_text = p
        .inst
        .questionnaire
        .questions
        .iter()
        .any(|q| q.kind == QuestionKind::Text);
    let head = format!("{} · {}", st::WALL_TITLE.get(lang), p.wishers);
    let mut lines = vec![Line::styled(head, theme.title()), Line::default()];
    let message = if !has_text {
        Some(st::WALL_NONE.get(lang))
    } else if p.wishers < WALL_MIN_FIRMS {
        Some(st::WALL_TOO_FEW.get(lang))
    } else {
        None
    };
    if let Some(m) = message {
        lines.extend(para(
            m,
            area.width.saturating_sub(4) as usize,
            theme.title(),
        ));
        frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
        return;
    }
    frame.render_widget(
        Paragraph::new(lines).alignment(Alignment::Center),
        Rect::new(area.x, area.y, area.width, 2.min(area.height)),
    );
    let cols: u16 = if area.width >= 100 { 2 } else { 1 };
    let gap = 3;
    let col_w = (area.width.saturating_sub(4 + gap * (cols - 1))) / cols;
    let top = area.y + 2;
    let h = area.bottom().saturating_sub(top) as usize;
    let mut columns: Vec<Vec<Line>> = vec![Vec::new(); cols as usize];
    let mut c = 0;
    for wish in &p.wishes {
        let block: Vec<Line> = wrap(wish, col_w as usize, "• ", "  ")
            .into_iter()
            .map(Line::raw)
            .collect();
        while c < columns.len() && columns[c].len() + block.len() > h {
            c += 1;
        }
        let Some(col) = columns.get_mut(c) else {
            break;
        };
        col.extend(block);
        col.push(Line::default());
    }
    for (i, col) in columns.into_iter().enumerate() {
        let x = area.x + 2 + i as u16 * (col_w + gap);
        frame.render_widget(Paragraph::new(col), Rect::new(x, top, col_w, h as u16));
    }
}

fn draw_sections(frame: &mut Frame, body: Rect, p: &Presenter, cursor: usize) {
    let (lang, theme) = (p.lang, p.theme);
    let list = p.sections_list();
    let w = body.width.saturating_sub(8).min(70);
    let h = (list.len() as u16 + 2).min(body.height.saturating_sub(2));
    let area = Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height.saturating_sub(h)) / 2,
        w,
        h,
    );
    let inner_w = w.saturating_sub(2) as usize;
    let rows: Vec<Line> = list
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let asked: usize = (s.first..=s.last)
                .filter_map(|q| p.tallies.get(q))
                .map(|t| t.asked)
                .sum();
            let answered: usize = (s.first..=s.last)
                .filter_map(|q| p.tallies.get(q))
                .map(|t| t.answered)
                .sum();
            let share = if asked == 0 {
                0.0
            } else {
                answered as f64 / asked as f64
            };
            let range = st::SECTION_ROW.fill(lang, &[&(s.first + 1), &(s.last + 1)]);
            let right = format!("{range:>10}  {} {:>3.0}%", bar(share, 8), share * 100.0);
            let left_w = inner_w.saturating_sub(width(&right) + 3);
            let marker = if (s.first..=s.last).contains(&p.index) {
                "▶ "
            } else {
                "  "
            };
            let text = format!("{marker}{} {right}", pad(&s.title, left_w));
            if i == cursor {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    let block = Block::new().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", st::SECTIONS_TITLE.get(lang)),
        theme.title(),
    ));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(rows).block(block), area);
}

/// The digits 0-9 in a block font three pixels wide and five high: one byte a pixel row,
/// bit 2 the left pixel.
const DIGITS: [[u8; 5]; 10] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b010, 0b010, 0b010],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
];

/// `n` drawn in [`DIGITS`], each pixel `sx` columns wide and `sy` half-rows high (a half-row
/// is about as tall as a column is wide), digits a pixel apart: the rows of text to show.
fn big_number(n: usize, sx: usize, sy: usize) -> Vec<String> {
    let digits: Vec<usize> = n
        .to_string()
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect();
    let (w, h) = ((digits.len() * 4 - 1) * sx, 5 * sy);
    // Whether the pixel under column x, half-row y is set.
    let on = |x: usize, y: usize| {
        let (digit, col) = (x / (4 * sx), x % (4 * sx) / sx);
        y < h && col < 3 && DIGITS[digits[digit]][y / sy] >> (2 - col) & 1 == 1
    };
    (0..h.div_ceil(2))
        .map(|row| {
            (0..w)
                .map(|x| match (on(x, 2 * row), on(x, 2 * row + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::big_number;

    #[test]
    fn the_big_number_is_drawn_in_block_digits() {
        // One pixel a column and a half-row: two pixel rows share a text row.
        assert_eq!(big_number(12, 1, 1), vec!["▄█  ▀▀█", " █  █▀▀", "▀▀▀ ▀▀▀"]);
        // The projector's size fills the eight rows kept for it; the laptop's, four.
        let large = big_number(10, 3, 3);
        assert_eq!(large.len(), 8);
        assert!(large.iter().all(|r| r.chars().count() == 21));
        assert_eq!(big_number(7, 2, 1).len(), 3);
    }
}
