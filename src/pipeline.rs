//! The parallel, ordered, streaming driver of `tenor score`.
//!
//! Three stages run at once: a reader thread streams the inputs and groups documents into
//! chunks of about [`PipelineOptions::chunk_bytes`] of text; the calling thread scores each
//! chunk on a rayon pool of [`PipelineOptions::threads`] threads, each worker formatting its
//! share of rows into a byte buffer with its own reused [`Scratch`]; a writer thread writes
//! the buffers in input order. Channels between the stages hold at most two chunks, so memory
//! is bounded by the chunk size, not by the corpus, and the output is byte-identical for any
//! number of threads.
//!
//! Problems (skipped records, warnings) reach the [`Observer`] in input order, with progress
//! once per chunk.

use std::io::{self, Write};
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread;

use rayon::prelude::*;

use crate::corpus::{self, CorpusError, Document, Event, Input, Origin, Problem, ReadOptions};
use crate::output::{OutputOptions, RowWriter};
use crate::score::{DocumentScore, Scorer, Scratch};

/// Documents one rayon task formats into one buffer.
const DOCS_PER_TASK: usize = 16;
/// Most documents in one chunk, however short.
const MAX_CHUNK_DOCS: usize = 8_192;

/// Default text bytes per chunk: large enough to keep every thread busy, small enough that
/// the chunks in flight stay within a few tens of megabytes.
pub const CHUNK_BYTES: usize = 4 << 20;

/// Everything a run needs to know besides the scorer: how to read, what to write, how wide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineOptions {
    pub read: ReadOptions,
    pub output: OutputOptions,
    /// Scoring threads (at least 1).
    pub threads: usize,
    /// Text bytes per chunk.
    pub chunk_bytes: usize,
}

/// Counts of a run. Every record read is either scored or skipped:
/// `documents_read == documents_scored + documents_skipped`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents_read: u64,
    pub documents_scored: u64,
    pub documents_skipped: u64,
    pub warnings: u64,
    pub sentences: u64,
    /// Bytes of text scored.
    pub text_bytes: u64,
}

/// What the pipeline tells its caller as it goes.
pub trait Observer {
    /// A record that was skipped (`skipped`) or scored with a warning.
    fn problem(&mut self, skipped: bool, problem: &Problem);
    /// A chunk was written; `stats` are the totals so far.
    fn progress(&mut self, stats: &Stats);
}

/// Errors that stop a run.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("writing output: {0}")]
    Write(#[source] io::Error),
    #[error("building the thread pool: {0}")]
    Pool(#[from] rayon::ThreadPoolBuildError),
}

impl PipelineError {
    /// Whether the output was a pipe that the reader closed (`tenor score | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, PipelineError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// A batch of what the reader read, in input order.
type Chunk = Vec<Event>;

/// Scores `inputs` and writes rows to `out` (the header is the caller's). `bytes_read` counts
/// raw input bytes for a progress bar.
pub fn run(
    scorer: &Scorer,
    inputs: &[Input],
    options: &PipelineOptions,
    bytes_read: Arc<AtomicU64>,
    out: &mut (dyn Write + Send),
    observer: &mut dyn Observer,
) -> Result<Stats, PipelineError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads.max(1)).build()?;
    let (chunk_tx, chunk_rx) = sync_channel::<Result<Chunk, CorpusError>>(2);
    let (buf_tx, buf_rx) = sync_channel::<Vec<Vec<u8>>>(2);
    thread::scope(|scope| {
        scope.spawn(|| read_chunks(inputs, &options.read, options.chunk_bytes, bytes_read, chunk_tx));
        let writer = scope.spawn(move || write_buffers(buf_rx, out));
        let result = score_chunks(scorer, &options.output, &pool, chunk_rx, buf_tx, observer);
        let written = writer.join().unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")));
        match (result, written) {
            (Err(e), _) => Err(e),
            (Ok(_), Err(e)) => Err(PipelineError::Write(e)),
            (Ok(stats), Ok(())) => Ok(stats),
        }
    })
}

