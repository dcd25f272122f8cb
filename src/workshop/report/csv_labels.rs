//! The cohort CSV for people with Excel rather than the codebook: a header row of labels in the
//! report's language above the row of ids, and statuses and profile choices as their labels
//! (levels, rungs and answers are labelled as everywhere else). `--codes` keeps the ids only.

use crate::domain::Lang;
use crate::domain::model::Questionnaire;
use crate::workshop::text;

/// The label of a header id (as [`super::csv`] writes them), or the id itself.
pub fn header(q: &Questionnaire, id: &str, lang: Lang) -> String {
    let fixed = match id {
        "firm_code" => Some(text::C_CODE.get(lang)),
        "firm_name" => Some(text::C_NAME.get(lang)),
        "status" => Some(text::C_STATUS.get(lang)),
        "answered" => Some(text::CSV_ANSWERED.get(lang)),
        "asked" => Some(text::CSV_ASKED.get(lang)),
        "saved_at" => Some(text::CSV_SAVED_AT.get(lang)),
        "score.overall" => Some(text::CSV_OVERALL_SCORE.get(lang)),
        "level.overall" => Some(text::CSV_OVERALL_LEVEL.get(lang)),
        "breadth" => Some(text::CSV_BREADTH.get(lang)),
        "findings" => Some(text::H_FINDINGS.get(lang)),
        "proposals" => Some(text::CSV_PROPOSALS.get(lang)),
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
        area_title(a).map(|t| format!("{t}{}", text::CSV_SCORE_SUFFIX.get(lang)))
    } else if let Some(a) = id.strip_prefix("level.") {
        area_title(a).map(|t| format!("{t}{}", text::CSV_LEVEL_SUFFIX.get(lang)))
    } else if let Some(l) = id.strip_prefix("rung_no.") {
        ladder_title(l).map(|t| format!("{t}{}", text::CSV_RUNG_NO_SUFFIX.get(lang)))
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
        "finished" => text::FINISHED.get(lang),
        "in_progress" => text::CSV_ANSWERING.get(lang),
        "not_started" => text::CSV_NOT_STARTED.get(lang),
        other => other,
    }
    .to_string()
}

/// A profile choice as its option's label (free text as it is).
pub fn profile(q: &Questionnaire, field: &str, value: &str, lang: Lang) -> String {
    q.profile
        .iter()
        .find(|f| f.id == field)
        .and_then(|f| f.options.iter().find(|o| o.id == value))
        .map_or_else(|| value.to_string(), |o| o.label.get(lang).to_string())
}
