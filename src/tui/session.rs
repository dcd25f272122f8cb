//! Finding, loading and saving the answer file of an interactive session.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Result, anyhow, bail};

use super::app::{App, Session};
use crate::domain::answers::{Answer, AnswerFile, AnswerSet, Dropped};
use crate::domain::instrument::parse_json;
use crate::domain::model::QuestionId;
use crate::domain::{Instrument, Lang};
use crate::store;

/// Held while an answer file is written, so that a signal never ends the process mid-save.
pub static SAVE_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What `open` found: where to save, and any answers to resume.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    pub answers: Option<AnswerSet>,
    /// Set when the file lives in the per-user data folder: starting over opens a new file there.
    pub default_dir: Option<PathBuf>,
}

/// Reads answers leniently for resuming: an answer that no longer fits its question is left
/// out and reported, never a reason to lose the rest.
pub fn lenient_answers(inst: &Instrument, file: &AnswerFile) -> (AnswerSet, Vec<Dropped>) {
    let q = &inst.questionnaire;
    let mut set = AnswerSet::new();
    set.profile = file.profile.clone();
    set.profile.retain(|_, v| !v.is_empty());
    let mut dropped = Vec::new();
    for (key, value) in &file.answers {
        let id = QuestionId(key.as_str().into());
        match q.question(&id) {
            None => dropped.push(crate::domain::answers::dropped(q, key.clone())),
            Some(question) => match Answer::from_json(question, value) {
                Ok(Some(a)) => set.set(id, a),
                Ok(None) => {}
                Err(reason) => dropped.push(Dropped {
                    question: key.clone(),
                    reason,
                }),
            },
        }
    }
    (set, dropped)
}

fn read(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
}

crate::bilingual! {
    NO_DATA_FOLDER = "找不到可以保存答案的用户数据文件夹\n  提示：用 --answers 文件名 指定答卷文件", "cannot find a per-user data folder for saving answers\n  hint: pass --answers FILE";
    OTHER_QUESTIONNAIRE = "{} 里是问卷 `{}` 的答案，不是 `{}` 的\n  提示：用 --questionnaire 指定对应的问卷，或换一个 --answers 文件", "{} holds answers for questionnaire `{}`, not `{}`\n  hint: pass the matching --questionnaire, or another --answers file";
    NO_BACKUP = "{} 无法读取，也无法备份（{}），为了不丢数据没有继续\n  提示：检查文件夹能否写入，或换一个 --answers 文件", "{} could not be read, and no backup copy could be made ({}), so nothing was changed\n  hint: check the folder can be written to, or pass another --answers file";
}

/// Opens the answer file named by `--answers`, or the latest one in the per-user data folder;
/// problems are told in `lang`.
pub fn open(
    inst: &Instrument,
    explicit: Option<&Path>,
    now: SystemTime,
    lang: Lang,
) -> Result<Opened> {
    let opened = open_file(inst, explicit, now, lang)?;
    store::clean_stale_temps(&opened.session.answers_path);
    Ok(opened)
}

fn open_file(
    inst: &Instrument,
    explicit: Option<&Path>,
    now: SystemTime,
    lang: Lang,
) -> Result<Opened> {
    match explicit {
        Some(path) => open_explicit(inst, path, now, lang),
        None => {
            let dir = store::default_answers_dir()
                .ok_or_else(|| anyhow!("{}", NO_DATA_FOLDER.get(lang)))?;
            if let Some(latest) = store::latest_answers(&dir)
                && let Some(src) = read(&latest)
                && let Ok(file) = parse_json::<AnswerFile>(&latest.display().to_string(), &src)
                && file.questionnaire.id == inst.questionnaire.id
            {
                let (answers, dropped) = lenient_answers(inst, &file);
                if !answers.is_empty() || !answers.profile.is_empty() {
                    return Ok(Opened {
                        session: Session {
                            answers_path: latest,
                            resumable: true,
                            saved_at: file.saved_at.clone(),
                            dropped,
                            unreadable_backup: None,
                            firm_code: None,
                        },
                        answers: Some(answers),
                        default_dir: Some(dir),
                    });
                }
            }
            Ok(Opened {
                session: Session {
                    answers_path: store::new_answers_path(&dir, now),
                    ..Session::default()
                },
                answers: None,
                default_dir: Some(dir),
            })
        }
    }
}

/// Joins a workshop (`run --workshop DIR`): a new firm code and response file in the
/// workshop folder, or with `firm` the existing one to resume; the workshop's questionnaire,
/// and its language unless `--lang` says otherwise.
pub fn open_workshop(
    dir: &Path,
    firm: Option<&str>,
    lang: Option<crate::cli::LangArg>,
    now: SystemTime,
) -> Result<(Instrument, Lang, Opened)> {
    let (ws, lang) = crate::workshop::command::open(dir, lang)?;
    let (code, path) = ws.join(firm, now, lang)?;
    let mut opened = open(&ws.inst, Some(&path), now, lang)?;
    opened.session.firm_code = Some(code.to_string());
    Ok((ws.inst, lang, opened))
}

