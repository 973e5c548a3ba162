//! tenor: sentence-level sentiment and stance (optimism vs skepticism) scoring for news text.

pub mod aggregate;
