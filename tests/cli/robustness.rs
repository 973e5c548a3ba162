//! Awkward inputs: broken encodings, odd line ends, binary and empty files, malformed CSV and
//! JSON Lines, truncated gzip, pathological text. Each is scored as far as it can be, every
//! skipped record is reported, and nothing panics.
//!
//! The small inputs are checked-in fixtures (`tests/fixtures/cli/robust`, kept byte-exact by
//! `.gitattributes`); the large ones are generated here.

use std::path::Path;

use crate::{assert_same, copy_fixtures, run, tempdir, tenor, write, Table};

/// Copies fixtures from `robust/` into a new temporary directory.
fn with_fixtures(names: &[&str]) -> tempfile::TempDir {
    let dir = tempdir();
    let paths: Vec<String> = names.iter().map(|n| format!("robust/{n}")).collect();
    copy_fixtures(dir.path(), &paths.iter().map(String::as_str).collect::<Vec<_>>());
    dir
}

/// Scores `args` in `dir` and returns the run, the (doc_id, sentence_id, label, text) table and
/// the lines of stderr before the summary.
fn score(dir: &Path, args: &[&str]) -> (crate::Run, String, Vec<String>) {
    let r = run(tenor(dir).arg("score").args(args));
    let table = Table::parse(&r.stdout);
    crate::assert_scores_in_range(&table);
    let projected = table.project(&["doc_id", "sentence_id", "label", "text"]);
    let problems =
        r.stderr.lines().filter(|l| !l.contains(" documents, ")).map(str::to_string).collect::<Vec<_>>();
    (r, projected, problems)
}

#[test]
fn invalid_utf8_is_replaced_and_reported_with_its_byte_offset() {
    let dir = with_fixtures(&["invalid-utf8.txt"]);
    let (r, table, problems) = score(dir.path(), &["invalid-utf8.txt"]);
    r.expect_code(0);
    assert_same(
        "invalid UTF-8",
        "doc_id | sentence_id | label | text\n\
         invalid-utf8.txt | 1 | optimistic | Shares rose.\n\
         invalid-utf8.txt | 2 | optimistic | Caf\u{FFFD} owners were upbeat.\n\
         invalid-utf8.txt | 3 | skeptical | Doubts grew about the \u{FFFD}\u{FFFD} plan.\n",
        &table,
    );
    assert_eq!(
        problems,
        ["tenor: warning: invalid-utf8.txt:1: invalid UTF-8 replaced with U+FFFD: 3 bad sequence(s), \
          the first at byte offset 16"]
    );
    assert_eq!(r.summary(), (1, 3, 0));
}

