//! Lexicons: what words and phrases mean, loaded from plain-text files.
//!
//! A [`Lexicon`] is built once with [`LexiconBuilder`] from the default files embedded in the
//! binary (`lexicons/*.tsv`, see [`DEFAULT_FILES`]) and any files a user adds, and is then
//! immutable. Files are parsed by [`format`] (tenor's TSV) or [`import`] (VADER-style word
//! lists and LIWC-style `.dic` files). Entries merge field by field: a later file may add a
//! stance to a word that so far had only a sentiment, and a value a later file sets again
//! replaces the earlier one; every such replacement is recorded as an [`Override`] so the CLI
//! can report it.
//!
//! Matching (longest match over a token trie) lives in [`table`]; what the weights do to a
//! score lives in `score`.

pub mod format;
pub mod import;
mod table;

use std::collections::hash_map::Entry as MapEntry;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

pub use table::{Match, PhraseTable, ResolveCache, Resolved};

/// The lexicon files compiled into the binary, in the order they are merged.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("lexicons/sentiment-positive.tsv", include_str!("../../lexicons/sentiment-positive.tsv")),
    ("lexicons/sentiment-negative.tsv", include_str!("../../lexicons/sentiment-negative.tsv")),
    ("lexicons/stance-words.tsv", include_str!("../../lexicons/stance-words.tsv")),
    ("lexicons/stance-phrases.tsv", include_str!("../../lexicons/stance-phrases.tsv")),
    ("lexicons/movement.tsv", include_str!("../../lexicons/movement.tsv")),
    ("lexicons/modifiers.tsv", include_str!("../../lexicons/modifiers.tsv")),
    ("lexicons/neutral.tsv", include_str!("../../lexicons/neutral.tsv")),
];

/// What an entry does. See `lexicons/README.md` for the table people read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An evaluative word or phrase.
    Cue,
    /// A movement upward (rise, surge, widen).
    Up,
    /// A movement downward (fall, plunge, narrow).
    Down,
    /// A movement that ends what it follows ("abated", "faded", "is behind us"): downward with a
    /// quantity ("fears receded"); with none, it ends the evaluative thing named before it, so
    /// "the crisis abated" is good news and "the boom faded" bad news.
    End,
    /// A quantity that is good when it grows (profit, sales).
    Good,
    /// A quantity that is bad when it grows (loss, debt).
    Bad,
    Negator,
    Booster,
    Dampener,
    Hedge,
    /// "but", "however": the clause after it outweighs the clause before it.
    Contrast,
    /// "although", "despite": the clause it opens is outweighed by the rest.
    Concessive,
    /// What a comparison is measured against ("than expected", "than planned", "than
    /// promised"): with a comparative before it, the sentence beat or missed expectations.
    Benchmark,
    /// A verb that acts against what follows it ("tackle", "prevent", "treat", "detect"): a
    /// skeptical cue just after it is what is opposed, not news ("a test that detects tumours").
    Counter,
    /// A frame that says what something is or how it works ("is defined as", "consists of",
    /// "is measured by"): the sentence describes, so its cues weigh less.
    Definition,
    /// A fixed expression whose words are not evaluative there ("crisis management", "subject
    /// to approval"): matched like any term, so its words are consumed, and it counts for nothing.
    Neutral,
    /// A word that says a figure is small ("only", "just"), or a phrase that names a small figure
    /// itself ("only a handful of", "only one in"): "only 38 percent signed up" is a shortfall,
    /// "only three cases were found" good news, "sales rose just 0.4%" a disappointment. A
    /// single word acts only right before a number; the weight is the stance it carries.
    Minimiser,
}

impl Kind {
    /// Names as written in the `kind` column, in declaration order.
    pub const NAMES: &'static [&'static str] = &[
        "cue",
        "up",
        "down",
        "end",
        "good",
        "bad",
        "negator",
        "booster",
        "dampener",
        "hedge",
        "contrast",
        "concessive",
        "benchmark",
        "counter",
        "definition",
        "neutral",
        "minimiser",
    ];
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 17] = [
        Kind::Cue,
        Kind::Up,
        Kind::Down,
        Kind::End,
        Kind::Good,
        Kind::Bad,
        Kind::Negator,
        Kind::Booster,
        Kind::Dampener,
        Kind::Hedge,
        Kind::Contrast,
        Kind::Concessive,
        Kind::Benchmark,
        Kind::Counter,
        Kind::Definition,
        Kind::Neutral,
        Kind::Minimiser,
    ];

    pub fn from_name(name: &str) -> Option<Kind> {
        Self::NAMES.iter().position(|n| n.eq_ignore_ascii_case(name)).map(|i| Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Whether the `weight` column means something for this kind.
    pub fn takes_weight(self) -> bool {
        matches!(
            self,
            Kind::Up
                | Kind::Down
                | Kind::End
                | Kind::Booster
                | Kind::Dampener
                | Kind::Hedge
                | Kind::Minimiser
        )
    }

    /// The weight used when the `weight` column is empty.
    pub fn default_weight(self) -> f32 {
        match self {
            Kind::Booster | Kind::Dampener => 0.3,
            Kind::Hedge => 0.5,
            _ => 1.0,
        }
    }
}

/// One parsed line of a lexicon file, before merging.
#[derive(Clone, Debug, PartialEq)]
pub struct RawEntry {
    /// Canonical term: lower case, single spaces.
    pub term: String,
    pub sentiment: Option<f32>,
    pub stance: Option<f32>,
    pub kind: Kind,
    pub weight: Option<f32>,
    /// 1-based line in its file.
    pub line: usize,
}

/// A merged lexicon entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub term: Box<str>,
    /// Sentiment weight in [-4, 4], if any file set one.
    pub sentiment: Option<f32>,
    /// Stance weight in [-4, 4], if any file set one.
    pub stance: Option<f32>,
    pub kind: Kind,
    /// Modifier strength or movement intensity (the kind's default when no file set one).
    pub weight: f32,
}

