//! User lexicons on top of the built-in ones: overrides, reports, other formats, errors.

use std::path::Path;

use crate::{copy_fixtures, run, tempdir, tenor, write, Table};

const CORPUS: &str = "id,text\n1,It is a bold play.\n2,The zorbly plan.\n3,Flumox everywhere.\n";

/// Copies the lexicon fixtures and the corpus into a new temporary directory.
fn setup() -> tempfile::TempDir {
    let dir = tempdir();
    copy_fixtures(
        dir.path(),
        &["lexicons/user.tsv", "lexicons/vader.txt", "lexicons/liwc.dic", "lexicons/malformed.tsv"],
    );
    write(dir.path(), "a.csv", CORPUS);
    dir
}

/// The label of each row when scored with `args` added, and stderr.
fn labels(dir: &Path, args: &[&str]) -> (Vec<String>, String) {
    let r = run(tenor(dir).args(["score", "-q"]).args(args).arg("a.csv"));
    r.expect_code(0);
    let labels = Table::parse(&r.stdout).column("label").into_iter().map(str::to_string).collect();
    (labels, r.stderr)
}

#[test]
fn a_user_entry_overrides_the_built_in_one_and_verbose_says_where() {
    let dir = setup();
    let (built_in, stderr) = labels(dir.path(), &[]);
    assert_eq!(built_in, ["optimistic", "neutral", "neutral"]);
    assert_eq!(stderr, "");

    let (user, stderr) = labels(dir.path(), &["--lexicon", "user.tsv"]);
    assert_eq!(user, ["skeptical", "optimistic", "neutral"]);
    assert_eq!(stderr, "", "no report without --verbose");

    let (_, stderr) = labels(dir.path(), &["--lexicon", "user.tsv", "--verbose"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one override (zorbly is new, not an override):\n{stderr}");
    assert!(lines[0].starts_with("tenor: user.tsv:3: \"bold play\" stance -3 (was 2 at "), "{stderr}");
    let was_at = lines[0].rsplit(" at ").next().unwrap().trim_end_matches(')');
    let (file, line) = was_at.rsplit_once(':').unwrap();
    assert!(file.ends_with(".tsv") && line.parse::<u32>().is_ok(), "names the built-in file:line: {stderr}");
}

#[test]
fn a_malformed_user_lexicon_is_fatal_naming_file_and_line() {
    let dir = setup();
    for command in [&["score", "a.csv"][..], &["explain", "Shares rose."][..]] {
        let r =
            run(tenor(dir.path()).arg(command[0]).args(["--lexicon", "malformed.tsv"]).args(&command[1..]));
        r.expect_code(1);
        assert_eq!(r.stderr, "tenor: error: malformed.tsv:3: stance \"very\" is not a number\n");
        assert!(r.stdout.is_empty(), "{}", r.stdout);
    }
    // Forcing a format that does not fit is the same kind of error.
    let r = run(tenor(dir.path()).args(["score", "--lexicon", "tenor:vader.txt", "a.csv"]));
    r.expect_code(1);
    assert!(r.stderr.starts_with("tenor: error: vader.txt:2: unknown column"), "{}", r.stderr);
}

#[test]
fn vader_and_liwc_style_files_load() {
    let dir = setup();
    for lexicon in ["vader.txt", "vader:vader.txt", "liwc.dic", "liwc:liwc.dic"] {
        let (labels, _) = labels(dir.path(), &["--lexicon", lexicon]);
        assert_eq!(labels, ["optimistic", "optimistic", "skeptical"], "--lexicon {lexicon}");
    }
    // LIWC categories carry stance as well as sentiment; VADER means are sentiment only.
    let r = run(tenor(dir.path()).args(["score", "-q", "--explain", "--lexicon", "liwc.dic", "a.csv"]));
    let cues = Table::parse(&r.expect_code(0).stdout).column("cues").join("\n");
    assert!(cues.contains("zorbly [stance +2.00 sentiment +2.00]"), "{cues}");
    assert!(cues.contains("Flumox [stance -2.00 sentiment -2.00]"), "{cues}");
    let r = run(tenor(dir.path()).args(["score", "-q", "--explain", "--lexicon", "vader.txt", "a.csv"]));
    let cues = Table::parse(&r.expect_code(0).stdout).column("cues").join("\n");
    // Spillover gives the VADER word 0.4 of its sentiment as stance.
    assert!(cues.contains("zorbly [stance +1.24 sentiment +3.10]"), "{cues}");
}
