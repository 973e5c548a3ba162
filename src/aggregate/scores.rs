//! Reading back a scores CSV written by `tenor score` (`--from-scores`), at either level, as one
//! [`DocTone`] per document.
//!
//! The level is told from the header:
//! - sentence level (`doc_id,sentence_id,date,source,sentiment,stance,label,…`): consecutive
//!   rows with the same `doc_id` form one document, whose stance and sentiment are the means of
//!   its rows and whose label counts come from `label`. A document without sentences has no
//!   rows at this level and so does not appear;
//! - document level (`doc_id,date,source,sentences,sentiment,stance,label,optimistic_share,…`):
//!   one row per document; label counts are `round(share × sentences)`.
//!
//! Extra columns (`text`, `cues`, `kept…`) are ignored unless chosen as the group column. A
//! UTF-8 byte order mark is tolerated. A bad row is reported as an error naming the file and
//! line, and reading goes on; at sentence level the whole document is reported once and left
//! out, so that no document is averaged over part of its sentences.
//!
//! This module does not aggregate (see `trend`) and does not read corpora.

use crate::score::quantize;
use std::fmt;
use std::fs::File;
use std::io;
use std::path::Path;

use super::DocTone;

/// The granularity of a scores file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreLevel {
    /// One row per sentence.
    Sentence,
    /// One row per document.
    Document,
}

impl fmt::Display for ScoreLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ScoreLevel::Sentence => "sentence",
            ScoreLevel::Document => "document",
        })
    }
}

/// Why a scores file, or one of its rows, could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ScoresError {
    /// The file could not be opened or read.
    #[error("reading {origin}")]
    Io {
        origin: String,
        #[source]
        source: io::Error,
    },
    /// The header is neither of the two layouts `tenor score` writes.
    #[error(
        "{origin}: not a tenor scores file: expected a sentence-level header \
         (doc_id,sentence_id,date,source,sentiment,stance,label,…) or a document-level one \
         (doc_id,date,source,sentences,sentiment,stance,label,optimistic_share,…); found columns: {}",
        list(.columns)
    )]
    NotScores { origin: String, columns: Vec<String> },
    /// The header has the level's marker column but lacks another one it needs.
    #[error("{origin}: {level}-level scores need a {column:?} column; found columns: {}", list(.columns))]
    MissingColumn { origin: String, level: ScoreLevel, column: &'static str, columns: Vec<String> },
    /// `--group COL` names a column the file does not have.
    #[error("{origin}: no column {column:?} to group by; columns are: {}", list(.columns))]
    UnknownGroupColumn { origin: String, column: String, columns: Vec<String> },
    /// One row (or, at sentence level, one document) is malformed.
    #[error("{origin}:{line}: {message}")]
    Record { origin: String, line: u64, message: String },
}

fn list(columns: &[String]) -> String {
    if columns.is_empty() {
        "(none)".to_string()
    } else {
        columns.join(", ")
    }
}

/// Opens `path` and reads it with [`read_scores`], naming the file in errors.
pub fn open_scores(path: &Path, group_column: Option<&str>) -> Result<ScoresReader<File>, ScoresError> {
    let origin = path.display().to_string();
    let file = File::open(path).map_err(|source| ScoresError::Io { origin: origin.clone(), source })?;
    read_scores(file, &origin, group_column)
}

/// Reads the header of a scores CSV and returns an iterator over its documents.
///
/// `origin` names the input in errors (a path, or `<stdin>`). `group_column` picks the column
/// that becomes [`DocTone::group`] (the CLI's default is `source`); `None` leaves every
/// document ungrouped. Header errors are returned here; row errors come from the iterator.
pub fn read_scores<R: io::Read>(
    reader: R,
    origin: &str,
    group_column: Option<&str>,
) -> Result<ScoresReader<R>, ScoresError> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let names: Vec<String> = match csv.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => return Err(csv_error(origin, e)),
    };
    let header = Header::new(names, origin, group_column)?;
    Ok(ScoresReader { csv, header, record: csv::StringRecord::new(), pending: None, finished: false })
}

/// The documents of a scores file, in file order; see [`read_scores`].
#[derive(Debug)]
pub struct ScoresReader<R> {
    csv: csv::Reader<R>,
    header: Header,
    record: csv::StringRecord,
    /// Sentence level: the document whose rows are being read.
    pending: Option<PendingDoc>,
    finished: bool,
}

