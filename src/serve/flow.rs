//! The order a phone walks the questionnaire in (skip logic applied) and how a submitted form
//! becomes an [`Answer`]. Pure: no HTTP, no files.

use crate::domain::answers::{Answer, AnswerSet, DONT_KNOW, NOT_APPLICABLE};
use crate::domain::model::{Question, QuestionKind, Questionnaire};
use crate::domain::output;
use crate::domain::score::visibility;
use crate::domain::text::{Lang, LocalText};

use super::form::Form;
use super::text as t;

/// The explicit non-answers a question offers besides its options, as (value in the answer
/// file, label). A new kind of explicit answer is one more entry here; the answer reader
/// ([`Answer::from_json`]) decides whether the question accepts it.
pub fn specials(q: &Question) -> Vec<(&'static str, LocalText)> {
    let mut out = Vec::new();
    if q.dont_know && q.kind != QuestionKind::Text {
        out.push((DONT_KNOW, LocalText::fill(output::DONT_KNOW, &[])));
    }
    if q.not_applicable && q.kind != QuestionKind::Text {
        out.push((NOT_APPLICABLE, LocalText::fill(output::NOT_APPLICABLE, &[])));
    }
    out
}

/// The value of a special answer, when `a` is one.
pub fn special_value(a: &Answer) -> Option<&'static str> {
    match a {
        Answer::DontKnow => Some(DONT_KNOW),
        Answer::NotApplicable => Some(NOT_APPLICABLE),
        Answer::Choice(_)
        | Answer::Choices(_)
        | Answer::Number(_)
        | Answer::Text(_)
        | Answer::Matrix(_) => None,
    }
}

/// Indices of the questions asked, in order, given these answers.
pub fn asked(q: &Questionnaire, answers: &AnswerSet) -> Vec<usize> {
    visibility(q, answers)
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| v.then_some(i))
        .collect()
}

/// Where question `i` stands among those asked: (1-based place, how many are asked).
pub fn place(order: &[usize], i: usize) -> (usize, usize) {
    let at = order.iter().position(|&j| j == i).map_or(0, |p| p + 1);
    (at, order.len())
}

/// The asked question after `i`.
pub fn next(order: &[usize], i: usize) -> Option<usize> {
    order.iter().copied().find(|&j| j > i)
}

/// The asked question before `i`.
pub fn previous(order: &[usize], i: usize) -> Option<usize> {
    order.iter().copied().rfind(|&j| j < i)
}

/// The first asked question without an answer.
pub fn first_open(q: &Questionnaire, answers: &AnswerSet, order: &[usize]) -> Option<usize> {
    order
        .iter()
        .copied()
        .find(|&i| answers.get(&q.questions[i].id).is_none())
}

/// The longest free-text answer kept (characters).
pub const MAX_TEXT: usize = 2000;

/// What a submitted question form means: `Ok(None)` when nothing was chosen (the phone moves
/// on without saving), or a message for the participant.
pub fn answer_from_form(q: &Question, form: &Form) -> Result<Option<Answer>, LocalText> {
    use serde_json::Value;
    let picked: Vec<&str> = form.all("a").collect();
    let special = picked
        .iter()
        .find(|v| specials(q).iter().any(|(s, _)| s == *v))
        .copied();
    let value = match (special, q.kind) {
        (Some(_), QuestionKind::Multi) if picked.len() > 1 => {
            return Err(LocalText::fill(t::SPECIAL_ALONE, &[]));
        }
        (Some(s), _) => Value::String(s.to_string()),
        (None, QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo) => {
            match picked.as_slice() {
                [] => return Ok(None),
                [one] => Value::String((*one).to_string()),
                _ => return Err(bad_form()),
            }
        }
        (None, QuestionKind::Multi) => {
            let exclusive = picked
                .iter()
                .any(|id| q.option_str(id).is_some_and(|o| o.exclusive));
            if exclusive && picked.len() > 1 {
                return Err(LocalText::fill(t::EXCLUSIVE_ALONE, &[]));
            }
            Value::Array(
                picked
                    .iter()
                    .map(|s| Value::String(s.to_string()))
                    .collect(),
            )
        }
        (None, QuestionKind::Number) => {
            let typed = form.get("n").unwrap_or("").trim().replace(',', "");
            if typed.is_empty() {
                return Ok(None);
            }
            let Ok(x) = typed.parse::<f64>() else {
                return Err(LocalText::fill(t::NOT_A_NUMBER, &[&typed]));
            };
            match serde_json::Number::from_f64(x) {
                Some(n) => Value::Number(n),
                None => {
                    return Err(LocalText::fill(t::NOT_FINITE, &[]));
                }
            }
        }
        // One field per row, `m<row position>`: a scale row's one value, a tick row's boxes.
        // A tick matrix always comes back answered (a row with no box ticks nothing).
        (None, QuestionKind::Matrix) => {
            let mut rows = serde_json::Map::new();
            for (k, r) in q.rows.iter().enumerate() {
                let name = format!("m{k}");
                let vals: Vec<Value> = form.all(&name).map(|v| Value::String(v.into())).collect();
                match (q.ticks, vals.len()) {
                    (true, _) => {
                        rows.insert(r.id.to_string(), Value::Array(vals));
                    }
                    (false, 0) => {}
                    (false, 1) => {
                        rows.extend(vals.into_iter().map(|v| (r.id.to_string(), v)));
                    }
                    (false, _) => return Err(bad_form()),
                }
            }
            if rows.is_empty() {
                return Ok(None);
            }
            Value::Object(rows)
        }
        (None, QuestionKind::Text) => {
            let t = crate::workshop::text::clean(form.get("t").unwrap_or(""));
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            if t.chars().count() > MAX_TEXT {
                return Err(LocalText::fill(t::TOO_LONG, &[&MAX_TEXT]));
            }
            Value::String(t.to_string())
        }
    };
    Answer::from_json(q, &value)
}

