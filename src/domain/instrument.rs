//! Loading a questionnaire and the proposals catalogue into a checked `Instrument`, and
//! loading answer files against it, with errors that point at file:line:col.

use std::fmt;

use sha2::{Digest, Sha256};

use super::answers::{AnswerFile, AnswerSet, Dropped, Misfit, read_answers};
use super::model::{OptionId, QuestionId, Questionnaire, Recommendations};
use super::position::{JsonPath, Pos, locate, pos_of};
use super::proposals::Catalogue;
use super::score::Stamp;
use super::text::{Lang, LocalText};
use super::validate::validate;

/// The shipped questionnaire and catalogue, embedded so the binary runs with no files around.
pub const BUILTIN_QUESTIONNAIRE: &str = include_str!("../../questionnaires/smecheck.json");
pub const BUILTIN_PROPOSALS: &str = include_str!("../../questionnaires/proposals.json");
pub const BUILTIN_NAME: &str = "<built-in>/smecheck.json";
pub const BUILTIN_PROPOSALS_NAME: &str = "<built-in>/proposals.json";

/// The questionnaires built into smecheck, by the name `--questionnaire NAME` takes. The first
/// is the default. Adding an instrument is one row here and one file in `questionnaires/`.
pub const INSTRUMENTS: &[(&str, &str)] = &[
    ("smecheck", BUILTIN_QUESTIONNAIRE),
    (
        "eurostat-dii",
        include_str!("../../questionnaires/eurostat-dii.json"),
    ),
    (
        "miit-2024",
        include_str!("../../questionnaires/miit-2024.json"),
    ),
    ("eu-dma", include_str!("../../questionnaires/eu-dma.json")),
];

/// The text of the built-in questionnaire of this name.
pub fn builtin_instrument(name: &str) -> Option<&'static str> {
    INSTRUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, j)| *j)
}

/// How problems in the built-in questionnaire `name` are located: `<built-in>/NAME.json`.
pub fn builtin_file_name(name: &str) -> String {
    format!("<built-in>/{name}.json")
}

/// The known instrument name nearest to `typed`, if it is near enough to be a typo.
pub fn nearest_instrument(typed: &str) -> Option<&'static str> {
    INSTRUMENTS
        .iter()
        .map(|(n, _)| (strsim::levenshtein(typed, n), *n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 3))
        .min()
        .map(|(_, n)| n)
}

/// One recommendations catalogue built into smecheck.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinCatalogue {
    /// What a questionnaire writes in `recommendations` to use it.
    pub name: &'static str,
    /// How its problems are located (`<built-in>/…`).
    pub file: &'static str,
    pub json: &'static str,
}

/// The recommendations catalogues built into smecheck, by the name a questionnaire gives.
pub const CATALOGUES: &[BuiltinCatalogue] = &[BuiltinCatalogue {
    name: "smecheck-p1-p11",
    file: BUILTIN_PROPOSALS_NAME,
    json: BUILTIN_PROPOSALS,
}];

/// Questionnaires published before `recommendations` existed, by id, and the built-in
/// catalogue they were shipped with. Their files name none and keep their bytes, so the hash
/// stamped in earlier answer files and workshop folders still matches.
const ADOPTED: &[(&str, &str)] = &[("smecheck-core", "smecheck-p1-p11")];

/// The built-in catalogue of this name.
pub fn builtin_catalogue(name: &str) -> Option<&'static BuiltinCatalogue> {
    CATALOGUES.iter().find(|c| c.name == name)
}

/// Largest questionnaire or answer file accepted, to keep hostile input bounded.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// One problem in a data file, with where it is and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub file: String,
    pub pos: Pos,
    pub path: JsonPath,
    pub message: String,
    pub hint: String,
    /// The message and hint in Chinese, where they are written: for answer files and JSON
    /// syntax. A questionnaire author's validation messages are English only.
    pub zh: Option<(String, String)>,
}

impl Issue {
    /// The issue as [`fmt::Display`] gives it, in Chinese where that is written.
    pub fn display_in(&self, lang: Lang) -> String {
        match (&self.zh, lang) {
            (Some((message, hint)), Lang::Zh) => {
                let mut s = format!("{}:{}: {message}", self.file, self.pos);
                if !hint.is_empty() {
                    s.push_str(&format!("\n  提示：{hint}"));
                }
                s
            }
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.pos, self.message)?;
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Why a data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}", join(.0))]
    Invalid(Vec<Issue>),
    #[error(
        "{file}: the file is {size} bytes, more than the {max} bytes accepted\n  hint: check that this is the right file"
    )]
    TooLarge {
        file: String,
        size: usize,
        max: usize,
    },
}

