//! The report as Markdown: headings, tables and task lists that render on common viewers
//! (GitHub, GitLab, VS Code, Typora). Every piece of data text is escaped.

use std::io::{self, Write};

use crate::domain::output::fmt_score_at;
use crate::domain::text::display_safe;

use super::strings as ws;
use super::{AnswerState, Report, RungState};

/// Escapes text from users and data files for Markdown, on one line: characters that could
/// steer a terminal or reorder a line are made visible ([`display_safe`]), characters that
/// would start emphasis, links, raw HTML, code or a table cell are backslash-escaped, and a
/// leading character that would start a heading, list, quote or rule is made literal. Every
/// Markdown smecheck writes goes through it.
pub fn escape(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    for c in display_safe(&one_line).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // `-`, `+`, `=` open a list or a setext heading; `12.` and `12)` an ordered list.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        let rest = &out[digits..];
        let marker = [". ", ") ", ".", ")"]
            .iter()
            .any(|m| rest.starts_with(m) && (m.len() == 2 || rest.len() == 1));
        if digits > 0 && marker {
            out.insert(digits, '\\');
        }
    }
    out
}

/// A table's head and rule line, `|`-delimited with a newline after each; a column whose
/// `right` is true is right-aligned (numbers). The head cells are escaped here.
pub fn table_head(head: &[String], right: impl Fn(usize) -> bool) -> String {
    let rule: Vec<&str> = (0..head.len())
        .map(|i| if right(i) { "---:" } else { "---" })
        .collect();
    let head: Vec<String> = head.iter().map(|h| escape(h)).collect();
    format!("| {} |\n|{}|\n", head.join(" | "), rule.join("|"))
}

/// One table row of cells already written as Markdown, with its newline.
pub fn table_row(cells: impl IntoIterator<Item = String>) -> String {
    format!(
        "| {} |\n",
        cells.into_iter().collect::<Vec<_>>().join(" | ")
    )
}

fn text_bar(score: Option<f64>) -> String {
    let share = score.map_or(0.0, |s| s / 100.0);
    format!("`{}`", crate::domain::wrap::bar(share, 10, ['#', '.']))
}

fn summary<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let lang = r.lang;
    let e = escape;
    let s = &r.summary;
    writeln!(out, "**{}**\n", ws::VERDICT.get(lang))?;
    for v in &s.verdict {
        writeln!(out, "- {}", e(&v.text))?;
    }
    for (title, items, none) in r.summary_lists() {
        writeln!(out, "\n**{title}**\n")?;
        if items.is_empty() {
            writeln!(out, "- {none}")?;
        }
        for x in items {
            writeln!(out, "- {}", e(x))?;
        }
    }
    if r.recommends {
        writeln!(out, "\n**{}**\n", ws::TOP_ACTIONS.get(lang))?;
        if s.actions.is_empty() {
            writeln!(out, "{}", ws::NO_PLAN.get(lang))?;
        }
    }
    for (n, a) in s.actions.iter().enumerate() {
        writeln!(
            out,
            "{}. **{}** — {} · {}",
            n + 1,
            e(&a.action),
            ws::pair(lang, ws::DUE.get(lang), &a.due),
            e(&a.owner)
        )?;
    }
    writeln!(
        out,
        "\n**{}{}** {}\n",
        ws::HOW_SURE.get(lang),
        ws::COLON.get(lang).trim_end(),
        e(&s.confidence)
    )?;
    writeln!(
        out,
        "**{}{}** {}",
        ws::WISH.get(lang),
        ws::COLON.get(lang).trim_end(),
        s.wish
            .as_deref()
            .map_or_else(|| ws::NOT_GIVEN.get(lang).to_string(), e)
    )
}

