//! Every user-visible string of the interactive self-check, in Chinese and English.

pub use crate::domain::text::{Bilingual as S, fill};

crate::bilingual! {
    APP = "中小企业上云与融资自检", "SME cloud & financing self-check";
    LANGUAGE = "语言", "Language";
    LANG_NAME = "中文", "English";
    PROFILE = "企业信息（可选）", "Firm profile (optional)";
    NOT_SET = "（未填）", "(not set)";
    START = "开始自检", "Start the self-check";
    RESUME = "继续上次的自检", "Resume the last self-check";
    START_OVER = "重新开始", "Start over";
    START_OVER_NOTE = "旧的答卷会保留为备份文件。", "The old answers are kept as a backup file.";
    MINUTES = "约需 {} 分钟", "About {} minutes";
    SAVED_IN = "答案随时自动保存在：", "Answers are saved automatically in:";
    TERMINAL_RAW = "无法把终端切换到交互模式", "cannot switch the terminal to interactive mode";
    TERMINAL_PREPARE = "无法准备终端", "cannot prepare the terminal";
    CANNOT_CREATE = "无法创建文件夹 {}", "cannot create {}";
    CANNOT_SAVE = "无法把答案保存到 {}", "cannot save answers to {}";
    CRASHED = "smecheck 因内部错误而停止。已作答的内容都已保存在 {}，再次运行 smecheck 即可继续。请把上面的错误信息转告给我们。",
        "smecheck stopped because of an internal error. Every answer given so far is saved in {}; run smecheck again to continue. Please pass the lines above on to us.";
    CRASHED_VIEW = "smecheck 因内部错误而停止，工作坊文件夹里的答卷没有受到影响。请把上面的错误信息转告给我们，然后重新运行这条命令。",
        "smecheck stopped because of an internal error; the responses in the workshop folder are untouched. Please pass the lines above on to us, then run the command again.";
    ANSWERED_OF = "已答 {} / {} 题", "{} of {} answered";
    SAVED_AT = "保存于", "saved";
    DROPPED = "旧版本问卷中有 {} 个答案无法对应，已略过：", "{} answers from another questionnaire version no longer match and were left out:";
    UNREADABLE = "原答卷文件无法读取，已保留副本：", "The answer file could not be read; a copy was kept at:";
    DONT_KNOW = "不清楚", "Don't know";
    TYPE_NUMBER = "输入数字后按 Enter", "Type a number, then Enter";
    TYPE_TEXT = "输入文字后按 Enter（可留空）", "Type your answer, then Enter (may be left empty)";
    RANGE = "请输入 {min} 到 {max} 之间的数字", "Enter a number from {min} to {max}";
    NOT_A_NUMBER = "“{}”不是数字，请只输入数字，例如 25 或 12.5", "\"{}\" is not a number; type digits only, e.g. 25 or 12.5";
    ANSWER_IS = "当前回答：", "Current answer: ";
    MULTI_HINT = "可多选：空格勾选，Enter 继续", "Tick all that apply: Space to tick, Enter to go on";
    HELP_TITLE = "这道题是什么意思", "What this question means";
    EXAMPLE = "例子", "Example";
    SECTIONS = "章节", "Sections";
    REVIEW = "检查答案", "Review your answers";
    UNANSWERED = "未答", "unanswered";
    REVIEW_TODO = "还有 {} 题未答（已标出）。可以跳过，但结果的可信度会降低。", "{} questions are still unanswered (marked). You may finish anyway, but the result is less certain.";
    REVIEW_DONE = "全部题目已回答。", "Every question is answered.";
    RESULTS = "自检结果（估算）", "Your results (estimate)";
    TAB_OVERVIEW = "总览", "Overview";
    TAB_LADDER = "上云阶梯", "Cloud ladder";
    TAB_RECS = "建议", "Recommendations";
    OVERALL = "总分", "Overall";
    CONFIDENCE = "可信度", "Confidence";
    CONFIDENCE_LINE = "{a} 题已答，{d} 题不清楚，{u} 题未答（共 {n} 题）", "{a} answered, {d} don't know, {u} unanswered (of {n})";
    NO_DATA = "无数据", "no data";
    YOU_ARE_HERE = "你在这里", "you are here";
    NEXT_RUNG = "要登上“{}”，还需要：", "To reach \"{}\", you still need:";
    TOP_RUNG = "已在最高一级。", "You are on the top rung.";
    HELD_ABOVE = "更高几级的部分条件已满足，但下面的台阶还没站稳：", "Some higher rungs' conditions hold, but a lower rung is not yet in place:";
    BREADTH = "广度", "Breadth";
    NO_RECS = "没有触发任何建议。", "No recommendation was triggered.";
    PRIORITY = "优先级", "priority";
    WHY = "为什么提出这条建议", "Why this applies to you";
    NEXT_STEPS = "下一步", "Next steps";
    PROPOSAL = "来源提案", "The proposal";
    SOURCE = "出处", "Source";
    ESTIMATE_NOTE = "本结果为自评估算，不是官方评级。", "This is a self-assessment estimate, not an official rating.";
    WHATIF = "假设一下：改动答案，看结果怎么变（尚未保存）", "What if: change answers and watch the result move (not saved yet)";
    WHATIF_UNCHANGED = "尚无改动", "No changes yet";
    WHATIF_CHANGED = "已改动 {} 题", "{} answers changed";
    WHATIF_MULTI = "（多选题：在选项上按 ←→ 或空格勾选）", "(multiple choice: ←→ or Space ticks an option)";
    WHATIF_SAVED = "已采用假设的答案并保存。", "The what-if answers were adopted and saved.";
    WHATIF_DISCARDED = "假设的改动已放弃。", "What-if changes discarded.";
    EXPORTED = "已导出：", "Exported:";
    EXPORT_TITLE = "导出建议报告", "Export the recommendation report";
    EXPORT_HTML = "网页（HTML）：浏览器打开，可打印成 A4 或存为 PDF", "Web page (HTML): open in a browser, print on A4 or save as PDF";
    EXPORT_TEXT = "纯文本：可粘贴到微信或邮件", "Plain text: pastes into WeChat or e-mail";
    EXPORT_MD = "Markdown：带表格的文档", "Markdown: a document with tables";
    EXPORT_JSON = "JSON：给其他软件读取", "JSON: for other software";
    EXPORT_WHERE = "文件保存在答卷旁边：", "Saved next to the answer file:";
    REPLACE_TITLE = "文件已存在", "The file exists";
    REPLACE_BODY = "要用新的报告替换它吗？", "Replace it with the new report?";
    EXPORT_FAILED = "导出失败：", "Export failed:";
    SAVE_FAILED = "保存失败（答案仍在内存中，修复后会再次保存）：", "Saving failed (answers are kept in memory and saved again on the next change):";
    QUIT_TITLE = "退出自检？", "Quit the self-check?";
    QUIT_BODY = "你的答案已保存在：", "Your answers are saved in:";
    QUIT_RESUME = "下次启动时可以从这里继续。", "Next time you start, you can resume from here.";
    QUIT_KEYS = "y 退出    n 继续答题", "y quit    n keep going";
    QUIT_UNSAVED = "最近的答案没有保存成功：", "Your latest answers were NOT saved:";
    QUIT_RESCUE = "现在退出的话，全部答案会另存到另一个文件夹，并告诉你存在哪里。也可以先解决问题（例如腾出磁盘空间）再继续答题，下一次保存会重试。",
        "If you quit now, all your answers are saved in another folder instead, and you are told where. Or fix the problem (e.g. free some disk space) and keep going: the next save tries again.";
    TOO_SMALL = "窗口太小：{w}×{h}。smecheck 至少需要 80×24。", "The window is {w}×{h}; smecheck needs at least 80×24.";
    TOO_SMALL_HINT = "请放大窗口或调小字号。答案已保存。", "Please enlarge the window or use a smaller font. Your answers are saved.";
}
