//! Checks of questions: dimensions, weights, options and points, scales, yes/partly/no, number
//! bands and "don't know".

use std::collections::BTreeSet;

use super::{Checker, Said, Scope, condition};
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::position::JsonPath;

pub(super) fn questions(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("questions");
    c.unique(
        ("题目", "question"),
        q.questions
            .iter()
            .enumerate()
            .map(|(i, x)| (root.index(i).key("id"), x.id.as_str())),
    );
    let mut closed: BTreeSet<&str> = BTreeSet::new();
    let mut current: Option<&str> = None;
    for (i, x) in q.questions.iter().enumerate() {
        let p = root.index(i);
        // An earlier version's option must land on an option this question has.
        for (k, prev) in x.previously.iter().enumerate() {
            for (old, new) in &prev.options {
                if x.option_str(new).is_none() {
                    c.report(
                        p.key("previously").index(k).key("options").key(old),
                        said!(
                            "题目 `{}` 的 `previously` 把 `{}` 对应到 `{}`，但这道题没有这个选项",
                            "question `{}`: `previously` maps `{}` to `{}`, which is not one of its options",
                            x.id,
                            old,
                            new
                        ),
                        Said::both(
                            "对应到这道题的某个选项编号，或者删掉这一项（旧答案会被报告为无法对应）",
                            "map it to one of this question's option ids, or leave it out (the old answer is then reported as not carried over)",
                        ),
                    );
                }
            }
            // Rows are a matrix's: they must land on one of its rows.
            let rows = prev
                .rows
                .iter()
                .map(|(old, new)| (p.key("previously").index(k).key("rows").key(old), new))
                .chain(
                    prev.row
                        .iter()
                        .map(|new| (p.key("previously").index(k).key("row"), new)),
                );
            for (at, new) in rows {
                if x.kind != QuestionKind::Matrix {
                    c.report(
                        at,
                        said!(
                            "题目 `{}` 不是矩阵题，`previously` 里不能有 `rows` 或 `row`",
                            "question `{}` is not a matrix: `previously` cannot map `rows` or a `row`",
                            x.id
                        ),
                        Said::both(
                            "删掉 `rows` / `row`；只有矩阵题按行接收旧答案",
                            "remove `rows` / `row`; only a matrix takes earlier answers row by row",
                        ),
                    );
                    break;
                }
                if x.row_index(new).is_none() {
                    c.report(
                        at,
                        said!(
                            "题目 `{}` 的 `previously` 把旧答案放进 `{}` 行，但这道题没有这一行",
                            "question `{}`: `previously` puts an earlier answer in row `{}`, which it does not have",
                            x.id,
                            new
                        ),
                        Said::both(
                            "写这道题的某个行编号",
                            "give one of this question's row ids",
                        ),
                    );
                }
            }
        }
        if q.dimension(&x.dimension).is_none() {
            c.report(
                p.key("dimension"),
                said!(
                    "题目 `{}` 指向的维度 `{}` 不在任何领域里",
                    "question `{}` names dimension `{}`, which no area defines",
                    x.id,
                    x.dimension
                ),
                Said::both(
                    "请使用 `areas[].dimensions[].id` 里的维度编号",
                    "use a dimension id from `areas[].dimensions[].id`",
                ),
            );
        }
        if current != Some(x.dimension.as_str()) {
            if let Some(prev) = current {
                closed.insert(prev);
            }
            if closed.contains(x.dimension.as_str()) {
                c.report(
                    p.key("dimension"),
                    said!(
                        "题目 `{}` 在另一个维度开始之后又回到了维度 `{}`",
                        "question `{}` returns to dimension `{}` after another dimension began",
                        x.id,
                        x.dimension
                    ),
                    Said::both(
                        "把同一维度的题目放在一起，章节列表才清楚",
                        "keep each dimension's questions together so the section list stays clear",
                    ),
                );
            }
            current = Some(x.dimension.as_str());
        }
        if !(x.weight >= 0.0 && x.weight.is_finite()) {
            c.report(
                p.key("weight"),
                said!(
                    "题目 `{}` 的权重是 {}",
                    "question `{}` has weight {}",
                    x.id,
                    x.weight
                ),
                Said::both(
                    "请用 0（不计分）或一个正数权重",
                    "use 0 (unscored) or a positive weight",
                ),
            );
        }
        super::too_large(c, p.key("weight"), x.weight);
        c.unique(
            ("选项", "option"),
            x.options
                .iter()
                .enumerate()
                .map(|(j, o)| (p.key("options").index(j).key("id"), o.id.as_str())),
        );
        for (j, o) in x.options.iter().enumerate() {
            if o.id.as_str() == crate::domain::answers::DONT_KNOW {
                c.report(
                    p.key("options").index(j).key("id"),
                    Said::both(
                        "`dont_know` 留给“不清楚”这个回答专用",
                        "`dont_know` is reserved for the \"don't know\" answer",
                    ),
                    Said::both(
                        "在题目上设置 `\"dont_know\": true`，不要另加选项",
                        "set `\"dont_know\": true` on the question instead of adding an option",
                    ),
                );
            }
            if o.exclusive && x.kind != QuestionKind::Multi {
                c.report(
                    p.key("options").index(j).key("exclusive"),
                    said!(
                        "选项 `{}` 设为互斥，但题目 `{}` 不是多选题",
                        "option `{}` is exclusive but question `{}` is not multiple choice",
                        o.id,
                        x.id
                    ),
                    Said::both("删掉 `exclusive`", "remove `exclusive`"),
                );
            }
            if o.zeroes && x.kind != QuestionKind::Multi {
                c.report(
                    p.key("options").index(j).key("zeroes"),
                    said!(
                        "选项 `{}` 设为归零，但题目 `{}` 不是多选题",
                        "option `{}` zeroes its question but question `{}` is not multiple choice",
                        o.id,
                        x.id
                    ),
                    Said::both(
                        "单选题里给这个选项 0 分就行，删掉 `zeroes`",
                        "in a one-answer question give the option 0 points and remove `zeroes`",
                    ),
                );
            } else if o.zeroes && o.points.is_some_and(|v| v > 0.0) {
                c.report(
                    p.key("options").index(j).key("points"),
                    said!(
                        "选项 `{}`（题目 `{}`）会让整题得零分，它的分值不起作用",
                        "option `{}` of `{}` zeroes its question, so its points can have no effect",
                        o.id,
                        x.id
                    ),
                    Said::both(
                        "删掉它的 `points` 或改成 0",
                        "remove its `points` or make them 0",
                    ),
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
                    said!(
                        "题目 `{}` 不是矩阵题，却有 `{key}`",
                        "question `{}` is not a matrix question but has `{key}`",
                        x.id
                    ),
                    Said::both(
                        "删掉它，或者把 `kind` 改成 `matrix`",
                        "remove it, or make `kind` `matrix`",
                    ),
                );
            }
        }
        return;
    }
    if x.rows.is_empty() {
        c.report(
            p.key("rows"),
            said!(
                "矩阵题 `{}` 没有任何行",
                "matrix question `{}` has no rows",
                x.id
            ),
            Said::both(
                "在 `rows` 里列出要逐行回答的项目，每行有 id 和 label",
                "list the items answered row by row under `rows`, each with an id and a label",
            ),
        );
    }
    c.unique(
        ("行", "row"),
        x.rows
            .iter()
            .enumerate()
            .map(|(k, r)| (p.key("rows").index(k).key("id"), r.id.as_str())),
    );
    if x.rows.len() > 64 {
        c.report(
            p.key("rows"),
            said!(
                "矩阵题 `{}` 有 {} 行，最多 64 行",
                "matrix question `{}` has {} rows; at most 64 are supported",
                x.id,
                x.rows.len()
            ),
            Said::both("把它拆成几道题", "split it into several questions"),
        );
    }
}

