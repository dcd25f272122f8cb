//! The review screen: every asked question with its answer; unanswered ones stand out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{draw_footer, frame_parts, pad, para};
use crate::domain::output::answer_label;
use crate::domain::wrap::width;
use crate::tui::app::App;
use crate::tui::strings as st;

/// The rows of the question list (shared with mouse hit-testing). The header takes two rows.
pub fn list_area(area: Rect) -> Rect {
    // The footer is at most 4 rows (note + 3 hint rows); the list starts under the header.
    let top = area.y + 3;
    Rect::new(area.x, top, area.width, area.height.saturating_sub(3 + 4))
}

/// The list's rows as drawn: under the header, above the footer.
pub fn list_rect(area: Rect, app: &App) -> Rect {
    let (body, _, _, _) = frame_parts(area, app);
    let list = list_area(area);
    Rect::new(
        list.x,
        list.y,
        list.width,
        body.bottom().saturating_sub(list.y),
    )
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let theme = app.theme;
    let (body, _, _, _) = frame_parts(area, app);
    draw_footer(frame, area, app);
    let vis = app.visible_indices();
    let todo = vis.iter().filter(|i| !app.is_answered(**i)).count();
    let mut head = vec![Line::styled(st::REVIEW.get(lang), theme.title())];
    let mut status = if todo == 0 {
        st::REVIEW_DONE.get(lang).to_string()
    } else {
        st::REVIEW_TODO.count(lang, todo, &[])
    };
    if app.is_follow_up() {
        status = format!("{status}  {}", st::LEGEND.get(lang));
    }
    head.extend(
        para(
            &status,
            body.width as usize,
            if todo == 0 {
                theme.good()
            } else {
                theme.error()
            },
        )
        .into_iter()
        .take(2),
    );
    frame.render_widget(
        Paragraph::new(head),
        Rect::new(body.x, body.y, body.width, 3),
    );

    let list = list_rect(area, app);
    let lines: Vec<Line> = list_lines(list, app).into_iter().map(|(_, l)| l).collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The review list's lines in `list`, each with the row (position among asked questions) it
/// belongs to; shared with mouse hit-testing. Each question takes one line with its answer
/// cut to fit; the highlighted one shows its question and its whole answer (every ticked
/// option), wrapped.
pub fn list_lines(list: Rect, app: &App) -> Vec<(Option<usize>, Line<'static>)> {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let w = list.width as usize;
    let blocks: Vec<Vec<Line<'static>>> = app
        .visible_indices()
        .iter()
        .enumerate()
        .map(|(row, &qi)| {
            let question = &q.questions[qi];
            let answered = app.is_answered(qi);
            let answer = match app.answers.get(&question.id) {
                Some(a) if answered => answer_label(question, a, lang),
                _ => format!("[{}]", st::UNANSWERED.get(lang)),
            };
            // In a follow-up the sign says confirmed, changed or carried over.
            let sign = match app.follow_mark(qi) {
                _ if !answered => "!",
                Some(mark) => mark.sign(),
                None => " ",
            };
            let num = format!("{:>2} {sign} ", row + 1);
            let here = row == app.review_cursor;
            let style = if here {
                theme.selected()
            } else if !answered {
                theme.error()
            } else {
                Style::new()
            };
            if here {
                let indent = " ".repeat(width(&num));
                let text = question.text.get(lang);
                let mut lines = super::row_lines(text, w, (&num, &indent), style);
                let first = format!("{indent}→ ");
                let rest = " ".repeat(width(&first));
                lines.extend(super::row_lines(&answer, w, (&first, &rest), style));
                return lines;
            }
            let answer_w = (w / 3).min(width(&answer) + 1).max(8);
            let text_w = w.saturating_sub(width(&num) + answer_w + 1);
            let text = format!(
                "{num}{} {}",
                pad(question.text.get(lang), text_w),
                pad(&answer, answer_w)
            );
            vec![Line::styled(text, style)]
        })
        .collect();
    let lines = super::window(blocks, app.review_cursor, list.height as usize, lang, theme);
    super::paged(app, lines)
}