/// The message for a form no page of ours sends.
pub fn bad_form() -> LocalText {
    LocalText::fill(t::BAD_FORM, &[])
}

/// How a recorded matrix answer pre-fills row `row`: which option values are ticked.
pub fn ticked_row(q: &Question, a: Option<&Answer>, row: usize) -> Vec<String> {
    match (a, q.rows.get(row)) {
        (Some(Answer::Matrix(m)), Some(r)) => m
            .row(r.id.as_str())
            .unwrap_or(&[])
            .iter()
            .map(|o| o.to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// How a recorded answer pre-fills the page: which option values are ticked.
pub fn ticked(a: Option<&Answer>) -> Vec<String> {
    match a {
        Some(Answer::Choice(o)) => vec![o.to_string()],
        Some(Answer::Choices(os)) => os.iter().map(|o| o.to_string()).collect(),
        Some(other) => special_value(other)
            .map(str::to_string)
            .into_iter()
            .collect(),
        None => Vec::new(),
    }
}

/// The progress line, e.g. "12 / 45".
pub fn progress_label(at: usize, of: usize, _lang: Lang) -> String {
    format!("{at} / {of}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::Instrument;

    fn q_of(inst: &Instrument, kind: QuestionKind, dont_know: bool) -> Question {
        inst.questionnaire
            .questions
            .iter()
            .find(|q| q.kind == kind && q.dont_know == dont_know)
            .cloned()
            .unwrap_or_else(|| panic!("no {kind:?} question with dont_know={dont_know}"))
    }

    fn form(s: &str) -> Form {
        Form::parse(s).unwrap()
    }

    #[test]
    fn a_matrix_form_is_one_field_per_row_and_the_page_prefills_it() {
        let src = include_str!("../../tests/fixtures/questionnaires/valid/matrix.json");
        let inst = Instrument::from_sources(
            "matrix.json",
            src,
            "p.json",
            crate::domain::instrument::BUILTIN_PROPOSALS,
        )
        .unwrap();
        let q = |id: &str| {
            inst.questionnaire
                .question(&crate::domain::model::QuestionId(id.into()))
                .unwrap()
                .clone()
        };
        let (tech, invest) = (q("tech"), q("invest"));
        // Rows by position: m0 = sim, m2 = cad; iot left open.
        let a = answer_from_form(&tech, &form("m0=5&m2=0"))
            .unwrap()
            .unwrap();
        assert_eq!(a.to_json(), serde_json::json!({"sim": "5", "cad": "0"}));
        assert_eq!(answer_from_form(&tech, &form("")), Ok(None));
        assert!(
            answer_from_form(&tech, &form("m0=5&m0=4")).is_err(),
            "one per row"
        );
        assert!(
            answer_from_form(&tech, &form("m0=9")).is_err(),
            "no such option"
        );
        assert_eq!(
            answer_from_form(&tech, &form("a=dont_know")),
            Ok(Some(Answer::DontKnow))
        );
        // Tick columns: every row comes back, a row with no box ticked ticks nothing.
        let a = answer_from_form(&invest, &form("m0=invested&m0=planned&m1=planned"))
            .unwrap()
            .unwrap();
        assert_eq!(
            a.to_json(),
            serde_json::json!({"design": ["invested", "planned"], "sales": ["planned"], "admin": []})
        );
        // The page: a table, radio buttons named per row, the answer ticked, labels for
        // screen readers naming row and column.
        let page = crate::serve::pages::question(
            &crate::serve::pages::Frame {
                lang: Lang::En,
                workshop: "w",
                here: "/q/tech",
            },
            &tech,
            &crate::serve::pages::QuestionPage {
                section: "s",
                at: 1,
                of: 2,
                answer: answer_from_form(&tech, &form("m1=3")).unwrap().as_ref(),
                back: "/".into(),
                error: None,
                typed: None,
            },
        );
        assert!(page.contains("<table>"), "{page}");
        assert!(
            page.contains("<input type=\"radio\" id=\"m1o3\" name=\"m1\" value=\"3\" checked>")
        );
        assert!(page.contains("<span class=\"sr\">IoT · Testing</span>"));
        assert_eq!(page.matches(" checked>").count(), 1);
        assert_eq!(page.matches("name=\"m0\"").count(), tech.options.len());
    }

    #[test]
    fn forms_become_answers_through_the_one_reader() {
        let inst = Instrument::builtin().unwrap();
        let single = q_of(&inst, QuestionKind::Single, true);
        let o = single.options[0].id.to_string();
        assert_eq!(
            answer_from_form(&single, &form(&format!("a={o}"))),
            Ok(Some(Answer::Choice(single.options[0].id.clone())))
        );
        assert_eq!(
            answer_from_form(&single, &form("a=dont_know")),
            Ok(Some(Answer::DontKnow))
        );
        assert_eq!(answer_from_form(&single, &form("")), Ok(None));
        assert!(answer_from_form(&single, &form("a=nonsense")).is_err());
        assert!(answer_from_form(&single, &form(&format!("a={o}&a={o}"))).is_err());

        let multi = q_of(&inst, QuestionKind::Multi, false);
        let ids: Vec<_> = multi
            .options
            .iter()
            .filter(|o| !o.exclusive)
            .map(|o| o.id.to_string())
            .collect();
        let got = answer_from_form(&multi, &form(&format!("a={}&a={}", ids[0], ids[1])));
        assert!(
            matches!(got, Ok(Some(Answer::Choices(ref v))) if v.len() == 2),
            "{got:?}"
        );
        assert_eq!(
            answer_from_form(&multi, &form("")),
            Ok(Some(Answer::Choices(vec![])))
        );
        if let Some(ex) = multi.options.iter().find(|o| o.exclusive) {
            assert!(answer_from_form(&multi, &form(&format!("a={}&a={}", ex.id, ids[0]))).is_err());
        }

        let number = inst
            .questionnaire
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Number)
            .unwrap();
        let n = number.min.unwrap_or(0.0);
        assert_eq!(
            answer_from_form(number, &form(&format!("n={n}"))),
            Ok(Some(Answer::Number(n)))
        );
        assert!(answer_from_form(number, &form("n=abc")).is_err());
        assert!(answer_from_form(number, &form("n=1e999")).is_err());
        assert!(answer_from_form(number, &form("n=-1e300")).is_err() || number.min.is_none());

        let text = q_of(&inst, QuestionKind::Text, false);
        assert_eq!(
            answer_from_form(&text, &form("t=%3Cb%3E+hi+")),
            Ok(Some(Answer::Text("<b> hi".into())))
        );
        let long = "x".repeat(MAX_TEXT + 1);
        assert!(answer_from_form(&text, &form(&format!("t={long}"))).is_err());
    }

    #[test]
    fn not_applicable_is_offered_where_the_questionnaire_has_it() {
        let inst = Instrument::builtin().unwrap();
        let q = &inst.questionnaire;
        let na = q
            .questions
            .iter()
            .find(|x| x.not_applicable && x.kind != QuestionKind::Multi)
            .expect("a question offering not applicable");
        assert!(specials(na).iter().any(|(v, _)| *v == NOT_APPLICABLE));
        let got = answer_from_form(na, &form("a=not_applicable"));
        assert_eq!(got, Ok(Some(Answer::NotApplicable)));
        assert_eq!(
            ticked(Some(&Answer::NotApplicable)),
            vec![NOT_APPLICABLE.to_string()]
        );
        let without = q
            .questions
            .iter()
            .find(|x| !x.not_applicable && x.kind == QuestionKind::Single)
            .expect("a question without it");
        assert!(!specials(without).iter().any(|(v, _)| *v == NOT_APPLICABLE));
        assert!(answer_from_form(without, &form("a=not_applicable")).is_err());
    }

    #[test]
    fn the_walk_follows_skip_logic() {
        let inst = Instrument::builtin().unwrap();
        let q = &inst.questionnaire;
        let all = asked(q, &AnswerSet::new());
        // Find a question that hides others, answer it each way, and watch the order change.
        let gate = q.questions.iter().find_map(|x| {
            x.visible_if.as_ref()?;
            Some(())
        });
        assert!(gate.is_some(), "the built-in questionnaire has skip logic");
        let mut changed = false;
        for (i, question) in q.questions.iter().enumerate() {
            if !question.has_options() || question.kind == QuestionKind::Multi {
                continue;
            }
            for o in &question.options {
                let mut a = AnswerSet::new();
                a.set(question.id.clone(), Answer::Choice(o.id.clone()));
                let order = asked(q, &a);
                if order.len() != all.len() {
                    changed = true;
                    assert!(order.contains(&i));
                    let (at, of) = place(&order, i);
                    assert!(at >= 1 && at <= of);
                    assert_eq!(previous(&order, order[0]), None);
                    assert_eq!(next(&order, *order.last().unwrap()), None);
                }
            }
        }
        assert!(changed);
        assert_eq!(first_open(q, &AnswerSet::new(), &all), Some(all[0]));
    }
}
