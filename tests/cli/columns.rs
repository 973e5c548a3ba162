//! Which input columns feed the output, and the options that shape the output's columns.

use crate::{assert_same, run, tempdir, tenor, write, Table};

#[test]
fn common_header_names_are_found_in_any_case() {
    let dir = tempdir();
    write(
        dir.path(),
        "a.csv",
        "URL,Headline,Body,Published,Outlet,lang\n\
         https://news.example/1,Merger ahead,Analysts called it a bold play.,2024-05-01,Wire,en\n",
    );
    write(
        dir.path(),
        "b.tsv",
        "id\tcontent\tpublished_at\tdomain\nt1\tProfits soared.\t2024-05-02\tdaily.example\n",
    );
    write(
        dir.path(),
        "c.jsonl",
        "{\"article\":\"Doubts grew.\",\"timestamp\":1714608000,\"publisher\":\"Herald\",\"url\":\"u3\"}\n",
    );
    let r = run(tenor(dir.path()).args(["score", "a.csv", "b.tsv", "c.jsonl"]));
    r.expect_code(0);
    // The headline is found but, without --title-col, not scored.
    assert_same(
        "detected columns",
        "doc_id | sentence_id | date | source | text\n\
         https://news.example/1 | 1 | 2024-05-01 | Wire | Analysts called it a bold play.\n\
         t1 | 1 | 2024-05-02 | daily.example | Profits soared.\n\
         u3 | 1 | 1714608000 | Herald | Doubts grew.\n",
        &Table::parse(&r.stdout).project(&["doc_id", "sentence_id", "date", "source", "text"]),
    );
}

#[test]
fn rows_without_an_id_are_named_by_file_and_line() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "text\nShares rose.\n\"Two\nlines.\"\nShares fell.\n");
    let r = run(tenor(dir.path()).args(["score", "a.csv"]));
    r.expect_code(0);
    assert_eq!(Table::parse(&r.stdout).column("doc_id"), ["a.csv:2", "a.csv:3", "a.csv:5"]);
}

#[test]
fn explicit_columns_win_over_common_names() {
    let dir = tempdir();
    write(
        dir.path(),
        "a.csv",
        "id,text,key,summary,day,paper\nwrong,Wrong text.,k1,Investors cheered the bold play.,2024-06-01,Gazette\n",
    );
    let r = run(tenor(dir.path()).args([
        "score",
        "--text-col",
        "summary",
        "--id-col",
        "key",
        "--date-col",
        "day",
        "--source-col",
        "PAPER",
        "a.csv",
    ]));
    r.expect_code(0);
    assert_same(
        "explicit columns",
        "doc_id | date | source | text\nk1 | 2024-06-01 | Gazette | Investors cheered the bold play.\n",
        &Table::parse(&r.stdout).project(&["doc_id", "date", "source", "text"]),
    );
}

#[test]
fn dotted_paths_reach_into_nested_json() {
    let dir = tempdir();
    write(
        dir.path(),
        "a.jsonl",
        concat!(
            r#"{"id":"j1","meta":{"source":"Wire","when":{"day":"2024-07-01"}},"body":{"text":"Markets rallied."},"tags":["a","b"]}"#,
            "\n",
            r#"{"id":"j2","meta":{"source":"Daily"},"body":{"text":"Doubts grew."},"tags":{"x":1}}"#,
            "\n",
        ),
    );
    let r = run(tenor(dir.path()).args([
        "score",
        "--text-col",
        "body.text",
        "--source-col",
        "meta.source",
        "--date-col",
        "meta.when.day",
        "--keep-cols",
        "tags",
        "a.jsonl",
    ]));
    r.expect_code(0);
    assert_same(
        "nested fields",
        "doc_id | date | source | text | tags\n\
         j1 | 2024-07-01 | Wire | Markets rallied. | [\"a\",\"b\"]\n\
         j2 |  | Daily | Doubts grew. | {\"x\":1}\n",
        &Table::parse(&r.stdout).project(&["doc_id", "date", "source", "text", "tags"]),
    );
}

