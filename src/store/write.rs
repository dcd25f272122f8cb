//! The one write path: a temporary file beside the target, flushed, given the target's mode,
//! then renamed over it; only a regular file (or nothing) is ever replaced.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::said::{Refusal, refused};

/// What a write does when the path is a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// Write to the file the link points at, and keep the link (a user's own files).
    #[default]
    Follow,
    /// Refuse: in a shared folder a planted link could lead a write anywhere.
    Refuse,
}

/// How many links are followed before giving up (Linux's own limit).
const MAX_HOPS: usize = 40;

/// Writes `bytes` to `path` atomically, following a link to its target: a crash leaves either
/// the old or the new file, never a torn one.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    atomic_write_links(path, Links::Follow, |w| w.write_all(bytes))
}

/// Like [`atomic_write`], with the content produced by `render` straight into the temporary
/// file, so a large report never has to sit in memory first.
pub fn atomic_write_with(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    atomic_write_links(path, Links::Follow, render)
}

/// The write every other one goes through. The target is resolved (or a link refused), must be
/// a regular file or absent, and keeps its permissions (and, where allowed, its owner).
pub fn atomic_write_links(
    path: &Path,
    links: Links,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve(path, links)?;
    let existing = match fs::symlink_metadata(&target) {
        Ok(m) => {
            if !m.file_type().is_file() {
                return Err(refused(Refusal::NotRegular(kind_of(&m))));
            }
            Some(m)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let dir = parent_dir(&target);
    let mut tmp = temp_beside(&target)?;
    if let Some(m) = &existing {
        keep_owner_and_mode(tmp.as_file(), m)?;
    }
    let mut w = io::BufWriter::new(tmp.as_file_mut());
    render(&mut w)?;
    w.flush()?;
    drop(w);
    tmp.as_file().sync_all()?;
    #[cfg(debug_assertions)]
    delay_on_request();
    // On any error before this point the temporary file is removed as it is dropped.
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// An empty temporary file beside `target`, named `.NAME.XXXXXX.tmp` so that
/// [`super::clean_stale_temps`] finds one a killed process left. A new file gets the mode any
/// new file gets (the umask's), as if it had been created in place.
fn temp_beside(target: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut b = tempfile::Builder::new();
    b.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(parent_dir(target))
}

/// For the fault tests only: a debug build started with `SMECHECK_SAVE_DELAY_MS=N` holds every
/// save N ms between writing the temporary file and renaming it, so that a test's kills land
/// inside saves often enough to count. Release builds have no such switch.
#[cfg(debug_assertions)]
fn delay_on_request() {
    static DELAY: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let ms = DELAY.get_or_init(|| {
        std::env::var("SMECHECK_SAVE_DELAY_MS")
            .ok()
            .and_then(|v| v.parse().ok())
    });
    if let Some(ms) = ms {
        std::thread::sleep(std::time::Duration::from_millis(*ms));
    }
}

/// Writes `bytes` as a new file `target`, never over an existing one (backups, firms' first
/// answers): written beside it first, then moved into place only if nothing is there, so a
/// reader never sees it half written. With `like`, the new file gets that file's permissions,
/// so a private answer file has a private backup.
pub fn create_new(target: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> io::Result<()> {
    let mut tmp = temp_beside(target)?;
    if let Some(m) = like {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    match tmp.persist_noclobber(target) {
        Ok(_) => {
            sync_dir(&parent_dir(target));
            Ok(())
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(e.error),
        Err(e) => {
            drop(e.file);
            // Some USB sticks and network shares can neither link nor rename without
            // replacing. Creating the file exclusively still never overwrites; a reader may
            // briefly see it incomplete and looks again.
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(target)?;
            if let Some(m) = like {
                f.set_permissions(m.permissions())?;
            }
            f.write_all(bytes)?;
            f.sync_all()
        }
    }
}

/// The file `path` names after following links (up to [`MAX_HOPS`]); with [`Links::Refuse`]
/// a link is an error. A dangling link resolves to the file it would create.
fn resolve(path: &Path, links: Links) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_HOPS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                if links == Links::Refuse {
                    return Err(refused(Refusal::Link));
                }
                let to = fs::read_link(&p)?;
                p = if to.is_absolute() {
                    to
                } else {
                    parent_dir(&p).join(to)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(refused(Refusal::LinkLoop))
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What kind of thing other than a regular file sits at a path.
pub(super) fn kind_of(m: &fs::Metadata) -> super::said::Kind {
    use super::said::Kind;
    let t = m.file_type();
    if t.is_dir() {
        return Kind::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Kind::Pipe;
        }
        if t.is_socket() {
            return Kind::Socket;
        }
        if t.is_block_device() || t.is_char_device() {
            return Kind::Device;
        }
    }
    Kind::Other
}

#[cfg(unix)]
fn keep_owner_and_mode(f: &File, m: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    // Only root may give a file away; for anyone else the owner is already theirs.
    let _ = std::os::unix::fs::fchown(f, Some(m.uid()), Some(m.gid()));
    f.set_permissions(m.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(f: &File, m: &fs::Metadata) -> io::Result<()> {
    // Windows keeps only the read-only flag here; a new file inherits the folder's ACL.
    f.set_permissions(m.permissions())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Makes the rename itself durable; failure only weakens durability, never correctness.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {
    // Windows has no directory fsync; the rename (MoveFileEx) is already atomic there.
}

/// Whether two paths name the same existing file (links followed), e.g. a report about to be
/// written over the answer file it was made from.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_is_refused_and_kept_with_no_temp_left() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        fs::create_dir(&p).unwrap();
        fs::write(p.join("keep"), "x").unwrap();
        let e = atomic_write(&p, b"new").unwrap_err();
        assert!(e.to_string().contains("folder"), "{e}");
        assert!(p.join("keep").exists());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the temporary file was removed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        if !made.is_ok_and(|s| s.success()) {
            panic!("mkfifo is needed for this test");
        }
        let e = atomic_write(&p, b"x").unwrap_err();
        assert!(e.to_string().contains("pipe"), "{e}");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&p).unwrap().file_type().is_fifo());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_never_replaced() {
        // /dev/null itself is not touched: the check happens before anything is written.
        let e = atomic_write(Path::new("/dev/null"), b"x").unwrap_err();
        assert!(e.to_string().contains("device"), "{e}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        atomic_write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        let e = atomic_write_links(&link, Links::Refuse, |w| w.write_all(b"x")).unwrap_err();
        assert!(e.to_string().contains("link"), "{e}");
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(atomic_write(&a, b"x").is_err());
    }

    #[test]
    fn same_file_sees_through_links_and_paths() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        fs::write(&p, "x").unwrap();
        let other = dir.path().join("b.json");
        fs::write(&other, "x").unwrap();
        assert!(same_file(&p, &dir.path().join(".").join("a.json")));
        assert!(!same_file(&p, &other));
        assert!(!same_file(&p, &dir.path().join("missing")));
    }
}
