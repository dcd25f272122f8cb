//! The shipped standard instruments scored by hand (issue 17): Eurostat's Digital Intensity
//! Index and MIIT's 2024 SME digital level (manufacturing, an estimate). Each example writes out
//! the published arithmetic and is matched to 0.01. Question and option ids are those of the
//! shipped files: they are what the worked examples are about.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use smecheck::domain::answers::{Answer, AnswerSet};
use smecheck::domain::instrument::{INSTRUMENTS, builtin_file_name};
use smecheck::domain::report::{ReportFormat, write_report};
use smecheck::domain::{Instrument, Lang, ScoreCard, score};

fn instrument(name: &str) -> Instrument {
    let (_, json) = INSTRUMENTS.iter().find(|(n, _)| *n == name).unwrap();
    Instrument::load(&builtin_file_name(name), json).unwrap()
}

fn choice(a: &mut AnswerSet, q: &str, o: &str) {
    a.set(q.into(), Answer::Choice(o.into()));
}

fn ticks(a: &mut AnswerSet, q: &str, os: &[&str]) {
    a.set(
        q.into(),
        Answer::Choices(os.iter().map(|o| (*o).into()).collect()),
    );
}

fn area(card: &ScoreCard, id: &str) -> f64 {
    card.areas
        .iter()
        .find(|a| a.id.as_str() == id)
        .unwrap()
        .score
        .unwrap()
}

fn near(got: f64, want: f64) {
    assert!((got - want).abs() <= 0.01, "got {got}, want {want}");
}

// ---------------------------------------------------------------------------------------------
// Eurostat DII: one point per indicator met; score = count / 12 × 100; bands by the count.

/// The DII with the first `yes` indicators (in questionnaire order) answered yes, the rest no.
fn dii(yes: usize) -> (Instrument, ScoreCard) {
    let inst = instrument("eurostat-dii");
    let mut a = AnswerSet::new();
    for (i, q) in inst.questionnaire.questions.iter().enumerate() {
        choice(&mut a, q.id.as_str(), if i < yes { "yes" } else { "no" });
    }
    let card = score(&inst, &a);
    (inst, card)
}

#[test]
fn dii_has_twelve_yes_no_indicators_of_one_point() {
    let inst = instrument("eurostat-dii");
    let q = &inst.questionnaire;
    assert_eq!(q.questions.len(), 12);
    for x in &q.questions {
        let pts: Vec<f64> = x.options.iter().map(|o| o.points.unwrap()).collect();
        assert_eq!(pts, [1.0, 0.0], "{}", x.id.as_str());
    }
    assert!(!inst.recommends(), "the DII gives no recommendations");
}

#[test]
fn dii_worked_examples() {
    // Four indicators met (e.g. staff online, social media, cloud, e-invoices):
    // 4 / 12 × 100 = 33.333… → 33.33; 4 is in 4–6, "low" (the EU's basic level).
    let (_, card) = dii(4);
    near(card.overall_score.unwrap(), 33.33);
    assert_eq!(card.overall_level.as_str(), "low");
    // Seven: 7 / 12 × 100 = 58.333… → 58.33; 7 is in 7–9, "high".
    let (_, card) = dii(7);
    near(card.overall_score.unwrap(), 58.33);
    assert_eq!(card.overall_level.as_str(), "high");
    // Ten: 10 / 12 × 100 = 83.333… → 83.33; 10 is in 10–12, "very high".
    let (_, card) = dii(10);
    near(card.overall_score.unwrap(), 83.33);
    assert_eq!(card.overall_level.as_str(), "very_high");
}

#[test]
fn every_dii_count_falls_in_its_published_band() {
    // 0–3 very low, 4–6 low, 7–9 high, 10–12 very high.
    for count in 0..=12 {
        let (_, card) = dii(count);
        near(card.overall_score.unwrap(), count as f64 * 100.0 / 12.0);
        let want = match count {
            0..=3 => "very_low",
            4..=6 => "low",
            7..=9 => "high",
            _ => "very_high",
        };
        assert_eq!(card.overall_level.as_str(), want, "count {count}");
    }
}

// ---------------------------------------------------------------------------------------------
// MIIT 2024 (manufacturing): 基础 50 + 管理 30 + 成效 20 points; level estimated from the points.

/// Every scenario graded `g`: recorded, never scored.
fn scenarios(inst: &Instrument, a: &mut AnswerSet, g: &str) {
    for q in &inst.questionnaire.questions {
        if q.id.as_str().starts_with("s_") {
            choice(a, q.id.as_str(), g);
        }
    }
}

