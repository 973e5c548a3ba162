//! Longest-match lookup of lexicon terms over a sentence's tokens.
//!
//! Every term — single word, prefix pattern or multi-word expression — is a path in one token
//! trie. A word is interned once as a symbol; an exact step is one hash lookup of
//! `(node, symbol)`, so matching cost per token does not grow with the lexicon's size. Prefix
//! patterns (`gambl*`) are edges tested with `starts_with`; at the root they sit in a hash
//! map keyed by the prefix and are tried at each length a pattern has.
//!
//! Resolving a token's text to its symbol and root edges is memoised per thread in a
//! [`ResolveCache`], so the common case costs one hash lookup per token and allocates nothing.

use rustc_hash::FxHashMap;

use super::Entry;
use crate::tokenize::{pack, Token};

/// A sentence's tokens as the walk reads them.
struct Words<'a> {
    lower: &'a str,
    tokens: &'a [Token],
    resolved: &'a [Resolved],
}

const NONE: u32 = u32::MAX;

/// How a token's text enters the trie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The symbol of the word where it continues a term, or `u32::MAX` when no term has it after
    /// its first word.
    sym: u32,
    /// Root child by exact word.
    exact: u32,
    /// Root child by the longest matching prefix pattern.
    prefix: u32,
    /// The entry of the exact root child when that is the whole match: no pattern starts with
    /// the word and no term continues after it (most single words), so matching needs no walk.
    single: u32,
}

impl Resolved {
    /// A token that can neither start nor continue a term (punctuation, numbers).
    pub const NOTHING: Resolved = Resolved { sym: NONE, exact: NONE, prefix: NONE, single: NONE };

    /// Whether the token can start a term.
    pub fn starts_term(&self) -> bool {
        self.exact != NONE || self.prefix != NONE
    }
}

/// A trie node: 12 bytes, so the nodes a sentence touches share few cache lines.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Entry id ending here.
    entry: u32,
    /// The symbols of the exact-word edges that leave this node, as a 32-bit filter (bit
    /// `sym % 32` of each): a word whose bit is clear has no edge, so the walk stops without a
    /// lookup. Most nodes have no edge or a few, and then most words stop here.
    edge_filter: u32,
    /// Index of this node's prefix-pattern edges in `PhraseTable::prefix_edges`, or `NONE`.
    prefix_edges: u32,
}

impl Node {
    const EMPTY: Node = Node { entry: NONE, edge_filter: 0, prefix_edges: NONE };

    fn is_leaf(&self) -> bool {
        self.edge_filter == 0 && self.prefix_edges == NONE
    }

    /// Whether an exact-word edge by symbol `sym` may leave this node (`NONE` has none).
    #[inline]
    fn may_have_edge(&self, sym: u32) -> bool {
        sym != NONE && self.edge_filter & filter_bit(sym) != 0
    }
}

/// The bit of a symbol in [`Node::edge_filter`].
fn filter_bit(sym: u32) -> u32 {
    1 << (sym % 32)
}

/// The trie of all terms of a lexicon.
#[derive(Debug)]
pub struct PhraseTable {
    /// word -> (symbol as a continuation or `NONE`, root child by exact word)
    words: FxHashMap<Box<str>, (u32, u32)>,
    /// (node, symbol) -> node, for nodes below the root.
    edges: FxHashMap<u64, u32>,
    nodes: Vec<Node>,
    /// Prefix-pattern edges of the nodes below the root that have any (rare; tested in order,
    /// longest prefix first).
    prefix_edges: Vec<Vec<(Box<str>, u32)>>,
    /// Root edges of prefix patterns, and the prefix lengths (in bytes) present, longest first.
    root_prefixes: FxHashMap<Box<str>, u32>,
    prefix_lengths: Vec<usize>,
    /// The most tokens a term has.
    longest_term: usize,
    /// Symbols given out so far.
    symbols: u32,
}

/// A per-thread memo of [`PhraseTable::resolve`]. Words of up to 8 bytes — most words —
/// are keyed by their bytes packed into a `u64`, so looking them up hashes one integer and
/// compares no strings, and remembering them allocates nothing. Bounded: each map is cleared
/// when it grows past [`ResolveCache::CAPACITY`] words.
///
/// In front of the maps sits a small direct-mapped table of recent short words: the few
/// thousand commonest words of a corpus are most of its tokens, and they stay in that table
/// (and in the CPU's near caches), where a lookup is one multiply and one compare.
#[derive(Debug)]
pub struct ResolveCache {
    recent: Box<[(u64, Resolved)]>,
    short: FxHashMap<u64, Resolved>,
    long: FxHashMap<Box<str>, Resolved>,
}

