//! Reading what a phone sends: `application/x-www-form-urlencoded` bodies and query strings,
//! and the cookie header. Anything malformed is refused, never guessed at.

/// The largest request body accepted (bytes); a questionnaire page's form is far smaller.
pub const MAX_BODY: usize = 8 * 1024;
/// The most fields one form may carry.
const MAX_FIELDS: usize = 64;

/// Decoded `name=value` pairs in the order sent.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Form(pub Vec<(String, String)>);

/// Why a body or query could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decoding with `+` as a space; invalid escapes and invalid UTF-8 are refused.
pub fn decode(s: &str) -> Result<String, Malformed> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let (Some(h), Some(l)) = (
                    b.get(i + 1).copied().and_then(hex),
                    b.get(i + 2).copied().and_then(hex),
                ) else {
                    return Err(Malformed);
                };
                out.push(h << 4 | l);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| Malformed)
}

impl Form {
    /// Parses a urlencoded body or query string.
    pub fn parse(s: &str) -> Result<Form, Malformed> {
        let mut fields = Vec::new();
        for pair in s.split('&').filter(|p| !p.is_empty()) {
            if fields.len() == MAX_FIELDS {
                return Err(Malformed);
            }
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            fields.push((decode(k)?, decode(v)?));
        }
        Ok(Form(fields))
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` (ticked boxes).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The value of cookie `name` in a `Cookie:` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|part| {
        let (k, v) = part.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_and_refuse_garbage() {
        let f = Form::parse("a=yes&a=no&t=%E4%BA%91+x&empty=&flag").unwrap();
        assert_eq!(f.all("a").collect::<Vec<_>>(), ["yes", "no"]);
        assert_eq!(f.get("t"), Some("云 x"));
        assert_eq!(f.get("empty"), Some(""));
        assert_eq!(f.get("flag"), Some(""));
        assert_eq!(f.get("none"), None);
        for bad in ["a=%", "a=%4", "a=%zz", "a=%ff%fe", "%C3%28=1"] {
            assert_eq!(Form::parse(bad), Err(Malformed), "{bad}");
        }
        let many = vec!["a=1"; 65].join("&");
        assert_eq!(Form::parse(&many), Err(Malformed));
    }

    #[test]
    fn cookies_are_found_by_name() {
        let h = "lang=en; smc=abc123; x=1";
        assert_eq!(cookie(h, "smc"), Some("abc123"));
        assert_eq!(cookie(h, "lang"), Some("en"));
        assert_eq!(cookie(h, "sm"), None);
    }
}
