//! The report as plain text: at most 80 display columns a line (CJK counts two), ASCII rules
//! and marks only, so it prints on paper and pastes into chat or e-mail unchanged.

use std::io::{self, Write};

use crate::domain::summary::fmt_score;
use crate::domain::wrap::{width, wrap};

use super::{AnswerState, Report, RungState};

/// The widest line the text report writes.
pub const WIDTH: usize = 80;
const BAR: usize = 20;

struct Page {
    lines: Vec<String>,
}

impl Page {
    fn para(&mut self, text: &str, first: &str, rest: &str) {
        self.lines.extend(wrap(text, WIDTH, first, rest));
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        self.lines.push(String::new());
        self.para(title, "", "");
        self.lines.push("-".repeat(WIDTH));
    }
}

/// Pads `s` with spaces to `cols` display columns.
fn pad(s: &str, cols: usize) -> String {
    let mut out = s.to_string();
    out.push_str(&" ".repeat(cols.saturating_sub(width(s))));
    out
}

/// `[########............]`: the score as a bar of `BAR` cells.
fn bar(score: Option<f64>) -> String {
    let filled = score.map_or(0, |s| {
        ((s.clamp(0.0, 100.0) / 100.0) * BAR as f64).round() as usize
    });
    format!("[{}{}]", "#".repeat(filled), ".".repeat(BAR - filled))
}

