//! A firm's answers: the answer file on disk and the typed answer set scoring reads.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::{OptionId, Question, QuestionId, QuestionKind, Questionnaire, RowId};
use super::text::{LocalText, id_list};
use super::validate::words as w;

pub mod fast_read;
pub mod follows;
mod kept;
pub mod migrate;
pub mod unique;

pub use kept::Kept;

/// The value written for an explicit "don't know".
pub const DONT_KNOW: &str = "dont_know";

/// The value written for an explicit "not applicable": the question does not apply to the
/// firm, so it leaves the score and any rung requirement that reads only such questions.
pub const NOT_APPLICABLE: &str = "not_applicable";

/// One answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A single choice, scale step or yes/partly/no.
    Choice(OptionId),
    /// The ticked options of a multiple choice (possibly none).
    Choices(Vec<OptionId>),
    Number(f64),
    Text(String),
    /// The rows of a matrix question.
    Matrix(MatrixAnswer),
    /// An explicit "don't know": counted apart, never as unanswered.
    DontKnow,
    /// An explicit "not applicable": the question does not apply to this firm.
    NotApplicable,
}

/// A matrix question's answer: for each answered row, in the question's row order, the
/// option it picked (a scale: exactly one) or the columns it ticked (`ticks`: any, maybe none).
/// A scale row that is not listed is not answered yet; a tick row not listed has no tick.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixAnswer {
    pub ticks: bool,
    pub rows: Vec<(RowId, Vec<OptionId>)>,
}

impl MatrixAnswer {
    /// What row `row` picked or ticked; `None` when it is not answered.
    pub fn row(&self, row: &str) -> Option<&[OptionId]> {
        self.rows
            .iter()
            .find(|(r, _)| r.as_str() == row)
            .map(|(_, o)| o.as_slice())
    }

    /// Sets what a row picked or ticked, keeping the question's row order; an empty scale
    /// row is cleared.
    pub fn set(&mut self, question: &Question, row: usize, options: Vec<OptionId>) {
        let Some(def) = question.rows.get(row) else {
            return;
        };
        self.rows.retain(|(r, _)| r != &def.id);
        if options.is_empty() && !self.ticks {
            return;
        }
        self.rows.push((def.id.clone(), options));
        self.rows
            .sort_by_key(|(r, _)| question.row_index(r.as_str()).unwrap_or(usize::MAX));
    }

    /// The answer as written in an answer file: an object keyed by row id, a scale row's
    /// value an option id, a tick row's a list of option ids.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// An object keyed by row id, in row order: a scale row's option id, a tick row's list.
impl Serialize for MatrixAnswer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.rows.len()))?;
        for (r, os) in &self.rows {
            match (self.ticks, os.first()) {
                (false, Some(o)) => m.serialize_entry(r.as_str(), o.as_str())?,
                _ => m.serialize_entry(
                    r.as_str(),
                    &os.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
                )?,
            }
        }
        m.end()
    }
}

/// As the answer file writes it: an option id, a list of them, a number (a number that is
/// not finite as `null`), a text, a matrix's rows, or `"dont_know"` / `"not_applicable"`.
impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Choice(o) => s.serialize_str(o.as_str()),
            Answer::Choices(os) => s.collect_seq(os.iter().map(|o| o.as_str())),
            Answer::Number(n) if n.is_finite() => s.serialize_f64(*n),
            Answer::Number(_) => s.serialize_none(),
            Answer::Text(t) => s.serialize_str(t),
            Answer::Matrix(m) => m.serialize(s),
            Answer::DontKnow => s.serialize_str(DONT_KNOW),
            Answer::NotApplicable => s.serialize_str(NOT_APPLICABLE),
        }
    }
}

impl Answer {
    /// The answer as the answer file writes it.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Whether this is a real answer, which scores and can be a reason: not "don't know",
    /// not "not applicable".
    pub fn is_real(&self) -> bool {
        !matches!(self, Answer::DontKnow | Answer::NotApplicable)
    }

