//! The phone pages as HTML: plain server-rendered forms that work without JavaScript, with no
//! outside resources, readable at 360 px, in Chinese or English. Every text is escaped here.

use std::fmt::Write as _;

use crate::domain::answers::Answer;
use crate::domain::model::{ProfileField, Question, QuestionKind};
use crate::domain::output::not_enough;
use crate::domain::report::Report;
use crate::domain::text::Lang;

use super::flow::{self, specials, ticked};
use super::text as t;

/// The stylesheet every page links (served as `/s.css`, so the CSP needs no inline style).
pub const CSS: &str = include_str!("phone.css");

pub use crate::domain::report::html_escape as esc;

/// What every page shares: language, the workshop's title, and where the language link returns.
pub struct Frame<'a> {
    pub lang: Lang,
    pub workshop: &'a str,
    /// The path of this page, for the language switch to come back to.
    pub here: &'a str,
}

impl Frame<'_> {
    /// The whole document around `body`.
    pub fn page(&self, title: &str, body: &str) -> String {
        let other = self.lang.other();
        let mut h = String::with_capacity(body.len() + 1024);
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{} · {}</title><link rel=\"stylesheet\" href=\"/s.css\"></head><body>\
             <header><a class=\"home\" href=\"/\">{}</a>\
             <a class=\"lang\" href=\"/lang/{}?at={}\" lang=\"{}\">{}</a></header>\
             <main>{body}</main></body></html>\n",
            self.lang.html_tag(),
            esc(title),
            esc(self.workshop),
            esc(self.workshop),
            other.code(),
            esc(self.here),
            other.code(),
            t::LANG_OTHER.get(self.lang),
        );
        h
    }
}

fn error_box(h: &mut String, error: Option<&str>) {
    if let Some(e) = error {
        let _ = write!(h, "<p class=\"error\" role=\"alert\">{}</p>", esc(e));
    }
}

/// The start page: join, continue on this phone, or continue with code and PIN.
pub fn welcome(
    f: &Frame,
    title: &str,
    minutes: u32,
    firm: Option<&str>,
    error: Option<&str>,
) -> String {
    let l = f.lang;
    let mut h = String::new();
    let _ = write!(h, "<h1>{}</h1>", esc(title));
    error_box(&mut h, error);
    let _ = write!(
        h,
        "<p>{}</p><p>{}</p>",
        t::WELCOME.get(l),
        esc(&t::MINUTES.count(l, minutes as usize, &[]))
    );
    if let Some(code) = firm {
        let _ = write!(
            h,
            "<p><a class=\"button primary\" href=\"/q\">{}</a></p>",
            esc(&t::CONTINUE.fill(l, &[&code]))
        );
    } else {
        let _ = write!(
            h,
            "<form method=\"post\" action=\"/join\"><button class=\"primary\" type=\"submit\">{}</button></form>",
            t::START.get(l)
        );
    }
    let _ = write!(
        h,
        "<h2>{}</h2><p>{}</p><form method=\"post\" action=\"/resume\">\
         <label for=\"code\">{}</label><input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"12\" required>\
         <label for=\"pin\">{}</label><input id=\"pin\" name=\"pin\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"12\" required>\
         <button type=\"submit\">{}</button></form><p class=\"note\">{}</p>",
        t::OTHER_DEVICE.get(l),
        t::OTHER_DEVICE_HINT.get(l),
        t::FIRM_CODE.get(l),
        t::PIN.get(l),
        t::RESUME.get(l),
        t::PRIVACY.get(l),
    );
    f.page(title, &h)
}

/// The firm's code and PIN, to write down.
pub fn me(f: &Frame, code: &str, pin: &str) -> String {
    let l = f.lang;
    let h = format!(
        "<h1>{}</h1><dl class=\"codes\"><dt>{}</dt><dd id=\"firm-code\">{}</dd><dt>{}</dt><dd id=\"pin\">{}</dd></dl>\
         <p>{}</p><p><a class=\"button primary\" href=\"/profile\">{}</a></p>",
        t::YOUR_CODE.get(l),
        t::FIRM_CODE.get(l),
        esc(code),
        t::PIN.get(l),
        esc(pin),
        t::YOUR_CODE_HINT.get(l),
        t::BEGIN.get(l),
    );
    f.page(t::YOUR_CODE.get(l), &h)
}

