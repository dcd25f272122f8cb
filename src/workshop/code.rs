//! Firm codes and join codes: short, random, read aloud and typed without mix-ups, and — since
//! a firm code names a file — unable to say anything but a plain file name.

use std::fmt;
use std::hash::{BuildHasher, Hasher, RandomState};

use serde::Serialize;

use crate::domain::Lang;
use crate::workshop::text;

/// Letters and digits that cannot be mistaken for one another: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
pub const ALPHABET: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
/// Characters in a firm code: 25^6 ≈ 244 million codes, so a guess finds nobody.
pub const FIRM_CODE_LEN: usize = 6;
/// Characters in a workshop's join code.
pub const JOIN_CODE_LEN: usize = 4;

/// The code a participant is known by in a workshop, and the stem of their response file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FirmCode(String);

/// Why a typed firm code is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCode {
    pub given: String,
}

impl BadCode {
    pub fn message(&self, lang: Lang) -> String {
        let shown: String = self
            .given
            .chars()
            .filter(|c| !c.is_control())
            .take(40)
            .collect();
        text::NOT_A_CODE.fill(lang, &[&shown, &FIRM_CODE_LEN, &"7KQM3X"])
    }
}

/// Whether `s` (already in upper case) is a code of `len` characters of [`ALPHABET`].
pub fn is_code(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| ALPHABET.contains(&b))
}

impl FirmCode {
    /// Reads a code as a person types it: surrounding spaces and lower case are forgiven,
    /// anything outside the alphabet (a dot, a slash, a look-alike) is refused.
    pub fn parse(s: &str) -> Result<FirmCode, BadCode> {
        let up = s.trim().to_ascii_uppercase();
        if is_code(&up, FIRM_CODE_LEN) {
            Ok(FirmCode(up))
        } else {
            Err(BadCode {
                given: s.to_string(),
            })
        }
    }

    /// The code when `stem` is exactly one as written by smecheck (upper case, nothing else).
    pub fn from_stem(stem: &str) -> Option<FirmCode> {
        FirmCode::parse(stem).ok().filter(|c| c.0 == stem)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `7KQM3X.json`: a plain name, never a path.
    pub fn file_name(&self) -> String {
        format!("{}.json", self.0)
    }

    /// The code whose response file is named `name`, as [`FirmCode::file_name`] writes it.
    pub fn of_file_name(name: &str) -> Option<FirmCode> {
        FirmCode::from_stem(name.strip_suffix(".json")?)
    }

    /// A fresh random code.
    pub fn random() -> FirmCode {
        FirmCode(random_code(FIRM_CODE_LEN))
    }
}

impl fmt::Display for FirmCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 64 random bits from the operating system (the generator the server's tokens use); should
/// it ever fail, the standard library's randomly seeded hasher stands in.
fn random_u64() -> u64 {
    getrandom::u64().unwrap_or_else(|_| RandomState::new().build_hasher().finish())
}

/// `len` characters drawn from [`ALPHABET`].
pub fn random_code(len: usize) -> String {
    let n = ALPHABET.len() as u64;
    let mut out = String::with_capacity(len);
    let mut bits = random_u64();
    let mut left = 64u32;
    for _ in 0..len {
        // 25 symbols fit in 5 bits with a little bias; draw fresh bits when they run low and
        // reject values ≥ 25 so every symbol is equally likely.
        loop {
            if left < 5 {
                bits = random_u64();
                left = 64;
            }
            let v = bits & 0x1f;
            bits >>= 5;
            left -= 5;
            if v < n {
                out.push(char::from(ALPHABET[v as usize]));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_look_alikes() {
        for c in b"0O1IL2Z5S8B" {
            assert!(!ALPHABET.contains(c), "{}", char::from(*c));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), ALPHABET.len());
    }

    #[test]
    fn codes_are_random_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            let c = FirmCode::random();
            assert_eq!(FirmCode::parse(c.as_str()), Ok(c.clone()));
            assert_eq!(FirmCode::from_stem(c.as_str()), Some(c.clone()));
            assert_eq!(FirmCode::of_file_name(&c.file_name()), Some(c.clone()));
            seen.insert(c);
        }
        assert!(seen.len() > 1990, "codes repeat too often: {}", seen.len());
        assert_eq!(random_code(JOIN_CODE_LEN).len(), JOIN_CODE_LEN);
    }

    #[test]
    fn typing_is_forgiven_but_paths_are_not() {
        assert_eq!(
            FirmCode::parse(" 7kqm3x ").map(|c| c.0),
            Ok("7KQM3X".into())
        );
        assert_eq!(FirmCode::from_stem("7kqm3x"), None, "file names are exact");
        for bad in [
            "",
            "../../etc/passwd",
            "..",
            "7KQ/3X",
            "7KQ\\3X",
            "/7KQM3X",
            "C:7KQM",
            "7KQM3X.json",
            "7KQM3",
            "7KQM3XX",
            "7KQM0X",
            "7KQ M3X",
            "７ＫＱＭ３Ｘ",
            "7KQM3\u{0}",
        ] {
            let err = FirmCode::parse(bad).expect_err(bad);
            assert!(err.message(Lang::En).contains("not a firm code"));
            assert!(err.message(Lang::Zh).contains("不是企业代码"));
        }
    }
}
