//! Every fixed word of the report, in Chinese and English; the data files supply the rest.

use crate::domain::text::Lang;

use super::{RungState, WhatIfAnswer};
use crate::domain::model::Horizon;
use crate::domain::proposals::Effort;

crate::bilingual! {
    SUBTITLE = "建议报告", "Recommendation report";
    /// The subtitle of a report without recommendations.
    SUBTITLE_PLAIN = "结果报告", "Results report";
    PREPARED_FOR = "报告对象", "Prepared for";
    DATE = "日期", "Date";
    QUESTIONNAIRE = "问卷", "Questionnaire";
    CONTENT_HASH = "问卷指纹（同一份问卷都一样）", "Questionnaire fingerprint (the same for every firm)";
    CONFIDENCE = "可信度", "Confidence";
    SEC_DIMENSIONS = "各维度得分", "Scores by dimension";
    SEC_BREADTH = "工具广度与发现", "Breadth of tools and findings";
    SEC_GAPS = "短板", "Gaps";
    SEC_RECOMMENDATIONS = "该做什么（按优先级）", "What to do, by priority";
    SEC_PLAN = "行动计划（带日期）", "Action plan, with dates";
    SEC_APPENDIX = "附录二：全部问题与本企业的回答", "Appendix B: every question and the firm's answer";
    /// The same appendix when it is the only one (no proposals appendix before it).
    SEC_APPENDIX_ALONE = "附录：全部问题与本企业的回答", "Appendix: every question and the firm's answer";
    SEC_NOTES = "说明", "Notes";
    OVERALL = "总分", "Overall";
    SCORE = "得分", "Score";
    STATUS = "状态", "Status";
    AREA = "领域", "Area";
    DIMENSION = "维度", "Dimension";
    NO_DATA = "无数据", "no data";
    GAP_MARK = "短板", "gap";
    GAP_LINE = "低于 {} 分的维度算作短板。", "A dimension scoring below {} counts as a gap.";
    NO_GAPS = "没有低于 {} 分的维度。", "No dimension scores below {}.";
    RELATED = "相关建议", "Related recommendations";
    RUNG_REACHED = "已达到", "reached";
    RUNG_CURRENT = "当前所在", "you are here";
    RUNG_NEXT = "下一级", "next rung";
    RUNG_HELD_ABOVE = "条件已具备，但下面一级还没站稳", "conditions met, but a lower rung is missing";
    RUNG_AHEAD = "未达到", "not yet";
    /// `RUNG_HELD_ABOVE`, short enough for the ladder chart.
    RUNG_HELD_SHORT = "条件已具备（未计入）", "met, not yet counted";
    YOU_ARE_HERE = "当前位置", "You are here";
    RUNG_OF = "第 {} 级（共 {} 级）", "rung {} of {}";
    NEXT_RUNG = "下一级", "Next rung";
    NEEDS = "还需要做到", "What it still needs";
    TOP_RUNG = "已经站在最高一级。", "The firm is on the top rung.";
    HELD_ABOVE_NOTE = "有些更高一级的条件已经具备，但只有下面各级都站稳，它们才算数。", "Some conditions of higher rungs are already met, but they count only once every rung below holds.";
    FINDING = "发现", "Finding";
    NO_FINDINGS = "没有需要特别指出的发现。", "Nothing in particular to point out.";
    KEYWORD = "关键词", "Keyword";
    SOURCE = "出处", "Source";
    NO_RECOMMENDATIONS = "本次自查没有触发任何建议：各项回答都没有落到建议规则的条件里。", "No recommendation was triggered: none of the answers met the conditions of a recommendation rule.";
    PLAN_INTRO = "按企业的规模和人手排好的行动，每项有负责人、工作量、完成日期和完成标志；做完一项勾一项。", "Actions sized to the firm and its people, each with an owner, effort, a due date and what done looks like. Tick each one off when done.";
    PLAN_NOW = "前 30 天（快速见效）", "First 30 days (quick wins)";
    PLAN_QUARTER = "本季度", "This quarter";
    PLAN_LATER = "更长期", "Longer term";
    APPENDIX_INTRO = "下面是本次自查实际问到的每一道题和本企业的回答。", "Every question the self-check asked, with the firm's answer.";
    QUESTION = "问题", "Question";
    ANSWER = "回答", "Answer";
    SKIPPED = "另有 {} 道题因前面的回答而没有问到。", "{} more question was not asked because of earlier answers." | "{} more questions were not asked because of earlier answers.";
    /// The note heading the answers adopted from what-if.
    WHATIF = "注意：本报告中有 {} 个答案来自“假设”试算，不是企业原本的回答：", "Note: {} answer in this report was set in the what-if sandbox, not given as the firm's own:" | "Note: {} answers in this report were set in the what-if sandbox, not given as the firm's own:";
    WHATIF_ADOPTED = "{} 采用", "adopted {}";
    DISCLAIMER = "本报告为企业自评估算，根据企业自己的回答生成，不是任何官方评级、信用评价或贷款承诺。", "This report is a self-assessment estimate built from the firm's own answers. It is not an official rating, a credit assessment or a promise of a loan.";
    LADDER_CHART_TITLE = "上云深度阶梯，标出本企业所在的一级", "Cloud depth ladder with the firm's rung marked";

    SEC_ONEPAGE = "一页摘要", "Summary on one page";
    SEC_PROPOSALS = "附录一：建议所依据的2020年提案", "Appendix A: the 2020 proposals behind the advice";
    VERDICT = "结论", "Verdict";
    STRENGTHS = "优势", "Strengths";
    TOP_ACTIONS = "最先要做的三件事", "The three things to do first";
    HOW_SURE = "结果有多可靠", "How sure the result is";
    WISH = "企业自己的心愿", "The firm's wish, in its own words";
    NO_STRENGTHS = "还没有达到 {} 分的维度。", "No dimension scores {} or more yet.";
    /// A field the firm left empty (its wish, a profile field on the phone).
    NOT_GIVEN = "（没有填写）", "(not given)";
    DUE = "完成日期", "Due";
    OWNER = "负责人", "Owner";
    OWNER_DEFAULT = "老板", "Owner";
    EFFORT = "工作量", "Effort";
    DONE_WHEN = "完成标志", "Done when";
    FIRST_MARK = "优先", "first";
    EFFORT_HOURS = "几小时", "a few hours";
    EFFORT_DAYS = "一到三天", "1–3 days";
    EFFORT_WEEKS = "几周", "a few weeks";
    EFFORT_MONTHS = "数月", "months";
    BECAUSE = "原因", "Because";
    GAP_CLOSES = "短板", "Gap";
    PROPOSAL = "提案", "Proposal";
    STEPS = "步骤", "Steps";
    TIME_BOUND = "时效提醒", "Time-bound";
    KEEP_DOING = "继续保持", "Keep doing";
    NEXT_FRONTIER = "下一个目标", "Next frontier";
    PLAN_LEFT_OUT = "另有 {} 项行动暂不排进计划，做完上面这些再看“建议”一节。", "{} more action is left out of the plan for now; see the recommendations once these are done." | "{} more actions are left out of the plan for now; see the recommendations once these are done.";
    ANSWERED_SHARE = "已答", "answered";
    THIN_MARK = "作答少", "thin";
    THIN_NOTE = "作答不足 80% 的维度标为“作答少”，它的分数只是粗估。", "A dimension with fewer than 80% of its questions answered is marked thin; its score is a rough guess.";
    THIN_DIMS = "作答少的维度", "Thin dimensions";
    INPUTS_FINGERPRINT = "本报告输入的指纹（回答、问卷、日期）", "Fingerprint of this report's inputs (answers, questionnaire, date)";
    SCORE_LEVEL = "得分等级", "Score level";
    LADDER_RUNG = "阶梯位置", "Ladder rung";
    CHART_TITLE = "各维度得分与参照线", "Each dimension against the reference line";
    REFERENCE_THRESHOLD = "短板线（{} 分）", "gap line ({})";
    REFERENCE_ROOM = "本场中位数", "room median";
    SPEECH = "发言要点", "What was said";
    NO_PLAN = "本次没有需要排进计划的行动。", "Nothing to plan this time.";
    SURE_LINE = "{}% 的题目有实际回答", "{}% of the questions have a real answer";
    ALL_SURE = "各维度作答都比较完整。", "Every dimension is well answered.";
    SHORT_MORE = "完整报告：smecheck report --format html", "Full report: smecheck report --format html";
    /// Between the items of a short list: `、` or `, `.
    LIST_SEP = "、", ", ";
    /// The end of a sentence, and the gap before the next one.
    FULL_STOP = "。", ".";
    SENTENCE_GAP = "", " ";
    ALL_PROVISIONAL = "作答太少，各等级只能算暂定。", "Too few answers: every level is provisional.";
    /// Why a recommendation applies: the firm's answers, joined by `EVIDENCE_SEP`.
    FIRM_ANSWERED = "本企业的回答：{}。", "The firm answered {}.";
    EVIDENCE_SEP = "；", "; and ";
    /// One answer behind a recommendation: the answer, the question.
    EVIDENCE = "{1}——“{0}”", "“{}” to “{}”";
    /// The one-page verdict of an area: title, score, level, the rung sentence, the meaning.
    VERDICT_LINE = "{} {} 分，得分等级“{}”{}：{}", "{} scores {} / 100, score level “{}”{}: {}";
    /// The verdict when too few answers give a score: title, "not enough answers", the rung.
    VERDICT_NO_SCORE = "{}：{}{}。", "{}: {}{}.";
    /// Where the area stands on its ladder: rung, of, the ladder, the rung's label.
    VERDICT_RUNG = "，在{2}上站在第 {0} 级（共 {1} 级）“{3}”", ", and rung {} of {} on the {}, “{}”";
    /// Where the proposals come from: publisher, title, date.
    CITATION = "{}《{}》，{}", "{}, “{}”, {}";
    /// Opening and closing bracket around an aside: `（…）` or ` (…)`.
    PAREN_OPEN = "（", " (";
    PAREN_CLOSE = "）", ")";
    /// Between a label and its value: `：` or `: `.
    COLON = "：", ": ";
    /// Between items in a run of text: `，` or `, `.
    COMMA = "，", ", ";

    // "Since last time" and `compare` (since.rs).
    SINCE_TITLE = "与上次相比", "Since last time";
    /// An answer left out of the comparison: which check, the question, why.
    SINCE_UNREADABLE_ANSWER = "{}的 `{}`：{}", "{} `{}`: {}";
    COMPARE_TITLE = "两次自评的对比", "Progress between two checks";
    SINCE_BASIS = "上次自评：{}（问卷 {} 版）；本次：{}（问卷 {} 版）。两次都按问卷 {} {} 版计分，按题目和选项编号对应。",
        "Earlier check: {} (questionnaire version {}); this check: {} (version {}). Both are scored with questionnaire {} {}, matching answers by question and option id.";
    SINCE_UNDATED = "未注明日期", "undated";
    /// Its fifth and last placeholders are `SINCE_N_RESOLVED` and `SINCE_N_ACTED_ON`, counted.
    SINCE_HEADLINE = "总分 {} → {}（{}）；{}；已解决 {}，仍待处理 {} 项，新增 {} 项；上次计划中 {}已从答案中看到。",
        "Overall {} → {} ({}); {}; {}, {} still open, {} new; {}.";
    SINCE_N_RESOLVED = "{} 项建议", "{} recommendation resolved" | "{} recommendations resolved";
    SINCE_N_ACTED_ON = "{} 项行动", "{} action of the last plan now shows in the answers" | "{} actions of the last plan now show in the answers";
    SINCE_HEADLINE_PLAIN = "总分 {} → {}（{}）；{}。", "Overall {} → {} ({}); {}.";
    SINCE_RUNGS_SAME = "台阶没有变化", "no rung changed";
    SINCE_RUNGS_MOVED = "台阶：{}", "rungs: {}";
    SINCE_COL_WHAT = "项目", "What";
    SINCE_COL_THEN = "上次", "Then";
    SINCE_COL_NOW = "本次", "Now";
    SINCE_COL_CHANGE = "变化", "Change";
    SINCE_RUNG_LINE = "{}：第 {} 级“{}” → 第 {} 级“{}”（{}）", "{}: rung {} “{}” → rung {} “{}” ({})";
    SINCE_CLIMBED = "上升 {} 级", "climbed {}";
    SINCE_LOST = "下降 {} 级", "lost {}";
    SINCE_STAYED = "不变", "unchanged";
    SINCE_RESOLVED = "已解决的建议", "Recommendations resolved";
    SINCE_STILL_OPEN = "仍待处理的建议", "Recommendations still open";
    SINCE_NEW = "新出现的建议", "New recommendations";
    SINCE_ACTED_ON = "上次计划中已做到的行动", "Actions of the last plan that the answers now show";
    SINCE_UNCLEAR = "无法判断的行动（相关题目本次未作答）", "Actions that cannot be judged (their questions are unanswered now)";
    SINCE_NEW_ACTIONS = "新增的行动", "New actions";
    SINCE_FINDINGS_GONE = "不再出现的发现", "Findings no longer seen";
    SINCE_FINDINGS_NEW = "新出现的发现", "New findings";
    SINCE_NONE = "（无）", "(none)";
    SINCE_ANSWERS_CHANGED = "两次都作答的题目 {} 道，其中答案改变的 {} 道；只在本次作答的 {} 道，只在上次作答的 {} 道。",
        "Questions answered both times: {}, of which {} changed their answer; answered only this time: {}; only last time: {}.";
    SINCE_NOT_COMPARED = "未能比较的答案（问卷版本不同）", "Answers not compared (questionnaire versions differ)";
    SINCE_EARLIER = "上次", "earlier";
    SINCE_LATER = "本次", "this check";
    SINCE_EARLIER_FILE = "较早的", "earlier";
    SINCE_LATER_FILE = "较新的", "later";
    /// Which file (`SINCE_EARLIER_FILE` or `SINCE_LATER_FILE`), its questionnaire, the expected one.
    SINCE_OTHER_QUESTIONNAIRE = "{}答卷属于问卷 `{}`，不是 `{}`，无法比较\n  提示：两份答卷须出自同一问卷（可以是不同版本）；用 --questionnaire 指定对应的问卷",
        "the {} answer file belongs to questionnaire `{}`, not `{}`, so they cannot be compared\n  hint: both files must come from one questionnaire (versions may differ); pass it with --questionnaire";
}

