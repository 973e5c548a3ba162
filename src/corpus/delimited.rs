//! CSV and TSV files: a header row, then one document per row, streamed record by record.
//!
//! Rows that do not fit the header are decided here:
//! - a row with *fewer* fields than the header is scored when its text cell is there (the
//!   missing cells read as empty, with a warning): spreadsheets drop trailing empty cells, and the
//!   cells that are there are in their right columns. Without its text cell it is skipped.
//! - a row with *more* fields is skipped: an unquoted delimiter (a comma in a text) shifts every
//!   column after it, so no cell can be trusted.
//! - a quote that is never closed swallows the rest of the file into one field. When the last
//!   record ran to the end of the file inside a quoted field, that record is skipped (naming the
//!   line where the quote opened) and the lines it swallowed are read again as rows. A row whose
//!   field count is wrong and which has a field spanning lines is skipped as a probable
//!   unbalanced quote, naming where that field starts.
//!
//! Both formats use `"` quoting (as Python's and R's writers do for TSV too).
//!
//! Not for guessing delimiters or headerless files: the format comes from the file name or
//! `--format`, and the first row is always the header.

use std::collections::VecDeque;
use std::io::{self, Cursor, Read};

use csv::{ByteRecord, ReaderBuilder};

use super::columns::{self, Columns};
use super::decode::{lossy_string, Decoder, Lossy, BUF_CAPACITY};
use super::{Advance, CorpusError, Document, Event, InputName, Opened, Queued, ReadOptions};

/// Reads the header and returns the rows' events; an empty file has no events.
pub(crate) fn read_delimited(
    opened: Opened,
    delimiter: u8,
    opts: &ReadOptions,
) -> Result<Box<dyn Iterator<Item = Event> + Send>, CorpusError> {
    let Opened { bytes, name } = opened;
    let mut rdr = csv_reader(delimiter, RowSource::Stream(Decoder::new(bytes)));
    let mut header = ByteRecord::new();
    let has_header = rdr
        .read_byte_record(&mut header)
        .map_err(|err| CorpusError::Io { path: name.file.to_string(), err: into_io(err) })?;
    if !has_header {
        return Ok(Box::new(std::iter::empty()));
    }
    let header_line = start_line(&header, &rdr, 1);
    let names: Vec<String> = header.iter().map(|cell| lossy_string(cell).trim().to_string()).collect();
    let columns = columns::resolve(&names, opts, &name.file, header_line)?;
    Ok(Box::new(Queued(DelimitedEvents {
        rdr,
        delimiter,
        record: ByteRecord::new(),
        name,
        columns,
        header_len: names.len(),
        line_offset: 0,
        records: 0,
        lossy: None,
        queue: VecDeque::new(),
        done: false,
    })))
}

fn csv_reader(delimiter: u8, source: RowSource) -> csv::Reader<Watched> {
    ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(BUF_CAPACITY)
        .from_reader(Watched {
            source,
            emitted: 0,
            eof: false,
            last_byte: None,
            quote_run: 0,
            blank_after: false,
        })
}

/// The events of the rows after the header.
struct DelimitedEvents {
    rdr: csv::Reader<Watched>,
    delimiter: u8,
    record: ByteRecord,
    name: InputName,
    columns: Columns,
    header_len: usize,
    /// Lines before the current source's first line: set when re-reading the rows an
    /// unbalanced quote swallowed.
    line_offset: u64,
    /// Records read so far, whatever became of them.
    records: u64,
    /// The file's invalid text, saved when its stream is replaced by a re-read.
    lossy: Option<Lossy>,
    queue: VecDeque<Event>,
    done: bool,
}

impl Advance for DelimitedEvents {
    fn advance(&mut self) {
        DelimitedEvents::advance(self);
    }

    fn queue(&mut self) -> &mut VecDeque<Event> {
        &mut self.queue
    }

    fn done(&self) -> bool {
        self.done
    }
}

impl DelimitedEvents {
    /// Reads one record and queues its events, or ends the stream.
    fn advance(&mut self) {
        let line_before = self.rdr.position().line();
        match self.rdr.read_byte_record(&mut self.record) {
            Ok(true) => {
                self.records += 1;
                self.on_record(line_before);
            }
            Ok(false) => {
                self.done = true;
                self.queue_lossy();
            }
            Err(err) => {
                self.done = true;
                self.queue_lossy();
                let line = self.line_offset + self.rdr.position().line();
                let event = self.name.stream_error(line, &into_io(err), self.records);
                self.queue.push_back(event);
            }
        }
    }

