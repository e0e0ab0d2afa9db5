//! `Edm.Duration`.

use std::fmt;
use std::str::FromStr;

/// `Edm.Duration`: an ISO 8601 duration such as `PT1H30M`, `P1D` or `-PT0.5S`.
///
/// Kept component by component: `P1M` is a calendar month, not a number of seconds, so no
/// fixed-length duration type can hold it without changing its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    pub negative: bool,
    pub years: u64,
    pub months: u64,
    pub weeks: u64,
    pub days: u64,
    pub hours: u64,
    pub minutes: u64,
    pub seconds: u64,
    pub nanoseconds: u32,
}

impl Duration {
    /// The length as a `chrono::TimeDelta`, when it has no calendar (year or month) part.
    pub fn to_time_delta(self) -> Option<chrono::TimeDelta> {
        if self.years != 0 || self.months != 0 {
            return None;
        }
        let seconds = ((self.weeks * 7 + self.days) * 24 + self.hours)
            .checked_mul(3600)?
            .checked_add(self.minutes.checked_mul(60)?)?
            .checked_add(self.seconds)?;
        let delta = chrono::TimeDelta::new(i64::try_from(seconds).ok()?, self.nanoseconds)?;
        Some(if self.negative { -delta } else { delta })
    }
}

/// Why a string is not an ISO 8601 duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError(String);

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an ISO 8601 duration such as PT1H30M",
            self.0
        )
    }
}

impl std::error::Error for DurationError {}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, DurationError> {
        let error = || DurationError(text.to_owned());
        let mut d = Duration::default();
        let mut rest = text;
        if let Some(r) = rest.strip_prefix('-') {
            d.negative = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            rest = r;
        }
        rest = rest.strip_prefix(['P', 'p']).ok_or_else(error)?;
        let mut in_time = false;
        // Components must come in order, each at most once (`P1D2D` and `PT1S1H` are not
        // durations), and `T` must be followed by one: otherwise printing would not give the
        // text back.
        let mut last_rank = 0;
        let mut empty_part = true;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix(['T', 't']) {
                if in_time {
                    return Err(error());
                }
                in_time = true;
                empty_part = true;
                rest = r;
                continue;
            }
            let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(error)?;
            let whole: u64 = rest[..digits].parse().map_err(|_| error())?;
            rest = &rest[digits..];
            let mut fraction = None;
            if let Some(r) = rest.strip_prefix(['.', ',']) {
                let len = r.find(|c: char| !c.is_ascii_digit()).ok_or_else(error)?;
                if len == 0 || len > 9 {
                    return Err(error());
                }
                let nanos =
                    r[..len].parse::<u32>().map_err(|_| error())? * 10u32.pow(9 - len as u32);
                fraction = Some(nanos);
                rest = &r[len..];
            }
            let unit = rest.chars().next().ok_or_else(error)?;
            rest = &rest[unit.len_utf8()..];
            let (rank, slot) = match (in_time, unit.to_ascii_uppercase()) {
                (false, 'Y') => (1, &mut d.years),
                (false, 'M') => (2, &mut d.months),
                (false, 'W') => (3, &mut d.weeks),
                (false, 'D') => (4, &mut d.days),
                (true, 'H') => (5, &mut d.hours),
                (true, 'M') => (6, &mut d.minutes),
                (true, 'S') => (7, &mut d.seconds),
                _ => return Err(error()),
            };
            // Only seconds may have a fraction.
            if rank <= last_rank || (fraction.is_some() && rank != 7) {
                return Err(error());
            }
            *slot = whole;
            if let Some(nanos) = fraction {
                d.nanoseconds = nanos;
            }
            last_rank = rank;
            empty_part = false;
        }
        if empty_part {
            Err(error())
        } else {
            Ok(d)
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (value, unit) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if value != 0 {
                write!(f, "{value}{unit}")?;
            }
        }
        let date_empty = self.years == 0 && self.months == 0 && self.weeks == 0 && self.days == 0;
        let time_empty =
            self.hours == 0 && self.minutes == 0 && self.seconds == 0 && self.nanoseconds == 0;
        if time_empty && !date_empty {
            return Ok(());
        }
        f.write_str("T")?;
        if self.hours != 0 {
            write!(f, "{}H", self.hours)?;
        }
        if self.minutes != 0 {
            write!(f, "{}M", self.minutes)?;
        }
        if self.seconds != 0 || self.nanoseconds != 0 || time_empty {
            write!(f, "{}", self.seconds)?;
            if self.nanoseconds != 0 {
                let fraction = format!("{:09}", self.nanoseconds);
                write!(f, ".{}", fraction.trim_end_matches('0'))?;
            }
            f.write_str("S")?;
        }
        Ok(())
    }
}

