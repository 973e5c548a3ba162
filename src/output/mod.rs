//! CSV output: one row per sentence or per document, ready for a spreadsheet.
//!
//! [`RowWriter`] turns a scored document into CSV rows with the columns of [`header`], numbers
//! in fixed precision ([`DECIMALS`] places, formatted without `format!`), and text cells made
//! safe for spreadsheets by [`sanitize`]. Writing into any `io::Write` lets the pipeline format
//! rows on worker threads into byte buffers and write them in input order.
//!
//! Files are written atomically by [`atomic`]. This module does not read or score anything.

pub mod atomic;
pub mod sanitize;

use std::io::{self, Write};

use crate::corpus::Document;
use crate::score::explain::write_cues;
#[cfg(test)]
use crate::score::quantize;
use crate::score::{round_half_away, DocumentScore, Scorer, DECIMALS};

/// One row per sentence or per document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Sentence,
    Document,
}

/// What goes into the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputOptions {
    pub level: Level,
    /// Write the sentence text column (sentence level only).
    pub text: bool,
    /// Write the `cues` column (sentence level only).
    pub explain: bool,
    /// Neutralise text cells a spreadsheet would run as a formula.
    pub neutralize: bool,
    /// Input columns passed through, named as in the input (with the prefix `input_` when
    /// tenor's own columns already use the name).
    pub keep_cols: Vec<String>,
}

/// The column names of the output, in order.
pub fn header(options: &OutputOptions) -> Vec<String> {
    let names: Vec<&str> = match options.level {
        Level::Sentence => {
            let mut v = vec![
                "doc_id",
                "sentence_id",
                "date",
                "source",
                "sentiment",
                "stance",
                "label",
                "optimism",
                "skepticism",
                "hedges",
                "words",
            ];
            if options.text {
                v.push("text");
            }
            if options.explain {
                v.push("cues");
            }
            v
        }
        Level::Document => vec![
            "doc_id",
            "date",
            "source",
            "sentences",
            "sentiment",
            "stance",
            "label",
            "optimistic_share",
            "skeptical_share",
            "neutral_share",
            "hedges",
            "words",
        ],
    };
    // A kept column named like one of tenor's own ("--keep-cols label" on a coded sample) is
    // told apart by a prefix, so that no header holds one name twice.
    let own = names.len();
    let kept: Vec<String> = options
        .keep_cols
        .iter()
        .map(
            |name| if names[..own].contains(&name.as_str()) { format!("input_{name}") } else { name.clone() },
        )
        .collect();
    names.into_iter().map(str::to_string).chain(kept).collect()
}

/// Writes CSV rows for scored documents, reusing its buffers.
///
/// Rows are built in a byte buffer by [`Row`], which quotes a text cell only when it holds a
/// comma, a quote or a line break (as the `csv` crate does; a test checks that the `csv`
/// reader reads every row back) and writes numbers and labels, which never need quoting,
/// without looking at them: formatting rows this way costs a third of what `csv::Writer`'s
/// per-field analysis did on the bench corpus.
pub struct RowWriter<W: Write> {
    out: W,
    row: Row,
    options: OutputOptions,
    cues: String,
    cell: String,
    /// A document's own cells, formatted once for all its sentence rows: the id cell, then
    /// ",date,source", then the kept cells (each with its leading comma).
    doc_cells: Row,
}

/// Bytes buffered before they are handed to the writer.
const FLUSH_AT: usize = 64 * 1024;

impl<W: Write> RowWriter<W> {
    pub fn new(out: W, options: OutputOptions) -> RowWriter<W> {
        let row = Row { bytes: Vec::with_capacity(FLUSH_AT + 4096), at_start: true };
        let doc_cells = Row { bytes: Vec::new(), at_start: true };
        RowWriter { out, row, options, cues: String::new(), cell: String::new(), doc_cells }
    }

    /// Writes the header row. Kept column names come from the user's input, so they are
    /// neutralised like text cells.
    pub fn write_header(&mut self) -> io::Result<()> {
        for name in header(&self.options) {
            self.text_cell(&name);
        }
        self.row.end();
        self.spill()
    }

    /// Writes the rows of one document.
    pub fn write_document(
        &mut self,
        scorer: &Scorer,
        doc: &Document,
        score: &DocumentScore,
    ) -> io::Result<()> {
        match self.options.level {
            Level::Sentence => self.write_sentences(doc, score),
            Level::Document => self.write_summary(scorer, doc, score),
        }
        self.spill()
    }

