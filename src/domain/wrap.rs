//! Wrapping text by display width, counting CJK characters as two columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a string (CJK = 2 columns).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Display width as CJK terminals count it: East Asian ambiguous characters such as “ ” — …
/// take two columns too.
pub fn width_cjk(s: &str) -> usize {
    UnicodeWidthStr::width_cjk(s)
}

/// `s` padded with spaces to `cols` display columns (left as it is when already wider).
pub fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(width(s))))
}

/// A bar of `cells` cells filled to `share` (0–1, rounded to the nearest cell), drawn with
/// `[full, empty]`: `█░` on screens, `#.` where only ASCII is safe. Every bar is this one.
pub fn bar(share: f64, cells: usize, [full, empty]: [char; 2]) -> String {
    let filled = ((share.clamp(0.0, 1.0) * cells as f64).round() as usize).min(cells);
    let mut out = String::with_capacity(cells * full.len_utf8().max(empty.len_utf8()));
    out.extend(std::iter::repeat_n(full, filled));
    out.extend(std::iter::repeat_n(empty, cells - filled));
    out
}

fn breaks_anywhere(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// Punctuation that may not begin a line (it stays with the character before it), as Chinese
/// typesetting requires: commas, stops, closing brackets and quotes, ellipses and dashes.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）」』》〉】〕〗”’…—·％,.;:!?)]}%".contains(c)
}

/// Punctuation that may not end a line (it goes with the character after it): opening
/// brackets and quotes.
fn no_line_end(c: char) -> bool {
    "（「『《〈【〔〖“‘([{".contains(c)
}

