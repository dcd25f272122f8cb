//! The room as read from `responses/`: every firm's answers scored, every unusable file
//! listed with its reason. Looked at again and again while a workshop runs, it re-reads and
//! re-scores only the files whose size or time changed.

use std::collections::BTreeMap;
use std::fs;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::Serialize;

use super::Workshop;
use super::code::FirmCode;
use super::text::{self, T, clean};
use crate::domain::answers::{AnswerFile, AnswerSet, Misfit, fast_read, read_answers};
use crate::domain::cohort::{Cohort, Status};
use crate::domain::instrument::{MAX_FILE_BYTES, parse_json};
use crate::domain::model::{Questionnaire, Role};
use crate::domain::score::score_and_visibility;
use crate::domain::text::LocalText;
use crate::domain::{Lang, ScoreCard};

/// A file changed this recently may change again within the file system's time resolution
/// (two seconds on FAT-formatted USB sticks) without its time moving: read it again.
const SETTLING: Duration = Duration::from_secs(3);

/// A firm part-way through with no save for this long is marked idle: it may have left.
pub const STALE_AFTER: Duration = Duration::from_secs(20 * 60);

/// One firm's response, read and scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub code: FirmCode,
    pub answers: AnswerSet,
    /// Which questions this firm is asked (skip logic).
    pub visible: Vec<bool>,
    pub card: ScoreCard,
    pub saved_at: Option<String>,
    /// Answers for questions this questionnaire version no longer has.
    pub dropped: usize,
}

impl Response {
    pub fn status(&self) -> Status {
        Status::of(&self.card)
    }

    /// (answered incl. "don't know", asked) over the scored questions.
    pub fn progress(&self) -> (usize, usize) {
        let c = &self.card.confidence;
        (c.answered + c.dont_know, c.questions)
    }

    /// When the firm last saved an answer (the file's `saved_at`), if it says.
    pub fn last_activity(&self) -> Option<SystemTime> {
        self.saved_at
            .as_deref()
            .and_then(crate::store::clock::parse_rfc3339)
    }

    /// Part-way through (some answers, not finished) and nothing saved for [`STALE_AFTER`].
    pub fn is_stale(&self, now: SystemTime) -> bool {
        self.status() == Status::InProgress
            && !crate::domain::cohort::is_empty(&self.answers)
            && self
                .last_activity()
                .is_some_and(|t| now.duration_since(t).is_ok_and(|d| d >= STALE_AFTER))
    }

    /// The firm's name as typed (in the profile field of role `firm_name`), cleaned of control
    /// characters; only for `--named` views.
    pub fn name(&self, q: &Questionnaire) -> Option<String> {
        self.answers
            .profile
            .get(q.role(Role::FirmName)?)
            .map(|n| clean(n).trim().to_string())
            .filter(|n| !n.is_empty())
    }
}

/// Why a file in `responses/` is not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// Empty or cut short: still being written or copied.
    Incomplete,
    Corrupt,
    NotText,
    /// An answer file of another questionnaire.
    Foreign,
    BadAnswer,
    TooLarge,
    Symlink,
    Unreadable,
    /// Something else in the folder.
    NotAResponse,
    /// `responses/` itself cannot be read.
    Folder,
    /// An answer file of another version of the workshop's questionnaire: not counted, so
    /// that the room compares like with like.
    OtherVersion,
}

impl ProblemKind {
    fn text(self) -> T {
        match self {
            ProblemKind::Incomplete => text::P_INCOMPLETE,
            ProblemKind::Corrupt => text::P_CORRUPT,
            ProblemKind::NotText => text::P_NOT_TEXT,
            ProblemKind::Foreign => text::P_FOREIGN,
            ProblemKind::BadAnswer => text::P_BAD_ANSWER,
            ProblemKind::TooLarge => text::P_TOO_LARGE,
            ProblemKind::Symlink => text::P_SYMLINK,
            ProblemKind::Unreadable => text::P_UNREADABLE,
            ProblemKind::NotAResponse => text::P_NOT_RESPONSE,
            ProblemKind::Folder => text::P_FOLDER,
            ProblemKind::OtherVersion => text::P_OTHER_VERSION,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }
}

/// A file that is not counted, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file name inside `responses/`, cleaned for display.
    pub file: String,
    pub kind: ProblemKind,
    /// The technical detail (parser message, questionnaire id, I/O error), in English.
    pub detail: String,
    /// The same detail in Chinese, for a Chinese dashboard and report.
    #[serde(skip)]
    pub detail_zh: String,
}

