//! Results: headline scores, dimensions, the cloud ladder, recommendations and a
//! recommendation's detail. The what-if sandbox is drawn in [`super::whatif`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use super::{bar, draw_footer, pad, para};
use crate::domain::model::Horizon;
use crate::domain::output::{
    fmt_score, fmt_score_at, horizon_label, level_label, not_enough, provisional_suffix,
    score_and_level,
};
use crate::domain::report::plan::first_sentence;
use crate::domain::report::{Report, strip_aside};
use crate::domain::wrap::width;
use crate::domain::{Lang, ScoreCard};
use crate::tui::app::{App, Tab};
use crate::tui::strings as st;

fn header(frame: &mut Frame, body: Rect, app: &App) -> Rect {
    let lang = app.lang;
    let tabs = app.tabs();
    let titles: Vec<&str> = tabs.iter().map(|t| tab_title(*t, lang)).collect();
    let selected = tabs.iter().position(|t| *t == app.tab).unwrap_or(0);
    frame.render_widget(
        Paragraph::new(Line::styled(st::RESULTS.get(lang), app.theme.title())),
        Rect::new(body.x, body.y, body.width, 1),
    );
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .highlight_style(app.theme.selected()),
        Rect::new(body.x, body.y + 1, body.width, 1),
    );
    Rect::new(
        body.x,
        body.y + 3,
        body.width,
        body.height.saturating_sub(3),
    )
}

/// Where the tab titles are drawn (one row), for mouse hit-testing.
pub fn tabs_row(area: Rect, app: &App) -> Rect {
    let (body, _, _, _) = super::frame_parts(area, app);
    Rect::new(body.x, body.y + 1, body.width, 1)
}

/// The tab under column `col` of the tab row: the titles are drawn as " title " with a
/// one-column divider between them.
pub fn tab_at(col: u16, app: &App) -> Option<Tab> {
    let mut x = 0usize;
    for tab in app.tabs() {
        let w = width(tab_title(tab, app.lang)) + 2;
        if (col as usize) >= x && (col as usize) < x + w {
            return Some(tab);
        }
        x += w + 1;
    }
    None
}

fn tab_title(tab: Tab, lang: Lang) -> &'static str {
    match tab {
        Tab::Summary => st::TAB_SUMMARY,
        Tab::Plan => st::TAB_PLAN,
        Tab::Overview => st::TAB_OVERVIEW,
        Tab::Ladder => st::TAB_LADDER,
        Tab::Recommendations => st::TAB_RECS,
    }
    .get(lang)
}

/// The lines of a tab that scrolls (every tab but the recommendations), `w` columns wide.
fn tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    match app.tab {
        Tab::Summary => summary_tab_lines(app, w),
        Tab::Plan => plan_tab_lines(app, w),
        Tab::Overview => overview_lines(app, &app.card, w),
        Tab::Ladder => ladder_lines(app, &app.card, w).0,
        Tab::Recommendations => Vec::new(),
    }
}

/// The rows under the tab titles, where a tab's content goes.
fn content_rect(area: Rect, app: &App) -> Rect {
    let (body, _, _, _) = super::frame_parts(area, app);
    Rect::new(
        body.x,
        body.y + 3,
        body.width,
        body.height.saturating_sub(3),
    )
}

/// How far `lines` lines in a view `height` rows high can scroll: no further than the last
/// line at the bottom, never into blank screen.
fn max_scroll(lines: usize, height: u16) -> u16 {
    u16::try_from(lines.saturating_sub(height as usize)).unwrap_or(u16::MAX)
}

/// "↑ N more lines" / "↓ N more lines" for a scrolled text, on the row above it.
fn scroll_marks(app: &App, scroll: u16, lines: usize, h: u16) -> Line<'static> {
    let above = scroll as usize;
    let below = lines.saturating_sub(above + h as usize);
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(st::LINES_ABOVE.count(app.lang, above, &[]));
    }
    if below > 0 {
        parts.push(st::LINES_BELOW.count(app.lang, below, &[]));
    }
    Line::styled(parts.join("   "), app.theme.muted()).right_aligned()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let body = draw_footer(frame, area, app);
    let content = header(frame, body, app);
    let w = content.width as usize;
    let (lines, scroll) = match app.tab {
        Tab::Recommendations => {
            app.scroll_max.set(0);
            return draw_recs(frame, content, app);
        }
        Tab::Ladder => {
            // Scrolled so that the chosen rung and what it means are on screen.
            let (lines, at) = ladder_lines(app, &app.card, w);
            let h = content.height as usize;
            let top = at.saturating_sub(h.saturating_sub(RUNG_MEANING_LINES).max(1) - 1);
            let max = lines.len().saturating_sub(h);
            (lines, top.min(max) as u16)
        }
        _ => (tab_lines(app, w), app.scroll),
    };
    app.scroll_max
        .set(max_scroll(lines.len(), content_rect(area, app).height));
    app.page.set(content.height as usize);
    let marks = scroll_marks(app, scroll, lines.len(), content.height);
    frame.render_widget(
        Paragraph::new(marks),
        Rect::new(content.x, content.y.saturating_sub(1), content.width, 1),
    );
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), content);
}

