//! Which firm last answered a workshop on this machine, so that `run --workshop DIR` without
//! `--firm` can offer to resume it rather than start yet another firm.
//!
//! Kept per user in `workshops.json` in the data folder: the workshop folder's full path →
//! the firm code and when it was opened. Only codes are kept (never answers or names), and only
//! the most recent [`KEEP`] workshops.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::code::FirmCode;
use crate::progress::earlier::recorded_path;
use crate::store;

/// How many workshops are remembered.
pub const KEEP: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    firm: String,
    /// When the firm was opened (UTC, RFC 3339): the oldest are forgotten first.
    at: String,
}

/// The memory file in `data` (the per-user data folder).
fn file_in(data: &Path) -> PathBuf {
    data.join("workshops.json")
}

/// The per-user data folder, as the answer files' folder lives in it.
pub fn data_dir() -> Option<PathBuf> {
    store::default_answers_dir().and_then(|d| d.parent().map(Path::to_path_buf))
}

fn read_all(data: &Path) -> BTreeMap<String, Seen> {
    store::read_text(&file_in(data))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// The firm last opened in `workshop` on this machine, if any.
pub fn last(data: &Path, workshop: &Path) -> Option<FirmCode> {
    read_all(data)
        .get(&recorded_path(workshop))
        .and_then(|s| FirmCode::parse(&s.firm).ok())
}

/// Notes that `firm` was opened in `workshop`. A failure only loses the offer next time, so
/// it is not an error for the participant.
pub fn remember(data: &Path, workshop: &Path, firm: &FirmCode, now: SystemTime) {
    let mut all = read_all(data);
    all.insert(
        recorded_path(workshop),
        Seen {
            firm: firm.to_string(),
            at: store::rfc3339(now),
        },
    );
    while all.len() > KEEP {
        let oldest = all
            .iter()
            .min_by(|a, b| a.1.at.cmp(&b.1.at))
            .map(|(k, _)| k.clone());
        match oldest {
            Some(k) => all.remove(&k),
            None => break,
        };
    }
    if std::fs::create_dir_all(data).is_err() {
        return;
    }
    if let Ok(bytes) = store::pretty_json(&all) {
        let _ = store::atomic_write(&file_in(data), &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_firm_per_workshop_is_remembered_and_old_ones_forgotten() {
        let data = tempfile::tempdir().expect("dir");
        let ws = tempfile::tempdir().expect("dir");
        let a = FirmCode::parse("AAAAAA").expect("code");
        let c = FirmCode::parse("CCCCCC").expect("code");
        assert_eq!(last(data.path(), ws.path()), None);
        remember(data.path(), ws.path(), &a, SystemTime::UNIX_EPOCH);
        let early = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(60);
        remember(data.path(), ws.path(), &c, early);
        assert_eq!(last(data.path(), ws.path()), Some(c));
        for i in 0..KEEP + 5 {
            let other = ws.path().join(format!("w{i}"));
            remember(data.path(), &other, &a, SystemTime::now());
        }
        assert_eq!(read_all(data.path()).len(), KEEP);
        assert_eq!(
            last(data.path(), ws.path()),
            None,
            "the oldest workshop was forgotten"
        );
    }
}
