//! Finding and opening a session's answer file: the one named, or the latest in the per-user
//! data folder; claimed against a second session, read leniently, backed up when unreadable.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Result, anyhow, bail};

use super::{Access, Opened, follow};
use crate::domain::answers::{AnswerFile, AnswerSet, Dropped, Kept};
use crate::domain::answers::{Misfit, read_answers};
use crate::domain::instrument::parse_json;
use crate::domain::{Instrument, Lang};
use crate::store::{self, shown};
use crate::tui::app::Session;
use crate::tui::strings as st;

/// Reads answers leniently for resuming: an answer that no longer fits its question is left
/// out and reported, never a reason to lose the rest; what is left out is kept for the next
/// save to write back.
pub fn lenient_answers(inst: &Instrument, file: &AnswerFile) -> (AnswerSet, Vec<Dropped>) {
    let read = read_answers(&inst.questionnaire, file, Misfit::LeaveOut);
    let (mut set, dropped) = read.unwrap_or_default();
    set.profile.retain(|_, v| !v.is_empty());
    (set, dropped)
}

/// What a file held that was not taken, to be written back on save.
pub(super) fn kept(file: &AnswerFile, src: &str, dropped: &[Dropped]) -> Kept {
    let mut kept = Kept::from_source(src, dropped);
    for d in dropped {
        if let Some(field) = d.question.strip_prefix("profile.")
            && let Some(v) = file.profile.get(field)
        {
            kept.profile.insert(field.to_string(), v.clone());
        }
    }
    kept
}

/// The answer file's bytes: `Ok(None)` when there is none, `Err` when what is there must not
/// be read at all (a pipe, a device, a folder, far too large) — said in `lang`.
pub(super) fn read(path: &Path, lang: Lang) -> Result<Option<Vec<u8>>> {
    match store::read_text(path) {
        Ok(bytes) => Ok(Some(bytes)),
        // Nothing there yet (or no folder yet): a new file; a save will say if it cannot be.
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => bail!(
            "{}",
            st::CANNOT_OPEN.fill(lang, &[&shown(path), &store::explain(&e, lang)])
        ),
    }
}

/// Claims `path` for this session, or says who has it. The folder is made first: the lock
/// file lives beside the answer file. `None` when no lock file can be made there (a read-only
/// or full disk): the file cannot be written either, which every save then says.
pub(super) fn claim(
    path: &Path,
    now: SystemTime,
    lang: Lang,
) -> Result<Option<std::sync::Arc<store::Lock>>> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match store::try_lock(path, now) {
        Ok(lock) => Ok(Some(std::sync::Arc::new(lock))),
        Err(store::LockError::InUse { pid, since }) => {
            let by = match (pid, since) {
                (Some(pid), Some(since)) => st::IN_USE_BY.fill(lang, &[&pid, &since]),
                _ => String::new(),
            };
            bail!("{}", st::IN_USE.fill(lang, &[&shown(path), &by]))
        }
        Err(store::LockError::Io(_)) => Ok(None),
    }
}

/// Claims `path` when the session writes it; a read-only session claims nothing.
fn claim_for(
    access: Access,
    path: &Path,
    now: SystemTime,
    lang: Lang,
) -> Result<Option<std::sync::Arc<store::Lock>>> {
    match access {
        Access::Write => claim(path, now, lang),
        Access::ReadOnly => Ok(None),
    }
}

/// A session resuming what `file` (read from `path`, its text `src`) holds; resumable when
/// it holds any answer or profile field.
fn resumed(inst: &Instrument, path: &Path, file: &AnswerFile, src: &str) -> Opened {
    let (answers, dropped) = lenient_answers(inst, file);
    Opened {
        session: Session {
            follow: follow::resumed(inst, path, file),
            answers_path: path.to_path_buf(),
            resumable: !answers.is_empty() || !answers.profile.is_empty(),
            saved_at: file.saved_at.clone(),
            kept: kept(file, src, &dropped),
            dropped,
            ..Session::default()
        },
        answers: Some(answers),
        ..Opened::default()
    }
}

/// Opens the answer file named by `--answers`, or the latest one in the per-user data folder,
/// for writing; problems are told in `lang`.
pub fn open(
    inst: &Instrument,
    explicit: Option<&Path>,
    now: SystemTime,
    lang: Lang,
) -> Result<Opened> {
    open_with(inst, explicit, now, lang, Access::Write)
}

