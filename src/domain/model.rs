//! The questionnaire format: areas, dimensions, questions, ladders, findings and rules, as data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::proposals::Catalogue;
use super::text::LocalText;

mod index;
mod roles;

pub use index::QuestionIndex;
pub use roles::{Role, Roles};

/// The format version this build reads. A file with another `schema_version` is rejected.
pub const SCHEMA_VERSION: u32 = 1;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub std::sync::Arc<str>);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == &*other.0
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }

        // Hashes and compares as its string, so maps keyed by it can be searched by `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.into())
            }
        }
    };
}

id_type!(
    /// Identifies a question; answer files key answers by it.
    QuestionId
);
id_type!(
    /// Identifies an option within its question.
    OptionId
);
id_type!(
    /// Identifies a row of a matrix question within it.
    RowId
);
id_type!(
    /// Identifies a dimension; unique across the questionnaire.
    DimensionId
);
id_type!(
    /// Identifies an area (`cloud`, `finance`).
    AreaId
);
id_type!(
    /// Identifies a proposal of the source article: `P1` … `P11`.
    ProposalId
);
id_type!(
    /// Identifies a level within its list (`overall`'s or an area's).
    LevelId
);
id_type!(
    /// Identifies a ladder.
    LadderId
);
id_type!(
    /// Identifies a rung within its ladder.
    RungId
);
id_type!(
    /// Identifies a finding.
    FindingId
);
id_type!(
    /// Identifies a rule.
    RuleId
);

/// A whole questionnaire file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Optional link to the JSON Schema (`smecheck questionnaire --schema`), for editors that
    /// validate and complete a file from its `$schema`. Ignored by smecheck.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// Must equal the format version this build reads (currently 1).
    pub schema_version: u32,
    /// Stable identifier, e.g. `smecheck-core`. Answer files name it.
    pub id: String,
    /// The questionnaire's own version, e.g. `1.0.0`.
    pub version: String,
    pub title: LocalText,
    /// What the check measures and how long it takes, shown on the welcome screen.
    pub intro: LocalText,
    /// Expected minutes to finish.
    pub minutes: u32,
    /// What the result is and is not, shown on every report, on the results screen and by
    /// `score` (e.g. "an estimate; only the official system gives the official level").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
    /// Firm profile fields asked before the questions; rules may use them.
    #[serde(default)]
    pub profile: Vec<ProfileField>,
    /// How scores are rounded and placed in levels; by default one decimal.
    #[serde(default, skip_serializing_if = "ScoreFormat::is_default")]
    pub score_format: ScoreFormat,
    /// Score bands for the overall score.
    pub levels: Vec<Level>,
    pub areas: Vec<Area>,
    /// Questions in the order they are asked; questions of one dimension stay together.
    pub questions: Vec<Question>,
    /// Gated ladders (e.g. cloud depth): a rung counts only when all rungs below it hold.
    #[serde(default)]
    pub ladders: Vec<Ladder>,
    /// How many kinds of tools the firm uses, whatever their depth.
    #[serde(default)]
    pub breadth: Option<Breadth>,
    /// Named findings such as "broad but shallow".
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Where the rules' proposals come from: the name of a catalogue built into smecheck
    /// (`"smecheck-p1-p11"`) or a catalogue written out here. Without it the questionnaire
    /// gives no recommendations, and has no rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendations: Option<Recommendations>,
    /// Recommendation rules: condition → proposal, priority and next action.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Which area is cloud depth, which is financing, which finding is "broad but shallow" and
    /// which profile field is the firm's name; views that need an undeclared role are left out.
    #[serde(default, skip_serializing_if = "Roles::is_empty")]
    pub roles: Roles,
    /// Question id → position, built once after loading; lookups fall back to a scan without it.
    #[serde(skip)]
    #[schemars(skip)]
    pub index: QuestionIndex,
}

