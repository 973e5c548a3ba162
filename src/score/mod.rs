//! Scores: each sentence's sentiment and stance, and a document's summary.
//!
//! A [`Scorer`] is built once from a [`Lexicon`] and [`ScoreOptions`], is immutable and
//! `Send + Sync`, and is shared by reference across threads. Scoring a document runs
//! `segment` → `tokenize` → lexicon match → [`rules`] → normalise → label for each sentence.
//! All working memory lives in a [`Scratch`] that a thread reuses, and results go into a
//! reused [`DocumentScore`], so scoring allocates nothing per sentence once the buffers have
//! grown ([`Scorer::score_into`]); [`Scorer::score_text`] is the convenient allocating form.
//!
//! ## Ranges
//! Every score is rounded to [`DECIMALS`] places when computed. `sentiment` and `stance` are `x / sqrt(x² + alpha)` of the raw sums, in (−1, 1): one clear
//! cue (weight 2) gives about ±0.58 and more cues approach ±1 (reached only by rounding), so
//! long sentences do not saturate. `optimism` and `skepticism` are the raw cue mass (≥ 0) behind
//! the stance, for users who want to normalise differently.

pub mod explain;
mod markers;
pub mod rules;

use std::ops::Range;

use crate::lexicon::{Entry, Kind, Lexicon, ResolveCache, Resolved};
use crate::segment;
use crate::tokenize::{pack, tokenize_into, Token, TokenKind};

use markers::{Marker, MARKERS};
pub use rules::{Cue, Rule};
use rules::{Pending, Slot, SlotKind};

/// Decimal places every reported score is rounded to (see [`quantize`]).
pub const DECIMALS: usize = 4;

/// Rounds `x` to [`DECIMALS`] places. Every score tenor reports is rounded this way when it
/// is computed, so labels agree with the written numbers, a document's means equal the means
/// of its sentence rows as written, and a written value parses back to exactly this number
/// (`tenor trend --from-scores` equals `tenor trend` on the fly).
pub fn quantize(x: f64) -> f64 {
    round_half_away(x * 1e4) / 1e4
}

/// `x.round()` for the magnitudes scores have, without the libm call that `f64::round` is on
/// baseline x86-64 (rounding is on the hot path of every sentence).
pub fn round_half_away(x: f64) -> f64 {
    if x.abs() < 4.5e15 {
        (x + 0.5f64.copysign(x)) as i64 as f64
    } else {
        x.round()
    }
}

/// Default `alpha` of the normalisation of the sentiment sum.
pub const SENTIMENT_ALPHA: f64 = 15.0;
/// Default `alpha` of the normalisation of the stance sum.
pub const STANCE_ALPHA: f64 = 8.0;
/// Default stance at or above which a sentence is labelled optimistic.
pub const OPTIMISTIC_THRESHOLD: f64 = 0.08;
/// Default stance at or below which a sentence is labelled skeptical.
pub const SKEPTICAL_THRESHOLD: f64 = -0.10;

/// Tunable parts of scoring.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreOptions {
    pub sentiment_alpha: f64,
    pub stance_alpha: f64,
    /// Stance at or above which the label is optimistic.
    pub optimistic_threshold: f64,
    /// Stance at or below which the label is skeptical.
    pub skeptical_threshold: f64,
    /// Keep every sentence's cues in [`DocumentScore::cues`], for explanations. Without them a
    /// document's memory does not grow with its number of cues (a 100 MB document of cue words
    /// would otherwise hold millions), and nothing is kept that no one reads.
    pub record_cues: bool,
}

impl Default for ScoreOptions {
    fn default() -> ScoreOptions {
        ScoreOptions {
            sentiment_alpha: SENTIMENT_ALPHA,
            stance_alpha: STANCE_ALPHA,
            optimistic_threshold: OPTIMISTIC_THRESHOLD,
            skeptical_threshold: SKEPTICAL_THRESHOLD,
            record_cues: true,
        }
    }
}

