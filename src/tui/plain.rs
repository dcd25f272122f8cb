//! Plain mode: the same self-check as numbered line prompts, with no cursor movement or box
//! drawing — for screen readers, dumb terminals and scripted input.

use std::io::{BufRead, Write};
use std::time::SystemTime;

use anyhow::Result;

use super::app::{Row, answered, asked, read_number, record, section_title};
use super::session::Opened;
use super::strings as st;
use crate::domain::answers::{Answer, AnswerSet, exclusive_conflict};
use crate::domain::model::{OptionId, Question, QuestionKind};
use crate::domain::output::{answer_label, score_text};
use crate::domain::report::ReportFormat;
use crate::domain::text::LocalText;
use crate::domain::{Instrument, Lang, score};
use crate::store;

mod matrix;

enum Reply {
    Answer(Option<Answer>),
    Back,
    Skip,
    Quit,
}

fn save(
    session: &super::app::Session,
    inst: &Instrument,
    answers: &AnswerSet,
    lang: Lang,
) -> Result<()> {
    if session.read_only {
        // Said once at the start; a look without saving is what was asked for.
        return Ok(());
    }
    let file = answers.to_file(&inst.questionnaire, Some(store::rfc3339(SystemTime::now())));
    super::session::write_answers(session, &file, lang).map_err(|e| {
        anyhow::anyhow!(
            "{}: {e}",
            st::CANNOT_SAVE.fill(lang, &[&store::shown(&session.answers_path)])
        )
    })
}

