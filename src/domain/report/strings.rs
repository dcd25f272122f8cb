//! Every fixed word of the report, in Chinese and English; the data files supply the rest.

use crate::domain::text::Lang;

/// The report's own words in one language. A struct, so a missing translation cannot compile.
#[derive(Debug)]
pub struct Words {
    pub subtitle: &'static str,
    /// The subtitle of a report without recommendations.
    pub subtitle_plain: &'static str,
    pub prepared_for: &'static str,
    pub date: &'static str,
    pub firm: &'static str,
    pub questionnaire: &'static str,
    pub content_hash: &'static str,
    pub confidence: &'static str,
    pub contents: &'static str,
    pub sec_summary: &'static str,
    pub sec_dimensions: &'static str,
    pub sec_ladder: &'static str,
    pub sec_breadth: &'static str,
    pub sec_gaps: &'static str,
    pub sec_recommendations: &'static str,
    pub sec_plan: &'static str,
    pub sec_appendix: &'static str,
    /// The same appendix when it is the only one (no proposals appendix before it).
    pub sec_appendix_alone: &'static str,
    pub sec_notes: &'static str,
    pub overall: &'static str,
    pub score: &'static str,
    pub level: &'static str,
    pub rung: &'static str,
    pub status: &'static str,
    pub area: &'static str,
    pub dimension: &'static str,
    pub no_data: &'static str,
    pub gap_mark: &'static str,
    pub gap_line: &'static str,
    pub no_gaps: &'static str,
    pub related: &'static str,
    pub rung_reached: &'static str,
    pub rung_current: &'static str,
    pub rung_next: &'static str,
    pub rung_held_above: &'static str,
    pub rung_ahead: &'static str,
    /// `rung_held_above`, short enough for the ladder chart.
    pub rung_held_short: &'static str,
    pub you_are_here: &'static str,
    pub rung_of: &'static str,
    pub next_rung: &'static str,
    pub needs: &'static str,
    pub top_rung: &'static str,
    pub held_above_note: &'static str,
    pub finding: &'static str,
    pub no_findings: &'static str,
    pub recommendation: &'static str,
    pub priority: &'static str,
    pub speaker: &'static str,
    pub role: &'static str,
    pub keyword: &'static str,
    pub proposal_summary: &'static str,
    pub source: &'static str,
    pub why: &'static str,
    pub next_steps: &'static str,
    pub no_recommendations: &'static str,
    pub plan_intro: &'static str,
    pub plan_now: &'static str,
    pub plan_quarter: &'static str,
    pub plan_later: &'static str,
    pub plan_empty: &'static str,
    pub appendix_intro: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub unanswered: &'static str,
    pub skipped: &'static str,
    pub whatif_one: &'static str,
    pub whatif_many: &'static str,
    pub whatif_adopted: &'static str,
    pub disclaimer: &'static str,
    pub priority_names: [&'static str; 3],
    pub bars_title: &'static str,
    pub ladder_chart_title: &'static str,
    pub sec_onepage: &'static str,
    pub sec_proposals: &'static str,
    pub verdict: &'static str,
    pub strengths: &'static str,
    pub top_actions: &'static str,
    pub how_sure: &'static str,
    pub wish: &'static str,
    pub no_strengths: &'static str,
    pub no_wish: &'static str,
    pub when: &'static str,
    pub start: &'static str,
    pub due: &'static str,
    pub owner: &'static str,
    pub owner_default: &'static str,
    pub effort: &'static str,
    pub done_when: &'static str,
    pub first_mark: &'static str,
    pub effort_hours: &'static str,
    pub effort_days: &'static str,
    pub effort_weeks: &'static str,
    pub effort_months: &'static str,
    pub because: &'static str,
    pub gap_closes: &'static str,
    pub proposal: &'static str,
    pub steps: &'static str,
    pub time_bound: &'static str,
    pub keep_doing: &'static str,
    pub next_frontier: &'static str,
    pub plan_left_out: &'static str,
    pub answered_share: &'static str,
    pub thin_mark: &'static str,
    pub thin_note: &'static str,
    pub thin_dims: &'static str,
    pub inputs_fingerprint: &'static str,
    pub score_level: &'static str,
    pub ladder_rung: &'static str,
    pub chart_title: &'static str,
    pub reference_threshold: &'static str,
    pub reference_room: &'static str,
    pub speech: &'static str,
    pub no_plan: &'static str,
    pub sure_line: &'static str,
    pub all_sure: &'static str,
    pub short_more: &'static str,
    /// Opening and closing bracket around an aside: `（…）` or ` (…)`.
    pub paren: (&'static str, &'static str),
    /// Between a label and its value: `：` or `: `.
    pub colon: &'static str,
    /// Between items in a run of text: `，` or `, `.
    pub comma: &'static str,
}

pub const ZH: Words = Words {
    subtitle: "建议报告",
    subtitle_plain: "结果报告",
    prepared_for: "报告对象",
    date: "日期",
    firm: "企业",
    questionnaire: "问卷",
    content_hash: "问卷指纹（同一份问卷都一样）",
    confidence: "可信度",
    contents: "目录",
    sec_summary: "总体结果",
    sec_dimensions: "各维度得分",
    sec_ladder: "上云深度阶梯",
    sec_breadth: "工具广度与发现",
    sec_gaps: "短板",
    sec_recommendations: "该做什么（按优先级）",
    sec_plan: "行动计划（带日期）",
    sec_appendix: "附录二：全部问题与本企业的回答",
    sec_appendix_alone: "附录：全部问题与本企业的回答",
    sec_notes: "说明",
    overall: "总分",
    score: "得分",
    level: "得分等级",
    rung: "阶梯位置",
    status: "状态",
    area: "领域",
    dimension: "维度",
    no_data: "无数据",
    gap_mark: "短板",
    gap_line: "低于 {} 分的维度算作短板。",
    no_gaps: "没有低于 {} 分的维度。",
    related: "相关建议",
    rung_reached: "已达到",
    rung_current: "当前所在",
    rung_next: "下一级",
    rung_held_above: "条件已具备，但下面一级还没站稳",
    rung_ahead: "未达到",
    rung_held_short: "条件已具备（未计入）",
    you_are_here: "当前位置",
    rung_of: "第 {n} 级（共 {of} 级）",
    next_rung: "下一级",
    needs: "还需要做到",
    top_rung: "已经站在最高一级。",
    held_above_note: "有些更高一级的条件已经具备，但只有下面各级都站稳，它们才算数。",
    finding: "发现",
    no_findings: "没有需要特别指出的发现。",
    recommendation: "建议",
    priority: "优先级",
    speaker: "提出人",
    role: "身份",
    keyword: "关键词",
    proposal_summary: "主张摘要",
    source: "出处",
    why: "为什么适用于本企业（本企业的回答）",
    next_steps: "下一步",
    no_recommendations: "本次自查没有触发任何建议：各项回答都没有落到建议规则的条件里。",
    plan_intro: "按企业的规模和人手排好的行动，每项有负责人、工作量、完成日期和完成标志；做完一项勾一项。",
    plan_now: "前 30 天（快速见效）",
    plan_quarter: "本季度",
    plan_later: "更长期",
    plan_empty: "（这一段没有安排）",
    appendix_intro: "下面是本次自查实际问到的每一道题和本企业的回答。",
    question: "问题",
    answer: "回答",
    unanswered: "（未作答）",
    skipped: "另有 {n} 道题因前面的回答而没有问到。",
    whatif_one: "注意：本报告中有 1 个答案来自“假设”试算，不是企业原本的回答：",
    whatif_many: "注意：本报告中有 {n} 个答案来自“假设”试算，不是企业原本的回答：",
    whatif_adopted: "{d} 采用",
    disclaimer: "本报告为企业自评估算，根据企业自己的回答生成，不是任何官方评级、信用评价或贷款承诺。",
    priority_names: ["高", "中", "低"],
    bars_title: "满分 100 分，虚线标出 {} 分。",
    ladder_chart_title: "上云深度阶梯，标出本企业所在的一级",
    sec_onepage: "一页摘要",
    sec_proposals: "附录一：建议所依据的2020年提案",
    verdict: "结论",
    strengths: "优势",
    top_actions: "最先要做的三件事",
    how_sure: "结果有多可靠",
    wish: "企业自己的心愿",
    no_strengths: "还没有达到 {} 分的维度。",
    no_wish: "（没有填写）",
    when: "时间",
    start: "开始",
    due: "完成日期",
    owner: "负责人",
    owner_default: "老板",
    effort: "工作量",
    done_when: "完成标志",
    first_mark: "优先",
    effort_hours: "几小时",
    effort_days: "一到三天",
    effort_weeks: "几周",
    effort_months: "数月",
    because: "原因",
    gap_closes: "短板",
    proposal: "提案",
    steps: "步骤",
    time_bound: "时效提醒",
    keep_doing: "继续保持",
    next_frontier: "下一个目标",
    plan_left_out: "另有 {n} 项行动暂不排进计划，做完上面这些再看“建议”一节。",
    answered_share: "已答",
    thin_mark: "作答少",
    thin_note: "作答不足 80% 的维度标为“作答少”，它的分数只是粗估。",
    thin_dims: "作答少的维度",
    inputs_fingerprint: "本报告输入的指纹（回答、问卷、日期）",
    score_level: "得分等级",
    ladder_rung: "阶梯位置",
    chart_title: "各维度得分与参照线",
    reference_threshold: "短板线（{} 分）",
    reference_room: "本场中位数",
    speech: "发言要点",
    no_plan: "本次没有需要排进计划的行动。",
    sure_line: "{p}% 的题目有实际回答",
    all_sure: "各维度作答都比较完整。",
    short_more: "完整报告：smecheck report --format html",
    paren: ("（", "）"),
    colon: "：",
    comma: "，",
};

pub const EN: Words = Words {
    subtitle: "Recommendation report",
    subtitle_plain: "Results report",
    prepared_for: "Prepared for",
    date: "Date",
    firm: "Firm",
    questionnaire: "Questionnaire",
    content_hash: "Questionnaire fingerprint (the same for every firm)",
    confidence: "Confidence",
    contents: "Contents",
    sec_summary: "Results at a glance",
    sec_dimensions: "Scores by dimension",
    sec_ladder: "Cloud depth ladder",
    sec_breadth: "Breadth of tools and findings",
    sec_gaps: "Gaps",
    sec_recommendations: "What to do, by priority",
    sec_plan: "Action plan, with dates",
    sec_appendix: "Appendix B: every question and the firm's answer",
    sec_appendix_alone: "Appendix: every question and the firm's answer",
    sec_notes: "Notes",
    overall: "Overall",
    score: "Score",
    level: "Score level",
    rung: "Ladder rung",
    status: "Status",
    area: "Area",
    dimension: "Dimension",
    no_data: "no data",
    gap_mark: "gap",
    gap_line: "A dimension scoring below {} counts as a gap.",
    no_gaps: "No dimension scores below {}.",
    related: "Related recommendations",
    rung_reached: "reached",
    rung_current: "you are here",
    rung_next: "next rung",
    rung_held_above: "conditions met, but a lower rung is missing",
    rung_ahead: "not yet",
    rung_held_short: "met, not yet counted",
    you_are_here: "You are here",
    rung_of: "rung {n} of {of}",
    next_rung: "Next rung",
    needs: "What it still needs",
    top_rung: "The firm is on the top rung.",
    held_above_note: "Some conditions of higher rungs are already met, but they count only once every rung below holds.",
    finding: "Finding",
    no_findings: "Nothing in particular to point out.",
    recommendation: "Recommendation",
    priority: "Priority",
    speaker: "Proposed by",
    role: "Role",
    keyword: "Keyword",
    proposal_summary: "What was proposed",
    source: "Source",
    why: "Why it applies (the firm's own answers)",
    next_steps: "Next steps",
    no_recommendations: "No recommendation was triggered: none of the answers met the conditions of a recommendation rule.",
    plan_intro: "Actions sized to the firm and its people, each with an owner, effort, a due date and what done looks like. Tick each one off when done.",
    plan_now: "First 30 days (quick wins)",
    plan_quarter: "This quarter",
    plan_later: "Longer term",
    plan_empty: "(nothing planned here)",
    appendix_intro: "Every question the self-check asked, with the firm's answer.",
    question: "Question",
    answer: "Answer",
    unanswered: "(not answered)",
    skipped: "{n} more questions were not asked because of earlier answers.",
    whatif_one: "Note: 1 answer in this report was set in the what-if sandbox, not given as the firm's own:",
    whatif_many: "Note: {n} answers in this report were set in the what-if sandbox, not given as the firm's own:",
    whatif_adopted: "adopted {d}",
    disclaimer: "This report is a self-assessment estimate built from the firm's own answers. It is not an official rating, a credit assessment or a promise of a loan.",
    priority_names: ["high", "medium", "low"],
    bars_title: "Scores are out of 100; the dashed line marks {}.",
    ladder_chart_title: "Cloud depth ladder with the firm's rung marked",
    sec_onepage: "Summary on one page",
    sec_proposals: "Appendix A: the 2020 proposals behind the advice",
    verdict: "Verdict",
    strengths: "Strengths",
    top_actions: "The three things to do first",
    how_sure: "How sure the result is",
    wish: "The firm's wish, in its own words",
    no_strengths: "No dimension scores {} or more yet.",
    no_wish: "(not given)",
    when: "When",
    start: "Start",
    due: "Due",
    owner: "Owner",
    owner_default: "Owner",
    effort: "Effort",
    done_when: "Done when",
    first_mark: "first",
    effort_hours: "a few hours",
    effort_days: "1–3 days",
    effort_weeks: "a few weeks",
    effort_months: "months",
    because: "Because",
    gap_closes: "Gap",
    proposal: "Proposal",
    steps: "Steps",
    time_bound: "Time-bound",
    keep_doing: "Keep doing",
    next_frontier: "Next frontier",
    plan_left_out: "{n} more actions are left out of the plan for now; see the recommendations once these are done.",
    answered_share: "answered",
    thin_mark: "thin",
    thin_note: "A dimension with fewer than 80% of its questions answered is marked thin; its score is a rough guess.",
    thin_dims: "Thin dimensions",
    inputs_fingerprint: "Fingerprint of this report's inputs (answers, questionnaire, date)",
    score_level: "Score level",
    ladder_rung: "Ladder rung",
    chart_title: "Each dimension against the reference line",
    reference_threshold: "gap line ({})",
    reference_room: "room median",
    speech: "What was said",
    no_plan: "Nothing to plan this time.",
    sure_line: "{p}% of the questions have a real answer",
    all_sure: "Every dimension is well answered.",
    short_more: "Full report: smecheck report --format html",
    paren: (" (", ")"),
    colon: ": ",
    comma: ", ",
};

/// The report's words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Words {
    /// `1 (high)`: the priority's number and its name.
    pub fn priority_value(&self, p: u8) -> String {
        let name = self
            .priority_names
            .get(usize::from(p.clamp(1, 3)) - 1)
            .copied()
            .unwrap_or("");
        format!("{p}{}", self.aside(name))
    }

