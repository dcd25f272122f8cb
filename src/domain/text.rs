//! Bilingual text and the language a user reads it in.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The languages every user-visible string exists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en_US` and the like.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language tag an HTML page declares (`<html lang=…>`).
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A fixed user-visible string in both languages: the one way the program writes its own
/// words (questionnaire text lives in `LocalText`). Each layer declares its words in one table
/// with [`bilingual!`](crate::bilingual); `{}` placeholders are filled in order by
/// [`Bilingual::fill`], and a count picks English's singular or plural with
/// [`Bilingual::count`] (Chinese has one form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bilingual {
    pub zh: &'static str,
    pub en: &'static str,
    /// English for a count other than one; the same as `en` for words that take no count.
    pub en_many: &'static str,
}

impl Bilingual {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The string with its `{}` placeholders filled in order. An argument may itself be
    /// bilingual words, said in the same language.
    pub fn fill(self, lang: Lang, args: &[&dyn Arg]) -> String {
        fill_in(self.get(lang), lang, args)
    }

    /// The form for `n` (English: `en` for one, `en_many` otherwise), with `n` as the first
    /// placeholder and `args` after it.
    pub fn count(self, lang: Lang, n: usize, args: &[&dyn Arg]) -> String {
        let template = match lang {
            Lang::Zh => self.zh,
            Lang::En if n == 1 => self.en,
            Lang::En => self.en_many,
        };
        let mut all: Vec<&dyn Arg> = Vec::with_capacity(args.len() + 1);
        all.push(&n);
        all.extend_from_slice(args);
        fill_in(template, lang, &all)
    }
}

/// A value put into a placeholder: anything printable, or bilingual words said in the
/// language of the sentence around them.
pub trait Arg {
    fn said_in(&self, lang: Lang) -> String;
}

impl<T: std::fmt::Display + ?Sized> Arg for T {
    fn said_in(&self, _: Lang) -> String {
        self.to_string()
    }
}

impl Arg for Bilingual {
    fn said_in(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
}

/// Text inside a message is said in that message's language.
impl Arg for LocalText {
    fn said_in(&self, lang: Lang) -> String {
        self.get(lang).to_string()
    }
}

/// Fills `{}` with the arguments in order and `{0}`–`{9}` with the one at that place (a
/// language whose word order differs names them); a placeholder with no argument stays as
/// written.
fn fill_in(template: &str, lang: Lang, args: &[&dyn Arg]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (at, len) = match after.as_bytes() {
            [b'}', ..] => {
                next += 1;
                (Some(next - 1), 2)
            }
            [d @ b'0'..=b'9', b'}', ..] => (Some(usize::from(d - b'0')), 3),
            _ => (None, 1),
        };
        match at.and_then(|k| args.get(k)) {
            Some(a) => out.push_str(&a.said_in(lang)),
            None => out.push_str(&rest[i..i + len]),
        }
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    out
}

/// Declares `pub const NAME: Bilingual` for each `NAME = "中文", "English";` line; a count
/// gives English both forms: `NAME = "{} 题", "{} question" | "{} questions";`.
#[macro_export]
macro_rules! bilingual {
    ($($(#[$doc:meta])* $name:ident = $zh:literal, $en:literal $(| $many:literal)?;)*) => {
        $($(#[$doc])* pub const $name: $crate::domain::text::Bilingual =
            $crate::domain::text::Bilingual {
                zh: $zh,
                en: $en,
                en_many: $crate::__plural_or!($en $(, $many)?),
            };)*
    };
}

/// English's plural when a `bilingual!` entry gives one, else its only form. Not recursive
/// over the entries, so a table may be as long as a layer needs.
#[doc(hidden)]
#[macro_export]
macro_rules! __plural_or {
    ($one:literal) => {
        $one
    };
    ($one:literal, $many:literal) => {
        $many
    };
}

/// A string in Chinese and English. Both are required; validation rejects a missing or empty
/// one with the same message, every one of them in one run (a missing side reads as empty here,
/// so the loader does not stop at the first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct LocalText {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl LocalText {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        LocalText {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// A table entry's words (see [`bilingual!`](crate::bilingual)) in both languages, with
    /// `args` filled in order: the message a data file's problem or a misfit answer is told in.
    pub fn fill(entry: Bilingual, args: &[&dyn Arg]) -> LocalText {
        LocalText::new(entry.fill(Lang::Zh, args), entry.fill(Lang::En, args))
    }

    /// The languages whose text is missing (empty or only whitespace).
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
    }
}

/// Whether a character could change what a terminal or viewer shows beyond itself: C0/C1
/// control characters (escape sequences start with one) and bidirectional overrides.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Text from a file or a person, made safe to print anywhere: unsafe characters become
/// U+FFFD so that nothing is silently hidden, and no escape sequence reaches a terminal.
pub fn display_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_unsafe_char) {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if is_unsafe_char(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The name in `names` nearest to `typed`, if it is near enough to be a typo of it: the one
/// "did you mean" of instrument names, catalogue names and a file's field names.
pub fn nearest_name<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .map(|n| (strsim::levenshtein(typed, n), n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 3))
        .min()
        .map(|(_, n)| n)
}

/// Ids as a message lists them: `a, b, c`.
pub fn id_list<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter().collect::<Vec<_>>().join(", ")
}

/// Whether a cell is a plain decimal number (`-3`, `12.5`): a spreadsheet reads it as a number,
/// never as a formula, so it is left alone.
fn plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell as written: characters that could steer a terminal or reorder a line (the shared
/// list in [`display_safe`]) made visible, then neutralised for
/// spreadsheets. Every cell, headers included, goes through here.
pub fn spreadsheet_cell(s: &str) -> String {
    neutralise(&display_safe(s)).into_owned()
}

/// A cell a spreadsheet shows as text: one starting with `=`, `+`, `-`, `@` (or a tab or
/// carriage return, which some programs skip before reading a formula) gets a leading `'`.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !plain_number(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::bilingual! {
        CHANGED = "已改动 {} 题", "{} answer changed" | "{} answers changed";
        AREA = "云用深度", "cloud depth";
        LOW_IN = "{}偏低：{}", "{} is low: {}";
    }