    /// The explicit "don't know" or "not applicable" written as `s`, if `s` is one and the
    /// question offers it; `None` when `s` is neither (an ordinary value).
    pub fn special(question: &Question, s: &str) -> Option<Result<Answer, LocalText>> {
        let (answer, offered, word) = match s {
            _ if question.kind == QuestionKind::Text => return None,
            DONT_KNOW => (Answer::DontKnow, question.dont_know, w::DONT_KNOW_ANSWER),
            NOT_APPLICABLE => (
                Answer::NotApplicable,
                question.not_applicable,
                w::NOT_APPLICABLE_ANSWER,
            ),
            _ => return None,
        };
        Some(if offered {
            Ok(answer)
        } else {
            Err(LocalText::fill(w::NOT_OFFERED, &[&question.id, &word]))
        })
    }

    /// Reads a JSON value as an answer to `question`, or says (in both languages) what is
    /// wrong with it. `Ok(None)` is an unanswered question (`null`).
    pub fn from_json(
        question: &Question,
        value: &serde_json::Value,
    ) -> Result<Option<Answer>, LocalText> {
        use serde_json::Value;
        let id = &question.id;
        if value.is_null() {
            return Ok(None);
        }
        if let Some(special) = value.as_str().and_then(|s| Answer::special(question, s)) {
            return special.map(Some);
        }
        let known = |o: &str| -> Result<OptionId, LocalText> {
            match question.option_str(o) {
                Some(opt) => Ok(opt.id.clone()),
                None => {
                    let list = id_list(question.options.iter().map(|o| o.id.as_str()));
                    Err(LocalText::fill(w::NOT_AN_OPTION, &[&o, id, &list]))
                }
            }
        };
        match (question.kind, value) {
            (
                QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo,
                Value::String(s),
            ) => known(s).map(|o| Some(Answer::Choice(o))),
            (QuestionKind::Multi, Value::Array(items)) => {
                let mut ids = Vec::with_capacity(items.len());
                for item in items {
                    let Some(s) = item.as_str() else {
                        return Err(LocalText::fill(w::TAKES_OPTION_LIST, &[id, item]));
                    };
                    let o = known(s)?;
                    if !ids.contains(&o) {
                        ids.push(o);
                    }
                }
                match exclusive_conflict(question, &ids) {
                    Some(msg) => Err(msg),
                    None => Ok(Some(Answer::Choices(ids))),
                }
            }
            (QuestionKind::Number, Value::Number(n)) => {
                let Some(x) = n.as_f64() else {
                    return Err(LocalText::fill(w::UNUSABLE_NUMBER, &[id, n]));
                };
                // -0 is read as 0 (adding 0.0 does it), so that "-0" is never printed.
                check_number(question, x).map(|()| Some(Answer::Number(x + 0.0)))
            }
            (QuestionKind::Text, Value::String(s)) => Ok(Some(Answer::Text(s.clone()))),
            // A matrix with no row answered (`{}`, a template's rows of nulls) is unanswered;
            // a tick row answered `[]` ticks nothing, and rows not listed tick nothing either.
            (QuestionKind::Matrix, Value::Object(rows)) => matrix_from_json(question, rows, known)
                .map(|m| (!m.rows.is_empty()).then_some(Answer::Matrix(m))),
            (kind, other) => Err(LocalText::fill(
                w::CANNOT_TAKE,
                &[
                    id,
                    &kind_name(kind),
                    &describe_json(other),
                    &expected_value(kind),
                ],
            )),
        }
    }
}

