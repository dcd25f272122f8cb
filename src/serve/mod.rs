//! `smecheck workshop serve`: participants answer on their phones over the room's network.
//!
//! - [`routes`]: what each address does (request in, response out, no HTTP library), and
//!   [`firm`]: a firm's own pages behind its token;
//! - [`pages`]: the HTML; [`flow`]: the walk through the questions and form → answer;
//! - [`session`]: tokens, PINs and rate limits; [`form`]: reading what a phone sends;
//! - [`state`]: the file the dashboard and presenter read while a server runs, and the QR code;
//! - this module: the HTTP server (tiny_http, a few worker threads) and the command.

pub mod firm;
pub mod flow;
pub mod form;
pub mod pages;
pub mod routes;
pub mod session;
pub mod state;
pub mod text;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Result, anyhow};

use self::form::MAX_BODY;
use self::routes::{App, Behaviour, Body, Method, Req, Resp};
use self::session::{Limits, Sessions};
use self::state::ServeState;
use crate::domain::text::Lang;
use crate::workshop::Workshop;

/// How the server is started.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub bind: SocketAddr,
    pub lang: Lang,
    pub behaviour: Behaviour,
    pub limits: Limits,
    /// Worker threads answering requests. A request is short (one small file read, and for an
    /// answer one atomic write with two fsyncs), but an fsync can stall for hundreds of
    /// milliseconds on a busy disk: with 16 threads the pages keep coming while a few wait
    /// (load test: page p99 269 ms with 4 threads, 73 ms with 16, on a contended disk).
    pub workers: usize,
}

impl Options {
    pub fn new(bind: SocketAddr, lang: Lang) -> Options {
        Options {
            bind,
            lang,
            behaviour: Behaviour::default(),
            limits: Limits::default(),
            workers: 16,
        }
    }
}

/// A running server.
pub struct Running {
    server: Arc<tiny_http::Server>,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
    pub addr: SocketAddr,
    pub app: Arc<App>,
}

impl Running {
    /// Stops accepting, lets the requests in hand finish, and returns how many firms joined.
    pub fn stop(self) -> usize {
        self.stop.store(true, Ordering::SeqCst);
        self.server.unblock();
        for t in self.threads {
            let _ = t.join();
        }
        self.app.joined.load(Ordering::Relaxed)
    }
}

/// Starts serving `ws` on `opts.bind` (port 0 picks a free port).
pub fn start(ws: Workshop, opts: Options) -> Result<Running> {
    let sessions = Sessions::open(&ws.dir, opts.limits).map_err(|e| {
        anyhow!(
            "{}",
            crate::workshop::text::CANNOT_WRITE.fill(
                opts.lang,
                &[&ws.dir.join(session::SESSIONS_FILE).display(), &e]
            )
        )
    })?;
    let server = tiny_http::Server::http(opts.bind)
        .map_err(|e| anyhow!("{}", text::CANNOT_BIND.fill(opts.lang, &[&opts.bind, &e])))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| anyhow!("{}", text::CANNOT_BIND.fill(opts.lang, &[&opts.bind, &"?"])))?;
    let server = Arc::new(server);
    let app = Arc::new(App::new(ws, sessions, opts.lang, opts.behaviour));
    let stop = Arc::new(AtomicBool::new(false));
    let threads = (0..opts.workers.max(1))
        .map(|_| {
            let (server, app, stop) = (server.clone(), app.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match server.recv_timeout(Duration::from_millis(200)) {
                        Ok(Some(rq)) => serve_one(&app, rq),
                        Ok(None) => {}
                        Err(_) => std::thread::sleep(Duration::from_millis(50)),
                    }
                }
            })
        })
        .collect();
    Ok(Running {
        server,
        stop,
        threads,
        addr,
        app,
    })
}

fn header<'a>(rq: &'a tiny_http::Request, name: &str) -> Option<&'a str> {
    rq.headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// Reads one request into a [`Req`], hands it to the routes and writes the answer.
fn serve_one(app: &App, mut rq: tiny_http::Request) {
    let method = match rq.method() {
        tiny_http::Method::Get | tiny_http::Method::Head => Method::Get,
        tiny_http::Method::Post => Method::Post,
        _ => Method::Other,
    };
    let (path, query) = rq.url().split_once('?').unwrap_or((rq.url(), ""));
    let (path, query) = (path.to_string(), query.to_string());
    let ip = rq
        .remote_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), SocketAddr::ip);
    let mut too_large = rq.body_length().is_some_and(|n| n > MAX_BODY);
    let mut body = Vec::new();
    if method == Method::Post && !too_large {
        // A body without a length (chunked) is read only up to the limit.
        let read = rq
            .as_reader()
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body);
        too_large = read.is_err() || body.len() > MAX_BODY;
    }
    let req = Req {
        method,
        path,
        query,
        cookies: header(&rq, "Cookie").unwrap_or("").to_string(),
        body,
        too_large,
        ip,
        origin: header(&rq, "Origin").map(str::to_string),
        host: header(&rq, "Host").map(str::to_string),
    };
    let resp = routes::handle(app, &req, Instant::now());
    let _ = rq.respond(to_http(resp, too_large));
}

