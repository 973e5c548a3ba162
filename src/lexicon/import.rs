//! Loaders for lexicon files people already have, converted into tenor's entries.
//!
//! tenor ships none of these lists; a user who is licensed to use one passes it with
//! `--lexicon`. Two layouts are understood:
//!
//! - **VADER-style** word lists: `term<TAB>mean[<TAB>anything…]`, the mean on the −4..+4
//!   sentiment scale. Terms tenor cannot match (emoticons such as `:-)`) are skipped.
//! - **LIWC-style** `.dic` files: a `%`-delimited block of `id<TAB>category` lines, then
//!   `term<TAB>id<TAB>id…` lines; terms may end in `*` and may contain spaces. Categories map
//!   by name ([`liwc_category`]): positive/negative emotion become sentiment ±[`LIWC_WEIGHT`],
//!   optimism/skepticism become stance ±[`LIWC_WEIGHT`], tentative becomes a hedge, negations
//!   become negators; other categories are ignored.

use super::format::{normalize_term, MAX_WEIGHT};
use super::{Kind, LexiconError, RawEntry};

/// The weight a LIWC category membership gets on tenor's −4..+4 scales: a clear cue.
pub const LIWC_WEIGHT: f32 = 2.0;

/// Guesses a file's layout: `liwc` when its first non-blank line is `%`, `tenor` when it has a
/// header naming `term`, otherwise `vader`.
pub fn sniff(text: &str) -> &'static str {
    let first = text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    if first == "%" {
        "liwc"
    } else if first.split('\t').any(|c| c.trim() == "term") {
        "tenor"
    } else {
        "vader"
    }
}

/// What a LIWC category means to tenor, by its name.
pub fn liwc_category(name: &str) -> Option<(Kind, Option<f32>, Option<f32>)> {
    let name = name.to_ascii_lowercase();
    Some(match name.as_str() {
        "posemo" | "positive" | "pos" | "positive_emotion" | "emo_pos" => {
            (Kind::Cue, Some(LIWC_WEIGHT), None)
        }
        "negemo" | "negative" | "neg" | "negative_emotion" | "emo_neg" | "anx" | "anger" | "sad" => {
            (Kind::Cue, Some(-LIWC_WEIGHT), None)
        }
        "optimism" | "optimistic" | "optim" => (Kind::Cue, None, Some(LIWC_WEIGHT)),
        "skepticism" | "skeptical" | "scepticism" | "sceptical" | "pessimism" | "doubt" => {
            (Kind::Cue, None, Some(-LIWC_WEIGHT))
        }
        "tentat" | "tentative" | "hedge" | "hedges" => (Kind::Hedge, None, None),
        "negate" | "negation" | "negations" => (Kind::Negator, None, None),
        _ => return None,
    })
}

/// Parses a VADER-style `term<TAB>mean…` list.
pub fn parse_vader(origin: &str, text: &str) -> Result<Vec<RawEntry>, LexiconError> {
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, line) in text.trim_start_matches('\u{FEFF}').lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| LexiconError::Line { file: origin.to_string(), line: line_no, message };
        let mut fields = line.split('\t');
        let (term, mean) = match (fields.next(), fields.next()) {
            (Some(t), Some(m)) => (t, m.trim()),
            _ => return Err(err("expected term<TAB>mean".to_string())),
        };
        let mean: f32 = mean.parse().map_err(|_| err(format!("mean {mean:?} is not a number")))?;
        if !mean.is_finite() || mean.abs() > MAX_WEIGHT {
            return Err(err(format!("mean {mean} is outside [-4, 4]")));
        }
        let Ok(term) = normalize_term(term) else { continue };
        if mean == 0.0 || !seen.insert(term.clone()) {
            continue;
        }
        entries.push(RawEntry {
            term,
            sentiment: Some(mean),
            stance: None,
            kind: Kind::Cue,
            weight: None,
            line: line_no,
        });
    }
    Ok(entries)
}

