//! The proposals catalogue: P1–P11 from the source article, with speaker, keyword and actions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::ProposalId;
use super::text::LocalText;

/// Where the proposals come from.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
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
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub schema_version: u32,
    pub source: Source,
    /// A reminder that 2020 measures may have lapsed; shown with recommendations.
    pub caveat: LocalText,
    pub proposals: Vec<Proposal>,
}

impl Catalogue {
    pub fn get(&self, id: &ProposalId) -> Option<&Proposal> {
        self.proposals.iter().find(|p| &p.id == id)
    }
}
