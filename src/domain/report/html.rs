//! The report as one self-contained HTML file: inline CSS with an A4 print stylesheet, inline
//! SVG charts, no scripts, fonts or images from anywhere. Every piece of data text is escaped.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::domain::summary::fmt_score;
use crate::domain::text::Lang;

use super::svg;
use super::{Report, RungState};

mod advice;

const CSS: &str = include_str!("report.css");

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
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
    let w = r.words;
    let e = escape;
    let doc_title = match &r.firm {
        Some(f) => format!("{f} — {}", r.subtitle),
        None => format!("{} — {}", r.title, r.subtitle),
    };
    head(h, r.lang, &doc_title)?;

    writeln!(h, "<header class=\"cover\">")?;
    writeln!(h, "<p class=\"eyebrow\">{}</p>", e(&r.title))?;
    writeln!(h, "<h1>{}</h1>", e(&r.subtitle))?;
    if let Some(firm) = &r.firm {
        writeln!(h, "<p class=\"firm\">{}</p>", e(firm))?;
    }
    writeln!(h, "<dl class=\"meta\">")?;
    let mut meta = |label: &str, value: &str| writeln!(h, "<dt>{}</dt><dd>{value}</dd>", e(label));
    meta(w.date, &e(&r.date_label))?;
    for f in &r.profile {
        meta(&f.label, &e(&f.value))?;
    }
    let s = &r.questionnaire;
    meta(w.questionnaire, &format!("{} {}", e(&s.id), e(&s.version)))?;
    meta(
        w.content_hash,
        &format!("<span class=\"hash\">{}</span>", e(&s.hash)),
    )?;
    meta(w.confidence, &e(&r.confidence.summary))?;
    writeln!(h, "</dl>\n</header>")?;
    if let Some(since) = &r.since {
        h.push_str(&since.html(r.lang));
    }

    writeln!(
        h,
        "<section id=\"summary\">\n<h2>1. {}</h2>\n<div class=\"cards\">",
        e(w.sec_summary)
    )?;
    for x in &r.headlines {
        let prov = if x.provisional { " provisional" } else { "" };
        writeln!(
            h,
            "<div class=\"card\" id=\"headline-{id}\"><h3>{title}</h3><p class=\"big\">{score}</p><p class=\"level{prov}\">{level}</p>{meter}<p>{meaning}</p></div>",
            id = e(&x.id),
            title = e(&x.title),
            score = match x.score {
                Some(s) => format!("{} <small>/ 100</small>", fmt_score(s)),
                None => e(&x.score_text).into_owned(),
            },
            level = e(&x.level_label),
            meter = x.score.map_or_else(String::new, |s| svg::meter(
                s,
                &format!("{} {}", x.title, svg::score_label(s))
            )),
            meaning = e(&x.meaning),
        )?;
    }
    let o = &r.overall;
    writeln!(
        h,
        "</div>\n<p class=\"overall\"><strong>{}{}{} · {}</strong><br>{}</p>\n</section>",
        e(&o.title),
        w.colon,
        e(&o.score_text),
        e(&o.level_label),
        e(&o.meaning)
    )?;

    writeln!(
        h,
        "<section id=\"dimensions\">\n<h2>2. {}</h2>",
        e(w.sec_dimensions)
    )?;
    writeln!(
        h,
        "<p class=\"note\">{}{}{}</p>",
        e(w.bars_title),
        if r.lang == Lang::Zh { "" } else { " " },
        e(w.gap_line)
    )?;
    let mut area: Option<&str> = None;
    for (i, d) in r.dimensions.iter().enumerate() {
        if area != Some(d.area.as_str()) {
            if area.is_some() {
                writeln!(h, "</tbody></table></div>")?;
            }
            area = Some(&d.area);
            writeln!(
                h,
                "<div class=\"dim-area\"><h3>{}</h3><table class=\"dims\"><thead><tr><th>{}</th><th class=\"num\">{}</th><th></th><th></th></tr></thead><tbody>",
                e(&d.area),
                e(w.dimension),
                e(w.score)
            )?;
        }
        let score = d.score.map_or_else(|| w.no_data.to_string(), fmt_score);
        let tag = if d.gap {
            format!("<span class=\"gap-tag\">{}</span>", e(w.gap_mark))
        } else {
            String::new()
        };
        writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"barcell\">{}</td><td>{tag}</td></tr>",
            e(&d.title),
            e(&score),
            svg::dimension_bar(d.score, d.gap, i)
        )?;
    }
    if area.is_some() {
        writeln!(h, "</tbody></table></div>")?;
    }
    writeln!(h, "</section>")?;

    for l in &r.ladders {
        writeln!(
            h,
            "<section id=\"ladder-{}\" class=\"ladder-section\">",
            e(&l.id)
        )?;
        writeln!(
            h,
            "<h2>3. {}</h2>\n<p>{}</p>",
            e(&l.title),
            e(&l.description)
        )?;
        writeln!(h, "<figure>{}</figure>", svg::ladder(l, w))?;
        writeln!(
            h,
            "<p><strong>{}{}{}{}{}</strong></p>\n<p>{}</p>",
            e(w.you_are_here),
            w.colon,
            e(&w.rung_of(l.current, l.rungs.len())),
            w.comma,
            e(&l.current_label),
            e(&l.current_description)
        )?;
        match &l.next {
            Some(n) => {
                writeln!(h, "<h3>{}{}{}</h3>", e(w.next_rung), w.colon, e(&n.label))?;
                writeln!(
                    h,
                    "<p>{}{}</p>\n<ul class=\"needs\">",
                    e(w.needs),
                    w.colon.trim_end()
                )?;
                for need in &n.needs {
                    writeln!(h, "<li>{}</li>", e(need))?;
                }
                writeln!(h, "</ul>")?;
            }
            None => writeln!(h, "<p>{}</p>", e(w.top_rung))?,
        }
        if l.rungs.iter().any(|x| x.state == RungState::HeldAbove) {
            writeln!(h, "<p class=\"note\">{}</p>", e(w.held_above_note))?;
        }
        writeln!(h, "</section>")?;
    }

    writeln!(
        h,
        "<section id=\"breadth\">\n<h2>4. {}</h2>",
        e(w.sec_breadth)
    )?;
    if let Some(b) = &r.breadth {
        writeln!(
            h,
            "<p><strong>{}{}{} / 100</strong></p>{}<p>{}</p>",
            e(&b.title),
            w.colon,
            fmt_score(b.score),
            svg::meter(
                b.score,
                &format!("{} {}", b.title, svg::score_label(b.score))
            ),
            e(&b.description)
        )?;
    }
    if r.findings.is_empty() {
        writeln!(h, "<p>{}</p>", e(w.no_findings))?;
    }
    for f in &r.findings {
        writeln!(
            h,
            "<div class=\"callout finding\"><h3>{}{}{}</h3><p>{}</p></div>",
            e(w.finding),
            w.colon,
            e(&f.title),
            e(&f.text)
        )?;
    }
    writeln!(h, "</section>")?;

    writeln!(h, "<section id=\"gaps\">\n<h2>5. {}</h2>", e(w.sec_gaps))?;
    if r.gaps.is_empty() {
        writeln!(h, "<p>{}</p>", e(w.no_gaps))?;
    } else {
        writeln!(
            h,
            "<table class=\"gaps\"><thead><tr><th>#</th><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
            e(w.dimension),
            e(w.score),
            e(w.related)
        )?;
        for (i, g) in r.gaps.iter().enumerate() {
            let related: Vec<String> = g
                .proposals
                .iter()
                .map(|p| e(p.as_str()).into_owned())
                .collect();
            writeln!(
                h,
                "<tr><td>{}</td><td><strong>{}</strong>{}<br><span class=\"note\">{}</span></td><td class=\"num\">{}</td><td class=\"related\">{}</td></tr>",
                i + 1,
                e(&g.title),
                e(&w.aside(&g.area)),
                e(&g.description),
                fmt_score(g.score),
                related.join(", ")
            )?;
        }
        writeln!(h, "</tbody></table>")?;
    }
    writeln!(h, "</section>")?;

    advice::recommendations(r, h)?;
    advice::plan(r, h)?;
    advice::appendix(r, h)?;

    writeln!(
        h,
        "<footer class=\"notes\" id=\"notes\">\n<h2>{}</h2>",
        e(w.sec_notes)
    )?;
    writeln!(
        h,
        "<p><strong>{}{}</strong>{}</p>",
        e(w.source),
        w.colon,
        e(&r.source.citation)
    )?;
    writeln!(
        h,
        "<p>{}</p>\n<p><strong>{}</strong></p>",
        e(&r.caveat),
        e(&r.disclaimer)
    )?;
    writeln!(
        h,
        "<p>{} {} {} · {}</p>\n</footer>",
        e(w.questionnaire),
        e(&s.id),
        e(&s.version),
        e(&s.hash)
    )?;
    writeln!(h, "</main>\n</body>\n</html>")
}

/// Everything up to and including `<main class="report">`: the one page head (charset,
/// content security policy, the stylesheet) of every HTML page a firm gets.
fn head(h: &mut String, lang: Lang, doc_title: &str) -> std::fmt::Result {
    let lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    // Defence in depth: even a mistake in escaping could not load or run anything.
    writeln!(
        h,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )?;
    writeln!(h, "<meta name=\"generator\" content=\"smecheck\">")?;
    writeln!(
        h,
        "<title>{}</title>\n<style>\n{CSS}</style>\n</head>",
        escape(doc_title)
    )?;
    writeln!(h, "<body>\n<main class=\"report\">")
}

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
        head(&mut h, lang, doc_title)?;
        writeln!(h, "<header class=\"cover\">")?;
        writeln!(h, "<p class=\"eyebrow\">{}</p>", escape(eyebrow))?;
        writeln!(h, "<h1>{}</h1>", escape(title))?;
        if let Some(firm) = firm {
            writeln!(h, "<p class=\"firm\">{}</p>", escape(firm))?;
        }
        writeln!(h, "</header>")?;
        h.push_str(body);
        writeln!(h, "</main>\n</body>\n</html>")
    })();
    h
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
