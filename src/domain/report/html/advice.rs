//! The HTML report's second half: recommendation cards, the action plan as a checklist, and
//! the appendix of every question with the firm's answer.

use std::fmt::Write as _;

use super::escape;
use crate::domain::report::strings as ws;
use crate::domain::report::{AnswerState, Report};

pub(super) fn recommendations(r: &Report, h: &mut String) -> std::fmt::Result {
    let lang = r.lang;
    let e = escape;
    writeln!(
        h,
        "<section id=\"recommendations\">\n<h2>3. {}</h2>",
        e(ws::SEC_RECOMMENDATIONS.get(lang))
    )?;
    if r.recommendations.is_empty() {
        writeln!(h, "<p>{}</p>", e(ws::NO_RECOMMENDATIONS.get(lang)))?;
    }
    for rec in &r.recommendations {
        writeln!(
            h,
            "<section class=\"rec\" id=\"rec-{n}\"><h3><span class=\"pid\">{p}</span>{headline}</h3>",
            n = rec.number,
            p = e(rec.proposal.as_str()),
            headline = e(&rec.headline),
        )?;
        writeln!(
            h,
            "<p class=\"when\">{}</p>\n<p class=\"gapline\">{}</p>",
            e(&rec.when_line(lang)),
            e(&rec.gap_line)
        )?;
        writeln!(
            h,
            "<p class=\"why\"><strong>{}{}</strong>{}</p>",
            e(ws::BECAUSE.get(lang)),
            ws::COLON.get(lang),
            e(&rec.because)
        )?;
        if let Some(t) = &rec.time_bound {
            writeln!(
                h,
                "<p class=\"time-bound\"><strong>{}{}</strong>{}</p>",
                e(ws::TIME_BOUND.get(lang)),
                ws::COLON.get(lang),
                e(t)
            )?;
        }
        writeln!(h, "<ul class=\"steps\">")?;
        for s in &rec.steps {
            writeln!(
                h,
                "<li><span class=\"horizon\">{}</span>{}</li>",
                e(&s.horizon_label),
                e(&s.action)
            )?;
        }
        writeln!(
            h,
            "</ul>\n<p class=\"source\">{}</p>\n</section>",
            e(&rec.source_line)
        )?;
    }
    writeln!(h, "</section>")
}

pub(super) fn plan(r: &Report, h: &mut String) -> std::fmt::Result {
    let lang = r.lang;
    let e = escape;
    writeln!(
        h,
        "<section id=\"plan\">\n<h2>2. {}</h2>\n<p class=\"note\">{}</p>",
        e(ws::SEC_PLAN.get(lang)),
        e(ws::PLAN_INTRO.get(lang))
    )?;
    if r.plan.items.is_empty() {
        writeln!(h, "<p>{}</p>", e(ws::NO_PLAN.get(lang)))?;
    }
    for (hz, items) in r.plan.windows() {
        writeln!(
            h,
            "<table class=\"plan\"><thead><tr><th colspan=\"2\">{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            e(ws::horizon_title(lang, hz)),
            e(ws::OWNER.get(lang)),
            e(ws::EFFORT.get(lang)),
            e(ws::DONE_WHEN.get(lang)),
            e(ws::DUE.get(lang))
        )?;
        for i in items {
            let first = if i.first {
                format!(
                    "<span class=\"first\">{}</span> ",
                    e(ws::FIRST_MARK.get(lang))
                )
            } else {
                String::new()
            };
            writeln!(
                h,
                "<tr><td><span class=\"box\"></span></td><td>{first}<strong>{}</strong> <span class=\"note\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                e(&i.action),
                e(&i.proposals.join(", ")),
                e(&i.owner),
                e(&i.effort_label),
                e(&i.done_when),
                e(&i.due)
            )?;
        }
        writeln!(h, "</tbody></table>")?;
    }
    if r.plan.left_out > 0 {
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            e(&ws::PLAN_LEFT_OUT.count(lang, r.plan.left_out, &[]))
        )?;
    }
    writeln!(h, "</section>")
}

/// What the 2020 speakers said, for the proposals the recommendations answer.
pub(super) fn proposals(r: &Report, h: &mut String) -> std::fmt::Result {
    if r.proposals.is_empty() {
        return Ok(());
    }
    let lang = r.lang;
    let e = escape;
    writeln!(
        h,
        "<section id=\"proposals\" class=\"compact\">\n<h2>{}</h2>\n<div class=\"cols\"><dl class=\"speeches\">",
        e(ws::SEC_PROPOSALS.get(lang))
    )?;
    for n in &r.proposals {
        writeln!(
            h,
            "<div class=\"speech\"><dt>{} {}{}{}{}</dt><dd>{}</dd></div>",
            e(n.proposal.as_str()),
            e(&n.speaker),
            e(&ws::aside(lang, &n.role)),
            ws::COLON.get(lang),
            e(&n.keyword),
            e(&n.summary)
        )?;
    }
    writeln!(h, "</dl></div>\n</section>")
}

pub(super) fn appendix(r: &Report, h: &mut String) -> std::fmt::Result {
    let lang = r.lang;
    let e = escape;
    writeln!(
        h,
        "<section id=\"appendix\" class=\"compact\">\n<h2>{}</h2>\n<p>{}</p>\n<div class=\"cols\">",
        e(r.appendix_heading()),
        e(ws::APPENDIX_INTRO.get(lang))
    )?;
    for g in &r.appendix {
        writeln!(
            h,
            "<table class=\"appendix\"><thead><tr><th colspan=\"3\">{}</th></tr></thead><tbody>",
            e(&g.title)
        )?;
        for item in &g.items {
            let answer = match item.state {
                AnswerState::Unanswered => {
                    format!(
                        "<span class=\"unanswered\">{}</span>",
                        e(crate::domain::output::NOT_ANSWERED.get(lang))
                    )
                }
                _ => e(&item.answer).into_owned(),
            };
            writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"answer\">{answer}</td></tr>",
                item.number,
                e(&item.text)
            )?;
        }
        writeln!(h, "</tbody></table>")?;
    }
    writeln!(h, "</div>")?;
    if r.skipped > 0 {
        writeln!(
            h,
            "<p class=\"note\">{}</p>",
            e(&ws::SKIPPED.count(lang, r.skipped, &[]))
        )?;
    }
    writeln!(h, "</section>")
}