#[test]
fn a_kept_gold_label_is_told_apart_from_tenors_label() {
    let dir = tempdir();
    write(dir.path(), "coded.tsv", "label\ttext\nskeptical\tThe plan is an expensive gamble.\n");
    let r = run(tenor(dir.path()).args(["score", "--keep-cols", "label", "coded.tsv"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    assert_eq!(table.header.join(","), format!("{},input_label", crate::SENTENCE_HEADER));
    assert_eq!(table.project(&["label", "input_label"]), "label | input_label\nskeptical | skeptical\n");
}

#[test]
fn kept_columns_come_last_in_the_order_given() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,lang,text,section\nk1,en,Shares rose. Shares fell.,markets\n");
    for (level, header) in [("sentence", crate::SENTENCE_HEADER), ("document", crate::DOCUMENT_HEADER)] {
        let r =
            run(tenor(dir.path()).args(["score", "--level", level, "--keep-cols", "section,lang", "a.csv"]));
        r.expect_code(0);
        let table = Table::parse(&r.stdout);
        assert_eq!(table.header.join(","), format!("{header},section,lang"));
        let n = table.rows.len();
        assert_eq!(
            table.project(&["section", "lang"]),
            format!("section | lang\n{}", "markets | en\n".repeat(n))
        );
    }
}

#[test]
fn a_missing_column_is_fatal_and_lists_the_columns_present() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text,date\n1,Shares rose.,2024-01-01\n");
    write(dir.path(), "a.jsonl", "{\"id\":\"1\",\"text\":\"Shares rose.\",\"meta\":{\"source\":\"W\"}}\n");
    let cases: [(&[&str], &str); 4] = [
        (&["--date-col", "pubdate", "a.csv"], "a.csv:1: no column \"pubdate\""),
        (&["--keep-cols", "lang", "a.csv"], "a.csv:1: no column \"lang\""),
        (&["--text-col", "body", "a.csv"], "a.csv:1: no column \"body\""),
        (&["--source-col", "meta.outlet", "a.jsonl"], "a.jsonl:1: no column \"meta.outlet\""),
    ];
    for (args, message) in cases {
        let r = run(tenor(dir.path()).arg("score").args(args));
        r.expect_code(1);
        assert!(r.stderr.contains(message), "{args:?}: wanted {message:?} in\n{}", r.stderr);
        let present = if args.last() == Some(&"a.csv") {
            "the columns are: \"id\", \"text\", \"date\""
        } else {
            // serde_json keeps object keys sorted.
            "the columns are: \"id\", \"meta\", \"meta.source\", \"text\""
        };
        assert!(r.stderr.contains(present), "{args:?}: wanted {present:?} in\n{}", r.stderr);
        assert!(r.stderr.starts_with("tenor: error: "), "{}", r.stderr);
        // Nothing, not even the header, reaches standard output.
        assert_eq!(r.stdout, "", "{args:?}");
    }
}

#[test]
fn no_text_leaves_out_the_text_column_only() {
    let dir = tempdir();
    write(
        dir.path(),
        "a.csv",
        "id,text\n1,Analysts called it a bold play. Critics saw an expensive gamble.\n",
    );
    let with = Table::parse(&run(tenor(dir.path()).args(["score", "a.csv"])).expect_code(0).stdout);
    let without =
        Table::parse(&run(tenor(dir.path()).args(["score", "--no-text", "a.csv"])).expect_code(0).stdout);
    let expected_header: Vec<&str> = crate::SENTENCE_HEADER.split(',').filter(|c| *c != "text").collect();
    assert_eq!(without.header, expected_header);
    assert_same("--no-text rows", &with.project(&expected_header), &without.project(&expected_header));
}

#[test]
fn explain_adds_a_cues_column() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text\n1,It is a bold play. But an expensive gamble. Nothing here.\n");
    let r = run(tenor(dir.path()).args(["score", "--explain", "a.csv"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    assert_eq!(table.header.join(","), format!("{},cues", crate::SENTENCE_HEADER));
    let cues = table.column("cues");
    assert!(cues[0].starts_with("bold play [stance +"), "{cues:?}");
    assert!(cues[1].starts_with("expensive gamble [stance -"), "{cues:?}");
    assert!(cues[1].contains("after-contrast"), "{cues:?}");
    assert_eq!(cues[2], "", "{cues:?}");
}

#[test]
fn excel_output_starts_with_a_byte_order_mark() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text\n1,Café owners were upbeat.\n");
    let plain = tenor(dir.path()).args(["score", "a.csv"]).output().unwrap().stdout;
    let excel = tenor(dir.path()).args(["score", "--excel", "a.csv"]).output().unwrap().stdout;
    assert_eq!(excel[..3], [0xEF, 0xBB, 0xBF]);
    assert_same(
        "--excel after its BOM",
        &String::from_utf8_lossy(&plain),
        &String::from_utf8_lossy(&excel[3..]),
    );
    run(tenor(dir.path()).args(["score", "--excel", "-o", "out.csv", "a.csv"])).expect_code(0);
    assert_eq!(std::fs::read(dir.path().join("out.csv")).unwrap(), excel);
}

#[test]
fn title_col_makes_the_title_the_first_sentence() {
    let dir = tempdir();
    write(
        dir.path(),
        "a.csv",
        "id,title,text\n\
         1,A bold play,Shares rose. Critics doubted it.\n\
         2,,Untitled story.\n",
    );
    write(dir.path(), "a.jsonl", "{\"id\":\"1\",\"head\":\"Bold play ahead\",\"text\":\"Shares rose.\"}\n");
    let r = run(tenor(dir.path()).args(["score", "--title-col", "title", "a.csv"]));
    r.expect_code(0);
    assert_same(
        "titles in CSV",
        "doc_id | sentence_id | text\n\
         1 | 1 | A bold play\n\
         1 | 2 | Shares rose.\n\
         1 | 3 | Critics doubted it.\n\
         2 | 1 | Untitled story.\n",
        &Table::parse(&r.stdout).project(&["doc_id", "sentence_id", "text"]),
    );
    let r = run(tenor(dir.path()).args(["score", "--title-col", "head", "a.jsonl"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    assert_eq!(table.column("text"), ["Bold play ahead", "Shares rose."]);
    assert_eq!(table.column("label")[0], "optimistic");
}

#[test]
fn duplicate_header_names_are_fatal_only_when_used() {
    let dir = tempdir();
    write(dir.path(), "unused.csv", "id,note,note,text\n1,a,b,Shares rose.\n");
    write(dir.path(), "used.csv", "id,text,text\n1,a,b\n");
    let r = run(tenor(dir.path()).args(["score", "unused.csv"]));
    r.expect_code(0);
    assert_eq!(Table::parse(&r.stdout).column("text"), ["Shares rose."]);
    let r = run(tenor(dir.path()).args(["score", "used.csv"]));
    r.expect_code(1);
    assert!(
        r.stderr.contains("used.csv:1: column \"text\" appears 2 times") && r.stderr.contains("--text-col"),
        "{}",
        r.stderr
    );
    let r = run(tenor(dir.path()).args(["score", "--keep-cols", "note", "unused.csv"]));
    r.expect_code(1);
    assert!(r.stderr.contains("column \"note\" appears 2 times"), "{}", r.stderr);
}

#[test]
fn a_header_without_a_text_column_is_fatal() {
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,headline,date\n1,Shares rose,2024-01-01\n");
    let r = run(tenor(dir.path()).args(["score", "-o", "out.csv", "a.csv"]));
    r.expect_code(1);
    assert!(
        r.stderr.contains(
            "a.csv:1: no text column (looked for text, body, content, article in any case; name one with \
             --text-col); the columns are: \"id\", \"headline\", \"date\""
        ),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("out.csv").exists());
}
