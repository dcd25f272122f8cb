//! Every kind of change between two checks, on answers generated from the shipped instrument
//! (no question ids written here).

use super::*;
use crate::domain::sample::{Lean, Rng, generate};

fn inst() -> Instrument {
    Instrument::builtin().unwrap()
}

fn worst(inst: &Instrument) -> AnswerSet {
    generate(&inst.questionnaire, &mut Rng::new(1), Lean::Worst(1.0))
}

fn best(inst: &Instrument) -> AnswerSet {
    generate(&inst.questionnaire, &mut Rng::new(2), Lean::Best(1.0))
}

/// `to` with `from`'s answers to unscored questions (context such as a stated financing
/// need), so a change between the two is a change in what scores.
fn same_context(inst: &Instrument, from: &AnswerSet, mut to: AnswerSet) -> AnswerSet {
    for q in inst
        .questionnaire
        .questions
        .iter()
        .filter(|q| !q.is_scored())
    {
        match from.get(&q.id) {
            Some(a) => to.set(q.id.clone(), a.clone()),
            None => to.clear(&q.id),
        }
    }
    to
}

fn between(inst: &Instrument, b: &AnswerSet, a: &AnswerSet) -> Progress {
    compare(inst, b, &score(inst, b), a, &score(inst, a))
}

#[test]
fn a_firm_that_improves_everywhere_moves_up_climbs_and_resolves() {
    let i = inst();
    let (b, a) = (worst(&i), best(&i));
    let p = between(&i, &b, &a);
    assert_eq!(p.overall.movement, Some(Movement::Up));
    assert!(p.overall.delta.is_some_and(|d| d > 0.0));
    assert_eq!(
        p.overall.delta,
        p.overall
            .after
            .zip(p.overall.before)
            .map(|(a, b)| i.questionnaire.score_format.round(a - b))
    );
    assert_ne!(p.overall.level_before, p.overall.level_after);
    assert_eq!(p.areas.len(), i.questionnaire.areas.len());
    for area in &p.areas {
        assert_eq!(area.score.movement, Some(Movement::Up), "{}", area.id);
        for d in &area.dimensions {
            if let Some(delta) = d.delta {
                assert!(delta >= 0.0, "{} fell by {delta}", d.id);
            }
        }
    }
    assert!(!p.ladders.is_empty());
    for l in &p.ladders {
        assert_eq!(l.movement, Movement::Up, "{}", l.ladder);
        assert!(l.steps > 0);
        assert_eq!(l.after_number as i64 - l.before_number as i64, l.steps);
    }
    let before = score(&i, &b);
    let resolved: Vec<_> = p.with_status(Status::Resolved).collect();
    assert!(!resolved.is_empty());
    for r in &resolved {
        assert!(
            before
                .recommendations
                .iter()
                .any(|x| x.proposal == r.proposal)
        );
        assert_eq!(r.priority_after, None);
    }
    // Every rule that fired before and no longer does is an action acted on: the best answers
    // leave nothing unanswered.
    assert!(p.acted_on().count() > 0);
    assert!(p.actions.iter().all(|a| a.status != ActionStatus::Unclear));
    assert_eq!(p.compared, a.len().min(b.len()));
    assert!(p.unmapped.is_empty() && p.only_after.is_empty() && p.only_before.is_empty());
}

#[test]
fn a_firm_that_slips_moves_down_loses_rungs_and_gets_new_recommendations() {
    let i = inst();
    let b = best(&i);
    let p = between(&i, &b, &same_context(&i, &b, worst(&i)));
    assert_eq!(p.overall.movement, Some(Movement::Down));
    assert!(p.overall.delta.is_some_and(|d| d < 0.0));
    assert!(
        p.ladders
            .iter()
            .all(|l| l.steps < 0 && l.movement == Movement::Down)
    );
    assert!(p.with_status(Status::New).count() > 0);
    assert!(p.actions.iter().any(|a| a.status == ActionStatus::New));
    assert_eq!(p.acted_on().count(), 0);
}

