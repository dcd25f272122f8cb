//! The EU DMA for SMEs (questionnaires/eu-dma.json, `--questionnaire eu-dma`): worked examples
//! computed by hand from the published method and matched to 0.01, and a workshop with its
//! cohort report run end to end through the binary.
//!
//! The method (domain-anchors.md §1): each question 0–10; multiple choice = 10 × ticked / items
//! ("data is not collected digitally" gives its question 0 and counts as one of the 8 items);
//! a 0–5 matrix = 10 × Σ / (rows × 5); no/partly/yes = 0 / 0.5 / 1 per row, 10 × Σ / rows;
//! business areas: a row already invested = 1, only planned = 0.5, 10 × Σ / 10. A dimension =
//! (its two questions) × 5; automation and AI = its one question × 10; overall = the mean of
//! the six. Bands 0–25 basic, 26–50 average, 51–75 moderately advanced, 76–100 advanced, a
//! score placed after rounding to whole numbers; scores given to two decimals.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

mod common;

use common::smecheck;
use serde_json::{Value, json};

/// Firm A: a bit of everything.
fn firm_a() -> Value {
    json!({
        "questionnaire": {"id": "eu-dma-sme", "version": "1.0.0"},
        "profile": {"name": "Firm A", "size": "small", "sector": "manufacturing"},
        "answers": {
            "q1": {"design": ["invested"], "operations": ["invested"],
                   "marketing_sales": ["invested", "planned"], "admin_hr": ["invested"],
                   "delivery": ["planned"], "security": ["planned"]},
            "q2": ["needs_aligned", "funding", "it_ready", "management"],
            "q3": ["connectivity", "website", "chat_social", "emarketing", "egovernment", "remote_collab"],
            "q4": {"simulation": "0", "vr_ar": "0", "cad_cam": "5", "mes": "3", "iot": "2",
                   "blockchain": "0", "additive": "1"},
            "q5": ["skills_gap", "short_training", "subsidised"],
            "q6": ["awareness", "flexible"],
            "q7": ["stored", "analysed", "self_service"],
            "q8": ["security_policy", "staff_training", "backup", "continuity"],
            "q9": {"nlp": "5", "vision": "0", "speech": "0", "robotics": "1", "bi": "3"},
            "q10": ["emissions", "raw_materials", "transport", "consumers", "paperless"],
            "q11": {"strategy": "yes", "ems": "partly", "procurement": "no",
                    "energy_it": "partly", "recycling": "yes"}
        }
    })
}

/// Firm B: strategy at the top, data not collected digitally, no AI, "none of these" for staff
/// engagement, a dimension exactly on the 50 edge.
fn firm_b() -> Value {
    let all_invested: serde_json::Map<String, Value> = [
        "design",
        "project",
        "operations",
        "collaboration",
        "inbound_logistics",
        "marketing_sales",
        "delivery",
        "admin_hr",
        "purchasing",
        "security",
    ]
    .iter()
    .enumerate()
    .map(|(i, r)| {
        let cells = if i < 3 {
            json!(["invested", "planned"])
        } else {
            json!(["invested"])
        };
        (r.to_string(), cells)
    })
    .collect();
    json!({
        "questionnaire": {"id": "eu-dma-sme", "version": "1.0.0"},
        "profile": {"name": "Firm B", "size": "micro", "sector": "trade"},
        "answers": {
            "q1": all_invested,
            "q2": ["needs_aligned", "funding", "it_ready", "ict_staff", "management", "staff",
                   "processes", "servitisation", "satisfaction", "risks"],
            "q3": ["connectivity", "website", "web_forms", "chat_social", "ecommerce", "emarketing",
                   "egovernment", "remote_collab", "intranet"],
            "q4": {"simulation": "5", "vr_ar": "1", "cad_cam": "5", "mes": "5", "iot": "5",
                   "blockchain": "0", "additive": "5"},
            "q5": ["skills_gap", "training_plan", "short_training", "learning_by_doing",
                   "traineeships", "external_training", "subsidised"],
            "q6": ["none"],
            "q7": ["not_digital"],
            "q8": ["backup"],
            "q9": {"nlp": "0", "vision": "0", "speech": "0", "robotics": "0", "bi": "0"},
            "q10": ["paperless", "transport"],
            "q11": {"strategy": "partly", "ems": "partly", "procurement": "partly",
                    "energy_it": "partly", "recycling": "partly"}
        }
    })
}

/// The overall score and level, and each dimension's score and level, as `score` gives them.
fn scored(
    dir: &std::path::Path,
    name: &str,
    firm: &Value,
) -> (f64, String, Vec<(String, f64, String)>) {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(firm).unwrap()).unwrap();
    let run = smecheck(&[
        "score",
        "--questionnaire",
        "eu-dma",
        "--answers",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let card: Value = serde_json::from_str(&run.stdout).unwrap();
    let overall = &card["overall"];
    let dims = card["areas"][0]["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["score"].as_f64().unwrap(),
                d["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (
        overall["score"].as_f64().unwrap(),
        overall["level"].as_str().unwrap().to_string(),
        dims,
    )
}

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 0.01,
        "{what}: got {got}, by hand {want}"
    );
}

