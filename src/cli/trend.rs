//! `tenor trend`: tone by period and group, as CSV and a chart.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use anyhow::Context;
use clap::Args as ClapArgs;

use tenor::aggregate::{
    open_scores, render_chart, write_trend_csv, DocTone, Period, Trend, TrendOptions, TrendReport, Weight,
};
use tenor::corpus::{self, Document, Problem};
use tenor::output::atomic::AtomicFile;
use tenor::pipeline::{self, Handler, Observer, PipelineOptions, Stats};
use tenor::score::{DocumentScore, Label};

use super::{output_file, resolve_threads, Exit, ReadArgs, ScorerArgs};

#[derive(Debug, ClapArgs)]
pub struct TrendArgs {
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    scorer: ScorerArgs,
    /// Period to cut time into: day, week (ISO, labelled by its Monday), month, quarter, year.
    #[arg(long, value_name = "PERIOD", default_value = "month")]
    by: Period,
    /// Column to split series by (`source`, or any input column); `none` for one series.
    #[arg(long, value_name = "COL", default_value = "source")]
    group: String,
    /// The inputs are CSVs that `tenor score` wrote (sentence or document level).
    #[arg(long)]
    from_scores: bool,
    /// Weigh each document once (documents) or each sentence once (sentences).
    #[arg(long, value_name = "W", default_value = "documents")]
    weight: Weight,
    /// Time zone periods are cut in (an IANA name such as Europe/Berlin).
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    tz: chrono_tz::Tz,
    /// strftime-style format for dates such as 11/03/2025 that are ambiguous without one.
    #[arg(long, value_name = "FMT")]
    date_format: Option<String>,
    /// Grey out chart points of periods with fewer documents than this.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_docs: u64,
    /// Write the trend CSV here instead of to standard output (`-` is standard output).
    #[arg(short, long, value_name = "OUT.csv")]
    output: Option<PathBuf>,
    /// Also draw the mean stance per period as a chart (.svg, or .html for a page).
    #[arg(long, value_name = "FILE")]
    chart: Option<PathBuf>,
    /// Scoring threads; 0 uses every core.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    threads: usize,
    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: TrendArgs) -> anyhow::Result<Exit> {
    let options = TrendOptions {
        period: args.by,
        tz: args.tz,
        date_format: args.date_format.clone(),
        weight: args.weight,
        min_docs: args.min_docs,
    };
    let trend = Trend::new(options)?;
    let group = (args.group != "none").then_some(args.group.as_str());
    let (report, skipped) =
        if args.from_scores { from_scores(&args, trend, group)? } else { on_the_fly(&args, trend, group)? };
    match output_file(&args.output) {
        Some(path) => {
            let mut file =
                AtomicFile::create(path).with_context(|| format!("creating {}", path.display()))?;
            write_trend_csv(&report, &mut file)?;
            file.commit()?;
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write_trend_csv(&report, &mut out)?;
            out.flush()?;
        }
    }
    if let Some(path) = &args.chart {
        let title = format!("Mean stance by {}", report.period);
        render_chart(&report, path, &title).with_context(|| format!("drawing {}", path.display()))?;
    }
    if !args.quiet {
        eprintln!(
            "tenor: {} documents in {} rows; {} undated, {} with unparseable dates, {} skipped",
            report.documents,
            report.rows.len(),
            report.undated,
            report.unparseable,
            skipped
        );
        for example in &report.unparseable_examples {
            eprintln!("tenor: unparseable date in {}: {:?}: {}", example.id, example.raw, example.error);
        }
    }
    Ok(if skipped > 0 || report.unparseable > 0 { Exit::Skipped } else { Exit::Success })
}

/// Reads tone records from CSVs that `tenor score` wrote.
fn from_scores(
    args: &TrendArgs,
    mut trend: Trend,
    group: Option<&str>,
) -> anyhow::Result<(TrendReport, u64)> {
    let mut skipped = 0;
    for path in &args.read.inputs {
        for record in open_scores(path, group)? {
            match record {
                Ok(doc) => trend.add(doc),
                Err(err) => {
                    eprintln!("tenor: skipped: {err}");
                    skipped += 1;
                }
            }
        }
    }
    Ok((trend.finish(), skipped))
}

/// Scores the corpus and turns each document into a tone record.
fn on_the_fly(args: &TrendArgs, trend: Trend, group: Option<&str>) -> anyhow::Result<(TrendReport, u64)> {
    let scorer = args.scorer.build(false)?;
    let group_from = match group {
        None => GroupFrom::None,
        Some("source") => GroupFrom::Source,
        Some(_) => GroupFrom::Kept,
    };
    let keep = match group {
        Some(col) if group_from == GroupFrom::Kept => vec![col.to_string()],
        _ => Vec::new(),
    };
    let read = args.read.read_options(keep)?;
    let inputs = corpus::expand_inputs(&args.read.inputs, &read)?;
    let options =
        PipelineOptions { read, threads: resolve_threads(args.threads), chunk_bytes: pipeline::CHUNK_BYTES };
    let handler = Tones { group_from };
    let mut trend = trend;
    let consume = |tones: Vec<DocTone>| {
        tones.into_iter().for_each(|t| trend.add(t));
        Ok(())
    };
    let mut observer = StderrObserver;
    let stats = pipeline::run(
        &scorer,
        &inputs,
        &options,
        &handler,
        consume,
        Arc::new(AtomicU64::new(0)),
        &mut observer,
    )?;
    Ok((trend.finish(), stats.documents_skipped))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GroupFrom {
    None,
    Source,
    /// The single kept column.
    Kept,
}

/// Turns scored documents into tone records, with the values `tenor score --level document`
/// writes, so a trend of a scores file equals the trend computed on the fly.
struct Tones {
    group_from: GroupFrom,
}

impl Handler for Tones {
    type Batch = Vec<DocTone>;

    fn batch(&self, documents: usize) -> Vec<DocTone> {
        Vec::with_capacity(documents)
    }

    fn handle(&self, batch: &mut Vec<DocTone>, doc: &Document, score: &DocumentScore) {
        let count = |label: Label| score.sentences.iter().filter(|s| s.label == label).count() as u64;
        let group = match self.group_from {
            GroupFrom::None => None,
            GroupFrom::Source => doc.source.clone(),
            GroupFrom::Kept => doc.kept.first().cloned(),
        };
        batch.push(DocTone {
            id: doc.id.clone(),
            date: doc.date.clone(),
            group,
            sentences: score.sentences.len() as u64,
            stance: score.summary.stance,
            sentiment: score.summary.sentiment,
            optimistic: count(Label::Optimistic),
            skeptical: count(Label::Skeptical),
            neutral: count(Label::Neutral),
        });
    }
}

/// Reports problems on stderr; trend runs have no progress bar.
struct StderrObserver;

impl Observer for StderrObserver {
    fn problem(&mut self, skipped: bool, problem: &Problem) {
        let kind = if skipped { "skipped" } else { "warning" };
        eprintln!("tenor: {kind}: {}: {}", problem.origin, problem.reason);
    }

    fn progress(&mut self, _stats: &Stats) {}
}
