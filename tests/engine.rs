//! Library-level tests of the engine on the mini questionnaire
//! (`tests/fixtures/questionnaires/valid/mini.json`): scoring arithmetic worked out by hand,
//! skip logic, gated ladders, breadth and findings, recommendations, answer-file loading, and
//! property tests over generated answer sets.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Value, json};

use smecheck::domain::Lang;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::{BUILTIN_PROPOSALS, BUILTIN_PROPOSALS_NAME, Instrument};
use smecheck::domain::model::{OptionId, QuestionId, QuestionKind};
use smecheck::domain::output::score_json;
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::score::{ScoreCard, question_fraction, score};

const MINI_PATH: &str = "tests/fixtures/questionnaires/valid/mini.json";
const MINI: &str = include_str!("fixtures/questionnaires/valid/mini.json");

fn mini() -> &'static Instrument {
    static INST: OnceLock<Instrument> = OnceLock::new();
    INST.get_or_init(|| {
        Instrument::from_sources(MINI_PATH, MINI, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS)
            .unwrap()
    })
}

/// The mini questionnaire with `edit` applied to its JSON, loaded as an instrument.
fn mini_with(edit: impl FnOnce(&mut Value)) -> Instrument {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    edit(&mut v);
    let src = serde_json::to_string_pretty(&v).unwrap();
    Instrument::from_sources(
        "edited-mini.json",
        &src,
        BUILTIN_PROPOSALS_NAME,
        BUILTIN_PROPOSALS,
    )
    .unwrap()
}

fn qid(s: &str) -> QuestionId {
    QuestionId(s.into())
}

fn choice(s: &str) -> Answer {
    Answer::Choice(OptionId(s.into()))
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Choices(ids.iter().map(|s| OptionId((*s).into())).collect())
}

/// An answer set from (question, answer) pairs and an optional region.
fn answers(pairs: &[(&str, Answer)], region: Option<&str>) -> AnswerSet {
    let mut set = AnswerSet::new();
    for (q, a) in pairs {
        set.set(qid(q), a.clone());
    }
    if let Some(r) = region {
        set.profile.insert("region".into(), r.into());
    }
    set
}

fn dim(card: &ScoreCard, id: &str) -> Option<f64> {
    card.areas
        .iter()
        .flat_map(|a| &a.dimensions)
        .find(|d| d.id.as_str() == id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
        .score
}

fn area(card: &ScoreCard, id: &str) -> (Option<f64>, String) {
    let a = card.areas.iter().find(|a| a.id.as_str() == id).unwrap();
    (a.score, a.level.to_string())
}

fn proposals(card: &ScoreCard) -> Vec<&str> {
    card.recommendations
        .iter()
        .map(|r| r.proposal.as_str())
        .collect()
}

fn because(card: &ScoreCard, proposal: &str) -> Vec<String> {
    card.recommendations
        .iter()
        .find(|r| r.proposal.as_str() == proposal)
        .unwrap_or_else(|| panic!("{proposal} not recommended: {:?}", proposals(card)))
        .because
        .iter()
        .map(|q| q.to_string())
        .collect()
}

fn close(a: impl Into<Option<f64>>, b: f64) -> bool {
    a.into().is_some_and(|a| (a - b).abs() < 1e-9)
}

/// A firm worked through by hand:
/// - tools office+finance: 2 of 3 points → 66.7; cloud.basic = 66.7
/// - has_plant yes (unscored), mes s2: 2/3 → 66.67; erp yes: 2/2 → 100; cloud.core = 83.3
/// - cloud = (66.7·1 + 83.3·2) / 3 = 77.8 → level l3 (60–80)
/// - tax a: 4/4 → 100; staff 5 → band [0,10) 1 of 3 → 33.33; finance.footprint = 66.7
/// - channels bank (share): 1 of 3 → 33.3; wish is free text, unscored
/// - finance = (66.7 + 33.3) / 2 = 50.0 → l2; overall = (77.8 + 50.0) / 2 = 63.9 → l3
fn worked_firm() -> AnswerSet {
    answers(
        &[
            ("tools", choices(&["office", "finance"])),
            ("has_plant", choice("yes")),
            ("mes", choice("s2")),
            ("erp", choice("yes")),
            ("tax", choice("a")),
            ("staff", Answer::Number(5.0)),
            ("channels", choices(&["bank"])),
            ("wish", Answer::Text("more working capital".into())),
        ],
        Some("city"),
    )
}

#[test]
fn scoring_arithmetic_matches_the_hand_calculation() {
    let card = score(mini(), &worked_firm());
    assert_eq!(dim(&card, "cloud.basic"), Some(66.7));
    assert_eq!(dim(&card, "cloud.core"), Some(83.3));
    assert_eq!(dim(&card, "finance.footprint"), Some(66.7));
    assert_eq!(dim(&card, "finance.channels"), Some(33.3));
    let (cloud, cloud_level) = area(&card, "cloud");
    assert!(close(cloud, 77.8), "{cloud:?}");
    assert_eq!(cloud_level, "l3");
    let (finance, finance_level) = area(&card, "finance");
    assert!(close(finance, 50.0), "{finance:?}");
    assert_eq!(finance_level, "l2");
    assert!(close(card.overall_score, 63.9), "{:?}", card.overall_score);
    assert_eq!(card.overall_level, "l3");
    assert_eq!(card.breadth, Some(66.7));
    let c = card.confidence;
    assert_eq!(
        (c.questions, c.answered, c.dont_know, c.unanswered),
        (6, 6, 0, 0)
    );
    assert!(close(c.share, 1.0));
}

/// A question's share of its maximum points (0–1) for one answer, as scoring sees it.
fn share(question: &str, answer: Answer) -> Option<f64> {
    let q = mini().questionnaire.question(&qid(question)).unwrap();
    question_fraction(q, &answer)
}

fn approx(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1e-9)
}

