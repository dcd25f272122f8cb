//! Every user-visible string of the presenter view and the room dashboard, in Chinese and
//! English (the participant's firm-code line of the welcome screen too); words the
//! self-check already has, such as "don't know", are used from `tui::strings`.

crate::bilingual! {
    // The participant's welcome screen.
    FIRM_CODE = "你的企业代码：", "Your firm code: ";
    FIRM_CODE_NOTE = "请记下：凭它可以继续作答、取回自己的报告。", "Keep it: it lets you resume and get your report.";
    FIRM_CODE_FAREWELL = "你的企业代码：{}\n答案已保存在工作坊文件夹：{}\n继续作答：smecheck run --workshop {} --firm {}", "Your firm code: {}\nYour answers are saved in the workshop folder: {}\nTo resume: smecheck run --workshop {} --firm {}";

    // Both views.
    JOIN = "加入码", "Join code";
    TOO_SMALL_HINT = "请放大窗口或调小字号。", "Please enlarge the window or use a smaller font.";

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
