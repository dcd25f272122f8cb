//! A workshop folder — `workshop.json`, the questionnaire it uses and `responses/` — that works
//! on a laptop, a USB stick, a network share or a synced drive, with nothing to install.
//!
//! - [`code`]: firm codes and join codes; [`room`]: reading and scoring `responses/`
//!   incrementally; [`import`]: bringing in answer files collected by hand;
//! - [`command`]: `workshop new`, `import` and `report` on the command line;
//! - [`report`]: the cohort report (md, html, csv, json); [`text`]: every string, zh and en.

pub mod code;
pub mod command;
pub mod import;
pub mod recent;
pub mod report;
pub mod room;
pub mod text;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Result, anyhow};
use serde::{Deserialize, Serialize};

use self::code::{FirmCode, JOIN_CODE_LEN, random_code};
use crate::domain::answers::{AnswerSet, Kept};
use crate::domain::instrument::{Instrument, LoadError, parse_json};
use crate::domain::{Lang, text::LocalText};
use crate::store;

/// The workshop's own file, at the top of the folder.
pub const META_FILE: &str = "workshop.json";
/// The folder of response files, one per firm.
pub const RESPONSES: &str = "responses";
/// The copy of the questionnaire, when the workshop does not use the built-in one.
pub const QUESTIONNAIRE_FILE: &str = "questionnaire.json";
/// The format of `workshop.json` this build reads and writes.
pub const FORMAT: u32 = 1;
/// The longest title kept (characters).
pub const MAX_TITLE: usize = 120;

/// Which questionnaire a workshop was created with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireInfo {
    pub id: String,
    pub version: String,
    pub hash: String,
    /// `questionnaire.json` when a copy is kept in the folder; absent for the built-in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// `workshop.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: u32,
    pub title: String,
    /// The day it was created, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// The language the facilitator's views and report use unless `--lang` says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// A short code shown on the projector, so participants can check they joined the
    /// right workshop.
    pub join_code: String,
    pub questionnaire: QuestionnaireInfo,
    /// A follow-up room's round (2 for the first follow-up); absent for a first room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u32>,
    /// A follow-up room: the folder of the room it follows, as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
}

/// An opened workshop: its folder, its file and the questionnaire ready to score with.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub dir: PathBuf,
    pub meta: Meta,
    pub inst: Instrument,
    /// Things the facilitator should know, e.g. that the questionnaire changed since creation.
    pub notes: Vec<String>,
}

fn err(t: text::T, lang: Lang, args: &[&dyn crate::domain::text::Arg]) -> anyhow::Error {
    anyhow!("{}", t.fill(lang, args))
}

/// Reads a file the workshop depends on, refusing symbolic links (a shared folder could lead
/// anywhere), anything that is not a regular file, and oversized files.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(store::refused(store::Refusal::Link));
    }
    store::read_text(path)
}

/// A file the workshop depends on ([`read_regular`]) as text; what is wrong said in `lang`.
fn read_utf8(path: &Path, lang: Lang) -> Result<String> {
    let cannot =
        |why: &dyn crate::domain::text::Arg| err(text::CANNOT_READ, lang, &[&path.display(), why]);
    String::from_utf8(read_regular(path).map_err(|e| cannot(&e))?)
        .map_err(|_| cannot(&text::P_NOT_TEXT.get(lang)))
}

/// The instrument of the questionnaire text `src` (`None`: the built-in one), made by `make`
/// only when it is not the one the last folder was opened with: a programme over hundreds of
/// folders of one questionnaire then parses and checks it once, not once per folder. The
/// instrument depends on nothing but that text, so an equal text gives an equal instrument.
fn remembered(
    src: Option<&str>,
    make: impl FnOnce() -> Result<Instrument, LoadError>,
) -> Result<Instrument, LoadError> {
    type Last = Option<(Option<String>, Instrument)>;
    static LAST: std::sync::Mutex<Last> = std::sync::Mutex::new(None);
    let mut last = LAST
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((s, inst)) = last.as_ref()
        && s.as_deref() == src
    {
        return Ok(inst.clone());
    }
    let inst = make()?;
    *last = Some((src.map(str::to_string), inst.clone()));
    Ok(inst)
}

/// The join code `dir` spells when it is one (typed by hand: case and spaces forgiven) and
/// is not an existing path.
fn join_code_typed(dir: &Path) -> Option<String> {
    let s = dir.to_str()?.trim().to_ascii_uppercase();
    (code::is_code(&s, JOIN_CODE_LEN) && !dir.exists()).then_some(s)
}

/// The one workshop folder directly inside `parent` whose join code is `code`.
fn find_by_join_code(parent: &Path, code: &str) -> Option<PathBuf> {
    let mut found = fs::read_dir(parent)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .filter(|d| {
            read_regular(&d.join(META_FILE))
                .ok()
                .and_then(|b| serde_json::from_slice::<Meta>(&b).ok())
                .is_some_and(|m| m.join_code == code)
        });
    let first = found.next()?;
    // Two folders with one code: the code does not say which; the folder must be named.
    found.next().is_none().then_some(first)
}

