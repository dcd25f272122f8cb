//! The two maps of an answer file read strictly where serde_json is lenient: a key written twice
//! is refused (serde_json would keep the last one silently), and a profile field written as
//! `null`, as other tools export an empty cell, is read as not given.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// The message of a repeated key; [`crate::domain::instrument`] says it in Chinese too.
pub const DUPLICATE_PREFIX: &str = "duplicate key `";

struct Unique<V> {
    what: &'static str,
    _v: PhantomData<V>,
}

impl<'de, V: Deserialize<'de>> Visitor<'de> for Unique<V> {
    type Value = BTreeMap<String, V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the {} as an object", self.what)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        // `"profile": null` or `"answers": null`: nothing given.
        Ok(BTreeMap::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "{DUPLICATE_PREFIX}{key}` in the {}",
                    self.what
                )));
            }
            let value = map.next_value::<V>()?;
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// `answers`: each question at most once; values stay raw JSON.
pub fn answers<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, serde_json::Value>, D::Error> {
    d.deserialize_any(Unique {
        what: "answers",
        _v: PhantomData,
    })
}

/// `profile`: each field at most once; `null` is left out (not given).
pub fn profile<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let raw: BTreeMap<String, Option<String>> = d.deserialize_any(Unique {
        what: "profile",
        _v: PhantomData,
    })?;
    Ok(raw
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect())
}

/// The profile read on its own, for readers that walk the file themselves.
pub struct Profile(pub BTreeMap<String, String>);

impl<'de> Deserialize<'de> for Profile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        profile(d).map(Profile)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::answers::AnswerFile;

    const HEAD: &str = r#""questionnaire": {"id": "q", "version": "1"}"#;

    #[test]
    fn a_repeated_answer_or_profile_field_is_refused() {
        let twice = format!("{{{HEAD}, \"answers\": {{\"a\": \"x\", \"a\": \"y\"}}}}");
        let e = serde_json::from_str::<AnswerFile>(&twice).unwrap_err();
        assert!(
            e.to_string().contains("duplicate key `a` in the answers"),
            "{e}"
        );
        let twice = format!("{{{HEAD}, \"profile\": {{\"name\": \"x\",\n \"name\": \"y\"}}}}");
        let e = serde_json::from_str::<AnswerFile>(&twice).unwrap_err();
        assert!(
            e.to_string()
                .contains("duplicate key `name` in the profile"),
            "{e}"
        );
        assert_eq!(e.line(), 2);
    }

    #[test]
    fn a_null_profile_field_is_not_given() {
        let src = format!("{{{HEAD}, \"profile\": {{\"name\": null, \"region\": \"east\"}}}}");
        let f: AnswerFile = serde_json::from_str(&src).unwrap();
        assert_eq!(f.profile.len(), 1);
        assert_eq!(f.profile["region"], "east");
        let src = format!("{{{HEAD}, \"profile\": null, \"answers\": null}}");
        let f: AnswerFile = serde_json::from_str(&src).unwrap();
        assert!(f.profile.is_empty() && f.answers.is_empty());
    }
}
