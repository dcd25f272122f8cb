//! Structural checks of a questionnaire and its catalogue: ids, references, translations,
//! points, bands, levels and conditions. Runs on every load; it must stay fast.

use std::collections::BTreeSet;

use super::condition::Condition;
use super::instrument::{Problem, Said};
use super::locate::JsonPath;
use super::model::{Level, QuestionKind, Questionnaire, SCHEMA_VERSION};
use super::proposals::Catalogue;

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
    fn unique<'a>(&mut self, what: &str, items: impl Iterator<Item = (JsonPath, &'a str)>) {
        let mut seen = BTreeSet::new();
        for (path, id) in items {
            if id.trim().is_empty() {
                self.report(
                    path,
                    format!("{what} id is empty"),
                    "give it a short unique id",
                );
            } else if !seen.insert(id) {
                self.report(
                    path,
                    format!("duplicate {what} id `{id}`"),
                    "ids must be unique; rename one of them",
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
            format!(
                "schema_version {} is not supported; this smecheck reads version {SCHEMA_VERSION}",
                q.schema_version
            ),
            "update smecheck or convert the file",
        );
    }
    limits(&mut c, q);
    translations(&mut c, q);
    c.unique(
        "profile field",
        q.profile
            .iter()
            .enumerate()
            .map(|(i, f)| (root.key("profile").index(i).key("id"), f.id.as_str())),
    );
    for (i, f) in q.profile.iter().enumerate() {
        let p = root.key("profile").index(i).key("options");
        c.unique(
            "profile option",
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
                    format!("breadth question `{id}` is not a multiple-choice question of this questionnaire"),
                    "list only multiple-choice question ids",
                );
            }
        }
    }
    c.unique(
        "finding",
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
                            format!(
                                "missing {} translation",
                                if lang == "zh" {
                                    "Chinese (zh)"
                                } else {
                                    "English (en)"
                                }
                            ),
                            "every user-visible string needs both zh and en",
                        );
                    }
                    if let Some(bad) = map
                        .get(lang)
                        .and_then(|s| s.as_str())
                        .and_then(|s| s.chars().find(|ch| super::text::is_unsafe_char(*ch)))
                    {
                        c.report(
                            path.key(lang),
                            format!(
                                "text contains the invisible control character U+{:04X}",
                                u32::from(bad)
                            ),
                            "remove it: control characters and direction overrides could change what a terminal or report shows",
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
            "no levels defined",
            "define score bands covering 0 to 100",
        );
        return;
    }
    c.unique(
        "level",
        ls.iter()
            .enumerate()
            .map(|(i, l)| (path.index(i).key("id"), l.id.as_str())),
    );
    for (i, l) in ls.iter().enumerate() {
        // Also true when either bound is NaN.
        if l.min.partial_cmp(&l.max) != Some(std::cmp::Ordering::Less) {
            c.report(
                path.index(i),
                format!("level `{}` has min {} not below max {}", l.id, l.min, l.max),
                "each band is [min, max) with min < max",
            );
        }
    }
    if let Some(first) = ls.first()
        && first.min != 0.0
    {
        c.report(
            path.index(0).key("min"),
            format!("levels start at {} instead of 0", first.min),
            "the first level's min must be 0",
        );
    }
    if let Some(last) = ls.last()
        && last.max != 100.0
    {
        c.report(
            path.index(ls.len() - 1).key("max"),
            format!("levels end at {} instead of 100", last.max),
            "the last level's max must be 100",
        );
    }
    for (i, w) in ls.windows(2).enumerate() {
        if w[0].max < w[1].min {
            c.report(
                path.index(i + 1).key("min"),
                format!(
                    "gap between levels `{}` and `{}`: scores from {} to {} have no level",
                    w[0].id, w[1].id, w[0].max, w[1].min
                ),
                "make each level's min equal the previous level's max",
            );
        } else if w[0].max > w[1].min {
            c.report(
                path.index(i + 1).key("min"),
                format!(
                    "levels `{}` and `{}` overlap from {} to {}",
                    w[0].id, w[1].id, w[1].min, w[0].max
                ),
                "make each level's min equal the previous level's max",
            );
        }
    }
}

