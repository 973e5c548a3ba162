//! Reading, gold parsing, prediction and miss ranking, on the fixtures in
//! `tests/fixtures/eval/` (invented sentences) and on small files written per test. Metric values
//! are checked by hand in `metrics`; here they are only checked for range, because they depend
//! on the embedded lexicons.

use std::io::Write;
use std::path::PathBuf;

use super::*;
use crate::Lexicon;

fn scorer() -> Scorer {
    Scorer::new(Lexicon::embedded().unwrap(), ScoreOptions::default())
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval").join(name)
}

fn labels(col: &str, dimension: Dimension, errors: usize) -> EvalOptions {
    EvalOptions {
        text_col: "text".to_owned(),
        label_col: Some(col.to_owned()),
        rating_col: None,
        dimension,
        errors,
    }
}

fn ratings(col: &str, dimension: Dimension, errors: usize) -> EvalOptions {
    EvalOptions { label_col: None, rating_col: Some(col.to_owned()), ..labels("", dimension, errors) }
}

/// A temporary file named `*.{ext}` holding `content`.
fn temp_file(ext: &str, content: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(&format!(".{ext}")).tempfile().unwrap();
    file.write_all(content.as_bytes()).unwrap();
    file
}

fn error_of(ext: &str, content: &str, opts: &EvalOptions) -> (String, EvalError) {
    let file = temp_file(ext, content);
    let err = evaluate(&scorer(), file.path(), opts).unwrap_err();
    (err.to_string(), err)
}

fn confusion(report: &EvalReport) -> &ConfusionMatrix {
    match &report.metrics {
        Metrics::Labels(confusion) => confusion,
        Metrics::Ratings { .. } => panic!("expected label metrics"),
    }
}

fn in_unit(x: f64) -> bool {
    (0.0..=1.0).contains(&x)
}

/// Checks what every report's misses share: at most `errors`, worst first, lines inside the file.
fn check_misses(report: &EvalReport, errors: usize, last_line: u64) {
    assert!(report.misses.len() <= errors);
    for pair in report.misses.windows(2) {
        assert!(pair[0].distance >= pair[1].distance, "misses are worst first");
    }
    for miss in &report.misses {
        assert!((2..=last_line).contains(&miss.line), "line {}", miss.line);
        assert!(miss.distance >= 0.0);
        assert!(!miss.text.is_empty());
    }
}

#[test]
fn labels_fixture_gives_label_metrics_in_range() {
    let scorer = scorer();
    let report = evaluate(&scorer, &fixture("labels.csv"), &labels("label", Dimension::Stance, 3)).unwrap();
    assert_eq!(report.n, 10);
    assert_eq!((report.dimension, report.gold_col.as_str()), (Dimension::Stance, "label"));
    let m = confusion(&report);
    assert_eq!((m.classes(), m.total()), (3, 10));
    // optimistic: rows 1, 4, 9; neutral: 3, 6, 8; skeptical: 2, 5, 7, 10.
    assert_eq!([m.gold_count(0), m.gold_count(1), m.gold_count(2)], [3, 3, 4]);
    assert!(in_unit(m.accuracy()) && in_unit(m.macro_f1()));
    for c in 0..3 {
        assert!(in_unit(m.precision(c)) && in_unit(m.recall(c)) && in_unit(m.f1(c)));
    }
    let wrong = (m.total() - m.correct()) as usize;
    assert_eq!(report.misses.len(), wrong.min(3));
    check_misses(&report, 3, 11);
    for miss in &report.misses {
        let Outcome::Label { gold, predicted } = miss.outcome else { panic!("label outcome") };
        assert_ne!(gold, predicted);
        assert_eq!(scorer.label(miss.score).as_str(), predicted);
    }
}

#[test]
fn ratings_fixture_gives_correlations_in_range() {
    let report =
        evaluate(&scorer(), &fixture("ratings.tsv"), &ratings("score", Dimension::Stance, 4)).unwrap();
    assert_eq!(report.n, 10);
    let Metrics::Ratings { pearson, spearman } = report.metrics else { panic!("expected ratings") };
    for r in [pearson, spearman] {
        let r = r.expect("fixture scores are not all equal");
        assert!((-1.0..=1.0).contains(&r), "{r}");
    }
    assert_eq!(report.misses.len(), 4, "every rated row is a candidate");
    check_misses(&report, 4, 11);
    assert!(report.misses.iter().all(|m| matches!(m.outcome, Outcome::Rating { .. })));
}

#[test]
fn quoted_cells_in_a_tsv_are_unquoted() {
    let report =
        evaluate(&scorer(), &fixture("ratings.tsv"), &ratings("score", Dimension::Stance, 10)).unwrap();
    let juniper = report.misses.iter().find(|m| m.line == 11).unwrap();
    assert_eq!(juniper.text, "Juniper upgraded to \"buy\" by broker");
}

