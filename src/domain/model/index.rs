//! Built once per questionnaire when it is loaded: question id → position, each question's
//! dimension by position, and every condition resolved to positions.

use std::collections::HashMap;
use std::sync::Arc;

use super::{DimensionId, Question, QuestionId, Questionnaire};
use crate::domain::condition::Conditions;

/// Lookups built once after loading. Ids are looked up for every answer of every file, so
/// the id table uses foldhash (already in the build) rather than std's SipHash: with
/// SipHash the start-up target was missed (6.4 ms against 5 ms; BENCHMARKS.md).
#[derive(Debug, Clone, Default)]
pub struct QuestionIndex {
    by_id: HashMap<QuestionId, usize, foldhash::fast::RandomState>,
    dimension_of: Vec<Option<usize>>,
    conditions: Arc<Conditions>,
}

impl Questionnaire {
    /// Builds the lookups and resolves the conditions; call once the questions are final.
    pub fn build_index(&mut self) {
        let mut by_id = HashMap::with_capacity_and_hasher(self.questions.len(), Default::default());
        for (i, q) in self.questions.iter_mut().enumerate() {
            by_id.entry(q.id.clone()).or_insert(i);
            q.top = Some(q.top_points());
        }
        let dimension_of = (self.questions.iter())
            .map(|q| self.find_dimension(&q.dimension))
            .collect();
        self.index = QuestionIndex {
            by_id,
            dimension_of,
            conditions: Arc::default(),
        };
        self.index.conditions = Arc::new(Conditions::new(self));
    }

    /// Every condition of the questionnaire, resolved to positions: where skip logic, rungs,
    /// findings and rules are evaluated.
    pub fn conditions(&self) -> &Conditions {
        &self.index.conditions
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
}
