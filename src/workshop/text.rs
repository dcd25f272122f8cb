//! Every user-visible string of the workshop commands, the room reader and the cohort report,
//! in Chinese and English; the programme report heads its room statistics with the same words.

pub use crate::domain::text::Bilingual as T;

crate::bilingual! {
    // Why a file in responses/ is not counted (room.rs).
    ZERO_BYTES = "0 字节", "0 bytes";
    OTHER_VERSION = "用问卷 {} 版作答，工作坊使用的是 {} 版", "answered with questionnaire version {}; the workshop uses {}";
    IMPORT_IT = "如果这是一份答卷，请用 smecheck workshop import 工作坊文件夹 文件 导入，它会得到一个企业代码", "if this is an answer file, bring it in with: smecheck workshop import WORKSHOP FILE (it gets a firm code)";

    // The folder.
    NOT_A_WORKSHOP = "{} 不是工作坊文件夹（里面没有 workshop.json）\n  提示：先用 smecheck workshop new {} --title \"…\" 创建", "{} is not a workshop folder (it has no workshop.json)\n  hint: create one with smecheck workshop new {} --title \"…\"";
    ALREADY_A_WORKSHOP = "{} 已经是一个工作坊文件夹了\n  提示：换一个新的文件夹名，或直接使用这个工作坊", "{} is already a workshop folder\n  hint: pick a new folder name, or use this workshop as it is";
    FOLDER_NOT_EMPTY = "{} 已存在且不是空文件夹\n  提示：请指定一个新的或空的文件夹，工作坊的文件都放在里面", "{} exists and is not empty\n  hint: name a new or empty folder; the workshop keeps all its files there";
    NOT_A_FOLDER = "{} 已存在，但不是文件夹", "{} exists but is not a folder";
    EMPTY_TITLE = "工作坊需要一个标题：--title \"…\"", "A workshop needs a title: --title \"…\"";
    CANNOT_CREATE = "无法创建 {}：{}", "Cannot create {}: {}";
    CANNOT_READ = "无法读取 {}：{}", "Cannot read {}: {}";
    CANNOT_WRITE = "无法写入 {}：{}", "Cannot write {}: {}";
    BAD_FORMAT = "{} 的格式版本是 {}，这个版本的 smecheck 只认识版本 1\n  提示：请用创建该工作坊的 smecheck 版本打开", "{} has format version {}; this smecheck reads version 1 only\n  hint: open it with the smecheck version that created it";
    BAD_QUESTIONNAIRE_FILE = "{} 指向的问卷文件必须是工作坊文件夹里的 questionnaire.json", "{} must name questionnaire.json inside the workshop folder as its questionnaire file";
    ID_MISMATCH = "工作坊使用问卷 `{}`，但找到的是 `{}`\n  提示：工作坊文件夹里的 questionnaire.json 被替换了，或者当前 smecheck 的内置问卷不同", "The workshop uses questionnaire `{}`, but `{}` was found\n  hint: questionnaire.json in the folder was replaced, or this smecheck has a different built-in questionnaire";
    HASH_CHANGED = "注意：问卷内容自创建工作坊以来有变化（创建时 {} {}，现在 {} {}）；答案按题目编号对应", "Note: the questionnaire changed since the workshop was created (then {} {}, now {} {}); answers are matched by question id";
    JOIN_CODE_NOT_FOLDER = "{} 看起来是工作坊的加入码，但当前文件夹里没有使用这个加入码的工作坊\n  提示：用手机参加时，打开投影上显示的网址或扫描二维码；在本机参加时，请写出工作坊文件夹：smecheck run --workshop 文件夹（或在工作坊文件夹的上一级运行 smecheck run --workshop {}）", "{} looks like a workshop's join code, but no workshop folder here has it\n  hint: on a phone, open the address shown on the projector or scan its QR code; on this computer, name the workshop folder: smecheck run --workshop FOLDER (or run smecheck run --workshop {} from the folder that holds it)";
    NO_FREE_CODE = "找不到空闲的企业代码，请重试", "No free firm code could be found; please try again";
    NO_SUCH_FIRM = "这个工作坊里没有企业代码 {}\n  提示：不带 --firm 运行会分配一个新的代码", "No firm in this workshop has the code {}\n  hint: run without --firm to get a new code";
    SYMLINK_REFUSED = "{} 是一个符号链接，出于安全考虑不予读取", "{} is a symbolic link and is not read, for safety";

    // Problems found in responses/.
    P_INCOMPLETE = "不完整（可能仍在写入或复制中）", "incomplete (perhaps still being written or copied)";
    P_CORRUPT = "已损坏，不是有效的答卷", "damaged: not a valid answer file";
    P_NOT_TEXT = "不是 UTF-8 文本", "not UTF-8 text";
    P_FOREIGN = "属于另一份问卷", "belongs to another questionnaire";
    P_BAD_ANSWER = "有一个答案不符合题目", "holds an answer that does not fit its question";
    P_TOO_LARGE = "文件过大", "file too large";
    P_SYMLINK = "符号链接，不予读取", "a symbolic link, not read";
    P_UNREADABLE = "无法读取", "cannot be read";
    P_NOT_RESPONSE = "不是答卷文件（文件名不是企业代码）", "not a response file (its name is not a firm code)";
    P_FOLDER = "无法读取答卷文件夹", "the responses folder cannot be read";
    P_OTHER_VERSION = "问卷版本不同，不计入统计", "another questionnaire version, not counted";

    // Import.
    IMPORTED = "已导入 {} → 企业代码 {}", "imported {} → firm code {}";
    SKIPPED = "已跳过 {}：{}", "skipped {}: {}";
    IMPORT_SUMMARY = "共导入 {} 份，跳过 {} 份。", "{} imported, {} skipped.";
    NOTHING_IMPORTED = "没有导入任何文件", "nothing was imported";
    DUPLICATE = "与已有答卷 {} 完全相同", "identical to response {} already in the workshop";
    FOREIGN_DETAIL = "这份答卷属于问卷 `{}`，工作坊使用的是 `{}`", "this answer file belongs to questionnaire `{}`, the workshop uses `{}`";

    // `workshop new`.
    CREATED = "已创建工作坊：{}", "Workshop created: {}";
    CREATED_JOIN = "加入码：{}    问卷：{} {}（{}）", "Join code: {}    questionnaire: {} {} ({})";
    CREATED_NEXT = "手机作答：smecheck workshop serve {}\n电脑作答：smecheck run --workshop {}\n投影演示：smecheck workshop present {}\n现场看板：smecheck workshop dashboard {}", "Phones answer:     smecheck workshop serve {}\nComputers answer:  smecheck run --workshop {}\nPresenter view:    smecheck workshop present {}\nRoom dashboard:    smecheck workshop dashboard {}";
    NEEDS_TERMINAL = "{} 需要在终端窗口中运行", "{} needs to run in a terminal window";
    REPORT_READ = "无法汇总 {} 中的答卷：{}。汇总时每家企业的一行会暂存在系统临时文件夹中；请腾出磁盘空间（或用环境变量 TMPDIR 指定另一个文件夹，Windows 上是 TMP）后重试",
        "could not gather the responses in {}: {}. While the room is summed up, each firm's line waits in the system's temporary folder; free some disk space there (or point the TMPDIR variable, TMP on Windows, at another folder) and try again";

    // The cohort report.
    R_TITLE = "{}——群体报告", "{} — cohort report";
    R_DATE = "日期", "Date";
    R_QUESTIONNAIRE = "问卷", "Questionnaire";
    R_FIRMS_LINE = "共 {} 家企业：{} 家已完成，{} 家未完成。", "{} firm: {} finished, {} in progress." | "{} firms: {} finished, {} in progress.";
    R_SKIPPED_FILES = "另有 {} 个文件无法计入（见文末）。", "{} more file could not be counted (listed at the end)." | "{} more files could not be counted (listed at the end).";
    R_BASIS = "以下分布、中位数和四分位数只统计已完成的企业：未答的题目按 0 分计，会把整体拉低。", "The distributions, medians and quartiles below count finished firms only: open questions score zero and would drag the room down.";
    R_NONE_FINISHED = "还没有企业完成自检，暂无分布可报告。", "No firm has finished the self-check yet, so there are no distributions to report.";
    R_ESTIMATE = "所有分数都是企业自评的估算，不是任何官方评级。", "All scores are self-assessment estimates, not official ratings.";
    H_SCORES = "总分与各领域", "Overall and each area";
    C_AREA = "领域", "Area";
    C_SCORE = "得分", "Score";
    C_N = "企业数", "Firms";
    C_MIN = "最低", "Lowest";
    C_Q1 = "下四分位", "Lower quartile";
    C_MEDIAN = "中位数", "Median";
    C_Q3 = "上四分位", "Upper quartile";
    C_MAX = "最高", "Highest";
    OVERALL = "总分", "Overall";
    H_LEVELS = "等级分布：{}", "Levels: {}";
    C_LEVEL = "等级", "Level";
    C_SHARE = "占比", "Share";
    H_LADDER = "{}：每级台阶上的企业", "{}: firms on each rung";
    C_RUNG = "台阶", "Rung";
    H_DIMENSIONS = "各维度的中位数与四分位数", "Each dimension: median and quartiles";
    C_DIMENSION = "维度", "Dimension";
    C_BELOW = "低于 {} 分", "Below {}";
    H_GAPS = "最常见的短板", "The most common gaps";
    // GAP_LINE, FINDING_LINE and STEP_FIRMS count with `cohort::count_text`: never 1 or 2 ("<3"),
    // so their English stays plural.
    GAP_LINE = "{}：{} 家企业低于 {} 分", "{}: {} firms below {}";
    NO_GAPS = "没有企业在任何维度上低于 {} 分。", "No firm scores below {} on any dimension.";
    H_FINDINGS = "发现", "Findings";
    FINDING_LINE = "{}：{} 家企业", "{}: {} firms";
    H_NEEDS = "最需要的提案：下次活动该带什么", "The proposals the room needs: what to bring next time";
    C_RANK = "名次", "Rank";
    C_PROPOSAL = "提案", "Proposal";
    C_NEED = "需要的企业", "Firms";
    C_URGENT = "其中最紧急", "Most urgent";
    C_BRING = "下次带来", "Bring next time";
    BRING_CLOUD = "云服务商或数字化服务商（现场演示、试用账号）、一家已经转型的同行、上手培训", "cloud or digital-service providers (live demos, trial accounts), a peer firm that has made the change, hands-on training";
    BRING_FINANCE = "银行的普惠金融产品（包括本地城商行、农商行）、信用信息平台或政策窗口的工作人员、会计师", "banks' small-business products (local city and rural banks too), staff of the credit-information platform or a policy desk, an accountant";
    BRING_OTHER = "能帮企业走完下面这些步骤的人和材料", "people and material that help firms take the steps below";
    STEPS = "最常见的下一步", "Most common next steps";
    H_FIRMS = "各企业结果（匿名，按企业代码排列）", "Results per firm (anonymised, by firm code)";
    H_FIRMS_NAMED = "各企业结果（含企业名称）", "Results per firm (with names)";
    C_CODE = "企业代码", "Firm code";
    C_NAME = "企业名称", "Firm name";
    C_STATUS = "状态", "Status";
    C_ANSWERED = "已答", "Answered";
    C_PROPOSALS = "建议的提案", "Proposals";
    FINISHED = "已完成", "finished";
    IN_PROGRESS = "未完成", "in progress";
    H_PROBLEMS = "未计入的文件", "Files not counted";
    C_FILE = "文件", "File";
    C_REASON = "原因", "Reason";
    PLACE_LOWER = "处于本场的下四分位（后 25%）", "in the lower quartile of this room";
    PLACE_BELOW = "低于本场中位数", "below this room's median";
    PLACE_AT = "与本场中位数持平", "at this room's median";
    PLACE_ABOVE = "高于本场中位数", "above this room's median";
    PLACE_UPPER = "处于本场的上四分位（前 25%）", "in the upper quartile of this room";
    COLON = "：", ": ";
    NEEDED_BY = "{} 家企业需要", "needed by {} firm" | "needed by {} firms";
    STEP_FIRMS = "（{} 家）", " ({} firms)";

    // The CSV export's headers and cells, where they are labelled (`--labels`).
    CSV_ANSWERED = "已答题数", "Answered";
    CSV_ASKED = "应答题数", "Asked";
    CSV_SAVED_AT = "保存时间", "Saved at";
    CSV_OVERALL_SCORE = "总分", "Overall score";
    CSV_OVERALL_LEVEL = "总体等级", "Overall level";
    CSV_BREADTH = "上云广度", "Breadth";
    CSV_PROPOSALS = "建议的对接", "Proposals";
    CSV_SCORE_SUFFIX = "得分", " score";
    CSV_LEVEL_SUFFIX = "等级", " level";
    CSV_RUNG_NO_SUFFIX = "（第几级）", " (rung number)";
    CSV_ANSWERING = "作答中", "answering";
    CSV_NOT_STARTED = "尚未作答", "not started";
    CSV_TICKED = "是", "yes";
    CSV_NOT_TICKED = "否", "no";

    NOT_A_CODE = "“{}”不是企业代码：企业代码由 {} 位字母和数字组成，例如 {}", "\"{}\" is not a firm code: a firm code has {} letters and digits, e.g. {}";
}

/// Makes text read from a file one safe line: control characters (escape sequences and line
/// breaks included) and bidirectional overrides become spaces, so that nothing in a response
/// file can steer the terminal, reorder a line or break a report row. The characters are the
/// ones [`crate::domain::text::is_unsafe_char`] names, the one list every output uses.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || crate::domain::text::is_unsafe_char(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The five-number summary's column heads, lowest first, for every table of room statistics
/// (the cohort report's and the programme report's).
pub const C_SPREAD: [T; 5] = [C_MIN, C_Q1, C_MEDIAN, C_Q3, C_MAX];
