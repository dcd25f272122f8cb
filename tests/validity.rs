//! The validity table: firms of many kinds, written as answer files from fact sheets before
//! anyone saw their scores (tests/validity/firms.md), each with what an owner, a lender and a
//! cloud vendor would call a fair result (tests/validity/expectations.json). Where a firm
//! lands wrong, the questionnaire is fixed, not the expectation.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use smecheck::domain::score::score;
use smecheck::domain::{Instrument, ScoreCard};

#[derive(Deserialize)]
struct Table {
    firms: Vec<Firm>,
    orderings: Vec<Ordering>,
}

#[derive(Deserialize)]
struct Firm {
    id: String,
    rung: [String; 2],
    levels: BTreeMap<String, [String; 2]>,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    must_not_lead: Vec<String>,
    #[serde(default)]
    must_not: Vec<String>,
    #[serde(default)]
    findings_must: Vec<String>,
    #[serde(default)]
    findings_must_not: Vec<String>,
}

#[derive(Deserialize)]
struct Ordering {
    area: String,
    higher: String,
    lower: String,
    why: String,
}

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/validity"))
}

fn table() -> Table {
    let src = std::fs::read_to_string(dir().join("expectations.json")).expect("expectations");
    serde_json::from_str(&src).expect("expectations parse")
}

fn card(inst: &Instrument, firm: &str) -> ScoreCard {
    let file = format!("{firm}.json");
    let src = std::fs::read_to_string(dir().join("answers").join(&file)).expect("answer file");
    let loaded = inst
        .load_answers(&file, &src)
        .unwrap_or_else(|e| panic!("{file} does not load:\n{e}"));
    assert!(loaded.dropped.is_empty(), "{file}: {:?}", loaded.dropped);
    assert!(!loaded.version_differs, "{file} is for another version");
    score(inst, &loaded.answers)
}

fn position(ids: &[&str], id: &str) -> usize {
    ids.iter()
        .position(|x| *x == id)
        .unwrap_or_else(|| panic!("unknown id {id}"))
}

/// One firm's result in words, for the table printed beside the verdicts.
fn describe(inst: &Instrument, c: &ScoreCard) -> String {
    let q = &inst.questionnaire;
    let areas: Vec<String> = c
        .areas
        .iter()
        .map(|a| match a.score {
            Some(s) => format!("{} {s:.1} {}", a.id, a.level),
            None => format!("{} not enough answers", a.id),
        })
        .collect();
    let recs: Vec<String> = c
        .recommendations
        .iter()
        .map(|r| format!("{}·{}", r.proposal, r.priority))
        .collect();
    format!(
        "rung {} ({}/{}); {}; recs {}; findings {:?}",
        c.ladders[0].rung,
        c.ladders[0].index + 1,
        q.ladders[0].rungs.len(),
        areas.join(", "),
        recs.join(" "),
        c.findings.iter().map(|f| f.as_str()).collect::<Vec<_>>()
    )
}

#[test]
fn every_firm_lands_where_its_owner_would_call_fair() {
    let inst = Instrument::builtin().expect("built-in");
    let q = &inst.questionnaire;
    let t = table();
    assert!(t.firms.len() >= 12, "at least twelve contrasting firms");
    let rungs: Vec<&str> = q.ladders[0].rungs.iter().map(|r| r.id.as_str()).collect();
    let mut wrong = Vec::new();
    for f in &t.firms {
        let c = card(&inst, &f.id);
        println!("{:<24} {}", f.id, describe(&inst, &c));
        let got = c.ladders[0].index;
        let (lo, hi) = (position(&rungs, &f.rung[0]), position(&rungs, &f.rung[1]));
        if !(lo..=hi).contains(&got) {
            wrong.push(format!(
                "{}: rung {} expected {}..{}",
                f.id, rungs[got], f.rung[0], f.rung[1]
            ));
        }
        for (area, [lo, hi]) in &f.levels {
            let def = q.area(&area.as_str().into()).expect("area");
            let levels: Vec<&str> = def.levels.iter().map(|l| l.id.as_str()).collect();
            let a = c.areas.iter().find(|a| a.id == *area).expect("scored area");
            let ok = a.score.is_some() && {
                let got = position(&levels, a.level.as_str());
                (position(&levels, lo)..=position(&levels, hi)).contains(&got)
            };
            if !ok {
                wrong.push(format!(
                    "{}: {area} {:?} level `{}` expected {lo}..{hi}",
                    f.id, a.score, a.level
                ));
            }
        }
        let recs: Vec<&str> = c
            .recommendations
            .iter()
            .map(|r| r.proposal.as_str())
            .collect();
        for p in &f.must {
            if !recs.contains(&p.as_str()) {
                wrong.push(format!("{}: {p} must appear; got {recs:?}", f.id));
            }
        }
        for p in &f.must_not {
            if recs.contains(&p.as_str()) {
                wrong.push(format!("{}: {p} must not appear; got {recs:?}", f.id));
            }
        }
        if let Some(first) = recs.first()
            && f.must_not_lead.iter().any(|p| p == first)
        {
            wrong.push(format!("{}: {first} must not lead; got {recs:?}", f.id));
        }
        for x in &f.findings_must {
            if !c.findings.iter().any(|g| g == x.as_str()) {
                wrong.push(format!("{}: finding {x} must hold", f.id));
            }
        }
        for x in &f.findings_must_not {
            if c.findings.iter().any(|g| g == x.as_str()) {
                wrong.push(format!("{}: finding {x} must not hold", f.id));
            }
        }
        for r in &c.recommendations {
            if r.because.is_empty() {
                wrong.push(format!("{}: {} has no reason", f.id, r.proposal));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} misplaced:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn firms_compare_as_their_facts_say() {
    let inst = Instrument::builtin().expect("built-in");
    let t = table();
    assert!(t.orderings.len() >= 10);
    let mut wrong = Vec::new();
    for o in &t.orderings {
        let (hi, lo) = (card(&inst, &o.higher), card(&inst, &o.lower));
        let ok = match o.area.as_str() {
            "rung" => hi.ladders[0].index > lo.ladders[0].index,
            area => {
                let s = |c: &ScoreCard| c.areas.iter().find(|a| a.id == area).and_then(|a| a.score);
                matches!((s(&hi), s(&lo)), (Some(h), Some(l)) if h > l)
            }
        };
        if !ok {
            wrong.push(format!(
                "{} {}: {} should be above {} ({})",
                o.area, "", o.higher, o.lower, o.why
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_recommendation_reason_is_an_answer_the_firm_gave() {
    let inst = Instrument::builtin().expect("built-in");
    for f in &table().firms {
        let file = format!("{}.json", f.id);
        let src = std::fs::read_to_string(dir().join("answers").join(&file)).expect("file");
        let loaded = inst.load_answers(&file, &src).expect("loads");
        let c = score(&inst, &loaded.answers);
        for r in &c.recommendations {
            for id in &r.because {
                let a = loaded.answers.get(id);
                assert!(
                    a.is_some(),
                    "{}: {} cites {id}, which the firm did not answer",
                    f.id,
                    r.proposal
                );
            }
        }
    }
}
