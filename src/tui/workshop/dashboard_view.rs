//! Drawing the room dashboard: a header with the room's counts, tabs, and panels — the
//! cloud-depth ladder, level distributions, per-dimension spreads, gaps, proposals, the firms
//! and the files that could not be read. On a large screen the room tab shows most at once.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::dashboard::{Dashboard, Tab};
use super::frame::{footer, title_row, too_small};
use super::strings::{self as st, fill};
use crate::domain::cohort::{Count, Quartiles, Status};
use crate::domain::wrap::{width, wrap};
use crate::tui::view::{bar, list_offset, pad};
use crate::workshop::report::{num, place_text};
use crate::workshop::room::Response;

/// Wide enough to show the room tab's panels side by side.
fn wide(area: Rect) -> bool {
    area.width >= 140 && area.height >= 38
}

pub fn draw(frame: &mut Frame, d: &Dashboard) {
    let area = frame.area();
    let (lang, theme) = (d.lang, d.theme);
    if too_small(frame, area, lang, theme) {
        return;
    }
    let body = footer(frame, area, d.ctx(), lang, theme);
    let c = &d.cohort;
    let mut counts = fill(
        st::HEAD_COUNTS.get(lang),
        &[&c.firms, &c.finished, &c.in_progress],
    );
    if !d.problems.is_empty() {
        counts.push_str(&fill(st::HEAD_PROBLEMS.get(lang), &[&d.problems.len()]));
    }
    let left = format!(
        "{} · {} · {} {}",
        d.title,
        st::DASHBOARD.get(lang),
        st::JOIN.get(lang),
        d.join_code
    );
    title_row(
        frame,
        Rect::new(body.x, body.y, body.width, 1),
        &left,
        &counts,
        theme,
    );
    frame.render_widget(
        Paragraph::new(tabs_line(d)),
        Rect::new(body.x, body.y + 1, body.width, 1),
    );
    let content = Rect::new(
        body.x + 1,
        body.y + 3,
        body.width.saturating_sub(2),
        body.height.saturating_sub(3),
    );
    match d.tab {
        Tab::Room => room(frame, content, d),
        Tab::Dimensions => lines_in(frame, content, dimensions(d, content.width as usize)),
        Tab::Needs => lines_in(frame, content, needs_long(d, content.width as usize)),
        Tab::Firms => firms(frame, content, d),
        Tab::Problems => problems(frame, content, d),
    }
}

fn lines_in(frame: &mut Frame, area: Rect, mut lines: Vec<Line<'static>>) {
    lines.truncate(area.height as usize);
    frame.render_widget(Paragraph::new(lines), area);
}

fn tabs_line(d: &Dashboard) -> Line<'static> {
    let lang = d.lang;
    let mut spans = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let label = match tab {
            Tab::Room => st::TAB_ROOM.get(lang).to_string(),
            Tab::Dimensions => st::TAB_DIMENSIONS.get(lang).to_string(),
            Tab::Needs => st::TAB_NEEDS.get(lang).to_string(),
            Tab::Firms => format!("{} ({})", st::TAB_FIRMS.get(lang), d.firms.len()),
            Tab::Problems => format!("{} ({})", st::TAB_PROBLEMS.get(lang), d.problems.len()),
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
            let share = if total == 0 {
                0.0
            } else {
                *n as f64 / total as f64
            };
            Line::from(vec![
                Span::raw(format!("{} ", pad(label, label_w))),
                Span::styled(bar(share, bar_w), d.theme.bar()),
                Span::raw(format!(" {n:>3}")),
            ])
        })
        .collect()
}

fn heading(d: &Dashboard, text: String) -> Line<'static> {
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
        out.push(heading(d, def.title.get(d.lang).to_string()));
        let items: Vec<(String, usize)> = l
            .rungs
            .iter()
            .rev()
            .map(|c| {
                let label = def
                    .rungs
                    .iter()
                    .find(|r| r.id == c.id)
                    .map_or_else(|| c.id.clone(), |r| r.label.get(d.lang).to_string());
                (label, c.count)
            })
            .collect();
        out.extend(dist_rows(d, &items, d.cohort.finished, w));
    }
    out
}