/// A sentence's stance label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    Optimistic,
    Skeptical,
    Neutral,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Optimistic => "optimistic",
            Label::Skeptical => "skeptical",
            Label::Neutral => "neutral",
        }
    }
}

/// The scores of one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceScore {
    /// Byte range of the sentence in the document.
    pub range: Range<usize>,
    /// Positive vs negative, in [−1, 1].
    pub sentiment: f64,
    /// Optimism (+) vs skepticism (−), in [−1, 1].
    pub stance: f64,
    pub label: Label,
    /// Optimistic cue mass behind the stance (≥ 0).
    pub optimism: f64,
    /// Skeptical cue mass behind the stance, hedges included (≥ 0).
    pub skepticism: f64,
    /// Hedges counted in the sentence.
    pub hedges: u32,
    /// Words and numbers in the sentence.
    pub words: u32,
    /// This sentence's cues in [`DocumentScore::cues`].
    pub cues: Range<usize>,
}

/// A document's summary over its sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentSummary {
    pub sentences: usize,
    /// Mean sentence sentiment (0 for a document with no sentences).
    pub sentiment: f64,
    /// Mean sentence stance (0 for a document with no sentences).
    pub stance: f64,
    pub optimistic_share: f64,
    pub skeptical_share: f64,
    pub neutral_share: f64,
    pub hedges: u64,
    pub words: u64,
}

/// Everything scored about one document. Reuse one across documents with
/// [`Scorer::score_into`] to keep its buffers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentScore {
    pub sentences: Vec<SentenceScore>,
    /// All cues of all sentences, in order; each sentence names its range.
    pub cues: Vec<Cue>,
    pub summary: DocumentSummary,
}

impl DocumentScore {
    /// The cues of one sentence.
    pub fn cues_of(&self, sentence: &SentenceScore) -> &[Cue] {
        &self.cues[sentence.cues.clone()]
    }
}

/// Per-thread working memory for scoring; create one per thread and reuse it.
#[derive(Debug, Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    lower: String,
    resolved: Vec<Resolved>,
    slots: Vec<Slot>,
    pending: Vec<Pending>,
    cache: ResolveCache,
}

/// Scores text with a lexicon and rules. Build once, share everywhere.
#[derive(Debug)]
pub struct Scorer {
    lexicon: Lexicon,
    options: ScoreOptions,
    /// What each entry can be in context, by entry id.
    traits: Vec<EntryTraits>,
}

/// What an entry can be in context, as far as the entry alone says: worked out once per
/// lexicon, so that a match that can be neither (most) costs no look at its entry.
#[derive(Clone, Copy, Debug, Default)]
struct EntryTraits {
    /// A topic quantity that may modify the noun after it ([`Scorer::modifies_a_noun`]).
    may_modify_a_noun: bool,
    /// A skeptical noun that may name the topic of what is around it
    /// ([`Scorer::names_a_topic`]).
    may_name_a_topic: bool,
}

impl EntryTraits {
    fn of(entry: &Entry) -> EntryTraits {
        let last_word = entry.term.rsplit(' ').next().unwrap_or(&entry.term);
        // "cases of whooping cough" names its object by design.
        let may_modify_a_noun = matches!(entry.kind, Kind::Good | Kind::Bad)
            && entry.stance == Some(0.0)
            && !FUNCTION_WORDS.contains(&last_word);
        let skeptical = entry.stance.or(entry.sentiment.map(|s| s * rules::SENTIMENT_TO_STANCE as f32));
        // Adjectives ("a damning report", "grim statistics") judge what they describe.
        let may_name_a_topic = matches!(entry.kind, Kind::Cue | Kind::Bad)
            && !skeptical.is_none_or(|s| s >= 0.0)
            && (!ADJECTIVE_ENDINGS.iter().any(|ending| last_word.ends_with(ending))
                || NOUNS_WITH_ADJECTIVE_ENDINGS.contains(&last_word))
            && !PLAIN_ADJECTIVES.contains(&last_word);
        EntryTraits { may_modify_a_noun, may_name_a_topic }
    }
}

