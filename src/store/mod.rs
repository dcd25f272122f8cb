//! Every file smecheck writes or reads as data: one write path, one read path, one lock.
//!
//! - [`write`]: atomic replacement (tempfile's persist) that keeps the mode, writes through
//!   links, replaces only regular files, and new files that never overwrite one;
//!   [`read`]: type and size checked before reading, never more than the cap;
//! - [`lock`]: one writer per answer file; [`said`]: why a file was refused, in zh and en;
//! - [`clock`]: saved times read back and shown in local time;
//! - here: answer-file saves, backups, time stamps and the default places.

pub mod clock;
mod lock;
mod read;
mod said;
mod write;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub use lock::{Lock, LockError, try_lock};
pub use read::{read_capped, read_text};
pub use said::{Refusal, explain, refused, shown};
pub use write::{
    Links, atomic_write, atomic_write_links, atomic_write_with, create_new, same_file,
};

use crate::domain::answers::{AnswerFile, Kept};

/// Removes temporary files a killed process left beside `path` (`.NAME.PID.tmp`). Only the
/// process that owns `path` calls this, at start, before it writes.
pub fn clean_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Saves an answer file atomically as pretty JSON, with what the program did not understand
/// in the file it was read from (`kept`) put back, so that no save loses it.
pub fn save_answers(path: &Path, file: &AnswerFile, kept: &Kept, links: Links) -> io::Result<()> {
    let bytes = pretty_json(&file.with_kept(kept))?;
    atomic_write_links(path, links, |w| w.write_all(&bytes))
}

/// `value` as pretty JSON ending in a newline: how every JSON file and JSON output is written.
pub fn pretty_json(value: &impl serde::Serialize) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Copies `path` to a timestamped backup beside it and returns the backup's path.
pub fn backup(path: &Path, now: SystemTime) -> io::Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = compact_stamp(now);
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut target = dir.join(format!("{stem}.backup-{stamp}.json"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{stem}.backup-{stamp}-{n}.json"));
    }
    // Never more than an answer file can be: a huge or endless file is not copied.
    let bytes = read_capped(path, crate::domain::instrument::MAX_FILE_BYTES)?;
    create_new(&target, &bytes, fs::metadata(path).ok().as_ref())?;
    Ok(target)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's method).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn parts(now: SystemTime) -> (i64, u32, u32, u64, u64, u64) {
    let secs = now
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil((secs / 86_400) as i64);
    let rem = secs % 86_400;
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

/// `2026-11-24T19:10:45Z`.
pub fn rfc3339(now: SystemTime) -> String {
    let (y, m, d, h, mi, s) = parts(now);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// `2026-11-24`, the day in UTC: what a report or a workshop is dated.
pub fn date(now: SystemTime) -> String {
    let (y, m, d, ..) = parts(now);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `20261124-191045`, for file names.
pub fn compact_stamp(now: SystemTime) -> String {
    let (y, m, d, h, mi, s) = parts(now);
    format!("{y:04}{m:02}{d:02}-{h:02}{mi:02}{s:02}")
}

/// Where answer files live when `--answers` is not given: the per-user data directory.
pub fn default_answers_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "smecheck", "smecheck")
        .map(|p| p.data_dir().join("answers"))
}

/// A fresh answer-file path in `dir`, unique per start so that several firms on one machine
/// never share a file.
pub fn new_answers_path(dir: &Path, now: SystemTime) -> PathBuf {
    let stamp = compact_stamp(now);
    let mut path = dir.join(format!("self-check-{stamp}.json"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("self-check-{stamp}-{n}.json"));
    }
    path
}

/// The most recently saved answer file in `dir` (backups and temporary files excluded).
pub fn latest_answers(dir: &Path) -> Option<PathBuf> {
    let entries = fs::read_dir(dir).ok()?;
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with("self-check-") && name.ends_with(".json") && !name.contains(".backup-")
        })
        .filter_map(|p| Some((fs::metadata(&p).ok()?.modified().ok()?, p)))
        .max()
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn dates_format_as_utc() {
        let t = UNIX_EPOCH + Duration::from_secs(1_795_547_445);
        assert_eq!(rfc3339(t), "2026-11-24T19:10:45Z");
        assert_eq!(compact_stamp(t), "20261124-191045");
        assert_eq!(date(t), "2026-11-24");
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(date(leap), "2000-02-29");
    }

    #[test]
    fn stale_temps_are_cleaned_for_this_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        fs::write(dir.path().join(".a.json.123.tmp"), "x").unwrap();
        fs::write(dir.path().join(".b.json.123.tmp"), "x").unwrap();
        clean_stale_temps(&p);
        assert!(!dir.path().join(".a.json.123.tmp").exists());
        assert!(dir.path().join(".b.json.123.tmp").exists());
    }

    #[test]
    fn a_new_file_is_never_written_over_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("AAAAAA.json");
        create_new(&p, b"first", None).unwrap();
        let again = create_new(&p, b"second", None).unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
    }

    /// A written file has the mode a file created in place would have, or the mode of the
    /// file it replaces or copies.
    #[cfg(unix)]
    #[test]
    fn written_files_keep_the_mode_they_would_have() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        fs::write(&plain, "x").unwrap();
        let usual = fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        let report = dir.path().join("report.md");
        atomic_write(&report, b"new").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&report), usual, "a new report is not made private");
        fs::set_permissions(&report, fs::Permissions::from_mode(0o600)).unwrap();
        atomic_write(&report, b"newer").unwrap();
        assert_eq!(mode(&report), 0o600, "a private file stays private");
        let copy = dir.path().join("copy");
        create_new(&copy, b"x", fs::metadata(&report).ok().as_ref()).unwrap();
        assert_eq!(mode(&copy), 0o600, "a backup is as private as its file");
    }

    #[test]
    fn backup_keeps_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("self-check-x.json");
        fs::write(&p, "broken {").unwrap();
        let b = backup(&p, UNIX_EPOCH).unwrap();
        assert_eq!(fs::read_to_string(b).unwrap(), "broken {");
        let b2 = backup(&p, UNIX_EPOCH).unwrap();
        assert!(b2.to_string_lossy().ends_with("-2.json"));
    }

    #[test]
    fn latest_skips_backups() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("self-check-1.json"), "{}").unwrap();
        fs::write(dir.path().join("self-check-1.backup-2.json"), "{}").unwrap();
        let got = latest_answers(dir.path()).unwrap();
        assert!(got.ends_with("self-check-1.json"));
    }
}
