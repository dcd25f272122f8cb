//! `workshop serve` over real HTTP: a phone's whole walk, and hostile requests refused with
//! the right status, nothing written and the server still serving.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod common;
mod serve_client;

use std::collections::BTreeMap;

use serve_client::{Phone, between, raw, request, server, snapshot, workshop};
use smecheck::domain::answers::Answer;
use smecheck::domain::model::{QuestionId, QuestionKind, Questionnaire};
use smecheck::serve::flow;
use smecheck::workshop::code::FirmCode;

/// A form body answering `id` the `pick`-th way (wrapping), built from the questionnaire.
fn answer_body(q: &Questionnaire, id: &str, pick: usize) -> String {
    let question = q.question(&QuestionId(id.into())).expect("known question");
    match question.kind {
        QuestionKind::Number => format!("n={}", question.min.unwrap_or(0.0) + pick as f64),
        QuestionKind::Text => "t=More+training+on+cloud+finance".to_string(),
        QuestionKind::Multi => {
            let o: Vec<_> = question.options.iter().filter(|o| !o.exclusive).collect();
            format!(
                "a={}&a={}",
                o[pick % o.len()].id,
                o[(pick + 1) % o.len()].id
            )
        }
        _ => format!("a={}", question.options[pick % question.options.len()].id),
    }
}

/// A question whose answer hides or shows others, with an option that shows fewer.
fn gate(q: &Questionnaire) -> (usize, usize, usize) {
    for (i, question) in q.questions.iter().enumerate() {
        if !matches!(
            question.kind,
            QuestionKind::Single | QuestionKind::YesPartlyNo
        ) {
            continue;
        }
        let counts: Vec<usize> = question
            .options
            .iter()
            .map(|o| {
                let mut a = smecheck::domain::answers::AnswerSet::new();
                a.set(question.id.clone(), Answer::Choice(o.id.clone()));
                flow::asked(q, &a).len()
            })
            .collect();
        let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        if lo != hi {
            let few = counts.iter().position(|c| c == lo).unwrap();
            let many = counts.iter().position(|c| c == hi).unwrap();
            return (i, few, many);
        }
    }
    panic!("no question with skip logic");
}

