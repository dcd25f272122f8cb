//! Matrix questions on a small questionnaire (tests/fixtures/…/valid/matrix.json: `tech`, a
//! 0–5 scale over rows sim/iot/cad; `invest`, tick columns invested (1 point) / planned (0.5)
//! over rows design/sales/admin, asked unless `tech`'s iot row is 0): reading and writing the
//! answer, row conditions, skip logic driven by a row, and the question's points.

use serde_json::json;

use super::tests::{eval, firm};
use super::*;
use crate::domain::answers::{Answer, MatrixAnswer};
use crate::domain::instrument::{BUILTIN_PROPOSALS, Instrument};
use crate::domain::model::Question;
use crate::domain::score::{question_fraction, score_and_visibility};

fn matrix() -> Instrument {
    let src = include_str!("../../../../tests/fixtures/questionnaires/valid/matrix.json");
    Instrument::from_sources("matrix.json", src, "p.json", BUILTIN_PROPOSALS).expect("matrix")
}

fn question<'q>(inst: &'q Instrument, id: &str) -> &'q Question {
    inst.questionnaire
        .question(&QuestionId(id.into()))
        .expect(id)
}

#[test]
fn row_conditions_read_one_row_each() {
    let inst = matrix();
    let a = firm(
        &inst,
        json!({"tech": {"sim": "5", "iot": "1"},
               "invest": {"design": ["invested", "planned"], "sales": ["planned"]}}),
    );
    let cases = [
        (
            json!({"cell": {"question": "tech", "row": "iot", "any_of": ["0", "1"]}}),
            true,
        ),
        (
            json!({"cell": {"question": "tech", "row": "sim", "any_of": ["0", "1"]}}),
            false,
        ),
        // A scale row not answered yet holds nothing, not even "not used".
        (
            json!({"cell": {"question": "tech", "row": "cad", "any_of": ["0"]}}),
            false,
        ),
        (
            json!({"cell": {"question": "invest", "row": "design", "any_of": ["planned"]}}),
            true,
        ),
        (
            json!({"cell": {"question": "invest", "row": "sales", "any_of": ["invested"]}}),
            false,
        ),
        // A tick row not listed ticked nothing.
        (
            json!({"cell": {"question": "invest", "row": "admin", "any_of": ["invested", "planned"]}}),
            false,
        ),
        (
            json!({"row_points": {"question": "tech", "row": "sim", "at_least": 1.0}}),
            true,
        ),
        (
            json!({"row_points": {"question": "tech", "row": "iot", "below": 0.5}}),
            true,
        ),
        (
            json!({"row_points": {"question": "tech", "row": "cad", "below": 0.5}}),
            false,
        ),
        // The best ticked column counts: invested (1 of 1).
        (
            json!({"row_points": {"question": "invest", "row": "design", "at_least": 1.0}}),
            true,
        ),
        (
            json!({"row_points": {"question": "invest", "row": "sales", "at_least": 0.5, "below": 0.6}}),
            true,
        ),
        (
            json!({"row_points": {"question": "invest", "row": "admin", "below": 0.1}}),
            true,
        ),
        // An id the question lacks never holds.
        (
            json!({"cell": {"question": "tech", "row": "vr", "any_of": ["5"]}}),
            false,
        ),
        (
            json!({"not": {"cell": {"question": "tech", "row": "sim", "any_of": ["0"]}}}),
            true,
        ),
    ];
    for (c, want) in cases {
        let (holds, why) = eval(&inst, c.clone(), &a, None);
        assert_eq!(holds, want, "{c}");
        if holds && !c.to_string().contains("not") {
            assert_eq!(why.len(), 1, "{c}: one question is the reason: {why:?}");
        }
    }
}

#[test]
fn a_row_drives_skip_logic() {
    let inst = matrix();
    let q = &inst.questionnaire;
    let at = q
        .question_index(&QuestionId("invest".into()))
        .expect("invest");
    let (_, visible) = score_and_visibility(&inst, &firm(&inst, json!({"tech": {"iot": "0"}})));
    assert!(!visible[at], "iot not used hides `invest`");
    let (_, visible) = score_and_visibility(&inst, &firm(&inst, json!({"tech": {"iot": "3"}})));
    assert!(visible[at]);
}

