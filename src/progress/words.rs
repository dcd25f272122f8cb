//! Every word of progress over time and across a programme, in Chinese and English: one
//! `bilingual!` table for `compare`, follow-ups and the programme's report and export (the
//! statistics' column words are the cohort report's, in `workshop::text`).

crate::bilingual! {
    // `programme export` (export.rs).
    EXPORT_SKIPPED = "注意：{} 中有 {}", "note: {} has {}";
    UNREADABLE = "{} 个文件无法读取，未导出（`smecheck workshop dashboard` 会列出原因）",
        "{} file that could not be read and was not exported (`smecheck workshop dashboard` lists why)"
        | "{} files that could not be read and were not exported (`smecheck workshop dashboard` lists why)";
    EXPORTED = "已导出 {} 条记录，来自 {}", "{} record exported from {}" | "{} records exported from {}";
    N_WORKSHOPS = "{} 个研讨会", "{} workshop" | "{} workshops";

    // `workshop new --follow-up` and the room's change (follow_up.rs).
    OTHER_QUESTIONNAIRE = "{} 用的是问卷 `{}`，新研讨会用的是 `{}`；跟进研讨会须用同一问卷（可以是新版本）\n  提示：用 --questionnaire 指定那份问卷",
        "{} uses questionnaire `{}` and the new workshop `{}`; a follow-up needs the same questionnaire (a newer version is fine)\n  hint: pass that questionnaire with --questionnaire";
    H_CHANGE = "与上一轮相比", "Change since the earlier room";
    BOTH_LINE = "两轮都参加的企业 {} 家；上一轮参加、本轮尚未更新答案的 {} 家；本轮新来的 {} 家（后两类不计入下表）。",
        "Firms in both rooms: {}; in the earlier room but not yet updated here: {}; new in this room: {} (the last two are not in the tables below).";
    C_BEFORE = "上轮中位数", "Median then";
    C_AFTER = "本轮中位数", "Median now";
    C_CHANGE = "各企业变化的中位数", "Median of each firm's change";
    C_LADDER = "阶梯", "Ladder";
    C_UP = "上升", "Up";
    C_SAME = "不变", "Same";
    C_DOWN = "下降", "Down";
    C_GIVEN = "上轮获此建议", "Given last time";
    C_ACTED = "已采取行动", "Acted on";
    C_RESOLVED = "已不再需要", "No longer needed";
    C_SHARE = "行动比例", "Share acted";
    CARRIED = "跟进第 {} 轮：{}（来自 {}）", "Follow-up, round {}: {} (from {})";
    FIRMS_CARRIED = "{} 家企业的编号和上次答案已带入", "{} firm keeps its code, its earlier answers filled in"
        | "{} firms keep their codes, their earlier answers filled in";

    // `compare` and `report --baseline` (mod.rs).
    NO_BEFORE = "请用 --before 指定上次的答卷：{} 没有记录它跟进的是哪份答卷",
        "pass the earlier answer file with --before: {} does not say which check it follows";
    USING_FOLLOWED = "与上次的答卷比较：{}（{} 是它的跟进自检）",
        "comparing with the earlier check {} ({} is its follow-up)";
    FOLLOWED_GONE = "注意：{} 跟进的答卷 {} 已不在原处，没有“自上次以来”的比较\n  提示：用 --baseline（或 --before）指定上次的答卷",
        "note: the check {} follows, {}, is no longer there, so there is no \"since last time\" comparison\n  hint: name the earlier file with --baseline (or --before)";
    FOLLOWED_CHANGED = "注意：{} 跟进的答卷 {} 在那之后被改过，不再作为比较的起点\n  提示：确实要用它的话，用 --baseline（或 --before）指定",
        "note: the check {} follows, {}, was changed since, so it is not used as the starting point\n  hint: name it with --baseline (or --before) to use it anyway";

    // `programme report` (tally.rs).
    TITLE = "项目报告", "Programme report";
    TOTALS = "总数", "Totals";
    WORKSHOPS = "研讨会", "Workshops";
    RECORDS = "企业答卷", "Firm assessments";
    FINISHED = "已完成", "Finished";
    SKIPPED = "无法读取的文件", "Files that could not be read";
    ROUND = "第 {} 轮", "Round {}";
    DISTRIBUTION = "得分分布（已完成的企业）", "Score distribution (finished firms)";
    MEAN = "平均", "Mean";
    LEVELS = "等级", "Levels";
    RUNGS = "台阶", "Rungs";
    PROPOSALS = "建议（提案）出现的次数", "Recommendations (proposals) made";
    BY = "按{}分", "By {}";
    NOT_GIVEN = "未填写", "not given";
    SUPPRESSED = "少于 3 家，不显示", "fewer than 3, not shown";
    CHANGE = "各轮之间的变化", "Change between rounds";
    CHANGE_ROW = "第 {} 轮 → 第 {} 轮", "Round {} → round {}";
    MEDIAN_CHANGE = "中位数变化", "Change of median";
    MEAN_CHANGE = "平均变化", "Change of mean";
    ONE_ROUND = "只有一轮，尚无变化可比。", "Only one round so far: no change to show.";
    FIRMS_NOTE = "各轮比较的是整体分布；同一企业前后两次的对比见 `smecheck compare`。",
        "Rounds are compared as whole distributions; one firm's two checks are compared with `smecheck compare`.";
}
