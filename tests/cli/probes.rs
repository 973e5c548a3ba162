//! The built-in lexicons and rules on ordinary news constructions: 160 short sentences the team
//! wrote to probe them ("raised its full-year forecast", "the outbreak has been contained", "it
//! is hard to see how the numbers add up"), each labelled by its writer, in
//! `tests/fixtures/cli/probes/news_probes.tsv`.
//!
//! A regression guard, not a quality measure: the labels were written after seeing tenor's
//! output, and 14 of them disagree with it on purpose (known misses such as "few expect the
//! talks to produce a breakthrough"). A change that breaks several common constructions at once
//! fails here before anyone reads an evaluation report. Quality is measured by
//! `scripts/eval-dev.sh` on sets written blind to the tool.

use crate::{copy_fixtures, run, tempdir, tenor};

/// The value of a metric line ("accuracy  0.912") in a `tenor eval` report.
fn metric(report: &str, name: &str) -> f64 {
    report
        .lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no {name} line in:\n{report}"))
}

#[test]
fn the_news_probes_keep_their_labels() {
    let dir = tempdir();
    copy_fixtures(dir.path(), &["probes/news_probes.tsv"]);
    let r = run(tenor(dir.path()).args([
        "eval",
        "news_probes.tsv",
        "--text-col",
        "text",
        "--label-col",
        "label",
        "--errors",
        "20",
    ]));
    r.expect_code(0);
    // At the commit that added them: accuracy 0.912 (146 of 160), macro-F1 0.876.
    let (accuracy, macro_f1) = (metric(&r.stdout, "accuracy"), metric(&r.stdout, "macro-F1"));
    assert!(accuracy >= 0.88 && macro_f1 >= 0.84, "accuracy {accuracy}, macro-F1 {macro_f1}:\n{}", r.stdout);
}