fn join(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    /// The error in `lang`, where its words have been written in it.
    pub fn display_in(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Invalid(issues), _) => issues
                .iter()
                .map(|i| i.display_in(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            (LoadError::TooLarge { file, size, max }, Lang::Zh) => format!(
                "{file}：文件有 {size} 字节，超过了允许的 {max} 字节\n  提示：请确认是不是选错了文件"
            ),
            (LoadError::TooLarge { .. }, Lang::En) => self.to_string(),
        }
    }

    pub fn issues(&self) -> &[Issue] {
        match self {
            LoadError::Invalid(v) => v,
            LoadError::TooLarge { .. } => &[],
        }
    }
}

/// A semantic problem found by validation, before it is placed in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Which file: the questionnaire or the proposals catalogue.
    pub in_catalogue: bool,
    pub path: JsonPath,
    pub message: String,
    pub hint: String,
    /// The message and hint in Chinese, where written.
    pub zh: Option<(String, String)>,
    /// Reported among neighbours found by a walk that knows no file order (translations): the
    /// run of such problems is put in the order of their place in the file.
    pub by_place: bool,
}

/// A message in English, and in Chinese where it has been written.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub en: String,
    pub zh: Option<String>,
}

impl Said {
    pub fn both(zh: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            en: en.into(),
            zh: Some(zh.into()),
        }
    }
}

impl From<String> for Said {
    fn from(en: String) -> Said {
        Said { en, zh: None }
    }
}

impl From<&str> for Said {
    fn from(en: &str) -> Said {
        Said {
            en: en.to_string(),
            zh: None,
        }
    }
}

impl Problem {
    pub fn new(in_catalogue: bool, path: JsonPath, message: Said, hint: Said) -> Problem {
        let zh = message
            .zh
            .map(|m| (m, hint.zh.unwrap_or_else(|| hint.en.clone())));
        Problem {
            in_catalogue,
            path,
            message: message.en,
            hint: hint.en,
            zh,
            by_place: false,
        }
    }
}

