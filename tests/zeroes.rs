//! Options that zero their question and count in the denominator (`"zeroes": true`), as the
//! EU DMA's "data is not collected digitally": worked by hand on the mini questionnaire's
//! `channels` question (share-scored: bank, scf, equity, and an exclusive "none").

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use serde_json::{Value, json};

use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::{BUILTIN_PROPOSALS, BUILTIN_PROPOSALS_NAME, Instrument};
use smecheck::domain::model::{OptionId, QuestionId};
use smecheck::domain::score::{question_fraction, score};

const MINI: &str = include_str!("fixtures/questionnaires/valid/mini.json");

/// The mini questionnaire with a fifth `channels` option, "not digital", that zeroes it.
fn mini() -> Instrument {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    let channels = v["questions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["id"] == "channels")
        .unwrap();
    channels["options"].as_array_mut().unwrap().push(json!({
        "id": "not_digital",
        "label": {"zh": "都不是线上办的", "en": "None of it is done online"},
        "zeroes": true
    }));
    let src = serde_json::to_string_pretty(&v).unwrap();
    Instrument::from_sources("m.json", &src, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS).unwrap()
}

fn share(inst: &Instrument, ticks: &[&str]) -> Option<f64> {
    let q = inst
        .questionnaire
        .questions
        .iter()
        .find(|x| x.id.as_str() == "channels")
        .unwrap();
    let a = Answer::Choices(ticks.iter().map(|t| OptionId((*t).into())).collect());
    question_fraction(q, &a)
}

#[test]
fn a_zeroing_option_counts_in_the_denominator_and_zeroes_the_question() {
    let inst = mini();
    // Denominator: bank, scf, equity and not_digital = 4 (the exclusive "none" is left out,
    // as before). bank + scf = 2 / 4 = 0.5 (without the zeroing option it would be 2 / 3).
    assert_eq!(share(&inst, &["bank", "scf"]), Some(0.5));
    assert_eq!(share(&inst, &["bank", "scf", "equity"]), Some(0.75));
    // Ticked, it zeroes the question whatever else is ticked: 0, answered, in the mean.
    assert_eq!(share(&inst, &["bank", "not_digital"]), Some(0.0));
    assert_eq!(share(&inst, &["not_digital"]), Some(0.0));
    assert_eq!(share(&inst, &["none"]), Some(0.0));
}

#[test]
fn the_codebook_marks_the_zeroing_option() {
    let inst = mini();
    let book = smecheck::domain::codebook::codebook(&inst.questionnaire);
    let channels = book.iter().find(|e| e.id == "channels").unwrap();
    let marked: Vec<&str> = channels
        .options
        .iter()
        .filter(|o| o.zeroes)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(marked, ["not_digital"]);
    let json = serde_json::to_value(channels).unwrap();
    assert_eq!(json["options"][4]["zeroes"], true);
    assert!(json["options"][0].get("zeroes").is_none());
}

#[test]
fn the_zeroed_question_stays_in_the_dimension_mean() {
    let inst = mini();
    let mut set = AnswerSet::new();
    let q = |s: &str| QuestionId(s.into());
    set.set(
        q("channels"),
        Answer::Choices(vec![OptionId("not_digital".into())]),
    );
    set.set(q("tax"), Answer::Choice(OptionId("b".into())));
    set.set(q("staff"), Answer::Number(50.0));
    let card = score(&inst, &set);
    let dims: Vec<_> = card.areas.iter().flat_map(|a| &a.dimensions).collect();
    let channels = dims
        .iter()
        .find(|d| d.id.as_str() == "finance.channels")
        .unwrap();
    // Answered with a score of 0, not left out as unanswered.
    assert_eq!(channels.score, Some(0.0));
    assert_eq!(channels.confidence.answered, 1);
    // finance = (footprint (75 + 66.67) / 2 = 70.83 + channels 0) / 2 = 35.42 → 35.4.
    let finance = card
        .areas
        .iter()
        .find(|a| a.id.as_str() == "finance")
        .unwrap();
    assert_eq!(finance.score, Some(35.4));
}