impl Scorer {
    pub fn new(lexicon: Lexicon, options: ScoreOptions) -> Scorer {
        let traits = lexicon.entries().iter().map(EntryTraits::of).collect();
        Scorer { lexicon, options, traits }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn options(&self) -> &ScoreOptions {
        &self.options
    }

    /// Scores a whole document, allocating fresh buffers.
    pub fn score_text(&self, text: &str) -> DocumentScore {
        let mut out = DocumentScore::default();
        self.score_into(text, &mut Scratch::default(), &mut out);
        out
    }

    /// Scores a whole document into `out`, reusing `scratch` and `out`'s buffers.
    pub fn score_into(&self, text: &str, scratch: &mut Scratch, out: &mut DocumentScore) {
        out.sentences.clear();
        out.cues.clear();
        for range in segment::sentences(text) {
            let sentence = self.score_sentence_at(text, range, scratch, &mut out.cues);
            out.sentences.push(sentence);
        }
        out.summary = self.summarize(&out.sentences);
    }

    /// Labels a stance by the thresholds in the options.
    pub fn label(&self, stance: f64) -> Label {
        if stance >= self.options.optimistic_threshold {
            Label::Optimistic
        } else if stance <= self.options.skeptical_threshold {
            Label::Skeptical
        } else {
            Label::Neutral
        }
    }

    fn score_sentence_at(
        &self,
        text: &str,
        range: Range<usize>,
        scratch: &mut Scratch,
        cues: &mut Vec<Cue>,
    ) -> SentenceScore {
        let sentence = &text[range.clone()];
        let Scratch { tokens, lower, resolved, slots, pending, cache } = scratch;
        tokenize_into(sentence, tokens, lower);
        let table = self.lexicon.table();
        resolved.clear();
        let mut words = 0u32;
        let mut caps_words = 0u32;
        let mut long_words = 0u32;
        let mut long_lower_words = 0u32;
        let mut cased_words = 0u32;
        for token in tokens.iter() {
            if token.kind != TokenKind::Punct {
                words += 1;
            }
            if token.kind == TokenKind::Word {
                if token.span.len() >= 2 {
                    cased_words += 1;
                    caps_words += u32::from(token.all_caps);
                }
                if token.span.len() >= 4 {
                    long_words += 1;
                    long_lower_words += u32::from(!token.title_case && !token.all_caps);
                }
            }
            // A number can be part of a term ("chapter 11", "type 2 diabetes"); punctuation never is.
            resolved.push(match token.kind {
                TokenKind::Punct => Resolved::NOTHING,
                _ => table.resolve_token(token, lower, cache),
            });
        }
        // In running text (not a headline in Title Case, where under a fifth of the words of
        // four letters or more are in lower case), a capitalised word inside a sentence is a
        // name: "May" the month, "the Failure Analysis Unit". So is a capitalised first word
        // that two more follow: "Crisis Management Committee members met". A name opens no
        // term but an idiom of lower-case words after it ("a Pyrrhic victory").
        let headline_case = long_lower_words * 5 < long_words;
        slots.clear();
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if token.kind == TokenKind::Punct {
                if let Some(kind) = rules::punct_slot(sentence, token) {
                    slots.push(Slot { kind, start: token.span.start, end: token.span.end, all_caps: false });
                }
                i += 1;
                continue;
            }
            let is_name = !headline_case
                && token.title_case
                && (follows_a_word(tokens, i) || starts_a_name(tokens, i, 2));
            let matched = if resolved[i].starts_term() && !is_name {
                table.longest_match(lower, tokens, resolved, i).filter(|m| {
                    // "Halcyon Labs said ...": a capitalised first word of a cue that another
                    // capitalised word follows is a name too; a modifier ("Whether Pakistan's
                    // budget", "Although Nexa") is not.
                    !(!headline_case
                        && token.title_case
                        && m.len == 1
                        && starts_a_name(tokens, i, 1)
                        && self.lexicon.entry(m.entry).kind == Kind::Cue)
                })
            } else if resolved[i].starts_term() {
                // "a Pyrrhic victory", "the Achilles heel": a capitalised word that opens a phrase
                // of lower-case words, and follows no other capitalised word, is part of an idiom.
                table.longest_match(lower, tokens, resolved, i).filter(|m| {
                    m.len > 1
                        && !(i > 0 && (tokens[i - 1].title_case || tokens[i - 1].all_caps))
                        && tokens[i + 1..i + m.len].iter().all(|t| !t.title_case && !t.all_caps)
                })
            } else {
                None
            };
            let (kind, len) = match matched {
                Some(m)
                    if self.modifies_a_noun(m.entry, lower, tokens, resolved, i + m.len)
                        || self.names_a_topic(m.entry, sentence, lower, tokens, resolved, i, i + m.len) =>
                {
                    (SlotKind::Plain, m.len)
                }
                Some(m) => (SlotKind::Entry(m.entry), m.len),
                None if token.kind == TokenKind::Number => {
                    let digits = &sentence[token.span.start as usize..token.span.end as usize];
                    if is_year(digits) {
                        (SlotKind::Year, 1)
                    } else {
                        (SlotKind::Number(number_value(sentence, lower, tokens, i)), 1)
                    }
                }
                None => match token.packed(lower).map_or(Marker::Plain, |word| MARKERS.get(word)) {
                    Marker::Of if follows_a_figure(sentence, lower, tokens, i) => (SlotKind::ShareOf, 1),
                    Marker::Of => {
                        let counted = i > 0 && MEASURES.contains(&tokens[i - 1].lower(lower));
                        (SlotKind::Of(counted), 1)
                    }
                    Marker::Compared
                        if tokens.get(i + 1).is_some_and(|t| matches!(t.packed(lower), Some(WITH | TO))) =>
                    {
                        (SlotKind::Versus, 2)
                    }
                    marker => (marker.slot_kind(), 1),
                },
            };
            let last = &tokens[i + len - 1];
            let all_caps = tokens[i..i + len].iter().all(|t| t.all_caps);
            slots.push(Slot { kind, start: token.span.start, end: last.span.end, all_caps });
            i += len;
        }
        let mostly_caps = cased_words > 0 && caps_words * 2 > cased_words;
        let first_cue = cues.len();
        let record = self.options.record_cues.then_some(&mut *cues);
        let sums =
            rules::apply(&self.lexicon, slots, lower, mostly_caps, range.start as u32, record, pending);
        let stance = quantize(normalize(sums.stance, self.options.stance_alpha));
        SentenceScore {
            range,
            sentiment: quantize(normalize(sums.sentiment, self.options.sentiment_alpha)),
            stance,
            label: self.label(stance),
            optimism: quantize(sums.optimism),
            skepticism: quantize(sums.skepticism),
            hedges: sums.hedges,
            words,
            cues: first_cue..cues.len(),
        }
    }