#[test]
fn the_same_answers_change_nothing() {
    let i = inst();
    let b = generate(&i.questionnaire, &mut Rng::new(7), Lean::Any);
    let p = between(&i, &b, &b);
    assert_eq!(p.overall.delta, Some(0.0));
    assert_eq!(p.overall.movement, Some(Movement::Same));
    assert!(p.ladders.iter().all(|l| l.movement == Movement::Same));
    assert!(
        p.areas
            .iter()
            .all(|a| a.score.movement == Some(Movement::Same))
    );
    assert!(
        p.recommendations
            .iter()
            .all(|r| r.status == Status::StillOpen)
    );
    assert!(
        p.actions
            .iter()
            .all(|a| a.status == ActionStatus::StillOpen)
    );
    assert!(p.findings.iter().all(|f| f.status == Status::StillOpen));
    assert!(p.answers.is_empty());
    assert_eq!(p.compared, b.len());
}

#[test]
fn one_changed_answer_is_listed_with_both_values() {
    let i = inst();
    let b = worst(&i);
    let mut a = b.clone();
    let q = i
        .questionnaire
        .questions
        .iter()
        .find(|q| q.is_scored() && q.options.len() > 1 && b.get(&q.id).is_some())
        .unwrap();
    let other = q
        .options
        .iter()
        .find(|o| Some(&Answer::Choice(o.id.clone())) != b.get(&q.id))
        .unwrap();
    a.set(q.id.clone(), Answer::Choice(other.id.clone()));
    let p = between(&i, &b, &a);
    assert_eq!(p.answers.len(), 1);
    assert_eq!(p.answers[0].question, q.id);
    assert_eq!(p.answers[0].before.as_ref(), b.get(&q.id));
    assert_eq!(p.answers[0].after, Some(Answer::Choice(other.id.clone())));
}

/// An action that stops firing only because its reason is unanswered now is not "acted on".
#[test]
fn a_rule_that_stops_firing_because_answers_are_missing_is_unclear() {
    let i = inst();
    let b = worst(&i);
    let card = score(&i, &b);
    let rec = &card.recommendations[0];
    let a = b.filtered(|id| !rec.because.contains(id));
    let p = between(&i, &b, &a);
    let now = score(&i, &a);
    let stopped: Vec<_> = rec
        .steps
        .iter()
        .filter(|s| {
            !now.recommendations
                .iter()
                .any(|r| r.steps.iter().any(|t| t.rule == s.rule))
        })
        .collect();
    assert!(
        !stopped.is_empty(),
        "blanking the reasons should stop a rule"
    );
    for s in stopped {
        let action = p.actions.iter().find(|x| x.rule == s.rule).unwrap();
        assert_eq!(action.status, ActionStatus::Unclear, "{}", s.rule);
    }
    assert!(!p.only_before.is_empty());
    assert!(p.answers.iter().all(|c| c.after.is_none()));
}

#[test]
fn findings_resolved_and_new() {
    let i = inst();
    // Find two generated firms whose findings differ, to see both directions.
    let q = &i.questionnaire;
    let mut rng = Rng::new(11);
    let sets: Vec<AnswerSet> = (0..200).map(|_| generate(q, &mut rng, Lean::Any)).collect();
    let with = sets
        .iter()
        .find(|s| !score(&i, s).findings.is_empty())
        .unwrap();
    let without = sets
        .iter()
        .find(|s| score(&i, s).findings.is_empty())
        .unwrap();
    let p = between(&i, with, without);
    assert!(!p.findings.is_empty());
    assert!(p.findings.iter().all(|f| f.status == Status::Resolved));
    let p = between(&i, without, with);
    assert!(p.findings.iter().all(|f| f.status == Status::New));
}

fn file_of(i: &Instrument, set: &AnswerSet, version: &str) -> AnswerFile {
    let mut f = set.to_file(&i.questionnaire, Some("2026-06-01T09:00:00Z".into()));
    f.questionnaire.version = version.into();
    f
}