pub fn write<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let w = r.words;
    let mut p = Page { lines: Vec::new() };
    p.lines.push("=".repeat(WIDTH));
    p.para(&r.title, "", "");
    match &r.firm {
        Some(firm) => p.para(&format!("{}  {firm}", r.subtitle), "", ""),
        None => p.para(&r.subtitle, "", ""),
    }
    p.lines.push("=".repeat(WIDTH));
    if let Some(firm) = &r.firm {
        p.para(&w.pair(w.firm, firm), "", "  ");
    }
    p.para(&w.pair(w.date, &r.date_label), "", "  ");
    for f in &r.profile {
        p.para(&w.pair(&f.label, &f.value), "", "  ");
    }
    let s = &r.questionnaire;
    p.para(
        &w.pair(w.questionnaire, &format!("{} {}", s.id, s.version)),
        "",
        "  ",
    );
    p.para(&w.pair(w.content_hash, &s.hash), "", "  ");
    p.para(&w.pair(w.confidence, &r.confidence.summary), "", "  ");
    if let Some(since) = &r.since {
        p.lines.extend(since.text_lines(r.lang));
    }

    p.heading(&format!("1. {}", w.sec_summary));
    for h in r.headlines.iter().chain(std::iter::once(&r.overall)) {
        p.para(
            &format!("{}{}{}  {}", h.title, w.colon, h.score_text, h.level_label),
            "",
            "  ",
        );
        p.para(&h.meaning, "  ", "  ");
    }

    p.heading(&format!("2. {}", w.sec_dimensions));
    p.para(w.gap_line, "", "");
    let col = r
        .dimensions
        .iter()
        .map(|d| width(&d.title))
        .max()
        .unwrap_or(0)
        .min(WIDTH - (2 + 1 + BAR + 2 + 1 + 6 + 2) - width(w.gap_mark));
    let mut area = "";
    for d in &r.dimensions {
        if d.area != area {
            area = &d.area;
            p.blank();
            p.para(area, "", "");
        }
        let mut title = wrap(&d.title, col, "", "");
        let last = title.pop().unwrap_or_default();
        for t in title {
            p.lines.push(format!("  {t}"));
        }
        let score = d.score.map_or_else(|| w.no_data.to_string(), fmt_score);
        let mark = if d.gap { w.gap_mark } else { "" };
        let score = format!(
            "{}{score}",
            " ".repeat(6usize.saturating_sub(width(&score)))
        );
        let line = format!("  {} {} {score}  {mark}", pad(&last, col), bar(d.score));
        p.lines.push(line.trim_end().to_string());
    }

    for l in &r.ladders {
        p.heading(&format!("3. {}", l.title));
        p.para(&l.description, "", "");
        p.blank();
        let col = l
            .rungs
            .iter()
            .map(|x| width(&x.label))
            .max()
            .unwrap_or(0)
            .min(40);
        for rung in l.rungs.iter().rev() {
            let here = if rung.state == RungState::Current {
                ">>"
            } else {
                "  "
            };
            let state = w.aside(w.rung_state(rung.state));
            let first = format!("{here} {:>2}  ", rung.number);
            let text = format!("{}  {}", pad(&rung.label, col), state.trim());
            p.para(&text, &first, "        ");
        }
        p.blank();
        p.para(
            &format!(
                "{}{}{}{}{}",
                w.you_are_here,
                w.colon,
                w.rung_of(l.current, l.rungs.len()),
                w.comma,
                l.current_label
            ),
            "",
            "  ",
        );
        p.para(&l.current_description, "  ", "  ");
        match &l.next {
            Some(n) => {
                p.para(&w.pair(w.next_rung, &n.label), "", "  ");
                p.para(&format!("{}{}", w.needs, w.colon.trim_end()), "  ", "  ");
                for need in &n.needs {
                    p.para(need, "  - ", "    ");
                }
            }
            None => p.para(w.top_rung, "", ""),
        }
        if l.rungs.iter().any(|x| x.state == RungState::HeldAbove) {
            p.para(w.held_above_note, "", "");
        }
    }

    p.heading(&format!("4. {}", w.sec_breadth));
    if let Some(b) = &r.breadth {
        p.para(
            &format!(
                "{}{}{} / 100  {}",
                b.title,
                w.colon,
                fmt_score(b.score),
                bar(Some(b.score))
            ),
            "",
            "  ",
        );
        p.para(&b.description, "  ", "  ");
        p.blank();
    }
    if r.findings.is_empty() {
        p.para(w.no_findings, "", "");
    }
    for f in &r.findings {
        p.para(&w.pair(w.finding, &f.title), "", "  ");
        p.para(&f.text, "  ", "  ");
    }

    p.heading(&format!("5. {}", w.sec_gaps));
    if r.gaps.is_empty() {
        p.para(w.no_gaps, "", "");
    }
    for (i, g) in r.gaps.iter().enumerate() {
        p.para(
            &format!(
                "{}{}{}{}",
                g.title,
                w.aside(&g.area),
                w.colon,
                fmt_score(g.score)
            ),
            &format!("{:>2}. ", i + 1),
            "    ",
        );
        p.para(&g.description, "    ", "    ");
        if !g.proposals.is_empty() {
            let list: Vec<&str> = g.proposals.iter().map(|x| x.as_str()).collect();
            p.para(&w.pair(w.related, &list.join(", ")), "    ", "    ");
        }
    }

    p.heading(&format!("6. {}", w.sec_recommendations));
    if r.recommendations.is_empty() {
        p.para(w.no_recommendations, "", "");
    }
    for rec in &r.recommendations {
        p.blank();
        p.para(
            &format!("6.{}  {}  {}", rec.number, rec.proposal, rec.speaker),
            "",
            "  ",
        );
        p.lines.push("~".repeat(WIDTH / 2));
        p.para(&w.priority_label(rec.priority), "", "  ");
        p.para(
            &w.pair(w.speaker, &format!("{}{}", rec.speaker, w.aside(&rec.role))),
            "",
            "  ",
        );
        p.para(&w.pair(w.keyword, &rec.keyword), "", "  ");
        p.para(&w.pair(w.source, &r.source.citation), "", "  ");
        p.para(
            &format!("{}{}", w.proposal_summary, w.colon.trim_end()),
            "",
            "",
        );
        p.para(&rec.summary, "  ", "  ");
        p.para(&format!("{}{}", w.why, w.colon.trim_end()), "", "");
        for e in &rec.why {
            p.para(&w.pair(w.question, &e.text), "  - ", "    ");
            p.para(&w.pair(w.answer, &e.answer), "    ", "    ");
        }
        p.para(&format!("{}{}", w.next_steps, w.colon.trim_end()), "", "");
        for s in &rec.steps {
            p.para(
                &format!("[{}] {}", s.horizon_label, s.action),
                "  - ",
                "    ",
            );
        }
    }

    p.heading(&format!("7. {}", w.sec_plan));
    p.para(w.plan_intro, "", "");
    for g in &r.plan {
        p.blank();
        p.para(&g.title, "", "");
        if g.items.is_empty() {
            p.para(w.plan_empty, "  ", "  ");
        }
        for item in &g.items {
            p.para(
                &format!(
                    "{} {}{}{}",
                    item.proposal, item.speaker, w.colon, item.action
                ),
                "  [ ] ",
                "      ",
            );
        }
    }

    p.heading(w.sec_appendix);
    p.para(w.appendix_intro, "", "");
    for g in &r.appendix {
        p.blank();
        p.para(&g.title, "", "");
        for item in &g.items {
            p.para(&item.text, &format!("{:>4}. ", item.number), "      ");
            let answer = match item.state {
                AnswerState::Unanswered => w.unanswered.to_string(),
                _ => w.pair(w.answer, &item.answer),
            };
            p.para(&answer, "      ", "        ");
        }
    }
    if r.skipped > 0 {
        p.blank();
        p.para(&w.skipped(r.skipped), "", "");
    }

    p.heading(w.sec_notes);
    p.para(&w.pair(w.source, &r.source.citation), "", "  ");
    p.blank();
    p.para(&r.caveat, "", "");
    p.blank();
    p.para(&r.disclaimer, "", "");
    p.lines.push("=".repeat(WIDTH));

    for line in &p.lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_have_a_fixed_width() {
        assert_eq!(
            bar(Some(50.0)),
            format!("[{}{}]", "#".repeat(10), ".".repeat(10))
        );
        assert_eq!(bar(Some(100.0)), format!("[{}]", "#".repeat(BAR)));
        assert_eq!(bar(None), format!("[{}]", ".".repeat(BAR)));
        assert_eq!(bar(Some(250.0)), bar(Some(100.0)));
        assert_eq!(width(&bar(Some(37.3))), BAR + 2);
    }

    #[test]
    fn padding_counts_cjk_as_two_columns() {
        assert_eq!(pad("信用", 6), "信用  ");
        assert_eq!(width(&pad("信用足迹", 6)), 8, "never cut");
        assert_eq!(pad("ab", 4), "ab  ");
    }
}
