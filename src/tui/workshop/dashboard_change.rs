//! The dashboard's sixth tab in a follow-up room: the room's change since the room it follows,
//! from the same numbers the cohort report prints (median change per area, rung movement, the
//! share of firms that acted on each proposal), firms in only one room counted apart. Counts
//! of one or two firms are written "<3", and nothing is a median of fewer than three firms.

use ratatui::text::{Line, Span};

use super::dashboard::Dashboard;
use super::dashboard_view::{heading, proposal_line, right};
use crate::domain::cohort::{MIN_SHOWN, count_text, shown_count};
use crate::domain::output::fmt_change;
use crate::domain::wrap::width;
use crate::progress::render::opt;
use crate::progress::words as fu;
use crate::tui::strings as st;
use crate::tui::view::{bar, pad, para};
use crate::workshop::text as ws;

/// The tab's lines for a content area `w` columns wide.
pub fn lines(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    let lang = d.lang;
    let t = |b: crate::domain::text::Bilingual| b.get(lang).to_string();
    let Some(c) = &d.change else {
        return Vec::new();
    };
    let muted = d.theme.muted();
    let mut out = vec![heading(d, t(fu::H_CHANGE))];
    let both = [&c.both, &c.only_earlier, &c.only_later].map(|n| count_text(*n));
    let both = fu::BOTH_LINE.fill(lang, &[&both[0], &both[1], &both[2]]);
    out.extend(para(&both, w, muted));
    if c.both < MIN_SHOWN {
        out.push(Line::default());
        out.extend(para(st::CHANGE_TOO_FEW.get(lang), w, muted));
        return out;
    }
    out.push(Line::default());
    // Scores: the medians then and now, and the median of each firm's own change.
    let cols = [t(fu::C_BEFORE), t(fu::C_AFTER), t(fu::C_CHANGE)];
    let cell_w: Vec<usize> = cols.iter().map(|h| width(h).max(6)).collect();
    let fixed: usize = cell_w.iter().map(|c| c + 2).sum();
    let label_w = w.saturating_sub(fixed).clamp(8, 30);
    // A row of the two tables: its label, then each cell right-aligned in its column.
    let row = |label: &str, cells: &[String], widths: &[usize]| {
        let mut row = pad(label, label_w);
        for (v, cw) in cells.iter().zip(widths) {
            row.push_str(&format!("  {}", right(v, *cw)));
        }
        row
    };
    out.push(Line::styled(
        row(&t(ws::C_SCORE), &cols, &cell_w),
        d.theme.title(),
    ));
    let q = &d.inst.questionnaire;
    for s in &c.scores {
        let title = if s.id == "overall" {
            t(ws::OVERALL)
        } else {
            q.area(&s.id.as_str().into())
                .map_or_else(|| s.id.clone(), |a| a.title.get(lang).to_string())
        };
        let cells = [
            opt(s.median_before),
            opt(s.median_after),
            fmt_change(s.median_change, 1),
        ];
        out.push(Line::raw(row(&title, &cells, &cell_w)));
    }
    // Rungs: how many firms moved up, stayed, moved down.
    if !c.rungs.is_empty() {
        out.push(Line::default());
        let cols = [t(fu::C_UP), t(fu::C_SAME), t(fu::C_DOWN)];
        let cw: Vec<usize> = cols.iter().map(|h| width(h).max(4)).collect();
        out.push(Line::styled(
            row(&t(fu::C_LADDER), &cols, &cw),
            d.theme.title(),
        ));
        for m in &c.rungs {
            let title = q
                .ladders
                .iter()
                .find(|l| l.id == m.ladder)
                .map_or_else(|| m.ladder.clone(), |l| l.title.get(lang).to_string());
            let cells = [m.up, m.same, m.down].map(count_text);
            out.push(Line::raw(row(&title, &cells, &cw)));
        }
    }
    // Proposals: of the firms given one last time, the share that acted on it.
    let given: Vec<_> = c.proposals.iter().filter(|p| p.given > 0).collect();
    if !given.is_empty() {
        out.push(Line::default());
        out.push(heading(
            d,
            format!("{} · {}", t(ws::C_PROPOSAL), t(fu::C_SHARE)),
        ));
        let label_w = (w * 11 / 20).max(10);
        let bar_w = w.saturating_sub(label_w + 14).max(3);
        for p in given {
            // The share is left out where the firms behind it could be pointed at.
            let share = match (shown_count(p.given), shown_count(p.acted)) {
                (Some(_), Some(_)) => p.share_acted,
                _ => None,
            };
            out.push(Line::from(vec![
                Span::raw(format!("{} ", pad(&proposal_line(d, &p.proposal), label_w))),
                Span::styled(bar(share.unwrap_or(0.0), bar_w), d.theme.bar()),
                Span::raw(format!(
                    " {:>3}/{:<3}",
                    count_text(p.acted),
                    count_text(p.given)
                )),
            ]));
        }
    }
    out
}
