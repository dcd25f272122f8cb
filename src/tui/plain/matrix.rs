//! A matrix question in plain mode, row by row: the shared options once with their numbers,
//! then one prompt per row (a number for a scale row, numbers for tick columns, Enter keeps
//! the row as it is); `d`/`n` on the first row answer the whole question.

use std::io::{BufRead, Write};

use anyhow::Result;

use super::{Reply, reply};
use crate::domain::Lang;
use crate::domain::answers::Answer;
use crate::domain::model::{OptionId, Question};
use crate::domain::text::{LocalText, display_safe};
use crate::tui::app::Row;
use crate::tui::strings as st;

/// What one row's reply means.
#[derive(Debug, PartialEq)]
pub(super) enum RowReply {
    /// The row's option(s), in the question's order (a tick row may tick none: `-`).
    Set(Vec<OptionId>),
    /// Enter: the row stays as it is.
    Keep,
    /// `d` or `n`: the whole question.
    Whole(Answer),
    Back,
    Quit,
}

/// Reads one row's reply: the numbers shown beside the options (one for a scale, any for
/// tick columns, `-` for none), `d`/`n` where offered, `b`, `q`, or nothing.
pub(super) fn parse_row(q: &Question, line: &str) -> Result<RowReply, LocalText> {
    let line = line.trim();
    match line {
        "" => return Ok(RowReply::Keep),
        "b" | "B" => return Ok(RowReply::Back),
        "q" | "Q" => return Ok(RowReply::Quit),
        "d" | "D" if q.dont_know => return Ok(RowReply::Whole(Answer::DontKnow)),
        "n" | "N" if q.not_applicable => return Ok(RowReply::Whole(Answer::NotApplicable)),
        "-" if q.ticks => return Ok(RowReply::Set(Vec::new())),
        _ => {}
    }
    let keys: Vec<char> = (0..q.options.len())
        .map(|k| Row::Option(k).key().unwrap_or(' '))
        .collect();
    let shown = keys
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    let bad = || LocalText::fill(st::PLAIN_KEYS_SHOWN, &[&shown]);
    let mut picked: Vec<OptionId> = Vec::new();
    for part in line
        .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let mut chars = part.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(bad());
        };
        let k = keys.iter().position(|x| *x == c).ok_or_else(bad)?;
        let id = q.options[k].id.clone();
        if !picked.contains(&id) {
            picked.push(id);
        }
    }
    if !q.ticks && picked.len() > 1 {
        return Err(LocalText::fill(st::PLAIN_ONE_PER_ROW, &[]));
    }
    picked.sort_by_key(|o| q.option_index(o));
    Ok(RowReply::Set(picked))
}

/// Asks the rows of matrix question `q` one by one.
pub(super) fn ask(
    q: &Question,
    lang: Lang,
    current: Option<&Answer>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Reply> {
    writeln!(out, "{}", q.text.get(lang))?;
    for (k, o) in q.options.iter().enumerate() {
        if let Some(key) = Row::Option(k).key() {
            writeln!(out, "  {key}) {}", o.label.get(lang))?;
        }
    }
    let how = if q.ticks {
        st::MATRIX_TICKS_PLAIN.get(lang)
    } else {
        st::MATRIX_PLAIN.get(lang)
    };
    writeln!(out, "{how}")?;
    let mut m = crate::tui::app::matrix_now(q, current);
    for (r, row) in q.rows.iter().enumerate() {
        loop {
            let now = m.row(row.id.as_str()).map(|os| {
                os.iter()
                    .filter_map(|o| q.option(o))
                    .map(|o| o.label.get(lang).to_string())
                    .collect::<Vec<_>>()
                    .join(crate::domain::report::strings::LIST_SEP.get(lang))
            });
            let now = now.map_or_else(String::new, |n| {
                format!(" [{}{}]", st::PLAIN_ROW_NOW.get(lang), n)
            });
            let prompt = format!(
                "  {}/{} {}{now}{} ",
                r + 1,
                q.rows.len(),
                display_safe(row.label.get(lang)),
                st::COLON_TIGHT.get(lang)
            );
            let Some(line) = reply(&prompt, input, out)? else {
                return Ok(Reply::Quit);
            };
            match parse_row(q, &line) {
                Ok(RowReply::Set(os)) => {
                    m.set(q, r, os);
                    break;
                }
                Ok(RowReply::Keep) => break,
                Ok(RowReply::Whole(a)) => return Ok(Reply::Answer(Some(a))),
                Ok(RowReply::Back) => return Ok(Reply::Back),
                Ok(RowReply::Quit) => return Ok(Reply::Quit),
                Err(msg) => writeln!(out, "{}", msg.get(lang))?,
            }
        }
    }
    Ok(if m.rows.is_empty() {
        Reply::Skip
    } else {
        Reply::Answer(Some(Answer::Matrix(m)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Instrument;
    use crate::domain::instrument::BUILTIN_PROPOSALS;
    use crate::domain::model::QuestionId;

    fn matrix() -> Instrument {
        let src = include_str!("../../../tests/fixtures/questionnaires/valid/matrix.json");
        Instrument::from_sources("matrix.json", src, "p.json", BUILTIN_PROPOSALS).expect("matrix")
    }

    #[test]
    fn a_row_takes_the_numbers_shown_and_letters_answer_the_whole_question() {
        let inst = matrix();
        let q = |id: &str| {
            inst.questionnaire
                .question(&QuestionId(id.into()))
                .expect(id)
        };
        let (tech, invest) = (q("tech"), q("invest"));
        // Option "0" (not used) is shown as 1, as on the full screen.
        assert_eq!(
            parse_row(tech, "1").ok(),
            Some(RowReply::Set(vec![tech.options[0].id.clone()]))
        );
        assert!(parse_row(tech, "1 2").is_err(), "one per scale row");
        assert!(parse_row(tech, "9").is_err(), "no ninth option");
        assert_eq!(
            parse_row(tech, "d").ok(),
            Some(RowReply::Whole(Answer::DontKnow))
        );
        assert!(parse_row(invest, "d").is_err(), "not offered there");
        assert_eq!(parse_row(tech, "").ok(), Some(RowReply::Keep));
        assert_eq!(
            parse_row(invest, "2，1").ok(),
            Some(RowReply::Set(vec![
                invest.options[0].id.clone(),
                invest.options[1].id.clone()
            ]))
        );
        assert_eq!(parse_row(invest, "-").ok(), Some(RowReply::Set(Vec::new())));
    }

    #[test]
    fn rows_are_asked_one_by_one_and_kept_on_enter() {
        let inst = matrix();
        let tech = inst
            .questionnaire
            .question(&QuestionId("tech".into()))
            .expect("tech");
        let mut input: &[u8] = b"6\n\n3\n";
        let mut out = Vec::new();
        let reply = ask(tech, Lang::En, None, &mut input, &mut out).expect("asked");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("1/3 Simulation:"), "{text}");
        assert!(text.contains("3/3 CAD:"), "{text}");
        let Reply::Answer(Some(Answer::Matrix(m))) = reply else {
            panic!("a matrix answer");
        };
        let got: Vec<(&str, &str)> = m
            .rows
            .iter()
            .map(|(r, os)| (r.as_str(), os[0].as_str()))
            .collect();
        assert_eq!(got, [("sim", "5"), ("cad", "2")]);
    }
}
