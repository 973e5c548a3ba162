//! What a run leaves on disk and how it ends: no input overwritten, no half-written output
//! under the final name, a closed output pipe ends the run quietly.

use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{run, run_stdin, tempdir, tenor, write};

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Writes a JSON Lines corpus of about `bytes` bytes: paragraphs of invented news.
fn write_big_jsonl(path: &Path, bytes: usize) {
    const PARAGRAPH: &str =
        "Analysts called the merger a bold play, and shares rose sharply in early trading. \
        Critics saw an expensive gamble that may not pay off. Profits soared in the third quarter, \
        but doubts remain about demand. Regulators warned that the outlook is unclear. ";
    let text = PARAGRAPH.repeat(4);
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path).unwrap());
    let mut written = 0;
    let mut i = 0u64;
    while written < bytes {
        let line = format!("{{\"id\":\"b{i}\",\"source\":\"Wire\",\"text\":\"{text}\"}}\n");
        out.write_all(line.as_bytes()).unwrap();
        written += line.len();
        i += 1;
    }
    out.flush().unwrap();
}

#[test]
fn output_onto_an_input_is_refused() {
    let dir = tempdir();
    let original = "id,text\n1,Shares rose.\n";
    write(dir.path(), "corpus/a.csv", original);
    let cases: [&[&str]; 3] = [
        &["score", "-o", "corpus/a.csv", "corpus/a.csv"],
        &["score", "-o", "./corpus/../corpus/a.csv", "corpus/a.csv"],
        &["score", "--output", "corpus/a.csv", "corpus"],
    ];
    for args in cases {
        let r = run(tenor(dir.path()).args(args));
        r.expect_code(1);
        assert!(
            r.stderr.contains("tenor: error: refusing to write over the input file corpus/a.csv"),
            "{args:?}:\n{}",
            r.stderr
        );
        assert_eq!(fs::read_to_string(dir.path().join("corpus/a.csv")).unwrap(), original, "{args:?}");
        assert_eq!(listing(&dir.path().join("corpus")), ["a.csv"], "{args:?}");
    }
}

#[test]
fn errors_file_onto_an_input_is_refused() {
    let dir = tempdir();
    let original = "id,text\n1,Shares rose.\n2,Shares fell.\n";
    write(dir.path(), "a.csv", original);
    let r = run(tenor(dir.path()).args(["score", "--errors", "a.csv", "a.csv"]));
    assert_eq!(fs::read_to_string(dir.path().join("a.csv")).unwrap(), original, "the input was overwritten");
    r.expect_code(1);
}

#[test]
fn a_fatal_error_leaves_no_output_file() {
    let dir = tempdir();
    // Standard input without a text column.
    let r = run_stdin(
        tenor(dir.path()).args(["score", "--format", "csv", "-o", "out.csv", "-"]),
        "id,headline\n1,Shares rose\n",
    );
    r.expect_code(1);
    assert!(r.stderr.contains("-:1: no text column"), "{}", r.stderr);
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));

    // The first input is scored before the second turns out to lack the column.
    write(dir.path(), "a.csv", "id,text\n1,Shares rose.\n");
    write(dir.path(), "b.csv", "id,body2\n2,Shares fell.\n");
    let r = run(tenor(dir.path()).args(["score", "-o", "out.csv", "a.csv", "b.csv"]));
    r.expect_code(1);
    assert!(r.stderr.contains("b.csv:1: no text column"), "{}", r.stderr);
    assert_eq!(listing(dir.path()), ["a.csv", "b.csv"]);

    // An output from an earlier run is left as it was.
    write(dir.path(), "out.csv", "earlier\n");
    run(tenor(dir.path()).args(["score", "-o", "out.csv", "a.csv", "b.csv"])).expect_code(1);
    assert_eq!(fs::read_to_string(dir.path().join("out.csv")).unwrap(), "earlier\n");
    assert_eq!(listing(dir.path()), ["a.csv", "b.csv", "out.csv"]);
}

#[test]
fn a_killed_run_leaves_no_output_file() {
    let dir = tempdir();
    write_big_jsonl(&dir.path().join("big.jsonl"), 100_000_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tenor"))
        .args(["score", "-q", "-o", "out.csv", "big.jsonl"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the run to get going (loading the lexicons takes a while in a debug build), then
    // give it 300 ms of writing before killing it.
    let temp_file = || listing(dir.path()).iter().any(|n| n.starts_with(".tenor-") && n.ends_with(".tmp"));
    let started = Instant::now();
    while !temp_file() && started.elapsed() < Duration::from_secs(20) && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(300));
    let writing = temp_file();
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(writing, "no temporary output file while running: {:?}", listing(dir.path()));
    assert!(still_running, "the run ended before it was killed; the input is too small to test a kill");
    assert!(!dir.path().join("out.csv").exists(), "a killed run left out.csv");
    // Only the input and, as documented, the abandoned temporary file remain.
    for name in listing(dir.path()) {
        assert!(name == "big.jsonl" || (name.starts_with(".tenor-") && name.ends_with(".tmp")), "{name}");
    }
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    let dir = tempdir();
    write_big_jsonl(&dir.path().join("big.jsonl"), 4_000_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_tenor"))
        .args(["score", "big.jsonl"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut first).unwrap();
    } // Dropping the reader closes the pipe, like `| head -1`.
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(first, format!("{}\n", crate::SENTENCE_HEADER));
    assert_eq!(status.code(), Some(0), "stderr:\n{stderr}");
    assert!(!stderr.to_lowercase().contains("error"), "stderr:\n{stderr}");
}

#[test]
#[cfg(unix)]
fn output_file_gets_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    write(dir.path(), "a.csv", "id,text\n1,Shares rose.\n");
    run(tenor(dir.path()).args(["score", "-o", "out.csv", "a.csv"])).expect_code(0);
    let mode = |name: &str| fs::metadata(dir.path().join(name)).unwrap().permissions().mode() & 0o777;
    // A file created the ordinary way in the same place shows what the umask allows.
    write(dir.path(), "plain.csv", "x");
    assert_eq!(format!("{:o}", mode("out.csv")), format!("{:o}", mode("plain.csv")));
}

#[test]
fn dash_as_output_means_standard_output() {
    let dir = tempdir();
    write(dir.path(), "in.txt", "Profit rose. Costs soared.");
    let piped = run(tenor(dir.path()).args(["score", "in.txt", "-q"]));
    let dashed = run(tenor(dir.path()).args(["score", "in.txt", "-q", "-o", "-"]));
    dashed.expect_code(0);
    assert_eq!(dashed.stdout, piped.stdout);
    let trend_rows = run(tenor(dir.path()).args(["trend", "in.txt", "--group", "none", "-q", "-o", "-"]));
    assert!(trend_rows.stdout.starts_with("period,"), "{}", trend_rows.stdout);
    assert_eq!(listing(dir.path()), ["in.txt"], "no file named '-' is created");
}