    fn queue_lossy(&mut self) {
        let lossy = self.lossy.take().or_else(|| self.rdr.get_ref().lossy());
        if let Some(lossy) = lossy {
            self.queue.push_back(lossy.warning(&self.name.file));
        }
    }

    fn on_record(&mut self, line_before: u64) {
        let line = self.line_offset + start_line(&self.record, &self.rdr, line_before);
        if let Some(quote_line) = self.unclosed_quote(line) {
            self.recover(quote_line);
            return;
        }
        let (fields, header) = (self.record.len(), self.header_len);
        if fields == header {
            let document = self.document(line);
            self.queue.push_back(Event::Document(document));
            return;
        }
        if let Some((field, first_line)) = self.longest_field(line) {
            let last_line = first_line + newlines(&self.record[field]);
            let reason = format!(
                "row has {fields} field(s) but the header has {header}; an unbalanced quote \
                 probably joined lines {first_line}-{last_line}"
            );
            self.queue.push_back(self.name.skipped(first_line, reason));
        } else if fields > header {
            let reason = format!(
                "row has {fields} fields but the header has {header}: an unquoted delimiter \
                 may have shifted the columns"
            );
            self.queue.push_back(self.name.skipped(line, reason));
        } else if self.columns.text >= fields {
            let reason = format!(
                "row has {fields} field(s) but the header has {header}, so the text (column {}) \
                 is missing",
                self.columns.text + 1
            );
            self.queue.push_back(self.name.skipped(line, reason));
        } else {
            let document = self.document(line);
            self.queue.push_back(Event::Document(document));
            let reason = format!(
                "row has {fields} field(s) but the header has {header}; the missing cells are \
                 read as empty"
            );
            self.queue.push_back(self.name.warning(line, reason));
        }
    }

    fn document(&self, line: u64) -> Document {
        let cell = |i: usize| self.record.get(i).unwrap_or_default();
        let optional =
            |i: Option<usize>| i.map(cell).filter(|c| !c.trim_ascii().is_empty()).map(lossy_string);
        Document {
            id: optional(self.columns.id).unwrap_or_else(|| self.name.fallback_id(line)),
            date: optional(self.columns.date),
            source: optional(self.columns.source),
            title: optional(self.columns.title),
            text: lossy_string(cell(self.columns.text)),
            kept: self.columns.keep.iter().map(|&i| lossy_string(cell(i))).collect(),
            origin: self.name.origin(line),
        }
    }

    /// If the record ran to the end of the file inside a quoted field that was never closed,
    /// the line where that field's quote opened.
    ///
    /// A field holding a line end was quoted; it was closed if the stream ends (before trailing
    /// blanks) with an odd run of quotes: `""` inside a quoted field is an escaped quote.
    fn unclosed_quote(&self, line: u64) -> Option<u64> {
        let watched = self.rdr.get_ref();
        if !ran_to_eof(&self.rdr) || watched.quote_run % 2 == 1 {
            return None;
        }
        let last = self.record.len().checked_sub(1)?;
        memchr::memchr(b'\n', &self.record[last])?;
        let before: u64 = (0..last).map(|i| newlines(&self.record[i])).sum();
        Some(line + before)
    }

    /// Skips the record whose quote opened on `quote_line` and swallowed the rest of the file,
    /// and re-reads the lines after that one as rows.
    fn recover(&mut self, quote_line: u64) {
        let last = &self.record[self.record.len() - 1];
        let rest = match memchr::memchr(b'\n', last) {
            Some(at) => last[at + 1..].to_vec(),
            None => Vec::new(),
        };
        let mut reason =
            format!("unbalanced quote: the quoted field opened on line {quote_line} is never closed");
        if rest.trim_ascii().is_empty() {
            self.queue.push_back(self.name.skipped(quote_line, reason));
            return;
        }
        reason.push_str(&format!(
            "; the {} line(s) after it are read again as rows",
            newlines(&rest) + u64::from(!rest.ends_with(b"\n"))
        ));
        self.queue.push_back(self.name.skipped(quote_line, reason));
        // The stream has ended, so what it found invalid is final.
        self.lossy = self.rdr.get_ref().lossy();
        self.rdr = csv_reader(self.delimiter, RowSource::Recovered(Cursor::new(rest)));
        self.line_offset = quote_line;
    }

