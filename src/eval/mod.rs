//! `tenor eval`: how well tenor agrees with a sample someone has coded by hand.
//!
//! [`evaluate`] streams a CSV or TSV file with a header row (tab-separated when its name ends in
//! `.tsv`), scores each row's text as one document, and compares the document summary on one
//! [`Dimension`] with the row's gold value. Gold is either a class label, giving accuracy,
//! per-class precision, recall and F1, macro-F1 and a confusion matrix ([`metrics`]), or a number,
//! giving Pearson and Spearman correlation. The [`EvalReport`] prints as a plain-text report
//! ([`report`]) and keeps the worst misses with the cues behind their scores.
//!
//! A bad row (unknown label, rating that is not a number, missing cell) stops the evaluation with
//! its file and line instead of being skipped: metrics over a silently shrunk sample would look
//! trustworthy and not be, and a bad gold value is usually a coding scheme that needs mapping.
//!
//! This module measures; it does not tune weights or thresholds, and it scores rows one at a
//! time (coded samples are small), not through the parallel pipeline.

pub mod metrics;
pub mod report;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::score::explain::cues_to_string;
use crate::score::{DocumentScore, DocumentSummary, Label, ScoreOptions, Scorer, Scratch};
use metrics::{pearson, spearman, z_scores, ConfusionMatrix};

/// Which score is compared with gold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Mean sentence stance, labelled by the scorer's thresholds.
    Stance,
    /// Mean sentence sentiment, labelled by the same thresholds as stance.
    Sentiment,
    /// Number of hedges in the text; the text is `uncertain` when there is at least one.
    Hedges,
}

/// Gold labels accepted for stance and sentiment (any case), with their class index.
const POLAR_LABELS: &[(&str, usize)] = &[
    ("optimistic", 0),
    ("positive", 0),
    ("pos", 0),
    ("1", 0),
    ("+1", 0),
    ("neutral", 1),
    ("neu", 1),
    ("0", 1),
    ("skeptical", 2),
    ("sceptical", 2),
    ("negative", 2),
    ("neg", 2),
    ("-1", 2),
];

/// Gold labels accepted for hedges (any case), with their class index; 1 marks uncertainty as
/// in the CoNLL-2010 hedge data.
const HEDGE_LABELS: &[(&str, usize)] = &[("certain", 0), ("0", 0), ("uncertain", 1), ("1", 1)];

impl Dimension {
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Stance => "stance",
            Dimension::Sentiment => "sentiment",
            Dimension::Hedges => "hedges",
        }
    }

    /// The names of the classes of labelled gold, in report order; a class is an index into
    /// this list (as in [`ConfusionMatrix`]).
    pub fn classes(self) -> &'static [&'static str] {
        match self {
            Dimension::Stance => &["optimistic", "neutral", "skeptical"],
            Dimension::Sentiment => &["positive", "neutral", "negative"],
            Dimension::Hedges => &["certain", "uncertain"],
        }
    }

    fn labels(self) -> &'static [(&'static str, usize)] {
        match self {
            Dimension::Stance | Dimension::Sentiment => POLAR_LABELS,
            Dimension::Hedges => HEDGE_LABELS,
        }
    }

    /// The class of a gold label, ignoring case and surrounding spaces.
    pub fn parse_label(self, value: &str) -> Option<usize> {
        let value = value.trim();
        self.labels().iter().find(|(name, _)| name.eq_ignore_ascii_case(value)).map(|&(_, class)| class)
    }

    /// The gold labels accepted, for error messages.
    fn accepted_labels(self) -> String {
        let names: Vec<&str> = self.labels().iter().map(|&(name, _)| name).collect();
        names.join(", ")
    }

    /// This dimension's score of a document.
    pub fn score(self, summary: &DocumentSummary) -> f64 {
        match self {
            Dimension::Stance => summary.stance,
            Dimension::Sentiment => summary.sentiment,
            Dimension::Hedges => summary.hedges as f64,
        }
    }

    /// The class predicted for a score.
    fn predict(self, scorer: &Scorer, score: f64) -> usize {
        match self {
            Dimension::Stance | Dimension::Sentiment => match scorer.label(score) {
                Label::Optimistic => 0,
                Label::Neutral => 1,
                Label::Skeptical => 2,
            },
            Dimension::Hedges => usize::from(score >= 1.0),
        }
    }

    /// How far `score` lies outside the range of scores predicted as `class` (0 inside it).
    fn distance_from(self, class: usize, score: f64, options: &ScoreOptions) -> f64 {
        let (low, high) = match (self, class) {
            (Dimension::Hedges, 0) => (0.0, 0.0),
            (Dimension::Hedges, _) => (1.0, f64::INFINITY),
            (_, 0) => (options.optimistic_threshold, f64::INFINITY),
            (_, 1) => (options.skeptical_threshold, options.optimistic_threshold),
            (_, _) => (f64::NEG_INFINITY, options.skeptical_threshold),
        };
        (low - score).max(score - high).max(0.0)
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A dimension name that is not stance, sentiment or hedges.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown dimension {0:?}: expected stance, sentiment or hedges")]
pub struct UnknownDimension(pub String);

impl FromStr for Dimension {
    type Err = UnknownDimension;

    fn from_str(s: &str) -> Result<Dimension, UnknownDimension> {
        [Dimension::Stance, Dimension::Sentiment, Dimension::Hedges]
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownDimension(s.to_owned()))
    }
}

