//! Cutting documents into periods and groups, and summarising each cell: mean stance with a 95%
//! Student-t interval, mean sentiment, label shares and net tone.
//!
//! Weighting ([`Weight`]):
//! - `Documents` (default): each document counts once, whatever its length; a cell's mean is
//!   the plain mean of its documents' means (and shares), and the interval is the usual
//!   `mean ± t(0.975, n−1) · s/√n` over those document means.
//! - `Sentences`: each sentence counts once; the mean is `Σ wᵢxᵢ / Σ wᵢ` with `wᵢ` the
//!   document's sentence count (the mean over all sentences, since `xᵢ` is itself a mean over
//!   sentences), shares are pooled label counts. Sentences of one document are not
//!   independent, so the interval treats documents as clusters: the linearised (ratio
//!   estimator) variance `n/(n−1) · Σ wᵢ²(xᵢ − x̄)² / (Σ wᵢ)²`, with `t(0.975, n−1)`. With equal
//!   weights it is exactly the `Documents` interval.
//!
//! Documents with no sentences (or a non-finite score) count in `documents` but not in any
//! mean, share or interval. A cell with fewer than two such scored documents has no interval.
//! Intervals are not clipped to [−1, 1].
//!
//! The time axis is continuous: every group gets a row for every period between the first and
//! the last period seen in any group, with `documents = 0` and empty statistics where nothing
//! was published. Undated documents and unparseable dates are counted in the report, never
//! dropped silently.
//!
//! This module does not parse scores files (see `scores`) or draw (see `chart`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use chrono_tz::Tz;

use super::dates::{DateError, DateParser};
use super::DocTone;

/// The length of the periods documents are cut into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Period {
    /// Calendar day, labelled `2025-11-03`.
    Day,
    /// ISO week starting on Monday, labelled `2025-W45`.
    Week,
    /// Calendar month, labelled `2025-11`.
    #[default]
    Month,
    /// Calendar quarter, labelled `2025-Q4`.
    Quarter,
    /// Calendar year, labelled `2025`.
    Year,
}

impl Period {
    const NAMES: &'static str = "day, week, month, quarter, year";

    /// The first day of the period that contains `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        let first_of_month = |month: u32| {
            NaiveDate::from_ymd_opt(date.year(), month, 1)
                .expect("the 1st of a month of a valid date's year exists")
        };
        match self {
            Period::Day => date,
            Period::Week => date
                .checked_sub_signed(TimeDelta::days(i64::from(date.weekday().num_days_from_monday())))
                .unwrap_or(NaiveDate::MIN),
            Period::Month => first_of_month(date.month()),
            Period::Quarter => first_of_month((date.month() - 1) / 3 * 3 + 1),
            Period::Year => first_of_month(1),
        }
    }

    /// The start of the period after the one starting at `start`; `None` past chrono's range.
    pub fn next_start(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Day => start.checked_add_signed(TimeDelta::days(1)),
            Period::Week => start.checked_add_signed(TimeDelta::days(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
            Period::Quarter => start.checked_add_months(Months::new(3)),
            Period::Year => start.checked_add_months(Months::new(12)),
        }
    }

    /// The label of the period starting at `start`, e.g. `2025-W45` or `2025-Q4`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Day => start.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let week = start.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            Period::Month => start.format("%Y-%m").to_string(),
            Period::Quarter => format!("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
            Period::Year => start.format("%Y").to_string(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        })
    }
}

impl FromStr for Period {
    type Err = UnknownChoice;

    fn from_str(s: &str) -> Result<Period, UnknownChoice> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            "year" => Ok(Period::Year),
            _ => Err(UnknownChoice { what: "period", given: s.to_string(), expected: Period::NAMES }),
        }
    }
}

/// What one unit of evidence is when averaging over a cell. See the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Weight {
    /// Each document weighs once, whatever its length.
    #[default]
    Documents,
    /// Each sentence weighs once.
    Sentences,
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Weight::Documents => "documents",
            Weight::Sentences => "sentences",
        })
    }
}

impl FromStr for Weight {
    type Err = UnknownChoice;

    fn from_str(s: &str) -> Result<Weight, UnknownChoice> {
        match s.to_ascii_lowercase().as_str() {
            "documents" => Ok(Weight::Documents),
            "sentences" => Ok(Weight::Sentences),
            _ => {
                Err(UnknownChoice { what: "weight", given: s.to_string(), expected: "documents, sentences" })
            }
        }
    }
}