impl Problem {
    /// The file name and the detail, cleaned for display.
    fn new(file: &str, kind: ProblemKind, detail: LocalText) -> Problem {
        Problem {
            file: clean(file),
            kind,
            detail: clean(&detail.en),
            detail_zh: clean(&detail.zh),
        }
    }

    /// The detail in `lang`.
    pub fn detail_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.detail_zh,
            Lang::En => &self.detail,
        }
    }
}

/// A detail said the same in both languages (an id, a number).
fn same(s: impl Into<String>) -> LocalText {
    let s = s.into();
    LocalText::new(s.clone(), s)
}

/// An I/O error from reading a file, in both languages.
fn io_detail(e: &std::io::Error) -> LocalText {
    LocalText::new(
        crate::store::explain(e, Lang::Zh),
        crate::store::explain(e, Lang::En),
    )
}

#[derive(Debug, Clone, PartialEq)]
/// What reading one file of `responses/` gave.
pub enum Outcome {
    Response(Arc<Response>),
    Problem(Problem),
}

impl Outcome {
    /// Equal, checking first whether both share one response.
    fn same_as(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Response(a), Outcome::Response(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => self == other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

#[derive(Debug, Clone)]
struct Entry {
    stamp: Stamp,
    outcome: Outcome,
}

/// What `responses/` held at the last look.
#[derive(Debug, Clone, Default)]
pub struct Room {
    files: BTreeMap<String, Entry>,
    folder: Option<Problem>,
    /// Files read (and scored) by the last scan: for tests and benchmarks of the cache.
    pub last_reads: usize,
}

/// Files the self-check itself leaves beside an answer file: temporary files while saving,
/// backups on "start over", exported results. Not responses, and not problems either.
fn by_product(name: &str) -> bool {
    name.starts_with('.')
        || name.contains(".backup-")
        || name.ends_with("-result.json")
        || name.ends_with("-result.txt")
}

fn problem(file: &str, kind: ProblemKind, detail: LocalText) -> Outcome {
    Outcome::Problem(Problem::new(file, kind, detail))
}

/// Reads and scores one response file.
fn load(ws: &Workshop, name: &str, code: FirmCode) -> Outcome {
    let path = ws.responses_dir().join(name);
    let bytes = match super::read_regular(&path) {
        Ok(b) => b,
        Err(e) => {
            let kind = match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => ProblemKind::Symlink,
                Ok(m) if m.len() > MAX_FILE_BYTES as u64 => ProblemKind::TooLarge,
                Ok(m) if !m.is_file() => ProblemKind::NotAResponse,
                _ => ProblemKind::Unreadable,
            };
            return problem(name, kind, io_detail(&e));
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return problem(
            name,
            ProblemKind::Incomplete,
            LocalText::fill(text::ZERO_BYTES, &[]),
        );
    }
    let Ok(src) = String::from_utf8(bytes) else {
        return problem(name, ProblemKind::NotText, same(""));
    };
    // A byte-order mark (Windows Notepad) is no reason to refuse a file.
    let src = crate::domain::instrument::without_bom(&src);
    let q = &ws.inst.questionnaire;
    if let Some(d) = fast_read::read(q, src)
        && d.questionnaire.id == q.id
    {
        if d.questionnaire.version != q.version {
            return other_version(name, &d.questionnaire.version, &q.version);
        }
        return scored(ws, code, d.answers, d.saved_at, d.dropped.len());
    }
    // The thorough reading: the located, friendlier message is only built when the file is bad.
    let file: AnswerFile = match serde_json::from_str(src) {
        Ok(f) => f,
        Err(e) => {
            let kind = if e.classify() == serde_json::error::Category::Eof {
                ProblemKind::Incomplete
            } else {
                ProblemKind::Corrupt
            };
            let detail = parse_json::<AnswerFile>(name, src).err().map_or_else(
                || same(e.to_string()),
                |l| LocalText::new(l.display_in(Lang::Zh), l.display_in(Lang::En)),
            );
            return problem(name, kind, detail);
        }
    };
    if file.questionnaire.id != q.id {
        return problem(
            name,
            ProblemKind::Foreign,
            same(format!("`{}` ≠ `{}`", file.questionnaire.id, q.id)),
        );
    }
    let (answers, dropped) = match read_answers(q, &file, Misfit::Refuse) {
        Ok(x) => x,
        Err((_, msg)) => return problem(name, ProblemKind::BadAnswer, msg),
    };
    if file.questionnaire.version != q.version {
        return other_version(name, &file.questionnaire.version, &q.version);
    }
    scored(ws, code, answers, file.saved_at, dropped.len())
}

fn other_version(name: &str, theirs: &str, ours: &str) -> Outcome {
    problem(
        name,
        ProblemKind::OtherVersion,
        LocalText::fill(text::OTHER_VERSION, &[&theirs, &ours]),
    )
}

fn scored(
    ws: &Workshop,
    code: FirmCode,
    answers: AnswerSet,
    saved_at: Option<String>,
    dropped: usize,
) -> Outcome {
    let (card, visible) = score_and_visibility(&ws.inst, &answers);
    Outcome::Response(Arc::new(Response {
        code,
        answers,
        visible,
        card,
        saved_at,
        dropped,
    }))
}

/// Reads and scores one file of `responses/` by name.
fn read_one(ws: &Workshop, name: &str) -> Outcome {
    match FirmCode::of_file_name(name) {
        Some(code) => load(ws, name, code),
        // Most often a file dropped in by hand: say how to bring it in.
        None => problem(
            name,
            ProblemKind::NotAResponse,
            LocalText::fill(text::IMPORT_IT, &[]),
        ),
    }
}

/// Every file of the folder, in file-name order, read and scored a batch at a time (on all
/// cores) and handed to `each`, as a response or as the problem that keeps it from counting:
/// memory stays flat however many firms there are. A folder that cannot be listed is one
/// problem, as the room shows it.
pub fn for_each_file(
    ws: &Workshop,
    mut each: impl FnMut(Result<&Response, &Problem>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    map_each_file(
        ws,
        |o| o,
        |o| match o {
            Outcome::Response(r) => each(Ok(&r)),
            Outcome::Problem(p) => each(Err(&p)),
        },
    )
}

/// [`for_each_file`] with a step that runs on the reading threads: `map` turns each file's
/// response or problem into what `each` then takes, in file-name order. For work per firm
/// that is as heavy as reading it (the programme export's records).
pub fn map_each_file<T: Send>(
    ws: &Workshop,
    map: impl Fn(Outcome) -> T + Sync,
    mut each: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let entries = match fs::read_dir(ws.responses_dir()) {
        Ok(e) => e,
        Err(e) => return each(map(Outcome::Problem(folder_problem(&e)))),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !by_product(n))
        .collect();
    names.sort();
    read_in_order(ws, &names, map, each)
}

/// Reads and scores the files `names` and hands each outcome to `map` on the thread that read
/// it, then what `map` made to `each`, in the order of `names`. A few files are read in turn;
/// many on all cores (up to 8).
fn read_in_order<T: Send>(
    ws: &Workshop,
    names: &[String],
    map: impl Fn(Outcome) -> T + Sync,
    mut each: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let workers = readers();
    if names.len() < 64 || workers < 2 {
        for n in names {
            each(map(read_one(ws, n)))?;
        }
        return Ok(());
    }
    // Small batches dealt out in turn to the readers, each with a short queue, so `each`
    // runs while the next files are read and no reader waits long at the folder's end;
    // `each` takes the batches back in the order they were dealt.
    const BATCH: usize = 32;
    let batches: Vec<&[String]> = names.chunks(BATCH).collect();
    std::thread::scope(|scope| {
        let queues: Vec<_> = (0..workers)
            .map(|w| {
                let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<T>>(4);
                let (batches, map) = (&batches, &map);
                scope.spawn(move || {
                    for batch in batches.iter().skip(w).step_by(workers) {
                        let out = batch.iter().map(|n| map(read_one(ws, n))).collect();
                        // The receiver is gone only when `each` failed: stop reading.
                        if tx.send(out).is_err() {
                            return;
                        }
                    }
                });
                rx
            })
            .collect();
        for k in 0..batches.len() {
            // A reader that panicked closes its queue; the scope then passes the panic on.
            let Ok(batch) = queues[k % workers].recv() else {
                break;
            };
            for t in batch {
                each(t)?;
            }
        }
        Ok(())
    })
}

/// How many threads read a folder: every core, up to 8.
fn readers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Every response of the folder, as [`for_each_file`] reads them; problem files are skipped,
/// and a folder that cannot be listed is an error.
pub fn for_each_response(
    ws: &Workshop,
    mut each: impl FnMut(&Response) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for_each_file(ws, |f| match f {
        Ok(r) => each(r),
        Err(p) if p.kind == ProblemKind::Folder => Err(std::io::Error::other(format!(
            "{}: {}",
            ws.responses_dir().display(),
            p.detail
        ))),
        Err(_) => Ok(()),
    })
}

fn folder_problem(e: &std::io::Error) -> Problem {
    Problem::new(
        &format!("{}/", super::RESPONSES),
        ProblemKind::Folder,
        io_detail(e),
    )
}

impl Room {
    pub fn new() -> Room {
        Room::default()
    }

    /// Looks at `responses/` again; returns whether anything the room shows changed.
    pub fn scan(&mut self, ws: &Workshop, now: SystemTime) -> bool {
        self.last_reads = 0;
        let dir = ws.responses_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                let p = folder_problem(&e);
                let changed = self.folder.as_ref() != Some(&p);
                self.folder = Some(p);
                return changed;
            }
        };
        let mut changed = self.folder.take().is_some();
        // First the listing and the cache check; then the files to (re)read, read in parallel:
        // a cold start over a large room is dominated by reading and scoring.
        let mut listed: Vec<(String, Stamp, Option<Outcome>)> = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if by_product(&name) {
                continue;
            }
            // Not followed: a link is reported, never read.
            let meta = entry.metadata().ok();
            let stamp = Stamp {
                modified: meta.as_ref().and_then(|m| m.modified().ok()),
                len: meta.as_ref().map_or(0, |m| m.len()),
            };
            let settling = stamp
                .modified
                .is_none_or(|m| now.duration_since(m).map_or(true, |age| age < SETTLING));
            let reuse = match self.files.get(&name) {
                Some(e) if e.stamp == stamp && !settling => Some(e.outcome.clone()),
                _ => None,
            };
            listed.push((name, stamp, reuse));
        }
        let names: Vec<String> = listed
            .iter()
            .filter(|(_, _, reuse)| reuse.is_none())
            .map(|(name, _, _)| name.clone())
            .collect();
        self.last_reads = names.len();
        let mut read = Vec::with_capacity(names.len());
        // Handing on cannot fail here.
        let _ = read_in_order(
            ws,
            &names,
            |o| o,
            |o| {
                read.push(o);
                Ok(())
            },
        );
        let mut read = read.into_iter();
        let mut seen = BTreeMap::new();
        for (name, stamp, reuse) in listed {
            let Some(fresh) = reuse.or_else(|| read.next()) else {
                continue;
            };
            // A reused entry is the same `Arc`: no need to compare whole score cards.
            if self
                .files
                .get(&name)
                .is_none_or(|e| !e.outcome.same_as(&fresh))
            {
                changed = true;
            }
            seen.insert(
                name,
                Entry {
                    stamp,
                    outcome: fresh,
                },
            );
        }
        if seen.len() != self.files.len() || seen.keys().any(|k| !self.files.contains_key(k)) {
            changed = true;
        }
        self.files = seen;
        changed
    }

    /// Every readable response, ordered by firm code.
    pub fn responses(&self) -> Vec<Arc<Response>> {
        self.files
            .values()
            .filter_map(|e| match &e.outcome {
                Outcome::Response(r) => Some(Arc::clone(r)),
                Outcome::Problem(_) => None,
            })
            .collect()
    }

    /// Every file that is not counted, ordered by file name.
    pub fn problems(&self) -> Vec<Problem> {
        self.folder
            .iter()
            .cloned()
            .chain(self.files.values().filter_map(|e| match &e.outcome {
                Outcome::Problem(p) => Some(p.clone()),
                Outcome::Response(_) => None,
            }))
            .collect()
    }

    pub fn cohort(&self, ws: &Workshop) -> Cohort {
        let responses = self.responses();
        let mut b = crate::domain::cohort::CohortBuilder::new(&ws.inst.questionnaire);
        for r in &responses {
            b.add_firm(&r.answers, &r.card);
        }
        b.finish()
    }
}

/// Firms whose response is an exact copy of another's — the same profile and the same answers,
/// as when one file was imported twice — each mapped to the first firm (by code) with it.
/// Empty responses are never duplicates (every firm starts so).
pub fn duplicates(
    q: &crate::domain::model::Questionnaire,
    firms: &[Arc<Response>],
) -> BTreeMap<FirmCode, FirmCode> {
    let mut first: BTreeMap<String, &FirmCode> = BTreeMap::new();
    let mut dup = BTreeMap::new();
    let mut sorted: Vec<&Arc<Response>> = firms.iter().collect();
    sorted.sort_by(|a, b| a.code.cmp(&b.code));
    for r in sorted {
        if crate::domain::cohort::is_empty(&r.answers) {
            continue;
        }
        let file = r.answers.to_file(q, None);
        let Ok(key) = serde_json::to_string(&(&file.profile, &file.answers)) else {
            continue;
        };
        match first.get(&key) {
            Some(code) => {
                dup.insert(r.code.clone(), (*code).clone());
            }
            None => {
                first.insert(key, &r.code);
            }
        }
    }
    dup
}
