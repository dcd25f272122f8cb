//! Structural checks of a questionnaire and its catalogue: ids, references, translations,
//! points, bands, levels and conditions. Runs on every load; it must stay fast.

use std::collections::BTreeSet;

use super::condition::Condition;
use super::instrument::{Problem, Said};
use super::locate::JsonPath;
use super::model::{Level, QuestionKind, Questionnaire, SCHEMA_VERSION};
use super::proposals::Catalogue;

/// A message in Chinese and English from two format strings over the same arguments.
macro_rules! said {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        Said::both(format!($zh $(, $arg)*), format!($en $(, $arg)*))
    };
}

struct Checker {
    problems: Vec<Problem>,
    in_catalogue: bool,
}

impl Checker {
    fn report(&mut self, path: JsonPath, message: impl Into<Said>, hint: impl Into<Said>) {
        self.problems.push(Problem::new(
            self.in_catalogue,
            path,
            message.into(),
            hint.into(),
        ));
    }

    /// Reports the second and later uses of an id.
    fn unique<'a>(
        &mut self,
        (what_zh, what_en): (&str, &str),
        items: impl Iterator<Item = (JsonPath, &'a str)>,
    ) {
        let mut seen = BTreeSet::new();
        for (path, id) in items {
            if id.trim().is_empty() {
                self.report(
                    path,
                    said!("{what_zh}编号是空的", "{what_en} id is empty"),
                    Said::both("给它起一个简短、不重复的编号", "give it a short unique id"),
                );
            } else if !seen.insert(id) {
                self.report(
                    path,
                    said!(
                        "{what_zh}编号 `{id}` 重复了",
                        "duplicate {what_en} id `{id}`"
                    ),
                    Said::both(
                        "编号不能重复；请改掉其中一个",
                        "ids must be unique; rename one of them",
                    ),
                );
            }
        }
    }
}

/// Every problem found, in file order as far as practical. Empty means valid.
pub fn validate(q: &Questionnaire, cat: &Catalogue) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
        in_catalogue: false,
    };
    let root = JsonPath::root();
    if q.schema_version != SCHEMA_VERSION {
        c.report(
            root.key("schema_version"),
            said!(
                "不支持 schema_version {}；这个版本的 smecheck 读取的是 {SCHEMA_VERSION} 版",
                "schema_version {} is not supported; this smecheck reads version {SCHEMA_VERSION}",
                q.schema_version
            ),
            Said::both(
                "请更新 smecheck，或者转换这个文件",
                "update smecheck or convert the file",
            ),
        );
    }
    limits(&mut c, q);
    translations(&mut c, q);
    c.unique(
        ("企业信息字段", "profile field"),
        q.profile
            .iter()
            .enumerate()
            .map(|(i, f)| (root.key("profile").index(i).key("id"), f.id.as_str())),
    );
    for (i, f) in q.profile.iter().enumerate() {
        let p = root.key("profile").index(i).key("options");
        c.unique(
            ("企业信息选项", "profile option"),
            f.options
                .iter()
                .enumerate()
                .map(|(j, o)| (p.index(j).key("id"), o.id.as_str())),
        );
    }
    levels(&mut c, &root.key("levels"), &q.levels);
    areas(&mut c, q);
    questions(&mut c, q);
    ladders(&mut c, q);
    if let Some(b) = &q.breadth {
        for (i, id) in b.questions.iter().enumerate() {
            let ok = q
                .question(id)
                .is_some_and(|x| x.kind == QuestionKind::Multi);
            if !ok {
                c.report(
                    root.key("breadth").key("questions").index(i),
                    said!("广度题 `{id}` 不是本问卷里的多选题", "breadth question `{id}` is not a multiple-choice question of this questionnaire"),
                    Said::both("这里只能列多选题的编号", "list only multiple-choice question ids"),
                );
            }
        }
    }
    c.unique(
        ("发现", "finding"),
        q.findings
            .iter()
            .enumerate()
            .map(|(i, f)| (root.key("findings").index(i).key("id"), f.id.as_str())),
    );
    for (i, f) in q.findings.iter().enumerate() {
        condition(
            &mut c,
            q,
            &f.when,
            &root.key("findings").index(i).key("when"),
            Scope::Results,
        );
    }
    rules(&mut c, q, cat);
    catalogue(&mut c, cat);
    c.problems
}

