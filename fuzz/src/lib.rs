//! The invariants the fuzz targets check, one `check_*` function per target.
//!
//! Each function takes the fuzzer's raw bytes, feeds them to one part of tenor and panics when
//! an invariant the code documents is broken. The targets in `fuzz_targets/` are one-line
//! wrappers, and `tests/fuzz_regressions.rs` in the main crate includes this file with
//! `#[path]` to replay every input kept under `fuzz/regressions/<target>/` through the same
//! checks, so a crash found here stays a test after it is fixed.
//!
//! Not for finding slow inputs or measuring speed: libFuzzer's `-timeout` and `-rss_limit_mb`
//! catch hangs and runaway memory; these functions only judge results.
//!
//! This file must compile both inside the fuzz crate and as a module of an integration test of
//! `tenor`, so it uses only `tenor`, `flate2` and `tempfile`, which both have.

use std::io::Write;
use std::ops::Range;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, OnceLock};

use tenor::corpus::{self, Event, Format, Input, ReadOptions};
use tenor::lexicon::{format, import, LexiconError, RawEntry};
use tenor::score::explain::{cues_to_string, write_cues};
use tenor::score::{Cue, Rule};
use tenor::{DocumentScore, Lexicon, LexiconBuilder, ScoreOptions, Scorer, Scratch};

/// Runs the check of the target named `target` on `data`; `false` for an unknown name.
pub fn check(target: &str, data: &[u8]) -> bool {
    match target {
        "score_text" => check_score_text(data),
        "read_csv" => check_read_csv(data),
        "read_jsonl" => check_read_jsonl(data),
        "lexicon_tsv" => check_lexicon_tsv(data),
        _ => return false,
    }
    true
}

// ---------------------------------------------------------------------------------------------
// score_text

/// The scorer with the embedded lexicons, built once per process (building it takes far longer
/// than scoring one input).
pub fn embedded_scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(|| {
        Scorer::new(Lexicon::embedded().expect("embedded lexicons parse"), ScoreOptions::default())
    })
}

/// Target `score_text`: the bytes, decoded lossily as UTF-8, are one document.
///
/// Checks every documented range and span (see [`check_document`]), that an explanation can be
/// written for every sentence and for the whole document, and that scoring with a [`Scratch`]
/// and a [`DocumentScore`] already used for other text gives exactly what fresh buffers give
/// (the pipeline reuses both across documents on every thread).
pub fn check_score_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let scorer = embedded_scorer();
    let fresh = scorer.score_text(&text);
    check_document(scorer, &text, &fresh);

    // Dirty the buffers with the second half of the input (a different text, with words the
    // resolve cache will remember), then score the whole text with them.
    let mut scratch = Scratch::default();
    let mut reused = DocumentScore::default();
    let half = floor_char_boundary(&text, text.len() / 2);
    scorer.score_into(&text[half..], &mut scratch, &mut reused);
    check_document(scorer, &text[half..], &reused);
    scorer.score_into(&text, &mut scratch, &mut reused);
    assert!(reused == fresh, "scoring with reused buffers differs from scoring with fresh ones");
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Blank as `segment` trims it: white space and zero-width characters.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{2060}')
}

fn in_unit_range(x: f64) -> bool {
    x.is_finite() && (-1.0..=1.0).contains(&x)
}

/// Every bit a cue's rule set may hold.
fn all_rule_bits() -> u32 {
    Rule::ALL.iter().fold(0, |bits, &rule| bits | rule as u32)
}