/// A value that a later file set again for a term an earlier file had defined.
#[derive(Clone, Debug, PartialEq)]
pub struct Override {
    pub term: String,
    /// `sentiment`, `stance`, `kind` or `weight`.
    pub field: &'static str,
    pub old: String,
    pub new: String,
    /// `file:line` of the earlier and of the winning definition.
    pub was_at: String,
    pub now_at: String,
}

/// Errors loading a lexicon.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Line { file: String, line: usize, message: String },
    #[error("reading lexicon {path}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// An immutable, ready-to-match lexicon.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    table: PhraseTable,
    overrides: Vec<Override>,
}

impl Lexicon {
    /// The default lexicons compiled into the binary.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        LexiconBuilder::new().defaults()?.build()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    pub fn table(&self) -> &PhraseTable {
        &self.table
    }

    /// Values that later files replaced, in the order they were replaced.
    pub fn overrides(&self) -> &[Override] {
        &self.overrides
    }

    /// The entry for an exact term, if any.
    pub fn get(&self, term: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| &*e.term == term)
    }
}

/// Builds a [`Lexicon`] from files merged in order.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    /// Each entry and where its last definition is.
    merged: Vec<(Entry, Place)>,
    index: FxHashMap<String, usize>,
    overrides: Vec<Override>,
    /// The names of the files added so far, which [`Place`]s index.
    origins: Vec<String>,
}

/// Where a definition is: a file (an index into [`LexiconBuilder`]'s origins) and a line. Kept
/// as numbers, and written out as `file:line` only for an [`Override`].
#[derive(Clone, Copy, Debug)]
struct Place {
    origin: usize,
    line: usize,
}

impl Place {
    fn describe(self, origins: &[String]) -> String {
        format!("{}:{}", origins[self.origin], self.line)
    }
}

impl LexiconBuilder {
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// Adds the embedded default lexicons.
    pub fn defaults(mut self) -> Result<LexiconBuilder, LexiconError> {
        for (name, text) in DEFAULT_FILES {
            self = self.tsv(name, text)?;
        }
        Ok(self)
    }

    /// Adds entries from tenor TSV text; `origin` names it in errors.
    pub fn tsv(self, origin: &str, text: &str) -> Result<LexiconBuilder, LexiconError> {
        let entries = format::parse_tsv(origin, text)?;
        self.entries(origin, entries)
    }

    /// Adds a file, choosing the parser from its content: tenor TSV (a header naming `term`),
    /// a LIWC-style `.dic` (first line `%`), or a VADER-style `word<TAB>mean` list. A path
    /// may be prefixed with `tenor:`, `liwc:` or `vader:` to say which.
    pub fn file(self, spec: &str) -> Result<LexiconBuilder, LexiconError> {
        let (forced, path) = match spec.split_once(':') {
            Some((f @ ("tenor" | "liwc" | "vader"), rest)) => (Some(f), rest),
            _ => (None, spec),
        };
        let path = Path::new(path);
        let bytes =
            std::fs::read(path).map_err(|source| LexiconError::Io { path: path.to_path_buf(), source })?;
        let text = String::from_utf8_lossy(&bytes);
        let origin = path.display().to_string();
        let format = forced.unwrap_or_else(|| import::sniff(&text));
        let entries = match format {
            "liwc" => import::parse_liwc(&origin, &text)?,
            "vader" => import::parse_vader(&origin, &text)?,
            _ => format::parse_tsv(&origin, &text)?,
        };
        self.entries(&origin, entries)
    }

