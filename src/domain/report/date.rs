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

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `date` plus `days`, as `YYYY-MM-DD`; `None` when `date` is not a `YYYY-MM-DD` date.
pub fn add_days(date: &str, days: i64) -> Option<String> {
    check_date(date).ok()?;
    let num = |r: std::ops::Range<usize>| date.get(r)?.parse::<i64>().ok();
    let z = days_from_civil(num(0..4)?, num(5..7)?, num(8..10)?) + days;
    let (y, m, d) = civil_from_days(z);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_are_added_across_months_and_leap_years() {
        assert_eq!(add_days("2026-11-24", 30).as_deref(), Some("2026-12-24"));
        assert_eq!(add_days("2026-11-24", 90).as_deref(), Some("2027-02-22"));
        assert_eq!(add_days("2024-02-28", 1).as_deref(), Some("2024-02-29"));
        assert_eq!(add_days("2023-02-28", 1).as_deref(), Some("2023-03-01"));
        assert_eq!(add_days("1999-12-31", 1).as_deref(), Some("2000-01-01"));
        assert_eq!(add_days("2026-01-01", 0).as_deref(), Some("2026-01-01"));
        assert_eq!(add_days("not a date", 3), None);
    }

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
