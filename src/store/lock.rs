//! One writer per answer file: an exclusive lock on `.NAME.lock` beside it, held for the whole
//! session. The answer file itself cannot carry the lock, because every save renames a new file
//! over it. The lock is the operating system's (flock on Unix, LockFileEx on Windows, through
//! `std::fs::File::try_lock`), so it goes away with the process, even after a SIGKILL.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::said::{Refusal, refused};

/// Held while a session may write its answer file; dropping it lets another session in.
#[derive(Debug)]
pub struct Lock {
    file: Option<File>,
    pub path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so no one can take the old file after we let go; then
        // closing the handle releases the lock. A leftover file (a crash) is harmless.
        let _ = fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

/// Why no lock was taken.
#[derive(Debug)]
pub enum LockError {
    /// Another session holds the file: its process id and since when, if it could be read.
    InUse {
        pid: Option<u32>,
        since: Option<String>,
    },
    Io(io::Error),
}

/// The lock file that guards `answers`: beside the file a link points at, so that two names
/// for one file share one lock.
pub fn lock_path(answers: &Path) -> PathBuf {
    let target = fs::canonicalize(answers).unwrap_or_else(|_| answers.to_path_buf());
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.lock"))
}

/// Takes the lock for `answers` without waiting, and writes who holds it (process id and
/// start time) into the lock file for a second session to tell its user.
pub fn try_lock(answers: &Path, now: SystemTime) -> Result<Lock, LockError> {
    let path = lock_path(answers);
    if let Ok(m) = fs::symlink_metadata(&path)
        && !m.file_type().is_file()
    {
        // A link planted in a shared folder must not make us truncate whatever it points at.
        return Err(LockError::Io(refused(Refusal::Link)));
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(LockError::Io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.take(200).read_to_string(&mut holder);
            let mut words = holder.split_whitespace();
            let pid = words.next().and_then(|w| w.parse().ok());
            // Only a time stamp as we write it is shown: the file could hold anything.
            let since = words.next().filter(|w| {
                w.len() == 20
                    && w.bytes()
                        .all(|b| b.is_ascii_digit() || b"-:TZ".contains(&b))
            });
            return Err(LockError::InUse {
                pid,
                since: since.map(str::to_string),
            });
        }
        Err(fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
    }
    // Who holds it, for the message a second session shows; failing to say it is harmless.
    let _ = file.set_len(0).and_then(|()| {
        file.rewind()?;
        write!(file, "{} {}", std::process::id(), super::rfc3339(now))?;
        file.flush()
    });
    Ok(Lock {
        file: Some(file),
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("a.json");
        let first = try_lock(&answers, SystemTime::UNIX_EPOCH).unwrap();
        match try_lock(&answers, SystemTime::UNIX_EPOCH) {
            Err(LockError::InUse { pid, since }) => {
                // Windows does not let a second handle read a locked file: nothing to say.
                #[cfg(unix)]
                {
                    assert_eq!(pid, Some(std::process::id()));
                    assert_eq!(since.as_deref(), Some("1970-01-01T00:00:00Z"));
                }
                let _ = (pid, since);
            }
            other => panic!("expected in use, got {other:?}"),
        }
        let lock_file = first.path.clone();
        drop(first);
        assert!(!lock_file.exists(), "the lock file goes with the lock");
        assert!(try_lock(&answers, SystemTime::UNIX_EPOCH).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_and_its_target_share_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let _held = try_lock(&real, SystemTime::UNIX_EPOCH).unwrap();
        assert!(matches!(
            try_lock(&link, SystemTime::UNIX_EPOCH),
            Err(LockError::InUse { .. })
        ));
    }
}
