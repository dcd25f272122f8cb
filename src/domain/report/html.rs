//! The report as one self-contained HTML file: inline CSS with an A4 print stylesheet, inline
//! SVG charts, no scripts, fonts or images from anywhere. Every piece of data text is escaped.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::domain::output::fmt_score_at;
use crate::domain::text::Lang;

use super::strings as ws;
use super::svg;
use super::{Report, RungState};
use crate::domain::text::display_safe;

mod advice;

const CSS: &str = include_str!("report.css");

/// Escapes text from anywhere (answers, questionnaires, a facilitator's title) for HTML element
/// content and quoted attribute values, with characters that could steer a terminal or reorder
/// a line made visible ([`display_safe`]). Every HTML page smecheck writes goes through it.
pub fn escape(s: &str) -> Cow<'_, str> {
    let s = display_safe(s);
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

pub fn write<W: Write + ?Sized>(r: &Report, out: &mut W) -> io::Result<()> {
    let mut h = String::with_capacity(64 * 1024);
    // Writing to a String cannot fail.
    let _ = page(r, &mut h);
    out.write_all(h.as_bytes())
}

fn page(r: &Report, h: &mut String) -> std::fmt::Result {
    let lang = r.lang;
    let e = escape;
    let doc_title = match &r.firm {
        Some(f) => format!("{f} — {}", r.subtitle),
        None => format!("{} — {}", r.title, r.subtitle),
    };
    h.push_str(&page_head(r.lang, &doc_title));

    writeln!(h, "<header class=\"cover\">")?;
    writeln!(h, "<p class=\"eyebrow\">{}</p>", e(&r.title))?;
    writeln!(h, "<h1>{}</h1>", e(&r.subtitle))?;
    if let Some(firm) = &r.firm {
        writeln!(h, "<p class=\"firm\">{}</p>", e(firm))?;
    }
    writeln!(h, "<dl class=\"meta\">")?;
    let mut meta = |label: &str, value: &str| writeln!(h, "<dt>{}</dt><dd>{value}</dd>", e(label));
    meta(ws::DATE.get(lang), &e(&r.date_label))?;
    for f in &r.profile {
        meta(&f.label, &e(&f.value))?;
    }
    writeln!(h, "</dl>")?;
    if !r.whatif.is_empty() {
        writeln!(
            h,
            "<div class=\"whatif\"><p><strong>{}</strong></p><ul>",
            e(&ws::WHATIF.count(lang, r.whatif.len(), &[]))
        )?;
        for a in &r.whatif {
            writeln!(h, "<li>{}</li>", e(&ws::whatif_item(lang, a)))?;
        }
        writeln!(h, "</ul></div>")?;
    }
    if let Some(note) = &r.note {
        writeln!(
            h,
            "<p class=\"note instrument-note\"><strong>{}</strong></p>",
            e(note)
        )?;
    }
    writeln!(h, "</header>")?;
    if let Some(since) = &r.since {
        h.push_str(&since.html(r.lang));
    }

    summary(r, h)?;
    if r.recommends {
        advice::plan(r, h)?;
        advice::recommendations(r, h)?;
    }
    scores(r, h)?;
    let num = r.numbers();

    for l in &r.ladders {
        writeln!(
            h,
            "<section id=\"ladder-{}\" class=\"ladder-section\">",
            e(&l.id)
        )?;
        writeln!(
            h,
            "<h2>{}. {}</h2>\n<div class=\"keep\"><p>{}</p>",
            num.ladders,
            e(&l.title),
            e(&l.description)
        )?;
        writeln!(h, "<figure>{}</figure></div>", svg::ladder(l, lang))?;
        writeln!(
            h,
            "<p><strong>{}{}{}</strong> {}</p>",
            e(ws::LADDER_RUNG.get(lang)),
            ws::COLON.get(lang),
            e(&l.position(lang)),
            e(&l.current_description)
        )?;
        match &l.next {
            Some(n) => {
                writeln!(
                    h,
                    "<div class=\"keep\"><h3>{}{}{}</h3>",
                    e(ws::NEXT_RUNG.get(lang)),
                    ws::COLON.get(lang),
                    e(&n.label)
                )?;
                writeln!(
                    h,
                    "<p>{}{}</p>\n<ul class=\"needs\">",
                    e(ws::NEEDS.get(lang)),
                    ws::COLON.get(lang).trim_end()
                )?;
                for need in &n.needs {
                    writeln!(h, "<li>{}</li>", e(need))?;
                }
                writeln!(h, "</ul></div>")?;
            }
            None => writeln!(h, "<p>{}</p>", e(ws::TOP_RUNG.get(lang)))?,
        }
        if l.rungs.iter().any(|x| x.state == RungState::HeldAbove) {
            writeln!(
                h,
                "<p class=\"note\">{}</p>",
                e(ws::HELD_ABOVE_NOTE.get(lang))
            )?;
        }
        writeln!(h, "</section>")?;
    }

    writeln!(
        h,
        "<section id=\"breadth\">\n<h2>{}. {}</h2>",
        num.breadth,
        e(ws::SEC_BREADTH.get(lang))
    )?;
    if let Some(b) = &r.breadth {
        writeln!(
            h,
            "<p><strong>{}{}{} / 100</strong></p>",
            e(&b.title),
            ws::COLON.get(lang),
            fmt_score_at(b.score, 1),
        )?;
        if !r.findings.is_empty() {
            writeln!(h, "<p>{}</p>", e(&b.description))?;
        }
    }
    if r.findings.is_empty() {
        writeln!(h, "<p>{}</p>", e(ws::NO_FINDINGS.get(lang)))?;
    }
    for f in &r.findings {
        writeln!(
            h,
            "<div class=\"callout finding\"><h3>{}{}{}</h3><p>{}</p></div>",
            e(ws::FINDING.get(lang)),
            ws::COLON.get(lang),
            e(&f.title),
            e(&f.text)
        )?;
    }
    writeln!(h, "</section>")?;

    advice::proposals(r, h)?;
    advice::appendix(r, h)?;

    writeln!(
        h,
        "<footer class=\"notes\" id=\"notes\">\n<h2>{}</h2>",
        e(ws::SEC_NOTES.get(lang))
    )?;
    if r.recommends {
        writeln!(
            h,
            "<p><strong>{}{}</strong>{}</p>",
            e(ws::SOURCE.get(lang)),
            ws::COLON.get(lang),
            e(&r.source.citation)
        )?;
        if !r.caveat.is_empty() {
            writeln!(h, "<p>{}</p>", e(&r.caveat))?;
        }
    }
    writeln!(h, "<p><strong>{}</strong></p>", e(&r.disclaimer))?;
    writeln!(h, "<dl class=\"meta\">")?;
    for (label, value, code) in r.stamp() {
        let class = if code { " class=\"hash\"" } else { "" };
        // The fingerprint is an anchor: a reader can point at it.
        let id = if label == ws::INPUTS_FINGERPRINT.get(lang) {
            " id=\"inputs-fingerprint\""
        } else {
            ""
        };
        writeln!(h, "<dt>{}</dt><dd{class}{id}>{}</dd>", e(label), e(&value))?;
    }
    writeln!(h, "</dl>\n</footer>")?;
    h.push_str(PAGE_END);
    Ok(())
}

