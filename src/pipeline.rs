//! The parallel, ordered, streaming driver of `tenor score`.
//!
//! Three stages run at once: a reader thread streams the inputs and groups documents into
//! chunks of about [`PipelineOptions::chunk_bytes`] of text; the calling thread scores each
//! chunk on a rayon pool of [`PipelineOptions::threads`] threads, each worker with its own
//! reused [`Scratch`] handing documents to a [`Handler`] (CSV rows for `tenor score`, tone
//! records for `tenor trend`); a writer thread consumes the handlers' batches in input order. Channels between the stages hold at most two chunks, so memory
//! is bounded by the chunk size, not by the corpus, and the output is byte-identical for any
//! number of threads.
//!
//! Problems (skipped records, warnings) reach the [`Observer`] in input order, with progress
//! once per chunk.

use std::io;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
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

/// How a run reads and how wide it runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineOptions {
    pub read: ReadOptions,
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

/// What to make of each scored document, on the worker threads. A batch collects the results
/// of a few consecutive documents; batches reach the consumer in input order.
pub trait Handler: Sync {
    type Batch: Send;
    /// An empty batch for about `documents` documents.
    fn batch(&self, documents: usize) -> Self::Batch;
    fn handle(&self, batch: &mut Self::Batch, doc: &Document, score: &DocumentScore);
}

/// Formats CSV rows ([`RowWriter`]) into byte buffers.
///
/// A batch that has been written can be handed back ([`CsvRows::recycle`]) and is then reused
/// for a later batch. A new batch's buffers are often fresh memory, which the kernel maps and
/// zeroes page by page, because the allocator gave the freed ones back to it in between.
pub struct CsvRows<'a> {
    scorer: &'a Scorer,
    output: OutputOptions,
    spare: Mutex<Vec<RowWriter<Vec<u8>>>>,
}

/// The most written batches [`CsvRows`] keeps for reuse.
const SPARE_BATCHES: usize = 64;

impl<'a> CsvRows<'a> {
    pub fn new(scorer: &'a Scorer, output: OutputOptions) -> CsvRows<'a> {
        CsvRows { scorer, output, spare: Mutex::new(Vec::new()) }
    }

    /// Takes back a batch whose rows have been written ([`RowWriter::write_to`]), for reuse.
    pub fn recycle(&self, batch: RowWriter<Vec<u8>>) {
        if let Ok(mut spare) = self.spare.lock() {
            if spare.len() < SPARE_BATCHES {
                spare.push(batch);
            }
        }
    }
}

impl Handler for CsvRows<'_> {
    type Batch = RowWriter<Vec<u8>>;

    fn batch(&self, documents: usize) -> RowWriter<Vec<u8>> {
        let spare = self.spare.lock().ok().and_then(|mut spare| spare.pop());
        spare.unwrap_or_else(|| RowWriter::new(Vec::with_capacity(documents * 1024), self.output.clone()))
    }

    fn handle(&self, batch: &mut RowWriter<Vec<u8>>, doc: &Document, score: &DocumentScore) {
        // Writing into a Vec cannot fail.
        let _ = batch.write_document(self.scorer, doc, score);
    }
}

