//! Reads an answer file straight into typed answers, guided by the questionnaire, without
//! building a JSON tree first. It takes only files that are plainly right; anything else
//! (a wrong value, a duplicate key, an odd shape) returns `None`, and the caller reads the file
//! the thorough way, which says precisely what is wrong and where. So this path can be fast and
//! conservative without ever deciding a file differently.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{
    Answer, AnswerSet, Dropped, QuestionnaireRef, check_number, dropped, exclusive_conflict,
};
use crate::domain::model::{Question, QuestionKind, Questionnaire};

/// An answer file read the fast way.
#[derive(Debug)]
pub struct DirectFile {
    pub questionnaire: QuestionnaireRef,
    pub saved_at: Option<String>,
    pub answers: AnswerSet,
    pub dropped: Vec<Dropped>,
}

/// Reads `src` as an answer file of `q`, or `None` when the file needs the thorough reading.
pub fn read(q: &Questionnaire, src: &str) -> Option<DirectFile> {
    let mut de = serde_json::Deserializer::from_str(src);
    let file = FileSeed(q).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(file)
}

/// Gives up: the thorough reading will explain.
fn refuse<E: de::Error>() -> E {
    E::custom("needs the thorough reading")
}

/// A string, borrowed from the source when it holds no escapes.
struct Str<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

struct FileSeed<'q>(&'q Questionnaire);

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = DirectFile;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<DirectFile, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = DirectFile;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer file")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DirectFile, A::Error> {
        let (mut questionnaire, mut profile, mut answers, mut saved_at) = (None, None, None, None);
        while let Some(Str(key)) = map.next_key()? {
            match key.as_ref() {
                "questionnaire" if questionnaire.is_none() => {
                    questionnaire = Some(map.next_value::<QuestionnaireRef>()?);
                }
                "profile" if profile.is_none() => {
                    // Repeated fields and `null` are read as the thorough path reads them.
                    let super::unique::Profile(p) = map.next_value()?;
                    if !profile_fits(self.0, &p) {
                        return Err(refuse());
                    }
                    profile = Some(p);
                }
                "answers" if answers.is_none() => {
                    answers = Some(map.next_value_seed(AnswersSeed(self.0))?);
                }
                "saved_at" if saved_at.is_none() => {
                    saved_at = Some(map.next_value::<Option<String>>()?);
                }
                // What-if marks are read the thorough way.
                "questionnaire" | "profile" | "answers" | "saved_at" | "whatif" => {
                    return Err(refuse());
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let (mut set, dropped) = answers.unwrap_or_default();
        set.profile = profile.unwrap_or_default();
        Ok(DirectFile {
            questionnaire: questionnaire.ok_or_else(refuse)?,
            saved_at: saved_at.flatten(),
            answers: set,
            dropped,
        })
    }
}

/// Every profile choice is one of its field's options (the thorough path says which is not).
fn profile_fits(q: &Questionnaire, profile: &BTreeMap<String, String>) -> bool {
    super::check_profile(q, profile).is_ok()
}

struct AnswersSeed<'q>(&'q Questionnaire);

impl<'de> DeserializeSeed<'de> for AnswersSeed<'_> {
    type Value = (AnswerSet, Vec<Dropped>);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AnswersSeed<'_> {
    type Value = (AnswerSet, Vec<Dropped>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("answers by question id")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let q = self.0;
        let mut seen = vec![false; q.questions.len()];
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(q.questions.len()));
        let mut unknown: Vec<String> = Vec::new();
        while let Some(Str(key)) = map.next_key()? {
            let Some(i) = q.question_index_str(&key) else {
                map.next_value::<IgnoredAny>()?;
                unknown.push(key.into_owned());
                continue;
            };
            // A repeated key: the thorough reading decides which value stands.
            if std::mem::replace(&mut seen[i], true) {
                return Err(refuse());
            }
            let question = &q.questions[i];
            if let Some(answer) = map.next_value_seed(AnswerSeed(question))? {
                pairs.push((question.id.clone(), answer));
            }
        }
        unknown.sort_unstable();
        if unknown.windows(2).any(|w| w[0] == w[1]) {
            return Err(refuse());
        }
        // Collecting sorts by id (and keys are unique here), then builds the map in one pass.
        let set = AnswerSet {
            profile: BTreeMap::new(),
            answers: pairs.into_iter().collect(),
            whatif: BTreeMap::new(),
        };
        let dropped = unknown.into_iter().map(|k| dropped(q, k)).collect();
        Ok((set, dropped))
    }
}