/// The report model, in the app's language, dated today (when the shell said what today is).
fn report(app: &App) -> Report {
    Report::new(&app.inst, &app.answers, &app.card, app.lang, &app.today)
}

fn wrapped(text: &str, w: usize, first: &str, rest: &str, style: Style) -> Vec<Line<'static>> {
    crate::domain::wrap::wrap(text, w, first, rest)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn summary_tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
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
        lines.extend(wrapped(words.no_strengths, w, "- ", "  ", theme.muted()));
    }
    for x in &s.strengths {
        lines.extend(wrapped(x, w, "- ", "  ", theme.good()));
    }
    lines.push(head(words.sec_gaps));
    if s.gaps.is_empty() {
        lines.extend(wrapped(words.no_gaps, w, "- ", "  ", theme.muted()));
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

fn plan_tab_lines(app: &App, w: usize) -> Vec<Line<'static>> {
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

pub(super) fn level_text(app: &App, area: Option<&str>, score: Option<f64>) -> (String, String) {
    level_label(&app.inst, area, score, app.lang)
}

fn overview_lines(app: &App, card: &ScoreCard, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let digits = q.score_format.precision;
    let mut lines = Vec::new();
    // Wide enough for the longest title (dimensions are indented by two) and a space before
    // the bar; on a narrow screen at most half the width, and long titles are cut.
    let longest = q
        .areas
        .iter()
        .map(|a| width(a.title.get(lang)))
        .chain(q.dimensions().map(|(_, d)| width(d.title.get(lang)) + 2))
        .max()
        .unwrap_or(20);
    let level_w = q
        .areas
        .iter()
        .flat_map(|a| a.levels.iter())
        .map(|l| width(l.label.get(lang)))
        .max()
        .unwrap_or(0);
    // Dimension rows show their answered share where area rows show their level.
    let share = |d: &crate::domain::score::DimensionScore| {
        let mut s = format!(
            "  {:>3}% {}",
            (d.confidence.share * 100.0).round() as u32,
            st::ANSWERED_SHARE.get(lang)
        );
        if d.confidence.is_provisional() {
            s.push_str(&format!(" · {}", st::THIN.get(lang)));
        }
        s
    };
    let share_w = card
        .areas
        .iter()
        .flat_map(|a| &a.dimensions)
        .map(|d| width(&share(d)))
        .max()
        .unwrap_or(0);
    // On a narrow screen the titles give way first, so that the level is never cut.
    let tail_w = (8 + level_w).max(6 + share_w);
    let label_w = (longest + 1)
        .min(w / 2)
        .min(w.saturating_sub(10 + tail_w))
        .max(12);
    let bar_w = w.saturating_sub(label_w + tail_w).clamp(10, 30);
    let (level, _) = level_text(app, None, card.overall_score);
    let mark = provisional_suffix(&card.confidence, lang);
    // One hedge, not two: the provisional mark replaces the label's own "(estimate)".
    let level = if mark.is_empty() {
        level
    } else {
        strip_aside(&level).to_string()
    };
    lines.push(Line::styled(
        format!(
            "{}: {}{mark}",
            st::OVERALL.get(lang),
            score_and_level(card.overall_score, digits, &level, lang)
        ),
        theme.title(),
    ));
    if let Some(b) = card.breadth {
        let title = q
            .breadth
            .as_ref()
            .map(|x| x.title.get(lang))
            .unwrap_or(st::BREADTH.get(lang));
        lines.push(Line::raw(format!("{title}: {} / 100", fmt_score(b))));
    }
    for f in card
        .findings
        .iter()
        .filter_map(|id| q.findings.iter().find(|f| &f.id == id))
    {
        lines.push(Line::styled(
            format!("! {}", f.title.get(lang)),
            theme.error(),
        ));
        lines.extend(para(f.text.get(lang), w, Style::new()));
    }
    lines.push(Line::default());
    for a in &card.areas {
        let title = q.area(&a.id).map(|x| x.title.get(lang)).unwrap_or("");
        let (level, meaning) = level_text(app, Some(a.id.as_str()), a.score);
        let mark = provisional_suffix(&a.confidence, lang);
        let level = if mark.is_empty() {
            level
        } else {
            strip_aside(&level).to_string()
        };
        lines.push(Line::from(vec![
            Span::styled(pad(title, label_w - 1), theme.title()),
            Span::raw(" "),
            Span::styled(bar(a.score.unwrap_or(0.0) / 100.0, bar_w), theme.bar()),
            Span::styled(
                format!(
                    " {:>5}",
                    a.score
                        .map_or_else(|| "—".to_string(), |x| fmt_score_at(x, digits))
                ),
                theme.title(),
            ),
            Span::styled(format!("  {level}"), theme.title()),
        ]));
        if !mark.is_empty() {
            lines.push(Line::styled(mark.trim().to_string(), theme.error()));
        }
        lines.extend(para(&meaning, w, theme.muted()));
        if let Some(def) = q.area(&a.id) {
            for (d, dd) in a.dimensions.iter().zip(&def.dimensions) {
                let score = d
                    .shown()
                    .map_or(not_enough(lang).to_string(), |x| fmt_score_at(x, digits));
                // A dimension with its own bands shows its level after the share answered.
                let level = d
                    .level
                    .as_ref()
                    .and_then(|id| dd.levels.iter().find(|l| &l.id == id))
                    .map_or(String::new(), |l| format!("  {}", l.label.get(lang)));
                lines.push(Line::from(vec![
                    Span::raw(pad(&format!("  {}", dd.title.get(lang)), label_w - 1)),
                    Span::raw(" "),
                    Span::styled(bar(d.shown().unwrap_or(0.0) / 100.0, bar_w), theme.bar()),
                    Span::raw(format!(" {score:>5}")),
                    Span::styled(
                        share(d),
                        if d.confidence.is_provisional() {
                            theme.error()
                        } else {
                            theme.muted()
                        },
                    ),
                    Span::styled(level, theme.title()),
                ]));
            }
        }
        lines.push(Line::default());
    }
    let c = &card.confidence;
    let conf = st::CONFIDENCE_LINE.fill(
        lang,
        &[&c.answered, &c.dont_know, &c.unanswered, &c.questions],
    );
    lines.extend(para(
        &format!(
            "{}: {:.0}% · {conf}",
            st::CONFIDENCE.get(lang),
            c.share * 100.0
        ),
        w,
        theme.muted(),
    ));
    lines.extend(para(st::ESTIMATE_NOTE.get(lang), w, theme.muted()));
    lines
}

/// Lines kept under the chosen rung when the ladder scrolls: what the rung means.
const RUNG_MEANING_LINES: usize = 4;

/// The ladder tab: each ladder's rungs, top first, the firm's rung marked in words and the
/// chosen rung (↑↓) with what it means; then what the firm's rung means and what the next
/// one needs. Returns the lines and the line of the chosen rung.
fn ladder_lines(app: &App, card: &ScoreCard, w: usize) -> (Vec<Line<'static>>, usize) {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let chosen = app.rungs().get(app.rung_cursor).copied();
    let mut at = 0;
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
                    lines.extend(
                        crate::domain::wrap::wrap(&u.describe(lang), w, "  - ", "    ")
                            .into_iter()
                            .map(Line::raw),
                    );
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
    (lines, at)
}

/// One line per recommendation, led by what to do: number, proposal, action, when.
fn rec_title(app: &App, i: usize) -> String {
    let r = &app.card.recommendations[i];
    let q = &app.inst.questionnaire;
    let (action, when) = r.steps.first().map_or((String::new(), ""), |s| {
        let action = app
            .inst
            .proposals
            .advice
            .rules
            .get(s.rule.as_str())
            .map_or_else(
                || first_sentence(s.action(q).get(app.lang)),
                |a| a.headline.get(app.lang).to_string(),
            );
        (action, horizon_label(s.horizon, app.lang))
    });
    format!("{:>2}. [{}] {action} · {when}", i + 1, r.proposal)
}

fn draw_recs(frame: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let theme = app.theme;
    let recs = &app.card.recommendations;
    if recs.is_empty() {
        frame.render_widget(Paragraph::new(st::NO_RECS.get(lang)), area);
        return;
    }
    // The list takes the upper part, the chosen one in full; its steps show below it.
    let w = area.width as usize;
    let blocks: Vec<Vec<Line<'static>>> = (0..recs.len())
        .map(|i| {
            if i == app.rec_cursor {
                let title = rec_title(app, i);
                let text = title.trim_start();
                let lead = " ".repeat(title.len() - text.len());
                crate::domain::wrap::wrap(text, w, &lead, "    ")
                    .into_iter()
                    .map(|l| Line::styled(pad(&l, w), theme.selected()))
                    .collect()
            } else {
                vec![Line::raw(pad(&rec_title(app, i), w))]
            }
        })
        .collect();
    let total: usize = blocks.iter().map(Vec::len).sum();
    let list_h = (total as u16).min(area.height.saturating_sub(5)).max(1);
    let shown = super::window(blocks, app.rec_cursor, list_h as usize, lang, theme);
    let lines: Vec<Line> = super::paged(app, shown)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(area.x, area.y, area.width, list_h),
    );
    if let Some(r) = recs.get(app.rec_cursor) {
        let below = Rect::new(
            area.x,
            area.y + list_h + 1,
            area.width,
            area.height.saturating_sub(list_h + 1),
        );
        let mut lines = vec![Line::styled(st::NEXT_STEPS.get(lang), theme.title())];
        let w = below.width as usize;
        for (n, step) in r.steps.iter().enumerate() {
            // Each step its own numbered paragraph, so several never read as one.
            if n > 0 {
                lines.push(Line::default());
            }
            lines.extend(wrapped(
                &format!(
                    "[{}] {}",
                    horizon_label(step.horizon, lang),
                    step.action(&app.inst.questionnaire).get(lang)
                ),
                w,
                &format!("{}. ", n + 1),
                "   ",
                Style::new(),
            ));
        }
        let h = below.height as usize;
        if lines.len() > h && h > 0 {
            let hidden = lines.len() - (h - 1);
            lines.truncate(h - 1);
            lines.push(Line::styled(
                st::LINES_BELOW_DETAIL.count(lang, hidden, &[]),
                theme.muted(),
            ));
        }
        frame.render_widget(Paragraph::new(lines), below);
    }
}

