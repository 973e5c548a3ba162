//! Text cells a spreadsheet would run as a formula get a leading `'`; score cells never do.

use serde_json::json;

use crate::{assert_same, run, tempdir, tenor, write, Table};

/// JSON Lines, so that cells can start with a tab or a carriage return (line ends in CSV and
/// text files are normalised to `\n` on reading).
fn corpus() -> String {
    let records = [
        json!({
            "id": "=cmd|' /C calc'!A0", "date": "2024-01-01", "source": "+Wire", "note": "-note",
            "text": "=1+2 rose sharply. +5 percent gains lifted shares. -3 points fell. \
                     @trader cheered the bold play. Critics saw an expensive gamble."
        }),
        json!({
            "id": "@user", "date": "\r2024-01-02", "source": "\tTabbed", "note": "  =SUM(A1:A9)",
            "text": "Shares rose."
        }),
        json!({
            "id": "  @x", "date": "2024-01-03", "source": " +y", "note": "\r\nline",
            "text": "Plain news. The rate is a=b. 'Quoted' words came."
        }),
        json!({ "id": "ok", "date": "2024-01-04", "source": "Daily", "note": "a=b", "text": "Doubts grew." }),
    ];
    records.iter().map(|r| format!("{r}\n")).collect()
}

const COLS: [&str; 6] = ["doc_id", "date", "source", "note", "sentence_id", "text"];

#[test]
fn formula_lead_ins_are_neutralised_in_every_text_cell() {
    let dir = tempdir();
    write(dir.path(), "a.jsonl", corpus());
    let r = run(tenor(dir.path()).args(["score", "--keep-cols", "note", "a.jsonl"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    assert_same(
        "neutralised cells",
        "doc_id | date | source | note | sentence_id | text\n\
         '=cmd|' /C calc'!A0 | 2024-01-01 | '+Wire | '-note | 1 | '=1+2 rose sharply.\n\
         '=cmd|' /C calc'!A0 | 2024-01-01 | '+Wire | '-note | 2 | '+5 percent gains lifted shares.\n\
         '=cmd|' /C calc'!A0 | 2024-01-01 | '+Wire | '-note | 3 | '-3 points fell.\n\
         '=cmd|' /C calc'!A0 | 2024-01-01 | '+Wire | '-note | 4 | '@trader cheered the bold play.\n\
         '=cmd|' /C calc'!A0 | 2024-01-01 | '+Wire | '-note | 5 | Critics saw an expensive gamble.\n\
         '@user | '\r2024-01-02 | '\tTabbed | '  =SUM(A1:A9) | 1 | Shares rose.\n\
         '  @x | 2024-01-03 | ' +y | '\r\nline | 1 | Plain news.\n\
         '  @x | 2024-01-03 | ' +y | '\r\nline | 2 | The rate is a=b.\n\
         '  @x | 2024-01-03 | ' +y | '\r\nline | 3 | 'Quoted' words came.\n\
         ok | 2024-01-04 | Daily | a=b | 1 | Doubts grew.\n",
        &table.project(&COLS),
    );
    assert_score_cells_untouched(&table);
}

#[test]
fn document_rows_neutralise_ids_sources_and_kept_cells() {
    let dir = tempdir();
    write(dir.path(), "a.jsonl", corpus());
    let r = run(tenor(dir.path()).args(["score", "--level", "document", "--keep-cols", "note", "a.jsonl"]));
    r.expect_code(0);
    assert_same(
        "neutralised document cells",
        "doc_id | date | source | note\n\
         '=cmd|' /C calc'!A0 | 2024-01-01 | '+Wire | '-note\n\
         '@user | '\r2024-01-02 | '\tTabbed | '  =SUM(A1:A9)\n\
         '  @x | 2024-01-03 | ' +y | '\r\nline\n\
         ok | 2024-01-04 | Daily | a=b\n",
        &Table::parse(&r.stdout).project(&["doc_id", "date", "source", "note"]),
    );
}

#[test]
fn raw_text_writes_cells_as_they_are() {
    let dir = tempdir();
    write(dir.path(), "a.jsonl", corpus());
    let r = run(tenor(dir.path()).args(["score", "--raw-text", "--keep-cols", "note", "a.jsonl"]));
    r.expect_code(0);
    let table = Table::parse(&r.stdout);
    assert_same(
        "raw cells",
        "doc_id | date | source | note | sentence_id | text\n\
         =cmd|' /C calc'!A0 | 2024-01-01 | +Wire | -note | 1 | =1+2 rose sharply.\n\
         =cmd|' /C calc'!A0 | 2024-01-01 | +Wire | -note | 2 | +5 percent gains lifted shares.\n\
         =cmd|' /C calc'!A0 | 2024-01-01 | +Wire | -note | 3 | -3 points fell.\n\
         =cmd|' /C calc'!A0 | 2024-01-01 | +Wire | -note | 4 | @trader cheered the bold play.\n\
         =cmd|' /C calc'!A0 | 2024-01-01 | +Wire | -note | 5 | Critics saw an expensive gamble.\n\
         @user | \r2024-01-02 | \tTabbed |   =SUM(A1:A9) | 1 | Shares rose.\n\
         \x20 @x | 2024-01-03 |  +y | \r\nline | 1 | Plain news.\n\
         \x20 @x | 2024-01-03 |  +y | \r\nline | 2 | The rate is a=b.\n\
         \x20 @x | 2024-01-03 |  +y | \r\nline | 3 | 'Quoted' words came.\n\
         ok | 2024-01-04 | Daily | a=b | 1 | Doubts grew.\n",
        &table.project(&COLS),
    );
    // Only the text cells change: the score columns are the same bytes either way.
    let neutral = Table::parse(&run(tenor(dir.path()).args(["score", "a.jsonl"])).expect_code(0).stdout);
    let scores = ["sentence_id", "sentiment", "stance", "label", "optimism", "skepticism", "hedges", "words"];
    assert_same(
        "score columns with and without --raw-text",
        &neutral.project(&scores),
        &table.project(&scores),
    );
}

/// Score cells are numbers as written, negative ones included, never prefixed.
#[track_caller]
fn assert_score_cells_untouched(table: &Table) {
    crate::assert_scores_in_range(table);
    let stances = table.column("stance");
    assert!(stances.iter().any(|s| s.starts_with('-')), "a negative stance to check: {stances:?}");
    for name in ["sentiment", "stance", "optimism", "skepticism", "hedges", "words", "sentence_id"] {
        for cell in table.column(name) {
            assert!(!cell.starts_with('\''), "{name} cell {cell:?} was neutralised");
        }
    }
}