/// The levels of one area (or `overall`), top level first.
fn levels(d: &Dashboard, area: &str, w: usize) -> Vec<Line<'static>> {
    let q = &d.inst.questionnaire;
    let (title, defs, counts): (String, _, &[Count]) = if area == "overall" {
        (
            crate::workshop::text::OVERALL.get(d.lang).to_string(),
            &q.levels,
            &d.cohort.overall.levels,
        )
    } else {
        let (Some(def), Some(stats)) = (q.area(&area.into()), d.cohort.area(area)) else {
            return Vec::new();
        };
        (
            def.title.get(d.lang).to_string(),
            &def.levels,
            &stats.levels,
        )
    };
    let items: Vec<(String, usize)> = counts
        .iter()
        .rev()
        .map(|c| {
            let label = defs
                .iter()
                .find(|l| l.id == c.id)
                .map_or_else(|| c.id.clone(), |l| l.label.get(d.lang).to_string());
            (label, c.count)
        })
        .collect();
    let mut out = vec![heading(d, title)];
    out.extend(dist_rows(d, &items, d.cohort.finished, w));
    out
}

fn spread_text(d: &Dashboard, q: &Quartiles) -> String {
    fill(
        st::MEDIAN_LINE.get(d.lang),
        &[&num(q.median), &num(q.q1), &num(q.q3)],
    )
}

/// Medians of the headline scores, broad-but-shallow, top gaps, top proposals.
fn summary(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
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
            .map_or_else(|| a.id.0.clone(), |x| x.title.get(lang).to_string());
        stats.push((title, &a.spread));
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
    out.push(Line::styled(
        fill(st::BROAD_SHALLOW.get(lang), &[&c.broad_shallow]),
        d.theme.title(),
    ));
    out.push(Line::default());
    let gaps: Vec<String> = c
        .gaps
        .iter()
        .take(3)
        .map(|g| {
            let title = q
                .dimension(&g.id.as_str().into())
                .map_or_else(|| g.id.clone(), |(_, x)| x.title.get(lang).to_string());
            format!("{title} {}", g.count)
        })
        .collect();
    let gaps = if gaps.is_empty() {
        st::NO_GAPS.get(lang).to_string()
    } else {
        gaps.join(" · ")
    };
    out.push(heading(d, st::TOP_GAPS.get(lang).to_string()));
    out.extend(wrap(&gaps, w, "  ", "  ").into_iter().map(Line::raw));
    let needs: Vec<String> = c
        .needs
        .iter()
        .filter(|n| n.firms > 0)
        .take(5)
        .map(|n| format!("{} {}", n.proposal, n.firms))
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
        let mut lines = vec![Line::styled(st::NONE_FINISHED.get(lang), d.theme.muted())];
        if d.firms.is_empty() {
            lines.push(Line::default());
            lines.extend(
                wrap(st::NO_FIRMS.get(lang), area.width as usize, "", "")
                    .into_iter()
                    .map(Line::raw),
            );
        }
        lines_in(frame, area, lines);
        return;
    }
    let basis = Line::styled(
        fill(st::BASIS.get(lang), &[&d.cohort.finished]),
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
        let col = (area.width - 2 * gap) / 3;
        let left = Rect::new(area.x, area.y, col, area.height);
        let mid = Rect::new(area.x + col + gap, area.y, col, area.height);
        let right = Rect::new(
            area.x + 2 * (col + gap),
            area.y,
            area.width - 2 * (col + gap),
            area.height,
        );
        let w = col as usize;
        let mut l = ladders(d, w);
        l.push(Line::default());
        l.extend(levels(d, "cloud", w));
        lines_in(frame, left, l);
        let mut m = levels(d, "finance", w);
        m.push(Line::default());
        m.extend(levels(d, "overall", w));
        m.push(Line::default());
        m.extend(summary(d, w));
        lines_in(frame, mid, m);
        let rw = right.width as usize;
        let mut r = dimensions(d, rw);
        r.push(Line::default());
        r.extend(needs_short(d, rw, 11));
        lines_in(frame, right, r);
        return;
    }
    let half = (area.width - gap) / 2;
    let top_h = ladders(d, half as usize)
        .len()
        .max(levels(d, "finance", half as usize).len()) as u16;
    let left = Rect::new(area.x, area.y, half, top_h);
    let right = Rect::new(area.x + half + gap, area.y, area.width - half - gap, top_h);
    lines_in(frame, left, ladders(d, half as usize));
    lines_in(frame, right, levels(d, "finance", right.width as usize));
    let below = Rect::new(
        area.x,
        area.y + top_h + 1,
        area.width,
        area.height.saturating_sub(top_h + 1),
    );
    lines_in(frame, below, summary(d, area.width as usize));
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
        return vec![Line::styled(st::NONE_FINISHED.get(lang), d.theme.muted())];
    }
    let titles: Vec<String> = c
        .dimensions
        .iter()
        .map(|x| {
            q.dimension(&x.id).map_or_else(
                || x.id.0.clone(),
                |(_, def)| def.title.get(lang).to_string(),
            )
        })
        .collect();
    // "  title " before the plot, " 52.3  <60:  12" after it.
    let title_w = titles
        .iter()
        .map(|t| width(t))
        .max()
        .unwrap_or(0)
        .min(w * 2 / 5);
    let tail = 16;
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
                .map_or_else(|| x.area.0.clone(), |a| a.title.get(lang).to_string());
            out.push(heading(d, t));
        }
        let (plot, median) = match &x.spread.quartiles {
            Some(qs) => (boxplot(qs, plot_w), num(qs.median)),
            None => (" ".repeat(plot_w), st::NONE.get(lang).to_string()),
        };
        out.push(Line::from(vec![
            Span::raw(format!("  {} ", pad(&title, title_w))),
            Span::styled(plot, d.theme.bar()),
            Span::raw(format!(" {median:>5}  <60:{:>3}", x.gaps)),
        ]));
    }
    out.extend(
        wrap(st::SPREAD_LEGEND.get(lang), w, "", "")
            .into_iter()
            .map(|l| Line::styled(l, d.theme.muted())),
    );
    out
}

