//! The report as plain text: at most 80 display columns a line (CJK counts two), ASCII rules
//! and marks only, so it prints on paper and pastes into chat or e-mail unchanged.

use std::io::{self, Write};

use crate::domain::output::fmt_score_at;
use crate::domain::text::Lang;
use crate::domain::wrap::{pad, width, width_cjk, wrap, wrap_cjk};

use super::strings as ws;
use super::{AnswerState, Report, RungState};

/// The widest line the text report writes.
pub const WIDTH: usize = 80;
const BAR: usize = 20;

struct Page {
    lines: Vec<String>,
    /// Count “ ” — … as two columns, as CJK terminals do.
    cjk: bool,
}

impl Page {
    fn new(r: &Report) -> Page {
        Page {
            lines: Vec::new(),
            cjk: r.lang == Lang::Zh,
        }
    }

    fn para(&mut self, text: &str, first: &str, rest: &str) {
        if self.cjk {
            self.lines.extend(wrap_cjk(text, WIDTH, first, rest));
        } else {
            self.lines.extend(wrap(text, WIDTH, first, rest));
        }
    }

    /// Display width as this page counts it.
    fn width(&self, s: &str) -> usize {
        if self.cjk { width_cjk(s) } else { width(s) }
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

    fn label(&mut self, lang: Lang, label: &str) {
        self.para(
            &format!("{label}{}", ws::COLON.get(lang).trim_end()),
            "",
            "",
        );
    }

    fn out<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        for line in &self.lines {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

/// Pads `s` with spaces to `cols` display columns.
/// `[########............]`: the score as a bar of `BAR` cells.
fn bar(score: Option<f64>) -> String {
    let share = score.map_or(0.0, |s| s / 100.0);
    format!("[{}]", crate::domain::wrap::bar(share, BAR, ['#', '.']))
}

/// The one-page summary, shared by the full and the short text.
fn summary(p: &mut Page, r: &Report, short: bool) {
    let lang = r.lang;
    let s = &r.summary;
    p.label(lang, ws::VERDICT.get(lang));
    for v in &s.verdict {
        p.para(&v.text, "- ", "  ");
    }
    p.blank();
    for (title, items, none) in r.summary_lists() {
        p.label(lang, title);
        if items.is_empty() {
            p.para(&none, "- ", "  ");
        }
        for x in items {
            p.para(x, "- ", "  ");
        }
        p.blank();
    }
    if r.recommends {
        p.label(lang, ws::TOP_ACTIONS.get(lang));
        if s.actions.is_empty() {
            p.para(ws::NO_PLAN.get(lang), "  ", "  ");
        }
    }
    for (n, a) in s.actions.iter().enumerate() {
        p.para(
            &format!(
                "{}{}",
                a.action,
                ws::aside(
                    lang,
                    &format!(
                        "{} · {}",
                        ws::pair(lang, ws::DUE.get(lang), &a.due),
                        a.owner
                    )
                )
            ),
            &format!("{}. ", n + 1),
            "   ",
        );
    }
    p.blank();
    p.para(
        &ws::pair(lang, ws::HOW_SURE.get(lang), &s.confidence),
        "",
        "  ",
    );
    if !short || s.wish.is_some() {
        p.para(
            &ws::pair(
                lang,
                ws::WISH.get(lang),
                s.wish.as_deref().unwrap_or(ws::NOT_GIVEN.get(lang)),
            ),
            "",
            "  ",
        );
    }
}

/// The short form for chat and e-mail: the summary, at most [`SHORT_LINES`] lines, no bars.
pub fn write_short<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let lang = r.lang;
    let mut p = Page::new(r);
    // Chat apps show “ ” — … double width in Chinese fonts, whatever the report's language.
    p.cjk = true;
    let firm = r
        .firm
        .as_deref()
        .map_or(String::new(), |f| format!("{f} · "));
    p.para(&format!("{firm}{} · {}", r.subtitle, r.date_label), "", "");
    p.blank();
    summary(&mut p, r, true);
    p.blank();
    p.para(ws::SHORT_MORE.get(lang), "", "");
    // Drop blank lines first, then cut, so nothing but spacing is lost on a long summary.
    if p.lines.len() > SHORT_LINES {
        p.lines.retain(|l| !l.is_empty());
        p.lines.truncate(SHORT_LINES);
    }
    p.out(out)
}

/// The most lines `--short` writes.
pub const SHORT_LINES: usize = 40;

/// Sections 2 and 3: the action plan and the recommendations.
fn plan_and_recommendations(p: &mut Page, r: &Report) {
    let lang = r.lang;
    let num = r.numbers();
    p.heading(&format!("{}. {}", num.plan, ws::SEC_PLAN.get(lang)));
    p.para(ws::PLAN_INTRO.get(lang), "", "");
    if r.plan.items.is_empty() {
        p.para(ws::NO_PLAN.get(lang), "", "");
    }
    for (h, items) in r.plan.windows() {
        p.blank();
        p.para(ws::horizon_title(lang, h), "", "");
        for i in items {
            p.para(
                &i.plain_line(lang),
                &format!("[ ] {:>2}. ", i.number),
                "        ",
            );
            p.para(&i.facts(lang), "        ", "        ");
            if !i.done_when.is_empty() {
                p.para(
                    &ws::pair(lang, ws::DONE_WHEN.get(lang), &i.done_when),
                    "        ",
                    "          ",
                );
            }
        }
    }
    if r.plan.left_out > 0 {
        p.blank();
        p.para(&ws::PLAN_LEFT_OUT.count(lang, r.plan.left_out, &[]), "", "");
    }

    p.heading(&format!(
        "{}. {}",
        num.recommendations,
        ws::SEC_RECOMMENDATIONS.get(lang)
    ));
    if r.recommendations.is_empty() {
        p.para(ws::NO_RECOMMENDATIONS.get(lang), "", "");
    }
    for rec in &r.recommendations {
        p.blank();
        p.para(&format!("3.{}  {}", rec.number, rec.headline), "", "      ");
        p.para(&rec.when_line(lang), "      ", "      ");
        p.para(&rec.gap_line, "      ", "      ");
        p.para(
            &ws::pair(lang, ws::BECAUSE.get(lang), &rec.because),
            "      ",
            "        ",
        );
        if let Some(t) = &rec.time_bound {
            p.para(
                &format!("! {}", ws::pair(lang, ws::TIME_BOUND.get(lang), t)),
                "      ",
                "        ",
            );
        }
        p.para(
            &format!("{}{}", ws::STEPS.get(lang), ws::COLON.get(lang).trim_end()),
            "      ",
            "      ",
        );
        for s in &rec.steps {
            p.para(
                &format!("[{}] {}", s.horizon_label, s.action),
                "      - ",
                "        ",
            );
        }
        p.para(&format!("({})", rec.source_line), "      ", "       ");
    }
}

pub fn write<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let lang = r.lang;
    let mut p = Page::new(r);
    p.lines.push("=".repeat(WIDTH));
    p.para(&r.title, "", "");
    match &r.firm {
        Some(firm) => p.para(&format!("{}  {firm}", r.subtitle), "", ""),
        None => p.para(&r.subtitle, "", ""),
    }
    p.lines.push("=".repeat(WIDTH));
    p.para(&ws::pair(lang, ws::DATE.get(lang), &r.date_label), "", "  ");
    for f in &r.profile {
        p.para(&ws::pair(lang, &f.label, &f.value), "", "  ");
    }
    if !r.whatif.is_empty() {
        p.para(&ws::WHATIF.count(lang, r.whatif.len(), &[]), "", "");
        for a in &r.whatif {
            p.para(&ws::whatif_item(lang, a), "  - ", "    ");
        }
    }
    if let Some(note) = &r.note {
        p.blank();
        p.para(note, "", "");
    }
    if let Some(since) = &r.since {
        p.lines.extend(since.text_lines(r.lang));
    }

    p.heading(&format!("1. {}", ws::SEC_ONEPAGE.get(lang)));
    summary(&mut p, r, false);

    let num = r.numbers();
    if r.recommends {
        plan_and_recommendations(&mut p, r);
    }

    p.heading(&format!(
        "{}. {}",
        num.dimensions,
        ws::SEC_DIMENSIONS.get(lang)
    ));
    for h in r.headlines.iter().chain(std::iter::once(&r.overall)) {
        p.para(
            &format!(
                "{}{}{}  {}",
                h.title,
                ws::COLON.get(lang),
                h.score_text,
                ws::pair(lang, ws::SCORE_LEVEL.get(lang), &h.level_label)
            ),
            "",
            "  ",
        );
    }
    p.blank();
    p.para(&r.at_gap_line(ws::GAP_LINE), "", "");
    p.para(ws::THIN_NOTE.get(lang), "", "");
    let marks_w = 16;
    let col = r
        .dimensions
        .iter()
        .map(|d| width(&d.title))
        .max()
        .unwrap_or(0)
        .min(WIDTH - (2 + 1 + BAR + 2 + 1 + 6 + 1 + marks_w));
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
        let score = d
            .score
            .map_or_else(|| ws::NO_DATA.get(lang).to_string(), |x| r.fmt(x));
        let mut marks = vec![format!("{}% {}", d.answered, ws::ANSWERED_SHARE.get(lang))];
        if let Some(level) = &d.level_label {
            marks.push(level.clone());
        }
        if d.thin {
            marks.push(ws::THIN_MARK.get(lang).to_string());
        }
        if d.gap {
            marks.push(ws::GAP_MARK.get(lang).to_string());
        }
        let score = format!(
            "{}{score}",
            " ".repeat(6usize.saturating_sub(width(&score)))
        );
        let line = format!(
            "  {} {} {score} {}",
            pad(&last, col),
            bar(d.score),
            marks.join(" ")
        );
        if p.width(&line) > WIDTH {
            p.lines
                .push(format!("  {} {} {score}", pad(&last, col), bar(d.score)));
            p.lines.push(format!("    {}", marks.join(" ")));
        } else {
            p.lines.push(line.trim_end().to_string());
        }
        if d.gap && !d.proposals.is_empty() {
            p.para(
                &ws::pair(lang, ws::RELATED.get(lang), &d.proposals.join(", ")),
                "    ",
                "    ",
            );
        }
    }