/// The firm profile form: free text or a choice per field, everything optional.
pub fn profile(
    f: &Frame,
    fields: &[ProfileField],
    value: &dyn Fn(&str) -> Option<String>,
) -> String {
    let l = f.lang;
    let mut h = format!(
        "<h1>{}</h1><p>{}</p><form method=\"post\" action=\"/profile\">",
        t::PROFILE.get(l),
        t::PROFILE_HINT.get(l)
    );
    for p in fields {
        let id = esc(&p.id);
        let now = value(&p.id).unwrap_or_default();
        let _ = write!(h, "<label for=\"p-{id}\">{}</label>", esc(p.label.get(l)));
        if p.options.is_empty() {
            let _ = write!(
                h,
                "<input id=\"p-{id}\" name=\"{id}\" maxlength=\"120\" value=\"{}\">",
                esc(&now)
            );
        } else {
            let _ = write!(
                h,
                "<select id=\"p-{id}\" name=\"{id}\"><option value=\"\">{}</option>",
                crate::domain::report::strings::NOT_GIVEN.get(l)
            );
            for o in &p.options {
                let sel = if o.id == now { " selected" } else { "" };
                let _ = write!(
                    h,
                    "<option value=\"{}\"{sel}>{}</option>",
                    esc(&o.id),
                    esc(o.label.get(l))
                );
            }
            h.push_str("</select>");
        }
    }
    let _ = write!(
        h,
        "<button class=\"primary\" type=\"submit\">{}</button></form>",
        t::NEXT.get(l)
    );
    f.page(t::PROFILE.get(l), &h)
}

/// Everything the question page shows besides the question itself.
pub struct QuestionPage<'a> {
    pub section: &'a str,
    pub at: usize,
    pub of: usize,
    pub answer: Option<&'a Answer>,
    /// Where "Back" goes.
    pub back: String,
    pub error: Option<&'a str>,
    /// A just-submitted value to show again with an error (number or text).
    pub typed: Option<&'a str>,
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// ` checked` on the input whose value `v` is among those ticked (`on`).
fn checked(on: &[String], v: &str) -> &'static str {
    if on.iter().any(|x| x == v) {
        " checked"
    } else {
        ""
    }
}