#[test]
fn hedges_fixture_predicts_uncertain_from_one_hedge() {
    let report =
        evaluate(&scorer(), &fixture("hedges.tsv"), &labels("label", Dimension::Hedges, 10)).unwrap();
    assert_eq!(report.n, 12);
    let m = confusion(&report);
    assert_eq!((m.classes(), m.gold_count(0), m.gold_count(1)), (2, 6, 6));
    assert!(in_unit(m.accuracy()) && in_unit(m.macro_f1()));
    check_misses(&report, 10, 13);
    // The last two rows are a "may" of permission and hearsay without a hedge word.
    assert!(!report.misses.is_empty());
    for miss in &report.misses {
        match miss.outcome {
            Outcome::Label { gold: "certain", predicted: "uncertain" } => assert!(miss.score >= 1.0),
            Outcome::Label { gold: "uncertain", predicted: "certain" } => assert_eq!(miss.score, 0.0),
            ref other => panic!("{other:?}"),
        }
    }
}

#[test]
fn report_of_a_fixture_fits_the_terminal() {
    let report =
        evaluate(&scorer(), &fixture("labels.csv"), &labels("label", Dimension::Stance, 10)).unwrap();
    let text = report.to_string();
    assert!(text.contains("labels.csv: 10 rows, dimension stance, gold labels in column \"label\"\n"));
    assert!(text.contains("\naccuracy  ") && text.contains("\nmacro-F1  "), "{text}");
    // The header line holds the path as given, whose length is the caller's.
    assert!(text.lines().skip(1).all(|l| l.chars().count() <= 100), "{text}");
}

#[test]
fn no_misses_are_kept_when_none_are_asked_for() {
    let scorer = scorer();
    let labels =
        evaluate(&scorer, &fixture("labels.csv"), &labels("label", Dimension::Sentiment, 0)).unwrap();
    let rated =
        evaluate(&scorer, &fixture("ratings.tsv"), &ratings("score", Dimension::Sentiment, 0)).unwrap();
    assert!(labels.misses.is_empty() && rated.misses.is_empty());
}

#[test]
fn gold_labels_parse_in_any_case() {
    let polar = [
        ("optimistic", 0),
        ("Positive", 0),
        ("POS", 0),
        ("1", 0),
        ("+1", 0),
        (" neutral ", 1),
        ("Neu", 1),
        ("0", 1),
        ("skeptical", 2),
        ("Sceptical", 2),
        ("negative", 2),
        ("neg", 2),
        ("-1", 2),
    ];
    for (value, class) in polar {
        assert_eq!(Dimension::Stance.parse_label(value), Some(class), "{value}");
        assert_eq!(Dimension::Sentiment.parse_label(value), Some(class), "{value}");
        assert_eq!(Dimension::Hedges.parse_label(value).is_some(), value == "1" || value == "0");
    }
    for (value, class) in [("certain", 0), ("0", 0), ("UNCERTAIN", 1), ("1", 1)] {
        assert_eq!(Dimension::Hedges.parse_label(value), Some(class), "{value}");
    }
    for value in ["", "postive", "2", "certain"] {
        assert_eq!(Dimension::Stance.parse_label(value), None, "{value}");
    }
}

#[test]
fn dimensions_parse_from_their_names() {
    assert_eq!("stance".parse(), Ok(Dimension::Stance));
    assert_eq!("Sentiment".parse(), Ok(Dimension::Sentiment));
    assert_eq!("hedges".parse(), Ok(Dimension::Hedges));
    let err = "tone".parse::<Dimension>().unwrap_err();
    assert_eq!(err.to_string(), "unknown dimension \"tone\": expected stance, sentiment or hedges");
}

#[test]
fn distance_is_how_far_a_score_lies_outside_the_gold_range() {
    let options =
        ScoreOptions { optimistic_threshold: 0.1, skeptical_threshold: -0.1, ..ScoreOptions::default() };
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(Dimension::Stance.distance_from(0, -0.5, &options), 0.6));
    assert!(close(Dimension::Stance.distance_from(1, 0.3, &options), 0.2));
    assert!(close(Dimension::Stance.distance_from(1, -0.3, &options), 0.2));
    assert!(close(Dimension::Sentiment.distance_from(2, 0.25, &options), 0.35));
    assert_eq!(Dimension::Hedges.distance_from(0, 2.0, &options), 2.0);
    assert_eq!(Dimension::Hedges.distance_from(1, 0.0, &options), 1.0);
}

#[test]
fn a_predicted_class_is_at_distance_zero_from_its_score() {
    let scorer = scorer();
    let polar: Vec<f64> = (-20..=20).map(|step| f64::from(step) * 0.05).collect();
    let hedge_counts: Vec<f64> = (0..=5).map(f64::from).collect();
    let scores =
        [(Dimension::Stance, &polar), (Dimension::Sentiment, &polar), (Dimension::Hedges, &hedge_counts)];
    for (dimension, scores) in scores {
        for &score in scores {
            let predicted = dimension.predict(&scorer, score);
            assert_eq!(
                dimension.distance_from(predicted, score, scorer.options()),
                0.0,
                "{dimension} {score}"
            );
        }
    }
}

