//! Checks of conditions: every id they name exists, every test can hold, and each reads only
//! what is known where it stands (skip logic, ladders, findings, rules).

use std::collections::BTreeSet;

use super::{Checker, LocalText, words as w};
use crate::domain::condition::Condition;
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::position::JsonPath;
use crate::domain::text::id_list;

/// What a condition may read where it stands.
#[derive(Clone, Copy)]
pub(super) enum Scope {
    /// Skip logic of question `n`: answers to questions before `n`, and the profile.
    Before(usize),
    /// Ladder requirements: answers and profile.
    Answers,
    /// Findings: also scores, breadth, rungs and levels.
    Results,
    /// Rules: everything, findings included.
    Rules,
}

/// The key a condition is written under, e.g. `choice` in `{"choice": {...}}`.
fn tag(cond: &Condition) -> &'static str {
    match cond {
        Condition::All(_) => "all",
        Condition::Any(_) => "any",
        Condition::Not(_) => "not",
        Condition::Choice { .. } => "choice",
        Condition::ChoiceAll { .. } => "choice_all",
        Condition::Count { .. } => "count",
        Condition::Number { .. } => "number",
        Condition::Points { .. } => "points",
        Condition::Cell { .. } => "cell",
        Condition::RowPoints { .. } => "row_points",
        Condition::Answered(_) => "answered",
        Condition::DontKnow(_) => "dont_know",
        Condition::NotApplicable(_) => "not_applicable",
        Condition::Profile { .. } => "profile",
        Condition::Score { .. } => "score",
        Condition::Breadth { .. } => "breadth",
        Condition::Rung { .. } => "rung",
        Condition::Level { .. } => "level",
        Condition::Finding(_) => "finding",
    }
}

/// Checks that `x` is a matrix question with row `row`; says which is wrong where. Whether the
/// row is there to read options from.
fn matrix_row(
    c: &mut Checker,
    x: &crate::domain::model::Question,
    row: &str,
    q_at: &JsonPath,
    at: &JsonPath,
) -> bool {
    let id = &x.id;
    if !x.is_matrix() {
        c.report(
            q_at.clone(),
            LocalText::fill(w::CELL_NEEDS_MATRIX, &[&id]),
            LocalText::fill(w::CHOICE_OR_POINTS_ELSEWHERE, &[]),
        );
        return false;
    }
    if x.row_index(row).is_none() {
        let rows = id_list(x.rows.iter().map(|r| r.id.as_str()));
        c.report(
            at.key("row"),
            LocalText::fill(w::NO_SUCH_ROW, &[&id, &row]),
            LocalText::fill(w::ROWS_OF, &[&id, &rows]),
        );
        return false;
    }
    true
}