    /// The field spanning the most lines, if one spans several, and the line it starts on.
    fn longest_field(&self, line: u64) -> Option<(usize, u64)> {
        let counts: Vec<u64> = self.record.iter().map(newlines).collect();
        let (field, &most) = counts.iter().enumerate().max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
        (most > 0).then(|| (field, line + counts[..field].iter().sum::<u64>()))
    }
}

fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// Whether the record just read ended at the end of the stream.
fn ran_to_eof(rdr: &csv::Reader<Watched>) -> bool {
    let watched = rdr.get_ref();
    watched.eof && rdr.position().byte() == watched.emitted
}

/// The physical line where the record just read starts, in its source.
///
/// The csv crate's record position is where the previous record ended, before any blank lines
/// it skips; counting back from where this record ended puts the line right.
fn start_line(record: &ByteRecord, rdr: &csv::Reader<Watched>, line_before: u64) -> u64 {
    let terminated = !(ran_to_eof(rdr) && rdr.get_ref().last_byte != Some(b'\n'));
    let end = rdr.position().line();
    let start = end.saturating_sub(newlines(record.as_slice()) + u64::from(terminated));
    start.max(line_before)
}

fn into_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Where rows come from: the file, or the lines an unbalanced quote swallowed, read again.
enum RowSource {
    Stream(Decoder),
    Recovered(Cursor<Vec<u8>>),
}

/// Watches the bytes handed to the csv parser: how many, whether the stream ended, and how the
/// stream ends, to tell a closed quote from one that ran to the end of the file.
struct Watched {
    source: RowSource,
    emitted: u64,
    eof: bool,
    last_byte: Option<u8>,
    /// Length of the run of `"` before the trailing blanks of what was read so far.
    quote_run: u64,
    /// Whether blanks (space, tab, newline) follow that run.
    blank_after: bool,
}

impl Watched {
    fn lossy(&self) -> Option<Lossy> {
        match &self.source {
            RowSource::Stream(decoder) => decoder.lossy(),
            RowSource::Recovered(_) => None,
        }
    }

    fn note(&mut self, chunk: &[u8]) {
        self.emitted += chunk.len() as u64;
        self.last_byte = chunk.last().copied();
        let is_blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\n');
        let Some(end) = chunk.iter().rposition(|b| !is_blank(b)) else {
            self.blank_after |= !chunk.is_empty();
            return;
        };
        let run = chunk[..=end].iter().rev().take_while(|&&b| b == b'"').count();
        self.quote_run =
            if run == end + 1 && !self.blank_after { self.quote_run + run as u64 } else { run as u64 };
        self.blank_after = end + 1 < chunk.len();
    }
}