/// Sections 2 and 3: the action plan and the recommendations.
fn plan_and_recommendations<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let lang = r.lang;
    let e = escape;
    let num = r.numbers();
    writeln!(out, "\n## {}. {}\n", num.plan, ws::SEC_PLAN.get(lang))?;
    writeln!(out, "{}", ws::PLAN_INTRO.get(lang))?;
    if r.plan.items.is_empty() {
        writeln!(out, "\n{}", ws::NO_PLAN.get(lang))?;
    }
    for (h, items) in r.plan.windows() {
        writeln!(out, "\n### {}\n", ws::horizon_title(lang, h))?;
        for i in items {
            let first = if i.first {
                format!("**[{}]** ", ws::FIRST_MARK.get(lang))
            } else {
                String::new()
            };
            let ps: Vec<String> = i.proposals.iter().map(|x| e(x.as_str())).collect();
            let ps = if ps.is_empty() {
                String::new()
            } else {
                format!(" ({})", ps.join(", "))
            };
            writeln!(out, "- [ ] {first}**{}**{ps}  ", e(&i.action))?;
            let mut facts = vec![e(&i.facts(lang))];
            if !i.done_when.is_empty() {
                facts.push(ws::pair(lang, ws::DONE_WHEN.get(lang), &e(&i.done_when)));
            }
            writeln!(out, "  {}", facts.join(" · "))?;
        }
    }
    if r.plan.left_out > 0 {
        writeln!(
            out,
            "\n{}",
            ws::PLAN_LEFT_OUT.count(lang, r.plan.left_out, &[])
        )?;
    }

    writeln!(
        out,
        "\n## {}. {}",
        num.recommendations,
        ws::SEC_RECOMMENDATIONS.get(lang)
    )?;
    if r.recommendations.is_empty() {
        writeln!(out, "\n{}", ws::NO_RECOMMENDATIONS.get(lang))?;
    }
    for rec in &r.recommendations {
        writeln!(
            out,
            "\n### {}.{} {}\n",
            num.recommendations,
            rec.number,
            e(&rec.headline)
        )?;
        writeln!(out, "**{}**  ", e(&rec.when_line(lang)))?;
        writeln!(out, "{}  ", e(&rec.gap_line))?;
        writeln!(
            out,
            "{}{}{}",
            ws::BECAUSE.get(lang),
            ws::COLON.get(lang),
            e(&rec.because)
        )?;
        if let Some(t) = &rec.time_bound {
            writeln!(
                out,
                "\n> **{}{}** {}",
                ws::TIME_BOUND.get(lang),
                ws::COLON.get(lang).trim_end(),
                e(t)
            )?;
        }
        writeln!(out)?;
        for s in &rec.steps {
            writeln!(
                out,
                "- **{}**{}{}",
                e(&s.horizon_label),
                ws::COLON.get(lang),
                e(&s.action)
            )?;
        }
        writeln!(out, "\n<sub>{}</sub>", e(&rec.source_line))?;
    }
    Ok(())
}

