//! `tenor score`: the main job — a corpus in, one CSV out.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use clap::{Args as ClapArgs, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use tenor::corpus::{self, Input, Problem};
use tenor::output::atomic::{refuse_input_overwrite, AtomicFile};
use tenor::output::{Level, OutputOptions, RowWriter};
use tenor::pipeline::{self, CsvRows, Observer, PipelineOptions, Stats};

use super::{output_file, resolve_threads, Exit, ReadArgs, ScorerArgs};

#[derive(Debug, ClapArgs)]
pub struct ScoreArgs {
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    scorer: ScorerArgs,
    /// Write the CSV here (atomically) instead of to standard output (`-` is standard output).
    #[arg(short, long, value_name = "OUT.csv")]
    output: Option<PathBuf>,
    /// One row per sentence or one per document.
    #[arg(long, value_enum, default_value_t = LevelArg::Sentence)]
    level: LevelArg,
    /// Add a `cues` column explaining each sentence's score (sentence level).
    #[arg(long)]
    explain: bool,
    /// Leave out the sentence text column.
    #[arg(long)]
    no_text: bool,
    /// Pass these input columns through to the output (comma-separated; a name the output
    /// already uses gets the prefix `input_`).
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    keep_cols: Vec<String>,
    /// Scoring threads; 0 uses every core.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Write text cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    raw_text: bool,
    /// Start the file with a UTF-8 byte-order mark so Excel reads accents and quotes right.
    #[arg(long)]
    excel: bool,
    /// Write every skipped record (file, line, reason) and warning to this CSV.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum LevelArg {
    Sentence,
    Document,
}

pub fn run(args: ScoreArgs) -> anyhow::Result<Exit> {
    let scorer = args.scorer.build(args.explain)?;
    let read = args.read.read_options(args.keep_cols.clone())?;
    let output_options = OutputOptions {
        level: match args.level {
            LevelArg::Sentence => Level::Sentence,
            LevelArg::Document => Level::Document,
        },
        text: !args.no_text,
        explain: args.explain,
        neutralize: !args.raw_text,
        keep_cols: args.keep_cols.clone(),
    };
    let (inputs, unopened) = expand(&args.read.inputs, &read)?;
    for path in [output_file(&args.output), args.errors.as_deref()].into_iter().flatten() {
        let paths = inputs.iter().filter_map(|i| i.path.as_deref());
        refuse_input_overwrite(path, paths).map_err(anyhow::Error::msg)?;
    }
    let mut reporter = Reporter::new(args.errors.as_deref(), args.quiet)?;
    for problem in &unopened {
        reporter.problem(true, problem);
    }
    reporter.unopened = unopened.len() as u64;
    let total: Option<u64> = inputs.iter().map(|i| i.size).sum();
    let bytes_read = Arc::new(AtomicU64::new(0));
    reporter.start_progress(total, Arc::clone(&bytes_read));
    let options =
        PipelineOptions { read, threads: resolve_threads(args.threads), chunk_bytes: pipeline::CHUNK_BYTES };
    let started = Instant::now();

    let mut sink = Sink::open(output_file(&args.output))?;
    // The header goes out with the first rows (or at the end of a run without any), so a run
    // that stops on a fatal error before its first document prints nothing on stdout.
    let mut header = Some(header_bytes(&output_options, args.excel)?);
    let rows = CsvRows::new(&scorer, output_options);
    let write = |mut batch: RowWriter<Vec<u8>>| {
        if let Some(header) = header.take() {
            sink.write_all(&header)?;
        }
        batch.write_to(&mut sink)?;
        rows.recycle(batch);
        Ok(())
    };
    let stats = pipeline::run(&scorer, &inputs, &options, &rows, write, bytes_read, &mut reporter)?;
    if let Some(header) = header {
        sink.write_all(&header)?;
    }
    sink.flush()?;
    sink.finish()?;
    reporter.finish(&stats, started.elapsed().as_secs_f64())
}

/// The header row, after a UTF-8 byte order mark for Excel when asked.
fn header_bytes(options: &OutputOptions, excel: bool) -> io::Result<Vec<u8>> {
    let bom: &[u8] = if excel { "\u{FEFF}".as_bytes() } else { b"" };
    let mut header = RowWriter::new(bom.to_vec(), options.clone());
    header.write_header()?;
    header.into_inner()
}