/// Like [`open`], read-only or not. A writing session holds the file's lock until it ends.
pub fn open_with(
    inst: &Instrument,
    explicit: Option<&Path>,
    now: SystemTime,
    lang: Lang,
    access: Access,
) -> Result<Opened> {
    let mut opened = match explicit {
        Some(path) => {
            // Claimed before it is read, so that no other session writes it in between.
            let lock = claim_for(access, path, now, lang)?;
            let mut opened = open_explicit(inst, path, now, lang, access)?;
            opened.lock = lock;
            opened
        }
        None => open_default(inst, now, lang, access)?,
    };
    opened.session.read_only = access == Access::ReadOnly;
    if opened.lock.is_some() {
        // Only the holder of the lock may remove what a killed session left behind.
        store::clean_stale_temps(&opened.session.answers_path);
    }
    Ok(opened)
}

/// The latest answer file in the per-user data folder, unless another session has it (two
/// firms on one machine): then, as with no file, a new one.
fn open_default(inst: &Instrument, now: SystemTime, lang: Lang, access: Access) -> Result<Opened> {
    let dir =
        store::default_answers_dir().ok_or_else(|| anyhow!("{}", st::NO_DATA_FOLDER.get(lang)))?;
    if let Some(latest) = latest_of(last_named(&dir), store::latest_answers(&dir)) {
        let lock = claim_for(access, &latest, now, lang).ok().flatten();
        if (lock.is_some() || access == Access::ReadOnly)
            && let Ok(Some(bytes)) = read(&latest, lang)
            && let Ok(src) = String::from_utf8(bytes)
            && let Ok(file) = parse_json::<AnswerFile>(&latest.display().to_string(), &src)
            && file.questionnaire.id == inst.questionnaire.id
        {
            let opened = resumed(inst, &latest, &file, &src);
            if opened.session.resumable {
                return Ok(Opened {
                    default_dir: Some(dir),
                    lock,
                    ..opened
                });
            }
        }
    }
    let path = store::new_answers_path(&dir, now);
    Ok(Opened {
        lock: claim_for(access, &path, now, lang)?,
        session: Session {
            answers_path: path,
            ..Session::default()
        },
        default_dir: Some(dir),
        ..Opened::default()
    })
}

/// The file in the data folder that remembers the answer file last named with `--answers`.
const LAST_NAMED: &str = "last-named.txt";

/// Remembers `path` as the answer file the owner last named, so that a later plain
/// `smecheck` offers to resume it when it is the most recent. Best effort: not remembering
/// only means the offer falls back to the data folder's latest file.
pub fn remember_named(path: &Path) {
    let Some(dir) = store::default_answers_dir() else {
        return;
    };
    let Ok(full) = std::path::absolute(path) else {
        return;
    };
    if full.starts_with(&dir) || std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let _ = store::atomic_write(&dir.join(LAST_NAMED), full.to_string_lossy().as_bytes());
}

/// The answer file last named with `--answers`, if it is still there.
fn last_named(dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(dir.join(LAST_NAMED)).ok()?;
    let path = PathBuf::from(text.trim());
    path.is_file().then_some(path)
}