/// Reads the rows of a matrix answer (see [`MatrixAnswer`]).
fn matrix_from_json(
    question: &Question,
    rows: &serde_json::Map<String, serde_json::Value>,
    known: impl Fn(&str) -> Result<OptionId, LocalText>,
) -> Result<MatrixAnswer, LocalText> {
    use serde_json::Value;
    let id = &question.id;
    let mut answer = MatrixAnswer {
        ticks: question.ticks,
        rows: Vec::with_capacity(rows.len()),
    };
    for (key, value) in rows {
        let Some(at) = question.row_index(key) else {
            let list = id_list(question.rows.iter().map(|r| r.id.as_str()));
            return Err(LocalText::fill(w::NOT_A_ROW, &[key, id, &list]));
        };
        let picked = match (question.ticks, value) {
            (_, Value::Null) => continue,
            (false, Value::String(s)) => vec![known(s)?],
            (true, Value::Array(items)) => {
                let mut ids = Vec::with_capacity(items.len());
                for item in items {
                    let Some(s) = item.as_str() else {
                        return Err(LocalText::fill(w::ROW_TAKES_COLUMN_LIST, &[id, key, item]));
                    };
                    let o = known(s)?;
                    if !ids.contains(&o) {
                        ids.push(o);
                    }
                }
                ids.sort_by_key(|o| question.option_index(o));
                ids
            }
            (ticks, other) => {
                let want = if ticks {
                    LocalText::fill(w::EXPECT_COLUMN_IDS, &[])
                } else {
                    expected_value(QuestionKind::Single)
                };
                let found = describe_json(other);
                return Err(LocalText::fill(
                    w::ROW_CANNOT_TAKE,
                    &[id, key, &found, &want],
                ));
            }
        };
        answer.rows.push((question.rows[at].id.clone(), picked));
    }
    answer
        .rows
        .sort_by_key(|(r, _)| question.row_index(r.as_str()).unwrap_or(usize::MAX));
    Ok(answer)
}

/// Why these ticks break the exclusive-option rule, if they do: an exclusive option ("none of
/// these") is ticked together with another option. The one rule every reader and screen uses.
pub fn exclusive_conflict(question: &Question, ticked: &[OptionId]) -> Option<LocalText> {
    let exclusive = ticked
        .iter()
        .filter_map(|id| question.option(id))
        .find(|o| o.exclusive)?;
    if ticked.len() < 2 {
        return None;
    }
    Some(LocalText::fill(
        w::EXCLUSIVE_WITH_OTHERS,
        &[&question.id, &exclusive.label],
    ))
}

/// The answer after ticking or unticking option `index` of a multiple-choice question: an
/// exclusive option clears the others and any other option clears it, so the result always
/// keeps the exclusive-option rule. Ticks keep the questionnaire's order.
pub fn toggle(question: &Question, current: Option<&Answer>, index: usize) -> Option<Answer> {
    let opt = question.options.get(index)?;
    let mut ticked: Vec<OptionId> = match current {
        Some(Answer::Choices(v)) => v.clone(),
        _ => Vec::new(),
    };
    if let Some(pos) = ticked.iter().position(|o| o == &opt.id) {
        ticked.remove(pos);
    } else if opt.exclusive {
        ticked = vec![opt.id.clone()];
    } else {
        ticked.retain(|o| question.option(o).is_some_and(|x| !x.exclusive));
        ticked.push(opt.id.clone());
    }
    ticked.sort_by_key(|o| question.option_index(o));
    Some(Answer::Choices(ticked))
}

/// Reads a number as a person types it: full-width digits and signs from a Chinese input
/// method, and a decimal comma ("1,5" is 1.5). A comma followed by exactly three digits could
/// be either a decimal or a thousands separator, so it is refused with a message rather than
/// guessed; so is anything else that is not one plain number.
pub fn parse_number(raw: &str) -> Result<f64, LocalText> {
    let refuse = || LocalText::fill(w::NOT_A_NUMBER, &[&raw]);
    let mut s: String = raw
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' => Some('-'),
            '，' => Some(','),
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect();
    if let Some(at) = s.find(',') {
        let after = &s[at + 1..];
        let ambiguous = after.len() == 3 && after.chars().all(|c| c.is_ascii_digit());
        if ambiguous || s.contains('.') || after.contains(',') {
            return Err(refuse());
        }
        s.replace_range(at..=at, ".");
    }
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(refuse)
}

/// Checks a number against the question's accepted range.
pub fn check_number(question: &Question, x: f64) -> Result<(), LocalText> {
    let id = &question.id;
    if !x.is_finite() {
        return Err(LocalText::fill(w::NUMBER_NOT_FINITE, &[id]));
    }
    if let Some(min) = question.min
        && x < min
    {
        return Err(LocalText::fill(w::BELOW_MINIMUM, &[id, &x, &min]));
    }
    if let Some(max) = question.max
        && x > max
    {
        return Err(LocalText::fill(w::ABOVE_MAXIMUM, &[id, &x, &max]));
    }
    Ok(())
}