/// One answer value, read against its question; `None` for `null` (unanswered).
struct AnswerSeed<'q>(&'q Question);

impl<'de> DeserializeSeed<'de> for AnswerSeed<'_> {
    type Value = Option<Answer>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl AnswerSeed<'_> {
    fn choice<E: de::Error>(&self, s: &str) -> Result<Option<Answer>, E> {
        let q = self.0;
        if let Some(special) = Answer::special(q, s) {
            return special.map(Some).map_err(|_| refuse());
        }
        match q.kind {
            QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => q
                .option_str(s)
                .map(|o| Some(Answer::Choice(o.id.clone())))
                .ok_or_else(refuse),
            QuestionKind::Text => Ok(Some(Answer::Text(s.to_string()))),
            QuestionKind::Multi | QuestionKind::Number | QuestionKind::Matrix => Err(refuse()),
        }
    }

    fn number<E: de::Error>(&self, x: f64) -> Result<Option<Answer>, E> {
        if self.0.kind != QuestionKind::Number || check_number(self.0, x).is_err() {
            return Err(refuse());
        }
        Ok(Some(Answer::Number(x + 0.0)))
    }
}

impl<'de> Visitor<'de> for AnswerSeed<'_> {
    type Value = Option<Answer>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        self.choice(s)
    }
    fn visit_u64<E: de::Error>(self, x: u64) -> Result<Self::Value, E> {
        self.number(x as f64)
    }
    fn visit_i64<E: de::Error>(self, x: i64) -> Result<Self::Value, E> {
        self.number(x as f64)
    }
    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Self::Value, E> {
        self.number(x)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let q = self.0;
        if q.kind != QuestionKind::Multi {
            return Err(refuse());
        }
        let mut ticked = Vec::with_capacity(seq.size_hint().unwrap_or(4));
        while let Some(Str(s)) = seq.next_element()? {
            let id = &q.option_str(&s).ok_or_else(refuse)?.id;
            if !ticked.contains(id) {
                ticked.push(id.clone());
            }
        }
        if exclusive_conflict(q, &ticked).is_some() {
            return Err(refuse());
        }
        Ok(Some(Answer::Choices(ticked)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Instrument;
    use crate::domain::answers::{AnswerFile, Misfit, read_answers};
    use crate::domain::sample::{Lean, Rng, generate};

    /// What the thorough reading makes of `src`.
    fn thorough(q: &Questionnaire, src: &str) -> Option<(AnswerSet, Vec<Dropped>)> {
        let file: AnswerFile = serde_json::from_str(src).ok()?;
        let (mut set, dropped) = read_answers(q, &file, Misfit::Refuse).ok()?;
        set.profile = file.profile;
        Some((set, dropped))
    }

    /// The fast reading either declines or agrees with the thorough one, and never accepts
    /// what the thorough one refuses.
    fn agrees(q: &Questionnaire, src: &str) -> bool {
        match (read(q, src), thorough(q, src)) {
            (None, _) => false,
            (Some(d), Some((set, dropped))) => {
                assert_eq!(d.answers, set, "{src}");
                assert_eq!(d.dropped, dropped, "{src}");
                true
            }
            (Some(_), None) => panic!("accepted a file the thorough reading refuses: {src}"),
        }
    }

    fn files(q: &Questionnaire, n: usize) -> Vec<String> {
        let mut rng = Rng::new(11);
        let leans = [Lean::Any, Lean::Best(0.7), Lean::Worst(0.7)];
        (0..n)
            .map(|i| {
                let mut a = generate(q, &mut rng, leans[i % 3]);
                a.profile
                    .insert("name".into(), format!("Firm \"{i}\" \\ 公司"));
                serde_json::to_string_pretty(&a.to_file(q, Some("2026-11-24T09:00:00Z".into())))
                    .expect("json")
            })
            .collect()
    }

    #[test]
    fn takes_every_well_formed_file_and_reads_it_as_the_thorough_path_does() {
        let inst = Instrument::builtin().expect("built-in");
        let q = &inst.questionnaire;
        for src in files(q, 600) {
            assert!(agrees(q, &src), "declined a well-formed file: {src}");
        }
    }

    #[test]
    fn edge_values_are_read_alike_or_left_to_the_thorough_path() {
        let inst = Instrument::builtin().expect("built-in");
        let q = &inst.questionnaire;
        let src = &files(q, 1)[0];
        let mut value: serde_json::Value = serde_json::from_str(src).expect("json");
        let keys: Vec<String> = q.questions.iter().map(|x| x.id.to_string()).collect();
        let odd = [
            serde_json::json!(null),
            serde_json::json!("dont_know"),
            serde_json::json!(3),
            serde_json::json!(-1),
            serde_json::json!(2.5),
            serde_json::json!(1e300),
            serde_json::json!(true),
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!(["dont_know"]),
            serde_json::json!("no such option"),
            serde_json::json!("\u{202e}<script>"),
        ];
        let (mut accepted, mut declined) = (0, 0);
        for key in &keys {
            for v in &odd {
                let original = value["answers"][key].clone();
                value["answers"][key] = v.clone();
                let text = serde_json::to_string(&value).expect("json");
                if agrees(q, &text) {
                    accepted += 1;
                } else {
                    declined += 1;
                }
                value["answers"][key] = original;
            }
        }
        assert!(accepted > 0 && declined > 0, "{accepted} / {declined}");
    }

    #[test]
    fn escapes_unknown_keys_and_repeats() {
        let inst = Instrument::builtin().expect("built-in");
        let q = &inst.questionnaire;
        let (id, version) = (&q.id, &q.version);
        let head = format!(r#"{{"questionnaire":{{"id":"{id}","version":"{version}"}}"#);
        let text = q
            .questions
            .iter()
            .find(|x| x.kind == QuestionKind::Text)
            .expect("a free-text question");
        let t = text.id.as_str();
        // An escaped key, an escaped value, unknown questions (sorted, as the thorough path
        // reports them), and an unknown top-level field.
        let first = t.chars().next().expect("an id");
        let escaped = format!("\\u{:04x}{}", first as u32, &t[first.len_utf8()..]);
        let src = format!(
            r#"{head},"answers":{{"zz_gone":1,"{escaped}":"a\"b\u00e9","aa_gone":[1]}},"extra":{{}}}}"#
        );
        assert!(agrees(q, &src));
        let d = read(q, &src).expect("read");
        let names: Vec<&str> = d.dropped.iter().map(|x| x.question.as_str()).collect();
        assert_eq!(names, ["aa_gone", "zz_gone"]);
        // Repeated keys and repeated fields are the thorough path's to judge.
        let repeated = format!(r#"{head},"answers":{{"{t}":"a","{t}":null}}}}"#);
        assert!(read(q, &repeated).is_none());
        let twice = format!(r#"{head},"answers":{{}},"answers":{{}}}}"#);
        assert!(read(q, &twice).is_none());
        assert!(read(q, r#"{"answers":{}}"#).is_none(), "no questionnaire");
        assert!(read(q, &format!("{head}}} trailing")).is_none());
    }
}
