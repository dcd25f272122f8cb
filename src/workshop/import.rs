//! Bringing in answer files collected by hand (e-mail, USB stick) when there is no shared
//! folder: each is checked, then copied in under a fresh firm code; what is skipped says why.

use std::fs;
use std::path::{Path, PathBuf};

use super::Workshop;
use super::code::FirmCode;
use super::text::{self, clean};
use crate::domain::Lang;
use crate::domain::answers::{AnswerFile, Misfit, read_answers};
use crate::domain::instrument::parse_json;

/// What one import did.
#[derive(Debug, Default)]
pub struct Imported {
    pub added: Vec<(PathBuf, FirmCode)>,
    pub skipped: Vec<(PathBuf, String)>,
}

/// Checks one file: readable UTF-8 JSON, an answer file of the workshop's questionnaire,
/// every answer fitting its question. Returns its bytes, to be copied unchanged.
fn check(ws: &Workshop, path: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    // A pipe or device is refused before it is opened, a huge file before it is read.
    let bytes = crate::store::read_text(path).map_err(|e| crate::store::explain(&e, lang))?;
    let src = std::str::from_utf8(&bytes).map_err(|_| text::P_NOT_TEXT.get(lang).to_string())?;
    let name = path.display().to_string();
    let file: AnswerFile = parse_json(&name, src)
        .map_err(|e| format!("{}\n  {}", text::P_CORRUPT.get(lang), e.display_in(lang)))?;
    let q = &ws.inst.questionnaire;
    if file.questionnaire.id != q.id {
        return Err(text::FOREIGN_DETAIL.fill(lang, &[&clean(&file.questionnaire.id), &q.id]));
    }
    read_answers(q, &file, Misfit::Refuse)
        .map_err(|(_, msg)| format!("{}: {}", text::P_BAD_ANSWER.get(lang), msg.get(lang)))?;
    Ok(bytes)
}

/// The response already holding exactly these bytes, if any.
fn duplicate_of(ws: &Workshop, bytes: &[u8]) -> Option<FirmCode> {
    let entries = fs::read_dir(ws.responses_dir()).ok()?;
    entries.filter_map(Result::ok).find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let code = FirmCode::of_file_name(&name)?;
        let same_len = e.metadata().ok()?.len() == bytes.len() as u64;
        (same_len && super::read_regular(&e.path()).ok()? == bytes).then_some(code)
    })
}

/// Imports `files` into the workshop; never stops at a bad one.
pub fn import(ws: &Workshop, files: &[PathBuf], lang: Lang) -> Imported {
    let mut out = Imported::default();
    for path in files {
        let result = check(ws, path, lang).and_then(|bytes| {
            if let Some(code) = duplicate_of(ws, &bytes) {
                return Err(text::DUPLICATE.fill(lang, &[&code]));
            }
            ws.add_response(&bytes, lang)
                .map_err(|e| text::CANNOT_WRITE.fill(lang, &[&ws.responses_dir().display(), &e]))
        });
        match result {
            Ok(code) => out.added.push((path.clone(), code)),
            Err(reason) => out.skipped.push((path.clone(), reason)),
        }
    }
    out
}
