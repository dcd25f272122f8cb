//! Checks of conditions: every id they name exists, every test can hold, and each reads only
//! what is known where it stands (skip logic, ladders, findings, rules).

use std::collections::BTreeSet;

use super::{Checker, Said};
use crate::domain::condition::Condition;
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::position::JsonPath;

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
            said!(
                "`cell` 和 `row_points` 要用在矩阵题上；`{id}` 不是矩阵题",
                "`cell` and `row_points` need a matrix question; `{id}` is not one"
            ),
            Said::both(
                "别的题目请用 `choice` 或 `points`",
                "use `choice` or `points` for other questions",
            ),
        );
        return false;
    }
    if x.row_index(row).is_none() {
        c.report(
            at.key("row"),
            said!(
                "矩阵题 `{id}` 没有行 `{row}`",
                "matrix question `{id}` has no row `{row}`"
            ),
            said!(
                "`{id}` 的行：{}",
                "rows of `{id}`: {}",
                x.rows
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
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
                    said!("`{key}` 是空的", "empty `{key}`"),
                    Said::both("至少列一个条件", "list at least one condition"),
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
                said!(
                    "条件引用的题目 `{id}` 不存在",
                    "condition refers to question `{id}`, which does not exist"
                ),
                Said::both("请检查题目编号", "check the question id"),
            );
            return;
        };
        if let Scope::Before(me) = scope {
            if idx == me {
                c.report(
                    q_at.clone(),
                    said!(
                        "题目 `{id}` 依赖它自己",
                        "question `{id}` depends on itself"
                    ),
                    Said::both(
                        "一道题是否显示只能取决于它前面的题目",
                        "a question's visibility can only depend on earlier questions",
                    ),
                );
            } else if idx > me {
                c.report(
                    q_at.clone(),
                    said!(
                        "题目 `{}` 依赖排在它后面的题目 `{id}`",
                        "question `{}` depends on the later question `{id}`",
                        q.questions[me].id
                    ),
                    Said::both(
                        "把这道题移到它所依赖的题目后面，或者修改条件",
                        "move the question after the one it depends on, or change the condition",
                    ),
                );
            }
        }
        let x = &q.questions[idx];
        let check_options =
            |c: &mut Checker, list: &str, opts: &[crate::domain::model::OptionId]| {
                if opts.is_empty() {
                    c.report(
                        at.key(list),
                        Said::both(
                            "选项列表是空的，这个条件永远不会成立",
                            "the option list is empty, so the condition can never hold",
                        ),
                        Said::both("至少列一个选项编号", "list at least one option id"),
                    );
                }
                for (k, o) in opts.iter().enumerate() {
                    if x.option(o).is_none() {
                        c.report(
                            at.key(list).index(k),
                            said!(
                                "题目 `{id}` 没有选项 `{o}`",
                                "question `{id}` has no option `{o}`"
                            ),
                            said!(
                                "`{id}` 的选项：{}",
                                "options of `{id}`: {}",
                                x.options
                                    .iter()
                                    .map(|o| o.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                }
            };
        match cond {
            Condition::Choice { any_of, .. } if x.is_matrix() => {
                c.report(
                    q_at.clone(),
                    said!(
                        "`{id}` 是矩阵题，`choice` 读不到它的某一行",
                        "`{id}` is a matrix question; `choice` cannot read one of its rows"
                    ),
                    Said::both("请改用 `cell`，写明 `row`", "use `cell` and name the `row`"),
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
                        Said::both(
                            "`row_points` 比较的是占一行最高分的比例，在 0 到 1 之间",
                            "`row_points` compares the share of a row's maximum, 0 to 1",
                        ),
                        Said::both("请用 0 到 1 之间的数", "use a value between 0 and 1"),
                    );
                }
            }
            Condition::Choice { any_of, .. } => {
                if !x.has_options() {
                    c.report(
                        q_at.clone(),
                        said!(
                            "`choice` 要用在有选项的题目上；`{id}` 没有选项",
                            "`choice` needs a question with options; `{id}` has none"
                        ),
                        Said::both("数字题请用 `number`", "use `number` for number questions"),
                    );
                }
                check_options(c, "any_of", any_of);
            }
            Condition::ChoiceAll { all_of, .. } => {
                if x.kind != QuestionKind::Multi {
                    c.report(
                        q_at.clone(),
                        said!(
                            "`choice_all` 要用在多选题上；`{id}` 不是多选题",
                            "`choice_all` needs a multiple-choice question; `{id}` is not"
                        ),
                        Said::both("请改用 `choice`", "use `choice`"),
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
                        said!(
                            "`count` 要用在多选题上；`{id}` 不是多选题",
                            "`count` needs a multiple-choice question; `{id}` is not"
                        ),
                        Said::both("请改用 `choice`", "use `choice`"),
                    );
                }
                let n = x.options.iter().filter(|o| !o.exclusive).count() as u32;
                if at_least.is_some_and(|lo| lo > n)
                    || matches!((at_least, at_most), (Some(lo), Some(hi)) if lo > hi)
                {
                    c.report(
                        at.key("at_least"),
                        said!(
                            "这个对 `{id}` 的计数条件永远不会成立（只有 {n} 个选项可勾）",
                            "this count on `{id}` can never hold ({n} options to tick)"
                        ),
                        Said::both("调低 `at_least`", "lower `at_least`"),
                    );
                }
            }
            Condition::Number {
                at_least, below, ..
            } => {
                if x.kind != QuestionKind::Number {
                    c.report(
                        q_at.clone(),
                        said!(
                            "`number` 要用在数字题上；`{id}` 不是数字题",
                            "`number` needs a number question; `{id}` is not"
                        ),
                        Said::both("请改用 `choice` 或 `points`", "use `choice` or `points`"),
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
                        said!(
                            "`points` 要用在计分题上；`{id}` 不计分",
                            "`points` needs a scored question; `{id}` is unscored"
                        ),
                        Said::both("请改用 `choice`", "use `choice`"),
                    );
                }
                impossible_range(c, &at, *at_least, *below);
                if at_least.is_some_and(|v| v > 1.0) {
                    c.report(
                        at.key("at_least"),
                        Said::both(
                            "`points` 比较的是占最高分的比例，在 0 到 1 之间",
                            "`points` compares the share of the maximum, 0 to 1",
                        ),
                        Said::both("请用 0 到 1 之间的数", "use a value between 0 and 1"),
                    );
                }
            }
            Condition::DontKnow(_) if !x.dont_know => {
                c.report(
                    q_at.clone(),
                    said!(
                        "题目 `{id}` 没有“不清楚”选项，这个条件永远不会成立",
                        "question `{id}` does not offer \"don't know\", so this never holds"
                    ),
                    Said::both(
                        "在题目上设置 `dont_know: true`",
                        "set `dont_know: true` on the question",
                    ),
                );
            }
            Condition::NotApplicable(_) if !x.not_applicable => {
                c.report(
                    q_at.clone(),
                    said!(
                        "题目 `{id}` 没有“不适用”选项，这个条件永远不会成立",
                        "question `{id}` does not offer \"not applicable\", so this never holds"
                    ),
                    Said::both(
                        "在题目上设置 `not_applicable: true`",
                        "set `not_applicable: true` on the question",
                    ),
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
                said!(
                    "企业信息字段 `{field}` 不存在",
                    "profile field `{field}` does not exist"
                ),
                Said::both(
                    "请使用 `profile[].id` 里的编号",
                    "use an id from `profile[].id`",
                ),
            ),
            Some(f) if !f.options.is_empty() => {
                for (k, v) in any_of.iter().enumerate() {
                    if !f.options.iter().any(|o| &o.id == v) {
                        c.report(
                            at.key("any_of").index(k),
                            said!(
                                "企业信息字段 `{field}` 没有选项 `{v}`",
                                "profile field `{field}` has no option `{v}`"
                            ),
                            Said::both("请检查选项编号", "check the option id"),
                        );
                    }
                }
            }
            _ => {}
        },
        _ if answers_only => {
            let (place_zh, place_en, may_zh, may_en) = match scope {
                Scope::Before(me) => (
                    format!("题目 `{}` 的跳题条件", q.questions[me].id),
                    format!("the skip logic of question `{}`", q.questions[me].id),
                    "前面题目的答案和企业信息",
                    "answers to earlier questions and the profile",
                ),
                _ => (
                    "阶梯台阶的条件".to_string(),
                    "a ladder requirement".to_string(),
                    "答案和企业信息",
                    "answers and the profile",
                ),
            };
            c.report(
                at,
                said!("{place_zh}里不能检查 `{key}`：这里只能检查{may_zh}", "`{key}` cannot be tested in {place_en}: it may only test {may_en}"),
                Said::both("得分、广度、台阶、等级和发现都是根据全部答案算出来的；请在规则和发现里检查它们", "scores, breadth, rungs, levels and findings are computed from all answers; test them in rules and findings"),
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
                    said!(
                        "`{of}` 的得分：没有这个领域或维度",
                        "score of `{of}`: no such area or dimension"
                    ),
                    Said::both(
                        "请使用 `overall`、领域编号或维度编号",
                        "use `overall`, an area id or a dimension id",
                    ),
                );
            }
            impossible_range(c, &at, *at_least, *below);
        }
        Condition::Breadth { at_least, below } => {
            if q.breadth.is_none() {
                c.report(
                    at.clone(),
                    Said::both(
                        "检查了 `breadth`，但问卷没有定义广度",
                        "`breadth` is tested but the questionnaire defines no breadth",
                    ),
                    Said::both("加一个 `breadth` 部分", "add a `breadth` section"),
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
                said!("阶梯 `{ladder}` 不存在", "ladder `{ladder}` does not exist"),
                Said::both(
                    "请使用 `ladders[].id` 里的编号",
                    "use an id from `ladders[].id`",
                ),
            ),
            Some(l) => {
                let pos = |id: &String| l.rungs.iter().position(|r| &r.id == id);
                for (bound, id) in [("at_least", at_least), ("below", below)] {
                    if let Some(id) = id
                        && pos(id).is_none()
                    {
                        c.report(
                            at.key(bound),
                            said!(
                                "阶梯 `{ladder}` 没有台阶 `{id}`",
                                "ladder `{ladder}` has no rung `{id}`"
                            ),
                            Said::both("请检查台阶编号", "check the rung id"),
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
                        Said::both(
                            "这个台阶范围是空的，条件永远不会成立",
                            "this rung range is empty, so the condition never holds",
                        ),
                        Said::both(
                            "`at_least` 必须是比 `below` 低的台阶",
                            "`at_least` must be a lower rung than `below`",
                        ),
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
                    said!(
                        "`{area}` 的等级：没有这个领域",
                        "levels of `{area}`: no such area"
                    ),
                    Said::both("请使用 `overall` 或领域编号", "use `overall` or an area id"),
                ),
                Some(ls) => {
                    let ids: BTreeSet<&str> = ls.iter().map(|l| l.id.as_str()).collect();
                    for (k, v) in any_of.iter().enumerate() {
                        if !ids.contains(v.as_str()) {
                            c.report(
                                at.key("any_of").index(k),
                                said!("`{area}` 没有等级 `{v}`", "`{area}` has no level `{v}`"),
                                Said::both("请检查等级编号", "check the level id"),
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
                    Said::both(
                        "只能在规则里检查发现，不能在别的发现里检查",
                        "findings can only be tested in rules, not in other findings",
                    ),
                    Said::both("把这个检查移到规则里", "move this test into a rule"),
                );
            } else if !q.findings.iter().any(|f| &f.id == id) {
                c.report(
                    at.clone(),
                    said!("发现 `{id}` 不存在", "finding `{id}` does not exist"),
                    Said::both(
                        "请使用 `findings[].id` 里的编号",
                        "use an id from `findings[].id`",
                    ),
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
            said!(
                "`at_least` {lo} 不小于 `below` {hi}，这个条件永远不会成立",
                "`at_least` {lo} is not below `below` {hi}, so this never holds"
            ),
            Said::both("放宽这个范围", "widen the range"),
        );
    }
}
