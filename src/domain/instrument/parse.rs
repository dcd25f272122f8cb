//! Reading JSON into typed data with errors an author can act on: serde's error moved to the
//! start of the offending token and put in plain words, in Chinese and English.

use crate::domain::position::{JsonPath, pos_of};

use crate::domain::text::{Lang, LocalText};
use crate::domain::validate::words::{
    DID_YOU_MEAN, HINT_BARE_WORD, HINT_DUPLICATE_KEY, HINT_FORMAT, HINT_MISSING_COMMA,
    HINT_NOT_JSON, HINT_TRAILING_COMMA, JSON_WRONG,
};

use super::issue::{Issue, LoadError};

/// Largest questionnaire or answer file accepted, to keep hostile input bounded.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Parses JSON into `T`, turning serde's error into an `Issue` with line and column. The
/// position is moved to the start of the offending token, and serde's Rust-flavoured wording
/// ("expected f64") is put in the author's terms. A data error reads on, to report every
/// format problem of the file in one run ([`super::every`]).
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Result<T, LoadError> {
    match parse(file, src) {
        Parsed::Read(value) => Ok(value),
        Parsed::WithoutUnknown { issues, .. } => Err(LoadError::Invalid(issues)),
        Parsed::Failed(e) => Err(e),
    }
}

/// What reading a file into `T` gave.
pub(super) enum Parsed<T> {
    Read(T),
    /// Only unknown fields were wrong: `value` is read without them from `text`, the file with
    /// them blanked out (so every line and column is where it was), for later checks to run on.
    WithoutUnknown {
        value: T,
        text: String,
        issues: Vec<Issue>,
    },
    Failed(LoadError),
}

/// [`parse_json`], keeping what was read when only unknown fields were wrong.
pub(super) fn parse<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Parsed<T> {
    let src = without_bom(src);
    if src.len() > MAX_FILE_BYTES {
        return Parsed::Failed(LoadError::TooLarge {
            file: file.to_string(),
            size: src.len(),
            max: MAX_FILE_BYTES,
        });
    }
    // The fast path: one pass, as before; the rest runs only for a file that fails.
    match serde_json::from_str(src) {
        Ok(value) => Parsed::Read(value),
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            super::every::read_on(file, src, e)
        }
        Err(e) => Parsed::Failed(LoadError::Invalid(vec![failure(file, src, &e).issue])),
    }
}

/// A serde error placed in `src` and said in an author's words.
pub(super) struct Failure {
    pub issue: Issue,
    /// serde's own words, without the position.
    pub raw: String,
    /// The byte offset of the start of the offending token.
    pub offset: usize,
}

pub(super) fn failure(file: &str, src: &str, e: &serde_json::Error) -> Failure {
    let text = e.to_string();
    let raw = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let data = e.classify() == serde_json::error::Category::Data;
    // serde counts columns in bytes and points at the last byte it read.
    let offset = token_start(src, serde_offset(src, e.line(), e.column()), data, &raw);
    let (message, hint) = explain(&raw, e.classify());
    let issue = Issue {
        file: file.to_string(),
        pos: pos_of(src, offset),
        path: JsonPath::root(),
        zh: Some((JSON_WRONG.fill(Lang::Zh, &[&zh_message(&raw)]), hint.zh)),
        message,
        hint: hint.en,
    };
    Failure { issue, raw, offset }
}

/// `src` without the UTF-8 byte-order mark Windows Notepad puts at the start of a file: JSON
/// has no use for it, and serde_json would refuse the file. Positions are then counted from
/// the first character an editor shows.
pub fn without_bom(src: &str) -> &str {
    src.strip_prefix('\u{feff}').unwrap_or(src)
}

/// The byte offset of serde's 1-based (line, byte column).
fn serde_offset(src: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        src.match_indices('\n')
            .nth(line - 2)
            .map_or(src.len(), |(i, _)| i + 1)
    };
    (line_start + col.saturating_sub(1)).min(src.len())
}

/// Where the token holding `offset` begins: the opening quote of a string, the opening
/// bracket of an object or array that a data error names at its end, the first character of
/// a number or bare word.
fn token_start(src: &str, offset: usize, data: bool, message: &str) -> usize {
    let b = src.as_bytes();
    let Some(&c) = b.get(offset) else {
        return offset;
    };
    let bare = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+' | b'_');
    if message.starts_with("trailing comma") {
        // serde stops at the closing bracket; the comma before it is what has to go.
        return b[..offset]
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .filter(|i| b[*i] == b',')
            .unwrap_or(offset);
    }
    if data && c == b'"' {
        return string_opening(b, offset).unwrap_or(offset);
    }
    if data && matches!(c, b'}' | b']') {
        return bracket_opening(b, offset).unwrap_or(offset);
    }
    let mid_word =
        data || message.starts_with("expected value") || message.starts_with("expected ident");
    if mid_word && bare(c) {
        let mut i = offset;
        while i > 0 && bare(b[i - 1]) {
            i -= 1;
        }
        return i;
    }
    offset
}

