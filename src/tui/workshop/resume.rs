//! `run --workshop DIR` without `--firm`, on a terminal: when this machine last answered the
//! workshop as some firm, ask whether to go on as that firm, start a new one, or type another
//! firm's code — instead of always starting another firm (and leaving a ghost behind).

use std::io::{BufRead, Write};
use std::time::SystemTime;

use anyhow::Result;

use crate::domain::Lang;
use crate::store::clock::Clock;
use crate::tui::strings as st;
use crate::workshop::Workshop;
use crate::workshop::code::FirmCode;
use crate::workshop::room::Room;

/// The firm to open: `Some(code)` to resume, `None` for a new firm. Asks on `out` and reads
/// the answer from `input` only when `last` (the firm last opened here) still has its file.
pub fn ask(
    ws: &Workshop,
    last: Option<FirmCode>,
    lang: Lang,
    clock: Clock,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Option<String>> {
    let Some(code) = last.filter(|c| ws.response_path(c).is_file()) else {
        return Ok(None);
    };
    let mut room = Room::new();
    room.scan(ws, clock.now);
    let about = room
        .responses()
        .iter()
        .find(|r| r.code == code)
        .map(|r| {
            let (done, asked) = r.progress();
            let saved = r
                .last_activity()
                .map_or_else(|| "—".to_string(), |t| clock.show(t));
            st::RESUME_ABOUT.fill(lang, &[&done, &asked, &saved])
        })
        .unwrap_or_default();
    writeln!(out, "{}", st::RESUME_ASK.fill(lang, &[&code, &about]))?;
    loop {
        let Some(line) = crate::tui::plain::reply(st::RESUME_CHOICES.get(lang), input, out)? else {
            // No answer at all (input closed): a new firm, as without this question.
            return Ok(None);
        };
        match line.as_str() {
            "" | "y" | "Y" => return Ok(Some(code.to_string())),
            "n" | "N" => return Ok(None),
            other => match FirmCode::parse(other) {
                Ok(c) if ws.response_path(&c).is_file() => return Ok(Some(c.to_string())),
                _ => writeln!(
                    out,
                    "{}",
                    st::RESUME_UNKNOWN.fill(lang, &[&crate::domain::text::display_safe(other)])
                )?,
            },
        }
    }
}

/// Whether the question can be asked: a person at a terminal.
pub fn can_ask() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Notes the firm opened, for the next `run --workshop` on this machine.
pub fn remember(ws: &Workshop, code: &FirmCode) {
    if let Some(data) = crate::workshop::recent::data_dir() {
        crate::workshop::recent::remember(&data, &ws.dir, code, SystemTime::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::AnswerSet;
    use crate::domain::sample::{Lean, Rng, generate};

    fn room(dir: &std::path::Path) -> (Workshop, FirmCode) {
        let ws = Workshop::create(
            &dir.join("salon"),
            "Salon",
            None,
            Some(Lang::En),
            SystemTime::now(),
            Lang::En,
        )
        .expect("created");
        let q = &ws.inst.questionnaire;
        let mut a: AnswerSet = generate(q, &mut Rng::new(5), Lean::Any);
        for x in &q.questions[10..] {
            a.clear(&x.id);
        }
        let file = a.to_file(q, Some("2026-11-24T09:30:00Z".into()));
        let bytes = serde_json::to_vec(&file).expect("json");
        let code = ws.add_response(&bytes, Lang::En).expect("added");
        (ws, code)
    }

    fn clock() -> Clock {
        Clock {
            now: crate::store::clock::parse_rfc3339("2026-11-24T10:00:00Z").expect("t"),
            offset: Some(8 * 3600),
        }
    }

    fn answer(ws: &Workshop, last: Option<FirmCode>, typed: &str) -> (Option<String>, String) {
        let mut out = Vec::new();
        let got = ask(ws, last, Lang::En, clock(), &mut typed.as_bytes(), &mut out).expect("ok");
        (got, String::from_utf8(out).expect("utf-8"))
    }

    #[test]
    fn the_firm_last_answered_here_is_offered_and_another_can_be_picked() {
        let dir = tempfile::tempdir().expect("dir");
        let (ws, code) = room(dir.path());
        let (got, said) = answer(&ws, Some(code.clone()), "\n");
        assert_eq!(got.as_deref(), Some(code.as_str()));
        assert!(said.contains(code.as_str()), "{said}");
        assert!(said.contains("17:30"), "last save in local time: {said}");
        assert_eq!(answer(&ws, Some(code.clone()), "n\n").0, None);
        // Another firm's code, after a typo.
        let other = ws.add_response(b"{}", Lang::En).expect("added");
        let (got, said) = answer(
            &ws,
            Some(code.clone()),
            "ZZZ\n{other}\n".replace("{other}", other.as_str()).as_str(),
        );
        assert_eq!(got.as_deref(), Some(other.as_str()));
        assert!(said.contains("ZZZ"), "{said}");
        // Input closed: a new firm. No memory, or a firm whose file is gone: not asked.
        assert_eq!(answer(&ws, Some(code.clone()), "").0, None);
        let (got, said) = answer(&ws, None, "y\n");
        assert_eq!((got, said.as_str()), (None, ""));
        std::fs::remove_file(ws.response_path(&code)).expect("rm");
        let (got, said) = answer(&ws, Some(code), "y\n");
        assert_eq!((got, said.as_str()), (None, ""));
    }
}
