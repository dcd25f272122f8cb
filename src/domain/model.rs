//! The questionnaire format: areas, dimensions, questions, ladders, findings and rules, as data.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::text::LocalText;

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
    /// Firm profile fields asked before the questions; rules may use them.
    #[serde(default)]
    pub profile: Vec<ProfileField>,
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
    /// Recommendation rules: condition → proposal, priority and next action.
    pub rules: Vec<Rule>,
    /// Question id → position, built once after loading; lookups fall back to a scan without it.
    #[serde(skip)]
    #[schemars(skip)]
    pub index: QuestionIndex,
}

/// A fast, non-keyed hash (the multiply-rotate of rustc's FxHash) for question ids: the table
/// holds only the questionnaire's own ids (at most 500), so a file cannot make it degrade far,
/// and lookups run for every answer of every file.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdHasher(u64);

impl IdHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    /// Eight bytes at a time: ids are short, and this runs for every answer of every file.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for chunk in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(w) ^ (rest.len() as u64) << 59);
        }
    }
}

/// Finds question positions for ids that mostly come in ascending order (answer sets, and
/// answer files, which are written sorted) by walking the questions in id order; an id out of
/// order is looked up by hash.
pub struct IdWalk<'q> {
    q: &'q Questionnaire,
    next: usize,
}

impl<'q> IdWalk<'q> {
    pub fn new(q: &'q Questionnaire) -> IdWalk<'q> {
        IdWalk { q, next: 0 }
    }

    pub fn find(&mut self, id: &QuestionId) -> Option<usize> {
        let order = &self.q.index.by_id_order;
        if order.len() == self.q.questions.len()
            && let Some(&i) = order.get(self.next)
            && std::sync::Arc::ptr_eq(&self.q.questions[i].id.0, &id.0)
        {
            self.next += 1;
            return Some(i);
        }
        self.find_str(id.as_str())
    }

    pub fn find_str(&mut self, id: &str) -> Option<usize> {
        let order = &self.q.index.by_id_order;
        if order.len() != self.q.questions.len() {
            return self.q.question_index_str(id);
        }
        while let Some(&i) = order.get(self.next) {
            match self.q.questions[i].id.as_str().cmp(id) {
                std::cmp::Ordering::Less => self.next += 1,
                std::cmp::Ordering::Equal => {
                    self.next += 1;
                    return Some(i);
                }
                std::cmp::Ordering::Greater => break,
            }
        }
        // Behind the walk (out of order) or not a question at all.
        self.q.question_index_str(id)
    }
}

/// Lookups built once after loading: question id → position, and each question's dimension
/// as a position in `dimensions()` order.
#[derive(Debug, Clone, Default)]
pub struct QuestionIndex {
    by_id: std::collections::HashMap<QuestionId, usize, std::hash::BuildHasherDefault<IdHasher>>,
    /// Question positions in id order, to walk an answer set (kept in id order) alongside.
    by_id_order: Vec<usize>,
    dimension_of: Vec<Option<usize>>,
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

/// A named score band `[min, max)`; the last band of a list includes its max (100).
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
    /// Ask this question only when the condition on earlier answers holds.
    #[serde(default)]
    pub visible_if: Option<Condition>,
    /// The most points an answer can earn, worked out once when the questionnaire is indexed.
    #[serde(skip)]
    #[schemars(skip)]
    pub top: Option<f64>,
}

fn one() -> f64 {
    1.0
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
    pub when: Condition,
    /// What the firm should do next, concretely.
    pub action: LocalText,
}

impl Questionnaire {
    /// Builds the id lookup; call once the questions are final.
    pub fn build_index(&mut self) {
        let mut by_id = std::collections::HashMap::with_capacity_and_hasher(
            self.questions.len(),
            Default::default(),
        );
        for (i, q) in self.questions.iter_mut().enumerate() {
            by_id.entry(q.id.clone()).or_insert(i);
            q.top = Some(q.top_points());
        }
        let dimension_of = self
            .questions
            .iter()
            .map(|q| self.find_dimension(&q.dimension))
            .collect();
        let mut by_id_order: Vec<usize> = (0..self.questions.len()).collect();
        by_id_order.sort_by(|a, b| self.questions[*a].id.cmp(&self.questions[*b].id));
        self.index = QuestionIndex {
            by_id,
            by_id_order,
            dimension_of,
        };
    }