fn translations(c: &mut Checker, q: &Questionnaire) {
    if let Ok(v) = serde_json::to_value(q) {
        missing_text(c, &v, &JsonPath::root());
    }
}

/// Finds `{zh, en}` objects with an empty side anywhere in a serialised document.
fn missing_text(c: &mut Checker, v: &serde_json::Value, path: &JsonPath) {
    match v {
        serde_json::Value::Object(map) => {
            let is_text = map.len() == 2 && map.contains_key("zh") && map.contains_key("en");
            if is_text {
                for lang in ["zh", "en"] {
                    if map
                        .get(lang)
                        .and_then(|s| s.as_str())
                        .is_none_or(|s| s.trim().is_empty())
                    {
                        c.report(
                            path.key(lang),
                            if lang == "zh" {
                                Said::both("缺少中文（zh）译文", "missing Chinese (zh) translation")
                            } else {
                                Said::both("缺少英文（en）译文", "missing English (en) translation")
                            },
                            Said::both(
                                "用户能看到的每一段文字都要同时有 zh 和 en",
                                "every user-visible string needs both zh and en",
                            ),
                        );
                    }
                    if let Some(bad) = map
                        .get(lang)
                        .and_then(|s| s.as_str())
                        .and_then(|s| s.chars().find(|ch| super::text::is_unsafe_char(*ch)))
                    {
                        c.report(
                            path.key(lang),
                            said!("文字里有看不见的控制字符 U+{:04X}", "text contains the invisible control character U+{:04X}",
                                u32::from(bad)
                            ),
                            Said::both("请删掉它：控制字符和书写方向控制符可能改变终端或报告里显示的内容", "remove it: control characters and direction overrides could change what a terminal or report shows"),
                        );
                    }
                }
            } else {
                for (k, x) in map {
                    missing_text(c, x, &path.key(k));
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                missing_text(c, x, &path.index(i));
            }
        }
        _ => {}
    }
}

fn levels(c: &mut Checker, path: &JsonPath, ls: &[Level]) {
    if ls.is_empty() {
        c.report(
            path.clone(),
            Said::both("没有定义等级", "no levels defined"),
            Said::both(
                "定义覆盖 0 到 100 分的分数段",
                "define score bands covering 0 to 100",
            ),
        );
        return;
    }
    c.unique(
        ("等级", "level"),
        ls.iter()
            .enumerate()
            .map(|(i, l)| (path.index(i).key("id"), l.id.as_str())),
    );
    for (i, l) in ls.iter().enumerate() {
        // Also true when either bound is NaN.
        if l.min.partial_cmp(&l.max) != Some(std::cmp::Ordering::Less) {
            c.report(
                path.index(i),
                said!(
                    "等级 `{}` 的 min {} 不小于 max {}",
                    "level `{}` has min {} not below max {}",
                    l.id,
                    l.min,
                    l.max
                ),
                "each band is [min, max) with min < max",
            );
        }
    }
    if let Some(first) = ls.first()
        && first.min != 0.0
    {
        c.report(
            path.index(0).key("min"),
            said!(
                "等级从 {} 开始，而不是从 0 开始",
                "levels start at {} instead of 0",
                first.min
            ),
            Said::both(
                "第一个等级的 min 必须是 0",
                "the first level's min must be 0",
            ),
        );
    }
    if let Some(last) = ls.last()
        && last.max != 100.0
    {
        c.report(
            path.index(ls.len() - 1).key("max"),
            said!(
                "等级到 {} 为止，而不是到 100",
                "levels end at {} instead of 100",
                last.max
            ),
            Said::both(
                "最后一个等级的 max 必须是 100",
                "the last level's max must be 100",
            ),
        );
    }
    for (i, w) in ls.windows(2).enumerate() {
        if w[0].max < w[1].min {
            c.report(
                path.index(i + 1).key("min"),
                said!(
                    "等级 `{}` 和 `{}` 之间有空档：{} 到 {} 分没有对应的等级",
                    "gap between levels `{}` and `{}`: scores from {} to {} have no level",
                    w[0].id,
                    w[1].id,
                    w[0].max,
                    w[1].min
                ),
                Said::both(
                    "让每个等级的 min 等于前一个等级的 max",
                    "make each level's min equal the previous level's max",
                ),
            );
        } else if w[0].max > w[1].min {
            c.report(
                path.index(i + 1).key("min"),
                said!(
                    "等级 `{}` 和 `{}` 在 {} 到 {} 之间重叠",
                    "levels `{}` and `{}` overlap from {} to {}",
                    w[0].id,
                    w[1].id,
                    w[1].min,
                    w[0].max
                ),
                Said::both(
                    "让每个等级的 min 等于前一个等级的 max",
                    "make each level's min equal the previous level's max",
                ),
            );
        }
    }
}

fn areas(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("areas");
    c.unique(
        ("领域", "area"),
        q.areas
            .iter()
            .enumerate()
            .map(|(i, a)| (root.index(i).key("id"), a.id.as_str())),
    );
    c.unique(
        ("维度", "dimension"),
        q.areas.iter().enumerate().flat_map(|(i, a)| {
            let root = root.clone();
            a.dimensions.iter().enumerate().map(move |(j, d)| {
                (
                    root.index(i).key("dimensions").index(j).key("id"),
                    d.id.as_str(),
                )
            })
        }),
    );
    for (i, a) in q.areas.iter().enumerate() {
        let p = root.index(i);
        if !(a.weight > 0.0 && a.weight.is_finite()) {
            c.report(
                p.key("weight"),
                said!(
                    "领域 `{}` 的权重是 {}",
                    "area `{}` has weight {}",
                    a.id,
                    a.weight
                ),
                Said::both("权重必须是正数", "weights must be positive numbers"),
            );
        }
        levels(c, &p.key("levels"), &a.levels);
        if a.dimensions.is_empty() {
            c.report(
                p.key("dimensions"),
                said!(
                    "领域 `{}` 没有任何维度",
                    "area `{}` has no dimensions",
                    a.id
                ),
                Said::both("至少加一个维度", "add at least one dimension"),
            );
        }
        for (j, d) in a.dimensions.iter().enumerate() {
            if !(d.weight > 0.0 && d.weight.is_finite()) {
                c.report(
                    p.key("dimensions").index(j).key("weight"),
                    said!(
                        "维度 `{}` 的权重是 {}",
                        "dimension `{}` has weight {}",
                        d.id,
                        d.weight
                    ),
                    Said::both("权重必须是正数", "weights must be positive numbers"),
                );
            }
            if !q
                .questions
                .iter()
                .any(|x| x.dimension == d.id && x.is_scored())
            {
                c.report(
                    p.key("dimensions").index(j),
                    said!(
                        "维度 `{}` 没有计分的题目",
                        "dimension `{}` has no scored question",
                        d.id
                    ),
                    Said::both(
                        "给它加一道计分题，或者删掉这个维度",
                        "add a scored question to it or remove the dimension",
                    ),
                );
            }
        }
    }
}

fn questions(c: &mut Checker, q: &Questionnaire) {
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
        c.unique(
            ("选项", "option"),
            x.options
                .iter()
                .enumerate()
                .map(|(j, o)| (p.key("options").index(j).key("id"), o.id.as_str())),
        );
        for (j, o) in x.options.iter().enumerate() {
            if o.id.as_str() == super::answers::DONT_KNOW {
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
        }
        question_kind(c, q, i, &p);
        if let Some(cond) = &x.visible_if {
            condition(c, q, cond, &p.key("visible_if"), Scope::Before(i));
        }
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
                && x.multi_scoring == super::model::MultiScoring::Share);
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
                    _ => {}
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
        if x.kind == QuestionKind::Scale {
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
                        "each band is [min, max)",
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

fn ladders(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("ladders");
    c.unique(
        ("阶梯", "ladder"),
        q.ladders
            .iter()
            .enumerate()
            .map(|(i, l)| (root.index(i).key("id"), l.id.as_str())),
    );
    for (i, l) in q.ladders.iter().enumerate() {
        let p = root.index(i);
        if q.area(&l.area).is_none() {
            c.report(
                p.key("area"),
                said!(
                    "阶梯 `{}` 指向的领域 `{}` 不存在",
                    "ladder `{}` names area `{}`, which does not exist",
                    l.id,
                    l.area
                ),
                Said::both(
                    "请使用 `areas[].id` 里的编号",
                    "use an id from `areas[].id`",
                ),
            );
        }
        if l.rungs.len() < 2 {
            c.report(
                p.key("rungs"),
                said!(
                    "阶梯 `{}` 至少需要两级台阶",
                    "ladder `{}` needs at least two rungs",
                    l.id
                ),
                Said::both("从最低一级开始往上加台阶", "add rungs from the lowest up"),
            );
        }
        c.unique(
            ("台阶", "rung"),
            l.rungs
                .iter()
                .enumerate()
                .map(|(j, r)| (p.key("rungs").index(j).key("id"), r.id.as_str())),
        );
        for (j, r) in l.rungs.iter().enumerate() {
            let rp = p.key("rungs").index(j);
            if j == 0 && !r.requires.is_empty() {
                c.report(
                    rp.key("requires"),
                    said!(
                        "第一级台阶 `{}` 不能有条件",
                        "the first rung `{}` must have no requirements",
                        r.id
                    ),
                    Said::both(
                        "每家企业至少站在第一级台阶上",
                        "every firm stands at least on the first rung",
                    ),
                );
            }
            if j > 0 && r.requires.is_empty() {
                c.report(
                    rp.key("requires"),
                    said!("台阶 `{}` 没有条件", "rung `{}` has no requirements", r.id),
                    Said::both(
                        "写明企业要站上这一级需要满足什么",
                        "say what a firm needs to stand on this rung",
                    ),
                );
            }
            for (k, req) in r.requires.iter().enumerate() {
                condition(
                    c,
                    q,
                    &req.when,
                    &rp.key("requires").index(k).key("when"),
                    Scope::Answers,
                );
            }
        }
    }
}

fn rules(c: &mut Checker, q: &Questionnaire, cat: &Catalogue) {
    let root = JsonPath::root().key("rules");
    c.unique(
        ("规则", "rule"),
        q.rules
            .iter()
            .enumerate()
            .map(|(i, r)| (root.index(i).key("id"), r.id.as_str())),
    );
    for (i, r) in q.rules.iter().enumerate() {
        let p = root.index(i);
        if cat.get(&r.proposal).is_none() {
            c.report(
                p.key("proposal"),
                said!(
                    "规则 `{}` 指向的提案 `{}` 不在提案目录里",
                    "rule `{}` names proposal `{}`, which the catalogue does not have",
                    r.id,
                    r.proposal
                ),
                Said::both("请使用 P1 … P11", "use P1 … P11"),
            );
        }
        if !(1..=3).contains(&r.priority) {
            c.report(
                p.key("priority"),
                said!(
                    "规则 `{}` 的优先级是 {}",
                    "rule `{}` has priority {}",
                    r.id,
                    r.priority
                ),
                Said::both(
                    "优先级只能是 1（最紧急）、2 或 3",
                    "priority is 1 (most urgent), 2 or 3",
                ),
            );
        }
        condition(c, q, &r.when, &p.key("when"), Scope::Rules);
    }
    // Reported on the questionnaire's rules: that is where the author adds the missing rule.
    for prop in &cat.proposals {
        if !q.rules.iter().any(|r| r.proposal == prop.id) {
            c.report(
                root.clone(),
                Said::both(
                    format!(
                        "问卷 `{}` 没有任何规则能推荐提案 `{}`（{}）",
                        q.id, prop.id, prop.keyword.zh
                    ),
                    format!(
                        "no rule of questionnaire `{}` can ever recommend proposal `{}` ({})",
                        q.id, prop.id, prop.keyword.en
                    ),
                ),
                Said::both(
                    "为这个提案加一条规则，否则企业永远不会被引导到它",
                    "add a rule with this proposal, or the firm can never be pointed to it",
                ),
            );
        }
    }
}

fn catalogue(c: &mut Checker, cat: &Catalogue) {
    c.in_catalogue = true;
    let root = JsonPath::root();
    if let Ok(v) = serde_json::to_value(cat) {
        missing_text(c, &v, &root);
    }
    c.unique(
        ("提案", "proposal"),
        cat.proposals
            .iter()
            .enumerate()
            .map(|(i, p)| (root.key("proposals").index(i).key("id"), p.id.as_str())),
    );
    for (i, p) in cat.proposals.iter().enumerate() {
        if p.actions.is_empty() {
            c.report(
                root.key("proposals").index(i).key("actions"),
                said!(
                    "提案 `{}` 没有列出行动",
                    "proposal `{}` has no actions",
                    p.id
                ),
                Said::both("列出企业今天就能做的事", "list what a firm can do today"),
            );
        }
    }
    c.in_catalogue = false;
}

/// What a condition may read where it stands.
#[derive(Clone, Copy)]
enum Scope {
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
        Condition::Answered(_) => "answered",
        Condition::DontKnow(_) => "dont_know",
        Condition::Profile { .. } => "profile",
        Condition::Score { .. } => "score",
        Condition::Breadth { .. } => "breadth",
        Condition::Rung { .. } => "rung",
        Condition::Level { .. } => "level",
        Condition::Finding(_) => "finding",
    }
}

/// Checks one condition where it stands; `path` is the condition object, and each problem is
/// placed on the value at fault inside it (the question id, the unknown option, the bound).
fn condition(c: &mut Checker, q: &Questionnaire, cond: &Condition, path: &JsonPath, scope: Scope) {
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
            Condition::Answered(_) | Condition::DontKnow(_) => at.clone(),
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
        let check_options = |c: &mut Checker, list: &str, opts: &[super::model::OptionId]| {
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

/// Upper bounds that keep a hostile or mistaken file from making checks, the UI or reports
/// slow; far above what a 15–25 minute self-check needs.
pub const MAX_QUESTIONS: usize = 500;
pub const MAX_OPTIONS: usize = 60;
pub const MAX_RULES: usize = 1000;
pub const MAX_RUNGS: usize = 20;

fn limits(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root();
    let mut over = |path: JsonPath, (what_zh, what_en): (&str, &str), n: usize, max: usize| {
        if n > max {
            c.report(
                path,
                said!(
                    "{what_zh}有 {n} 个，超过了允许的 {max} 个",
                    "{n} {what_en}, more than the {max} allowed"
                ),
                Said::both(
                    "拆分问卷，或者缩短这个列表",
                    "split the questionnaire or shorten the list",
                ),
            );
        }
    };
    over(
        root.key("questions"),
        ("题目", "questions"),
        q.questions.len(),
        MAX_QUESTIONS,
    );
    over(
        root.key("rules"),
        ("规则", "rules"),
        q.rules.len(),
        MAX_RULES,
    );
    for (i, x) in q.questions.iter().enumerate() {
        over(
            root.key("questions").index(i).key("options"),
            ("选项", "options"),
            x.options.len(),
            MAX_OPTIONS,
        );
        over(
            root.key("questions").index(i).key("bands"),
            ("分段", "bands"),
            x.bands.len(),
            MAX_OPTIONS,
        );
    }
    for (i, l) in q.ladders.iter().enumerate() {
        over(
            root.key("ladders").index(i).key("rungs"),
            ("台阶", "rungs"),
            l.rungs.len(),
            MAX_RUNGS,
        );
    }
}