#[test]
fn miit_worked_example_a_mid_level_plant() {
    let inst = instrument("miit-2024");
    let mut a = AnswerSet::new();
    // 数字化基础 (50)
    //   设备系统 (20): networks ics + app = 2 + 2 = 4 of 8; digital equipment 20–40 % = 3 of 6;
    //   networked 10–20 % = 1.5 of 6 → 8.5 of 20.
    ticks(&mut a, "net", &["ics", "app"]);
    choice(&mut a, "dev_digital", "r2");
    choice(&mut a, "dev_networked", "r1");
    //   数据采集 (10): finance 0.7 + warehouse 0.7 + HR 0.9 = 2.3 of 10.
    ticks(&mut a, "data_links", &["finance", "warehouse", "hr"]);
    //   信息系统 (10): two or more links = 5 of 10.
    choice(&mut a, "systems", "two");
    //   信息安全 (10): network policy + products = 2.5; data policy = 1.25 → 3.75 of 10.
    ticks(&mut a, "sec_network", &["policy", "products"]);
    ticks(&mut a, "sec_data", &["policy"]);
    //   基础 = 8.5 + 2.3 + 5 + 3.75 = 19.55 of 50 → 39.10 %.
    // 数字化管理 (30)
    //   规划管理: aware + plan = 1.5 + 1.5 = 3; one arrangement 1.875 → 4.875 of 15.
    ticks(&mut a, "plan_exec", &["aware", "plan"]);
    ticks(&mut a, "mech", &["lead"]);
    //   要素保障: training 1.5; funding band 2 = 1.875 → 3.375 of 15.
    ticks(&mut a, "talent", &["train"]);
    choice(&mut a, "funding", "r1");
    //   管理 = 4.875 + 3.375 = 8.25 of 30 → 27.50 %.
    // 数字化成效 (20): energy flat 3.5, quality up 7, revenue per head up 3, cost flat 1.5
    //   → 15 of 20 → 75.00 %.
    choice(&mut a, "energy", "flat");
    choice(&mut a, "quality", "up");
    choice(&mut a, "rev_per_head", "up");
    choice(&mut a, "cost_per_100", "flat");
    scenarios(&inst, &mut a, "g2");
    let card = score(&inst, &a);
    near(area(&card, "basis"), 39.10);
    near(area(&card, "manage"), 27.50);
    near(area(&card, "effect"), 75.00);
    // Total = 19.55 + 8.25 + 15 = 42.80 points = (39.10×50 + 27.50×30 + 75×20) / 100.
    near(card.overall_score.unwrap(), 42.80);
    // 40–60 → 二级 (estimate).
    assert_eq!(card.overall_level.as_str(), "l2");
}

#[test]
fn miit_worked_example_b_strong_foundation() {
    let inst = instrument("miit-2024");
    let mut a = AnswerSet::new();
    // 基础: every network 8, both rates over 60 % 6 + 6, all 14 links 13×0.7 + 0.9 = 10,
    // all links covered 10, all eight security measures 8 × 1.25 = 10 → 50 of 50.
    ticks(&mut a, "net", &["ics", "app", "g5", "full"]);
    choice(&mut a, "dev_digital", "r4");
    choice(&mut a, "dev_networked", "r4");
    let links: Vec<String> = inst
        .questionnaire
        .question(&"data_links".into())
        .unwrap()
        .options
        .iter()
        .map(|o| o.id.to_string())
        .filter(|o| o != "none")
        .collect();
    let links: Vec<&str> = links.iter().map(String::as_str).collect();
    assert_eq!(links.len(), 14);
    ticks(&mut a, "data_links", &links);
    choice(&mut a, "systems", "all");
    let sec = ["policy", "products", "risk", "controls"];
    ticks(&mut a, "sec_network", &sec);
    ticks(&mut a, "sec_data", &sec);
    // 管理: all five planning steps 7.5; three arrangements 3 × 1.875 = 5.625; all five talent
    // measures 7.5; funding band 3 = 3.75 → 24.375 of 30 → 81.25 %.
    ticks(
        &mut a,
        "plan_exec",
        &["aware", "plan", "pilot", "model", "visits"],
    );
    ticks(&mut a, "mech", &["lead", "budget", "assess"]);
    ticks(
        &mut a,
        "talent",
        &["hire", "train", "team", "outside", "reward"],
    );
    choice(&mut a, "funding", "r2");
    // 成效: energy down 7, quality flat 3.5, revenue per head flat 1.5, cost up 0 → 12 of 20
    // → 60 %.
    choice(&mut a, "energy", "down");
    choice(&mut a, "quality", "flat");
    choice(&mut a, "rev_per_head", "flat");
    choice(&mut a, "cost_per_100", "up");
    scenarios(&inst, &mut a, "g3");
    let card = score(&inst, &a);
    near(area(&card, "basis"), 100.0);
    near(area(&card, "manage"), 81.25);
    near(area(&card, "effect"), 60.0);
    // Total = 50 + 24.375 + 12 = 86.375 points → 86.38 (86.37 either side of the half).
    near(card.overall_score.unwrap(), 86.375);
    // ≥ 80 → 四级 (estimate).
    assert_eq!(card.overall_level.as_str(), "l4");
}

#[test]
fn miit_scenarios_are_recorded_not_scored() {
    // The same firm with every scenario at grade 1 and at grade 4 scores the same.
    let inst = instrument("miit-2024");
    let mut low = AnswerSet::new();
    choice(&mut low, "systems", "two");
    let mut high = low.clone();
    scenarios(&inst, &mut low, "g1");
    scenarios(&inst, &mut high, "g4");
    let n = inst
        .questionnaire
        .questions
        .iter()
        .filter(|q| q.id.as_str().starts_with("s_"))
        .count();
    assert_eq!(n, 16);
    assert_eq!(
        score(&inst, &low).overall_score,
        score(&inst, &high).overall_score
    );
}

#[test]
fn every_miit_report_says_only_the_official_system_gives_the_level() {
    let inst = instrument("miit-2024");
    let mut a = AnswerSet::new();
    choice(&mut a, "systems", "two");
    let card = score(&inst, &a);
    for (lang, words) in [
        (Lang::Zh, "正式等级只能由"),
        (Lang::En, "only MIIT's assessment system"),
    ] {
        for format in [
            ReportFormat::Text,
            ReportFormat::Md,
            ReportFormat::Html,
            ReportFormat::Json,
        ] {
            let mut out = Vec::new();
            write_report(&inst, &a, &card, lang, "2026-12-01", format, &mut out).unwrap();
            let out = String::from_utf8(out).unwrap();
            let words = if matches!(format, ReportFormat::Html) {
                smecheck::domain::report::html_escape(words).into_owned()
            } else {
                words.to_string()
            };
            assert!(out.contains(&words), "{lang:?} {format:?}");
            assert!(out.contains("zjtx.miit.gov.cn"), "{lang:?} {format:?}");
        }
    }
}
