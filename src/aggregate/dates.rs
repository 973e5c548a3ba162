//! Parsing the raw dates found in corpora into instants in one time zone.
//!
//! Accepted without configuration, because each has one reading only:
//! - ISO 8601 / RFC 3339 dates and date-times: `2025-11-03`, `2025-11-03T14:00`,
//!   `2025-11-03T14:00:00Z`, `2025-11-03T14:00:00.250+01:00`, `+0100`, `+01`, a space instead of
//!   the `T`; a date-time without a zone is local time in the configured zone;
//! - RFC 2822: `Mon, 03 Nov 2025 14:00:00 GMT`, `… +0000`;
//! - Unix epoch seconds: an integer of 9 to 11 digits (1973 to 5138), optionally with a fraction.
//!
//! Anything else — `11/03/2025` above all, which is the 3rd of November in the US and the 11th
//! of March in Europe — needs an explicit chrono format (`--date-format`). The explicit format
//! is tried first; the unambiguous forms above are still accepted after it, so a corpus that
//! mixes `03/11/2025` and `2025-11-03` parses with one format.
//!
//! This is not a natural-language date parser: `yesterday` or `3 Nov` are errors.

use chrono::format::{Item, ParseErrorKind, StrftimeItems};
use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc,
};
use chrono_tz::Tz;

/// Why a raw date was not turned into an instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The date is empty or blank.
    #[error("empty date")]
    Empty,
    /// Day-month order cannot be told, e.g. `11/03/2025`.
    #[error(
        "ambiguous date {raw:?}: day and month order is unknown; \
         pass --date-format, e.g. \"%m/%d/%Y\" or \"%d/%m/%Y\""
    )]
    Ambiguous { raw: String },
    /// The shape is recognised but a field is impossible, e.g. month 13 or 30 February.
    #[error("date {raw:?} is out of range ({reason})")]
    OutOfRange { raw: String, reason: String },
    /// No accepted form matches and no explicit format was given.
    #[error(
        "unrecognised date {raw:?}: expected ISO 8601 (2025-11-03, 2025-11-03T14:00:00Z), \
         RFC 2822 (Mon, 03 Nov 2025 14:00:00 GMT) or Unix seconds; \
         pass --date-format for other forms"
    )]
    Unrecognized { raw: String },
    /// Neither the explicit format nor an unambiguous form matches.
    #[error("date {raw:?} does not match --date-format {format:?} ({reason})")]
    FormatMismatch { raw: String, format: String, reason: String },
    /// The explicit format itself is not a valid chrono format string.
    #[error(
        "invalid --date-format {format:?}: not a chrono strftime format \
         (see https://docs.rs/chrono/latest/chrono/format/strftime/)"
    )]
    BadFormat { format: String },
}

/// Parses raw dates into instants in one time zone; built once, then shared.
#[derive(Debug, Clone)]
pub struct DateParser {
    format: Option<String>,
    tz: Tz,
}

/// Date-time layouts tried, in order, for strings that start like an ISO date (`YYYY-`).
/// `%#z` accepts `Z`, `+01:00`, `+0100` and `+01`; `%.f` makes the fraction optional.
const ISO_ZONED: &[&str] =
    &["%Y-%m-%dT%H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M%#z", "%Y-%m-%d %H:%M%#z"];
const ISO_LOCAL: &[&str] =
    &["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"];

impl DateParser {
    /// A parser for `tz` (local times are read in it, and every result is converted to it),
    /// with an optional chrono format (`%d/%m/%Y`, `%Y%m%d %H%M`, …) tried before the
    /// built-in forms. Fails if the format is not a valid chrono format.
    pub fn new(explicit_format: Option<&str>, tz: Tz) -> Result<DateParser, DateError> {
        if let Some(format) = explicit_format {
            let broken = format.trim().is_empty()
                || StrftimeItems::new(format).any(|item| matches!(item, Item::Error));
            if broken {
                return Err(DateError::BadFormat { format: format.to_string() });
            }
        }
        Ok(DateParser { format: explicit_format.map(str::to_string), tz })
    }

