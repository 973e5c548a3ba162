//! The plain-text report of an evaluation, for a terminal 100 columns wide.
//!
//! The report is for people: a header line (file, rows, dimension, gold column), the metrics with
//! three decimals, then for labels a per-class table and the confusion matrix, and last the worst
//! misses with their text and cues, word-wrapped. Metric lines start with a fixed name
//! (`accuracy`, `macro-F1`, `pearson r`, `spearman rho`) so a script can pick them out; programs
//! should rather read the [`EvalReport`] fields.

use std::fmt;

use super::metrics::ConfusionMatrix;
use super::{Dimension, EvalReport, Metrics, Miss, Outcome};

/// Columns the report is laid out for.
const WIDTH: usize = 100;
/// Indent of a miss's text and cues, label included (`"  text  "`).
const INDENT: usize = 8;
/// Lines of a miss's text shown before the rest is cut; cues are never cut.
const TEXT_LINES: usize = 3;

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gold = match self.metrics {
            Metrics::Labels(_) => "labels",
            Metrics::Ratings { .. } => "ratings",
        };
        writeln!(
            f,
            "{}: {} rows, dimension {}, gold {gold} in column {:?}",
            self.path.display(),
            self.n,
            self.dimension,
            self.gold_col
        )?;
        writeln!(f)?;
        match &self.metrics {
            Metrics::Labels(confusion) => write_label_metrics(f, confusion, self.dimension.classes())?,
            Metrics::Ratings { pearson, spearman } => {
                writeln!(f, "pearson r     {}", correlation(*pearson))?;
                writeln!(f, "spearman rho  {}", correlation(*spearman))?;
            }
        }
        if self.misses.is_empty() {
            return Ok(());
        }
        writeln!(f)?;
        let dimension = self.dimension;
        match &self.metrics {
            Metrics::Labels(confusion) => writeln!(
                f,
                "worst {} of {} misses, by distance of the {dimension} score from the gold class's range",
                self.misses.len(),
                confusion.total() - confusion.correct(),
            )?,
            Metrics::Ratings { .. } => {
                writeln!(f, "worst {} of {} rows, by |z({dimension}) - z(gold)|", self.misses.len(), self.n)?
            }
        }
        for miss in &self.misses {
            write_miss(f, dimension, miss)?;
        }
        Ok(())
    }
}

fn write_label_metrics(
    f: &mut fmt::Formatter<'_>,
    confusion: &ConfusionMatrix,
    classes: &[&str],
) -> fmt::Result {
    let present = confusion.gold_classes().count();
    writeln!(f, "accuracy  {:.3}", confusion.accuracy())?;
    writeln!(f, "macro-F1  {:.3}  (mean F1 of the {present} classes present in gold)", confusion.macro_f1())?;
    writeln!(f)?;

    let corner = "gold \\ predicted";
    let w = classes.iter().map(|c| c.len()).chain([corner.len()]).max().unwrap_or(0);
    writeln!(
        f,
        "{:<w$}  {:>9}  {:>6}  {:>6}  {:>6}  {:>9}",
        "class", "precision", "recall", "F1", "gold", "predicted"
    )?;
    for (c, name) in classes.iter().enumerate() {
        writeln!(
            f,
            "{name:<w$}  {:>9.3}  {:>6.3}  {:>6.3}  {:>6}  {:>9}",
            confusion.precision(c),
            confusion.recall(c),
            confusion.f1(c),
            confusion.gold_count(c),
            confusion.predicted_count(c)
        )?;
    }
    writeln!(f)?;

    writeln!(f, "confusion matrix (rows: gold, columns: predicted)")?;
    let widest_count =
        (0..classes.len()).map(|c| confusion.gold_count(c)).max().unwrap_or(0).to_string().len();
    write!(f, "{corner:<w$}")?;
    for name in classes {
        write!(f, "  {name:>0$}", name.len().max(widest_count))?;
    }
    writeln!(f)?;
    for (g, gold) in classes.iter().enumerate() {
        write!(f, "{gold:<w$}")?;
        for (p, name) in classes.iter().enumerate() {
            write!(f, "  {:>1$}", confusion.count(g, p), name.len().max(widest_count))?;
        }
        writeln!(f)?;
    }
    Ok(())
}

fn write_miss(f: &mut fmt::Formatter<'_>, dimension: Dimension, miss: &Miss) -> fmt::Result {
    let shown = score(dimension, miss.score);
    match &miss.outcome {
        Outcome::Label { gold, predicted } => writeln!(
            f,
            "line {}: gold {gold}, predicted {predicted}, {dimension} {shown} ({} outside)",
            miss.line,
            score(dimension, miss.distance),
        )?,
        Outcome::Rating { gold } => writeln!(
            f,
            "line {}: gold {gold:.3}, {dimension} {shown}, z distance {:.3}",
            miss.line, miss.distance
        )?,
    }
    write_wrapped(f, "text", &miss.text, TEXT_LINES)?;
    let cues = if miss.cues.is_empty() { "(none)" } else { &miss.cues };
    write_wrapped(f, "cues", cues, usize::MAX)
}

/// A score (or a distance between scores) as the report shows it: hedges are a count.
fn score(dimension: Dimension, value: f64) -> String {
    match dimension {
        Dimension::Hedges => format!("{value:.0}"),
        Dimension::Stance | Dimension::Sentiment => format!("{value:.3}"),
    }
}

fn correlation(value: Option<f64>) -> String {
    value.map_or_else(
        || "n/a (constant scores or ratings, or fewer than 2 rows)".to_owned(),
        |r| format!("{r:.3}"),
    )
}

