//! The one read path for data files: what sits at the path and how large it is are checked
//! before it is opened, and never more than the cap is read, so a FIFO cannot hang a command,
//! `/dev/zero` cannot fill memory and a 3 GB file is refused at once.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use super::said::{Refusal, refused};
use super::write::kind_of;

/// Reads at most `cap` bytes of the regular file at `path` (links followed).
pub fn read_capped(path: &Path, cap: usize) -> io::Result<Vec<u8>> {
    // `metadata` follows links without opening anything: a FIFO is seen, not opened.
    let looked = fs::metadata(path)?;
    if !looked.is_file() {
        return Err(refused(Refusal::NotRegular(kind_of(&looked))));
    }
    if looked.len() > cap as u64 {
        return Err(refused(Refusal::TooLarge {
            size: looked.len(),
            max: cap,
        }));
    }
    let f = fs::File::open(path)?;
    // Swapped for something else between the look and the open: check again, on the handle.
    let opened = f.metadata()?;
    if !opened.is_file() {
        return Err(refused(Refusal::NotRegular(kind_of(&opened))));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(cap as u64) as usize);
    f.take(cap as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > cap {
        // It grew while being read.
        return Err(refused(Refusal::TooLarge {
            size: bytes.len() as u64,
            max: cap,
        }));
    }
    Ok(bytes)
}

/// Reads a data file of at most [`MAX_FILE_BYTES`](crate::domain::instrument::MAX_FILE_BYTES).
pub fn read_text(path: &Path) -> io::Result<Vec<u8>> {
    read_capped(path, crate::domain::instrument::MAX_FILE_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_cap_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.json");
        let f = fs::File::create(&p).unwrap();
        // Sparse: three gigabytes that take no disk and must take no memory.
        f.set_len(3 << 30).unwrap();
        let e = read_capped(&p, 1024).unwrap_err();
        assert!(e.to_string().contains("3221225472 bytes"), "{e}");
        fs::write(&p, "small").unwrap();
        assert_eq!(read_capped(&p, 1024).unwrap(), b"small");
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_capped(dir.path(), 1024).unwrap_err();
        assert!(e.to_string().contains("folder"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_blocking() {
        let e = read_capped(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(e.to_string().contains("device"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo is needed");
        // Opening a FIFO with no writer would block for ever; it must not be opened.
        let e = read_capped(&p, 1024).unwrap_err();
        assert!(e.to_string().contains("pipe"), "{e}");
    }
}
