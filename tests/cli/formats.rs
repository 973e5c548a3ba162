//! The same documents give the same scores whatever the input format: text files, CSV, TSV,
//! JSON Lines, gzipped JSON Lines and standard input.

use std::path::Path;

use serde_json::json;

use crate::{gzip, run, run_stdin, tempdir, tenor, write, Table};

/// (id, date, source, text): invented news, with a comma, quotes, a paragraph break, a
/// non-ASCII letter and a hedge, so every format has something to escape.
const DOCS: [(&str, &str, &str, &str); 5] = [
    ("n1", "2024-03-01", "Wire", "Analysts called the merger a bold play. Critics saw an expensive gamble, and said so."),
    (
        "n2",
        "2024-03-02",
        "Daily",
        "Profits soared in the third quarter.\n\nThe chief executive called the outlook \"strong\", but doubts remain.",
    ),
    ("n3", "2024-03-03", "Wire", "Shares may fall if demand weakens. It is unclear whether the plan will work."),
    ("n4", "2024-03-04", "Herald", "Café owners were upbeat; the new rules are a game changer for small firms!"),
    ("n5", "2024-03-05", "Daily", "Losses narrowed. The company did not disappoint investors this time."),
];

fn delimited(delimiter: u8) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
    w.write_record(["id", "date", "source", "text"]).unwrap();
    for (id, date, source, text) in DOCS {
        w.write_record([id, date, source, text]).unwrap();
    }
    w.into_inner().unwrap()
}

fn jsonl() -> Vec<u8> {
    let mut out = String::new();
    for (id, date, source, text) in DOCS {
        out.push_str(&json!({ "id": id, "date": date, "source": source, "text": text }).to_string());
        out.push('\n');
    }
    out.into_bytes()
}

/// Scores the documents in every format at `level`; returns (format, stdout) pairs, the text
/// files first.
fn score_every_format(dir: &Path, level: &str) -> Vec<(&'static str, String)> {
    for (i, (_, _, _, text)) in DOCS.iter().enumerate() {
        write(dir, &format!("docs/{}.txt", i + 1), format!("{text}\n"));
    }
    write(dir, "news.csv", delimited(b','));
    write(dir, "news.tsv", delimited(b'\t'));
    write(dir, "news.jsonl", jsonl());
    write(dir, "news.jsonl.gz", gzip(&jsonl()));

    let mut outputs = Vec::new();
    for (format, input) in [
        ("txt", "docs"),
        ("csv", "news.csv"),
        ("tsv", "news.tsv"),
        ("jsonl", "news.jsonl"),
        ("gz", "news.jsonl.gz"),
    ] {
        let r = run(tenor(dir).args(["score", "--level", level, input]));
        r.expect_code(0);
        outputs.push((format, r.stdout));
    }
    for (format, bytes) in [("stdin jsonl", jsonl()), ("stdin csv", delimited(b','))] {
        let stdin_format = format.trim_start_matches("stdin ");
        let r = run_stdin(tenor(dir).args(["score", "--level", level, "--format", stdin_format, "-"]), bytes);
        r.expect_code(0);
        outputs.push((format, r.stdout));
    }
    outputs
}

/// Compares every format with CSV: whole outputs for the formats with an id column, the score
/// columns and text for the text files (whose ids are their paths, without date or source).
fn assert_identical(outputs: &[(&str, String)], score_cols: &[&str]) {
    let (_, csv_out) = &outputs[1];
    let reference = Table::parse(csv_out);
    for (format, out) in outputs {
        if *format == "txt" {
            let table = Table::parse(out);
            crate::assert_same(
                "text files vs CSV (score columns)",
                &reference.project(score_cols),
                &table.project(score_cols),
            );
        } else {
            crate::assert_same(&format!("{format} vs CSV"), csv_out, out);
        }
    }
}

#[test]
fn every_format_gives_identical_sentence_scores() {
    let dir = tempdir();
    let outputs = score_every_format(dir.path(), "sentence");
    let cols =
        ["sentence_id", "sentiment", "stance", "label", "optimism", "skepticism", "hedges", "words", "text"];
    assert_identical(&outputs, &cols);

    let csv = Table::parse(&outputs[1].1);
    assert_eq!(csv.header.join(","), crate::SENTENCE_HEADER);
    assert_eq!(csv.rows.len(), 9, "two sentences per document but n4:\n{}", outputs[1].1);
    let labels = csv.column("label");
    assert!(labels.contains(&"optimistic") && labels.contains(&"skeptical"), "{labels:?}");
    let txt = Table::parse(&outputs[0].1);
    let mut ids = txt.column("doc_id");
    ids.dedup();
    assert_eq!(ids, ["docs/1.txt", "docs/2.txt", "docs/3.txt", "docs/4.txt", "docs/5.txt"]);
}

#[test]
fn every_format_gives_identical_document_scores() {
    let dir = tempdir();
    let outputs = score_every_format(dir.path(), "document");
    let cols = [
        "sentences",
        "sentiment",
        "stance",
        "label",
        "optimistic_share",
        "skeptical_share",
        "neutral_share",
        "hedges",
        "words",
    ];
    assert_identical(&outputs, &cols);

    let csv = Table::parse(&outputs[1].1);
    assert_eq!(csv.header.join(","), crate::DOCUMENT_HEADER);
    assert_eq!(csv.column("doc_id"), ["n1", "n2", "n3", "n4", "n5"]);
    assert_eq!(csv.column("date"), ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"]);
    assert_eq!(csv.column("sentences"), ["2", "2", "2", "1", "2"]);
}
