//! End-to-end tests of `tenor trend` on the sample corpus in `data/`.

use std::path::Path;
use std::process::Command;

fn tenor() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tenor"))
}

fn run(args: &[&str]) -> String {
    let out = tenor().args(args).output().expect("run tenor");
    assert!(out.status.success(), "tenor {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn from_scores_at_either_level_equals_scoring_on_the_fly() {
    let dir = tempfile::tempdir().unwrap();
    let sentences = dir.path().join("sentences.csv");
    let documents = dir.path().join("documents.csv");
    let s = sentences.to_str().unwrap();
    let d = documents.to_str().unwrap();
    run(&["score", "data/news.jsonl", "-q", "-o", s]);
    run(&["score", "data/news.jsonl", "-q", "--level", "document", "-o", d]);
    let on_the_fly = run(&["trend", "data/news.jsonl", "-q", "--by", "month"]);
    assert_eq!(run(&["trend", "--from-scores", s, "-q", "--by", "month"]), on_the_fly);
    assert_eq!(run(&["trend", "--from-scores", d, "-q", "--by", "month"]), on_the_fly);
    // 8 months x 3 outlets, all dated, every month covered.
    assert_eq!(on_the_fly.lines().count(), 1 + 8 * 3);
}

#[test]
fn the_sample_chart_parses_as_svg_with_one_series_per_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("trend.svg");
    run(&[
        "trend",
        "data/news.jsonl",
        "-q",
        "--chart",
        chart.to_str().unwrap(),
        "-o",
        dir.path().join("t.csv").to_str().unwrap(),
    ]);
    let svg = std::fs::read_to_string(&chart).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for outlet in ["The Ledger", "Circuit Wire", "Harbor Post"] {
        assert!(texts.iter().any(|t| t.contains(outlet)), "legend lacks {outlet}");
    }
    let series = doc.descendants().filter(|n| n.has_tag_name("polyline")).count();
    assert!(series >= 3, "expected a line per outlet, found {series} polylines");
}

#[test]
fn the_readme_chart_is_the_sample_corpus_chart() {
    // The README embeds docs/trend.svg; it must exist and be an SVG chart of the sample.
    let svg = std::fs::read_to_string(Path::new("docs/trend.svg")).expect("docs/trend.svg exists");
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(svg.contains("Circuit Wire"));
}

#[test]
fn undated_documents_are_counted_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("c.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"date\":\"2026-01-05\",\"source\":\"X\",\"text\":\"A bold play.\"}\n\
         {\"id\":\"b\",\"source\":\"X\",\"text\":\"An expensive gamble.\"}\n\
         {\"id\":\"c\",\"date\":\"sometime\",\"source\":\"X\",\"text\":\"Fine.\"}\n",
    )
    .unwrap();
    let out = tenor().args(["trend", input.to_str().unwrap()]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 undated, 1 with unparseable dates"), "{stderr}");
    assert!(stderr.contains("\"sometime\""), "{stderr}");
    assert_eq!(out.status.code(), Some(3));
}