#[test]
fn multiple_choice_sum_scores_points_out_of_all_positive_points() {
    let s = |ids: &[&str]| share("tools", choices(ids));
    assert!(approx(s(&["office"]), 1.0 / 3.0));
    assert!(approx(s(&["office", "video"]), 2.0 / 3.0));
    assert!(approx(s(&["office", "finance", "video"]), 1.0));
    assert!(approx(s(&["none"]), 0.0));
    assert!(
        approx(s(&[]), 0.0),
        "an empty list is an answer: nothing ticked"
    );
}

#[test]
fn multiple_choice_share_counts_non_exclusive_options() {
    let s = |ids: &[&str]| share("channels", choices(ids));
    assert!(approx(s(&["bank"]), 1.0 / 3.0));
    assert!(approx(s(&["bank", "scf"]), 2.0 / 3.0));
    assert!(approx(s(&["bank", "scf", "equity"]), 1.0));
    assert!(approx(s(&["none"]), 0.0));
}

#[test]
fn scale_scores_the_step_out_of_the_top_step() {
    let s = |o: &str| share("mes", choice(o));
    assert!(approx(s("s0"), 0.0));
    assert!(approx(s("s1"), 1.0 / 3.0));
    assert!(approx(s("s2"), 2.0 / 3.0));
    assert!(approx(s("s3"), 1.0));
}

#[test]
fn yes_partly_no_scores_full_half_and_nothing() {
    let s = |o: &str| share("erp", choice(o));
    assert!(approx(s("yes"), 1.0));
    assert!(approx(s("partly"), 0.5));
    assert!(approx(s("no"), 0.0));
}

#[test]
fn single_choice_scores_points_out_of_the_best_option() {
    let s = |o: &str| share("tax", choice(o));
    assert!(approx(s("a"), 1.0));
    assert!(approx(s("b"), 0.75));
    assert!(approx(s("m"), 0.5));
    assert!(approx(s("cd"), 0.0));
}

#[test]
fn numbers_score_by_band_with_half_open_bands() {
    let s = |x: f64| share("staff", Answer::Number(x));
    assert!(approx(s(0.0), 1.0 / 3.0));
    assert!(approx(s(9.5), 1.0 / 3.0));
    assert!(
        approx(s(10.0), 2.0 / 3.0),
        "10 opens the second band [10, 100)"
    );
    assert!(approx(s(99.0), 2.0 / 3.0));
    assert!(approx(s(100.0), 1.0));
    assert!(approx(s(100_000.0), 1.0), "the last band is open-ended");
}

#[test]
fn unscored_answers_carry_no_points() {
    assert_eq!(share("tax", Answer::DontKnow), None);
    assert_eq!(share("wish", Answer::Text("x".into())), None);
    assert_eq!(
        share("has_plant", choice("yes")),
        None,
        "weight 0: context only"
    );
}

#[test]
fn dimension_scores_are_the_mean_of_question_shares() {
    // finance.footprint = (tax + staff) / 2, both weight 1.
    let d = |tax: &str, staff: f64| {
        let set = answers(
            &[("tax", choice(tax)), ("staff", Answer::Number(staff))],
            None,
        );
        dim(&score(mini(), &set), "finance.footprint")
    };
    assert_eq!(d("a", 100.0), Some(100.0));
    assert_eq!(d("b", 100.0), Some(87.5));
    assert_eq!(d("m", 5.0), Some(41.7), "(50 + 33.3) / 2");
    assert_eq!(d("cd", 0.0), Some(16.7));
}

