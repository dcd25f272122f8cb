//! The action plan: every fired rule's step as one dated, owned action, duplicates merged,
//! capped by what a firm of this size and with this digital lead can take on, and "keep doing"
//! and "next frontier" items for areas where the firm already leads.

use serde::Serialize;

use crate::domain::model::{Horizon, ProposalId, RuleId};
use crate::domain::proposals::{Advice, Effort};
use crate::domain::text::Lang;

use super::date::add_days;
use super::strings as ws;

/// What kind of action a plan item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// Closes a gap a rule found.
    Fix,
    /// Holds on to something the firm already does well.
    KeepDoing,
    /// The next step for an area the firm already leads in.
    NextFrontier,
}

/// One action before it is placed in the plan.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The rule that fired; `None` for keep-doing and frontier items.
    pub rule: Option<RuleId>,
    pub proposal: Option<ProposalId>,
    pub kind: PlanKind,
    /// 1 = most urgent.
    pub priority: u8,
    pub horizon: Horizon,
    /// What to do, in a few words; candidates with the same headline are merged.
    pub headline: String,
    /// The full action text.
    pub detail: String,
    pub owner: String,
    pub effort: Option<Effort>,
    pub done_when: String,
}

/// How much the plan may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Actions marked first priority.
    pub first_priority: usize,
    /// Actions in each window: the first 30 days, the rest of the quarter, later.
    pub per_window: usize,
}

impl Caps {
    pub const DEFAULT_FIRST_PRIORITY: usize = 3;
    pub const DEFAULT_FIRST_30_DAYS: usize = 5;

    /// The caps for a firm of size option `size` whose answer on who leads digital work is
    /// `lead`, from the catalogue's advice (defaults where it says nothing).
    pub fn for_firm(advice: &Advice, size: Option<&str>, lead: Option<&str>) -> Caps {
        let mut per_window = size
            .and_then(|s| advice.first_30_days.get(s).copied())
            .unwrap_or(Self::DEFAULT_FIRST_30_DAYS);
        if lead.is_some_and(|l| advice.no_lead.iter().any(|x| x == l)) {
            per_window = per_window.saturating_sub(1);
        }
        Caps {
            first_priority: advice
                .first_priority
                .unwrap_or(Self::DEFAULT_FIRST_PRIORITY),
            per_window: per_window.max(2),
        }
    }
}

/// One action of the plan, dated and owned.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItem {
    /// 1-based place in the plan.
    pub number: usize,
    pub kind: PlanKind,
    /// Proposals this action answers (more than one when duplicates were merged).
    pub proposals: Vec<ProposalId>,
    /// The rules it came from.
    pub rules: Vec<RuleId>,
    /// One of the (at most `first_priority`) actions to do first.
    pub first: bool,
    pub horizon: Horizon,
    pub action: String,
    pub detail: String,
    /// `YYYY-MM-DD`.
    pub start: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub owner: String,
    pub effort: Option<Effort>,
    pub effort_label: String,
    pub done_when: String,
}

impl PlanItem {
    /// The item as a plain line: `[do first] action (P3, P7)`, for text and the terminal.
    pub fn plain_line(&self, lang: Lang) -> String {
        let first = if self.first {
            format!("[{}] ", ws::FIRST_MARK.get(lang))
        } else {
            String::new()
        };
        let ps = if self.proposals.is_empty() {
            String::new()
        } else {
            ws::aside(lang, &self.proposals.join(", "))
        };
        format!("{first}{}{ps}", self.action)
    }

    /// `due 2026-12-08 · Owner · a few hours`.
    pub fn facts(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if !self.due.is_empty() {
            parts.push(ws::pair(lang, ws::DUE.get(lang), &self.due));
        }
        parts.push(self.owner.clone());
        if !self.effort_label.is_empty() {
            parts.push(self.effort_label.clone());
        }
        parts.join(" · ")
    }
}

/// The plan: items by window, and how many actions did not fit.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub items: Vec<PlanItem>,
    /// Actions left out because the windows were full; they stay in the recommendations.
    pub left_out: usize,
}

impl Plan {
    /// The plan item a rule's step went to.
    pub fn item_of(&self, rule: &RuleId) -> Option<&PlanItem> {
        self.items.iter().find(|i| i.rules.contains(rule))
    }

    pub fn window(&self, h: Horizon) -> impl Iterator<Item = &PlanItem> {
        self.items.iter().filter(move |i| i.horizon == h)
    }

    /// The windows that have items, in the order every report prints them, with their items.
    pub fn windows(&self) -> impl Iterator<Item = (Horizon, Vec<&PlanItem>)> {
        WINDOWS.into_iter().filter_map(|h| {
            let items: Vec<_> = self.window(h).collect();
            (!items.is_empty()).then_some((h, items))
        })
    }
}

const WINDOWS: [Horizon; 3] = [Horizon::Now, Horizon::Quarter, Horizon::Later];

