//! What each address does: a request in, a response out, with no HTTP library in sight, so
//! every route is tested directly. A firm is known only by its token cookie; no file path is
//! ever built from anything a client sends (firm codes come from the token table, question
//! ids are looked up in the questionnaire).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Instant, SystemTime};

use crate::domain::text::Lang;
use crate::workshop::Workshop;
use crate::workshop::code::FirmCode;

use super::form::{self, Form, MAX_BODY};
use super::pages::{self, Frame};
use super::session::{PinRefusal, Sessions};
use super::text as t;

/// The token cookie's name.
pub const TOKEN_COOKIE: &str = "smc";
/// The language cookie's name.
pub const LANG_COOKIE: &str = "lang";
/// How long a phone stays signed in: a week covers a workshop and the days after.
const COOKIE_AGE: u32 = 7 * 24 * 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Other,
}

/// A request as the routes see it.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: Method,
    /// The path without the query.
    pub path: String,
    pub query: String,
    pub cookies: String,
    pub body: Vec<u8>,
    /// The body was longer than [`MAX_BODY`] (and was not read).
    pub too_large: bool,
    pub ip: IpAddr,
    pub origin: Option<String>,
    pub host: Option<String>,
}

impl Req {
    /// A GET from `ip` with these cookies (tests and tools).
    pub fn get(path: &str, cookies: &str, ip: IpAddr) -> Req {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        Req {
            method: Method::Get,
            path: path.to_string(),
            query: query.to_string(),
            cookies: cookies.to_string(),
            body: Vec::new(),
            too_large: false,
            ip,
            origin: None,
            host: None,
        }
    }

    /// A POST of a urlencoded body.
    pub fn post(path: &str, body: &str, cookies: &str, ip: IpAddr) -> Req {
        Req {
            method: Method::Post,
            body: body.as_bytes().to_vec(),
            too_large: body.len() > MAX_BODY,
            ..Req::get(path, cookies, ip)
        }
    }
}

/// What kind of body a response carries; each has its own headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Html,
    Css,
    /// The firm's report, shown in the browser.
    Report,
    /// The firm's report as a file to save.
    ReportFile,
    Empty,
}

#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub body: Vec<u8>,
    pub kind: Body,
    pub location: Option<String>,
    pub cookies: Vec<String>,
    /// For a download: the file name offered.
    pub file_name: Option<String>,
}

impl Resp {
    pub(super) fn html(status: u16, body: String) -> Resp {
        Resp {
            status,
            body: body.into_bytes(),
            kind: Body::Html,
            location: None,
            cookies: Vec::new(),
            file_name: None,
        }
    }

    pub(super) fn redirect(to: &str) -> Resp {
        Resp {
            kind: Body::Empty,
            location: Some(to.to_string()),
            ..Resp::html(303, String::new())
        }
    }

    fn with_cookie(mut self, c: String) -> Resp {
        self.cookies.push(c);
        self
    }

    /// The Content-Security-Policy for this response: nothing from outside, no script at all.
    pub fn csp(&self) -> &'static str {
        match self.kind {
            // The report is one self-contained file with its style inside.
            Body::Report | Body::ReportFile => {
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            }
            _ => {
                "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
            }
        }
    }
}

/// Options that change how the pages behave.
#[derive(Debug, Clone, Copy, Default)]
pub struct Behaviour {
    /// Paced mode: phones go no further than the section the presenter shows.
    pub paced: bool,
}

/// The running workshop as the routes share it between worker threads.
pub struct App {
    pub ws: Workshop,
    pub sessions: Mutex<Sessions>,
    /// One lock per firm, so two tabs of one phone never interleave a read and a save.
    locks: Mutex<HashMap<FirmCode, Arc<Mutex<()>>>>,
    pub lang: Lang,
    pub behaviour: Behaviour,
    /// Firms that joined through this server.
    pub joined: AtomicUsize,
}

impl App {
    pub fn new(ws: Workshop, sessions: Sessions, lang: Lang, behaviour: Behaviour) -> App {
        App {
            ws,
            sessions: Mutex::new(sessions),
            locks: Mutex::new(HashMap::new()),
            lang,
            behaviour,
            joined: AtomicUsize::new(0),
        }
    }

    pub(super) fn sessions(&self) -> std::sync::MutexGuard<'_, Sessions> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn firm_lock(&self, code: &FirmCode) -> Arc<Mutex<()>> {
        let mut locks = self.locks.lock().unwrap_or_else(PoisonError::into_inner);
        locks.entry(code.clone()).or_default().clone()
    }
}

/// A request's context once it is known who asks and in which language.
pub(super) struct Ctx<'a> {
    pub app: &'a App,
    pub req: &'a Req,
    pub lang: Lang,
    pub firm: Option<FirmCode>,
}

impl Ctx<'_> {
    pub fn frame(&self) -> Frame<'_> {
        Frame {
            lang: self.lang,
            workshop: &self.app.ws.meta.title,
            here: &self.req.path,
        }
    }

    pub fn problem(&self, status: u16, msg: t::T) -> Resp {
        Resp::html(status, pages::problem(&self.frame(), msg.get(self.lang)))
    }
}