impl serde::Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Duration {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Duration;

    fn parse(text: &str) -> Duration {
        text.parse()
            .unwrap_or_else(|e| panic!("{text} should parse: {e}"))
    }

    /// Parses, prints, and checks the printed form is `printed`.
    fn prints_as(text: &str, printed: &str) {
        assert_eq!(parse(text).to_string(), printed, "printing {text}");
    }

    #[test]
    fn a_month_stays_a_calendar_month() {
        let d = parse("P1M");
        assert_eq!(d.months, 1);
        assert_eq!(d.minutes, 0);
        assert_eq!(d.to_string(), "P1M");
        assert_eq!(d.to_time_delta(), None);
        // `M` after `T` is minutes.
        assert_eq!(parse("PT1M").minutes, 1);
    }

    #[test]
    fn negative_with_fraction() {
        let d = parse("-P1DT0.5S");
        assert!(d.negative);
        assert_eq!((d.days, d.seconds, d.nanoseconds), (1, 0, 500_000_000));
        assert_eq!(d.to_string(), "-P1DT0.5S");
        let expected = -(chrono::TimeDelta::days(1) + chrono::TimeDelta::milliseconds(500));
        assert_eq!(d.to_time_delta(), Some(expected));
    }

    #[test]
    fn zero_prints_as_zero_seconds() {
        assert_eq!(parse("PT0S"), Duration::default());
        prints_as("PT0S", "PT0S");
        prints_as("P0D", "PT0S");
        assert_eq!(Duration::default().to_string(), "PT0S");
    }

    #[test]
    fn fractions_keep_every_digit_up_to_nanoseconds() {
        assert_eq!(parse("PT0.005S").nanoseconds, 5_000_000);
        prints_as("PT0.005S", "PT0.005S");
        prints_as("PT1.123456789S", "PT1.123456789S");
        prints_as("PT1.50S", "PT1.5S");
        // A comma is ISO 8601's other decimal sign.
        assert_eq!(parse("PT2,25S").nanoseconds, 250_000_000);
    }

    #[test]
    fn every_component_round_trips() {
        for text in [
            "P1Y2M3W4DT5H6M7.8S",
            "P2W",
            "PT36H",
            "P1DT1H",
            "-PT1H30M",
            "PT1M0.1S",
        ] {
            prints_as(text, text);
        }
        prints_as("+PT1H", "PT1H");
        prints_as("p1dt2h", "P1DT2H");
    }

    #[test]
    fn converts_to_time_delta_without_calendar_parts() {
        let d = parse("P1W1DT1H1M1S");
        let seconds = 8 * 86_400 + 3_600 + 60 + 1;
        assert_eq!(d.to_time_delta(), Some(chrono::TimeDelta::seconds(seconds)));
        assert_eq!(parse("P1Y").to_time_delta(), None);
    }

    #[test]
    fn invalid_inputs_are_errors() {
        for text in [
            "",
            "P",
            "PT",
            "1D",
            "P1",
            "P1S",
            "PT1D",
            "P1DT",
            "PT1.S",
            "PT.5S",
            "P0.5D",
            "PT1.0000000001S",
            "P1DTT1H",
            "PT1H-1M",
            "P 1D",
            "--P1D",
            "P1X",
            "P1D2D",
            "PT1S1H",
            "P1DT1H2H",
            "P0.0D",
        ] {
            assert!(
                text.parse::<Duration>().is_err(),
                "{text:?} should not parse"
            );
        }
        let error = "P1".parse::<Duration>().unwrap_err();
        assert!(error.to_string().contains("\"P1\""));
    }

    #[test]
    fn serde_reads_and_writes_the_iso_string() {
        let d: Duration = serde_json::from_str(r#""PT1H30M""#).unwrap();
        assert_eq!((d.hours, d.minutes), (1, 30));
        assert_eq!(serde_json::to_string(&d).unwrap(), r#""PT1H30M""#);
        assert!(serde_json::from_str::<Duration>("3600").is_err());
        assert!(serde_json::from_str::<Duration>(r#""1 hour""#).is_err());
    }
}