#[test]
fn a_phone_joins_answers_goes_back_resumes_elsewhere_and_gets_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workshop(dir.path());
    let inst = ws.inst.clone();
    let q = &inst.questionnaire;
    let running = server(ws.clone(), true);
    let addr = running.addr;
    let mut phone = Phone::new(addr);

    let home = phone.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Room &lt;one&gt;"));
    assert!(
        home.header("Content-Security-Policy")
            .unwrap()
            .contains("default-src 'none'")
    );
    let (code, pin) = phone.join();
    assert_eq!(code.len(), 6);
    assert_eq!(pin.len(), 6);
    let code = FirmCode::parse(&code).unwrap();
    assert!(
        ws.response_path(&code).is_file(),
        "the room sees the firm at once"
    );

    // The profile, then the walk.
    let r = phone.post("/profile", "name=Acme+%26+Sons&industry=");
    assert_eq!(r.status, 303);
    let (gate_i, few, many) = gate(q);
    let gate_id = q.questions[gate_i].id.to_string();
    let mut at = phone.get("/q").location().to_string();
    let mut sent: BTreeMap<String, usize> = BTreeMap::new();
    let mut changed_gate = false;
    for _ in 0..200 {
        if at == "/done" {
            break;
        }
        let id = at.strip_prefix("/q/").expect("a question").to_string();
        let page = phone.get(&at);
        assert_eq!(page.status, 200, "{at}");
        let progress = between(&page.body, "id=\"progress\">", "<");
        assert!(progress.contains(" / "), "{progress}");
        let pick = if id == gate_id { many } else { sent.len() };
        let r = phone.post(&at, &answer_body(q, &id, pick));
        assert_eq!(r.status, 303, "{at}: {}", r.body);
        sent.insert(id.clone(), pick);
        if id == gate_id && !changed_gate {
            // Go forward one, come back with "Back", and change the gate to hide questions.
            let next = r.location().to_string();
            let back_page = phone.get(&next);
            let back = between(&back_page.body, "id=\"back\" href=\"", "\"");
            assert_eq!(back, at, "Back returns to the gate");
            let with_many = phone.get(&at);
            let before: usize = between(&with_many.body, "id=\"progress\">", "<")
                .split(" / ")
                .nth(1)
                .unwrap()
                .parse()
                .unwrap();
            let r = phone.post(&at, &answer_body(q, &id, few));
            sent.insert(id.clone(), few);
            changed_gate = true;
            let again = phone.get(&at);
            let after: usize = between(&again.body, "id=\"progress\">", "<")
                .split(" / ")
                .nth(1)
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                after < before,
                "skip logic hid questions: {before} → {after}"
            );
            at = r.location().to_string();
            // A reload of the page shows the changed answer ticked.
            assert!(again.body.contains(&format!(
                "value=\"{}\" checked",
                q.questions[gate_i].options[few].id
            )));
            // Reload and resume: "/q" goes to the first open question.
            let resumed = phone.get("/q").location().to_string();
            assert_eq!(resumed, at);
            continue;
        }
        at = r.location().to_string();
    }
    assert_eq!(at, "/done");
    assert!(changed_gate);

    // Another device: firm code and PIN.
    let mut other = Phone::new(addr);
    let wrong = other.post("/resume", &format!("code={code}&pin=999999x"));
    assert_eq!(wrong.status, 403);
    let r = other.post(
        "/resume",
        &format!("code={}&pin={pin}", code.as_str().to_lowercase()),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let done = other.get("/done");
    assert_eq!(done.status, 200);
    assert!(done.body.contains("Your self-check results"));
    let report = other.get("/report");
    assert_eq!(report.status, 200);
    assert!(report.body.contains("Acme &amp; Sons"));
    let download = other.get("/report/download");
    assert!(
        download
            .header("Content-Disposition")
            .unwrap()
            .contains("attachment")
    );

    // The file on disk is an ordinary answer file holding exactly what was sent.
    let (saved, _) = ws.read_response(&code).unwrap();
    assert_eq!(
        saved.profile.get("name").map(String::as_str),
        Some("Acme & Sons")
    );
    let asked = flow::asked(q, &saved);
    for &i in &asked {
        let id = q.questions[i].id.to_string();
        assert!(saved.get(&q.questions[i].id).is_some(), "{id} answered");
        assert!(sent.contains_key(&id), "{id} was sent");
    }
    let out = common::smecheck(&[
        "score",
        "--answers",
        ws.response_path(&code).to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stray: Vec<_> = std::fs::read_dir(ws.responses_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty());
    running.stop();
}

#[test]
fn hostile_requests_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workshop(dir.path());
    let q = ws.inst.questionnaire.clone();
    let running = server(ws.clone(), true);
    let addr = running.addr;
    let mut a = Phone::new(addr);
    let (code_a, _) = a.join();
    let first = a.get("/q").location().to_string();
    assert_eq!(a.post(&first, &answer_body(&q, &first[3..], 0)).status, 303);
    let mut b = Phone::new(addr);
    let (code_b, _) = b.join();
    let before = snapshot(dir.path());

    // Oversized bodies: by length, and sent without one (chunked).
    let big = "a=".to_string() + &"x".repeat(100_000);
    assert_eq!(a.post(&first, &big).status, 413);
    let chunk = "x".repeat(20_000);
    let chunked = format!(
        "POST {first} HTTP/1.1\r\nHost: {addr}\r\nCookie: {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{chunk}\r\n0\r\n\r\n",
        a.cookie_header(),
        chunk.len()
    );
    assert_eq!(raw(addr, chunked.as_bytes()).status, 413);

    // Malformed forms and unknown ids.
    assert_eq!(a.post(&first, "a=%zz").status, 400);
    assert_eq!(a.post(&first, "a=%ff%fe").status, 400);
    assert_eq!(a.post(&first, "a=no_such_option").status, 400);
    assert_eq!(a.post("/q/no_such_question", "a=yes").status, 404);
    assert_eq!(a.get("/q/no_such_question").status, 404);
    assert_eq!(a.post("/profile", "hacker=1").status, 400);
    assert_eq!(a.post("/profile", "industry=not_an_option").status, 400);

    // Without a token, or with a forged one, no firm page opens.
    for path in [
        "/me",
        "/q",
        &first,
        "/done",
        "/report",
        "/report/download",
        "/sections",
        "/profile",
    ] {
        assert_eq!(request(addr, "GET", path, "", None).status, 403, "{path}");
        let forged = format!("smc={}", "ab".repeat(16));
        assert_eq!(
            request(addr, "GET", path, &forged, None).status,
            403,
            "{path}"
        );
        let odd = "smc=../../responses/x";
        assert_eq!(request(addr, "GET", path, odd, None).status, 403, "{path}");
    }
    assert_eq!(request(addr, "POST", &first, "", Some("a=yes")).status, 403);
    // A firm's token opens its own pages only: B never sees A.
    let me_b = b.get("/me");
    assert!(me_b.body.contains(&code_b) && !me_b.body.contains(&code_a));
    assert!(!b.get("/report").body.contains(&code_a));

    // Path traversal on every route.
    let files = [
        "workshop.json",
        "responses",
        "serve-sessions.json",
        "etc/passwd",
    ];
    for prefix in [
        "/",
        "/q/",
        "/report/",
        "/lang/",
        "/s.css/",
        "/me/",
        "/done/",
        "/sections/",
    ] {
        for f in files {
            for dots in ["../", "..%2f", "%2e%2e/", "..\\", "....//"] {
                let p = format!("{prefix}{}{f}", dots.repeat(3));
                let r = a.get(&p);
                assert!(matches!(r.status, 400 | 403 | 404), "{p}: {}", r.status);
                assert!(!r.body.contains("\"questionnaire\""), "{p} leaked a file");
                assert!(!r.body.contains("\"secret\""), "{p} leaked the sessions");
            }
        }
    }
    for at in [
        "//evil.example/",
        "/../x",
        "http://evil.example/",
        "/q/%0d%0aSet-Cookie:x=1",
    ] {
        let r = a.get(&format!("/lang/en?at={at}"));
        assert_eq!(r.status, 303);
        assert_eq!(r.location(), "/", "{at}");
    }
    // Another site's form is refused.
    let cross = format!(
        "POST {first} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://evil.example\r\nCookie: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\nConnection: close\r\n\r\na=yes",
        a.cookie_header()
    );
    assert_eq!(raw(addr, cross.as_bytes()).status, 403);
    // Methods the pages do not take.
    assert_eq!(
        request(addr, "DELETE", "/me", &a.cookie_header(), None).status,
        405
    );
    assert_eq!(request(addr, "PUT", "/join", "", Some("x=1")).status, 405);
    // Garbage that is not HTTP at all.
    let _ = raw(addr, b"\x00\x01\x02 garbage\r\n\r\n");

    assert_eq!(snapshot(dir.path()), before, "nothing was written");
    assert_eq!(a.get("/").status, 200, "still serving");
    running.stop();
}

#[test]
fn floods_of_joins_requests_and_pin_guesses_are_slowed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workshop(dir.path());
    // Default limits: one address is one phone.
    let running = server(ws.clone(), false);
    let addr = running.addr;
    let mut statuses = BTreeMap::new();
    for _ in 0..2000 {
        *statuses
            .entry(request(addr, "POST", "/join", "", Some("")).status)
            .or_insert(0) += 1;
    }
    let joined = statuses.get(&303).copied().unwrap_or(0);
    assert!((1..=10).contains(&joined), "{statuses:?}");
    assert!(
        statuses.get(&429).copied().unwrap_or(0) >= 1990,
        "{statuses:?}"
    );
    assert_eq!(
        std::fs::read_dir(ws.responses_dir()).unwrap().count(),
        joined
    );
    running.stop();

    // PIN guessing: the firm locks after a few wrong tries, even for the right PIN.
    let mut opts = smecheck::serve::Options::new(
        "127.0.0.1:0".parse().unwrap(),
        smecheck::domain::text::Lang::En,
    );
    opts.limits.requests_per_second = 1e6;
    let running = smecheck::serve::start(ws.clone(), opts).unwrap();
    let addr = running.addr;
    let mut phone = Phone::new(addr);
    let (code, pin) = phone.join();
    let mut refused = BTreeMap::new();
    for guess in 0..1000 {
        let g = format!("{guess:06}");
        if g == pin {
            continue;
        }
        let r = request(
            addr,
            "POST",
            "/resume",
            "",
            Some(&format!("code={code}&pin={g}")),
        );
        assert!(r.header("Set-Cookie").is_none());
        *refused.entry(r.status).or_insert(0) += 1;
    }
    assert_eq!(refused.get(&403), Some(&5), "{refused:?}");
    let r = request(
        addr,
        "POST",
        "/resume",
        "",
        Some(&format!("code={code}&pin={pin}")),
    );
    assert_eq!(r.status, 429, "locked even for the right PIN");
    assert!(r.header("Set-Cookie").is_none());
    assert_eq!(phone.get("/me").status, 200, "the phone itself still works");
    running.stop();
}

