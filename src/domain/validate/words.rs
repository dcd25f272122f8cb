//! The words of loading and validating a questionnaire, a catalogue or an answer file: the one
//! table of this layer (#10). A `Said` is made from an entry with `Said::fill`.

crate::bilingual! {
    /// After format problems that had to take part of the file out of the reading.
    CHECKS_WAIT = "{}：其余的检查要等以上问题改正之后才会进行", "{}: the remaining checks run once these problems are fixed";
    TOO_LARGE = "{}：文件有 {} 字节，超过了允许的 {} 字节\n  提示：请确认是不是选错了文件",
        "{}: the file is {} bytes, more than the {} bytes accepted\n  hint: check that this is the right file";

    // Reading JSON (instrument/parse.rs): serde's message is put in an author's words there.
    /// Before serde's message in Chinese; in English the message stands alone.
    JSON_WRONG = "JSON 有误：{}", "{}";
    DID_YOU_MEAN = "是不是想写 `{}`？", "did you mean `{}`?";
    HINT_DUPLICATE_KEY = "保留其中一个，删掉另一个：程序不会猜哪一个算数",
        "keep one of the two and delete the other: which one stands is not guessed";
    HINT_MISSING_COMMA = "这里之前的那个值后面可能少了一个逗号",
        "a comma is probably missing after the value before this point";
    HINT_TRAILING_COMMA = "删掉这个逗号：JSON 不允许在最后一项后面加逗号",
        "remove this comma: JSON allows none after the last item";
    HINT_BARE_WORD = "这里不是 JSON：文字要放在双引号里，只有 true、false 和 null 可以不加引号",
        "this is not JSON here: text must be in double quotes, and only true, false and null are bare words";
    HINT_NOT_JSON = "这里的 JSON 有误：检查是否少了逗号、引号或括号",
        "this is not valid JSON here: look for a missing comma, quote or bracket";
    HINT_FORMAT = "这个值不符合格式：参见 docs/questionnaire-format.md 或 `smecheck questionnaire --schema`",
        "the value does not fit the format: see docs/questionnaire-format.md or `smecheck questionnaire --schema`";

    // Answer files (instrument/mod.rs).
    ANSWERS_OF_ANOTHER = "这份答卷属于问卷 `{}`，不是 `{}`",
        "this answer file belongs to questionnaire `{}`, not `{}`";
    PASS_MATCHING_QUESTIONNAIRE = "用 --questionnaire 路径 指定对应的问卷",
        "pass the matching questionnaire with --questionnaire PATH";
    FIX_OR_REMOVE_ANSWER = "改正或删掉这个答案；`smecheck questionnaire --codebook` 列出了每道题的选项",
        "fix or remove this answer; `smecheck questionnaire --codebook` lists every question's options";
}
