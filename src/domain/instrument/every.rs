//! Every format problem of a file in one run (issue 17). serde stops at the first; here the
//! file is read again and again, each time with the part at fault blanked out: an unknown
//! field alone, anything else with the array element that holds it (a question, an option, a
//! level…) or, at the top, with its key. Blanking keeps every other character on its line and
//! column, so each problem is placed and worded exactly as the first one is, and nothing
//! inside a part already taken out is reported again.

use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::domain::position::{Member, holding, members};

use super::issue::{Issue, LoadError};
use super::parse::{Parsed, failure};

/// At most this many problems are reported for one file.
pub const MAX_PROBLEMS: usize = 200;

/// Bytes read in all for one file: a large file is read fewer times, so hostile input stays cheap.
const READ_BUDGET: usize = 64 * 1024 * 1024;

/// Reads `src` on past its first data error `first`, collecting every format problem.
pub(super) fn read_on<T: DeserializeOwned>(
    file: &str,
    src: &str,
    first: serde_json::Error,
) -> Parsed<T> {
    let rounds = MAX_PROBLEMS.min(1 + READ_BUDGET / src.len().max(1));
    let mut text = src.to_string();
    let mut issues: Vec<Issue> = Vec::new();
    // Keys taken out at the top: serde then misses the required ones, which is no news.
    let mut taken_keys: Vec<String> = Vec::new();
    // Whether more than unknown fields was taken out, or reading stopped early.
    let mut cut = false;
    let mut error = first;
    loop {
        let f = failure(file, &text, &error);
        if error.classify() != Category::Data {
            // A syntax error after data errors: reported, and reading stops there.
            issues.push(f.issue);
            cut = true;
            break;
        }
        if quoted_after(&f.raw, "missing field `").is_some_and(|k| taken_keys.contains(&k)) {
            cut = true;
            break;
        }
        issues.push(f.issue);
        if issues.len() >= rounds {
            cut = true;
            break;
        }
        let unknown = quoted_after(&f.raw, "unknown field `")
            .and_then(|k| unknown_member(&text, f.offset, &k));
        let was_unknown = unknown.is_some();
        let Some(part) = unknown.or_else(|| enclosing(&text, f.offset)) else {
            cut = true;
            break;
        };
        if !was_unknown {
            cut = true;
            taken_keys.extend(part.key.clone());
        }
        blank(&mut text, &part);
        match serde_json::from_str::<T>(&text) {
            Ok(value) if !cut => {
                return Parsed::WithoutUnknown {
                    value,
                    text,
                    issues: in_file_order(issues),
                };
            }
            Ok(_) => break,
            Err(e) => error = e,
        }
    }
    let issues = in_file_order(issues);
    Parsed::Failed(if cut {
        LoadError::Unfinished(issues)
    } else {
        LoadError::Invalid(issues)
    })
}

fn in_file_order(mut issues: Vec<Issue>) -> Vec<Issue> {
    issues.sort_by_key(|i| (i.pos.line, i.pos.col));
    issues
}

/// The name in backquotes after `prefix` in serde's message.
fn quoted_after(raw: &str, prefix: &str) -> Option<String> {
    let rest = raw.strip_prefix(prefix)?;
    rest.split('`').next().map(str::to_string)
}

/// The member `key` that serde found unknown at `offset`: the one whose key is there, or, when
/// serde names the whole object (inside a tagged choice), the member of that name in it.
fn unknown_member(text: &str, offset: usize, key: &str) -> Option<Member> {
    let held = holding(text, offset);
    let last = held.last()?;
    if last.key.as_deref() == Some(key) && offset < last.value {
        return Some(last.clone());
    }
    let root = text.len() - text.trim_start().len();
    let object = if offset == last.value {
        last.value
    } else {
        held.iter().rev().nth(1).map_or(root, |m| m.value)
    };
    members(text, object)
        .into_iter()
        .find(|m| m.key.as_deref() == Some(key))
}

/// What goes for any other problem: the innermost array element holding `offset`, or else
/// the top-level member holding it.
fn enclosing(text: &str, offset: usize) -> Option<Member> {
    let held = holding(text, offset);
    held.iter()
        .rev()
        .find(|m| m.key.is_none())
        .or(held.first())
        .cloned()
}

