use std::fs;
use std::time::{Duration, SystemTime};

use super::csv::neutralise;
use super::*;
use crate::domain::answers::{Answer, AnswerSet};
use crate::domain::model::QuestionId;
use crate::domain::sample::{Lean, Rng, generate};

const NAME: &str = "张三五金<b>Hardware</b>";

/// A workshop with five finished firms (names in their profiles), one part-way, one foreign
/// file; the first firm typed a formula into the free-text question.
fn room(named_title: &str) -> (tempfile::TempDir, Workshop, Room) {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = Workshop::create(
        &tmp.path().join("w"),
        named_title,
        None,
        None,
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_547_445),
        Lang::En,
    )
    .expect("created");
    let q = &ws.inst.questionnaire;
    let mut rng = Rng::new(99);
    for i in 0..6 {
        let mut a: AnswerSet = generate(q, &mut rng, Lean::Any);
        a.profile.insert("name".into(), format!("{NAME} {i}"));
        if i == 0 {
            a.set(
                QuestionId::from("x_wish"),
                Answer::Text("=HYPERLINK(\"http://evil\",\"click\")".into()),
            );
        }
        if i == 5 {
            for x in &q.questions[20..] {
                a.clear(&x.id);
            }
        }
        let bytes = serde_json::to_vec(&a.to_file(q, None)).expect("json");
        ws.add_response(&bytes, Lang::En).expect("added");
    }
    fs::write(
        ws.responses_dir().join("KKKKKK.json"),
        r#"{"questionnaire": {"id": "other", "version": "1"}, "answers": {}}"#,
    )
    .expect("write");
    let mut room = Room::new();
    room.scan(&ws, SystemTime::now() + Duration::from_secs(3600));
    (tmp, ws, room)
}

/// A CSV's header and rows, past its byte-order mark.
fn parse(csv: &str) -> (Vec<String>, Vec<::csv::StringRecord>) {
    let mut reader = ::csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head = reader.headers().expect("header").iter().map(String::from);
    let head = head.collect();
    (head, reader.records().map(|r| r.expect("row")).collect())
}

fn render(ws: &Workshop, room: &Room, format: Format, named: bool, lang: Lang) -> String {
    let mut out = Vec::new();
    write(&Report::new(ws, room, named, lang), format, &mut out).expect("written");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn formula_cells_are_neutralised_and_numbers_left_alone() {
    assert_eq!(neutralise("=1+1"), "'=1+1");
    assert_eq!(neutralise("+86 138"), "'+86 138");
    assert_eq!(neutralise("-2+3"), "'-2+3");
    assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralise("\t=1"), "'\t=1");
    assert_eq!(neutralise("-"), "'-");
    assert_eq!(neutralise("-12.5"), "-12.5");
    assert_eq!(neutralise("-3"), "-3");
    assert_eq!(neutralise("42"), "42");
    assert_eq!(neutralise("更多订单"), "更多订单");
    assert_eq!(neutralise(""), "");
}

#[test]
fn the_csv_has_a_bom_one_row_per_firm_and_a_column_per_question() {
    let (_tmp, ws, room) = room("Salon");
    let csv = render(&ws, &room, Format::Csv, false, Lang::En);
    assert!(
        csv.starts_with('\u{feff}'),
        "Excel needs the BOM for Chinese text"
    );
    let (head, rows) = parse(&csv);
    assert_eq!(head[0], "firm_code");
    assert!(!head.contains(&"firm_name".to_string()));
    assert!(!head.contains(&"profile.name".to_string()));
    // Free text can name a firm: it has a column only in the named CSV (issue 13, 16).
    for x in &ws.inst.questionnaire.questions {
        let free_text = x.kind == crate::domain::QuestionKind::Text;
        assert_eq!(
            head.contains(&x.id.to_string()),
            !free_text,
            "column for {}",
            x.id
        );
    }
    for col in [
        "score.overall",
        "score.cloud",
        "score.finance",
        "rung.cloud_depth",
        "dim.cloud.core",
    ] {
        assert!(head.contains(&col.to_string()), "no column {col}");
    }
    assert_eq!(rows.len(), 6, "one row per readable response");
    for r in &rows {
        for cell in r.iter() {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell could run as a formula: {cell}"
            );
        }
    }
    let status = head.iter().position(|h| h == "status").expect("status");
    assert_eq!(
        rows.iter()
            .filter(|r| r.get(status) == Some("in_progress"))
            .count(),
        1
    );
    assert!(!csv.contains(NAME));
    let named = render(&ws, &room, Format::Csv, true, Lang::En);
    assert!(named.contains("firm_name"));
    assert!(named.contains(NAME));
    let (head, rows) = parse(&named);
    let wish = head.iter().position(|h| h == "x_wish").expect("x_wish");
    assert!(
        rows.iter()
            .any(|r| r.get(wish) == Some("'=HYPERLINK(\"http://evil\",\"click\")")),
        "the formula is shown as text"
    );
}

