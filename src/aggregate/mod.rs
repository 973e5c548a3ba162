//! Tone over time: documents cut into periods (day … year) and groups, with 95% confidence
//! intervals, written as CSV and drawn as an SVG/HTML chart.
//!
//! The flow is `DocTone` records (scored on the fly, or read back from a `tenor score` CSV with
//! [`read_scores`]) → [`Trend::add`] → [`Trend::finish`] → [`TrendReport`], which
//! [`write_trend_csv`] and [`render_chart`] consume.
//!
//! This module does not score text and does not read corpora: it only aggregates scores that
//! somebody else produced.
//!
//! ```
//! use tenor::aggregate::{write_trend_csv, DocTone, Period, Trend, TrendOptions};
//!
//! let mut trend = Trend::new(TrendOptions { period: Period::Month, ..TrendOptions::default() })?;
//! trend.add(DocTone {
//!     id: "d1".into(),
//!     date: Some("Mon, 03 Nov 2025 14:00:00 GMT".into()),
//!     group: None,
//!     sentences: 2,
//!     stance: 0.5,
//!     sentiment: 0.1,
//!     optimistic: 1,
//!     skeptical: 0,
//!     neutral: 1,
//! });
//! let report = trend.finish();
//! let mut csv = Vec::new();
//! write_trend_csv(&report, &mut csv)?;
//! assert_eq!(
//!     String::from_utf8(csv)?.lines().nth(1),
//!     Some("2025-11,2025-11-01,,1,2,0.5000,,,0.1000,0.5000,0.0000,0.5000,0.5000")
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chart;
mod dates;
mod scores;
mod trend;

pub use chart::{render_chart, render_svg, ChartError};
pub use dates::{DateError, DateParser};
pub use scores::{open_scores, read_scores, ScoreLevel, ScoresError, ScoresReader};
pub use trend::{
    write_trend_csv, Period, Trend, TrendOptions, TrendReport, TrendRow, UnknownChoice, UnparseableDate,
    Weight,
};

/// The tone of one scored document: what [`Trend`] aggregates.
#[derive(Debug, Clone, PartialEq)]
pub struct DocTone {
    /// Document id, used only to report documents whose date cannot be parsed.
    pub id: String,
    /// The date as it appeared in the input; `None` or blank means undated.
    pub date: Option<String>,
    /// The group (e.g. the source); `None` and `Some("")` both mean "no group".
    pub group: Option<String>,
    /// Number of sentences scored.
    pub sentences: u64,
    /// Mean stance over the document's sentences (−1 skeptical … +1 optimistic).
    pub stance: f64,
    /// Mean sentiment over the document's sentences.
    pub sentiment: f64,
    /// Number of sentences labelled optimistic.
    pub optimistic: u64,
    /// Number of sentences labelled skeptical.
    pub skeptical: u64,
    /// Number of sentences labelled neutral.
    pub neutral: u64,
}
