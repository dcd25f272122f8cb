//! Properties that make a score fair to the firm that gets it: skipping is never the worst
//! answer, "not applicable" never counts against a firm, a firm without production can reach
//! the top of the ladder, and a recommendation's reasons are answers the firm gave.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::collections::BTreeSet;

use proptest::prelude::*;
use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::model::{QuestionId, QuestionKind};
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::score::score;
use smecheck::domain::{Instrument, ScoreCard};

fn builtin() -> &'static Instrument {
    static INST: std::sync::OnceLock<Instrument> = std::sync::OnceLock::new();
    INST.get_or_init(|| Instrument::builtin().expect("built-in"))
}

/// Questions that some skip logic reads: changing them changes what else is asked.
fn skip_sources() -> BTreeSet<QuestionId> {
    let mut out = BTreeSet::new();
    for q in &builtin().questionnaire.questions {
        if let Some(c) = &q.visible_if {
            let mut all = Vec::new();
            c.walk(&mut all);
            out.extend(all.iter().filter_map(|c| c.question()).cloned());
        }
    }
    out
}

/// The answer earning the fewest points: the lowest option, "none of these" alone, the
/// lowest band.
fn worst(q: &smecheck::domain::Question) -> Option<Answer> {
    let pts = |p: Option<f64>| p.unwrap_or(0.0);
    match q.kind {
        QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => q
            .options
            .iter()
            .min_by(|a, b| pts(a.points).total_cmp(&pts(b.points)))
            .map(|o| Answer::Choice(o.id.clone())),
        QuestionKind::Multi => Some(Answer::Choices(
            q.options
                .iter()
                .rev()
                .find(|o| o.exclusive)
                .map(|o| vec![o.id.clone()])
                .unwrap_or_default(),
        )),
        QuestionKind::Number => q
            .bands
            .iter()
            .min_by(|a, b| a.points.total_cmp(&b.points))
            .map(|b| Answer::Number(b.min)),
        QuestionKind::Text => None,
        // No row ticked / every row at its lowest option.
        QuestionKind::Matrix => {
            let low = q
                .options
                .iter()
                .min_by(|a, b| pts(a.points).total_cmp(&pts(b.points)));
            Some(Answer::Matrix(smecheck::domain::answers::MatrixAnswer {
                ticks: q.ticks,
                rows: q
                    .rows
                    .iter()
                    .map(|r| {
                        let cells = match (q.ticks, low) {
                            (false, Some(o)) => vec![o.id.clone()],
                            _ => Vec::new(),
                        };
                        (r.id.clone(), cells)
                    })
                    .collect(),
            }))
        }
    }
}

/// Every score of the card, by name, where it has one.
fn scores(c: &ScoreCard) -> Vec<(String, Option<f64>)> {
    let mut out = vec![("overall".to_string(), c.overall_score)];
    for a in &c.areas {
        out.push((a.id.to_string(), a.score));
        for d in &a.dimensions {
            out.push((d.id.to_string(), d.score));
        }
    }
    out
}

/// `better` is nowhere below `than`, wherever both have a score.
fn not_lower(better: &ScoreCard, than: &ScoreCard) -> Result<(), String> {
    for ((name, b), (_, t)) in scores(better).into_iter().zip(scores(than)) {
        if let (Some(b), Some(t)) = (b, t)
            && b + 1e-9 < t
        {
            return Err(format!("{name}: {b} < {t}"));
        }
    }
    Ok(())
}

