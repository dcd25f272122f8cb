//! Compiled conditions agree with the interpreted reference, reasons included.

use super::*;
use crate::domain::condition::{Facts, QuestionSet};
use crate::domain::instrument::{BUILTIN_PROPOSALS, Instrument};
use crate::domain::reach::{Lean, Rng, generate};
use crate::domain::score::visibility;

/// Scores, levels, rungs, findings and breadth at random, bounds and gaps included.
fn random_derived(q: &Questionnaire, rng: &mut Rng, visible: &[bool]) -> Derived {
    let mut maybe = |n: usize| (rng.below(5) > 0).then(|| rng.below(n));
    let score_slots = q.dimensions().count() + q.areas.len() + 1;
    Derived {
        // Multiples of 5 hit the bounds rules use (`below: 40`, `at_least: 60`).
        scores: (0..score_slots)
            .map(|_| maybe(21).map(|x| x as f64 * 5.0))
            .collect(),
        breadth: maybe(21).map(|x| x as f64 * 5.0),
        rungs: q.ladders.iter().map(|l| maybe(l.rungs.len())).collect(),
        levels: (0..=q.areas.len())
            .map(|i| maybe(q.levels_of_slot(i).map_or(1, <[_]>::len).max(1)))
            .collect(),
        findings: q.findings.iter().map(|_| maybe(2) == Some(1)).collect(),
        visible: visible.to_vec(),
    }
}

fn check(inst: &Instrument, answers: &AnswerSet, rng: &mut Rng) {
    let q = &inst.questionnaire;
    let (visible, slots) = inst.compiled.visibility(q, answers);
    assert_eq!(visible, visibility(q, answers), "skip logic agrees");
    check_with(inst, answers, &visible, &slots, None);
    for _ in 0..3 {
        let derived = random_derived(q, rng, &visible);
        check_with(inst, answers, &visible, &slots, Some(&derived));
    }
}

fn check_with(
    inst: &Instrument,
    answers: &AnswerSet,
    visible: &[bool],
    slots: &Slots,
    derived: Option<&Derived>,
) {
    let q = &inst.questionnaire;
    let facts = Facts {
        questionnaire: q,
        answers,
        derived,
        mask: Some(visible),
        asked: None,
    };
    let e = Eval {
        questionnaire: q,
        answers,
        slots,
        visible,
        derived,
    };
    for (i, r) in q.rules.iter().enumerate() {
        let holds = inst.compiled.rule_holds(i, &e);
        assert_eq!(
            holds,
            crate::domain::recommend::fires(r, &facts),
            "rule {}",
            r.id
        );
        if holds && derived.is_some() {
            let (mut compiled, mut reference) = (QuestionSet::default(), QuestionSet::default());
            inst.compiled.rule_because(i, &e, &mut compiled);
            r.when.because(&facts, &mut reference);
            assert_eq!(compiled, reference, "reasons of rule {}", r.id);
        }
    }
    for (i, f) in q.findings.iter().enumerate() {
        assert_eq!(
            inst.compiled.finding_holds(i, &e),
            f.when.holds(&facts),
            "finding {}",
            f.id
        );
    }
    for (l, ladder) in q.ladders.iter().enumerate() {
        let met = inst.compiled.rung_requirements(l, &e);
        for (r, rung) in ladder.rungs.iter().enumerate() {
            for (k, req) in rung.requires.iter().enumerate() {
                assert_eq!(
                    met[r][k],
                    req.when.holds(&facts),
                    "rung {} requirement {k}",
                    rung.id
                );
            }
        }
    }
}

#[test]
fn compiled_conditions_agree_with_the_reference() {
    let mini = include_str!("../../../tests/fixtures/questionnaires/valid/mini.json");
    let instruments = [
        Instrument::builtin().expect("built-in"),
        Instrument::from_sources("mini.json", mini, "p.json", BUILTIN_PROPOSALS).expect("mini"),
    ];
    let mut rng = Rng::new(99);
    let leans = [
        Lean::Any,
        Lean::Best(0.8),
        Lean::Worst(0.8),
        Lean::Best(0.5),
    ];
    for inst in &instruments {
        for i in 0..600 {
            let answers = generate(&inst.questionnaire, &mut rng, leans[i % leans.len()]);
            check(inst, &answers, &mut rng);
        }
        check(inst, &AnswerSet::new(), &mut rng);
    }
}
