//! `tenor eval`: how well tenor agrees with a sample someone has coded by hand.
//!
//! So far only the [`metrics`]; reading the coded file comes next.

pub mod metrics;