#[test]
fn a_utf8_byte_order_mark_is_dropped() {
    let dir = with_fixtures(&["bom.txt", "bom.csv"]);
    let (r, table, problems) = score(dir.path(), &["bom.txt", "bom.csv"]);
    r.expect_code(0);
    assert_same(
        "BOM",
        "doc_id | sentence_id | label | text\n\
         bom.txt | 1 | neutral | BOM first.\n\
         bom.txt | 2 | optimistic | Strong growth.\n\
         b1 | 1 | optimistic | Strong growth.\n",
        &table,
    );
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn crlf_and_lone_cr_line_ends_read_like_lf() {
    let dir = with_fixtures(&["lf.txt", "crlf.txt", "cr.txt", "lf.csv", "crlf.csv", "cr.csv"]);
    let (lf, lf_table, lf_problems) = score(dir.path(), &["lf.txt", "lf.csv"]);
    lf.expect_code(3);
    assert_same(
        "LF",
        "doc_id | sentence_id | label | text\n\
         lf.txt | 1 | neutral | Rates on hold\n\
         lf.txt | 2 | optimistic | Shares rose.\n\
         lf.txt | 3 | skeptical | Doubts grew.\n\
         lf.txt | 4 | optimistic | The outlook is \"bright\", analysts said.\n\
         1 | 1 | optimistic | Good start.\n\
         3 | 1 | neutral | Two\nlines.\n\
         5 | 1 | optimistic | Strong growth.\n",
        &lf_table,
    );
    assert_eq!(
        lf_problems,
        [
            "tenor: skipped: lf.csv:3: row has 1 field(s) but the header has 2, so the text (column 2) is missing",
            "tenor: skipped: lf.csv:6: row has 3 fields but the header has 2: an unquoted delimiter may have \
             shifted the columns",
        ]
    );
    for ending in ["crlf", "cr"] {
        let (r, table, problems) = score(dir.path(), &[&format!("{ending}.txt"), &format!("{ending}.csv")]);
        r.expect_code(3);
        assert_same(ending, &lf_table.replace("lf.txt", &format!("{ending}.txt")), &table);
        let expected: Vec<String> =
            lf_problems.iter().map(|p| p.replace("lf.csv", &format!("{ending}.csv"))).collect();
        assert_eq!(problems, expected, "{ending}: same lines reported");
    }
}

#[test]
fn utf16le_with_a_byte_order_mark_is_decoded() {
    let dir = with_fixtures(&["utf16le.txt", "utf16le.csv"]);
    let (r, table, problems) = score(dir.path(), &["utf16le.txt", "utf16le.csv"]);
    r.expect_code(0);
    assert_same(
        "UTF-16LE",
        "doc_id | sentence_id | label | text\n\
         utf16le.txt | 1 | optimistic | Stocks soared.\n\
         utf16le.txt | 2 | optimistic | Investors cheered the café’s bold play.\n\
         u1 | 1 | optimistic | Stocks soared.\n\
         u2 | 1 | skeptical | Doubts grew.\n",
        &table,
    );
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_binary_file_is_skipped_and_named() {
    let dir = with_fixtures(&["binary.txt", "bom.txt"]);
    let (r, table, problems) = score(dir.path(), &["binary.txt", "bom.txt", "--errors", "errors.csv"]);
    r.expect_code(3);
    assert_eq!(table.lines().count(), 3, "bom.txt is still scored:\n{table}");
    assert_eq!(problems, ["tenor: skipped: binary.txt:1: binary file (NUL byte at offset 8)"]);
    assert_eq!(r.summary(), (1, 2, 1));
    let errors = std::fs::read_to_string(dir.path().join("errors.csv")).unwrap();
    assert_eq!(errors, "kind,file,line,reason\nskipped,binary.txt,1,binary file (NUL byte at offset 8)\n");
}

#[test]
fn empty_files_and_cells_are_documents_without_sentences() {
    let dir = with_fixtures(&["empty.txt", "header-only.csv", "empty-cells.csv", "empty-text.jsonl"]);
    let inputs = ["empty.txt", "header-only.csv", "empty-cells.csv", "empty-text.jsonl"];
    let (r, table, problems) = score(dir.path(), &inputs);
    r.expect_code(0);
    assert_same(
        "empty inputs",
        "doc_id | sentence_id | label | text\ne3 | 1 | optimistic | Shares rose.\n",
        &table,
    );
    assert!(problems.is_empty(), "{problems:?}");
    // empty.txt, e1, e2, e3, j1, j2; a header alone holds no record.
    assert_eq!(r.summary(), (6, 1, 0));
    let r = run(tenor(dir.path()).args(["score", "--level", "document"]).args(inputs));
    r.expect_code(0);
    assert_same(
        "empty inputs, document level",
        "doc_id | sentences | label\n\
         empty.txt | 0 | neutral\n\
         e1 | 0 | neutral\n\
         e2 | 0 | neutral\n\
         e3 | 1 | optimistic\n\
         j1 | 0 | neutral\n\
         j2 | 0 | neutral\n",
        &Table::parse(&r.stdout).project(&["doc_id", "sentences", "label"]),
    );
}

#[test]
fn an_unbalanced_quote_is_reported_by_line_and_the_rows_after_it_are_scored() {
    let dir = with_fixtures(&["unbalanced.csv"]);
    let (r, table, problems) = score(dir.path(), &["unbalanced.csv", "--errors", "errors.csv"]);
    r.expect_code(3);
    assert_same(
        "unbalanced quote",
        "doc_id | sentence_id | label | text\n\
         1 | 1 | optimistic | Good start.\n\
         3 | 1 | optimistic | Fine day.\n\
         4 | 1 | optimistic | Strong growth.\n",
        &table,
    );
    assert_eq!(
        problems,
        ["tenor: skipped: unbalanced.csv:3: unbalanced quote: the quoted field opened on line 3 is never closed; \
          the 2 line(s) after it are read again as rows"]
    );
    // Four rows: three scored, one skipped.
    assert_eq!(r.summary(), (3, 3, 1));
    let errors = Table::parse(&std::fs::read_to_string(dir.path().join("errors.csv")).unwrap());
    assert_eq!(
        errors.project(&["kind", "file", "line"]),
        "kind | file | line\nskipped | unbalanced.csv | 3\n"
    );
}

#[test]
fn ragged_rows_are_padded_or_skipped_and_reported() {
    let dir = with_fixtures(&["ragged.csv"]);
    let (r, _, problems) = score(dir.path(), &["ragged.csv", "--keep-cols", "lang"]);
    r.expect_code(3);
    assert_same(
        "ragged rows",
        "doc_id | text | lang\n1 | Good start. | en\n2 | Short row. | \n5 | Last good. | fr\n",
        &Table::parse(&r.stdout).project(&["doc_id", "text", "lang"]),
    );
    assert_eq!(
        problems,
        [
            "tenor: warning: ragged.csv:3: row has 2 field(s) but the header has 3; the missing cells are read \
             as empty",
            "tenor: skipped: ragged.csv:4: row has 1 field(s) but the header has 3, so the text (column 2) is \
             missing",
            "tenor: skipped: ragged.csv:5: row has 4 fields but the header has 3: an unquoted delimiter may have \
             shifted the columns",
        ]
    );
    assert_eq!(r.summary(), (3, 3, 2));
}

#[test]
fn jsonl_defects_skip_their_line_only() {
    let dir = with_fixtures(&["defects.jsonl"]);
    let (r, _, problems) = score(dir.path(), &["defects.jsonl", "--source-col", "meta.source"]);
    r.expect_code(3);
    // j7 is the last line, without a newline.
    assert_same(
        "JSONL defects",
        "doc_id | source | text\nj1 | Wire | Markets rallied.\nj7 | Daily | Doubts grew.\n",
        &Table::parse(&r.stdout).project(&["doc_id", "source", "text"]),
    );
    assert_eq!(
        problems,
        [
            "tenor: skipped: defects.jsonl:2: invalid JSON at column 20: expected value",
            "tenor: skipped: defects.jsonl:3: text field \"text\" is null",
            "tenor: skipped: defects.jsonl:4: text field \"text\" is a number, not a string",
            "tenor: skipped: defects.jsonl:6: line is a string, not a JSON object",
        ]
    );
    // Six non-blank lines: two scored, four skipped.
    assert_eq!(r.summary(), (2, 2, 4));
}

/// JSON Lines records `g0`, `g1`, ... and the gzip of them cut in half.
fn truncated_gzip(records: usize) -> Vec<u8> {
    let text: String = (0..records)
        .map(|i| {
            format!("{{\"id\":\"g{i}\",\"text\":\"Shares of firm {i} rose. Doubts grew about firm {i}.\"}}\n")
        })
        .collect();
    let gz = crate::gzip(text.as_bytes());
    gz[..gz.len() / 2].to_vec()
}

#[test]
fn a_truncated_gzip_is_scored_up_to_the_cut_and_reported() {
    let dir = tempdir();
    write(dir.path(), "cut.jsonl.gz", truncated_gzip(3000));
    write(dir.path(), "after.csv", "id,text\nz1,Markets rallied.\n");
    let (r, _, problems) = score(dir.path(), &["cut.jsonl.gz", "after.csv", "--errors", "errors.csv"]);
    r.expect_code(3);
    let table = Table::parse(&r.stdout);
    let mut ids = table.column("doc_id");
    ids.dedup();
    let (last, read) = (ids.pop().unwrap(), ids.len());
    assert_eq!(last, "z1", "the next input is still read");
    assert!(read > 100 && read < 3000, "{read} of 3000 records before the cut");
    let expected: Vec<String> = (0..read).map(|i| format!("g{i}")).collect();
    assert_eq!(ids, expected, "the records before the cut, in order");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let message = format!(
        "tenor: skipped: cut.jsonl.gz:{}: gzip stream is truncated after {read} record(s): the rest of the file is lost",
        read + 1
    );
    assert_eq!(problems[0], message);
    assert_eq!(r.summary(), (read as u64 + 1, 2 * read as u64 + 1, 1));
    let errors = std::fs::read_to_string(dir.path().join("errors.csv")).unwrap();
    assert!(
        errors.contains(&format!("skipped,cut.jsonl.gz,{},gzip stream is truncated", read + 1)),
        "{errors}"
    );
}

#[test]
fn a_long_document_without_punctuation_is_cut_into_bounded_sentences() {
    // Mostly plain words with a cue now and then, like a scraped table or transcript. (Cue-dense
    // run-on text is far slower: see `cue_dense_run_on_text_scores_in_about_linear_time`.)
    const WORDS: [&str; 12] = [
        "the",
        "quarterly",
        "report",
        "lists",
        "figures",
        "for",
        "each",
        "region",
        "and",
        "segment",
        "growth",
        "2024",
    ];
    let mut text = String::with_capacity(20_000_100);
    let mut i = 0usize;
    while text.len() < 20_000_000 {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[(i * 7 + i / 5) % WORDS.len()]);
        i += 1;
    }
    let dir = tempdir();
    write(dir.path(), "long.txt", &text);
    let r = run(tenor(dir.path()).args(["score", "long.txt"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    let sentences = table.column("text");
    assert!(sentences.len() >= 20_000_000 / 2_000, "{} sentences", sentences.len());
    let longest = sentences.iter().map(|s| s.len()).max().unwrap();
    assert!(longest <= 2_000, "a sentence of {longest} bytes");
    assert!(sentences.join(" ") == text, "the sentences, joined, are not the document");
    let words: u64 = table.column("words").iter().map(|w| w.parse::<u64>().unwrap()).sum();
    assert_eq!(words, i as u64);
}

#[test]
fn ten_thousand_exclamation_marks_count_as_four() {
    let dir = tempdir();
    let text = format!("Great news{} !!!!\nGreat news!!!!\nShares rose.", "!".repeat(10_000));
    write(dir.path(), "bang.txt", &text);
    let r = run(tenor(dir.path()).args(["score", "bang.txt"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    assert_eq!(table.rows.len(), 3, "{}", table.project(&["sentence_id", "words"]));
    assert_eq!(table.rows[0][table.col("text")], format!("Great news{}", "!".repeat(10_000)));
    let scores = ["sentiment", "stance", "label", "optimism", "skepticism"];
    let row = |i: usize| scores.map(|c| table.rows[i][table.col(c)].clone());
    assert_eq!(row(0), row(1), "emphasis stops growing after a few marks");
}

#[test]
fn deeply_repeated_negators_complete() {
    let dir = tempdir();
    let text = format!(
        "It is {}good. Analysts did {}call it a bold play. {}",
        "not ".repeat(5_000),
        "never not no ".repeat(2_000),
        "Not! ".repeat(2_000)
    );
    write(dir.path(), "not.txt", &text);
    let (r, _, problems) = score(dir.path(), &["not.txt"]);
    r.expect_code(0);
    assert!(problems.is_empty(), "{problems:?}");
    let table = Table::parse(&r.stdout);
    let joined: String = table.column("text").join(" ");
    assert_eq!(joined.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn every_script_and_emoji_pass_through_unchanged() {
    let dir = with_fixtures(&["scripts.txt"]);
    let (r, _, problems) = score(dir.path(), &["scripts.txt"]);
    r.expect_code(0);
    assert!(problems.is_empty(), "{problems:?}");
    let table = Table::parse(&r.stdout);
    let original = std::fs::read_to_string(dir.path().join("scripts.txt")).unwrap();
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(squeeze(&table.column("text").join(" ")), squeeze(&original), "every character is kept");
    assert_eq!(table.column("label")[0], "optimistic", "{}", table.column("text")[0]);
}

#[test]
fn zero_width_and_bidi_controls_do_not_hide_cues() {
    let dir = with_fixtures(&["invisible.txt"]);
    let (r, table, problems) = score(dir.path(), &["invisible.txt"]);
    r.expect_code(0);
    assert!(problems.is_empty(), "{problems:?}");
    let expected: String = std::fs::read_to_string(dir.path().join("invisible.txt"))
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let label = if line.contains("gamble") { "skeptical" } else { "optimistic" };
            format!("invisible.txt | {} | {label} | {line}\n", i + 1)
        })
        .collect();
    assert_same("invisible characters", &format!("doc_id | sentence_id | label | text\n{expected}"), &table);
    let stances =
        Table::parse(&r.stdout).column("stance").into_iter().map(str::to_string).collect::<Vec<_>>();
    assert!(stances[..5].iter().all(|s| *s == stances[0]), "{stances:?}");
    assert!(stances[5..].iter().all(|s| *s == stances[5]), "{stances:?}");
}
