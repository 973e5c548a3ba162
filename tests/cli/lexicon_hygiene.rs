//! Lexicon hygiene: the shipped lexicons parse, are big enough, and never contradict
//! themselves.

use std::collections::HashMap;

use tenor::lexicon::format::parse_tsv;
use tenor::lexicon::{Kind, LexiconBuilder, DEFAULT_FILES};

fn parsed() -> Vec<(&'static str, Vec<tenor::lexicon::RawEntry>)> {
    DEFAULT_FILES
        .iter()
        .map(|(name, text)| (*name, parse_tsv(name, text).expect("every line parses")))
        .collect()
}

#[test]
fn every_default_line_parses_and_weights_are_in_range() {
    for (name, entries) in parsed() {
        assert!(!entries.is_empty(), "{name} is empty");
        for e in &entries {
            // A stance of 0 is meaningful: no stance of its own, and no spillover from sentiment.
            if let Some(w) = e.sentiment {
                assert!(w != 0.0 && (-4.0..=4.0).contains(&w), "{name}:{}: weight {w}", e.line);
            }
            if let Some(w) = e.stance {
                assert!((-4.0..=4.0).contains(&w), "{name}:{}: weight {w}", e.line);
            }
            if let Some(w) = e.weight {
                assert!((0.0..=4.0).contains(&w), "{name}:{}: weight {w}", e.line);
            }
        }
    }
}

#[test]
fn no_default_file_redefines_what_another_set() {
    let lexicon = LexiconBuilder::new().defaults().unwrap().build().unwrap();
    let overrides: Vec<String> = lexicon
        .overrides()
        .iter()
        .map(|o| format!("{} {} ({} vs {})", o.term, o.field, o.was_at, o.now_at))
        .collect();
    assert!(overrides.is_empty(), "default files contradict each other:\n{}", overrides.join("\n"));
}

#[test]
fn polarity_files_hold_one_polarity() {
    for (name, entries) in parsed() {
        let want = if name.ends_with("positive.tsv") {
            1.0
        } else if name.ends_with("negative.tsv") {
            -1.0
        } else {
            continue;
        };
        for e in &entries {
            let w = e.sentiment.expect("a sentiment file sets sentiment");
            assert_eq!(w.signum(), want, "{name}:{}: {} has weight {w}", e.line, e.term);
        }
    }
}

#[test]
fn no_term_has_both_polarities_of_one_dimension() {
    let mut seen: HashMap<(String, &str), (f32, String)> = HashMap::new();
    for (name, entries) in parsed() {
        for e in &entries {
            for (dim, w) in [("sentiment", e.sentiment), ("stance", e.stance)] {
                let Some(w) = w else { continue };
                let at = format!("{name}:{}", e.line);
                if let Some((old, old_at)) = seen.insert((e.term.clone(), dim), (w, at.clone())) {
                    assert_eq!(old.signum(), w.signum(), "{} {dim}: {old_at} vs {at}", e.term);
                }
            }
        }
    }
}

#[test]
fn the_lexicons_meet_their_documented_sizes() {
    let lexicon = LexiconBuilder::new().defaults().unwrap().build().unwrap();
    let entries = lexicon.entries();
    let stance: Vec<_> = entries.iter().filter(|e| e.stance.is_some()).collect();
    let stance_phrases = stance.iter().filter(|e| e.term.contains(' ')).count();
    let sentiment = entries.iter().filter(|e| e.sentiment.is_some()).count();
    assert!(stance.len() >= 2_500, "stance entries: {}", stance.len());
    assert!(stance_phrases >= 600, "stance multi-word entries: {stance_phrases}");
    assert!(sentiment >= 6_000, "sentiment entries: {sentiment}");
    for kind in Kind::ALL {
        assert!(entries.iter().any(|e| e.kind == kind), "no {} entries", kind.name());
    }
}

#[test]
fn the_files_say_who_wrote_them_and_under_which_licence() {
    for (name, text) in DEFAULT_FILES {
        assert!(text.contains("Written by the tenor team"), "{name} lacks its provenance line");
        assert!(text.contains("MIT OR Apache-2.0"), "{name} lacks its licence line");
    }
}

/// An exact term beats a pattern of the same length, so an exact entry that sets only sentiment
/// would hide the stance a pattern gives the same words ("game changer" vs "game chang*").
#[test]
fn no_exact_entry_hides_the_stance_of_a_pattern() {
    let lexicon = LexiconBuilder::new().defaults().unwrap().build().unwrap();
    let entries = lexicon.entries();
    let patterns: Vec<Vec<&str>> = entries
        .iter()
        .filter(|e| e.term.contains('*') && e.stance.is_some())
        .map(|e| e.term.split(' ').collect())
        .collect();
    assert!(patterns.len() > 500, "stance patterns: {}", patterns.len());
    let matches = |pattern: &[&str], words: &[&str]| {
        pattern.len() == words.len()
            && pattern.iter().zip(words).all(|(p, w)| match p.strip_suffix('*') {
                Some(prefix) => w.starts_with(prefix),
                None => p == w,
            })
    };
    let hidden: Vec<&str> = entries
        .iter()
        .filter(|e| e.kind == Kind::Cue && e.stance.is_none() && !e.term.contains('*'))
        .filter(|e| {
            let words: Vec<&str> = e.term.split(' ').collect();
            patterns.iter().any(|p| matches(p, &words))
        })
        .map(|e| &*e.term)
        .collect();
    assert!(hidden.is_empty(), "exact entries without the stance of their pattern: {hidden:?}");
}