pub fn write<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let lang = r.lang;
    let e = escape;
    writeln!(out, "# {} — {}", e(&r.title), e(&r.subtitle))?;
    writeln!(out)?;
    if let Some(firm) = &r.firm {
        writeln!(
            out,
            "**{}{}** {}",
            ws::PREPARED_FOR.get(lang),
            ws::COLON.get(lang).trim_end(),
            e(firm)
        )?;
        writeln!(out)?;
    }
    writeln!(out, "| | |")?;
    writeln!(out, "|---|---|")?;
    writeln!(out, "| {} | {} |", ws::DATE.get(lang), e(&r.date_label))?;
    for f in &r.profile {
        writeln!(out, "| {} | {} |", e(&f.label), e(&f.value))?;
    }
    if !r.whatif.is_empty() {
        writeln!(
            out,
            "\n> **{}**",
            e(&ws::WHATIF.count(lang, r.whatif.len(), &[]))
        )?;
        for a in &r.whatif {
            writeln!(out, "> - {}", e(&ws::whatif_item(lang, a)))?;
        }
    }
    if let Some(note) = &r.note {
        writeln!(out, "\n> **{}**", e(note))?;
    }
    if let Some(since) = &r.since {
        out.write_all(since.markdown(r.lang).as_bytes())?;
    }

    writeln!(out, "\n## 1. {}\n", ws::SEC_ONEPAGE.get(lang))?;
    summary(r, out)?;

    let num = r.numbers();
    if r.recommends {
        plan_and_recommendations(r, out)?;
    }

    writeln!(
        out,
        "\n## {}. {}\n",
        num.dimensions,
        ws::SEC_DIMENSIONS.get(lang)
    )?;
    writeln!(
        out,
        "| {} | {} | {} | |",
        ws::AREA.get(lang),
        ws::SCORE.get(lang),
        ws::SCORE_LEVEL.get(lang)
    )?;
    writeln!(out, "|---|---:|---|---|")?;
    for h in r.headlines.iter().chain(std::iter::once(&r.overall)) {
        writeln!(
            out,
            "| **{}** | {} | **{}** | {} |",
            e(&h.title),
            e(&h.score_text),
            e(&h.level_label),
            e(&h.meaning)
        )?;
    }
    writeln!(
        out,
        "\n{} {}\n",
        &r.at_gap_line(ws::GAP_LINE),
        ws::THIN_NOTE.get(lang)
    )?;
    writeln!(
        out,
        "| {} | {} | {} | | {} | |",
        ws::AREA.get(lang),
        ws::DIMENSION.get(lang),
        ws::SCORE.get(lang),
        ws::ANSWERED_SHARE.get(lang)
    )?;
    writeln!(out, "|---|---|---:|---|---:|---|")?;
    for d in &r.dimensions {
        let score = d
            .score
            .map_or_else(|| ws::NO_DATA.get(lang).to_string(), |x| r.fmt(x));
        let mut marks = Vec::new();
        if let Some(level) = &d.level_label {
            marks.push(e(level));
        }
        if d.thin {
            marks.push(format!("*{}*", ws::THIN_MARK.get(lang)));
        }
        if d.gap {
            let list: Vec<String> = d.proposals.iter().map(|x| e(x.as_str())).collect();
            let related = if list.is_empty() {
                String::new()
            } else {
                format!(" → {}", list.join(", "))
            };
            marks.push(format!("**{}**{related}", ws::GAP_MARK.get(lang)));
        }
        writeln!(
            out,
            "| {} | {} | {score} | {} | {}% | {} |",
            e(&d.area),
            e(&d.title),
            text_bar(d.score),
            d.answered,
            marks.join(" ")
        )?;
    }

    for l in &r.ladders {
        writeln!(out, "\n## {}. {}\n", num.ladders, e(&l.title))?;
        writeln!(out, "{}\n", e(&l.description))?;
        writeln!(
            out,
            "| # | {} | {} |",
            ws::LADDER_RUNG.get(lang),
            ws::STATUS.get(lang)
        )?;
        writeln!(out, "|---:|---|---|")?;
        for rung in l.rungs.iter().rev() {
            let state = ws::rung_state(lang, rung.state);
            if rung.state == RungState::Current {
                writeln!(
                    out,
                    "| **{}** | **{}** | **{state}** |",
                    rung.number,
                    e(&rung.label)
                )?;
            } else {
                writeln!(out, "| {} | {} | {state} |", rung.number, e(&rung.label))?;
            }
        }
        writeln!(
            out,
            "\n**{}{}** {}\n",
            ws::LADDER_RUNG.get(lang),
            ws::COLON.get(lang).trim_end(),
            e(&l.position(lang))
        )?;
        writeln!(out, "{}\n", e(&l.current_description))?;
        match &l.next {
            Some(n) => {
                writeln!(
                    out,
                    "**{}{}** {}\n",
                    ws::NEXT_RUNG.get(lang),
                    ws::COLON.get(lang).trim_end(),
                    e(&n.label)
                )?;
                writeln!(
                    out,
                    "{}{}\n",
                    ws::NEEDS.get(lang),
                    ws::COLON.get(lang).trim_end()
                )?;
                for need in &n.needs {
                    writeln!(out, "- {}", e(need))?;
                }
            }
            None => writeln!(out, "{}", ws::TOP_RUNG.get(lang))?,
        }
        if l.rungs.iter().any(|x| x.state == RungState::HeldAbove) {
            writeln!(out, "\n{}", ws::HELD_ABOVE_NOTE.get(lang))?;
        }
    }

    writeln!(out, "\n## {}. {}\n", num.breadth, ws::SEC_BREADTH.get(lang))?;
    if let Some(b) = &r.breadth {
        writeln!(
            out,
            "**{}{}** {} / 100 {}\n",
            e(&b.title),
            ws::COLON.get(lang).trim_end(),
            fmt_score_at(b.score, 1),
            text_bar(Some(b.score))
        )?;
        if !r.findings.is_empty() {
            writeln!(out, "{}\n", e(&b.description))?;
        }
    }
    if r.findings.is_empty() {
        writeln!(out, "{}", ws::NO_FINDINGS.get(lang))?;
    }
    for f in &r.findings {
        writeln!(
            out,
            "> **{}{}{}**  ",
            ws::FINDING.get(lang),
            ws::COLON.get(lang).trim_end(),
            e(&f.title)
        )?;
        writeln!(out, "> {}\n", e(&f.text))?;
    }

    if !r.proposals.is_empty() {
        writeln!(out, "\n## {}\n", ws::SEC_PROPOSALS.get(lang))?;
        for n in &r.proposals {
            writeln!(
                out,
                "- **{} {}**{}{}{}  ",
                e(n.proposal.as_str()),
                e(&n.speaker),
                e(&ws::aside(lang, &n.role)),
                ws::COLON.get(lang),
                e(&n.keyword)
            )?;
            writeln!(out, "  {}", e(&n.summary))?;
        }
    }

    writeln!(out, "\n## {}\n", r.appendix_heading())?;
    writeln!(out, "{}", ws::APPENDIX_INTRO.get(lang))?;
    for g in &r.appendix {
        writeln!(out, "\n### {}\n", e(&g.title))?;
        writeln!(
            out,
            "| # | {} | {} |",
            ws::QUESTION.get(lang),
            ws::ANSWER.get(lang)
        )?;
        writeln!(out, "|---:|---|---|")?;
        for item in &g.items {
            let answer = match item.state {
                AnswerState::Unanswered => {
                    format!("*{}*", crate::domain::output::NOT_ANSWERED.get(lang))
                }
                _ => e(&item.answer),
            };
            writeln!(out, "| {} | {} | {answer} |", item.number, e(&item.text))?;
        }
    }
    if r.skipped > 0 {
        writeln!(out, "\n{}", ws::SKIPPED.count(lang, r.skipped, &[]))?;
    }

    writeln!(out, "\n## {}\n", ws::SEC_NOTES.get(lang))?;
    if r.recommends {
        writeln!(
            out,
            "**{}{}** {}\n",
            ws::SOURCE.get(lang),
            ws::COLON.get(lang).trim_end(),
            e(&r.source.citation)
        )?;
        if !r.caveat.is_empty() {
            writeln!(out, "> {}\n", e(&r.caveat))?;
        }
    }
    writeln!(out, "*{}*\n", r.disclaimer)?;
    writeln!(out, "| | |")?;
    writeln!(out, "|---|---|")?;
    for (label, value, code) in r.stamp() {
        let value = if code {
            format!("`{}`", value.replace('`', ""))
        } else {
            e(&value)
        };
        writeln!(out, "| {label} | {value} |")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_table_and_inline_syntax() {
        assert_eq!(escape("A|B"), "A\\|B");
        assert_eq!(escape("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(escape("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(escape("a\\b`c`"), "a\\\\b\\`c\\`");
    }

    #[test]
    fn escapes_leading_block_syntax() {
        assert_eq!(escape("# Title"), "\\# Title");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("+ item"), "\\+ item");
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("2020. A year"), "2020\\. A year");
        assert_eq!(escape("3) three"), "3\\) three");
        assert_eq!(escape("=== "), "\\===");
        assert_eq!(escape("1.5 points"), "1.5 points");
    }

    #[test]
    fn folds_lines_and_keeps_cjk() {
        assert_eq!(escape("  一行\n两行\r\n三行  "), "一行 两行 三行");
        assert_eq!(escape("县城杂货店"), "县城杂货店");
    }
}