/// A period or weight name that is not one of the known ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {given:?}: expected one of {expected}")]
pub struct UnknownChoice {
    what: &'static str,
    given: String,
    expected: &'static str,
}

/// How to cut and weigh; validated once by [`Trend::new`].
#[derive(Debug, Clone)]
pub struct TrendOptions {
    /// The length of the periods (default month).
    pub period: Period,
    /// Dates are converted to this zone before periods are cut (default UTC).
    pub tz: Tz,
    /// A chrono format for dates the built-in forms do not cover (see [`DateParser`]).
    pub date_format: Option<String>,
    /// What weighs once in means and intervals (default documents).
    pub weight: Weight,
    /// Rows with fewer documents than this are flagged [`TrendRow::low_count`].
    pub min_docs: u64,
}

impl Default for TrendOptions {
    fn default() -> TrendOptions {
        TrendOptions {
            period: Period::Month,
            tz: Tz::UTC,
            date_format: None,
            weight: Weight::Documents,
            min_docs: 1,
        }
    }
}

/// A document whose date could not be parsed, kept as an example for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct UnparseableDate {
    pub id: String,
    pub raw: String,
    pub error: DateError,
}

/// One (period, group) cell of the trend. Statistics are `None` when no scored document fell
/// in the cell; `stance_ci` is `None` with fewer than two.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRow {
    pub period: String,
    pub period_start: NaiveDate,
    pub group: String,
    pub documents: u64,
    pub sentences: u64,
    pub mean_stance: Option<f64>,
    /// 95% Student-t interval of the mean stance, `(low, high)`.
    pub stance_ci: Option<(f64, f64)>,
    pub mean_sentiment: Option<f64>,
    pub optimistic_share: Option<f64>,
    pub skeptical_share: Option<f64>,
    pub neutral_share: Option<f64>,
    /// `optimistic_share − skeptical_share`.
    pub net_tone: Option<f64>,
    /// Fewer than `min_docs` documents: the chart greys these out. Not a CSV column.
    pub low_count: bool,
}

/// The result of a [`Trend`]: rows sorted by (period start, group), and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendReport {
    pub period: Period,
    pub weight: Weight,
    pub min_docs: u64,
    /// Every group that has a series, sorted; `[""]` when nothing was grouped.
    pub groups: Vec<String>,
    pub rows: Vec<TrendRow>,
    /// Every document added, dated or not.
    pub documents: u64,
    /// Documents without a date (missing or blank).
    pub undated: u64,
    /// Documents whose date could not be parsed.
    pub unparseable: u64,
    /// The first few unparseable dates (at most [`Trend::MAX_EXAMPLES`]).
    pub unparseable_examples: Vec<UnparseableDate>,
}

/// Accumulates documents into (period, group) cells; see the module docs for the statistics.
#[derive(Debug)]
pub struct Trend {
    parser: DateParser,
    period: Period,
    weight: Weight,
    min_docs: u64,
    cells: BTreeMap<(NaiveDate, String), Cell>,
    documents: u64,
    undated: u64,
    unparseable: u64,
    unparseable_examples: Vec<UnparseableDate>,
}

impl Trend {
    /// How many unparseable dates the report quotes.
    pub const MAX_EXAMPLES: usize = 5;

    /// Fails only if `options.date_format` is not a valid chrono format.
    pub fn new(options: TrendOptions) -> Result<Trend, DateError> {
        Ok(Trend {
            parser: DateParser::new(options.date_format.as_deref(), options.tz)?,
            period: options.period,
            weight: options.weight,
            min_docs: options.min_docs,
            cells: BTreeMap::new(),
            documents: 0,
            undated: 0,
            unparseable: 0,
            unparseable_examples: Vec::new(),
        })
    }

    /// Places one document in its (period, group) cell; an undated document or one whose date
    /// does not parse is counted in the report instead.
    pub fn add(&mut self, mut doc: DocTone) {
        self.documents += 1;
        let raw = match doc.date.as_deref().map(str::trim) {
            None | Some("") => {
                self.undated += 1;
                return;
            }
            Some(raw) => raw,
        };
        let date = match self.parser.parse(raw) {
            Ok(instant) => instant.date_naive(),
            Err(error) => {
                self.unparseable += 1;
                if self.unparseable_examples.len() < Trend::MAX_EXAMPLES {
                    self.unparseable_examples.push(UnparseableDate {
                        id: doc.id,
                        raw: raw.to_string(),
                        error,
                    });
                }
                return;
            }
        };
        let group = doc.group.take().unwrap_or_default();
        let cell = self.cells.entry((self.period.start_of(date), group));
        cell.or_default().add(&doc, self.weight);
    }

