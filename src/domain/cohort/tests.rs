use proptest::prelude::*;

use super::*;
use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::OptionId;
use crate::domain::sample::{Lean, Rng, generate};
use crate::domain::score::{score, visibility};
use crate::domain::{Instrument, ScoreCard};

fn inst() -> Instrument {
    Instrument::builtin().expect("built-in questionnaire")
}

/// The textbook reference: sort, then interpolate between the closest ranks.
fn reference(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    let h = (v.len() - 1) as f64 * p;
    let lo = v[h.floor() as usize];
    let hi = v[h.ceil() as usize];
    lo + (hi - lo) * (h - h.floor())
}

/// The schoolbook median: the middle value, or the mean of the two middle ones.
fn middle(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// A room: `n` firms from `seed`, every third one stopped part-way.
fn room(n: usize, seed: u64) -> (Instrument, Vec<AnswerSet>) {
    let inst = inst();
    let q = &inst.questionnaire;
    let mut rng = Rng::new(seed);
    let leans = [
        Lean::Any,
        Lean::Best(0.7),
        Lean::Worst(0.7),
        Lean::Best(0.95),
    ];
    let sets = (0..n)
        .map(|i| {
            let mut a = generate(q, &mut rng, leans[i % leans.len()]);
            a.profile
                .insert("name".into(), format!("Firm Name Number {i}"));
            if i % 3 == 2 {
                let stop = rng.below(q.questions.len());
                for x in &q.questions[stop..] {
                    a.clear(&x.id);
                }
            }
            a
        })
        .collect();
    (inst, sets)
}

fn cards(inst: &Instrument, sets: &[AnswerSet]) -> Vec<ScoreCard> {
    sets.iter().map(|a| score(inst, a)).collect()
}

#[test]
fn quartiles_match_the_spreadsheet_definition() {
    let q = quartiles(&[4.0, 1.0, 3.0, 2.0]).expect("values");
    assert_eq!(
        (q.min, q.q1, q.median, q.q3, q.max),
        (1.0, 1.75, 2.5, 3.25, 4.0)
    );
    let one = quartiles(&[7.0]).expect("one value");
    assert_eq!(
        (one.min, one.q1, one.median, one.q3, one.max),
        (7.0, 7.0, 7.0, 7.0, 7.0)
    );
    assert_eq!(quartiles(&[]), None);
    assert_eq!(quartiles(&[f64::NAN]), None);
    let q = quartiles(&[10.0, f64::NAN, 20.0, 30.0]).expect("finite ones");
    assert_eq!(q.median, 20.0);
    assert_eq!(quantile(&[0.0, 100.0], 0.3), Some(30.0));
}

#[test]
fn a_firm_with_open_questions_is_in_progress() {
    let (inst, sets) = room(6, 11);
    for (set, card) in sets.iter().zip(cards(&inst, &sets)) {
        let visible = visibility(&inst.questionnaire, set);
        let open = inst
            .questionnaire
            .questions
            .iter()
            .zip(&visible)
            .any(|(x, v)| *v && x.is_scored() && set.get(&x.id).is_none());
        assert_eq!(Status::of(&card) == Status::InProgress, open);
    }
    let empty = score(&inst, &AnswerSet::new());
    assert_eq!(Status::of(&empty), Status::InProgress);
}

#[test]
fn an_empty_room_has_no_spread_and_no_standing() {
    let inst = inst();
    let c = Cohort::build(&inst.questionnaire, []);
    assert_eq!((c.firms, c.finished, c.in_progress), (0, 0, 0));
    assert!(c.overall.spread.quartiles.is_none());
    assert!(c.needs.iter().all(|n| n.firms == 0));
    assert!(c.gaps.is_empty());
    let card = score(
        &inst,
        &generate(&inst.questionnaire, &mut Rng::new(1), Lean::Any),
    );
    assert!(c.standing(&card).is_empty());
}

#[test]
fn places_follow_the_quartiles() {
    let q = Quartiles {
        min: 0.0,
        q1: 25.0,
        median: 50.0,
        q3: 75.0,
        max: 100.0,
    };
    assert_eq!(place(&q, 10.0), Place::LowerQuartile);
    assert_eq!(place(&q, 25.0), Place::BelowMedian);
    assert_eq!(place(&q, 50.0), Place::AtMedian);
    assert_eq!(place(&q, 75.0), Place::AboveMedian);
    assert_eq!(place(&q, 75.1), Place::UpperQuartile);
    // A room where everyone scored alike puts everyone at the median, not in a quartile.
    let flat = Quartiles {
        min: 40.0,
        q1: 40.0,
        median: 40.0,
        q3: 40.0,
        max: 40.0,
    };
    assert_eq!(place(&flat, 40.0), Place::AtMedian);
}

#[test]
fn standing_places_the_weakest_and_strongest_firms_at_the_ends() {
    let inst = inst();
    let q = &inst.questionnaire;
    let mut rng = Rng::new(5);
    let mut sets: Vec<AnswerSet> = (0..12).map(|_| generate(q, &mut rng, Lean::Any)).collect();
    sets.push(generate(q, &mut rng, Lean::Worst(1.0)));
    sets.push(generate(q, &mut rng, Lean::Best(1.0)));
    let cards = cards(&inst, &sets);
    let c = Cohort::build(q, &cards);
    assert!(c.finished >= MIN_FOR_STANDING, "{c:?}");
    let worst = c.standing(&cards[12]);
    let best = c.standing(&cards[13]);
    for s in &worst {
        assert_eq!(s.place, Place::LowerQuartile, "{s:?}");
    }
    for s in &best {
        assert_eq!(s.place, Place::UpperQuartile, "{s:?}");
    }
    let areas: Vec<&str> = best.iter().map(|s| s.area.as_str()).collect();
    assert_eq!(areas, vec!["overall", "cloud", "finance"]);
}

#[test]
fn tally_counts_only_firms_that_were_asked() {
    let inst = inst();
    let q = &inst.questionnaire;
    let index = q
        .questions
        .iter()
        .position(|x| x.visible_if.is_some())
        .expect("the built-in questionnaire has skip logic");
    let question = &q.questions[index];
    let mut rng = Rng::new(3);
    let sets: Vec<AnswerSet> = (0..30).map(|_| generate(q, &mut rng, Lean::Any)).collect();
    let visible: Vec<Vec<bool>> = sets.iter().map(|a| visibility(q, a)).collect();
    let t = tally(
        question,
        index,
        sets.iter().zip(&visible).map(|(a, v)| (a, v.as_slice())),
    );
    let asked = visible.iter().filter(|v| v[index]).count();
    assert_eq!(t.firms, 30);
    assert_eq!(t.asked, asked);
    assert!(asked < 30, "some firms skip the question");
    assert!(t.answered <= t.asked);
    assert!(t.dont_know <= t.answered);
    if question.kind != crate::domain::model::QuestionKind::Multi {
        let chosen: usize = t.options.iter().sum::<usize>() + t.bands.iter().sum::<usize>();
        assert_eq!(chosen + t.dont_know, t.answered);
    }
}

#[test]
fn tally_of_a_multiple_choice_counts_each_tick() {
    let inst = inst();
    let q = &inst.questionnaire;
    let index = q
        .questions
        .iter()
        .position(|x| x.id.as_str() == "b_tools")
        .expect("b_tools");
    let question = &q.questions[index];
    let tick = |ids: &[&str]| {
        let mut a = AnswerSet::new();
        a.set(
            question.id.clone(),
            Answer::Choices(ids.iter().map(|s| OptionId((*s).into())).collect()),
        );
        a
    };
    let sets = [
        tick(&["online_office", "work_im"]),
        tick(&["work_im"]),
        AnswerSet::new(),
    ];
    let all = vec![true; q.questions.len()];
    let t = tally(question, index, sets.iter().map(|a| (a, all.as_slice())));
    assert_eq!((t.firms, t.asked, t.answered), (3, 3, 2));
    let at = |id: &str| {
        question
            .options
            .iter()
            .position(|o| o.id.as_str() == id)
            .map(|i| t.options[i])
    };
    assert_eq!(at("online_office"), Some(1));
    assert_eq!(at("work_im"), Some(2));
    assert_eq!(at("video_meeting"), Some(0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn quartiles_agree_with_a_sorted_reference(values in prop::collection::vec(0.0f64..100.0, 1..300)) {
        let q = quartiles(&values).expect("values");
        prop_assert!(close(q.min, reference(&values, 0.0)));
        prop_assert!(close(q.q1, reference(&values, 0.25)));
        prop_assert!(close(q.median, reference(&values, 0.5)));
        prop_assert!(close(q.median, middle(&values)));
        prop_assert!(close(q.q3, reference(&values, 0.75)));
        prop_assert!(close(q.max, reference(&values, 1.0)));
        prop_assert!(q.min <= q.q1 && q.q1 <= q.median && q.median <= q.q3 && q.q3 <= q.max);
    }

    #[test]
    fn any_quantile_agrees_with_the_reference(
        values in prop::collection::vec(-1000.0f64..1000.0, 1..100),
        p in 0.0f64..=1.0,
    ) {
        let got = quantile(&values, p).expect("values");
        prop_assert!((got - reference(&values, p)).abs() < 1e-7, "{got} vs {}", reference(&values, p));
    }

    #[test]
    fn quartiles_of_rounded_scores_with_ties(values in prop::collection::vec(0u8..=10, 1..60)) {
        // Scores in a room tie often (many firms on the same answers).
        let values: Vec<f64> = values.into_iter().map(|v| f64::from(v) * 10.0).collect();
        let q = quartiles(&values).expect("values");
        prop_assert!(close(q.median, middle(&values)));
        prop_assert!(close(q.q1, reference(&values, 0.25)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn counts_add_up(n in 0usize..40, seed in any::<u64>()) {
        let (inst, sets) = room(n, seed);
        let cards = cards(&inst, &sets);
        let c = Cohort::build(&inst.questionnaire, &cards);
        let done: Vec<&ScoreCard> = cards.iter().filter(|k| Status::of(k) == Status::Finished).collect();
        prop_assert_eq!(c.firms, n);
        prop_assert_eq!(c.finished + c.in_progress, n);
        // Firms that answered nothing are counted apart (issue 13, 18), and nowhere else.
        let mut b = super::CohortBuilder::new(&inst.questionnaire);
        for (set, card) in sets.iter().zip(&cards) {
            b.add_firm(set, card);
        }
        b.add_firm(&crate::domain::answers::AnswerSet::new(), &cards.first().cloned().unwrap_or_else(|| score(&inst, &crate::domain::answers::AnswerSet::new())));
        let with_empty = b.finish();
        let empty = sets.iter().filter(|a| super::is_empty(a)).count() + 1;
        prop_assert_eq!(with_empty.empty, empty);
        prop_assert_eq!(with_empty.firms + with_empty.empty, n + 1);
        prop_assert_eq!(with_empty.finished, c.finished);
        prop_assert_eq!(c.finished, done.len());
        prop_assert_eq!(c.overall.levels.iter().map(|l| l.count).sum::<usize>(), c.finished);
        prop_assert_eq!(c.overall.spread.n, c.finished);
        for a in &c.areas {
            prop_assert_eq!(a.levels.iter().map(|l| l.count).sum::<usize>(), c.finished);
            prop_assert_eq!(a.spread.n, c.finished);
        }
        for l in &c.ladders {
            prop_assert_eq!(l.rungs.iter().map(|r| r.count).sum::<usize>(), c.finished);
        }
        for d in &c.dimensions {
            prop_assert!(d.spread.n <= c.finished);
            prop_assert!(d.gaps <= d.spread.n);
            let scores: Vec<f64> = done
                .iter()
                .flat_map(|k| k.areas.iter().flat_map(|a| &a.dimensions))
                .filter(|x| x.id == d.id)
                .filter_map(|x| x.score)
                .collect();
            prop_assert_eq!(scores.len(), d.spread.n);
            if let Some(q) = d.spread.quartiles {
                prop_assert!(close(q.median, middle(&scores)));
                prop_assert!(close(q.q1, reference(&scores, 0.25)));
                prop_assert!(close(q.q3, reference(&scores, 0.75)));
            }
            let gap = c.gaps.iter().find(|g| g.id == d.id.as_str()).map_or(0, |g| g.count);
            prop_assert_eq!(gap, d.gaps);
        }
        for need in &c.needs {
            let firms = done.iter().filter(|k| k.recommendations.iter().any(|r| r.proposal == need.proposal)).count();
            prop_assert_eq!(need.firms, firms);
            prop_assert!(need.urgent <= need.firms);
            prop_assert!(need.steps.iter().all(|s| s.count <= need.firms));
        }
        prop_assert!(c.needs.windows(2).all(|w| w[0].firms >= w[1].firms));
        prop_assert!(c.gaps.windows(2).all(|w| w[0].count >= w[1].count));
        let role = inst.questionnaire.role(crate::domain::model::Role::BreadthVsDepth).expect("declared");
        let shallow = done.iter().filter(|k| k.findings.iter().any(|f| f == role)).count();
        prop_assert_eq!(c.broad_shallow, Some(shallow));
    }

    #[test]
    fn the_order_of_firms_does_not_matter(n in 1usize..25, seed in any::<u64>(), rot in 0usize..25) {
        let (inst, sets) = room(n, seed);
        let mut cards = cards(&inst, &sets);
        let a = Cohort::build(&inst.questionnaire, &cards);
        cards.rotate_left(rot % n);
        cards.reverse();
        let b = Cohort::build(&inst.questionnaire, &cards);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn no_firm_name_reaches_the_room(n in 1usize..20, seed in any::<u64>(), name in "[A-Za-z\u{4e00}-\u{9fa5}]{4,12}") {
        let (inst, mut sets) = room(n, seed);
        for s in &mut sets {
            s.profile.insert("name".into(), name.clone());
        }
        let cards = cards(&inst, &sets);
        let c = Cohort::build(&inst.questionnaire, &cards);
        let json = serde_json::to_string(&c).expect("serialises");
        prop_assert!(!json.contains(&name));
        let debug = format!("{:?}", c);
        prop_assert!(!debug.contains(&name));
        for k in &cards {
            let standing = serde_json::to_string(&c.standing(k)).expect("serialises");
            prop_assert!(!standing.contains(&name));
        }
    }
}

#[test]
fn counts_of_one_or_two_firms_are_never_shown() {
    use super::{count_text, shown_count};
    assert_eq!(shown_count(0), Some(0));
    assert_eq!(shown_count(1), None);
    assert_eq!(shown_count(2), None);
    assert_eq!(shown_count(3), Some(3));
    assert_eq!(count_text(2), "<3");
    assert_eq!(count_text(14), "14");
}