#[test]
fn points_follow_the_row_arithmetic() {
    let inst = matrix();
    let tech = question(&inst, "tech");
    let invest = question(&inst, "invest");
    let share = |q: &Question, v: serde_json::Value| {
        let a = Answer::from_json(q, &v).expect("valid").expect("given");
        question_fraction(q, &a).expect("scored")
    };
    // Scale rows: Σ points / (rows answered × 5) = (5 + 1 + 3) / 15.
    let got = share(tech, json!({"sim": "5", "iot": "1", "cad": "3"}));
    assert!((got - 9.0 / 15.0).abs() < 1e-9, "{got}");
    // A scale row not answered leaves the denominator: (4 + 2) / 10.
    let got = share(tech, json!({"sim": "4", "iot": "2"}));
    assert!((got - 0.6).abs() < 1e-9, "{got}");
    // Tick rows: each row its best column, over every row: (1 + 0.5 + 0) / 3.
    let got = share(
        invest,
        json!({"design": ["invested", "planned"], "sales": ["planned"]}),
    );
    assert!((got - 0.5).abs() < 1e-9, "{got}");
    assert_eq!(share(invest, json!({"design": []})), 0.0);
}

#[test]
fn the_answer_file_shape_reads_back_as_written() {
    let inst = matrix();
    let tech = question(&inst, "tech");
    let invest = question(&inst, "invest");
    for (q, v) in [
        (tech, json!({"sim": "5", "cad": "0"})),
        (
            invest,
            json!({"design": ["invested", "planned"], "admin": []}),
        ),
    ] {
        let a = Answer::from_json(q, &v).expect("valid").expect("given");
        assert_eq!(a.to_json(), v);
        assert_eq!(Answer::from_json(q, &a.to_json()), Ok(Some(a)));
    }
    // Rows come back in the question's order whatever the file's.
    let a = Answer::from_json(
        invest,
        &json!({"admin": ["planned"], "design": ["invested"]}),
    )
    .expect("valid");
    let Some(Answer::Matrix(MatrixAnswer { rows, .. })) = a else {
        panic!("a matrix answer");
    };
    assert_eq!(rows[0].0.as_str(), "design");
    // Rows of nulls (the template) are no answer; "don't know" is the whole question's.
    assert_eq!(Answer::from_json(tech, &json!({"sim": null})), Ok(None));
    assert_eq!(
        Answer::from_json(tech, &json!("dont_know")),
        Ok(Some(Answer::DontKnow))
    );
    // What does not fit is named: the row, the option, the shape.
    for (q, v, says) in [
        (
            tech,
            json!({"vr": "1"}),
            "`vr` is not a row of question `tech`",
        ),
        (
            tech,
            json!({"sim": "9"}),
            "`9` is not an option of question `tech`",
        ),
        (
            tech,
            json!({"sim": ["1"]}),
            "row `sim` cannot take an array",
        ),
        (
            invest,
            json!({"design": "invested"}),
            "row `design` cannot take a string",
        ),
        (
            invest,
            json!(["invested"]),
            "cannot take an array; expected an object keyed by row id",
        ),
    ] {
        let err = Answer::from_json(q, &v).expect_err("refused");
        assert!(err.en.contains(says), "{v}: {}", err.en);
        assert!(!err.zh.is_empty());
    }
}

#[test]
fn setting_a_row_keeps_row_order_and_clears_an_empty_scale_row() {
    let inst = matrix();
    let tech = question(&inst, "tech");
    let mut m = MatrixAnswer::default();
    m.set(tech, 2, vec![tech.options[3].id.clone()]);
    m.set(tech, 0, vec![tech.options[1].id.clone()]);
    let order: Vec<&str> = m.rows.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(order, ["sim", "cad"]);
    m.set(tech, 0, Vec::new());
    assert_eq!(m.rows.len(), 1);
}
