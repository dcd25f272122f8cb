//! Inline SVG charts for the HTML report: score meters, dimension bars and the depth ladder.
//! Values are always written as text too, and gaps are hatched, so nothing depends on colour.

use std::fmt::Write as _;

use super::html::escape;
use super::strings as ws;
use super::{Band, LadderView, Report, RungState};
use crate::domain::text::Lang;

/// A label without its trailing aside, short enough for a meter band.
fn short(label: &str) -> &str {
    label
        .split_once([' ', '（', '('])
        .map_or(label, |(a, _)| a)
        .trim()
}

/// A headline score meter: a 0–100 track with the level bands named under it.
pub fn meter(score: f64, label: &str, bands: &[Band]) -> String {
    let x = score.clamp(0.0, 100.0) * 3.0;
    let mut s = format!(
        r#"<svg class="meter" viewBox="0 0 300 34" width="100%" role="img" aria-label="{}"><rect x="0" y="4" width="300" height="12" rx="2" class="track"/><rect x="0" y="4" width="{x:.1}" height="12" rx="2" class="fill"/>"#,
        escape(label)
    );
    for b in bands.iter().skip(1) {
        let tx = b.min.clamp(0.0, 100.0) * 3.0;
        let _ = write!(
            s,
            r#"<line x1="{tx:.1}" y1="2" x2="{tx:.1}" y2="18" class="tick"/>"#
        );
    }
    for b in bands {
        let mid = (b.min + b.max).clamp(0.0, 200.0) / 2.0 * 3.0;
        let _ = write!(
            s,
            r#"<text x="{mid:.1}" y="28" text-anchor="middle" class="scale">{}</text>"#,
            escape(short(&b.label))
        );
    }
    s.push_str("</svg>");
    s
}

/// "The dashed line marks the gap line (60)." in words, for the chart's caption.
pub fn reference_note(lang: Lang, reference: &str) -> String {
    format!(
        "{}{}{}",
        ws::CHART_TITLE.get(lang),
        ws::COLON.get(lang),
        reference
    )
}

const DOT_ROW: usize = 16;
const DOT_LEFT: f64 = 200.0;
const DOT_W: f64 = 280.0;

/// Every dimension on one 0–100 axis: a dot for its score (a hollow square for a gap, so
/// nothing depends on colour) and a dashed tick for its reference value.
pub fn dot_plot(r: &Report) -> String {
    let n = r.dimensions.len();
    // The area's name heads its first dimension's label.
    let height = n * DOT_ROW + 22;
    let mut s = format!(
        r#"<svg class="dots" viewBox="0 0 760 {height}" width="100%" role="img" aria-label="{}">"#,
        escape(&reference_note(r.lang, &r.reference_label))
    );
    let x = |v: f64| DOT_LEFT + v.clamp(0.0, 100.0) / 100.0 * DOT_W;
    for t in [0, 20, 40, 60, 80, 100] {
        let tx = x(f64::from(t));
        let _ = write!(
            s,
            r#"<line x1="{tx:.1}" y1="4" x2="{tx:.1}" y2="{y2}" class="grid"/><text x="{tx:.1}" y="{ty}" text-anchor="middle" class="scale">{t}</text>"#,
            y2 = n * DOT_ROW + 6,
            ty = n * DOT_ROW + 18,
        );
    }
    for (i, d) in r.dimensions.iter().enumerate() {
        let y = i * DOT_ROW + 12;
        let _ = write!(
            s,
            r#"<text x="{lx}" y="{ty}" text-anchor="end" class="dlabel">{}</text>"#,
            escape(&d.title),
            lx = DOT_LEFT - 8.0,
            ty = y + 4,
        );
        let rx = x(d.reference);
        let _ = write!(
            s,
            r#"<line x1="{rx:.1}" y1="{a}" x2="{rx:.1}" y2="{b}" class="threshold"/>"#,
            a = y - 6,
            b = y + 6,
        );
        if let Some(v) = d.score {
            let cx = x(v);
            if d.gap {
                let _ = write!(
                    s,
                    r#"<rect x="{:.1}" y="{}" width="9" height="9" class="dot gap"/>"#,
                    cx - 4.5,
                    y - 4
                );
            } else {
                let _ = write!(s, r#"<circle cx="{cx:.1}" cy="{y}" r="4.5" class="dot"/>"#);
            }
        }
        let lang = r.lang;
        let score = d
            .score
            .map_or_else(|| ws::NO_DATA.get(lang).to_string(), |x| r.fmt(x));
        let mut marks = format!("{score} · {}% {}", d.answered, ws::ANSWERED_SHARE.get(lang));
        if let Some(level) = &d.level_label {
            marks.push_str(&format!(" · {level}"));
        }
        if d.thin {
            marks.push_str(&format!(" · {}", ws::THIN_MARK.get(lang)));
        }
        if d.gap {
            marks.push_str(&format!(" · {}", ws::GAP_MARK.get(lang)));
            if !d.proposals.is_empty() {
                marks.push_str(&format!(" → {}", d.proposals.join(", ")));
            }
        }
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" class="dval{}">{}</text>"#,
            DOT_LEFT + DOT_W + 10.0,
            y + 4,
            if d.gap { " gapval" } else { "" },
            escape(&marks)
        );
    }
    s.push_str("</svg>");
    s
}

const ROW: usize = 34;
const STEP: usize = 22;
const RUNG_W: usize = 330;
const LEFT: usize = 34;

/// The ladder as a staircase from the lowest rung (bottom) up, the firm's rung marked.
pub fn ladder(l: &LadderView, lang: Lang) -> String {
    let n = l.rungs.len();
    let height = n * ROW + 8;
    let mut s = format!(
        r#"<svg class="ladder" viewBox="0 0 680 {height}" width="100%" role="img" aria-labelledby="ladder-title-{id}"><title id="ladder-title-{id}">{title}</title>"#,
        id = escape(&l.id),
        title = escape(ws::LADDER_CHART_TITLE.get(lang))
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
            RungState::Current => format!("◀ {}", ws::YOU_ARE_HERE.get(lang)),
            RungState::HeldAbove => ws::RUNG_HELD_SHORT.get(lang).to_string(),
            other => ws::rung_state(lang, other).to_string(),
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
