//! Writes a synthetic news corpus for benchmarks: `corpus.jsonl` (one article per line, fields
//! `id`, `date`, `source`, `title`, `text`) and `corpus.txt` (the same texts, each one a block,
//! separated by blank lines), deterministic from the seed.
//!
//! ```text
//! cargo run --release --example make_bench_corpus -- --size-mb 500 --seed 42 --out bench-corpus/
//! ```
//!
//! `--size-mb` is the size of `corpus.jsonl` in MB (10^6 bytes); `corpus.txt` is a few percent
//! smaller (no JSON fields). Memory stays constant: articles are generated and written one at
//! a time. The articles come from `benches/common/newsgen.rs`, shared with `benches/stages.rs`.

#[path = "../benches/common/newsgen.rs"]
mod newsgen;

use std::error::Error;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use newsgen::{Article, NewsGenerator};

const USAGE: &str = "usage: make_bench_corpus [--size-mb MB] [--seed N] [--out DIR]";

struct Args {
    size_mb: f64,
    seed: u64,
    out: PathBuf,
}

/// One line of `corpus.jsonl`, fields in this order.
#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    date: &'a str,
    source: &'a str,
    title: &'a str,
    text: &'a str,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { size_mb: 500.0, seed: 42, out: PathBuf::from("bench-corpus") };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |what: &str| format!("{flag}: {value:?} is not {what}\n{USAGE}");
        match flag.as_str() {
            "--size-mb" => {
                args.size_mb =
                    value.parse().ok().filter(|mb: &f64| *mb > 0.0).ok_or_else(|| bad("a positive number"))?
            }
            "--seed" => args.seed = value.parse().map_err(|_| bad("an unsigned integer"))?,
            "--out" => args.out = PathBuf::from(value),
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    Ok(args)
}

fn create(path: &PathBuf) -> Result<BufWriter<File>, String> {
    let file = File::create(path).map_err(|e| format!("creating {}: {e}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, file))
}

fn main() -> Result<(), Box<dyn Error>> {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    fs::create_dir_all(&args.out).map_err(|e| format!("creating {}: {e}", args.out.display()))?;
    let jsonl_path = args.out.join("corpus.jsonl");
    let txt_path = args.out.join("corpus.txt");
    let mut jsonl = create(&jsonl_path)?;
    let mut txt = create(&txt_path)?;

    let started = Instant::now();
    let target = (args.size_mb * 1e6) as u64;
    let mut generator = NewsGenerator::new(args.seed);
    let mut article = Article::default();
    let mut line = Vec::new();
    let (mut jsonl_bytes, mut txt_bytes) = (0u64, 0u64);
    let (mut documents, mut sentences, mut words) = (0u64, 0u64, 0u64);
    while jsonl_bytes < target {
        generator.article(&mut article);
        line.clear();
        let record = Record {
            id: &article.id,
            date: &article.date,
            source: article.source,
            title: &article.title,
            text: &article.text,
        };
        serde_json::to_writer(&mut line, &record)?;
        line.push(b'\n');
        jsonl.write_all(&line).map_err(|e| format!("writing {}: {e}", jsonl_path.display()))?;
        jsonl_bytes += line.len() as u64;

        let separator: &[u8] = if documents == 0 { b"" } else { b"\n\n" };
        txt.write_all(separator)
            .and_then(|()| txt.write_all(article.text.as_bytes()))
            .map_err(|e| format!("writing {}: {e}", txt_path.display()))?;
        txt_bytes += (separator.len() + article.text.len()) as u64;

        documents += 1;
        sentences += article.sentences as u64;
        words += article.words as u64;
    }
    txt.write_all(b"\n")?;
    txt_bytes += 1;
    jsonl.flush().map_err(|e| format!("writing {}: {e}", jsonl_path.display()))?;
    txt.flush().map_err(|e| format!("writing {}: {e}", txt_path.display()))?;

    let mb = |bytes: u64| bytes as f64 / 1e6;
    let seconds = started.elapsed().as_secs_f64();
    println!("wrote {} ({:.1} MB)", jsonl_path.display(), mb(jsonl_bytes));
    println!("wrote {} ({:.1} MB)", txt_path.display(), mb(txt_bytes));
    println!(
        "{documents} documents, {sentences} sentences ({:.0} per MB of text, {:.1} words each), \
         mean document {:.0} bytes; seed {}, {seconds:.1} s",
        sentences as f64 / mb(txt_bytes),
        words as f64 / sentences as f64,
        txt_bytes as f64 / documents as f64,
        args.seed,
    );
    Ok(())
}
