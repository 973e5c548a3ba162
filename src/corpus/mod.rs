//! Corpus readers: turn the command-line inputs (text, Markdown, CSV, TSV and JSON Lines files,
//! gzipped or not, or standard input) into a stream of [`Document`]s to score.
//!
//! Every record becomes exactly one [`Event`]: a [`Document`], or a [`Problem`] saying why it
//! could not be scored ([`Event::Skipped`]). Records that were scored despite a defect also get an
//! [`Event::Warning`]. Only problems that make a whole input unreadable (it cannot be opened, the
//! text column does not exist, ...) are a [`CorpusError`].
//!
//! Readers stream: CSV, TSV and JSONL are read record by record through a large buffer, and
//! `.gz` files are decompressed on the fly. All text handed out is UTF-8 (a UTF-8 byte-order
//! mark is dropped, UTF-16 with a byte-order mark is decoded, invalid UTF-8 is replaced with
//! U+FFFD and reported once per file) with line ends normalised to `\n`.
//!
//! This module is not for sentence splitting, scoring or writing output; it knows nothing about
//! what happens to a document after it is read.

mod columns;
mod decode;
mod delimited;
mod detect;
mod jsonl;
#[cfg(test)]
mod test_io;
mod text;

use std::io::{self, Read};
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub use detect::expand_inputs;

/// One document to score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The id column or field; else `<file>:<line>`; for text files, the path as given.
    pub id: String,
    /// Raw text of the date column (JSON numbers rendered as text); `None` when absent or empty.
    pub date: Option<String>,
    /// The source (outlet) column; `None` when absent or empty.
    pub source: Option<String>,
    /// The title column; `None` when absent or empty. Never prepended to `text`.
    pub title: Option<String>,
    /// The text to score: the text column, or the whole file for text files.
    pub text: String,
    /// Values of [`ReadOptions::keep_cols`] in that order (`""` when absent).
    pub kept: Vec<String>,
    /// Where the record came from.
    pub origin: Origin,
}

/// Where a record came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The input as named on the command line (`-` for standard input).
    pub file: Arc<str>,
    /// The 1-based physical line where the record starts.
    pub line: u64,
}

impl std::fmt::Display for Origin {
    /// `file:line`, or just `file` for a problem with the whole file (line 0).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}:{}", self.file, self.line)
        }
    }
}

/// A record that could not be scored (counted and reported, never silently dropped), or a
/// warning about a record that was scored anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the record starts.
    pub origin: Origin,
    /// What is wrong, in words meant for the user.
    pub reason: String,
}

/// What a reader yields for each record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A record to score.
    Document(Document),
    /// A record that could not be read as a document.
    Skipped(Problem),
    /// A record that was read, but with a defect worth reporting.
    Warning(Problem),
}

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text or Markdown: the whole file is one document.
    Text,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// JSON Lines: one JSON object per line.
    Jsonl,
}

impl FromStr for Format {
    type Err = CorpusError;

    /// Parses a `--format` value: `text` (or `txt`, `md`), `csv`, `tsv`, `jsonl` (or `ndjson`).
    fn from_str(name: &str) -> Result<Format, CorpusError> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" => Ok(Format::Text),
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            _ => Err(CorpusError::UnknownFormatName { name: name.to_string() }),
        }
    }
}

/// One input to read, as found by [`expand_inputs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The file to read; `None` for standard input.
    pub path: Option<PathBuf>,
    /// How to name the input in ids and messages: the path as given, or `-`.
    pub display: Arc<str>,
    /// The format to parse.
    pub format: Format,
    /// Whether to gunzip the bytes first.
    pub gzip: bool,
    /// Bytes on disk, for progress; `None` for standard input.
    pub size: Option<u64>,
}

/// How to read the inputs: which columns to use, and an optional forced format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Column (or JSON field or dotted path) holding the text; default: text/body/content/article.
    pub text_col: Option<String>,
    /// Column holding the id; default: id/url.
    pub id_col: Option<String>,
    /// Column holding the date; default: date/published/published_at/timestamp.
    pub date_col: Option<String>,
    /// Column holding the source; default: source/outlet/domain/publisher.
    pub source_col: Option<String>,
    /// Column holding the title; default: title/headline.
    pub title_col: Option<String>,
    /// Columns copied through to [`Document::kept`].
    pub keep_cols: Vec<String>,
    /// Forced format (required for standard input); otherwise detected from the file name.
    pub format: Option<Format>,
}

/// A fatal error for one input: it cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The input could not be opened, listed or read before its first record.
    #[error("{path}: {err}")]
    Io {
        /// The input or directory as named on the command line.
        path: String,
        /// What the operating system said.
        err: io::Error,
    },
    /// A column we need is not in the header (or the first JSON object).
    #[error("{file}:{line}: {wanted}; the columns are: {}", columns::list_names(.present))]
    MissingColumn {
        /// The input.
        file: String,
        /// The line of the header (or first JSON object).
        line: u64,
        /// Which column was wanted and how, e.g. `no column "pubdate" (--date-col)`.
        wanted: String,
        /// The columns the input does have.
        present: Vec<String>,
    },
    /// A column we need appears more than once in the header, so which one to use is ambiguous.
    #[error(
        "{file}:{line}: column \"{name}\" appears {count} times, so the {role} column is \
         ambiguous; rename the duplicates or choose a column with {flag}"
    )]
    DuplicateColumn {
        /// The input.
        file: String,
        /// The line of the header (or first JSON object).
        line: u64,
        /// The duplicated name.
        name: String,
        /// How many columns have that name.
        count: usize,
        /// What we wanted it for: `text`, `id`, `date`, ...
        role: &'static str,
        /// The option that picks that column explicitly.
        flag: &'static str,
    },
    /// The format cannot be told from the file name.
    #[error(
        "{path}: unknown input format (expected .txt, .md, .csv, .tsv, .jsonl or .ndjson, \
         optionally gzipped as .gz); name it with --format"
    )]
    UnknownFormat {
        /// The file as named.
        path: String,
    },
    /// Standard input has no file name to tell its format from.
    #[error("reading standard input (-) needs --format (text, csv, tsv or jsonl)")]
    StdinNeedsFormat,
    /// A `--format` value that is not a format.
    #[error("unknown format \"{name}\" (expected text, csv, tsv or jsonl)")]
    UnknownFormatName {
        /// The value given.
        name: String,
    },
}