fn proposal_line(d: &Dashboard, id: &str) -> String {
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
        let share = if c.finished == 0 {
            0.0
        } else {
            n.firms as f64 / c.finished as f64
        };
        out.push(Line::from(vec![
            Span::raw(format!(
                "{:>2}. {} ",
                i + 1,
                pad(
                    &proposal_line(d, n.proposal.as_str()),
                    label_w.saturating_sub(4)
                )
            )),
            Span::styled(bar(share, bar_w), d.theme.bar()),
            Span::raw(format!(" {:>3}", n.firms)),
        ]));
    }
    out
}

/// Proposals ranked with what to bring and the commonest next step.
fn needs_long(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    let lang = d.lang;
    let c = &d.cohort;
    if c.finished == 0 {
        return vec![Line::styled(st::NONE_FINISHED.get(lang), d.theme.muted())];
    }
    let mut out = needs_short(d, w, 11);
    out.push(Line::default());
    let q = &d.inst.questionnaire;
    for n in c.needs.iter().filter(|n| n.firms > 0).take(3) {
        out.push(heading(d, proposal_line(d, n.proposal.as_str())));
        if let Some(step) = n.steps.first()
            && let Some(rule) = q.rules.iter().find(|r| r.id == step.id)
        {
            let text = format!("{} ({})", rule.action.get(lang), step.count);
            out.extend(
                wrap(&text, w, "  → ", "    ")
                    .into_iter()
                    .take(2)
                    .map(|l| Line::styled(l, d.theme.muted())),
            );
        }
    }
    out
}

/// Column widths of the firm list: status, then one per area (its title's width).
struct Columns {
    status: usize,
    areas: Vec<usize>,
}

const NAME_W: usize = 20;

fn columns(d: &Dashboard) -> Columns {
    let lang = d.lang;
    Columns {
        status: width(st::FINISHED.get(lang)).max(width(st::ANSWERING.get(lang))),
        areas: d
            .inst
            .questionnaire
            .areas
            .iter()
            .map(|a| width(a.title.get(lang)).clamp(5, 12))
            .collect(),
    }
}