/// `（text）` or ` (text)`.
pub fn aside(lang: Lang, text: &str) -> String {
    format!("{}{text}{}", PAREN_OPEN.get(lang), PAREN_CLOSE.get(lang))
}

/// `label：value` or `label: value`.
pub fn pair(lang: Lang, label: &str, value: &str) -> String {
    format!("{label}{}{value}", COLON.get(lang))
}

/// One answer adopted from what-if: question → answer (adopted on the day).
pub fn whatif_item(lang: Lang, a: &WhatIfAnswer) -> String {
    let mut s = format!("{} → {}", a.question, a.answer);
    if !a.adopted.is_empty() {
        s.push_str(&aside(lang, &WHATIF_ADOPTED.fill(lang, &[&a.adopted])));
    }
    s
}

pub fn rung_state(lang: Lang, s: RungState) -> &'static str {
    match s {
        RungState::Reached => RUNG_REACHED,
        RungState::Current => RUNG_CURRENT,
        RungState::Next => RUNG_NEXT,
        RungState::HeldAbove => RUNG_HELD_ABOVE,
        RungState::Ahead => RUNG_AHEAD,
    }
    .get(lang)
}

pub fn effort(lang: Lang, e: Effort) -> &'static str {
    match e {
        Effort::Hours => EFFORT_HOURS,
        Effort::Days => EFFORT_DAYS,
        Effort::Weeks => EFFORT_WEEKS,
        Effort::Months => EFFORT_MONTHS,
    }
    .get(lang)
}