fn kind_name(kind: QuestionKind) -> LocalText {
    let words = match kind {
        QuestionKind::Single => w::KIND_SINGLE,
        QuestionKind::Multi => w::KIND_MULTI,
        QuestionKind::Scale => w::KIND_SCALE,
        QuestionKind::YesPartlyNo => w::KIND_YES_PARTLY_NO,
        QuestionKind::Number => w::KIND_NUMBER,
        QuestionKind::Text => w::KIND_TEXT,
        QuestionKind::Matrix => w::KIND_MATRIX,
    };
    LocalText::fill(words, &[])
}

fn expected_value(kind: QuestionKind) -> LocalText {
    let words = match kind {
        QuestionKind::Single | QuestionKind::Scale | QuestionKind::YesPartlyNo => {
            w::EXPECT_OPTION_ID
        }
        QuestionKind::Multi => w::EXPECT_OPTION_IDS,
        QuestionKind::Number => w::EXPECT_NUMBER,
        QuestionKind::Text => w::EXPECT_TEXT,
        QuestionKind::Matrix => w::EXPECT_ROWS,
    };
    LocalText::fill(words, &[])
}

fn describe_json(v: &serde_json::Value) -> LocalText {
    use serde_json::Value;
    let words = match v {
        Value::Null => w::JSON_NULL,
        Value::Bool(_) => w::JSON_BOOL,
        Value::Number(_) => w::JSON_NUMBER,
        Value::String(_) => w::JSON_STRING,
        Value::Array(_) => w::JSON_ARRAY,
        Value::Object(_) => w::JSON_OBJECT,
    };
    LocalText::fill(words, &[])
}

/// Which questionnaire an answer file belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

/// The answer file as stored on disk. Answers stay raw JSON here so that a file from another
/// questionnaire version can still be read and matched by id.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct AnswerFile {
    pub questionnaire: QuestionnaireRef,
    #[serde(default, deserialize_with = "unique::profile")]
    pub profile: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "unique::answers")]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// When the file was last saved (UTC, RFC 3339); informational only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<String>,
    /// A follow-up check: the earlier file it started from (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<follows::Follows>,
    /// A follow-up check: each answer the owner confirmed or changed while walking through,
    /// by question id. An answer carried over and never visited is not listed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reviewed: BTreeMap<String, follows::Reviewed>,
    /// Answers adopted from the what-if sandbox rather than given as the firm's own: question
    /// id → the day (`YYYY-MM-DD`) they were adopted. Optional; reports mark these answers.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub whatif: BTreeMap<String, String>,
}

/// The typed answers of one firm, keyed by question id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerSet {
    pub profile: BTreeMap<String, String>,
    answers: BTreeMap<QuestionId, Answer>,
    /// Answers adopted from the what-if sandbox, with the day they were adopted.
    whatif: BTreeMap<QuestionId, String>,
}