impl Default for ResolveCache {
    fn default() -> ResolveCache {
        ResolveCache {
            recent: vec![(0, Resolved::NOTHING); 1 << ResolveCache::RECENT_BITS].into_boxed_slice(),
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl ResolveCache {
    pub const CAPACITY: usize = 200_000;
    /// log2 of the slots of the direct-mapped table (4,096 × 24 bytes).
    const RECENT_BITS: u32 = 12;

    /// A short word's resolution if it is in the table of recent words.
    #[inline]
    fn recent(&self, packed: Option<u64>) -> Option<Resolved> {
        let key = packed?;
        let (recent_key, resolved) = self.recent[Self::recent_slot(key)];
        (recent_key == key).then_some(resolved)
    }

    /// The direct-mapped slot of a packed word (never 0: words are not empty).
    fn recent_slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::RECENT_BITS)) as usize
    }
}

/// The key of the exact edge from `node` by word symbol `sym`.
fn edge_key(node: u32, sym: u32) -> u64 {
    u64::from(node) << 32 | u64::from(sym)
}

/// A match: the entry and how many tokens it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub entry: u32,
    pub len: usize,
}

impl PhraseTable {
    pub(super) fn build(entries: &[Entry]) -> PhraseTable {
        let mut table = PhraseTable {
            words: FxHashMap::default(),
            edges: FxHashMap::default(),
            nodes: vec![Node::EMPTY],
            prefix_edges: Vec::new(),
            root_prefixes: FxHashMap::default(),
            prefix_lengths: Vec::new(),
            longest_term: 0,
            symbols: 0,
        };
        // Each word of a term adds at most one node, and each word after the first at most one
        // edge: sizing the tables once for that spares the copies that growing them makes,
        // which are most of what loading the lexicons costs at its peak.
        let words: usize = entries.iter().map(|entry| entry.term.split(' ').count()).sum();
        table.nodes.reserve_exact(words);
        table.edges.reserve(words - entries.len());
        for (id, entry) in entries.iter().enumerate() {
            table.insert(&entry.term, id as u32);
        }
        table.nodes.shrink_to_fit();
        let mut lengths: Vec<usize> = table.root_prefixes.keys().map(|p| p.len()).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        table.prefix_lengths = lengths;
        table
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(Node::EMPTY);
        (self.nodes.len() - 1) as u32
    }

    /// The symbol of a word that continues a term (a word that only ever starts terms has
    /// none, so a walk can stop before it without a lookup).
    fn intern(&mut self, word: &str) -> u32 {
        let next = self.symbols;
        let sym = match self.words.get_mut(word) {
            Some((sym, _)) if *sym != NONE => return *sym,
            Some((sym, _)) => {
                *sym = next;
                next
            }
            None => {
                self.words.insert(word.into(), (next, NONE));
                next
            }
        };
        self.symbols += 1;
        sym
    }

    fn insert(&mut self, term: &str, id: u32) {
        let mut node = 0u32;
        let mut count = 0;
        for word in term.split(' ') {
            count += 1;
            node = match word.strip_suffix('*') {
                Some(prefix) if node == 0 => match self.root_prefixes.get(prefix) {
                    Some(&child) => child,
                    None => {
                        let child = self.new_node();
                        self.root_prefixes.insert(prefix.into(), child);
                        child
                    }
                },
                Some(prefix) => {
                    if self.nodes[node as usize].prefix_edges == NONE {
                        self.nodes[node as usize].prefix_edges = self.prefix_edges.len() as u32;
                        self.prefix_edges.push(Vec::new());
                    }
                    let list = self.nodes[node as usize].prefix_edges as usize;
                    match self.prefix_edges[list].iter().find(|(p, _)| &**p == prefix) {
                        Some(&(_, child)) => child,
                        None => {
                            let child = self.new_node();
                            let edges = &mut self.prefix_edges[list];
                            edges.push((prefix.into(), child));
                            // Longest prefixes first, so the first hit is the most specific.
                            edges.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
                            child
                        }
                    }
                }
                None if node == 0 => match self.words.get(word) {
                    Some(&(_, root_child)) if root_child != NONE => root_child,
                    known => {
                        let sym = known.map_or(NONE, |&(sym, _)| sym);
                        let child = self.new_node();
                        self.words.insert(word.into(), (sym, child));
                        child
                    }
                },
                None => {
                    let sym = self.intern(word);
                    match self.edges.get(&edge_key(node, sym)) {
                        Some(&child) => child,
                        None => {
                            let child = self.new_node();
                            self.edges.insert(edge_key(node, sym), child);
                            self.nodes[node as usize].edge_filter |= filter_bit(sym);
                            child
                        }
                    }
                }
            };
        }
        self.nodes[node as usize].entry = id;
        self.longest_term = self.longest_term.max(count);
    }

