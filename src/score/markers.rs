//! The words the rules read that are not lexicon entries ("from", "the", "of", "than"…), and
//! a table that finds a word's [`Marker`] with one multiply and one compare.
//!
//! Every word of every sentence that matched no entry is looked up here, and most are none of
//! these words, so the lookup must be cheap and branch little: a `match` over the words compiles to a
//! tree of comparisons whose branches the processor cannot predict. Instead the words, packed
//! into integers ([`pack`]), sit in a direct-mapped table whose hash multiplier is chosen at
//! compile time so that no two of them share a slot.

use super::rules::SlotKind;
use crate::tokenize::pack;

/// What a marker word is to the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    /// Not a marker word.
    Plain,
    /// "from", "since".
    From,
    /// "because", "amid", "amidst", "after", "as".
    Cause,
    /// "to", "into".
    To,
    /// "versus", "vs".
    Versus,
    Against,
    And,
    Of,
    /// "they", "it".
    Pronoun,
    /// Articles and possessives.
    Determiner,
    /// "compared", which with "with" or "to" after it is a comparison.
    Compared,
    /// Function words, and adverbs of time and degree, in [`CLAUSE_WORDS`].
    Clause,
    /// "another".
    Another,
    /// "or".
    Or,
    /// Verbs that report what something is called, promised or was told ("calls", "promised",
    /// "told", "billed"): a claim a later clause may answer.
    Claim,
}

impl Marker {
    /// The slot of a word with this marker, for every marker but [`Marker::Of`] (which depends
    /// on the words before it): "compared" is a plain word unless "with" or "to" follows it.
    /// Read from a table in the order of the markers rather than matched, so that it costs no
    /// branch.
    #[inline]
    pub(super) fn slot_kind(self) -> SlotKind {
        const SLOT_KINDS: [SlotKind; 15] = [
            SlotKind::Plain,
            SlotKind::From,
            SlotKind::Cause,
            SlotKind::To,
            SlotKind::Versus,
            SlotKind::Against,
            SlotKind::And,
            SlotKind::Of(false),
            SlotKind::Pronoun,
            SlotKind::Determiner,
            SlotKind::Plain,
            SlotKind::Function,
            SlotKind::Another,
            SlotKind::Or,
            SlotKind::Claim,
        ];
        SLOT_KINDS[self as usize]
    }
}

/// Every marker word but the clause words, and what it is.
const WORDS: [(&str, Marker); 38] = [
    ("from", Marker::From),
    ("since", Marker::From),
    ("because", Marker::Cause),
    ("amid", Marker::Cause),
    ("amidst", Marker::Cause),
    ("after", Marker::Cause),
    ("as", Marker::Cause),
    ("to", Marker::To),
    ("into", Marker::To),
    ("versus", Marker::Versus),
    ("vs", Marker::Versus),
    ("against", Marker::Against),
    ("and", Marker::And),
    ("of", Marker::Of),
    ("they", Marker::Pronoun),
    ("it", Marker::Pronoun),
    ("the", Marker::Determiner),
    ("a", Marker::Determiner),
    ("an", Marker::Determiner),
    ("its", Marker::Determiner),
    ("their", Marker::Determiner),
    ("his", Marker::Determiner),
    ("her", Marker::Determiner),
    ("our", Marker::Determiner),
    ("compared", Marker::Compared),
    ("another", Marker::Another),
    ("or", Marker::Or),
    ("calls", Marker::Claim),
    ("call", Marker::Claim),
    ("called", Marker::Claim),
    ("calling", Marker::Claim),
    ("claims", Marker::Claim),
    ("told", Marker::Claim),
    ("promised", Marker::Claim),
    ("promises", Marker::Claim),
    ("dubbed", Marker::Claim),
    ("branded", Marker::Claim),
    ("billed", Marker::Claim),
];

/// Function words, and adverbs of time and degree: after a comparative they show it is said of
/// something before it ("profit was higher last year", "higher than a year ago"), not of a noun
/// after it ("smaller borrowers"). Not "after" and "as", nor "from" and "since": they are read
/// as causes ([`Marker::Cause`]) and baselines ([`Marker::From`]), nor "or", which offers
/// alternatives ([`Marker::Or`]; the rules read it as a function word too).
const CLAUSE_WORDS: [&str; 50] = [
    "among", "in", "at", "on", "by", "for", "with", "without", "across", "before", "during", "over", "under",
    "but", "than", "that", "which", "who", "whose", "where", "when", "is", "are", "was", "were", "has",
    "have", "had", "will", "would", "can", "could", "last", "this", "next", "again", "still", "now", "too",
    "overall", "so", "all", "both", "each", "every", "here", "there", "then", "today", "while",
];

