//! `--help` through the real binary speaks the locale's language, or `--lang`'s.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test's unwrap is a failed test

use assert_cmd::Command;

fn help(args: &[&str], lang_env: &str) -> String {
    let out = Command::cargo_bin("smecheck")
        .expect("binary")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", lang_env)
        .args(args)
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn help_is_chinese_for_a_chinese_locale_and_english_for_an_english_one() {
    let zh = help(&["--help"], "zh_CN.UTF-8");
    assert!(zh.contains("用法：smecheck"), "{zh}");
    assert!(zh.contains("开始或继续交互式自检"), "{zh}");
    assert!(zh.contains("显示本帮助，或某个命令的帮助"), "{zh}");
    assert!(
        !zh.contains("Print this message"),
        "clap's own help line in Chinese too: {zh}"
    );
    let en = help(&["--help"], "en_US.UTF-8");
    assert!(en.contains("Usage: smecheck"), "{en}");
    assert!(
        en.contains("Start or resume the interactive self-check"),
        "{en}"
    );
    // Every subcommand, and --lang overrides the locale.
    for sub in [
        &["run"][..],
        &["score"],
        &["validate"],
        &["questionnaire"],
        &["report"],
        &["compare"],
        &["workshop"],
        &["workshop", "new"],
        &["workshop", "import"],
        &["workshop", "present"],
        &["workshop", "dashboard"],
        &["workshop", "serve"],
        &["workshop", "report"],
        &["programme"],
        &["programme", "report"],
        &["programme", "export"],
    ] {
        let mut args = sub.to_vec();
        args.push("--help");
        let zh = help(&args, "zh_CN.UTF-8");
        assert!(zh.contains("用法："), "{sub:?}: {zh}");
        assert!(
            !zh.contains("Usage:") && !zh.contains("Options:"),
            "{sub:?}: {zh}"
        );
        let en = help(&args, "en_US.UTF-8");
        assert!(en.contains("Usage:"), "{sub:?}: {en}");
    }
    let zh = help(&["run", "--lang", "zh", "--help"], "en_US.UTF-8");
    assert!(zh.contains("逐行提问"), "{zh}");
    let en = help(&["run", "--lang=en", "--help"], "zh_CN.UTF-8");
    assert!(en.contains("Line-by-line prompts"), "{en}");
}