    /// Resolves a word, using and filling `cache`.
    pub fn resolve(&self, word: &str, cache: &mut ResolveCache) -> Resolved {
        let packed = pack(word);
        match cache.recent(packed) {
            Some(resolved) => resolved,
            None => self.resolve_miss(word, packed, cache),
        }
    }

    /// Resolves a token's lookup form (`lower` is the buffer `tokenize_into` wrote), using and
    /// filling `cache`.
    #[inline]
    pub fn resolve_token(&self, token: &Token, lower: &str, cache: &mut ResolveCache) -> Resolved {
        let packed = token.packed(lower);
        match cache.recent(packed) {
            Some(resolved) => resolved,
            None => self.resolve_miss(token.lower(lower), packed, cache),
        }
    }

    /// Resolves a word that is not in the cache's table of recent words.
    fn resolve_miss(&self, word: &str, packed: Option<u64>, cache: &mut ResolveCache) -> Resolved {
        if let Some(key) = packed {
            let resolved = match cache.short.get(&key) {
                Some(&r) => r,
                None => {
                    let resolved = self.resolve_uncached(word);
                    if cache.short.len() >= ResolveCache::CAPACITY {
                        cache.short.clear();
                    }
                    cache.short.insert(key, resolved);
                    resolved
                }
            };
            cache.recent[ResolveCache::recent_slot(key)] = (key, resolved);
            return resolved;
        }
        if let Some(&r) = cache.long.get(word) {
            return r;
        }
        let resolved = self.resolve_uncached(word);
        if cache.long.len() >= ResolveCache::CAPACITY {
            cache.long.clear();
        }
        cache.long.insert(word.into(), resolved);
        resolved
    }

    fn resolve_uncached(&self, word: &str) -> Resolved {
        let (sym, exact) = self.words.get(word).copied().unwrap_or((NONE, NONE));
        let prefix = self
            .prefix_lengths
            .iter()
            .filter(|&&len| len <= word.len() && word.is_char_boundary(len))
            .find_map(|&len| self.root_prefixes.get(&word[..len]).copied())
            .unwrap_or(NONE);
        let single = match exact {
            NONE => NONE,
            _ if prefix != NONE => NONE,
            _ => {
                let node = self.nodes[exact as usize];
                if node.is_leaf() {
                    node.entry
                } else {
                    NONE
                }
            }
        };
        Resolved { sym, exact, prefix, single }
    }

    /// The longest term starting at token `start`. `lower` is the lookup-form buffer the
    /// tokenizer wrote and `resolved[i]` token i's resolution (punctuation has an empty
    /// lookup form and never matches; a number matches as written, "chapter 11").
    #[inline]
    pub fn longest_match(
        &self,
        lower: &str,
        tokens: &[Token],
        resolved: &[Resolved],
        start: usize,
    ) -> Option<Match> {
        let first = resolved[start];
        if first.single != NONE {
            return Some(Match { entry: first.single, len: 1 });
        }
        // A word that starts longer terms only through exact words, followed by a word that
        // continues none of them ("the" before most words): the match is the word's own entry,
        // if any, without a walk.
        if first.prefix == NONE {
            let node = self.nodes.get(first.exact as usize)?;
            let next = resolved.get(start + 1).map_or(NONE, |r| r.sym);
            if node.prefix_edges == NONE && !node.may_have_edge(next) {
                return (node.entry != NONE).then_some(Match { entry: node.entry, len: 1 });
            }
        }
        self.longest_walk(lower, tokens, resolved, start)
    }

    /// [`PhraseTable::longest_match`] for a word that may start a longer term.
    #[inline(never)]
    fn longest_walk(
        &self,
        lower: &str,
        tokens: &[Token],
        resolved: &[Resolved],
        start: usize,
    ) -> Option<Match> {
        let first = resolved[start];
        let mut best: Option<Match> = None;
        let words = Words { lower, tokens, resolved };
        if first.prefix == NONE && first.exact != NONE {
            return self.follow_exact(first.exact, &words, start + 1);
        }
        for root_child in [first.exact, first.prefix] {
            if root_child != NONE {
                self.walk(root_child, &words, start + 1, 1, &mut best);
            }
        }
        best
    }

    /// The common case of a walk without patterns, as a loop: follows exact edges from `node`
    /// while the words go on, handing over to [`PhraseTable::walk`] at a node with pattern edges.
    fn follow_exact(&self, mut node: u32, words: &Words<'_>, mut next: usize) -> Option<Match> {
        let mut best = None;
        let mut len = 1;
        loop {
            let n = self.nodes[node as usize];
            if n.entry != NONE {
                best = Some(Match { entry: n.entry, len });
            }
            if n.prefix_edges != NONE {
                self.walk(node, words, next, len, &mut best);
                return best;
            }
            let Some(sym) = words.resolved.get(next).map(|r| r.sym) else { return best };
            if !n.may_have_edge(sym) || len >= self.longest_term {
                return best;
            }
            match self.edges.get(&edge_key(node, sym)) {
                Some(&child) => node = child,
                None => return best,
            }
            next += 1;
            len += 1;
        }
    }

