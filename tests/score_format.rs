//! `score_format`: scores computed unrounded and rounded once to the questionnaire's declared
//! precision, and levels given with an instrument's own published edges (0–25, 26–50, …) and
//! the rounding rule that gives every score one place; levels on dimensions as well as areas.
//! Worked by hand on the mini questionnaire (`tests/fixtures/questionnaires/valid/mini.json`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use serde_json::{Value, json};

use smecheck::domain::Lang;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::{BUILTIN_PROPOSALS, BUILTIN_PROPOSALS_NAME, Instrument};
use smecheck::domain::model::{OptionId, QuestionId};
use smecheck::domain::output::score_json;
use smecheck::domain::score::{ScoreCard, score};

const MINI: &str = include_str!("fixtures/questionnaires/valid/mini.json");

fn load(edit: impl FnOnce(&mut Value)) -> Result<Instrument, String> {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    edit(&mut v);
    let src = serde_json::to_string_pretty(&v).unwrap();
    Instrument::from_sources("m.json", &src, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS).map_err(
        |e| {
            e.issues()
                .iter()
                .map(|i| i.message.clone())
                .collect::<Vec<_>>()
                .join("\n")
        },
    )
}

/// The DMA's published bands (basic, average, moderately advanced, advanced) as closed
/// whole-number ranges, under the mini questionnaire's level ids, which its rules test.
fn dma_bands() -> Value {
    let band = |id: &str, min: u32, max: u32| {
        json!({"id": id, "label": {"zh": id, "en": id}, "min": min, "max": max,
               "meaning": {"zh": "含义", "en": "meaning"}})
    };
    json!([
        band("l0", 0, 25),
        band("l1", 26, 50),
        band("l2", 51, 75),
        band("l3", 76, 100)
    ])
}

/// Every level list of the mini questionnaire replaced by the DMA's bands.
fn with_dma_bands(v: &mut Value) {
    v["levels"] = dma_bands();
    for a in v["areas"].as_array_mut().unwrap() {
        a["levels"] = dma_bands();
    }
}

/// One firm: tools = office; has_plant = yes; mes = s1; erp = yes; tax = b; staff = 50;
/// channels = bank.
fn firm() -> AnswerSet {
    let mut set = AnswerSet::new();
    let one = |s: &str| Answer::Choice(OptionId(s.into()));
    let q = |s: &str| QuestionId(s.into());
    set.set(q("tools"), Answer::Choices(vec![OptionId("office".into())]));
    set.set(q("has_plant"), one("yes"));
    set.set(q("mes"), one("s1"));
    set.set(q("erp"), one("yes"));
    set.set(q("tax"), one("b"));
    set.set(q("staff"), Answer::Number(50.0));
    set.set(
        q("channels"),
        Answer::Choices(vec![OptionId("bank".into())]),
    );
    set
}

fn dim(card: &ScoreCard, id: &str) -> f64 {
    card.areas
        .iter()
        .flat_map(|a| &a.dimensions)
        .find(|d| d.id.as_str() == id)
        .and_then(|d| d.score)
        .unwrap()
}