#[test]
fn no_name_in_any_room_output_unless_asked() {
    let (_tmp, ws, room) = room("Salon");
    for lang in Lang::ALL {
        for format in [Format::Md, Format::Html, Format::Csv, Format::Json] {
            let out = render(&ws, &room, format, false, lang);
            assert!(
                !out.contains("张三五金"),
                "{format:?} {lang:?} names a firm"
            );
            assert!(
                !out.contains("Hardware"),
                "{format:?} {lang:?} names a firm"
            );
            let named = render(&ws, &room, format, true, lang);
            assert!(
                named.contains("张三五金"),
                "{format:?} {lang:?} --named shows names"
            );
        }
    }
}

#[test]
fn html_is_self_contained_and_escaped() {
    let (_tmp, ws, room) = room("Salon <script>alert(1)</script> & \"friends\"");
    let html = render(&ws, &room, Format::Html, true, Lang::Zh);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"zh-CN\">"));
    assert!(!html.contains("<script"), "nothing runs");
    assert!(
        html.contains("Content-Security-Policy\" content=\"default-src 'none'"),
        "the firm report's page head, policy included"
    );
    assert!(html.trim_end().ends_with("</main>\n</body>\n</html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
    assert!(
        html.contains("张三五金&lt;b&gt;Hardware&lt;/b&gt;"),
        "names are escaped too"
    );
    for outside in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "fetches {outside}");
    }
    let md = render(&ws, &room, Format::Md, true, Lang::En);
    assert!(md.contains("\\<script\\>"), "Markdown shows it as text");
}

#[test]
fn the_report_has_what_the_organiser_needs() {
    let (_tmp, ws, room) = room("Salon");
    let md = render(&ws, &room, Format::Md, false, Lang::En);
    for part in [
        "# Salon — cohort report",
        "Date: 2026-11-24",
        "Questionnaire: smecheck-core",
        "6 firms: 5 finished, 1 in progress.",
        "1 more file could not be counted",
        "## Cloud depth ladder: firms on each rung",
        "## Levels: Financing readiness",
        "## Each dimension: median and quartiles",
        "## The most common gaps",
        "Broad but shallow",
        "## The proposals the room needs: what to bring next time",
        "Bring next time: ",
        "Most common next steps: ",
        "## Results per firm (anonymised, by firm code)",
        "## Files not counted",
        "KKKKKK.json",
    ] {
        assert!(md.contains(part), "missing {part:?} in\n{md}");
    }
    let zh = render(&ws, &room, Format::Md, false, Lang::Zh);
    assert!(zh.contains("# Salon——群体报告"), "{zh}");
    assert!(zh.contains("下次带来："), "{zh}");
    // What to bring is the catalogue's own advice for the most needed proposal.
    let report = Report::new(&ws, &room, false, Lang::En);
    let top = report.cohort.needs.first().expect("a needed proposal");
    let own = ws
        .inst
        .proposals
        .get(&top.proposal)
        .and_then(|p| p.bring.as_ref())
        .expect("the catalogue says what to bring");
    assert!(md.contains(&format!("Bring next time: {}", own.en)), "{md}");
}