impl Read for Watched {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match &mut self.source {
            RowSource::Stream(decoder) => decoder.read(buf)?,
            RowSource::Recovered(bytes) => bytes.read(buf)?,
        };
        if n == 0 {
            self.eof = true;
        } else {
            self.note(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;

    use flate2::write::GzEncoder;
    use proptest::prelude::*;

    use super::*;
    use crate::corpus::test_io::Broken;
    use crate::corpus::{read, Format, Input, Origin};

    fn opened(bytes: impl Read + Send + 'static, file: &str) -> Opened {
        Opened { bytes: Box::new(bytes), name: InputName { file: file.into(), gzip: false } }
    }

    fn read_csv(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Event>, CorpusError> {
        let source = opened(Cursor::new(bytes.to_vec()), "news.csv");
        Ok(read_delimited(source, b',', opts)?.collect())
    }

    fn events(bytes: &[u8]) -> Vec<Event> {
        read_csv(bytes, &ReadOptions::default()).unwrap()
    }

    /// Each event as `kind line text-or-reason`, to compare whole streams at a glance.
    fn summary(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|event| match event {
                Event::Document(d) => format!("doc {} {}", d.origin.line, d.text),
                Event::Skipped(p) => format!("skip {} {}", p.origin.line, p.reason),
                Event::Warning(p) => format!("warn {} {}", p.origin.line, p.reason),
            })
            .collect()
    }

    fn documents(events: &[Event]) -> Vec<&Document> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Document(d) => Some(d),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn rows_become_documents_with_their_columns() {
        let opts = ReadOptions { keep_cols: vec!["lang".into(), "Score".into()], ..ReadOptions::default() };
        let events = read_csv(b"URL,Headline,body,date,lang,score\nu1,T,Up.,2024-01-02,en,3\n", &opts);
        let events = events.unwrap();
        assert_eq!(
            documents(&events),
            [&Document {
                id: "u1".into(),
                date: Some("2024-01-02".into()),
                source: None,
                title: Some("T".into()),
                text: "Up.".into(),
                kept: vec!["en".into(), "3".into()],
                origin: Origin { file: "news.csv".into(), line: 2 },
            }]
        );
    }

    #[test]
    fn lines_are_where_records_start_across_quoted_newlines_and_blank_lines() {
        let events = events(b"id,text\n1,\"a\nb\n\nc\"\n\n\n2,x\n3,\"y\r\nz\"\r\n4,w");
        let lines: Vec<u64> = documents(&events).iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [2, 8, 9, 11]);
        assert_eq!(documents(&events)[2].text, "y\nz");
    }

    #[test]
    fn last_row_after_blank_lines_without_newline_has_its_line() {
        let events = events(b"id,text\n1,a\n\n\n2,b");
        let lines: Vec<u64> = documents(&events).iter().map(|d| d.origin.line).collect();
        assert_eq!(lines, [2, 5]);
    }

    #[test]
    fn row_without_id_is_named_by_file_and_line() {
        let events = events(b"id,text\n,first\n  ,second\n");
        let ids: Vec<&str> = documents(&events).iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["news.csv:2", "news.csv:3"]);
    }

    #[test]
    fn tsv_is_read_with_tabs() {
        let source = opened(Cursor::new(b"text\tsource\nA, b\tWire\n".to_vec()), "n.tsv");
        let events: Vec<Event> = read_delimited(source, b'\t', &ReadOptions::default()).unwrap().collect();
        let docs = documents(&events);
        assert_eq!((docs[0].text.as_str(), docs[0].source.as_deref()), ("A, b", Some("Wire")));
    }

    #[test]
    fn lone_cr_line_ends_split_records() {
        let events = events(b"id,text\r1,a\r2,\"b\rc\"\r3,d");
        assert_eq!(summary(&events), ["doc 2 a", "doc 3 b\nc", "doc 5 d"]);
    }

    #[test]
    fn empty_file_and_header_only_have_no_events_but_empty_cell_is_a_document() {
        assert!(events(b"").is_empty());
        assert!(events(b"\xEF\xBB\xBF").is_empty());
        assert!(events(b"id,text\n").is_empty());
        assert_eq!(summary(&events(b"id,text\n1,\n")), ["doc 2 "]);
    }

    #[test]
    fn short_row_with_its_text_is_scored_with_a_warning() {
        let events = events(b"id,text,date,source\n1,Up,2024\n");
        assert_eq!(
            summary(&events),
            [
                "doc 2 Up",
                "warn 2 row has 3 field(s) but the header has 4; the missing cells are read as empty"
            ]
        );
        assert_eq!(documents(&events)[0].source, None);
    }

    #[test]
    fn short_row_without_its_text_is_skipped() {
        let events = events(b"id,date,text\n1,2024\n2,2024,ok\n");
        assert_eq!(
            summary(&events),
            ["skip 2 row has 2 field(s) but the header has 3, so the text (column 3) is missing", "doc 3 ok"]
        );
    }

    #[test]
    fn long_row_is_skipped_with_both_counts() {
        let events = events(b"id,text\n1,Up, then down\n2,ok\n");
        assert_eq!(
            summary(&events),
            [
                "skip 2 row has 3 fields but the header has 2: an unquoted delimiter may have \
                 shifted the columns",
                "doc 3 ok"
            ]
        );
    }

    #[test]
    fn unbalanced_quote_running_to_eof_is_skipped_and_the_rest_reread() {
        let events = events(b"id,text,date\n1,ok,d1\n2,\"broken,d2\n3,fine,d3\n4,also,d4\n");
        assert_eq!(
            summary(&events),
            [
                "doc 2 ok",
                "skip 3 unbalanced quote: the quoted field opened on line 3 is never closed; \
                 the 2 line(s) after it are read again as rows",
                "doc 4 fine",
                "doc 5 also"
            ]
        );
        assert_eq!(documents(&events)[2].id, "4");
    }