#[test]
fn unknown_label_names_file_line_and_value() {
    let (message, err) =
        error_of("csv", "text,label\nFine.,neutral\nGood.,postive\n", &labels("label", Dimension::Stance, 0));
    assert!(matches!(err, EvalError::UnknownLabel { line: 3, .. }), "{err:?}");
    assert!(
        message.ends_with(
            ".csv:3: unknown stance label \"postive\"; expected one of optimistic, positive, pos, 1, +1, \
             neutral, neu, 0, skeptical, sceptical, negative, neg, -1"
        ),
        "{message}"
    );
}

#[test]
fn hedge_labels_are_unknown_to_stance() {
    let (message, _) =
        error_of("tsv", "label\ttext\ncertain\tIt opened.\n", &labels("label", Dimension::Stance, 0));
    assert!(message.contains(".tsv:2: unknown stance label \"certain\""), "{message}");
}

#[test]
fn line_numbers_count_multiline_cells() {
    let content = "text,label\n\"First line,\nsecond line.\",neutral\nNext.,maybe\n";
    let (message, _) = error_of("csv", content, &labels("label", Dimension::Stance, 0));
    assert!(message.contains(".csv:4: unknown stance label \"maybe\""), "{message}");
}

#[test]
fn missing_column_lists_the_header() {
    let (message, err) =
        error_of("csv", "id,text,rating\n1,Fine.,0.5\n", &labels("label", Dimension::Stance, 0));
    assert!(matches!(err, EvalError::MissingColumn { .. }));
    assert!(message.ends_with(".csv: no column \"label\"; the header has: id, text, rating"), "{message}");
}

#[test]
fn short_row_names_its_line_and_the_missing_column() {
    let content = "label\ttext\nneutral\tFine.\nneutral\n";
    let (message, err) = error_of("tsv", content, &labels("label", Dimension::Stance, 0));
    assert!(matches!(err, EvalError::MissingCell { line: 3, .. }), "{err:?}");
    assert!(message.ends_with(".tsv:3: the row has no \"text\" column"), "{message}");
}

#[test]
fn rating_that_is_not_a_number_names_its_line() {
    for bad in ["NA", "", "nan", "inf"] {
        let content = format!("score,text\n0.5,Fine.\n{bad},Odd.\n");
        let (message, _) = error_of("csv", &content, &ratings("score", Dimension::Sentiment, 0));
        assert!(message.ends_with(&format!(".csv:3: rating {bad:?} is not a number")), "{message}");
    }
}

#[test]
fn exactly_one_gold_column_is_required() {
    let path = fixture("labels.csv");
    let neither = EvalOptions { label_col: None, ..labels("label", Dimension::Stance, 0) };
    let both = EvalOptions { rating_col: Some("id".to_owned()), ..labels("label", Dimension::Stance, 0) };
    for opts in [neither, both] {
        assert!(matches!(evaluate(&scorer(), &path, &opts), Err(EvalError::GoldColumn)));
    }
}

#[test]
fn header_only_file_is_an_error() {
    let (message, err) = error_of("csv", "text,label\n", &labels("label", Dimension::Stance, 0));
    assert!(matches!(err, EvalError::Empty { .. }));
    assert!(message.ends_with(".csv: no rows to evaluate"), "{message}");
}

#[test]
fn unreadable_file_names_its_path() {
    let path = fixture("no-such-file.csv");
    let err = evaluate(&scorer(), &path, &labels("label", Dimension::Stance, 0)).unwrap_err();
    assert!(matches!(err, EvalError::Read { .. }));
    assert!(err.to_string().starts_with(&format!("{}: ", path.display())), "{err}");
}

#[test]
fn bom_crlf_and_header_case_are_accepted() {
    let file =
        temp_file("csv", "\u{feff}Text , LABEL\r\nIt is a bold play.,optimistic\r\nNothing.,neutral\r\n");
    let report = evaluate(&scorer(), file.path(), &labels("label", Dimension::Stance, 0)).unwrap();
    assert_eq!((report.n, confusion(&report).gold_count(0)), (2, 1));
}

#[test]
fn delimiter_follows_the_extension() {
    let content = "label\ttext\nneutral\tOne, two, three.\n";
    let tsv = temp_file("tsv", content);
    assert_eq!(evaluate(&scorer(), tsv.path(), &labels("label", Dimension::Stance, 0)).unwrap().n, 1);
    // Read as CSV, the same bytes have one column named "label\ttext".
    let csv = temp_file("csv", content);
    let err = evaluate(&scorer(), csv.path(), &labels("label", Dimension::Stance, 0)).unwrap_err();
    assert!(matches!(err, EvalError::MissingColumn { .. }), "{err:?}");
}
