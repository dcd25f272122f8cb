//! Plain mode: the same self-check as numbered line prompts, with no cursor movement or box
//! drawing — for screen readers, dumb terminals and scripted input.

use std::io::{BufRead, Write};
use std::time::SystemTime;

use anyhow::Result;

use super::app::normalise_number;
use super::session::Opened;
use super::strings as st;
use crate::domain::answers::{Answer, AnswerSet, check_number};
use crate::domain::model::{OptionId, Question, QuestionKind};
use crate::domain::summary::{answer_label, is_answered, score_text, tr};
use crate::domain::{Instrument, Lang, score};
use crate::store;

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
        writeln!(out, "{}", super::session::READ_ONLY.get(lang))?;
    }
    if let Some(b) = &opened.session.unreadable_backup {
        writeln!(
            out,
            "{} {}",
            tr(
                lang,
                "原答卷无法读取，已保留副本：",
                "The answer file could not be read; a copy was kept at:"
            ),
            b.display()
        )?;
        if let Some(reason) = &opened.session.unreadable_reason {
            writeln!(out, "{reason}")?;
        }
    }
    for d in &opened.session.dropped {
        writeln!(
            out,
            "{} {}: {}",
            tr(lang, "已略过旧答案", "Left out old answer"),
            d.question,
            d.reason.get(lang)
        )?;
    }
    writeln!(
        out,
        "{} {}",
        tr(lang, "答案保存在：", "Answers are saved in:"),
        path.display()
    )?;
    writeln!(
        out,
        "{}",
        tr(
            lang,
            "每题输入编号后按回车；? 看说明，b 上一题，回车跳过，q 退出。",
            "Answer with the number and Enter; ? for help, b to go back, Enter to skip, q to quit."
        )
    )?;

    if opened.session.resumable {
        writeln!(
            out,
            "{}",
            tr(lang, "继续上次的自检。", "Resuming your last self-check.")
        )?;
    } else {
        for f in &q.profile {
            if !ask_profile(f, lang, &mut answers, input, out)? {
                save(&opened.session, inst, &answers, lang)?;
                return Ok(());
            }
        }
        save(&opened.session, inst, &answers, lang)?;
    }

    let visible = inst.compiled.visibility(q, &answers).0;
    let mut i = (0..q.questions.len())
        .find(|i| visible[*i] && !is_answered(&q.questions[*i], answers.get(&q.questions[*i].id)))
        .unwrap_or(q.questions.len());
    while i < q.questions.len() {
        let visible = inst.compiled.visibility(q, &answers).0;
        if !visible[i] {
            i += 1;
            continue;
        }
        let question = &q.questions[i];
        let position = visible[..=i].iter().filter(|v| **v).count();
        let total = visible.iter().filter(|v| **v).count();
        let section = q
            .dimension(&question.dimension)
            .map(|(a, d)| format!("{} · {}", a.title.get(lang), d.title.get(lang)))
            .unwrap_or_default();
        writeln!(out)?;
        writeln!(out, "[{position}/{total}] {section}")?;
        match ask(question, lang, answers.get(&question.id), input, out)? {
            Reply::Quit => {
                // Piped input echoes nothing: end the prompt line first.
                writeln!(out)?;
                writeln!(
                    out,
                    "{} {}",
                    tr(
                        lang,
                        "已保存。下次运行可继续：",
                        "Saved. Run again to resume:"
                    ),
                    path.display()
                )?;
                return Ok(());
            }
            Reply::Back => {
                let visible = inst.compiled.visibility(q, &answers).0;
                i = (0..i).rev().find(|j| visible[*j]).unwrap_or(i);
            }
            Reply::Skip => i += 1,
            Reply::Answer(a) => {
                match a {
                    Some(a) => answers.set(question.id.clone(), a),
                    None => answers.clear(&question.id),
                }
                save(&opened.session, inst, &answers, lang)?;
                i += 1;
            }
        }
    }
    let card = score(inst, &answers);
    writeln!(out)?;
    out.write_all(score_text(inst, &card, &answers, lang, 80).as_bytes())?;
    writeln!(
        out,
        "{} {}",
        tr(lang, "答案保存在：", "Answers are saved in:"),
        path.display()
    )?;
    Ok(())
}

