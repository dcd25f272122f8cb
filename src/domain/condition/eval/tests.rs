//! Each kind of condition, evaluated on a small questionnaire (tests/fixtures/…/mini.json):
//! whether it holds, and which answers it names as reasons.

use serde_json::json;

use super::*;
use crate::domain::condition::QuestionSet;
use crate::domain::instrument::{BUILTIN_PROPOSALS, Instrument};

fn mini() -> Instrument {
    let src = include_str!("../../../../tests/fixtures/questionnaires/valid/mini.json");
    Instrument::from_sources("mini.json", src, "p.json", BUILTIN_PROPOSALS).expect("mini")
}

/// A firm's answers, written as in an answer file; `profile` holds profile fields.
pub(super) fn firm(inst: &Instrument, answers: serde_json::Value) -> AnswerSet {
    let q = &inst.questionnaire;
    let mut set = AnswerSet::new();
    for (id, v) in answers.as_object().expect("object") {
        if id == "profile" {
            for (f, x) in v.as_object().expect("profile") {
                set.profile
                    .insert(f.clone(), x.as_str().expect("text").into());
            }
            continue;
        }
        let question = q.question(&QuestionId(id.as_str().into())).expect(id);
        let a = Answer::from_json(question, v)
            .expect("valid")
            .expect("given");
        set.set(question.id.clone(), a);
    }
    set
}

/// Derived results: every score `score`, breadth `breadth`, the depth ladder at rung
/// `rung`, levels at position 2, no finding.
fn derived(q: &Questionnaire, score: f64, breadth: f64, rung: usize) -> Derived {
    Derived {
        scores: vec![Some(score); q.dimensions().count() + q.areas.len() + 1],
        breadth: Some(breadth),
        rungs: vec![Some(rung)],
        levels: vec![Some(2); q.areas.len() + 1],
        findings: vec![false; q.findings.len()],
    }
}

/// Whether `condition` holds for `answers` (with `d` as derived results), and the ids of the
/// questions it names as reasons when it does.
pub(super) fn eval(
    inst: &Instrument,
    condition: serde_json::Value,
    answers: &AnswerSet,
    d: Option<&Derived>,
) -> (bool, Vec<String>) {
    let q = &inst.questionnaire;
    let c: Condition = serde_json::from_value(condition).expect("a condition");
    let c = C::compile(q, &c);
    let conditions = q.conditions();
    let (visible, slots) = conditions.visibility(q, answers);
    let e = Eval {
        questionnaire: q,
        answers,
        slots: &slots,
        visible: &visible,
        derived: d,
    };
    let holds = c.holds(&e);
    let mut why = QuestionSet::default();
    conditions.because(&c, &e, &mut why);
    let why = why.iter().map(|i| q.questions[*i].id.to_string()).collect();
    (holds, why)
}

/// Each case's condition holds or not as it says, and when it holds, for the reasons it names.
fn check<'a>(
    inst: &Instrument,
    a: &AnswerSet,
    d: Option<&Derived>,
    cases: impl IntoIterator<Item = (serde_json::Value, bool, Vec<&'a str>)>,
) {
    for (c, holds, why) in cases {
        let (h, w) = eval(inst, c.clone(), a, d);
        assert_eq!(h, holds, "{c}");
        if holds {
            assert_eq!(w, why, "reasons of {c}");
        }
    }
}

#[test]
fn answer_conditions_hold_on_real_answers_of_asked_questions_only() {
    let inst = mini();
    let a = firm(
        &inst,
        json!({"tools": ["office", "video"], "has_plant": "no", "mes": "s3", "erp": "partly",
               "tax": "dont_know", "staff": 12, "channels": ["none"],
               "profile": {"region": "county"}}),
    );
    let cases = [
        (
            json!({"choice": {"question": "tools", "any_of": ["video", "finance"]}}),
            true,
            vec!["tools"],
        ),
        (
            json!({"choice": {"question": "tools", "any_of": ["finance"]}}),
            false,
            vec![],
        ),
        (
            json!({"choice": {"question": "erp", "any_of": ["partly"]}}),
            true,
            vec!["erp"],
        ),
        (
            json!({"choice_all": {"question": "tools", "all_of": ["office", "video"]}}),
            true,
            vec!["tools"],
        ),
        (
            json!({"choice_all": {"question": "tools", "all_of": ["office", "finance"]}}),
            false,
            vec![],
        ),
        // An option the question lacks can never be ticked.
        (
            json!({"choice_all": {"question": "tools", "all_of": ["office", "fax"]}}),
            false,
            vec![],
        ),
        (
            json!({"count": {"question": "tools", "at_least": 2}}),
            true,
            vec!["tools"],
        ),
        (
            json!({"count": {"question": "tools", "at_most": 1}}),
            false,
            vec![],
        ),
        // An exclusive "none" is not counted.
        (
            json!({"count": {"question": "channels", "at_most": 0}}),
            true,
            vec!["channels"],
        ),
        (
            json!({"number": {"question": "staff", "at_least": 10, "below": 13}}),
            true,
            vec!["staff"],
        ),
        (
            json!({"number": {"question": "staff", "below": 12}}),
            false,
            vec![],
        ),
        (
            json!({"points": {"question": "erp", "at_least": 0.5, "below": 0.6}}),
            true,
            vec!["erp"],
        ),
        // `mes` is answered but hidden (no plant): as if unanswered.
        (
            json!({"choice": {"question": "mes", "any_of": ["s3"]}}),
            false,
            vec![],
        ),
        (json!({"answered": "mes"}), false, vec![]),
        (json!({"answered": "erp"}), true, vec!["erp"]),
        // "Don't know" is not a real answer, and says so.
        (json!({"answered": "tax"}), false, vec![]),
        (json!({"dont_know": "tax"}), true, vec!["tax"]),
        (
            json!({"choice": {"question": "tax", "any_of": ["a", "b", "m", "cd"]}}),
            false,
            vec![],
        ),
        (json!({"answered": "wish"}), false, vec![]),
        (
            json!({"profile": {"field": "region", "any_of": ["county"]}}),
            true,
            vec![],
        ),
        (
            json!({"profile": {"field": "region", "any_of": ["city"]}}),
            false,
            vec![],
        ),
        // A question the questionnaire lacks never holds.
        (json!({"answered": "gone"}), false, vec![]),
        (
            json!({"any": [{"answered": "gone"}, {"choice": {"question": "erp", "any_of": ["partly"]}},
                        {"choice": {"question": "tools", "any_of": ["finance"]}}]}),
            true,
            vec!["erp"],
        ),
        (
            json!({"all": [{"answered": "erp"}, {"count": {"question": "tools", "at_least": 2}}]}),
            true,
            vec!["tools", "erp"],
        ),
        // Under `not`, every question read with a real answer is a reason; "don't know" is not.
        (
            json!({"not": {"any": [{"choice": {"question": "tools", "any_of": ["finance"]}},
                                {"choice": {"question": "tax", "any_of": ["a"]}}]}}),
            true,
            vec!["tools"],
        ),
        (json!({"not": {"answered": "erp"}}), false, vec![]),
    ];
    check(&inst, &a, None, cases);
}