/// Of two candidate answer files, the one saved last.
fn latest_of(a: Option<PathBuf>, b: Option<PathBuf>) -> Option<PathBuf> {
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (a, b) {
        (Some(a), Some(b)) => Some(if modified(&a) >= modified(&b) { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Joins the workshop `ws` (`run --workshop DIR`): a new firm code and response file in its
/// folder, or with `firm` the existing one to resume; messages in `lang`.
pub fn open_workshop(
    ws: crate::workshop::Workshop,
    firm: Option<&str>,
    lang: Lang,
    now: SystemTime,
) -> Result<(Instrument, Opened)> {
    // Without --firm, a person at a terminal may go on as the firm last answered here.
    let asked = match firm {
        None if crate::tui::workshop::resume::can_ask() => {
            let last = crate::workshop::recent::data_dir()
                .and_then(|d| crate::workshop::recent::last(&d, &ws.dir));
            let stdin = std::io::stdin();
            crate::tui::workshop::resume::ask(
                &ws,
                last,
                lang,
                store::clock::Clock::system(),
                &mut stdin.lock(),
                &mut std::io::stdout(),
            )?
        }
        _ => None,
    };
    let (code, path) = ws.join(firm.or(asked.as_deref()), now, lang)?;
    crate::tui::workshop::resume::remember(&ws, &code);
    let mut opened = open(&ws.inst, Some(&path), now, lang)?;
    // A planted link in a shared folder must not lead a save elsewhere.
    opened.session.links = store::Links::Refuse;
    opened.session.firm_code = Some(code.to_string());
    Ok((ws.inst, opened))
}

fn open_explicit(
    inst: &Instrument,
    path: &Path,
    now: SystemTime,
    lang: Lang,
    access: Access,
) -> Result<Opened> {
    let fresh = |backup: Option<(PathBuf, String)>| Opened {
        session: Session {
            answers_path: path.to_path_buf(),
            unreadable_backup: backup.as_ref().map(|b| b.0.clone()),
            unreadable_reason: backup.map(|b| b.1),
            ..Session::default()
        },
        ..Opened::default()
    };
    let Some(bytes) = read(path, lang)? else {
        return Ok(fresh(None));
    };
    let name = shown(path);
    let parsed = String::from_utf8(bytes)
        .map_err(|e| st::NOT_UTF8.fill(lang, &[&e.utf8_error().valid_up_to()]))
        .and_then(|src| {
            parse_json::<AnswerFile>(&name, &src)
                .map(|file| (file, src))
                .map_err(|e| e.display_in(lang))
        });
    match parsed {
        Ok((file, _)) if file.questionnaire.id != inst.questionnaire.id => bail!(
            "{}",
            st::ANSWERS_OTHER_QUESTIONNAIRE.fill(
                lang,
                &[&name, &file.questionnaire.id, &inst.questionnaire.id]
            )
        ),
        Ok((file, src)) => Ok(resumed(inst, path, &file, &src)),
        Err(reason) if access == Access::ReadOnly => {
            bail!("{}", st::NOT_UNDERSTOOD.fill(lang, &[&name, &reason]))
        }
        Err(reason) => {
            // Never overwrite a file we could not read without keeping a copy.
            let backup = store::backup(path, now)
                .map_err(|e| anyhow!("{}", st::NO_BACKUP.fill(lang, &[&name, &e])))?;
            Ok(fresh(Some((backup, reason))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::tests::mini;

    #[test]
    fn another_version_keeps_what_matches_and_lists_the_rest() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        std::fs::write(
            &path,
            r#"{"questionnaire": {"id": "mini", "version": "0.0.9"},
                "answers": {"erp": "yes", "retired_question": "x", "tax": "no_such_option", "staff": 12}}"#,
        )
        .expect("write");
        let opened = open(&mini(), Some(&path), SystemTime::now(), Lang::En).expect("opens");
        assert!(opened.session.resumable);
        let answers = opened.answers.expect("answers");
        assert_eq!(answers.len(), 2, "erp and staff still match");
        let dropped: Vec<&str> = opened
            .session
            .dropped
            .iter()
            .map(|d| d.question.as_str())
            .collect();
        assert_eq!(dropped, vec!["retired_question", "tax"]);
    }

    #[test]
    fn an_unreadable_file_is_backed_up_not_overwritten() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        std::fs::write(&path, "{ not json").expect("write");
        let opened = open(&mini(), Some(&path), SystemTime::UNIX_EPOCH, Lang::En).expect("opens");
        let backup = opened.session.unreadable_backup.expect("a backup was made");
        assert_eq!(
            std::fs::read_to_string(backup).expect("backup"),
            "{ not json"
        );
        assert!(opened.answers.is_none());
    }

    #[test]
    fn a_file_of_another_questionnaire_is_refused_in_the_owners_language() {
        for (lang, said) in [
            (Lang::En, "questionnaire `other`, not `mini`"),
            (Lang::Zh, "里是问卷 `other` 的答案，不是 `mini` 的"),
        ] {
            let dir = tempfile::tempdir().expect("dir");
            let path = dir.path().join("a.json");
            std::fs::write(
                &path,
                r#"{"questionnaire": {"id": "other", "version": "1"}, "answers": {}}"#,
            )
            .expect("write");
            let err = open(&mini(), Some(&path), SystemTime::now(), lang).expect_err("refused");
            assert!(err.to_string().contains(said), "{err}");
            assert!(path.exists());
        }
    }
}