    /// Whether entry `entry`, ending before token `next`, is a topic quantity (one with stance 0:
    /// an illness, a kind of case) that modifies the plain noun after it: "a malaria vaccine", "its
    /// dementia drug", "cancer screening". The phrase is about the vaccine or the drug, so the
    /// illness is neither a cue nor a quantity that moves; a measure of it ("cancer rates") is.
    fn modifies_a_noun(
        &self,
        entry: u32,
        lower: &str,
        tokens: &[Token],
        resolved: &[Resolved],
        next: usize,
    ) -> bool {
        self.traits[entry as usize].may_modify_a_noun
            && tokens.get(next).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && (!resolved[next].starts_term()
                        || self.lexicon.table().longest_match(lower, tokens, resolved, next).is_none())
                    && !TOPIC_MEASURES.contains(&t.lower(lower))
                    && !FUNCTION_WORDS.contains(&t.lower(lower))
            })
    }

    /// Whether entry `entry`, at tokens `start..next`, is a skeptical noun that only names the
    /// topic of a neutral institution, record or event: right before one ("the fraud trial", "poverty
    /// statistics", "the war museum", "the emergency planning committee", "the outage response
    /// team": [`names_a_unit`]) or after one and "on",
    /// "about" or "into" ("a conference on extinction risk", "a gallery on mass extinctions").
    /// So is one dated by a year, which names a past event as background: "the recession of
    /// 2009", "the 2014 outbreak", "the oil spill off Norvik in 2010". Adjectives ("a damning
    /// report", "grim statistics") still judge what they describe.
    #[allow(clippy::too_many_arguments)]
    fn names_a_topic(
        &self,
        entry: u32,
        sentence: &str,
        lower: &str,
        tokens: &[Token],
        resolved: &[Resolved],
        start: usize,
        next: usize,
    ) -> bool {
        if !self.traits[entry as usize].may_name_a_topic {
            return false;
        }
        let kind = self.lexicon.entry(entry).kind;
        let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.lower(lower));
        // A bad quantity before "statistics" or "data" is what they measure ("crime data show
        // crime fell"), so it stays a quantity.
        let before_head = word(next)
            .is_some_and(|w| is_topic_head(w) && !(kind == Kind::Bad && TOPIC_MEASURES.contains(&w)))
            || names_a_unit(&word, next);
        // The word before the entry, past an article ("a conference on the crisis").
        let before = {
            let mut before = start.checked_sub(1);
            if before.and_then(word).is_some_and(|w| matches!(w, "the" | "a" | "an")) {
                before = before.and_then(|b| b.checked_sub(1));
            }
            before
        };
        let after_head = || {
            before.and_then(word).is_some_and(|w| matches!(w, "on" | "about" | "into"))
                && before.and_then(|b| b.checked_sub(1)).and_then(word).is_some_and(is_topic_head)
        };
        // A dated event is history named as background: "the recession of 2009", "the 2014
        // outbreak".
        let year = |i: usize| {
            tokens.get(i).is_some_and(|t| {
                t.kind == TokenKind::Number && is_year(&sentence[t.span.start as usize..t.span.end as usize])
            })
        };
        // "the oil spill off Norvik in 2010": "in" and a year a few plain words after it.
        let dated_in = || {
            (next..next + DATED_REACH)
                .take_while(|&i| {
                    word(i).is_some_and(|w| {
                        let capitalized =
                            sentence[tokens[i].span.start as usize..].starts_with(|c: char| c.is_uppercase());
                        w == "in" || DATED_LINKS.contains(&w) || capitalized && !resolved[i].starts_term()
                    })
                })
                .any(|i| word(i) == Some("in") && year(i + 1))
        };
        // "the 2014 outbreak", "Kenya's 2017 drought": a year between a determiner or possessive and
        // the noun dates it; "until 2040 raised questions" is a year that ends a phrase.
        let year_before = || {
            start.checked_sub(1).is_some_and(year)
                && start.checked_sub(2).and_then(word).is_some_and(|w| {
                    matches!(
                        w,
                        "the" | "a" | "an" | "its" | "their" | "this" | "that" | "his" | "her" | "our"
                    ) || w.ends_with("'s")
                        || w.ends_with("\u{2019}s")
                })
        };
        let dated = || word(next) == Some("of") && year(next + 1) || year_before() || dated_in();
        // So is one that names a time: "closed during the pandemic", "the first fall since the
        // crisis", "as it was before the recession".
        let timed = || {
            before.and_then(word).is_some_and(|w| matches!(w, "during" | "since" | "before" | "throughout"))
        };
        before_head || after_head() || dated() || timed()
    }

    fn summarize(&self, sentences: &[SentenceScore]) -> DocumentSummary {
        let n = sentences.len();
        if n == 0 {
            return DocumentSummary::default();
        }
        let count =
            |label: Label| quantize(sentences.iter().filter(|s| s.label == label).count() as f64 / n as f64);
        DocumentSummary {
            sentences: n,
            sentiment: quantize(sentences.iter().map(|s| s.sentiment).sum::<f64>() / n as f64),
            stance: quantize(sentences.iter().map(|s| s.stance).sum::<f64>() / n as f64),
            optimistic_share: count(Label::Optimistic),
            skeptical_share: count(Label::Skeptical),
            neutral_share: count(Label::Neutral),
            hedges: sentences.iter().map(|s| u64::from(s.hedges)).sum(),
            words: sentences.iter().map(|s| u64::from(s.words)).sum(),
        }
    }

    /// The kind of the entry behind a cue (`None` for a question's pull).
    pub fn cue_kind(&self, cue: &Cue) -> Option<Kind> {
        (cue.entry != u32::MAX).then(|| self.lexicon.entry(cue.entry).kind)
    }
}

