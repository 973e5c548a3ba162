//! Exit codes: 0 all scored, 1 fatal, 2 usage, 3 some records skipped (and reported).

use crate::{assert_same, run, run_stdin, tempdir, tenor, write, Table};

#[test]
fn a_clean_run_exits_0_with_a_summary() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text\n1,Shares rose. Shares fell.\n2,Doubts grew.\n");
    let r = run(tenor(dir.path()).args(["score", "a.csv"]));
    r.expect_code(0);
    assert_eq!(r.summary(), (2, 3, 0));
    assert_eq!(r.stderr.lines().count(), 1, "only the summary:\n{}", r.stderr);
    let quiet = run(tenor(dir.path()).args(["score", "--quiet", "a.csv"]));
    quiet.expect_code(0);
    assert_eq!(quiet.stderr, "");
    assert_same("--quiet output", &r.stdout, &quiet.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text\n1,Shares rose.\n");
    let cases: [&[&str]; 6] = [
        &["score", "--no-such-flag", "a.csv"],
        &["score"],
        &["score", "--level", "paragraph", "a.csv"],
        &["score", "--threads", "many", "a.csv"],
        &["frobnicate"],
        &[],
    ];
    for args in cases {
        let r = run(tenor(dir.path()).args(args));
        r.expect_code(2);
        assert!(r.stdout.is_empty(), "{args:?} wrote to stdout:\n{}", r.stdout);
        assert!(r.stderr.contains("error:") || r.stderr.contains("Usage:"), "{args:?}:\n{}", r.stderr);
    }
}

#[test]
fn fatal_errors_exit_1() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text\n1,Shares rose.\n");
    let cases: [(&[&str], &str); 6] = [
        (&["score", "--date-col", "pubdate", "a.csv"], "no column \"pubdate\""),
        (&["score", "--lexicon", "/nope", "a.csv"], "reading lexicon /nope"),
        (&["explain", "--lexicon", "/nope", "Shares rose."], "reading lexicon /nope"),
        (&["score", "-"], "needs --format"),
        (&["score", "--format", "xml", "a.csv"], "unknown format \"xml\""),
        (&["score", "--optimistic-threshold", "-0.5", "a.csv"], "must be below --optimistic-threshold"),
    ];
    for (args, message) in cases {
        let r = run(tenor(dir.path()).args(args));
        r.expect_code(1);
        assert!(r.stderr.starts_with("tenor: error: "), "{args:?}:\n{}", r.stderr);
        assert!(r.stderr.contains(message), "{args:?}: wanted {message:?} in\n{}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{args:?}: one error line:\n{}", r.stderr);
    }
}

#[test]
fn skipped_records_exit_3_are_listed_and_reconciled() {
    let dir = tempdir();
    write(
        dir.path(),
        "a.jsonl",
        "{\"id\":\"j1\",\"text\":\"Shares rose.\"}\n\
         {\"id\":\"j2\",\"text\":\"Unfinished\n\
         {\"id\":\"j3\",\"text\":\"Doubts grew.\"}\n",
    );
    write(dir.path(), "b.csv", "id,text\nc1,Markets rallied.\nc2,Profits soared.\n");
    let r =
        run(tenor(dir.path()).args(["score", "--errors", "errors.csv", "a.jsonl", "missing.csv", "b.csv"]));
    r.expect_code(3);
    assert_eq!(Table::parse(&r.stdout).column("doc_id"), ["j1", "j3", "c1", "c2"]);
    // 5 records in the inputs (3 lines, 2 rows) and one input that could not be opened.
    assert_eq!(r.summary(), (4, 4, 2));

    let errors = std::fs::read_to_string(dir.path().join("errors.csv")).unwrap();
    let table = Table::parse(&errors);
    assert_eq!(table.header, ["kind", "file", "line", "reason"]);
    assert_same(
        "--errors file",
        "kind | file | line\nskipped | missing.csv | 0\nskipped | a.jsonl | 2\n",
        &table.project(&["kind", "file", "line"]),
    );
    let reasons = table.column("reason");
    assert!(reasons[0].contains("No such file or directory"), "{reasons:?}");
    assert!(reasons[1].starts_with("invalid JSON at column "), "{reasons:?}");
    for line in ["tenor: skipped: missing.csv: ", "tenor: skipped: a.jsonl:2: invalid JSON at column "] {
        assert!(r.stderr.contains(line), "wanted {line:?} in\n{}", r.stderr);
    }
}

#[test]
fn warnings_alone_do_not_make_exit_3() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text,lang\n1,Shares rose.,en\n2,Shares fell.\n");
    let r = run(tenor(dir.path()).args(["score", "--errors", "errors.csv", "a.csv"]));
    r.expect_code(0);
    assert_eq!(r.summary(), (2, 2, 0));
    assert!(
        r.stderr.contains(
            "tenor: warning: a.csv:3: row has 2 field(s) but the header has 3; the missing cells are read as empty"
        ),
        "{}",
        r.stderr
    );
    let errors = std::fs::read_to_string(dir.path().join("errors.csv")).unwrap();
    assert_same(
        "--errors lists warnings too",
        "kind | file | line\nwarning | a.csv | 3\n",
        &Table::parse(&errors).project(&["kind", "file", "line"]),
    );
}

#[test]
fn a_missing_input_alone_exits_3_with_an_empty_table() {
    let dir = tempdir();
    let r = run(tenor(dir.path()).args(["score", "missing.csv"]));
    r.expect_code(3);
    assert_eq!(r.stdout, format!("{}\n", crate::SENTENCE_HEADER));
    assert_eq!(r.summary(), (0, 0, 1));
}

#[test]
fn stdin_skips_are_named_dash() {
    let dir = tempdir();
    let r = run_stdin(
        tenor(dir.path()).args(["score", "--raw-text", "--format", "jsonl", "-"]),
        "{\"text\":\"Shares rose.\"}\n[1,2]\n{\"text\":\"Shares fell.\"}\n",
    );
    r.expect_code(3);
    // Without --raw-text these ids read '-:1 and '-:3: they start with "-".
    assert_eq!(Table::parse(&r.stdout).column("doc_id"), ["-:1", "-:3"]);
    assert!(r.stderr.contains("tenor: skipped: -:2: line is an array, not a JSON object"), "{}", r.stderr);
    assert_eq!(r.summary(), (2, 2, 1));
}

#[test]

fn unreadable_lexicon_error_names_the_cause_once() {
    let dir = tempdir();
    let r = run(tenor(dir.path()).args(["explain", "--lexicon", "/nope", "Shares rose."]));
    r.expect_code(1);
    assert_eq!(r.stderr.matches("No such file or directory").count(), 1, "{}", r.stderr);
}