#[test]
fn worked_examples_match_the_published_arithmetic_to_a_hundredth() {
    let dir = tempfile::tempdir().unwrap();

    // Firm A, by hand:
    // Q1: invested on 4 rows (1 each), only planned on 2 (0.5 each): 10 × 5 / 10 = 5.
    // Q2: 4 of 10 = 4.                      D1 = (5 + 4) × 5 = 45
    // Q3: 6 of 10 = 6. Q4: 0+0+5+3+2+0+1 = 11: 10 × 11 / 35 = 3.142857.
    //                                       D2 = (6 + 3.142857) × 5 = 45.714286
    // Q5: 3 of 7 = 4.285714. Q6: 2 of 8 = 2.5. D3 = (4.285714 + 2.5) × 5 = 33.928571
    // Q7: 3 of 8 = 3.75. Q8: 4 of 6 = 6.666667. D4 = (3.75 + 6.666667) × 5 = 52.083333
    // Q9: 5+0+0+1+3 = 9: 10 × 9 / 25 = 3.6. D5 = 3.6 × 10 = 36
    // Q10: 5 of 10 = 5. Q11: 1+0.5+0+0.5+1 = 3: 10 × 3 / 5 = 6. D6 = (5 + 6) × 5 = 55
    // Overall = (45 + 45.714286 + 33.928571 + 52.083333 + 36 + 55) / 6 = 44.621032
    let (overall, level, dims) = scored(dir.path(), "a.json", &firm_a());
    close(overall, 44.621032, "A overall");
    assert_eq!(level, "average", "44.62 rounds to 45: 26–50");
    let want = [
        ("strategy", 45.0, "average"),
        ("readiness", 45.714286, "average"),
        ("human", 33.928571, "average"),
        ("data", 52.083333, "moderately_advanced"),
        ("automation", 36.0, "average"),
        ("green", 55.0, "moderately_advanced"),
    ];
    for ((id, score, lvl), (wid, wscore, wlvl)) in dims.iter().zip(want) {
        assert_eq!(id, wid);
        close(*score, wscore, &format!("A {id}"));
        assert_eq!(lvl, wlvl, "A {id}");
    }

    // Firm B, by hand:
    // Q1: all 10 rows invested (3 also planned: the best column counts): 10. Q2: 10 of 10 = 10.
    //                                       D1 = (10 + 10) × 5 = 100
    // Q3: 9 of 10 = 9. Q4: 5+1+5+5+5+0+5 = 26: 10 × 26 / 35 = 7.428571.
    //                                       D2 = (9 + 7.428571) × 5 = 82.142857
    // Q5: 7 of 7 = 10. Q6: none = 0.         D3 = (10 + 0) × 5 = 50 (on the edge: average)
    // Q7: "not collected digitally" = 0. Q8: 1 of 6 = 1.666667.
    //                                       D4 = (0 + 1.666667) × 5 = 8.333333
    // Q9: all 0 = 0.                         D5 = 0
    // Q10: 2 of 10 = 2. Q11: 5 × 0.5 = 2.5: 10 × 2.5 / 5 = 5. D6 = (2 + 5) × 5 = 35
    // Overall = (100 + 82.142857 + 50 + 8.333333 + 0 + 35) / 6 = 45.912698
    let (overall, level, dims) = scored(dir.path(), "b.json", &firm_b());
    close(overall, 45.912698, "B overall");
    assert_eq!(level, "average");
    let want = [
        ("strategy", 100.0, "advanced"),
        ("readiness", 82.142857, "advanced"),
        ("human", 50.0, "average"),
        ("data", 8.333333, "basic"),
        ("automation", 0.0, "basic"),
        ("green", 35.0, "average"),
    ];
    for ((id, score, lvl), (wid, wscore, wlvl)) in dims.iter().zip(want) {
        assert_eq!(id, wid);
        close(*score, wscore, &format!("B {id}"));
        assert_eq!(lvl, wlvl, "B {id}");
    }
}

