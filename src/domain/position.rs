//! Finds where a JSON path points in the source text, so semantic errors carry file:line:col.

use std::fmt;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path into a JSON document, like `/questions/3/options/1/id`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    pub fn key(&self, k: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_string()));
        p
    }

    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("/");
        }
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => write!(f, "/{k}")?,
                Seg::Index(i) => write!(f, "/{i}")?,
            }
        }
        Ok(())
    }
}

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// The position of the value at `path` in `src`; the closest existing ancestor when the path
/// goes further than the document.
pub fn locate(src: &str, path: &JsonPath) -> Pos {
    let mut at = skip_ws(src.as_bytes(), 0);
    for seg in &path.0 {
        match descend(src, at, seg) {
            Some(next) => at = next,
            None => break,
        }
    }
    pos_of(src, at)
}

/// Line and column of a byte offset.
pub fn pos_of(src: &str, offset: usize) -> Pos {
    let offset = offset.min(src.len());
    let before = &src[..floor_char(src, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line,
        col: before[line_start..].chars().count() + 1,
    }
}

/// One member of an object or element of an array in the source text, by byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Where it begins: a member's key, an element's value.
    pub start: usize,
    /// Where its value begins.
    pub value: usize,
    /// Just past its value.
    pub end: usize,
    /// A member's key; none for an array element.
    pub key: Option<String>,
}

/// The members or elements of the object or array starting at byte `at` (none for a scalar).
pub fn members(src: &str, at: usize) -> Vec<Member> {
    let b = src.as_bytes();
    let object = match b.get(at) {
        Some(b'{') => true,
        Some(b'[') => false,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut i = skip_ws(b, at + 1);
    while i < b.len() && !matches!(b[i], b'}' | b']') {
        let start = i;
        let mut key = None;
        if object {
            let end = skip_string(b, i);
            key = src.get(i + 1..end.saturating_sub(1)).map(str::to_string);
            i = skip_ws(b, end);
            if b.get(i) != Some(&b':') {
                break;
            }
            i = skip_ws(b, i + 1);
        }
        let value = i;
        let end = skip_value(b, value);
        if end <= start {
            break;
        }
        out.push(Member {
            start,
            value,
            end,
            key,
        });
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    out
}

/// The members and elements that hold byte `offset`, from the root's down to the innermost.
pub fn holding(src: &str, offset: usize) -> Vec<Member> {
    let mut out = Vec::new();
    let mut at = skip_ws(src.as_bytes(), 0);
    while let Some(m) = members(src, at)
        .into_iter()
        .find(|m| m.start <= offset && offset < m.end)
    {
        at = m.value;
        out.push(m);
    }
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Offset just past the string starting at `i` (which holds `"`).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// Offset just past the value starting at `i`. Depth is tracked iteratively, so hostile
/// nesting cannot overflow the stack.
fn skip_value(b: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut i = i;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b':' if depth == 0 => return i,
            c if depth == 0 && c.is_ascii_whitespace() => return i,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Where the value one step down `seg` from the value at `at` begins: an object's member by
/// key, an array's element by position.
fn descend(src: &str, at: usize, seg: &Seg) -> Option<usize> {
    let members = members(src, at);
    let found = match seg {
        Seg::Key(want) => members.iter().find(|m| m.key.as_deref() == Some(want)),
        Seg::Index(n) => members.get(*n).filter(|m| m.key.is_none()),
    };
    found.map(|m| m.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let src = "{\n  \"a\": 1,\n  \"list\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\", \"n\": [1, 2]}\n  ]\n}";
        let p = JsonPath::root().key("list").index(1).key("id");
        assert_eq!(locate(src, &p), Pos { line: 5, col: 12 });
        // Line 5 is `    {"id": "y", "n": [1, 2]}`: the `2` is the 26th character.
        let p = JsonPath::root().key("list").index(1).key("n").index(1);
        assert_eq!(locate(src, &p), Pos { line: 5, col: 26 });
        assert_eq!(
            locate(src, &JsonPath::root().key("a")),
            Pos { line: 2, col: 8 }
        );
    }

    #[test]
    fn missing_path_falls_back_to_ancestor() {
        let src = "{\"list\": [\"a\"]}";
        let p = JsonPath::root().key("list").index(5);
        assert_eq!(locate(src, &p), Pos { line: 1, col: 10 });
    }

    #[test]
    fn strings_with_escapes_and_cjk_count_characters() {
        // `{"t": "中\"文", "b": true}`: `true` is the 20th character (中 and 文 count one each).
        let src = "{\"t\": \"中\\\"文\", \"b\": true}";
        assert_eq!(
            locate(src, &JsonPath::root().key("b")),
            Pos { line: 1, col: 20 }
        );
    }

    #[test]
    fn finds_the_members_holding_an_offset() {
        let src = "{\"a\": 1, \"list\": [{\"id\": \"x\"}, {\"id\": \"y\"}]}";
        let at = src.find("\"y\"").unwrap();
        let held = holding(src, at);
        let keys: Vec<Option<&str>> = held.iter().map(|m| m.key.as_deref()).collect();
        assert_eq!(keys, [Some("list"), None, Some("id")]);
        assert_eq!(&src[held[1].start..held[1].end], "{\"id\": \"y\"}");
        assert_eq!(&src[held[2].start..held[2].end], "\"id\": \"y\"");
        assert_eq!(members(src, 0).len(), 2);
        assert!(members(src, src.find('1').unwrap()).is_empty());
    }

    #[test]
    fn display_is_a_pointer() {
        let p = JsonPath::root().key("questions").index(3);
        assert_eq!(p.to_string(), "/questions/3");
    }
}
