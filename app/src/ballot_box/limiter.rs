//! Rate limits on guessing voter codes, per address and overall.
//!
//! Only refused codes count, and only refusals are held back: a school
//! behind one address casts as fast as its students type, even while
//! someone at that address sends bad codes, and a guesser is told to
//! wait after a few misses. The counting is `governor`'s GCRA; once an
//! address (or the whole server) runs out, its refusals are answered
//! "wait" until the limiter would let it in again. IPv6 clients count by
//! their /64, the block one household or phone is given (RFC 6177), so a
//! guesser cannot step through addresses it owns.

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
        let address = key(address);
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
        let address = key(address);
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

/// The limiter's key for `address`: itself for IPv4, its /64 for IPv6.
fn key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => {
            let mut bytes = v6.octets();
            bytes[8..].fill(0);
            IpAddr::from(bytes)
        }
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
    fn ipv6_addresses_in_one_64_share_a_limit() {
        let limiter = Guessing::new(2, 1_000);
        for last in 1..=3u16 {
            limiter.refused(IpAddr::from([0x2001, 0xdb8, 0, 7, 0, 0, 0, last]));
        }
        assert!(
            limiter
                .gate(IpAddr::from([0x2001, 0xdb8, 0, 7, 9, 9, 9, 9]))
                .is_err()
        );
        assert_eq!(
            limiter.gate(IpAddr::from([0x2001, 0xdb8, 0, 8, 0, 0, 0, 1])),
            Ok(())
        );
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
