//! Structural checks of a questionnaire and its catalogue: ids, references, translations,
//! points, bands, levels and conditions. Runs on every load; it must stay fast.

use std::collections::BTreeSet;

use super::condition::Condition;
use super::instrument::{CATALOGUES, Problem, builtin_catalogue};
use super::model::{
    Level, QuestionKind, Questionnaire, Recommendations, SCHEMA_VERSION, ScoreFormat,
};
use super::position::JsonPath;
use super::proposals::Catalogue;
use super::text::{Arg, Bilingual, LocalText, id_list, nearest_name};

mod condition;
mod questions;
mod warnings;
pub(crate) mod words;

use condition::{Scope, condition};
use questions::questions;
use words as w;

struct Checker {
    problems: Vec<Problem>,
    in_catalogue: bool,
}

impl Checker {
    fn report(&mut self, path: JsonPath, message: LocalText, hint: LocalText) {
        self.problems
            .push(Problem::new(self.in_catalogue, path, message, hint));
    }

    /// Reports an empty id, and the second and later uses of an id, in the list at `list`.
    fn unique_in<'a>(
        &mut self,
        what: Bilingual,
        list: &JsonPath,
        ids: impl Iterator<Item = &'a str>,
    ) {
        self.unique(
            what,
            ids.enumerate().map(|(i, id)| (list.index(i).key("id"), id)),
        );
    }

    /// Reports the second and later uses of an id.
    fn unique<'a>(&mut self, what: Bilingual, items: impl Iterator<Item = (JsonPath, &'a str)>) {
        let mut seen = BTreeSet::new();
        for (path, id) in items {
            if id.trim().is_empty() {
                self.report(
                    path,
                    LocalText::fill(w::ID_EMPTY, &[&what]),
                    LocalText::fill(w::GIVE_AN_ID, &[]),
                );
            } else if !seen.insert(id) {
                self.report(
                    path,
                    LocalText::fill(w::DUPLICATE_ID, &[&what, &id]),
                    LocalText::fill(w::IDS_MUST_UNIQUE, &[]),
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
            LocalText::fill(
                w::SCHEMA_VERSION_UNSUPPORTED,
                &[&q.schema_version, &SCHEMA_VERSION],
            ),
            LocalText::fill(w::UPDATE_SMECHECK_CONVERT, &[]),
        );
    }
    limits(&mut c, q);
    translations(&mut c, q, &root);
    let profile = root.key("profile");
    c.unique_in(
        w::PROFILE_FIELD,
        &profile,
        q.profile.iter().map(|f| f.id.as_str()),
    );
    for (i, f) in q.profile.iter().enumerate() {
        let p = profile.index(i).key("options");
        c.unique_in(
            w::PROFILE_OPTION,
            &p,
            f.options.iter().map(|o| o.id.as_str()),
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
                    LocalText::fill(w::BREADTH_NOT_MULTI, &[&id]),
                    LocalText::fill(w::LIST_ONLY_MULTIPLE, &[]),
                );
            }
        }
    }
    let findings = root.key("findings");
    c.unique_in(
        w::FINDING,
        &findings,
        q.findings.iter().map(|f| f.id.as_str()),
    );
    for (i, f) in q.findings.iter().enumerate() {
        condition(
            &mut c,
            q,
            &f.when,
            &findings.index(i).key("when"),
            Scope::Results,
        );
    }
    recommendations(&mut c, q, cat);
    rules(&mut c, q, cat);
    roles(&mut c, q);
    catalogue(&mut c, q, cat);
    c.problems
}