    /// Parses `raw` (surrounding whitespace ignored) into an instant in the parser's zone.
    pub fn parse(&self, raw: &str) -> Result<DateTime<Tz>, DateError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let parsed = match &self.format {
            None => self.parse_builtin(s)?,
            Some(format) => match self.parse_with_format(s, format) {
                Ok(dt) => dt,
                Err(explicit_error) => self.parse_builtin(s).map_err(|_| DateError::FormatMismatch {
                    raw: s.to_string(),
                    format: format.clone(),
                    reason: explicit_error.to_string(),
                })?,
            },
        };
        // Four-digit years only: labels stay `YYYY-…` and period arithmetic cannot leave
        // chrono's range.
        if !(1..=9999).contains(&parsed.year()) {
            return Err(DateError::OutOfRange {
                raw: s.to_string(),
                reason: format!("year {} is outside 1 to 9999", parsed.year()),
            });
        }
        Ok(parsed)
    }

    /// Tries `format` as a date-time with offset, then as a local date-time, then as a date.
    fn parse_with_format(&self, s: &str, format: &str) -> Result<DateTime<Tz>, chrono::ParseError> {
        match DateTime::parse_from_str(s, format) {
            Ok(dt) => return Ok(dt.with_timezone(&self.tz)),
            Err(e) if e.kind() != ParseErrorKind::NotEnough => return Err(e),
            Err(_) => {}
        }
        match NaiveDateTime::parse_from_str(s, format) {
            Ok(naive) => return Ok(self.local_to_instant(naive)),
            Err(e) if e.kind() != ParseErrorKind::NotEnough => return Err(e),
            Err(_) => {}
        }
        let date = NaiveDate::parse_from_str(s, format)?;
        Ok(self.local_to_instant(date.and_time(NaiveTime::MIN)))
    }

    fn parse_builtin(&self, s: &str) -> Result<DateTime<Tz>, DateError> {
        if let Some(dt) = self.parse_epoch(s) {
            return Ok(dt);
        }
        let bytes = s.as_bytes();
        let iso_like = bytes.len() >= 5 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-';
        let mut out_of_range = None;
        let mut note = |e: chrono::ParseError| {
            if matches!(e.kind(), ParseErrorKind::OutOfRange | ParseErrorKind::Impossible) {
                out_of_range.get_or_insert(e);
            }
        };
        if iso_like {
            for format in ISO_ZONED {
                match DateTime::parse_from_str(s, format) {
                    Ok(dt) => return Ok(dt.with_timezone(&self.tz)),
                    Err(e) => note(e),
                }
            }
            for format in ISO_LOCAL {
                match NaiveDateTime::parse_from_str(s, format) {
                    Ok(naive) => return Ok(self.local_to_instant(naive)),
                    Err(e) => note(e),
                }
            }
            match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(date) => return Ok(self.local_to_instant(date.and_time(NaiveTime::MIN))),
                Err(e) => note(e),
            }
        } else {
            match DateTime::parse_from_rfc2822(s) {
                Ok(dt) => return Ok(dt.with_timezone(&self.tz)),
                Err(e) => note(e),
            }
        }
        if let Some(e) = out_of_range {
            return Err(DateError::OutOfRange { raw: s.to_string(), reason: e.to_string() });
        }
        if looks_like_numeric_day_month(s) {
            return Err(DateError::Ambiguous { raw: s.to_string() });
        }
        Err(DateError::Unrecognized { raw: s.to_string() })
    }

    /// `1762178400` or `1762178400.25`: 9–11 integer digits, so that years (4 digits), compact
    /// dates (`20251103`, 8) and millisecond stamps (13) are not mistaken for seconds.
    fn parse_epoch(&self, s: &str) -> Option<DateTime<Tz>> {
        let (int, frac) = match s.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (s, None),
        };
        if !(9..=11).contains(&int.len()) || !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let nanos = match frac {
            None => 0,
            Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
                // Keep nanosecond precision: pad or cut the fraction to 9 digits.
                let digits: String = f.chars().chain(std::iter::repeat('0')).take(9).collect();
                digits.parse::<u32>().ok()?
            }
            Some(_) => return None,
        };
        let secs = int.parse::<i64>().ok()?;
        DateTime::from_timestamp(secs, nanos).map(|dt| dt.with_timezone(&self.tz))
    }

    /// Reads a wall-clock time in the parser's zone. In a daylight-saving overlap the earlier
    /// instant wins; in a gap (02:30 on a spring-forward night) the time is read with the
    /// offset in force before the gap, so it lands after it, as a clock that was not moved would.
    fn local_to_instant(&self, naive: NaiveDateTime) -> DateTime<Tz> {
        match self.tz.from_local_datetime(&naive) {
            LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) => dt,
            LocalResult::None => {
                let before = naive
                    .checked_sub_signed(TimeDelta::days(1))
                    .map_or(Utc.fix(), |earlier| self.tz.offset_from_utc_datetime(&earlier).fix());
                let utc = naive.checked_sub_offset(before).unwrap_or(naive);
                Utc.from_utc_datetime(&utc).with_timezone(&self.tz)
            }
        }
    }
}