/// Writes `label` and then `text`'s words wrapped to [`WIDTH`] under a hanging indent, in at most
/// `max_lines` lines; a cut text ends in `…`. A single word longer than a line overflows it.
fn write_wrapped(f: &mut fmt::Formatter<'_>, label: &str, text: &str, max_lines: usize) -> fmt::Result {
    // Two columns stay free for the " …" of a cut line.
    let room = WIDTH - INDENT - 2;
    let mut prefix = format!("  {label:<0$}", INDENT - 2);
    let (mut line, mut line_chars, mut lines) = (String::new(), 0, 0);
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        if line_chars > 0 && line_chars + 1 + word_chars > room {
            lines += 1;
            if lines == max_lines {
                return writeln!(f, "{prefix}{line} …");
            }
            writeln!(f, "{prefix}{line}")?;
            prefix = " ".repeat(INDENT);
            line.clear();
            line_chars = 0;
        }
        if line_chars > 0 {
            line.push(' ');
            line_chars += 1;
        }
        line.push_str(word);
        line_chars += word_chars;
    }
    writeln!(f, "{prefix}{line}")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn labels_report(misses: Vec<Miss>) -> EvalReport {
        // gold O O S N, predicted O S S N.
        let mut confusion = ConfusionMatrix::new(3);
        for (g, p) in [(0, 0), (0, 2), (2, 2), (1, 1)] {
            confusion.add(g, p);
        }
        EvalReport {
            path: PathBuf::from("coded.csv"),
            dimension: Dimension::Stance,
            gold_col: "label".to_owned(),
            n: 4,
            metrics: Metrics::Labels(confusion),
            misses,
        }
    }

    fn miss(text: &str, cues: &str) -> Miss {
        Miss {
            line: 3,
            outcome: Outcome::Label { gold: "optimistic", predicted: "skeptical" },
            score: -0.45,
            distance: 0.55,
            text: text.to_owned(),
            cues: cues.to_owned(),
        }
    }

    #[test]
    fn labels_report_reads_as_expected() {
        let report = labels_report(vec![miss("The bet may not pay off.", "")]).to_string();
        let expected = r#"coded.csv: 4 rows, dimension stance, gold labels in column "label"

accuracy  0.750
macro-F1  0.778  (mean F1 of the 3 classes present in gold)

class             precision  recall      F1    gold  predicted
optimistic            1.000   0.500   0.667       2          1
neutral               1.000   1.000   1.000       1          1
skeptical             0.500   1.000   0.667       1          2

confusion matrix (rows: gold, columns: predicted)
gold \ predicted  optimistic  neutral  skeptical
optimistic                 1        0          1
neutral                    0        1          0
skeptical                  0        0          1

worst 1 of 1 misses, by distance of the stance score from the gold class's range
line 3: gold optimistic, predicted skeptical, stance -0.450 (0.550 outside)
  text  The bet may not pay off.
  cues  (none)
"#;
        assert_eq!(report, expected, "got:\n{report}\nexpected:\n{expected}");
    }

    #[test]
    fn ratings_report_shows_correlations_and_undefined_ones() {
        let report = EvalReport {
            path: PathBuf::from("rated.tsv"),
            dimension: Dimension::Sentiment,
            gold_col: "score".to_owned(),
            n: 2,
            metrics: Metrics::Ratings { pearson: Some(-0.25), spearman: None },
            misses: vec![Miss {
                outcome: Outcome::Rating { gold: 0.8 },
                ..miss("Fine.", "fine [sentiment +1.00]")
            }],
        }
        .to_string();
        assert!(
            report.starts_with("rated.tsv: 2 rows, dimension sentiment, gold ratings in column \"score\"\n")
        );
        assert!(report.contains("\npearson r     -0.250\n"), "{report}");
        assert!(report.contains("\nspearman rho  n/a "), "{report}");
        assert!(report.contains("\nworst 1 of 2 rows, by |z(sentiment) - z(gold)|\n"), "{report}");
        assert!(report.contains("\nline 3: gold 0.800, sentiment -0.450, z distance 0.550\n"), "{report}");
        assert!(report.ends_with("  cues  fine [sentiment +1.00]\n"), "{report}");
    }

    #[test]
    fn hedge_scores_print_as_counts() {
        let outcome = Outcome::Label { gold: "certain", predicted: "uncertain" };
        let mut report =
            labels_report(vec![Miss { outcome, score: 2.0, distance: 2.0, ..miss("It may, perhaps.", "") }]);
        report.dimension = Dimension::Hedges;
        let mut confusion = ConfusionMatrix::new(2);
        confusion.add(0, 1);
        report.metrics = Metrics::Labels(confusion);
        let text = report.to_string();
        assert!(text.contains("predicted uncertain, hedges 2 (2 outside)"), "{text}");
        assert!(text.contains("\ncertain     "), "{text}");
    }

    #[test]
    fn long_texts_wrap_within_the_width_and_are_cut() {
        let long = "word ".repeat(200);
        let report = labels_report(vec![miss(&long, &"cue [stance +0.50] | ".repeat(20))]).to_string();
        for line in report.lines() {
            assert!(line.chars().count() <= WIDTH, "{} columns: {line}", line.chars().count());
        }
        let text_lines =
            report.lines().skip_while(|l| !l.starts_with("  text")).take_while(|l| !l.starts_with("  cues"));
        assert_eq!(text_lines.clone().count(), TEXT_LINES);
        assert!(text_lines.last().is_some_and(|l| l.ends_with(" …")));
        assert!(report.trim_end().ends_with("cue [stance +0.50] |"), "cues are never cut");
    }

    #[test]
    fn no_misses_section_without_misses() {
        let report = labels_report(Vec::new()).to_string();
        assert!(!report.contains("worst"), "{report}");
        assert!(report.ends_with("skeptical                  0        0          1\n"), "{report}");
    }
}
