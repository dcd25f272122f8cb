//! Drawing the room dashboard: a header with the room's counts, tabs, and panels — the
//! cloud-depth ladder, level distributions, per-dimension spreads, gaps and proposals (the firm
//! tabs are in `dashboard_firms`). On a large screen the room tab shows most at once.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::dashboard::{Dashboard, Tab};
use super::dashboard_firms as firms;
use super::frame::{footer, head};
use super::keymap::hints;
use crate::domain::cohort::{Count, Quartiles, count_text, shown_count};
use crate::domain::model::Role;
use crate::domain::output::fmt_score_at;
use crate::domain::wrap::{width, wrap};
use crate::tui::strings as st;
use crate::tui::view::{bar, pad, para};

/// Wide enough to show the room tab's panels side by side.
fn wide(area: Rect) -> bool {
    area.width >= 140 && area.height >= 38
}

pub fn draw(frame: &mut Frame, d: &Dashboard) {
    let (lang, theme) = (d.lang, d.theme);
    let Some(body) = footer(frame, &hints(d.ctx(), lang, d.tabs().len()), lang, theme) else {
        return;
    };
    let c = &d.cohort;
    let mut counts = st::HEAD_COUNTS.count(lang, c.firms, &[&c.finished, &c.in_progress]);
    // Joined and left without an answer: said apart, counted nowhere else.
    if c.empty > 0 {
        counts.push_str(&st::HEAD_EMPTY.fill(lang, &[&c.empty]));
    }
    if !d.problems.is_empty() {
        counts.push_str(&st::HEAD_PROBLEMS.fill(lang, &[&d.problems.len()]));
    }
    // The counts, in bold, share the second row with where phones join.
    let title = format!("{} · {}", d.title, st::DASHBOARD.get(lang));
    head(frame, body, (&title, &counts), &d.join, lang, theme);
    frame.render_widget(
        Paragraph::new(tabs_line(d)),
        Rect::new(body.x, body.y + 2, body.width, 1),
    );
    // On a short screen the blank row under the tabs goes: at 80×24 the room panels and the
    // proposals need every row (the last line was cut before).
    let top = if body.height < 30 { 3 } else { 4 };
    let content = Rect::new(
        body.x + 1,
        body.y + top,
        body.width.saturating_sub(2),
        body.height.saturating_sub(top),
    );
    match d.tab {
        Tab::Room => room(frame, content, d),
        Tab::Dimensions => lines_in(frame, content, dimensions(d, content.width as usize)),
        Tab::Needs => lines_in(
            frame,
            content,
            needs_long(d, content.width as usize, content.height as usize),
        ),
        Tab::Firms => firms::firms(frame, content, d),
        Tab::Problems => firms::problems(frame, content, d),
        Tab::Change => lines_in(
            frame,
            content,
            super::dashboard_change::lines(d, content.width as usize),
        ),
    }
}

/// "No firm has finished yet", wrapped to the width (it is cut at 80 columns otherwise).
fn none_finished(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    para(st::NONE_FINISHED.get(d.lang), w, d.theme.muted())
}

pub(super) fn lines_in(frame: &mut Frame, area: Rect, mut lines: Vec<Line<'static>>) {
    lines.truncate(area.height as usize);
    frame.render_widget(Paragraph::new(lines), area);
}

fn tabs_line(d: &Dashboard) -> Line<'static> {
    let lang = d.lang;
    let mut spans = Vec::new();
    for (i, tab) in d.tabs().iter().enumerate() {
        let label = match tab {
            Tab::Room => st::TAB_ROOM.get(lang).to_string(),
            Tab::Dimensions => st::TAB_DIMENSIONS.get(lang).to_string(),
            Tab::Needs => st::TAB_NEEDS.get(lang).to_string(),
            Tab::Firms => format!("{} ({})", st::TAB_FIRMS.get(lang), d.firms.len()),
            Tab::Problems => format!("{} ({})", st::TAB_PROBLEMS.get(lang), d.problems.len()),
            Tab::Change => st::TAB_CHANGE.get(lang).to_string(),
        };
        let style = if *tab == d.tab {
            d.theme.selected()
        } else if *tab == Tab::Problems && !d.problems.is_empty() {
            d.theme.error()
        } else {
            Style::new()
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {} {label} ", i + 1), style));
    }
    Line::from(spans)
}