/// Opens one input and streams its events.
///
/// `bytes_read` is incremented as raw bytes (compressed bytes for `.gz`) are consumed, so a
/// progress bar can show bytes done of [`Input::size`].
pub fn read(
    input: &Input,
    opts: &ReadOptions,
    bytes_read: Arc<AtomicU64>,
) -> Result<Box<dyn Iterator<Item = Event> + Send>, CorpusError> {
    let opened = Opened {
        bytes: decode::open_raw(input, bytes_read)?,
        name: InputName { file: Arc::clone(&input.display), gzip: input.gzip },
    };
    match input.format {
        Format::Text => Ok(Box::new(text::read_text(opened, opts))),
        Format::Csv => delimited::read_delimited(opened, b',', opts),
        Format::Tsv => delimited::read_delimited(opened, b'\t', opts),
        Format::Jsonl => jsonl::read_jsonl(opened, opts),
    }
}

/// An input opened for reading: its (already gunzipped) bytes and how to name it.
pub(crate) struct Opened {
    pub(crate) bytes: Box<dyn Read + Send>,
    pub(crate) name: InputName,
}

/// How to name an input in ids and messages.
#[derive(Clone, Debug)]
pub(crate) struct InputName {
    pub(crate) file: Arc<str>,
    pub(crate) gzip: bool,
}

impl InputName {
    fn origin(&self, line: u64) -> Origin {
        Origin { file: Arc::clone(&self.file), line }
    }

    /// The id of a record that has none of its own.
    fn fallback_id(&self, line: u64) -> String {
        format!("{}:{}", self.file, line)
    }

    fn skipped(&self, line: u64, reason: String) -> Event {
        Event::Skipped(Problem { origin: self.origin(line), reason })
    }

    fn warning(&self, line: u64, reason: String) -> Event {
        Event::Warning(Problem { origin: self.origin(line), reason })
    }

    /// The event that ends a stream broken by `err` after `records` records.
    fn stream_error(&self, line: u64, err: &io::Error, records: u64) -> Event {
        let reason = if self.gzip && err.kind() == io::ErrorKind::UnexpectedEof {
            format!("gzip stream is truncated after {records} record(s): the rest of the file is lost")
        } else {
            format!("read error after {records} record(s): {err}; the rest of the file is not read")
        };
        self.skipped(line, reason)
    }
}

impl CorpusError {
    /// Whether the error concerns the command line rather than one unreadable file (a missing
    /// or ambiguous column, an unknown format): scoring the other inputs would repeat it, so
    /// the run stops instead of skipping the input.
    pub fn is_fatal(&self) -> bool {
        !matches!(self, CorpusError::Io { .. })
    }

    /// The reason to report for an input that could not be opened, without repeating its path
    /// (the report names the file already).
    pub fn file_reason(&self) -> String {
        match self {
            CorpusError::Io { err, .. } => err.to_string(),
            other => other.to_string(),
        }
    }
}

/// A reader that turns its input into events a record at a time, into a queue: one record
/// may give several events (a warning and a document) or none (a blank line).
trait Advance {
    /// Reads one record and queues its events, or marks the stream as done.
    fn advance(&mut self);
    fn queue(&mut self) -> &mut std::collections::VecDeque<Event>;
    fn done(&self) -> bool;
}

/// The iterator over an [`Advance`] reader's events.
struct Queued<R>(R);

impl<R: Advance> Iterator for Queued<R> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.0.queue().pop_front() {
                return Some(event);
            }
            if self.0.done() {
                return None;
            }
            self.0.advance();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse_case_insensitively() {
        assert_eq!("CSV".parse::<Format>().unwrap(), Format::Csv);
        assert_eq!("ndjson".parse::<Format>().unwrap(), Format::Jsonl);
        assert_eq!("md".parse::<Format>().unwrap(), Format::Text);
        let err = "xml".parse::<Format>().unwrap_err();
        assert!(err.to_string().contains("\"xml\""), "{err}");
    }

    #[test]
    fn read_dispatches_every_format() {
        let tree = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/tree");
        let inputs = expand_inputs(&[tree], &ReadOptions::default()).unwrap();
        let texts: Vec<String> = inputs
            .iter()
            .flat_map(|input| read(input, &ReadOptions::default(), Arc::default()).unwrap())
            .map(|event| match event {
                Event::Document(d) => d.text,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            ["Markets rallied.", "Hope rose.", "# Note\n\nShares fell.\n", "Doubts grew.", "Plain text.\n"]
        );
    }

    #[test]
    fn truncated_gzip_is_named_as_such() {
        let name = InputName { file: "a.csv.gz".into(), gzip: true };
        let err = io::Error::from(io::ErrorKind::UnexpectedEof);
        let Event::Skipped(p) = name.stream_error(7, &err, 5) else { panic!("not skipped") };
        assert_eq!(p.origin.to_string(), "a.csv.gz:7");
        assert!(p.reason.contains("truncated after 5 record(s)"), "{}", p.reason);
    }
}