/// The detail of the selected recommendation, led by what to do: the action with when and
/// effort, the gap and proposal, why (the firm's answers), the steps; then, muted, who proposed
/// it in 2020, what was said and the caveat on time-bound measures.
pub fn detail_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let theme = app.theme;
    let mut lines = Vec::new();
    let r = report(app);
    let words = r.words;
    let Some(rec) = r.recommendations.get(app.rec_cursor) else {
        return lines;
    };
    lines.extend(wrapped(
        &format!("{}. [{}] {}", rec.number, rec.proposal, rec.headline),
        w,
        "",
        "    ",
        theme.title(),
    ));
    let mut when = vec![rec.when.clone()];
    if !rec.due.is_empty() {
        when.push(words.pair(words.due, &rec.due));
    }
    if !rec.effort.is_empty() {
        when.push(rec.effort.clone());
    }
    lines.extend(wrapped(&when.join(" · "), w, "", "", theme.good()));
    lines.extend(wrapped(&rec.gap_line, w, "", "", Style::new()));
    if let Some(t) = &rec.time_bound {
        lines.extend(wrapped(
            &format!("! {}", words.pair(words.time_bound, t)),
            w,
            "",
            "  ",
            theme.error(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(st::WHY.get(lang), theme.title()));
    for e in &rec.why {
        lines.extend(wrapped(
            &format!("{} → {}", e.text, e.answer),
            w,
            "  - ",
            "    ",
            Style::new(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(st::NEXT_STEPS.get(lang), theme.title()));
    for (n, s) in rec.steps.iter().enumerate() {
        if n > 0 {
            lines.push(Line::default());
        }
        lines.extend(wrapped(
            &format!("[{}] {}", s.horizon_label, s.action),
            w,
            &format!("  {}. ", n + 1),
            "     ",
            Style::new(),
        ));
    }
    lines.push(Line::default());
    lines.extend(wrapped(&rec.source_line, w, "", "", theme.muted()));
    lines.extend(wrapped(&rec.summary, w, "", "", theme.muted()));
    lines.extend(wrapped(&r.caveat, w, "", "", theme.muted()));
    lines
}

pub fn draw_detail(frame: &mut Frame, area: Rect, app: &App) {
    let body = draw_footer(frame, area, app);
    let lines = detail_lines(app, body.width as usize);
    let (parts, note, _, _) = super::frame_parts(area, app);
    app.scroll_max.set(max_scroll(lines.len(), parts.height));
    app.page.set(body.height as usize);
    if app.note.is_none() {
        // The note row says what lies beyond the screen.
        let marks = scroll_marks(app, app.scroll, lines.len(), body.height);
        frame.render_widget(Paragraph::new(marks), note);
    }
    frame.render_widget(Paragraph::new(lines).scroll((app.scroll, 0)), body);
}