/// The words that complete "compared with" and "compared to", as packed lookup forms.
const WITH: u64 = packed("with");
const TO: u64 = packed("to");

const fn packed(word: &str) -> u64 {
    match pack(word) {
        Some(key) => key,
        None => panic!("marker words are at most 8 bytes"),
    }
}

/// Nouns of counting or measuring: the evaluative thing after them and "of" is what they count,
/// and a movement of theirs moves it ("the number of firms filing for insolvency fell").
pub(super) const MEASURES: [&str; 12] = [
    "number",
    "numbers",
    "share",
    "proportion",
    "value",
    "amount",
    "volume",
    "count",
    "tally",
    "incidence",
    "frequency",
    "percentage",
];

/// Plain nouns that measure a topic quantity rather than being modified by it: "cancer rates
/// fell" moves the cancer, "a cancer drug" does not.
const TOPIC_MEASURES: [&str; 18] = [
    "statistics",
    "data",
    "rate",
    "rates",
    "level",
    "levels",
    "numbers",
    "cases",
    "incidence",
    "prevalence",
    "admissions",
    "figures",
    "count",
    "counts",
    "diagnoses",
    "burden",
    "spread",
    "use",
];

/// Whether a word is a noun of a neutral institution, record or event that a skeptical noun
/// before it (or after it and "on", "about", "into") only names the topic of: "the fraud trial",
/// "poverty statistics", "a conference on extinction risk". Not "report", "inquiry" or
/// "investigation", whose opening is itself news, nor "cases" or "rates", which measure their
/// topic.
fn is_topic_head(word: &str) -> bool {
    matches!(
        word,
        "statistics"
            | "data"
            | "unit"
            | "units"
            | "ward"
            | "wards"
            | "department"
            | "museum"
            | "exhibit"
            | "exhibition"
            | "gallery"
            | "documentary"
            | "film"
            | "book"
            | "podcast"
            | "conference"
            | "summit"
            | "course"
            | "lecture"
            | "seminar"
            | "workshop"
            | "researcher"
            | "researchers"
            | "expert"
            | "experts"
            | "specialist"
            | "specialists"
            | "charity"
            | "charities"
            | "hotline"
            | "helpline"
            | "squad"
            | "committee"
            | "panel"
            | "taskforce"
            | "agency"
            | "office"
            | "law"
            | "laws"
            | "legislation"
            | "trial"
            | "hearing"
            | "hearings"
            | "court"
            | "courts"
            | "case"
            | "inquest"
            | "inquests"
            | "line"
            | "drill"
            | "drills"
            | "exercise"
            | "insurance"
            | "research"
            | "clinic"
            | "clinics"
            | "survivors"
            | "victims"
            | "reporter"
            | "correspondent"
            | "memorial"
            | "veterans"
            | "planning"
            | "fund"
            | "funds"
            | "centre"
            | "centres"
            | "center"
            | "centers"
            | "programme"
            | "programmes"
            | "program"
            | "programs"
            | "notices"
            | "prevention"
            | "preparedness"
            | "awareness"
            | "reserve"
            | "simulation"
            | "protocols"
            | "guidelines"
    )
}