/// Everything up to and including `<main class="report">`: the one page head (charset,
/// content security policy, the stylesheet) of every HTML page smecheck writes for a firm or a
/// room; [`PAGE_END`] closes it.
pub fn page_head(lang: Lang, doc_title: &str) -> String {
    let lang = lang.html_tag();
    // Defence in depth in the policy: even a mistake in escaping could not load or run anything.
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"smecheck\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main class=\"report\">\n",
        escape(doc_title)
    )
}

/// What closes a page [`page_head`] opened.
pub const PAGE_END: &str = "</main>\n</body>\n</html>\n";

/// A page in the report's frame: its head, a cover with `eyebrow`, `title` and `firm`, then
/// `body` (already HTML).
pub fn frame(
    lang: Lang,
    doc_title: &str,
    eyebrow: &str,
    title: &str,
    firm: Option<&str>,
    body: &str,
) -> String {
    let mut h = String::with_capacity(16 * 1024 + body.len());
    // Writing to a String cannot fail.
    let _ = (|| -> std::fmt::Result {
        h.push_str(&page_head(lang, doc_title));
        writeln!(h, "<header class=\"cover\">")?;
        writeln!(h, "<p class=\"eyebrow\">{}</p>", escape(eyebrow))?;
        writeln!(h, "<h1>{}</h1>", escape(title))?;
        if let Some(firm) = firm {
            writeln!(h, "<p class=\"firm\">{}</p>", escape(firm))?;
        }
        writeln!(h, "</header>")?;
        h.push_str(body);
        h.push_str(PAGE_END);
        Ok(())
    })();
    h
}