/// Parses a LIWC-style `.dic` file.
pub fn parse_liwc(origin: &str, text: &str) -> Result<Vec<RawEntry>, LexiconError> {
    let mut lines = text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    let err = |line: usize, message: String| LexiconError::Line { file: origin.to_string(), line, message };
    match lines.find(|(_, l)| !l.trim().is_empty()) {
        Some((_, l)) if l.trim() == "%" => {}
        Some((n, _)) => {
            return Err(err(n, "a LIWC dictionary starts with a line holding only %".to_string()))
        }
        None => return Ok(Vec::new()),
    }
    let mut categories = std::collections::HashMap::new();
    let mut closed = false;
    for (n, line) in lines.by_ref() {
        let line = line.trim();
        if line == "%" {
            closed = true;
            break;
        }
        if line.is_empty() {
            continue;
        }
        let (id, name) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| err(n, format!("expected <id><TAB><category>, found {line:?}")))?;
        categories.insert(id.trim().to_string(), name.trim().to_string());
    }
    if !closed {
        return Err(err(
            text.lines().count(),
            "the category block is not closed by a line holding only %".to_string(),
        ));
    }
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        // Terms may contain spaces; category ids are the trailing all-digit fields.
        let fields: Vec<&str> = line.split(['\t', ' ']).filter(|f| !f.is_empty()).collect();
        let ids_from =
            fields.iter().rposition(|f| !f.chars().all(|c| c.is_ascii_digit())).map_or(0, |p| p + 1);
        if ids_from == 0 || ids_from == fields.len() {
            return Err(err(n, format!("expected <term><TAB><category id>…, found {line:?}")));
        }
        let term = normalize_term(&fields[..ids_from].join(" ")).map_err(|m| err(n, m))?;
        let mut sentiment: Option<f32> = None;
        let mut stance: Option<f32> = None;
        let mut kind = Kind::Cue;
        for id in &fields[ids_from..] {
            let name =
                categories.get(*id).ok_or_else(|| err(n, format!("category id {id} is not declared")))?;
            if let Some((k, se, st)) = liwc_category(name) {
                if k != Kind::Cue {
                    kind = k;
                }
                sentiment = se.map(|w| sentiment.unwrap_or(0.0) + w).or(sentiment);
                stance = st.map(|w| stance.unwrap_or(0.0) + w).or(stance);
            }
        }
        // A word in several categories adds their weights, kept within the scale.
        let sentiment = sentiment.map(|w| w.clamp(-MAX_WEIGHT, MAX_WEIGHT)).filter(|w| *w != 0.0);
        let stance = stance.map(|w| w.clamp(-MAX_WEIGHT, MAX_WEIGHT)).filter(|w| *w != 0.0);
        let useful = kind != Kind::Cue || sentiment.is_some() || stance.is_some();
        if useful && seen.insert(term.clone()) {
            let (sentiment, stance) = if kind == Kind::Cue { (sentiment, stance) } else { (None, None) };
            entries.push(RawEntry { term, sentiment, stance, kind, weight: None, line: n });
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VADER_FIXTURE: &str =
        "splendid\t2.8\t0.4\t[3, 3, 2]\ngrim\t-2.1\t0.7\t[-2]\n:-)\t1.5\t0.5\t[1]\nneutralish\t0.0\t0\t[0]\n";

    const LIWC_FIXTURE: &str = "%\n1\tposemo\n2\tnegemo\n3\ttentat\n4\tfunct\n5\tnegate\n%\ncheer*\t1\ngloom\t2\nperhaps\t3\t4\nthe\t4\nnever\t5\nkind of\t3\n";

    #[test]
    fn sniffs_the_layout() {
        assert_eq!(sniff(LIWC_FIXTURE), "liwc");
        assert_eq!(sniff(VADER_FIXTURE), "vader");
        assert_eq!(sniff("# c\nterm\tstance\n"), "tenor");
    }

    #[test]
    fn vader_lists_become_sentiment_entries() {
        let entries = parse_vader("v.txt", VADER_FIXTURE).unwrap();
        let got: Vec<(&str, Option<f32>)> = entries.iter().map(|e| (e.term.as_str(), e.sentiment)).collect();
        assert_eq!(got, [("splendid", Some(2.8)), ("grim", Some(-2.1))]);
        assert_eq!(entries[1].line, 2);
    }

    #[test]
    fn vader_errors_name_the_line() {
        let err = parse_vader("v.txt", "good\t1\nbad\tworse\n").unwrap_err();
        assert_eq!(err.to_string(), "v.txt:2: mean \"worse\" is not a number");
    }

    #[test]
    fn liwc_dictionaries_map_categories_to_kinds_and_weights() {
        let entries = parse_liwc("d.dic", LIWC_FIXTURE).unwrap();
        let got: Vec<(&str, Kind, Option<f32>)> =
            entries.iter().map(|e| (e.term.as_str(), e.kind, e.sentiment)).collect();
        assert_eq!(
            got,
            [
                ("cheer*", Kind::Cue, Some(LIWC_WEIGHT)),
                ("gloom", Kind::Cue, Some(-LIWC_WEIGHT)),
                ("perhaps", Kind::Hedge, None),
                ("never", Kind::Negator, None),
                ("kind of", Kind::Hedge, None),
            ]
        );
    }

    #[test]
    fn liwc_weights_of_several_categories_stay_on_the_scale() {
        // Regression (found by fuzzing): three positive categories summed to +6.
        let entries = parse_liwc("d.dic", "%\n1\tposemo\n2\tpositive\n3\tpos\n%\njoy\t1\t2\t3\n").unwrap();
        assert_eq!(entries[0].sentiment, Some(MAX_WEIGHT));
    }

    #[test]
    fn liwc_errors_name_the_line() {
        let err = parse_liwc("d.dic", "%\n1\tposemo\n%\ngood\t9\n").unwrap_err();
        assert_eq!(err.to_string(), "d.dic:4: category id 9 is not declared");
        let err = parse_liwc("d.dic", "1\tposemo\n").unwrap_err();
        assert!(err.to_string().starts_with("d.dic:1: a LIWC dictionary starts with"));
    }
}
