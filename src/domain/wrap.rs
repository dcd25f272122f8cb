//! Wrapping text by display width, counting CJK characters as two columns.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a string (CJK = 2 columns).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn breaks_anywhere(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// Wraps `text` into lines of at most `max` columns; the first line is prefixed by `first`,
/// the following ones by `rest`. Latin words break at spaces; CJK text between any two
/// characters; a word longer than a line is cut.
pub fn wrap(text: &str, max: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::from(if lines.is_empty() { first } else { rest });
        let mut line_w = width(&line);
        let indent_w = width(rest);
        let mut has_content = false;
        let mut tokens: Vec<String> = Vec::new();
        let mut word = String::new();
        for c in para.chars() {
            if c == ' ' {
                if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                }
                tokens.push(" ".to_string());
            } else if breaks_anywhere(c) {
                if !word.is_empty() {
                    tokens.push(std::mem::take(&mut word));
                }
                tokens.push(c.to_string());
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            tokens.push(word);
        }
        for tok in tokens {
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
                    let cw = c.width().unwrap_or(0);
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
    fn cuts_overlong_words() {
        let lines = wrap("abcdefghij", 4, "", "");
        assert!(lines.iter().all(|l| width(l) <= 4), "{lines:?}");
        assert_eq!(lines.concat(), "abcdefghij");
    }
}
