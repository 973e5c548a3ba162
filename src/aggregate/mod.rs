//! Tone over time: documents cut into periods (day … year) and groups, with 95% confidence
//! intervals, written as CSV.
//!
//! The flow is `DocTone` records (scored on the fly, or read back from a `tenor score` CSV with
//! [`read_scores`]) → [`Trend::add`] → [`Trend::finish`] → [`TrendReport`], which
//! [`write_trend_csv`] writes.
//!
//! This module does not score text and does not read corpora: it only aggregates scores that
//! somebody else produced.

mod dates;
mod scores;
mod trend;

pub use dates::{DateError, DateParser};
pub use scores::{open_scores, read_scores, ScoreLevel, ScoresError, ScoresReader};
pub use trend::{
    write_trend_csv, Period, Trend, TrendOptions, TrendReport, TrendRow, UnknownChoice,
    UnparseableDate, Weight,
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
