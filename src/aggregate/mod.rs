//! Tone over time: documents cut into periods (day … year) and groups.
//!
//! This module does not score text and does not read corpora: it only aggregates scores that
//! somebody else produced.

mod dates;

pub use dates::{DateError, DateParser};

/// The tone of one scored document: what the trend aggregates.
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
