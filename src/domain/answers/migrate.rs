//! Carries an answer file of another questionnaire version over to this one, as the
//! questions' `previously` declare: what maps is kept, what does not is reported.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{DONT_KNOW, Dropped, NOT_APPLICABLE};
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::text::LocalText;

/// The answers of `answers` (written for `version`) as this questionnaire's questions read
/// them, and what could not be carried over and why. Answers whose question no `previously`
/// names stay under their own id, to be read (or reported as unknown) as usual.
pub fn migrate(
    q: &Questionnaire,
    version: &str,
    answers: &BTreeMap<String, Value>,
) -> (BTreeMap<String, Value>, Vec<Dropped>) {
    let mut out: BTreeMap<String, Value> = BTreeMap::new();
    let mut dropped = Vec::new();
    let mut consumed: BTreeSet<&str> = BTreeSet::new();
    // An earlier option may move to another question (a split): it is lost only when no
    // question takes it.
    let taken: BTreeSet<(&str, &str)> = q
        .questions
        .iter()
        .flat_map(|x| &x.previously)
        .flat_map(|p| p.options.keys().map(|o| (p.question.as_str(), o.as_str())))
        .collect();
    for question in q.questions.iter().filter(|x| !x.previously.is_empty()) {
        let mut ticks: Vec<String> = Vec::new();
        let mut single: Option<Value> = None;
        // An earlier list with nothing ticked is an answer too ("none of these" unticked).
        let mut listed = false;
        for prev in &question.previously {
            let Some(old) = answers.get(prev.question.as_str()) else {
                continue;
            };
            consumed.insert(prev.question.as_str());
            let lost = |what: &str| Dropped {
                question: prev.question.to_string(),
                reason: LocalText::new(
                    format!(
                        "{version} 版的“{what}”在 {} 版的第 `{}` 题里没有对应的选项，请重新回答这道题",
                        q.version, question.id
                    ),
                    format!(
                        "\"{what}\" from version {version} has no counterpart in question `{}` of version {}; please answer that question again",
                        question.id, q.version
                    ),
                ),
            };
            match old {
                Value::String(s) if s == DONT_KNOW || s == NOT_APPLICABLE => {
                    single.get_or_insert_with(|| old.clone());
                }
                Value::String(s) if prev.options.is_empty() => {
                    single.get_or_insert_with(|| Value::String(s.clone()));
                }
                Value::String(s) => match prev.options.get(s) {
                    Some(new) if question.kind == QuestionKind::Multi => ticks.push(new.clone()),
                    Some(new) => {
                        single.get_or_insert_with(|| Value::String(new.clone()));
                    }
                    None if !taken.contains(&(prev.question.as_str(), s.as_str())) => {
                        dropped.push(lost(s))
                    }
                    None => {}
                },
                Value::Array(items) => {
                    listed = true;
                    for item in items {
                        let Some(s) = item.as_str() else { continue };
                        match prev.options.get(s) {
                            Some(new) => ticks.push(new.clone()),
                            None if !taken.contains(&(prev.question.as_str(), s)) => {
                                dropped.push(lost(s))
                            }
                            None => {}
                        }
                    }
                }
                other => {
                    single.get_or_insert_with(|| other.clone());
                }
            }
        }
        // An earlier "none of these" beside ticks mapped from another question says nothing
        // about this one's other options: keep only what does not break the exclusive rule.
        if ticks.len() > 1 {
            let exclusive = |id: &String| question.option_str(id).is_some_and(|o| o.exclusive);
            if ticks.iter().any(|t| !exclusive(t)) {
                ticks.retain(|t| !exclusive(t));
            }
        }
        let mut seen = BTreeSet::new();
        ticks.retain(|t| seen.insert(t.clone()));
        ticks.sort_by_key(|t| question.options.iter().position(|o| o.id.as_str() == t));
        let value = match (question.kind, single) {
            (QuestionKind::Multi, Some(special)) if ticks.is_empty() => Some(special),
            (QuestionKind::Multi, _) if !ticks.is_empty() => {
                Some(Value::Array(ticks.into_iter().map(Value::String).collect()))
            }
            // The earlier list had none of this question's options ticked: so is this one.
            (QuestionKind::Multi, _) if listed => Some(Value::Array(Vec::new())),
            (QuestionKind::Multi, _) => None,
            (_, single) => single,
        };
        if let Some(v) = value {
            out.insert(question.id.to_string(), v);
        }
    }
    for (key, value) in answers {
        if consumed.contains(key.as_str()) || out.contains_key(key) {
            continue;
        }
        out.insert(key.clone(), value.clone());
    }
    (out, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Instrument;

    fn v(s: &str) -> Value {
        serde_json::from_str(s).expect("json")
    }

    #[test]
    fn a_split_question_takes_each_option_to_its_new_home_and_reports_the_rest() {
        let inst = Instrument::builtin().expect("built-in");
        let q = &inst.questionnaire;
        let Some(biz) = q.questions.iter().find(|x| {
            !x.previously.is_empty()
                && x.previously
                    .iter()
                    .any(|p| p.question.as_str() != x.id.as_str())
        }) else {
            return; // a questionnaire without moved questions has nothing to test here
        };
        let from = &biz.previously[0];
        let (old_opt, new_opt) = from
            .options
            .iter()
            .find(|(_, n)| biz.option_str(n).is_some_and(|o| !o.exclusive))
            .expect("a mapped option");
        let mut answers = BTreeMap::new();
        answers.insert(
            from.question.to_string(),
            v(&format!("[\"{old_opt}\", \"no_such_option\"]")),
        );
        let (out, dropped) = migrate(q, "0.9", &answers);
        let got = out.get(biz.id.as_str()).expect("carried over");
        assert!(
            got.as_array()
                .expect("ticks")
                .iter()
                .any(|t| t == new_opt.as_str())
        );
        assert!(
            dropped
                .iter()
                .any(|d| d.reason.en.contains("no_such_option")),
            "{dropped:?}"
        );
    }

    #[test]
    fn answers_no_question_claims_stay_under_their_own_id() {
        let inst = Instrument::builtin().expect("built-in");
        let mut answers = BTreeMap::new();
        answers.insert("zz_gone".to_string(), v("\"x\""));
        let (out, dropped) = migrate(&inst.questionnaire, "0.9", &answers);
        assert_eq!(out.get("zz_gone"), Some(&v("\"x\"")));
        assert!(dropped.is_empty());
    }
}