    /// The rows of every group over every period from the first to the last one seen.
    pub fn finish(self) -> TrendReport {
        let groups: BTreeSet<&str> = self.cells.keys().map(|(_, g)| g.as_str()).collect();
        let mut rows = Vec::new();
        let first = self.cells.keys().map(|(start, _)| *start).min();
        let last = self.cells.keys().map(|(start, _)| *start).max();
        if let (Some(first), Some(last)) = (first, last) {
            let empty = Cell::default();
            let mut start = Some(first);
            while let Some(period_start) = start.filter(|s| *s <= last) {
                let period = self.period.label(period_start);
                for group in &groups {
                    let cell = self.cells.get(&(period_start, (*group).to_string())).unwrap_or(&empty);
                    rows.push(cell.row(&period, period_start, group, self.min_docs));
                }
                start = self.period.next_start(period_start);
            }
        }
        let groups = if groups.is_empty() {
            vec![String::new()]
        } else {
            groups.into_iter().map(str::to_string).collect()
        };
        TrendReport {
            period: self.period,
            weight: self.weight,
            min_docs: self.min_docs,
            groups,
            rows,
            documents: self.documents,
            undated: self.undated,
            unparseable: self.unparseable,
            unparseable_examples: self.unparseable_examples,
        }
    }
}

/// Running weighted sums for one cell. Stance enters as `d = x − shift`, `shift` being the
/// cell's first stance, so the variance is not lost to cancellation when stances are close.
#[derive(Debug, Default, Clone)]
struct Cell {
    documents: u64,
    sentences: u64,
    scored: u64,
    shift: f64,
    sum_w: f64,
    sum_w2: f64,
    sum_wd: f64,
    sum_w2d: f64,
    sum_w2d2: f64,
    sum_w_sentiment: f64,
    sum_w_optimistic: f64,
    sum_w_skeptical: f64,
    sum_w_neutral: f64,
}

impl Cell {
    fn add(&mut self, doc: &DocTone, weight: Weight) {
        self.documents += 1;
        self.sentences += doc.sentences;
        if doc.sentences == 0 || !doc.stance.is_finite() || !doc.sentiment.is_finite() {
            return;
        }
        if self.scored == 0 {
            self.shift = doc.stance;
        }
        self.scored += 1;
        let n = doc.sentences as f64;
        let w = match weight {
            Weight::Documents => 1.0,
            Weight::Sentences => n,
        };
        let d = doc.stance - self.shift;
        self.sum_w += w;
        self.sum_w2 += w * w;
        self.sum_wd += w * d;
        self.sum_w2d += w * w * d;
        self.sum_w2d2 += w * w * d * d;
        self.sum_w_sentiment += w * doc.sentiment;
        self.sum_w_optimistic += w * doc.optimistic as f64 / n;
        self.sum_w_skeptical += w * doc.skeptical as f64 / n;
        self.sum_w_neutral += w * doc.neutral as f64 / n;
    }

    fn row(&self, period: &str, period_start: NaiveDate, group: &str, min_docs: u64) -> TrendRow {
        let mut row = TrendRow {
            period: period.to_string(),
            period_start,
            group: group.to_string(),
            documents: self.documents,
            sentences: self.sentences,
            mean_stance: None,
            stance_ci: None,
            mean_sentiment: None,
            optimistic_share: None,
            skeptical_share: None,
            neutral_share: None,
            net_tone: None,
            low_count: self.documents < min_docs,
        };
        if self.scored == 0 {
            return row;
        }
        let mean_d = self.sum_wd / self.sum_w;
        let mean = self.shift + mean_d;
        row.mean_stance = Some(mean);
        if self.scored >= 2 {
            let n = self.scored as f64;
            // Σ wᵢ²(dᵢ − d̄)², expanded; clamped because rounding can take it just below 0.
            let spread =
                (self.sum_w2d2 - 2.0 * mean_d * self.sum_w2d + mean_d * mean_d * self.sum_w2).max(0.0);
            let variance = n / (n - 1.0) * spread / (self.sum_w * self.sum_w);
            let half = t_quantile_975(self.scored - 1) * variance.sqrt();
            row.stance_ci = Some((mean - half, mean + half));
        }
        let optimistic = self.sum_w_optimistic / self.sum_w;
        let skeptical = self.sum_w_skeptical / self.sum_w;
        row.mean_sentiment = Some(self.sum_w_sentiment / self.sum_w);
        row.optimistic_share = Some(optimistic);
        row.skeptical_share = Some(skeptical);
        row.neutral_share = Some(self.sum_w_neutral / self.sum_w);
        row.net_tone = Some(optimistic - skeptical);
        row
    }
}