/// Runs the plain self-check over `input`/`out`. Every answer is saved as it is given.
pub fn run(
    inst: &Instrument,
    lang: Lang,
    opened: Opened,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<()> {
    let q = &inst.questionnaire;
    let path = opened.session.answers_path.clone();
    let mut answers = opened.answers.unwrap_or_default();
    writeln!(out, "{}", q.title.get(lang))?;
    writeln!(out, "{}", q.intro.get(lang))?;
    if opened.session.read_only {
        writeln!(out, "{}", st::READ_ONLY.get(lang))?;
    }
    if let Some(b) = &opened.session.unreadable_backup {
        writeln!(out, "{} {}", st::UNREADABLE.get(lang), b.display())?;
        if let Some(reason) = &opened.session.unreadable_reason {
            writeln!(out, "{reason}")?;
        }
    }
    for d in &opened.session.dropped {
        writeln!(
            out,
            "{} {}: {}",
            st::PLAIN_DROPPED.get(lang),
            d.question,
            d.reason.get(lang)
        )?;
    }
    writeln!(out, "{} {}", st::PLAIN_SAVED_IN.get(lang), path.display())?;
    writeln!(out, "{}", st::PLAIN_HOW.get(lang))?;

    if opened.session.resumable {
        writeln!(out, "{}", st::PLAIN_RESUMING.get(lang))?;
    } else {
        for f in &q.profile {
            if !ask_profile(f, lang, &mut answers, input, out)? {
                save(&opened.session, inst, &answers, lang)?;
                return Ok(());
            }
        }
        save(&opened.session, inst, &answers, lang)?;
    }

    let visible = crate::domain::score::visibility(q, &answers);
    let mut i = asked(&visible)
        .into_iter()
        .find(|i| !answered(q, &answers, *i))
        .unwrap_or(q.questions.len());
    while i < q.questions.len() {
        let visible = crate::domain::score::visibility(q, &answers);
        if !visible[i] {
            i += 1;
            continue;
        }
        let question = &q.questions[i];
        let position = visible[..=i].iter().filter(|v| **v).count();
        let total = visible.iter().filter(|v| **v).count();
        let section = section_title(q, &question.dimension, lang);
        writeln!(out)?;
        writeln!(out, "[{position}/{total}] {section}")?;
        match ask(question, lang, answers.get(&question.id), input, out)? {
            Reply::Quit => {
                // Piped input echoes nothing: end the prompt line first.
                writeln!(out)?;
                writeln!(
                    out,
                    "{} {}",
                    st::PLAIN_SAVED_RESUME.get(lang),
                    path.display()
                )?;
                writeln!(out, "{}", resume_line(lang, &path))?;
                return Ok(());
            }
            Reply::Back => {
                let visible = crate::domain::score::visibility(q, &answers);
                i = (0..i).rev().find(|j| visible[*j]).unwrap_or(i);
            }
            Reply::Skip => i += 1,
            Reply::Answer(a) => {
                record(&mut answers, &question.id, a);
                save(&opened.session, inst, &answers, lang)?;
                i += 1;
            }
        }
    }
    // Review before finishing: what is still open, and a way back to any question.
    loop {
        let visible = crate::domain::score::visibility(q, &answers);
        let asked = asked(&visible);
        let open: Vec<(usize, usize)> = asked
            .iter()
            .enumerate()
            .filter(|(_, i)| !answered(q, &answers, **i))
            .map(|(pos, i)| (pos + 1, *i))
            .collect();
        writeln!(out)?;
        match open.len() {
            0 => writeln!(
                out,
                "{}",
                st::PLAIN_ALL_ANSWERED.fill(lang, &[&asked.len()])
            )?,
            n => writeln!(out, "{}", st::PLAIN_OPEN.count(lang, n, &[]))?,
        }
        for (pos, i) in &open {
            writeln!(out, "  {pos}. {}", q.questions[*i].text.get(lang))?;
        }
        let prompt = st::PLAIN_REVIEW_PROMPT.fill(lang, &[&asked.len()]);
        let Some(line) = reply(&prompt, input, out)? else {
            writeln!(out)?;
            break;
        };
        match line.as_str() {
            "" => break,
            "q" | "Q" => {
                writeln!(out, "{}", resume_line(lang, &path))?;
                return Ok(());
            }
            _ => {}
        }
        let Some(&i) = numbered(&line, &asked) else {
            writeln!(out, "{}", st::PLAIN_WHICH.fill(lang, &[&asked.len()]))?;
            continue;
        };
        let question = &q.questions[i];
        writeln!(out)?;
        if let Reply::Answer(a) = ask(question, lang, answers.get(&question.id), input, out)? {
            record(&mut answers, &question.id, a);
            save(&opened.session, inst, &answers, lang)?;
        }
    }

    // The results part by part, with a pause between parts: a screen reader reads one at a
    // time instead of some two hundred lines at once.
    let card = score(inst, &answers);
    let text = score_text(inst, &card, &answers, lang, 80);
    let mut parts: Vec<String> = Vec::new();
    let mut heading = String::new();
    for part in text
        .split("\n\n")
        .map(str::trim_end)
        .filter(|p| !p.trim().is_empty())
    {
        // A heading on its own goes with the part it heads.
        if !part.contains('\n') && part.len() < 40 {
            heading.push_str(part);
            heading.push('\n');
            continue;
        }
        parts.push(format!("{}{part}", std::mem::take(&mut heading)));
    }
    if !heading.is_empty() {
        parts.push(heading.trim_end().to_string());
    }
    for (k, part) in parts.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "{part}")?;
        if k + 1 < parts.len() {
            let prompt = st::PLAIN_NEXT_PART.fill(lang, &[&(k + 1), &parts.len()]);
            match reply(&prompt, input, out)? {
                Some(l) if l.eq_ignore_ascii_case("q") => break,
                Some(_) => {}
                // Input ended (a script): the rest follows without pauses.
                None => writeln!(out)?,
            }
        }
    }

    // An offer to write the report, where the full screen's export would put it.
    writeln!(out)?;
    let offer = if inst.recommends() {
        st::PLAIN_REPORT_OFFER
    } else {
        st::PLAIN_RESULTS_REPORT_OFFER
    };
    writeln!(out, "{}", offer.get(lang))?;
    for (k, format) in ReportFormat::ALL.iter().enumerate() {
        writeln!(out, "  {}) {}", k + 1, st::export_label(*format).get(lang))?;
    }
    loop {
        let Some(line) = reply(st::PLAIN_REPORT_PROMPT.get(lang), input, out)? else {
            writeln!(out)?;
            break;
        };
        if line.is_empty() {
            break;
        }
        let Some(format) = numbered(&line, &ReportFormat::ALL) else {
            writeln!(
                out,
                "{}",
                st::PLAIN_WHICH.fill(lang, &[&ReportFormat::ALL.len()])
            )?;
            continue;
        };
        let target = super::report_path(&opened.session, *format);
        let today = store::date(SystemTime::now());
        match super::export_report(inst, &answers, &card, lang, &today, *format, &target) {
            Ok(paths) => {
                for p in paths {
                    let full = std::path::absolute(&p).unwrap_or(p);
                    writeln!(out, "{} {}", st::EXPORTED.get(lang), store::shown(&full))?;
                }
            }
            Err(e) => writeln!(out, "{} {e}", st::EXPORT_FAILED.get(lang))?,
        }
    }
    writeln!(out, "{} {}", st::PLAIN_SAVED_IN.get(lang), path.display())?;
    writeln!(out, "{}", resume_line(lang, &path))?;
    Ok(())
}