    #[test]
    fn unbalanced_quote_after_a_multiline_cell_names_the_quote_line() {
        // The record starts on line 2; its second field opens a quote on line 3.
        let events = events(b"a,text\n\"x\ny\",\"never closed\n3,z");
        assert_eq!(
            summary(&events),
            [
                "skip 3 unbalanced quote: the quoted field opened on line 3 is never closed; \
                 the 1 line(s) after it are read again as rows",
                "doc 4 z"
            ]
        );
    }

    #[test]
    fn unbalanced_quote_on_the_last_line_loses_nothing_else() {
        let events = events(b"id,text\n1,ok\n2,\"tail\n");
        assert_eq!(
            summary(&events)[1],
            "skip 3 unbalanced quote: the quoted field opened on line 3 is never closed"
        );
    }

    #[test]
    fn closed_multiline_quote_at_eof_is_not_unbalanced() {
        for tail in [&b"\"a\nb\""[..], b"\"a\nb\"\n", b"\"a\nb\n\"\n", b"\"a\nb\"\"\"  \n"] {
            let mut bytes = b"id,text\n1,".to_vec();
            bytes.extend_from_slice(tail);
            let events = events(&bytes);
            assert!(matches!(events.as_slice(), [Event::Document(_)]), "{tail:?}: {events:?}");
        }
    }

    #[test]
    fn unbalanced_quote_mid_file_breaks_the_field_count_and_is_skipped() {
        // The stray quote on line 3 runs to the quote opening line 5's text.
        let events = events(b"id,text\n1,ok\n2,\"oops\n3,gone\n4,\"q\",x\n5,fine\n");
        assert_eq!(
            summary(&events),
            [
                "doc 2 ok",
                "skip 3 row has 3 field(s) but the header has 2; an unbalanced quote probably \
                 joined lines 3-5",
                "doc 6 fine"
            ]
        );
    }

    #[test]
    fn missing_text_column_lists_the_columns() {
        let err = read_csv(b"id,headline\n1,x\n", &ReadOptions::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("news.csv:1: no text column"), "{msg}");
        assert!(msg.ends_with("the columns are: \"id\", \"headline\""), "{msg}");
    }

    #[test]
    fn duplicate_used_column_is_an_error_naming_it() {
        let err = read_csv(b"text,id,text\n", &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("column \"text\" appears 2 times"), "{err}");
        assert!(read_csv(b"text,x,x\na,b,c\n", &ReadOptions::default()).is_ok());
    }

