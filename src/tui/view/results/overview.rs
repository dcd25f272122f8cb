//! The overview tab of the results: every area and dimension with its score and bar.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::ScoreCard;
use crate::domain::output::{
    fmt_score_at, level_label, not_enough, provisional_suffix, score_and_level,
};
use crate::domain::report::strip_aside;
use crate::domain::wrap::width;
use crate::tui::app::App;
use crate::tui::strings as st;
use crate::tui::view::{bar, pad, para};

pub(super) fn overview_lines(app: &App, card: &ScoreCard, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let theme = app.theme;
    let q = &app.inst.questionnaire;
    let digits = q.score_format.precision;
    let mut lines = Vec::new();
    // Wide enough for the longest title (dimensions are indented by two) and a space before
    // the bar; on a narrow screen at most half the width, and long titles are cut.
    let longest = q
        .areas
        .iter()
        .map(|a| width(a.title.get(lang)))
        .chain(q.dimensions().map(|(_, d)| width(d.title.get(lang)) + 2))
        .max()
        .unwrap_or(20);
    let level_w = q
        .areas
        .iter()
        .flat_map(|a| a.levels.iter())
        .map(|l| width(l.label.get(lang)))
        .max()
        .unwrap_or(0);
    // Dimension rows show their answered share where area rows show their level.
    let share = |d: &crate::domain::score::DimensionScore| {
        let mut s = format!(
            "  {:>3}% {}",
            (d.confidence.share * 100.0).round() as u32,
            st::ANSWERED_SHARE.get(lang)
        );
        if d.confidence.is_provisional() {
            s.push_str(&format!(" · {}", st::THIN.get(lang)));
        }
        s
    };
    let share_w = card
        .areas
        .iter()
        .flat_map(|a| &a.dimensions)
        .map(|d| width(&share(d)))
        .max()
        .unwrap_or(0);
    // On a narrow screen the titles give way first, so that the level is never cut.
    let tail_w = (8 + level_w).max(6 + share_w);
    let label_w = (longest + 1)
        .min(w / 2)
        .min(w.saturating_sub(10 + tail_w))
        .max(12);
    let bar_w = w.saturating_sub(label_w + tail_w).clamp(10, 30);
    // One hedge, not two: the provisional mark replaces the label's own "(estimate)".
    let hedged = |level: String, mark: &str| {
        if mark.is_empty() {
            level
        } else {
            strip_aside(&level).to_string()
        }
    };
    let (level, _) = level_label(&app.inst, None, card.overall_score, lang);
    let mark = provisional_suffix(&card.confidence, lang);
    let level = hedged(level, mark);
    lines.push(Line::styled(
        format!(
            "{}: {}{mark}",
            st::OVERALL.get(lang),
            score_and_level(card.overall_score, digits, &level, lang)
        ),
        theme.title(),
    ));
    if let Some(b) = card.breadth {
        let title = q
            .breadth
            .as_ref()
            .map(|x| x.title.get(lang))
            .unwrap_or(st::BREADTH.get(lang));
        lines.push(Line::raw(format!("{title}: {} / 100", fmt_score_at(b, 1))));
    }
    for f in card
        .findings
        .iter()
        .filter_map(|id| q.findings.iter().find(|f| &f.id == id))
    {
        lines.push(Line::styled(
            format!("! {}", f.title.get(lang)),
            theme.error(),
        ));
        lines.extend(para(f.text.get(lang), w, Style::new()));
    }
    lines.push(Line::default());
    for a in &card.areas {
        let title = q.area(&a.id).map(|x| x.title.get(lang)).unwrap_or("");
        let (level, meaning) = level_label(&app.inst, Some(a.id.as_str()), a.score, lang);
        let mark = provisional_suffix(&a.confidence, lang);
        let level = hedged(level, mark);
        lines.push(Line::from(vec![
            Span::styled(pad(title, label_w - 1), theme.title()),
            Span::raw(" "),
            Span::styled(bar(a.score.unwrap_or(0.0) / 100.0, bar_w), theme.bar()),
            Span::styled(
                format!(
                    " {:>5}",
                    a.score
                        .map_or_else(|| "—".to_string(), |x| fmt_score_at(x, digits))
                ),
                theme.title(),
            ),
            Span::styled(format!("  {level}"), theme.title()),
        ]));
        if !mark.is_empty() {
            lines.push(Line::styled(mark.trim().to_string(), theme.error()));
        }
        lines.extend(para(&meaning, w, theme.muted()));
        if let Some(def) = q.area(&a.id) {
            for (d, dd) in a.dimensions.iter().zip(&def.dimensions) {
                let score = d
                    .shown()
                    .map_or(not_enough(lang).to_string(), |x| fmt_score_at(x, digits));
                // A dimension with its own bands shows its level after the share answered.
                let level = d
                    .level
                    .as_ref()
                    .and_then(|id| dd.levels.iter().find(|l| &l.id == id))
                    .map_or(String::new(), |l| format!("  {}", l.label.get(lang)));
                lines.push(Line::from(vec![
                    Span::raw(pad(&format!("  {}", dd.title.get(lang)), label_w - 1)),
                    Span::raw(" "),
                    Span::styled(bar(d.shown().unwrap_or(0.0) / 100.0, bar_w), theme.bar()),
                    Span::raw(format!(" {score:>5}")),
                    Span::styled(
                        share(d),
                        if d.confidence.is_provisional() {
                            theme.error()
                        } else {
                            theme.muted()
                        },
                    ),
                    Span::styled(level, theme.title()),
                ]));
            }
        }
        lines.push(Line::default());
    }
    let c = &card.confidence;
    let conf = st::CONFIDENCE_LINE.fill(
        lang,
        &[&c.answered, &c.dont_know, &c.unanswered, &c.questions],
    );
    lines.extend(para(
        &format!(
            "{}: {:.0}% · {conf}",
            st::CONFIDENCE.get(lang),
            c.share * 100.0
        ),
        w,
        theme.muted(),
    ));
    lines.extend(para(st::ESTIMATE_NOTE.get(lang), w, theme.muted()));
    lines
}
