//! Every user-visible string of the terminal layer, in Chinese and English: the full-screen
//! views, plain mode, the key-hint bar, opening and saving a session, follow-up checks, and
//! the presenter view and room dashboard.

pub use crate::domain::text::Bilingual;

/// The words that name a report format where one is chosen.
pub fn export_label(format: crate::domain::report::ReportFormat) -> Bilingual {
    use crate::domain::report::ReportFormat;
    match format {
        ReportFormat::Html => EXPORT_HTML,
        ReportFormat::Text => EXPORT_TEXT,
        ReportFormat::Md => EXPORT_MD,
        ReportFormat::Json => EXPORT_JSON,
    }
}

crate::bilingual! {
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
    TERMINAL_PREPARE = "无法准备终端", "cannot prepare the terminal";
    CANNOT_SAVE = "无法把答案保存到 {}", "cannot save answers to {}";
    CRASHED = "smecheck 因内部错误而停止。已作答的内容都已保存在 {}，再次运行 smecheck 即可继续。请把上面的错误信息转告给我们。",
        "smecheck stopped because of an internal error. Every answer given so far is saved in {}; run smecheck again to continue. Please pass the lines above on to us.";
    CRASHED_VIEW = "smecheck 因内部错误而停止，工作坊文件夹里的答卷没有受到影响。请把上面的错误信息转告给我们，然后重新运行这条命令。",
        "smecheck stopped because of an internal error; the responses in the workshop folder are untouched. Please pass the lines above on to us, then run the command again.";
    ANSWERED_OF = "已答 {} / {} 题", "{} of {} answered";
    SAVED_AT = "保存于", "saved";
    DROPPED = "旧版本问卷中有 {} 个答案无法对应，已略过：", "{} answer from another questionnaire version no longer matches and was left out:" | "{} answers from another questionnaire version no longer match and were left out:";
    UNREADABLE = "原答卷文件无法读取，已保留副本：", "The answer file could not be read; a copy was kept at:";
    TYPE_NUMBER = "输入数字后按 Enter", "Type a number, then Enter";
    SKIP_MEANS = "不确定可按 → 跳过：跳过的题不计分，不会算成最差答案", "Unsure? → skips: a skipped question leaves the score, never counts as worst";
    CHOOSE_FIRST = "还没有选：按选项前的数字，或用 ↑↓ 移到一项再按 Enter；→ 跳过", "Nothing chosen: press an option's number, or ↑↓ then Enter; → skips";
    TYPE_TEXT = "输入文字后按 Enter（可留空）", "Type your answer, then Enter (may be left empty)";
    RANGE = "请输入 {} 到 {} 之间的数字", "Enter a number from {} to {}";
    ANSWER_IS = "当前回答：", "Current answer: ";
    MULTI_HINT = "可多选：空格勾选，Enter 继续", "Tick all that apply: Space to tick, Enter to go on";
    MATRIX_HINT = "逐行回答：↑↓ 选行，按列的数字选定，Enter 继续", "Row by row: ↑↓ picks a row, a column's number answers it, Enter goes on";
    MATRIX_TICKS_HINT = "逐行勾选：↑↓ 选行，按列的数字勾选/取消，- 表示这一行都不勾，Enter 继续", "↑↓ picks a row, a column's number ticks/unticks it, - ticks none, Enter goes on";
    MATRIX_PLAIN = "逐行回答：输入该行所选项的编号；直接回车保留原样；d 不清楚、n 不适用指整道题", "Row by row: enter the number of the row's answer; Enter keeps the row as it is; d (don't know) and n (not applicable) answer the whole question";
    MATRIX_TICKS_PLAIN = "逐行勾选：输入要勾的编号，用空格或逗号分开，- 表示都不勾；直接回车保留原样", "Row by row: enter the numbers to tick, separated by spaces or commas, - for none; Enter keeps the row as it is";
    MATRIX_ROWS_DONE = "已答 {} / {} 行", "{} of {} rows answered";
    HELP_TITLE = "这道题是什么意思", "What this question means";
    EXAMPLE = "例子", "Example";
    SECTIONS = "章节", "Sections";
    REVIEW = "检查答案", "Review your answers";
    UNANSWERED = "未答", "unanswered";
    REVIEW_TODO = "还有 {} 题未答（已标出）。可以跳过，但结果的可信度会降低。", "{} question is still unanswered (marked). You may finish anyway, but the result is less certain." | "{} questions are still unanswered (marked). You may finish anyway, but the result is less certain.";
    REVIEW_DONE = "全部题目已回答。按 f 查看结果，或按 Enter 修改选中的一题。", "Every question is answered. Press f to see your results, or Enter to change the highlighted one.";
    RESULTS = "自检结果（估算）", "Your results (estimate)";
    TAB_SUMMARY = "摘要", "Summary";
    TAB_PLAN = "计划", "Plan";
    TAB_OVERVIEW = "总览", "Overview";
    TAB_LADDER = "上云阶梯", "Cloud ladder";
    TAB_RECS = "建议", "Recommendations";
    OVERALL = "总分", "Overall";
    CONFIDENCE = "可信度", "Confidence";
    CONFIDENCE_LINE = "{} 题已答，{} 题不清楚，{} 题未答（共 {} 题）", "{} answered, {} don't know, {} unanswered (of {})";
    ANSWERED_SHARE = "已答", "answered";
    THIN = "作答少", "thin";
    YOU_ARE_HERE = "你在这里", "you are here";
    NEXT_RUNG = "要登上“{}”，还需要：", "To reach \"{}\", you still need:";
    TOP_RUNG = "已在最高一级。", "You are on the top rung.";
    HELD_ABOVE = "更高几级的部分条件已满足，但下面的台阶还没站稳：", "Some higher rungs' conditions hold, but a lower rung is not yet in place:";
    BREADTH = "广度", "Breadth";
    NO_RECS = "没有触发任何建议。", "No recommendation was triggered.";
    WHY = "为什么提出这条建议", "Why this applies to you";
    NEXT_STEPS = "下一步", "Next steps";
    ESTIMATE_NOTE = "本结果为自评估算，不是官方评级。", "This is a self-assessment estimate, not an official rating.";
    WHATIF = "假设一下：改动答案，看结果怎么变（尚未保存）", "What if: change answers and watch the result move (not saved yet)";
    WHATIF_UNCHANGED = "尚无改动", "No changes yet";
    WHATIF_CHANGED = "已改动 {} 题", "{} answer changed" | "{} answers changed";
    WHATIF_DISCARD_Q = "放弃这些假设的改动？已保存的答案不受影响。", "Discard these what-if changes? Your saved answers stay as they are.";
    WHATIF_ADOPT_Q = "把假设的答案采用为正式答案并保存？这些题会在答卷和报告中标明“来自假设（{}）”。", "Adopt the what-if answers as your answers and save them? These questions are marked \"changed in what-if ({})\" in the answer file and in reports.";
    FIND = "查找题目 /", "Find a question /";
    WHATIF_NOTHING = "没有改动，无需采用。", "No changes to adopt.";
    WHATIF_LEAVE = "离开假设", "Leave what-if";
    WHATIF_MULTI = "（多选题：在选项上按 ←→ 或空格勾选）", "(multiple choice: ←→ or Space ticks an option)";
    WHATIF_SAVED = "已采用假设的答案并保存。", "The what-if answers were adopted and saved.";
    WHATIF_DISCARDED = "假设的改动已放弃。", "What-if changes discarded.";
    EXPORTED = "已导出：", "Exported:";
    EXPORT_KEPT = "没有导出：原来的文件保持不变。", "Nothing exported: the existing file was kept.";
    EXPORT_TITLE = "导出建议报告", "Export the recommendation report";
    EXPORT_HTML = "网页（HTML）：浏览器打开，可打印成 A4 或存为 PDF", "Web page (HTML): open in a browser, print on A4 or save as PDF";
    EXPORT_TEXT = "纯文本：可粘贴到微信或邮件", "Plain text: pastes into WeChat or e-mail";
    EXPORT_MD = "Markdown：带表格的文档", "Markdown: a document with tables";
    EXPORT_JSON = "JSON：给其他软件读取", "JSON: for other software";
    EXPORT_WHERE = "报告将保存为：", "The report is saved as:";
    REPLACE_TITLE = "文件已存在", "The file exists";
    REPLACE_BODY = "要用新的报告替换它吗？", "Replace it with the new report?";
    EXPORT_FAILED = "导出失败：", "Export failed:";
    SAVE_FAILED = "保存失败（答案仍在内存中，修复后会再次保存）：", "Saving failed (answers are kept in memory and saved again on the next change):";
    QUIT_TITLE = "退出自检？", "Quit the self-check?";
    QUIT_BODY = "你的答案已保存在：", "Your answers are saved in:";
    QUIT_NOTHING = "还没有回答任何题目，不会写入任何文件。", "Nothing is answered yet, so no file is written.";
    TODAY = "今天", "today";
    QUIT_RESUME = "下次启动时可以从这里继续。", "Next time you start, you can resume from here.";
    QUIT_KEYS = "y 退出    n 继续", "y quit    n stay";
    QUIT_UNSAVED = "最近的答案没有保存成功：", "Your latest answers were NOT saved:";
    QUIT_RESCUE = "现在退出的话，全部答案会另存到另一个文件夹，并告诉你存在哪里。也可以先解决问题（例如腾出磁盘空间）再继续答题，下一次保存会重试。",
        "If you quit now, all your answers are saved in another folder instead, and you are told where. Or fix the problem (e.g. free some disk space) and keep going: the next save tries again.";
    TOO_SMALL = "窗口太小：{}×{}。smecheck 至少需要 {}×{}。", "The window is {}×{}; smecheck needs at least {}×{}.";
    LINES_BELOW_DETAIL = "↓ 还有 {} 行：按 Enter 看全部", "↓ {} more line: Enter shows it" | "↓ {} more lines: Enter shows them all";
    RUNG_REACHED = "已达到", "reached";
    RUNG_AHEAD = "未达到", "not yet";
    RUNG_MEANS = "第 {} 级（共 {} 级）的意思：{}", "Rung {} of {} means: {}";
    MORE_ABOVE = "↑ 上面还有 {} 项", "↑ {} more above";
    MORE_BELOW = "↓ 下面还有 {} 项", "↓ {} more below";
    LINES_ABOVE = "↑ 上面还有 {} 行", "↑ {} more line above" | "↑ {} more lines above";
    LINES_BELOW = "↓ 下面还有 {} 行（↓ 或 PgDn）", "↓ {} more line below (↓ or PgDn)" | "↓ {} more lines below (↓ or PgDn)";
    TOO_SMALL_HINT = "请放大窗口或调小字号；在此之前按键不起作用（Ctrl-C 退出）。答案已保存。", "Please enlarge the window or use a smaller font; until then keys do nothing (Ctrl-C quits). Your answers are saved.";

    // Plain mode.
    PLAIN_ALL_ANSWERED = "检查答案：{} 道题全部已回答。", "Review: all {} questions are answered.";
    PLAIN_OPEN = "检查答案：还有 {} 题未答：", "Review: {} question is still unanswered:" | "Review: {} questions are still unanswered:";
    PLAIN_REVIEW_PROMPT = "输入题号（1–{}）回答或修改该题；直接回车查看结果；q 退出：", "Enter a question's number (1–{}) to answer or change it; Enter alone shows the results; q quits: ";
    PLAIN_WHICH = "请输入 1 到 {} 之间的编号。", "Please enter a number from 1 to {}.";
    PLAIN_NEXT_PART = "（第 {} 部分，共 {} 部分。回车继续，q 跳过其余部分）", "(Part {} of {}. Enter for the next part, q to skip the rest) ";
    PLAIN_REPORT_OFFER = "要把建议报告写成文件吗？", "Write the recommendation report to a file?";
    PLAIN_RESULTS_REPORT_OFFER = "要把结果报告写成文件吗？", "Write the results report to a file?";
    PLAIN_REPORT_PROMPT = "输入格式编号；直接回车结束：", "Enter a format's number, or Enter alone to finish: ";
    PLAIN_RESUME = "继续作答：smecheck run --plain --answers {}", "To resume: smecheck run --plain --answers {}";
    PLAIN_HOW = "每题输入选项前的编号后按回车；d 不清楚，n 不适用（题目提供时），? 看说明，b 上一题，直接回车跳过（跳过的题不计分，不会算成最差答案），q 退出。", "Answer with the number shown beside an option and Enter; d for don't know and n for not applicable (where offered), ? for help, b to go back, Enter alone to skip (a skipped question leaves the score, it never counts as the worst answer), q to quit.";
    PLAIN_DROPPED = "已略过旧答案", "Left out old answer";
    PLAIN_SAVED_IN = "答案保存在：", "Answers are saved in:";
    PLAIN_RESUMING = "继续上次的自检。", "Resuming your last self-check.";
    PLAIN_SAVED_RESUME = "已保存。下次运行可继续：", "Saved. Run again to resume:";
    PLAIN_OPTIONAL = "（可选，回车跳过）", " (optional, Enter to skip)";
    PLAIN_PICK = "请输入编号 1–{}", "Enter a number 1–{}";
    PLAIN_CHOSEN = "（已选）", " (chosen)";
    PLAIN_TICKS = "可多选，编号之间用空格或逗号分开，例如 1 3", "Tick several: numbers separated by spaces or commas, e.g. 1 3";
    PLAIN_NUMBER = "输入数字", "Enter a number";
    PLAIN_TEXT = "输入文字", "Type your answer";
    PLAIN_OPTION = "输入编号", "Enter the number";
    PLAIN_EXAMPLE = "例子：", "Example:";
    PLAIN_KEYS_SHOWN = "请输入选项前的编号：{}", "Please enter one of the numbers shown: {}";
    PLAIN_NOT_OFFERED = "这道题没有这个选项", "This question does not offer that";
    PLAIN_ONE_PER_ROW = "每一行只能选一项", "Choose one for each row";
    PLAIN_ROW_NOW = "当前：", "now: ";

    // Punctuation that differs between the languages.
    COMMA = "，", ", ";
    COLON = "：", ": ";
    COLON_TIGHT = "：", ":";
    /// Between two sentences on one line: Chinese needs no space.
    SENTENCE_GAP = "", " ";

    // The key-hint bar's words, named in the keymap's table.
    KEY_MOVE = "移动", "move";
    KEY_SELECT = "选择", "select";
    KEY_RUNGS = "看各级含义", "read each rung";
    KEY_SCROLL = "滚动", "scroll";
    KEY_PAGE = "翻页", "page";
    KEY_CHANGE = "切换选项", "change";
    KEY_OK = "确定", "select";
    KEY_OTHER_LANG = "English", "中文";
    KEY_CHOOSE_GO_ON = "选定并继续", "choose, go on";
    KEY_TICK = "勾选/取消", "tick/untick";
    KEY_GO_ON = "继续", "go on";
    KEY_SAVE_GO_ON = "保存并继续", "save, go on";
    KEY_DONT_KNOW = "不清楚", "don't know";
    KEY_NOT_APPLICABLE = "不适用", "not applicable";
    KEY_BACK = "上一题", "back";
    KEY_SKIP = "跳过", "skip";
    KEY_HELP = "说明", "help";
    KEY_SECTIONS = "章节", "sections";
    KEY_REVIEW = "检查", "review";
    KEY_EDIT = "去改这题", "edit";
    KEY_FINISH = "完成，看结果", "finish, see results";
    KEY_TABS = "切换页", "tabs";
    KEY_PICK = "直接选", "pick";
    KEY_DETAILS = "详情", "details";
    KEY_WHATIF = "假设", "what if";
    KEY_EXPORT = "导出", "export";
    KEY_CHANGE_ANSWER = "改答案", "change answer";
    KEY_FIND = "找题", "find";
    KEY_NEXT_MATCH = "下一个", "next match";
    KEY_STOP_FIND = "结束查找", "stop finding";
    KEY_ADOPT = "采用并保存…", "adopt and save…";
    KEY_LEAVE = "离开…", "leave…";
    KEY_RETURN = "返回", "back";
    KEY_GO_THERE = "跳到该章", "go there";
    KEY_CLOSE = "关闭", "close";
    KEY_FORMAT = "选择格式", "choose format";
    KEY_CANCEL = "取消", "cancel";
    KEY_QUIT = "退出", "quit";
    KEY_STAY = "继续", "stay";
    KEY_REPLACE = "替换", "replace";
    KEY_YES = "是", "yes";
    KEY_STAY_WHATIF = "否，留在假设里", "no, stay in what-if";

    // Opening, saving and ending a session (tui::session), and follow-up checks.
    NO_DATA_FOLDER = "找不到可以保存答案的用户数据文件夹\n  提示：用 --answers 文件名 指定答卷文件", "cannot find a per-user data folder for saving answers\n  hint: pass --answers FILE";
    ANSWERS_OTHER_QUESTIONNAIRE = "{} 里是问卷 `{}` 的答案，不是 `{}` 的\n  提示：用 --questionnaire 指定对应的问卷，或换一个 --answers 文件", "{} holds answers for questionnaire `{}`, not `{}`\n  hint: pass the matching --questionnaire, or another --answers file";
    NO_BACKUP = "{} 无法读取，也无法备份（{}），为了不丢数据没有继续\n  提示：检查文件夹能否写入，或换一个 --answers 文件", "{} could not be read, and no backup copy could be made ({}), so nothing was changed\n  hint: check the folder can be written to, or pass another --answers file";
    CANNOT_OPEN = "无法打开答卷 {}：{}\n  提示：--answers 要指向一个普通的答卷文件（.json）", "cannot open the answer file {}: {}\n  hint: --answers must name an ordinary answer file (.json)";
    IN_USE = "{} 正被另一个 smecheck 会话使用{}。同一时间只能有一个会话写入同一份答卷，否则彼此的答案会互相覆盖。\n  提示：先在另一个窗口里退出；只想查看的话，加 --read-only 以只读方式打开",
        "{} is in use by another smecheck session{}. Only one session at a time may write an answer file; otherwise each would overwrite the other's answers.\n  hint: quit the other session first, or add --read-only to look without saving";
    IN_USE_BY = "（进程 {}，自 {} 起）", " (process {}, since {})";
    READ_ONLY = "以只读方式打开：改动不会保存", "opened read-only: changes are not saved";
    NOT_UTF8 = "不是 UTF-8 文本（第 {} 个字节无效）", "not UTF-8 text (bad byte at offset {})";
    NOT_UNDERSTOOD = "{}：无法读取（{}）", "{}: could not be read ({})";
    UNSAVED_FAREWELL = "注意：最近的答案没有保存到 {}（{}）。", "WARNING: your latest answers were NOT saved in {} ({}).";
    RESCUED = "已把全部答案另存到：{}\n继续作答：smecheck run --answers {}", "All your answers were saved instead in: {}\nTo continue: smecheck run --answers {}";
    NOT_RESCUED = "也无法另存一份（{}）。请腾出磁盘空间或换一个可写的文件夹后重新作答。", "No copy could be saved elsewhere either ({}). Free some disk space or use a folder that can be written to, then answer again.";
    READ_ONLY_FAREWELL = "以只读方式打开，没有写入任何文件。", "Opened read-only; no file was written.";
    SAVE_FAILED_EXIT = "答案没有全部保存", "not all answers were saved";
    FAREWELL_SAVED_IN = "答案已保存：{}", "Your answers are saved in {}";
    RESUME_WITH = "继续作答：smecheck run --answers {}", "To resume: smecheck run --answers {}";
    NOTHING_WRITTEN = "尚未作答，没有写入任何文件。", "Nothing was answered; no file was written.";
    REPORT_IN = "报告：{}", "Report: {}";
    NO_EARLIER = "找不到上次的答卷 {}\n  提示：--follow-up 要指向上次自检保存的答卷文件（.json）",
        "the earlier answer file {} is not there\n  hint: --follow-up must name the answer file an earlier self-check saved (.json)";
    EARLIER_UNREADABLE = "无法读取上次的答卷 {}：{}", "cannot read the earlier answer file {}: {}";
    SAME_FILE = "跟进自检要另存一个新文件，不能写回上次的答卷 {}\n  提示：用 --answers 指定另一个文件名，或不加 --answers",
        "a follow-up is saved in a new file, never over the earlier one {}\n  hint: name another file with --answers, or leave --answers out";
    NEW_EXISTS = "{} 已存在，而且不是 {} 的跟进自检\n  提示：用 --answers 指定一个新的文件名",
        "{} already exists and is not a follow-up of {}\n  hint: name a new file with --answers";
    EARLIER_OTHER_QUESTIONNAIRE = "上次的答卷 {} 用的是问卷 `{}`，现在是 `{}`\n  提示：用 --questionnaire 指定那份问卷",
        "the earlier answer file {} is for questionnaire `{}`, not `{}`\n  hint: pass that questionnaire with --questionnaire";
    FOLLOW_UP = "开始跟进自检（以本次答案为起点，另存新文件；本次答卷保持不变）",
        "Start a follow-up check (starts from these answers in a new file; this one stays as it is)";
    FOLLOWING = "跟进自检：起点是 {} 的答卷 · 已确认 {} · 已修改 {} · 尚未核对 {}",
        "Follow-up of the check saved {}: {} confirmed · {} changed · {} not yet checked";
    FOLLOWING_GONE = "跟进自检：上次的答卷已不在原处或已被改动，不能再标记“已确认/已修改”",
        "Follow-up: the earlier answer file is gone or was changed, so answers can no longer be marked confirmed or changed";
    TAG_CONFIRMED = "✓ 已确认（与上次相同）", "✓ confirmed (same as last time)";
    TAG_CHANGED = "✎ 已修改（与上次不同）", "✎ changed since last time";
    TAG_CARRIED = "○ 沿用上次的答案：按回车确认，或选择新的答案", "○ last time's answer: press Enter to confirm it, or choose another";
    LEGEND = "✓ 已确认 · ✎ 已修改 · ○ 沿用上次、尚未核对", "✓ confirmed · ✎ changed · ○ carried over, not yet checked";
    STARTED = "已开始跟进自检：答案另存在 {}，上次的答卷没有改动", "Follow-up started: answers go to {}; the earlier file is left as it was";
    UNKNOWN_DATE = "（未记录日期）", "(no date)";

    // The presenter view, the room dashboard and the participant's firm code on the welcome
    // screen (words the self-check already has, such as "don't know", are the ones above).
    // The participant's welcome screen.
    FIRM_CODE = "你的企业代码：", "Your firm code: ";
    FIRM_CODE_NOTE = "请记下：凭它可以继续作答、取回自己的报告。", "Keep it: it lets you resume and get your report.";
    FIRM_CODE_FAREWELL = "你的企业代码：{}\n答案已保存在工作坊文件夹：{}\n继续作答：smecheck run --workshop {} --firm {}", "Your firm code: {}\nYour answers are saved in the workshop folder: {}\nTo resume: smecheck run --workshop {} --firm {}";

    // Both views.
    JOIN = "加入码", "Join code";
    ROOM_TOO_SMALL_HINT = "请放大窗口或调小字号。", "Please enlarge the window or use a smaller font.";

    // Presenter.
    QUESTION_OF = "第 {}/{} 题", "question {}/{}";
    ANSWERED = "已作答：{} / {} 家企业", "Answered: {} of {} firms";
    NOT_ASKED = "（{} 家根据前面的回答不需作答）", "({} not asked, given earlier answers)";
    CONDITIONAL = "只问部分企业（取决于前面的回答）", "Asked of some firms only, depending on earlier answers";
    REVEAL_HINT = "r 揭晓分布", "r reveals the answers";
    NO_ANSWERS_YET = "还没有企业回答这道题。", "No firm has answered this question yet.";
    NOTE_TITLE = "主持人备注（投影上可见）", "Facilitator note (visible on the projector)";
    SECTIONS_TITLE = "章节一览", "Sections";
    SECTION_ROW = "第 {}–{} 题", "Q{}–{}";
    TIMER = "计时", "Timer";
    NUMBER_ANSWER = "填一个数字", "Answer with a number";
    TEXT_ANSWER = "自由填写，不计分", "Free text, not scored";

    // Dashboard.
    DASHBOARD = "全场看板", "Room dashboard";
    TAB_ROOM = "全场", "Room";
    TAB_DIMENSIONS = "维度", "Dimensions";
    TAB_NEEDS = "提案", "Proposals";
    TAB_FIRMS = "企业", "Firms";
    TAB_PROBLEMS = "问题文件", "Problems";
    TAB_CHANGE = "变化", "Change";
    CHANGE_TOO_FEW = "两轮都参加的企业不足 3 家，为保护匿名暂不显示变化。", "Fewer than 3 firms took part in both rooms; the change is not shown, to keep firms anonymous.";
    HEAD_COUNTS = "企业 {} · 已完成 {} · 作答中 {}", "{} firm · {} finished · {} answering" | "{} firms · {} finished · {} answering";
    HEAD_EMPTY = " · 尚未作答 {}", " · {} not started";
    NOT_STARTED = "尚未作答", "not started";
    HEAD_PROBLEMS = " · 问题文件 {}", " · problem files: {}";
    BASIS = "分布只统计已完成的 {} 家企业", "Distributions count the {} finished firm" | "Distributions count the {} finished firms";
    NONE_FINISHED = "还没有企业完成。完成后这里会出现全场的分布。", "No firm has finished yet. The room's distributions appear here as firms finish.";
    MEDIAN_LINE = "中位数 {}（四分位 {}–{}）", "median {} (quartiles {}–{})";
    BROAD_SHALLOW = "工具多、用得浅：{} 家", "Broad but shallow: {} firms";
    TOP_GAPS = "最常见的短板（低于 {} 分）", "Most common gaps (below {})";
    TOP_NEEDS = "最需要的提案", "Proposals most needed";
    NO_GAPS = "没有短板", "no gaps";
    SPREAD_LEGEND = "── 最低到最高　█ 中间一半企业　┃ 中位数　<{} 低于 {} 分的企业数", "── lowest to highest  █ middle half of firms  ┃ median  <{} firms below {}";
    NO_FIRMS = "还没有企业加入。", "No firm has joined yet.";
    JOIN_AT = "手机加入：{}", "Join on a phone: {}";
    JOIN_SCAN = "用手机扫码，或在浏览器中输入：", "Scan with a phone, or type into its browser:";
    NO_SERVER = "用手机作答，请先运行：smecheck workshop serve {}\n在装有 smecheck 的电脑上作答：smecheck run --workshop {}", "For phones, run: smecheck workshop serve {}\nOn a computer with smecheck: smecheck run --workshop {}";
    COL_CODE = "代码", "Code";
    COL_STATUS = "状态", "Status";
    COL_ANSWERED = "已答", "Answers";
    COL_NAME = "企业名称", "Name";
    COL_RUNG = "阶梯", "Rung";
    WALL_TITLE = "大家的心愿（匿名）", "The room's wishes (anonymous)";
    WALL_TOO_FEW = "少于 3 家企业填写了这道题，为保护匿名暂不显示。", "Fewer than 3 firms have answered this; hidden to keep answers anonymous.";
    WALL_NONE = "这份问卷没有自由填写的问题。", "This questionnaire has no free-text question.";
    NO_PROBLEMS = "没有问题文件。", "No problem files.";
    FINISHED = "已完成", "finished";
    ANSWERING = "作答中", "answering";
    PROGRESS = "已答 {}/{}", "{}/{} answered";
    FINDINGS = "发现", "Findings";
    RECOMMENDED = "建议的提案", "Recommended proposals";
    NO_STANDING = "（已完成的企业不足 4 家，暂不比较）", "(fewer than 4 finished firms: no comparison yet)";
    SELECT_FIRM = "用 ↑↓ 选择企业，按 Enter 查看结果", "Select a firm with ↑↓, Enter shows its results";
    NONE = "无", "none";
    IDLE = "已停顿", "idle";
    RESUME_ASK = "这台电脑上次在本工作坊作答的企业是 {}{}。", "This computer last answered this workshop as firm {}{}.";
    RESUME_ABOUT = "（已答 {}/{}，最近保存 {}）", " ({}/{} answered, last saved {})";
    RESUME_CHOICES = "回车 = 继续这家企业，n = 作为新企业开始，或输入另一个企业代码：", "Enter = go on as that firm, n = start as a new firm, or type another firm code: ";
    RESUME_UNKNOWN = "本工作坊没有企业代码 {}，请再输入一次。", "This workshop has no firm with the code {}; please try again.";
    COL_ACTIVE = "最近保存", "Saved";
    COPY = "重复答卷", "copy";
    LAST_ACTIVE = "最近保存：{}", "Last saved {}";
    IDLE_FOR = "（{} 分钟没有动静，可能已离开）", " (nothing for {} min: may have left)";
    COPY_OF_LONG = "答卷与 {} 完全相同（可能同一份答卷导入了两次）", "Exactly the same answers as {} (perhaps one file imported twice)";

    // The key-hint bar's words (the keymap's table).
    KEY_QUESTION_STEP = "上一题/下一题", "question";
    KEY_REVEAL = "揭晓/隐藏分布", "reveal/hide answers";
    KEY_NOTE = "主持人备注", "facilitator note";
    KEY_WALL = "心愿墙", "wishes";
    KEY_TIMER = "计时开始/停止", "timer start/stop";
    KEY_FIRM_STEP = "上一家/下一家", "previous/next firm";
    KEY_RESULTS = "查看结果", "results";
    KEY_BACK_TO_LIST = "返回列表", "back to the list";
    KEY_NEXT_TAB = "切换页", "next tab";
    KEY_GO_TO_TAB = "直接切换页", "go to tab";
}