/// Whether the words from `next` name a unit of an organisation by what it does: one or two
/// nouns of activity ([`UNIT_ACTIVITIES`]) and then a unit ([`UNITS`] or a topic head): "the
/// outage response team", "its failure analysis group", "the energy crisis working group".
fn names_a_unit<'a>(word: &impl Fn(usize) -> Option<&'a str>, next: usize) -> bool {
    let is_unit = |i: usize| word(i).is_some_and(|w| UNITS.contains(&w) || is_topic_head(w));
    word(next).is_some_and(|w| UNITS.contains(&w))
        || word(next).is_some_and(|w| UNIT_ACTIVITIES.contains(&w))
            && (is_unit(next + 1)
                || word(next + 1).is_some_and(|w| UNIT_ACTIVITIES.contains(&w)) && is_unit(next + 2))
}

/// Units of an organisation, named by what they do ("the outage response team").
const UNITS: [&str; 12] = [
    "team",
    "teams",
    "group",
    "groups",
    "desk",
    "desks",
    "cell",
    "cells",
    "division",
    "board",
    "taskforce",
    "force",
];

/// Nouns of an activity that a unit is named by ("response", "investigation", "working").
const UNIT_ACTIVITIES: [&str; 16] = [
    "response",
    "review",
    "investigation",
    "investigations",
    "working",
    "modelling",
    "modeling",
    "analysis",
    "management",
    "monitoring",
    "mitigation",
    "reduction",
    "assessment",
    "intelligence",
    "task",
    "preparedness",
];

