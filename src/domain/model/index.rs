//! Lookups built once per questionnaire: question id → position (hashed, or by walking the
//! questions in id order), and each question's dimension by position.

use super::{DimensionId, Question, QuestionId, Questionnaire};

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
    pub(super) by_id:
        std::collections::HashMap<QuestionId, usize, std::hash::BuildHasherDefault<IdHasher>>,
    /// Question positions in id order, to walk an answer set (kept in id order) alongside.
    pub(super) by_id_order: Vec<usize>,
    pub(super) dimension_of: Vec<Option<usize>>,
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
}

#[cfg(test)]
mod tests {
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
