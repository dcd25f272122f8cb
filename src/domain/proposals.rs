//! The proposals catalogue: P1–P11 from the source article, with speaker, keyword and actions,
//! and the advice texts the report's plan is built from (owner roles, effort, "done when").

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::ProposalId;
use super::text::LocalText;

/// Where the proposals come from.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: LocalText,
    pub publisher: LocalText,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
}

/// One proposal of the article, written in our own words.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub id: ProposalId,
    pub speaker: LocalText,
    pub role: LocalText,
    /// The article's keyword line for this speaker.
    pub keyword: LocalText,
    /// A faithful summary of what was proposed.
    pub summary: LocalText,
    /// The gap at firm level that the proposal answers.
    pub gap: LocalText,
    /// Things a firm can do today in the direction of the proposal.
    pub actions: Vec<LocalText>,
    /// Who and what a facilitator should bring to the next session for the firms that need
    /// this proposal. Without it, the cohort report names help by area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bring: Option<LocalText>,
    /// Who usually acts on this proposal: a key of [`Advice::roles`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Set when the proposal cites 2020 measures that were time-bound; shown beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_bound: Option<LocalText>,
}

/// Rough effort of one action.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// A few hours.
    Hours,
    /// One to three days.
    Days,
    /// A few weeks.
    Weeks,
    /// Months, or ongoing.
    Months,
}

/// The plan texts of one rule: the action in the firm's terms, who, how much, when it is done.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleAdvice {
    /// What to do, in a few words. Two rules with the same headline are one plan item.
    pub headline: LocalText,
    pub effort: Effort,
    pub done_when: LocalText,
    /// Overrides the proposal's owner role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// An owner role as the firm would name it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub label: LocalText,
    /// The name in a firm of one of [`Advice::small_sizes`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small: Option<LocalText>,
    /// The name when nobody inside leads digital work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_lead: Option<LocalText>,
}

/// "Keep doing" and "next frontier" for a firm that already leads in one area.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Frontier {
    /// The questionnaire area this applies to.
    pub area: String,
    pub keep: LocalText,
    pub keep_done: LocalText,
    pub next: LocalText,
    pub next_done: LocalText,
    pub owner: String,
    pub effort: Effort,
}

/// How the plan is scaled to the firm, and the texts it is written with. Everything is
/// optional: without it the plan falls back to the rules' own action texts and fixed caps.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// At most this many first-priority actions (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_priority: Option<usize>,
    /// The profile field that holds the firm's size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_field: Option<String>,
    /// Actions in the first 30 days, by size option (default 5).
    #[serde(default)]
    pub first_30_days: BTreeMap<String, usize>,
    /// Size options of firms too small to have separate roles.
    #[serde(default)]
    pub small_sizes: Vec<String>,
    /// The question on who leads digital work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_question: Option<String>,
    /// Its options that mean nobody inside leads: one action fewer in the first 30 days.
    #[serde(default)]
    pub no_lead: Vec<String>,
    #[serde(default)]
    pub roles: BTreeMap<String, Role>,
    /// Plan texts by rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleAdvice>,
    #[serde(default)]
    pub frontier: Vec<Frontier>,
}

/// A recommendations catalogue: the proposals a questionnaire's rules point to, where they come
/// from, and the plan texts. `questionnaires/proposals.json` is the shipped smecheck one (built
/// in as `smecheck-p1-p11`); a questionnaire may also write its own out in `recommendations`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The catalogue format's version (1); may be left out of a catalogue written inside a
    /// questionnaire.
    #[serde(default = "format_version")]
    pub schema_version: u32,
    pub source: Source,
    /// A reminder shown with the recommendations (for smecheck's, that 2020 measures may have
    /// lapsed). Optional.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub caveat: LocalText,
    pub proposals: Vec<Proposal>,
    #[serde(default)]
    pub advice: Advice,
}

fn format_version() -> u32 {
    1
}

fn is_blank(t: &LocalText) -> bool {
    t.zh.is_empty() && t.en.is_empty()
}

impl Catalogue {
    /// True when there is nothing to recommend: a questionnaire without a catalogue.
    pub fn is_empty(&self) -> bool {
        self.proposals.is_empty()
    }

    pub fn get(&self, id: &ProposalId) -> Option<&Proposal> {
        self.proposals.iter().find(|p| &p.id == id)
    }
}