/// What to evaluate: which columns, which score, how many misses to list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalOptions {
    /// The column holding the text to score.
    pub text_col: String,
    /// The column holding gold class labels; give this or `rating_col`, not both.
    pub label_col: Option<String>,
    /// The column holding numeric gold ratings; give this or `label_col`, not both.
    pub rating_col: Option<String>,
    pub dimension: Dimension,
    /// How many of the worst misses to list (0 for none).
    pub errors: usize,
}

/// Why an evaluation could not run. Messages name the file and, for a row, its line.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("give exactly one gold column: a label column or a rating column")]
    GoldColumn,
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: csv::Error },
    #[error("{}: no column {column:?}; the header has: {}", path.display(), present.join(", "))]
    MissingColumn { path: PathBuf, column: String, present: Vec<String> },
    #[error("{}:{line}: the row has no {column:?} column", path.display())]
    MissingCell { path: PathBuf, line: u64, column: String },
    #[error(
        "{}:{line}: unknown {dimension} label {value:?}; expected one of {}",
        path.display(),
        dimension.accepted_labels()
    )]
    UnknownLabel { path: PathBuf, line: u64, dimension: Dimension, value: String },
    #[error("{}:{line}: rating {value:?} is not a number", path.display())]
    BadRating { path: PathBuf, line: u64, value: String },
    #[error("{}: no rows to evaluate", path.display())]
    Empty { path: PathBuf },
}

/// The outcome of an evaluation; prints as the plain-text report (see [`report`]).
#[derive(Clone, Debug, PartialEq)]
pub struct EvalReport {
    pub path: PathBuf,
    pub dimension: Dimension,
    /// The gold column read.
    pub gold_col: String,
    /// Rows evaluated.
    pub n: usize,
    pub metrics: Metrics,
    /// The worst misses, worst first; at most [`EvalOptions::errors`] of them.
    pub misses: Vec<Miss>,
}

/// Agreement with gold.
#[derive(Clone, Debug, PartialEq)]
pub enum Metrics {
    /// Gold labels: every metric derives from the matrix, whose classes are
    /// [`Dimension::classes`].
    Labels(ConfusionMatrix),
    /// Gold ratings; a correlation is `None` when undefined (fewer than two rows, or constant
    /// scores or ratings).
    Ratings { pearson: Option<f64>, spearman: Option<f64> },
}

/// One of the rows tenor got most wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    /// Line of the row in the file (1-based, the header is line 1).
    pub line: u64,
    pub outcome: Outcome,
    /// The document's score on the evaluated dimension.
    pub score: f64,
    /// How wrong, in the order misses are ranked: for labels, how far the score lies outside
    /// the range of scores that would have been labelled with the gold class (the distance to
    /// the nearest threshold on the correct side; hedges count as a score); for ratings,
    /// |z(score) − z(gold)|, both standardised over the whole file.
    pub distance: f64,
    pub text: String,
    /// The cues behind the score, as [`cues_to_string`] writes them ("" when there are none).
    pub cues: String,
}

/// Gold against prediction for one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A misclassified labelled row.
    Label { gold: &'static str, predicted: &'static str },
    /// A rated row.
    Rating { gold: f64 },
}

/// Scores every row of `path` with `scorer` and compares it with its gold value.
///
/// The delimiter is a tab when the file name ends in `.tsv`, a comma otherwise; the first row
/// names the columns (matched ignoring case and surrounding spaces). Rows may have differing
/// lengths as long as the text and gold cells are present. When misses are asked for, the
/// texts of the candidates are held until the end (every misclassified row for labels, every
/// row for ratings, whose ranking needs the whole file's means); otherwise memory stays flat.
pub fn evaluate(scorer: &Scorer, path: &Path, opts: &EvalOptions) -> Result<EvalReport, EvalError> {
    match (&opts.label_col, &opts.rating_col) {
        (Some(col), None) => evaluate_labels(scorer, path, col, opts),
        (None, Some(col)) => evaluate_ratings(scorer, path, col, opts),
        _ => Err(EvalError::GoldColumn),
    }
}

fn evaluate_labels(
    scorer: &Scorer,
    path: &Path,
    gold_col: &str,
    opts: &EvalOptions,
) -> Result<EvalReport, EvalError> {
    let dimension = opts.dimension;
    let classes = dimension.classes();
    let mut confusion = ConfusionMatrix::new(classes.len());
    let mut misses = Vec::new();
    let n = score_rows(scorer, path, &opts.text_col, gold_col, |row| {
        let gold = dimension.parse_label(row.gold).ok_or_else(|| EvalError::UnknownLabel {
            path: path.to_owned(),
            line: row.line,
            dimension,
            value: row.gold.to_owned(),
        })?;
        let score = dimension.score(row.summary);
        let predicted = dimension.predict(scorer, score);
        confusion.add(gold, predicted);
        if gold != predicted && opts.errors > 0 {
            misses.push(Miss {
                line: row.line,
                outcome: Outcome::Label { gold: classes[gold], predicted: classes[predicted] },
                score,
                distance: dimension.distance_from(gold, score, scorer.options()),
                text: row.text.to_owned(),
                cues: String::new(),
            });
        }
        Ok(())
    })?;
    Ok(EvalReport {
        path: path.to_owned(),
        dimension,
        gold_col: gold_col.to_owned(),
        n,
        metrics: Metrics::Labels(confusion),
        misses: worst(scorer, misses, opts.errors),
    })
}

