//! The one-page summary that opens every report: a verdict per area, the top three strengths,
//! gaps and actions, how sure the result is, and the firm's own wish in its words.

use serde::Serialize;

use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::text::{Arg, Lang, display_safe};

use super::Report;
use super::strings as ws;

/// How many strengths, gaps and actions the summary names.
pub const TOP: usize = 3;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Verdict {
    /// The area id (or ladder id) the sentence is about.
    pub area: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TopAction {
    pub action: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    /// The due date as people read it.
    pub due_label: String,
    pub owner: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct OnePage {
    pub verdict: Vec<Verdict>,
    pub strengths: Vec<String>,
    pub gaps: Vec<String>,
    pub actions: Vec<TopAction>,
    /// How sure the result is, in one sentence.
    pub confidence: String,
    /// Dimensions with too few real answers.
    pub thin: Vec<String>,
    /// The firm's wish, as it wrote it.
    pub wish: Option<String>,
}

/// The answer to the questionnaire's last free-text question, as the firm typed it.
pub fn wish(q: &Questionnaire, asked: &AnswerSet) -> Option<String> {
    q.questions
        .iter()
        .rev()
        .filter(|x| x.kind == QuestionKind::Text)
        .find_map(|x| match asked.get(&x.id) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => {
                Some(display_safe(t.trim()).into_owned())
            }
            _ => None,
        })
}

/// Builds the summary from the rest of the report.
pub fn build(r: &Report, wish: Option<String>) -> OnePage {
    let lang = r.lang;
    // One sentence per area; where a ladder measures the area, the rung goes in the same
    // sentence, so the score level and the rung are read together, each by its own name.
    let verdict: Vec<Verdict> = r
        .headlines
        .iter()
        .map(|h| {
            let rung = r.ladders.iter().find(|l| l.area == h.id).map(|l| {
                let (n, of) = (l.current, l.rungs.len());
                let args: [&dyn Arg; 4] = [&n, &of, &run_on(lang, &l.title), &l.current_label];
                ws::VERDICT_RUNG.fill(lang, &args)
            });
            let rung = rung.unwrap_or_default();
            Verdict {
                area: h.id.clone(),
                text: match h.score {
                    None => ws::VERDICT_NO_SCORE.fill(lang, &[&h.title, &h.score_text, &rung]),
                    Some(x) => {
                        let meaning = run_on(lang, &h.meaning);
                        ws::VERDICT_LINE.fill(
                            lang,
                            &[&h.title, &r.fmt(x), &h.level_label, &rung, &meaning],
                        )
                    }
                },
            }
        })
        .collect();
    let mut strong: Vec<_> = r
        .dimensions
        .iter()
        .filter_map(|d| Some((d, d.score.filter(|_| !d.gap)?)))
        .collect();
    strong.sort_by(|a, b| b.1.total_cmp(&a.1));
    let strengths = strong
        .iter()
        .take(TOP)
        .map(|(d, s)| {
            format!(
                "{}{}",
                d.title,
                ws::aside(lang, &format!("{} / 100", r.fmt(*s)))
            )
        })
        .collect();
    let gaps = r
        .gaps
        .iter()
        .take(TOP)
        .map(|g| {
            let mut text = format!(
                "{}{}",
                g.title,
                ws::aside(lang, &format!("{} / 100", r.fmt(g.score)))
            );
            if !g.proposals.is_empty() {
                text.push_str(&format!(" → {}", g.proposals.join(", ")));
            }
            text
        })
        .collect();
    let mut order: Vec<_> = r.plan.items.iter().collect();
    order.sort_by_key(|i| (!i.first, i.horizon, i.number));
    let actions = order
        .into_iter()
        .take(TOP)
        .map(|i| TopAction {
            action: i.action.clone(),
            due: i.due.clone(),
            due_label: super::display_date(&i.due, r.lang),
            owner: i.owner.clone(),
        })
        .collect();
    let thin: Vec<String> = r
        .dimensions
        .iter()
        .filter(|d| d.thin)
        .map(|d| d.title.clone())
        .collect();
    let mut confidence = ws::SURE_LINE.fill(lang, &[&r.confidence.percent]);
    confidence.push_str(ws::FULL_STOP.get(lang));
    if r.confidence.provisional {
        confidence.push_str(&format!(" {}", ws::ALL_PROVISIONAL.get(lang)));
    }
    if thin.is_empty() {
        confidence.push_str(&format!(" {}", ws::ALL_SURE.get(lang)));
    } else {
        confidence.push_str(&format!(
            " {}{}{}",
            ws::THIN_DIMS.get(lang),
            ws::COLON.get(lang),
            thin.join(ws::LIST_SEP.get(lang))
        ));
        confidence.push_str(ws::FULL_STOP.get(lang));
    }
    OnePage {
        verdict,
        strengths,
        gaps,
        actions,
        confidence: confidence.replace("。 ", "。"),
        thin,
        wish,
    }
}

/// A title or sentence run on in the middle of another: English lowers its first letter,
/// Chinese has no case.
fn run_on(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => s.to_string(),
        Lang::En => lower_first(s),
    }
}

/// "Hardly any…" → "hardly any…", to follow a colon in running English text. Leaves
/// acronyms ("AI", "ERP") alone.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => a
            .to_lowercase()
            .chain(std::iter::once(b))
            .chain(chars)
            .collect(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::lower_first;

    #[test]
    fn lowers_only_ordinary_words() {
        assert_eq!(lower_first("Hardly any"), "hardly any");
        assert_eq!(lower_first("AI tools"), "AI tools");
        assert_eq!(lower_first("上云"), "上云");
        assert_eq!(lower_first(""), "");
    }
}