/// The 0.975 quantile of Student's t with `df` ≥ 1 degrees of freedom, accurate to ~1e-12.
///
/// Up to 300 df it inverts the exact finite series for `P(|T| ≤ t)` (Abramowitz & Stegun
/// 26.7.3–4) by bisection on `θ = atan(t/√df)`; beyond, the Cornish-Fisher expansion
/// (A&S 26.7.5), whose first omitted term is below 1e-12 there.
fn t_quantile_975(df: u64) -> f64 {
    /// Φ⁻¹(0.975).
    const Z: f64 = 1.959_963_984_540_054;
    const SERIES_MAX_DF: u64 = 300;
    if df > SERIES_MAX_DF {
        let v = df as f64;
        let z2 = Z * Z;
        let g1 = Z * (z2 + 1.0) / 4.0;
        let g2 = Z * ((5.0 * z2 + 16.0) * z2 + 3.0) / 96.0;
        let g3 = Z * (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) / 384.0;
        let g4 = Z * ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) / 92160.0;
        return Z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
    let (mut low, mut high) = (0.0_f64, std::f64::consts::FRAC_PI_2);
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if mid <= low || mid >= high {
            break;
        }
        if t_central_probability(mid, df) < 0.95 {
            low = mid;
        } else {
            high = mid;
        }
    }
    (df as f64).sqrt() * (0.5 * (low + high)).tan()
}

/// `P(|T| ≤ √df · tan θ)` for Student's t with `df` degrees of freedom (A&S 26.7.3–4).
fn t_central_probability(theta: f64, df: u64) -> f64 {
    let (sin, cos) = theta.sin_cos();
    let c2 = cos * cos;
    let mut term = 1.0;
    let mut sum = 1.0;
    if df % 2 == 1 {
        for k in 1..=(df.saturating_sub(3) / 2) {
            term *= c2 * (2 * k) as f64 / (2 * k + 1) as f64;
            sum += term;
        }
        let tail = if df == 1 { 0.0 } else { sin * cos * sum };
        std::f64::consts::FRAC_2_PI * (theta + tail)
    } else {
        for k in 1..=((df - 2) / 2) {
            term *= c2 * (2 * k - 1) as f64 / (2 * k) as f64;
            sum += term;
        }
        sin * sum
    }
}

/// The CSV columns written by [`write_trend_csv`].
const TREND_HEADER: [&str; 13] = [
    "period",
    "period_start",
    "group",
    "documents",
    "sentences",
    "mean_stance",
    "stance_ci_low",
    "stance_ci_high",
    "mean_sentiment",
    "optimistic_share",
    "skeptical_share",
    "neutral_share",
    "net_tone",
];

/// Writes the report's rows as CSV: numbers with 4 decimals, missing values as empty cells.
pub fn write_trend_csv<W: io::Write>(report: &TrendReport, out: W) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(TREND_HEADER)?;
    for row in &report.rows {
        csv.write_record([
            row.period.clone(),
            row.period_start.format("%Y-%m-%d").to_string(),
            row.group.clone(),
            row.documents.to_string(),
            row.sentences.to_string(),
            decimal4(row.mean_stance),
            decimal4(row.stance_ci.map(|(low, _)| low)),
            decimal4(row.stance_ci.map(|(_, high)| high)),
            decimal4(row.mean_sentiment),
            decimal4(row.optimistic_share),
            decimal4(row.skeptical_share),
            decimal4(row.neutral_share),
            decimal4(row.net_tone),
        ])?;
    }
    csv.flush()
}

