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