    /// Merges parsed entries from one file. A term twice in the same file is an error.
    pub fn entries(mut self, origin: &str, entries: Vec<RawEntry>) -> Result<LexiconBuilder, LexiconError> {
        let mut seen_here: FxHashMap<&str, usize> = FxHashMap::default();
        for raw in &entries {
            if let Some(first) = seen_here.insert(&raw.term, raw.line) {
                return Err(LexiconError::Line {
                    file: origin.to_string(),
                    line: raw.line,
                    message: format!("duplicate term {:?} (first at line {first})", raw.term),
                });
            }
        }
        let file = self.origins.len();
        self.origins.push(origin.to_string());
        for raw in entries {
            let at = Place { origin: file, line: raw.line };
            match self.index.entry(raw.term.clone()) {
                MapEntry::Vacant(slot) => {
                    slot.insert(self.merged.len());
                    let entry = Entry {
                        term: raw.term.into(),
                        sentiment: raw.sentiment,
                        stance: raw.stance,
                        kind: raw.kind,
                        weight: raw.weight.unwrap_or_else(|| raw.kind.default_weight()),
                    };
                    self.merged.push((entry, at));
                }
                MapEntry::Occupied(slot) => {
                    let (entry, was_at) = &mut self.merged[*slot.get()];
                    merge_into(entry, was_at, &raw, at, &self.origins, &mut self.overrides);
                }
            }
        }
        Ok(self)
    }

    pub fn build(self) -> Result<Lexicon, LexiconError> {
        let LexiconBuilder { merged, index, overrides, .. } = self;
        // The index holds a copy of every term; free it before the trie is built, which is
        // when loading peaks.
        drop(index);
        let entries: Vec<Entry> = merged.into_iter().map(|(e, _)| e).collect();
        let table = PhraseTable::build(&entries);
        Ok(Lexicon { entries, table, overrides })
    }
}

/// Merges `raw` (defined at `at`) into `entry` (defined at `was_at`) field by field, recording
/// each value it replaces.
fn merge_into(
    entry: &mut Entry,
    was_at: &mut Place,
    raw: &RawEntry,
    at: Place,
    origins: &[String],
    overrides: &mut Vec<Override>,
) {
    let mut record = |field: &'static str, old: String, new: String| {
        overrides.push(Override {
            term: raw.term.clone(),
            field,
            old,
            new,
            was_at: was_at.describe(origins),
            now_at: at.describe(origins),
        });
    };
    if let Some(new) = raw.sentiment {
        if let Some(old) = entry.sentiment.replace(new) {
            record("sentiment", old.to_string(), new.to_string());
        }
    }
    if let Some(new) = raw.stance {
        if let Some(old) = entry.stance.replace(new) {
            record("stance", old.to_string(), new.to_string());
        }
    }
    // A plain cue row adds tone to a movement or modifier; it does not turn it back into a cue.
    if raw.kind != Kind::Cue && raw.kind != entry.kind {
        if entry.kind != Kind::Cue {
            record("kind", entry.kind.name().to_string(), raw.kind.name().to_string());
        }
        entry.kind = raw.kind;
        entry.weight = raw.weight.unwrap_or_else(|| raw.kind.default_weight());
    } else if let Some(new) = raw.weight {
        if entry.weight != new {
            record("weight", entry.weight.to_string(), new.to_string());
        }
        entry.weight = new;
    }
    *was_at = at;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(files: &[(&str, &str)]) -> Result<Lexicon, LexiconError> {
        let mut b = LexiconBuilder::new();
        for (name, text) in files {
            b = b.tsv(name, text)?;
        }
        b.build()
    }

    #[test]
    fn later_files_add_fields_and_override_values() {
        let lex = build(&[
            ("a.tsv", "term\tsentiment\ngamble\t-1\n"),
            ("b.tsv", "term\tstance\ngamble\t-2\n"),
            ("user.tsv", "term\tstance\ngamble\t1\n"),
        ])
        .unwrap();
        let e = lex.get("gamble").unwrap();
        assert_eq!((e.sentiment, e.stance), (Some(-1.0), Some(1.0)));
        assert_eq!(lex.overrides().len(), 1);
        let o = &lex.overrides()[0];
        assert_eq!((o.field, o.old.as_str(), o.new.as_str()), ("stance", "-2", "1"));
        assert_eq!((o.was_at.as_str(), o.now_at.as_str()), ("b.tsv:2", "user.tsv:2"));
    }

    #[test]
    fn a_cue_row_adds_tone_to_a_movement() {
        let lex = build(&[
            ("m.tsv", "term\tkind\tweight\nsurged\tup\t1.5\n"),
            ("s.tsv", "term\tsentiment\nsurged\t1\n"),
        ])
        .unwrap();
        let e = lex.get("surged").unwrap();
        assert_eq!((e.kind, e.weight, e.sentiment), (Kind::Up, 1.5, Some(1.0)));
        assert!(lex.overrides().is_empty());
    }

    #[test]
    fn duplicate_term_in_one_file_is_an_error() {
        let err = build(&[("d.tsv", "term\tstance\nhype\t-1\nHype\t-2\n")]).unwrap_err();
        assert_eq!(err.to_string(), "d.tsv:3: duplicate term \"hype\" (first at line 2)");
    }

    #[test]
    fn missing_user_file_names_the_path() {
        let err = LexiconBuilder::new().file("/no/such/lexicon.tsv").unwrap_err();
        assert_eq!(err.to_string(), "reading lexicon /no/such/lexicon.tsv");
        assert!(std::error::Error::source(&err).is_some());
    }
}
