//! Carries an answer file of another questionnaire version over to this one, as the
//! questions' `previously` declare: what maps is kept, what does not is reported.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{DONT_KNOW, Dropped, NOT_APPLICABLE};
use crate::domain::model::{Previously, Question, QuestionKind, Questionnaire};
use crate::domain::text::{Arg, Bilingual, LocalText};
use crate::domain::validate::words as w;

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
    let from = Earlier {
        q,
        version,
        taken: &taken,
    };
    for question in q.questions.iter().filter(|x| !x.previously.is_empty()) {
        if question.kind == QuestionKind::Matrix {
            if let Some(v) = from.matrix(question, answers, &mut consumed, &mut dropped) {
                out.insert(question.id.to_string(), v);
            }
            continue;
        }
        let mut ticks: Vec<String> = Vec::new();
        let mut single: Option<Value> = None;
        // An earlier list with nothing ticked is an answer too ("none of these" unticked).
        let mut listed = false;
        for prev in &question.previously {
            let Some(old) = answers.get(prev.question.as_str()) else {
                continue;
            };
            consumed.insert(prev.question.as_str());
            let lost = |what: &str| from.lost(w::NO_OPTION_TO_CARRY, question, prev, what, "");
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

/// An answer file of an earlier version, as a matrix question reads it.
struct Earlier<'a> {
    q: &'a Questionnaire,
    version: &'a str,
    /// Earlier (question, option) pairs some question of this version takes.
    taken: &'a BTreeSet<(&'a str, &'a str)>,
}

impl<'a> Earlier<'a> {
    /// A matrix's answer from its `previously`: an earlier matrix row by row (`rows` maps the
    /// rows, `options` the columns; an empty map keeps the ids), or an earlier question that
    /// was one row (`row`). "Don't know" or "not applicable" of an earlier matrix answers this
    /// one whole; of an earlier one-row question it cannot, and the row is reported.
    fn matrix(
        &self,
        question: &Question,
        answers: &'a BTreeMap<String, Value>,
        consumed: &mut BTreeSet<&'a str>,
        dropped: &mut Vec<Dropped>,
    ) -> Option<Value> {
        let mut rows: serde_json::Map<String, Value> = serde_json::Map::new();
        let mut whole: Option<Value> = None;
        for prev in &question.previously {
            let Some((key, old)) = answers.get_key_value(prev.question.as_str()) else {
                continue;
            };
            consumed.insert(key.as_str());
            let special = matches!(old, Value::String(s) if s == DONT_KNOW || s == NOT_APPLICABLE);
            match (prev.row.as_deref(), old) {
                (None, _) if special => {
                    whole.get_or_insert_with(|| old.clone());
                }
                (Some(row), _) if special => {
                    dropped.push(self.lost(w::WHOLE_NOT_ROW, question, prev, row, &plain(old)));
                }
                (Some(row), value) => self.cell(question, prev, row, value, &mut rows, dropped),
                (None, Value::Object(old_rows)) => {
                    for (old_row, value) in old_rows {
                        let row = if prev.rows.is_empty() {
                            Some(old_row.as_str())
                        } else {
                            prev.rows.get(old_row).map(String::as_str)
                        };
                        match row {
                            Some(row) => self.cell(question, prev, row, value, &mut rows, dropped),
                            None => dropped.push(self.lost(
                                w::NO_ROW_TO_CARRY,
                                question,
                                prev,
                                old_row,
                                "",
                            )),
                        }
                    }
                }
                (None, other) => dropped.push(self.lost(
                    w::NO_OPTION_TO_CARRY,
                    question,
                    prev,
                    &plain(other),
                    "",
                )),
            }
        }
        if !rows.is_empty() {
            Some(Value::Object(rows))
        } else {
            whole
        }
    }

    /// Puts an earlier value into row `row`: its options mapped, ticks added to the row's,
    /// a scale row's first value kept.
    fn cell(
        &self,
        question: &Question,
        prev: &Previously,
        row: &str,
        value: &Value,
        rows: &mut serde_json::Map<String, Value>,
        dropped: &mut Vec<Dropped>,
    ) {
        let items: Vec<String> = match value {
            Value::Null => return,
            Value::Array(items) => items.iter().map(plain).collect(),
            other => vec![plain(other)],
        };
        let mut mapped = Vec::with_capacity(items.len());
        for s in items {
            let new = if prev.options.is_empty() {
                Some(s.clone())
            } else {
                prev.options.get(&s).cloned()
            };
            match new {
                Some(n) => mapped.push(n),
                None if !self.taken.contains(&(prev.question.as_str(), s.as_str())) => {
                    dropped.push(self.lost(w::NO_OPTION_TO_CARRY, question, prev, &s, ""))
                }
                None => {}
            }
        }
        if question.ticks {
            let Value::Array(now) = rows
                .entry(row.to_string())
                .or_insert_with(|| Value::Array(Vec::new()))
            else {
                return;
            };
            for m in mapped {
                if !now.iter().any(|x| x.as_str() == Some(m.as_str())) {
                    now.push(Value::String(m));
                }
            }
        } else if let Some(first) = mapped.into_iter().next() {
            rows.entry(row.to_string()).or_insert(Value::String(first));
        }
    }

    /// An earlier answer to `prev` that `question` cannot take, said by `entry`: its
    /// placeholders are {0} the file's version, {1} this one, {2} the earlier question, {3}
    /// this question, {4} the value or row, {5} the earlier answer.
    fn lost(
        &self,
        entry: Bilingual,
        question: &Question,
        prev: &Previously,
        what: &str,
        old: &str,
    ) -> Dropped {
        let args: [&dyn Arg; 6] = [
            &self.version,
            &self.q.version,
            &prev.question,
            &question.id,
            &what,
            &old,
        ];
        Dropped {
            question: prev.question.to_string(),
            reason: LocalText::fill(entry, &args),
        }
    }
}

/// A JSON value as an option id: a string as it is, anything else as written.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
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

    /// The matrix fixture with `previously` on both grids: `tech` (a 0–5 scale) was one
    /// question per row in 0.9 (`sim_q`, `iot_q`, the 0–5 step as a number or a string), and
    /// `invest` (tick columns) was a grid with other row and column ids.
    fn matrix_versions() -> Instrument {
        let src = include_str!("../../../tests/fixtures/questionnaires/valid/matrix.json");
        let mut j: Value = serde_json::from_str(src).expect("fixture");
        for x in j["questions"].as_array_mut().expect("questions") {
            if x["id"] == "tech" {
                x["previously"] = v(r#"[{"question": "sim_q", "row": "sim"},
                    {"question": "iot_q", "row": "iot"}]"#);
            }
            if x["id"] == "invest" {
                x["previously"] = v(r#"[{"question": "invest_old",
                    "rows": {"design_rd": "design", "selling": "sales"},
                    "options": {"yes": "invested", "plan": "planned"}}]"#);
            }
        }
        Instrument::load("matrix.json", &j.to_string()).expect("valid")
    }

    #[test]
    fn a_grid_takes_earlier_one_row_questions_and_an_earlier_grid_row_by_row() {
        let inst = matrix_versions();
        let q = &inst.questionnaire;
        let mut answers = BTreeMap::new();
        answers.insert("sim_q".to_string(), v("3"));
        answers.insert("iot_q".to_string(), v("\"5\""));
        answers.insert(
            "invest_old".to_string(),
            v(r#"{"design_rd": ["yes", "plan"], "selling": [], "legacy": ["yes"], "admin": ["maybe"]}"#),
        );
        let (out, dropped) = migrate(q, "0.9", &answers);
        assert_eq!(out["tech"], v(r#"{"sim": "3", "iot": "5"}"#));
        // Rows and columns renamed; an empty tick row stays an answer; `admin` is not in the
        // row map, so it is reported, as is `legacy`.
        assert_eq!(
            out["invest"],
            v(r#"{"design": ["invested", "planned"], "sales": []}"#)
        );
        assert!(!out.contains_key("sim_q") && !out.contains_key("invest_old"));
        let reasons: Vec<&str> = dropped.iter().map(|d| d.reason.en.as_str()).collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("\"legacy\" of question `invest_old`"))
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("\"admin\" of question `invest_old`"))
        );
        // The carried answers read as this version's: the grid answers are real answers.
        let file = serde_json::json!({
            "questionnaire": {"id": q.id.as_str(), "version": q.version},
            "answers": out,
        });
        let read = inst
            .load_answers("a.json", &file.to_string())
            .expect("readable");
        assert!(read.dropped.is_empty(), "{:?}", read.dropped);
    }

    #[test]
    fn an_earlier_dont_know_answers_a_whole_grid_but_not_one_row() {
        let inst = matrix_versions();
        let q = &inst.questionnaire;
        let mut answers = BTreeMap::new();
        answers.insert("sim_q".to_string(), v("\"dont_know\""));
        answers.insert("invest_old".to_string(), v("\"dont_know\""));
        answers.insert("iot_q".to_string(), v("\"9\""));
        let (out, dropped) = migrate(q, "0.9", &answers);
        assert_eq!(out["invest"], v("\"dont_know\""));
        // sim's "don't know" cannot be one row; iot's 9 is carried as written (no option map)
        // and left to the reader, which names the unknown option.
        assert_eq!(out["tech"], v(r#"{"iot": "9"}"#));
        assert_eq!(dropped.len(), 1, "{dropped:?}");
        assert!(dropped[0].reason.en.contains("not its row \"sim\" alone"));
        assert!(dropped[0].reason.zh.contains("“sim”这一行"));
    }
}