impl<R> ScoresReader<R> {
    /// The level detected from the header.
    pub fn level(&self) -> ScoreLevel {
        match self.header.layout {
            Layout::Sentence { .. } => ScoreLevel::Sentence,
            Layout::Document { .. } => ScoreLevel::Document,
        }
    }
}

impl<R: io::Read> Iterator for ScoresReader<R> {
    type Item = Result<DocTone, ScoresError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.finished {
                return self.pending.take().map(|p| p.finish(&self.header.origin));
            }
            match self.csv.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.finished = true;
                    continue;
                }
                Err(e) => {
                    if e.is_io_error() {
                        // The rest of the input is lost, so the open document would be partial.
                        self.finished = true;
                        self.pending = None;
                    }
                    return Some(Err(csv_error(&self.header.origin, e)));
                }
            }
            let label = match self.header.layout {
                Layout::Sentence { label } => label,
                Layout::Document { sentences, shares } => {
                    return Some(self.header.document(&self.record, sentences, shares));
                }
            };
            let id = self.record.get(self.header.doc_id).unwrap_or("");
            match &mut self.pending {
                Some(pending) if pending.tone.id == id => {
                    self.header.add_sentence(&self.record, label, pending);
                }
                _ => {
                    let mut next = self.header.start_document(&self.record);
                    self.header.add_sentence(&self.record, label, &mut next);
                    if let Some(done) = self.pending.replace(next) {
                        return Some(done.finish(&self.header.origin));
                    }
                }
            }
        }
    }
}

/// Where the needed columns are.
#[derive(Debug)]
struct Header {
    origin: String,
    names: Vec<String>,
    doc_id: usize,
    date: usize,
    group: Option<usize>,
    sentiment: usize,
    stance: usize,
    layout: Layout,
}

#[derive(Debug, Clone, Copy)]
enum Layout {
    Sentence { label: usize },
    Document { sentences: usize, shares: [usize; 3] },
}

/// A sentence-level document being assembled from its rows.
#[derive(Debug)]
struct PendingDoc {
    tone: DocTone,
    stance_sum: f64,
    sentiment_sum: f64,
    /// The first bad row: the document is reported as this error instead.
    error: Option<(u64, String)>,
}

impl PendingDoc {
    fn finish(mut self, origin: &str) -> Result<DocTone, ScoresError> {
        if let Some((line, message)) = self.error {
            return Err(ScoresError::Record {
                origin: origin.to_string(),
                line,
                message: format!("document {:?}: {message}", self.tone.id),
            });
        }
        // Rounded as `tenor score --level document` rounds a document's means, so both levels
        // of the same scores give the same trend.
        let n = self.tone.sentences as f64;
        self.tone.stance = quantize(self.stance_sum / n);
        self.tone.sentiment = quantize(self.sentiment_sum / n);
        Ok(self.tone)
    }
}

