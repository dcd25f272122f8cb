//! The one-page summary that opens every report: a verdict per area, the top three strengths,
//! gaps and actions, how sure the result is, and the firm's own wish in its words.

use serde::Serialize;

use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::{QuestionKind, Questionnaire};
use crate::domain::text::{Lang, display_safe};

use super::Report;

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
    let w = r.words;
    // One sentence per area; where a ladder measures the area, the rung goes in the same
    // sentence, so the score level and the rung are read together, each by its own name.
    let verdict: Vec<Verdict> = r
        .headlines
        .iter()
        .map(|h| {
            let rung = r
                .ladders
                .iter()
                .find(|l| l.area == h.id)
                .map(|l| match r.lang {
                    Lang::Zh => format!(
                        "，在{}上站在第 {} 级（共 {} 级）“{}”",
                        l.title,
                        l.current,
                        l.rungs.len(),
                        l.current_label
                    ),
                    Lang::En => format!(
                        ", and rung {} of {} on the {}, “{}”",
                        l.current,
                        l.rungs.len(),
                        lower_first(&l.title),
                        l.current_label
                    ),
                });
            let rung = rung.unwrap_or_default();
            Verdict {
                area: h.id.clone(),
                text: match r.lang {
                    Lang::Zh if h.score.is_none() => {
                        format!("{}：{}{rung}。", h.title, h.score_text)
                    }
                    Lang::En if h.score.is_none() => {
                        format!("{}: {}{rung}.", h.title, h.score_text)
                    }
                    Lang::Zh => format!(
                        "{} {} 分，{}“{}”{rung}：{}",
                        h.title,
                        h.score.map_or_else(String::new, |x| r.fmt(x)),
                        w.score_level,
                        h.level_label,
                        h.meaning
                    ),
                    Lang::En => format!(
                        "{} scores {} / 100, score level “{}”{rung}: {}",
                        h.title,
                        h.score.map_or_else(String::new, |x| r.fmt(x)),
                        h.level_label,
                        lower_first(&h.meaning)
                    ),
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
        .map(|(d, s)| format!("{}{}", d.title, w.aside(&format!("{} / 100", r.fmt(*s)))))
        .collect();
    let gaps = r
        .gaps
        .iter()
        .take(TOP)
        .map(|g| {
            let mut text = format!(
                "{}{}",
                g.title,
                w.aside(&format!("{} / 100", r.fmt(g.score)))
            );
            if !g.proposals.is_empty() {
                let list: Vec<&str> = g.proposals.iter().map(|p| p.as_str()).collect();
                text.push_str(&format!(" → {}", list.join(", ")));
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
    let mut confidence = w.sure_line(r.confidence.percent);
    confidence.push_str(match r.lang {
        Lang::Zh => "。",
        Lang::En => ".",
    });
    if r.confidence.provisional {
        confidence.push_str(&format!(" {}", provisional_sentence(r.lang)));
    }
    if thin.is_empty() {
        confidence.push_str(&format!(" {}", w.all_sure));
    } else {
        confidence.push_str(&format!(
            " {}{}{}",
            w.thin_dims,
            w.colon,
            thin.join(list_sep(r.lang))
        ));
        confidence.push_str(match r.lang {
            Lang::Zh => "。",
            Lang::En => ".",
        });
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

fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

fn provisional_sentence(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "作答太少，各等级只能算暂定。",
        Lang::En => "Too few answers: every level is provisional.",
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
