//! Structural checks of a questionnaire and its catalogue: ids, references, translations,
//! points, bands, levels and conditions. Runs on every load; it must stay fast.

use std::collections::BTreeSet;

use super::condition::Condition;
use super::instrument::{CATALOGUES, Problem, Said, builtin_catalogue};
use super::model::{
    Level, QuestionKind, Questionnaire, Recommendations, SCHEMA_VERSION, ScoreFormat,
};
use super::position::JsonPath;
use super::proposals::Catalogue;

/// A message in Chinese and English from two format strings over the same arguments.
macro_rules! said {
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        Said::both(format!($zh $(, $arg)*), format!($en $(, $arg)*))
    };
}

mod condition;
mod questions;
mod warnings;
pub(crate) mod words;

use condition::{Scope, condition};
use questions::questions;

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

/// What a valid questionnaire says that is allowed but probably not meant: points that can
/// have no effect, questions that can never score. `smecheck validate` prints them and passes.
pub fn warnings(q: &Questionnaire) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
        in_catalogue: false,
    };
    warnings::warnings(&mut c, q);
    c.problems
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
    score_format(&mut c, q);
    let step = q.score_format.edge_step();
    levels(&mut c, &root.key("levels"), &q.levels, step);
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
    recommendations(&mut c, q, cat);
    rules(&mut c, q, cat);
    roles(&mut c, q);
    catalogue(&mut c, q, cat);
    c.problems
}

/// Every missing or empty translation, and control characters in text; put in file order
/// when placed (the walk over a serialised document knows no file order).
fn translations(c: &mut Checker, q: &Questionnaire) {
    let from = c.problems.len();
    if let Ok(v) = serde_json::to_value(q) {
        missing_text(c, &v, &JsonPath::root(), &mut Vec::new());
    }
    for p in &mut c.problems[from..] {
        p.by_place = true;
    }
}