/// Checks one scored document against `text`, the text it was scored from.
///
/// - sentences: byte ranges on char boundaries, non-empty, within the text, in order and not
///   overlapping, trimmed of blanks, each holding a letter or digit (`segment`'s contract);
/// - scores: sentiment and stance finite and in [−1, 1], optimism and skepticism finite and
///   ≥ 0, the label the scorer's thresholds give the stance;
/// - cues: each sentence's cue range follows the previous one and all of them cover
///   [`DocumentScore::cues`]; every cue's span (and partner's) lies within its sentence on char
///   boundaries; weights finite; entry ids valid; only known rule bits;
/// - summary: counts and sums match the sentences, means in [−1, 1], shares in [0, 1] summing
///   to 1 when there are sentences, all zero when there are none;
/// - explanations can be written for each sentence and for the whole document.
pub fn check_document(scorer: &Scorer, text: &str, doc: &DocumentScore) {
    let entries = scorer.lexicon().entries().len();
    let rule_bits = all_rule_bits();
    let mut prev_end = 0usize;
    let mut next_cue = 0usize;
    for (n, s) in doc.sentences.iter().enumerate() {
        let Range { start, end } = s.range.clone();
        assert!(start < end, "sentence {n}: empty range {start}..{end}");
        assert!(end <= text.len(), "sentence {n}: range {start}..{end} past the text ({})", text.len());
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "sentence {n}: range {start}..{end} not on char boundaries"
        );
        assert!(
            start >= prev_end,
            "sentence {n}: range {start}..{end} starts before the previous end {prev_end}"
        );
        prev_end = end;
        let body = &text[start..end];
        assert!(
            !body.starts_with(is_blank) && !body.ends_with(is_blank),
            "sentence {n}: {body:?} is not trimmed"
        );
        assert!(body.chars().any(char::is_alphanumeric), "sentence {n}: {body:?} has no letter or digit");

        assert!(in_unit_range(s.sentiment), "sentence {n}: sentiment {} outside [-1, 1]", s.sentiment);
        assert!(in_unit_range(s.stance), "sentence {n}: stance {} outside [-1, 1]", s.stance);
        assert!(s.optimism.is_finite() && s.optimism >= 0.0, "sentence {n}: optimism {}", s.optimism);
        assert!(s.skepticism.is_finite() && s.skepticism >= 0.0, "sentence {n}: skepticism {}", s.skepticism);
        assert_eq!(s.label, scorer.label(s.stance), "sentence {n}: label does not match stance {}", s.stance);

        assert_eq!(
            s.cues.start, next_cue,
            "sentence {n}: cue range {:?} does not follow the previous",
            s.cues
        );
        assert!(
            s.cues.start <= s.cues.end && s.cues.end <= doc.cues.len(),
            "sentence {n}: cue range {:?}",
            s.cues
        );
        next_cue = s.cues.end;
        for cue in doc.cues_of(s) {
            check_cue(text, s.range.clone(), cue, entries, rule_bits);
        }
        let _ = cues_to_string(text, doc.cues_of(s));
    }
    assert_eq!(next_cue, doc.cues.len(), "cues after the last sentence's range");
    let mut all = String::new();
    write_cues(&mut all, text, &doc.cues);

    let sum = &doc.summary;
    let n = doc.sentences.len();
    assert_eq!(sum.sentences, n, "summary counts {} sentences, there are {n}", sum.sentences);
    let hedges: u64 = doc.sentences.iter().map(|s| u64::from(s.hedges)).sum();
    let words: u64 = doc.sentences.iter().map(|s| u64::from(s.words)).sum();
    assert_eq!((sum.hedges, sum.words), (hedges, words), "summary hedges/words do not add up");
    assert!(in_unit_range(sum.sentiment), "summary sentiment {}", sum.sentiment);
    assert!(in_unit_range(sum.stance), "summary stance {}", sum.stance);
    let shares = [sum.optimistic_share, sum.skeptical_share, sum.neutral_share];
    for share in shares {
        assert!(share.is_finite() && (0.0..=1.0).contains(&share), "summary share {share} outside [0, 1]");
    }
    let total: f64 = shares.iter().sum();
    if n > 0 {
        // Each share is rounded to 4 places, so three of them may miss 1 by up to 1.5e-4.
        assert!((total - 1.0).abs() <= 1.5e-4 + 1e-12, "summary shares sum to {total}, not 1");
    } else {
        assert!(
            total == 0.0 && sum.sentiment == 0.0 && sum.stance == 0.0,
            "summary of no sentences is not zero"
        );
    }
}