/// One question per page.
pub fn question(f: &Frame, q: &Question, p: &QuestionPage) -> String {
    let l = f.lang;
    let id = esc(q.id.as_str());
    let mut h = String::with_capacity(4096);
    let _ = write!(
        h,
        "<p class=\"section\">{}</p><p class=\"progress\"><span id=\"progress\">{}</span> \
         <progress max=\"{}\" value=\"{}\" aria-label=\"{}\"></progress></p>",
        esc(p.section),
        esc(&flow::progress_label(p.at, p.of, l)),
        p.of,
        p.at,
        esc(&t::PROGRESS.fill(l, &[&p.at, &p.of])),
    );
    let _ = write!(
        h,
        "<form method=\"post\" action=\"/q/{id}\"><fieldset><legend><h1>{}</h1></legend>",
        esc(q.text.get(l))
    );
    error_box(&mut h, p.error);
    let help = q.help.get(l).trim();
    let example = q.example.get(l).trim();
    if !help.is_empty() || !example.is_empty() {
        let _ = write!(h, "<details><summary>{}</summary>", t::HELP.get(l));
        if !help.is_empty() {
            let _ = write!(h, "<p>{}</p>", esc(help));
        }
        if !example.is_empty() {
            let _ = write!(
                h,
                "<p><strong>{}</strong>{}</p>",
                t::EXAMPLE.get(l),
                esc(example)
            );
        }
        h.push_str("</details>");
    }
    let on = ticked(p.answer);
    let kind = if q.kind == QuestionKind::Multi {
        "checkbox"
    } else {
        "radio"
    };
    match q.kind {
        QuestionKind::Single
        | QuestionKind::Scale
        | QuestionKind::YesPartlyNo
        | QuestionKind::Multi => {
            if q.kind == QuestionKind::Multi {
                let _ = write!(h, "<p class=\"note\">{}</p>", t::TICK_ANY.get(l));
            }
            for (n, o) in q.options.iter().enumerate() {
                let v = o.id.as_str();
                let _ = write!(
                    h,
                    "<label class=\"opt\" for=\"o{n}\"><input type=\"{kind}\" id=\"o{n}\" name=\"a\" value=\"{}\"{}><span>{}</span></label>",
                    esc(v),
                    checked(&on, v),
                    esc(o.label.get(l))
                );
            }
        }
        // A table that fits a 360 px phone: each row's label on a line of its own across the
        // table, its cells on the line below, one per option. Up to three options head their
        // columns by name; more are numbered, with the numbers explained above the table.
        // Every cell is labelled for screen readers with its row and option.
        QuestionKind::Matrix => {
            let kind = if q.ticks { "checkbox" } else { "radio" };
            let note = if q.ticks {
                t::TICK_ANY.get(l)
            } else {
                t::ONE_PER_ROW.get(l)
            };
            let _ = write!(h, "<p class=\"note\">{note}</p>");
            let named = q.options.len() <= 3;
            if !named {
                h.push_str("<ol class=\"legend\">");
                for o in &q.options {
                    let _ = write!(h, "<li>{}</li>", esc(o.label.get(l)));
                }
                h.push_str("</ol>");
            }
            let n = q.options.len();
            h.push_str("<div class=\"grid\"><table><thead><tr>");
            for (k, o) in q.options.iter().enumerate() {
                let head = if named {
                    esc(o.label.get(l)).into_owned()
                } else {
                    (k + 1).to_string()
                };
                let _ = write!(h, "<th scope=\"col\">{head}</th>");
            }
            h.push_str("</tr></thead>");
            for (r, row) in q.rows.iter().enumerate() {
                let on = flow::ticked_row(q, p.answer, r);
                let _ = write!(
                    h,
                    "<tbody><tr><th scope=\"rowgroup\" colspan=\"{n}\" id=\"r{r}\">{}</th></tr><tr>",
                    esc(row.label.get(l))
                );
                for (k, o) in q.options.iter().enumerate() {
                    let v = o.id.as_str();
                    let _ = write!(
                        h,
                        "<td><label class=\"cell\" for=\"m{r}o{k}\"><input type=\"{kind}\" id=\"m{r}o{k}\" name=\"m{r}\" value=\"{}\"{}><span class=\"sr\">{} · {}</span></label></td>",
                        esc(v),
                        checked(&on, v),
                        esc(row.label.get(l)),
                        esc(o.label.get(l))
                    );
                }
                h.push_str("</tr></tbody>");
            }
            h.push_str("</table></div>");
        }
        QuestionKind::Number => {
            let now = match (p.typed, p.answer) {
                (Some(t), _) => t.to_string(),
                (None, Some(Answer::Number(x))) => fmt_num(*x),
                _ => String::new(),
            };
            let unit = q.unit.as_ref().map(|u| u.get(l)).unwrap_or("");
            let range = match (q.min, q.max) {
                (Some(a), Some(b)) => t::NUMBER_RANGE.fill(l, &[&fmt_num(a), &fmt_num(b)]),
                _ => String::new(),
            };
            let _ = write!(
                h,
                "<label for=\"n\">{} {}</label><input id=\"n\" name=\"n\" inputmode=\"decimal\" maxlength=\"24\" value=\"{}\">",
                esc(unit),
                esc(&range),
                esc(&now)
            );
        }
        QuestionKind::Text => {
            let now = match (p.typed, p.answer) {
                (Some(t), _) => t.to_string(),
                (None, Some(Answer::Text(t))) => t.clone(),
                _ => String::new(),
            };
            let _ = write!(
                h,
                "<label for=\"t\" class=\"sr\">{}</label><textarea id=\"t\" name=\"t\" rows=\"5\" maxlength=\"{}\">{}</textarea>",
                esc(q.text.get(l)),
                flow::MAX_TEXT,
                esc(&now)
            );
        }
    }
    for (v, label) in specials(q) {
        let _ = write!(
            h,
            "<label class=\"opt special\" for=\"s-{v}\"><input type=\"{kind}\" id=\"s-{v}\" name=\"a\" value=\"{v}\"{}><span>{}</span></label>",
            checked(&on, v),
            esc(label.get(l))
        );
    }
    if q.kind != QuestionKind::Multi {
        let _ = write!(h, "<p class=\"note\">{}</p>", t::SKIP_NOTE.get(l));
    }
    let _ = write!(
        h,
        "</fieldset><button class=\"primary\" type=\"submit\">{}</button></form>\
         <nav class=\"row\"><a class=\"button\" id=\"back\" href=\"{}\">{}</a>\
         <a class=\"button\" href=\"/sections\">{}</a><a class=\"button\" href=\"/done\">{}</a></nav>",
        t::NEXT.get(l),
        esc(&p.back),
        t::BACK.get(l),
        t::SECTIONS.get(l),
        t::RESULTS.get(l),
    );
    f.page(q.text.get(l), &h)
}

/// One line of the sections page.
pub struct SectionLine {
    pub title: String,
    pub answered: usize,
    pub asked: usize,
    /// The section's first question, when any is asked.
    pub first: Option<String>,
    /// Closed in paced mode.
    pub open: bool,
}

