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
    /// Input columns passed through, named as in the input.
    pub keep_cols: Vec<String>,
}

/// The column names of the output, in order.
pub fn header(options: &OutputOptions) -> Vec<String> {
    let mut names: Vec<&str> = match options.level {
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
    names.extend(options.keep_cols.iter().map(String::as_str));
    names.into_iter().map(str::to_string).collect()
}

/// Writes CSV rows for scored documents, reusing its buffers.
pub struct RowWriter<W: Write> {
    csv: csv::Writer<W>,
    options: OutputOptions,
    cues: String,
    cell: String,
}

impl<W: Write> RowWriter<W> {
    pub fn new(out: W, options: OutputOptions) -> RowWriter<W> {
        let csv = csv::WriterBuilder::new().has_headers(false).from_writer(out);
        RowWriter { csv, options, cues: String::new(), cell: String::new() }
    }

    /// Writes the header row.
    /// Writes the header row. Kept column names come from the user's input, so they are
    /// neutralised like text cells.
    pub fn write_header(&mut self) -> io::Result<()> {
        for name in header(&self.options) {
            self.text_cell(&name)?;
        }
        self.csv.write_record(None::<&[u8]>).map_err(csv_to_io)
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
    }

    fn write_sentences(&mut self, doc: &Document, score: &DocumentScore) -> io::Result<()> {
        for (i, sentence) in score.sentences.iter().enumerate() {
            self.text_cell(&doc.id)?;
            self.csv.write_field(itoa(i as u64 + 1, &mut [0; 20])).map_err(csv_to_io)?;
            self.text_cell(doc.date.as_deref().unwrap_or(""))?;
            self.text_cell(doc.source.as_deref().unwrap_or(""))?;
            self.number(sentence.sentiment)?;
            self.number(sentence.stance)?;
            self.csv.write_field(sentence.label.as_str()).map_err(csv_to_io)?;
            self.number(sentence.optimism)?;
            self.number(sentence.skepticism)?;
            self.csv.write_field(itoa(u64::from(sentence.hedges), &mut [0; 20])).map_err(csv_to_io)?;
            self.csv.write_field(itoa(u64::from(sentence.words), &mut [0; 20])).map_err(csv_to_io)?;
            if self.options.text {
                self.text_cell(&doc.text[sentence.range.clone()])?;
            }
            if self.options.explain {
                let mut cues = std::mem::take(&mut self.cues);
                cues.clear();
                write_cues(&mut cues, &doc.text, score.cues_of(sentence));
                let result = self.text_cell(&cues);
                self.cues = cues;
                result?;
            }
            self.kept(doc)?;
            self.csv.write_record(None::<&[u8]>).map_err(csv_to_io)?;
        }
        Ok(())
    }

    fn write_summary(&mut self, scorer: &Scorer, doc: &Document, score: &DocumentScore) -> io::Result<()> {
        let s = &score.summary;
        self.text_cell(&doc.id)?;
        self.text_cell(doc.date.as_deref().unwrap_or(""))?;
        self.text_cell(doc.source.as_deref().unwrap_or(""))?;
        self.csv.write_field(itoa(s.sentences as u64, &mut [0; 20])).map_err(csv_to_io)?;
        self.number(s.sentiment)?;
        self.number(s.stance)?;
        self.csv.write_field(scorer.label(s.stance).as_str()).map_err(csv_to_io)?;
        self.number(s.optimistic_share)?;
        self.number(s.skeptical_share)?;
        self.number(s.neutral_share)?;
        self.csv.write_field(itoa(s.hedges, &mut [0; 20])).map_err(csv_to_io)?;
        self.csv.write_field(itoa(s.words, &mut [0; 20])).map_err(csv_to_io)?;
        self.kept(doc)?;
        self.csv.write_record(None::<&[u8]>).map_err(csv_to_io)
    }

    fn kept(&mut self, doc: &Document) -> io::Result<()> {
        for value in &doc.kept {
            self.text_cell(value)?;
        }
        Ok(())
    }

    fn text_cell(&mut self, value: &str) -> io::Result<()> {
        if self.options.neutralize && sanitize::needs_neutralizing(value) {
            self.cell.clear();
            self.cell.push('\'');
            self.cell.push_str(value);
            self.csv.write_field(&self.cell).map_err(csv_to_io)
        } else {
            self.csv.write_field(value).map_err(csv_to_io)
        }
    }

    fn number(&mut self, x: f64) -> io::Result<()> {
        let mut buf = [0u8; 32];
        self.csv.write_field(fixed(x, &mut buf)).map_err(csv_to_io)
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

fn csv_to_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
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
    let scaled = if x.is_finite() { round_half_away(x * 1e4) } else { 0.0 };
    let negative = scaled < 0.0;
    let mut units = scaled.abs() as u64;
    let mut i = buf.len();
    for digit in 0..DECIMALS + 1 {
        if digit == DECIMALS {
            i -= 1;
            buf[i] = b'.';
        }
        i -= 1;
        buf[i] = b'0' + (units % 10) as u8;
        units /= 10;
    }
    while units > 0 {
        i -= 1;
        buf[i] = b'0' + (units % 10) as u8;
        units /= 10;
    }
    if negative {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

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
        assert_eq!(fmt(f64::NAN), "0.0000");
    }

    #[test]
    fn written_numbers_parse_back_to_quantize() {
        for x in [0.123456, -0.98765, 0.00005, 1.0, -0.33333333] {
            assert_eq!(fmt(x).parse::<f64>().unwrap(), quantize(x));
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
}
