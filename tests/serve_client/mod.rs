//! A phone as the tests see it: plain HTTP/1.1 over a std TcpStream, with its own cookies.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

use smecheck::domain::text::Lang;
use smecheck::serve::{self, Options, Running};
use smecheck::workshop::Workshop;

#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn location(&self) -> &str {
        self.header("Location").unwrap_or("")
    }
}

/// Sends raw bytes and reads the whole answer (the request asks to close the connection).
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may answer (413) and close before an oversized body is all sent.
    let _ = s.write_all(bytes);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    parse(&buf)
}

fn parse(buf: &[u8]) -> Resp {
    let text = String::from_utf8_lossy(buf);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_string(),
    }
}

/// One request with `Connection: close`.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: &str,
    body: Option<&str>,
) -> Resp {
    let mut r = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if !cookie.is_empty() {
        r.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    if let Some(b) = body {
        r.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{b}",
            b.len()
        ));
    } else {
        r.push_str("\r\n");
    }
    raw(addr, r.as_bytes())
}

/// A phone: its cookies and the server it talks to.
#[derive(Debug, Clone)]
pub struct Phone {
    pub addr: SocketAddr,
    pub cookies: Vec<(String, String)>,
}

impl Phone {
    pub fn new(addr: SocketAddr) -> Phone {
        Phone {
            addr,
            cookies: Vec::new(),
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&mut self, r: &Resp) {
        for (k, v) in &r.headers {
            if k.eq_ignore_ascii_case("Set-Cookie") {
                let pair = v.split(';').next().unwrap_or("");
                if let Some((name, value)) = pair.split_once('=') {
                    self.cookies.retain(|(n, _)| n != name);
                    self.cookies.push((name.to_string(), value.to_string()));
                }
            }
        }
    }

    pub fn get(&mut self, path: &str) -> Resp {
        let r = request(self.addr, "GET", path, &self.cookie_header(), None);
        self.keep(&r);
        r
    }

    pub fn post(&mut self, path: &str, body: &str) -> Resp {
        let r = request(self.addr, "POST", path, &self.cookie_header(), Some(body));
        self.keep(&r);
        r
    }

    /// Joins: returns (firm code, PIN).
    pub fn join(&mut self) -> (String, String) {
        let r = self.post("/join", "");
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(r.location(), "/me");
        let me = self.get("/me");
        (
            between(&me.body, "id=\"firm-code\">", "<"),
            between(&me.body, "id=\"pin\">", "<"),
        )
    }
}

/// The text between two markers.
pub fn between(s: &str, a: &str, b: &str) -> String {
    let start = s
        .find(a)
        .map(|i| i + a.len())
        .unwrap_or_else(|| panic!("{a} not in {s}"));
    let end = s[start..].find(b).map_or(s.len(), |i| start + i);
    s[start..end].to_string()
}

/// A fresh workshop with the built-in questionnaire.
pub fn workshop(dir: &Path) -> Workshop {
    Workshop::create(
        dir,
        "Room <one>",
        None,
        Some(Lang::En),
        std::time::SystemTime::now(),
        Lang::En,
    )
    .expect("workshop")
}

/// A server on a free loopback port; `room` raises the per-address limits so many simulated
/// phones can share one address.
pub fn server(ws: Workshop, room: bool) -> Running {
    let mut opts = Options::new("127.0.0.1:0".parse().unwrap(), Lang::En);
    if room {
        opts.limits.requests_per_second = 1e6;
        opts.limits.joins_per_minute = 100_000;
    }
    serve::start(ws, opts).expect("server starts")
}

/// Every file under `dir`, with its bytes (to prove nothing was written).
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}
