//! A workshop's follow-up room: `workshop new DIR2 --follow-up DIR` keeps every firm's code and
//! pre-fills its earlier answers, and the cohort report of the new room shows the room's change.
//!
//! The new folder holds `earlier/CODE.json`, each firm's answers from the earlier room, never
//! written again, and `responses/CODE.json`, the same answers for the firm to confirm or change
//! (`smecheck run --workshop DIR2 --firm CODE`). A firm whose response still equals its earlier
//! file has not come back yet; it is counted apart, as are firms new in the room.

use std::fs;
use std::io;
use std::path::Path;

use anyhow::{Result, anyhow, bail};

use super::words::*;
use crate::domain::Lang;
use crate::domain::answers::AnswerFile;
use crate::domain::progress::compare_files;
use crate::domain::progress::room::RoomChange;
use crate::store;
use crate::workshop::code::FirmCode;
use crate::workshop::room::for_each_response;
use crate::workshop::text as ws;
use crate::workshop::{META_FILE, Workshop, read_regular};

/// The folder of a follow-up room that keeps each firm's earlier answers.
pub const EARLIER: &str = "earlier";

/// Checks that `earlier` can be followed up by a room using `inst` (same questionnaire id).
pub fn check(earlier: &Workshop, inst: &crate::domain::Instrument, lang: Lang) -> Result<()> {
    let (then, now) = (&earlier.inst.questionnaire.id, &inst.questionnaire.id);
    if then != now {
        bail!(
            "{}",
            OTHER_QUESTIONNAIRE.fill(lang, &[&earlier.dir.display(), then, now])
        );
    }
    Ok(())
}

/// Makes the new room `ws` a follow-up of `earlier`: its round and origin in `workshop.json`,
/// every readable firm of the earlier room copied in under its own code. Returns a line for
/// the facilitator.
pub fn start(ws: &Workshop, earlier: &Workshop, lang: Lang) -> Result<String> {
    let round = super::export::round_of(earlier) + 1;
    let meta_path = ws.dir.join(META_FILE);
    // Read as written (the title as typed, not as cleaned for screens), then the two fields set.
    let mut meta: crate::workshop::Meta = read_regular(&meta_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| {
            anyhow!(
                "{}",
                crate::workshop::text::CANNOT_READ.fill(lang, &[&meta_path.display(), &"JSON"])
            )
        })?;
    meta.round = Some(round);
    meta.follows = Some(earlier.dir.display().to_string());
    let bytes = store::pretty_json(&meta)?;
    let write = |path: &Path, bytes: &[u8]| {
        store::atomic_write(path, bytes).map_err(|e| {
            anyhow!(
                "{}",
                crate::workshop::text::CANNOT_WRITE.fill(lang, &[&path.display(), &e])
            )
        })
    };
    write(&meta_path, &bytes)?;
    let dir = ws.dir.join(EARLIER);
    fs::create_dir_all(&dir).map_err(|e| {
        anyhow!(
            "{}",
            crate::workshop::text::CANNOT_WRITE.fill(lang, &[&dir.display(), &e])
        )
    })?;
    let q = &earlier.inst.questionnaire;
    let mut carried = 0;
    let mut failed = None;
    for_each_response(earlier, |r| {
        let file = r.answers.to_file(q, r.saved_at.clone());
        let bytes = store::pretty_json(&file)?;
        for path in [dir.join(r.code.file_name()), ws.response_path(&r.code)] {
            if let Err(e) = write(&path, &bytes) {
                failed = Some(e);
                return Err(io::Error::other("stopped"));
            }
        }
        carried += 1;
        Ok(())
    })
    .map_err(|e| match failed.take() {
        Some(f) => f,
        None => anyhow!(
            "{}",
            crate::workshop::text::CANNOT_READ
                .fill(lang, &[&earlier.responses_dir().display(), &e])
        ),
    })?;
    Ok(CARRIED.fill(
        lang,
        &[
            &round,
            &FIRMS_CARRIED.count(lang, carried, &[]),
            &earlier.dir.display(),
        ],
    ))
}