/// Every missing or empty translation, and control characters in text, of `doc` (the
/// questionnaire or a catalogue, at `base`); put in file order when placed (the walk over a
/// serialised document knows no file order).
fn translations(c: &mut Checker, doc: &impl serde::Serialize, base: &JsonPath) {
    let from = c.problems.len();
    if let Ok(v) = serde_json::to_value(doc) {
        missing_text(c, &v, base, &mut Vec::new());
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
                                LocalText::fill(w::MISSING_CHINESE_ZH, &[])
                            } else {
                                LocalText::fill(w::MISSING_ENGLISH_EN, &[])
                            },
                            LocalText::fill(w::BOTH_LANGUAGES_NEEDED, &[]),
                        );
                    }
                    if let Some(bad) = map
                        .get(lang)
                        .and_then(|s| s.as_str())
                        .and_then(|s| s.chars().find(|ch| super::text::is_unsafe_char(*ch)))
                    {
                        c.report(
                            path().key(lang),
                            LocalText::fill(
                                w::CONTROL_CHARACTER,
                                &[&format!("{:04X}", u32::from(bad))],
                            ),
                            LocalText::fill(w::REMOVE_CONTROL_CHARACTERS, &[]),
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
                LocalText::fill(w::TOO_MANY_DECIMALS, &[&key, &v, &max]),
                LocalText::fill(w::DECIMALS_FROM_0_TO_4, &[]),
            );
        }
    }
    if let Some(e) = f.level_edges
        && e > f.precision
    {
        c.report(
            p.key("level_edges"),
            LocalText::fill(w::EDGES_FINER_THAN_SCORES, &[&e, &f.precision]),
            LocalText::fill(w::MAKE_LEVEL_EDGES, &[]),
        );
    }
    if !(0.0..=100.0).contains(&f.gap_below) {
        c.report(
            p.key("gap_below"),
            LocalText::fill(w::GAP_LINE_OUTSIDE, &[&f.gap_below]),
            LocalText::fill(w::GAP_LINE_RANGE, &[]),
        );
    }
}

/// `step` is the smallest difference between two level edges: a band may start at the
/// previous band's max (half-open bands) or one step above it (closed bands, as published).
fn levels(c: &mut Checker, path: &JsonPath, ls: &[Level], step: f64) {
    if ls.is_empty() {
        c.report(
            path.clone(),
            LocalText::fill(w::NO_LEVELS_DEFINED, &[]),
            LocalText::fill(w::DEFINE_SCORE_BANDS, &[]),
        );
        return;
    }
    c.unique_in(w::LEVEL, path, ls.iter().map(|l| l.id.as_str()));
    for (i, l) in ls.iter().enumerate() {
        // Also true when either bound is NaN.
        if l.min.partial_cmp(&l.max) != Some(std::cmp::Ordering::Less) {
            c.report(
                path.index(i),
                LocalText::fill(w::LEVEL_MIN_NOT_BELOW_MAX, &[&l.id, &l.min, &l.max]),
                LocalText::fill(w::LEVEL_IS_HALF_OPEN, &[]),
            );
        }
    }
    if let Some(first) = ls.first()
        && first.min != 0.0
    {
        c.report(
            path.index(0).key("min"),
            LocalText::fill(w::LEVELS_START_ABOVE_ZERO, &[&first.min]),
            LocalText::fill(w::FIRST_LEVEL_MIN, &[]),
        );
    }
    if let Some(last) = ls.last()
        && last.max != 100.0
    {
        c.report(
            path.index(ls.len() - 1).key("max"),
            LocalText::fill(w::LEVELS_END_BELOW_100, &[&last.max]),
            LocalText::fill(w::LAST_LEVEL_MAX, &[]),
        );
    }
    for (i, pair) in ls.windows(2).enumerate() {
        let closed = (pair[1].min - pair[0].max - step).abs() < step * 1e-6;
        if pair[0].max < pair[1].min && !closed {
            c.report(
                path.index(i + 1).key("min"),
                LocalText::fill(
                    w::GAP_BETWEEN_LEVELS,
                    &[&pair[0].id, &pair[1].id, &pair[0].max, &pair[1].min],
                ),
                LocalText::fill(w::LEVELS_MEET_OR_STEP, &[]),
            );
        } else if pair[0].max > pair[1].min {
            c.report(
                path.index(i + 1).key("min"),
                LocalText::fill(
                    w::LEVELS_OVERLAP,
                    &[&pair[0].id, &pair[1].id, &pair[1].min, &pair[0].max],
                ),
                LocalText::fill(w::LEVELS_MEET, &[]),
            );
        }
    }
}

