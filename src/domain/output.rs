//! How a result is said: the score as JSON (the contract's shape) and as plain text in one
//! language, and the labels every output shares (answers, levels, scores, "provisional").

use serde_json::{Value, json};

use super::answers::{Answer, AnswerSet};
use super::instrument::Instrument;
use super::model::{Horizon, Question, QuestionKind};
use super::report::strings as ws;
use super::score::ScoreCard;
use super::text::Lang;
use super::wrap::wrap;

/// How an answer reads to a person: option labels, the number with its unit, the text.
pub fn answer_label(q: &Question, a: &Answer, lang: Lang) -> String {
    match a {
        Answer::Choice(o) => q
            .option(o)
            .map_or_else(|| o.to_string(), |o| o.label.get(lang).to_string()),
        Answer::Choices(os) if os.is_empty() => NONE_TICKED.get(lang).to_string(),
        Answer::Choices(os) => os
            .iter()
            .map(|o| {
                q.option(o)
                    .map_or_else(|| o.to_string(), |o| o.label.get(lang).to_string())
            })
            .collect::<Vec<_>>()
            .join(LIST_SEP.get(lang)),
        Answer::Number(n) => {
            let unit = q.unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
            // Adding 0.0 turns -0 into 0: "-0 %" is never shown.
            format!("{} {unit}", n + 0.0).trim_end().to_string()
        }
        Answer::Text(t) => super::text::display_safe(t).into_owned(),
        Answer::Matrix(m) => m
            .rows
            .iter()
            .map(|(r, os)| {
                let row = q
                    .rows
                    .iter()
                    .find(|x| &x.id == r)
                    .map_or_else(|| r.to_string(), |x| x.label.get(lang).to_string());
                let picked = if os.is_empty() {
                    NONE_PICKED.get(lang).to_string()
                } else {
                    os.iter()
                        .map(|o| {
                            q.option(o)
                                .map_or_else(|| o.to_string(), |o| o.label.get(lang).to_string())
                        })
                        .collect::<Vec<_>>()
                        .join(ws::LIST_SEP.get(lang))
                };
                format!("{row}{}{picked}", ws::COLON.get(lang))
            })
            .collect::<Vec<_>>()
            .join(LIST_SEP.get(lang)),
        Answer::DontKnow => DONT_KNOW.get(lang).to_string(),
        Answer::NotApplicable => NOT_APPLICABLE.get(lang).to_string(),
    }
}

pub fn horizon_label(h: Horizon, lang: Lang) -> &'static str {
    match h {
        Horizon::Now => WITHIN_30_DAYS.get(lang),
        Horizon::Quarter => THIS_QUARTER.get(lang),
        Horizon::Later => LONGER_TERM.get(lang),
    }
}

/// The provisional mark when a level rests on too few real answers, else nothing.
pub fn provisional_suffix(c: &super::score::Confidence, lang: Lang) -> &'static str {
    // Without enough answers there is no score to hedge: "not enough answers" says it once.
    if c.is_provisional() && c.is_enough() {
        PROVISIONAL.get(lang)
    } else {
        ""
    }
}

/// The label and meaning of the level a score reaches, or "not enough answers".
pub fn level_label(
    inst: &Instrument,
    area: Option<&str>,
    score: Option<f64>,
    lang: Lang,
) -> (String, String) {
    let Some(score) = score else {
        return (
            not_enough(lang).to_string(),
            TOO_FEW_TO_SCORE.get(lang).to_string(),
        );
    };
    let q = &inst.questionnaire;
    let levels = match area {
        None => &q.levels,
        Some(a) => q.area(&a.into()).map_or(&q.levels, |a| &a.levels),
    };
    q.level_in(levels, score)
        .map_or_else(Default::default, |l| {
            (
                l.label.get(lang).to_string(),
                l.meaning.get(lang).to_string(),
            )
        })
}