/// The DMA draws its own gap line (`score_format.gap_below: 51`, "moderately advanced"), not
/// smecheck's 60: firm A's data (52.08) and green (55) dimensions are no gaps.
#[test]
fn gaps_are_the_dimensions_below_the_dma_line_not_below_sixty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    std::fs::write(&path, serde_json::to_string_pretty(&firm_a()).unwrap()).unwrap();
    let report = |format: &str| {
        let run = smecheck(&[
            "report",
            "--questionnaire",
            "eu-dma",
            "--answers",
            path.to_str().unwrap(),
            "--format",
            format,
            "--lang",
            "en",
            "--date",
            "2026-12-01",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let json: Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(json["thresholds"]["gap_below"], json!(51.0));
    let gaps: Vec<(&str, bool)> = json["report"]["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["gap"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        gaps,
        [
            ("strategy", true),
            ("readiness", true),
            ("human", true),
            ("data", false),
            ("automation", true),
            ("green", false),
        ]
    );
    let gap_scores: Vec<f64> = json["report"]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["score"].as_f64().unwrap())
        .collect();
    assert_eq!(gap_scores, [33.93, 36.0, 45.0, 45.71], "weakest first");
    // The printed report names the line it used.
    let text = report("text");
    assert!(text.contains("below 51"), "{text}");
    assert!(!text.contains("below 60"), "{text}");
}

/// `compare` on the DMA speaks its precision (two decimals, the change too) and leaves out the
/// recommendation lists of an instrument that gives none.
#[test]
fn compare_shows_two_decimals_and_no_recommendation_lists() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before.json");
    let after = dir.path().join("after.json");
    let mut later = firm_a();
    // Q2: two more of ten ticked, 4 → 6 points: strategy (5 + 6) × 5 = 55, +10; overall
    // +10 / 6 = +1.666… → 46.29 (from 44.621… → 46.287…), shown +1.67.
    later["answers"]["q2"] = json!([
        "needs_aligned",
        "funding",
        "it_ready",
        "management",
        "ict_staff",
        "staff"
    ]);
    std::fs::write(&before, firm_a().to_string()).unwrap();
    std::fs::write(&after, later.to_string()).unwrap();
    let run = smecheck(&[
        "compare",
        "--questionnaire",
        "eu-dma",
        "--before",
        before.to_str().unwrap(),
        "--after",
        after.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("Overall 44.62 → 46.29 (+1.67); no rung changed."),
        "{out}"
    );
    assert!(out.contains("+10.00"), "{out}");
    assert!(!out.contains("ecommendation"), "{out}");
    assert!(!out.contains("actions of the last plan"), "{out}");
}

#[test]
fn a_dma_workshop_and_its_cohort_report_run_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let room = dir.path().join("room");
    let room_s = room.to_str().unwrap();
    let run = smecheck(&[
        "workshop",
        "new",
        room_s,
        "--title",
        "EDIH DMA day",
        "--questionnaire",
        "eu-dma",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<String> = [("a.json", firm_a()), ("b.json", firm_b())]
        .iter()
        .map(|(name, firm)| {
            let p = dir.path().join(name);
            std::fs::write(&p, serde_json::to_string(firm).unwrap()).unwrap();
            p.to_str().unwrap().to_string()
        })
        .collect();
    let mut args = vec!["workshop", "import", room_s];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--lang", "en"]);
    let run = smecheck(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // The cohort report: two firms, the DMA's own dimensions, no P1–P11 anywhere.
    let run = smecheck(&["workshop", "report", room_s, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let text = report.to_string();
    assert!(text.contains("\"human\""), "dimension ids in {text}");
    assert!(!text.contains("\"P1\""), "no P1–P11 in a DMA report");
    let run = smecheck(&[
        "workshop", "report", room_s, "--format", "md", "--lang", "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Human-centric digitalisation"),
        "{}",
        run.stdout
    );

    // The CSV: a column per matrix row, a column per row and tick column, the DMA's scores.
    let run = smecheck(&["workshop", "report", room_s, "--format", "csv", "--codes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    for col in [
        "q4.iot",
        "q9.bi",
        "q11.recycling",
        "q1.design.invested",
        "q1.design.planned",
    ] {
        assert!(head.contains(&col), "{col} in {head:?}");
    }
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2);
    let at = |c: &str| head.iter().position(|h| *h == c).unwrap();
    let mut overall: Vec<&str> = rows.iter().map(|r| r[at("score.overall")]).collect();
    overall.sort_unstable();
    assert_eq!(overall, ["44.62", "45.91"]);
    let a = rows
        .iter()
        .find(|r| r[at("score.overall")] == "44.62")
        .unwrap();
    assert_eq!(a[at("q4.cad_cam")], "5");
    assert_eq!(a[at("q1.marketing_sales.planned")], "1");
    assert_eq!(a[at("q1.project.invested")], "0");
    assert_eq!(a[at("dim.data")], "52.08");

    // The programme export (JSONL): flat, one key per matrix row or row and tick column.
    let run = smecheck(&["programme", "export", room_s]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    let a = records
        .iter()
        .find(|r| r["score_overall"] == json!(44.62))
        .unwrap();
    assert_eq!(a["q_q4_cad_cam"], json!("5"));
    assert_eq!(a["q_q11_procurement"], json!("no"));
    assert_eq!(a["q_q1_marketing_sales_planned"], json!(true));
    assert_eq!(a["q_q1_project_invested"], json!(false));
    assert_eq!(
        a["q_q2"],
        json!(["needs_aligned", "funding", "it_ready", "management"])
    );
    assert!(a.get("q_q4").is_none(), "no nested object for a matrix");
    // Every record has the same keys.
    let keys = |r: &Value| r.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&records[0]), keys(&records[1]));
}
