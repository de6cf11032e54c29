//! Times as the PHP side and sipXconfig see them: milliseconds since the Unix epoch.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds from the Unix epoch to `at`, as `makeCall`'s `placed_at` and sipXconfig's call
/// records count time. A clock set before 1970 gives 0 rather than a negative time no call
/// record can have.
pub fn epoch_ms(at: SystemTime) -> i64 {
    at.duration_since(UNIX_EPOCH).map_or(0, |since| {
        i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
    })
}

/// Milliseconds since the Unix epoch now: the times of a call's record and history.
pub fn now_ms() -> u64 {
    u64::try_from(epoch_ms(SystemTime::now())).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn epoch_ms_counts_milliseconds_since_1970() {
        assert_eq!(epoch_ms(UNIX_EPOCH), 0);
        assert_eq!(
            epoch_ms(UNIX_EPOCH + Duration::from_micros(1_500_999)),
            1_500
        );
    }

    #[test]
    fn epoch_ms_of_a_time_before_1970_is_zero() {
        assert_eq!(epoch_ms(UNIX_EPOCH - Duration::from_secs(1)), 0);
    }
}