/// Expands the inputs one by one, so that a missing path is reported and skipped while the
/// others are still scored. Returns the inputs and the problems of those that could not be
/// opened.
fn expand(args: &[PathBuf], read: &tenor::corpus::ReadOptions) -> anyhow::Result<(Vec<Input>, Vec<Problem>)> {
    let mut inputs = Vec::new();
    let mut unopened = Vec::new();
    for arg in args {
        match corpus::expand_inputs(std::slice::from_ref(arg), read) {
            Ok(found) => inputs.extend(found),
            Err(err) if err.is_fatal() => return Err(err.into()),
            Err(err) => {
                let origin = corpus::Origin { file: arg.display().to_string().into(), line: 0 };
                unopened.push(Problem { origin, reason: err.file_reason() });
            }
        }
    }
    Ok((inputs, unopened))
}

/// Where rows go: a file written atomically, or standard output.
enum Sink {
    File(AtomicFile),
    Stdout(BufWriter<io::Stdout>),
}

impl Sink {
    fn open(path: Option<&Path>) -> anyhow::Result<Sink> {
        Ok(match path {
            Some(p) => {
                Sink::File(AtomicFile::create(p).with_context(|| format!("creating {}", p.display()))?)
            }
            None => Sink::Stdout(BufWriter::with_capacity(1 << 20, io::stdout())),
        })
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::File(f) => f.commit().context("finishing the output file")?,
            Sink::Stdout(mut out) => out.flush()?,
        }
        Ok(())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::File(f) => f.write(buf),
            Sink::Stdout(s) => s.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::File(f) => f.write_all(buf),
            Sink::Stdout(s) => s.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::File(f) => f.flush(),
            Sink::Stdout(s) => s.flush(),
        }
    }
}

/// Reports problems on stderr (and to `--errors`), drives the progress bar, prints the summary.
struct Reporter {
    errors: Option<csv::Writer<File>>,
    quiet: bool,
    bar: Option<ProgressBar>,
    bytes_read: Arc<AtomicU64>,
    /// Inputs that could not even be expanded (missing paths), counted as skipped.
    unopened: u64,
}

impl Reporter {
    fn new(errors: Option<&Path>, quiet: bool) -> anyhow::Result<Reporter> {
        let errors = match errors {
            Some(path) => {
                let mut w =
                    csv::Writer::from_path(path).with_context(|| format!("creating {}", path.display()))?;
                w.write_record(["kind", "file", "line", "reason"])?;
                Some(w)
            }
            None => None,
        };
        Ok(Reporter { errors, quiet, bar: None, bytes_read: Arc::new(AtomicU64::new(0)), unopened: 0 })
    }

    fn start_progress(&mut self, total: Option<u64>, bytes_read: Arc<AtomicU64>) {
        self.bytes_read = bytes_read;
        if self.quiet || !io::stderr().is_terminal() {
            return;
        }
        let bar = match total {
            Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
        };
        let template = if total.is_some() {
            "{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ETA {eta}"
        } else {
            "{spinner} {bytes} {binary_bytes_per_sec} {msg}"
        };
        bar.set_style(
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        self.bar = Some(bar);
    }

    fn finish(mut self, stats: &Stats, seconds: f64) -> anyhow::Result<Exit> {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if let Some(w) = self.errors.as_mut() {
            w.flush()?;
        }
        let skipped = stats.documents_skipped + self.unopened;
        if !self.quiet {
            let mb = stats.text_bytes as f64 / 1e6;
            eprintln!(
                "tenor: {} documents, {} sentences, {:.1} MB in {:.2} s ({:.1} MB/s), {} skipped",
                stats.documents_scored,
                stats.sentences,
                mb,
                seconds,
                mb / seconds.max(1e-9),
                skipped
            );
        }
        Ok(if skipped > 0 { Exit::Skipped } else { Exit::Success })
    }
}

impl Observer for Reporter {
    fn problem(&mut self, skipped: bool, problem: &Problem) {
        let kind = if skipped { "skipped" } else { "warning" };
        let message = format!("tenor: {kind}: {}: {}", problem.origin, problem.reason);
        match &self.bar {
            Some(bar) => bar.println(message),
            None => eprintln!("{message}"),
        }
        if let Some(w) = self.errors.as_mut() {
            let line = problem.origin.line.to_string();
            // A failure to write the error log must not stop scoring; it shows at flush.
            let _ = w.write_record([kind, &problem.origin.file, &line, &problem.reason]);
        }
    }

    fn progress(&mut self, stats: &Stats) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.bytes_read.load(Ordering::Relaxed));
            let per_second = stats.documents_scored as f64 / bar.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{} docs ({per_second:.0}/s)", stats.documents_scored));
        }
    }
}