pub fn horizon_title(lang: Lang, h: Horizon) -> &'static str {
    match h {
        Horizon::Now => PLAN_NOW,
        Horizon::Quarter => PLAN_QUARTER,
        Horizon::Later => PLAN_LATER,
    }
    .get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_read_right_for_one_and_chinese_is_as_it_was() {
        let en = |x: crate::domain::text::Bilingual, n| x.count(Lang::En, n, &[]);
        assert_eq!(
            en(SKIPPED, 1),
            "1 more question was not asked because of earlier answers."
        );
        assert_eq!(
            en(SKIPPED, 4),
            "4 more questions were not asked because of earlier answers."
        );
        assert!(en(WHATIF, 1).starts_with("Note: 1 answer in this report was set"));
        assert!(en(WHATIF, 2).starts_with("Note: 2 answers in this report were set"));
        assert!(en(PLAN_LEFT_OUT, 1).starts_with("1 more action is left out"));
        assert!(en(PLAN_LEFT_OUT, 3).starts_with("3 more actions are left out"));
        let since = |x: crate::domain::text::Bilingual| x.count(Lang::En, 1, &[]);
        assert_eq!(since(SINCE_N_RESOLVED), "1 recommendation resolved");
        assert_eq!(
            since(SINCE_N_ACTED_ON),
            "1 action of the last plan now shows in the answers"
        );
        // The old whatif_one, byte for byte: Chinese has one form.
        assert_eq!(
            WHATIF.count(Lang::Zh, 1, &[]),
            "注意：本报告中有 1 个答案来自“假设”试算，不是企业原本的回答："
        );
    }
}
