//! `tenor explain`: one text, sentence by sentence, with labels and cues.

use crate::{run, run_stdin, tempdir, tenor, write, Table};

const TEXT: &str = "It is a bold play. But an expensive gamble.";

/// The sentence lines (`#`, label, text) and the cue lines of an explanation.
fn parse(out: &str) -> (Vec<(String, String, String)>, Vec<String>) {
    let mut sentences = Vec::new();
    let mut cues = Vec::new();
    for line in out.lines().skip(1) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if let Some((_, cue)) = line.split_once("· ") {
            cues.push(cue.to_string());
        } else if fields.first().is_some_and(|f| f.parse::<u32>().is_ok()) {
            // #, sentiment, stance, label, hedges, then the sentence.
            sentences.push((fields[0].to_string(), fields[3].to_string(), fields[5..].join(" ")));
        }
    }
    (sentences, cues)
}

#[test]
fn explain_labels_each_sentence_and_lists_its_cues() {
    let dir = tempdir();
    let r = run(tenor(dir.path()).args(["explain", TEXT]));
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].trim_start().starts_with("#  sentiment   stance  label"), "{}", r.stdout);
    let (sentences, cues) = parse(&r.stdout);
    assert_eq!(
        sentences,
        [
            ("1".to_string(), "optimistic".to_string(), "It is a bold play.".to_string()),
            ("2".to_string(), "skeptical".to_string(), "But an expensive gamble.".to_string()),
        ],
        "{}",
        r.stdout
    );
    assert_eq!(cues.len(), 2, "{}", r.stdout);
    assert!(cues[0].starts_with("bold play [stance +"), "{}", r.stdout);
    assert!(
        cues[1].starts_with("expensive gamble [stance -") && cues[1].ends_with("after-contrast"),
        "{}",
        r.stdout
    );
    let last = lines.last().unwrap();
    assert!(last.starts_with("document: 2 sentences, "), "{}", r.stdout);
}

#[test]
fn explain_reads_standard_input() {
    let dir = tempdir();
    let from_arg = run(tenor(dir.path()).args(["explain", TEXT]));
    for args in [&["explain"][..], &["explain", "-"][..]] {
        let from_stdin = run_stdin(tenor(dir.path()).args(args), format!("{TEXT}\n"));
        from_stdin.expect_code(0);
        crate::assert_same(&format!("{args:?} with the text on stdin"), &from_arg.stdout, &from_stdin.stdout);
    }
}

#[test]
fn explain_agrees_with_score_explain() {
    let dir = tempdir();
    let text = "Shares may rise. Analysts called it a bold play, but critics were not convinced. \
                Losses narrowed. Is this really a turning point?";
    write(dir.path(), "a.txt", text);
    let scored =
        Table::parse(&run(tenor(dir.path()).args(["score", "--explain", "a.txt"])).expect_code(0).stdout);
    let explained = run(tenor(dir.path()).args(["explain", text]));
    let (sentences, cues) = parse(&explained.expect_code(0).stdout);
    let from_score: Vec<(String, String, String)> = scored
        .rows
        .iter()
        .map(|row| {
            (
                row[scored.col("sentence_id")].clone(),
                row[scored.col("label")].clone(),
                row[scored.col("text")].clone(),
            )
        })
        .collect();
    assert_eq!(sentences, from_score, "{}", explained.stdout);
    let score_cues: Vec<&str> =
        scored.column("cues").iter().flat_map(|c| c.split(" | ")).filter(|c| !c.is_empty()).collect();
    assert_eq!(cues, score_cues, "{}", explained.stdout);
}
