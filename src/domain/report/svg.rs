//! Inline SVG charts for the HTML report: score meters, dimension bars and the depth ladder.
//! Values are always written as text too, and gaps are hatched, so nothing depends on colour.

use std::fmt::Write as _;

use crate::domain::summary::fmt_score;

use super::html::escape;
use super::{GAP_BELOW, LadderView, RungState, Words};

/// A headline score meter: a 0–100 track with the level boundaries as ticks.
pub fn meter(score: f64, label: &str) -> String {
    let x = score.clamp(0.0, 100.0) * 3.0;
    let mut s = format!(
        r#"<svg class="meter" viewBox="0 0 300 26" width="100%" role="img" aria-label="{}"><rect x="0" y="4" width="300" height="12" rx="2" class="track"/><rect x="0" y="4" width="{x:.1}" height="12" rx="2" class="fill"/>"#,
        escape(label)
    );
    for t in [20, 40, 60, 80] {
        let tx = t * 3;
        let _ = write!(
            s,
            r#"<line x1="{tx}" y1="2" x2="{tx}" y2="18" class="tick"/>"#
        );
    }
    for t in [0, 20, 40, 60, 80, 100] {
        let (tx, anchor) = match t {
            0 => (0, "start"),
            100 => (300, "end"),
            _ => (t * 3, "middle"),
        };
        let _ = write!(
            s,
            r#"<text x="{tx}" y="25" text-anchor="{anchor}" class="scale">{t}</text>"#
        );
    }
    s.push_str("</svg>");
    s
}

/// One dimension's bar, to sit in a table cell; `n` keeps the hatch pattern's id unique.
pub fn dimension_bar(score: Option<f64>, gap: bool, n: usize) -> String {
    let width = 200.0;
    let mut s = format!(
        r#"<svg class="bar" viewBox="0 0 {width} 16" width="100%" height="16" preserveAspectRatio="none" aria-hidden="true">"#
    );
    let _ = write!(
        s,
        r#"<defs><pattern id="hatch-{n}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" class="gap-bg"/><line x1="0" y1="0" x2="0" y2="5" class="gap-line"/></pattern></defs>"#
    );
    let _ = write!(
        s,
        r#"<rect x="0" y="3" width="{width}" height="10" class="track"/>"#
    );
    if let Some(v) = score {
        let w = v.clamp(0.0, 100.0) / 100.0 * width;
        let fill = if gap {
            format!(r#"fill="url(#hatch-{n})" class="gap""#)
        } else {
            r#"class="fill""#.to_string()
        };
        let _ = write!(
            s,
            r#"<rect x="0" y="3" width="{w:.1}" height="10" {fill}/>"#
        );
    }
    let t = GAP_BELOW / 100.0 * width;
    let _ = write!(
        s,
        r#"<line x1="{t}" y1="0" x2="{t}" y2="16" class="threshold"/></svg>"#
    );
    s
}

const ROW: usize = 34;
const STEP: usize = 22;
const RUNG_W: usize = 330;
const LEFT: usize = 34;

/// The ladder as a staircase from the lowest rung (bottom) up, the firm's rung marked.
pub fn ladder(l: &LadderView, w: &Words) -> String {
    let n = l.rungs.len();
    let height = n * ROW + 8;
    let mut s = format!(
        r#"<svg class="ladder" viewBox="0 0 680 {height}" width="100%" role="img" aria-labelledby="ladder-title-{id}"><title id="ladder-title-{id}">{title}</title>"#,
        id = escape(&l.id),
        title = escape(w.ladder_chart_title)
    );
    for (i, rung) in l.rungs.iter().enumerate() {
        let y = (n - 1 - i) * ROW + 4;
        let x = LEFT + i * STEP;
        let class = match rung.state {
            RungState::Reached => "rung reached",
            RungState::Current => "rung current",
            RungState::Next => "rung next",
            RungState::HeldAbove => "rung held",
            RungState::Ahead => "rung ahead",
        };
        let _ = write!(
            s,
            r#"<g class="{class}"><text x="{nx}" y="{ty}" class="num" text-anchor="end">{num}</text><rect x="{x}" y="{y}" width="{RUNG_W}" height="{rh}" rx="3"/><text x="{lx}" y="{ty}" class="label">{label}</text>"#,
            nx = x - 8,
            ty = y + ROW / 2 + 1,
            num = rung.number,
            rh = ROW - 6,
            lx = x + 10,
            label = escape(&rung.label),
        );
        let state = match rung.state {
            RungState::Current => format!("◀ {}", w.you_are_here),
            RungState::HeldAbove => w.rung_held_short.to_string(),
            other => w.rung_state(other).to_string(),
        };
        let _ = write!(
            s,
            r#"<text x="{sx}" y="{ty}" class="state">{state}</text></g>"#,
            sx = LEFT + (n - 1) * STEP + RUNG_W + 14,
            ty = y + ROW / 2 + 1,
            state = escape(&state),
        );
    }
    s.push_str("</svg>");
    s
}

/// A score as `12.3 / 100`, for labels.
pub fn score_label(score: f64) -> String {
    format!("{} / 100", fmt_score(score))
}
