//! A follow-up check: which earlier answer file a new one follows (`follows`), and, answer by
//! answer, whether the owner confirmed or changed it while walking through (`reviewed`).
//!
//! An answer carried over from the earlier file and never visited has no mark: it is neither
//! confirmed nor changed. Both fields are optional, so files written before them stay readable.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Answer, AnswerSet};
use crate::domain::model::QuestionId;

/// The earlier answer file a follow-up check started from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Follows {
    /// The earlier file's path as it was when the follow-up started.
    pub path: String,
    /// `sha256:` and the hex digest of the earlier file's bytes: tells whether the file at
    /// `path` is still the one followed.
    pub sha256: String,
    /// When the earlier file was last saved (its own `saved_at`), if it said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<String>,
}

impl Follows {
    /// The reference to an earlier file read as `bytes` from `path`.
    pub fn of(path: String, bytes: &[u8], saved_at: Option<String>) -> Follows {
        Follows {
            path,
            sha256: digest(bytes),
            saved_at,
        }
    }

    /// Whether `bytes` are still the earlier file this one follows.
    pub fn is(&self, bytes: &[u8]) -> bool {
        self.sha256 == digest(bytes)
    }
}

/// `sha256:` and the 64 hex digits of the digest of `bytes`.
pub fn digest(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// What the owner did with an answer of a follow-up check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reviewed {
    /// Answered again as last time.
    Confirmed,
    /// Answered differently from last time (or answered now, not last time, or cleared).
    Changed,
}

impl Reviewed {
    /// The mark for answering `now` where the earlier check had `earlier`.
    pub fn of(earlier: Option<&Answer>, now: Option<&Answer>) -> Reviewed {
        if earlier == now {
            Reviewed::Confirmed
        } else {
            Reviewed::Changed
        }
    }
}

/// A follow-up in progress: the reference, the earlier answers (when the earlier file is still
/// there and unchanged) and the marks given so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowUp {
    pub follows: Option<Follows>,
    /// The earlier check's answers; `None` when its file is gone or was changed since, and
    /// then no new marks can be given (the marks already given stay).
    pub earlier: Option<AnswerSet>,
    pub reviewed: BTreeMap<QuestionId, Reviewed>,
}

impl FollowUp {
    /// Marks question `id` answered `now`; returns whether its mark changed (to be saved).
    pub fn mark(&mut self, id: &QuestionId, now: Option<&Answer>) -> bool {
        let Some(earlier) = &self.earlier else {
            return false;
        };
        let mark = Reviewed::of(earlier.get(id), now);
        self.reviewed.insert(id.clone(), mark) != Some(mark)
    }

    /// The mark of question `id`, if the owner has visited and answered it.
    pub fn mark_of(&self, id: &QuestionId) -> Option<Reviewed> {
        self.reviewed.get(id).copied()
    }

    /// (confirmed, changed) counts.
    pub fn counts(&self) -> (usize, usize) {
        let confirmed = self
            .reviewed
            .values()
            .filter(|r| **r == Reviewed::Confirmed)
            .count();
        (confirmed, self.reviewed.len() - confirmed)
    }

    /// The marks as the answer file writes them, by question id.
    pub fn reviewed_map(&self) -> BTreeMap<String, Reviewed> {
        self.reviewed
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect()
    }

    /// The marks of an answer file, for the questions `q` has (others are left out).
    pub fn marks_from(
        q: &crate::domain::model::Questionnaire,
        reviewed: &BTreeMap<String, Reviewed>,
    ) -> BTreeMap<QuestionId, Reviewed> {
        reviewed
            .iter()
            .map(|(k, v)| (QuestionId(k.as_str().into()), *v))
            .filter(|(k, _)| q.question(k).is_some())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::OptionId;

    #[test]
    fn marks_say_confirmed_or_changed_against_the_earlier_answer() {
        let id = QuestionId("q1".into());
        let yes = Answer::Choice(OptionId("yes".into()));
        let no = Answer::Choice(OptionId("no".into()));
        let mut earlier = AnswerSet::new();
        earlier.set(id.clone(), yes.clone());
        let mut f = FollowUp {
            earlier: Some(earlier),
            ..FollowUp::default()
        };
        assert_eq!(f.mark_of(&id), None, "carried over, not visited: no mark");
        assert!(f.mark(&id, Some(&yes)));
        assert_eq!(f.mark_of(&id), Some(Reviewed::Confirmed));
        assert!(!f.mark(&id, Some(&yes)), "the same mark again is no change");
        assert!(f.mark(&id, Some(&no)));
        assert_eq!(f.mark_of(&id), Some(Reviewed::Changed));
        assert!(
            !f.mark(&id, None),
            "cleared is still a change: the mark stays"
        );
        assert_eq!(f.mark_of(&id), Some(Reviewed::Changed));
        assert_eq!(f.counts(), (0, 1));
        let other = QuestionId("q2".into());
        assert!(f.mark(&other, None), "unanswered then and now: confirmed");
        assert_eq!(f.mark_of(&other), Some(Reviewed::Confirmed));
    }

    #[test]
    fn without_the_earlier_answers_no_new_mark_is_given() {
        let mut f = FollowUp::default();
        assert!(!f.mark(&QuestionId("q1".into()), None));
        assert!(f.reviewed.is_empty());
    }

    #[test]
    fn the_digest_tells_the_earlier_file_apart() {
        let f = Follows::of("a.json".into(), b"{}", None);
        assert!(f.is(b"{}"));
        assert!(!f.is(b"{ }"));
        assert_eq!(f.sha256.len(), "sha256:".len() + 64);
        let json = serde_json::to_value(&f).unwrap();
        assert!(json.get("saved_at").is_none(), "absent, not null: {json}");
        let back: Follows = serde_json::from_value(json).unwrap();
        assert_eq!(back, f);
        assert_eq!(
            serde_json::to_value(Reviewed::Confirmed).unwrap(),
            "confirmed"
        );
    }
}
