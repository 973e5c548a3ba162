//! `tenor eval`: how well tenor agrees with a sample coded by hand.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args as ClapArgs;

use tenor::{evaluate, Dimension, EvalOptions};

use super::{Exit, ScorerArgs};

#[derive(Debug, ClapArgs)]
pub struct EvalArgs {
    /// A labelled CSV or TSV (tab-separated when the name ends in .tsv) with a header row.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Column holding the text.
    #[arg(long, value_name = "COL", default_value = "text")]
    text_col: String,
    /// Column holding gold labels (optimistic/positive/pos/1, skeptical/negative/neg/-1,
    /// neutral/0; certain/uncertain for --dimension hedges).
    #[arg(long, value_name = "COL", required_unless_present = "rating_col", conflicts_with = "rating_col")]
    label_col: Option<String>,
    /// Column holding numeric gold ratings (reported as Pearson and Spearman correlation).
    #[arg(long, value_name = "COL")]
    rating_col: Option<String>,
    /// Which score to compare: stance, sentiment or hedges (uncertain = at least one hedge).
    #[arg(long, value_name = "DIM", default_value = "stance")]
    dimension: Dimension,
    /// List the N worst misses with their cues.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
    #[command(flatten)]
    scorer: ScorerArgs,
}

pub fn run(args: EvalArgs) -> anyhow::Result<Exit> {
    let scorer = args.scorer.build(true)?;
    let options = EvalOptions {
        text_col: args.text_col,
        label_col: args.label_col,
        rating_col: args.rating_col,
        dimension: args.dimension,
        errors: args.errors,
    };
    let report = evaluate(&scorer, &args.file, &options)?;
    let mut out = io::stdout().lock();
    write!(out, "{report}")?;
    out.flush()?;
    Ok(Exit::Success)
}