impl Header {
    fn new(names: Vec<String>, origin: &str, group_column: Option<&str>) -> Result<Header, ScoresError> {
        let find = |name: &str| names.iter().position(|n| n == name);
        let level = if find("sentence_id").is_some() {
            ScoreLevel::Sentence
        } else if find("sentences").is_some() && find("optimistic_share").is_some() {
            ScoreLevel::Document
        } else {
            return Err(ScoresError::NotScores { origin: origin.to_string(), columns: names });
        };
        let need = |column: &'static str| {
            find(column).ok_or_else(|| ScoresError::MissingColumn {
                origin: origin.to_string(),
                level,
                column,
                columns: names.clone(),
            })
        };
        let layout = match level {
            ScoreLevel::Sentence => Layout::Sentence { label: need("label")? },
            ScoreLevel::Document => Layout::Document {
                sentences: need("sentences")?,
                shares: [need("optimistic_share")?, need("skeptical_share")?, need("neutral_share")?],
            },
        };
        let group = match group_column {
            None => None,
            Some(column) => Some(find(column).ok_or_else(|| ScoresError::UnknownGroupColumn {
                origin: origin.to_string(),
                column: column.to_string(),
                columns: names.clone(),
            })?),
        };
        Ok(Header {
            doc_id: need("doc_id")?,
            date: need("date")?,
            sentiment: need("sentiment")?,
            stance: need("stance")?,
            group,
            layout,
            origin: origin.to_string(),
            names,
        })
    }

    fn line(record: &csv::StringRecord) -> u64 {
        record.position().map_or(0, csv::Position::line)
    }

    fn field<'r>(&self, record: &'r csv::StringRecord, column: usize) -> Result<&'r str, String> {
        record.get(column).ok_or_else(|| {
            format!("row has no {:?} column (only {} fields)", self.names[column], record.len())
        })
    }

    fn number(&self, record: &csv::StringRecord, column: usize) -> Result<f64, String> {
        let text = self.field(record, column)?.trim();
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(format!("column {:?}: {text:?} is not a number", self.names[column])),
        }
    }

    /// Id, date and group of the document a row belongs to; scores are added separately.
    fn start_document(&self, record: &csv::StringRecord) -> PendingDoc {
        let date = record.get(self.date).filter(|d| !d.trim().is_empty());
        PendingDoc {
            tone: DocTone {
                id: record.get(self.doc_id).unwrap_or("").to_string(),
                date: date.map(str::to_string),
                group: self.group.map(|g| record.get(g).unwrap_or("").to_string()),
                sentences: 0,
                stance: 0.0,
                sentiment: 0.0,
                optimistic: 0,
                skeptical: 0,
                neutral: 0,
            },
            stance_sum: 0.0,
            sentiment_sum: 0.0,
            error: None,
        }
    }

    fn add_sentence(&self, record: &csv::StringRecord, label: usize, doc: &mut PendingDoc) {
        if doc.error.is_some() {
            return;
        }
        match self.sentence_scores(record, label) {
            Ok((stance, sentiment, label)) => {
                let count = match label {
                    Label::Optimistic => &mut doc.tone.optimistic,
                    Label::Skeptical => &mut doc.tone.skeptical,
                    Label::Neutral => &mut doc.tone.neutral,
                };
                *count += 1;
                doc.tone.sentences += 1;
                doc.stance_sum += stance;
                doc.sentiment_sum += sentiment;
            }
            Err(message) => doc.error = Some((Header::line(record), message)),
        }
    }

    fn sentence_scores(&self, record: &csv::StringRecord, label: usize) -> Result<(f64, f64, Label), String> {
        let stance = self.number(record, self.stance)?;
        let sentiment = self.number(record, self.sentiment)?;
        let label = match self.field(record, label)?.trim() {
            "optimistic" => Label::Optimistic,
            "skeptical" => Label::Skeptical,
            "neutral" => Label::Neutral,
            other => return Err(format!("label {other:?} is not optimistic, skeptical or neutral")),
        };
        Ok((stance, sentiment, label))
    }

    /// One document-level row.
    fn document(
        &self,
        record: &csv::StringRecord,
        sentences: usize,
        shares: [usize; 3],
    ) -> Result<DocTone, ScoresError> {
        let mut doc = self.start_document(record).tone;
        match self.document_scores(record, sentences, shares, &mut doc) {
            Ok(()) => Ok(doc),
            Err(message) => {
                Err(ScoresError::Record { origin: self.origin.clone(), line: Header::line(record), message })
            }
        }
    }

    fn document_scores(
        &self,
        record: &csv::StringRecord,
        sentences: usize,
        shares: [usize; 3],
        doc: &mut DocTone,
    ) -> Result<(), String> {
        let text = self.field(record, sentences)?.trim();
        let n: u64 = text.parse().map_err(|_| format!("column \"sentences\": {text:?} is not a count"))?;
        // An empty document may have blank scores: nothing was measured.
        let number = |column| match self.field(record, column) {
            Ok(text) if n == 0 && text.trim().is_empty() => Ok(0.0),
            _ => self.number(record, column),
        };
        doc.sentences = n;
        doc.stance = number(self.stance)?;
        doc.sentiment = number(self.sentiment)?;
        let mut counts = [0; 3];
        for (count, column) in counts.iter_mut().zip(shares) {
            let share = number(column)?;
            if !(0.0..=1.0).contains(&share) {
                return Err(format!("column {:?}: share {share} is outside 0 to 1", self.names[column]));
            }
            // Shares are written with 4 decimals: rounding recovers the count exactly for
            // documents of up to 5,000 sentences.
            *count = (share * n as f64).round() as u64;
        }
        [doc.optimistic, doc.skeptical, doc.neutral] = counts;
        Ok(())
    }
}