/// Endings of adjectives, which judge the noun after them rather than name its topic.
const ADJECTIVE_ENDINGS: [&str; 13] =
    ["ful", "ous", "ive", "able", "ible", "less", "ed", "ing", "ic", "ent", "ant", "ly", "est"];

/// Nouns with one of those endings.
const NOUNS_WITH_ADJECTIVE_ENDINGS: [&str; 5] = ["pandemic", "epidemic", "panic", "incident", "accident"];

/// Adjectives with none of those endings.
const PLAIN_ADJECTIVES: [&str; 30] = [
    "bad",
    "poor",
    "grim",
    "dire",
    "bleak",
    "harsh",
    "tough",
    "dark",
    "worse",
    "grave",
    "sad",
    "ugly",
    "awful",
    "sick",
    "wrong",
    "false",
    "fake",
    "risky",
    "shaky",
    "messy",
    "gloomy",
    "nasty",
    "angry",
    "guilty",
    "unhealthy",
    "shoddy",
    "dodgy",
    "flimsy",
    "sorry",
    "hefty",
];

/// Words from a skeptical noun to the "in" and year that date it ("the oil spill off Norvik in
/// 2010"): names and [`DATED_LINKS`] only, so that no verb stands between them.
const DATED_REACH: usize = 5;
/// Words of place that may stand between a skeptical noun and the "in" that dates it.
const DATED_LINKS: [&str; 8] = ["of", "the", "a", "an", "at", "off", "on", "near"];

/// Words after a topic quantity that start the rest of the sentence rather than name what the
/// quantity modifies: "smoking among teenagers", "cases of whooping cough", "malaria is".
const FUNCTION_WORDS: [&str; 40] = [
    "of", "among", "in", "at", "on", "by", "for", "to", "from", "with", "without", "across", "after",
    "before", "since", "during", "over", "under", "and", "or", "but", "as", "than", "that", "which", "who",
    "whose", "where", "when", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
    "could",
];

/// The value of the number token `i` ("1,234.5" is 1234.5), scaled by a unit word after it
/// ("4.2 bn") and signed by a minus before it ("-15.5", "minus 3", "a negative EUR 15.5 mn"),
/// for comparing two figures.
fn number_value(sentence: &str, lower: &str, tokens: &[Token], i: usize) -> f64 {
    let digits = &sentence[tokens[i].span.start as usize..tokens[i].span.end as usize];
    // Digits with "," between thousands and "." before decimals; read without allocating.
    let (mut value, mut fraction) = (0.0f64, None::<f64>);
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                let d = f64::from(b - b'0');
                match fraction.as_mut() {
                    Some(unit) => {
                        *unit /= 10.0;
                        value += d * *unit;
                    }
                    None => value = value * 10.0 + d,
                }
            }
            b'.' if fraction.is_none() => fraction = Some(1.0),
            _ => {}
        }
    }
    let scale = match tokens.get(i + 1).map(|t| t.lower(lower)) {
        Some("k" | "thousand") => 1e3,
        Some("m" | "mn" | "mln" | "million" | "millions") => 1e6,
        Some("b" | "bn" | "bln" | "billion" | "billions") => 1e9,
        _ => 1.0,
    };
    let sign = if is_negative(sentence, lower, tokens, i) { -1.0 } else { 1.0 };
    sign * value * scale
}

