//! Report dates: checking `YYYY-MM-DD` and showing it as people read it in each language.

use crate::domain::text::Lang;

/// Checks that `date` is a real calendar date written `YYYY-MM-DD`.
pub fn check_date(date: &str) -> Result<(), String> {
    let bad = || format!("`{date}` is not a date in the form YYYY-MM-DD (e.g. 2026-11-24)");
    let b = date.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| date[r].parse::<u32>().map_err(|_| bad());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if y == 0 || d == 0 || d > days {
        return Err(bad());
    }
    Ok(())
}

/// A `YYYY-MM-DD` date as people read it: `2026年11月24日`, `24 November 2026`. Anything else
/// is shown as given.
pub fn display_date(date: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if check_date(date).is_err() {
        return date.to_string();
    }
    let (y, m, d) = (&date[0..4], &date[5..7], &date[8..10]);
    let (m, d) = (
        m.parse::<usize>().unwrap_or(1),
        d.parse::<u32>().unwrap_or(1),
    );
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => format!("{d} {} {y}", MONTHS[(m - 1).min(11)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        for ok in ["2026-11-24", "2000-02-29", "2024-02-29", "1999-12-31"] {
            assert!(check_date(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "2026-1-24",
            "2026/11/24",
            "24-11-2026",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "1900-02-29",
            "2026-11-24x",
            "２０２６-11-24",
            "0000-01-01",
        ] {
            let e = check_date(bad).unwrap_err();
            assert!(e.contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(display_date("2026-11-24", Lang::Zh), "2026年11月24日");
        assert_eq!(display_date("2020-05-31", Lang::En), "31 May 2020");
        assert_eq!(display_date("2020-01-05", Lang::Zh), "2020年1月5日");
        assert_eq!(display_date("not a date", Lang::En), "not a date");
    }
}