/// `Some(0.23333)` → `0.2333`, `None` → empty; never `-0.0000`.
fn decimal4(value: Option<f64>) -> String {
    match value {
        None => String::new(),
        Some(v) => {
            let text = format!("{v:.4}");
            if text == "-0.0000" {
                "0.0000".to_string()
            } else {
                text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(
        id: &str,
        date: Option<&str>,
        group: &str,
        counts: [u64; 3],
        stance: f64,
        sentiment: f64,
    ) -> DocTone {
        DocTone {
            id: id.to_string(),
            date: date.map(str::to_string),
            group: Some(group.to_string()),
            sentences: counts.iter().sum(),
            stance,
            sentiment,
            optimistic: counts[0],
            skeptical: counts[1],
            neutral: counts[2],
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Three months (February empty), two groups, one undated pair, two bad dates.
    /// Counts are [optimistic, skeptical, neutral].
    fn fixture() -> Vec<DocTone> {
        vec![
            doc("a1", Some("2025-01-05"), "a", [2, 1, 1], 0.5, 0.2),
            doc("a2", Some("2025-01-20T10:00:00Z"), "a", [0, 1, 1], -0.1, 0.0),
            // 00:30 on 1 February at +01:00 is 23:30 UTC on 31 January: January.
            doc("a3", Some("Sat, 01 Feb 2025 00:30:00 +0100"), "a", [2, 0, 2], 0.3, 0.4),
            doc("b1", Some("2025-01-10"), "b", [0, 0, 0], 0.0, 0.0),
            doc("b2", Some("1736500000"), "b", [2, 1, 2], 0.2, 0.1), // 2025-01-10 09:06:40 UTC
            doc("a4", Some("2025-03-03"), "a", [0, 1, 0], -0.4, -0.3),
            doc("a5", Some("2025-03-15 12:00:00"), "a", [1, 0, 2], 0.2, 0.1),
            // 23:00 at +02:00 is 21:00 UTC, still 31 March.
            doc("b3", Some("2025-03-31T23:00:00+02:00"), "b", [2, 0, 0], 0.6, 0.5),
            doc("u1", None, "a", [1, 0, 0], 0.9, 0.9),
            doc("u2", Some("  "), "b", [1, 0, 0], 0.9, 0.9),
            doc("x1", Some("03/11/2025"), "a", [1, 0, 0], 0.9, 0.9),
            doc("x2", Some("not a date"), "b", [1, 0, 0], 0.9, 0.9),
        ]
    }

    fn run(docs: Vec<DocTone>, options: TrendOptions) -> TrendReport {
        let mut trend = Trend::new(options).unwrap();
        for d in docs {
            trend.add(d);
        }
        trend.finish()
    }

    fn csv_of(report: &TrendReport) -> String {
        let mut out = Vec::new();
        write_trend_csv(report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hand_computed_fixture_weighted_by_documents() {
        // January, group a: a1, a2, a3, stances 0.5, −0.1, 0.3.
        //   mean = 0.7/3 = 0.233333
        //   deviations 0.266667, −0.333333, 0.066667; squares sum 0.186667; s² = 0.093333
        //   se = √(0.093333/3) = 0.176383; t(0.975, 2) = 4.302653; half = 0.758917
        //   CI = [−0.525583, 0.992250]
        //   sentiment (0.2 + 0.0 + 0.4)/3 = 0.2
        //   optimistic (2/4 + 0/2 + 2/4)/3 = 0.333333; skeptical (1/4 + 1/2 + 0/4)/3 = 0.25
        //   neutral (1/4 + 1/2 + 2/4)/3 = 0.416667; net 0.333333 − 0.25 = 0.083333
        // January, group b: b1 has no sentences (counts as a document, not in means), b2 alone:
        //   mean 0.2, no CI (n = 1), shares 2/5, 1/5, 2/5, net 0.2; 2 documents ≥ min_docs 2.
        // February: nothing in either group, rows present and empty, low count.
        // March, group a: a4 −0.4, a5 0.2: mean −0.1; deviations ±0.3, s² = 0.18/1;
        //   se = √(0.18/2) = 0.3; t(0.975, 1) = 12.706205; half = 3.811861;
        //   CI = [−3.911861, 3.711861] (not clipped); sentiment (−0.3 + 0.1)/2 = −0.1;
        //   optimistic (0 + 1/3)/2 = 0.166667; skeptical (1 + 0)/2 = 0.5;
        //   neutral (0 + 2/3)/2 = 0.333333; net −0.333333.
        // March, group b: b3 alone: mean 0.6, shares 1, 0, 0, net 1; 1 document < 2: low count.
        let report = run(fixture(), TrendOptions { min_docs: 2, ..TrendOptions::default() });
        let expected = "\
period,period_start,group,documents,sentences,mean_stance,stance_ci_low,stance_ci_high,mean_sentiment,optimistic_share,skeptical_share,neutral_share,net_tone
2025-01,2025-01-01,a,3,10,0.2333,-0.5256,0.9922,0.2000,0.3333,0.2500,0.4167,0.0833
2025-01,2025-01-01,b,2,5,0.2000,,,0.1000,0.4000,0.2000,0.4000,0.2000
2025-02,2025-02-01,a,0,0,,,,,,,,
2025-02,2025-02-01,b,0,0,,,,,,,,
2025-03,2025-03-01,a,2,4,-0.1000,-3.9119,3.7119,-0.1000,0.1667,0.5000,0.3333,-0.3333
2025-03,2025-03-01,b,1,2,0.6000,,,0.5000,1.0000,0.0000,0.0000,1.0000
";
        let got = csv_of(&report);
        assert_eq!(got, expected, "\n--- got ---\n{got}--- expected ---\n{expected}");

        let (low, high) = report.rows[0].stance_ci.unwrap();
        assert!((low - -0.525_583_273_386_019).abs() < 1e-9, "{low}");
        assert!((high - 0.992_249_940_052_685_5).abs() < 1e-9, "{high}");
        let low_count: Vec<bool> = report.rows.iter().map(|r| r.low_count).collect();
        assert_eq!(low_count, [false, false, true, true, false, true]);
        assert_eq!(report.groups, ["a", "b"]);
        assert_eq!(report.documents, 12);
        assert_eq!(report.undated, 2);
        assert_eq!(report.unparseable, 2);
        let examples: Vec<(&str, &str)> =
            report.unparseable_examples.iter().map(|e| (e.id.as_str(), e.raw.as_str())).collect();
        assert_eq!(examples, [("x1", "03/11/2025"), ("x2", "not a date")]);
        assert!(matches!(report.unparseable_examples[0].error, DateError::Ambiguous { .. }));
        assert!(matches!(report.unparseable_examples[1].error, DateError::Unrecognized { .. }));
    }

    #[test]
    fn hand_computed_fixture_weighted_by_sentences() {
        // January, group a: weights (sentences) 4, 2, 4; stances 0.5, −0.1, 0.3.
        //   mean = (2.0 − 0.2 + 1.2)/10 = 0.3
        //   Σ w²(x − x̄)² = 16·0.04 + 4·0.16 + 16·0 = 1.28; /(Σw)² = 0.0128; ·n/(n−1) = 0.0192
        //   se = 0.138564; half = 4.302653 · 0.138564 = 0.596193; CI = [−0.296193, 0.896193]
        //   sentiment (0.8 + 0 + 1.6)/10 = 0.24; shares pooled: 4/10, 2/10, 4/10; net 0.2
        // March, group a: weights 1, 3; stances −0.4, 0.2: mean (−0.4 + 0.6)/4 = 0.05
        //   Σ w²(x − x̄)² = 1·0.2025 + 9·0.0225 = 0.405; /16 = 0.0253125; ·2 = 0.050625
        //   se = 0.225; half = 12.706205 · 0.225 = 2.858896; CI = [−2.808896, 2.908896]
        //   sentiment (−0.3 + 0.3)/4 = 0; shares 1/4, 1/4, 2/4; net 0
        // Single-document cells are the same under both weights.
        let report = run(
            fixture(),
            TrendOptions { weight: Weight::Sentences, min_docs: 2, ..TrendOptions::default() },
        );
        let expected = "\
period,period_start,group,documents,sentences,mean_stance,stance_ci_low,stance_ci_high,mean_sentiment,optimistic_share,skeptical_share,neutral_share,net_tone
2025-01,2025-01-01,a,3,10,0.3000,-0.2962,0.8962,0.2400,0.4000,0.2000,0.4000,0.2000
2025-01,2025-01-01,b,2,5,0.2000,,,0.1000,0.4000,0.2000,0.4000,0.2000
2025-02,2025-02-01,a,0,0,,,,,,,,
2025-02,2025-02-01,b,0,0,,,,,,,,
2025-03,2025-03-01,a,2,4,0.0500,-2.8089,2.9089,0.0000,0.2500,0.2500,0.5000,0.0000
2025-03,2025-03-01,b,1,2,0.6000,,,0.5000,1.0000,0.0000,0.0000,1.0000
";
        let got = csv_of(&report);
        assert_eq!(got, expected, "\n--- got ---\n{got}--- expected ---\n{expected}");
    }

    #[test]
    fn t_quantiles_match_published_values() {
        // Reference values computed to 20 digits with mpmath (inverse regularised beta).
        let reference = [
            (1, 12.706_204_736_174_705),
            (2, 4.302_652_729_749_464),
            (3, 3.182_446_305_283_71),
            (4, 2.776_445_105_197_794),
            (5, 2.570_581_835_636_315_5),
            (10, 2.228_138_851_986_275),
            (30, 2.042_272_456_301_238),
            (100, 1.983_971_518_523_552_3),
            (299, 1.967_929_669_065_67),
            (300, 1.967_903_011_261_087),
            (301, 1.967_876_531_285_695_4),
            (1000, 1.962_339_080_826_408_5),
            (100_000, 1.959_987_707_534_609_6),
        ];
        for (df, expected) in reference {
            let got = t_quantile_975(df);
            assert!((got - expected).abs() < 1e-10, "df {df}: got {got}, expected {expected}");
        }
        // The textbook three-decimal table.
        for (df, table) in [(1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042)] {
            assert_eq!(format!("{:.3}", t_quantile_975(df)), format!("{table:.3}"));
        }
    }

    #[test]
    fn weeks_are_iso_weeks_labelled_by_their_monday() {
        let week = Period::Week;
        assert_eq!(week.start_of(ymd(2025, 11, 9)), ymd(2025, 11, 3)); // a Sunday
        assert_eq!(week.start_of(ymd(2025, 11, 3)), ymd(2025, 11, 3));
        assert_eq!(week.label(ymd(2025, 11, 3)), "2025-W45");
        // 1 January 2025 is a Wednesday in week 1 of ISO year 2025, which starts in 2024.
        assert_eq!(week.start_of(ymd(2025, 1, 1)), ymd(2024, 12, 30));
        assert_eq!(week.label(ymd(2024, 12, 30)), "2025-W01");
        // 1 January 2021 is a Friday in week 53 of ISO year 2020.
        assert_eq!(week.label(week.start_of(ymd(2021, 1, 1))), "2020-W53");
        assert_eq!(week.next_start(ymd(2024, 12, 30)), Some(ymd(2025, 1, 6)));
    }

    #[test]
    fn periods_have_their_labels_and_starts() {
        let date = ymd(2025, 11, 19);
        let table = [
            (Period::Day, "2025-11-19", ymd(2025, 11, 19), ymd(2025, 11, 20)),
            (Period::Week, "2025-W47", ymd(2025, 11, 17), ymd(2025, 11, 24)),
            (Period::Month, "2025-11", ymd(2025, 11, 1), ymd(2025, 12, 1)),
            (Period::Quarter, "2025-Q4", ymd(2025, 10, 1), ymd(2026, 1, 1)),
            (Period::Year, "2025", ymd(2025, 1, 1), ymd(2026, 1, 1)),
        ];
        for (period, label, start, next) in table {
            assert_eq!(period.start_of(date), start, "{period}");
            assert_eq!(period.label(start), label, "{period}");
            assert_eq!(period.next_start(start), Some(next), "{period}");
            assert_eq!(period.to_string().parse::<Period>(), Ok(period));
        }
        assert_eq!(Period::Quarter.label(ymd(2025, 3, 31)), "2025-Q1");
        assert_eq!(Period::Day.next_start(NaiveDate::MAX), None);
    }

    #[test]
    fn unknown_period_and_weight_names_list_the_choices() {
        assert_eq!("Week".parse::<Period>(), Ok(Period::Week));
        assert_eq!("sentences".parse::<Weight>(), Ok(Weight::Sentences));
        let message = "fortnight".parse::<Period>().unwrap_err().to_string();
        assert_eq!(message, "unknown period \"fortnight\": expected one of day, week, month, quarter, year");
        let message = "words".parse::<Weight>().unwrap_err().to_string();
        assert_eq!(message, "unknown weight \"words\": expected one of documents, sentences");
    }

    #[test]
    fn dates_are_cut_in_the_requested_zone() {
        // 23:30 UTC on 31 January is already 1 February in Berlin.
        let docs = vec![doc("a", Some("2025-01-31T23:30:00Z"), "", [1, 0, 0], 0.5, 0.5)];
        let utc = run(docs.clone(), TrendOptions::default());
        let berlin = run(docs, TrendOptions { tz: chrono_tz::Europe::Berlin, ..TrendOptions::default() });
        assert_eq!(utc.rows[0].period, "2025-01");
        assert_eq!(berlin.rows[0].period, "2025-02");
    }

    #[test]
    fn ungrouped_documents_form_one_series_with_an_empty_group() {
        let mut d = doc("a", Some("2025-01-01"), "", [1, 0, 0], 0.5, 0.5);
        d.group = None;
        let report = run(vec![d], TrendOptions::default());
        assert_eq!(report.groups, [""]);
        assert_eq!(report.rows.len(), 1);
        assert_eq!(report.rows[0].group, "");
    }

    #[test]
    fn nothing_dated_gives_no_rows_but_counts() {
        let report = run(
            vec![doc("a", None, "x", [1, 0, 0], 0.5, 0.5), doc("b", Some("soon"), "x", [1, 0, 0], 0.5, 0.5)],
            TrendOptions::default(),
        );
        assert!(report.rows.is_empty());
        assert_eq!(report.groups, [""]);
        assert_eq!((report.documents, report.undated, report.unparseable), (2, 1, 1));
    }

    #[test]
    fn only_five_unparseable_dates_are_quoted() {
        let docs = (0..8).map(|i| doc(&format!("d{i}"), Some("31/31/31"), "", [1, 0, 0], 0.0, 0.0));
        let report = run(docs.collect(), TrendOptions::default());
        assert_eq!(report.unparseable, 8);
        assert_eq!(report.unparseable_examples.len(), Trend::MAX_EXAMPLES);
    }

    #[test]
    fn an_invalid_date_format_is_refused_before_any_document() {
        let options = TrendOptions { date_format: Some("%Q".to_string()), ..TrendOptions::default() };
        assert!(matches!(Trend::new(options), Err(DateError::BadFormat { .. })));
    }

    #[test]
    fn identical_stances_give_a_zero_width_interval() {
        let docs = (0..4).map(|i| doc(&i.to_string(), Some("2025-01-01"), "", [1, 0, 0], 0.1 + 1e-12, 0.0));
        let row = &run(docs.collect(), TrendOptions::default()).rows[0];
        let (low, high) = row.stance_ci.unwrap();
        assert!((high - low).abs() < 1e-12 && (low - 0.1).abs() < 1e-9, "{low} {high}");
    }

    #[test]
    fn negative_zero_is_written_as_zero() {
        assert_eq!(decimal4(Some(-0.00001)), "0.0000");
        assert_eq!(decimal4(Some(-0.00005)), "-0.0001");
        assert_eq!(decimal4(None), "");
    }

    proptest! {
        #[test]
        fn every_dated_document_lands_in_exactly_one_row_on_a_continuous_axis(
            docs in prop::collection::vec(
                (0u32..120, 0usize..3, 0u64..6, 0u64..6, 0u64..6, -1.0f64..1.0, -1.0f64..1.0),
                0..40,
            ),
            period in prop::sample::select(vec![Period::Day, Period::Week, Period::Month, Period::Quarter, Period::Year]),
            by_sentences in any::<bool>(),
        ) {
            let groups = ["", "left", "right"];
            let docs: Vec<DocTone> = docs
                .into_iter()
                .enumerate()
                .map(|(i, (day, g, o, s, n, stance, sentiment))| {
                    let date = ymd(2024, 12, 1) + TimeDelta::days(i64::from(day) * 3);
                    doc(&i.to_string(), Some(&date.to_string()), groups[g], [o, s, n], stance, sentiment)
                })
                .collect();
            let total = docs.len() as u64;
            let weight = if by_sentences { Weight::Sentences } else { Weight::Documents };
            let report = run(docs, TrendOptions { period, weight, ..TrendOptions::default() });
            prop_assert_eq!(report.rows.iter().map(|r| r.documents).sum::<u64>(), total);
            let per_group = report.rows.len() / report.groups.len();
            prop_assert_eq!(per_group * report.groups.len(), report.rows.len());
            for (i, row) in report.rows.iter().enumerate() {
                prop_assert_eq!(&row.group, &report.groups[i % report.groups.len()]);
                if i >= report.groups.len() {
                    let previous = &report.rows[i - report.groups.len()];
                    prop_assert_eq!(period.next_start(previous.period_start), Some(row.period_start));
                }
                if let (Some(mean), Some((low, high))) = (row.mean_stance, row.stance_ci) {
                    prop_assert!(low <= mean + 1e-12 && mean <= high + 1e-12);
                    prop_assert!((-1.0 - 1e-12..=1.0 + 1e-12).contains(&mean));
                }
                if let Some(o) = row.optimistic_share {
                    let total = o + row.skeptical_share.unwrap() + row.neutral_share.unwrap();
                    prop_assert!((total - 1.0).abs() < 1e-9);
                }
            }
        }
    }
}
