//! Quantiles of a room's scores: linear interpolation between closest ranks, the definition
//! spreadsheet users know (Excel `QUARTILE.INC`, R type 7), so a facilitator can check them.

use serde::Serialize;

/// The five-number summary of a set of scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quartiles {
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
}

/// The `p` quantile (0–1) of `values`, ignoring non-finite ones; `None` when none is left.
/// Works by selection on a scratch copy (O(n)), not by sorting.
pub fn quantile(values: &[f64], p: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    quantile_in(&mut v, p)
}

fn quantile_in(v: &mut [f64], p: f64) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let h = (v.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let k = h.floor() as usize;
    let frac = h - k as f64;
    let (_, lo, upper) = v.select_nth_unstable_by(k, f64::total_cmp);
    let lo = *lo;
    if frac == 0.0 {
        return Some(lo);
    }
    // The next order statistic is the smallest of the part above k.
    let hi = upper.iter().copied().fold(f64::INFINITY, f64::min);
    Some(lo + (hi - lo) * frac)
}

/// Minimum, quartiles, median and maximum of `values` (non-finite ones ignored).
pub fn quartiles(values: &[f64]) -> Option<Quartiles> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    Some(Quartiles {
        min: quantile_in(&mut v, 0.0)?,
        q1: quantile_in(&mut v, 0.25)?,
        median: quantile_in(&mut v, 0.5)?,
        q3: quantile_in(&mut v, 0.75)?,
        max: quantile_in(&mut v, 1.0)?,
    })
}

/// `x` rounded to one decimal, as room statistics are shown.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Scores gathered one firm at a time, for the mean and quartiles of a room or a programme of
/// any size. A score of one decimal between 0 and 100 is only counted on that grid of 1,001
/// values, so memory stays the same however many firms there are; any other value is kept
/// as it is ([`Scores::push`]) or rounded onto the grid ([`Scores::push_rounded`]). The
/// quartiles equal those of [`quartiles`] over the values counted, exactly.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    grid: Vec<u32>,
    other: Vec<f64>,
    n: usize,
    sum: f64,
}

const GRID: usize = 1001;

impl Scores {
    pub fn new() -> Scores {
        Scores::default()
    }

    /// Adds a score; a non-finite one is ignored, as [`quartiles`] ignores it.
    pub fn push(&mut self, x: f64) {
        if !x.is_finite() {
            return;
        }
        let k = (x * 10.0).round();
        if (0.0..GRID as f64).contains(&k) && k / 10.0 == x && x.is_sign_positive() {
            self.count_at(k as usize, x);
        } else {
            self.n += 1;
            self.sum += x;
            self.other.push(x);
        }
    }

    /// Adds a score rounded to a tenth within 0–100, so memory stays flat whatever the
    /// questionnaire's precision (a programme of a million firms); the mean still counts the
    /// score as given. A non-finite one is ignored.
    pub fn push_rounded(&mut self, x: f64) {
        if x.is_finite() {
            self.count_at((x.clamp(0.0, 100.0) * 10.0).round() as usize, x);
        }
    }

    /// Counts `x` on the grid at `k` tenths.
    fn count_at(&mut self, k: usize, x: f64) {
        if self.grid.is_empty() {
            self.grid = vec![0; GRID];
        }
        self.grid[k] += 1;
        self.n += 1;
        self.sum += x;
    }

    /// The mean of the scores as given (not as rounded onto the grid).
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The `k`-th smallest score (from 0), with the off-grid scores sorted.
    fn nth(&self, k: usize, other: &[f64]) -> f64 {
        let (mut g, mut o, mut seen) = (0usize, 0usize, 0usize);
        loop {
            while g < self.grid.len() && self.grid[g] == 0 {
                g += 1;
            }
            let on_grid = (g < self.grid.len()).then(|| g as f64 / 10.0);
            let next_other = other.get(o).copied();
            // Take the smaller of the next grid value and the next off-grid value.
            let take_grid = match (on_grid, next_other) {
                (Some(a), Some(b)) => a.total_cmp(&b).is_le(),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return f64::NAN,
            };
            if take_grid {
                let count = self.grid[g] as usize;
                if k < seen + count {
                    return g as f64 / 10.0;
                }
                seen += count;
                g += 1;
            } else {
                if k == seen {
                    return other[o];
                }
                seen += 1;
                o += 1;
            }
        }
    }