pub fn sections(f: &Frame, lines: &[SectionLine]) -> String {
    let l = f.lang;
    let mut h = format!(
        "<h1>{}</h1><ol class=\"sections\">",
        t::SECTIONS_TITLE.get(l)
    );
    for s in lines {
        let count = t::ANSWERED_OF.fill(l, &[&s.answered, &s.asked]);
        let title = match (&s.first, s.open) {
            (Some(first), true) => format!("<a href=\"/q/{}\">{}</a>", esc(first), esc(&s.title)),
            _ => esc(&s.title).into_owned(),
        };
        let _ = write!(
            h,
            "<li>{title} <span class=\"note\">{}</span></li>",
            esc(&count)
        );
    }
    let _ = write!(
        h,
        "</ol><p><a class=\"button\" href=\"/done\">{}</a></p>",
        t::RESULTS.get(l)
    );
    f.page(t::SECTIONS_TITLE.get(l), &h)
}

/// The firm's results: headline scores and levels, the gaps and the first actions.
pub fn results(f: &Frame, r: &Report, open: usize, first_open: Option<&str>) -> String {
    let l = f.lang;
    let mut h = format!("<h1>{}</h1>", t::RESULTS_TITLE.get(l));
    if open > 0 {
        let _ = write!(
            h,
            "<p class=\"error\">{}</p>",
            esc(&t::OPEN_LEFT.count(l, open, &[]))
        );
        if let Some(q) = first_open {
            let _ = write!(
                h,
                "<p><a class=\"button primary\" href=\"/q/{}\">{}</a></p>",
                esc(q),
                t::ANSWER_OPEN.get(l)
            );
        }
    }
    h.push_str("<div class=\"scores\">");
    for x in std::iter::once(&r.overall).chain(&r.headlines) {
        let _ = write!(
            h,
            "<section class=\"score\"><h2>{}</h2><p class=\"big\">{}</p><p><strong>{}</strong></p><p>{}</p></section>",
            esc(&x.title),
            esc(&x
                .score
                .map_or_else(|| not_enough(l).to_string(), |s| r.fmt(s))),
            esc(&x.level_label),
            esc(&x.meaning)
        );
    }
    let _ = write!(
        h,
        "</div><p class=\"note\">{}</p>",
        esc(&r.confidence.summary)
    );
    if !r.gaps.is_empty() {
        let _ = write!(h, "<h2>{}</h2><ul>", t::GAPS.get(l));
        for g in r.gaps.iter().take(3) {
            let _ = write!(h, "<li>{} · {}</li>", esc(&g.title), esc(&r.fmt(g.score)));
        }
        h.push_str("</ul>");
    }
    let _ = write!(h, "<h2>{}</h2>", t::TOP_ACTIONS.get(l));
    if r.recommendations.is_empty() {
        let _ = write!(h, "<p>{}</p>", t::NO_ACTIONS.get(l));
    } else {
        h.push_str("<ol class=\"actions\">");
        for rec in r.recommendations.iter().take(3) {
            let _ = write!(h, "<li><strong>{}</strong>", esc(&rec.summary));
            if let Some(step) = rec.steps.first() {
                let _ = write!(
                    h,
                    "<br>{} <span class=\"note\">({})</span>",
                    esc(&step.action),
                    esc(&step.horizon_label)
                );
            }
            h.push_str("</li>");
        }
        h.push_str("</ol>");
    }
    let _ = write!(
        h,
        "<p><a class=\"button primary\" id=\"report\" href=\"/report\">{}</a></p>\
         <p><a class=\"button\" id=\"download\" href=\"/report/download\">{}</a></p><p class=\"note\">{}</p>\
         <p><a class=\"button\" href=\"/sections\">{}</a></p>",
        t::REPORT_VIEW.get(l),
        t::REPORT_DOWNLOAD.get(l),
        t::REPORT_HINT.get(l),
        t::CHANGE_ANSWERS.get(l),
    );
    f.page(t::RESULTS_TITLE.get(l), &h)
}

/// A refusal or an error, with a way back.
pub fn problem(f: &Frame, message: &str) -> String {
    let h = format!(
        "<p class=\"error\" role=\"alert\">{}</p><p><a class=\"button\" href=\"/\">{}</a></p>",
        esc(message),
        t::HOME.get(f.lang)
    );
    f.page(message, &h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_escaped() {
        let f = Frame {
            lang: Lang::En,
            workshop: "<script>alert(1)</script>",
            here: "/\"><x>",
        };
        let page = welcome(&f, "a & <b>", 20, Some("<i>"), Some("'\"<>"));
        assert!(!page.contains("<script>"));
        assert!(!page.contains("<b>") && !page.contains("<i>") && !page.contains("<x>"));
        assert!(page.contains("&lt;script&gt;"));
        assert!(page.contains("a &amp; &lt;b&gt;"));
        assert!(!page.contains("http"), "no outside resources");
    }
}