/// log2 of the slots of [`MarkerTable`]: 256 slots of 8 bytes, few enough to stay in the
/// processor's nearest cache.
const SLOT_BITS: u32 = 8;

/// A direct-mapped table from packed words to markers, with no two words in one slot.
pub(super) struct MarkerTable {
    multiplier: u64,
    /// The packed word in each slot (0, which no word packs to, where there is none).
    keys: [u64; 1 << SLOT_BITS],
    markers: [Marker; 1 << SLOT_BITS],
}

impl MarkerTable {
    /// The marker of a packed word ([`Marker::Plain`] for any other word).
    #[inline]
    pub(super) fn get(&self, packed: u64) -> Marker {
        let slot = slot(packed, self.multiplier);
        if self.keys[slot] == packed {
            self.markers[slot]
        } else {
            Marker::Plain
        }
    }

    /// The table of [`WORDS`] and [`CLAUSE_WORDS`], with the first multiplier of a fixed
    /// sequence under which they all have slots of their own. The sequence starts at one that
    /// works for the words listed now; with other words the search (at compile time) goes on.
    const fn build() -> MarkerTable {
        let mut multiplier = 0x503D_58DC_6743_F5ADu64;
        loop {
            if let Some(table) = MarkerTable::try_build(multiplier) {
                return table;
            }
            multiplier = multiplier.wrapping_add(0x6A09_E667_F3BC_C908);
        }
    }

    const fn try_build(multiplier: u64) -> Option<MarkerTable> {
        let mut table =
            MarkerTable { multiplier, keys: [0; 1 << SLOT_BITS], markers: [Marker::Plain; 1 << SLOT_BITS] };
        let mut i = 0;
        while i < WORDS.len() + CLAUSE_WORDS.len() {
            let (word, marker) =
                if i < WORDS.len() { WORDS[i] } else { (CLAUSE_WORDS[i - WORDS.len()], Marker::Clause) };
            let Some(key) = pack(word) else { panic!("marker words are at most 8 bytes") };
            let at = slot(key, multiplier);
            if table.keys[at] == key {
                panic!("a marker word is listed twice");
            }
            if table.keys[at] != 0 {
                return None;
            }
            table.keys[at] = key;
            table.markers[at] = marker;
            i += 1;
        }
        Some(table)
    }
}

/// The slot of a packed word under `multiplier`.
const fn slot(key: u64, multiplier: u64) -> usize {
    (key.wrapping_mul(multiplier) >> (64 - SLOT_BITS)) as usize
}

/// The marker of every marker word.
pub(super) static MARKERS: MarkerTable = MarkerTable::build();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_marker_word_and_no_other() {
        for (word, marker) in WORDS {
            assert_eq!(MARKERS.get(pack(word).unwrap()), marker, "{word}");
        }
        for word in CLAUSE_WORDS {
            assert_eq!(MARKERS.get(pack(word).unwrap()), Marker::Clause, "{word}");
        }
        for word in ["profit", "rose", "t", "thee", "whose'", "compare", "ands"] {
            assert_eq!(MARKERS.get(pack(word).unwrap()), Marker::Plain, "{word}");
        }
    }

    #[test]
    fn slot_kinds_follow_the_markers() {
        let expected = [
            (Marker::Plain, SlotKind::Plain),
            (Marker::From, SlotKind::From),
            (Marker::Cause, SlotKind::Cause),
            (Marker::To, SlotKind::To),
            (Marker::Versus, SlotKind::Versus),
            (Marker::Against, SlotKind::Against),
            (Marker::And, SlotKind::And),
            (Marker::Pronoun, SlotKind::Pronoun),
            (Marker::Determiner, SlotKind::Determiner),
            (Marker::Compared, SlotKind::Plain),
            (Marker::Clause, SlotKind::Function),
            (Marker::Another, SlotKind::Another),
            (Marker::Or, SlotKind::Or),
            (Marker::Claim, SlotKind::Claim),
        ];
        for (marker, kind) in expected {
            assert_eq!(marker.slot_kind(), kind, "{marker:?}");
        }
    }
}