    /// `Priority 1 (high)`.
    pub fn priority_label(&self, p: u8) -> String {
        format!("{} {}", self.priority, self.priority_value(p))
    }

    /// `（text）` or ` (text)`.
    pub fn aside(&self, text: &str) -> String {
        format!("{}{text}{}", self.paren.0, self.paren.1)
    }

    /// `label：value` or `label: value`.
    pub fn pair(&self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon)
    }

    /// `rung 3 of 6`.
    pub fn rung_of(&self, n: usize, of: usize) -> String {
        self.rung_of
            .replace("{n}", &n.to_string())
            .replace("{of}", &of.to_string())
    }

    /// The note heading the answers adopted from what-if.
    pub fn whatif_note(&self, n: usize) -> String {
        if n == 1 {
            self.whatif_one.to_string()
        } else {
            self.whatif_many.replace("{n}", &n.to_string())
        }
    }

    /// One answer adopted from what-if: question → answer (adopted on the day).
    pub fn whatif_item(&self, a: &super::WhatIfAnswer) -> String {
        let mut s = format!("{} → {}", a.question, a.answer);
        if !a.adopted.is_empty() {
            s.push_str(&self.aside(&self.whatif_adopted.replace("{d}", &a.adopted)));
        }
        s
    }

    pub fn skipped(&self, n: usize) -> String {
        self.skipped.replace("{n}", &n.to_string())
    }

    pub fn rung_state(&self, s: super::RungState) -> &'static str {
        use super::RungState::*;
        match s {
            Reached => self.rung_reached,
            Current => self.rung_current,
            Next => self.rung_next,
            HeldAbove => self.rung_held_above,
            Ahead => self.rung_ahead,
        }
    }

    pub fn effort(&self, e: crate::domain::proposals::Effort) -> &'static str {
        use crate::domain::proposals::Effort::*;
        match e {
            Hours => self.effort_hours,
            Days => self.effort_days,
            Weeks => self.effort_weeks,
            Months => self.effort_months,
        }
    }

    pub fn plan_left_out(&self, n: usize) -> String {
        self.plan_left_out.replace("{n}", &n.to_string())
    }

    pub fn sure_line(&self, percent: u32) -> String {
        self.sure_line.replace("{p}", &percent.to_string())
    }

    pub fn horizon_title(&self, h: crate::domain::model::Horizon) -> &'static str {
        use crate::domain::model::Horizon::*;
        match h {
            Now => self.plan_now,
            Quarter => self.plan_quarter,
            Later => self.plan_later,
        }
    }
}