    /// Depth-first walk: exact edges before prefix edges, so an exact path wins a tie.
    fn walk(&self, node: u32, words: &Words<'_>, next: usize, len: usize, best: &mut Option<Match>) {
        let n = &self.nodes[node as usize];
        if n.entry != NONE && best.is_none_or(|b| len > b.len) {
            *best = Some(Match { entry: n.entry, len });
        }
        if next >= words.tokens.len() || len >= self.longest_term {
            return;
        }
        let word = words.tokens[next].lower(words.lower);
        if word.is_empty() {
            return;
        }
        let sym = words.resolved[next].sym;
        if n.may_have_edge(sym) {
            if let Some(&child) = self.edges.get(&edge_key(node, sym)) {
                self.walk(child, words, next + 1, len + 1, best);
            }
        }
        if n.prefix_edges != NONE {
            for (prefix, child) in &self.prefix_edges[n.prefix_edges as usize] {
                if word.starts_with(&**prefix) {
                    self.walk(*child, words, next + 1, len + 1, best);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Kind;

    fn table(terms: &[&str]) -> PhraseTable {
        let entries: Vec<Entry> = terms
            .iter()
            .map(|t| Entry {
                term: (*t).into(),
                sentiment: Some(1.0),
                stance: None,
                kind: Kind::Cue,
                weight: 1.0,
            })
            .collect();
        PhraseTable::build(&entries)
    }

    /// Returns the matched terms of a sentence, left to right.
    fn matches(table: &PhraseTable, terms: &[&str], sentence: &str) -> Vec<String> {
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        crate::tokenize::tokenize_into(sentence, &mut tokens, &mut lower);
        let mut cache = ResolveCache::default();
        let resolved: Vec<Resolved> = tokens
            .iter()
            .map(|t| match t.lower(&lower) {
                "" => Resolved::NOTHING,
                _ => table.resolve_token(t, &lower, &mut cache),
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match table.longest_match(&lower, &tokens, &resolved, i) {
                Some(m) => {
                    out.push(terms[m.entry as usize].to_string());
                    i += m.len;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn longest_match_wins_and_consumes_its_words() {
        let terms = ["expensive", "gamble", "expensive gamble", "gamble on"];
        let t = table(&terms);
        assert_eq!(matches(&t, &terms, "an expensive gamble on ai"), ["expensive gamble"]);
        assert_eq!(matches(&t, &terms, "expensive and a gamble"), ["expensive", "gamble"]);
    }

    #[test]
    fn prefix_patterns_match_inflections_alone_and_inside_phrases() {
        let terms = ["gambl*", "pav* the way", "rais* questions about"];
        let t = table(&terms);
        assert_eq!(matches(&t, &terms, "gambling"), ["gambl*"]);
        assert_eq!(
            matches(&t, &terms, "it paved the way and raises questions about costs"),
            ["pav* the way", "rais* questions about"]
        );
        assert!(matches(&t, &terms, "gam pavement").is_empty());
    }

    #[test]
    fn a_pattern_after_the_first_word_is_followed_even_when_no_term_continues_with_the_word() {
        let terms = ["profit", "profit warning*", "the"];
        let t = table(&terms);
        assert_eq!(matches(&t, &terms, "the profit warnings"), ["the", "profit warning*"]);
        assert_eq!(matches(&t, &terms, "profit rose"), ["profit"]);
    }

    #[test]
    fn an_exact_word_beats_a_pattern_of_the_same_length() {
        let terms = ["hype*", "hyperloop"];
        let t = table(&terms);
        assert_eq!(matches(&t, &terms, "hyperloop hyped"), ["hyperloop", "hype*"]);
    }

    #[test]
    fn phrases_do_not_cross_punctuation() {
        let terms = ["bold play"];
        let t = table(&terms);
        assert!(matches(&t, &terms, "bold, play").is_empty());
    }

    #[test]
    fn partial_phrase_falls_back_to_a_shorter_term() {
        let terms = ["turning", "turning point in history"];
        let t = table(&terms);
        assert_eq!(matches(&t, &terms, "a turning point in time"), ["turning"]);
    }

    #[test]
    fn cache_stays_bounded() {
        let t = table(&["good"]);
        let mut cache = ResolveCache::default();
        for i in 0..ResolveCache::CAPACITY + 10 {
            t.resolve(&format!("w{i}"), &mut cache);
            t.resolve(&format!("a-much-longer-word-{i}"), &mut cache);
        }
        assert!(cache.short.len() <= ResolveCache::CAPACITY);
        assert!(cache.long.len() <= ResolveCache::CAPACITY);
    }
}