/// One distribution row: label, bar, count.
fn dist_rows(
    d: &Dashboard,
    items: &[(String, usize)],
    total: usize,
    w: usize,
) -> Vec<Line<'static>> {
    let label_w = items
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(w * 3 / 5)
        .max(4);
    let bar_w = w.saturating_sub(label_w + 6).max(3);
    items
        .iter()
        .map(|(label, n)| {
            Line::from(vec![
                Span::raw(format!("{} ", pad(label, label_w))),
                Span::styled(bar(share(*n, total), bar_w), d.theme.bar()),
                Span::raw(format!(" {:>3}", count_text(*n))),
            ])
        })
        .collect()
}

/// The bar's share for `n` of `total` firms; 1 or 2 firms get no bar (and no number: the
/// room's small-cell rule).
fn share(n: usize, total: usize) -> f64 {
    if total == 0 || shown_count(n).is_none() {
        0.0
    } else {
        n as f64 / total as f64
    }
}

/// A distribution under its title, top first: each count named by `label` (by its id when
/// the questionnaire no longer has it).
fn distribution(
    d: &Dashboard,
    title: &str,
    counts: &[Count],
    label: impl Fn(&str) -> Option<String>,
    w: usize,
) -> Vec<Line<'static>> {
    let items: Vec<(String, usize)> = counts
        .iter()
        .rev()
        .map(|c| (label(&c.id).unwrap_or_else(|| c.id.clone()), c.count))
        .collect();
    let mut out = vec![heading(d, title.to_string())];
    out.extend(dist_rows(d, &items, d.cohort.finished, w));
    out
}

/// `s` right-aligned in `w` columns (cut to fit): the firm list and the change tables head
/// every column and right-align the numbers under the heading.
pub(super) fn right(s: &str, w: usize) -> String {
    let t = pad(s, w);
    let t = t.trim_end();
    format!("{}{t}", " ".repeat(w.saturating_sub(width(t))))
}

pub(super) fn heading(d: &Dashboard, text: String) -> Line<'static> {
    Line::styled(text, d.theme.title())
}

/// The cloud-depth ladders, top rung first.
fn ladders(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    let q = &d.inst.questionnaire;
    let mut out = Vec::new();
    for l in &d.cohort.ladders {
        let Some(def) = q.ladders.iter().find(|x| x.id == l.id) else {
            continue;
        };
        let rung = |id: &str| def.rungs.iter().find(|r| r.id == id);
        let label = |id: &str| rung(id).map(|r| r.label.get(d.lang).to_string());
        out.extend(distribution(d, def.title.get(d.lang), &l.rungs, label, w));
    }
    out
}

/// The level distribution of the area playing `role`; nothing when the questionnaire has none.
fn levels(d: &Dashboard, role: Role, w: usize) -> Vec<Line<'static>> {
    let q = &d.inst.questionnaire;
    let Some(area) = q.role(role) else {
        return Vec::new();
    };
    let (Some(def), Some(stats)) = (q.area(&area.into()), d.cohort.area(area)) else {
        return Vec::new();
    };
    let level = |id: &str| def.levels.iter().find(|l| l.id == id);
    let label = |id: &str| level(id).map(|l| l.label.get(d.lang).to_string());
    distribution(d, def.title.get(d.lang), &stats.levels, label, w)
}

fn spread_text(d: &Dashboard, q: &Quartiles) -> String {
    let [median, q1, q3] = [q.median, q.q1, q.q3].map(|x| fmt_score_at(x, 1));
    st::MEDIAN_LINE.fill(d.lang, &[&median, &q1, &q3])
}