fn check_cue(text: &str, sentence: Range<usize>, cue: &Cue, entries: usize, rule_bits: u32) {
    let within = |span: (u32, u32)| {
        let (a, b) = (span.0 as usize, span.1 as usize);
        a <= b
            && sentence.start <= a
            && b <= sentence.end
            && text.is_char_boundary(a)
            && text.is_char_boundary(b)
    };
    let challenge = cue.has(Rule::Challenge);
    // A challenging question's pull has no entry; say where it points only if it is a word.
    assert!(
        cue.entry == u32::MAX || (cue.entry as usize) < entries,
        "cue {cue:?}: entry id out of range ({entries} entries)"
    );
    assert!(challenge || cue.entry != u32::MAX, "cue {cue:?}: no entry but not a challenge");
    assert!(within(cue.span), "cue {cue:?}: span outside its sentence {sentence:?} or off a char boundary");
    if let Some(partner) = cue.partner {
        assert!(within(partner), "cue {cue:?}: partner outside its sentence {sentence:?}");
    }
    for w in [cue.base_sentiment, cue.base_stance, cue.sentiment, cue.stance] {
        assert!(w.is_finite(), "cue {cue:?}: weight {w} is not finite");
    }
    assert_eq!(cue.rules & !rule_bits, 0, "cue {cue:?}: unknown rule bits");
}

// ---------------------------------------------------------------------------------------------
// read_csv, read_jsonl

/// Which reader a corpus target drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    Delimited,
    Jsonl,
}

/// Flag bits of a corpus input's first byte.
const GZIP: u8 = 1;
const NAMED_COLUMNS: u8 = 1 << 1;
const TSV: u8 = 1 << 2;
const TRUNCATE: u8 = 1 << 3;
const CORRUPT: u8 = 1 << 4;

/// Target `read_csv`: CSV, or TSV with flag 4; see [`check_read`].
pub fn check_read_csv(data: &[u8]) {
    check_read(Reader::Delimited, data);
}

/// Target `read_jsonl`; see [`check_read`].
pub fn check_read_jsonl(data: &[u8]) {
    check_read(Reader::Jsonl, data);
}

/// The columns asked for by name when flag 2 is set (seeds with these names are in
/// `fuzz/seeds/`); otherwise the common names are looked for.
fn named_columns(reader: Reader) -> ReadOptions {
    match reader {
        Reader::Delimited => ReadOptions {
            text_col: Some("Body".into()),
            id_col: Some("key".into()),
            date_col: Some("when".into()),
            title_col: Some("headline".into()),
            keep_cols: vec!["lang".into(), "score".into()],
            ..ReadOptions::default()
        },
        Reader::Jsonl => ReadOptions {
            text_col: Some("doc.text".into()),
            id_col: Some("doc.meta.id".into()),
            source_col: Some("outlet".into()),
            keep_cols: vec!["lang".into(), "tags".into()],
            ..ReadOptions::default()
        },
    }
}

