//! Throttling: Graph answers 429 (and 503, 504 when busy) with `Retry-After` and expects the
//! client to wait that long before sending again.

use std::time::Duration;

/// How throttled requests (status 429, 503, 504) are sent again.
///
/// Each wait is the answer's `Retry-After` (in seconds) when it has one, else a backoff of
/// `first_backoff` doubled at each retry; no wait is longer than `longest_wait`. An answer
/// that asks for a longer wait ends the request at once with its status, as does the last
/// answer when `retries` have been spent: the caller decides what to do with a long outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// How many times a request is sent again, at most (0: never).
    pub retries: u32,
    /// The wait before the first retry when the answer gives no `Retry-After`.
    pub first_backoff: Duration,
    /// The longest wait, asked or not.
    pub longest_wait: Duration,
}

impl Default for RetryPolicy {
    /// Three retries, backing off from 1 s, waiting at most 60 s.
    fn default() -> Self {
        RetryPolicy {
            retries: 3,
            first_backoff: Duration::from_secs(1),
            longest_wait: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never send a request again.
    pub fn never() -> Self {
        RetryPolicy {
            retries: 0,
            ..Self::default()
        }
    }

    /// Whether an answer of `status` is worth sending again.
    pub fn retries_status(status: u16) -> bool {
        matches!(status, 429 | 503 | 504)
    }

    /// How long to wait before retry number `retry` (0 for the first), given the answer's
    /// `Retry-After`; `None` when no retry is left or the wait asked is too long.
    pub fn wait(&self, retry: u32, retry_after: Option<&str>) -> Option<Duration> {
        if retry >= self.retries {
            return None;
        }
        let wait = match retry_after.and_then(seconds) {
            Some(asked) => asked,
            None => self
                .first_backoff
                .saturating_mul(2u32.saturating_pow(retry))
                .min(self.longest_wait),
        };
        (wait <= self.longest_wait).then_some(wait)
    }
}

/// `Retry-After` in seconds (`"1"`, `" 30 "`); an HTTP date, which Graph does not send, is
/// not read (the backoff applies).
fn seconds(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_as_asked_or_backs_off() {
        let p = RetryPolicy::default();
        assert_eq!(p.wait(0, Some("1")), Some(Duration::from_secs(1)));
        assert_eq!(p.wait(0, Some(" 7 ")), Some(Duration::from_secs(7)));
        assert_eq!(p.wait(0, None), Some(Duration::from_secs(1)));
        assert_eq!(p.wait(2, None), Some(Duration::from_secs(4)));
        // An HTTP date is not read: back off.
        assert_eq!(
            p.wait(1, Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            Some(Duration::from_secs(2))
        );
        // Retries spent; a wait longer than the longest.
        assert_eq!(p.wait(3, Some("1")), None);
        assert_eq!(p.wait(0, Some("3600")), None);
        assert_eq!(RetryPolicy::never().wait(0, Some("1")), None);
    }

    #[test]
    fn backoff_is_bounded() {
        let p = RetryPolicy {
            retries: 40,
            ..RetryPolicy::default()
        };
        assert_eq!(p.wait(39, None), Some(Duration::from_secs(60)));
    }

    #[test]
    fn throttling_statuses() {
        assert!([429, 503, 504].into_iter().all(RetryPolicy::retries_status));
        assert!(![200, 400, 500, 502]
            .into_iter()
            .any(RetryPolicy::retries_status));
    }
}