/// The opening quote of the string whose closing quote is at `close`.
fn string_opening(b: &[u8], close: usize) -> Option<usize> {
    let mut i = 0;
    while i < close {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if i == close {
                    return Some(start);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// The `{` or `[` matching the closing bracket at `close`.
fn bracket_opening(b: &[u8], close: usize) -> Option<usize> {
    let mut stack = Vec::new();
    let mut i = 0;
    while i < close {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' => stack.push(i),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop()
}

/// serde's message in an author's words, and a hint.
fn explain(raw: &str, category: serde_json::error::Category) -> (String, LocalText) {
    use serde_json::error::Category;
    let mut message = raw.to_string();
    for (from, to) in [
        ("expected f64", "expected a number"),
        ("expected u32", "expected a whole number of 0 or more"),
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected usize", "expected a whole number of 0 or more"),
        ("expected a sequence", "expected a list `[...]`"),
        ("expected a map", "expected an object `{...}`"),
        (
            "expected struct LocalText",
            "expected a text object `{\"zh\": \"…\", \"en\": \"…\"}`",
        ),
        ("expected ident", "expected a JSON value"),
        ("expected value", "expected a JSON value"),
    ] {
        if let Some(rest) = message.strip_suffix(from) {
            message = format!("{rest}{to}");
        }
    }
    if let Some(i) = message.find("expected struct ") {
        message = format!("{}expected an object `{{...}}`", &message[..i]);
    }
    let hint = match did_you_mean(raw) {
        Some(near) => LocalText::fill(DID_YOU_MEAN, &[&near]),
        None => LocalText::fill(
            match category {
                Category::Data
                    if raw.starts_with(crate::domain::answers::unique::DUPLICATE_PREFIX) =>
                {
                    HINT_DUPLICATE_KEY
                }
                Category::Syntax if raw.starts_with("expected `,`") => HINT_MISSING_COMMA,
                Category::Syntax if raw.starts_with("trailing comma") => HINT_TRAILING_COMMA,
                Category::Syntax
                    if raw.starts_with("expected value") || raw.starts_with("expected ident") =>
                {
                    HINT_BARE_WORD
                }
                Category::Syntax | Category::Eof => HINT_NOT_JSON,
                _ => HINT_FORMAT,
            },
            &[],
        ),
    };
    (message, hint)
}

/// serde_json's message in Chinese, for a Chinese user: the common ones translated, the
/// names it quotes kept; anything else is left as it is.
fn zh_message(raw: &str) -> String {
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    if let Some(rest) = raw.strip_prefix("EOF while parsing ") {
        let what = match rest {
            "a string" => "一段文字",
            "an object" => "一个对象",
            "a list" => "一个列表",
            _ => "一个值",
        };
        return format!("文件在{what}的中途就结束了");
    }
    if let Some(rest) = raw.strip_prefix(crate::domain::answers::unique::DUPLICATE_PREFIX) {
        let key = rest.split('`').next().unwrap_or("");
        let place = if rest.ends_with("profile") {
            "企业信息"
        } else {
            "答案"
        };
        return format!("{place}里 `{key}` 出现了两次");
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        return match rest.split_once(", expected ") {
            Some((found, want)) => format!(
                "类型不对：这里是 {}，应当是 {}",
                zh_kind(found),
                zh_kind(want)
            ),
            None => format!("类型不对：{rest}"),
        };
    }
    if raw.starts_with("missing field") {
        return format!("缺少字段 `{}`", quoted(raw));
    }
    if raw.starts_with("unknown field") {
        return format!("未知字段 `{}`", quoted(raw));
    }
    if raw.starts_with("unknown variant") {
        return format!("`{}` 不是可用的取值", quoted(raw));
    }
    let fixed = [
        ("expected `,` or `}`", "这里应当是逗号或 `}`"),
        ("expected `,` or `]`", "这里应当是逗号或 `]`"),
        ("expected `:`", "这里应当是冒号 `:`"),
        ("expected value", "这里应当是一个 JSON 值"),
        ("expected ident", "这里应当是一个 JSON 值"),
        ("trailing comma", "多了一个逗号"),
        ("trailing characters", "JSON 结束之后还有多余的内容"),
        ("key must be a string", "对象的键必须是带引号的文字"),
        ("invalid escape", "反斜杠转义无效"),
        ("invalid number", "数字写法无效"),
        ("number out of range", "数字超出范围"),
        ("control character", "文字里有控制字符"),
        ("lone leading surrogate", "文字里有无效的 \\u 转义"),
        ("invalid unicode code point", "文字里有无效的 \\u 转义"),
        ("recursion limit exceeded", "嵌套层数太多"),
    ];
    fixed
        .iter()
        .find(|(en, _)| raw.starts_with(en))
        .map_or_else(|| raw.to_string(), |(_, zh)| (*zh).to_string())
}

/// A kind of JSON value as serde names it (`string "x"`, `f64`, `a sequence`), in Chinese; the
/// value it quotes is kept.
fn zh_kind(kind: &str) -> String {
    const KINDS: &[(&str, &str)] = &[
        ("string", "文字"),
        ("integer", "整数"),
        ("floating point", "小数"),
        ("boolean", "布尔值"),
        ("null", "null"),
        ("map", "对象 `{...}`"),
        ("sequence", "列表 `[...]`"),
        ("f64", "数字"),
        ("u32", "不小于 0 的整数"),
        ("usize", "不小于 0 的整数"),
        ("u8", "0 到 255 的整数"),
        ("a string", "文字"),
        ("a boolean", "true 或 false"),
        ("a sequence", "列表 `[...]`"),
        ("a map", "对象 `{...}`"),
        (
            "struct LocalText",
            "文字对象 `{\"zh\": \"…\", \"en\": \"…\"}`",
        ),
    ];
    if kind.starts_with("struct ") && kind != "struct LocalText" {
        return "对象 `{...}`".to_string();
    }
    KINDS
        .iter()
        .find_map(|(en, zh)| {
            let rest = kind.strip_prefix(en)?;
            (rest.is_empty() || rest.starts_with(' ')).then(|| format!("{zh}{rest}"))
        })
        .unwrap_or_else(|| kind.to_string())
}

/// For "unknown field `weigth`, expected one of `weight`, …" (or variant): the closest name.
fn did_you_mean(raw: &str) -> Option<&str> {
    let rest = raw
        .strip_prefix("unknown field `")
        .or_else(|| raw.strip_prefix("unknown variant `"))?;
    let (typo, expected) = rest.split_once('`')?;
    crate::domain::text::nearest_name(typo, expected.split('`').skip(1).step_by(2))
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::LocalText;

    fn first_issue<T: serde::de::DeserializeOwned + std::fmt::Debug>(src: &str) -> Issue {
        parse_json::<T>("f.json", src).unwrap_err().issues()[0].clone()
    }

    #[test]
    fn data_errors_point_at_the_start_of_the_value_in_characters() {
        // serde counts bytes and points at the closing quote; the author needs the character
        // column of the value's opening quote, after the Chinese text on the same line.
        let i = first_issue::<LocalText>("{\"zh\": \"中文\", \"en\": 5}");
        assert_eq!((i.pos.line, i.pos.col), (1, 20));
        assert_eq!(i.message, "invalid type: integer `5`, expected a string");
        let i = first_issue::<LocalText>("{\"zh\": \"中文\", \"en\": \"x\", \"fr\": \"y\"}");
        assert_eq!((i.pos.line, i.pos.col), (1, 25));
        assert!(i.message.starts_with("unknown field `fr`"), "{}", i.message);
    }

    #[test]
    fn missing_fields_point_at_the_object() {
        // (A text's missing side is not a parse error: validation reports every missing
        // translation at once. A band's `points` is a field every band needs.)
        let i = first_issue::<crate::domain::model::Band>("\n  {\"min\": 0}");
        assert_eq!((i.pos.line, i.pos.col), (2, 3));
        assert_eq!(i.message, "missing field `points`");
    }

    #[test]
    fn syntax_errors_keep_the_parser_position() {
        let i = first_issue::<LocalText>("{\"zh\": \"x\"\n \"en\": \"y\"}");
        assert_eq!((i.pos.line, i.pos.col), (2, 2));
        assert!(i.hint.contains("comma"), "{}", i.hint);
        let i = first_issue::<LocalText>("{\"zh\": yes}");
        assert_eq!((i.pos.line, i.pos.col), (1, 8));
        assert_eq!(i.message, "expected a JSON value");
    }

    #[test]
    fn types_are_named_in_chinese() {
        assert_eq!(
            zh_message("invalid type: string \"five\", expected u32"),
            "类型不对：这里是 文字 \"five\"，应当是 不小于 0 的整数"
        );
        assert_eq!(
            zh_message("invalid type: integer `5`, expected a string"),
            "类型不对：这里是 整数 `5`，应当是 文字"
        );
        assert_eq!(
            zh_message("invalid type: map, expected struct Band"),
            "类型不对：这里是 对象 `{...}`，应当是 对象 `{...}`"
        );
    }

    #[test]
    fn typos_get_a_suggestion() {
        assert_eq!(
            did_you_mean("unknown field `weigth`, expected one of `id`, `weight`"),
            Some("weight")
        );
        assert_eq!(
            did_you_mean("unknown variant `singel`, expected one of `single`, `multi`"),
            Some("single")
        );
        assert_eq!(
            did_you_mean("unknown field `zzzzzz`, expected `id` or `weight`"),
            None
        );
    }
}
