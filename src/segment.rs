//! Sentence boundaries in English news prose.
//!
//! [`sentences`] walks a document once, byte by byte, and yields the byte range of each
//! sentence, trimmed of surrounding white space. It splits on `.`, `!`, `?` and `…` (with any
//! closing quotes or brackets that follow them), on blank lines, and on single line breaks
//! after headline-like lines. It does not split inside abbreviations and initials (`Mr.`,
//! `U.S.`, `J. P. Morgan`), decimals and amounts (`$4.2 billion`), URLs and e-mail addresses,
//! or an ellipsis followed by a lower-case word. The abbreviations are data ([`TITLES`],
//! [`ABBREVIATIONS`]), not special cases scattered through the code.
//!
//! A run of text longer than [`MAX_SENTENCE_BYTES`] without a boundary is cut at the last
//! white space before that length, so a document with no punctuation still yields bounded
//! sentences. Spans with no letter or digit in them (a line of dashes, `!!!`) are not
//! sentences and are skipped.
//!
//! This module knows nothing about words or scores: see `tokenize` and `score`.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// The longest sentence, in bytes, before it is cut at white space. Real news sentences
/// rarely pass 600 bytes; the cap only bounds the work and memory for text without
/// punctuation (scraped tables, run-on transcripts).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Abbreviations that are never the end of a sentence: they always precede a name or number.
/// Lower case, without the final period.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "sen", "rep", "gov", "gen", "rev", "hon", "capt", "col",
    "lt", "sgt", "cmdr", "adm", "maj", "pres", "supt", "fr", "mt", "ft", "no", "nos", "vol", "fig", "figs",
    "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "dept", "univ", "assn", "bros", "ave", "blvd", "rd", "est", "p", "pp", "para", "art", "sec", "ch",
];

/// Abbreviations that can end a sentence ("... a unit of Acme Inc. The deal ..."): they end
/// one only when the next word is a common sentence opener ([`SENTENCE_OPENERS`]).
pub const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a",
    "al", "govt", "intl", "natl", "n.v", "s.a", "a.g", "ag", "oyj", "gmbh",
];

/// Capitalised words that usually open a new sentence; after an abbreviation that can end a
/// sentence, one of these means it did.
pub const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "analysts",
    "as",
    "at",
    "but",
    "by",
    "despite",
    "for",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "meanwhile",
    "more",
    "most",
    "my",
    "new",
    "now",
    "on",
    "our",
    "she",
    "shares",
    "since",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "under",
    "we",
    "what",
    "when",
    "while",
    "with",
    "yet",
    "you",
];

/// The longest entry of [`TITLES`] and [`ABBREVIATIONS`], in bytes: a longer word is none
/// of them (checked by a test).
const LONGEST_ABBREVIATION: usize = 6;

/// The tables above as hash sets, built on first use.
static TITLE_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| TITLES.iter().copied().collect());
static ABBREVIATION_SET: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());
static OPENER_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| SENTENCE_OPENERS.iter().copied().collect());

/// A line break ends a headline-like line only when that line has at most this many words
/// (hard-wrapped prose keeps flowing across line breaks).
const HEADLINE_MAX_WORDS: usize = 14;

/// Splits `text` into sentences, yielding the byte range of each one.
///
/// ```
/// let text = "Mr. Smith paid $4.2 billion. Was it worth it? Analysts doubt it.";
/// let sentences: Vec<&str> = tenor::segment::sentences(text).map(|r| &text[r]).collect();
/// assert_eq!(sentences, ["Mr. Smith paid $4.2 billion.", "Was it worth it?", "Analysts doubt it."]);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences { text, pos: 0 }
}

/// Iterator over sentence byte ranges; see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while self.pos < self.text.len() {
            let start = self.pos;
            let end = find_boundary(self.text, start);
            self.pos = end;
            if let Some(range) = trim(self.text, start..end) {
                return Some(range);
            }
        }
        None
    }
}

/// Finds the next byte the scanner must look at — a terminator (`.` `!` `?`), a line break,
/// or the lead byte 0xE2 of `…` — in `bytes[from..limit]`, with two `memchr3` scans whose
/// results are kept until passed.
struct Stops<'a> {
    bytes: &'a [u8],
    limit: usize,
    terminator: usize,
    other: usize,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8], from: usize, limit: usize) -> Stops<'a> {
        let mut stops = Stops { bytes, limit, terminator: 0, other: 0 };
        stops.terminator = stops.find_terminator(from);
        stops.other = stops.find_other(from);
        stops
    }

    fn find_terminator(&self, from: usize) -> usize {
        memchr::memchr3(b'.', b'!', b'?', &self.bytes[from..self.limit]).map_or(self.limit, |p| from + p)
    }

    fn find_other(&self, from: usize) -> usize {
        memchr::memchr3(b'\n', b'\r', 0xE2, &self.bytes[from..self.limit]).map_or(self.limit, |p| from + p)
    }

    /// The first stop at or after `from`.
    fn next(&mut self, from: usize) -> usize {
        if self.terminator < from {
            self.terminator = self.find_terminator(from.min(self.limit));
        }
        if self.other < from {
            self.other = self.find_other(from.min(self.limit));
        }
        self.terminator.min(self.other)
    }
}