#[test]
fn question_weights_weigh_within_the_dimension() {
    let inst = mini_with(|v| v["questions"][3]["weight"] = json!(3));
    assert_eq!(inst.questionnaire.questions[3].id.as_str(), "erp");
    let set = answers(
        &[
            ("has_plant", choice("yes")),
            ("mes", choice("s2")),
            ("erp", choice("yes")),
        ],
        None,
    );
    // (66.67·1 + 100·3) / 4 = 91.67
    assert_eq!(dim(&score(&inst, &set), "cloud.core"), Some(91.7));
    // The same answers with equal weights: (66.67 + 100) / 2.
    assert_eq!(dim(&score(mini(), &set), "cloud.core"), Some(83.3));
}

#[test]
fn area_weights_weigh_the_overall_score() {
    let inst = mini_with(|v| v["areas"][0]["weight"] = json!(2));
    let card = score(&inst, &worked_firm());
    // (77.8·2 + 50.0·1) / 3 = 68.53 → 68.5
    assert!(close(card.overall_score, 68.5), "{:?}", card.overall_score);
    assert!(card.overall_score > score(mini(), &worked_firm()).overall_score);
}

#[test]
fn dont_know_is_excluded_from_the_score_but_lowers_confidence() {
    let mut set = worked_firm();
    set.set(qid("tax"), Answer::DontKnow);
    let card = score(mini(), &set);
    // Only staff (33.3) counts in finance.footprint; "don't know" is not scored as zero.
    assert_eq!(dim(&card, "finance.footprint"), Some(33.3));
    let c = card.confidence;
    assert_eq!(
        (c.questions, c.answered, c.dont_know, c.unanswered),
        (6, 5, 1, 0)
    );
    assert!(close(c.share, 5.0 / 6.0));
    let fin = card
        .areas
        .iter()
        .find(|a| a.id.as_str() == "finance")
        .unwrap();
    assert_eq!((fin.confidence.questions, fin.confidence.dont_know), (3, 1));
}

#[test]
fn unanswered_leaves_the_denominator_and_is_counted_apart_from_dont_know() {
    // Skipping is never the worst answer: tax unanswered, staff 5 (33.3) → 33.3 over the one
    // real answer (not (0 + 33.3) / 2), and confidence counts the gap.
    let mut set = worked_firm();
    set.clear(&qid("tax"));
    let card = score(mini(), &set);
    assert_eq!(dim(&card, "finance.footprint"), Some(33.3));
    let c = card.confidence;
    assert_eq!((c.answered, c.dont_know, c.unanswered), (5, 0, 1));
}

#[test]
fn a_dimension_with_only_dont_know_has_no_score() {
    // Let erp offer "don't know" too, so every asked cloud.core question can be "don't know".
    let inst = mini_with(|v| v["questions"][3]["dont_know"] = json!(true));
    let mut set = answers(
        &[("has_plant", choice("yes")), ("mes", Answer::DontKnow)],
        None,
    );
    assert_eq!(
        dim(&score(&inst, &set), "cloud.core"),
        None,
        "erp unanswered and mes don't know: nothing to score, not 0"
    );
    set.set(qid("erp"), Answer::DontKnow);
    let card = score(&inst, &set);
    assert_eq!(dim(&card, "cloud.core"), None);
    assert_eq!(card.confidence.dont_know, 2);
}

#[test]
fn hidden_questions_are_excluded_from_score_and_confidence() {
    let mut set = worked_firm();
    set.set(qid("has_plant"), choice("no"));
    set.set(qid("mes"), choice("s0")); // left over from before; mes is now hidden
    let card = score(mini(), &set);
    assert_eq!(
        dim(&card, "cloud.core"),
        Some(100.0),
        "only erp (yes) counts"
    );
    assert_eq!(card.confidence.questions, 5);
    assert_eq!(card.confidence.answered, 5);
}

#[test]
fn skip_logic_shows_a_question_only_when_its_condition_holds() {
    use smecheck::domain::score::visible_answers;
    let q = &mini().questionnaire;
    let mes = q.question_index(&qid("mes")).unwrap();
    let set = answers(&[("has_plant", choice("yes")), ("mes", choice("s3"))], None);
    let (visible, eff) = visible_answers(q, &set);
    assert!(visible[mes]);
    assert_eq!(eff.get(&qid("mes")), Some(&choice("s3")));
    for (plant, shown) in [(Some("no"), false), (None, false)] {
        let mut set = answers(&[("mes", choice("s3"))], None);
        if let Some(p) = plant {
            set.set(qid("has_plant"), choice(p));
        }
        let (visible, eff) = visible_answers(q, &set);
        assert_eq!(visible[mes], shown, "has_plant = {plant:?}");
        assert_eq!(
            eff.get(&qid("mes")),
            None,
            "a hidden question's answer does not count"
        );
    }
    // The other questions have no condition and are always shown.
    let (visible, _) = visible_answers(q, &AnswerSet::new());
    assert_eq!(visible.iter().filter(|v| !**v).count(), 1);
}