fn evaluate_ratings(
    scorer: &Scorer,
    path: &Path,
    gold_col: &str,
    opts: &EvalOptions,
) -> Result<EvalReport, EvalError> {
    let dimension = opts.dimension;
    let (mut scores, mut golds, mut misses) = (Vec::new(), Vec::new(), Vec::new());
    let n = score_rows(scorer, path, &opts.text_col, gold_col, |row| {
        let gold = row.gold.trim().parse::<f64>().ok().filter(|g| g.is_finite()).ok_or_else(|| {
            EvalError::BadRating { path: path.to_owned(), line: row.line, value: row.gold.to_owned() }
        })?;
        let score = dimension.score(row.summary);
        scores.push(score);
        golds.push(gold);
        if opts.errors > 0 {
            misses.push(Miss {
                line: row.line,
                outcome: Outcome::Rating { gold },
                score,
                distance: 0.0,
                text: row.text.to_owned(),
                cues: String::new(),
            });
        }
        Ok(())
    })?;
    if !misses.is_empty() {
        let (z_score, z_gold) = (z_scores(&scores), z_scores(&golds));
        for (i, miss) in misses.iter_mut().enumerate() {
            miss.distance = (z_score[i] - z_gold[i]).abs();
        }
    }
    Ok(EvalReport {
        path: path.to_owned(),
        dimension,
        gold_col: gold_col.to_owned(),
        n,
        metrics: Metrics::Ratings { pearson: pearson(&scores, &golds), spearman: spearman(&scores, &golds) },
        misses: worst(scorer, misses, opts.errors),
    })
}

/// The `n` candidates with the largest distance (ties in file order), with their cues.
fn worst(scorer: &Scorer, mut candidates: Vec<Miss>, n: usize) -> Vec<Miss> {
    candidates.sort_by(|a, b| b.distance.total_cmp(&a.distance));
    candidates.truncate(n);
    for miss in &mut candidates {
        let doc = scorer.score_text(&miss.text);
        miss.cues = cues_to_string(&miss.text, &doc.cues);
    }
    candidates
}

/// One scored row, as [`score_rows`] hands it over.
struct ScoredRow<'a> {
    line: u64,
    text: &'a str,
    gold: &'a str,
    summary: &'a DocumentSummary,
}

/// Streams the rows of `path`, scores each one's text and hands it to `each`; returns the
/// number of rows.
fn score_rows(
    scorer: &Scorer,
    path: &Path,
    text_col: &str,
    gold_col: &str,
    mut each: impl FnMut(ScoredRow<'_>) -> Result<(), EvalError>,
) -> Result<usize, EvalError> {
    let read_error = |source| EvalError::Read { path: path.to_owned(), source };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter_of(path))
        .flexible(true)
        .from_path(path)
        .map_err(read_error)?;
    let header = reader.headers().map_err(read_error)?;
    let text_at = column_index(header, text_col, path)?;
    let gold_at = column_index(header, gold_col, path)?;
    let mut record = csv::StringRecord::new();
    let mut scratch = Scratch::default();
    let mut doc = DocumentScore::default();
    let mut n = 0;
    while reader.read_record(&mut record).map_err(read_error)? {
        let line = record.position().map_or(0, |p| p.line());
        let cell = |at: usize, column: &str| {
            record.get(at).ok_or_else(|| EvalError::MissingCell {
                path: path.to_owned(),
                line,
                column: column.to_owned(),
            })
        };
        let (text, gold) = (cell(text_at, text_col)?, cell(gold_at, gold_col)?);
        scorer.score_into(text, &mut scratch, &mut doc);
        each(ScoredRow { line, text, gold, summary: &doc.summary })?;
        n += 1;
    }
    if n == 0 {
        return Err(EvalError::Empty { path: path.to_owned() });
    }
    Ok(n)
}

fn delimiter_of(path: &Path) -> u8 {
    match path.extension() {
        Some(ext) if ext.eq_ignore_ascii_case("tsv") => b'\t',
        _ => b',',
    }
}

fn column_index(header: &csv::StringRecord, column: &str, path: &Path) -> Result<usize, EvalError> {
    header.iter().position(|name| name.trim().eq_ignore_ascii_case(column.trim())).ok_or_else(|| {
        EvalError::MissingColumn {
            path: path.to_owned(),
            column: column.to_owned(),
            present: header.iter().map(str::to_owned).collect(),
        }
    })
}

#[cfg(test)]
mod tests;