/// Medians of the headline scores, broad-but-shallow, top gaps, and (with `needs`) the
/// proposals most needed.
fn summary(d: &Dashboard, w: usize, needs: bool) -> Vec<Line<'static>> {
    let lang = d.lang;
    let c = &d.cohort;
    let q = &d.inst.questionnaire;
    let mut out = Vec::new();
    let mut stats = vec![(
        crate::workshop::text::OVERALL.get(lang).to_string(),
        &c.overall.spread,
    )];
    for a in &c.areas {
        let title = q
            .area(&a.id)
            .map_or_else(|| a.id.to_string(), |x| x.title.get(lang).to_string());
        stats.push((title.to_string(), &a.spread));
    }
    let label_w = stats
        .iter()
        .map(|(t, _)| width(t))
        .max()
        .unwrap_or(0)
        .min(w / 3);
    for (title, spread) in stats {
        if let Some(qs) = &spread.quartiles {
            out.push(Line::from(vec![
                Span::styled(format!("{} ", pad(&title, label_w)), d.theme.title()),
                Span::raw(spread_text(d, qs)),
            ]));
        }
    }
    if let Some(n) = c.broad_shallow {
        out.push(Line::styled(
            st::BROAD_SHALLOW.fill(lang, &[&count_text(n)]),
            d.theme.title(),
        ));
    }
    out.push(Line::default());
    let gaps: Vec<String> = c
        .gaps
        .iter()
        .take(3)
        .map(|g| {
            let title = q
                .dimension(&g.id.as_str().into())
                .map_or_else(|| g.id.clone(), |(_, x)| x.title.get(lang).to_string());
            format!("{title} {}", count_text(g.count))
        })
        .collect();
    let gaps = if gaps.is_empty() {
        st::NO_GAPS.get(lang).to_string()
    } else {
        gaps.join(" · ")
    };
    out.push(heading(
        d,
        st::TOP_GAPS.fill(lang, &[&q.score_format.gap_below]),
    ));
    out.extend(wrap(&gaps, w, "  ", "  ").into_iter().map(Line::raw));
    if !needs {
        return out;
    }
    let needs: Vec<String> = c
        .needs
        .iter()
        .filter(|n| n.firms > 0)
        .take(5)
        .map(|n| format!("{} {}", n.proposal, count_text(n.firms)))
        .collect();
    out.push(heading(d, st::TOP_NEEDS.get(lang).to_string()));
    let needs = if needs.is_empty() {
        st::NONE.get(lang).to_string()
    } else {
        needs.join(" · ")
    };
    out.extend(wrap(&needs, w, "  ", "  ").into_iter().map(Line::raw));
    out
}

