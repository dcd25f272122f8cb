//! Sampled firms: realistic answer sets from a deterministic generator, leaning towards the
//! best or worst answers or not at all. The reachability check, the benchmarks, the fuzzer and
//! the tests' generated firms and rooms all draw from here.

use super::answers::{Answer, AnswerSet};
use super::model::{Question, QuestionKind, Questionnaire};

/// A small deterministic generator (xorshift64*), so lints and benches repeat exactly.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Which way a generated answer leans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lean {
    Any,
    /// Take the best answer with this probability, else a random one.
    Best(f64),
    /// Take the worst answer with this probability, else a random one.
    Worst(f64),
}

/// The item worth the most (`best`) or the least.
fn pick<T>(items: &[T], best: bool, worth: impl Fn(&T) -> f64) -> Option<&T> {
    let by_worth = |a: &&T, b: &&T| worth(a).total_cmp(&worth(b));
    if best {
        items.iter().max_by(by_worth)
    } else {
        items.iter().min_by(by_worth)
    }
}

fn extreme(q: &Question, best: bool) -> Option<Answer> {
    let pts = |o: &super::model::AnswerOption| o.points.unwrap_or(0.0);
    match q.kind {
        QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => {
            pick(&q.options, best, pts).map(|o| Answer::Choice(o.id.clone()))
        }
        // The worst is the last exclusive option alone ("none of these"): two exclusive
        // options can never be ticked together.
        QuestionKind::Multi if best => Some(Answer::Choices(
            q.options
                .iter()
                .filter(|o| !o.exclusive && pts(o) >= 0.0)
                .map(|o| o.id.clone())
                .collect(),
        )),
        QuestionKind::Multi => Some(Answer::Choices(
            q.options
                .iter()
                .rev()
                .find(|o| o.exclusive)
                .map(|o| o.id.clone())
                .into_iter()
                .collect(),
        )),
        QuestionKind::Number => pick(&q.bands, best, |b| b.points).map(|b| Answer::Number(b.min)),
        QuestionKind::Text => None,
        // Every row at its best (every column worth points ticked) or at its worst.
        QuestionKind::Matrix => {
            let pick = pick(&q.options, best, pts);
            let cells = |_: &super::model::MatrixRow| -> Vec<super::model::OptionId> {
                match (q.ticks, best) {
                    (true, true) => q
                        .options
                        .iter()
                        .filter(|o| pts(o) > 0.0)
                        .map(|o| o.id.clone())
                        .collect(),
                    (true, false) => Vec::new(),
                    (false, _) => pick.map(|o| vec![o.id.clone()]).unwrap_or_default(),
                }
            };
            Some(Answer::Matrix(super::answers::MatrixAnswer {
                ticks: q.ticks,
                rows: q.rows.iter().map(|r| (r.id.clone(), cells(r))).collect(),
            }))
        }
    }
}

fn random(q: &Question, rng: &mut Rng) -> Option<Answer> {
    if q.dont_know && rng.chance(0.08) {
        return Some(Answer::DontKnow);
    }
    if q.not_applicable && rng.chance(0.06) {
        return Some(Answer::NotApplicable);
    }
    match q.kind {
        QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => {
            let n = q.options.len();
            (n > 0).then(|| Answer::Choice(q.options[rng.below(n)].id.clone()))
        }
        QuestionKind::Multi => {
            let plain: Vec<_> = q.options.iter().filter(|o| !o.exclusive).collect();
            let ticked: Vec<_> = plain
                .iter()
                .filter(|_| rng.chance(0.5))
                .map(|o| o.id.clone())
                .collect();
            if ticked.is_empty() {
                let none = q.options.iter().find(|o| o.exclusive);
                Some(Answer::Choices(
                    none.map(|o| vec![o.id.clone()]).unwrap_or_default(),
                ))
            } else {
                Some(Answer::Choices(ticked))
            }
        }
        QuestionKind::Number => {
            let lo = q.min.unwrap_or(0.0);
            let hi = q.max.unwrap_or_else(|| {
                q.bands
                    .last()
                    .map_or(100.0, |b| b.max.unwrap_or(b.min * 2.0 + 10.0))
            });
            let steps = 20usize;
            Some(Answer::Number(
                (lo + (hi - lo) * rng.below(steps + 1) as f64 / steps as f64).round(),
            ))
        }
        QuestionKind::Text => Some(Answer::Text(String::new())),
        QuestionKind::Matrix => {
            let n = q.options.len();
            let rows = q
                .rows
                .iter()
                .filter_map(|r| {
                    let cells = if q.ticks {
                        q.options
                            .iter()
                            .filter(|_| rng.chance(0.4))
                            .map(|o| o.id.clone())
                            .collect()
                    } else if n > 0 {
                        vec![q.options[rng.below(n)].id.clone()]
                    } else {
                        return None;
                    };
                    Some((r.id.clone(), cells))
                })
                .collect();
            Some(Answer::Matrix(super::answers::MatrixAnswer {
                ticks: q.ticks,
                rows,
            }))
        }
    }
}

/// A complete, plausible answer set: every question answered (hidden ones too; scoring ignores them).
pub fn generate(q: &Questionnaire, rng: &mut Rng, lean: Lean) -> AnswerSet {
    let mut set = AnswerSet::new();
    for f in &q.profile {
        if !f.options.is_empty() {
            set.profile.insert(
                f.id.clone(),
                f.options[rng.below(f.options.len())].id.clone(),
            );
        }
    }
    for question in &q.questions {
        let answer = match lean {
            Lean::Any => random(question, rng),
            Lean::Best(p) if question.is_scored() && rng.chance(p) => extreme(question, true),
            Lean::Worst(p) if question.is_scored() && rng.chance(p) => extreme(question, false),
            _ => random(question, rng),
        };
        if let Some(a) = answer {
            set.set(question.id.clone(), a);
        }
    }
    set
}
