//! A firm's own pages, once its token is known: the code and PIN, the profile, one question
//! per page, the sections, the results and the report. Every answer is saved at once through
//! the workshop's own response writer.

use std::sync::PoisonError;
use std::time::SystemTime;

use crate::domain::answers::{AnswerSet, Kept};
use crate::domain::model::QuestionId;
use crate::domain::report::{Report, ReportFormat, write_report};
use crate::domain::score::score;
use crate::store;
use crate::workshop::code::FirmCode;

use super::flow;
use super::pages::{self, QuestionPage, SectionLine};
use super::routes::{Body, Ctx, Method, Resp, body_form};
use super::state::PresentState;
use super::text as t;

/// In paced mode, whether question `i` is within the section on the projector (or before it);
/// while no presenter runs, nobody is held back.
fn section_open(c: &Ctx, i: usize) -> bool {
    if !c.app.behaviour.paced {
        return true;
    }
    PresentState::live(&c.app.ws.dir, SystemTime::now()).is_none_or(|p| i <= p.open_through)
}

/// Answers a request for one of the firm's pages (the caller checked the token).
pub(super) fn page(c: &Ctx, code: &FirmCode) -> Resp {
    let lock = c.app.firm_lock(code);
    let _held = lock.lock().unwrap_or_else(PoisonError::into_inner);
    let Ok((answers, kept)) = c.app.ws.read_response(code) else {
        return c.problem(500, t::E_SERVER);
    };
    let q = &c.app.ws.inst.questionnaire;
    let order = flow::asked(q, &answers);
    let path = c.req.path.as_str();
    match (c.req.method, path) {
        (Method::Get, "/me") => {
            let pin = c.app.sessions().pin(code);
            Resp::html(200, pages::me(&c.frame(), code.as_str(), &pin))
        }
        (Method::Get, "/profile") => {
            let value = |id: &str| answers.profile.get(id).cloned();
            Resp::html(200, pages::profile(&c.frame(), &q.profile, &value))
        }
        (Method::Post, "/profile") => save_profile(c, code, answers, &kept, &order),
        (Method::Get, "/q") => go_to(c, flow::first_open(q, &answers, &order)),
        (Method::Get, "/sections") => sections(c, &answers, &order),
        (Method::Get, "/done") => results(c, &answers, &order),
        (Method::Get, "/report") => report(c, code, &answers, false),
        (Method::Get, "/report/download") => report(c, code, &answers, true),
        (m, p) => {
            let Some(i) = p
                .strip_prefix("/q/")
                .and_then(|id| q.question_index(&QuestionId(id.into())))
            else {
                return c.problem(404, t::E_NOT_FOUND);
            };
            if !order.contains(&i) {
                // Hidden by an earlier answer: the walk goes on from there.
                return Resp::redirect("/q");
            }
            if !section_open(c, i) {
                return c.problem(423, t::E_PACED);
            }
            match m {
                Method::Get => question_page(c, &answers, &order, i, 200, None, None),
                Method::Post => save_answer(c, code, answers, &kept, i),
                Method::Other => c.problem(405, t::E_METHOD),
            }
        }
    }
}

fn save_profile(
    c: &Ctx,
    code: &FirmCode,
    mut answers: AnswerSet,
    kept: &Kept,
    order: &[usize],
) -> Resp {
    let Some(f) = body_form(c) else {
        return c.problem(400, t::E_BAD_FORM);
    };
    let q = &c.app.ws.inst.questionnaire;
    for (k, _) in &f.0 {
        if !q.profile.iter().any(|p| &p.id == k) {
            return c.problem(400, t::E_BAD_FORM);
        }
    }
    for p in &q.profile {
        let v = crate::workshop::text::clean(f.get(&p.id).unwrap_or(""));
        let v: String = v.trim().chars().take(120).collect();
        if v.is_empty() {
            answers.profile.remove(&p.id);
        } else if p.options.is_empty() || p.options.iter().any(|o| o.id == v) {
            answers.profile.insert(p.id.clone(), v);
        } else {
            return c.problem(400, t::E_BAD_FORM);
        }
    }
    if let Err(e) = save(c, code, &answers, kept) {
        return e;
    }
    go_to(c, order.first().copied())
}

/// Saves the firm's answers at once; the error page when that fails.
fn save(c: &Ctx, code: &FirmCode, answers: &AnswerSet, kept: &Kept) -> Result<(), Resp> {
    let ws = &c.app.ws;
    let saved = ws.save_response(code, answers, kept, SystemTime::now());
    saved.map_err(|_| c.problem(500, t::E_SERVER))
}