    fn find_dimension(&self, id: &DimensionId) -> Option<usize> {
        self.dimensions().position(|(_, d)| &d.id == id)
    }

    /// The position, in `dimensions()` order, of question `i`'s dimension.
    pub fn dimension_of(&self, i: usize) -> Option<usize> {
        if self.index.dimension_of.len() == self.questions.len() {
            self.index.dimension_of[i]
        } else {
            self.questions
                .get(i)
                .and_then(|q| self.find_dimension(&q.dimension))
        }
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }

    pub fn question_index(&self, id: &QuestionId) -> Option<usize> {
        self.question_index_str(id.as_str())
    }

    /// Like [`Self::question_index`], for an id as written in a file.
    pub fn question_index_str(&self, id: &str) -> Option<usize> {
        if self.index.by_id.len() == self.questions.len() {
            self.index.by_id.get(id).copied()
        } else {
            self.questions.iter().position(|q| q.id.as_str() == id)
        }
    }

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

    /// The position of each of `ids` (ascending, as an answer set holds them), in one walk
    /// along the questions in id order: no hashing, and an id read from a file against this
    /// questionnaire shares its address, so most steps compare no text.
    pub fn positions_sorted<'i>(
        &self,
        ids: impl Iterator<Item = &'i QuestionId>,
    ) -> impl Iterator<Item = Option<usize>> {
        let mut walk = IdWalk::new(self);
        ids.map(move |id| walk.find(id))
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
            QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => self
                .options
                .iter()
                .map(|o| positive(o.points))
                .fold(0.0, f64::max),
            QuestionKind::Multi => match self.multi_scoring {
                MultiScoring::Sum => self.options.iter().map(|o| positive(o.points)).sum(),
                MultiScoring::Share => self.options.iter().filter(|o| !o.exclusive).count() as f64,
            },
            QuestionKind::Number => self
                .bands
                .iter()
                .map(|b| b.points.max(0.0))
                .fold(0.0, f64::max),
            QuestionKind::Text => 0.0,
        }
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
        )
    }
}

/// Picks the level whose band holds `score`; the last band includes its upper edge.
pub fn level_for(levels: &[Level], score: f64) -> Option<&Level> {
    levels
        .iter()
        .find(|l| score >= l.min && score < l.max)
        .or_else(|| levels.last().filter(|l| score >= l.min && score <= l.max))
}

#[cfg(test)]
mod index_tests {
    use crate::domain::Instrument;
    use crate::domain::model::QuestionId;
    use crate::domain::reach::Rng;

    #[test]
    fn walking_ids_in_order_finds_what_the_hash_finds() {
        let inst = Instrument::builtin().expect("built-in");
        let q = &inst.questionnaire;
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            // Some of the questionnaire's own ids (shared), some copies, some unknown.
            let mut ids: Vec<QuestionId> = Vec::new();
            for x in &q.questions {
                match rng.below(5) {
                    0 => ids.push(x.id.clone()),
                    1 => ids.push(QuestionId(x.id.as_str().into())),
                    2 => ids.push(QuestionId(format!("{}_gone", x.id).into())),
                    _ => {}
                }
            }
            ids.push(QuestionId("".into()));
            ids.push(QuestionId("zzz".into()));
            ids.sort();
            ids.dedup();
            let walked: Vec<Option<usize>> = q.positions_sorted(ids.iter()).collect();
            let hashed: Vec<Option<usize>> = ids.iter().map(|id| q.question_index(id)).collect();
            assert_eq!(walked, hashed);
        }
    }
}
