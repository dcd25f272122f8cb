//! The reachability check of a questionnaire: can every rung be stood on and every proposal
//! be recommended? Searched with deterministic sampled firms ([`super::sample`]).

use super::instrument::{Instrument, Problem};
use super::position::JsonPath;
use super::sample::{Lean, Rng, generate};
use super::score::score;
use super::text::LocalText;
use super::validate::words as w;

/// How many sampled answer sets the lint tries.
pub const LINT_SAMPLES: usize = 3000;

/// Rungs no sampled firm reaches and proposals no sampled firm is pointed to.
pub fn lint_reachability(inst: &Instrument) -> Vec<Problem> {
    let q = &inst.questionnaire;
    let mut rung_reached: Vec<Vec<bool>> = q
        .ladders
        .iter()
        .map(|l| vec![false; l.rungs.len()])
        .collect();
    let mut proposal_hit = vec![false; inst.proposals.proposals.len()];
    let mut rng = Rng::new(2020_0531);
    let leans = [
        Lean::Any,
        Lean::Best(0.9),
        Lean::Worst(0.9),
        Lean::Best(0.6),
        Lean::Worst(0.6),
        Lean::Best(1.0),
    ];
    for i in 0..LINT_SAMPLES {
        let answers = generate(q, &mut rng, leans[i % leans.len()]);
        let card = score(inst, &answers);
        for (li, l) in card.ladders.iter().enumerate() {
            for r in rung_reached[li].iter_mut().take(l.index + 1) {
                *r = true;
            }
        }
        for rec in &card.recommendations {
            if let Some(pi) = inst
                .proposals
                .proposals
                .iter()
                .position(|p| p.id == rec.proposal)
            {
                proposal_hit[pi] = true;
            }
        }
        if rung_reached.iter().all(|v| v.iter().all(|x| *x)) && proposal_hit.iter().all(|x| *x) {
            break;
        }
    }
    let mut out = Vec::new();
    for (li, l) in q.ladders.iter().enumerate() {
        for (ri, r) in l.rungs.iter().enumerate() {
            if !rung_reached[li][ri] {
                out.push(Problem::new(
                    false,
                    JsonPath::root()
                        .key("ladders")
                        .index(li)
                        .key("rungs")
                        .index(ri)
                        .key("requires"),
                    LocalText::fill(w::RUNG_NEVER_REACHED, &[&l.id, &r.id, &LINT_SAMPLES]),
                    LocalText::fill(w::CHECK_RUNG_REQUIREMENTS, &[]),
                ));
            }
        }
    }
    for (pi, p) in inst.proposals.proposals.iter().enumerate() {
        if !proposal_hit[pi]
            && let Some(ri) = q.rules.iter().position(|r| r.proposal == p.id)
        {
            out.push(Problem::new(
                false,
                JsonPath::root().key("rules").index(ri).key("when"),
                LocalText::fill(w::PROPOSAL_NEVER_RECOMMENDED, &[&p.id, &LINT_SAMPLES]),
                LocalText::fill(w::CHECK_RULE_CONDITIONS, &[]),
            ));
        }
    }
    out
}
