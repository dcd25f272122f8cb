//! Who a phone is: unguessable per-firm tokens (cookie), the short PIN for another device,
//! and the limits that keep guessing and flooding useless.

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::store;
use crate::workshop::code::FirmCode;

/// The file in the workshop folder that remembers which token belongs to which firm, so a
/// phone resumes after the server restarts. It holds hashes only, never a token.
pub const SESSIONS_FILE: &str = "serve-sessions.json";
/// Random bytes in a token: 128 bits, well above the 80 the issue asks for.
pub const TOKEN_BYTES: usize = 16;
/// Digits in a PIN.
pub const PIN_DIGITS: usize = 6;

/// Fresh random bytes from the operating system's generator.
pub fn random_bytes<const N: usize>() -> std::io::Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(b)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn digest(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    hex(&h.finalize())
}

/// A token as a cookie carries it: 32 lower-case hex digits, nothing else.
pub fn well_formed_token(t: &str) -> bool {
    t.len() == TOKEN_BYTES * 2
        && t.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    /// Hex; the PINs are derived from it and the firm code.
    secret: String,
    /// sha256(token) → firm code.
    tokens: HashMap<String, String>,
}

/// Limits on guessing and flooding; the tests raise some to simulate a full room from one
/// address.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Requests per client address per second, with a burst of twice that.
    pub requests_per_second: f64,
    /// New firms per client address per minute.
    pub joins_per_minute: u32,
    /// Wrong PINs for one firm before it is locked for [`Limits::lockout`].
    pub pin_failures: u32,
    pub lockout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            requests_per_second: 20.0,
            joins_per_minute: 10,
            pin_failures: 5,
            lockout: Duration::from_secs(15 * 60),
        }
    }
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
    joins: Vec<Instant>,
}

#[derive(Debug, Default)]
struct Failures {
    count: u32,
    until: Option<Instant>,
}

/// Why a PIN was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinRefusal {
    Wrong,
    Locked,
}

/// The server's memory of firms and clients.
#[derive(Debug)]
pub struct Sessions {
    path: PathBuf,
    saved: Saved,
    limits: Limits,
    buckets: HashMap<IpAddr, Bucket>,
    failures: HashMap<FirmCode, Failures>,
}

impl Sessions {
    /// Loads the sessions file of a workshop folder, or starts one with a fresh secret.
    pub fn open(dir: &Path, limits: Limits) -> std::io::Result<Sessions> {
        let path = dir.join(SESSIONS_FILE);
        let saved = crate::workshop::read_regular(&path).ok();
        let saved = match saved.and_then(|b| serde_json::from_slice::<Saved>(&b).ok()) {
            Some(s) if s.secret.len() == 64 => s,
            _ => Saved {
                secret: hex(&random_bytes::<32>()?),
                tokens: HashMap::new(),
            },
        };
        let s = Sessions {
            path,
            saved,
            limits,
            buckets: HashMap::new(),
            failures: HashMap::new(),
        };
        s.persist()?;
        Ok(s)
    }

    fn persist(&self) -> std::io::Result<()> {
        let bytes = store::pretty_json(&self.saved)?;
        store::atomic_write(&self.path, &bytes)
    }

    /// A new token for `code` (a new firm, or a device that gave the right PIN).
    pub fn issue(&mut self, code: &FirmCode) -> std::io::Result<String> {
        let token = hex(&random_bytes::<TOKEN_BYTES>()?);
        self.saved
            .tokens
            .insert(digest(&[token.as_bytes()]), code.to_string());
        self.persist()?;
        Ok(token)
    }

    /// The firm a token belongs to.
    pub fn firm(&self, token: &str) -> Option<FirmCode> {
        if !well_formed_token(token) {
            return None;
        }
        let code = self.saved.tokens.get(&digest(&[token.as_bytes()]))?;
        FirmCode::from_stem(code)
    }

    /// The firm's PIN, shown to its own phone so it can be written down.
    pub fn pin(&self, code: &FirmCode) -> String {
        let d = digest(&[
            self.saved.secret.as_bytes(),
            b"pin",
            code.as_str().as_bytes(),
        ]);
        // 15 hex digits fit in a u64; taken modulo 10^6 the bias is far below anything guessable.
        let n = u64::from_str_radix(&d[..15], 16).unwrap_or(0);
        format!(
            "{:0width$}",
            n % 10u64.pow(PIN_DIGITS as u32),
            width = PIN_DIGITS
        )
    }