/// A questionnaire's recommendations catalogue: named (built into smecheck) or written out.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Recommendations {
    /// The name of a catalogue built into smecheck, e.g. `smecheck-p1-p11`.
    Named(String),
    /// The catalogue itself, in the shape of `questionnaires/proposals.json`.
    Inline(Box<Catalogue>),
}

impl<'de> Deserialize<'de> for Recommendations {
    /// A string or an object, read in place so that a mistake inside a written-out catalogue
    /// is reported where it is (an untagged enum would only say that nothing matched).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Recommendations;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the name of a built-in catalogue or a catalogue object `{...}`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Recommendations::Named(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                Catalogue::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|c| Recommendations::Inline(Box::new(c)))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileField {
    pub id: String,
    pub label: LocalText,
    /// Free text when there are no options, otherwise a choice among them.
    #[serde(default)]
    pub options: Vec<ProfileOption>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileOption {
    pub id: String,
    pub label: LocalText,
}

/// How scores are rounded, once, and placed in levels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreFormat {
    /// Decimals of every score given out (score card, reports, exports). Scores are computed
    /// unrounded and rounded once, to this many decimals (half up).
    #[serde(default = "one_decimal")]
    pub precision: u8,
    /// Decimals of the level bands' edges as the instrument publishes them; by default
    /// `precision`. A score is placed in a level after rounding it (half up) to this many
    /// decimals, so bands may be written as closed ranges one step apart (0–25, 26–50, …):
    /// with `0`, 50.71 rounds to 51 and falls in 51–75.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_edges: Option<u8>,
    /// A dimension scoring below this (rounded like a level edge) is a gap: it is named in the
    /// report, drives the advice and is counted in a room. By default 60; an instrument sets
    /// the line its method draws (the DMA's "moderately advanced" at 51, say).
    #[serde(default = "sixty")]
    pub gap_below: f64,
}

fn one_decimal() -> u8 {
    1
}

fn sixty() -> f64 {
    60.0
}

impl Default for ScoreFormat {
    fn default() -> Self {
        ScoreFormat {
            precision: one_decimal(),
            level_edges: None,
            gap_below: sixty(),
        }
    }
}

impl ScoreFormat {
    /// The most decimals a questionnaire may ask for.
    pub const MAX_DECIMALS: u8 = 4;

    pub fn is_default(&self) -> bool {
        *self == ScoreFormat::default()
    }

    /// Decimals of the level edges.
    pub fn edges(&self) -> u8 {
        self.level_edges.unwrap_or(self.precision)
    }

    /// `x` rounded half up to the score precision: the one rounding a score gets.
    pub fn round(&self, x: f64) -> f64 {
        round_to(x, self.precision)
    }

    /// Whether a dimension's score is a gap: below [`ScoreFormat::gap_below`] once rounded to
    /// the level edges' decimals (so a DMA score of 50.6, shown in level 51–75, is no gap).
    pub fn is_gap(&self, score: f64) -> bool {
        round_to(score, self.edges()) < self.gap_below
    }

    /// The smallest step between two level edges (1 for whole-number edges).
    pub fn edge_step(&self) -> f64 {
        10f64.powi(-i32::from(self.edges()))
    }
}

/// `x` rounded half up to `decimals` decimals. A tiny nudge first keeps a value computed as
/// 50.499999… from a true 50.5 on the right side of the edge.
fn round_to(x: f64, decimals: u8) -> f64 {
    let f = 10f64.powi(i32::from(decimals.min(ScoreFormat::MAX_DECIMALS)));
    ((x * f) + 1e-9).round() / f
}

/// A named score band `[min, max)`; the last band of a list includes its max (100). With
/// [`ScoreFormat::level_edges`], bands may also be closed ranges one edge step apart.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: LevelId,
    pub label: LocalText,
    pub min: f64,
    pub max: f64,
    /// One plain sentence on what reaching this level means.
    pub meaning: LocalText,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: AreaId,
    pub title: LocalText,
    pub description: LocalText,
    /// Weight of this area in the overall score.
    pub weight: f64,
    pub levels: Vec<Level>,
    pub dimensions: Vec<Dimension>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: DimensionId,
    pub title: LocalText,
    pub description: LocalText,
    /// Weight of this dimension in its area's score.
    pub weight: f64,
    /// Optional score bands of this dimension, like an area's (e.g. the EU DMA bands each of
    /// its six dimensions); none means the dimension shows a score only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
}

