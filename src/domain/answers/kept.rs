//! What an answer file held that this program did not understand — answers to questions of
//! another questionnaire version, values that no longer fit, fields other tools added — kept so
//! that saving the file never deletes them.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{AnswerFile, Dropped};

/// The top-level fields this program reads and writes itself.
const OWN_FIELDS: [&str; 7] = [
    "questionnaire",
    "profile",
    "answers",
    "saved_at",
    "follows",
    "reviewed",
    "whatif",
];

/// The parts of a file to write back unchanged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kept {
    /// Top-level fields other than the program's own.
    pub fields: Map<String, Value>,
    /// Answers that were not taken, by question id as written in the file.
    pub answers: BTreeMap<String, Value>,
    /// Profile values that were not taken (not one of their field's options).
    pub profile: BTreeMap<String, String>,
}

impl Kept {
    /// From the text of a file that was read, and the answers its reading dropped.
    pub fn from_source(src: &str, dropped: &[Dropped]) -> Kept {
        let src = crate::domain::instrument::without_bom(src);
        let Ok(Value::Object(mut top)) = serde_json::from_str::<Value>(src) else {
            return Kept::default();
        };
        let answers = match top.get("answers") {
            Some(Value::Object(a)) => dropped
                .iter()
                .filter_map(|d| Some((d.question.clone(), a.get(&d.question)?.clone())))
                .collect(),
            _ => BTreeMap::new(),
        };
        top.retain(|k, _| !OWN_FIELDS.contains(&k.as_str()));
        Kept {
            fields: top,
            answers,
            profile: BTreeMap::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.answers.is_empty() && self.profile.is_empty()
    }
}

/// An answer file with what was kept put back: the program's fields first, in their usual
/// order, then the others.
#[derive(Serialize)]
pub struct WithKept<'a> {
    #[serde(flatten)]
    file: AnswerFile,
    #[serde(flatten)]
    fields: &'a Map<String, Value>,
}

impl AnswerFile {
    /// This file with `kept` put back. An answer given now wins over a kept one.
    pub fn with_kept<'a>(&self, kept: &'a Kept) -> WithKept<'a> {
        let mut file = self.clone();
        for (k, v) in &kept.answers {
            file.answers.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (k, v) in &kept.profile {
            file.profile.entry(k.clone()).or_insert_with(|| v.clone());
        }
        WithKept {
            file,
            fields: &kept.fields,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::LocalText;

    #[test]
    fn unknown_fields_and_dropped_answers_survive_a_save() {
        let src = "\u{feff}{\"questionnaire\": {\"id\": \"q\", \"version\": \"2\"},
            \"answers\": {\"old\": [\"a\", \"b\"], \"now\": \"x\"}, \"tool\": {\"by\": \"excel\"}}";
        let dropped = [Dropped {
            question: "old".into(),
            reason: LocalText::new("z", "e"),
        }];
        let kept = Kept::from_source(src, &dropped);
        assert!(!kept.is_empty());
        let file: AnswerFile = serde_json::from_str(&src[3..]).unwrap();
        let mut now = file.clone();
        now.answers.insert("now".into(), Value::from("y"));
        now.answers.remove("old");
        let saved = serde_json::to_value(now.with_kept(&kept)).unwrap();
        assert_eq!(saved["answers"]["old"], serde_json::json!(["a", "b"]));
        assert_eq!(saved["answers"]["now"], "y", "the answer given now wins");
        assert_eq!(saved["tool"]["by"], "excel");
        let text = serde_json::to_string_pretty(&now.with_kept(&kept)).unwrap();
        assert!(
            text.find("\"questionnaire\"") < text.find("\"tool\""),
            "own fields first: {text}"
        );
    }
}