/// The score JSON of the contract, with labels in `lang`.
pub fn score_json(inst: &Instrument, card: &ScoreCard, answers: &AnswerSet, lang: Lang) -> Value {
    let q = &inst.questionnaire;
    let areas: Vec<Value> = card
        .areas
        .iter()
        .map(|a| {
            let (label, meaning) = level_label(inst, Some(a.id.as_str()), a.score, lang);
            json!({
                "id": a.id,
                "title": q.area(&a.id).map(|x| x.title.get(lang)),
                "score": a.score,
                "level": a.level,
                "level_label": label,
                "level_meaning": meaning,
                "provisional": a.confidence.is_provisional(),
                "confidence": a.confidence,
                "dimensions": a.dimensions.iter().map(|d| {
                    let def = q.dimension(&d.id).map(|(_, x)| x);
                    let mut v = json!({
                        "id": d.id,
                        "title": def.map(|x| x.title.get(lang)),
                        "score": d.score,
                        "enough": d.confidence.is_enough(),
                        "confidence": d.confidence,
                    });
                    // Only a dimension with its own bands has a level to give.
                    if let (Some(level), Some(def)) = (&d.level, def)
                        && let Some(l) = def.levels.iter().find(|l| l.id == *level)
                    {
                        v["level"] = json!(level);
                        v["level_label"] = json!(l.label.get(lang));
                        v["level_meaning"] = json!(l.meaning.get(lang));
                    }
                    v
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let ladders: Vec<Value> = card
        .ladders
        .iter()
        .filter_map(|l| {
            let def = q.ladders.iter().find(|x| x.id == l.id)?;
            let rung = def.rungs.get(l.index)?;
            Some(json!({
                "id": l.id,
                "rung": l.rung,
                "rung_label": rung.label.get(lang),
                "index": l.index,
                "of": l.of,
                "held_above": l.held_above,
                "next": l.next.as_ref().map(|n| json!({
                    "id": n.id,
                    "label": l.next_rung(def).map(|r| r.label.get(lang)),
                    "needs": n.unmet.iter().map(|u| json!({"text": u.text.get(lang), "questions": u.questions, "pending": u.pending})).collect::<Vec<_>>(),
                })),
            }))
        })
        .collect();
    let findings: Vec<Value> = card
        .findings
        .iter()
        .filter_map(|id| q.findings.iter().find(|f| &f.id == id))
        .map(|f| json!({"id": f.id, "title": f.title.get(lang), "text": f.text.get(lang)}))
        .collect();
    let recs: Vec<Value> = card
        .recommendations
        .iter()
        .map(|r| {
            let p = inst.proposals.get(&r.proposal);
            json!({
                "proposal": r.proposal,
                "priority": r.priority,
                "because": r.because,
                "evidence": r.because.iter().filter_map(|id| {
                    let question = q.question(id)?;
                    let answer = answers.get(id).map_or_else(|| NOT_ANSWERED.get(lang).to_string(), |a| answer_label(question, a, lang));
                    Some(json!({"question": id, "text": question.text.get(lang), "answer": answer}))
                }).collect::<Vec<_>>(),
                "action": r.action(q).get(lang),
                "steps": r.steps.iter().map(|s| json!({"rule": s.rule, "horizon": s.horizon, "priority": s.priority, "action": s.action(q).get(lang)})).collect::<Vec<_>>(),
                "speaker": p.map(|p| p.speaker.get(lang)),
                "role": p.map(|p| p.role.get(lang)),
                "keyword": p.map(|p| p.keyword.get(lang)),
            })
        })
        .collect();
    let (label, meaning) = level_label(inst, None, card.overall_score, lang);
    let mut v = json!({
        "questionnaire": card.questionnaire,
        "lang": lang.code(),
        "overall": {"score": card.overall_score, "level": card.overall_level, "level_label": label, "level_meaning": meaning, "provisional": card.confidence.is_provisional()},
        "areas": areas,
        "ladders": ladders,
        "breadth": card.breadth,
        "findings": findings,
        "confidence": card.confidence,
        "recommendations": recs,
    });
    // A questionnaire without a catalogue recommends nothing: the key is left out.
    if !inst.recommends()
        && let Some(map) = v.as_object_mut()
    {
        map.remove("recommendations");
    }
    v
}

/// "12 of 30 questions answered, 3 don't know, 15 unanswered (40%)", `percent` as it is shown.
pub fn confidence_summary(c: &super::score::Confidence, percent: &str, lang: Lang) -> String {
    CONFIDENCE_SUMMARY.fill(
        lang,
        &[
            &c.answered,
            &c.questions,
            &c.dont_know,
            &c.unanswered,
            &percent,
        ],
    )
}

/// Formats a score for people with `decimals` decimals: a firm's score at its questionnaire's
/// precision (`score_format.precision`), room statistics and the breadth line at one.
pub fn fmt_score_at(x: f64, decimals: u8) -> String {
    format!("{x:.*}", usize::from(decimals))
}

/// A change between two checks at `decimals` decimals with its sign ("+2.5", "-0.3"), no sign
/// when it rounds to nothing ("0.0"), and "–" when there is nothing to compare.
pub fn fmt_change(x: Option<f64>, decimals: u8) -> String {
    let Some(x) = x else { return "–".to_string() };
    let zero = fmt_score_at(0.0, decimals);
    let shown = format!("{x:+.*}", usize::from(decimals));
    if shown[1..] == zero { zero } else { shown }
}

/// What stands in place of a score that too few answers support.
pub fn not_enough(lang: Lang) -> &'static str {
    NOT_ENOUGH_ANSWERS.get(lang)
}

/// A score out of 100 for people at `decimals`, or "not enough answers".
pub fn score_of_100(x: Option<f64>, decimals: u8, lang: Lang) -> String {
    match x {
        Some(x) => format!("{} / 100", fmt_score_at(x, decimals)),
        None => not_enough(lang).to_string(),
    }
}

/// "42.0 / 100 · Developing (estimate)" — or just "not enough answers", once.
pub fn score_and_level(x: Option<f64>, decimals: u8, label: &str, lang: Lang) -> String {
    match x {
        Some(_) => format!("{} · {label}", score_of_100(x, decimals, lang)),
        None => score_of_100(x, decimals, lang),
    }
}

crate::bilingual! {
    // The codebook (`questionnaire --codebook`).
    CODEBOOK = "编码手册", "codebook";
    CB_OPTION = "选项", "Option";
    CB_POINTS = "分值", "Points";
    CB_SHOWN_WHEN = "显示条件", "Shown when";
    CB_ROW = "行", "Row";
    CB_ROW_PICKS = "每行选上面的一个选项", "each row picks one of the options above";
    CB_ROW_TICKS = "每行可勾选上面的任意几列", "each row ticks any of the columns above";

    RUNG_HERE = "你在这里（第 {} 级，共 {} 级）", "you are here (rung {} of {})";
    RUNG_REACHED = "第 {} 级（共 {} 级），已达到", "rung {} of {}, reached";
    RUNG_AHEAD = "第 {} 级（共 {} 级），未达到", "rung {} of {}, not yet";
    NONE_TICKED = "（未勾选任何项）", "(none ticked)";
    LIST_SEP = "；", "; ";
    NONE_PICKED = "（未勾选）", "(none)";
    DONT_KNOW = "不清楚", "Don't know";
    NOT_APPLICABLE = "不适用", "Not applicable";
    /// How an unanswered question reads: in a list of reasons, the report, the score text.
    NOT_ANSWERED = "（未作答）", "(not answered)";
    // Why a rung or finding is provisional (the score card says it).
    WAITS_ON_ANSWER = "{}（相关题目还没答，答完才知道）", "{} (a question it needs is not answered yet)";
    CONFIRMED_SO_FAR = "这是目前能确认的台阶：要登上下一级所需的题目还没答完，答完后可能更高。",
        "The rung confirmed so far: questions the next rung depends on are not answered yet, so the firm may stand higher once they are.";
    WITHIN_30_DAYS = "30 天内", "within 30 days";
    THIS_QUARTER = "本季度", "this quarter";
    LONGER_TERM = "更长期", "longer term";
    /// The mark added to a level that rests on too few real answers.
    PROVISIONAL = "（暂定：作答不足）", " (provisional: too few answers)";
    TOO_FEW_TO_SCORE = "回答的题目太少，算出的分数不可靠；多答几题就会显示分数和等级。", "Too few questions have an answer for a fair score; answer more to see one.";
    /// How complete the answers are: answered, questions, don't know, unanswered, percent.
    CONFIDENCE_SUMMARY = "{1} 题中已答 {0} 题，不清楚 {2} 题，未答 {3} 题（{4}%）", "{} of {} questions answered, {} don't know, {} unanswered ({}%)";
    NOT_ENOUGH_ANSWERS = "答题太少，暂无分数", "not enough answers";
    SELF_ESTIMATE = "自评估算结果", "self-assessment estimate";
    TO_REACH_NEXT = "要登上下一级", "To reach the next rung,";
    RECOMMENDATIONS = "建议", "Recommendations";
    NO_RECOMMENDATION = "（没有触发任何建议）", "(no recommendation was triggered)";
    PRIORITY = "优先级", "priority";
    WHY = "原因：", "Why:";
    NEXT_STEPS = "下一步：", "Next steps:";
    NOT_A_RATING = "本结果为企业自评估算，不是任何官方评级。", "This result is a self-assessment estimate, not an official rating.";
}

/// The score result as plain text, at most `width` display columns per line.
pub fn score_text(
    inst: &Instrument,
    card: &ScoreCard,
    answers: &AnswerSet,
    lang: Lang,
    width: usize,
) -> String {
    let q = &inst.questionnaire;
    let mut out: Vec<String> = Vec::new();
    let para = |out: &mut Vec<String>, text: &str, first: &str, rest: &str| {
        out.extend(wrap(text, width, first, rest))
    };
    para(
        &mut out,
        &format!("{} — {}", q.title.get(lang), SELF_ESTIMATE.get(lang)),
        "",
        "",
    );
    para(
        &mut out,
        &format!(
            "{} {} {} ({})",
            ws::QUESTIONNAIRE.get(lang),
            card.questionnaire.id,
            card.questionnaire.version,
            card.questionnaire.hash
        ),
        "",
        "",
    );
    if let Some(note) = &q.note {
        out.push(String::new());
        para(&mut out, note.get(lang), "", "");
    }
    out.push(String::new());
    let (label, meaning) = level_label(inst, None, card.overall_score, lang);
    let mark = provisional_suffix(&card.confidence, lang);
    para(
        &mut out,
        &format!(
            "{}: {}{mark}",
            ws::OVERALL.get(lang),
            score_and_level(card.overall_score, q.score_format.precision, &label, lang)
        ),
        "",
        "",
    );
    para(&mut out, &meaning, "  ", "  ");
    for a in &card.areas {
        let Some(area) = q.area(&a.id) else { continue };
        let (label, meaning) = level_label(inst, Some(a.id.as_str()), a.score, lang);
        out.push(String::new());
        let mark = provisional_suffix(&a.confidence, lang);
        para(
            &mut out,
            &format!(
                "{}: {}{mark}",
                area.title.get(lang),
                score_and_level(a.score, q.score_format.precision, &label, lang)
            ),
            "",
            "",
        );
        para(&mut out, &meaning, "  ", "  ");
        for d in &a.dimensions {
            let title = q
                .dimension(&d.id)
                .map(|(_, x)| x.title.get(lang))
                .unwrap_or("");
            let score = d.shown().map_or_else(
                || not_enough(lang).to_string(),
                |x| fmt_score_at(x, q.score_format.precision),
            );
            para(&mut out, &format!("{title}: {score}"), "  - ", "    ");
        }
    }
    for l in &card.ladders {
        let Some(def) = q.ladders.iter().find(|x| x.id == l.id) else {
            continue;
        };
        out.push(String::new());
        para(
            &mut out,
            &format!("{} ({}/{})", def.title.get(lang), l.index + 1, l.of),
            "",
            "",
        );
        // In words, not symbols: a screen reader says "you are here", never "black triangle".
        for (i, r) in def.rungs.iter().enumerate().rev() {
            let state = if i == l.index {
                RUNG_HERE
            } else if i < l.index {
                RUNG_REACHED
            } else {
                RUNG_AHEAD
            }
            .fill(lang, &[&(i + 1), &def.rungs.len()]);
            let sep = ws::COLON.get(lang);
            para(
                &mut out,
                &format!("{state}{sep}{}", r.label.get(lang)),
                "  - ",
                "    ",
            );
        }
        para(&mut out, &l.meaning(def, lang), "  ", "  ");
        if let Some(next) = &l.next {
            let label = l.next_rung(def).map(|r| r.label.get(lang)).unwrap_or("");
            para(
                &mut out,
                &format!("{} {label}:", TO_REACH_NEXT.get(lang)),
                "  ",
                "  ",
            );
            for u in &next.unmet {
                para(&mut out, &u.describe(lang), "  - ", "    ");
            }
        }
    }
    if let Some(b) = card.breadth {
        out.push(String::new());
        let title = q.breadth.as_ref().map(|x| x.title.get(lang)).unwrap_or("");
        para(
            &mut out,
            &format!("{title}: {} / 100", fmt_score_at(b, 1)),
            "",
            "",
        );
    }
    for f in card
        .findings
        .iter()
        .filter_map(|id| q.findings.iter().find(|f| &f.id == id))
    {
        out.push(String::new());
        para(
            &mut out,
            &format!("{}: {}", ws::FINDING.get(lang), f.title.get(lang)),
            "",
            "",
        );
        para(&mut out, f.text.get(lang), "  ", "  ");
    }
    out.push(String::new());
    let c = &card.confidence;
    let summary = confidence_summary(c, &format!("{:.0}", c.share * 100.0), lang);
    let conf = ws::pair(lang, ws::CONFIDENCE.get(lang), &summary);
    para(&mut out, &conf, "", "  ");
    out.push(String::new());
    // Only where the questionnaire has a catalogue to recommend from.
    if inst.recommends() {
        para(&mut out, RECOMMENDATIONS.get(lang), "", "");
        if card.recommendations.is_empty() {
            para(&mut out, NO_RECOMMENDATION.get(lang), "  ", "  ");
        }
        for (i, r) in card.recommendations.iter().enumerate() {
            let Some(p) = inst.proposals.get(&r.proposal) else {
                continue;
            };
            out.push(String::new());
            para(
                &mut out,
                &format!(
                    "{}. [{}] {}{} · {} · {} {}",
                    i + 1,
                    r.proposal,
                    p.speaker.get(lang),
                    ws::aside(lang, p.role.get(lang)),
                    p.keyword.get(lang),
                    PRIORITY.get(lang),
                    r.priority
                ),
                "",
                "   ",
            );
            para(&mut out, p.summary.get(lang), "   ", "   ");
            para(&mut out, WHY.get(lang), "   ", "   ");
            for id in &r.because {
                let Some(question) = q.question(id) else {
                    continue;
                };
                // Unanswered questions score 0, so they can be the reason too.
                let answer = answers.get(id).map_or_else(
                    || NOT_ANSWERED.get(lang).to_string(),
                    |a| answer_label(question, a, lang),
                );
                para(
                    &mut out,
                    &format!("{} → {}", question.text.get(lang), answer),
                    "   - ",
                    "     ",
                );
            }
            para(&mut out, NEXT_STEPS.get(lang), "   ", "   ");
            for s in &r.steps {
                para(
                    &mut out,
                    &format!(
                        "[{}] {}",
                        horizon_label(s.horizon, lang),
                        s.action(q).get(lang)
                    ),
                    "   - ",
                    "     ",
                );
            }
        }
        out.push(String::new());
        if !inst.proposals.caveat.zh.is_empty() {
            para(&mut out, inst.proposals.caveat.get(lang), "", "");
        }
    }
    para(&mut out, NOT_A_RATING.get(lang), "", "");
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// Whether a question's answer counts as given (not "don't know", not empty free text).
pub fn is_answered(q: &Question, a: Option<&Answer>) -> bool {
    match a {
        None => false,
        Some(Answer::Text(t)) => q.kind != QuestionKind::Text || !t.trim().is_empty(),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::fmt_change;

    #[test]
    fn a_change_has_a_sign_unless_it_rounds_to_nothing() {
        assert_eq!(fmt_change(Some(2.46), 1), "+2.5");
        assert_eq!(fmt_change(Some(-0.3), 1), "-0.3");
        assert_eq!(fmt_change(Some(-0.04), 1), "0.0");
        assert_eq!(fmt_change(Some(0.4), 0), "0");
        assert_eq!(fmt_change(None, 1), "–");
    }
}