fn room(frame: &mut Frame, area: Rect, d: &Dashboard) {
    let lang = d.lang;
    if d.cohort.finished == 0 {
        let lines = if d.firms.is_empty() {
            let rows = wrap(st::NO_FIRMS.get(lang), area.width as usize, "", "");
            rows.into_iter().map(Line::raw).collect()
        } else {
            none_finished(d, area.width as usize)
        };
        let used = lines.len() as u16 + 1;
        lines_in(frame, area, lines);
        // Nothing to show yet: the room's screen is the place to join from.
        let rest = Rect::new(
            area.x,
            area.y + used,
            area.width,
            area.height.saturating_sub(used),
        );
        if !d.join.draw_panel(frame, rest, lang, d.theme) {
            lines_in(
                frame,
                rest,
                d.join.lines(lang, d.theme, rest.width as usize),
            );
        }
        return;
    }
    // On a large screen the QR code stays beside the room's results.
    let area = d.join.beside(frame, area, (0, 0), 6, lang, d.theme);
    let basis = Line::styled(
        st::BASIS.count(lang, d.cohort.finished, &[]),
        d.theme.muted(),
    );
    frame.render_widget(
        Paragraph::new(basis),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let area = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    let gap = 3;
    if wide(area) {
        // Three panels on top (ladder, level distributions, headline medians and gaps), the
        // dimension spreads and the proposal ranking below.
        // The middle panel shows the areas of roles `financing` and `cloud_depth`; without
        // either, the other two panels share the width.
        let q = &d.inst.questionnaire;
        let n = if q.role(Role::Financing).is_some() || q.role(Role::CloudDepth).is_some() {
            3
        } else {
            2
        };
        let col = (area.width - (n - 1) * gap) / n;
        let w = col as usize;
        let mut top = vec![ladders(d, w)];
        if n == 3 {
            let mut mid = levels(d, Role::Financing, w);
            let cloud = levels(d, Role::CloudDepth, w);
            if !mid.is_empty() && !cloud.is_empty() {
                mid.push(Line::default());
            }
            mid.extend(cloud);
            top.push(mid);
        }
        top.push(summary(d, w, false));
        let top_h = top.iter().map(Vec::len).max().unwrap_or(0) as u16;
        for (i, lines) in top.drain(..).enumerate() {
            let x = area.x + i as u16 * (col + gap);
            let cw = if i as u16 == n - 1 {
                area.right() - x
            } else {
                col
            };
            lines_in(frame, Rect::new(x, area.y, cw, top_h), lines);
        }
        let y = area.y + top_h + 1;
        let h = area.bottom().saturating_sub(y);
        // Without a recommendations catalogue there is no proposal ranking: the dimension
        // spreads take the whole width.
        if !d.inst.recommends() {
            lines_in(
                frame,
                Rect::new(area.x, y, area.width, h),
                dimensions(d, area.width as usize),
            );
            return;
        }
        let left_w = (area.width - gap) * 3 / 5;
        lines_in(
            frame,
            Rect::new(area.x, y, left_w, h),
            dimensions(d, left_w as usize),
        );
        let rx = area.x + left_w + gap;
        let rw = area.right() - rx;
        lines_in(
            frame,
            Rect::new(rx, y, rw, h),
            needs_short(d, rw as usize, 11),
        );
        return;
    }
    let half = (area.width - gap) / 2;
    let top_h = ladders(d, half as usize)
        .len()
        .max(levels(d, Role::Financing, half as usize).len()) as u16;
    let left = Rect::new(area.x, area.y, half, top_h);
    let right = Rect::new(area.x + half + gap, area.y, area.width - half - gap, top_h);
    lines_in(frame, left, ladders(d, half as usize));
    lines_in(
        frame,
        right,
        levels(d, Role::Financing, right.width as usize),
    );
    let below = Rect::new(
        area.x,
        area.y + top_h + 1,
        area.width,
        area.height.saturating_sub(top_h + 1),
    );
    lines_in(
        frame,
        below,
        summary(d, area.width as usize, d.inst.recommends()),
    );
}

/// A box plot of a 0–100 spread in `w` cells.
fn boxplot(q: &Quartiles, w: usize) -> String {
    let w = w.max(3);
    let pos = |x: f64| ((x.clamp(0.0, 100.0) / 100.0) * (w - 1) as f64).round() as usize;
    let mut cells = vec!['·'; w];
    for c in cells.iter_mut().take(pos(q.max) + 1).skip(pos(q.min)) {
        *c = '─';
    }
    for c in cells.iter_mut().take(pos(q.q3) + 1).skip(pos(q.q1)) {
        *c = '█';
    }
    cells[pos(q.median)] = '┃';
    cells.into_iter().collect()
}

/// Per dimension: a box plot of the room's spread, the median and how many firms are below 60.
fn dimensions(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    let lang = d.lang;
    let q = &d.inst.questionnaire;
    let c = &d.cohort;
    if c.finished == 0 {
        return none_finished(d, w);
    }
    let titles: Vec<String> = c
        .dimensions
        .iter()
        .map(|x| {
            q.dimension(&x.id).map_or_else(
                || x.id.to_string(),
                |(_, def)| def.title.get(lang).to_string(),
            )
        })
        .collect();
    // "  title " before the plot, " 52.3  <60:  12" after it (the instrument's gap line).
    let below = format!("<{}:", q.score_format.gap_below);
    let title_w = titles
        .iter()
        .map(|t| width(t))
        .max()
        .unwrap_or(0)
        .min(w * 2 / 5);
    let tail = 12 + width(&below);
    let plot_w = w.saturating_sub(title_w + 3 + tail).max(10);
    let axis = format!(
        "{}0{}50{}100",
        " ".repeat(title_w + 3),
        " ".repeat((plot_w / 2).saturating_sub(2)),
        " ".repeat(plot_w.saturating_sub(plot_w / 2 + 4)),
    );
    let mut out = vec![Line::styled(axis, d.theme.muted())];
    let mut area_id = None;
    for (x, title) in c.dimensions.iter().zip(titles) {
        if area_id != Some(&x.area) {
            area_id = Some(&x.area);
            let t = q
                .area(&x.area)
                .map_or_else(|| x.area.to_string(), |a| a.title.get(lang).to_string());
            out.push(heading(d, t.to_string()));
        }
        let (plot, median) = match &x.spread.quartiles {
            Some(qs) => (boxplot(qs, plot_w), fmt_score_at(qs.median, 1)),
            None => (" ".repeat(plot_w), st::NONE.get(lang).to_string()),
        };
        out.push(Line::from(vec![
            Span::raw(format!("  {} ", pad(&title, title_w))),
            Span::styled(plot, d.theme.bar()),
            Span::raw(format!(" {median:>5}  {below}{:>3}", count_text(x.gaps))),
        ]));
    }
    out.extend(para(
        &st::SPREAD_LEGEND.fill(
            lang,
            &[&q.score_format.gap_below, &q.score_format.gap_below],
        ),
        w,
        d.theme.muted(),
    ));
    out
}

pub(super) fn proposal_line(d: &Dashboard, id: &str) -> String {
    match d.inst.proposals.get(&id.into()) {
        Some(p) => format!("{id} {} · {}", p.speaker.get(d.lang), p.keyword.get(d.lang)),
        None => id.to_string(),
    }
}

/// Proposals ranked, one line each.
fn needs_short(d: &Dashboard, w: usize, limit: usize) -> Vec<Line<'static>> {
    let c = &d.cohort;
    let mut out = vec![heading(d, st::TOP_NEEDS.get(d.lang).to_string())];
    let label_w = w * 11 / 20;
    let bar_w = w.saturating_sub(label_w + 8).max(3);
    for (i, n) in c.needs.iter().take(limit).enumerate() {
        out.push(Line::from(vec![
            Span::raw(format!(
                "{:>2}. {} ",
                i + 1,
                pad(
                    &proposal_line(d, n.proposal.as_str()),
                    label_w.saturating_sub(4)
                )
            )),
            Span::styled(bar(share(n.firms, c.finished), bar_w), d.theme.bar()),
            Span::raw(format!(" {:>3}", count_text(n.firms))),
        ]));
    }
    out
}

