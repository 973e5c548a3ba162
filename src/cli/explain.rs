//! `tenor explain`: a readable table of how each sentence of one text was scored.

use std::io::{self, Read, Write};

use anyhow::Context;
use clap::Args as ClapArgs;

use tenor::score::explain::write_cues;

use super::{Exit, ScorerArgs};

#[derive(Debug, ClapArgs)]
pub struct ExplainArgs {
    /// The text to explain; read from standard input when absent or `-`.
    #[arg(value_name = "TEXT")]
    text: Option<String>,
    #[command(flatten)]
    scorer: ScorerArgs,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<Exit> {
    let text = match args.text.as_deref() {
        Some(t) if t != "-" => t.to_string(),
        _ => {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf).context("reading standard input")?;
            String::from_utf8_lossy(&buf).into_owned()
        }
    };
    let scorer = args.scorer.build(true)?;
    let doc = scorer.score_text(&text);
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "{:>3}  {:>9}  {:>7}  {:<10}  {:>6}  sentence / cues",
        "#", "sentiment", "stance", "label", "hedges"
    )?;
    let mut cues = String::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        writeln!(
            out,
            "{:>3}  {:>+9.3}  {:>+7.3}  {:<10}  {:>6}  {}",
            i + 1,
            sentence.sentiment,
            sentence.stance,
            sentence.label.as_str(),
            sentence.hedges,
            one_line(&text[sentence.range.clone()])
        )?;
        cues.clear();
        write_cues(&mut cues, &text, doc.cues_of(sentence));
        for cue in cues.split(" | ").filter(|c| !c.is_empty()) {
            writeln!(out, "{:47}  · {cue}", "")?;
        }
    }
    let s = &doc.summary;
    writeln!(
        out,
        "\ndocument: {} sentences, sentiment {:+.3}, stance {:+.3} ({}), optimistic {:.0}%, skeptical {:.0}%, neutral {:.0}%, {} hedges",
        s.sentences,
        s.sentiment,
        s.stance,
        scorer.label(s.stance).as_str(),
        s.optimistic_share * 100.0,
        s.skeptical_share * 100.0,
        s.neutral_share * 100.0,
        s.hedges
    )?;
    out.flush()?;
    Ok(Exit::Success)
}

/// A sentence on one line: inner line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
