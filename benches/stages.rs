//! Throughput of each stage of scoring, in bytes of input text per second.
//!
//! ```text
//! cargo bench --bench stages -- --warm-up-time 1 --measurement-time 3
//! cargo bench --bench stages -- score_document        # one benchmark
//! ```
//!
//! The input is about 1 MB of synthetic news (articles from `common/newsgen.rs`, the generator
//! behind `examples/make_bench_corpus.rs`, joined by blank lines), built in memory, so the
//! figures exclude reading files. Stages: segmenting it into sentences, tokenizing those
//! sentences, scoring one typical sentence, scoring the whole text with reused buffers, and
//! writing CSV rows of the shape of tenor's sentence output. `score_sentence` repeats one
//! sentence, so the branch predictor learns it: read it as a per-call floor, and
//! `score_document` as the throughput. The end-to-end figure with file
//! reading, parallelism and output is `scripts/bench.sh`.
//!
//! On a machine shared with other work, wall-clock time counts the time other processes held
//! the core; `TENOR_BENCH_CLOCK=cpu` measures this thread's CPU time instead
//! (`CLOCK_THREAD_CPUTIME_ID`), as group `stages_cpu`, which gives the per-core figure:
//!
//! ```text
//! TENOR_BENCH_CLOCK=cpu cargo bench --bench stages -- --warm-up-time 1 --measurement-time 3
//! ```

// Shared with the corpus example, which uses all of it.
#[allow(dead_code)]
#[path = "common/newsgen.rs"]
mod newsgen;

use std::hint::black_box;
use std::io;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput};
use tenor::corpus::{Document, Origin};
use tenor::output::{Level, OutputOptions, RowWriter};
use tenor::tokenize::tokenize_into;
use tenor::{DocumentScore, Lexicon, ScoreOptions, Scorer, Scratch};

/// Size of the in-memory text, in bytes.
const TEXT_BYTES: usize = 1_000_000;
const SEED: u64 = 42;

/// A typical news sentence: 25 words, a movement, a contrast, a hedge and two cues.
const SENTENCE: &str =
    "Shares of Calder rose 3.5% on Tuesday, but analysts at Holloway Securities warned that \
                        the recovery remains fragile and margins could come under pressure.";

/// About `bytes` of articles separated by blank lines, and the first article's metadata.
fn news_text(bytes: usize) -> (String, newsgen::Article) {
    let mut generator = newsgen::NewsGenerator::new(SEED);
    let mut article = newsgen::Article::default();
    let mut text = String::with_capacity(bytes + 8_000);
    let mut first = None;
    while text.len() < bytes {
        generator.article(&mut article);
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&article.text);
        if first.is_none() {
            first = Some(std::mem::take(&mut article));
        }
    }
    (text, first.unwrap_or_default())
}

/// Reused buffers for CSV rows.
/// The document the CSV benches write rows for: the generated text with the metadata of its
/// first article, as the corpus readers would produce it.
fn document(text: &str, meta: &newsgen::Article) -> Document {
    Document {
        id: meta.id.clone(),
        date: Some(meta.date.clone()),
        source: Some(meta.source.to_string()),
        title: None,
        text: text.to_string(),
        kept: Vec::new(),
        origin: Origin { file: "bench".into(), line: 1 },
    }
}

fn sentence_rows() -> OutputOptions {
    OutputOptions {
        level: Level::Sentence,
        text: true,
        explain: false,
        neutralize: true,
        keep_cols: Vec::new(),
    }
}

fn stages<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let (text, meta) = news_text(TEXT_BYTES);
    let text_bytes = text.len() as u64;
    let scorer = Scorer::new(Lexicon::embedded().expect("embedded lexicon loads"), ScoreOptions::default());
    let ranges: Vec<_> = tenor::segment::sentences(&text).collect();
    let mut scratch = Scratch::default();
    let mut scored = DocumentScore::default();
    scorer.score_into(&text, &mut scratch, &mut scored);

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("segment", |b| b.iter(|| tenor::segment::sentences(black_box(&text)).count()));

    group.bench_function("tokenize", |b| {
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        b.iter(|| {
            let mut count = 0;
            for range in &ranges {
                tokenize_into(black_box(&text[range.clone()]), &mut tokens, &mut lower);
                count += tokens.len();
            }
            count
        })
    });

    group.throughput(Throughput::Bytes(SENTENCE.len() as u64));
    group.bench_function("score_sentence", |b| {
        let mut out = DocumentScore::default();
        b.iter(|| {
            scorer.score_into(black_box(SENTENCE), &mut scratch, &mut out);
            out.sentences.len()
        })
    });

    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("score_document", |b| {
        let mut out = DocumentScore::default();
        b.iter(|| {
            scorer.score_into(black_box(&text), &mut scratch, &mut out);
            out.sentences.len()
        })
    });

    let one_sentence = document(SENTENCE, &meta);
    let mut sentence_score = DocumentScore::default();
    scorer.score_into(SENTENCE, &mut scratch, &mut sentence_score);
    group.throughput(Throughput::Bytes(SENTENCE.len() as u64));
    group.bench_function("csv_row", |b| {
        let mut out = RowWriter::new(io::sink(), sentence_rows());
        b.iter(|| out.write_document(&scorer, &one_sentence, black_box(&sentence_score)))
    });

    let whole = document(&text, &meta);
    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("csv_rows", |b| {
        let mut out = RowWriter::new(io::sink(), sentence_rows());
        b.iter(|| out.write_document(&scorer, &whole, black_box(&scored)))
    });

    // Scoring and writing, one core, no file reading: the in-process ceiling of `tenor score`.
    group.bench_function("score_and_csv", |b| {
        let mut out = RowWriter::new(io::sink(), sentence_rows());
        let mut doc = DocumentScore::default();
        b.iter(|| {
            scorer.score_into(black_box(&whole.text), &mut scratch, &mut doc);
            out.write_document(&scorer, &whole, &doc)
        })
    });
    group.finish();
}

/// This thread's CPU time, in nanoseconds (Linux and other POSIX systems).
struct ThreadCpuTime {
    /// Lends its formatter: values are nanoseconds either way.
    wall: WallTime,
}

fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write to; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns() - start
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

// criterion_main! with a measurement chosen at run time.
fn main() {
    if std::env::var("TENOR_BENCH_CLOCK").is_ok_and(|clock| clock == "cpu") {
        let mut c =
            Criterion::default().with_measurement(ThreadCpuTime { wall: WallTime }).configure_from_args();
        stages(&mut c, "stages_cpu");
        c.final_summary();
    } else {
        let mut c = Criterion::default().configure_from_args();
        stages(&mut c, "stages");
        c.final_summary();
    }
}
