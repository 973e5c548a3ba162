//! Replays the inputs the fuzzer found bugs with, kept under `fuzz/regressions/<target>/`,
//! through the same invariant checks as the fuzz targets (`fuzz/src/lib.rs`, included here as
//! a module), so a fixed crash stays fixed without a nightly toolchain or cargo-fuzz.
//!
//! Adding a case is adding a file under the target's directory: the sweep test picks it up.
//! Each bug also has a test named after it that replays its files. A bug that is not fixed yet
//! is listed in [`OPEN_BUGS`] (the sweep skips its files) and its test is `#[ignore]`d; whoever
//! fixes it removes both.
//!
//! Not for fuzzing: run `scripts/fuzz.sh` for that.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
mod checks;

/// Regression files of bugs still open, as `<target>/<file name up to the first dot>`.
const OPEN_BUGS: &[&str] = &[];

fn regressions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions")
}

/// The files kept for `target`, sorted.
fn files_of(target: &str) -> Vec<PathBuf> {
    let dir = regressions().join(target);
    let mut files: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(entries) => entries.map(|e| e.expect("list fuzz/regressions").path()).collect(),
        Err(_) => Vec::new(),
    };
    files.retain(|p| p.is_file());
    files.sort();
    files
}

/// The bug a regression file pins: `<target>/<name up to the first dot>`.
fn bug_of(target: &str, file: &Path) -> String {
    let name = file.file_name().unwrap().to_string_lossy();
    format!("{target}/{}", name.split('.').next().unwrap_or(&name))
}

/// Runs the checks of `target` on every file named `<bug>` or `<bug>.*`.
fn replay(target: &str, bug: &str) {
    let files: Vec<PathBuf> =
        files_of(target).into_iter().filter(|f| bug_of(target, f) == format!("{target}/{bug}")).collect();
    assert!(!files.is_empty(), "no file fuzz/regressions/{target}/{bug}*");
    for file in files {
        let data = fs::read(&file).unwrap();
        eprintln!("replaying {}", file.display());
        assert!(checks::check(target, &data), "unknown fuzz target {target}");
    }
}

#[test]
fn every_kept_fuzz_input_passes_its_checks() {
    let mut targets: Vec<String> = match fs::read_dir(regressions()) {
        Ok(entries) => entries
            .map(|e| e.unwrap())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    targets.sort();
    let mut failures = Vec::new();
    let mut replayed = 0;
    for target in &targets {
        for file in files_of(target) {
            if OPEN_BUGS.contains(&bug_of(target, &file).as_str()) {
                continue;
            }
            let data = fs::read(&file).unwrap();
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| checks::check(target, &data)));
            match outcome {
                Ok(true) => replayed += 1,
                Ok(false) => failures.push(format!("{}: no fuzz target named {target}", file.display())),
                Err(_) => failures.push(format!("{}: the checks panicked (message above)", file.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} kept inputs fail:\n{}",
        failures.len(),
        replayed + failures.len(),
        failures.join("\n")
    );
}

/// `segment::cut_long_run` slices `text[start..start + MAX_SENTENCE_BYTES]`, which panics
/// when that byte falls inside a multi-byte character: any 2,001+ byte run of accented,
/// CJK or other non-ASCII text with no sentence boundary ("a" followed by 1,000 "é").
#[test]
fn long_run_cut_inside_a_char() {
    replay("score_text", "long_run_cut_inside_a_char");
}

/// `segment::cut_long_run` cuts after the last white space of a long run as `start + p + 1`,
/// one byte past where that white space starts: inside it when it is a multi-byte space
/// (U+00A0 no-break space, U+3000 ideographic space, U+2009 thin space...), and `trim` then
/// panics slicing there. Scraped news is full of no-break spaces.
#[test]
fn long_run_cut_inside_a_multibyte_space() {
    replay("score_text", "long_run_cut_inside_a_multibyte_space");
}

/// The pull of a challenging question was explained on the sentence's last byte, `end - 1`:
/// inside a multi-byte dash or other punctuation after the question mark ("Can it really
/// deliver?—"), so the cue's span was off a char boundary. It now sits on the question mark.
#[test]
fn challenge_cue_cut_inside_a_dash_after_the_question_mark() {
    replay("score_text", "challenge_cue_cut_inside_a_dash_after_the_question_mark");
}

/// `import::parse_liwc` adds `LIWC_WEIGHT` once per category id on a term's line, so a term
/// listed under the same category twice, or under several synonyms of it (`posemo`,
/// `positive`, `pos`), gets a weight of 6 or more, past the ±`MAX_WEIGHT` (4) that
/// `lexicon::Entry` documents and that tenor TSV and VADER files are held to.
#[test]
fn liwc_repeated_category_exceeds_max_weight() {
    replay("lexicon_tsv", "liwc_repeated_category_exceeds_max_weight");
}