fn to_http(r: Resp, close: bool) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let csp = r.csp();
    let content_type = match r.kind {
        Body::Html | Body::Report | Body::Empty => "text/html; charset=utf-8",
        Body::Css => "text/css; charset=utf-8",
        Body::ReportFile => "text/html; charset=utf-8",
    };
    let mut headers: Vec<(&str, String)> = vec![
        ("Content-Type", content_type.to_string()),
        ("Content-Security-Policy", csp.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        // `same-origin`, not `no-referrer`: with no referrer a browser sends `Origin: null` on
        // our own forms, and the same-origin check would refuse them.
        ("Referrer-Policy", "same-origin".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        ("Cache-Control", "no-store".to_string()),
    ];
    if let Some(l) = &r.location {
        headers.push(("Location", l.clone()));
    }
    for c in &r.cookies {
        headers.push(("Set-Cookie", c.clone()));
    }
    if let Some(name) = &r.file_name {
        headers.push((
            "Content-Disposition",
            format!("attachment; filename=\"{name}\""),
        ));
    }
    if close {
        // The rest of an oversized body is never read: the connection is not reused.
        headers.push(("Connection", "close".to_string()));
    }
    let mut resp = tiny_http::Response::from_data(r.body).with_status_code(r.status);
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    resp
}

/// The addresses participants can reach: the bound one, or for "every interface" this
/// machine's addresses on each private network it has a route into (found by asking the
/// system which source address it would use; nothing is sent).
pub fn reachable_urls(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let url = |ip: IpAddr| match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
    };
    if !addr.ip().is_unspecified() {
        return vec![url(addr.ip())];
    }
    let probes = [
        "10.255.255.255",
        "172.31.255.255",
        "192.168.255.255",
        "8.8.8.8",
    ];
    let mut found: Vec<IpAddr> = Vec::new();
    for p in probes {
        let Ok(sock) = UdpSocket::bind("0.0.0.0:0") else {
            continue;
        };
        if sock.connect((p, 9)).is_err() {
            continue;
        }
        if let Ok(local) = sock.local_addr() {
            let ip = local.ip();
            if !ip.is_unspecified() && !ip.is_loopback() && !found.contains(&ip) {
                found.push(ip);
            }
        }
    }
    if found.is_empty() {
        found.push(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    found.into_iter().map(url).collect()
}

/// `smecheck workshop serve`: serves until Ctrl-C, then stops cleanly and exits 0.
pub fn run(ws: Workshop, opts: Options, out: &mut dyn Write) -> Result<()> {
    let dir = ws.dir.clone();
    let join_code = ws.meta.join_code.clone();
    let lang = opts.lang;
    let running = start(ws, opts)?;
    let urls = reachable_urls(running.addr);
    let url = urls.first().cloned().unwrap_or_default();
    writeln!(out, "{}", text::LISTENING.get(lang))?;
    for u in &urls {
        writeln!(out, "    {u}")?;
    }
    if running.addr.ip().is_unspecified() {
        writeln!(out, "{}", text::LISTEN_ALL.fill(lang, &[&running.addr]))?;
    } else {
        writeln!(out, "{}", text::LISTEN_ONE.fill(lang, &[&running.addr]))?;
    }
    for line in state::qr_lines(&url) {
        writeln!(out, "    {line}")?;
    }
    writeln!(out, "{}", text::JOIN_CODE.fill(lang, &[&join_code]))?;
    writeln!(
        out,
        "{}",
        text::STOP_HINT.fill(lang, &[&dir.join(crate::workshop::RESPONSES).display()])
    )?;
    out.flush()?;
    let mut st = ServeState {
        url,
        urls,
        join_code,
        paced: opts.behaviour.paced,
        heartbeat: 0,
    };
    let stop = stop_flag();
    let mut last = Instant::now();
    let _ = st.write(&dir, SystemTime::now());
    while !stop.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
        if last.elapsed() >= state::HEARTBEAT {
            let _ = st.write(&dir, SystemTime::now());
            last = Instant::now();
        }
    }
    let joined = running.stop();
    ServeState::remove(&dir);
    writeln!(out, "{}", text::STOPPED.fill(lang, &[&joined]))?;
    Ok(())
}

/// Set when Ctrl-C (or a termination request) arrives.
#[cfg(unix)]
fn stop_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(sig, flag.clone());
    }
    flag
}

/// Without Unix signals, Ctrl-C ends the process at once; every answer is already saved
/// atomically, and the state file is ignored once its heartbeat is old.
#[cfg(not(unix))]
fn stop_flag() -> Arc<AtomicBool> {
    Arc::new(AtomicBool::new(false))
}
