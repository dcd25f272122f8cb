//! Finding the earlier check a follow-up answer file follows: at the path it recorded, else
//! under the same name beside the follow-up (both files moved together), and only when its
//! bytes are still the ones followed.

use std::path::{Path, PathBuf};

use crate::domain::answers::follows::Follows;

/// What became of the earlier file.
#[derive(Debug)]
pub enum Earlier {
    /// Still there, unchanged: its path and bytes.
    Here(PathBuf, Vec<u8>),
    /// A file is there but it is not the one followed (edited since).
    Changed(PathBuf),
    /// Nothing readable at the recorded path nor beside the follow-up.
    Gone,
}

/// Looks for the file `follows` names, for the follow-up saved at `follow_up`.
pub fn find(follows: &Follows, follow_up: &Path) -> Earlier {
    let recorded = PathBuf::from(&follows.path);
    let mut places = vec![recorded.clone()];
    if let (Some(name), Some(dir)) = (recorded.file_name(), follow_up.parent()) {
        places.push(dir.join(name));
    }
    let mut changed = None;
    for p in places {
        // Never the follow-up itself (a file that names itself).
        if crate::store::same_file(&p, follow_up) {
            continue;
        }
        if let Ok(bytes) = crate::store::read_text(&p) {
            if follows.is(&bytes) {
                return Earlier::Here(p, bytes);
            }
            changed.get_or_insert(p);
        }
    }
    changed.map_or(Earlier::Gone, Earlier::Changed)
}

/// The path to record for a file (an earlier check, a workshop folder): absolute where it can
/// be made so, so that it is found again from any working folder.
pub fn recorded_path(earlier: &Path) -> String {
    std::fs::canonicalize(earlier)
        .unwrap_or_else(|_| earlier.to_path_buf())
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_where_recorded_or_beside_and_only_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, "{}").unwrap();
        let f = Follows::of(recorded_path(&a), b"{}", None);
        let b = dir.path().join("b.json");
        assert!(matches!(find(&f, &b), Earlier::Here(p, _) if p == a));
        // Both moved to another folder: found beside the follow-up.
        let moved = tempfile::tempdir().unwrap();
        std::fs::rename(&a, moved.path().join("a.json")).unwrap();
        let b2 = moved.path().join("b.json");
        assert!(matches!(find(&f, &b2), Earlier::Here(..)));
        assert!(matches!(find(&f, &b), Earlier::Gone));
        std::fs::write(moved.path().join("a.json"), "{ }").unwrap();
        assert!(matches!(find(&f, &b2), Earlier::Changed(_)));
    }
}
