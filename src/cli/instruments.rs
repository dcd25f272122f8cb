//! Questionnaires by name or path (`--questionnaire NAME|PATH`) and `questionnaire --list`.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::domain::Lang;
use crate::domain::instrument::{
    BUILTIN_NAME, INSTRUMENTS, Instrument, builtin_file_name, builtin_instrument,
    nearest_instrument,
};
use crate::domain::validate::words::DID_YOU_MEAN;
use crate::domain::wrap::{width, wrap};

use super::words::*;

/// A questionnaire's text and the name its problems are reported under.
pub struct QuestionnaireSource {
    /// The path as given, or `<built-in>/NAME.json`.
    pub shown: String,
    pub text: Cow<'static, str>,
    /// The built-in instrument's name, when it is one.
    pub builtin: Option<&'static str>,
}

/// Where `--questionnaire` leads: the default built-in questionnaire without it; a file that
/// exists; a built-in instrument by name; otherwise a file that cannot be read (for something
/// written like a path) or "no such questionnaire" with the known names.
pub fn questionnaire_source(arg: Option<&Path>, lang: Lang) -> Result<QuestionnaireSource> {
    let builtin = |name: &'static str, text: &'static str| QuestionnaireSource {
        shown: if name == INSTRUMENTS[0].0 {
            BUILTIN_NAME.to_string()
        } else {
            builtin_file_name(name)
        },
        text: text.into(),
        builtin: Some(name),
    };
    let Some(p) = arg else {
        let (name, text) = INSTRUMENTS[0];
        return Ok(builtin(name, text));
    };
    let typed = p.to_str().unwrap_or_default();
    if !p.is_file()
        && let Some((name, text)) = INSTRUMENTS.iter().find(|(n, _)| *n == typed)
        && builtin_instrument(name).is_some()
    {
        return Ok(builtin(name, text));
    }
    let path_like =
        p.is_file() || p.components().count() > 1 || p.extension().is_some() || typed.is_empty();
    if !path_like {
        let known: Vec<&str> = INSTRUMENTS.iter().map(|(n, _)| *n).collect();
        let hint = match nearest_instrument(typed) {
            Some(n) => DID_YOU_MEAN.fill(lang, &[&n]),
            None => HOW_TO_NAME.get(lang).to_string(),
        };
        anyhow::bail!(
            "{}",
            NO_SUCH.fill(lang, &[&typed, &known.join(", "), &hint])
        );
    }
    let text = super::read_file(p, A_QUESTIONNAIRE, lang)?;
    Ok(QuestionnaireSource {
        shown: p.display().to_string(),
        text: text.into(),
        builtin: None,
    })
}

/// The first sentence of `text`, cut to `cols` columns: one line of what it measures.
fn first_sentence(text: &str, cols: usize) -> String {
    let end = text
        .char_indices()
        .find(|(i, c)| *c == '。' || (*c == '.' && text[i + 1..].starts_with(' ')))
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let s = text[..end].trim();
    if width(s) <= cols {
        return s.to_string();
    }
    let first = wrap(s, cols.saturating_sub(1), "", "")
        .into_iter()
        .next()
        .unwrap_or_default();
    format!("{}…", first.trim_end())
}

/// `questionnaire --list`: every built-in instrument with its name, title, version, languages,
/// question count and one line of what it measures, in Chinese and English.
pub fn list(lang: Lang, out: &mut dyn Write) -> Result<()> {
    for (i, (name, text)) in INSTRUMENTS.iter().enumerate() {
        let inst = Instrument::load(&builtin_file_name(name), text)
            .map_err(|e| anyhow::anyhow!("{}", e.display_in(lang)))?;
        let q = &inst.questionnaire;
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}",
            LIST_LINE.fill(
                lang,
                &[
                    name,
                    &q.version,
                    &"zh, en",
                    &QUESTIONS.count(lang, q.questions.len(), &[])
                ]
            )
        )?;
        for l in [Lang::Zh, Lang::En] {
            writeln!(out, "  {}", q.title.get(l))?;
        }
        for l in [Lang::Zh, Lang::En] {
            writeln!(out, "    {}", first_sentence(q.intro.get(l), 96))?;
        }
    }
    writeln!(out)?;
    let example = INSTRUMENTS.get(1).map_or(INSTRUMENTS[0].0, |(n, _)| *n);
    writeln!(out, "{}", LIST_USE.fill(lang, &[&example]))?;
    Ok(())
}

/// Loads the questionnaire `--questionnaire` names, with its text (to locate problems in it).
pub fn load(arg: Option<&Path>, lang: Lang) -> Result<(Instrument, QuestionnaireSource)> {
    let source = questionnaire_source(arg, lang)?;
    let inst = Instrument::load(&source.shown, &source.text)
        .map_err(|e| anyhow::anyhow!("{}", e.display_in(lang)))?;
    Ok((inst, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_is_one_line_of_what_it_measures() {
        assert_eq!(
            first_sentence("Counts things. Then more.", 80),
            "Counts things."
        );
        assert_eq!(first_sentence("数一数。然后更多。", 80), "数一数。");
        assert_eq!(first_sentence("v1.2 counts", 80), "v1.2 counts");
        let long = first_sentence(&"很长".repeat(80), 20);
        assert!(width(&long) <= 20 && long.ends_with('…'), "{long}");
    }
}
