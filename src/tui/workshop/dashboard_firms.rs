//! The dashboard's firm tabs: the list of firm codes, one firm's results with its place in
//! the room, and the files in `responses/` that could not be counted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::dashboard::Dashboard;
use super::dashboard_view::{heading, lines_in, proposal_line, right};
use crate::domain::cohort::Status;
use crate::domain::output::fmt_score_at;
use crate::domain::wrap::{width, wrap};
use crate::tui::strings as st;
use crate::tui::view::{bar, list_offset, pad, para};
use crate::workshop::report::{num_or_dash, standing_text};
use crate::workshop::room::Response;

/// Column widths of the firm list: status, then one per area (its title's width).
struct Columns {
    status: usize,
    areas: Vec<usize>,
}

const NAME_W: usize = 20;

fn columns(d: &Dashboard) -> Columns {
    let lang = d.lang;
    Columns {
        status: width(st::FINISHED.get(lang))
            .max(width(st::ANSWERING.get(lang)))
            .max(width(st::NOT_STARTED.get(lang)))
            .max(width(st::IDLE.get(lang)))
            .max(width(st::COPY.get(lang))),
        areas: d
            .inst
            .questionnaire
            .areas
            .iter()
            .map(|a| width(a.title.get(lang)).clamp(5, 12))
            .collect(),
    }
}

/// A firm's status word: not started, idle (part-way, nothing saved for a while), answering
/// or finished.
fn status_of(d: &Dashboard, r: &Response) -> &'static str {
    let lang = d.lang;
    match r.status() {
        _ if crate::domain::cohort::is_empty(&r.answers) => st::NOT_STARTED.get(lang),
        // An exact copy of another firm's file: said here, of which firm on its page.
        _ if d.duplicates.contains_key(&r.code) => st::COPY.get(lang),
        _ if d.clock.is_some_and(|c| r.is_stale(c.now)) => st::IDLE.get(lang),
        Status::Finished => st::FINISHED.get(lang),
        Status::InProgress => st::ANSWERING.get(lang),
    }
}

/// When the firm last saved, in local time; a dash when its file does not say.
fn last_save(d: &Dashboard, r: &Response) -> String {
    match (d.clock, r.last_activity()) {
        (Some(c), Some(t)) => c.show(t),
        _ => "—".to_string(),
    }
}

/// The width of the last-save column: its heading and the widest time shown.
fn last_save_width(d: &Dashboard) -> usize {
    d.firms
        .iter()
        .map(|r| width(&last_save(d, r)))
        .chain([width(st::COL_ACTIVE.get(d.lang))])
        .max()
        .unwrap_or(5)
}

fn firm_row(d: &Dashboard, r: &Response, cols: &Columns, w: usize) -> String {
    let card = &r.card;
    let (done, asked) = r.progress();
    let status = status_of(d, r);
    let mut s = format!("{}  ", r.code);
    if d.named {
        s.push_str(&pad(
            &r.name(&d.inst.questionnaire).unwrap_or_default(),
            NAME_W,
        ));
        s.push(' ');
    }
    s.push_str(&pad(status, cols.status));
    s.push_str(&format!(" {:>7}", format!("{done}/{asked}")));
    s.push_str(&format!("  {:>7}", num_or_dash(card.overall_score)));
    for (a, aw) in card.areas.iter().zip(&cols.areas) {
        s.push_str(&format!(" {:>aw$}", num_or_dash(a.score)));
    }
    for l in &card.ladders {
        // No rung for a firm that has not answered anything.
        let rung = if crate::domain::cohort::is_empty(&r.answers) {
            "—".to_string()
        } else {
            format!("{}/{}", l.index + 1, l.of)
        };
        s.push_str(&format!("  {rung:>3}"));
    }
    if d.clock.is_some() {
        s.push_str(&format!(
            "  {}",
            right(&last_save(d, r), last_save_width(d))
        ));
    }
    pad(&s, w)
}

