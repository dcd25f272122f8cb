//! The dashboard's sixth tab in a follow-up room: the room's change since the room it follows,
//! from the same numbers the cohort report prints (median change per area, rung movement, the
//! share of firms that acted on each proposal), firms in only one room counted apart. Counts
//! of one or two firms are written "<3", and nothing is a median of fewer than three firms.

use ratatui::text::{Line, Span};

use super::dashboard::Dashboard;
use super::dashboard_view::{heading, proposal_line};
use super::strings as st;
use crate::domain::cohort::{MIN_SHOWN, count_text, shown_count};
use crate::domain::wrap::{width, wrap};
use crate::progress::follow_up as fu;
use crate::progress::render::{opt, signed};
use crate::tui::view::{bar, pad};
use crate::workshop::text as ws;

fn para(d: &Dashboard, text: &str, w: usize) -> Vec<Line<'static>> {
    wrap(text, w, "", "")
        .into_iter()
        .map(|l| Line::styled(l, d.theme.muted()))
        .collect()
}

/// A right-aligned cell `w` wide.
fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// The tab's lines for a content area `w` columns wide.
pub fn lines(d: &Dashboard, w: usize) -> Vec<Line<'static>> {
    let lang = d.lang;
    let t = |b: crate::domain::text::Bilingual| b.get(lang).to_string();
    let Some(c) = &d.change else {
        return Vec::new();
    };
    let mut out = vec![heading(d, t(fu::H_CHANGE))];
    out.extend(para(
        d,
        &fu::BOTH_LINE.fill(
            lang,
            &[
                &count_text(c.both),
                &count_text(c.only_earlier),
                &count_text(c.only_later),
            ],
        ),
        w,
    ));
    if c.both < MIN_SHOWN {
        out.push(Line::default());
        out.extend(para(d, st::CHANGE_TOO_FEW.get(lang), w));
        return out;
    }
    out.push(Line::default());
    // Scores: the medians then and now, and the median of each firm's own change.
    let cols = [t(fu::C_BEFORE), t(fu::C_AFTER), t(fu::C_CHANGE)];
    let cell_w: Vec<usize> = cols.iter().map(|h| width(h).max(6)).collect();
    let fixed: usize = cell_w.iter().map(|c| c + 2).sum();
    let label_w = w.saturating_sub(fixed).clamp(8, 30);
    let mut head = pad(&t(ws::C_SCORE), label_w);
    for (h, cw) in cols.iter().zip(&cell_w) {
        head.push_str(&format!("  {}", right(h, *cw)));
    }
    out.push(Line::styled(head, d.theme.title()));
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
            signed(s.median_change),
        ];
        let mut row = pad(&title, label_w);
        for (v, cw) in cells.iter().zip(&cell_w) {
            row.push_str(&format!("  {}", right(v, *cw)));
        }
        out.push(Line::raw(row));
    }
    // Rungs: how many firms moved up, stayed, moved down.
    if !c.rungs.is_empty() {
        out.push(Line::default());
        let cols = [t(fu::C_UP), t(fu::C_SAME), t(fu::C_DOWN)];
        let cw: Vec<usize> = cols.iter().map(|h| width(h).max(4)).collect();
        let mut head = pad(&t(fu::C_LADDER), label_w);
        for (h, w) in cols.iter().zip(&cw) {
            head.push_str(&format!("  {}", right(h, *w)));
        }
        out.push(Line::styled(head, d.theme.title()));
        for m in &c.rungs {
            let title = q
                .ladders
                .iter()
                .find(|l| l.id == m.ladder)
                .map_or_else(|| m.ladder.clone(), |l| l.title.get(lang).to_string());
            let mut row = pad(&title, label_w);
            for (n, w) in [m.up, m.same, m.down].iter().zip(&cw) {
                row.push_str(&format!("  {}", right(&count_text(*n), *w)));
            }
            out.push(Line::raw(row));
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