/// Splits a paragraph into the pieces a line may break between: words, single CJK characters
/// (with the punctuation that must stay with them), and spaces.
fn tokens(para: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    // An opening bracket or quote waits for the character after it.
    let mut opening = false;
    for c in para.chars() {
        if c == ' ' {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(" ".to_string());
            opening = false;
        } else if no_line_start(c) {
            match tokens.last_mut() {
                Some(last) if word.is_empty() && last != " " => last.push(c),
                _ => word.push(c),
            }
        } else if no_line_end(c) {
            if !word.is_empty() && !opening {
                tokens.push(std::mem::take(&mut word));
            }
            word.push(c);
            opening = true;
        } else if breaks_anywhere(c) {
            // A number keeps its unit: "2019年", "30万元" never split after the digits.
            let number = word.ends_with(|d: char| d.is_ascii_digit() || ('０'..='９').contains(&d));
            if !word.is_empty() && !opening && !number {
                tokens.push(std::mem::take(&mut word));
            }
            word.push(c);
            tokens.push(std::mem::take(&mut word));
            opening = false;
        } else {
            word.push(c);
            opening = false;
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

/// Wraps `text` into lines of at most `max` columns; the first line is prefixed by `first`,
/// the following ones by `rest`. Latin words break at spaces; CJK text between any two
/// characters; a word longer than a line is cut.
pub fn wrap(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    wrap_by(text, max, first, rest, false)
}

/// Like [`wrap`], counting columns as [`width_cjk`] does, for text read on CJK terminals.
pub fn wrap_cjk(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    wrap_by(text, max, first, rest, true)
}

fn wrap_by(text: &str, max: usize, first: &str, rest: &str, cjk: bool) -> Vec<String> {
    let width = |s: &str| if cjk { width_cjk(s) } else { width(s) };
    let char_width = |c: char| if cjk { c.width_cjk() } else { c.width() };
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::from(if lines.is_empty() { first } else { rest });
        let mut line_w = width(&line);
        let indent_w = width(rest);
        let mut has_content = false;
        for tok in tokens(para) {
            let w = width(&tok);
            if tok == " " {
                if has_content && line_w < max {
                    line.push(' ');
                    line_w += 1;
                }
                continue;
            }
            if has_content && line_w + w > max {
                let trimmed = line.trim_end().to_string();
                lines.push(trimmed);
                line = rest.to_string();
                line_w = indent_w;
            }
            if line_w + w > max {
                // A single token wider than a line: cut it by characters.
                for c in tok.chars() {
                    let cw = char_width(c).unwrap_or(0);
                    if line_w + cw > max && line_w > indent_w {
                        lines.push(std::mem::take(&mut line));
                        line = rest.to_string();
                        line_w = indent_w;
                    }
                    line.push(c);
                    line_w += cw;
                }
            } else {
                line.push_str(&tok);
                line_w += w;
            }
            has_content = true;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_counts_cjk_as_two_columns() {
        assert_eq!(pad("信用", 6), "信用  ");
        assert_eq!(width(&pad("信用足迹", 6)), 8, "never cut");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn a_bar_rounds_to_the_nearest_cell_and_keeps_its_width() {
        assert_eq!(bar(0.5, 10, ['#', '.']), "#####.....");
        assert_eq!(bar(0.449, 10, ['█', '░']), "████░░░░░░");
        assert_eq!(bar(0.45, 10, ['█', '░']), "█████░░░░░");
        assert_eq!(bar(2.5, 4, ['#', '.']), "####");
        assert_eq!(bar(-1.0, 4, ['#', '.']), "....");
        assert_eq!(bar(f64::NAN, 4, ['#', '.']).chars().count(), 4);
    }

    #[test]
    fn wraps_latin_at_spaces() {
        let lines = wrap("the quick brown fox jumps over", 10, "", "");
        assert_eq!(lines, vec!["the quick", "brown fox", "jumps over"]);
    }

    #[test]
    fn wraps_cjk_by_width() {
        let lines = wrap("一二三四五六七", 6, "", "");
        assert_eq!(lines, vec!["一二三", "四五六", "七"]);
        assert!(lines.iter().all(|l| width(l) <= 6));
    }

    #[test]
    fn indents_following_lines() {
        let lines = wrap("aa bb cc", 5, "- ", "  ");
        assert_eq!(lines, vec!["- aa", "  bb", "  cc"]);
    }

    #[test]
    fn chinese_punctuation_never_begins_or_ends_a_line_wrongly() {
        let text = "我们先把财务搬上云，然后（如果可以）再看生产。“数据”很重要！";
        for max in 4..30 {
            let lines = wrap(text, max, "", "");
            assert_eq!(lines.concat(), text, "nothing lost at {max}");
            for l in &lines {
                assert!(width(l) <= max, "{l:?} wider than {max}");
                let first = l.chars().next().expect("a line");
                let last = l.chars().last().expect("a line");
                assert!(!no_line_start(first), "{l:?} starts with {first} at {max}");
                assert!(!no_line_end(last), "{l:?} ends with {last} at {max}");
            }
        }
    }

    #[test]
    fn latin_punctuation_after_cjk_stays_with_it() {
        let lines = wrap("一二三四五, 六", 11, "", "");
        assert_eq!(lines, vec!["一二三四五,", "六"]);
    }

    #[test]
    fn cjk_width_counts_quotes_and_dashes_double() {
        assert_eq!(width("“雷声大”"), 8);
        assert_eq!(width_cjk("“雷声大”"), 10);
        let text = "企业已经用了不少云工具——正是所说的“雷声大、雨点小”。下一步的重点是深度。";
        for max in 6..30 {
            for l in wrap_cjk(text, max, "", "") {
                assert!(width_cjk(&l) <= max, "{l:?} wider than {max}");
            }
        }
    }

    #[test]
    fn a_number_stays_with_its_unit() {
        let text = "公司成立于2019年，去年营业额约30万元。";
        for max in 8..30 {
            let lines = wrap(text, max, "", "");
            assert_eq!(lines.concat(), text, "nothing lost at {max}");
            for pair in lines.windows(2) {
                let split = pair[0].ends_with(|c: char| c.is_ascii_digit())
                    && pair[1].starts_with(|c: char| width(&c.to_string()) == 2);
                assert!(!split, "{lines:?} splits a number from its unit at {max}");
            }
        }
    }

    #[test]
    fn cuts_overlong_words() {
        let lines = wrap("abcdefghij", 4, "", "");
        assert!(lines.iter().all(|l| width(l) <= 4), "{lines:?}");
        assert_eq!(lines.concat(), "abcdefghij");
    }
}