/// Reader stage: streams every input and sends chunks of events. An input that cannot be
/// opened is a skipped record; a column error (it would hit every record) ends the run.
fn read_chunks(
    inputs: &[Input],
    read: &ReadOptions,
    chunk_bytes: usize,
    bytes_read: Arc<AtomicU64>,
    tx: SyncSender<Result<Chunk, CorpusError>>,
) {
    let mut chunk: Chunk = Vec::new();
    let mut size = 0usize;
    for input in inputs {
        let events = match corpus::read(input, read, Arc::clone(&bytes_read)) {
            Ok(events) => events,
            Err(err) if err.is_fatal() => {
                let _ = tx.send(Err(err));
                return;
            }
            Err(err) => {
                let origin = Origin { file: Arc::clone(&input.display), line: 0 };
                chunk.push(Event::Skipped(Problem { origin, reason: err.to_string() }));
                continue;
            }
        };
        for mut event in events {
            if let Event::Document(doc) = &mut event {
                if read.title_col.is_some() {
                    prepend_title(doc);
                }
                size += doc.text.len() + 64;
            }
            chunk.push(event);
            if size >= chunk_bytes || chunk.len() >= MAX_CHUNK_DOCS {
                if tx.send(Ok(std::mem::take(&mut chunk))).is_err() {
                    return; // The scorer stopped; nothing more to do.
                }
                size = 0;
            }
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(Ok(chunk));
    }
}

/// Makes an explicitly requested title the document's first sentence (a blank line after it
/// always ends a sentence).
fn prepend_title(doc: &mut Document) {
    if let Some(title) = doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
        doc.text = format!("{title}\n\n{}", doc.text);
    }
}

/// Scoring stage: runs on the calling thread, scores each chunk on the pool.
fn score_chunks(
    scorer: &Scorer,
    output: &OutputOptions,
    pool: &rayon::ThreadPool,
    rx: Receiver<Result<Chunk, CorpusError>>,
    tx: SyncSender<Vec<Vec<u8>>>,
    observer: &mut dyn Observer,
) -> Result<Stats, PipelineError> {
    let mut stats = Stats::default();
    for chunk in rx {
        let chunk = chunk?;
        let mut docs: Vec<&Document> = Vec::with_capacity(chunk.len());
        for event in &chunk {
            stats.documents_read += u64::from(!matches!(event, Event::Warning(_)));
            match event {
                Event::Document(doc) => docs.push(doc),
                Event::Skipped(problem) => {
                    stats.documents_skipped += 1;
                    observer.problem(true, problem);
                }
                Event::Warning(problem) => {
                    stats.warnings += 1;
                    observer.problem(false, problem);
                }
            }
        }
        let results: Vec<(Vec<u8>, u64, u64)> = pool.install(|| {
            docs.par_chunks(DOCS_PER_TASK)
                .map_init(
                    || (Scratch::default(), DocumentScore::default()),
                    |(scratch, score), batch| score_batch(scorer, output, batch, scratch, score),
                )
                .collect()
        });
        let mut buffers = Vec::with_capacity(results.len());
        for result in results {
            let (buffer, sentences, text_bytes) = result;
            stats.sentences += sentences;
            stats.text_bytes += text_bytes;
            buffers.push(buffer);
        }
        stats.documents_scored += docs.len() as u64;
        if tx.send(buffers).is_err() {
            // The writer failed; it reports why when joined.
            break;
        }
        observer.progress(&stats);
    }
    Ok(stats)
}

/// Scores a batch of documents and formats their rows. Returns the bytes, the sentence count
/// and the text bytes.
fn score_batch(
    scorer: &Scorer,
    output: &OutputOptions,
    batch: &[&Document],
    scratch: &mut Scratch,
    score: &mut DocumentScore,
) -> (Vec<u8>, u64, u64) {
    let mut writer = RowWriter::new(Vec::with_capacity(batch.len() * 1024), output.clone());
    let mut sentences = 0u64;
    let mut text_bytes = 0u64;
    for doc in batch {
        scorer.score_into(&doc.text, scratch, score);
        sentences += score.sentences.len() as u64;
        text_bytes += doc.text.len() as u64;
        // Writing into a Vec cannot fail.
        let _ = writer.write_document(scorer, doc, score);
    }
    (writer.into_inner().unwrap_or_default(), sentences, text_bytes)
}

/// Writer stage: writes buffers in the order received.
fn write_buffers(rx: Receiver<Vec<Vec<u8>>>, out: &mut (dyn Write + Send)) -> io::Result<()> {
    for buffers in rx {
        for buffer in buffers {
            out.write_all(&buffer)?;
        }
    }
    out.flush()
}