/// Reads a fuzzed corpus file through [`tenor::corpus::read`] and checks every event.
///
/// Input layout: byte 0 holds flags — 1: gzip the payload; 2: name the columns (see
/// [`named_columns`]); 4: TSV instead of CSV (`read_csv` only); 8: cut the gzip stream short;
/// 16: flip one byte of the gzip stream. With gzip, bytes 1–2 (little-endian) say where to cut
/// and which byte to flip, and the payload follows; without, the payload is bytes 1… .
///
/// Checks: reading ends; every event's line is ≥ 1 (lines are 1-based) and, unless the gzip
/// stream was corrupted (which can change the decompressed bytes), at most the number of line
/// ends in the payload plus one; the file is named as given; documents carry one kept value per
/// `keep_cols`, no empty optional fields and no empty id; CSV/TSV documents hold no `\r` (the
/// decoder normalises line ends); skip and warning reasons are not empty.
fn check_read(reader: Reader, data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else { return };
    let format = match reader {
        Reader::Delimited if flags & TSV != 0 => Format::Tsv,
        Reader::Delimited => Format::Csv,
        Reader::Jsonl => Format::Jsonl,
    };
    let gzip = flags & GZIP != 0;
    let (payload, on_disk, corrupted) = if gzip {
        let (knob, payload) = match rest {
            [a, b, payload @ ..] => (u16::from_le_bytes([*a, *b]) as usize, payload),
            _ => (0, &[][..]),
        };
        let mut gz = gzip_bytes(payload);
        let corrupt = flags & CORRUPT != 0 && !gz.is_empty();
        if corrupt {
            let at = knob.wrapping_mul(7) % gz.len();
            gz[at] ^= 0x5A;
        }
        if flags & TRUNCATE != 0 {
            gz.truncate(knob % (gz.len() + 1));
        }
        (payload, gz, corrupt)
    } else {
        (rest, rest.to_vec(), false)
    };
    let opts = if flags & NAMED_COLUMNS != 0 { named_columns(reader) } else { ReadOptions::default() };

    let ext = match format {
        Format::Csv => "csv",
        Format::Tsv => "tsv",
        _ => "jsonl",
    };
    let display = if gzip { format!("fuzz.{ext}.gz") } else { format!("fuzz.{ext}") };
    let mut file = tempfile::Builder::new().suffix(&display).tempfile().expect("create a temp file");
    file.write_all(&on_disk).expect("write the temp file");
    file.flush().expect("flush the temp file");
    let input = Input {
        path: Some(file.path().to_path_buf()),
        display: display.as_str().into(),
        format,
        gzip,
        size: Some(on_disk.len() as u64),
    };
    let max_line = if corrupted {
        u64::MAX
    } else {
        payload.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1
    };
    let events = match corpus::read(&input, &opts, Arc::new(AtomicU64::new(0))) {
        Ok(events) => events,
        Err(err) => {
            assert!(!err.to_string().is_empty(), "empty error message");
            return;
        }
    };
    for event in events {
        let (origin, what) = match &event {
            Event::Document(doc) => {
                assert_eq!(doc.kept.len(), opts.keep_cols.len(), "kept values: {doc:?}");
                assert!(!doc.id.is_empty(), "empty id: {doc:?}");
                for field in [&doc.date, &doc.source, &doc.title] {
                    assert!(field.as_deref() != Some(""), "an optional field is Some(\"\"): {doc:?}");
                }
                if reader == Reader::Delimited {
                    let mut fields = vec![&doc.text, &doc.id];
                    fields.extend(doc.date.iter().chain(&doc.source).chain(&doc.title).chain(&doc.kept));
                    assert!(
                        !fields.iter().any(|f| f.contains('\r')),
                        "a CSV/TSV field holds \\r although line ends are normalised: {doc:?}"
                    );
                }
                (&doc.origin, "document")
            }
            Event::Skipped(p) => {
                assert!(!p.reason.is_empty(), "skip without a reason: {p:?}");
                (&p.origin, "skip")
            }
            Event::Warning(p) => {
                assert!(!p.reason.is_empty(), "warning without a reason: {p:?}");
                (&p.origin, "warning")
            }
        };
        assert_eq!(&*origin.file, display.as_str(), "{what} names another file: {event:?}");
        assert!(origin.line >= 1, "{what} at line 0 (lines are 1-based): {event:?}");
        assert!(
            origin.line <= max_line,
            "{what} at line {} but the input has at most {max_line} line(s): {event:?}",
            origin.line
        );
    }
}

/// `payload` as one gzip member.
fn gzip_bytes(payload: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(payload).expect("gzip into memory");
    enc.finish().expect("gzip into memory")
}

// ---------------------------------------------------------------------------------------------
// lexicon_tsv

/// A small lexicon with one entry of every kind, for the fuzzed file to merge into (the
/// embedded lexicons take too long to build for every input).
const BASE_TSV: &str = "term\tsentiment\tstance\tkind\tweight
bold play\t1\t2\t\t
gamble\t-1\t-2\t\t
rose\t\t\tup\t1
fell\t\t\tdown\t1.5
profit\t0.5\t\tgood\t
losses\t-0.5\t\tbad\t
not\t\t\tnegator\t
very\t\t\tbooster\t0.4
slightly\t\t\tdampener\t
may\t\t\thedge\t0.3
but\t\t\tcontrast\t
although\t\t\tconcessive\t
";

/// A sentence that touches every rule of [`BASE_TSV`].
const FIXED_TEXT: &str =
    "It is a very bold play, but profit may not have rose. Although losses fell slightly, \
                          it is a gamble! Is it really a bold play?";