#[cfg(unix)]
#[test]
fn the_command_prints_where_to_join_and_ctrl_c_stops_it_cleanly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let ws = workshop(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_smecheck"))
        .args([
            "workshop",
            "serve",
            dir.path().to_str().unwrap(),
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--lang",
            "en",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let stop = line.starts_with("Press Ctrl-C");
        printed.push(line);
        if stop || printed.len() > 60 {
            break;
        }
    }
    let text = printed.join("\n");
    assert!(text.contains("(listening on 127.0.0.1:"), "{text}");
    assert!(
        text.contains(&format!("Join code: {}", ws.meta.join_code)),
        "{text}"
    );
    assert!(
        text.contains('▀') || text.contains('▄'),
        "a QR code is drawn: {text}"
    );
    let url = printed
        .iter()
        .find_map(|l| l.trim().strip_prefix("http://"))
        .expect("an address")
        .trim_end_matches('/')
        .to_string();
    let addr: std::net::SocketAddr = url.parse().unwrap();
    let mut phone = Phone::new(addr);
    let (code, _) = phone.join();
    let state = smecheck::serve::state::ServeState::live(dir.path(), std::time::SystemTime::now())
        .expect("the views can see the server");
    assert_eq!(state.url, format!("http://{url}/"));
    assert_eq!(state.join_code, ws.meta.join_code);

    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(
        rest.iter()
            .any(|l| l.contains("Stopped. Firms that joined on their phones: 1.")),
        "{rest:?}"
    );
    assert!(!dir.path().join(smecheck::serve::state::STATE_FILE).exists());
    let names: Vec<String> = snapshot(dir.path()).into_iter().map(|(p, _)| p).collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(&format!("{code}.json"))));
}