#[derive(Debug, Clone, Copy)]
enum Label {
    Optimistic,
    Skeptical,
    Neutral,
}

fn csv_error(origin: &str, error: csv::Error) -> ScoresError {
    let line = error.position().map_or(0, csv::Position::line);
    let message = error.to_string();
    match error.into_kind() {
        csv::ErrorKind::Io(source) => ScoresError::Io { origin: origin.to_string(), source },
        _ => ScoresError::Record { origin: origin.to_string(), line, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{Trend, TrendOptions};

    const SENTENCE_HEADER: &str =
        "doc_id,sentence_id,date,source,sentiment,stance,label,optimism,skepticism,hedges,words,text,cues,kept_topic";
    const DOCUMENT_HEADER: &str = "doc_id,date,source,sentences,sentiment,stance,label,optimistic_share,skeptical_share,neutral_share,hedges,words,kept_topic";

    fn read(input: &str, group: Option<&str>) -> Vec<Result<DocTone, String>> {
        read_scores(input.as_bytes(), "scores.csv", group)
            .unwrap()
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    fn tone(
        id: &str,
        date: Option<&str>,
        group: Option<&str>,
        counts: [u64; 3],
        stance: f64,
        sentiment: f64,
    ) -> DocTone {
        DocTone {
            id: id.into(),
            date: date.map(str::to_string),
            group: group.map(str::to_string),
            sentences: counts.iter().sum(),
            stance,
            sentiment,
            optimistic: counts[0],
            skeptical: counts[1],
            neutral: counts[2],
        }
    }

    fn assert_close(got: &[Result<DocTone, String>], expected: &[Result<DocTone, String>]) {
        assert_eq!(got.len(), expected.len(), "{got:#?}");
        for (g, e) in got.iter().zip(expected) {
            match (g, e) {
                (Ok(g), Ok(e)) => {
                    assert!((g.stance - e.stance).abs() < 1e-12, "{g:?} vs {e:?}");
                    assert!((g.sentiment - e.sentiment).abs() < 1e-12, "{g:?} vs {e:?}");
                    let strip = |d: &DocTone| DocTone { stance: 0.0, sentiment: 0.0, ..d.clone() };
                    assert_eq!(strip(g), strip(e));
                }
                _ => assert_eq!(g, e),
            }
        }
    }

    #[test]
    fn consecutive_sentence_rows_form_one_document() {
        let input = format!(
            "{SENTENCE_HEADER}\n\
             d1,0,2025-11-03,Wire,0.2000,0.5000,optimistic,1.2,0.0,0,12,\"Growth, at last.\",growth,econ\n\
             d1,1,2025-11-03,Wire,-0.1000,-0.2500,skeptical,0.0,0.8,1,9,\"Or is it?\n(said one)\",doubt,econ\n\
             d1,2,2025-11-03,Wire,0.0000,0.0000,neutral,0,0,0,5,Plain.,,econ\n\
             d2,0,,Daily,0.3000,0.1000,neutral,0,0,0,4,Alone.,,\n"
        );
        let docs = read(&input, Some("source"));
        assert_close(
            &docs,
            &[
                // Means are rounded to 4 places, as the document level writes them.
                Ok(tone("d1", Some("2025-11-03"), Some("Wire"), [1, 1, 1], 0.0833, 0.0333)),
                Ok(tone("d2", None, Some("Daily"), [0, 0, 1], 0.1, 0.3)),
            ],
        );
        let reader = read_scores(input.as_bytes(), "scores.csv", None).unwrap();
        assert_eq!(reader.level(), ScoreLevel::Sentence);
        assert!(reader.map(Result::unwrap).all(|d| d.group.is_none()));
    }

    #[test]
    fn document_rows_turn_shares_back_into_counts() {
        let input = format!(
            "{DOCUMENT_HEADER}\n\
             d1,2025-11-03,Wire,3,0.0333,0.0833,neutral,0.3333,0.3333,0.3333,1,26,econ\n\
             d2,2025-11-04,Daily,7,0.1000,-0.2000,skeptical,0.1429,0.5714,0.2857,0,80,\n\
             d3,2025-11-05,Daily,0,,,neutral,,,,0,0,\n"
        );
        let reader = read_scores(input.as_bytes(), "scores.csv", Some("source")).unwrap();
        assert_eq!(reader.level(), ScoreLevel::Document);
        assert_close(
            &read(&input, Some("source")),
            &[
                Ok(tone("d1", Some("2025-11-03"), Some("Wire"), [1, 1, 1], 0.0833, 0.0333)),
                Ok(tone("d2", Some("2025-11-04"), Some("Daily"), [1, 4, 2], -0.2, 0.1)),
                Ok(tone("d3", Some("2025-11-05"), Some("Daily"), [0, 0, 0], 0.0, 0.0)),
            ],
        );
    }

    #[test]
    fn any_column_can_be_the_group() {
        let input = format!("{DOCUMENT_HEADER}\nd1,2025-11-03,Wire,1,0,0,neutral,0,0,1,0,3,econ\n");
        let docs = read(&input, Some("kept_topic"));
        assert_eq!(docs[0].as_ref().unwrap().group.as_deref(), Some("econ"));
        let docs = read(&input, Some("label"));
        assert_eq!(docs[0].as_ref().unwrap().group.as_deref(), Some("neutral"));
    }

    #[test]
    fn a_missing_group_column_lists_the_columns() {
        let input = format!("{DOCUMENT_HEADER}\n");
        let error = read_scores(input.as_bytes(), "scores.csv", Some("topic")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "scores.csv: no column \"topic\" to group by; columns are: doc_id, date, source, \
             sentences, sentiment, stance, label, optimistic_share, skeptical_share, \
             neutral_share, hedges, words, kept_topic"
        );
    }

    #[test]
    fn a_byte_order_mark_is_tolerated_at_both_levels() {
        let sentence =
            format!("\u{feff}{SENTENCE_HEADER}\nd1,0,2025-11-03,Wire,0.1,0.2,optimistic,0,0,0,3,x,,\n");
        let document =
            format!("\u{feff}{DOCUMENT_HEADER}\nd1,2025-11-03,Wire,1,0.1,0.2,optimistic,1,0,0,0,3,\n");
        for input in [sentence, document] {
            let docs = read(&input, Some("source"));
            assert_close(&docs, &[Ok(tone("d1", Some("2025-11-03"), Some("Wire"), [1, 0, 0], 0.2, 0.1))]);
        }
    }

    #[test]
    fn other_headers_are_not_scores() {
        for input in ["", "id,text\n1,hello\n"] {
            let error = read_scores(input.as_bytes(), "corpus.csv", None).unwrap_err();
            assert!(matches!(error, ScoresError::NotScores { .. }), "{error}");
            assert!(error.to_string().starts_with("corpus.csv: not a tenor scores file"), "{error}");
        }
        let error =
            read_scores("doc_id,sentence_id,date,stance,label\n".as_bytes(), "s.csv", None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "s.csv: sentence-level scores need a \"sentiment\" column; \
             found columns: doc_id, sentence_id, date, stance, label"
        );
    }

    #[test]
    fn a_bad_sentence_row_reports_its_document_once_and_reading_goes_on() {
        let input = format!(
            "{SENTENCE_HEADER}\n\
             d1,0,2025-11-03,Wire,0.1,0.2,optimistic,0,0,0,3,x,,\n\
             d1,1,2025-11-03,Wire,0.1,abc,optimistic,0,0,0,3,x,,\n\
             d1,2,2025-11-03,Wire,0.1,0.2,hopeful,0,0,0,3,x,,\n\
             d2,0,2025-11-04,Wire,0.1,0.2,neutral,0,0,0,3,x,,\n\
             d3,0,2025-11-04,Wire,0.1,0.2,upbeat,0,0,0,3,x,,\n\
             d4,0,2025-11-04\n"
        );
        let docs = read(&input, Some("source"));
        assert_close(
            &docs,
            &[
                Err("scores.csv:3: document \"d1\": column \"stance\": \"abc\" is not a number".into()),
                Ok(tone("d2", Some("2025-11-04"), Some("Wire"), [0, 0, 1], 0.2, 0.1)),
                Err(
                    "scores.csv:6: document \"d3\": label \"upbeat\" is not optimistic, skeptical or neutral"
                        .into(),
                ),
                Err("scores.csv:7: document \"d4\": row has no \"stance\" column (only 3 fields)".into()),
            ],
        );
    }

    #[test]
    fn a_bad_document_row_is_reported_with_its_line() {
        let input = format!(
            "{DOCUMENT_HEADER}\n\
             d1,2025-11-03,Wire,two,0,0,neutral,0,0,1,0,3,\n\
             d2,2025-11-03,Wire,2,0,0,neutral,1.5,0,1,0,3,\n\
             d3,2025-11-03,Wire,2,NaN,0,neutral,0,0,1,0,3,\n\
             d4,2025-11-03,Wire,2,0.5,0.5,neutral,0,0,1,0,3,\n"
        );
        let docs = read(&input, None);
        assert_close(
            &docs,
            &[
                Err("scores.csv:2: column \"sentences\": \"two\" is not a count".into()),
                Err("scores.csv:3: column \"optimistic_share\": share 1.5 is outside 0 to 1".into()),
                Err("scores.csv:4: column \"sentiment\": \"NaN\" is not a number".into()),
                Ok(tone("d4", Some("2025-11-03"), None, [0, 0, 2], 0.5, 0.5)),
            ],
        );
    }

    #[test]
    fn invalid_utf8_is_a_row_error_not_the_end() {
        let mut input = format!("{DOCUMENT_HEADER}\n").into_bytes();
        input.extend_from_slice(b"d1,2025-11-03,W\xff,1,0,0,neutral,0,0,1,0,3,\n");
        input.extend_from_slice(b"d2,2025-11-03,W,1,0,0,neutral,0,0,1,0,3,\n");
        let docs: Vec<_> = read_scores(&input[..], "scores.csv", None).unwrap().collect();
        assert_eq!(docs.len(), 2);
        assert!(matches!(&docs[0], Err(ScoresError::Record { line: 2, .. })), "{docs:?}");
        assert_eq!(docs[1].as_ref().unwrap().id, "d2");
    }

    #[test]
    fn open_scores_names_a_missing_file() {
        let error = open_scores(Path::new("/nonexistent/scores.csv"), None).unwrap_err();
        assert_eq!(error.to_string(), "reading /nonexistent/scores.csv");
        assert!(std::error::Error::source(&error).is_some());
    }

    #[test]
    fn both_levels_of_the_same_scores_give_the_same_trend() {
        let sentences = format!(
            "{SENTENCE_HEADER}\n\
             d1,0,2025-11-03,Wire,0.5000,0.5000,optimistic,0,0,0,3,x,,\n\
             d1,1,2025-11-03,Wire,0.0000,-0.2500,skeptical,0,0,0,3,x,,\n\
             d2,0,2025-12-01,Wire,0.2500,0.2500,optimistic,0,0,0,3,x,,\n\
             d3,0,2025-12-02,Daily,-0.5000,-0.7500,skeptical,0,0,0,3,x,,\n\
             d3,1,2025-12-02,Daily,0.0000,0.0000,neutral,0,0,0,3,x,,\n\
             d3,2,2025-12-02,Daily,0.0000,0.0000,neutral,0,0,0,3,x,,\n\
             d3,3,2025-12-02,Daily,0.0000,0.0000,neutral,0,0,0,3,x,,\n"
        );
        let documents = format!(
            "{DOCUMENT_HEADER}\n\
             d1,2025-11-03,Wire,2,0.2500,0.1250,neutral,0.5000,0.5000,0.0000,0,6,\n\
             d2,2025-12-01,Wire,1,0.2500,0.2500,optimistic,1.0000,0.0000,0.0000,0,3,\n\
             d3,2025-12-02,Daily,4,-0.1250,-0.1875,neutral,0.0000,0.2500,0.7500,0,12,\n"
        );
        let trend = |input: &str| {
            let mut trend = Trend::new(TrendOptions::default()).unwrap();
            for doc in read_scores(input.as_bytes(), "scores.csv", Some("source")).unwrap() {
                trend.add(doc.unwrap());
            }
            trend.finish()
        };
        assert_eq!(trend(&sentences), trend(&documents));
    }
}
