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