/// On to question `i`'s page, or to the results when no question is left.
fn go_to(c: &Ctx, i: Option<usize>) -> Resp {
    let q = &c.app.ws.inst.questionnaire;
    match i {
        Some(i) => Resp::redirect(&format!("/q/{}", q.questions[i].id)),
        None => Resp::redirect("/done"),
    }
}

#[allow(clippy::too_many_arguments)]
fn question_page(
    c: &Ctx,
    answers: &AnswerSet,
    order: &[usize],
    i: usize,
    status: u16,
    error: Option<&str>,
    typed: Option<&str>,
) -> Resp {
    let q = &c.app.ws.inst.questionnaire;
    let question = &q.questions[i];
    let section = q
        .dimension(&question.dimension)
        .map(|(a, d)| format!("{} · {}", a.title.get(c.lang), d.title.get(c.lang)))
        .unwrap_or_default();
    let (at, of) = flow::place(order, i);
    let back = match flow::previous(order, i) {
        Some(p) => format!("/q/{}", q.questions[p].id),
        None => "/profile".to_string(),
    };
    let page = pages::question(
        &c.frame(),
        question,
        &QuestionPage {
            section: &section,
            at,
            of,
            answer: answers.get(&question.id),
            back,
            error,
            typed,
        },
    );
    Resp::html(status, page)
}

fn save_answer(c: &Ctx, code: &FirmCode, mut answers: AnswerSet, kept: &Kept, i: usize) -> Resp {
    let q = &c.app.ws.inst.questionnaire;
    let question = &q.questions[i];
    let Some(f) = body_form(c) else {
        let order = flow::asked(q, &answers);
        let msg = flow::bad_form();
        return question_page(c, &answers, &order, i, 400, Some(msg.get(c.lang)), None);
    };
    match flow::answer_from_form(question, &f) {
        Ok(Some(a)) => {
            answers.set(question.id.clone(), a);
            if let Err(e) = save(c, code, &answers, kept) {
                return e;
            }
        }
        Ok(None) => {}
        Err(msg) => {
            let order = flow::asked(q, &answers);
            let typed = f.get("n").or(f.get("t"));
            return question_page(c, &answers, &order, i, 400, Some(msg.get(c.lang)), typed);
        }
    }
    // The answer may have opened or closed later questions: walk on in the new order.
    go_to(c, flow::next(&flow::asked(q, &answers), i))
}

fn sections(c: &Ctx, answers: &AnswerSet, order: &[usize]) -> Resp {
    let q = &c.app.ws.inst.questionnaire;
    let lines: Vec<SectionLine> = q
        .dimensions()
        .map(|(a, d)| {
            let mine: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| q.questions[i].dimension == d.id)
                .collect();
            SectionLine {
                title: format!("{} · {}", a.title.get(c.lang), d.title.get(c.lang)),
                answered: mine
                    .iter()
                    .filter(|&&i| answers.get(&q.questions[i].id).is_some())
                    .count(),
                asked: mine.len(),
                first: mine.first().map(|&i| q.questions[i].id.to_string()),
                open: mine.first().is_none_or(|&i| section_open(c, i)),
            }
        })
        .collect();
    Resp::html(200, pages::sections(&c.frame(), &lines))
}

fn results(c: &Ctx, answers: &AnswerSet, order: &[usize]) -> Resp {
    let inst = &c.app.ws.inst;
    let q = &inst.questionnaire;
    let card = score(inst, answers);
    let today = store::date(SystemTime::now());
    let report = Report::new(inst, answers, &card, c.lang, &today);
    let open: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| answers.get(&q.questions[i].id).is_none())
        .collect();
    let first = open.first().map(|&i| q.questions[i].id.to_string());
    Resp::html(
        200,
        pages::results(&c.frame(), &report, open.len(), first.as_deref()),
    )
}

fn report(c: &Ctx, code: &FirmCode, answers: &AnswerSet, download: bool) -> Resp {
    let inst = &c.app.ws.inst;
    let card = score(inst, answers);
    let mut body = Vec::with_capacity(64 * 1024);
    if write_report(
        inst,
        answers,
        &card,
        c.lang,
        &store::date(SystemTime::now()),
        ReportFormat::Html,
        &mut body,
    )
    .is_err()
    {
        return c.problem(500, t::E_SERVER);
    }
    Resp {
        body,
        kind: if download {
            Body::ReportFile
        } else {
            Body::Report
        },
        file_name: download.then(|| format!("smecheck-{code}.html")),
        ..Resp::html(200, String::new())
    }
}