/// Target `lexicon_tsv`: the bytes, decoded lossily as UTF-8, are parsed as a tenor TSV lexicon,
/// a LIWC `.dic` and a VADER list.
///
/// Checks, for each parser: an error names the file and a line ≥ 1; parsed entries have
/// canonical terms ([`format::normalize_term`] leaves them as they are), finite weights and lines
/// within the file. Whatever parses is built into a lexicon alone and on
/// top of a small base lexicon (merging and overrides), whose entries must keep their weights
/// within range, and a text made of a fixed sentence plus the parsed terms is scored with it
/// under the same checks as `score_text`.
pub fn check_lexicon_tsv(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let line_count = text.lines().count().max(1);
    let parsers: [(&str, LexiconParser); 3] = [
        ("fuzz.tsv", format::parse_tsv),
        ("fuzz.dic", import::parse_liwc),
        ("fuzz.vader", import::parse_vader),
    ];
    for (origin, parse) in parsers {
        match parse(origin, &text) {
            Ok(entries) => {
                for entry in &entries {
                    check_raw_entry(origin, entry, line_count);
                }
                build_and_score(origin, entries);
            }
            Err(err) => check_lexicon_error(origin, &err, line_count),
        }
    }
}

/// A lexicon parser: `(origin, text)` to entries.
type LexiconParser = fn(&str, &str) -> Result<Vec<RawEntry>, LexiconError>;

fn check_raw_entry(origin: &str, e: &RawEntry, line_count: usize) {
    assert_eq!(
        format::normalize_term(&e.term).as_deref(),
        Ok(e.term.as_str()),
        "{origin}: term {:?} is not in canonical form",
        e.term
    );
    assert!(e.line >= 1 && e.line <= line_count, "{origin}: entry line {} of {line_count}", e.line);
    // The range of sentiment and stance is checked on the built entries, where it is documented.
    for w in [e.sentiment, e.stance, e.weight].into_iter().flatten() {
        assert!(w.is_finite(), "{origin}: {e:?} has weight {w}");
    }
    if let Some(w) = e.weight {
        assert!(w >= 0.0 && e.kind.takes_weight(), "{origin}: {e:?} has weight {w}");
    }
}

fn check_lexicon_error(origin: &str, err: &LexiconError, line_count: usize) {
    match err {
        LexiconError::Line { file, line, message } => {
            assert_eq!(file, origin, "error names another file: {err}");
            assert!(*line >= 1 && *line <= line_count, "error at line {line} of {line_count}: {err}");
            assert!(!message.is_empty(), "error without a message: {err}");
        }
        LexiconError::Io { .. } => panic!("{origin}: parsing text gave an I/O error: {err}"),
    }
}

fn build_and_score(origin: &str, entries: Vec<RawEntry>) {
    // The fixed sentence, then every parsed term (prefix patterns completed), so that the fuzzed
    // entries match somewhere.
    let mut text = String::from(FIXED_TEXT);
    for e in entries.iter().take(200) {
        text.push(' ');
        for word in e.term.split(' ') {
            text.push_str(word.strip_suffix('*').map(|w| format!("{w}ed")).as_deref().unwrap_or(word));
            text.push(' ');
        }
        text.push_str(if e.line % 3 == 0 { "." } else { "," });
    }
    let alone = LexiconBuilder::new().entries(origin, entries.clone()).and_then(LexiconBuilder::build);
    let merged = LexiconBuilder::new()
        .tsv("base.tsv", BASE_TSV)
        .expect("the base lexicon parses")
        .entries(origin, entries)
        .and_then(LexiconBuilder::build);
    for built in [alone, merged] {
        match built {
            Ok(lexicon) => {
                for e in lexicon.entries() {
                    for w in [e.sentiment, e.stance].into_iter().flatten() {
                        assert!(
                            w.is_finite() && w.abs() <= format::MAX_WEIGHT,
                            "{origin}: built entry {e:?} has a weight outside [-{m}, {m}]",
                            m = format::MAX_WEIGHT
                        );
                    }
                    assert!(e.weight.is_finite() && e.weight >= 0.0, "{origin}: built entry {e:?}");
                }
                let scorer = Scorer::new(lexicon, ScoreOptions::default());
                let doc = scorer.score_text(&text);
                check_document(&scorer, &text, &doc);
            }
            // Only a term twice in one file is refused when merging.
            Err(err) => assert!(err.to_string().contains("duplicate term"), "{origin}: {err}"),
        }
    }
}