fn firm_row(d: &Dashboard, r: &Response, cols: &Columns, w: usize) -> String {
    let lang = d.lang;
    let card = &r.card;
    let (done, asked) = r.progress();
    let status = match r.status() {
        Status::Finished => st::FINISHED.get(lang),
        Status::InProgress => st::ANSWERING.get(lang),
    };
    let mut s = format!("{}  ", r.code);
    if d.named {
        s.push_str(&pad(&r.name().unwrap_or_default(), NAME_W));
        s.push(' ');
    }
    s.push_str(&pad(status, cols.status));
    s.push_str(&format!(" {:>7}", format!("{done}/{asked}")));
    s.push_str(&format!("  {:>7}", num(card.overall_score)));
    for (a, aw) in card.areas.iter().zip(&cols.areas) {
        s.push_str(&format!(" {:>aw$}", num(a.score)));
    }
    for l in &card.ladders {
        s.push_str(&format!("  {}/{}", l.index + 1, l.of));
    }
    pad(&s, w)
}

fn firms(frame: &mut Frame, area: Rect, d: &Dashboard) {
    let lang = d.lang;
    if d.firms.is_empty() {
        lines_in(
            frame,
            area,
            wrap(st::NO_FIRMS.get(lang), area.width as usize, "", "")
                .into_iter()
                .map(Line::raw)
                .collect(),
        );
        return;
    }
    let side = area.width >= 120;
    if d.detail && !side {
        lines_in(frame, area, detail(d, area.width as usize));
        return;
    }
    let list_w = if side { area.width / 2 } else { area.width };
    let list = Rect::new(area.x, area.y, list_w, area.height);
    let q = &d.inst.questionnaire;
    let cols = columns(d);
    let mut head = String::from("        ");
    if d.named {
        head.push_str(&pad("", NAME_W + 1));
    }
    head.push_str(&pad("", cols.status));
    let overall = crate::workshop::text::OVERALL.get(lang);
    head.push_str(&format!(
        " {:>7}  {}",
        "",
        " ".repeat(7usize.saturating_sub(width(overall))) + overall
    ));
    for (a, aw) in q.areas.iter().zip(&cols.areas) {
        let t = pad(a.title.get(lang), *aw);
        let t = t.trim_end();
        head.push(' ');
        head.push_str(&" ".repeat(aw.saturating_sub(width(t))));
        head.push_str(t);
    }
    let mut lines = vec![Line::styled(pad(&head, list_w as usize), d.theme.muted())];
    let rows = list.height.saturating_sub(2) as usize;
    let top = list_offset(d.cursor, rows);
    for (i, r) in d.firms.iter().enumerate().skip(top).take(rows) {
        let text = firm_row(d, r, &cols, list_w as usize);
        lines.push(if i == d.cursor {
            Line::styled(text, d.theme.selected())
        } else {
            Line::raw(text)
        });
    }
    lines.push(Line::styled(st::SELECT_FIRM.get(lang), d.theme.muted()));
    lines_in(frame, list, lines);
    if side {
        let right = Rect::new(
            area.x + list_w + 2,
            area.y,
            area.width - list_w - 2,
            area.height,
        );
        lines_in(frame, right, detail(d, right.width as usize));
    }
}