/// Start and due date of an action in window `h` with effort `e`, as days after the report.
fn days(h: Horizon, e: Option<Effort>) -> (i64, i64) {
    match (h, e) {
        (Horizon::Now, Some(Effort::Hours)) => (0, 7),
        (Horizon::Now, Some(Effort::Days)) => (0, 14),
        (Horizon::Now, _) => (0, 30),
        (Horizon::Quarter, Some(Effort::Hours | Effort::Days)) => (30, 60),
        (Horizon::Quarter, _) => (30, 90),
        (Horizon::Later, _) => (90, 180),
    }
}

/// Merges duplicates, orders by priority then window, marks the first-priority actions,
/// places each in its window or the next one with room, and dates it from `date`.
pub fn build(cands: Vec<Candidate>, caps: Caps, date: &str, lang: Lang) -> Plan {
    let mut merged: Vec<(Candidate, Vec<ProposalId>, Vec<RuleId>)> = Vec::new();
    for c in cands {
        match merged.iter_mut().find(|(m, _, _)| m.headline == c.headline) {
            Some((m, proposals, rules)) => {
                m.priority = m.priority.min(c.priority);
                m.horizon = m.horizon.min(c.horizon);
                if let Some(p) = c.proposal.filter(|p| !proposals.contains(p)) {
                    proposals.push(p);
                }
                rules.extend(c.rule);
            }
            None => {
                let proposals = c.proposal.iter().cloned().collect();
                let rules = c.rule.iter().cloned().collect();
                merged.push((c, proposals, rules));
            }
        }
    }
    // Quick wins first among equals; stable, so equal keys keep the recommendations' order.
    merged.sort_by_key(|(c, _, _)| (c.priority, c.horizon, c.effort));
    let mut filled = [0usize; 3];
    let mut firsts = 0;
    let mut items = Vec::new();
    let mut left_out = 0;
    for (c, proposals, rules) in merged {
        let from = WINDOWS.iter().position(|h| *h == c.horizon).unwrap_or(0);
        let Some(slot) = (from..WINDOWS.len()).find(|i| filled[*i] < caps.per_window) else {
            left_out += 1;
            continue;
        };
        filled[slot] += 1;
        let horizon = WINDOWS[slot];
        let first = c.kind == PlanKind::Fix && c.priority == 1 && firsts < caps.first_priority;
        firsts += usize::from(first);
        let (from_day, to_day) = days(horizon, c.effort);
        let at = |n: i64| add_days(date, n).unwrap_or_else(|| date.to_string());
        items.push(PlanItem {
            number: 0,
            kind: c.kind,
            proposals,
            rules,
            first,
            horizon,
            action: c.headline,
            detail: c.detail,
            start: at(from_day),
            due: at(to_day),
            owner: c.owner,
            effort: c.effort,
            effort_label: c
                .effort
                .map_or_else(String::new, |e| ws::effort(lang, e).to_string()),
            done_when: c.done_when,
        });
    }
    // Window by window; within one, first-priority actions first, then by due date.
    items.sort_by(|a, b| (a.horizon, !a.first, &a.due).cmp(&(b.horizon, !b.first, &b.due)));
    for (i, item) in items.iter_mut().enumerate() {
        item.number = i + 1;
    }
    Plan { items, left_out }
}

