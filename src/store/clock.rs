//! Wall-clock times for people: the saved time of an answer file (UTC, RFC 3339) read back and
//! shown in the machine's local time, which the facilitator's clock on the wall also shows.
//!
//! The local offset is read once, at start, while the process has one thread (the only time
//! Unix lets it be read safely; the `time` crate refuses otherwise): [`read_local_offset`] in
//! `main`, [`local_offset`] everywhere else. Where it cannot be had, times are shown in UTC and
//! say so.

use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

static LOCAL_OFFSET: OnceLock<Option<time::UtcOffset>> = OnceLock::new();

/// Reads the machine's offset from UTC; call first thing in `main`, before any thread starts.
pub fn read_local_offset() {
    LOCAL_OFFSET.get_or_init(|| time::UtcOffset::current_local_offset().ok());
}

/// The local offset read at start (`None`: unknown, or never read, as in tests).
pub fn local_offset() -> Option<time::UtcOffset> {
    LOCAL_OFFSET.get().copied().flatten()
}

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
            offset: local_offset().map(time::UtcOffset::whole_seconds),
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
    let t = time::OffsetDateTime::parse(s.trim(), &time::format_description::well_known::Rfc3339);
    t.ok().map(SystemTime::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_times_read_back_and_show_in_local_time() {
        let t = parse_rfc3339("2026-11-24T01:30:00Z").unwrap();
        assert_eq!(super::super::rfc3339(t), "2026-11-24T01:30:00Z");
        assert_eq!(
            parse_rfc3339("2026-11-24T09:30:00.25+08:00"),
            Some(t + Duration::from_millis(250))
        );
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
    }
}