/// Finds the end (exclusive) of the sentence that starts at `start`.
fn find_boundary(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut limit = (start + MAX_SENTENCE_BYTES).min(bytes.len());
    // The cap may fall inside a multi-byte character; cut before it.
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut stops = Stops::new(bytes, start, limit);
    let mut i = start;
    loop {
        i = stops.next(i);
        if i >= limit {
            break;
        }
        match bytes[i] {
            b'.' | b'!' | b'?' => {
                let end = end_of_terminator_run(bytes, i);
                if is_sentence_end(text, start, i, end) {
                    return end;
                }
                i = end;
            }
            0xE2 if bytes[i..].starts_with("…".as_bytes()) => {
                let end = end_of_terminator_run(bytes, i);
                if is_sentence_end(text, start, i, end) {
                    return end;
                }
                i = end;
            }
            b'\n' | b'\r' => {
                if let Some(end) = line_break_boundary(text, start, i) {
                    return end;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    if limit == bytes.len() {
        return limit;
    }
    cut_long_run(text, start, limit)
}

/// After a terminator at `i`, skips further terminators (`?!`, `...`, `…`) and the closing
/// quotes and brackets that belong to the sentence. Returns the end of that run.
fn end_of_terminator_run(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        match bytes.get(j) {
            Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}') => j += 1,
            Some(0xE2) => {
                // … ” ’ » are three bytes starting with E2 80.
                let rest = &bytes[j..];
                if rest.starts_with("…".as_bytes())
                    || rest.starts_with("”".as_bytes())
                    || rest.starts_with("’".as_bytes())
                {
                    j += 3;
                } else {
                    return j;
                }
            }
            Some(0xC2) if bytes.get(j + 1) == Some(&0xBB) => j += 2, // »
            _ => return j,
        }
    }
}

/// Decides whether the terminator run `term..end` closes the sentence begun at `start`.
fn is_sentence_end(text: &str, start: usize, term: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Inside a token: 3.5, U.S.A, example.com, a@b.org, "e.g.," — not a boundary.
    match bytes.get(end) {
        None => return true,
        Some(b) if !b.is_ascii_whitespace() && !next_is_unicode_space(&text[end..]) => return false,
        _ => {}
    }
    let next_start = start_of_next_word(text, end);
    if text[next_start..].starts_with(|c: char| c.is_lowercase()) {
        // "late to advertising… until", "\"Really?\" he asked", "p.m. local time".
        return false;
    }
    if bytes[term] != b'.' || end - term > 1 {
        // '!', '?', an ellipsis, or a '.' run like "..." or '."' ends the sentence.
        return true;
    }
    let word = word_before(text, start, term);
    if word.is_empty() || word.len() > LONGEST_ABBREVIATION {
        return true;
    }
    let lower = ascii_lower::<16>(word);
    let lower = lower.as_deref().unwrap_or("");
    if is_initial(word) || TITLE_SET.contains(lower) {
        return false;
    }
    if ABBREVIATION_SET.contains(lower) || is_dotted_acronym(word) {
        return is_opener(word_at(text, next_start));
    }
    true
}

fn next_is_unicode_space(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_whitespace)
}

/// The word that ends just before byte `term`, without leading quotes or brackets.
fn word_before(text: &str, start: usize, term: usize) -> &str {
    let head = &text[start..term];
    let from = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '[' | '‘' | '\''))
        .map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
    &head[from..]
}

/// Where the next word after `from` starts, skipping white space and opening quotes.
fn start_of_next_word(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    from + rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
            })
            .len()
}

/// The word that starts at `at`.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).unwrap_or(rest.len());
    &rest[..end]
}

/// "J" in "J. P. Morgan": a single upper-case letter.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// "U.S", "U.K", "E.U" (the final period is the terminator itself): letters joined by dots.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

fn is_opener(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_uppercase()) {
        // A digit or symbol after "Inc." is more often a new sentence than not.
        return !word.is_empty() && !word.starts_with(|c: char| c.is_ascii_digit());
    }
    ascii_lower::<16>(word).is_some_and(|w| OPENER_SET.contains(w.as_str()))
}