    for l in &r.ladders {
        p.heading(&format!("{}. {}", num.ladders, l.title));
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
            let state = ws::aside(lang, ws::rung_state(lang, rung.state));
            let first = format!("{here} {:>2}  ", rung.number);
            let text = format!("{}  {}", pad(&rung.label, col), state.trim());
            p.para(&text, &first, "        ");
        }
        p.blank();
        p.para(
            &ws::pair(lang, ws::LADDER_RUNG.get(lang), &l.position(lang)),
            "",
            "  ",
        );
        p.para(&l.current_description, "  ", "  ");
        match &l.next {
            Some(n) => {
                p.para(&ws::pair(lang, ws::NEXT_RUNG.get(lang), &n.label), "", "  ");
                p.para(
                    &format!("{}{}", ws::NEEDS.get(lang), ws::COLON.get(lang).trim_end()),
                    "  ",
                    "  ",
                );
                for need in &n.needs {
                    p.para(need, "  - ", "    ");
                }
            }
            None => p.para(ws::TOP_RUNG.get(lang), "", ""),
        }
        if l.rungs.iter().any(|x| x.state == RungState::HeldAbove) {
            p.para(ws::HELD_ABOVE_NOTE.get(lang), "", "");
        }
    }

    p.heading(&format!("{}. {}", num.breadth, ws::SEC_BREADTH.get(lang)));
    if let Some(b) = &r.breadth {
        p.para(
            &format!(
                "{}{}{} / 100",
                b.title,
                ws::COLON.get(lang),
                fmt_score_at(b.score, 1)
            ),
            "",
            "  ",
        );
        // The breadth-vs-depth reading only where a finding says it holds.
        if !r.findings.is_empty() {
            p.para(&b.description, "  ", "  ");
        }
        p.blank();
    }
    if r.findings.is_empty() {
        p.para(ws::NO_FINDINGS.get(lang), "", "");
    }
    for f in &r.findings {
        p.para(&ws::pair(lang, ws::FINDING.get(lang), &f.title), "", "  ");
        p.para(&f.text, "  ", "  ");
    }

    if !r.proposals.is_empty() {
        p.heading(ws::SEC_PROPOSALS.get(lang));
        for n in &r.proposals {
            p.blank();
            p.para(
                &format!(
                    "{} {}{}{}{}",
                    n.proposal,
                    n.speaker,
                    ws::aside(lang, &n.role),
                    ws::COLON.get(lang),
                    n.keyword
                ),
                "",
                "  ",
            );
            p.para(
                &ws::pair(lang, ws::SPEECH.get(lang), &n.summary),
                "  ",
                "  ",
            );
        }
    }

    p.heading(r.appendix_heading());
    p.para(ws::APPENDIX_INTRO.get(lang), "", "");
    for g in &r.appendix {
        p.blank();
        p.para(&g.title, "", "");
        for item in &g.items {
            p.para(&item.text, &format!("{:>4}. ", item.number), "      ");
            let answer = match item.state {
                AnswerState::Unanswered => {
                    crate::domain::output::NOT_ANSWERED.get(lang).to_string()
                }
                _ => ws::pair(lang, ws::ANSWER.get(lang), &item.answer),
            };
            p.para(&answer, "      ", "        ");
        }
    }
    if r.skipped > 0 {
        p.blank();
        p.para(&ws::SKIPPED.count(lang, r.skipped, &[]), "", "");
    }

    p.heading(ws::SEC_NOTES.get(lang));
    if r.recommends {
        p.para(
            &ws::pair(lang, ws::SOURCE.get(lang), &r.source.citation),
            "",
            "  ",
        );
        p.blank();
        if !r.caveat.is_empty() {
            p.para(&r.caveat, "", "");
            p.blank();
        }
    }
    p.para(&r.disclaimer, "", "");
    p.blank();
    for (label, value, _) in r.stamp() {
        p.para(&ws::pair(lang, label, &value), "", "  ");
    }
    p.lines.push("=".repeat(WIDTH));
    p.out(out)
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
}