#[test]
fn across_versions_what_maps_is_compared_and_the_rest_is_listed() {
    let i = inst();
    let q = &i.questionnaire;
    let b = worst(&i);
    let a = best(&i);
    let mut before = file_of(&i, &b, "0.9");
    // A question the earlier version had and this one does not (removed).
    before
        .answers
        .insert("retired_question".into(), serde_json::json!("x"));
    // A question this version added: absent from the earlier file.
    let added = q.questions.iter().find(|q| q.is_scored()).unwrap();
    before.answers.remove(added.id.as_str());
    // An option the earlier version offered and this one does not.
    let changed = q
        .questions
        .iter()
        .find(|x| {
            x.has_options() && x.id != added.id && x.kind != crate::domain::QuestionKind::Multi
        })
        .unwrap();
    before
        .answers
        .insert(changed.id.to_string(), serde_json::json!("retired_option"));
    let after = file_of(&i, &a, &q.version);

    let p = compare_files(&i, &before, &after).unwrap();
    assert_eq!(p.before.version, "0.9");
    assert_eq!(p.after.version, q.version);
    assert_eq!(p.before.saved_at.as_deref(), Some("2026-06-01T09:00:00Z"));
    let listed: Vec<_> = p.unmapped.iter().map(|u| u.question.as_str()).collect();
    assert_eq!(listed, {
        let mut v = vec!["retired_question", changed.id.as_str()];
        v.sort();
        v
    });
    assert!(p.unmapped.iter().all(|u| u.side == Side::Before));
    let removed = p
        .unmapped
        .iter()
        .find(|u| u.question == "retired_question")
        .unwrap();
    assert!(removed.reason.en.contains("no such question"));
    assert!(
        p.unmapped
            .iter()
            .find(|u| u.question == changed.id.as_str())
            .unwrap()
            .reason
            .en
            .contains("retired_option")
    );
    assert!(p.only_after.contains(&added.id));
    assert!(p.only_after.contains(&changed.id));
    // Every question answered now is either compared or listed as answered only now.
    let answered_now = q
        .questions
        .iter()
        .filter(|x| a.get(&x.id).is_some())
        .count();
    assert_eq!(p.compared + p.only_after.len(), answered_now);
    // A question that names its earlier form (`previously`) is read from that form in a file
    // of another version, which this file (today's ids) may lack; every other question
    // answered in both files is compared.
    let plain = q
        .questions
        .iter()
        .filter(|x| x.id != added.id && x.id != changed.id && x.previously.is_empty())
        .filter(|x| a.get(&x.id).is_some() && b.get(&x.id).is_some())
        .count();
    assert!(p.compared >= plain, "{} < {plain}", p.compared);
}

#[test]
fn files_of_another_questionnaire_are_refused() {
    let i = inst();
    let b = worst(&i);
    let mut other = file_of(&i, &b, "1.0");
    other.questionnaire.id = "someone-else".into();
    let same = file_of(&i, &b, &i.questionnaire.version);
    let e = compare_files(&i, &other, &same).unwrap_err();
    assert!(matches!(
        e,
        CompareError::OtherQuestionnaire {
            side: Side::Before,
            ..
        }
    ));
    assert!(e.text().zh.contains("someone-else"));
    let e = compare_files(&i, &same, &other).unwrap_err();
    assert!(e.text().en.contains("later answer file"));
}

#[test]
fn small_differences_count_as_the_same() {
    // One decimal (the default precision): 0.04 shows as 0.0.
    assert_eq!(Movement::of_delta(0.04, 1), Movement::Same);
    assert_eq!(Movement::of_delta(-0.04, 1), Movement::Same);
    assert_eq!(Movement::of_delta(0.1, 1), Movement::Up);
    assert_eq!(Movement::of_delta(-0.1, 1), Movement::Down);
    // Two decimals (the DMA, the DII): 0.04 is a change a reader sees.
    assert_eq!(Movement::of_delta(0.04, 2), Movement::Up);
    assert_eq!(Movement::of_delta(-0.01, 2), Movement::Down);
    assert_eq!(Movement::of_delta(0.004, 2), Movement::Same);
}