fn areas(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("areas");
    c.unique(
        "area",
        q.areas
            .iter()
            .enumerate()
            .map(|(i, a)| (root.index(i).key("id"), a.id.as_str())),
    );
    c.unique(
        "dimension",
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
                format!("area `{}` has weight {}", a.id, a.weight),
                "weights must be positive numbers",
            );
        }
        levels(c, &p.key("levels"), &a.levels);
        if a.dimensions.is_empty() {
            c.report(
                p.key("dimensions"),
                format!("area `{}` has no dimensions", a.id),
                "add at least one dimension",
            );
        }
        for (j, d) in a.dimensions.iter().enumerate() {
            if !(d.weight > 0.0 && d.weight.is_finite()) {
                c.report(
                    p.key("dimensions").index(j).key("weight"),
                    format!("dimension `{}` has weight {}", d.id, d.weight),
                    "weights must be positive numbers",
                );
            }
            if !q
                .questions
                .iter()
                .any(|x| x.dimension == d.id && x.is_scored())
            {
                c.report(
                    p.key("dimensions").index(j),
                    format!("dimension `{}` has no scored question", d.id),
                    "add a scored question to it or remove the dimension",
                );
            }
        }
    }
}

fn questions(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("questions");
    c.unique(
        "question",
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
                format!(
                    "question `{}` names dimension `{}`, which no area defines",
                    x.id, x.dimension
                ),
                "use a dimension id from `areas[].dimensions[].id`",
            );
        }
        if current != Some(x.dimension.as_str()) {
            if let Some(prev) = current {
                closed.insert(prev);
            }
            if closed.contains(x.dimension.as_str()) {
                c.report(
                    p.key("dimension"),
                    format!(
                        "question `{}` returns to dimension `{}` after another dimension began",
                        x.id, x.dimension
                    ),
                    "keep each dimension's questions together so the section list stays clear",
                );
            }
            current = Some(x.dimension.as_str());
        }
        if !(x.weight >= 0.0 && x.weight.is_finite()) {
            c.report(
                p.key("weight"),
                format!("question `{}` has weight {}", x.id, x.weight),
                "use 0 (unscored) or a positive weight",
            );
        }
        c.unique(
            "option",
            x.options
                .iter()
                .enumerate()
                .map(|(j, o)| (p.key("options").index(j).key("id"), o.id.as_str())),
        );
        for (j, o) in x.options.iter().enumerate() {
            if o.id.as_str() == super::answers::DONT_KNOW {
                c.report(
                    p.key("options").index(j).key("id"),
                    "`dont_know` is reserved for the \"don't know\" answer",
                    "set `\"dont_know\": true` on the question instead of adding an option",
                );
            }
            if o.exclusive && x.kind != QuestionKind::Multi {
                c.report(
                    p.key("options").index(j).key("exclusive"),
                    format!(
                        "option `{}` is exclusive but question `{}` is not multiple choice",
                        o.id, x.id
                    ),
                    "remove `exclusive`",
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
                format!("question `{}` needs at least two options", x.id),
                "add the options a firm can choose from",
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
                        format!(
                            "option `{}` of scored question `{}` has no points",
                            o.id, x.id
                        ),
                        "add `points`, or set the question's weight to 0 to leave it unscored",
                    ),
                    Some(v) if !v.is_finite() => c.report(
                        p.key("options").index(j).key("points"),
                        format!("option `{}` has points {v}", o.id),
                        "points must be finite numbers",
                    ),
                    _ => {}
                }
            }
            if !x.options.iter().any(|o| o.points.unwrap_or(0.0) > 0.0) {
                c.report(
                    p.key("options"),
                    format!("no option of scored question `{}` gives points", x.id),
                    "give the best option positive points",
                );
            }
        }
        if x.kind == QuestionKind::Scale {
            for (j, w) in x.options.windows(2).enumerate() {
                if w[1].points.unwrap_or(0.0) < w[0].points.unwrap_or(0.0) {
                    c.report(
                        p.key("options").index(j + 1).key("points"),
                        format!("scale `{}` falls from `{}` to `{}`", x.id, w[0].id, w[1].id),
                        "a scale's points must not decrease along it",
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
                    format!("yes/partly/no question `{}` has option `{}`; its options must be exactly yes, partly, no", x.id, x.options[j].id),
                    "rename the option or use kind `single`",
                );
            } else if ids.len() != 3 || x.options.len() != 3 {
                c.report(
                    p.key("options"),
                    format!(
                        "yes/partly/no question `{}` must have exactly the options yes, partly, no",
                        x.id
                    ),
                    "add the missing option or use kind `single`",
                );
            }
        }
    } else if !x.options.is_empty() {
        c.report(
            p.key("options"),
            format!("question `{}` of this kind takes no options", x.id),
            "remove `options` or change `kind`",
        );
    }
    match x.kind {
        QuestionKind::Number => {
            if let (Some(lo), Some(hi)) = (x.min, x.max)
                && lo > hi
            {
                c.report(
                    p.key("min"),
                    format!("question `{}` has min {lo} above max {hi}", x.id),
                    "swap them",
                );
            }
            if x.is_scored() && x.bands.is_empty() {
                c.report(
                    p.key("bands"),
                    format!("scored number question `{}` has no bands", x.id),
                    "add bands [{min, max, points}] or set weight 0",
                );
            }
            let bp = p.key("bands");
            for (j, b) in x.bands.iter().enumerate() {
                if let Some(hi) = b.max
                    && b.min.partial_cmp(&hi) != Some(std::cmp::Ordering::Less)
                {
                    c.report(
                        bp.index(j),
                        format!(
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
                        format!(
                            "band {} of `{}` is open-ended but not the last",
                            j + 1,
                            x.id
                        ),
                        "only the last band may omit max",
                    );
                }
            }
            for (j, w) in x.bands.windows(2).enumerate() {
                if let Some(hi) = w[0].max
                    && hi != w[1].min
                {
                    let what = if hi < w[1].min { "gap" } else { "overlap" };
                    c.report(
                        bp.index(j + 1).key("min"),
                        format!(
                            "{what} between bands {} and {} of `{}` ({hi} vs {})",
                            j + 1,
                            j + 2,
                            x.id,
                            w[1].min
                        ),
                        "make each band's min equal the previous band's max",
                    );
                }
            }
            if let (Some(lo), Some(first)) = (x.min, x.bands.first())
                && first.min > lo
            {
                c.report(
                    bp.index(0).key("min"),
                    format!(
                        "numbers from {lo} to {} of `{}` fall in no band",
                        first.min, x.id
                    ),
                    "start the first band at the question's min",
                );
            }
            // A number outside every band would be scored as if unanswered, silently.
            if x.is_scored() && !x.bands.is_empty() {
                if x.min.is_none() {
                    c.report(
                        p.key("bands"),
                        format!("scored number question `{}` has no `min`, so numbers below its first band fall in no band", x.id),
                        "set the question's `min` to the first band's min",
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
                        format!("numbers from {hi} up to {upto} of `{}` fall in no band", x.id),
                        "leave out the last band's `max` (open-ended) or set the question's `max` to it",
                    );
                }
            }
        }
        QuestionKind::Text => {
            if x.dont_know {
                c.report(
                    p.key("dont_know"),
                    format!("free-text question `{}` cannot offer \"don't know\"", x.id),
                    "remove `dont_know`",
                );
            }
        }
        _ => {
            if !x.bands.is_empty() {
                c.report(
                    p.key("bands"),
                    format!("question `{}` is not a number question but has bands", x.id),
                    "remove `bands`",
                );
            }
        }
    }
}

