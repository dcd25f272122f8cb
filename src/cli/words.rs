//! Every word the command line says, in Chinese and English: one `bilingual!` table (the
//! `--help` texts are clap's doc comments and [`super::help`]'s Chinese table).

crate::bilingual! {
    OUTPUT_EXISTS = "{} 已存在；如要覆盖，请加 --force", "{} already exists; pass --force to replace it";
    OUTPUT_FAILED = "无法写入报告 {}：{}", "cannot write the report to {}: {}";
    OUTPUT_WRITTEN = "已写入报告：{}", "Report written: {}";
    /// After an area's title: where the firm stands among the room's firms.
    IN_THIS_ROOM = "在本场（{} 家）", " in this room ({} firm)" | " in this room ({} firms)";
    OUTPUT_IS_INPUT = "{} 是这份报告读取的文件，不能用报告覆盖它（--force 也不行）\n  提示：用 -o 指定另一个文件名", "{} is a file this report is made from; it is never overwritten with the report, not even with --force\n  hint: pass another file name with -o";
    SHORT_NEEDS_TEXT = "--short 只用于 --format text：请去掉 --short，或改用 --format text",
        "--short works with --format text only: drop --short or use --format text";
    TOO_FEW_TO_PLACE = "注意：本场已完成的企业太少，暂不能比较这家企业在全场的位置",
        "note: the workshop has too few finished firms to place this one in the room";
    VALIDATE_OK = "通过：{}：{} {}（{}），{}，{}；每一级台阶和每一个提案（共 {} 个）都能达到",
        "ok: {}: {} {} ({}), {}, {}; every rung and every proposal ({}) is reachable";
    VALIDATE_OK_NO_RECOMMENDATIONS = "通过：{}：{} {}（{}），{}；这份问卷不给建议（没有建议目录）；每一级台阶都能达到",
        "ok: {}: {} {} ({}), {}; this questionnaire gives no recommendations (it has no catalogue); every rung is reachable";
    QUESTIONS = "{} 道题", "{} question" | "{} questions";
    RULES = "{} 条规则", "{} rule" | "{} rules";
    VALIDATE_WARNING = "{}:{}: 警告：{}\n  提示：{}", "{}:{}: warning: {}\n  hint: {}";
    A_QUESTIONNAIRE = "问卷文件", "questionnaire";
    AN_ANSWER_FILE = "答卷文件", "answer file";
    READ_FAILED = "无法读取{} {}：{}\n  提示：请确认路径无误、文件存在并且允许读取",
        "cannot read {} {}: {}\n  hint: check that the path is right and the file exists and may be read";
    NOT_UTF8 = "{}：这个{}不是 UTF-8 文本（第 {} 个字节无效）\n  提示：请用 UTF-8 编码另存一份再试",
        "{}: the {} is not valid UTF-8 text (bad byte at offset {})\n  hint: save it as UTF-8 and try again";
    OTHER_VERSION = "注意：{} 是用问卷 {} 版保存的，现在是 {} 版；答案已按题目编号对应", "note: {} was saved with questionnaire version {}, this is {}; answers were matched by question id";
    DROPPED = "注意：答案 `{}` 未采用：{}", "note: dropped answer `{}`: {}";
    NO_SUCH = "没有名为 `{}` 的问卷，也没有这个文件；已知的问卷：{}\n  提示：{}",
        "no such questionnaire `{}` (nor a file of that name); known: {}\n  hint: {}";
    HOW_TO_NAME = "用 `smecheck questionnaire --list` 列出的名字，或者问卷文件的路径",
        "give a name that `smecheck questionnaire --list` shows, or the path of a questionnaire file";
    LIST_LINE = "{}  ·  版本 {}  ·  语言：{}  ·  {}", "{}  ·  version {}  ·  languages: {}  ·  {}";
    LIST_USE = "使用：--questionnaire 名字（例如 --questionnaire {}），或者问卷文件的路径；同名的文件优先。",
        "Use: --questionnaire NAME (e.g. --questionnaire {}), or the path of a questionnaire file; a file of that name wins.";
}
