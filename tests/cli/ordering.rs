//! Rows come out in input order and byte-identical whatever the number of threads.

use serde_json::json;

use crate::{assert_same, run, tempdir, tenor, write, Table};

const SUBJECTS: [&str; 6] = ["Shares", "Critics", "Investors", "Analysts", "Profits", "Regulators"];
const VERBS: [&str; 6] = ["rose", "fell", "warned", "cheered", "doubted", "soared"];
const ENDINGS: [&str; 4] = ["sharply", "again", "this week", "after the report"];

/// The number of sentences of generated document `i`: mostly short, every 37th one long.
fn sentences_in(i: usize) -> usize {
    if i % 37 == 5 {
        150 + i % 50
    } else {
        1 + (i * 7) % 13
    }
}

/// A corpus of 300 documents of varied length, as JSON Lines.
fn corpus() -> String {
    let mut out = String::new();
    for i in 0..300 {
        let text: Vec<String> = (0..sentences_in(i))
            .map(|j| {
                let pick = i * 31 + j * 17;
                format!(
                    "{} of firm {i} {} {}.",
                    SUBJECTS[pick % SUBJECTS.len()],
                    VERBS[(pick / 3) % VERBS.len()],
                    ENDINGS[(pick / 5) % ENDINGS.len()]
                )
            })
            .collect();
        out.push_str(&json!({ "id": format!("d{i:03}"), "text": text.join(" ") }).to_string());
        out.push('\n');
    }
    out
}

#[test]
fn thread_count_does_not_change_a_byte() {
    let dir = tempdir();
    write(dir.path(), "corpus.jsonl", corpus());
    let outputs: Vec<(String, String)> = ["1", "2", "0"]
        .into_iter()
        .map(|threads| {
            let r = run(tenor(dir.path()).args(["score", "--explain", "--threads", threads, "corpus.jsonl"]));
            r.expect_code(0);
            (threads.to_string(), r.stdout)
        })
        .collect();
    for (threads, out) in &outputs[1..] {
        assert_same(&format!("--threads {threads} vs --threads 1"), &outputs[0].1, out);
    }
    let doc_level: Vec<String> = ["1", "2"]
        .into_iter()
        .map(|threads| {
            let r =
                run(tenor(dir.path()).args(["score", "--level", "document", "-j", threads, "corpus.jsonl"]));
            r.expect_code(0).stdout.clone()
        })
        .collect();
    assert_same("document level, -j 2 vs -j 1", &doc_level[0], &doc_level[1]);
}

#[test]
fn rows_follow_input_order_with_sentences_numbered_from_one() {
    let dir = tempdir();
    write(dir.path(), "corpus.jsonl", corpus());
    let r = run(tenor(dir.path()).args(["score", "--threads", "2", "corpus.jsonl"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);

    let mut expected = String::new();
    for i in 0..300 {
        for s in 1..=sentences_in(i) {
            expected.push_str(&format!("d{i:03} {s}\n"));
        }
    }
    let mut actual = String::new();
    for (id, sentence) in table.column("doc_id").iter().zip(table.column("sentence_id")) {
        actual.push_str(&format!("{id} {sentence}\n"));
    }
    assert_same("doc_id and sentence_id of every row", &expected, &actual);
    let total: usize = (0..300).map(sentences_in).sum();
    assert_eq!(r.summary(), (300, total as u64, 0));
}