    #[test]
    fn bom_and_utf16_files_are_read() {
        assert_eq!(summary(&events(b"\xEF\xBB\xBFtext\nok\n")), ["doc 2 ok"]);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("id,text\r\n1,caf\u{e9}\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(summary(&events(&utf16)), ["doc 2 caf\u{e9}"]);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported_once_at_the_end() {
        let events = events(b"id,text\n1,caf\xE9\n2,ok\n3,\xFF\xFE\n");
        assert_eq!(
            summary(&events),
            [
                "doc 2 caf\u{FFFD}",
                "doc 3 ok",
                "doc 4 \u{FFFD}\u{FFFD}",
                "warn 2 invalid UTF-8 replaced with U+FFFD: 3 bad sequence(s), the first at \
                 byte offset 13"
            ]
        );
    }

    #[test]
    fn io_error_mid_file_keeps_earlier_rows_then_ends() {
        let bytes = Cursor::new(b"id,text\n1,a\n2,b\n3,partial".to_vec()).chain(Broken);
        let events: Vec<Event> =
            read_delimited(opened(bytes, "n.csv"), b',', &ReadOptions::default()).unwrap().collect();
        let summary = summary(&events);
        assert_eq!(summary[..2], ["doc 2 a", "doc 3 b"]);
        assert_eq!(
            summary[2],
            "skip 4 read error after 2 record(s): device gone; the rest of the file is not read"
        );
        assert_eq!(summary.len(), 3);
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn input_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> Input {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let inputs = crate::corpus::expand_inputs(&[&path], &ReadOptions::default()).unwrap();
        inputs.into_iter().next().unwrap()
    }

    #[test]
    fn gzip_file_is_read_and_compressed_bytes_counted() {
        let dir = tempfile::tempdir().unwrap();
        let gz = gzip(b"id,text\n1,a\n2,b\n");
        let input = input_file(&dir, "n.csv.gz", &gz);
        assert_eq!((input.format, input.gzip), (Format::Csv, true));
        let counter = Arc::new(AtomicU64::new(0));
        let events: Vec<Event> =
            read(&input, &ReadOptions::default(), Arc::clone(&counter)).unwrap().collect();
        assert_eq!(summary(&events), ["doc 2 a", "doc 3 b"]);
        assert_eq!(counter.load(Ordering::Relaxed), gz.len() as u64);
    }

    #[test]
    fn truncated_gzip_yields_rows_read_then_says_so() {
        let mut csv = b"id,text\n".to_vec();
        for i in 0..2000 {
            csv.extend_from_slice(format!("{i},row number {i} of the news\n").as_bytes());
        }
        let gz = gzip(&csv);
        let dir = tempfile::tempdir().unwrap();
        let input = input_file(&dir, "cut.csv.gz", &gz[..gz.len() / 2]);
        let events: Vec<Event> = read(&input, &ReadOptions::default(), Arc::default()).unwrap().collect();
        let (last, rows) = events.split_last().unwrap();
        assert!(rows.len() > 100 && rows.len() < 2000, "{}", rows.len());
        assert!(rows.iter().all(|e| matches!(e, Event::Document(_))));
        let Event::Skipped(p) = last else { panic!("{last:?}") };
        let expected =
            format!("gzip stream is truncated after {} record(s): the rest of the file is lost", rows.len());
        assert_eq!(p.reason, expected);
    }

    #[test]
    fn fifty_megabyte_cell_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        file.write_all(b"id,text\n1,\"").unwrap();
        // Each unit holds two escaped quotes, which the cell holds once each.
        let unit = "Markets \"\"rallied\"\", then fell; analysts doubt it.\n";
        let block = unit.repeat(1000);
        let mut units = 0;
        while units * unit.len() < 50 << 20 {
            file.write_all(block.as_bytes()).unwrap();
            units += 1000;
        }
        file.write_all(b"\"\n2,small\n").unwrap();
        drop(file);
        let input = crate::corpus::expand_inputs(&[&path], &ReadOptions::default()).unwrap();
        let events: Vec<Event> = read(&input[0], &ReadOptions::default(), Arc::default()).unwrap().collect();
        let docs = documents(&events);
        assert_eq!(docs.len(), 2, "{:?}", summary(&events[1..]));
        assert_eq!(docs[0].text.len(), units * (unit.len() - 2));
        assert!(docs[0].text.starts_with("Markets \"rallied\", then"));
        assert_eq!(docs[1].origin.line, 3 + units as u64);
    }

    proptest! {
        #[test]
        fn any_bytes_never_panic_and_lines_are_positive(
            header in prop::sample::select(vec![
                &b""[..], b"id,text\n", b"text\n", b"a,text,b\r\n", b"\xFF\xFEt\0e\0x\0t\0\n\0",
            ]),
            body in proptest::collection::vec(
                prop::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ', 0xFF, 0xC3, 0xA9, 0]),
                0..200,
            ),
        ) {
            let mut bytes = header.to_vec();
            bytes.extend_from_slice(&body);
            if let Ok(events) = read_csv(&bytes, &ReadOptions::default()) {
                for event in events {
                    let line = match &event {
                        Event::Document(d) => d.origin.line,
                        Event::Skipped(p) | Event::Warning(p) => p.origin.line,
                    };
                    prop_assert!(line >= 1, "{event:?}");
                }
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut with_header = b"id,text\n".to_vec();
            with_header.extend_from_slice(&bytes);
            for input in [bytes, with_header] {
                if let Ok(events) = read_csv(&input, &ReadOptions::default()) {
                    for event in events {
                        if let Event::Document(d) = &event {
                            prop_assert!(d.origin.line >= 1);
                        }
                        if let Event::Skipped(p) | Event::Warning(p) = &event {
                            prop_assert!(p.origin.line >= 1);
                        }
                    }
                }
            }
        }
    }
}