/// Whether the number token `i` is negative: a minus sign right before its digits ("-15.5",
/// "−3%", but not the dash of "2009-10"), or "minus"/"negative" before it with at most a
/// currency between ("minus 3", "a negative EUR 15.5 mn").
fn is_negative(sentence: &str, lower: &str, tokens: &[Token], i: usize) -> bool {
    let before = &sentence[..tokens[i].span.start as usize];
    if let Some(rest) = before.strip_suffix('-').or_else(|| before.strip_suffix('\u{2212}')) {
        return rest.chars().next_back().is_none_or(|c| c.is_whitespace() || c == '(');
    }
    let mut words = tokens[..i].iter().rev().map(|t| t.lower(lower));
    match words.next() {
        Some("minus" | "negative") => true,
        Some("eur" | "usd" | "gbp" | "$" | "€" | "£") => {
            matches!(words.next(), Some("minus" | "negative"))
        }
        _ => false,
    }
}

/// Whether token `i` comes right after a word or number: inside a clause, not at the start of
/// the sentence or after a quote, bracket, colon or dash, where any word may be capitalised.
fn follows_a_word(tokens: &[Token], i: usize) -> bool {
    i > 0 && tokens[i - 1].kind != TokenKind::Punct
}

/// Whether token `i` ("of") comes right after a figure or a percentage: "104% of", "3.1 per cent
/// of", "12 percent of".
fn follows_a_figure(sentence: &str, lower: &str, tokens: &[Token], i: usize) -> bool {
    let before = |back: usize| i.checked_sub(back).map(|at| &tokens[at]);
    match before(1) {
        Some(t) if t.kind == TokenKind::Number => true,
        Some(t) if t.kind == TokenKind::Punct => {
            sentence[t.span.start as usize..].starts_with('%')
                && before(2).is_some_and(|t| t.kind == TokenKind::Number)
        }
        Some(t) => match t.lower(lower) {
            "percent" | "pct" => before(2).is_some_and(|t| t.kind == TokenKind::Number),
            "cent" => before(2).is_some_and(|t| t.lower(lower) == "per"),
            _ => false,
        },
        None => false,
    }
}

/// Whether a number token reads as a year (four digits from 1900 to 2099, or a fiscal year
/// such as "2009-10"): "in 2008" dates a figure, it is not one.
fn is_year(digits: &str) -> bool {
    let is_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let one_year =
        |year: &str| year.len() == 4 && (year.starts_with("19") || year.starts_with("20")) && is_digits(year);
    // A fiscal or season year: "2009-10", "2009/2010".
    match digits.split_once(['-', '/']) {
        Some((first, second)) => one_year(first) && matches!(second.len(), 2 | 4) && is_digits(second),
        None => one_year(digits),
    }
}

/// Whether the capitalised word at `i` opens the sentence (only punctuation, such as a quote
/// mark, before it) and `capitals` more capitalised words follow it. Two make a name of any
/// first word ("Crisis Management Committee"); one only of a single-word cue ("Halcyon Labs
/// said"), since a modifier that opens a sentence ("Whether Pakistan's budget") is still one.
fn starts_a_name(tokens: &[Token], i: usize, capitals: usize) -> bool {
    tokens[..i].iter().all(|t| t.kind == TokenKind::Punct)
        && tokens
            .get(i + 1..i + 1 + capitals)
            .is_some_and(|next| next.iter().all(|t| t.kind == TokenKind::Word && t.title_case))
}

/// Maps a raw sum into (−1, 1): `x / sqrt(x² + alpha)`.
pub fn normalize(x: f64, alpha: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        x / (x * x + alpha).sqrt()
    }
}

#[cfg(test)]
mod tests;