    #[test]
    fn counts_take_the_english_plural_and_words_inside_words_keep_the_language() {
        assert_eq!(CHANGED.count(Lang::En, 1, &[]), "1 answer changed");
        assert_eq!(CHANGED.count(Lang::En, 3, &[]), "3 answers changed");
        assert_eq!(CHANGED.count(Lang::En, 0, &[]), "0 answers changed");
        assert_eq!(CHANGED.count(Lang::Zh, 1, &[]), "已改动 1 题");
        assert_eq!(LOW_IN.fill(Lang::Zh, &[&AREA, &42]), "云用深度偏低：42");
        assert_eq!(
            LOW_IN.fill(Lang::En, &[&AREA, &"42"]),
            "cloud depth is low: 42"
        );
        assert_eq!(AREA.en_many, AREA.en);
    }

    #[test]
    fn numbered_placeholders_let_a_language_change_the_order() {
        crate::bilingual! {
            OPTION_OF = "计分题 `{1}` 的选项 `{0}`", "option `{0}` of scored question `{1}`";
        }
        assert_eq!(
            OPTION_OF.fill(Lang::Zh, &[&"a", &"q1"]),
            "计分题 `q1` 的选项 `a`"
        );
        assert_eq!(
            OPTION_OF.fill(Lang::En, &[&"a", &"q1"]),
            "option `a` of scored question `q1`"
        );
        // A placeholder without its argument, and braces that are no placeholder, stay.
        assert_eq!(
            fill_in("{} and {} {x} {7}", Lang::En, &[&1]),
            "1 and {} {x} {7}"
        );
        assert_eq!(fill_in("{{}}", Lang::En, &[&1]), "{1}");
    }

    #[test]
    fn escapes_and_overrides_are_neutralised() {
        assert_eq!(display_safe("ok 中文"), "ok 中文");
        assert_eq!(
            display_safe("a\x1b]52;c;SGVsbG8=\x07b"),
            "a\u{FFFD}]52;c;SGVsbG8=\u{FFFD}b"
        );
        assert_eq!(display_safe("x\u{202E}y"), "x\u{FFFD}y");
        assert_eq!(display_safe("\u{9b}31m"), "\u{FFFD}31m");
        assert_eq!(display_safe("line\nnext"), "line\nnext");
    }
}
