//! Which inputs to read: expands the command-line arguments (files, directories, `-` for standard
//! input) into [`Input`]s, and tells each file's format from its name.
//!
//! Not for reading them: see the format readers next to this module.

use std::fs;
use std::path::{Path, PathBuf};

use super::{CorpusError, Format, Input, ReadOptions};

/// Expands the command-line inputs: files as given, directories recursively in sorted path order
/// (only `.txt .md .csv .tsv .jsonl .ndjson` and their `.gz` forms; hidden files and directories
/// skipped), `-` = standard input.
///
/// Files inside directories are found by name even when `opts.format` forces a format, which
/// then applies to every input. Symbolic links to files are followed; symbolic links to
/// directories are not entered, so a link loop cannot make the walk endless.
pub fn expand_inputs<P: AsRef<Path>>(args: &[P], opts: &ReadOptions) -> Result<Vec<Input>, CorpusError> {
    let mut inputs = Vec::new();
    for arg in args {
        let path = arg.as_ref();
        if path == Path::new("-") {
            inputs.push(Input {
                path: None,
                display: "-".into(),
                format: opts.format.ok_or(CorpusError::StdinNeedsFormat)?,
                gzip: false,
                size: None,
            });
            continue;
        }
        let meta = fs::metadata(path).map_err(|err| io_error(path, err))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            for (file, size) in found {
                inputs.push(input_for(&file, opts, size)?);
            }
        } else {
            inputs.push(input_for(path, opts, meta.len())?);
        }
    }
    Ok(inputs)
}

/// Collects the readable files under `dir`, with their sizes.
fn walk(dir: &Path, found: &mut Vec<(PathBuf, u64)>) -> Result<(), CorpusError> {
    let entries = fs::read_dir(dir).map_err(|err| io_error(dir, err))?;
    for entry in entries {
        let entry = entry.map_err(|err| io_error(dir, err))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|err| io_error(&path, err))?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if detect_format(&path).is_some() {
            let meta = fs::metadata(&path).map_err(|err| io_error(&path, err))?;
            if meta.is_file() {
                found.push((path, meta.len()));
            }
        }
    }
    Ok(())
}

fn input_for(path: &Path, opts: &ReadOptions, size: u64) -> Result<Input, CorpusError> {
    let detected = detect_format(path);
    let format = opts
        .format
        .or(detected.map(|(format, _)| format))
        .ok_or_else(|| CorpusError::UnknownFormat { path: path.display().to_string() })?;
    Ok(Input {
        path: Some(path.to_path_buf()),
        display: path.display().to_string().into(),
        format,
        gzip: has_gz_suffix(path),
        size: Some(size),
    })
}

/// The format a file name announces, and whether it is gzipped.
fn detect_format(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner, true),
        None => (name.as_str(), false),
    };
    let (_, ext) = name.rsplit_once('.')?;
    let format = match ext {
        "txt" | "md" => Format::Text,
        "csv" => Format::Csv,
        "tsv" => Format::Tsv,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    };
    Some((format, gzip))
}

fn has_gz_suffix(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy().to_ascii_lowercase().ends_with(".gz"))
}

fn io_error(path: &Path, err: std::io::Error) -> CorpusError {
    CorpusError::Io { path: path.display().to_string(), err }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/tree");

    fn relative(inputs: &[Input]) -> Vec<String> {
        inputs.iter().map(|i| i.display.trim_start_matches(FIXTURES).to_string()).collect()
    }

    #[test]
    fn formats_are_told_by_name() {
        let cases = [
            ("a.txt", Some((Format::Text, false))),
            ("b.MD", Some((Format::Text, false))),
            ("c.csv.gz", Some((Format::Csv, true))),
            ("d.tsv", Some((Format::Tsv, false))),
            ("e.ndjson.GZ", Some((Format::Jsonl, true))),
            ("f.jsonl", Some((Format::Jsonl, false))),
            ("g.json", None),
            ("gz", None),
            ("csv", None),
        ];
        for (name, expected) in cases {
            assert_eq!(detect_format(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn directories_are_walked_in_sorted_order_skipping_hidden_and_unknown() {
        let inputs = expand_inputs(&[FIXTURES], &ReadOptions::default()).unwrap();
        assert_eq!(relative(&inputs), ["/a.csv", "/b/c.jsonl.gz", "/b/d.md", "/e.tsv", "/notes.txt"]);
        assert!(inputs[1].gzip);
        assert_eq!(inputs[1].format, Format::Jsonl);
        assert_eq!(inputs[0].size, Some(fs::metadata(format!("{FIXTURES}/a.csv")).unwrap().len()));
    }

    #[test]
    fn files_are_taken_as_given_even_hidden() {
        let hidden = format!("{FIXTURES}/.hidden.csv");
        let inputs = expand_inputs(&[hidden.as_str()], &ReadOptions::default()).unwrap();
        assert_eq!(&*inputs[0].display, hidden);
        assert_eq!(inputs[0].format, Format::Csv);
    }

    #[test]
    fn unknown_extension_needs_format() {
        let json = format!("{FIXTURES}/skip.json");
        let err = expand_inputs(&[json.as_str()], &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, CorpusError::UnknownFormat { .. }), "{err}");
        let forced = ReadOptions { format: Some(Format::Jsonl), ..ReadOptions::default() };
        let inputs = expand_inputs(&[json.as_str()], &forced).unwrap();
        assert_eq!(inputs[0].format, Format::Jsonl);
    }

    #[test]
    fn stdin_needs_format() {
        let err = expand_inputs(&["-"], &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, CorpusError::StdinNeedsFormat));
        let forced = ReadOptions { format: Some(Format::Csv), ..ReadOptions::default() };
        let inputs = expand_inputs(&["-"], &forced).unwrap();
        assert_eq!((inputs[0].path.as_deref(), &*inputs[0].display), (None, "-"));
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = expand_inputs(&["no/such/file.csv"], &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().starts_with("no/such/file.csv: "), "{err}");
    }
}