fn open_explicit(inst: &Instrument, path: &Path, now: SystemTime, lang: Lang) -> Result<Opened> {
    let fresh = |backup: Option<PathBuf>| Opened {
        session: Session {
            answers_path: path.to_path_buf(),
            unreadable_backup: backup,
            ..Session::default()
        },
        answers: None,
        default_dir: None,
    };
    if !path.exists() {
        return Ok(fresh(None));
    }
    let name = path.display().to_string();
    let parsed = read(path)
        .ok_or(())
        .and_then(|src| parse_json::<AnswerFile>(&name, &src).map_err(|_| ()));
    match parsed {
        Ok(file) if file.questionnaire.id != inst.questionnaire.id => bail!(
            "{}",
            OTHER_QUESTIONNAIRE.fill(
                lang,
                &[&name, &file.questionnaire.id, &inst.questionnaire.id]
            )
        ),
        Ok(file) => {
            let (answers, dropped) = lenient_answers(inst, &file);
            let resumable = !answers.is_empty() || !answers.profile.is_empty();
            Ok(Opened {
                session: Session {
                    answers_path: path.to_path_buf(),
                    resumable,
                    saved_at: file.saved_at.clone(),
                    dropped,
                    unreadable_backup: None,
                    firm_code: None,
                },
                answers: Some(answers),
                default_dir: None,
            })
        }
        Err(()) => {
            // Never overwrite a file we could not read without keeping a copy.
            let backup = store::backup(path, now)
                .map_err(|e| anyhow!("{}", NO_BACKUP.fill(lang, &[&name, &e])))?;
            Ok(fresh(Some(backup)))
        }
    }
}

/// The shell's side of a session: where answers go, and whether anything was written.
pub struct Shell {
    pub session: Session,
    pub answers: Option<AnswerSet>,
    default_dir: Option<PathBuf>,
    wrote: bool,
}

impl Shell {
    pub fn new(opened: Opened) -> Shell {
        Shell {
            session: opened.session,
            answers: opened.answers,
            default_dir: opened.default_dir,
            wrote: false,
        }
    }

    /// Saves the app's answers atomically.
    pub fn save(&mut self, app: &App) -> Result<(), String> {
        let path = &app.session.answers_path;
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let file = app.answer_file(Some(store::rfc3339(SystemTime::now())));
        let _saving = SAVE_LOCK.lock();
        store::save_answers(path, &file).map_err(|e| format!("{}: {e}", path.display()))?;
        self.wrote = true;
        self.session.answers_path = path.clone();
        Ok(())
    }

    /// Starting over: a new file in the data folder, or a backup of the named file.
    pub fn start_over(&mut self, app: &mut App) -> Result<(), String> {
        let now = SystemTime::now();
        match &self.default_dir {
            Some(dir) => {
                let path = store::new_answers_path(dir, now);
                app.session.answers_path = path.clone();
                self.session.answers_path = path;
            }
            None => {
                let path = &app.session.answers_path;
                if path.exists() {
                    store::backup(path, now).map_err(|e| format!("{}: {e}", path.display()))?;
                }
            }
        }
        Ok(())
    }

    /// What to print after the screen is restored.
    pub fn farewell(&self, lang: Lang) -> String {
        if let Some(code) = &self.session.firm_code {
            return crate::tui::workshop::farewell(code, &self.session.answers_path, lang);
        }
        let path = self.session.answers_path.display();
        match (lang, self.wrote || self.session.answers_path.exists()) {
            (Lang::Zh, true) => format!("答案已保存：{path}\n再次运行 smecheck 即可继续。"),
            (Lang::En, true) => {
                format!("Your answers are saved in {path}\nRun smecheck again to resume.")
            }
            (Lang::Zh, false) => "尚未作答，没有写入任何文件。".to_string(),
            (Lang::En, false) => "Nothing was answered; no file was written.".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::BUILTIN_PROPOSALS;

    fn mini() -> Instrument {
        let src = include_str!("../../tests/fixtures/questionnaires/valid/mini.json");
        Instrument::from_sources("mini.json", src, "proposals.json", BUILTIN_PROPOSALS)
            .expect("mini loads")
    }

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
    fn a_file_of_another_questionnaire_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        std::fs::write(
            &path,
            r#"{"questionnaire": {"id": "other", "version": "1"}, "answers": {}}"#,
        )
        .expect("write");
        let err = open(&mini(), Some(&path), SystemTime::now(), Lang::En).expect_err("refused");
        assert!(
            err.to_string()
                .contains("questionnaire `other`, not `mini`"),
            "{err}"
        );
        assert!(path.exists());
    }

    #[test]
    fn a_chinese_owner_reads_the_refusal_in_chinese() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        std::fs::write(
            &path,
            r#"{"questionnaire": {"id": "other", "version": "1"}, "answers": {}}"#,
        )
        .expect("write");
        let err = open(&mini(), Some(&path), SystemTime::now(), Lang::Zh).expect_err("refused");
        assert!(
            err.to_string()
                .contains("里是问卷 `other` 的答案，不是 `mini` 的"),
            "{err}"
        );
    }
}
