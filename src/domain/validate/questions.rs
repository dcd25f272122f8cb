//! Checks of questions: dimensions, weights, options and points, scales, yes/partly/no, number
//! bands and "don't know".

use std::collections::BTreeSet;

use super::{Checker, LocalText, Scope, condition, words as w};
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::position::JsonPath;

pub(super) fn questions(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("questions");
    c.unique_in(
        w::QUESTION,
        &root,
        q.questions.iter().map(|x| x.id.as_str()),
    );
    let mut closed: BTreeSet<&str> = BTreeSet::new();
    let mut current: Option<&str> = None;
    for (i, x) in q.questions.iter().enumerate() {
        let p = root.index(i);
        // An earlier version's option must land on an option this question has.
        for (k, prev) in x.previously.iter().enumerate() {
            let pp = p.key("previously").index(k);
            for (old, new) in &prev.options {
                if x.option_str(new).is_none() {
                    c.report(
                        pp.key("options").key(old),
                        LocalText::fill(w::PREVIOUSLY_NO_OPTION, &[&x.id, &old, &new]),
                        LocalText::fill(w::MAP_TO_AN_OPTION, &[]),
                    );
                }
            }
            // Rows are a matrix's: they must land on one of its rows.
            let rows = prev
                .rows
                .iter()
                .map(|(old, new)| (pp.key("rows").key(old), new))
                .chain(prev.row.iter().map(|new| (pp.key("row"), new)));
            for (at, new) in rows {
                if x.kind != QuestionKind::Matrix {
                    c.report(
                        at,
                        LocalText::fill(w::PREVIOUSLY_ROWS_NOT_MATRIX, &[&x.id]),
                        LocalText::fill(w::REMOVE_ROWS_ROW, &[]),
                    );
                    break;
                }
                if x.row_index(new).is_none() {
                    c.report(
                        at,
                        LocalText::fill(w::PREVIOUSLY_NO_ROW, &[&x.id, &new]),
                        LocalText::fill(w::GIVE_A_ROW_ID, &[]),
                    );
                }
            }
        }
        if q.dimension(&x.dimension).is_none() {
            c.report(
                p.key("dimension"),
                LocalText::fill(w::NO_SUCH_DIMENSION, &[&x.id, &x.dimension]),
                LocalText::fill(w::USE_DIMENSION_ID, &[]),
            );
        }
        if current != Some(x.dimension.as_str()) {
            if let Some(prev) = current {
                closed.insert(prev);
            }
            if closed.contains(x.dimension.as_str()) {
                c.report(
                    p.key("dimension"),
                    LocalText::fill(w::DIMENSION_RETURNS, &[&x.id, &x.dimension]),
                    LocalText::fill(w::KEEP_EACH_DIMENSION, &[]),
                );
            }
            current = Some(x.dimension.as_str());
        }
        if !(x.weight >= 0.0 && x.weight.is_finite()) {
            c.report(
                p.key("weight"),
                LocalText::fill(w::QUESTION_WEIGHT, &[&x.id, &x.weight]),
                LocalText::fill(w::ZERO_OR_POSITIVE_WEIGHT, &[]),
            );
        }
        super::too_large(c, p.key("weight"), x.weight);
        let options = p.key("options");
        c.unique_in(w::OPTION, &options, x.options.iter().map(|o| o.id.as_str()));
        for (j, o) in x.options.iter().enumerate() {
            if o.id.as_str() == crate::domain::answers::DONT_KNOW {
                c.report(
                    p.key("options").index(j).key("id"),
                    LocalText::fill(w::DONT_KNOW_RESERVED, &[]),
                    LocalText::fill(w::SET_DONT_KNOW, &[]),
                );
            }
            if o.exclusive && x.kind != QuestionKind::Multi {
                c.report(
                    p.key("options").index(j).key("exclusive"),
                    LocalText::fill(w::EXCLUSIVE_NOT_MULTI, &[&o.id, &x.id]),
                    LocalText::fill(w::REMOVE_FIELD, &[&"exclusive"]),
                );
            }
            if o.zeroes && x.kind != QuestionKind::Multi {
                c.report(
                    p.key("options").index(j).key("zeroes"),
                    LocalText::fill(w::ZEROES_NOT_MULTI, &[&o.id, &x.id]),
                    LocalText::fill(w::ZERO_POINTS_INSTEAD, &[]),
                );
            } else if o.zeroes && o.points.is_some_and(|v| v > 0.0) {
                c.report(
                    p.key("options").index(j).key("points"),
                    LocalText::fill(w::ZEROES_IGNORES_POINTS, &[&o.id, &x.id]),
                    LocalText::fill(w::REMOVE_POINTS_OR_ZERO, &[]),
                );
            }
        }
        question_kind(c, q, i, &p);
        matrix(c, x, &p);
        if let Some(cond) = &x.visible_if {
            condition(c, q, cond, &p.key("visible_if"), Scope::Before(i));
        }
    }
}