/// Decides whether the line break at `i` ends a sentence: always at a blank line; at a single
/// line break only after a short headline-like line followed by a capitalised line.
fn line_break_boundary(text: &str, start: usize, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i + 1;
    if bytes[i] == b'\r' && bytes.get(j) == Some(&b'\n') {
        j += 1;
    }
    // Blank line: only spaces/tabs before the next line break.
    let mut k = j;
    while k < bytes.len() && matches!(bytes[k], b' ' | b'\t') {
        k += 1;
    }
    if k >= bytes.len() || matches!(bytes[k], b'\n' | b'\r') {
        return Some(j);
    }
    let line = text[start..i].trim();
    if line.is_empty() {
        return Some(j);
    }
    let headline_like = !line.ends_with([',', ';', ':', '-', '–', '—', '(', '&'])
        && line.split_whitespace().count() <= HEADLINE_MAX_WORDS
        && !line.split_whitespace().last().is_some_and(is_connector);
    let next_starts_line = text[k..].starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '-' | '*' | '•')
    });
    (headline_like && next_starts_line).then_some(j)
}

/// Words that cannot end a headline: a line ending in one of them continues on the next line.
fn is_connector(word: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
        "that", "which", "who", "but",
    ];
    ascii_lower::<8>(word).is_some_and(|w| CONNECTORS.contains(&w.as_str()))
}

/// Cuts a run that reached `limit` bytes without a boundary after its last white space (or,
/// with none, at `limit`, which the caller put on a character boundary).
fn cut_long_run(text: &str, start: usize, limit: usize) -> usize {
    let window = &text[start..limit];
    match window.char_indices().rev().find(|&(_, c)| c.is_whitespace()) {
        // Cut after the space, which may be several bytes long (U+3000, U+00A0).
        Some((p, space)) if p > 0 => start + p + space.len_utf8(),
        // `limit` is already a character boundary, at least one character past `start`.
        _ => limit,
    }
}

/// Trims white space (and zero-width characters) from both ends of `range`; `None` when what
/// is left has no letter or digit.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let is_blank =
        |c: char| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{2060}');
    let trimmed_start = slice.trim_start_matches(is_blank);
    let lead = slice.len() - trimmed_start.len();
    let trimmed = trimmed_start.trim_end_matches(is_blank);
    if !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let begin = range.start + lead;
    Some(begin..begin + trimmed.len())
}

/// Lower-cases a short ASCII word without allocating; `None` when it is longer than `N` or
/// not ASCII (no abbreviation in the tables is).
fn ascii_lower<const N: usize>(word: &str) -> Option<SmallLower<N>> {
    if word.len() > N || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; N];
    for (dst, src) in buf.iter_mut().zip(word.bytes()) {
        *dst = src.to_ascii_lowercase();
    }
    Some(SmallLower { buf, len: word.len() })
}

/// A lower-cased ASCII word on the stack.
struct SmallLower<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> SmallLower<N> {
    fn as_str(&self) -> &str {
        // Only ASCII bytes were written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl<const N: usize> std::ops::Deref for SmallLower<N> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|r| &text[r]).collect()
    }

