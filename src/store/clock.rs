//! Wall-clock times for people: the saved time of an answer file (UTC, RFC 3339) read back and
//! shown in the machine's local time, which the facilitator's clock on the wall also shows.
//!
//! The local offset comes from the system once (`date +%z` on Unix, which honours `TZ` and
//! `/etc/localtime`, with no unsafe code of ours); where it cannot be had, times are shown in
//! UTC and say so.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The clock a view shows times with: now, and the local offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: SystemTime,
    /// Seconds east of UTC; `None` shows UTC and says so.
    pub offset: Option<i32>,
}

impl Clock {
    /// The machine's clock and local offset.
    pub fn system() -> Clock {
        Clock {
            now: SystemTime::now(),
            offset: local_offset(),
        }
    }

    /// `HH:MM` in local time for a time today, `MM-DD HH:MM` for another day; ` UTC` added
    /// when the local offset is unknown.
    pub fn show(&self, t: SystemTime) -> String {
        let off = i64::from(self.offset.unwrap_or(0));
        let local = |t: SystemTime| secs(t) + off;
        let (day, now_day) = (
            local(t).div_euclid(86_400),
            local(self.now).div_euclid(86_400),
        );
        let (_, m, d) = super::civil(day);
        let rem = local(t).rem_euclid(86_400);
        let hm = format!("{:02}:{:02}", rem / 3600, rem % 3600 / 60);
        let shown = if day == now_day {
            hm
        } else {
            format!("{m:02}-{d:02} {hm}")
        };
        match self.offset {
            Some(_) => shown,
            None => format!("{shown} UTC"),
        }
    }

    /// How long ago `t` was (zero for a time in the future).
    pub fn since(&self, t: SystemTime) -> Duration {
        self.now.duration_since(t).unwrap_or_default()
    }
}

fn secs(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

/// Reads `2026-11-24T19:10:45Z` (also with fractional seconds or a `+08:00` offset), the way
/// answer files write `saved_at`. `None` for anything else.
pub fn parse_rfc3339(s: &str) -> Option<SystemTime> {
    let s = s.trim();
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let sep_ok = s.get(4..5) == Some("-")
        && s.get(7..8) == Some("-")
        && matches!(s.get(10..11), Some("T" | "t" | " "))
        && s.get(13..14) == Some(":")
        && s.get(16..17) == Some(":");
    if !sep_ok || !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60
    {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let oh: i64 = rest.get(1..3)?.parse().ok()?;
            let om: i64 = rest.get(4..6)?.parse().ok()?;
            if rest.len() != 6 || rest.get(3..4) != Some(":") {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let days = days_from_civil(y, mo, d);
    let t = days * 86_400 + h * 3600 + mi * 60 + se - offset;
    u64::try_from(t)
        .ok()
        .map(|t| UNIX_EPOCH + Duration::from_secs(t))
}

/// (year, month, day) → days since 1970-01-01, proleptic Gregorian (the inverse of `civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The local offset from UTC in seconds, as the system says it now.
#[cfg(unix)]
fn local_offset() -> Option<i32> {
    let out = std::process::Command::new("date")
        .arg("+%z")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    parse_offset(String::from_utf8(out.stdout).ok()?.trim())
}

/// On Windows no offset is asked for: times are shown in UTC, and say so.
#[cfg(not(unix))]
fn local_offset() -> Option<i32> {
    None
}

/// `+0800` → 28800.
fn parse_offset(s: &str) -> Option<i32> {
    let sign = match s.get(..1)? {
        "+" => 1,
        "-" => -1,
        _ => return None,
    };
    if s.len() != 5 {
        return None;
    }
    let h: i32 = s.get(1..3)?.parse().ok()?;
    let m: i32 = s.get(3..5)?.parse().ok()?;
    Some(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_times_read_back_and_show_in_local_time() {
        let t = parse_rfc3339("2026-11-24T01:30:00Z").unwrap();
        assert_eq!(super::super::rfc3339(t), "2026-11-24T01:30:00Z");
        assert_eq!(parse_rfc3339("2026-11-24T09:30:00.25+08:00"), Some(t));
        assert_eq!(parse_rfc3339("2026-11-23T20:30:00-05:00"), Some(t));
        for bad in [
            "",
            "2026-11-24",
            "2026-13-01T00:00:00Z",
            "2026-11-24T01:30:00",
            "x",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        let beijing = Clock {
            now: t + Duration::from_secs(600),
            offset: Some(8 * 3600),
        };
        assert_eq!(beijing.show(t), "09:30");
        assert_eq!(beijing.since(t), Duration::from_secs(600));
        let next_day = Clock {
            now: t + Duration::from_secs(86_400),
            ..beijing
        };
        assert_eq!(next_day.show(t), "11-24 09:30");
        let unknown = Clock {
            offset: None,
            ..beijing
        };
        assert_eq!(unknown.show(t), "01:30 UTC");
        assert_eq!(parse_offset("+0800"), Some(28_800));
        assert_eq!(parse_offset("-0330"), Some(-12_600));
        assert_eq!(parse_offset("0800"), None);
    }

    #[cfg(unix)]
    #[test]
    fn the_system_offset_is_read() {
        assert!(local_offset().is_some(), "`date +%z` answers on Unix");
    }
}