/// How a question is answered and scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Pick one option.
    Single,
    /// Tick any number of options.
    Multi,
    /// An ordered scale, e.g. 0 not used … 5 in daily operation; points must not fall along it.
    Scale,
    /// Exactly the options `yes`, `partly`, `no`.
    YesPartlyNo,
    /// A number with a unit, scored by bands.
    Number,
    /// Free text, never scored.
    Text,
    /// Rows that share the question's options: each row picks one of them (a 0–5 scale per
    /// technology), or, with `ticks`, ticks any of them (columns such as "already invested" /
    /// "plan to invest" per business area). Each row is answered, scored and exported apart.
    Matrix,
}

/// How the ticked options of a multiple-choice question become points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum MultiScoring {
    /// Sum of the ticked options' points, out of the sum of all positive points.
    #[default]
    Sum,
    /// Share of the (non-exclusive) options ticked.
    Share,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: QuestionId,
    pub dimension: DimensionId,
    pub kind: QuestionKind,
    pub text: LocalText,
    /// Plain explanation for a non-IT owner.
    pub help: LocalText,
    /// A concrete example.
    pub example: LocalText,
    /// For a workshop facilitator; never shown in the self-check.
    pub facilitator_note: LocalText,
    /// Weight within the dimension; 0 makes the question unscored (context or skip logic only).
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// Matrix question: its rows, in the order asked; the options are the shared scale or the
    /// tick columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<MatrixRow>,
    /// Matrix question: each row ticks any of the options (columns) instead of picking one.
    /// A row earns the points of its best ticked column.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ticks: bool,
    #[serde(default)]
    pub multi_scoring: MultiScoring,
    /// Unit of a number question, e.g. "%" or "people".
    #[serde(default)]
    pub unit: Option<LocalText>,
    /// Smallest accepted number.
    #[serde(default)]
    pub min: Option<f64>,
    /// Largest accepted number.
    #[serde(default)]
    pub max: Option<f64>,
    /// Scored bands of a number question, contiguous and ascending.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Whether "don't know" may be answered. It is counted separately and lowers confidence.
    #[serde(default)]
    pub dont_know: bool,
    /// Whether "not applicable" may be answered (the question does not apply to the firm, e.g.
    /// equipment for a firm without any). It leaves the score's denominator, and a rung
    /// requirement that reads only such questions counts as met.
    #[serde(default)]
    pub not_applicable: bool,
    /// Ask this question only when the condition on earlier answers holds.
    #[serde(default)]
    pub visible_if: Option<Condition>,
    /// Where this question's answer comes from in an answer file of another questionnaire
    /// version: earlier questions (possibly under the same id) and how their options map to
    /// this question's. An option with no counterpart is reported, never silently dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previously: Vec<Previously>,
    /// The most points an answer can earn, worked out once when the questionnaire is indexed.
    #[serde(skip)]
    #[schemars(skip)]
    pub top: Option<f64>,
}

fn one() -> f64 {
    1.0
}

/// One row of a matrix question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatrixRow {
    /// Unique within the question; answer files and conditions name the row by it.
    pub id: RowId,
    pub label: LocalText,
}