    fn write_sentences(&mut self, doc: &Document, score: &DocumentScore) {
        let cells = &mut self.doc_cells;
        cells.bytes.clear();
        cells.at_start = true;
        let neutralize = self.options.neutralize;
        text_cell(cells, &mut self.cell, neutralize, &doc.id);
        let id_end = cells.bytes.len();
        text_cell(cells, &mut self.cell, neutralize, doc.date.as_deref().unwrap_or(""));
        text_cell(cells, &mut self.cell, neutralize, doc.source.as_deref().unwrap_or(""));
        let source_end = cells.bytes.len();
        for value in &doc.kept {
            text_cell(cells, &mut self.cell, neutralize, value);
        }
        for (i, sentence) in score.sentences.iter().enumerate() {
            self.row.raw(&self.doc_cells.bytes[..id_end]);
            self.row.raw(itoa(i as u64 + 1, &mut [0; 20]));
            self.row.bytes.extend_from_slice(&self.doc_cells.bytes[id_end..source_end]);
            self.number(sentence.sentiment);
            self.number(sentence.stance);
            self.row.raw(sentence.label.as_str().as_bytes());
            self.number(sentence.optimism);
            self.number(sentence.skepticism);
            self.row.raw(itoa(u64::from(sentence.hedges), &mut [0; 20]));
            self.row.raw(itoa(u64::from(sentence.words), &mut [0; 20]));
            if self.options.text {
                self.text_cell(&doc.text[sentence.range.clone()]);
            }
            if self.options.explain {
                let mut cues = std::mem::take(&mut self.cues);
                cues.clear();
                write_cues(&mut cues, &doc.text, score.cues_of(sentence));
                self.text_cell(&cues);
                self.cues = cues;
            }
            self.row.bytes.extend_from_slice(&self.doc_cells.bytes[source_end..]);
            self.row.end();
        }
    }

    fn write_summary(&mut self, scorer: &Scorer, doc: &Document, score: &DocumentScore) {
        let s = &score.summary;
        self.text_cell(&doc.id);
        self.text_cell(doc.date.as_deref().unwrap_or(""));
        self.text_cell(doc.source.as_deref().unwrap_or(""));
        self.row.raw(itoa(s.sentences as u64, &mut [0; 20]));
        self.number(s.sentiment);
        self.number(s.stance);
        self.row.raw(scorer.label(s.stance).as_str().as_bytes());
        self.number(s.optimistic_share);
        self.number(s.skeptical_share);
        self.number(s.neutral_share);
        self.row.raw(itoa(s.hedges, &mut [0; 20]));
        self.row.raw(itoa(s.words, &mut [0; 20]));
        self.kept(doc);
        self.row.end();
    }

    fn kept(&mut self, doc: &Document) {
        for value in &doc.kept {
            self.text_cell(value);
        }
    }

    fn text_cell(&mut self, value: &str) {
        text_cell(&mut self.row, &mut self.cell, self.options.neutralize, value);
    }

    fn number(&mut self, x: f64) {
        self.row.raw(fixed(x, &mut [0; 32]));
    }

    /// Hands the buffered rows to the writer once there are enough of them.
    fn spill(&mut self) -> io::Result<()> {
        if self.row.bytes.len() >= FLUSH_AT {
            self.out.write_all(&self.row.bytes)?;
            self.row.bytes.clear();
        }
        Ok(())
    }

    /// Writes what is buffered and returns the underlying writer.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.out.write_all(&self.row.bytes)?;
        Ok(self.out)
    }

    /// Writes what is buffered and flushes the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.row.bytes)?;
        self.row.bytes.clear();
        self.out.flush()
    }
}

impl RowWriter<Vec<u8>> {
    /// Writes the rows held in memory to `sink` and empties the writer, which keeps its buffers
    /// for the next rows: the same bytes as `sink.write_all(&self.into_inner()?)`, without
    /// allocating the buffers again.
    pub fn write_to(&mut self, sink: &mut impl Write) -> io::Result<()> {
        sink.write_all(&self.out)?;
        sink.write_all(&self.row.bytes)?;
        self.out.clear();
        self.row.bytes.clear();
        Ok(())
    }
}

/// Writes a text cell into `row`, neutralised (with `scratch` as its buffer) when asked and
/// needed.
fn text_cell(row: &mut Row, scratch: &mut String, neutralize: bool, value: &str) {
    if neutralize && sanitize::needs_neutralizing(value) {
        scratch.clear();
        scratch.push('\'');
        scratch.push_str(value);
        row.text(scratch);
    } else {
        row.text(value);
    }
}

/// One CSV record being built: fields separated by commas, ended by `\n`.
#[derive(Debug)]
struct Row {
    bytes: Vec<u8>,
    /// Whether the next field is the first of its record.
    at_start: bool,
}

impl Row {
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.at_start, false) {
            self.bytes.push(b',');
        }
    }

    /// A field that never needs quoting (numbers, labels).
    fn raw(&mut self, field: &[u8]) {
        self.separate();
        self.bytes.extend_from_slice(field);
    }

    /// A text field, quoted when it holds a comma, a quote or a line break, with inner quotes
    /// doubled (RFC 4180).
    fn text(&mut self, field: &str) {
        self.separate();
        let bytes = field.as_bytes();
        let needs_quotes =
            memchr::memchr3(b',', b'"', b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some();
        if !needs_quotes {
            self.bytes.extend_from_slice(bytes);
            return;
        }
        self.bytes.push(b'"');
        for part in field.split('"').enumerate() {
            if part.0 > 0 {
                self.bytes.extend_from_slice(b"\"\"");
            }
            self.bytes.extend_from_slice(part.1.as_bytes());
        }
        self.bytes.push(b'"');
    }

    fn end(&mut self) {
        self.bytes.push(b'\n');
        self.at_start = true;
    }
}