pub(super) fn firms(frame: &mut Frame, area: Rect, d: &Dashboard) {
    let lang = d.lang;
    if d.firms.is_empty() {
        lines_in(
            frame,
            area,
            para(st::NO_FIRMS.get(lang), area.width as usize, Style::new()),
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
    let mut head = format!("{}  ", pad(st::COL_CODE.get(lang), 6));
    if d.named {
        head.push_str(&pad(st::COL_NAME.get(lang), NAME_W + 1));
    }
    head.push_str(&pad(st::COL_STATUS.get(lang), cols.status));
    let overall = crate::workshop::text::OVERALL.get(lang);
    head.push_str(&format!(
        " {}  {}",
        right(st::COL_ANSWERED.get(lang), 7),
        right(overall, 7)
    ));
    for (a, aw) in q.areas.iter().zip(&cols.areas) {
        head.push_str(&format!(" {}", right(a.title.get(lang), *aw)));
    }
    if !q.ladders.is_empty() {
        // As wide as the rung cells ("1/6") below it.
        let rung = st::COL_RUNG.get(lang);
        let cells = q.ladders.len() * 5 - 2;
        head.push_str(&format!("  {}", pad(rung, cells.max(width(rung)))));
    }
    if d.clock.is_some() {
        let t = right(st::COL_ACTIVE.get(lang), last_save_width(d));
        head.push_str(&format!("  {t}"));
    }
    let mut lines = vec![Line::styled(pad(&head, list_w as usize), d.theme.title())];
    let rows = list.height.saturating_sub(2) as usize;
    d.page.set(rows);
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
        && let Some(name) = r.name(&d.inst.questionnaire)
    {
        title.push_str(&format!(" · {name}"));
    }
    let status = status_of(d, r);
    let mut out = vec![
        heading(d, pad(&title, w).trim_end().to_string()),
        Line::styled(
            format!("{status} · {}", st::PROGRESS.fill(lang, &[&done, &asked])),
            d.theme.muted(),
        ),
    ];
    if let (Some(c), Some(t)) = (d.clock, r.last_activity()) {
        let mut line = st::LAST_ACTIVE.fill(lang, &[&c.show(t)]);
        if r.is_stale(c.now) {
            line.push_str(&st::IDLE_FOR.fill(lang, &[&(c.since(t).as_secs() / 60)]));
        }
        out.extend(para(&line, w, d.theme.muted()));
    }
    if let Some(first) = d.duplicates.get(&r.code) {
        out.extend(para(
            &st::COPY_OF_LONG.fill(lang, &[first]),
            w,
            d.theme.error(),
        ));
    }
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
        level(&q.levels, card.overall_level.as_str()),
    )];
    for a in &card.areas {
        if let Some(def) = q.area(&a.id) {
            scores.push((
                a.id.0.to_string(),
                def.title.get(lang).to_string(),
                a.score,
                level(&def.levels, a.level.as_str()),
            ));
        }
    }
    let label_w = scores.iter().map(|s| width(&s.1)).max().unwrap_or(0) + 1;
    for (id, title, score, level) in scores {
        let place = standing
            .iter()
            .find(|s| s.area == id)
            .map_or(String::new(), |s| {
                format!(" · {}", standing_text(card, s, lang))
            });
        let text = format!(
            "{}{:>5} {level}{place}",
            pad(&title, label_w),
            num_or_dash(score)
        );
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
                || x.id.to_string(),
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
            Some(x) => (bar(x / 100.0, bar_w), fmt_score_at(x, 1)),
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
                    .map_or_else(|| id.to_string(), |f| f.title.get(lang).to_string())
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

pub(super) fn problems(frame: &mut Frame, area: Rect, d: &Dashboard) {
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
    d.page.set(rows);
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
            pad(&format!("    {}", p.detail_in(lang)), w),
            d.theme.muted(),
        ));
    }
    lines_in(frame, area, lines);
}