fn ladders(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("ladders");
    c.unique(
        "ladder",
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
                format!(
                    "ladder `{}` names area `{}`, which does not exist",
                    l.id, l.area
                ),
                "use an id from `areas[].id`",
            );
        }
        if l.rungs.len() < 2 {
            c.report(
                p.key("rungs"),
                format!("ladder `{}` needs at least two rungs", l.id),
                "add rungs from the lowest up",
            );
        }
        c.unique(
            "rung",
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
                    format!("the first rung `{}` must have no requirements", r.id),
                    "every firm stands at least on the first rung",
                );
            }
            if j > 0 && r.requires.is_empty() {
                c.report(
                    rp.key("requires"),
                    format!("rung `{}` has no requirements", r.id),
                    "say what a firm needs to stand on this rung",
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
        "rule",
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
                format!(
                    "rule `{}` names proposal `{}`, which the catalogue does not have",
                    r.id, r.proposal
                ),
                "use P1 … P11",
            );
        }
        if !(1..=3).contains(&r.priority) {
            c.report(
                p.key("priority"),
                format!("rule `{}` has priority {}", r.id, r.priority),
                "priority is 1 (most urgent), 2 or 3",
            );
        }
        condition(c, q, &r.when, &p.key("when"), Scope::Rules);
    }
    // Reported on the questionnaire's rules: that is where the author adds the missing rule.
    for prop in &cat.proposals {
        if !q.rules.iter().any(|r| r.proposal == prop.id) {
            c.report(
                root.clone(),
                format!(
                    "no rule of questionnaire `{}` can ever recommend proposal `{}` ({})",
                    q.id, prop.id, prop.keyword.en
                ),
                "add a rule with this proposal, or the firm can never be pointed to it",
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
        "proposal",
        cat.proposals
            .iter()
            .enumerate()
            .map(|(i, p)| (root.key("proposals").index(i).key("id"), p.id.as_str())),
    );
    for (i, p) in cat.proposals.iter().enumerate() {
        if p.actions.is_empty() {
            c.report(
                root.key("proposals").index(i).key("actions"),
                format!("proposal `{}` has no actions", p.id),
                "list what a firm can do today",
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
                    format!("empty `{key}`"),
                    "list at least one condition",
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
                format!("condition refers to question `{id}`, which does not exist"),
                "check the question id",
            );
            return;
        };
        if let Scope::Before(me) = scope {
            if idx == me {
                c.report(
                    q_at.clone(),
                    format!("question `{id}` depends on itself"),
                    "a question's visibility can only depend on earlier questions",
                );
            } else if idx > me {
                c.report(
                    q_at.clone(),
                    format!(
                        "question `{}` depends on the later question `{id}`",
                        q.questions[me].id
                    ),
                    "move the question after the one it depends on, or change the condition",
                );
            }
        }
        let x = &q.questions[idx];
        let check_options = |c: &mut Checker, list: &str, opts: &[super::model::OptionId]| {
            if opts.is_empty() {
                c.report(
                    at.key(list),
                    "the option list is empty, so the condition can never hold",
                    "list at least one option id",
                );
            }
            for (k, o) in opts.iter().enumerate() {
                if x.option(o).is_none() {
                    c.report(
                        at.key(list).index(k),
                        format!("question `{id}` has no option `{o}`"),
                        format!(
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
                        format!("`choice` needs a question with options; `{id}` has none"),
                        "use `number` for number questions",
                    );
                }
                check_options(c, "any_of", any_of);
            }
            Condition::ChoiceAll { all_of, .. } => {
                if x.kind != QuestionKind::Multi {
                    c.report(
                        q_at.clone(),
                        format!("`choice_all` needs a multiple-choice question; `{id}` is not"),
                        "use `choice`",
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
                        format!("`count` needs a multiple-choice question; `{id}` is not"),
                        "use `choice`",
                    );
                }
                let n = x.options.iter().filter(|o| !o.exclusive).count() as u32;
                if at_least.is_some_and(|lo| lo > n)
                    || matches!((at_least, at_most), (Some(lo), Some(hi)) if lo > hi)
                {
                    c.report(
                        at.key("at_least"),
                        format!("this count on `{id}` can never hold ({n} options to tick)"),
                        "lower `at_least`",
                    );
                }
            }
            Condition::Number {
                at_least, below, ..
            } => {
                if x.kind != QuestionKind::Number {
                    c.report(
                        q_at.clone(),
                        format!("`number` needs a number question; `{id}` is not"),
                        "use `choice` or `points`",
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
                        format!("`points` needs a scored question; `{id}` is unscored"),
                        "use `choice`",
                    );
                }
                impossible_range(c, &at, *at_least, *below);
                if at_least.is_some_and(|v| v > 1.0) {
                    c.report(
                        at.key("at_least"),
                        "`points` compares the share of the maximum, 0 to 1",
                        "use a value between 0 and 1",
                    );
                }
            }
            Condition::DontKnow(_) if !x.dont_know => {
                c.report(
                    q_at.clone(),
                    format!("question `{id}` does not offer \"don't know\", so this never holds"),
                    "set `dont_know: true` on the question",
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
                format!("profile field `{field}` does not exist"),
                "use an id from `profile[].id`",
            ),
            Some(f) if !f.options.is_empty() => {
                for (k, v) in any_of.iter().enumerate() {
                    if !f.options.iter().any(|o| &o.id == v) {
                        c.report(
                            at.key("any_of").index(k),
                            format!("profile field `{field}` has no option `{v}`"),
                            "check the option id",
                        );
                    }
                }
            }
            _ => {}
        },
        _ if answers_only => {
            let (place, may) = match scope {
                Scope::Before(me) => (
                    format!("the skip logic of question `{}`", q.questions[me].id),
                    "answers to earlier questions and the profile",
                ),
                _ => (
                    "a ladder requirement".to_string(),
                    "answers and the profile",
                ),
            };
            c.report(
                at,
                format!("`{key}` cannot be tested in {place}: it may only test {may}"),
                "scores, breadth, rungs, levels and findings are computed from all answers; test them in rules and findings",
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
                    format!("score of `{of}`: no such area or dimension"),
                    "use `overall`, an area id or a dimension id",
                );
            }
            impossible_range(c, &at, *at_least, *below);
        }
        Condition::Breadth { at_least, below } => {
            if q.breadth.is_none() {
                c.report(
                    at.clone(),
                    "`breadth` is tested but the questionnaire defines no breadth",
                    "add a `breadth` section",
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
                format!("ladder `{ladder}` does not exist"),
                "use an id from `ladders[].id`",
            ),
            Some(l) => {
                let pos = |id: &String| l.rungs.iter().position(|r| &r.id == id);
                for (bound, id) in [("at_least", at_least), ("below", below)] {
                    if let Some(id) = id
                        && pos(id).is_none()
                    {
                        c.report(
                            at.key(bound),
                            format!("ladder `{ladder}` has no rung `{id}`"),
                            "check the rung id",
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
                        "this rung range is empty, so the condition never holds",
                        "`at_least` must be a lower rung than `below`",
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
                    format!("levels of `{area}`: no such area"),
                    "use `overall` or an area id",
                ),
                Some(ls) => {
                    let ids: BTreeSet<&str> = ls.iter().map(|l| l.id.as_str()).collect();
                    for (k, v) in any_of.iter().enumerate() {
                        if !ids.contains(v.as_str()) {
                            c.report(
                                at.key("any_of").index(k),
                                format!("`{area}` has no level `{v}`"),
                                "check the level id",
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
                    "findings can only be tested in rules, not in other findings",
                    "move this test into a rule",
                );
            } else if !q.findings.iter().any(|f| &f.id == id) {
                c.report(
                    at.clone(),
                    format!("finding `{id}` does not exist"),
                    "use an id from `findings[].id`",
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
            format!("`at_least` {lo} is not below `below` {hi}, so this never holds"),
            "widen the range",
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
    let mut over = |path: JsonPath, what: &str, n: usize, max: usize| {
        if n > max {
            c.report(
                path,
                format!("{n} {what}, more than the {max} allowed"),
                "split the questionnaire or shorten the list",
            );
        }
    };
    over(
        root.key("questions"),
        "questions",
        q.questions.len(),
        MAX_QUESTIONS,
    );
    over(root.key("rules"), "rules", q.rules.len(), MAX_RULES);
    for (i, x) in q.questions.iter().enumerate() {
        over(
            root.key("questions").index(i).key("options"),
            "options",
            x.options.len(),
            MAX_OPTIONS,
        );
        over(
            root.key("questions").index(i).key("bands"),
            "bands",
            x.bands.len(),
            MAX_OPTIONS,
        );
    }
    for (i, l) in q.ladders.iter().enumerate() {
        over(
            root.key("ladders").index(i).key("rungs"),
            "rungs",
            l.rungs.len(),
            MAX_RUNGS,
        );
    }
}
