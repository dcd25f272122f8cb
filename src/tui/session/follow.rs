//! Starting and resuming a follow-up check: `run --follow-up EARLIER.json [--answers NEW.json]`
//! and the welcome screen's entry. The new file is written at once, pre-filled from the earlier
//! one and naming it in `follows`; the earlier file is only ever read.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Result, bail};

use super::{Opened, Shell, claim, kept, lenient_answers, read, write_answers};
use crate::domain::answers::AnswerFile;
use crate::domain::answers::follows::{FollowUp, Follows};
use crate::domain::instrument::parse_json;
use crate::domain::{Instrument, Lang};
use crate::progress::earlier::{Earlier, find, recorded_path};
use crate::store::{self, shown};
use crate::tui::app::{App, Session};
use crate::tui::strings as st;

/// The follow-up state of a file read from `path`: its reference and marks, and the earlier
/// answers when the earlier file is still there and unchanged. `None` for an ordinary file.
pub fn resumed(inst: &Instrument, path: &Path, file: &AnswerFile) -> Option<FollowUp> {
    let follows = file.follows.clone()?;
    let earlier = match find(&follows, path) {
        Earlier::Here(_, bytes) => String::from_utf8(bytes)
            .ok()
            .and_then(|src| parse_json::<AnswerFile>(&follows.path, &src).ok())
            .map(|f| lenient_answers(inst, &f).0),
        Earlier::Changed(_) | Earlier::Gone => None,
    };
    Some(FollowUp {
        reviewed: FollowUp::marks_from(&inst.questionnaire, &file.reviewed),
        follows: Some(follows),
        earlier,
    })
}

/// `run --follow-up EARLIER [--answers NEW]`: a new answer file pre-filled from `earlier`, or
/// the follow-up of it already begun at `new` (resumed).
pub fn open_follow_up(
    inst: &Instrument,
    earlier: &Path,
    new: Option<&Path>,
    now: SystemTime,
    lang: Lang,
) -> Result<Opened> {
    let Some(bytes) = read(earlier, lang)? else {
        bail!("{}", st::NO_EARLIER.fill(lang, &[&shown(earlier)]));
    };
    let name = shown(earlier);
    let src = String::from_utf8(bytes.clone()).map_err(|_| {
        anyhow::anyhow!("{}", st::EARLIER_UNREADABLE.fill(lang, &[&name, &"UTF-8"]))
    })?;
    let file = parse_json::<AnswerFile>(&name, &src).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            st::EARLIER_UNREADABLE.fill(lang, &[&name, &e.display_in(lang)])
        )
    })?;
    if file.questionnaire.id != inst.questionnaire.id {
        bail!(
            "{}",
            st::EARLIER_OTHER_QUESTIONNAIRE.fill(
                lang,
                &[&name, &file.questionnaire.id, &inst.questionnaire.id]
            )
        );
    }
    let follows = Follows::of(recorded_path(earlier), &bytes, file.saved_at.clone());
    let path = match new {
        Some(p) => p.to_path_buf(),
        None => store::new_answers_path(earlier.parent().unwrap_or(Path::new(".")), now),
    };
    if store::same_file(&path, earlier) {
        bail!("{}", st::SAME_FILE.fill(lang, &[&name]));
    }
    if std::fs::symlink_metadata(&path).is_ok() {
        // Begun before: resume it, if it is this follow-up.
        let opened = super::open(inst, Some(&path), now, lang)?;
        let same = opened
            .session
            .follow
            .as_ref()
            .and_then(|f| f.follows.as_ref())
            .is_some_and(|f| f.sha256 == follows.sha256);
        if !same {
            bail!("{}", st::NEW_EXISTS.fill(lang, &[&shown(&path), &name]));
        }
        return Ok(opened);
    }
    let lock = claim(&path, now, lang)?;
    let (answers, dropped) = lenient_answers(inst, &file);
    let follow = FollowUp {
        follows: Some(follows),
        earlier: Some(answers.clone()),
        reviewed: Default::default(),
    };
    let session = Session {
        answers_path: path.clone(),
        // What the earlier file held that this program does not understand goes along.
        kept: kept(&file, &src, &dropped),
        dropped,
        follow: Some(follow),
        ..Session::default()
    };
    // write_answers adds what the new file follows.
    let new_file = answers.to_file(&inst.questionnaire, Some(store::rfc3339(now)));
    write_answers(&session, &new_file, lang).map_err(|e| anyhow::anyhow!("{e}"))?;
    store::clean_stale_temps(&path);
    Ok(Opened {
        session,
        answers: Some(answers),
        lock,
        ..Opened::default()
    })
}