/// An earlier version's question whose answer carries over into this one.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Previously {
    /// The question's id in the earlier version.
    pub question: QuestionId,
    /// Earlier option id → this question's option id; options not listed have no counterpart.
    /// Empty for a number or free-text question, whose value carries over as it is (and for a
    /// matrix whose columns kept their ids).
    #[serde(default)]
    pub options: std::collections::BTreeMap<String, String>,
    /// A matrix from an earlier matrix: earlier row id → this question's row id; rows not
    /// listed have no counterpart. Empty when the rows kept their ids.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub rows: std::collections::BTreeMap<String, String>,
    /// A matrix from an earlier question that was not a grid (one question per row, as
    /// instruments were written before the matrix kind): the row its answer becomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: OptionId,
    pub label: LocalText,
    /// Points for this option; required in scored single, scale, yes/partly/no and summed multi questions.
    #[serde(default)]
    pub points: Option<f64>,
    /// Ticking it clears the others ("none of these"); not counted in shares or breadth.
    #[serde(default)]
    pub exclusive: bool,
    /// Multiple choice: ticking it gives the question no points whatever else is ticked (a
    /// negative answer such as "data is not collected digitally"), and it still counts as one
    /// of the options a share is taken over; never a kind of tool in breadth or counts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zeroes: bool,
}

impl AnswerOption {
    /// Whether ticking it counts as one more kind of tool or practice (breadth, `count`).
    pub fn is_kind(&self) -> bool {
        !self.exclusive && !self.zeroes
    }

    /// Whether it is one of the options a `share`-scored question's share is taken over.
    pub fn in_share(&self) -> bool {
        !self.exclusive || self.zeroes
    }
}

/// A number band `[min, max)`; a missing max is open-ended.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: f64,
    #[serde(default)]
    pub max: Option<f64>,
    pub points: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    pub id: LadderId,
    pub area: AreaId,
    pub title: LocalText,
    pub description: LocalText,
    /// Ordered from the lowest rung; the first rung has no requirements.
    pub rungs: Vec<Rung>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rung {
    pub id: RungId,
    pub label: LocalText,
    /// What a firm on this rung looks like, in plain words.
    pub description: LocalText,
    /// All must hold (on answers and profile only) for the rung to count.
    #[serde(default)]
    pub requires: Vec<Requirement>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The requirement in plain words, shown when it is not yet met.
    pub text: LocalText,
    pub when: Condition,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breadth {
    pub title: LocalText,
    pub description: LocalText,
    /// Multiple-choice questions whose non-exclusive options count as kinds of tools.
    pub questions: Vec<QuestionId>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: FindingId,
    pub title: LocalText,
    pub text: LocalText,
    pub when: Condition,
}

/// When a next step belongs in the action plan.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Within 30 days: quick wins.
    Now,
    /// Within this quarter.
    Quarter,
    /// Longer term.
    Later,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: RuleId,
    pub proposal: ProposalId,
    /// 1 = most urgent, 3 = least.
    pub priority: u8,
    pub horizon: Horizon,
    /// Who the rule is for (size, industry, what the firm has or wants): it fires only when
    /// this holds too, and the answers it reads are never given as the reasons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_if: Option<Condition>,
    /// What the firm's answers show that the recommendation answers; its reasons.
    pub when: Condition,
    /// What the firm should do next, concretely.
    pub action: LocalText,
}

impl Questionnaire {
    /// Where the score of a dimension, an area or `overall` sits among derived scores: every
    /// dimension in order, then every area, then overall.
    pub fn score_slot(&self, of: &str) -> Option<usize> {
        let dims = self.dimensions().count();
        self.dimensions()
            .position(|(_, d)| d.id.as_str() == of)
            .or_else(|| {
                self.areas
                    .iter()
                    .position(|a| a.id.as_str() == of)
                    .map(|i| dims + i)
            })
            .or_else(|| (of == "overall").then_some(dims + self.areas.len()))
    }

    /// Where the level of an area or `overall` sits among derived levels: every area, then
    /// overall.
    pub fn level_slot(&self, area: &str) -> Option<usize> {
        self.areas
            .iter()
            .position(|a| a.id.as_str() == area)
            .or_else(|| (area == "overall").then_some(self.areas.len()))
    }

    /// The levels a level slot is read against.
    pub fn levels_of_slot(&self, slot: usize) -> Option<&[Level]> {
        match self.areas.get(slot) {
            Some(a) => Some(&a.levels),
            None => (slot == self.areas.len()).then_some(&self.levels[..]),
        }
    }