/// Answers one request.
pub fn handle(app: &App, req: &Req, now: Instant) -> Resp {
    let lang = form::cookie(&req.cookies, LANG_COOKIE)
        .and_then(Lang::from_tag)
        .unwrap_or(app.lang);
    let firm = form::cookie(&req.cookies, TOKEN_COOKIE).and_then(|tok| app.sessions().firm(tok));
    let c = Ctx {
        app,
        req,
        lang,
        firm,
    };
    if !app.sessions().allow(req.ip, now) {
        return c.problem(429, t::E_TOO_MANY);
    }
    if req.too_large {
        return c.problem(413, t::E_TOO_LARGE);
    }
    if req.method == Method::Post && !same_origin(req) {
        return c.problem(403, t::E_FORBIDDEN);
    }
    let path = req.path.as_str();
    match (req.method, path) {
        (Method::Get, "/s.css") => Resp {
            kind: Body::Css,
            ..Resp::html(200, pages::CSS.to_string())
        },
        (Method::Get, "/") => welcome(&c, c.firm.as_ref().map(FirmCode::as_str), 200, None),
        (Method::Get, "/lang/zh" | "/lang/en") => switch_lang(&c),
        (Method::Post, "/join") => join(&c, now),
        (Method::Post, "/resume") => resume(&c, now),
        (Method::Get | Method::Post, p) if is_firm_page(p) => {
            let Some(code) = c.firm.clone() else {
                return c.problem(403, t::E_NOT_YOURS);
            };
            super::firm::page(&c, &code)
        }
        (_, p) if is_known(p) => c.problem(405, t::E_METHOD),
        _ => c.problem(404, t::E_NOT_FOUND),
    }
}

/// The start page, for the firm `code` continuing on this phone, with `error` said on it.
fn welcome(c: &Ctx, code: Option<&str>, status: u16, error: Option<t::T>) -> Resp {
    let (title, minutes) = (&c.app.ws.meta.title, c.app.ws.inst.questionnaire.minutes);
    let error = error.map(|e| e.get(c.lang));
    Resp::html(
        status,
        pages::welcome(&c.frame(), title, minutes, code, error),
    )
}

fn is_firm_page(p: &str) -> bool {
    matches!(
        p,
        "/me" | "/profile" | "/q" | "/sections" | "/done" | "/report" | "/report/download"
    ) || p.starts_with("/q/")
}

fn is_known(p: &str) -> bool {
    matches!(
        p,
        "/" | "/s.css" | "/join" | "/resume" | "/lang/zh" | "/lang/en"
    ) || is_firm_page(p)
}

/// A POST from a page of another site is refused (the cookie is SameSite too).
fn same_origin(req: &Req) -> bool {
    match (&req.origin, &req.host) {
        (None, _) => true,
        (Some(o), Some(h)) => {
            let o = o
                .strip_prefix("http://")
                .or_else(|| o.strip_prefix("https://"))
                .unwrap_or(o);
            o.eq_ignore_ascii_case(h)
        }
        (Some(_), None) => false,
    }
}

/// A path of ours to come back to: letters, digits, `/`, `_` and `-`, never `//`.
fn safe_return(at: &str) -> Option<&str> {
    let ok = at.starts_with('/')
        && !at.starts_with("//")
        && at.len() <= 200
        && at
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-'));
    ok.then_some(at)
}

fn switch_lang(c: &Ctx) -> Resp {
    let to = if c.req.path.ends_with("en") {
        Lang::En
    } else {
        Lang::Zh
    };
    let back = Form::parse(&c.req.query)
        .ok()
        .and_then(|f| f.get("at").and_then(safe_return).map(str::to_string))
        .unwrap_or_else(|| "/".to_string());
    Resp::redirect(&back).with_cookie(format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age={COOKIE_AGE}; SameSite=Lax",
        to.code()
    ))
}

fn token_cookie(token: &str) -> String {
    format!("{TOKEN_COOKIE}={token}; Path=/; Max-Age={COOKIE_AGE}; HttpOnly; SameSite=Lax")
}

fn join(c: &Ctx, now: Instant) -> Resp {
    if !c.app.sessions().allow_join(c.req.ip, now) {
        return c.problem(429, t::E_TOO_MANY_JOINS);
    }
    let Ok((code, _)) = c.app.ws.join(None, SystemTime::now(), c.lang) else {
        return c.problem(500, t::E_SERVER);
    };
    let Ok(token) = c.app.sessions().issue(&code) else {
        return c.problem(500, t::E_SERVER);
    };
    c.app.joined.fetch_add(1, Ordering::Relaxed);
    Resp::redirect("/me").with_cookie(token_cookie(&token))
}

fn resume(c: &Ctx, now: Instant) -> Resp {
    let Some(f) = body_form(c) else {
        return c.problem(400, t::E_BAD_FORM);
    };
    let refuse = |status: u16, msg: t::T| welcome(c, None, status, Some(msg));
    let Ok(code) = FirmCode::parse(f.get("code").unwrap_or("")) else {
        return refuse(403, t::E_BAD_LOGIN);
    };
    let checked = c
        .app
        .sessions()
        .check_pin(&code, f.get("pin").unwrap_or(""), now);
    match checked {
        Err(PinRefusal::Locked) => return refuse(429, t::E_LOCKED),
        Err(PinRefusal::Wrong) => return refuse(403, t::E_BAD_LOGIN),
        Ok(()) => {}
    }
    // The PIN is derived from the code, so a right PIN for a firm that is not here is refused
    // the same way.
    if !c.app.ws.response_path(&code).is_file() {
        return refuse(403, t::E_BAD_LOGIN);
    }
    let Ok(token) = c.app.sessions().issue(&code) else {
        return c.problem(500, t::E_SERVER);
    };
    Resp::redirect("/q").with_cookie(token_cookie(&token))
}

/// The request's urlencoded body, if it is one.
pub(super) fn body_form(c: &Ctx) -> Option<Form> {
    let s = std::str::from_utf8(&c.req.body).ok()?;
    Form::parse(s).ok()
}