/// `11/03/2025`, `3.11.25`, `03-11-2025 14:00`: day and month as 1–2 digits each, in an order
/// that cannot be told from the string.
fn looks_like_numeric_day_month(s: &str) -> bool {
    let mut parts = s.splitn(3, ['/', '.', '-']);
    let (Some(a), Some(b), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let short_number = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    short_number(a) && short_number(b) && (year.len() == 2 || year.len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(parser: &DateParser, raw: &str) -> String {
        match parser.parse(raw) {
            Ok(dt) => dt.with_timezone(&Utc).to_rfc3339(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn every_accepted_form_parses_to_the_expected_instant() {
        let parser = DateParser::new(None, Tz::UTC).unwrap();
        let paris = DateParser::new(None, chrono_tz::Europe::Paris).unwrap();
        let us = DateParser::new(Some("%m/%d/%Y"), Tz::UTC).unwrap();
        let eu_time = DateParser::new(Some("%d.%m.%Y %H:%M"), chrono_tz::Europe::Berlin).unwrap();
        let zoned = DateParser::new(Some("%d/%m/%Y %H:%M %z"), Tz::UTC).unwrap();
        let table: &[(&DateParser, &str, &str)] = &[
            (&parser, "2025-11-03", "2025-11-03T00:00:00+00:00"),
            (&parser, "  2025-11-03  ", "2025-11-03T00:00:00+00:00"),
            (&parser, "2025-11-03T14:00:00Z", "2025-11-03T14:00:00+00:00"),
            (&parser, "2025-11-03T14:00:00+01:00", "2025-11-03T13:00:00+00:00"),
            (&parser, "2025-11-03T14:00:00-0530", "2025-11-03T19:30:00+00:00"),
            (&parser, "2025-11-03T14:00:00+01", "2025-11-03T13:00:00+00:00"),
            (&parser, "2025-11-03T14:00:00.123456Z", "2025-11-03T14:00:00.123456+00:00"),
            (&parser, "2025-11-03T14:00:00.5+01:00", "2025-11-03T13:00:00.500+00:00"),
            (&parser, "2025-11-03T14:00:00", "2025-11-03T14:00:00+00:00"),
            (&parser, "2025-11-03T14:00:00.75", "2025-11-03T14:00:00.750+00:00"),
            (&parser, "2025-11-03T14:00", "2025-11-03T14:00:00+00:00"),
            (&parser, "2025-11-03T14:00Z", "2025-11-03T14:00:00+00:00"),
            (&parser, "2025-11-03 14:00:00", "2025-11-03T14:00:00+00:00"),
            (&parser, "2025-11-03 14:00:00+00:00", "2025-11-03T14:00:00+00:00"),
            (&parser, "Mon, 03 Nov 2025 14:00:00 GMT", "2025-11-03T14:00:00+00:00"),
            (&parser, "Mon, 03 Nov 2025 14:00:00 +0000", "2025-11-03T14:00:00+00:00"),
            (&parser, "Mon, 3 Nov 2025 14:00:00 -0500", "2025-11-03T19:00:00+00:00"),
            (&parser, "03 Nov 2025 14:00:00 +0100", "2025-11-03T13:00:00+00:00"),
            (&parser, "1762178400", "2025-11-03T14:00:00+00:00"),
            (&parser, "1762178400.25", "2025-11-03T14:00:00.250+00:00"),
            (&parser, "100000000", "1973-03-03T09:46:40+00:00"),
            (&parser, "99999999999", "5138-11-16T09:46:39+00:00"),
            // No zone: local time in the parser's zone (Paris is UTC+1 in November, +2 in July).
            (&paris, "2025-11-03T14:00:00", "2025-11-03T13:00:00+00:00"),
            (&paris, "2025-07-03 14:00:00", "2025-07-03T12:00:00+00:00"),
            (&paris, "2025-11-03", "2025-11-02T23:00:00+00:00"),
            (&paris, "2025-11-03T14:00:00Z", "2025-11-03T14:00:00+00:00"),
            // Overlap (clocks go back at 03:00 CEST): the earlier instant.
            (&paris, "2025-10-26T02:30:00", "2025-10-26T00:30:00+00:00"),
            // Gap (02:00 → 03:00 on 30 March): read with the winter offset, i.e. 03:30 CEST.
            (&paris, "2025-03-30T02:30:00", "2025-03-30T01:30:00+00:00"),
            // Explicit formats, then the built-in forms as a fallback.
            (&us, "11/03/2025", "2025-11-03T00:00:00+00:00"),
            (&us, "2025-11-03T14:00:00Z", "2025-11-03T14:00:00+00:00"),
            (&eu_time, "03.11.2025 14:00", "2025-11-03T13:00:00+00:00"),
            (&zoned, "03/11/2025 14:00 +0200", "2025-11-03T12:00:00+00:00"),
        ];
        let mut failures = Vec::new();
        for (parser, raw, expected) in table {
            let got = utc(parser, raw);
            if got != *expected {
                failures.push(format!("{raw:?}: expected {expected}, got {got}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn results_are_expressed_in_the_parser_zone() {
        let tokyo = DateParser::new(None, chrono_tz::Asia::Tokyo).unwrap();
        let dt = tokyo.parse("2025-11-03T20:00:00Z").unwrap();
        assert_eq!(dt.date_naive(), NaiveDate::from_ymd_opt(2025, 11, 4).unwrap());
        assert_eq!(dt.timezone(), chrono_tz::Asia::Tokyo);
    }

    #[test]
    fn rejected_forms_explain_why() {
        let parser = DateParser::new(None, Tz::UTC).unwrap();
        let us = DateParser::new(Some("%m/%d/%Y"), Tz::UTC).unwrap();
        let table: &[(&DateParser, &str, DateError)] = &[
            (&parser, "", DateError::Empty),
            (&parser, "   ", DateError::Empty),
            (&parser, "11/03/2025", DateError::Ambiguous { raw: "11/03/2025".into() }),
            (&parser, "3.11.25", DateError::Ambiguous { raw: "3.11.25".into() }),
            (&parser, "03-11-2025 14:00", DateError::Ambiguous { raw: "03-11-2025 14:00".into() }),
            (&parser, "yesterday", DateError::Unrecognized { raw: "yesterday".into() }),
            (&parser, "2025/11/03", DateError::Unrecognized { raw: "2025/11/03".into() }),
            (&parser, "20251103", DateError::Unrecognized { raw: "20251103".into() }),
            (&parser, "1762178400000", DateError::Unrecognized { raw: "1762178400000".into() }),
            (&parser, "1762178400.", DateError::Unrecognized { raw: "1762178400.".into() }),
            (&parser, "2025-11-03garbage", DateError::Unrecognized { raw: "2025-11-03garbage".into() }),
            (
                &us,
                "13/03/2025",
                DateError::FormatMismatch {
                    raw: "13/03/2025".into(),
                    format: "%m/%d/%Y".into(),
                    reason: "input is out of range".into(),
                },
            ),
            (
                &us,
                "abc",
                DateError::FormatMismatch {
                    raw: "abc".into(),
                    format: "%m/%d/%Y".into(),
                    reason: "input contains invalid characters".into(),
                },
            ),
        ];
        let mut failures = Vec::new();
        for (parser, raw, expected) in table {
            match parser.parse(raw) {
                Err(e) if e == *expected => {}
                other => failures.push(format!("{raw:?}: expected {expected:?}, got {other:?}")),
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn impossible_fields_are_out_of_range() {
        let parser = DateParser::new(None, Tz::UTC).unwrap();
        for raw in [
            "2025-13-01",
            "2025-02-30",
            "2025-11-03T25:00:00Z",
            "2025-11-03T14:61",
            "Mon, 32 Nov 2025 14:00:00 GMT",
            "Tue, 03 Nov 2025 14:00:00 GMT", // 3 November 2025 is a Monday
        ] {
            match parser.parse(raw) {
                Err(DateError::OutOfRange { raw: r, .. }) => assert_eq!(r, raw),
                other => panic!("{raw:?}: expected OutOfRange, got {other:?}"),
            }
        }
        // Years outside 1..=9999 are refused even when a format reads them.
        let explicit = DateParser::new(Some("%d/%m/%Y"), Tz::UTC).unwrap();
        assert_eq!(
            explicit.parse("01/01/0000"),
            Err(DateError::OutOfRange {
                raw: "01/01/0000".into(),
                reason: "year 0 is outside 1 to 9999".into()
            })
        );
    }

    #[test]
    fn error_messages_suggest_the_date_format_flag() {
        let parser = DateParser::new(None, Tz::UTC).unwrap();
        let message = parser.parse("11/03/2025").unwrap_err().to_string();
        assert!(message.contains("--date-format"), "{message}");
        let message = parser.parse("3 Nov").unwrap_err().to_string();
        assert!(message.contains("--date-format"), "{message}");
    }

    #[test]
    fn an_invalid_explicit_format_is_refused_up_front() {
        for format in ["%Q", "", "  ", "%"] {
            assert_eq!(
                DateParser::new(Some(format), Tz::UTC).unwrap_err(),
                DateError::BadFormat { format: format.into() }
            );
        }
    }

    proptest! {
        #[test]
        fn no_string_makes_the_parser_panic(raw in ".{0,40}", digits in "[0-9]{1,14}(\\.[0-9]{0,12})?") {
            let parser = DateParser::new(None, chrono_tz::America::New_York).unwrap();
            let explicit = DateParser::new(Some("%d/%m/%Y %H:%M:%S%.f %z"), Tz::UTC).unwrap();
            let _ = parser.parse(&raw);
            let _ = parser.parse(&digits);
            let _ = explicit.parse(&raw);
        }
    }
}