fn areas(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("areas");
    c.unique_in(w::AREA, &root, q.areas.iter().map(|a| a.id.as_str()));
    c.unique(
        w::DIMENSION,
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
    let step = q.score_format.edge_step();
    for (i, a) in q.areas.iter().enumerate() {
        let p = root.index(i);
        positive_weight(c, p.key("weight"), w::AREA_WEIGHT, &a.id, a.weight);
        levels(c, &p.key("levels"), &a.levels, step);
        if a.dimensions.is_empty() {
            c.report(
                p.key("dimensions"),
                LocalText::fill(w::AREA_NO_DIMENSIONS, &[&a.id]),
                LocalText::fill(w::ADD_A_DIMENSION, &[]),
            );
        }
        for (j, d) in a.dimensions.iter().enumerate() {
            let dp = p.key("dimensions").index(j);
            positive_weight(c, dp.key("weight"), w::DIMENSION_WEIGHT, &d.id, d.weight);
            if !d.levels.is_empty() {
                levels(c, &dp.key("levels"), &d.levels, step);
            }
            if !q
                .questions
                .iter()
                .any(|x| x.dimension == d.id && x.is_scored())
            {
                c.report(
                    dp,
                    LocalText::fill(w::DIMENSION_UNSCORED, &[&d.id]),
                    LocalText::fill(w::ADD_SCORED_QUESTION, &[]),
                );
            }
        }
    }
}

fn ladders(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root().key("ladders");
    c.unique_in(w::LADDER, &root, q.ladders.iter().map(|l| l.id.as_str()));
    for (i, l) in q.ladders.iter().enumerate() {
        let p = root.index(i);
        if q.area(&l.area).is_none() {
            c.report(
                p.key("area"),
                LocalText::fill(w::LADDER_NO_SUCH_AREA, &[&l.id, &l.area]),
                LocalText::fill(w::USE_ID_FROM, &[&"areas[].id"]),
            );
        }
        if l.rungs.len() < 2 {
            c.report(
                p.key("rungs"),
                LocalText::fill(w::TOO_FEW_RUNGS, &[&l.id]),
                LocalText::fill(w::ADD_RUNGS_FROM, &[]),
            );
        }
        let rungs = p.key("rungs");
        c.unique_in(w::RUNG, &rungs, l.rungs.iter().map(|r| r.id.as_str()));
        for (j, r) in l.rungs.iter().enumerate() {
            let rp = p.key("rungs").index(j);
            if j == 0 && !r.requires.is_empty() {
                c.report(
                    rp.key("requires"),
                    LocalText::fill(w::FIRST_RUNG_REQUIRES, &[&r.id]),
                    LocalText::fill(w::EVERY_FIRM_STANDS, &[]),
                );
            }
            if j > 0 && r.requires.is_empty() {
                c.report(
                    rp.key("requires"),
                    LocalText::fill(w::RUNG_NO_REQUIREMENTS, &[&r.id]),
                    LocalText::fill(w::SAY_WHAT_RUNG_NEEDS, &[]),
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
    c.unique_in(w::RULE, &root, q.rules.iter().map(|r| r.id.as_str()));
    for (i, r) in q.rules.iter().enumerate() {
        let p = root.index(i);
        // Without a catalogue at all, that is said once (see `recommendations`).
        if !cat.is_empty() && cat.get(&r.proposal).is_none() {
            let ids = id_list(cat.proposals.iter().map(|x| x.id.as_str()));
            c.report(
                p.key("proposal"),
                LocalText::fill(w::NO_SUCH_PROPOSAL, &[&r.id, &r.proposal]),
                LocalText::fill(w::USE_CATALOGUE_PROPOSAL, &[&ids]),
            );
        }
        if !(1..=3).contains(&r.priority) {
            c.report(
                p.key("priority"),
                LocalText::fill(w::RULE_PRIORITY, &[&r.id, &r.priority]),
                LocalText::fill(w::PRIORITY_ONE_TO_THREE, &[]),
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
                LocalText::fill(w::WHEN_ONLY_PROFILE, &[&r.id]),
                LocalText::fill(w::MOVE_PROFILE_TEST, &[]),
            );
        }
    }
    // Reported on the questionnaire's rules: that is where the author adds the missing rule.
    for prop in &cat.proposals {
        if !q.rules.iter().any(|r| r.proposal == prop.id) {
            c.report(
                root.clone(),
                LocalText::fill(w::NO_RULE_RECOMMENDS, &[&q.id, &prop.id, &prop.keyword]),
                LocalText::fill(w::ADD_RULE_FOR_PROPOSAL, &[]),
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
                LocalText::fill(w::ROLE_NO_SUCH, &[&key, &w::AREA, &id]),
                LocalText::fill(w::USE_ID_OR_DROP_ROLE, &[&"areas[].id"]),
            );
        }
    }
    if let Some(id) = &r.breadth_vs_depth
        && !q.findings.iter().any(|f| &f.id == id)
    {
        c.report(
            root.key("breadth_vs_depth"),
            LocalText::fill(w::ROLE_NO_SUCH, &[&"breadth_vs_depth", &w::FINDING, &id]),
            LocalText::fill(w::USE_ID_OR_DROP_ROLE, &[&"findings[].id"]),
        );
    }
    if let Some(id) = &r.firm_name {
        match q.profile.iter().find(|f| &f.id == id) {
            None => c.report(
                root.key("firm_name"),
                LocalText::fill(w::ROLE_NO_SUCH, &[&"firm_name", &w::PROFILE_FIELD, &id]),
                LocalText::fill(w::USE_ID_OR_DROP_ROLE, &[&"profile[].id"]),
            ),
            Some(f) if !f.options.is_empty() => c.report(
                root.key("firm_name"),
                LocalText::fill(w::ROLE_FIRM_NAME_IS_CHOICE, &[&id]),
                LocalText::fill(w::FIRM_NAME_NEEDS, &[]),
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
            let known = id_list(CATALOGUES.iter().map(|x| x.name));
            let near = nearest_name(name, CATALOGUES.iter().map(|x| x.name));
            let known = LocalText::fill(w::BUILT_IN_CATALOGUES, &[&known]);
            let hint = match near {
                Some(n) => LocalText::fill(
                    w::TWO_SENTENCES,
                    &[&LocalText::fill(w::DID_YOU_MEAN, &[&n]), &known],
                ),
                None => known,
            };
            c.report(
                root.key("recommendations"),
                LocalText::fill(w::NO_BUILT_IN_CATALOGUE, &[&name]),
                hint,
            );
        }
        None if cat.is_empty() && !q.rules.is_empty() => c.report(
            root.key("rules"),
            LocalText::fill(w::RULES_WITHOUT_CATALOGUE, &[&q.id]),
            LocalText::fill(w::ADD_RECOMMENDATIONS, &[]),
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
    if !inline {
        translations(c, cat, &root);
    }
    let proposals = root.key("proposals");
    c.unique_in(
        w::PROPOSAL,
        &proposals,
        cat.proposals.iter().map(|p| p.id.as_str()),
    );
    for (i, p) in cat.proposals.iter().enumerate() {
        if p.actions.is_empty() {
            c.report(
                proposals.index(i).key("actions"),
                LocalText::fill(w::PROPOSAL_NO_ACTIONS, &[&p.id]),
                LocalText::fill(w::LIST_ACTIONS, &[]),
            );
        }
    }
    c.in_catalogue = false;
}

/// An area's or a dimension's weight: positive, finite and not too large.
fn positive_weight(c: &mut Checker, path: JsonPath, message: Bilingual, id: &dyn Arg, weight: f64) {
    if !(weight > 0.0 && weight.is_finite()) {
        c.report(
            path.clone(),
            LocalText::fill(message, &[id, &weight]),
            LocalText::fill(w::WEIGHTS_MUST_POSITIVE, &[]),
        );
    }
    too_large(c, path, weight);
}

/// Reports a weight or points value beyond [`MAX_MAGNITUDE`] (a finite one: others are told
/// already).
fn too_large(c: &mut Checker, path: JsonPath, v: f64) {
    if v.is_finite() && v.abs() > MAX_MAGNITUDE {
        c.report(
            path,
            LocalText::fill(w::VALUE_TOO_LARGE, &[&format!("{:e}", v)]),
            LocalText::fill(w::MAGNITUDE_LIMIT, &[]),
        );
    }
}

/// Upper bounds that keep a hostile or mistaken file from making checks, the UI or reports
/// slow; far above what a 15–25 minute self-check needs.
pub const MAX_QUESTIONS: usize = 500;
/// The largest weight or points (in size) a questionnaire may give: far beyond any real one,
/// and small enough that no sum of products overflows into infinity and NaN scores.
pub const MAX_MAGNITUDE: f64 = 1_000_000.0;
pub const MAX_OPTIONS: usize = 60;
pub const MAX_RULES: usize = 1000;
pub const MAX_RUNGS: usize = 20;

fn limits(c: &mut Checker, q: &Questionnaire) {
    let root = JsonPath::root();
    let mut over = |path: JsonPath, what: Bilingual, n: usize, max: usize| {
        if n > max {
            c.report(
                path,
                LocalText::fill(w::MORE_THAN_ALLOWED, &[&n, &what, &max]),
                LocalText::fill(w::SPLIT_OR_SHORTEN, &[]),
            );
        }
    };
    over(
        root.key("questions"),
        w::QUESTIONS,
        q.questions.len(),
        MAX_QUESTIONS,
    );
    over(root.key("rules"), w::RULES, q.rules.len(), MAX_RULES);
    for (i, x) in q.questions.iter().enumerate() {
        let p = root.key("questions").index(i);
        over(p.key("options"), w::OPTIONS, x.options.len(), MAX_OPTIONS);
        over(p.key("bands"), w::BANDS, x.bands.len(), MAX_OPTIONS);
    }
    for (i, l) in q.ladders.iter().enumerate() {
        let p = root.key("ladders").index(i);
        over(p.key("rungs"), w::RUNGS, l.rungs.len(), MAX_RUNGS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The unknown-catalogue hint takes a "did you mean" in the hint's own language, or nothing.
    #[test]
    fn a_message_inside_a_message_is_said_in_its_language() {
        let mini = include_str!("../../tests/fixtures/questionnaires/valid/mini.json");
        let hint = |name: &str| {
            let mut q: Questionnaire = serde_json::from_str(mini).unwrap();
            q.recommendations = Some(Recommendations::Named(name.to_string()));
            let problems = validate(&q, &Catalogue::default());
            let p = problems
                .iter()
                .find(|p| p.message.contains("no built-in recommendations catalogue"))
                .unwrap()
                .clone();
            (p.hint, p.zh.unwrap().1)
        };
        let (en, zh) = hint("smecheck-p1-p12");
        assert_eq!(
            en,
            "did you mean `smecheck-p1-p11`? built in: smecheck-p1-p11; or write the catalogue out here (an object)"
        );
        assert_eq!(
            zh,
            "是不是想写 `smecheck-p1-p11`？内置的有：smecheck-p1-p11；也可以把目录直接写在这里（一个对象）"
        );
        let (en, zh) = hint("something else entirely");
        assert!(en.starts_with("built in: smecheck-p1-p11;"), "{en}");
        assert!(zh.starts_with("内置的有："), "{zh}");
    }
}