    pub fn dimensions(&self) -> impl Iterator<Item = (&Area, &Dimension)> {
        self.areas
            .iter()
            .flat_map(|a| a.dimensions.iter().map(move |d| (a, d)))
    }

    pub fn dimension(&self, id: &DimensionId) -> Option<(&Area, &Dimension)> {
        self.dimensions().find(|(_, d)| &d.id == id)
    }

    pub fn area(&self, id: &AreaId) -> Option<&Area> {
        self.areas.iter().find(|a| &a.id == id)
    }

    /// The level of `levels` that `score` falls in, by this questionnaire's rounding rule: the
    /// score is rounded to the level edges' decimals first. Every reader places scores here.
    pub fn level_in<'l>(&self, levels: &'l [Level], score: f64) -> Option<&'l Level> {
        level_for(levels, round_to(score, self.score_format.edges()))
    }
}

impl Question {
    pub fn is_scored(&self) -> bool {
        self.kind != QuestionKind::Text && self.weight > 0.0
    }

    /// The most points an answer can earn: the best option, all options (multiple choice
    /// summed), the number of options that count (multiple choice as a share), or the best
    /// band. Negative points count as none.
    pub fn top_points(&self) -> f64 {
        let positive = |p: Option<f64>| p.unwrap_or(0.0).max(0.0);
        match self.kind {
            QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => {
                self.row_top()
            }
            QuestionKind::Multi => match self.multi_scoring {
                MultiScoring::Sum => self.options.iter().map(|o| positive(o.points)).sum(),
                MultiScoring::Share => self.options.iter().filter(|o| o.in_share()).count() as f64,
            },
            QuestionKind::Number => self
                .bands
                .iter()
                .map(|b| b.points.max(0.0))
                .fold(0.0, f64::max),
            QuestionKind::Text => 0.0,
            QuestionKind::Matrix => self.rows.len() as f64 * self.row_top(),
        }
    }

    /// The best option's points: a one-answer question's most, or the most one row of a
    /// matrix question can earn (its best option or column).
    pub fn row_top(&self) -> f64 {
        self.options
            .iter()
            .map(|o| o.points.unwrap_or(0.0).max(0.0))
            .fold(0.0, f64::max)
    }

    /// Matrix question: the position of a row, by id.
    pub fn row_index(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.id.as_str() == id)
    }

    pub fn is_matrix(&self) -> bool {
        self.kind == QuestionKind::Matrix
    }

    pub fn option(&self, id: &OptionId) -> Option<&AnswerOption> {
        self.option_index(id).map(|i| &self.options[i])
    }

    /// The position of an option. Answers read from a file or given on screen hold the
    /// questionnaire's own id, so addresses are compared before text.
    pub fn option_index(&self, id: &OptionId) -> Option<usize> {
        self.options
            .iter()
            .position(|o| std::sync::Arc::ptr_eq(&o.id.0, &id.0))
            .or_else(|| {
                self.options
                    .iter()
                    .position(|o| o.id.as_str() == id.as_str())
            })
    }

    /// Like [`Self::option`], for an id as written in a file.
    pub fn option_str(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id.as_str() == id)
    }

    pub fn has_options(&self) -> bool {
        matches!(
            self.kind,
            QuestionKind::Single
                | QuestionKind::Multi
                | QuestionKind::Scale
                | QuestionKind::YesPartlyNo
                | QuestionKind::Matrix
        )
    }
}

/// Picks the level whose band holds `score` (already rounded to the edges' decimals, see
/// [`Questionnaire::level_in`]): the last band starting at or below it. For half-open bands
/// that is `[min, max)`; for closed ones one step apart, `[min, max]`. The last band includes
/// its upper edge; nothing holds a score outside the list.
fn level_for(levels: &[Level], score: f64) -> Option<&Level> {
    let last = levels.last()?;
    levels
        .iter()
        .rfind(|l| score >= l.min)
        .filter(|_| score <= last.max)
}
