//! Warnings: things a questionnaire may say that are allowed but probably not meant — points
//! that can have no effect, and questions that can never score. `smecheck validate` prints
//! them and still passes the file.

use super::{Checker, Said};
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
                said!(
                    "题目 `{}` 不计分（权重为 0 或是填空题），它的选项分值不起作用",
                    "question `{}` is not scored (weight 0 or free text), so its options' points have no effect",
                    x.id
                ),
                Said::both(
                    "删掉这些分值，或者给题目一个正的权重",
                    "remove the points, or give the question a positive weight",
                ),
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
                said!(
                    "按比例计分的多选题 `{0}` 的选项 `{1}` 有分值，但比例只数勾了几项，分值不起作用",
                    "option `{1}` of share-scored question `{0}` has points, which have no effect: a share counts ticks",
                    x.id,
                    o.id
                ),
                Said::both(
                    "删掉分值，或者改用 `\"multi_scoring\": \"sum\"`",
                    "remove the points, or use `\"multi_scoring\": \"sum\"`",
                ),
            ),
            (MultiScoring::Sum, Some(v)) if o.exclusive && v > 0.0 => c.report(
                at,
                said!(
                    "题目 `{1}` 的互斥选项 `{0}` 给了 {2} 分：勾“以上都没有”反而得分",
                    "exclusive option `{0}` of `{1}` gives {2} points for having none of the others",
                    o.id,
                    x.id,
                    v
                ),
                Said::both(
                    "“以上都没有”一般是 0 分；除非确实想奖励它，否则改成 0",
                    "a \"none of these\" usually earns 0; make it 0 unless that is meant",
                ),
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
            said!(
                "数字题 `{}` 允许填的范围（{} 到 {}）只落在 0 分的分段里，这道题永远得不到分",
                "number question `{}` accepts only numbers ({} to {}) that fall in bands worth no points, so it can never score",
                x.id,
                lo,
                hi
            ),
            Said::both(
                "检查 `min`、`max` 和各分段的分值",
                "check `min`, `max` and the bands' points",
            ),
        );
    }
}