#[test]
fn not_applicable_is_a_fact_of_its_own() {
    let inst = mini();
    let mut q = inst.questionnaire.clone();
    q.questions[4].not_applicable = true;
    q.build_index();
    let inst = Instrument {
        questionnaire: q,
        ..inst
    };
    let a = firm(&inst, json!({"tax": "not_applicable"}));
    assert!(eval(&inst, json!({"not_applicable": "tax"}), &a, None).0);
    assert!(!eval(&inst, json!({"answered": "tax"}), &a, None).0);
    assert!(!eval(&inst, json!({"dont_know": "tax"}), &a, None).0);
}

#[test]
fn derived_conditions_read_scores_rungs_levels_and_findings() {
    let inst = mini();
    let q = &inst.questionnaire;
    let a = firm(
        &inst,
        json!({"tools": ["office", "video", "finance"], "has_plant": "yes", "mes": "s1",
               "erp": "yes", "tax": "a", "staff": 3}),
    );
    let d = derived(q, 45.0, 70.0, 1);
    let cases = [
        // Scores: the questions of the area answered below full points are the reasons.
        (
            json!({"score": {"of": "cloud", "below": 50}}),
            true,
            vec!["mes"],
        ),
        (
            json!({"score": {"of": "cloud.core", "at_least": 40, "below": 45}}),
            false,
            vec![],
        ),
        (
            json!({"score": {"of": "overall", "at_least": 45}}),
            true,
            vec!["mes", "staff"],
        ),
        (
            json!({"score": {"of": "nowhere", "at_least": 0}}),
            false,
            vec![],
        ),
        // Breadth: every answered breadth question.
        (json!({"breadth": {"at_least": 60}}), true, vec!["tools"]),
        (json!({"breadth": {"below": 60}}), false, vec![]),
        // Rungs by id; the reasons are the answered questions of the next rung's unmet needs.
        (
            json!({"rung": {"ladder": "depth", "below": "core"}}),
            true,
            vec!["has_plant", "mes"],
        ),
        (
            json!({"rung": {"ladder": "depth", "at_least": "basic", "below": "core"}}),
            true,
            vec!["has_plant", "mes"],
        ),
        (
            json!({"rung": {"ladder": "depth", "at_least": "core"}}),
            false,
            vec![],
        ),
        (
            json!({"rung": {"ladder": "depth", "below": "attic"}}),
            false,
            vec![],
        ),
        (
            json!({"level": {"area": "finance", "any_of": ["l2", "l3"]}}),
            true,
            vec!["staff"],
        ),
        (
            json!({"level": {"area": "overall", "any_of": ["l0"]}}),
            false,
            vec![],
        ),
        (json!({"finding": "broad_shallow"}), false, vec![]),
    ];
    check(&inst, &a, Some(&d), cases);
    // Without derived results (skip logic, ladders), derived conditions never hold.
    assert!(!eval(&inst, json!({"breadth": {"at_least": 0}}), &a, None).0);
    let mut found = d.clone();
    found.findings = vec![true];
    let (h, w) = eval(&inst, json!({"finding": "broad_shallow"}), &a, Some(&found));
    assert!(h);
    assert_eq!(w, ["tools", "has_plant", "mes"], "a finding's own reasons");
}

#[test]
fn skip_logic_reads_earlier_answers_and_hides_what_follows_from_hidden_ones() {
    let inst = mini();
    let q = &inst.questionnaire;
    let shown = |a: &AnswerSet| q.conditions().visibility(q, a).0;
    let mes = q.question_index(&QuestionId("mes".into())).expect("mes");
    assert!(
        !shown(&AnswerSet::new())[mes],
        "hidden until the plant question says yes"
    );
    assert!(shown(&firm(&inst, json!({"has_plant": "yes"})))[mes]);
    assert!(!shown(&firm(&inst, json!({"has_plant": "no", "mes": "s2"})))[mes]);
}
