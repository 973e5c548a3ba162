//! Command-line definitions (clap) and their conversion into the library's options.
//!
//! Each subcommand has a module that turns its arguments into options once and calls the
//! library; nothing here scores, reads or writes corpora itself.

mod eval;
mod explain;
mod score;
mod trend;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args as ClapArgs, Parser, Subcommand};

use tenor::corpus::{Format, ReadOptions};
use tenor::{LexiconBuilder, ScoreOptions, Scorer};

/// Exit codes, documented in the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything was scored.
    Success = 0,
    /// A fatal error stopped the run.
    Fatal = 1,
    /// Some records were skipped (and reported); the rest were scored.
    Skipped = 3,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// The output file named by `-o`, or `None` for standard output (no `-o`, or `-o -`).
fn output_file(output: &Option<PathBuf>) -> Option<&Path> {
    output.as_deref().filter(|path| *path != Path::new("-"))
}

/// Whether an error is a closed output pipe, which ends a run quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<tenor::pipeline::PipelineError>().is_some_and(|e| e.is_broken_pipe())
    })
}

/// Scores news text for sentiment and for stance (optimism vs skepticism), sentence by
/// sentence, and explains every score.
#[derive(Debug, Parser)]
#[command(name = "tenor", version, about, max_term_width = 100)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score a corpus and write CSV (one row per sentence or per document).
    Score(Box<score::ScoreArgs>),
    /// Show how each sentence of a text was scored, cue by cue.
    Explain(explain::ExplainArgs),
    /// Tone over time: mean stance and shares by period and outlet, as CSV and a chart.
    Trend(Box<trend::TrendArgs>),
    /// Measure agreement with a hand-coded sample: accuracy, F1, confusion, correlation.
    Eval(Box<eval::EvalArgs>),
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    match args.command {
        Command::Score(a) => score::run(*a),
        Command::Explain(a) => explain::run(a),
        Command::Trend(a) => trend::run(*a),
        Command::Eval(a) => eval::run(*a),
    }
}

/// Options that build the scorer; shared by every command that scores.
#[derive(Debug, ClapArgs)]
pub struct ScorerArgs {
    /// Add a lexicon file on top of the built-in ones (repeatable; later files win). tenor TSV,
    /// a VADER-style `word<TAB>mean` list or a LIWC-style .dic, detected from the content or
    /// forced with a `tenor:`, `vader:` or `liwc:` prefix.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<String>,
    /// Stance at or above which a sentence is labelled optimistic.
    #[arg(long, value_name = "X", default_value_t = tenor::score::OPTIMISTIC_THRESHOLD, allow_negative_numbers = true)]
    optimistic_threshold: f64,
    /// Stance at or below which a sentence is labelled skeptical.
    #[arg(long, value_name = "X", default_value_t = tenor::score::SKEPTICAL_THRESHOLD, allow_negative_numbers = true)]
    skeptical_threshold: f64,
    /// Report lexicon entries that a --lexicon file overrides.
    #[arg(long, short)]
    verbose: bool,
}

impl ScorerArgs {
    /// Loads the lexicons and builds the scorer; `record_cues` when explanations are wanted.
    pub fn build(&self, record_cues: bool) -> anyhow::Result<Scorer> {
        anyhow::ensure!(
            self.skeptical_threshold < self.optimistic_threshold,
            "--skeptical-threshold ({}) must be below --optimistic-threshold ({})",
            self.skeptical_threshold,
            self.optimistic_threshold
        );
        let mut builder = LexiconBuilder::new().defaults().context("loading the built-in lexicons")?;
        for file in &self.lexicons {
            builder = builder.file(file)?;
        }
        let lexicon = builder.build()?;
        if self.verbose {
            for o in lexicon.overrides() {
                eprintln!(
                    "tenor: {}: {:?} {} {} (was {} at {})",
                    o.now_at, o.term, o.field, o.new, o.old, o.was_at
                );
            }
        }
        let options = ScoreOptions {
            optimistic_threshold: self.optimistic_threshold,
            skeptical_threshold: self.skeptical_threshold,
            record_cues,
            ..ScoreOptions::default()
        };
        Ok(Scorer::new(lexicon, options))
    }
}

/// Options that say how to read a corpus; shared by `score` and `trend`.
#[derive(Debug, ClapArgs)]
pub struct ReadArgs {
    /// Files or directories to score (.txt .md .csv .tsv .jsonl .ndjson, optionally .gz);
    /// `-` reads standard input (needs --format).
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
    /// Format of standard input, or of every input when set: text, csv, tsv or jsonl.
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// Column or JSON field (dotted path) holding the text [default: text, body, content, article].
    #[arg(long, value_name = "COL")]
    text_col: Option<String>,
    /// Column holding the document id [default: id, url; else FILE:LINE].
    #[arg(long, value_name = "COL")]
    id_col: Option<String>,
    /// Column holding the publication date [default: date, published, published_at, timestamp].
    #[arg(long, value_name = "COL")]
    date_col: Option<String>,
    /// Column holding the outlet [default: source, outlet, domain, publisher].
    #[arg(long, value_name = "COL")]
    source_col: Option<String>,
    /// Column holding a title; when given, the title is scored as the document's first sentence.
    #[arg(long, value_name = "COL")]
    title_col: Option<String>,
}

impl ReadArgs {
    pub fn read_options(&self, keep_cols: Vec<String>) -> anyhow::Result<ReadOptions> {
        let format = self.format.as_deref().map(str::parse::<Format>).transpose()?;
        Ok(ReadOptions {
            text_col: self.text_col.clone(),
            id_col: self.id_col.clone(),
            date_col: self.date_col.clone(),
            source_col: self.source_col.clone(),
            title_col: self.title_col.clone(),
            keep_cols,
            format,
        })
    }
}

/// Resolves `--threads`: 0 means every core.
pub fn resolve_threads(threads: usize) -> usize {
    if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    }
}