/// Blanks `part` and the comma that separates it from a neighbour, keeping line breaks, so
/// every character after it stays on its line and column.
fn blank(text: &mut String, part: &Member) {
    let b = text.as_bytes();
    let after = (part.end..b.len()).find(|&i| !b[i].is_ascii_whitespace());
    let (start, end) = match after {
        Some(i) if b[i] == b',' => (part.start, i + 1),
        _ => {
            let before = (0..part.start).rev().find(|&i| !b[i].is_ascii_whitespace());
            match before {
                Some(i) if b[i] == b',' => (i, part.end),
                _ => (part.start, part.end),
            }
        }
    };
    let blanked: String = text[start..end]
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { c } else { ' ' })
        .collect();
    text.replace_range(start..end, &blanked);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::parse_json;
    use crate::domain::model::Band;

    fn problems(src: &str) -> (Vec<String>, bool) {
        let e = parse_json::<Vec<Band>>("f.json", src).unwrap_err();
        let unfinished = matches!(e, LoadError::Unfinished(_));
        let lines = e
            .issues()
            .iter()
            .map(|i| format!("{}: {}", i.pos, i.message))
            .collect();
        (lines, unfinished)
    }

    #[test]
    fn every_unknown_field_is_reported_and_reading_goes_on() {
        let src = "[\n {\"min\": 0, \"points\": 1, \"pionts\": 2},\n {\"min\": 5, \"mni\": 0, \"x\": 1, \"points\": 2}\n]";
        let (got, unfinished) = problems(src);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("2:26: unknown field `pionts`"),
            "{got:?}"
        );
        assert!(got[1].starts_with("3:13: unknown field `mni`"), "{got:?}");
        assert!(got[2].starts_with("3:23: unknown field `x`"), "{got:?}");
        assert!(!unfinished, "only unknown fields: nothing else waits");
    }

    #[test]
    fn a_removed_elements_other_problems_are_not_repeated() {
        // The first band has a wrong type and an unknown field and lacks nothing: once it is
        // taken out for the wrong type, its unknown field is not reported. The second band's
        // missing `points` still is, and the last line says the rest waits.
        let src = "[\n {\"min\": \"low\", \"zzz\": 1, \"points\": 1},\n {\"min\": 2}\n]";
        let (got, unfinished) = problems(src);
        assert_eq!(
            got,
            [
                "2:10: invalid type: string \"low\", expected a number",
                "3:2: missing field `points`",
            ]
        );
        assert!(unfinished);
        let e = parse_json::<Vec<Band>>("f.json", src).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("\nf.json: the remaining checks run once these problems are fixed"),
            "{e}"
        );
    }

    #[test]
    fn a_key_taken_out_at_the_top_brings_no_missing_field() {
        // `en` is wrong; taking it out would make serde miss nothing here (it has a default),
        // but a required key taken out must not come back as "missing field".
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Top {
            a: u32,
            b: u32,
        }
        let e = parse_json::<Top>("f.json", "{\"a\": \"x\",\n \"b\": \"y\"}").unwrap_err();
        let got: Vec<String> = e.issues().iter().map(|i| i.message.clone()).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|m| m.starts_with("invalid type")), "{got:?}");
    }

    #[test]
    fn answer_files_get_every_problem_too() {
        // A profile key twice, an answer twice, a number for `saved_at`: three problems in
        // file order, each at its place, and the last line.
        use crate::domain::answers::AnswerFile;
        let src = "{\"questionnaire\": {\"id\": \"q\", \"version\": \"1\"},\n\
                   \"profile\": {\"name\": \"a\", \"name\": \"b\"},\n\
                   \"answers\": {\"x\": \"y\", \"x\": \"z\"},\n\
                   \"saved_at\": 5}";
        let e = parse_json::<AnswerFile>("a.json", src).unwrap_err();
        let lines: Vec<String> = e.issues().iter().map(|i| i.pos.to_string()).collect();
        assert_eq!(lines, ["2:26", "3:23", "4:13"], "{e}");
        assert!(matches!(e, LoadError::Unfinished(_)));
    }

    #[test]
    fn blanking_keeps_lines_and_columns() {
        let mut text = "{\"a\": \"中文\", \"b\": 1}".to_string();
        let m = members(&text, 0)[0].clone();
        blank(&mut text, &m);
        assert_eq!(
            text.chars().count(),
            "{\"a\": \"中文\", \"b\": 1}".chars().count()
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap()["b"],
            1
        );
    }
}