#[test]
fn same_folder_same_bytes() {
    let (_tmp, ws, room) = room("Salon");
    for format in [Format::Md, Format::Html, Format::Csv, Format::Json] {
        let a = render(&ws, &room, format, false, Lang::En);
        let mut again = Room::new();
        again.scan(&ws, SystemTime::now());
        let b = render(&ws, &again, format, false, Lang::En);
        assert_eq!(a, b, "{format:?} is not reproducible");
    }
}

#[test]
fn the_report_read_straight_from_the_folder_is_the_report_on_the_room() {
    let (_tmp, ws, room) = room("Salon");
    for named in [false, true] {
        for lang in [Lang::En, Lang::Zh] {
            for format in [Format::Md, Format::Html, Format::Json] {
                let held = render(&ws, &room, format, named, lang);
                let report = Report::stream(&ws, named, lang).expect("read");
                assert!(matches!(
                    report.firms,
                    firm::Firms::Spilled { count: 6, .. }
                ));
                assert_eq!(report.problems.len(), 1, "the foreign file");
                let mut out = Vec::new();
                write(&report, format, &mut out).expect("written");
                let streamed = String::from_utf8(out).expect("utf-8");
                assert_eq!(held, streamed, "{format:?} named={named} {lang:?}");
                // Writing twice reads the set-aside firms again from the start.
                let mut again = Vec::new();
                write(&report, format, &mut again).expect("written");
                assert_eq!(streamed.as_bytes(), again, "{format:?} twice");
            }
        }
    }
}

#[test]
fn a_folder_that_cannot_be_listed_is_a_problem_in_the_report() {
    let (_tmp, ws, _room) = room("Salon");
    fs::remove_dir_all(ws.responses_dir()).expect("removed");
    let report = Report::stream(&ws, false, Lang::En).expect("read");
    assert!(report.firms.is_empty());
    assert_eq!(report.problems.len(), 1);
    assert_eq!(
        report.problems[0].kind,
        crate::workshop::room::ProblemKind::Folder
    );
}

#[test]
fn counts_of_one_or_two_firms_are_suppressed_in_the_cohort_report() {
    let (_tmp, ws, room) = room("Salon");
    let cohort = &room.cohort(&ws);
    let small = cohort
        .areas
        .iter()
        .flat_map(|a| &a.levels)
        .any(|c| (1..3).contains(&c.count));
    assert!(
        small,
        "the fixture room has a level held by one or two firms"
    );
    let md = render(&ws, &room, Format::Md, false, Lang::En);
    assert!(md.contains("\\<3"), "a small count is written <3");
    let html = render(&ws, &room, Format::Html, false, Lang::Zh);
    assert!(html.contains("&lt;3"), "a small count is written <3");
}

#[test]
fn a_standing_resting_on_too_few_answers_is_marked_provisional() {
    use crate::domain::cohort::{Place, Standing};
    let (_tmp, ws, _room) = room("Salon");
    let q = &ws.inst.questionnaire;
    // Every question "don't know" where offered: finished, but on almost no real answers.
    let mut answers = generate(q, &mut Rng::new(5), Lean::Any);
    for x in &q.questions {
        if x.dont_know {
            answers.set(x.id.clone(), crate::domain::answers::Answer::DontKnow);
        }
    }
    let card = crate::domain::score(&ws.inst, &answers);
    assert!(card.confidence.is_provisional(), "{:?}", card.confidence);
    let s = Standing {
        area: "overall".into(),
        score: card.overall_score.unwrap_or(0.0),
        place: Place::UpperQuartile,
        of: 12,
    };
    for lang in Lang::ALL {
        let text = super::standing_text(&card, &s, lang);
        assert!(
            text.ends_with(crate::domain::output::PROVISIONAL.get(lang)),
            "{text}"
        );
    }
    let sure = crate::domain::score(&ws.inst, &generate(q, &mut Rng::new(5), Lean::Any));
    if !sure.confidence.is_provisional() {
        assert!(!super::standing_text(&sure, &s, Lang::En).contains("provisional"));
    }
}
