//! The small file a running server keeps in the workshop folder, so the dashboard and the
//! presenter can show its address, QR code and join code. Refreshed every few seconds,
//! removed on a clean stop, and ignored once stale (a server that was killed).

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::store;

/// The file's name in the workshop folder.
pub const STATE_FILE: &str = "serve-state.json";
/// How often the server rewrites it.
pub const HEARTBEAT: Duration = Duration::from_secs(5);
/// After how long without a heartbeat the file is ignored.
pub const STALE_AFTER: Duration = Duration::from_secs(20);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServeState {
    /// The address shown first (and in the QR code).
    pub url: String,
    /// Every address participants may try.
    pub urls: Vec<String>,
    pub join_code: String,
    pub paced: bool,
    /// Seconds since 1970 of the last heartbeat.
    pub heartbeat: u64,
}

fn secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

impl ServeState {
    /// Writes (or refreshes) the file with `now` as the heartbeat.
    pub fn write(&mut self, dir: &Path, now: SystemTime) -> std::io::Result<()> {
        self.heartbeat = secs(now);
        let bytes = store::pretty_json(self)?;
        store::atomic_write(&dir.join(STATE_FILE), &bytes)
    }

    /// Removes the file (a clean stop).
    pub fn remove(dir: &Path) {
        let _ = std::fs::remove_file(dir.join(STATE_FILE));
    }

    /// The state of a server running now for this folder, if any.
    pub fn live(dir: &Path, now: SystemTime) -> Option<ServeState> {
        let bytes = crate::workshop::read_regular(&dir.join(STATE_FILE)).ok()?;
        let s: ServeState = serde_json::from_slice(&bytes).ok()?;
        let age = secs(now).saturating_sub(s.heartbeat);
        // Only addresses a server of ours writes are shown: nothing in the file steers the
        // terminal.
        let plain = |u: &str| {
            u.starts_with("http://") && u.len() < 80 && u.bytes().all(|b| b.is_ascii_graphic())
        };
        let fresh = age <= STALE_AFTER.as_secs() && s.heartbeat <= secs(now) + 60;
        (fresh
            && plain(&s.url)
            && s.urls.iter().all(|u| plain(u))
            && s.join_code.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(s)
    }
}

/// The presenter's side of paced mode: how far phones may go. Written by the presenter view
/// when its question changes and refreshed with its look at the room; removed when it quits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresentState {
    /// The last question (index in the questionnaire) of the section on the projector.
    pub open_through: usize,
    pub heartbeat: u64,
}

/// The presenter's file in the workshop folder.
pub const PRESENT_FILE: &str = "present-state.json";

impl PresentState {
    pub fn write(&mut self, dir: &Path, now: SystemTime) -> std::io::Result<()> {
        self.heartbeat = secs(now);
        let mut bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        store::atomic_write(&dir.join(PRESENT_FILE), &bytes)
    }

    pub fn remove(dir: &Path) {
        let _ = std::fs::remove_file(dir.join(PRESENT_FILE));
    }

    /// The presenter's state if one runs now; without one, paced mode holds nobody back.
    pub fn live(dir: &Path, now: SystemTime) -> Option<PresentState> {
        let bytes = crate::workshop::read_regular(&dir.join(PRESENT_FILE)).ok()?;
        let s: PresentState = serde_json::from_slice(&bytes).ok()?;
        let age = secs(now).saturating_sub(s.heartbeat);
        (age <= STALE_AFTER.as_secs() && s.heartbeat <= secs(now) + 60).then_some(s)
    }
}

/// The QR code of `text` as lines of half-block characters (two modules per character row),
/// dark on light, with a two-module light margin, drawn by the `qrcode` crate.
pub fn qr_lines(text: &str) -> Vec<String> {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::L) else {
        return Vec::new();
    };
    let w = code.width();
    let colors = code.to_colors();
    let dark = |x: isize, y: isize| -> bool {
        x >= 0
            && y >= 0
            && (x as usize) < w
            && (y as usize) < w
            && colors[y as usize * w + x as usize] == qrcode::Color::Dark
    };
    let n = w as isize;
    let mut out = Vec::new();
    let mut y = -2;
    while y < n + 2 {
        let line: String = (-2..n + 2)
            .map(|x| match (dark(x, y), dark(x, y + 1)) {
                // Light modules are drawn as blocks, so the code reads on a dark terminal.
                (false, false) => '█',
                (false, true) => '▀',
                (true, false) => '▄',
                (true, true) => ' ',
            })
            .collect();
        out.push(line);
        y += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_state_is_read_and_a_stale_one_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let now = UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        assert_eq!(ServeState::live(dir.path(), now), None);
        let mut s = ServeState {
            url: "http://192.168.1.20:8080/".into(),
            urls: vec!["http://192.168.1.20:8080/".into()],
            join_code: "ECKU".into(),
            paced: false,
            heartbeat: 0,
        };
        s.write(dir.path(), now).unwrap();
        assert_eq!(ServeState::live(dir.path(), now), Some(s.clone()));
        assert_eq!(
            ServeState::live(dir.path(), now + Duration::from_secs(60)),
            None
        );
        s.url = "http://x/\u{1b}[2J".into();
        s.write(dir.path(), now).unwrap();
        assert_eq!(
            ServeState::live(dir.path(), now),
            None,
            "escape sequences are refused"
        );
        ServeState::remove(dir.path());
        assert!(!dir.path().join(STATE_FILE).exists());
    }

    #[test]
    fn the_presenter_state_is_read_while_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let now = UNIX_EPOCH + Duration::from_secs(2_000_000_000);
        let mut p = PresentState {
            open_through: 7,
            heartbeat: 0,
        };
        p.write(dir.path(), now).unwrap();
        assert_eq!(
            PresentState::live(dir.path(), now).map(|s| s.open_through),
            Some(7)
        );
        assert_eq!(
            PresentState::live(dir.path(), now + Duration::from_secs(60)),
            None
        );
        PresentState::remove(dir.path());
        assert_eq!(PresentState::live(dir.path(), now), None);
    }

    #[test]
    fn the_qr_code_is_square_and_drawn_in_blocks() {
        let lines = qr_lines("http://192.168.1.20:8080/");
        let width = lines[0].chars().count();
        assert!(width >= 23, "{width}");
        assert_eq!(lines.len(), width.div_ceil(2));
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert!(lines.iter().all(|l| l.chars().all(|c| " ▀▄█".contains(c))));
    }
}