#[test]
fn paced_mode_holds_phones_at_the_presenters_section() {
    use smecheck::serve::state::PresentState;
    let dir = tempfile::tempdir().unwrap();
    let ws = workshop(dir.path());
    let q = ws.inst.questionnaire.clone();
    let mut opts = smecheck::serve::Options::new(
        "127.0.0.1:0".parse().unwrap(),
        smecheck::domain::text::Lang::En,
    );
    opts.limits.requests_per_second = 1e6;
    opts.behaviour.paced = true;
    let running = smecheck::serve::start(ws.clone(), opts).unwrap();
    let first_dim = q.questions[0].dimension.clone();
    let through = q
        .questions
        .iter()
        .take_while(|x| x.dimension == first_dim)
        .count()
        - 1;
    let mut st = PresentState {
        open_through: through,
        heartbeat: 0,
    };
    st.write(dir.path(), std::time::SystemTime::now()).unwrap();

    let mut phone = Phone::new(running.addr);
    phone.join();
    let mut at = phone.get("/q").location().to_string();
    let mut held = None;
    for _ in 0..100 {
        let page = phone.get(&at);
        if page.status == 423 {
            held = Some(at.clone());
            break;
        }
        assert_eq!(page.status, 200, "{at}");
        let r = phone.post(&at, &answer_body(&q, &at[3..], 0));
        at = r.location().to_string();
    }
    let held = held.expect("the phone was held back");
    let i = q.question_index_str(&held[3..]).unwrap();
    assert!(i > through, "held at {i}, open through {through}");
    let before = snapshot(dir.path());
    assert_eq!(
        phone.post(&held, &answer_body(&q, &held[3..], 0)).status,
        423
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "nothing saved past the section"
    );
    // The presenter moves on: the phone may go on.
    st.open_through = q.questions.len();
    st.write(dir.path(), std::time::SystemTime::now()).unwrap();
    assert_eq!(phone.get(&held).status, 200);
    // No presenter at all: nobody is held back.
    PresentState::remove(dir.path());
    assert_eq!(phone.get(&held).status, 200);
    running.stop();
}

#[test]
fn a_join_code_typed_for_a_folder_finds_the_workshop_beside() {
    use assert_cmd::cargo::cargo_bin_cmd;
    let parent = tempfile::tempdir().unwrap();
    let ws = workshop(&parent.path().join("salon"));
    let code = ws.meta.join_code.to_lowercase();
    let out = cargo_bin_cmd!("smecheck")
        .current_dir(parent.path())
        .env("LANG", "C.UTF-8")
        .args(["workshop", "report", &code, "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Room"));
    // A code nobody here has: the message says what a join code is for.
    let other = if ws.meta.join_code == "ACDE" {
        "ACDF"
    } else {
        "ACDE"
    };
    let out = cargo_bin_cmd!("smecheck")
        .current_dir(parent.path())
        .env("LANG", "C.UTF-8")
        .args(["run", "--workshop", other, "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("looks like a workshop's join code"), "{err}");
    assert!(
        err.contains("open the address shown on the projector"),
        "{err}"
    );
}