impl Workshop {
    /// Creates the folder (new or empty), `responses/`, `workshop.json`, and a copy of the
    /// questionnaire when one is given.
    pub fn create(
        dir: &Path,
        title: &str,
        questionnaire: Option<&Path>,
        lang: Option<Lang>,
        now: SystemTime,
        msg: Lang,
    ) -> Result<Workshop> {
        let title: String = text::clean(title)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(MAX_TITLE)
            .collect();
        if title.is_empty() {
            return Err(err(text::EMPTY_TITLE, msg, &[]));
        }
        if dir.join(META_FILE).exists() {
            return Err(err(text::ALREADY_A_WORKSHOP, msg, &[&dir.display()]));
        }
        match fs::symlink_metadata(dir) {
            Ok(m) if !m.is_dir() => return Err(err(text::NOT_A_FOLDER, msg, &[&dir.display()])),
            Ok(_) => {
                let mut entries = fs::read_dir(dir)
                    .map_err(|e| err(text::CANNOT_READ, msg, &[&dir.display(), &e]))?;
                if entries.next().is_some() {
                    return Err(err(text::FOLDER_NOT_EMPTY, msg, &[&dir.display()]));
                }
            }
            Err(_) => {}
        }
        // The default questionnaire is built in and not copied; any other (a file, or a
        // built-in instrument by name) is kept in the folder, which then re-opens on its own.
        let (inst, source) = match questionnaire {
            None => (
                Instrument::builtin().map_err(|e| anyhow!("{}", e.display_in(msg)))?,
                None,
            ),
            Some(p) => {
                let (inst, source) = crate::cli::instruments::load(Some(p), msg)?;
                let default = source.builtin == Some(crate::domain::instrument::INSTRUMENTS[0].0);
                (inst, (!default).then(|| source.text.into_owned()))
            }
        };
        let responses = dir.join(RESPONSES);
        fs::create_dir_all(&responses)
            .map_err(|e| err(text::CANNOT_CREATE, msg, &[&responses.display(), &e]))?;
        if let Some(src) = &source {
            let path = dir.join(QUESTIONNAIRE_FILE);
            store::atomic_write(&path, src.as_bytes())
                .map_err(|e| err(text::CANNOT_WRITE, msg, &[&path.display(), &e]))?;
        }
        let q = &inst.questionnaire;
        let meta = Meta {
            format: FORMAT,
            title,
            date: store::date(now),
            lang,
            join_code: random_code(JOIN_CODE_LEN),
            questionnaire: QuestionnaireInfo {
                id: q.id.clone(),
                version: q.version.clone(),
                hash: inst.hash.clone(),
                file: source.as_ref().map(|_| QUESTIONNAIRE_FILE.to_string()),
            },
            round: None,
            follows: None,
        };
        let path = dir.join(META_FILE);
        let bytes = store::pretty_json(&meta)?;
        store::atomic_write(&path, &bytes)
            .map_err(|e| err(text::CANNOT_WRITE, msg, &[&path.display(), &e]))?;
        Ok(Workshop {
            dir: dir.to_path_buf(),
            meta,
            inst,
            notes: Vec::new(),
        })
    }

    /// Opens a workshop folder and loads the questionnaire it was created with. A join code
    /// typed instead of a folder (`run --workshop ECKU`) opens the folder beside the current
    /// one that has that code.
    pub fn open(dir: &Path, msg: Lang) -> Result<Workshop> {
        let path = dir.join(META_FILE);
        if !path.exists() {
            if let Some(code) = join_code_typed(dir) {
                return match find_by_join_code(Path::new("."), &code) {
                    Some(found) => Workshop::open(&found, msg),
                    None => Err(err(text::JOIN_CODE_NOT_FOLDER, msg, &[&code, &code])),
                };
            }
            return Err(err(
                text::NOT_A_WORKSHOP,
                msg,
                &[&dir.display(), &dir.display()],
            ));
        }
        let src = read_utf8(&path, msg)?;
        let meta: Meta = parse_json(&path.display().to_string(), &src)
            .map_err(|e| anyhow!("{}", e.display_in(msg)))?;
        if meta.format != FORMAT {
            return Err(err(text::BAD_FORMAT, msg, &[&path.display(), &meta.format]));
        }
        let inst = match meta.questionnaire.file.as_deref() {
            None => remembered(None, Instrument::builtin)
                .map_err(|e| anyhow!("{}", e.display_in(msg)))?,
            // Only the fixed name: a path written in the file must not lead out of the folder.
            Some(QUESTIONNAIRE_FILE) => {
                let qpath = dir.join(QUESTIONNAIRE_FILE);
                let qsrc = read_utf8(&qpath, msg)?;
                remembered(Some(&qsrc), || {
                    Instrument::load(&qpath.display().to_string(), &qsrc)
                })
                .map_err(|e| anyhow!("{}", e.display_in(msg)))?
            }
            Some(_) => return Err(err(text::BAD_QUESTIONNAIRE_FILE, msg, &[&path.display()])),
        };
        let q = &inst.questionnaire;
        if q.id != meta.questionnaire.id {
            return Err(err(
                text::ID_MISMATCH,
                msg,
                &[&meta.questionnaire.id, &q.id],
            ));
        }
        let mut notes = Vec::new();
        if inst.hash != meta.questionnaire.hash {
            notes.push(text::HASH_CHANGED.fill(
                msg,
                &[
                    &meta.questionnaire.version,
                    &meta.questionnaire.hash,
                    &q.version,
                    &inst.hash,
                ],
            ));
        }
        Ok(Workshop {
            dir: dir.to_path_buf(),
            meta: Meta {
                title: text::clean(&meta.title),
                ..meta
            },
            inst,
            notes,
        })
    }

