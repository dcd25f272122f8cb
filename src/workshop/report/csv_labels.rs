//! The cohort CSV for people with Excel rather than the codebook: a header row of labels in the
//! report's language above the row of ids, and levels, rungs, statuses and answers as their
//! labels. `--codes` keeps the ids only.

use crate::domain::Lang;
use crate::domain::answers::Answer;
use crate::domain::model::{Question, Questionnaire};
use crate::domain::text::tr;

/// The label of a header id (as [`super::csv`] writes them), or the id itself.
pub fn header(q: &Questionnaire, id: &str, lang: Lang) -> String {
    let fixed = match id {
        "firm_code" => Some(tr(lang, "企业代码", "Firm code")),
        "firm_name" => Some(tr(lang, "企业名称", "Firm name")),
        "status" => Some(tr(lang, "状态", "Status")),
        "answered" => Some(tr(lang, "已答题数", "Answered")),
        "asked" => Some(tr(lang, "应答题数", "Asked")),
        "saved_at" => Some(tr(lang, "保存时间", "Saved at")),
        "score.overall" => Some(tr(lang, "总分", "Overall score")),
        "level.overall" => Some(tr(lang, "总体等级", "Overall level")),
        "breadth" => Some(tr(lang, "上云广度", "Breadth")),
        "findings" => Some(tr(lang, "发现", "Findings")),
        "proposals" => Some(tr(lang, "建议的对接", "Proposals")),
        _ => None,
    };
    if let Some(t) = fixed {
        return t.to_string();
    }
    let area_title = |a: &str| {
        q.areas
            .iter()
            .find(|x| x.id.as_str() == a)
            .map(|x| x.title.get(lang).to_string())
    };
    let ladder_title = |l: &str| {
        q.ladders
            .iter()
            .find(|x| x.id.as_str() == l)
            .map(|x| x.title.get(lang).to_string())
    };
    let label = if let Some(p) = id.strip_prefix("profile.") {
        q.profile
            .iter()
            .find(|f| f.id == p)
            .map(|f| f.label.get(lang).to_string())
    } else if let Some(a) = id.strip_prefix("score.") {
        area_title(a).map(|t| format!("{t}{}", tr(lang, "得分", " score")))
    } else if let Some(a) = id.strip_prefix("level.") {
        area_title(a).map(|t| format!("{t}{}", tr(lang, "等级", " level")))
    } else if let Some(l) = id.strip_prefix("rung_no.") {
        ladder_title(l).map(|t| format!("{t}{}", tr(lang, "（第几级）", " (rung number)")))
    } else if let Some(l) = id.strip_prefix("rung.") {
        ladder_title(l)
    } else if let Some(d) = id.strip_prefix("dim.") {
        q.dimensions()
            .find(|(_, x)| x.id.as_str() == d)
            .map(|(_, x)| x.title.get(lang).to_string())
    } else {
        q.questions
            .iter()
            .find(|x| x.id.as_str() == id)
            .map(|x| x.text.get(lang).to_string())
    };
    label.unwrap_or_else(|| id.to_string())
}

/// A status as a word.
pub fn status(code: &str, lang: Lang) -> String {
    match code {
        "finished" => tr(lang, "已完成", "finished"),
        "in_progress" => tr(lang, "作答中", "answering"),
        "not_started" => tr(lang, "尚未作答", "not started"),
        other => other,
    }
    .to_string()
}

/// A level id of the overall score (`area` None) or of an area, as its label.
pub fn level(q: &Questionnaire, area: Option<&str>, id: &str, lang: Lang) -> String {
    let levels = match area {
        None => &q.levels,
        Some(a) => match q.areas.iter().find(|x| x.id.as_str() == a) {
            Some(x) => &x.levels,
            None => return id.to_string(),
        },
    };
    levels
        .iter()
        .find(|l| l.id.as_str() == id)
        .map_or_else(|| id.to_string(), |l| l.label.get(lang).to_string())
}

/// A rung id of a ladder, as its label.
pub fn rung(q: &Questionnaire, ladder: &str, id: &str, lang: Lang) -> String {
    q.ladders
        .iter()
        .find(|l| l.id.as_str() == ladder)
        .and_then(|l| l.rungs.iter().find(|r| r.id.as_str() == id))
        .map_or_else(|| id.to_string(), |r| r.label.get(lang).to_string())
}

/// A profile choice as its option's label (free text as it is).
pub fn profile(q: &Questionnaire, field: &str, value: &str, lang: Lang) -> String {
    q.profile
        .iter()
        .find(|f| f.id == field)
        .and_then(|f| f.options.iter().find(|o| o.id == value))
        .map_or_else(|| value.to_string(), |o| o.label.get(lang).to_string())
}

/// An answer as the firm saw it: option labels, the number, the text, "don't know".
pub fn answer(question: &Question, a: &Answer, lang: Lang) -> String {
    crate::domain::output::answer_label(question, a, lang)
}