fn question_kind(c: &mut Checker, q: &Questionnaire, i: usize, p: &JsonPath) {
    let x = &q.questions[i];
    if x.has_options() {
        if x.options.len() < 2 {
            c.report(
                p.key("options"),
                said!(
                    "题目 `{}` 至少需要两个选项",
                    "question `{}` needs at least two options",
                    x.id
                ),
                Said::both(
                    "加上企业可以选择的选项",
                    "add the options a firm can choose from",
                ),
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
                        said!(
                            "计分题 `{1}` 的选项 `{0}` 没有分值",
                            "option `{}` of scored question `{}` has no points",
                            o.id,
                            x.id
                        ),
                        Said::both(
                            "加上 `points`，或者把题目权重设为 0 让它不计分",
                            "add `points`, or set the question's weight to 0 to leave it unscored",
                        ),
                    ),
                    Some(v) if !v.is_finite() => c.report(
                        p.key("options").index(j).key("points"),
                        said!("选项 `{}` 的分值是 {v}", "option `{}` has points {v}", o.id),
                        Said::both("分值必须是有限的数字", "points must be finite numbers"),
                    ),
                    Some(v) => super::too_large(c, p.key("options").index(j).key("points"), v),
                }
            }
            if !x.options.iter().any(|o| o.points.unwrap_or(0.0) > 0.0) {
                c.report(
                    p.key("options"),
                    said!(
                        "计分题 `{}` 没有任何选项给分",
                        "no option of scored question `{}` gives points",
                        x.id
                    ),
                    Said::both(
                        "给最好的选项一个正的分值",
                        "give the best option positive points",
                    ),
                );
            }
        }
        if x.kind == QuestionKind::Scale || (x.is_matrix() && !x.ticks) {
            for (j, w) in x.options.windows(2).enumerate() {
                if w[1].points.unwrap_or(0.0) < w[0].points.unwrap_or(0.0) {
                    c.report(
                        p.key("options").index(j + 1).key("points"),
                        said!(
                            "量表 `{}` 从 `{}` 到 `{}` 分值下降了",
                            "scale `{}` falls from `{}` to `{}`",
                            x.id,
                            w[0].id,
                            w[1].id
                        ),
                        Said::both(
                            "量表的分值不能沿着刻度往下降",
                            "a scale's points must not decrease along it",
                        ),
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
                    said!("是/部分/否题 `{}` 有选项 `{}`；它的选项必须正好是 yes、partly、no", "yes/partly/no question `{}` has option `{}`; its options must be exactly yes, partly, no", x.id, x.options[j].id),
                    Said::both("改掉这个选项的编号，或者改用 `single` 类型", "rename the option or use kind `single`"),
                );
            } else if ids.len() != 3 || x.options.len() != 3 {
                c.report(
                    p.key("options"),
                    said!(
                        "是/部分/否题 `{}` 的选项必须正好是 yes、partly、no",
                        "yes/partly/no question `{}` must have exactly the options yes, partly, no",
                        x.id
                    ),
                    Said::both(
                        "补上缺少的选项，或者改用 `single` 类型",
                        "add the missing option or use kind `single`",
                    ),
                );
            }
        }
    } else if !x.options.is_empty() {
        c.report(
            p.key("options"),
            said!(
                "这种类型的题目 `{}` 不能有选项",
                "question `{}` of this kind takes no options",
                x.id
            ),
            Said::both(
                "删掉 `options`，或者改变 `kind`",
                "remove `options` or change `kind`",
            ),
        );
    }
    match x.kind {
        QuestionKind::Number => {
            if let (Some(lo), Some(hi)) = (x.min, x.max)
                && lo > hi
            {
                c.report(
                    p.key("min"),
                    said!(
                        "题目 `{}` 的 min {lo} 大于 max {hi}",
                        "question `{}` has min {lo} above max {hi}",
                        x.id
                    ),
                    Said::both("把两者对调", "swap them"),
                );
            }
            if x.is_scored() && x.bands.is_empty() {
                c.report(
                    p.key("bands"),
                    said!(
                        "计分的数字题 `{}` 没有分段",
                        "scored number question `{}` has no bands",
                        x.id
                    ),
                    Said::both(
                        "加上分段 [{min, max, points}]，或者把权重设为 0",
                        "add bands [{min, max, points}] or set weight 0",
                    ),
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
                        said!(
                            "`{1}` 的第 {0} 段 min {2} 不小于 max {hi}",
                            "band {} of `{}` has min {} not below max {hi}",
                            j + 1,
                            x.id,
                            b.min
                        ),
                        Said::both(
                            "每一段是 [min, max)：含 min，不含 max",
                            "each band is [min, max)",
                        ),
                    );
                }
                if b.max.is_none() && j + 1 < x.bands.len() {
                    c.report(
                        bp.index(j),
                        said!(
                            "`{1}` 的第 {0} 段没有上限，但它不是最后一段",
                            "band {} of `{}` is open-ended but not the last",
                            j + 1,
                            x.id
                        ),
                        Said::both(
                            "只有最后一段可以不写 max",
                            "only the last band may omit max",
                        ),
                    );
                }
            }
            for (j, w) in x.bands.windows(2).enumerate() {
                if let Some(hi) = w[0].max
                    && hi != w[1].min
                {
                    let (what_zh, what_en) = if hi < w[1].min {
                        ("空档", "gap")
                    } else {
                        ("重叠", "overlap")
                    };
                    c.report(
                        bp.index(j + 1).key("min"),
                        said!(
                            "`{2}` 的第 {0} 段和第 {1} 段之间有{what_zh}（{hi} 对 {3}）",
                            "{what_en} between bands {} and {} of `{}` ({hi} vs {})",
                            j + 1,
                            j + 2,
                            x.id,
                            w[1].min
                        ),
                        Said::both(
                            "让每一段的 min 等于前一段的 max",
                            "make each band's min equal the previous band's max",
                        ),
                    );
                }
            }
            if let (Some(lo), Some(first)) = (x.min, x.bands.first())
                && first.min > lo
            {
                c.report(
                    bp.index(0).key("min"),
                    said!(
                        "`{1}` 从 {lo} 到 {0} 的数字不落在任何分段里",
                        "numbers from {lo} to {} of `{}` fall in no band",
                        first.min,
                        x.id
                    ),
                    Said::both(
                        "让第一段从题目的 min 开始",
                        "start the first band at the question's min",
                    ),
                );
            }
            // A number outside every band would be scored as if unanswered, silently.
            if x.is_scored() && !x.bands.is_empty() {
                if x.min.is_none() {
                    c.report(
                        p.key("bands"),
                        said!("计分的数字题 `{}` 没有 `min`，比第一段更小的数字不落在任何分段里", "scored number question `{}` has no `min`, so numbers below its first band fall in no band", x.id),
                        Said::both("把题目的 `min` 设为第一段的 min", "set the question's `min` to the first band's min"),
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
                        said!("`{}` 从 {hi} 到 {upto} 的数字不落在任何分段里", "numbers from {hi} up to {upto} of `{}` fall in no band", x.id),
                        Said::both("去掉最后一段的 `max`（不设上限），或者把题目的 `max` 设成它", "leave out the last band's `max` (open-ended) or set the question's `max` to it"),
                    );
                }
            }
        }
        QuestionKind::Text => {
            if x.dont_know {
                c.report(
                    p.key("dont_know"),
                    said!(
                        "文字题 `{}` 不能提供“不清楚”",
                        "free-text question `{}` cannot offer \"don't know\"",
                        x.id
                    ),
                    Said::both("删掉 `dont_know`", "remove `dont_know`"),
                );
            }
        }
        _ => {
            if !x.bands.is_empty() {
                c.report(
                    p.key("bands"),
                    said!(
                        "题目 `{}` 不是数字题，却有分段",
                        "question `{}` is not a number question but has bands",
                        x.id
                    ),
                    Said::both("删掉 `bands`", "remove `bands`"),
                );
            }
        }
    }
}