/// Scores `inputs`, hands each document to `handler` on the pool and each batch, in input
/// order, to `consume` on a writer thread. `bytes_read` counts raw input bytes for progress.
pub fn run<H: Handler>(
    scorer: &Scorer,
    inputs: &[Input],
    options: &PipelineOptions,
    handler: &H,
    consume: impl FnMut(H::Batch) -> io::Result<()> + Send,
    bytes_read: Arc<AtomicU64>,
    observer: &mut dyn Observer,
) -> Result<Stats, PipelineError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads.max(1)).build()?;
    let (chunk_tx, chunk_rx) = sync_channel::<Result<Chunk, CorpusError>>(2);
    let (batch_tx, batch_rx) = sync_channel::<Vec<H::Batch>>(2);
    thread::scope(|scope| {
        scope.spawn(|| read_chunks(inputs, &options.read, options.chunk_bytes, bytes_read, chunk_tx));
        let writer = scope.spawn(move || consume_batches(batch_rx, consume));
        let result = score_chunks(scorer, handler, &pool, chunk_rx, batch_tx, observer);
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
fn score_chunks<H: Handler>(
    scorer: &Scorer,
    handler: &H,
    pool: &rayon::ThreadPool,
    rx: Receiver<Result<Chunk, CorpusError>>,
    tx: SyncSender<Vec<H::Batch>>,
    observer: &mut dyn Observer,
) -> Result<Stats, PipelineError> {
    let mut stats = Stats::default();
    for chunk in rx {
        let chunk = chunk?;
        let mut docs: Vec<&Document> = Vec::with_capacity(chunk.len());
        for event in &chunk {
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
        let results: Vec<(H::Batch, u64, u64)> = pool.install(|| {
            docs.par_chunks(DOCS_PER_TASK)
                .map_init(
                    || (Scratch::default(), DocumentScore::default()),
                    |(scratch, score), docs| {
                        let mut batch = handler.batch(docs.len());
                        let (mut sentences, mut text_bytes) = (0, 0);
                        for doc in docs {
                            scorer.score_into(&doc.text, scratch, score);
                            sentences += score.sentences.len() as u64;
                            text_bytes += doc.text.len() as u64;
                            handler.handle(&mut batch, doc, score);
                        }
                        (batch, sentences, text_bytes)
                    },
                )
                .collect()
        });
        let mut batches = Vec::with_capacity(results.len());
        for (batch, sentences, text_bytes) in results {
            stats.sentences += sentences;
            stats.text_bytes += text_bytes;
            batches.push(batch);
        }
        stats.documents_scored += docs.len() as u64;
        stats.documents_read = stats.documents_scored + stats.documents_skipped;
        if tx.send(batches).is_err() {
            // The writer failed; it reports why when joined.
            break;
        }
        observer.progress(&stats);
    }
    Ok(stats)
}

/// Writer stage: hands batches to `consume` in the order received.
fn consume_batches<B>(rx: Receiver<Vec<B>>, mut consume: impl FnMut(B) -> io::Result<()>) -> io::Result<()> {
    for batches in rx {
        for batch in batches {
            consume(batch)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{expand_inputs, ReadOptions};
    use crate::output::Level;
    use crate::{Lexicon, ScoreOptions};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn scorer() -> &'static Scorer {
        static SCORER: OnceLock<Scorer> = OnceLock::new();
        SCORER.get_or_init(|| Scorer::new(Lexicon::embedded().unwrap(), ScoreOptions::default()))
    }

    struct Quiet;

    impl Observer for Quiet {
        fn problem(&mut self, _skipped: bool, _problem: &Problem) {}
        fn progress(&mut self, _stats: &Stats) {}
    }

    /// Scores a JSONL file with `threads` threads and tiny chunks; returns the CSV and stats.
    fn score_file(path: &std::path::Path, threads: usize) -> (String, Stats) {
        let read = ReadOptions::default();
        let inputs = expand_inputs(&[path], &read).unwrap();
        let options = PipelineOptions { read, threads, chunk_bytes: 300 };
        let output = OutputOptions {
            level: Level::Sentence,
            text: true,
            explain: true,
            neutralize: true,
            keep_cols: vec![],
        };
        let rows = CsvRows::new(scorer(), output);
        let mut out: Vec<u8> = Vec::new();
        let stats = run(
            scorer(),
            &inputs,
            &options,
            &rows,
            |rows: RowWriter<Vec<u8>>| std::io::Write::write_all(&mut out, &rows.into_inner()?),
            Arc::new(AtomicU64::new(0)),
            &mut Quiet,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), stats)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn output_is_identical_for_any_thread_count_and_loses_no_document(
            texts in prop::collection::vec("[A-Za-z ,.!?']{0,80}", 1..60)
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("c.jsonl");
            let lines: Vec<String> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| serde_json::json!({"id": format!("d{i}"), "text": t}).to_string())
                .collect();
            std::fs::write(&path, lines.join("\n")).unwrap();
            let (one, stats) = score_file(&path, 1);
            let (three, _) = score_file(&path, 3);
            prop_assert_eq!(&one, &three);
            prop_assert_eq!(stats.documents_read, texts.len() as u64);
            prop_assert_eq!(stats.documents_scored + stats.documents_skipped, stats.documents_read);
        }
    }
}