impl Shell {
    /// The welcome screen's "start a follow-up": the check open now becomes the earlier one,
    /// left as it is on disk, and a new file beside it follows it.
    pub fn start_follow_up(&mut self, app: &mut App) -> Result<(), String> {
        let now = SystemTime::now();
        let earlier = app.session.answers_path.clone();
        let lang = app.lang;
        let bytes = store::read_text(&earlier).map_err(|e| {
            st::EARLIER_UNREADABLE.fill(lang, &[&shown(&earlier), &store::explain(&e, lang)])
        })?;
        let saved_at = serde_json::from_slice::<AnswerFile>(&bytes)
            .ok()
            .and_then(|f| f.saved_at);
        let follows = Follows::of(recorded_path(&earlier), &bytes, saved_at);
        let dir: PathBuf = earlier
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let path = store::new_answers_path(&dir, now);
        let lock = claim(&path, now, lang).map_err(|e| e.to_string())?;
        // Only now is the earlier file let go: nothing this session does writes it again.
        self._lock = lock;
        app.session.follow = Some(app.follow_up_of(follows));
        app.session.answers_path = path;
        app.session.saved_at = None;
        self.save(app)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::domain::answers::follows::Reviewed;
    use crate::domain::answers::{Answer, AnswerSet};
    use crate::domain::model::QuestionKind;
    use crate::domain::sample::{Lean, Rng, generate};
    use crate::tui::app::{Screen, WelcomeItem};
    use crate::tui::tests::mini;

    /// A finished check of the loaded questionnaire, every question answered.
    fn finished(inst: &Instrument) -> AnswerSet {
        let mut set = generate(&inst.questionnaire, &mut Rng::new(7), Lean::Any);
        for q in &inst.questionnaire.questions {
            if q.kind == QuestionKind::Text {
                set.set(q.id.clone(), Answer::Text("more credit".into()));
            }
        }
        set
    }

    fn write_earlier(inst: &Instrument, dir: &Path) -> (PathBuf, Vec<u8>) {
        let path = dir.join("spring.json");
        let file = finished(inst).to_file(&inst.questionnaire, Some("2026-05-04T08:00:00Z".into()));
        let bytes = crate::store::pretty_json(&file).expect("json");
        std::fs::write(&path, &bytes).expect("write");
        (path, bytes)
    }

    /// Presses keys through the real keymap, carrying out effects with the real shell.
    fn press(app: &mut App, shell: &mut Shell, keys: &[KeyCode]) {
        for k in keys {
            let ev = KeyEvent::new(*k, KeyModifiers::NONE);
            if let Some(a) = crate::tui::keymap::action_for(app.ctx(), ev) {
                for fx in app.update(a) {
                    shell.perform(app, &fx);
                }
            }
        }
    }

    fn start(inst: &Instrument, opened: Opened) -> (App, Shell) {
        Shell::start(inst.clone(), Lang::En, opened)
    }

    fn saved(path: &Path) -> AnswerFile {
        serde_json::from_slice(&std::fs::read(path).expect("saved")).expect("parses")
    }

    /// The digit of an option other than the current answer of a single-choice question.
    fn other_option(app: &App) -> KeyCode {
        let q = app.question();
        let now = match app.answers.get(&q.id) {
            Some(Answer::Choice(o)) => q.option_index(o),
            _ => None,
        };
        let i = (0..q.options.len())
            .find(|i| Some(*i) != now)
            .expect("two options");
        KeyCode::Char(char::from_digit(i as u32 + 1, 10).expect("a digit"))
    }

    #[test]
    fn a_follow_up_from_the_command_line_marks_confirmed_and_changed() {
        let inst = mini();
        let dir = tempfile::tempdir().expect("dir");
        let (earlier, before) = write_earlier(&inst, dir.path());
        let new = dir.path().join("autumn.json");
        let opened = open_follow_up(&inst, &earlier, Some(&new), SystemTime::now(), Lang::En)
            .expect("starts");
        // Written at once, pre-filled, naming the earlier file.
        let first = saved(&new);
        let follows = first.follows.clone().expect("follows");
        assert!(follows.is(&before));
        assert_eq!(follows.saved_at.as_deref(), Some("2026-05-04T08:00:00Z"));
        assert_eq!(first.answers, saved(&earlier).answers, "pre-filled");
        assert!(first.reviewed.is_empty(), "nothing visited yet");

        let (mut app, mut shell) = start(&inst, opened);
        assert!(app.follow_summary().is_some());
        press(&mut app, &mut shell, &[KeyCode::Enter]);
        assert_eq!(app.screen, Screen::Question);
        let q1 = app.question().id.clone();
        assert_eq!(
            app.follow_mark(app.current),
            Some(crate::tui::app::follow::Mark::Carried)
        );
        // Enter on the carried answer confirms it and moves on.
        press(&mut app, &mut shell, &[KeyCode::Enter]);
        // Skip questions until a single choice, skipping marks nothing.
        let mut skipped = Vec::new();
        while app.question().kind != QuestionKind::Single {
            skipped.push(app.question().id.clone());
            press(&mut app, &mut shell, &[KeyCode::Right]);
        }
        let q2 = app.question().id.clone();
        let key = other_option(&app);
        press(&mut app, &mut shell, &[key]);

        let file = saved(&new);
        assert_eq!(file.reviewed.get(q1.as_str()), Some(&Reviewed::Confirmed));
        assert_eq!(file.reviewed.get(q2.as_str()), Some(&Reviewed::Changed));
        for s in &skipped {
            assert!(!file.reviewed.contains_key(s.as_str()), "{s} only carried");
        }
        assert_eq!(file.reviewed.len(), 2);
        assert_ne!(
            file.answers.get(q2.as_str()),
            saved(&earlier).answers.get(q2.as_str())
        );
        assert_eq!(
            std::fs::read(&earlier).expect("earlier"),
            before,
            "untouched"
        );

        // Opened again later, the marks and the earlier answers come back.
        drop(shell);
        let again =
            super::super::open(&inst, Some(&new), SystemTime::now(), Lang::En).expect("opens");
        let f = again.session.follow.clone().expect("still a follow-up");
        drop(again);
        assert!(f.earlier.is_some());
        assert_eq!(f.reviewed.len(), 2);
        // And `run --follow-up` with the same files resumes it rather than starting over.
        let resumed = open_follow_up(&inst, &earlier, Some(&new), SystemTime::now(), Lang::En)
            .expect("resumes");
        assert_eq!(resumed.session.follow.expect("follow").reviewed.len(), 2);
        assert_eq!(
            std::fs::read(&earlier).expect("earlier"),
            before,
            "untouched"
        );
    }

    #[test]
    fn the_welcome_screen_offers_a_follow_up_of_a_finished_check_only() {
        let inst = mini();
        let dir = tempfile::tempdir().expect("dir");
        let (earlier, before) = write_earlier(&inst, dir.path());
        let opened =
            super::super::open(&inst, Some(&earlier), SystemTime::now(), Lang::En).expect("opens");
        let (mut app, mut shell) = start(&inst, opened);
        let items = app.welcome_items();
        let at = items
            .iter()
            .position(|i| *i == WelcomeItem::FollowUp)
            .expect("offered");
        while app.welcome_focus < at {
            press(&mut app, &mut shell, &[KeyCode::Down]);
        }
        press(&mut app, &mut shell, &[KeyCode::Enter]);
        assert_eq!(app.screen, Screen::Question, "{:?}", app.note);
        let new = app.session.answers_path.clone();
        assert_ne!(new, earlier);
        assert_eq!(new.parent(), earlier.parent(), "beside the earlier check");
        let note = app.note.clone().expect("says where");
        assert!(note.text.contains("Follow-up started"), "{}", note.text);
        // Changing an answer now writes the new file only.
        press(&mut app, &mut shell, &[KeyCode::Enter]);
        let file = saved(&new);
        assert!(file.follows.expect("follows").is(&before));
        assert_eq!(file.reviewed.len(), 1);
        assert_eq!(
            std::fs::read(&earlier).expect("earlier"),
            before,
            "untouched"
        );

        // An unfinished check offers no follow-up.
        let mut part = AnswerSet::new();
        let q0 = &inst.questionnaire.questions[1];
        part.set(q0.id.clone(), Answer::Choice(q0.options[0].id.clone()));
        let path = dir.path().join("half.json");
        let bytes = serde_json::to_vec(&part.to_file(&inst.questionnaire, None)).expect("json");
        std::fs::write(&path, bytes).expect("write");
        let opened =
            super::super::open(&inst, Some(&path), SystemTime::now(), Lang::En).expect("opens");
        let (app, _shell) = start(&inst, opened);
        assert!(!app.welcome_items().contains(&WelcomeItem::FollowUp));
    }

    #[test]
    fn a_save_that_knows_nothing_of_follow_ups_keeps_follows() {
        // Plain mode and the signal draft write `AnswerSet::to_file`, without `follows`.
        let inst = mini();
        let dir = tempfile::tempdir().expect("dir");
        let (earlier, before) = write_earlier(&inst, dir.path());
        let new = dir.path().join("autumn.json");
        let opened = open_follow_up(&inst, &earlier, Some(&new), SystemTime::now(), Lang::En)
            .expect("starts");
        let answers = opened.answers.clone().expect("pre-filled");
        let plain = answers.to_file(&inst.questionnaire, None);
        assert!(plain.follows.is_none());
        write_answers(&opened.session, &plain, Lang::En).expect("saved");
        assert!(saved(&new).follows.expect("kept").is(&before));
    }

    #[test]
    fn a_follow_up_never_writes_over_the_earlier_file_or_a_stranger() {
        let inst = mini();
        let dir = tempfile::tempdir().expect("dir");
        let (earlier, before) = write_earlier(&inst, dir.path());
        let e = open_follow_up(&inst, &earlier, Some(&earlier), SystemTime::now(), Lang::En)
            .expect_err("refused");
        assert!(e.to_string().contains("never over the earlier one"), "{e}");
        let other = dir.path().join("other.json");
        std::fs::write(
            &other,
            "{\"questionnaire\": {\"id\": \"mini\", \"version\": \"1\"}}",
        )
        .expect("write");
        let e = open_follow_up(&inst, &earlier, Some(&other), SystemTime::now(), Lang::Zh)
            .expect_err("refused");
        assert!(e.to_string().contains("不是"), "{e}");
        let e = open_follow_up(
            &inst,
            &dir.path().join("missing.json"),
            None,
            SystemTime::now(),
            Lang::En,
        )
        .expect_err("refused");
        assert!(e.to_string().contains("is not there"), "{e}");
        assert_eq!(std::fs::read(&earlier).expect("earlier"), before);
    }
}