/// The exact command that resumes this check in plain mode.
fn resume_line(lang: Lang, path: &std::path::Path) -> String {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    st::PLAIN_RESUME.fill(lang, &[&super::session::shell_quote(&store::shown(&full))])
}

/// The item a reply's number (counted from 1) names.
fn numbered<'a, T>(line: &str, items: &'a [T]) -> Option<&'a T> {
    items.get(line.parse::<usize>().ok()?.checked_sub(1)?)
}

/// Writes `prompt` and reads the reply, trimmed; `None` at end of input.
pub(crate) fn reply(
    prompt: &str,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Option<String>> {
    write!(out, "{prompt}")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_string()))
}

fn ask_profile(
    f: &crate::domain::model::ProfileField,
    lang: Lang,
    answers: &mut AnswerSet,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<bool> {
    loop {
        writeln!(out, "{}{}", f.label.get(lang), st::PLAIN_OPTIONAL.get(lang))?;
        for (i, o) in f.options.iter().enumerate() {
            writeln!(out, "  {}) {}", i + 1, o.label.get(lang))?;
        }
        let Some(line) = reply("> ", input, out)? else {
            return Ok(false);
        };
        if line.is_empty() {
            return Ok(true);
        }
        if f.options.is_empty() {
            answers.profile.insert(f.id.clone(), line);
            return Ok(true);
        }
        match numbered(&line, &f.options) {
            Some(o) => {
                answers.profile.insert(f.id.clone(), o.id.clone());
                return Ok(true);
            }
            None => writeln!(out, "{}", st::PLAIN_PICK.fill(lang, &[&f.options.len()]))?,
        }
    }
}

fn ask(
    q: &Question,
    lang: Lang,
    current: Option<&Answer>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Reply> {
    if q.is_matrix() {
        return matrix::ask(q, lang, current, input, out);
    }
    writeln!(out, "{}", q.text.get(lang))?;
    for row in Row::of(q) {
        let (label, chosen) = row.label(q, current, lang);
        // Options past the tenth have no key on the full screen; here they take their number.
        let key = match (row.key(), row) {
            (Some(k), _) => k.to_string(),
            (None, Row::Option(i)) => (i + 1).to_string(),
            (None, _) => continue,
        };
        writeln!(
            out,
            "  {key}) {label}{}",
            if chosen {
                st::PLAIN_CHOSEN.get(lang)
            } else {
                ""
            }
        )?;
    }
    if let Some(a) = current {
        writeln!(
            out,
            "{}{}",
            st::ANSWER_IS.get(lang),
            answer_label(q, a, lang)
        )?;
    }
    let prompt = match q.kind {
        QuestionKind::Multi => st::PLAIN_TICKS.get(lang).to_string(),
        QuestionKind::Number => {
            let unit = q.unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
            let range = match (q.min, q.max) {
                (Some(lo), Some(hi)) => format!(" {lo}–{hi}"),
                _ => String::new(),
            };
            format!("{}{range} {unit}", st::PLAIN_NUMBER.get(lang))
                .trim_end()
                .to_string()
        }
        QuestionKind::Text => st::PLAIN_TEXT.get(lang).to_string(),
        _ => st::PLAIN_OPTION.get(lang).to_string(),
    };
    let prompt = format!(
        "{prompt}{sep}? {}{sep}b {}{colon}",
        st::KEY_HELP.get(lang),
        st::KEY_BACK.get(lang),
        sep = st::COMMA.get(lang),
        colon = st::COLON.get(lang)
    );
    loop {
        let Some(line) = reply(&prompt, input, out)? else {
            return Ok(Reply::Quit);
        };
        match line.as_str() {
            "" => return Ok(Reply::Skip),
            "?" => {
                writeln!(out, "{}", q.help.get(lang))?;
                writeln!(
                    out,
                    "{} {}",
                    st::PLAIN_EXAMPLE.get(lang),
                    q.example.get(lang)
                )?;
                continue;
            }
            "b" | "B" => return Ok(Reply::Back),
            "q" | "Q" => return Ok(Reply::Quit),
            _ => {}
        }
        match parse_reply(q, &line) {
            Ok(a) => return Ok(Reply::Answer(a)),
            Err(msg) => writeln!(out, "{}", msg.get(lang))?,
        }
    }
}

/// Reads one reply with the full-screen keys: the number shown beside an option, `d` for
/// "don't know", `n` for "not applicable". A number no option shows is refused, never guessed.
fn parse_reply(q: &Question, line: &str) -> Result<Option<Answer>, LocalText> {
    let keys: Vec<(char, Row)> = Row::of(q)
        .into_iter()
        .filter_map(|r| r.key().map(|k| (k, r)))
        .collect();
    let shown = keys
        .iter()
        .map(|(k, _)| k.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let bad = || LocalText::fill(st::PLAIN_KEYS_SHOWN, &[&shown]);
    let special = |word: &str| -> Option<Result<Answer, LocalText>> {
        let row = match word {
            "d" | "D" => Row::DontKnow,
            "n" | "N" => Row::NotApplicable,
            _ => return None,
        };
        Some(
            keys.iter()
                .find(|(_, r)| *r == row)
                .map(|_| match row {
                    Row::DontKnow => Answer::DontKnow,
                    _ => Answer::NotApplicable,
                })
                .ok_or_else(|| LocalText::fill(st::PLAIN_NOT_OFFERED, &[])),
        )
    };
    let option = |word: &str| -> Result<usize, LocalText> {
        // An option past the tenth, by its number (11, 12, …).
        if let Ok(n) = word.parse::<usize>()
            && n > 10
            && n <= q.options.len()
        {
            return Ok(n - 1);
        }
        let mut chars = word.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(bad());
        };
        keys.iter()
            .find_map(|(k, r)| match r {
                Row::Option(i) if *k == c => Some(*i),
                _ => None,
            })
            .ok_or_else(bad)
    };
    if q.kind != QuestionKind::Text
        && let Some(answer) = special(line.trim())
    {
        return answer.map(Some);
    }
    match q.kind {
        QuestionKind::Text => Ok(Some(Answer::Text(line.to_string()))),
        QuestionKind::Number => Ok(Some(Answer::Number(read_number(q, line)?))),
        QuestionKind::Multi => {
            let mut ids: Vec<OptionId> = Vec::new();
            for part in line
                .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
                .filter(|p| !p.is_empty())
            {
                let o = &q.options[option(part)?];
                if !ids.contains(&o.id) {
                    ids.push(o.id.clone());
                }
            }
            ids.sort_by_key(|id| q.option_index(id));
            match exclusive_conflict(q, &ids) {
                Some(m) => Err(m),
                None => Ok(Some(Answer::Choices(ids))),
            }
        }
        _ => Ok(Some(Answer::Choice(
            q.options[option(line.trim())?].id.clone(),
        ))),
    }
}

#[cfg(test)]
mod reply_tests {
    use super::*;
    use crate::domain::Instrument;

    fn question(kind: QuestionKind, dk: bool, na: bool) -> Question {
        let inst = Instrument::builtin().expect("built-in");
        let mut q = inst
            .questionnaire
            .questions
            .iter()
            .find(|x| x.kind == kind && (x.options.len() == 3 || kind == QuestionKind::Number))
            .cloned()
            .expect("a question of this kind");
        q.dont_know = dk;
        q.not_applicable = na;
        q
    }

    /// The options at `at` ticked, as a reply reads.
    fn ticked(q: &Question, at: &[usize]) -> Option<Option<Answer>> {
        let ids = at.iter().map(|i| q.options[*i].id.clone()).collect();
        Some(Some(Answer::Choices(ids)))
    }

    #[test]
    fn a_digit_no_option_shows_is_refused_and_letters_mean_what_the_screen_says() {
        let q = question(QuestionKind::YesPartlyNo, true, false);
        assert!(
            parse_reply(&q, "4").is_err(),
            "4 on a three-option question"
        );
        assert!(parse_reply(&q, "0").is_err(), "0 is not don't know");
        assert_eq!(parse_reply(&q, "d").ok(), Some(Some(Answer::DontKnow)));
        assert!(
            parse_reply(&q, "n").is_err(),
            "not applicable is not offered here"
        );
        assert_eq!(
            parse_reply(&q, "1").ok(),
            Some(Some(Answer::Choice(q.options[0].id.clone())))
        );
    }

    #[test]
    fn ticks_keep_the_exclusive_rule_and_scales_take_the_number_shown() {
        let inst = Instrument::builtin().expect("built-in");
        let q = inst
            .questionnaire
            .questions
            .iter()
            .find(|x| x.kind == QuestionKind::Multi && x.options.iter().any(|o| o.exclusive))
            .expect("a multiple choice with an exclusive option")
            .clone();
        let none_key = Row::of(&q)
            .into_iter()
            .find(|r| matches!(r, Row::Option(i) if q.options[*i].exclusive))
            .and_then(Row::key)
            .expect("a key");
        assert!(parse_reply(&q, &format!("1 {none_key}")).is_err());
        assert_eq!(parse_reply(&q, "2，1").ok(), ticked(&q, &[0, 1]));
        let mut scale = inst
            .questionnaire
            .questions
            .iter()
            .find(|x| x.kind == QuestionKind::Scale)
            .expect("a scale")
            .clone();
        // Whatever the labels say, the key is the number shown beside the option.
        scale.options.truncate(3);
        assert_eq!(
            parse_reply(&scale, "2").ok(),
            Some(Some(Answer::Choice(scale.options[1].id.clone())))
        );
        assert!(parse_reply(&scale, "4").is_err());
    }

    #[test]
    fn options_past_the_tenth_take_their_number() {
        let name = "eu-dma";
        let text = crate::domain::instrument::builtin_instrument(name).expect("eu-dma");
        let inst = Instrument::load(name, text).expect("eu-dma loads");
        let q = inst
            .questionnaire
            .questions
            .iter()
            .find(|x| x.kind == QuestionKind::Multi && x.options.len() == 11)
            .expect("a question with eleven options")
            .clone();
        assert_eq!(parse_reply(&q, "11").ok(), ticked(&q, &[10]));
        assert_eq!(parse_reply(&q, "0 1").ok(), ticked(&q, &[0, 9]));
        assert!(parse_reply(&q, "12").is_err());
    }

    #[test]
    fn numbers_take_a_decimal_comma_and_not_applicable_where_offered() {
        let mut q = question(QuestionKind::Number, false, true);
        q.min = None;
        q.max = None;
        assert_eq!(parse_reply(&q, "1,5").ok(), Some(Some(Answer::Number(1.5))));
        assert!(parse_reply(&q, "1,000").is_err());
        assert_eq!(parse_reply(&q, "n").ok(), Some(Some(Answer::NotApplicable)));
        assert!(
            parse_reply(&q, "d").is_err(),
            "don't know is not offered here"
        );
    }
}