impl AnswerSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: &QuestionId) -> Option<&Answer> {
        self.answers.get(id)
    }

    /// Sets an answer as the firm's own: a what-if mark on it goes.
    pub fn set(&mut self, id: QuestionId, answer: Answer) {
        self.whatif.remove(&id);
        self.answers.insert(id, answer);
    }

    pub fn clear(&mut self, id: &QuestionId) {
        self.whatif.remove(id);
        self.answers.remove(id);
    }

    /// Marks an answer as adopted from the what-if sandbox on `date` (`YYYY-MM-DD`).
    pub fn mark_whatif(&mut self, id: QuestionId, date: &str) {
        self.whatif.insert(id, date.to_string());
    }

    /// The day the answer to `id` was adopted from what-if, if it was.
    pub fn whatif_date(&self, id: &QuestionId) -> Option<&str> {
        self.whatif.get(id).map(String::as_str)
    }

    /// Every answer adopted from what-if, with its day.
    pub fn whatif(&self) -> impl Iterator<Item = (&QuestionId, &str)> {
        self.whatif.iter().map(|(k, v)| (k, v.as_str()))
    }

    /// Takes the what-if marks of a file for the answers this set holds.
    pub fn take_whatif(&mut self, file: &AnswerFile) {
        self.whatif = file
            .whatif
            .iter()
            .map(|(k, v)| (QuestionId(k.as_str().into()), v.clone()))
            .filter(|(k, _)| self.answers.contains_key(k))
            .collect();
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &Answer)> {
        self.answers.iter()
    }

    /// The answers whose question passes `keep`, with the same profile.
    pub fn filtered(&self, keep: impl Fn(&QuestionId) -> bool) -> AnswerSet {
        AnswerSet {
            profile: self.profile.clone(),
            // Built from sorted keys in one pass, not by repeated insertion.
            answers: self
                .answers
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            whatif: self
                .whatif
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The answer file for these answers, in a stable key order.
    pub fn to_file(&self, q: &Questionnaire, saved_at: Option<String>) -> AnswerFile {
        AnswerFile {
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version.clone(),
            },
            profile: self.profile.clone(),
            answers: self
                .answers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_json()))
                .collect(),
            saved_at,
            follows: None,
            reviewed: BTreeMap::new(),
            whatif: self
                .whatif
                .iter()
                .filter(|(k, _)| self.answers.contains_key(*k))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }
}

/// One answer the loader could not keep, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The question id as written in the file.
    pub question: String,
    pub reason: LocalText,
}

/// An answer to a question the questionnaire does not have.
pub fn dropped(q: &Questionnaire, question: String) -> Dropped {
    Dropped {
        question,
        reason: LocalText::fill(w::NO_SUCH_QUESTION_IN, &[&q.id, &q.version]),
    }
}

/// Checks that every profile choice is one of its field's options; says which is not, by the
/// profile field's id. Free-text fields and fields the questionnaire lacks take anything.
pub fn check_profile(
    q: &Questionnaire,
    profile: &BTreeMap<String, String>,
) -> Result<(), (String, LocalText)> {
    for field in &q.profile {
        if field.options.is_empty() {
            continue;
        }
        // An empty choice is not given (a template leaves it so).
        if let Some(v) = profile.get(&field.id)
            && !v.is_empty()
            && !field.options.iter().any(|o| o.id == *v)
        {
            let v = super::text::display_safe(v);
            let list = id_list(field.options.iter().map(|o| o.id.as_str()));
            let why = LocalText::fill(w::NOT_A_PROFILE_OPTION, &[&v, &field.id, &list]);
            return Err((field.id.clone(), why));
        }
    }
    Ok(())
}

/// The profile with every choice that is not one of its field's options left out, and each
/// left-out value said (as `profile.FIELD`), like an answer that no longer fits.
pub fn fitting_profile(
    q: &Questionnaire,
    profile: &BTreeMap<String, String>,
) -> (BTreeMap<String, String>, Vec<Dropped>) {
    let mut profile = profile.clone();
    let mut dropped = Vec::new();
    while let Err((field, reason)) = check_profile(q, &profile) {
        profile.remove(&field);
        dropped.push(Dropped {
            question: format!("profile.{field}"),
            reason,
        });
    }
    (profile, dropped)
}

/// What a reading does with an answer that does not fit its question (an option the question
/// lacks, a number out of range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// The file is refused, naming the question: nothing the user typed is silently lost.
    Refuse,
    /// The answer is left out and reported, never a reason to lose the rest: for resuming a
    /// check and for comparing files of other versions.
    LeaveOut,
}