/// The cohort report's section on the room's change, when the room follows another.
pub fn section(
    r: &crate::workshop::report::Report,
) -> Option<crate::workshop::report::doc::Section> {
    use crate::domain::cohort::{count_text, shown_count};
    use crate::workshop::report::doc::{Block, Cell, Section, Table};
    let c = r.change.as_ref()?;
    let lang = r.lang;
    let t = |b: crate::domain::text::Bilingual| b.get(lang).to_string();
    use super::render::opt;
    use crate::domain::output::fmt_change;
    let text = |s: String| Cell::Text(s);
    let scores = Table {
        head: vec![t(ws::C_SCORE), t(C_BEFORE), t(C_AFTER), t(C_CHANGE)],
        right: vec![false, true, true, true],
        rows: c
            .scores
            .iter()
            .map(|s| {
                vec![
                    text(r.area_title(&s.id)),
                    text(opt(s.median_before)),
                    text(opt(s.median_after)),
                    text(fmt_change(s.median_change, 1)),
                ]
            })
            .collect(),
    };
    let rungs = Table {
        head: vec![t(C_LADDER), t(C_UP), t(C_SAME), t(C_DOWN)],
        right: vec![false, true, true, true],
        rows: c
            .rungs
            .iter()
            .map(|m| {
                vec![
                    text(r.ladder_title(&m.ladder)),
                    text(count_text(m.up)),
                    text(count_text(m.same)),
                    text(count_text(m.down)),
                ]
            })
            .collect(),
    };
    let uptake = Table {
        head: vec![
            t(ws::C_PROPOSAL),
            t(C_GIVEN),
            t(C_ACTED),
            t(C_RESOLVED),
            t(C_SHARE),
        ],
        right: vec![false, true, true, true, false],
        rows: c
            .proposals
            .iter()
            .filter(|p| p.given > 0)
            .map(|p| {
                // A share of one or two firms is not drawn: they could be pointed at.
                let shown = shown_count(p.given).is_some() && shown_count(p.acted).is_some();
                vec![
                    text(r.proposal_title(&p.proposal)),
                    text(count_text(p.given)),
                    text(count_text(p.acted)),
                    text(count_text(p.resolved)),
                    Cell::Bar(p.share_acted.filter(|_| shown).unwrap_or(0.0)),
                ]
            })
            .collect(),
    };
    Some(Section {
        heading: t(H_CHANGE),
        blocks: vec![
            Block::Para(BOTH_LINE.fill(
                lang,
                &[
                    &count_text(c.both),
                    &count_text(c.only_earlier),
                    &count_text(c.only_later),
                ],
            )),
            Block::Table(scores),
            Block::Table(rungs),
            Block::Table(uptake),
        ],
    })
}

/// Codes of the `.json` files in `dir`, sorted.
fn codes(dir: &Path) -> io::Result<Vec<FirmCode>> {
    let mut v: Vec<FirmCode> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| FirmCode::of_file_name(&e.file_name().to_string_lossy()))
        .collect();
    v.sort();
    Ok(v)
}

/// The room's change since the room it follows; `None` for a room that follows none.
pub fn change(ws: &Workshop) -> io::Result<Option<RoomChange>> {
    let dir = ws.dir.join(EARLIER);
    if !dir.is_dir() {
        return Ok(None);
    }
    let earlier = codes(&dir)?;
    let later = codes(&ws.responses_dir())?;
    let read = |p: &Path| -> Option<(Vec<u8>, AnswerFile)> {
        let bytes = read_regular(p).ok()?;
        let file = serde_json::from_slice(&bytes).ok()?;
        Some((bytes, file))
    };
    let mut firms = Vec::new();
    let mut only_earlier = 0;
    for code in &earlier {
        let before = read(&dir.join(code.file_name()));
        let after = read(&ws.response_path(code));
        match (before, after) {
            (Some((b_bytes, b)), Some((a_bytes, a))) if b_bytes != a_bytes => {
                match compare_files(&ws.inst, &b, &a) {
                    Ok(p) => firms.push(p),
                    Err(_) => only_earlier += 1,
                }
            }
            _ => only_earlier += 1,
        }
    }
    let known: std::collections::BTreeSet<&str> = earlier.iter().map(FirmCode::as_str).collect();
    let only_later = later.iter().filter(|c| !known.contains(c.as_str())).count();
    Ok(Some(RoomChange::of(
        &firms,
        only_earlier,
        only_later,
        &ws.inst,
    )))
}
