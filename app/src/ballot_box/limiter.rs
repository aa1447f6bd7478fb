//! Rate limits on guessing voter codes, per address and overall.
//!
//! Only refused codes count: a school behind one address casts as fast as
//! its students type, while a guesser is stopped after a few misses. The
//! counting is `governor`'s GCRA; once an address (or the whole server)
//! runs out, it is shut out until the limiter would let it in again,
//! before any code is looked up, so a right guess is refused like a wrong
//! one while the block lasts.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Refused codes allowed per address per minute.
pub const PER_ADDRESS_PER_MINUTE: u32 = 10;

/// Refused codes allowed per minute from all addresses together.
pub const GLOBAL_PER_MINUTE: u32 = 600;

/// Blocked addresses kept before expired ones are swept.
const SWEEP_AT: usize = 10_000;

/// The guessing limiter.
pub struct Guessing {
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    global: DefaultDirectRateLimiter,
    blocked: Mutex<Blocked>,
}

#[derive(Default)]
struct Blocked {
    addresses: HashMap<IpAddr, Instant>,
    everyone: Option<Instant>,
}

impl std::fmt::Debug for Guessing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Guessing")
    }
}

impl Default for Guessing {
    fn default() -> Self {
        Guessing::new(PER_ADDRESS_PER_MINUTE, GLOBAL_PER_MINUTE)
    }
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Guessing {
    /// A limiter allowing `per_address` and `global` refused codes a minute.
    pub fn new(per_address: u32, global: u32) -> Guessing {
        Guessing {
            per_address: RateLimiter::keyed(per_minute(per_address)),
            global: RateLimiter::direct(per_minute(global)),
            blocked: Mutex::new(Blocked::default()),
        }
    }

    /// `Err(wait)` while `address` (or everyone) is shut out.
    pub fn gate(&self, address: IpAddr) -> Result<(), Duration> {
        let now = Instant::now();
        let mut blocked = self.lock();
        let until = [blocked.everyone, blocked.addresses.get(&address).copied()]
            .into_iter()
            .flatten()
            .filter(|until| *until > now)
            .max();
        match until {
            Some(until) => Err(until - now),
            None => {
                blocked.addresses.remove(&address);
                Ok(())
            }
        }
    }

    /// Counts a refused code from `address`.
    pub fn refused(&self, address: IpAddr) {
        let clock = DefaultClock::default();
        let now = Instant::now();
        let mut blocked = self.lock();
        if let Err(not_until) = self.per_address.check_key(&address) {
            let wait = not_until.wait_time_from(clock.now());
            blocked.addresses.insert(address, now + wait);
        }
        if let Err(not_until) = self.global.check() {
            blocked.everyone = Some(now + not_until.wait_time_from(clock.now()));
        }
        if blocked.addresses.len() > SWEEP_AT {
            blocked.addresses.retain(|_, until| *until > now);
            self.per_address.retain_recent();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Blocked> {
        self.blocked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(last: u8) -> IpAddr {
        IpAddr::from([192, 0, 2, last])
    }

    #[test]
    fn an_address_is_shut_out_after_its_refused_codes_run_out() {
        let limiter = Guessing::new(3, 1_000);
        for _ in 0..3 {
            assert_eq!(limiter.gate(address(1)), Ok(()));
            limiter.refused(address(1));
        }
        assert_eq!(limiter.gate(address(1)), Ok(()));
        limiter.refused(address(1));
        let wait = limiter.gate(address(1)).expect_err("shut out");
        assert!(wait > Duration::from_secs(1) && wait <= Duration::from_secs(20));
        assert_eq!(limiter.gate(address(2)), Ok(()), "others are not");
    }

    #[test]
    fn everyone_is_shut_out_when_the_global_limit_runs_out() {
        let limiter = Guessing::new(100, 5);
        for last in 0..6 {
            limiter.refused(address(last));
        }
        assert!(limiter.gate(address(200)).is_err());
    }
}