fn lean() -> impl Strategy<Value = Lean> {
    prop_oneof![
        Just(Lean::Any),
        (0.0..=1.0f64).prop_map(Lean::Best),
        (0.0..=1.0f64).prop_map(Lean::Worst),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn leaving_a_question_unanswered_never_scores_below_its_worst_answer(
        seed in any::<u64>(), lean in lean(), pick in any::<usize>(),
    ) {
        let q = &builtin().questionnaire;
        let sources = skip_sources();
        let scored: Vec<_> = q.questions.iter()
            .filter(|x| x.is_scored() && !sources.contains(&x.id))
            .collect();
        let question = scored[pick % scored.len()];
        let mut set = generate(q, &mut Rng::new(seed), lean);
        let Some(w) = worst(question) else { return Ok(()) };
        set.set(question.id.clone(), w);
        let with_worst = score(builtin(), &set);
        set.clear(&question.id);
        let skipped = score(builtin(), &set);
        prop_assert!(not_lower(&skipped, &with_worst).is_ok(), "{}: {:?}", question.id, not_lower(&skipped, &with_worst));
        prop_assert!(skipped.ladders[0].index >= with_worst.ladders[0].index, "{}", question.id);
    }

    #[test]
    fn not_applicable_never_counts_against_a_firm(
        seed in any::<u64>(), lean in lean(), pick in any::<usize>(),
    ) {
        let q = &builtin().questionnaire;
        let offered: Vec<_> = q.questions.iter().filter(|x| x.not_applicable).collect();
        prop_assume!(!offered.is_empty());
        let question = offered[pick % offered.len()];
        let mut set = generate(q, &mut Rng::new(seed), lean);
        let Some(w) = worst(question) else { return Ok(()) };
        set.set(question.id.clone(), w);
        let with_worst = score(builtin(), &set);
        set.set(question.id.clone(), Answer::NotApplicable);
        let na = score(builtin(), &set);
        prop_assert!(not_lower(&na, &with_worst).is_ok(), "{}: {:?}", question.id, not_lower(&na, &with_worst));
        prop_assert!(na.ladders[0].index >= with_worst.ladders[0].index, "{}", question.id);
    }

    #[test]
    fn every_reason_is_an_answer_the_firm_gave_to_a_question_it_was_asked(
        seed in any::<u64>(), lean in lean(), drop in 0.0..0.5f64,
    ) {
        let q = &builtin().questionnaire;
        let mut rng = Rng::new(seed);
        let mut set = generate(q, &mut rng, lean);
        for x in &q.questions {
            if rng.chance(drop) {
                set.clear(&x.id);
            }
        }
        let (card, visible) = smecheck::domain::score::score_and_visibility(builtin(), &set);
        for r in &card.recommendations {
            prop_assert!(!r.because.is_empty(), "{} has no reason", r.proposal);
            for id in &r.because {
                let i = q.question_index(id).expect("known question");
                prop_assert!(visible[i], "{} cites {id}, which was not asked", r.proposal);
                prop_assert!(set.get(id).is_some(), "{} cites {id}, which was not answered", r.proposal);
                prop_assert!(!matches!(set.get(id), Some(Answer::NotApplicable)), "{} cites {id}, not applicable", r.proposal);
            }
        }
    }
}

/// The best answer to every question, with the firm's own facts laid over it.
fn best_firm(overrides: &[(&str, Answer)]) -> AnswerSet {
    let q = &builtin().questionnaire;
    let mut set = generate(q, &mut Rng::new(7), Lean::Best(1.0));
    for (id, a) in overrides {
        set.set(QuestionId((*id).into()), a.clone());
    }
    set
}

fn choice(s: &str) -> Answer {
    Answer::Choice(smecheck::domain::model::OptionId(s.into()))
}

#[test]
fn a_firm_without_production_or_equipment_reaches_the_top_rung() {
    let q = &builtin().questionnaire;
    let top = q.ladders[0].rungs.len() - 1;
    // A software firm: no production, no machines, energy in the rent, IoT and 5G do not apply.
    let mut overrides = vec![("c_has_production", choice("no"))];
    for x in q.questions.iter().filter(|x| x.not_applicable) {
        if [
            "k_equipment_share",
            "k_equipment_cloud",
            "e_energy",
            "i_iot",
            "i_5g",
        ]
        .contains(&x.id.as_str())
        {
            overrides.push((x.id.as_str(), Answer::NotApplicable));
        }
    }
    let card = score(builtin(), &best_firm(&overrides));
    assert_eq!(
        card.ladders[0].index,
        top,
        "stopped at {} (next needs {:?})",
        card.ladders[0].rung,
        card.ladders[0].next.as_ref().map(|n| n
            .unmet
            .iter()
            .map(|u| u.text.en.clone())
            .collect::<Vec<_>>())
    );
    // A manufacturer with hand tools only: production yes, equipment not applicable.
    let card = score(
        builtin(),
        &best_firm(&[
            ("c_has_production", choice("yes")),
            ("k_equipment_share", Answer::NotApplicable),
            ("k_equipment_cloud", Answer::NotApplicable),
        ]),
    );
    assert_eq!(
        card.ladders[0].index, top,
        "stopped at {}",
        card.ladders[0].rung
    );
}

#[test]
fn too_few_answers_give_no_score_rather_than_a_low_one() {
    let q = &builtin().questionnaire;
    let mut set = AnswerSet::new();
    // One good answer in each area is not a result.
    set.set(
        q.questions[1].id.clone(),
        Answer::Choice(q.questions[1].options[0].id.clone()),
    );
    let card = score(builtin(), &set);
    assert_eq!(card.overall_score, None);
    assert!(card.areas.iter().all(|a| a.score.is_none()));
    // An empty run of plain mode is "not enough answers", never "0 — most work on paper".
    let empty = score(builtin(), &AnswerSet::new());
    assert_eq!(empty.overall_score, None);
    assert!(
        empty.recommendations.is_empty(),
        "{:?}",
        empty.recommendations
    );
}

#[test]
fn a_stated_financing_need_puts_its_channel_first() {
    let base = [
        (
            "ch_need",
            Answer::Choices(vec![smecheck::domain::model::OptionId("equity".into())]),
        ),
        ("ch_credit_sales", choice("yes")),
        ("ch_receivables", choice("not_asked")),
    ];
    let card = score(builtin(), &best_firm(&base));
    let first = card.recommendations.first().map(|r| r.proposal.as_str());
    assert_eq!(first, Some("P4"), "{:?}", card.recommendations);
    let p4 = &card.recommendations[0];
    assert_eq!(
        p4.steps[0].rule.as_str(),
        "p4_wants_equity",
        "equity is P4's first step"
    );
}

#[test]
fn small_firm_tax_relief_is_not_offered_to_a_300_person_firm_nor_on_dont_know() {
    let none = Answer::Choices(vec![smecheck::domain::model::OptionId("none".into())]);
    let mut set = best_firm(&[("r_claimed", none)]);
    set.profile.insert("size".into(), "larger".into());
    let fired = |c: &ScoreCard| -> Vec<String> {
        c.recommendations
            .iter()
            .flat_map(|r| r.steps.iter().map(|s| s.rule.to_string()))
            .collect()
    };
    assert!(!fired(&score(builtin(), &set)).contains(&"p9_tax_relief".to_string()));
    set.profile.insert("size".into(), "small".into());
    assert!(fired(&score(builtin(), &set)).contains(&"p9_tax_relief".to_string()));
    set.set(QuestionId("r_claimed".into()), Answer::DontKnow);
    let rules = fired(&score(builtin(), &set));
    assert!(
        !rules.contains(&"p9_tax_relief".to_string()),
        "don't know is not a gap"
    );
    assert!(
        rules.contains(&"p1_claims_unknown".to_string()),
        "it is a find-out step"
    );
}

#[test]
fn an_answer_file_breaking_the_exclusive_rule_is_refused_with_its_place() {
    let inst = builtin();
    let q = &inst.questionnaire;
    let multi = q
        .questions
        .iter()
        .find(|x| x.kind == QuestionKind::Multi && x.options.iter().any(|o| o.exclusive))
        .expect("a multiple choice with 'none of these'");
    let none = multi
        .options
        .iter()
        .find(|o| o.exclusive)
        .expect("exclusive");
    let other = multi
        .options
        .iter()
        .find(|o| !o.exclusive)
        .expect("another");
    let src = format!(
        "{{\n  \"questionnaire\": {{\"id\": \"{}\", \"version\": \"{}\"}},\n  \"answers\": {{\n    \"{}\": [\"{}\", \"{}\"]\n  }}\n}}\n",
        q.id, q.version, multi.id, other.id, none.id
    );
    let err = inst
        .load_answers("firm.json", &src)
        .expect_err("ticks that break the exclusive rule are refused")
        .to_string();
    assert!(err.starts_with("firm.json:4:"), "{err}");
    assert!(err.contains("cannot be ticked together"), "{err}");
}