/// Parses JSON into `T`, turning serde's error into an `Issue` with line and column. The
/// position is moved to the start of the offending token, and serde's Rust-flavoured wording
/// ("expected f64") is put in the author's terms.
pub fn parse_json<T: serde::de::DeserializeOwned>(file: &str, src: &str) -> Result<T, LoadError> {
    let src = without_bom(src);
    if src.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_string(),
            size: src.len(),
            max: MAX_FILE_BYTES,
        });
    }
    serde_json::from_str(src).map_err(|e| {
        let text = e.to_string();
        let raw = match text.rfind(" at line ") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        let data = e.classify() == serde_json::error::Category::Data;
        // serde counts columns in bytes and points at the last byte it read.
        let offset = serde_offset(src, e.line(), e.column());
        let pos = pos_of(src, token_start(src, offset, data, &raw));
        let (message, hint, hint_zh) = explain(&raw, e.classify());
        LoadError::Invalid(vec![Issue {
            file: file.to_string(),
            pos,
            path: JsonPath::root(),
            zh: Some((format!("JSON 有误：{}", zh_message(&raw)), hint_zh)),
            message,
            hint,
        }])
    })
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
fn explain(raw: &str, category: serde_json::error::Category) -> (String, String, String) {
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
    let (hint, hint_zh) = if let Some(near) = did_you_mean(raw) {
        (
            format!("did you mean `{near}`?"),
            format!("是不是想写 `{near}`？"),
        )
    } else {
        let (en, zh) = match category {
            Category::Data if raw.starts_with(crate::domain::answers::unique::DUPLICATE_PREFIX) => {
                (
                    "keep one of the two and delete the other: which one stands is not guessed",
                    "保留其中一个，删掉另一个：程序不会猜哪一个算数",
                )
            }
            Category::Syntax if raw.starts_with("expected `,`") => (
                "a comma is probably missing after the value before this point",
                "这里之前的那个值后面可能少了一个逗号",
            ),
            Category::Syntax if raw.starts_with("trailing comma") => (
                "remove this comma: JSON allows none after the last item",
                "删掉这个逗号：JSON 不允许在最后一项后面加逗号",
            ),
            Category::Syntax
                if raw.starts_with("expected value") || raw.starts_with("expected ident") =>
            {
                (
                    "this is not JSON here: text must be in double quotes, and only true, false and null are bare words",
                    "这里不是 JSON：文字要放在双引号里，只有 true、false 和 null 可以不加引号",
                )
            }
            Category::Syntax | Category::Eof => (
                "this is not valid JSON here: look for a missing comma, quote or bracket",
                "这里的 JSON 有误：检查是否少了逗号、引号或括号",
            ),
            _ => (
                "the value does not fit the format: see docs/questionnaire-format.md or `smecheck questionnaire --schema`",
                "这个值不符合格式：参见 docs/questionnaire-format.md 或 `smecheck questionnaire --schema`",
            ),
        };
        (en.to_string(), zh.to_string())
    };
    (message, hint, hint_zh)
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
            Some((found, want)) => format!("类型不对：这里是 {found}，应当是 {want}"),
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

/// For "unknown field `weigth`, expected one of `weight`, …" (or variant): the closest name.
fn did_you_mean(raw: &str) -> Option<String> {
    let rest = raw
        .strip_prefix("unknown field `")
        .or_else(|| raw.strip_prefix("unknown variant `"))?;
    let (typo, expected) = rest.split_once('`')?;
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    names
        .into_iter()
        .map(|n| (strsim::levenshtein(typo, n), n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 3))
        .min()
        .map(|(_, n)| n.to_string())
}

/// A questionnaire with its recommendations catalogue (empty when it has none), checked and
/// ready to score with.
#[derive(Debug, Clone)]
pub struct Instrument {
    pub questionnaire: Questionnaire,
    pub proposals: Catalogue,
    /// `sha256:` and the first 16 hex digits of the hash of the questionnaire's bytes and
    /// those of the built-in catalogue it uses (none when written out or absent).
    pub hash: String,
}

impl Instrument {
    /// The built-in questionnaire. It is validated by the test suite, so failing here is a bug
    /// in the shipped data, reported like any other data error.
    pub fn builtin() -> Result<Instrument, LoadError> {
        Self::load(BUILTIN_NAME, BUILTIN_QUESTIONNAIRE)
    }

    /// Parses and validates a questionnaire with the recommendations catalogue it declares:
    /// the built-in one it names, the one written out in it, or none.
    pub fn load(q_name: &str, q_src: &str) -> Result<Instrument, LoadError> {
        Self::build(q_name, q_src, None)
    }

    /// Parses and validates a questionnaire and a catalogue given beside it, which stands in
    /// for `recommendations` when the questionnaire declares none.
    pub fn from_sources(
        q_name: &str,
        q_src: &str,
        p_name: &str,
        p_src: &str,
    ) -> Result<Instrument, LoadError> {
        Self::build(q_name, q_src, Some((p_name, p_src)))
    }

    fn build(
        q_name: &str,
        q_src: &str,
        given: Option<(&str, &str)>,
    ) -> Result<Instrument, LoadError> {
        let mut questionnaire: Questionnaire = parse_json(q_name, q_src)?;
        questionnaire.build_index();
        // The catalogue's own file, when it is not written out in the questionnaire.
        let file: Option<(&str, &str)> = match &questionnaire.recommendations {
            Some(Recommendations::Inline(_)) => None,
            // An unknown name is reported by validation, with the known ones.
            Some(Recommendations::Named(n)) => builtin_catalogue(n).map(|c| (c.file, c.json)),
            None => given.or_else(|| {
                ADOPTED
                    .iter()
                    .find(|(id, _)| *id == questionnaire.id)
                    .and_then(|(_, name)| builtin_catalogue(name))
                    .map(|c| (c.file, c.json))
            }),
        };
        let proposals: Catalogue = match (&questionnaire.recommendations, file) {
            (Some(Recommendations::Inline(c)), _) => (**c).clone(),
            (_, Some((p_name, p_src))) => parse_json(p_name, p_src)?,
            (_, None) => Catalogue::default(),
        };
        let (p_name, p_src) = file.unwrap_or(("", ""));
        let problems = validate(&questionnaire, &proposals);
        if !problems.is_empty() {
            return Err(LoadError::Invalid(place(
                problems, q_name, q_src, p_name, p_src,
            )));
        }
        let mut h = Sha256::new();
        h.update(q_src.as_bytes());
        h.update([0u8]);
        h.update(p_src.as_bytes());
        let digest = h.finalize();
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Ok(Instrument {
            questionnaire,
            proposals,
            hash: format!("sha256:{hex}"),
        })
    }

    /// Whether this questionnaire gives recommendations at all: views leave the part out
    /// when it does not.
    pub fn recommends(&self) -> bool {
        !self.proposals.is_empty()
    }

    pub fn stamp(&self) -> Stamp {
        Stamp {
            id: self.questionnaire.id.as_str().into(),
            version: self.questionnaire.version.as_str().into(),
            hash: self.hash.as_str().into(),
        }
    }

    /// Reads an answer file. Another questionnaire id is an error; another version keeps what
    /// matches by id and reports the rest as dropped.
    pub fn load_answers(&self, file: &str, src: &str) -> Result<LoadedAnswers, LoadError> {
        let src = without_bom(src);
        let q = &self.questionnaire;
        // Most files are plainly right and read straight into typed answers; the rest take
        // the thorough path below, which explains what is wrong.
        if src.len() <= MAX_FILE_BYTES
            && let Some(d) = crate::domain::answers::fast_read::read(q, src)
            && d.questionnaire.id == q.id
            && d.questionnaire.version == q.version
        {
            return Ok(LoadedAnswers {
                version_differs: d.questionnaire.version != q.version,
                file_version: d.questionnaire.version,
                saved_at: d.saved_at,
                answers: d.answers,
                dropped: d.dropped,
            });
        }
        self.load_answers_thoroughly(file, src)
    }

    /// Reads an answer file through a JSON tree, so that every problem is located. Public so
    /// that the fuzzer can check that the fast reading never decides a file differently.
    pub fn load_answers_thoroughly(
        &self,
        file: &str,
        src: &str,
    ) -> Result<LoadedAnswers, LoadError> {
        let raw: AnswerFile = parse_json(file, src)?;
        let q = &self.questionnaire;
        let issue = |path: JsonPath, message: LocalText, hint: LocalText| {
            LoadError::Invalid(vec![Issue {
                file: file.to_string(),
                pos: locate(src, &path),
                path,
                message: message.en,
                hint: hint.en,
                zh: Some((message.zh, hint.zh)),
            }])
        };
        if raw.questionnaire.id != q.id {
            let (theirs, ours) = (&raw.questionnaire.id, &q.id);
            return Err(issue(
                JsonPath::root().key("questionnaire").key("id"),
                LocalText::new(
                    format!("这份答卷属于问卷 `{theirs}`，不是 `{ours}`"),
                    format!("this answer file belongs to questionnaire `{theirs}`, not `{ours}`"),
                ),
                LocalText::new(
                    "用 --questionnaire 路径 指定对应的问卷",
                    "pass the matching questionnaire with --questionnaire PATH",
                ),
            ));
        }
        let (answers, dropped) = read_answers(q, &raw, Misfit::Refuse).map_err(|(key, msg)| {
            let mut path = JsonPath::root().key("answers").key(&key);
            // In a list of ticked options, point at the first item that is not an option id.
            if let (Some(serde_json::Value::Array(items)), Some(question)) =
                (raw.answers.get(&key), q.question(&QuestionId(key.as_str().into())))
                && let Some(i) = items.iter().position(|v| {
                    v.as_str()
                        .is_none_or(|s| question.option(&OptionId(s.into())).is_none())
                })
            {
                path = path.index(i);
            }
            issue(
                path,
                msg,
                LocalText::new(
                    "改正或删掉这个答案；`smecheck questionnaire --codebook` 列出了每道题的选项",
                    "fix or remove this answer; `smecheck questionnaire --codebook` lists every question's options",
                ),
            )
        })?;
        Ok(LoadedAnswers {
            version_differs: raw.questionnaire.version != q.version,
            file_version: raw.questionnaire.version,
            saved_at: raw.saved_at,
            answers,
            dropped,
        })
    }
}

/// An answer file read against an instrument.
#[derive(Debug, Clone)]
pub struct LoadedAnswers {
    pub answers: AnswerSet,
    pub dropped: Vec<Dropped>,
    pub version_differs: bool,
    pub file_version: String,
    pub saved_at: Option<String>,
}

fn place(
    problems: Vec<Problem>,
    q_name: &str,
    q_src: &str,
    p_name: &str,
    p_src: &str,
) -> Vec<Issue> {
    let mut placed: Vec<(bool, Issue)> = problems
        .into_iter()
        .map(|p| {
            let (file, src) = if p.in_catalogue {
                (p_name, p_src)
            } else {
                (q_name, q_src)
            };
            let issue = Issue {
                file: file.to_string(),
                pos: locate(src, &p.path),
                path: p.path,
                message: p.message,
                hint: p.hint,
                zh: p.zh,
            };
            (p.by_place, issue)
        })
        .collect();
    // Each run of problems found without knowing the file's order goes in file order.
    let mut i = 0;
    while i < placed.len() {
        let run = placed[i..].iter().take_while(|(b, _)| *b).count();
        placed[i..i + run].sort_by_key(|(_, x)| (x.file.clone(), x.pos.line, x.pos.col));
        i += run.max(1);
    }
    placed.into_iter().map(|(_, x)| x).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let i = first_issue::<super::super::model::Band>("\n  {\"min\": 0}");
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
    fn typos_get_a_suggestion() {
        assert_eq!(
            did_you_mean("unknown field `weigth`, expected one of `id`, `weight`"),
            Some("weight".into())
        );
        assert_eq!(
            did_you_mean("unknown variant `singel`, expected one of `single`, `multi`"),
            Some("single".into())
        );
        assert_eq!(
            did_you_mean("unknown field `zzzzzz`, expected `id` or `weight`"),
            None
        );
    }
}