fn area(card: &ScoreCard, id: &str) -> (f64, String) {
    let a = card.areas.iter().find(|a| a.id.as_str() == id).unwrap();
    (a.score.unwrap(), a.level.to_string())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

// By hand, unrounded:
//   cloud.basic   = tools: office 1 of 1+1+1 points            = 33.333…
//   cloud.core    = (mes s1: 1/3 = 33.333… + erp yes: 2/2 = 100) / 2 = 66.666…
//   cloud         = (33.333… × 1 + 66.666… × 2) / 3            = 55.555…
//   finance.footprint = (tax b: 3/4 = 75 + staff 50: band 2 of 3 = 66.666…) / 2 = 70.833…
//   finance.channels  = bank: 1 of 3 channels (share)          = 33.333…
//   finance       = (70.833… + 33.333…) / 2                   = 52.083…
//   overall       = (55.555… + 52.083…) / 2                   = 53.819…

#[test]
fn two_decimals_round_once_at_the_end() {
    let inst = load(|v| v["score_format"] = json!({"precision": 2})).unwrap();
    let card = score(&inst, &firm());
    assert!(close(dim(&card, "cloud.basic"), 33.33));
    assert!(close(dim(&card, "cloud.core"), 66.67));
    assert!(close(area(&card, "cloud").0, 55.56));
    assert!(close(dim(&card, "finance.footprint"), 70.83));
    assert!(close(dim(&card, "finance.channels"), 33.33));
    assert!(close(area(&card, "finance").0, 52.08));
    // From the rounded parts it would be (55.56 + 52.08) / 2 = 53.82 too; at one decimal the
    // difference shows (next test).
    assert!(close(card.overall_score.unwrap(), 53.82));
}

#[test]
fn the_default_one_decimal_is_also_rounded_once() {
    // Rounding at each step would give cloud (33.3 + 66.7 × 2) / 3 = 55.57 → 55.6, finance
    // (70.8 + 33.3) / 2 = 52.05 → 52.1, overall (55.6 + 52.1) / 2 = 53.85 → 53.9. Rounded once:
    // 53.819… → 53.8.
    let inst = load(|_| {}).unwrap();
    let card = score(&inst, &firm());
    assert!(close(area(&card, "cloud").0, 55.6));
    assert!(close(area(&card, "finance").0, 52.1));
    assert!(close(card.overall_score.unwrap(), 53.8));
    assert!(close(dim(&card, "cloud.basic"), 33.3));
}

#[test]
fn whole_number_edges_place_a_score_by_rounding_it() {
    let inst = load(|v| {
        v["score_format"] = json!({"precision": 2, "level_edges": 0});
        with_dma_bands(v);
    })
    .unwrap();
    let q = &inst.questionnaire;
    let at = |s: f64| q.level_in(&q.levels, s).map(|l| l.id.to_string());
    // 50.71 rounds to 51: l2 (51–75), its one honest place.
    assert_eq!(at(50.71).as_deref(), Some("l2"));
    assert_eq!(at(50.49).as_deref(), Some("l1"));
    assert_eq!(at(25.5).as_deref(), Some("l1"));
    assert_eq!(at(25.49).as_deref(), Some("l0"));
    assert_eq!(at(0.0).as_deref(), Some("l0"));
    assert_eq!(at(75.5).as_deref(), Some("l3"));
    assert_eq!(at(100.0).as_deref(), Some("l3"));
    assert_eq!(at(100.6), None);
    // The firm: finance 52.08 → 52 → l2; overall 53.82 → 54 → l2.
    let card = score(&inst, &firm());
    assert_eq!(area(&card, "finance"), (52.08, "l2".to_string()));
    assert_eq!(card.overall_level.as_str(), "l2");
}

#[test]
fn closed_bands_need_edges_that_match_them() {
    // One decimal edges (the default): 25 to 26 is a gap, 25.1 … 25.9 would have no place.
    let err = load(with_dma_bands).unwrap_err();
    assert!(
        err.contains("gap between levels `l0` and `l1`: scores from 25 to 26 have no level"),
        "{err}"
    );
    // Edges finer than the scores, and more decimals than supported, are refused.
    let err = load(|v| v["score_format"] = json!({"precision": 1, "level_edges": 2})).unwrap_err();
    assert!(
        err.contains("level edges have 2 decimals, finer than the scores' precision (1)"),
        "{err}"
    );
    let err = load(|v| v["score_format"] = json!({"precision": 9})).unwrap_err();
    assert!(
        err.contains("`precision` asks for 9 decimals; at most 4 are supported"),
        "{err}"
    );
    // Half-open bands stay valid under any edges.
    load(|v| v["score_format"] = json!({"precision": 2, "level_edges": 0})).unwrap();
}

#[test]
fn a_dimension_with_its_own_levels_gets_one() {
    let inst = load(|v| {
        v["score_format"] = json!({"precision": 2, "level_edges": 0});
        with_dma_bands(v);
        v["areas"][0]["dimensions"][1]["levels"] = dma_bands();
    })
    .unwrap();
    let firm = firm();
    let card = score(&inst, &firm);
    let dims: Vec<_> = card.areas.iter().flat_map(|a| &a.dimensions).collect();
    // cloud.core = 66.67 → 67 → l2 (51–75); cloud.basic declares no levels.
    let core = dims.iter().find(|d| d.id.as_str() == "cloud.core").unwrap();
    assert_eq!(core.score, Some(66.67));
    assert_eq!(core.level.as_ref().map(|l| l.as_str()), Some("l2"));
    let basic = dims
        .iter()
        .find(|d| d.id.as_str() == "cloud.basic")
        .unwrap();
    assert_eq!(basic.level, None);
    let json = score_json(&inst, &card, &firm, Lang::En);
    let out = &json["areas"][0]["dimensions"];
    assert_eq!(out[1]["level"], "l2");
    assert_eq!(out[1]["level_label"], "l2");
    assert!(out[0].get("level").is_none(), "{}", out[0]);
    // Too few answers for a score: no level either.
    let mut few = AnswerSet::new();
    few.set(
        QuestionId("has_plant".into()),
        Answer::Choice(OptionId("yes".into())),
    );
    let card = score(&inst, &few);
    let core = card.areas[0]
        .dimensions
        .iter()
        .find(|d| d.id.as_str() == "cloud.core")
        .unwrap();
    assert_eq!(core.level, None);
}

#[test]
fn dimension_levels_are_checked_like_an_area_s() {
    let err = load(|v| {
        v["areas"][1]["dimensions"][0]["levels"] = dma_bands();
    })
    .unwrap_err();
    assert!(
        err.contains("gap between levels `l0` and `l1`: scores from 25 to 26 have no level"),
        "{err}"
    );
}

#[test]
fn the_gap_line_is_the_instruments_and_is_rounded_like_a_level_edge() {
    // By default 60, as before.
    let inst = load(|_| {}).unwrap();
    let f = inst.questionnaire.score_format;
    assert_eq!(f.gap_below, 60.0);
    assert!(f.is_gap(59.94), "59.94 shows as 59.9: a gap");
    assert!(!f.is_gap(60.0));
    // The DMA's line at 51 with whole-number edges: 50.6 rounds to 51, the first score of
    // "moderately advanced", and is no gap; 50.49 rounds to 50 and is.
    let inst = load(|v| {
        v["score_format"] = json!({"precision": 2, "level_edges": 0, "gap_below": 51});
        with_dma_bands(v);
    })
    .unwrap();
    let f = inst.questionnaire.score_format;
    assert!(!f.is_gap(50.6));
    assert!(f.is_gap(50.49));
    // The firm's cloud.basic (33.33) is a gap under either line, finance.footprint (70.83) under
    // neither; the report marks exactly the dimensions below the declared line.
    let card = score(&inst, &firm());
    assert!(f.is_gap(dim(&card, "cloud.basic")));
    assert!(!f.is_gap(dim(&card, "cloud.core")), "66.67");
    // Outside 0–100 is refused with its place.
    let err = load(|v| v["score_format"] = json!({"gap_below": -5})).unwrap_err();
    assert!(
        err.contains("the gap line `gap_below` is -5, outside 0 to 100"),
        "{err}"
    );
}