    /// Checks a PIN typed on another device; a locked firm refuses even the right one.
    pub fn check_pin(
        &mut self,
        code: &FirmCode,
        typed: &str,
        now: Instant,
    ) -> Result<(), PinRefusal> {
        let f = self.failures.entry(code.clone()).or_default();
        if let Some(until) = f.until {
            if now < until {
                return Err(PinRefusal::Locked);
            }
            *f = Failures::default();
        }
        let right = self.pin(code);
        let f = self.failures.entry(code.clone()).or_default();
        // Compared in full, not stopping at the first difference.
        let typed = typed.trim();
        let same = typed.len() == right.len()
            && typed
                .bytes()
                .zip(right.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        if same {
            *f = Failures::default();
            Ok(())
        } else {
            f.count += 1;
            if f.count >= self.limits.pin_failures {
                f.until = Some(now + self.limits.lockout);
            }
            Err(PinRefusal::Wrong)
        }
    }

    /// Whether a client may make one more request now (a token bucket per address).
    pub fn allow(&mut self, ip: IpAddr, now: Instant) -> bool {
        let rate = self.limits.requests_per_second;
        if self.buckets.len() > 10_000 {
            // A flood of addresses: forget the idle ones rather than grow without end.
            self.buckets
                .retain(|_, b| now.duration_since(b.at) < Duration::from_secs(60));
        }
        let b = self.buckets.entry(ip).or_insert(Bucket {
            tokens: rate * 2.0,
            at: now,
            joins: Vec::new(),
        });
        let dt = now.duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + dt * rate).min(rate * 2.0);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Whether a client may create one more firm now.
    pub fn allow_join(&mut self, ip: IpAddr, now: Instant) -> bool {
        let limit = self.limits.joins_per_minute as usize;
        let Some(b) = self.buckets.get_mut(&ip) else {
            return false;
        };
        b.joins
            .retain(|t| now.duration_since(*t) < Duration::from_secs(60));
        if b.joins.len() >= limit {
            return false;
        }
        b.joins.push(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> FirmCode {
        FirmCode::parse(s).unwrap()
    }

    #[test]
    fn tokens_are_long_random_and_stored_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Sessions::open(dir.path(), Limits::default()).unwrap();
        let a = s.issue(&code("7KQM3X")).unwrap();
        let b = s.issue(&code("7KQM3X")).unwrap();
        assert_ne!(a, b);
        assert!(well_formed_token(&a), "{a}");
        assert_eq!(s.firm(&a), Some(code("7KQM3X")));
        assert_eq!(s.firm(&"0".repeat(32)), None);
        assert_eq!(s.firm("../../x"), None);
        let file = std::fs::read_to_string(dir.path().join(SESSIONS_FILE)).unwrap();
        assert!(!file.contains(&a), "the token itself is never written");
        // Another server start over the same folder knows the token.
        let again = Sessions::open(dir.path(), Limits::default()).unwrap();
        assert_eq!(again.firm(&b), Some(code("7KQM3X")));
        assert_eq!(again.pin(&code("7KQM3X")), s.pin(&code("7KQM3X")));
    }

    #[test]
    fn pins_lock_after_failures() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Sessions::open(dir.path(), Limits::default()).unwrap();
        let c = code("7KQM3X");
        let pin = s.pin(&c);
        assert_eq!(pin.len(), PIN_DIGITS);
        let t0 = Instant::now();
        assert_eq!(s.check_pin(&c, &pin, t0), Ok(()));
        let wrong = if pin == "000000" { "000001" } else { "000000" };
        for _ in 0..5 {
            assert_eq!(s.check_pin(&c, wrong, t0), Err(PinRefusal::Wrong));
        }
        assert_eq!(s.check_pin(&c, &pin, t0), Err(PinRefusal::Locked));
        let later = t0 + Duration::from_secs(16 * 60);
        assert_eq!(s.check_pin(&c, &pin, later), Ok(()));
    }

    #[test]
    fn a_flood_is_slowed() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Sessions::open(dir.path(), Limits::default()).unwrap();
        let ip: IpAddr = "10.0.0.7".parse().unwrap();
        let t0 = Instant::now();
        let allowed = (0..1000).filter(|_| s.allow(ip, t0)).count();
        assert_eq!(allowed, 40, "the burst is twice the rate");
        assert!(s.allow(ip, t0 + Duration::from_secs(1)));
        let joins = (0..100).filter(|_| s.allow_join(ip, t0)).count();
        assert_eq!(joins, 10);
        let other: IpAddr = "10.0.0.8".parse().unwrap();
        assert!(s.allow(other, t0), "another phone is not punished");
    }
}