    fn quantile(&self, p: f64, other: &[f64]) -> Option<f64> {
        if self.n == 0 {
            return None;
        }
        let h = (self.n - 1) as f64 * p.clamp(0.0, 1.0);
        let k = h.floor() as usize;
        let frac = h - k as f64;
        let lo = self.nth(k, other);
        if frac == 0.0 {
            return Some(lo);
        }
        let hi = self.nth(k + 1, other);
        Some(lo + (hi - lo) * frac)
    }

    pub fn quartiles(&self) -> Option<Quartiles> {
        let mut other = self.other.clone();
        other.sort_unstable_by(f64::total_cmp);
        Some(Quartiles {
            min: self.quantile(0.0, &other)?,
            q1: self.quantile(0.25, &other)?,
            median: self.quantile(0.5, &other)?,
            q3: self.quantile(0.75, &other)?,
            max: self.quantile(1.0, &other)?,
        })
    }
}

#[cfg(test)]
mod scores_tests {
    use super::*;
    use crate::domain::sample::Rng;

    #[test]
    fn quartiles_of_gathered_scores_equal_those_of_the_values() {
        let mut rng = Rng::new(5);
        for case in 0..400 {
            let n = rng.below(60);
            let values: Vec<f64> = (0..n)
                .map(|_| match (case % 4, rng.below(10)) {
                    // On the grid, as scoring produces them.
                    (0 | 1, _) | (_, 0..=6) => rng.below(1001) as f64 / 10.0,
                    // Off it: finer, negative, above 100, -0.0, non-finite.
                    (_, 7) => rng.below(100_000) as f64 / 997.0,
                    (_, 8) => -(rng.below(50) as f64) / 10.0,
                    _ => [f64::NAN, f64::INFINITY, -0.0, 100.05, 250.0][rng.below(5)],
                })
                .collect();
            let mut s = Scores::new();
            values.iter().for_each(|x| s.push(*x));
            let want = quartiles(&values);
            let got = s.quartiles();
            assert_eq!(
                got.map(|q| [q.min, q.q1, q.median, q.q3, q.max].map(f64::to_bits)),
                want.map(|q| [q.min, q.q1, q.median, q.q3, q.max].map(f64::to_bits)),
                "{values:?}"
            );
            assert_eq!(s.len(), values.iter().filter(|x| x.is_finite()).count());
        }
    }

    #[test]
    fn scores_rounded_onto_the_grid_keep_their_mean() {
        // Two decimals (a questionnaire's precision), out of range, non-finite.
        let values = [12.34, 12.36, 99.96, 55.55, 120.0, -3.0, f64::NAN];
        let (mut rounded, mut on_grid) = (Scores::new(), Scores::new());
        for x in values {
            rounded.push_rounded(x);
            on_grid.push(((x.clamp(0.0, 100.0) * 10.0).round() / 10.0) + 0.0);
        }
        assert!(rounded.other.is_empty() && rounded.len() == 6);
        assert_eq!(rounded.quartiles(), on_grid.quartiles());
        let mean = (12.34 + 12.36 + 99.96 + 55.55 + 120.0 - 3.0) / 6.0;
        assert_eq!(
            rounded.mean(),
            Some(mean),
            "the mean of the scores as given"
        );
        assert_eq!(Scores::new().mean(), None);
    }

    #[test]
    fn a_large_room_takes_no_more_room_than_a_small_one() {
        let mut s = Scores::new();
        for i in 0..1_000_000u32 {
            s.push(f64::from(i % 1001) / 10.0);
        }
        assert_eq!(s.len(), 1_000_000);
        assert!(s.other.is_empty() && s.grid.len() == GRID);
        let q = s.quartiles().expect("quartiles");
        assert_eq!((q.min, q.max), (0.0, 100.0));
    }
}