/// The proposals ranked, then the first step of the top three: only whole blocks that fit in
/// `h` rows, and a step longer than two lines ends in "…" rather than mid-sentence.
fn needs_long(d: &Dashboard, w: usize, h: usize) -> Vec<Line<'static>> {
    let lang = d.lang;
    let c = &d.cohort;
    if c.finished == 0 {
        return none_finished(d, w);
    }
    let mut out = needs_short(d, w, 11);
    out.push(Line::default());
    let q = &d.inst.questionnaire;
    for n in c.needs.iter().filter(|n| n.firms > 0).take(3) {
        let mut block = vec![heading(d, proposal_line(d, n.proposal.as_str()))];
        if let Some(step) = n.steps.first()
            && let Some(rule) = q.rules.iter().find(|r| r.id == step.id)
        {
            let text = format!("{} ({})", rule.action.get(lang), count_text(step.count));
            let mut rows = wrap(&text, w, "  → ", "    ");
            if rows.len() > 2 {
                rows.truncate(2);
                if let Some(last) = rows.last_mut() {
                    let keep = w.saturating_sub(1);
                    *last = format!("{}…", pad(last, keep).trim_end());
                }
            }
            block.extend(rows.into_iter().map(|l| Line::styled(l, d.theme.muted())));
        }
        if out.len() + block.len() > h {
            break;
        }
        out.extend(block);
    }
    out
}