#[test]
fn a_rung_counts_only_when_every_lower_rung_holds() {
    // One tool only (basic fails) although ERP is on the cloud and there is no plant (core's
    // own requirements hold): the firm stays on the first rung, core is "held above".
    let set = answers(
        &[
            ("tools", choices(&["office"])),
            ("has_plant", choice("no")),
            ("erp", choice("yes")),
        ],
        None,
    );
    let card = score(mini(), &set);
    let l = &card.ladders[0];
    assert_eq!((l.rung.as_str(), l.index, l.of), ("none", 0, 3));
    assert_eq!(l.held_above, vec!["core".to_string()]);
    let next = l.next.as_ref().unwrap();
    assert_eq!(next.id, "basic");
    assert_eq!(next.unmet.len(), 1);
    assert_eq!(next.unmet[0].text.en, "At least two cloud tools");
    assert_eq!(next.unmet[0].questions, vec![qid("tools")]);
}

#[test]
fn ladder_reports_what_the_next_rung_needs() {
    let set = answers(
        &[
            ("tools", choices(&["office", "video"])),
            ("has_plant", choice("yes")),
            ("mes", choice("s1")),
            ("erp", choice("partly")),
        ],
        None,
    );
    let l = &score(mini(), &set).ladders[0];
    assert_eq!((l.rung.as_str(), l.index), ("basic", 1));
    assert!(l.held_above.is_empty());
    let next = l.next.as_ref().unwrap();
    assert_eq!(next.id, "core");
    let unmet: Vec<(&str, Vec<QuestionId>)> = next
        .unmet
        .iter()
        .map(|u| (u.text.en.as_str(), u.questions.clone()))
        .collect();
    assert_eq!(
        unmet,
        vec![
            ("ERP on the cloud", vec![qid("erp")]),
            (
                "Production on cloud (if any)",
                vec![qid("has_plant"), qid("mes")]
            ),
        ]
    );
}

#[test]
fn the_top_rung_has_no_next() {
    let l = &score(mini(), &worked_firm()).ladders[0];
    assert_eq!((l.rung.as_str(), l.index), ("core", 2));
    assert!(l.next.is_none());
    assert!(l.held_above.is_empty());
}

#[test]
fn breadth_counts_tool_kinds_whatever_the_depth() {
    let b = |ids: &[&str]| score(mini(), &answers(&[("tools", choices(ids))], None)).breadth;
    assert_eq!(b(&["office"]), Some(33.3));
    assert_eq!(b(&["office", "finance", "video"]), Some(100.0));
    assert_eq!(
        b(&["none"]),
        Some(0.0),
        "the exclusive \"none\" is not a kind of tool"
    );
    assert_eq!(
        score(mini(), &AnswerSet::new()).breadth,
        None,
        "no answer is no data, not zero"
    );
}

#[test]
fn broad_but_shallow_is_found_when_breadth_is_high_and_depth_low() {
    let shallow = answers(
        &[
            ("tools", choices(&["office", "finance", "video"])),
            ("has_plant", choice("no")),
            ("erp", choice("no")),
        ],
        None,
    );
    let card = score(mini(), &shallow);
    assert_eq!(card.ladders[0].rung, "basic");
    assert_eq!(card.findings, vec!["broad_shallow".to_string()]);
    // The finding's rule (r5 → P5) names the answers behind breadth and the missing rung.
    assert_eq!(because(&card, "P5"), vec!["tools", "erp"]);

    // As broad but deep: no finding.
    let mut deep = shallow.clone();
    deep.set(qid("erp"), choice("yes"));
    let card = score(mini(), &deep);
    assert_eq!(card.ladders[0].rung, "core");
    assert!(card.findings.is_empty());
    assert!(!proposals(&card).contains(&"P5"));

    // Shallow but narrow (breadth 33.3 < 60): no finding either.
    let mut narrow = shallow;
    narrow.set(qid("tools"), choices(&["office"]));
    assert!(score(mini(), &narrow).findings.is_empty());
}

#[test]
fn recommendations_follow_the_rules_with_their_reasons() {
    let card = score(mini(), &worked_firm());
    // r7 (staff below 10 → P7, priority 1) and r8 (at most one channel → P8, priority 2).
    assert_eq!(proposals(&card), vec!["P7", "P8"]);
    assert_eq!(because(&card, "P7"), vec!["staff"]);
    assert_eq!(because(&card, "P8"), vec!["channels"]);
    let p7 = &card.recommendations[0];
    assert_eq!(p7.priority, 1);
    assert_eq!(p7.action(&mini().questionnaire).en, "Do thing 7.");
    assert_eq!(p7.steps.len(), 1);
    assert_eq!(p7.steps[0].rule, "r7");
}