    pub fn responses_dir(&self) -> PathBuf {
        self.dir.join(RESPONSES)
    }

    /// Where a firm's answers live. A [`FirmCode`] is a plain name, so this stays inside.
    pub fn response_path(&self, code: &FirmCode) -> PathBuf {
        self.responses_dir().join(code.file_name())
    }

    /// The language for the facilitator's views: `--lang`, else the workshop's, else the
    /// locale's.
    pub fn lang(&self, arg: Option<Lang>, locale: Lang) -> Lang {
        arg.or(self.meta.lang).unwrap_or(locale)
    }

    /// The workshop's title as a bilingual text (the same words in both languages).
    pub fn title(&self) -> LocalText {
        LocalText::new(self.meta.title.clone(), self.meta.title.clone())
    }

    /// Stores `bytes` as a new response under a fresh firm code and returns the code; a
    /// failure is said in `lang`.
    pub fn add_response(&self, bytes: &[u8], lang: Lang) -> io::Result<FirmCode> {
        let dir = self.responses_dir();
        fs::create_dir_all(&dir)?;
        for _ in 0..64 {
            let code = FirmCode::random();
            match store::create_new(&dir.join(code.file_name()), bytes, None) {
                Ok(()) => return Ok(code),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other(text::NO_FREE_CODE.get(lang)))
    }

    /// Reads a firm's answers from its response file (the phone pages resume from it), with
    /// what the file held that this questionnaire does not take, to be written back on save.
    pub fn read_response(&self, code: &FirmCode) -> io::Result<(AnswerSet, Kept)> {
        let path = self.response_path(code);
        let bytes = read_regular(&path)?;
        let src = String::from_utf8(bytes)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))?;
        let loaded = self
            .inst
            .load_answers(&path.display().to_string(), &src)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.display_in(Lang::En)))?;
        let kept = Kept::from_source(&src, &loaded.dropped);
        Ok((loaded.answers, kept))
    }

    /// Saves a firm's answers over its response file, atomically, in the ordinary answer-file
    /// format, refusing links as every write into a shared folder does (the phone pages save
    /// after every answer).
    pub fn save_response(
        &self,
        code: &FirmCode,
        answers: &AnswerSet,
        kept: &Kept,
        now: SystemTime,
    ) -> io::Result<()> {
        let file = answers.to_file(&self.inst.questionnaire, Some(store::rfc3339(now)));
        store::save_answers(&self.response_path(code), &file, kept, store::Links::Refuse)
    }

    /// A participant joins: a new firm code with an empty answer file (so the room sees them
    /// at once), or, with `firm`, the existing file of that code to resume.
    pub fn join(
        &self,
        firm: Option<&str>,
        now: SystemTime,
        msg: Lang,
    ) -> Result<(FirmCode, PathBuf)> {
        match firm {
            Some(typed) => {
                let code = FirmCode::parse(typed).map_err(|e| anyhow!("{}", e.message(msg)))?;
                let path = self.response_path(&code);
                match fs::symlink_metadata(&path) {
                    Ok(m) if m.file_type().is_symlink() => {
                        Err(err(text::SYMLINK_REFUSED, msg, &[&path.display()]))
                    }
                    Ok(_) => Ok((code, path)),
                    Err(_) => Err(err(text::NO_SUCH_FIRM, msg, &[&code])),
                }
            }
            None => {
                let empty =
                    AnswerSet::new().to_file(&self.inst.questionnaire, Some(store::rfc3339(now)));
                let bytes = store::pretty_json(&empty)?;
                let code = self.add_response(&bytes, msg).map_err(|e| {
                    let dir = self.responses_dir();
                    err(text::CANNOT_WRITE, msg, &[&dir.display(), &e])
                })?;
                let path = self.response_path(&code);
                Ok((code, path))
            }
        }
    }
}

#[cfg(test)]
mod tests;