/// Reads one line; `None` at end of input.
fn read_line(input: &mut dyn BufRead) -> Result<Option<String>> {
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
        writeln!(
            out,
            "{}{}",
            f.label.get(lang),
            tr(lang, "（可选，回车跳过）", " (optional, Enter to skip)")
        )?;
        for (i, o) in f.options.iter().enumerate() {
            writeln!(out, "  {}) {}", i + 1, o.label.get(lang))?;
        }
        write!(out, "> ")?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            return Ok(false);
        };
        if line.is_empty() {
            return Ok(true);
        }
        if f.options.is_empty() {
            answers.profile.insert(f.id.clone(), line);
            return Ok(true);
        }
        match line
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| f.options.get(n))
        {
            Some(o) => {
                answers.profile.insert(f.id.clone(), o.id.clone());
                return Ok(true);
            }
            None => writeln!(
                out,
                "{} 1–{}",
                tr(lang, "请输入编号", "Enter a number"),
                f.options.len()
            )?,
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
    writeln!(out, "{}", q.text.get(lang))?;
    for (i, o) in q.options.iter().enumerate() {
        let chosen = match current {
            Some(Answer::Choice(c)) => c == &o.id,
            Some(Answer::Choices(cs)) => cs.contains(&o.id),
            _ => false,
        };
        writeln!(
            out,
            "  {}) {}{}",
            i + 1,
            o.label.get(lang),
            if chosen { " *" } else { "" }
        )?;
    }
    if q.dont_know {
        let chosen = matches!(current, Some(Answer::DontKnow));
        writeln!(
            out,
            "  0) {}{}",
            tr(lang, "不清楚", "Don't know"),
            if chosen { " *" } else { "" }
        )?;
    }
    if let Some(a) = current {
        writeln!(
            out,
            "{} {}",
            tr(lang, "当前回答：", "Current answer:"),
            answer_label(q, a, lang)
        )?;
    }
    let n = q.options.len();
    let prompt = match q.kind {
        QuestionKind::Multi => format!(
            "{} 1–{n}{}",
            tr(
                lang,
                "可多选，用空格或逗号分隔，例如 1 3：输入",
                "Tick several, separated by spaces or commas (e.g. 1 3): enter"
            ),
            if q.dont_know {
                tr(lang, "，或 0", ", or 0")
            } else {
                ""
            }
        ),
        QuestionKind::Number => {
            let unit = q.unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
            let range = match (q.min, q.max) {
                (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
                _ => String::new(),
            };
            format!(
                "{} {range} {unit}{}",
                tr(lang, "输入数字", "Enter a number"),
                if q.dont_know {
                    tr(lang, "（不清楚请输入 dk）", " (or dk for don't know)")
                } else {
                    ""
                }
            )
        }
        QuestionKind::Text => tr(lang, "输入文字", "Type your answer").to_string(),
        _ => format!(
            "{} 1–{n}{}",
            tr(lang, "输入", "Enter"),
            if q.dont_know {
                tr(lang, "，或 0（不清楚）", ", or 0 (don't know)")
            } else {
                ""
            }
        ),
    };
    loop {
        write!(
            out,
            "{prompt}{sep}? {}{sep}b {}{colon}",
            tr(lang, "说明", "help"),
            tr(lang, "上一题", "back"),
            sep = tr(lang, "，", ", "),
            colon = tr(lang, "：", ": ")
        )?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            return Ok(Reply::Quit);
        };
        match line.as_str() {
            "" => return Ok(Reply::Skip),
            "?" => {
                writeln!(out, "{}", q.help.get(lang))?;
                writeln!(
                    out,
                    "{} {}",
                    tr(lang, "例子：", "Example:"),
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

/// A message in both languages.
struct Msg(String, String);

impl Msg {
    fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.0,
            Lang::En => &self.1,
        }
    }
}

fn parse_reply(q: &Question, line: &str) -> Result<Option<Answer>, Msg> {
    let n = q.options.len();
    let bad = || {
        Msg(
            format!("请输入 1 到 {n} 之间的编号"),
            format!("Please enter a number from 1 to {n}"),
        )
    };
    match q.kind {
        QuestionKind::Text => Ok(Some(Answer::Text(line.to_string()))),
        QuestionKind::Number => {
            if q.dont_know && matches!(line, "dk" | "DK" | "??" | "不清楚") {
                return Ok(Some(Answer::DontKnow));
            }
            let x = normalise_number(line)
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| {
                    Msg(
                        format!("“{line}”不是数字"),
                        format!("\"{line}\" is not a number"),
                    )
                })?;
            check_number(q, x).map_err(|_| {
                let lo = q.min.map_or("-∞".to_string(), |v| v.to_string());
                let hi = q.max.map_or("∞".to_string(), |v| v.to_string());
                Msg(
                    format!("请输入 {lo} 到 {hi} 之间的数字"),
                    format!("Enter a number from {lo} to {hi}"),
                )
            })?;
            Ok(Some(Answer::Number(x)))
        }
        QuestionKind::Multi => {
            let mut ids: Vec<OptionId> = Vec::new();
            for part in line
                .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
                .filter(|p| !p.is_empty())
            {
                let k: usize = part.parse().map_err(|_| bad())?;
                if k == 0 && q.dont_know {
                    return Ok(Some(Answer::DontKnow));
                }
                let o = k
                    .checked_sub(1)
                    .and_then(|k| q.options.get(k))
                    .ok_or_else(bad)?;
                if !ids.contains(&o.id) {
                    ids.push(o.id.clone());
                }
            }
            let exclusive = ids
                .iter()
                .any(|id| q.option(id).is_some_and(|o| o.exclusive));
            if exclusive && ids.len() > 1 {
                return Err(Msg(
                    "“以上都没有”不能和其他选项一起选".to_string(),
                    "\"None of these\" cannot be ticked together with other options".to_string(),
                ));
            }
            Ok(Some(Answer::Choices(ids)))
        }
        _ => {
            let k: usize = line.parse().map_err(|_| bad())?;
            if k == 0 && q.dont_know {
                return Ok(Some(Answer::DontKnow));
            }
            let o = k
                .checked_sub(1)
                .and_then(|k| q.options.get(k))
                .ok_or_else(bad)?;
            Ok(Some(Answer::Choice(o.id.clone())))
        }
    }
}
