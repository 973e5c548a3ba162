//! End-to-end tests of the `tenor` binary: each test writes its inputs into a temporary
//! directory, runs the real command there and compares whole outputs, printing both sides on
//! a mismatch.
//!
//! Not for the scoring rules or the readers' corner cases one by one: those have unit tests
//! beside their code. These tests pin what a user of the command sees: columns, exit codes,
//! messages, files left behind.

mod columns;
mod exits;
mod explain;
mod formats;
mod injection;
mod lexicon_hygiene;
mod lexicons;
mod ordering;
mod probes;
mod robustness;
mod safety;
mod trend;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The columns of a sentence-level row, in order.
pub const SENTENCE_HEADER: &str =
    "doc_id,sentence_id,date,source,sentiment,stance,label,optimism,skepticism,hedges,words,text";

/// The columns of a document-level row, in order.
pub const DOCUMENT_HEADER: &str = "doc_id,date,source,sentences,sentiment,stance,label,\
                                   optimistic_share,skeptical_share,neutral_share,hedges,words";

/// `tenor` with its working directory set to `dir`, so ids and messages name relative paths.
pub fn tenor(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tenor").expect("the tenor binary is built for tests");
    cmd.current_dir(dir);
    cmd
}

/// What a finished run left: its exit code and both streams as text.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` to the end (with empty standard input unless one was given).
pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("tenor runs");
    Run {
        code: output.status.code().expect("tenor exits with a code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `cmd` with `input` on standard input.
pub fn run_stdin(cmd: &mut Command, input: impl Into<Vec<u8>>) -> Run {
    run(cmd.write_stdin(input.into()))
}

impl Run {
    /// Panics with both streams unless the exit code is `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code {} (wanted {code})\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    /// The summary line's counts: (documents, sentences, skipped).
    #[track_caller]
    pub fn summary(&self) -> (u64, u64, u64) {
        summary(&self.stderr)
    }
}

/// Parses `tenor: N documents, S sentences, ... K skipped` out of `stderr`.
#[track_caller]
pub fn summary(stderr: &str) -> (u64, u64, u64) {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("tenor: ") && l.contains(" documents, ") && l.ends_with(" skipped"))
        .unwrap_or_else(|| panic!("no summary line in stderr:\n{stderr}"));
    let number_before = |word: &str| -> u64 {
        let head = &line[..line.find(word).unwrap_or_else(|| panic!("{word:?} in {line:?}"))];
        let digits = head.trim_end().rsplit([' ', ',']).next().unwrap_or("");
        digits.parse().unwrap_or_else(|_| panic!("a number before {word:?} in {line:?}"))
    };
    (number_before(" documents"), number_before(" sentences"), number_before(" skipped"))
}

/// Panics unless `actual == expected`, printing both whole and the first line that differs.
#[track_caller]
pub fn assert_same(what: &str, expected: &str, actual: &str) {
    if expected == actual {
        return;
    }
    let first = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    panic!(
        "{what}: outputs differ (first at line {})\n--- expected ---\n{expected}\n--- actual ---\n{actual}\n\
         --- expected line ---\n{:?}\n--- actual line ---\n{:?}",
        first + 1,
        expected.lines().nth(first),
        actual.lines().nth(first),
    );
}

/// A parsed CSV: its header and rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    #[track_caller]
    pub fn parse(csv_text: &str) -> Table {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text.as_bytes());
        let mut records = reader.records().map(|r| {
            r.unwrap_or_else(|e| panic!("output is not valid CSV: {e}\n{csv_text}"))
                .iter()
                .map(str::to_string)
                .collect::<Vec<String>>()
        });
        let header = records.next().unwrap_or_else(|| panic!("no header in output:\n{csv_text}"));
        let rows: Vec<Vec<String>> = records.collect();
        for row in &rows {
            assert_eq!(row.len(), header.len(), "ragged output row {row:?}\n{csv_text}");
        }
        Table { header, rows }
    }

    /// The position of column `name`.
    #[track_caller]
    pub fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.header))
    }

    /// The values of column `name`, top to bottom.
    #[track_caller]
    pub fn column(&self, name: &str) -> Vec<&str> {
        let i = self.col(name);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }

    /// The named columns as text, one row per line, cells joined by ` | ` (a header line first),
    /// for whole-output comparisons that leave out what does not matter to a test.
    #[track_caller]
    pub fn project(&self, names: &[&str]) -> String {
        let idx: Vec<usize> = names.iter().map(|n| self.col(n)).collect();
        let mut out = names.join(" | ");
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<&str> = idx.iter().map(|&i| row[i].as_str()).collect();
            out.push_str(&cells.join(" | "));
            out.push('\n');
        }
        out
    }
}

/// Writes `contents` to `dir/name` (creating folders) and returns the path.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create fixture folder");
    }
    std::fs::write(&path, contents).expect("write fixture");
    path
}

/// The checked-in fixtures of these tests.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli").join(name)
}

/// Copies checked-in fixtures into `dir`, each under its file name.
pub fn copy_fixtures(dir: &Path, names: &[&str]) {
    for name in names {
        let to = dir.join(Path::new(name).file_name().expect("a fixture is a file"));
        std::fs::copy(fixture(name), to).unwrap_or_else(|e| panic!("copy fixture {name}: {e}"));
    }
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("create a temporary directory")
}

/// Gzips `bytes`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// Every score cell of a sentence-level table parses as a number in its range.
#[track_caller]
pub fn assert_scores_in_range(table: &Table) {
    for name in ["sentiment", "stance"] {
        for cell in table.column(name) {
            let x: f64 = cell.parse().unwrap_or_else(|_| panic!("{name} {cell:?} is not a number"));
            assert!((-1.0..=1.0).contains(&x), "{name} {x} out of [-1, 1]");
        }
    }
    for name in ["optimism", "skepticism"] {
        for cell in table.column(name) {
            let x: f64 = cell.parse().unwrap_or_else(|_| panic!("{name} {cell:?} is not a number"));
            assert!(x >= 0.0 && x.is_finite(), "{name} {x} is negative or not finite");
        }
    }
    for cell in table.column("label") {
        assert!(["optimistic", "skeptical", "neutral"].contains(&cell), "label {cell:?}");
    }
}