/// The one-page summary: verdict, strengths and gaps side by side, the three first actions,
/// how sure the result is and the firm's wish.
fn summary(r: &Report, h: &mut String) -> std::fmt::Result {
    let lang = r.lang;
    let e = escape;
    let s = &r.summary;
    writeln!(
        h,
        "<section id=\"summary\">\n<h2>1. {}</h2>",
        e(ws::SEC_ONEPAGE.get(lang))
    )?;
    writeln!(h, "<ul class=\"verdict\">")?;
    for v in &s.verdict {
        writeln!(h, "<li>{}</li>", e(&v.text))?;
    }
    writeln!(h, "</ul>")?;
    if r.recommends {
        writeln!(
            h,
            "<div class=\"actions-box\" id=\"top-actions\"><h3>{}</h3><ol>",
            e(ws::TOP_ACTIONS.get(lang))
        )?;
        if s.actions.is_empty() {
            writeln!(h, "<li>{}</li>", e(ws::NO_PLAN.get(lang)))?;
        }
        for a in &s.actions {
            writeln!(
                h,
                "<li><strong>{}</strong> <span class=\"due\">{}</span> <span class=\"note\">{}</span></li>",
                e(&a.action),
                e(&ws::pair(lang, ws::DUE.get(lang), &a.due)),
                e(&a.owner)
            )?;
        }
        writeln!(h, "</ol></div>")?;
    }
    writeln!(h, "<div class=\"two\">")?;
    for (title, items, none) in r.summary_lists() {
        writeln!(h, "<div><h3>{}</h3><ul>", e(title))?;
        if items.is_empty() {
            writeln!(h, "<li>{}</li>", e(&none))?;
        }
        for x in items {
            writeln!(h, "<li>{}</li>", e(x))?;
        }
        writeln!(h, "</ul></div>")?;
    }
    writeln!(h, "</div>")?;
    writeln!(
        h,
        "<p><strong>{}{}</strong>{}</p>",
        e(ws::HOW_SURE.get(lang)),
        ws::COLON.get(lang),
        e(&s.confidence)
    )?;
    writeln!(
        h,
        "<p class=\"wish\"><strong>{}{}</strong>{}</p>\n</section>",
        e(ws::WISH.get(lang)),
        ws::COLON.get(lang),
        e(s.wish.as_deref().unwrap_or(ws::NOT_GIVEN.get(lang)))
    )
}

/// Headline cards with their level bands, and the dimension table with its dot plot.
fn scores(r: &Report, h: &mut String) -> std::fmt::Result {
    let lang = r.lang;
    let e = escape;
    writeln!(
        h,
        "<section id=\"dimensions\">\n<h2>{}. {}</h2>\n<div class=\"cards\">",
        r.numbers().dimensions,
        e(ws::SEC_DIMENSIONS.get(lang))
    )?;
    for x in &r.headlines {
        let prov = if x.provisional { " provisional" } else { "" };
        let bands = r
            .thresholds
            .levels
            .iter()
            .find(|(id, _)| *id == x.id)
            .map_or(&[][..], |(_, b)| b.as_slice());
        writeln!(
            h,
            "<div class=\"card\" id=\"headline-{id}\"><h3>{title}</h3><p class=\"big\">{score}</p><p class=\"level{prov}\">{level}</p>{meter}</div>",
            id = e(&x.id),
            title = e(&x.title),
            score = match x.score {
                Some(s) => format!("{} <small>/ 100</small>", r.fmt(s)),
                None => e(&x.score_text).into_owned(),
            },
            level = e(&ws::pair(lang, ws::SCORE_LEVEL.get(lang), &x.level_label)),
            meter = x.score.map_or_else(String::new, |s| svg::meter(
                s,
                &format!("{} {} / 100", x.title, r.fmt(s)),
                bands
            )),
        )?;
    }
    writeln!(h, "</div>")?;
    let o = &r.overall;
    writeln!(
        h,
        "<p class=\"overall\"><strong>{}{}{} · {}</strong></p>",
        e(&o.title),
        ws::COLON.get(lang),
        e(&o.score_text),
        e(&o.level_label),
    )?;
    writeln!(
        h,
        "<p class=\"note\">{}{}{}{}{}</p>",
        e(&r.at_gap_line(ws::GAP_LINE)),
        ws::SENTENCE_GAP.get(lang),
        e(ws::THIN_NOTE.get(lang)),
        ws::SENTENCE_GAP.get(lang),
        e(&svg::reference_note(lang, &r.reference_label))
    )?;
    writeln!(h, "<figure class=\"dotplot\">{}</figure>", svg::dot_plot(r))?;
    writeln!(h, "</section>")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape(r#""><img src=x onerror=alert(1)>"#),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("A & B's"), "A &amp; B&#39;s");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn leaves_plain_text_alone() {
        assert!(matches!(
            escape("县城杂货店 Ltd."),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(escape(""), "");
    }
}
