//! Warnings: things a questionnaire may say that are allowed but probably not meant — points
//! that can have no effect, and questions that can never score. `smecheck validate` prints
//! them and still passes the file.

use super::{Checker, LocalText, words as w};
use crate::domain::model::{MultiScoring, Question, QuestionKind, Questionnaire};
use crate::domain::position::JsonPath;

/// Every warning, in file order of the questions.
pub(super) fn warnings(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("questions");
    for (i, x) in q.questions.iter().enumerate() {
        let p = root.index(i);
        if x.is_scored() {
            no_effect_points(c, x, &p);
            never_scores(c, x, &p);
        } else if let Some(j) = x.options.iter().position(|o| o.points.is_some()) {
            c.report(
                p.key("options").index(j).key("points"),
                LocalText::fill(w::UNSCORED_HAS_POINTS, &[&x.id]),
                LocalText::fill(w::REMOVE_POINTS_OR_WEIGH, &[]),
            );
        }
    }
}

fn no_effect_points(c: &mut Checker, x: &Question, p: &JsonPath) {
    if x.kind != QuestionKind::Multi {
        return;
    }
    for (j, o) in x.options.iter().enumerate() {
        let at = p.key("options").index(j).key("points");
        match (x.multi_scoring, o.points) {
            (MultiScoring::Share, Some(_)) => c.report(
                at,
                LocalText::fill(w::SHARE_IGNORES_POINTS, &[&o.id, &x.id]),
                LocalText::fill(w::REMOVE_POINTS_OR_SUM, &[]),
            ),
            (MultiScoring::Sum, Some(v)) if o.exclusive && v > 0.0 => c.report(
                at,
                LocalText::fill(w::NONE_OF_THESE_SCORES, &[&o.id, &x.id, &v]),
                LocalText::fill(w::NONE_OF_THESE_EARNS_ZERO, &[]),
            ),
            _ => {}
        }
    }
}

/// A scored number question whose accepted range falls only in bands worth nothing.
fn never_scores(c: &mut Checker, x: &Question, p: &JsonPath) {
    if x.kind != QuestionKind::Number || x.bands.is_empty() {
        return;
    }
    let lo = x.min.unwrap_or(f64::NEG_INFINITY);
    let hi = x.max.unwrap_or(f64::INFINITY);
    let reachable = x.bands.iter().any(|b| {
        let starts_below_hi = b.min <= hi;
        let ends_above_lo = b.max.is_none_or(|m| m > lo);
        b.points > 0.0 && starts_below_hi && ends_above_lo
    });
    if !reachable {
        c.report(
            p.key("bands"),
            LocalText::fill(w::NUMBER_NEVER_SCORES, &[&x.id, &lo, &hi]),
            LocalText::fill(w::CHECK_MIN_MAX, &[]),
        );
    }
}
