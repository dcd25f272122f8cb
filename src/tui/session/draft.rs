//! The free text being typed when a signal ends the session: noted after each event, written
//! on the way out so that closing the terminal mid-sentence loses nothing.

use std::time::SystemTime;

use super::write_answers;
use crate::domain::Lang;
use crate::domain::answers::{Answer, AnswerFile, AnswerSet};
use crate::store;
use crate::tui::app::{App, Session};

/// Free text typed into the current question but not yet confirmed with Enter, as the answer
/// file it would make: what a signal's exit writes, so that closing the terminal mid-sentence
/// loses nothing. `None` when there is nothing unconfirmed.
struct Draft {
    session: Session,
    file: AnswerFile,
    lang: Lang,
}

static DRAFT: std::sync::Mutex<Option<Draft>> = std::sync::Mutex::new(None);

/// Notes the app's unconfirmed free text (or that there is none) after each event.
pub fn note_draft(app: &App) {
    let draft = unconfirmed_text(app).map(|answers| Draft {
        session: app.session.clone(),
        file: answers.to_file(
            &app.inst.questionnaire,
            Some(store::rfc3339(SystemTime::now())),
        ),
        lang: app.lang,
    });
    if let Ok(mut slot) = DRAFT.lock() {
        *slot = draft;
    }
}

/// The answers with the text being typed taken as the current question's answer, as Enter
/// would take it; `None` when no free text is being typed or it is already the answer.
fn unconfirmed_text(app: &App) -> Option<AnswerSet> {
    if app.screen != crate::tui::app::Screen::Question {
        return None;
    }
    let q = app.question();
    let text = app.input.value().trim();
    if q.kind != crate::domain::model::QuestionKind::Text || text.is_empty() {
        return None;
    }
    if matches!(app.answers.get(&q.id), Some(Answer::Text(t)) if t == text) {
        return None;
    }
    let mut answers = app.answers.clone();
    answers.set(q.id.clone(), Answer::Text(text.to_string()));
    Some(answers)
}

/// On a signal's exit: writes the unconfirmed text, if any. Waits for a save in progress.
pub fn save_draft() {
    let draft = DRAFT.lock().ok().and_then(|mut d| d.take());
    if let Some(d) = draft {
        let _ = write_answers(&d.session, &d.file, d.lang);
    }
}