/// The text before the first sentence break, for a headline when the data gives none.
pub fn first_sentence(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|(i, c)| {
            matches!(c, '。' | '；' | '：' | '！')
                || (matches!(c, '.' | ';' | ':') && text[i + 1..].starts_with(' '))
        })
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::text::Lang;

    fn cand(rule: &str, p: &str, priority: u8, horizon: Horizon, headline: &str) -> Candidate {
        Candidate {
            rule: Some(RuleId::from(rule)),
            proposal: Some(ProposalId::from(p)),
            kind: PlanKind::Fix,
            priority,
            horizon,
            headline: headline.to_string(),
            detail: format!("{headline}, in detail"),
            owner: "Owner".to_string(),
            effort: Some(Effort::Days),
            done_when: "done".to_string(),
        }
    }

    fn many(n: usize, priority: u8, horizon: Horizon) -> Vec<Candidate> {
        (0..n)
            .map(|i| {
                cand(
                    &format!("r{i}"),
                    "P1",
                    priority,
                    horizon,
                    &format!("do {i}"),
                )
            })
            .collect()
    }

    const DATE: &str = "2026-11-24";

    fn caps(first_priority: usize, per_window: usize) -> Caps {
        Caps {
            first_priority,
            per_window,
        }
    }

    #[test]
    fn at_most_three_first_priority_and_the_window_cap_holds() {
        let plan = build(many(9, 1, Horizon::Now), caps(3, 5), DATE, Lang::En);
        assert_eq!(plan.items.iter().filter(|i| i.first).count(), 3);
        assert_eq!(plan.window(Horizon::Now).count(), 5);
        // The rest spill into the next window, not out of the plan.
        assert_eq!(plan.window(Horizon::Quarter).count(), 4);
        assert_eq!(plan.left_out, 0);
        let plan = build(many(20, 2, Horizon::Now), caps(3, 5), DATE, Lang::En);
        assert_eq!(plan.items.len(), 15);
        assert_eq!(plan.left_out, 5);
        assert!(
            plan.items.iter().all(|i| !i.first),
            "no priority 1, no first"
        );
    }

    #[test]
    fn caps_scale_with_size_and_who_leads() {
        let advice: Advice = serde_json::from_value(serde_json::json!({
            "first_30_days": {"micro": 3, "small": 4, "medium": 5},
            "no_lead": ["nobody"]
        }))
        .unwrap();
        let c = |s, l| Caps::for_firm(&advice, s, l).per_window;
        assert_eq!(c(Some("micro"), Some("owner_leads")), 3);
        assert_eq!(c(Some("micro"), Some("nobody")), 2);
        assert_eq!(c(Some("small"), None), 4);
        assert_eq!(c(Some("medium"), Some("nobody")), 4);
        assert_eq!(c(None, None), Caps::DEFAULT_FIRST_30_DAYS, "unknown size");
        assert_eq!(c(Some("giant"), None), Caps::DEFAULT_FIRST_30_DAYS);
        assert_eq!(Caps::for_firm(&advice, None, None).first_priority, 3);
        // A micro firm with nobody leading gets a plan it can carry.
        let micro = Caps::for_firm(&advice, Some("micro"), Some("nobody"));
        let plan = build(many(23, 2, Horizon::Now), micro, DATE, Lang::Zh);
        assert_eq!(plan.window(Horizon::Now).count(), 2);
        assert_eq!(plan.items.len(), 6);
        let medium = Caps::for_firm(&advice, Some("medium"), None);
        let plan = build(many(23, 2, Horizon::Now), medium, DATE, Lang::Zh);
        assert_eq!(plan.window(Horizon::Now).count(), 5);
    }

    #[test]
    fn dates_follow_the_window_and_effort() {
        let mut cands = vec![
            cand("a", "P1", 2, Horizon::Now, "a"),
            cand("b", "P2", 2, Horizon::Quarter, "b"),
            cand("c", "P3", 2, Horizon::Later, "c"),
        ];
        cands[0].effort = Some(Effort::Hours);
        cands[1].effort = Some(Effort::Months);
        let plan = build(cands, caps(3, 5), DATE, Lang::En);
        let dates: Vec<(&str, &str)> = plan
            .items
            .iter()
            .map(|i| (i.start.as_str(), i.due.as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                ("2026-11-24", "2026-12-01"),
                ("2026-12-24", "2027-02-22"),
                ("2027-02-22", "2027-05-23")
            ]
        );
        assert_eq!(
            plan.items[0].effort_label,
            super::super::strings::EFFORT_HOURS.get(Lang::En)
        );
        // A spilled action takes its new window's dates.
        let plan = build(many(3, 2, Horizon::Now), caps(3, 2), DATE, Lang::En);
        assert_eq!(plan.items[2].horizon, Horizon::Quarter);
        assert_eq!(plan.items[2].start, "2026-12-24");
    }

    #[test]
    fn duplicates_merge_into_one_item_with_both_proposals() {
        let cands = vec![
            cand("p6_a", "P6", 1, Horizon::Now, "Register on the platform"),
            cand(
                "p5_b",
                "P5",
                2,
                Horizon::Quarter,
                "Register on the platform",
            ),
            cand("p6_c", "P6", 1, Horizon::Now, "Check the grade"),
            cand("p6_d", "P6", 2, Horizon::Now, "Check the grade"),
        ];
        let plan = build(cands, caps(3, 5), DATE, Lang::En);
        assert_eq!(plan.items.len(), 2);
        let reg = &plan.items[0];
        assert_eq!(reg.action, "Register on the platform");
        assert_eq!(
            reg.proposals,
            [ProposalId::from("P6"), ProposalId::from("P5")]
        );
        assert_eq!(reg.rules.len(), 2);
        assert_eq!(reg.horizon, Horizon::Now, "the earlier window wins");
        assert_eq!(plan.items[1].proposals, [ProposalId::from("P6")]);
        assert!(
            plan.item_of(&RuleId::from("p5_b"))
                .is_some_and(|i| i.number == 1)
        );
    }

    #[test]
    fn keep_doing_and_frontier_items_are_never_first_priority() {
        let mut keep = cand("k", "P1", 1, Horizon::Quarter, "keep");
        keep.kind = PlanKind::KeepDoing;
        keep.rule = None;
        keep.proposal = None;
        let plan = build(vec![keep], caps(3, 5), DATE, Lang::En);
        assert_eq!(plan.items.len(), 1);
        assert!(!plan.items[0].first);
        assert!(plan.items[0].proposals.is_empty());
    }

    #[test]
    fn first_sentences_make_headlines() {
        assert_eq!(first_sentence("Do this. Then that."), "Do this");
        assert_eq!(first_sentence("先做这个；再做那个。"), "先做这个");
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
        assert_eq!(first_sentence("Pay 1.5 points: now"), "Pay 1.5 points");
    }
}