    /// Each case: the text, then the sentences it must split into.
    const CASES: &[(&str, &[&str])] = &[
        ("One. Two.", &["One.", "Two."]),
        ("Is it? Yes!", &["Is it?", "Yes!"]),
        ("Mr. Smith went to Washington. He left.", &["Mr. Smith went to Washington.", "He left."]),
        ("Dr. Jones and Mrs. Lee met.", &["Dr. Jones and Mrs. Lee met."]),
        ("They met on St. Patrick's Day.", &["They met on St. Patrick's Day."]),
        ("The U.S. economy grew. Prices fell.", &["The U.S. economy grew.", "Prices fell."]),
        ("Sales rose in the U.S. The euro fell.", &["Sales rose in the U.S.", "The euro fell."]),
        ("The U.K. government said no.", &["The U.K. government said no."]),
        ("Acme Inc. said profit rose.", &["Acme Inc. said profit rose."]),
        ("It bought Acme Inc. The deal closed.", &["It bought Acme Inc.", "The deal closed."]),
        ("Widget Corp. shares rose.", &["Widget Corp. shares rose."]),
        ("Smith & Co. Ltd. reported.", &["Smith & Co. Ltd. reported."]),
        ("Martin Luther King Jr. spoke.", &["Martin Luther King Jr. spoke."]),
        ("Apple vs. Samsung resumed.", &["Apple vs. Samsung resumed."]),
        ("Costs, e.g. energy, rose.", &["Costs, e.g. energy, rose."]),
        ("Costs, i.e. wages, rose.", &["Costs, i.e. wages, rose."]),
        ("At 9 a.m. trading began.", &["At 9 a.m. trading began."]),
        ("It closed at 4 p.m. on Friday.", &["It closed at 4 p.m. on Friday."]),
        ("On Jan. 5 the board met.", &["On Jan. 5 the board met."]),
        ("Due Dec. 31, the bond matured.", &["Due Dec. 31, the bond matured."]),
        ("It is No. 1 in China.", &["It is No. 1 in China."]),
        ("J. P. Morgan advised.", &["J. P. Morgan advised."]),
        ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
        ("The deal is worth $4.2 billion.", &["The deal is worth $4.2 billion."]),
        ("Margin was 3.5% last year.", &["Margin was 3.5% last year."]),
        ("Sales were EUR 13.1 mn. Profit fell.", &["Sales were EUR 13.1 mn.", "Profit fell."]),
        ("See www.example.com for details.", &["See www.example.com for details."]),
        ("Visit https://news.example.org/a.html today.", &["Visit https://news.example.org/a.html today."]),
        ("Write to press@example.com now.", &["Write to press@example.com now."]),
        ("It was late… until it won.", &["It was late… until it won."]),
        ("It was late... until it won.", &["It was late... until it won."]),
        ("It waited… Then it won.", &["It waited…", "Then it won."]),
        ("\"Can it deliver?\" he asked.", &["\"Can it deliver?\" he asked."]),
        ("He said \"no.\" Then he left.", &["He said \"no.\"", "Then he left."]),
        ("“It works.” She agreed.", &["“It works.”", "She agreed."]),
        ("(It works.) She agreed.", &["(It works.)", "She agreed."]),
        ("Really?! No way.", &["Really?!", "No way."]),
        ("Wow!!! Great.", &["Wow!!!", "Great."]),
        ("Para one.\n\nPara two", &["Para one.", "Para two"]),
        ("Headline Here\nBody starts here.", &["Headline Here", "Body starts here."]),
        ("A wrapped line of prose that\ncontinues here.", &["A wrapped line of prose that\ncontinues here."]),
        ("Title\r\n\r\nBody.", &["Title", "Body."]),
        ("Old mac\rline.", &["Old mac\rline."]),
        ("  Leading space.  ", &["Leading space."]),
        ("---\n\nText.", &["Text."]),
        ("Price: 1.000.000 units.", &["Price: 1.000.000 units."]),
        ("Version 2.0 shipped. It works.", &["Version 2.0 shipped.", "It works."]),
        ("It rose 5%. 2026 looks better.", &["It rose 5%.", "2026 looks better."]),
        ("", &[]),
        ("no terminal punctuation", &["no terminal punctuation"]),
    ];

    #[test]
    fn no_abbreviation_is_longer_than_the_shortcut_allows() {
        for word in TITLES.iter().chain(ABBREVIATIONS) {
            assert!(word.len() <= LONGEST_ABBREVIATION, "{word}");
        }
    }

    #[test]
    fn tricky_cases_split_as_a_reader_would() {
        for (text, expected) in CASES {
            assert_eq!(&split(text), expected, "text: {text:?}");
        }
    }

    #[test]
    fn ranges_lie_on_char_boundaries_and_in_order() {
        let text = "Ünïcödé … text. 日本語の文。Next one! Émoji 🎉. Done";
        let mut last = 0;
        for r in sentences(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(r.start >= last);
            last = r.end;
        }
    }

    #[test]
    fn a_long_run_without_punctuation_is_capped() {
        let text = "word ".repeat(10_000);
        let all: Vec<_> = sentences(&text).collect();
        assert!(all.len() >= 10_000 * 5 / MAX_SENTENCE_BYTES);
        assert!(all.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn a_long_run_without_spaces_is_cut_on_char_boundaries() {
        let text = "é".repeat(3_000);
        for r in sentences(&text) {
            assert!(r.len() <= MAX_SENTENCE_BYTES);
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn a_cap_inside_a_multibyte_character_moves_before_it() {
        // Regression (found by fuzzing): 1,999 ASCII bytes then "é" puts the cap between the
        // two bytes of "é", and cutting there panicked.
        let text = format!("{}é{}", "a".repeat(MAX_SENTENCE_BYTES - 1), "b".repeat(10));
        for r in sentences(&text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn a_cut_after_a_multibyte_space_lands_after_it() {
        // Regression (found by fuzzing): the cut came one byte after the start of an
        // ideographic space, inside it.
        let text = format!("{}\u{3000}{}", "a".repeat(MAX_SENTENCE_BYTES - 10), "b".repeat(50));
        for r in sentences(&text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn exclamation_storm_is_one_sentence() {
        let text = format!("Great{} Next.", "!".repeat(10_000));
        assert_eq!(sentences(&text).count(), 2);
    }
}