/// The selected firm's results.
fn detail(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    let lang = d.lang;
    let q = &d.inst.questionnaire;
    let Some(r) = d.selected() else {
        return Vec::new();
    };
    let card = &r.card;
    let (done, asked) = r.progress();
    let mut title = r.code.to_string();
    if d.named
        && let Some(name) = r.name()
    {
        title.push_str(&format!(" · {name}"));
    }
    let status = match r.status() {
        Status::Finished => st::FINISHED.get(lang),
        Status::InProgress => st::ANSWERING.get(lang),
    };
    let mut out = vec![
        heading(d, pad(&title, w).trim_end().to_string()),
        Line::styled(
            format!(
                "{status} · {}",
                fill(st::PROGRESS.get(lang), &[&done, &asked])
            ),
            d.theme.muted(),
        ),
    ];
    let standing = if r.status() == Status::Finished {
        d.cohort.standing(card)
    } else {
        Vec::new()
    };
    let level = |levels: &[crate::domain::model::Level], id: &str| {
        levels
            .iter()
            .find(|l| l.id == id)
            .map_or_else(|| id.to_string(), |l| l.label.get(lang).to_string())
    };
    let mut scores = vec![(
        "overall".to_string(),
        crate::workshop::text::OVERALL.get(lang).to_string(),
        card.overall_score,
        level(&q.levels, &card.overall_level),
    )];
    for a in &card.areas {
        if let Some(def) = q.area(&a.id) {
            scores.push((
                a.id.0.clone(),
                def.title.get(lang).to_string(),
                a.score,
                level(&def.levels, &a.level),
            ));
        }
    }
    let label_w = scores.iter().map(|s| width(&s.1)).max().unwrap_or(0) + 1;
    for (id, title, score, level) in scores {
        let place = standing
            .iter()
            .find(|s| s.area == id)
            .map_or(String::new(), |s| {
                format!(" · {}", place_text(s.place, lang))
            });
        let text = format!("{}{:>5} {level}{place}", pad(&title, label_w), num(score));
        out.extend(wrap(&text, w, "", "      ").into_iter().map(Line::raw));
    }
    if r.status() == Status::Finished && standing.is_empty() {
        out.push(Line::styled(st::NO_STANDING.get(lang), d.theme.muted()));
    }
    for l in &card.ladders {
        if let Some(def) = q.ladders.iter().find(|x| x.id == l.id) {
            let rung = def.rungs.get(l.index).map_or("", |x| x.label.get(lang));
            out.push(Line::raw(pad(
                &format!(
                    "{}{}{}/{} {rung}",
                    def.title.get(lang),
                    crate::workshop::text::COLON.get(lang),
                    l.index + 1,
                    l.of
                ),
                w,
            )));
        }
    }
    out.push(Line::default());
    let dims: Vec<(String, Option<f64>)> = card
        .areas
        .iter()
        .flat_map(|a| &a.dimensions)
        .map(|x| {
            let t = q.dimension(&x.id).map_or_else(
                || x.id.0.clone(),
                |(_, def)| def.title.get(lang).to_string(),
            );
            (t, x.score)
        })
        .collect();
    let dim_w = dims
        .iter()
        .map(|x| width(&x.0))
        .max()
        .unwrap_or(0)
        .min(w * 2 / 5)
        + 1;
    let bar_w = w.saturating_sub(dim_w + 8).max(3);
    for (t, s) in dims {
        let (b, n) = match s {
            Some(x) => (bar(x / 100.0, bar_w), num(x)),
            None => (" ".repeat(bar_w), "–".to_string()),
        };
        out.push(Line::from(vec![
            Span::raw(format!("{} ", pad(&t, dim_w))),
            Span::styled(b, d.theme.bar()),
            Span::raw(format!(" {n:>5}")),
        ]));
    }
    if !card.findings.is_empty() {
        let names: Vec<String> = card
            .findings
            .iter()
            .map(|id| {
                q.findings
                    .iter()
                    .find(|f| &f.id == id)
                    .map_or_else(|| id.clone(), |f| f.title.get(lang).to_string())
            })
            .collect();
        let text = format!(
            "{}{}{}",
            st::FINDINGS.get(lang),
            crate::workshop::text::COLON.get(lang),
            names.join(" · ")
        );
        out.extend(wrap(&text, w, "", "  ").into_iter().map(Line::raw));
    }
    out.push(heading(d, st::RECOMMENDED.get(lang).to_string()));
    if card.recommendations.is_empty() {
        out.push(Line::raw(format!("  {}", st::NONE.get(lang))));
    }
    for rec in &card.recommendations {
        out.push(Line::raw(pad(
            &format!("  {}", proposal_line(d, rec.proposal.as_str())),
            w,
        )));
    }
    out
}

fn problems(frame: &mut Frame, area: Rect, d: &Dashboard) {
    let lang = d.lang;
    if d.problems.is_empty() {
        lines_in(
            frame,
            area,
            vec![Line::styled(st::NO_PROBLEMS.get(lang), d.theme.good())],
        );
        return;
    }
    let w = area.width as usize;
    let rows = (area.height as usize / 2).max(1);
    let top = list_offset(d.problem_cursor, rows);
    let mut lines = Vec::new();
    for (i, p) in d.problems.iter().enumerate().skip(top).take(rows) {
        let head = format!("{}  {}", p.file, p.kind.label(lang));
        let style = if i == d.problem_cursor {
            d.theme.selected()
        } else {
            d.theme.error()
        };
        lines.push(Line::styled(pad(&head, w), style));
        lines.push(Line::styled(
            pad(&format!("    {}", p.detail), w),
            d.theme.muted(),
        ));
    }
    lines_in(frame, area, lines);
}
