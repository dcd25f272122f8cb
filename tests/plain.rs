//! Plain mode driven by piped stdin, from the first prompt to the printed result.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use assert_cmd::Command;

fn mini() -> String {
    format!(
        "{}/tests/fixtures/questionnaires/valid/mini.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn smecheck() -> Command {
    Command::cargo_bin("smecheck").expect("binary")
}

#[test]
fn piped_answers_reach_the_result() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("plain.json");
    // Profile: name, region; then tools (multi), has_plant, erp, tax, staff, channels, wish.
    // Includes a wrong entry (9) and a help request, both answered again.
    let input = "Acme 有限公司\n2\n1 2\n2\n9\n1\n?\n1\nabc\n25\n1\nfaster loans\n";
    let out = smecheck()
        .args([
            "run",
            "--plain",
            "--lang",
            "en",
            "--questionnaire",
            &mini(),
            "--answers",
        ])
        .arg(&answers)
        .write_stdin(input)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("[1/7] Cloud depth · Basic tools"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Please enter one of the numbers shown: 1 2 3"),
        "a wrong number is refused: {stdout}"
    );
    assert!(stdout.contains("Help."), "? shows the help text");
    assert!(stdout.contains("\"abc\" is not a number"));
    assert!(
        stdout.contains("Recommendations"),
        "ends with the text result: {stdout}"
    );
    assert!(
        !stdout.contains('\x1b'),
        "no escape sequences in plain mode"
    );
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&answers).expect("saved")).expect("json");
    assert_eq!(file["profile"]["name"], "Acme 有限公司");
    assert_eq!(file["profile"]["region"], "county");
    assert_eq!(
        file["answers"]["tools"],
        serde_json::json!(["office", "finance"])
    );
    assert_eq!(file["answers"]["erp"], "yes");
    assert_eq!(file["answers"]["staff"], 25.0);
    assert_eq!(file["answers"]["wish"], "faster loans");
}

#[test]
fn input_ending_early_keeps_answers_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("half.json");
    smecheck()
        .args([
            "run",
            "--plain",
            "--lang",
            "zh",
            "--questionnaire",
            &mini(),
            "--answers",
        ])
        .arg(&answers)
        .write_stdin("\n\n3\n1\n")
        .assert()
        .success();
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&answers).expect("saved")).expect("json");
    assert_eq!(file["answers"]["tools"], serde_json::json!(["video"]));
    assert_eq!(file["answers"]["has_plant"], "yes");

    // Without --plain: stdin is not a terminal, so plain mode is chosen by itself.
    let out = smecheck()
        .args([
            "run",
            "--lang",
            "zh",
            "--questionnaire",
            &mini(),
            "--answers",
        ])
        .arg(&answers)
        .write_stdin("b\n")
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("继续上次的自检"), "{stdout}");
    assert!(
        stdout.contains("[3/8]"),
        "resumes at the MES question, third of eight: {stdout}"
    );
}

/// Plain mode as a screen reader speaks it: words, not symbols; the position in the ladder
/// said as "you are here (rung N of M)"; a review before the results; the results part by
/// part with a pause between; an offer to write the report; the exact command to resume.
#[test]
fn a_screen_reader_hears_words_in_parts_with_a_review_and_a_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("reader.json");
    // Profile (name, region); tools, has_plant, erp, tax skipped, staff, channels, wish;
    // the review: answer question 4 (tax) with 1, then Enter for the results; the first pause
    // answered with Enter, the second with q (skip the rest); the report offer: 2 (Markdown), then
    // Enter.
    let input = "\n\n1\n2\n1\n\n25\n1\nloans\n4\n1\n\n\nq\n2\n\n";
    let out = smecheck()
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .args([
            "run",
            "--plain",
            "--lang",
            "en",
            "--questionnaire",
            &mini(),
            "--answers",
        ])
        .arg(&answers)
        .write_stdin(input)
        .assert()
        .success();
    let heard = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let review = heard
        .find("Review: 1 question is still unanswered:")
        .expect("a review before the results");
    let results = heard.find("Overall:").expect("the results");
    assert!(review < results, "the review comes first:\n{heard}");
    assert!(
        heard.contains("Review: all 7 questions are answered."),
        "{heard}"
    );
    assert!(
        heard.contains("(Part 1 of "),
        "results come in parts:\n{heard}"
    );
    assert!(heard.contains("(Part 2 of "), "{heard}");
    assert!(
        !heard.contains("(Part 3 of "),
        "q skipped the rest:\n{heard}"
    );
    for symbol in ['▶', '✓', '█', '░', '\x1b'] {
        assert!(
            !heard.contains(symbol),
            "{symbol:?} is read out as a symbol:\n{heard}"
        );
    }
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&answers).expect("saved")).expect("json");
    assert_eq!(file["answers"]["tax"], "a", "answered from the review");
    assert!(heard.contains("Write the recommendation report to a file?"));
    assert!(heard.contains("reader-report.md"), "{heard}");
    assert!(dir.path().join("reader-report.md").is_file());
    assert!(
        heard.contains("To resume: smecheck run --plain --answers"),
        "{heard}"
    );
    // The number question offers no "0)": its keys are those of the full screen.
    assert!(!heard.contains("0) "), "{heard}");
}

/// The ladder in the text result says where the firm stands in words.
#[test]
fn the_ladder_is_spoken_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("words.json");
    let out = smecheck()
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .args([
            "run",
            "--plain",
            "--lang",
            "zh",
            "--questionnaire",
            &mini(),
            "--answers",
        ])
        .arg(&answers)
        .write_stdin("\n\n1 2\n2\n1\n1\n25\n1\nloans\n\n")
        .assert()
        .success();
    let heard = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(heard.contains("你在这里（第 "), "{heard}");
    assert!(heard.contains("检查答案：7 道题全部已回答。"), "{heard}");
    assert!(
        heard.contains("继续作答：smecheck run --plain --answers"),
        "{heard}"
    );
    for symbol in ['▶', '✓', '\x1b'] {
        assert!(!heard.contains(symbol), "{symbol:?}:\n{heard}");
    }
}
