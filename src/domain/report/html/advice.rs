//! The HTML report's second half: recommendation cards, the action plan as a checklist, and
//! the appendix of every question with the firm's answer.

use std::fmt::Write as _;

use super::escape;
use crate::domain::report::{AnswerState, Report};

pub(super) fn recommendations(r: &Report, h: &mut String) -> std::fmt::Result {
    let w = r.words;
    let e = escape;
    writeln!(
        h,
        "<section id=\"recommendations\">\n<h2>6. {}</h2>",
        e(w.sec_recommendations)
    )?;
    if r.recommendations.is_empty() {
        writeln!(h, "<p>{}</p>", e(w.no_recommendations))?;
    }
    for rec in &r.recommendations {
        writeln!(
            h,
            "<section class=\"rec\" id=\"rec-{n}\"><div class=\"rec-head\"><h3><span class=\"pid\">{p}</span>{speaker} — {kw}</h3>",
            n = rec.number,
            p = e(rec.proposal.as_str()),
            speaker = e(&rec.speaker),
            kw = e(&rec.keyword)
        )?;
        writeln!(h, "<dl class=\"facts\">")?;
        for (label, value) in [
            (w.speaker, format!("{}{}", rec.speaker, w.aside(&rec.role))),
            (w.keyword, rec.keyword.clone()),
            (w.priority, w.priority_value(rec.priority)),
            (w.source, r.source.citation.clone()),
        ] {
            writeln!(h, "<dt>{}</dt><dd>{}</dd>", e(label), e(&value))?;
        }
        writeln!(h, "</dl>")?;
        writeln!(
            h,
            "<h4>{}</h4><p>{}</p></div>",
            e(w.proposal_summary),
            e(&rec.summary)
        )?;
        writeln!(h, "<h4>{}</h4><ul class=\"why\">", e(w.why))?;
        for ev in &rec.why {
            writeln!(
                h,
                "<li><span class=\"q\">{}</span><br><span class=\"a\">{}{}{}</span></li>",
                e(&ev.text),
                e(w.answer),
                w.colon,
                e(&ev.answer)
            )?;
        }
        writeln!(h, "</ul>\n<h4>{}</h4><ul class=\"steps\">", e(w.next_steps))?;
        for s in &rec.steps {
            writeln!(
                h,
                "<li><span class=\"horizon\">{}</span>{}</li>",
                e(&s.horizon_label),
                e(&s.action)
            )?;
        }
        writeln!(h, "</ul>\n</section>")?;
    }
    writeln!(h, "</section>")
}

pub(super) fn plan(r: &Report, h: &mut String) -> std::fmt::Result {
    let w = r.words;
    let e = escape;
    writeln!(
        h,
        "<section id=\"plan\">\n<h2>7. {}</h2>\n<p>{}</p>",
        e(w.sec_plan),
        e(w.plan_intro)
    )?;
    for g in &r.plan {
        writeln!(h, "<div class=\"plan-group\"><h3>{}</h3>", e(&g.title))?;
        if g.items.is_empty() {
            writeln!(h, "<p class=\"note\">{}</p>", e(w.plan_empty))?;
        } else {
            writeln!(h, "<ul class=\"plan\">")?;
            for item in &g.items {
                writeln!(
                    h,
                    "<li><span class=\"box\"></span><span><strong>{} {}</strong>{}{}</span></li>",
                    e(item.proposal.as_str()),
                    e(&item.speaker),
                    w.colon,
                    e(&item.action)
                )?;
            }
            writeln!(h, "</ul>")?;
        }
        writeln!(h, "</div>")?;
    }
    writeln!(h, "</section>")
}

pub(super) fn appendix(r: &Report, h: &mut String) -> std::fmt::Result {
    let w = r.words;
    let e = escape;
    writeln!(
        h,
        "<section id=\"appendix\">\n<h2>{}</h2>\n<p>{}</p>",
        e(w.sec_appendix),
        e(w.appendix_intro)
    )?;
    for g in &r.appendix {
        writeln!(h, "<h3>{}</h3>", e(&g.title))?;
        writeln!(
            h,
            "<table class=\"appendix\"><thead><tr><th>#</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            e(w.question),
            e(w.answer)
        )?;
        for item in &g.items {
            let answer = match item.state {
                AnswerState::Unanswered => {
                    format!("<span class=\"unanswered\">{}</span>", e(w.unanswered))
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
    if r.skipped > 0 {
        writeln!(h, "<p class=\"note\">{}</p>", e(&w.skipped(r.skipped)))?;
    }
    writeln!(h, "</section>")
}