/// Checks of a matrix question's rows, and of rows or ticks given to another kind.
fn matrix(c: &mut Checker, x: &crate::domain::model::Question, p: &JsonPath) {
    if !x.is_matrix() {
        for (key, given) in [("rows", !x.rows.is_empty()), ("ticks", x.ticks)] {
            if given {
                c.report(
                    p.key(key),
                    LocalText::fill(w::NOT_MATRIX_HAS_FIELD, &[&x.id, &key]),
                    LocalText::fill(w::REMOVE_OR_MATRIX, &[]),
                );
            }
        }
        return;
    }
    if x.rows.is_empty() {
        c.report(
            p.key("rows"),
            LocalText::fill(w::MATRIX_WITHOUT_ROWS, &[&x.id]),
            LocalText::fill(w::LIST_ROWS, &[]),
        );
    }
    c.unique_in(w::ROW, &p.key("rows"), x.rows.iter().map(|r| r.id.as_str()));
    if x.rows.len() > 64 {
        c.report(
            p.key("rows"),
            LocalText::fill(w::MATRIX_TOO_MANY_ROWS, &[&x.id, &x.rows.len()]),
            LocalText::fill(w::SPLIT_QUESTION, &[]),
        );
    }
}

fn question_kind(c: &mut Checker, q: &Questionnaire, i: usize, p: &JsonPath) {
    let x = &q.questions[i];
    if x.has_options() {
        if x.options.len() < 2 {
            c.report(
                p.key("options"),
                LocalText::fill(w::TOO_FEW_OPTIONS, &[&x.id]),
                LocalText::fill(w::ADD_OPTIONS, &[]),
            );
        }
        let needs_points = x.is_scored()
            && !(x.kind == QuestionKind::Multi
                && x.multi_scoring == crate::domain::model::MultiScoring::Share);
        if needs_points {
            for (j, o) in x.options.iter().enumerate() {
                match o.points {
                    None => c.report(
                        p.key("options").index(j),
                        LocalText::fill(w::OPTION_WITHOUT_POINTS, &[&o.id, &x.id]),
                        LocalText::fill(w::ADD_POINTS_OR_UNSCORE, &[]),
                    ),
                    Some(v) if !v.is_finite() => c.report(
                        p.key("options").index(j).key("points"),
                        LocalText::fill(w::OPTION_POINTS, &[&o.id, &v]),
                        LocalText::fill(w::POINTS_MUST_FINITE, &[]),
                    ),
                    Some(v) => super::too_large(c, p.key("options").index(j).key("points"), v),
                }
            }
            if !x.options.iter().any(|o| o.points.unwrap_or(0.0) > 0.0) {
                c.report(
                    p.key("options"),
                    LocalText::fill(w::NO_OPTION_GIVES_POINTS, &[&x.id]),
                    LocalText::fill(w::GIVE_BEST_OPTION, &[]),
                );
            }
        }
        if x.kind == QuestionKind::Scale || (x.is_matrix() && !x.ticks) {
            for (j, pair) in x.options.windows(2).enumerate() {
                if pair[1].points.unwrap_or(0.0) < pair[0].points.unwrap_or(0.0) {
                    c.report(
                        p.key("options").index(j + 1).key("points"),
                        LocalText::fill(w::SCALE_FALLS, &[&x.id, &pair[0].id, &pair[1].id]),
                        LocalText::fill(w::SCALE_MUST_RISE, &[]),
                    );
                }
            }
        }
        if x.kind == QuestionKind::YesPartlyNo {
            const YPN: [&str; 3] = ["yes", "partly", "no"];
            let stray = x.options.iter().position(|o| !YPN.contains(&o.id.as_str()));
            let ids: BTreeSet<&str> = x.options.iter().map(|o| o.id.as_str()).collect();
            if let Some(j) = stray {
                c.report(
                    p.key("options").index(j).key("id"),
                    LocalText::fill(w::YES_PARTLY_NO, &[&x.id, &x.options[j].id]),
                    LocalText::fill(w::RENAME_OPTION_OR_SINGLE, &[]),
                );
            } else if ids.len() != 3 || x.options.len() != 3 {
                c.report(
                    p.key("options"),
                    LocalText::fill(w::YES_PARTLY_NO_QUESTION, &[&x.id]),
                    LocalText::fill(w::ADD_MISSING_OPTION, &[]),
                );
            }
        }
    } else if !x.options.is_empty() {
        c.report(
            p.key("options"),
            LocalText::fill(w::KIND_TAKES_NO_OPTIONS, &[&x.id]),
            LocalText::fill(w::REMOVE_OPTIONS_OR_KIND, &[]),
        );
    }
    match x.kind {
        QuestionKind::Number => {
            if let (Some(lo), Some(hi)) = (x.min, x.max)
                && lo > hi
            {
                c.report(
                    p.key("min"),
                    LocalText::fill(w::QUESTION_MIN_ABOVE, &[&x.id, &lo, &hi]),
                    LocalText::fill(w::SWAP_THEM, &[]),
                );
            }
            if x.is_scored() && x.bands.is_empty() {
                c.report(
                    p.key("bands"),
                    LocalText::fill(w::NUMBER_WITHOUT_BANDS, &[&x.id]),
                    LocalText::fill(w::ADD_BANDS_OR_UNSCORE, &[]),
                );
            }
            let bp = p.key("bands");
            for (j, b) in x.bands.iter().enumerate() {
                super::too_large(c, bp.index(j).key("points"), b.points);
                if let Some(hi) = b.max
                    && b.min.partial_cmp(&hi) != Some(std::cmp::Ordering::Less)
                {
                    c.report(
                        bp.index(j),
                        LocalText::fill(w::BAND_MIN_NOT_BELOW_MAX, &[&(j + 1), &x.id, &b.min, &hi]),
                        LocalText::fill(w::BAND_IS_HALF_OPEN, &[]),
                    );
                }
                if b.max.is_none() && j + 1 < x.bands.len() {
                    c.report(
                        bp.index(j),
                        LocalText::fill(w::BAND_OPEN_ENDED, &[&(j + 1), &x.id]),
                        LocalText::fill(w::ONLY_LAST_BAND, &[]),
                    );
                }
            }
            for (j, pair) in x.bands.windows(2).enumerate() {
                if let Some(hi) = pair[0].max
                    && hi != pair[1].min
                {
                    let what = if hi < pair[1].min { w::GAP } else { w::OVERLAP };
                    c.report(
                        bp.index(j + 1).key("min"),
                        LocalText::fill(
                            w::BETWEEN_BANDS,
                            &[&what, &(j + 1), &(j + 2), &x.id, &hi, &pair[1].min],
                        ),
                        LocalText::fill(w::BANDS_MEET, &[]),
                    );
                }
            }
            if let (Some(lo), Some(first)) = (x.min, x.bands.first())
                && first.min > lo
            {
                c.report(
                    bp.index(0).key("min"),
                    LocalText::fill(w::NUMBERS_BELOW_BANDS, &[&lo, &first.min, &x.id]),
                    LocalText::fill(w::START_FIRST_BAND, &[]),
                );
            }
            // A number outside every band would be scored as if unanswered, silently.
            if x.is_scored() && !x.bands.is_empty() {
                if x.min.is_none() {
                    c.report(
                        p.key("bands"),
                        LocalText::fill(w::NUMBER_WITHOUT_MIN, &[&x.id]),
                        LocalText::fill(w::SET_QUESTION_MIN, &[]),
                    );
                }
                if let Some(last) = x.bands.last()
                    && let Some(hi) = last.max
                    && x.max.is_none_or(|m| m > hi)
                {
                    let upto = x
                        .max
                        .map_or("any larger number".to_string(), |m| m.to_string());
                    c.report(
                        bp.index(x.bands.len() - 1).key("max"),
                        LocalText::fill(w::NUMBERS_ABOVE_BANDS, &[&hi, &upto, &x.id]),
                        LocalText::fill(w::OPEN_LAST_BAND, &[]),
                    );
                }
            }
        }
        QuestionKind::Text => {
            if x.dont_know {
                c.report(
                    p.key("dont_know"),
                    LocalText::fill(w::TEXT_NO_DONT_KNOW, &[&x.id]),
                    LocalText::fill(w::REMOVE_FIELD, &[&"dont_know"]),
                );
            }
        }
        _ => {
            if !x.bands.is_empty() {
                c.report(
                    p.key("bands"),
                    LocalText::fill(w::BANDS_NOT_NUMBER, &[&x.id]),
                    LocalText::fill(w::REMOVE_FIELD, &[&"bands"]),
                );
            }
        }
    }
}