/// A step from the walk's starting point, borrowed from the document: the path is only made
/// (allocated) for a text that has a problem.
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// Finds `{zh, en}` objects with an empty side anywhere in a serialised document.
fn missing_text<'v>(
    c: &mut Checker,
    v: &'v serde_json::Value,
    base: &JsonPath,
    at: &mut Vec<Step<'v>>,
) {
    match v {
        serde_json::Value::Object(map) => {
            let is_text = map.len() == 2 && map.contains_key("zh") && map.contains_key("en");
            if is_text {
                let path = || {
                    at.iter().fold(base.clone(), |p, s| match s {
                        Step::Key(k) => p.key(k),
                        Step::Index(i) => p.index(*i),
                    })
                };
                for lang in ["zh", "en"] {
                    if map
                        .get(lang)
                        .and_then(|s| s.as_str())
                        .is_none_or(|s| s.trim().is_empty())
                    {
                        c.report(
                            path().key(lang),
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
                            path().key(lang),
                            said!("文字里有看不见的控制字符 U+{:04X}", "text contains the invisible control character U+{:04X}",
                                u32::from(bad)
                            ),
                            Said::both("请删掉它：控制字符和书写方向控制符可能改变终端或报告里显示的内容", "remove it: control characters and direction overrides could change what a terminal or report shows"),
                        );
                    }
                }
            } else {
                for (k, x) in map {
                    at.push(Step::Key(k));
                    missing_text(c, x, base, at);
                    at.pop();
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                at.push(Step::Index(i));
                missing_text(c, x, base, at);
                at.pop();
            }
        }
        _ => {}
    }
}

/// Decimals a questionnaire can honour: at most [`ScoreFormat::MAX_DECIMALS`], and level
/// edges no finer than the scores placed in them.
fn score_format(c: &mut Checker, q: &Questionnaire) {
    let f = q.score_format;
    let p = JsonPath::root().key("score_format");
    let max = ScoreFormat::MAX_DECIMALS;
    for (key, v) in [
        ("precision", Some(f.precision)),
        ("level_edges", f.level_edges),
    ] {
        if let Some(v) = v
            && v > max
        {
            c.report(
                p.key(key),
                said!(
                    "`{key}` 是 {v} 位小数，最多只能 {max} 位",
                    "`{key}` asks for {v} decimals; at most {max} are supported"
                ),
                Said::both(
                    "分数用不着这么细；写 0 到 4 之间的整数",
                    "no score needs that many; give a whole number from 0 to 4",
                ),
            );
        }
    }
    if let Some(e) = f.level_edges
        && e > f.precision
    {
        c.report(
            p.key("level_edges"),
            said!(
                "等级边界有 {e} 位小数，比分数的精度（{} 位）还细",
                "level edges have {e} decimals, finer than the scores' precision ({})",
                f.precision
            ),
            Said::both(
                "把 `level_edges` 设成不大于 `precision` 的数",
                "make `level_edges` no larger than `precision`",
            ),
        );
    }
    if !(0.0..=100.0).contains(&f.gap_below) {
        c.report(
            p.key("gap_below"),
            said!(
                "短板线 `gap_below` 是 {}，不在 0 到 100 之间",
                "the gap line `gap_below` is {}, outside 0 to 100",
                f.gap_below
            ),
            Said::both(
                "分数是 0 到 100 分，短板线也得在这个范围里（默认 60）",
                "scores run from 0 to 100, so the gap line must too (60 by default)",
            ),
        );
    }
}

/// `step` is the smallest difference between two level edges: a band may start at the
/// previous band's max (half-open bands) or one step above it (closed bands, as published).
fn levels(c: &mut Checker, path: &JsonPath, ls: &[Level], step: f64) {
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
                Said::both(
                    "每一档是 [min, max)：含 min，不含 max，min 要小于 max",
                    "each band is [min, max) with min < max",
                ),
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
        let closed = (w[1].min - w[0].max - step).abs() < step * 1e-6;
        if w[0].max < w[1].min && !closed {
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
                    "让每个等级的 min 等于前一个等级的 max，或者正好比它大一个边界步长（见 `score_format.level_edges`）",
                    "make each level's min equal the previous level's max, or exactly one edge step above it (see `score_format.level_edges`)",
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
        too_large(c, p.key("weight"), a.weight);
        levels(c, &p.key("levels"), &a.levels, q.score_format.edge_step());
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
            too_large(c, p.key("dimensions").index(j).key("weight"), d.weight);
            if !d.levels.is_empty() {
                let step = q.score_format.edge_step();
                levels(
                    c,
                    &p.key("dimensions").index(j).key("levels"),
                    &d.levels,
                    step,
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
        // Without a catalogue at all, that is said once (see `recommendations`).
        if !cat.is_empty() && cat.get(&r.proposal).is_none() {
            let ids: Vec<&str> = cat.proposals.iter().map(|x| x.id.as_str()).collect();
            let ids = ids.join(", ");
            c.report(
                p.key("proposal"),
                said!(
                    "规则 `{}` 指向的提案 `{}` 不在提案目录里",
                    "rule `{}` names proposal `{}`, which the catalogue does not have",
                    r.id,
                    r.proposal
                ),
                said!(
                    "请使用目录里的提案：{ids}",
                    "use one of the catalogue's proposals: {ids}"
                ),
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
        if let Some(e) = &r.eligible_if {
            condition(c, q, e, &p.key("eligible_if"), Scope::Rules);
        }
        // Reasons come from `when`; one that reads only the profile could never name one.
        let mut leaves = Vec::new();
        r.when.walk(&mut leaves);
        if leaves.iter().all(|x| {
            matches!(
                x,
                Condition::Profile { .. }
                    | Condition::All(_)
                    | Condition::Any(_)
                    | Condition::Not(_)
            )
        }) {
            c.report(
                p.key("when"),
                said!(
                    "规则 `{}` 的 `when` 只看企业概况，永远给不出依据",
                    "rule `{}` has a `when` that reads only the profile, so it can never give a reason",
                    r.id
                ),
                Said::both(
                    "把概况条件移到 `eligible_if`，在 `when` 里写出企业的哪些回答说明需要这条建议",
                    "move the profile test to `eligible_if`, and say in `when` which answers show the firm needs this advice",
                ),
            );
        }
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

/// Each declared role names something the questionnaire has; the firm's name is free text.
fn roles(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("roles");
    let r = &q.roles;
    let areas = [("cloud_depth", &r.cloud_depth), ("financing", &r.financing)];
    for (key, id) in areas {
        if let Some(id) = id
            && q.area(id).is_none()
        {
            c.report(
                root.key(key),
                said!(
                    "角色 `{key}` 指向的领域 `{id}` 不存在",
                    "role `{key}` names area `{id}`, which does not exist"
                ),
                Said::both(
                    "请使用 `areas[].id` 里的编号，或者删掉这个角色",
                    "use an id from `areas[].id`, or remove the role",
                ),
            );
        }
    }
    if let Some(id) = &r.breadth_vs_depth
        && !q.findings.iter().any(|f| &f.id == id)
    {
        c.report(
            root.key("breadth_vs_depth"),
            said!(
                "角色 `breadth_vs_depth` 指向的发现 `{id}` 不存在",
                "role `breadth_vs_depth` names finding `{id}`, which does not exist"
            ),
            Said::both(
                "请使用 `findings[].id` 里的编号，或者删掉这个角色",
                "use an id from `findings[].id`, or remove the role",
            ),
        );
    }
    if let Some(id) = &r.firm_name {
        match q.profile.iter().find(|f| &f.id == id) {
            None => c.report(
                root.key("firm_name"),
                said!(
                    "角色 `firm_name` 指向的企业信息字段 `{id}` 不存在",
                    "role `firm_name` names profile field `{id}`, which does not exist"
                ),
                Said::both(
                    "请使用 `profile[].id` 里的编号，或者删掉这个角色",
                    "use an id from `profile[].id`, or remove the role",
                ),
            ),
            Some(f) if !f.options.is_empty() => c.report(
                root.key("firm_name"),
                said!(
                    "角色 `firm_name` 指向的企业信息字段 `{id}` 是选择题，不是填写名称的地方",
                    "role `firm_name` names profile field `{id}`, which is a choice, not free text"
                ),
                Said::both(
                    "企业名称要用一个没有选项的自由填写字段",
                    "the firm's name needs a free-text field, one without options",
                ),
            ),
            Some(_) => {}
        }
    }
}

/// The catalogue a questionnaire names exists, and rules have a catalogue to point into.
fn recommendations(c: &mut Checker, q: &Questionnaire, cat: &Catalogue) {
    let root = JsonPath::root();
    match &q.recommendations {
        Some(Recommendations::Named(name)) if builtin_catalogue(name).is_none() => {
            let known: Vec<&str> = CATALOGUES.iter().map(|x| x.name).collect();
            let known = known.join(", ");
            let near = CATALOGUES
                .iter()
                .map(|x| (strsim::levenshtein(name, x.name), x.name))
                .filter(|(d, n)| *d <= 2.max(n.len() / 3))
                .min()
                .map(|(_, n)| n);
            let (zh, en) = match near {
                Some(n) => (format!("是不是想写 `{n}`？"), format!("did you mean `{n}`? ")),
                None => (String::new(), String::new()),
            };
            c.report(
                root.key("recommendations"),
                said!(
                    "没有名为 `{name}` 的内置建议目录",
                    "there is no built-in recommendations catalogue `{name}`"
                ),
                said!(
                    "{zh}内置的有：{known}；也可以把目录直接写在这里（一个对象）",
                    "{en}built in: {known}; or write the catalogue out here (an object)"
                ),
            );
        }
        None if cat.is_empty() && !q.rules.is_empty() => c.report(
            root.key("rules"),
            said!(
                "问卷 `{}` 的规则没有建议目录可以指向",
                "the rules of questionnaire `{}` have no recommendations catalogue to point to",
                q.id
            ),
            Said::both(
                "加上 `\"recommendations\": \"smecheck-p1-p11\"` 使用 smecheck 的 P1–P11，或者在 `recommendations` 里写出自己的目录，或者删掉这些规则",
                "add `\"recommendations\": \"smecheck-p1-p11\"` for smecheck's P1–P11, write your own catalogue in `recommendations`, or remove the rules",
            ),
        ),
        _ => {}
    }
}

fn catalogue(c: &mut Checker, q: &Questionnaire, cat: &Catalogue) {
    // A catalogue written out in the questionnaire is checked there, where its translations
    // have already been walked with the rest of the questionnaire.
    let inline = matches!(q.recommendations, Some(Recommendations::Inline(_)));
    if !inline && cat.is_empty() {
        return;
    }
    let root = if inline {
        JsonPath::root().key("recommendations")
    } else {
        JsonPath::root()
    };
    c.in_catalogue = !inline;
    let from = c.problems.len();
    if !inline && let Ok(v) = serde_json::to_value(cat) {
        missing_text(c, &v, &root, &mut Vec::new());
    }
    for p in &mut c.problems[from..] {
        p.by_place = true;
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

/// Upper bounds that keep a hostile or mistaken file from making checks, the UI or reports
/// slow; far above what a 15–25 minute self-check needs.
/// Reports a weight or points value beyond [`MAX_MAGNITUDE`] (a finite one: others are told
/// already).
fn too_large(c: &mut Checker, path: JsonPath, v: f64) {
    if v.is_finite() && v.abs() > MAX_MAGNITUDE {
        c.report(
            path,
            said!("这个数 {v:e} 太大了", "the value {v:e} is too large"),
            Said::both(
                "权重和分值要在 -1000000 到 1000000 之间，否则算出的分数可能溢出成 NaN",
                "weights and points must lie between -1000000 and 1000000; larger ones can overflow scores into NaN",
            ),
        );
    }
}

pub const MAX_QUESTIONS: usize = 500;
/// The largest weight or points (in size) a questionnaire may give: far beyond any real one,
/// and small enough that no sum of products overflows into infinity and NaN scores.
pub const MAX_MAGNITUDE: f64 = 1_000_000.0;
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