/// Checks one condition where it stands; `path` is the condition object, and each problem is
/// placed on the value at fault inside it (the question id, the unknown option, the bound).
pub(super) fn condition(
    c: &mut Checker,
    q: &Questionnaire,
    cond: &Condition,
    path: &JsonPath,
    scope: Scope,
) {
    let answers_only = matches!(scope, Scope::Before(_) | Scope::Answers);
    let key = tag(cond);
    let at = path.key(key);
    match cond {
        Condition::All(cs) | Condition::Any(cs) => {
            if cs.is_empty() {
                c.report(
                    at.clone(),
                    LocalText::fill(w::EMPTY_LIST, &[&key]),
                    LocalText::fill(w::LIST_A_CONDITION, &[]),
                );
            }
            for (i, x) in cs.iter().enumerate() {
                condition(c, q, x, &at.index(i), scope);
            }
            return;
        }
        Condition::Not(x) => return condition(c, q, x, &at, scope),
        _ => {}
    }
    if let Some(id) = cond.question() {
        let q_at = match cond {
            Condition::Answered(_) | Condition::DontKnow(_) | Condition::NotApplicable(_) => {
                at.clone()
            }
            _ => at.key("question"),
        };
        let Some(idx) = q.question_index(id) else {
            c.report(
                q_at,
                LocalText::fill(w::NO_SUCH_QUESTION, &[&id]),
                LocalText::fill(w::CHECK_ID, &[&w::QUESTION]),
            );
            return;
        };
        if let Scope::Before(me) = scope {
            if idx == me {
                c.report(
                    q_at.clone(),
                    LocalText::fill(w::DEPENDS_ON_ITSELF, &[&id]),
                    LocalText::fill(w::DEPEND_ON_EARLIER_ONLY, &[]),
                );
            } else if idx > me {
                c.report(
                    q_at.clone(),
                    LocalText::fill(w::DEPENDS_ON_LATER, &[&q.questions[me].id, &id]),
                    LocalText::fill(w::MOVE_QUESTION_AFTER, &[]),
                );
            }
        }
        let x = &q.questions[idx];
        let check_options =
            |c: &mut Checker, list: &str, opts: &[crate::domain::model::OptionId]| {
                if opts.is_empty() {
                    c.report(
                        at.key(list),
                        LocalText::fill(w::OPTION_LIST_EMPTY, &[]),
                        LocalText::fill(w::LIST_AN_OPTION, &[]),
                    );
                }
                for (k, o) in opts.iter().enumerate() {
                    if x.option(o).is_none() {
                        let known = id_list(x.options.iter().map(|o| o.id.as_str()));
                        c.report(
                            at.key(list).index(k),
                            LocalText::fill(w::NO_SUCH_OPTION, &[&id, &o]),
                            LocalText::fill(w::OPTIONS_OF, &[&id, &known]),
                        );
                    }
                }
            };
        match cond {
            Condition::Choice { any_of, .. } if x.is_matrix() => {
                c.report(
                    q_at.clone(),
                    LocalText::fill(w::CHOICE_ON_MATRIX, &[&id]),
                    LocalText::fill(w::USE_CELL, &[]),
                );
                check_options(c, "any_of", any_of);
            }
            // Options are checked only on a row that is there (the row's problem says enough).
            Condition::Cell { row, any_of, .. } if matrix_row(c, x, row.as_str(), &q_at, &at) => {
                check_options(c, "any_of", any_of);
            }
            Condition::RowPoints {
                row,
                at_least,
                below,
                ..
            } => {
                matrix_row(c, x, row.as_str(), &q_at, &at);
                impossible_range(c, &at, *at_least, *below);
                if at_least.is_some_and(|v| v > 1.0) {
                    c.report(
                        at.key("at_least"),
                        LocalText::fill(w::ROW_POINTS_SHARE, &[]),
                        LocalText::fill(w::USE_ZERO_TO_ONE, &[]),
                    );
                }
            }
            Condition::Choice { any_of, .. } => {
                if !x.has_options() {
                    c.report(
                        q_at.clone(),
                        LocalText::fill(w::CHOICE_NEEDS_OPTIONS, &[&id]),
                        LocalText::fill(w::USE_NUMBER, &[]),
                    );
                }
                check_options(c, "any_of", any_of);
            }
            Condition::ChoiceAll { all_of, .. } => {
                if x.kind != QuestionKind::Multi {
                    c.report(
                        q_at.clone(),
                        LocalText::fill(w::CHOICE_ALL_NEEDS_MULTI, &[&id]),
                        LocalText::fill(w::USE_CHOICE, &[]),
                    );
                }
                check_options(c, "all_of", all_of);
            }
            Condition::Count {
                at_least, at_most, ..
            } => {
                if x.kind != QuestionKind::Multi {
                    c.report(
                        q_at.clone(),
                        LocalText::fill(w::COUNT_NEEDS_MULTI, &[&id]),
                        LocalText::fill(w::USE_CHOICE, &[]),
                    );
                }
                let n = x.options.iter().filter(|o| !o.exclusive).count() as u32;
                if at_least.is_some_and(|lo| lo > n)
                    || matches!((at_least, at_most), (Some(lo), Some(hi)) if lo > hi)
                {
                    c.report(
                        at.key("at_least"),
                        LocalText::fill(w::COUNT_NEVER_HOLDS, &[&id, &n]),
                        LocalText::fill(w::LOWER_AT_LEAST, &[]),
                    );
                }
            }
            Condition::Number {
                at_least, below, ..
            } => {
                if x.kind != QuestionKind::Number {
                    c.report(
                        q_at.clone(),
                        LocalText::fill(w::NUMBER_NEEDS_NUMBER_QUESTION, &[&id]),
                        LocalText::fill(w::USE_CHOICE_OR_POINTS, &[]),
                    );
                }
                impossible_range(c, &at, *at_least, *below);
            }
            Condition::Points {
                at_least, below, ..
            } => {
                if !x.is_scored() {
                    c.report(
                        q_at.clone(),
                        LocalText::fill(w::POINTS_NEEDS_SCORED, &[&id]),
                        LocalText::fill(w::USE_CHOICE, &[]),
                    );
                }
                impossible_range(c, &at, *at_least, *below);
                if at_least.is_some_and(|v| v > 1.0) {
                    c.report(
                        at.key("at_least"),
                        LocalText::fill(w::POINTS_SHARE, &[]),
                        LocalText::fill(w::USE_ZERO_TO_ONE, &[]),
                    );
                }
            }
            Condition::DontKnow(_) if !x.dont_know => {
                c.report(
                    q_at.clone(),
                    LocalText::fill(w::NO_DONT_KNOW_NEVER_HOLDS, &[&id]),
                    LocalText::fill(w::SET_DONT_KNOW_ON_QUESTION, &[]),
                );
            }
            Condition::NotApplicable(_) if !x.not_applicable => {
                c.report(
                    q_at.clone(),
                    LocalText::fill(w::NO_NOT_APPLICABLE_NEVER_HOLDS, &[&id]),
                    LocalText::fill(w::SET_NOT_APPLICABLE, &[]),
                );
            }
            _ => {}
        }
        return;
    }
    match cond {
        Condition::Profile { field, any_of } => match q.profile.iter().find(|f| &f.id == field) {
            None => c.report(
                at.key("field"),
                LocalText::fill(w::NO_SUCH_PROFILE_FIELD, &[&field]),
                LocalText::fill(w::USE_ID_FROM, &[&"profile[].id"]),
            ),
            Some(f) if !f.options.is_empty() => {
                for (k, v) in any_of.iter().enumerate() {
                    if !f.options.iter().any(|o| &o.id == v) {
                        c.report(
                            at.key("any_of").index(k),
                            LocalText::fill(w::NO_SUCH_PROFILE_OPTION, &[&field, &v]),
                            LocalText::fill(w::CHECK_ID, &[&w::OPTION]),
                        );
                    }
                }
            }
            _ => {}
        },
        _ if answers_only => {
            let (place, may) = match scope {
                Scope::Before(me) => (
                    LocalText::fill(w::SKIP_LOGIC_OF, &[&q.questions[me].id]),
                    w::EARLIER_ANSWERS_AND_PROFILE,
                ),
                _ => (
                    LocalText::fill(w::LADDER_REQUIREMENT, &[]),
                    w::ANSWERS_AND_PROFILE,
                ),
            };
            c.report(
                at,
                LocalText::fill(w::CANNOT_TEST_HERE, &[&key, &place, &may]),
                LocalText::fill(w::COMPUTED_FROM_ALL_ANSWERS, &[]),
            );
        }
        Condition::Score {
            of,
            at_least,
            below,
        } => {
            let known = of == "overall"
                || q.area(&of.as_str().into()).is_some()
                || q.dimension(&of.as_str().into()).is_some();
            if !known {
                c.report(
                    at.key("of"),
                    LocalText::fill(w::NO_SUCH_SCORE, &[&of]),
                    LocalText::fill(w::USE_SCORE_ID, &[]),
                );
            }
            impossible_range(c, &at, *at_least, *below);
        }
        Condition::Breadth { at_least, below } => {
            if q.breadth.is_none() {
                c.report(
                    at.clone(),
                    LocalText::fill(w::NO_BREADTH_DEFINED, &[]),
                    LocalText::fill(w::ADD_BREADTH_SECTION, &[]),
                );
            }
            impossible_range(c, &at, *at_least, *below);
        }
        Condition::Rung {
            ladder,
            at_least,
            below,
        } => match q.ladders.iter().find(|l| &l.id == ladder) {
            None => c.report(
                at.key("ladder"),
                LocalText::fill(w::NO_SUCH_LADDER, &[&ladder]),
                LocalText::fill(w::USE_ID_FROM, &[&"ladders[].id"]),
            ),
            Some(l) => {
                let pos = |id: &String| l.rungs.iter().position(|r| &r.id == id);
                for (bound, id) in [("at_least", at_least), ("below", below)] {
                    if let Some(id) = id
                        && pos(id).is_none()
                    {
                        c.report(
                            at.key(bound),
                            LocalText::fill(w::NO_SUCH_RUNG, &[&ladder, &id]),
                            LocalText::fill(w::CHECK_ID, &[&w::RUNG]),
                        );
                    }
                }
                if let (Some(lo), Some(hi)) = (
                    at_least.as_ref().and_then(pos),
                    below.as_ref().and_then(pos),
                ) && lo >= hi
                {
                    c.report(
                        at.clone(),
                        LocalText::fill(w::RUNG_RANGE_EMPTY, &[]),
                        LocalText::fill(w::AT_LEAST_LOWER_RUNG, &[]),
                    );
                }
            }
        },
        Condition::Level { area, any_of } => {
            let levels = if area == "overall" {
                Some(&q.levels)
            } else {
                q.area(&area.as_str().into()).map(|a| &a.levels)
            };
            match levels {
                None => c.report(
                    at.key("area"),
                    LocalText::fill(w::NO_SUCH_LEVELS_AREA, &[&area]),
                    LocalText::fill(w::USE_OVERALL_OR_AREA, &[]),
                ),
                Some(ls) => {
                    let ids: BTreeSet<&str> = ls.iter().map(|l| l.id.as_str()).collect();
                    for (k, v) in any_of.iter().enumerate() {
                        if !ids.contains(v.as_str()) {
                            c.report(
                                at.key("any_of").index(k),
                                LocalText::fill(w::NO_SUCH_LEVEL, &[&area, &v]),
                                LocalText::fill(w::CHECK_ID, &[&w::LEVEL]),
                            );
                        }
                    }
                }
            }
        }
        Condition::Finding(id) => {
            if !matches!(scope, Scope::Rules) {
                c.report(
                    at.clone(),
                    LocalText::fill(w::FINDING_IN_FINDING, &[]),
                    LocalText::fill(w::MOVE_TEST_TO_RULE, &[]),
                );
            } else if !q.findings.iter().any(|f| &f.id == id) {
                c.report(
                    at.clone(),
                    LocalText::fill(w::NO_SUCH_FINDING, &[&id]),
                    LocalText::fill(w::USE_ID_FROM, &[&"findings[].id"]),
                );
            }
        }
        _ => {}
    }
}

fn impossible_range(c: &mut Checker, path: &JsonPath, at_least: Option<f64>, below: Option<f64>) {
    if let (Some(lo), Some(hi)) = (at_least, below)
        && lo >= hi
    {
        c.report(
            path.key("below"),
            LocalText::fill(w::RANGE_NEVER_HOLDS, &[&lo, &hi]),
            LocalText::fill(w::WIDEN_RANGE, &[]),
        );
    }
}
