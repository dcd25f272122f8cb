//! A workshop and its follow-up six months later, generated with known changes: the follow-up
//! keeps firm codes and earlier answers, and the cohort report's JSON shows the room's change
//! (median change, rung movement, uptake of each proposal), with firms in only one room apart.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::path::Path;
use std::time::SystemTime;

mod common;

use common::smecheck;
use serde_json::Value;
use smecheck::domain::cohort::quantile;
use smecheck::domain::progress::{ActionStatus, Movement, Status, compare};
use smecheck::domain::sample::{Lean, Rng, generate};
use smecheck::domain::{AnswerSet, Lang, score};
use smecheck::workshop::Workshop;
use smecheck::workshop::code::FirmCode;

fn write(path: &Path, ws: &Workshop, a: &AnswerSet, saved: &str) {
    let file = a.to_file(&ws.inst.questionnaire, Some(saved.into()));
    std::fs::write(path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
}

#[test]
fn a_follow_up_room_shows_the_rooms_change() {
    let tmp = tempfile::tempdir().unwrap();
    let (d1, d2) = (tmp.path().join("spring"), tmp.path().join("autumn"));
    let ws1 = Workshop::create(&d1, "Spring", None, None, SystemTime::now(), Lang::En).unwrap();
    let q = &ws1.inst.questionnaire;
    let mut rng = Rng::new(77);
    let mut firms: Vec<(FirmCode, AnswerSet)> = Vec::new();
    for _ in 0..12 {
        let code = FirmCode::random();
        let a = generate(q, &mut rng, Lean::Worst(0.8));
        write(&ws1.response_path(&code), &ws1, &a, "2026-05-20T09:00:00Z");
        firms.push((code, a));
    }
    let snapshot = |d: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(d.join("responses"))
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let spring = snapshot(&d1);

    let r = smecheck(&[
        "workshop",
        "new",
        d2.to_str().unwrap(),
        "--title",
        "Autumn",
        "--follow-up",
        d1.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("round 2: 12 firms keep their codes"),
        "{}",
        r.stdout
    );
    assert_eq!(snapshot(&d1), spring, "the earlier room is only read");
    let ws2 = Workshop::open(&d2, Lang::En).unwrap();
    let meta: Value =
        serde_json::from_slice(&std::fs::read(d2.join("workshop.json")).unwrap()).unwrap();
    assert_eq!(meta["round"], 2);
    // Round and origin are part of the workshop's own metadata, read like the rest of it.
    assert_eq!(ws2.meta.round, Some(2));
    assert_eq!(
        ws2.meta.follows.as_deref(),
        Some(d1.display().to_string().as_str())
    );
    for (code, a) in &firms {
        // Each firm finds its own earlier answers under its own code.
        let loaded = ws2
            .inst
            .load_answers(
                "x",
                &std::fs::read_to_string(ws2.response_path(code)).unwrap(),
            )
            .unwrap();
        assert_eq!(&loaded.answers, a);
        assert!(d2.join("earlier").join(code.file_name()).is_file());
    }

    // Eight firms come back and do better; four do not come back; two new firms join.
    let mut expected = Vec::new();
    for (code, before) in firms.iter().take(8) {
        let after = generate(q, &mut rng, Lean::Best(0.8));
        write(
            &ws2.response_path(code),
            &ws2,
            &after,
            "2026-11-20T09:00:00Z",
        );
        expected.push(compare(
            &ws2.inst,
            before,
            &score(&ws2.inst, before),
            &after,
            &score(&ws2.inst, &after),
        ));
    }
    for _ in 0..2 {
        let a = generate(q, &mut rng, Lean::Any);
        let file = a.to_file(q, None);
        ws2.add_response(
            &serde_json::to_vec(&file).unwrap(),
            smecheck::domain::Lang::En,
        )
        .unwrap();
    }

    let r = smecheck(&[
        "workshop",
        "report",
        d2.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();

    // The dashboard of the follow-up room asks the same code: the same change, in a tab.
    let mut room = smecheck::workshop::room::Room::new();
    room.scan(&ws2, SystemTime::now() + std::time::Duration::from_secs(60));
    let view = smecheck::tui::workshop::view_for(&ws2, &room, false, false, Lang::En);
    let smecheck::tui::workshop::View::Dashboard(d) = view else {
        panic!("a dashboard");
    };
    let change = d.change.clone().expect("a follow-up room shows its change");
    assert_eq!(
        serde_json::to_value(&change).unwrap(),
        v["change"],
        "the dashboard and the cohort report show the same numbers"
    );
    assert_eq!(
        d.tabs().last(),
        Some(&smecheck::tui::workshop::dashboard::Tab::Change)
    );
    let change = &v["change"];
    assert_eq!(change["both"], 8);
    assert_eq!(change["only_earlier"], 4);
    assert_eq!(change["only_later"], 2);
    let deltas: Vec<f64> = expected.iter().filter_map(|p| p.overall.delta).collect();
    let median = (quantile(&deltas, 0.5).unwrap() * 10.0).round() / 10.0;
    assert_eq!(change["scores"][0]["id"], "overall");
    assert_eq!(change["scores"][0]["median_change"].as_f64(), Some(median));
    assert!(median > 0.0);
    let ladder = &change["rungs"][0];
    let up = expected
        .iter()
        .filter(|p| p.ladders[0].movement == Movement::Up)
        .count();
    assert_eq!(ladder["up"].as_u64(), Some(up as u64));
    let total = ladder["up"].as_u64().unwrap()
        + ladder["same"].as_u64().unwrap()
        + ladder["down"].as_u64().unwrap();
    assert_eq!(total, 8);
    for p in change["proposals"].as_array().unwrap() {
        let id = p["proposal"].as_str().unwrap();
        let given: Vec<_> = expected
            .iter()
            .filter(|x| {
                x.recommendations
                    .iter()
                    .any(|r| r.proposal == id && r.status != Status::New)
            })
            .collect();
        let acted = given
            .iter()
            .filter(|x| {
                x.actions
                    .iter()
                    .any(|a| a.proposal == id && a.status == ActionStatus::ActedOn)
            })
            .count();
        assert_eq!(p["given"].as_u64(), Some(given.len() as u64), "{id}");
        assert_eq!(p["acted"].as_u64(), Some(acted as u64), "{id}");
    }

    for (lang, heading) in [
        ("en", "Change since the earlier room"),
        ("zh", "与上一轮相比"),
    ] {
        let r = smecheck(&[
            "workshop",
            "report",
            d2.to_str().unwrap(),
            "--format",
            "md",
            "--lang",
            lang,
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains(heading), "{lang}");
    }
    // The first room has no change section.
    let r = smecheck(&[
        "workshop",
        "report",
        d1.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v.get("change").is_none());

    // The programme sees two rounds.
    let r = smecheck(&[
        "programme",
        "report",
        d1.to_str().unwrap(),
        d2.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let rounds: Vec<u64> = v["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["round"].as_u64().unwrap())
        .collect();
    assert_eq!(rounds, [1, 2]);
}

#[test]
fn a_follow_up_needs_an_earlier_workshop_of_the_same_questionnaire() {
    let tmp = tempfile::tempdir().unwrap();
    let d2 = tmp.path().join("autumn");
    let r = smecheck(&[
        "workshop",
        "new",
        d2.to_str().unwrap(),
        "--title",
        "Autumn",
        "--follow-up",
        "/nonexistent/spring",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        !d2.exists(),
        "nothing is created when the earlier room cannot be read"
    );
}