/// The one reading of an answer file's contents into typed answers. A file of another version
/// of the questionnaire is first carried over as the questions' `previously` say; answers to
/// questions the questionnaire lacks and profile values that are not among their field's
/// options are left out and reported (`Dropped`); an answer that does not fit its question is
/// treated as `misfit` says. The fast reading ([`fast_read`]) gives the same result for the files
/// it accepts, and [`crate::domain::Instrument::load_answers`] is the entry point for a file's
/// text.
pub fn read_answers(
    q: &Questionnaire,
    file: &AnswerFile,
    misfit: Misfit,
) -> Result<(AnswerSet, Vec<Dropped>), (String, LocalText)> {
    let (profile, mut dropped) = fitting_profile(q, &file.profile);
    let migrated;
    let answers = if file.questionnaire.version == q.version {
        &file.answers
    } else {
        let (answers, lost) = migrate::migrate(q, &file.questionnaire.version, &file.answers);
        dropped.extend(lost);
        migrated = answers;
        &migrated
    };
    // The file's keys come sorted, so the map is built in one pass at the end.
    let mut pairs = Vec::with_capacity(answers.len());
    for (key, value) in answers {
        let id = QuestionId(key.as_str().into());
        let Some(question) = q.question(&id) else {
            dropped.push(self::dropped(q, key.clone()));
            continue;
        };
        match Answer::from_json(question, value) {
            Ok(Some(a)) => pairs.push((id, a)),
            Ok(None) => {}
            Err(msg) if misfit == Misfit::Refuse => return Err((key.clone(), msg)),
            Err(reason) => dropped.push(Dropped {
                question: key.clone(),
                reason,
            }),
        }
    }
    let mut set = AnswerSet {
        profile,
        answers: pairs.into_iter().collect::<BTreeMap<_, _>>(),
        whatif: BTreeMap::new(),
    };
    set.take_whatif(file);
    Ok((set, dropped))
}

#[cfg(test)]
mod number_tests {
    use super::parse_number;

    #[test]
    fn decimal_commas_are_decimals_and_thousands_are_never_guessed() {
        assert_eq!(parse_number("1,5"), Ok(1.5));
        assert_eq!(parse_number("１，５"), Ok(1.5));
        assert_eq!(parse_number(" 12.25 "), Ok(12.25));
        assert_eq!(parse_number("－３"), Ok(-3.0));
        for bad in ["1,000", "1,5,0", "1.5,0", "abc", "", "1e999", "NaN"] {
            assert!(parse_number(bad).is_err(), "{bad}");
        }
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use crate::domain::Instrument;

    /// A file of questionnaire 1.0.0 with one answer that fits no version (150 % of staff).
    fn older_file() -> AnswerFile {
        serde_json::from_value(serde_json::json!({
            "questionnaire": {"id": "smecheck-core", "version": "1.0.0"},
            "profile": {"region": "mars", "industry": "wholesale_retail"},
            "answers": {"b_tools": ["online_office", "cloud_finance"], "b_usage_share": 150,
                        "c_lead": "owner_leads", "gone_question": "x"}
        }))
        .expect("an answer file")
    }

    #[test]
    fn one_reading_carries_older_files_over_and_treats_misfits_as_asked() {
        let inst = Instrument::builtin().expect("built-in");
        let q = &inst.questionnaire;
        let id = |s: &str| QuestionId(s.into());
        let (set, dropped) = read_answers(q, &older_file(), Misfit::LeaveOut).expect("lenient");
        // Carried over by `previously`: one 1.0 question split into two.
        assert_eq!(
            set.get(&id("b_tools")),
            Some(&Answer::Choices(vec![OptionId("online_office".into())]))
        );
        assert_eq!(
            set.get(&id("b_biz_tools")),
            Some(&Answer::Choices(vec![OptionId("cloud_finance".into())]))
        );
        assert!(set.get(&id("c_lead")).is_some());
        let left_out: Vec<&str> = dropped.iter().map(|d| d.question.as_str()).collect();
        for q in ["profile.region", "b_usage_share", "gone_question"] {
            assert!(left_out.contains(&q), "{q} is reported in {left_out:?}");
        }
        assert_eq!(
            set.profile.get("industry").map(String::as_str),
            Some("wholesale_retail")
        );
        assert!(!set.profile.contains_key("region"));

        let refused = read_answers(q, &older_file(), Misfit::Refuse).expect_err("strict");
        assert_eq!(refused.0, "b_usage_share");
    }
}