#[test]
fn recommendations_are_ordered_by_priority_then_proposal_number() {
    let set = answers(
        &[
            ("tools", choices(&["none"])),
            ("has_plant", choice("no")),
            ("erp", choice("no")),
            ("tax", Answer::DontKnow),
            ("staff", Answer::Number(3.0)),
            ("channels", choices(&["none"])),
        ],
        Some("county"),
    );
    let card = score(mini(), &set);
    // priority 1: P1 (no tools), P4 (tax don't know), P7 (staff < 10), P10 (cloud level l0)
    // priority 2: P2 (below core), P8 (≤ 1 channel), P11 (breadth 0 < 50)
    // priority 3: P3 (finance < 50), P6 (county), P9 (erp points < 1)
    assert_eq!(
        proposals(&card),
        vec!["P1", "P4", "P7", "P10", "P2", "P8", "P11", "P3", "P6", "P9"]
    );
    let priorities: Vec<u8> = card.recommendations.iter().map(|r| r.priority).collect();
    assert!(priorities.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(because(&card, "P1"), vec!["tools"]);
    assert_eq!(because(&card, "P4"), vec!["tax"]);
    // Area-score and level rules name the answers that pulled the score down; tax is "don't
    // know", which pulls nothing down (it leaves the score), so it is no reason here.
    assert_eq!(because(&card, "P3"), vec!["staff", "channels"]);
    assert_eq!(because(&card, "P10"), vec!["tools", "erp"]);
    assert_eq!(because(&card, "P9"), vec!["erp"]);
    // Whom a rule is for (the county, in `eligible_if`) is never a reason; its `when` is.
    assert_eq!(because(&card, "P6"), vec!["channels"]);
}

#[test]
fn recommendations_are_deduplicated_per_proposal() {
    // A second rule for P7 (priority 3, later) that fires when at most one channel is open.
    let inst = mini_with(|v| {
        v["rules"].as_array_mut().unwrap().push(json!({
            "id": "r7b", "proposal": "P7", "priority": 3, "horizon": "later",
            "when": {"count": {"question": "channels", "at_most": 1}},
            "action": {"zh": "再做第7件事。", "en": "Do thing 7 again."}
        }));
    });
    let card = score(&inst, &worked_firm());
    let p7: Vec<_> = card
        .recommendations
        .iter()
        .filter(|r| r.proposal.as_str() == "P7")
        .collect();
    assert_eq!(p7.len(), 1, "one recommendation per proposal");
    let p7 = p7[0];
    assert_eq!(p7.priority, 1, "the most urgent rule sets the priority");
    let rules: Vec<&str> = p7.steps.iter().map(|s| s.rule.as_str()).collect();
    assert_eq!(rules, vec!["r7", "r7b"], "steps most urgent first");
    assert_eq!(p7.action(&inst.questionnaire).en, "Do thing 7.");
    // Reasons are merged and kept in questionnaire order.
    assert_eq!(because(&card, "P7"), vec!["staff", "channels"]);

    // Only the low-priority rule fires: the recommendation takes its priority.
    let mut set = worked_firm();
    set.set(qid("staff"), Answer::Number(50.0));
    let card = score(&inst, &set);
    let p7 = card
        .recommendations
        .iter()
        .find(|r| r.proposal.as_str() == "P7")
        .unwrap();
    assert_eq!((p7.priority, p7.steps.len()), (3, 1));
    assert_eq!(proposals(&card), vec!["P8", "P7"]);
}

#[test]
fn an_empty_answer_set_recommends_nothing_without_a_reason() {
    let card = score(mini(), &AnswerSet::new());
    assert_eq!(card.overall_score, None, "no answers, no score");
    assert_eq!(card.confidence.answered, 0);
    assert_eq!(
        card.breadth, None,
        "no breadth rule fires on tools never ticked"
    );
    // Unanswered questions score nothing and no score exists, so score, level and rung rules
    // cannot fire; a rule that would fire for want of answers names none and stays quiet.
    assert!(card.recommendations.is_empty(), "{:?}", proposals(&card));
}

#[test]
fn scoring_is_deterministic_down_to_the_json() {
    let a = score(mini(), &worked_firm());
    let b = score(mini(), &worked_firm());
    assert_eq!(a, b);
    let again =
        Instrument::from_sources(MINI_PATH, MINI, BUILTIN_PROPOSALS_NAME, BUILTIN_PROPOSALS)
            .unwrap();
    assert_eq!(again.hash, mini().hash);
    let ja = serde_json::to_string(&score_json(mini(), &a, &worked_firm(), Lang::En)).unwrap();
    let jb = serde_json::to_string(&score_json(
        &again,
        &score(&again, &worked_firm()),
        &worked_firm(),
        Lang::En,
    ))
    .unwrap();
    assert_eq!(ja, jb);
    assert!(a.questionnaire.hash.starts_with("sha256:"));
    assert_eq!(&*a.questionnaire.id, "mini");
}

// ---------------------------------------------------------------------------------------------
// Answer files

/// Finds the 1-based line and character column where `needle` first occurs in `src`.
fn where_is(src: &str, needle: &str) -> (usize, usize) {
    let at = src
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in source"));
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

fn answer_file(version: &str, answers: &str) -> String {
    format!(
        "{{\n  \"questionnaire\": {{\"id\": \"mini\", \"version\": \"{version}\"}},\n  \"profile\": {{\"region\": \"county\"}},\n  \"answers\": {{\n{answers}\n  }}\n}}\n"
    )
}

fn load_error(src: &str) -> smecheck::domain::instrument::Issue {
    let err = mini().load_answers("a.json", src).unwrap_err();
    assert_eq!(err.issues().len(), 1, "{err}");
    err.issues()[0].clone()
}

#[test]
fn answer_file_loads_every_kind_of_answer() {
    let src = answer_file(
        "0.1.0",
        r#"    "tools": ["office", "video"],
    "has_plant": "yes",
    "mes": "dont_know",
    "erp": "partly",
    "tax": null,
    "staff": 12,
    "wish": "一台新机器""#,
    );
    let loaded = mini().load_answers("a.json", &src).unwrap();
    assert!(!loaded.version_differs);
    assert!(loaded.dropped.is_empty());
    let a = &loaded.answers;
    assert_eq!(a.get(&qid("tools")), Some(&choices(&["office", "video"])));
    assert_eq!(a.get(&qid("mes")), Some(&Answer::DontKnow));
    assert_eq!(a.get(&qid("erp")), Some(&choice("partly")));
    assert_eq!(a.get(&qid("tax")), None, "null is unanswered");
    assert_eq!(a.get(&qid("staff")), Some(&Answer::Number(12.0)));
    assert_eq!(
        a.get(&qid("wish")),
        Some(&Answer::Text("一台新机器".into()))
    );
    assert_eq!(a.profile.get("region").map(String::as_str), Some("county"));
    assert_eq!(a.len(), 6);
}

#[test]
fn unknown_option_points_at_the_answer() {
    let src = answer_file("0.1.0", "    \"erp\": \"yes\",\n    \"tax\": \"aaa\"");
    let i = load_error(&src);
    assert_eq!((i.pos.line, i.pos.col), where_is(&src, "\"aaa\""));
    assert_eq!(i.file, "a.json");
    assert_eq!(
        i.message,
        "`aaa` is not an option of question `tax` (options: a, b, m, cd)"
    );
    assert!(
        i.to_string()
            .starts_with(&format!("a.json:{}:{}: ", i.pos.line, i.pos.col))
    );
}

#[test]
fn unknown_option_in_a_list_points_at_the_item() {
    let src = answer_file("0.1.0", "    \"tools\": [\"office\",\n      \"fax\"]");
    let i = load_error(&src);
    assert_eq!((i.pos.line, i.pos.col), where_is(&src, "\"fax\""));
    assert!(
        i.message
            .contains("`fax` is not an option of question `tools`"),
        "{}",
        i.message
    );
}

#[test]
fn wrong_type_names_what_the_question_takes() {
    let src = answer_file("0.1.0", "    \"staff\": \"many\"");
    let i = load_error(&src);
    assert_eq!((i.pos.line, i.pos.col), where_is(&src, "\"many\""));
    assert_eq!(
        i.message,
        "question `staff` (number) cannot take a string; expected a number"
    );

    let src = answer_file("0.1.0", "    \"tools\": \"office\"");
    let i = load_error(&src);
    assert_eq!(
        i.message,
        "question `tools` (multiple choice) cannot take a string; expected an array of option ids"
    );
}

#[test]
fn out_of_range_numbers_and_unoffered_dont_know_are_errors() {
    let src = answer_file("0.1.0", "    \"staff\": -3");
    assert_eq!(
        load_error(&src).message,
        "question `staff`: -3 is below the minimum 0"
    );
    let src = answer_file("0.1.0", "    \"erp\": \"dont_know\"");
    let i = load_error(&src);
    assert_eq!(i.message, "question `erp` does not offer \"don't know\"");
    assert_eq!((i.pos.line, i.pos.col), where_is(&src, "\"dont_know\""));
}

#[test]
fn malformed_answer_file_points_at_the_syntax_error() {
    let src = "{\n  \"questionnaire\": {\"id\": \"mini\", \"version\": \"0.1.0\"}\n  \"answers\": {}\n}\n";
    let i = load_error(src);
    assert_eq!((i.pos.line, i.pos.col), (3, 3));
    assert_eq!(i.message, "expected `,` or `}`");
    let i = load_error("{\"answers\": {}}");
    assert_eq!(i.message, "missing field `questionnaire`");
    assert_eq!((i.pos.line, i.pos.col), (1, 1));
}

#[test]
fn answer_file_of_another_questionnaire_is_refused() {
    let src = answer_file("0.1.0", "    \"erp\": \"yes\"")
        .replace("\"id\": \"mini\"", "\"id\": \"other-check\"");
    let i = load_error(&src);
    assert_eq!((i.pos.line, i.pos.col), where_is(&src, "\"other-check\""));
    assert_eq!(
        i.message,
        "this answer file belongs to questionnaire `other-check`, not `mini`"
    );
    assert!(i.hint.contains("--questionnaire"));
}

#[test]
fn answer_file_of_another_version_keeps_matching_answers_and_reports_dropped_ones() {
    let src = answer_file(
        "0.0.9",
        "    \"erp\": \"yes\",\n    \"cloud_budget\": 12,\n    \"old_q\": \"x\"",
    );
    let loaded = mini().load_answers("a.json", &src).unwrap();
    assert!(loaded.version_differs);
    assert_eq!(loaded.file_version, "0.0.9");
    assert_eq!(loaded.answers.get(&qid("erp")), Some(&choice("yes")));
    let dropped: Vec<&str> = loaded.dropped.iter().map(|d| d.question.as_str()).collect();
    assert_eq!(dropped, vec!["cloud_budget", "old_q"]);
    assert_eq!(
        loaded.dropped[0].reason.en,
        "questionnaire mini 0.1.0 has no such question"
    );
}

#[test]
fn saved_answers_load_back_identically() {
    let set = worked_firm();
    let file = set.to_file(&mini().questionnaire, Some("2026-11-24T19:10:45Z".into()));
    let src = serde_json::to_string_pretty(&file).unwrap();
    let loaded = mini().load_answers("a.json", &src).unwrap();
    assert_eq!(loaded.answers, set);
    assert_eq!(loaded.saved_at.as_deref(), Some("2026-11-24T19:10:45Z"));
}

// ---------------------------------------------------------------------------------------------
// Properties over generated answer sets

fn lean() -> impl Strategy<Value = Lean> {
    prop_oneof![
        Just(Lean::Any),
        (0.0..=1.0f64).prop_map(Lean::Best),
        (0.0..=1.0f64).prop_map(Lean::Worst),
    ]
}

fn in_range(x: f64) -> bool {
    (0.0..=100.0).contains(&x)
}

/// Questions some `visible_if` reads: changing them can change what else is asked.
fn skip_logic_sources(inst: &Instrument) -> BTreeSet<QuestionId> {
    let mut out = BTreeSet::new();
    for q in &inst.questionnaire.questions {
        if let Some(c) = &q.visible_if {
            let mut all = Vec::new();
            c.walk(&mut all);
            out.extend(all.iter().filter_map(|c| c.question()).cloned());
        }
    }
    out
}

/// A better answer than `a` to `question`, if there is one: a higher-points option, one more
/// positive option ticked, or a number in a higher-points band.
fn improve(inst: &Instrument, question: &QuestionId, a: &Answer, pick: usize) -> Option<Answer> {
    let q = inst.questionnaire.question(question)?;
    let pts = |id: &OptionId| q.option(id).and_then(|o| o.points).unwrap_or(0.0);
    match (q.kind, a) {
        (
            QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo,
            Answer::Choice(o),
        ) => {
            let better: Vec<_> = q
                .options
                .iter()
                .filter(|x| x.points.unwrap_or(0.0) > pts(o))
                .collect();
            (!better.is_empty()).then(|| Answer::Choice(better[pick % better.len()].id.clone()))
        }
        (QuestionKind::Multi, Answer::Choices(ticked)) => {
            let more: Vec<_> = q
                .options
                .iter()
                .filter(|x| {
                    !x.exclusive && !ticked.contains(&x.id) && x.points.unwrap_or(0.0) >= 0.0
                })
                .collect();
            let add = more.get(pick % more.len().max(1))?;
            // Ticking a tool clears "none of these", as the self-check does.
            let mut now: Vec<OptionId> = ticked
                .iter()
                .filter(|id| q.option(id).is_some_and(|o| !o.exclusive))
                .cloned()
                .collect();
            now.push(add.id.clone());
            Some(Answer::Choices(now))
        }
        (QuestionKind::Number, Answer::Number(x)) => {
            let current = q
                .bands
                .iter()
                .find(|b| *x >= b.min && b.max.is_none_or(|hi| *x < hi))?;
            let better: Vec<_> = q
                .bands
                .iter()
                .filter(|b| b.points > current.points)
                .collect();
            (!better.is_empty()).then(|| Answer::Number(better[pick % better.len()].min))
        }
        _ => None,
    }
}

/// The answer file text for `set` with the answers written in the order of `perm`.
fn file_in_order(set: &AnswerSet, perm: &[usize]) -> String {
    let file = set.to_file(&mini().questionnaire, None);
    let entries: Vec<(&String, &Value)> = file.answers.iter().collect();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    // Apply the random permutation as a sequence of swaps.
    for (i, p) in perm.iter().enumerate().take(order.len()) {
        let j = p % order.len();
        order.swap(i, j);
    }
    let body: Vec<String> = order
        .iter()
        .map(|&i| {
            format!(
                "    {}: {}",
                serde_json::to_string(entries[i].0).unwrap(),
                entries[i].1
            )
        })
        .collect();
    format!(
        "{{\n  \"questionnaire\": {},\n  \"profile\": {},\n  \"answers\": {{\n{}\n  }}\n}}\n",
        serde_json::to_string(&file.questionnaire).unwrap(),
        serde_json::to_string(&file.profile).unwrap(),
        body.join(",\n")
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/proptest-regressions/engine.txt"))), ..ProptestConfig::default() })]

    #[test]
    fn all_scores_are_between_0_and_100(seed in any::<u64>(), lean in lean()) {
        let set = generate(&mini().questionnaire, &mut Rng::new(seed), lean);
        let card = score(mini(), &set);
        prop_assert!(card.overall_score.is_none_or(in_range));
        for a in &card.areas {
            prop_assert!(a.score.is_none_or(in_range), "area {} = {:?}", a.id, a.score);
            for d in &a.dimensions {
                prop_assert!(d.score.is_none_or(in_range), "dimension {} = {:?}", d.id, d.score);
            }
            prop_assert!((0.0..=1.0).contains(&a.confidence.share));
        }
        prop_assert!(card.breadth.is_none_or(in_range));
        prop_assert!((0.0..=1.0).contains(&card.confidence.share));
        let c = card.confidence;
        prop_assert_eq!(c.answered + c.dont_know + c.unanswered, c.questions);
    }

    #[test]
    fn a_better_answer_never_lowers_its_dimension_score(
        seed in any::<u64>(),
        lean in lean(),
        which in any::<usize>(),
        pick in any::<usize>(),
    ) {
        let inst = mini();
        let sources = skip_logic_sources(inst);
        let candidates: Vec<_> = inst
            .questionnaire
            .questions
            .iter()
            .filter(|q| q.is_scored() && !sources.contains(&q.id))
            .collect();
        let question = candidates[which % candidates.len()];
        let set = generate(&inst.questionnaire, &mut Rng::new(seed), lean);
        let Some(before) = set.get(&question.id).cloned() else { return Ok(()) };
        let Some(better) = improve(inst, &question.id, &before, pick) else { return Ok(()) };
        let mut improved = set.clone();
        improved.set(question.id.clone(), better.clone());
        let d0 = dim(&score(inst, &set), question.dimension.as_str());
        let d1 = dim(&score(inst, &improved), question.dimension.as_str());
        prop_assert!(
            d1.unwrap_or(0.0) >= d0.unwrap_or(0.0),
            "{}: {:?} → {:?} lowered {} from {:?} to {:?}", question.id, before, better, question.dimension, d0, d1
        );
    }

    #[test]
    fn answer_order_in_the_file_does_not_matter(
        seed in any::<u64>(),
        lean in lean(),
        perm in proptest::collection::vec(any::<usize>(), 8),
    ) {
        let set = generate(&mini().questionnaire, &mut Rng::new(seed), lean);
        let sorted = file_in_order(&set, &[]);
        let shuffled = file_in_order(&set, &perm);
        let a = mini().load_answers("a.json", &sorted).unwrap();
        let b = mini().load_answers("b.json", &shuffled).unwrap();
        prop_assert_eq!(&a.answers, &b.answers);
        prop_assert_eq!(score(mini(), &a.answers), score(mini(), &b.answers));
    }

    #[test]
    fn scoring_is_deterministic(seed in any::<u64>(), lean in lean()) {
        let set = generate(&mini().questionnaire, &mut Rng::new(seed), lean);
        let again = generate(&mini().questionnaire, &mut Rng::new(seed), lean);
        prop_assert_eq!(&set, &again, "the generator repeats for a seed");
        let a = score(mini(), &set);
        let b = score(mini(), &set.clone());
        prop_assert_eq!(&a, &b);
        let ja = score_json(mini(), &a, &set, Lang::Zh);
        let jb = score_json(mini(), &b, &set, Lang::Zh);
        prop_assert_eq!(ja.to_string(), jb.to_string());
    }
}