/// Formats an unsigned integer into `buf` without allocating.
fn itoa(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

/// Formats `x` with exactly [`DECIMALS`] places ("-0.1235", "0.0000") without allocating.
/// Non-finite values cannot occur in scores; they are written as 0.
fn fixed(x: f64, buf: &mut [u8; 32]) -> &[u8] {
    const _: () = assert!(DECIMALS == 4, "fixed writes four decimals as two digit pairs");
    let scaled = if x.is_finite() { round_half_away(x * 1e4) } else { 0.0 };
    let negative = scaled < 0.0;
    let units = scaled.abs() as u64;
    let (mut whole, fraction) = (units / 10_000, (units % 10_000) as usize);
    buf[28..30].copy_from_slice(&DIGIT_PAIRS[fraction / 100]);
    buf[30..32].copy_from_slice(&DIGIT_PAIRS[fraction % 100]);
    buf[27] = b'.';
    let mut i = 27;
    loop {
        i -= 1;
        buf[i] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    if negative {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

/// "00" to "99", for writing decimals two digits at a time.
static DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0u8; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(x: f64) -> String {
        String::from_utf8(fixed(x, &mut [0; 32]).to_vec()).unwrap()
    }

    #[test]
    fn numbers_have_fixed_precision() {
        assert_eq!(fmt(0.0), "0.0000");
        assert_eq!(fmt(0.12346), "0.1235");
        assert_eq!(fmt(-0.5), "-0.5000");
        assert_eq!(fmt(-0.00004), "0.0000");
        assert_eq!(fmt(12.3), "12.3000");
        assert_eq!(fmt(1e6 + 0.25), "1000000.2500");
        assert_eq!(fmt(0.0507), "0.0507");
        assert_eq!(fmt(-9.9999), "-9.9999");
        assert_eq!(fmt(f64::NAN), "0.0000");
    }

    #[test]
    fn written_numbers_parse_back_to_quantize() {
        for x in [0.123456, -0.98765, 0.00005, 1.0, -0.33333333] {
            assert_eq!(fmt(x).parse::<f64>().unwrap(), quantize(x));
        }
    }

    proptest::proptest! {
        #[test]
        fn text_fields_read_back_unchanged_with_the_csv_reader(
            fields in proptest::collection::vec("(\\PC|[,\"\r\n])*", 1..6)
        ) {
            // A record of one empty field is an empty line, which readers skip; tenor never
            // writes one (every row has at least eleven fields).
            proptest::prop_assume!(fields.len() > 1 || !fields[0].is_empty());
            let mut row = Row { bytes: Vec::new(), at_start: true };
            for field in &fields {
                row.text(field);
            }
            row.end();
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&row.bytes[..]);
            let record = reader.records().next().unwrap().unwrap();
            let read: Vec<&str> = record.iter().collect();
            proptest::prop_assert_eq!(read, fields.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    #[test]
    fn integers_format() {
        assert_eq!(itoa(0, &mut [0; 20]), b"0");
        assert_eq!(itoa(1234567890, &mut [0; 20]), b"1234567890");
        assert_eq!(itoa(u64::MAX, &mut [0; 20]), b"18446744073709551615");
    }

    #[test]
    fn headers_follow_the_documented_order() {
        let mut options = OutputOptions {
            level: Level::Sentence,
            text: true,
            explain: true,
            neutralize: true,
            keep_cols: vec!["url".into()],
        };
        assert_eq!(header(&options).join(","), "doc_id,sentence_id,date,source,sentiment,stance,label,optimism,skepticism,hedges,words,text,cues,url");
        options.level = Level::Document;
        assert_eq!(header(&options).join(","), "doc_id,date,source,sentences,sentiment,stance,label,optimistic_share,skeptical_share,neutral_share,hedges,words,url");
    }

    #[test]
    fn a_kept_column_named_like_an_own_column_gets_a_prefix() {
        let options = OutputOptions {
            level: Level::Sentence,
            text: false,
            explain: false,
            neutralize: true,
            keep_cols: vec!["label".into(), "topic".into(), "stance".into()],
        };
        let names = header(&options);
        assert_eq!(names[names.len() - 3..], ["input_label", "topic", "input_stance"]);
        // "text" is free when the text column is left out.
        let options = OutputOptions { keep_cols: vec!["text".into()], ..options };
        assert_eq!(header(&options).last().unwrap(), "text");
    }
}
