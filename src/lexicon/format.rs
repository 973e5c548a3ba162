//! The tenor lexicon file format: TSV with a header and `#` comments.
//!
//! [`parse_tsv`] turns the text of one lexicon file into [`RawEntry`] values and reports the
//! first malformed line as a [`LexiconError`] naming `file:line` and what is wrong. The format
//! is documented for people in `lexicons/README.md`; this module is its only parser.

use super::{Kind, LexiconError, RawEntry};

/// The most a `sentiment` or `stance` weight may be, in either direction.
pub const MAX_WEIGHT: f32 = 4.0;

/// Columns a header may name.
const COLUMNS: &[&str] = &["term", "sentiment", "stance", "kind", "weight", "note"];

/// Where each known column sits in a file's header.
#[derive(Default)]
struct Layout {
    width: usize,
    term: usize,
    sentiment: Option<usize>,
    stance: Option<usize>,
    kind: Option<usize>,
    weight: Option<usize>,
}

/// Parses one lexicon file. `origin` names it in errors.
pub fn parse_tsv(origin: &str, text: &str) -> Result<Vec<RawEntry>, LexiconError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut layout: Option<Layout> = None;
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let err = |message: String| LexiconError::Line { file: origin.to_string(), line: line_no, message };
        match &layout {
            None => layout = Some(parse_header(line).map_err(err)?),
            Some(layout) => entries.push(parse_entry(layout, line, line_no).map_err(err)?),
        }
    }
    Ok(entries)
}

fn parse_header(line: &str) -> Result<Layout, String> {
    let mut layout = Layout { width: 0, term: usize::MAX, ..Layout::default() };
    for (i, name) in line.split('\t').enumerate() {
        let name = name.trim();
        let slot = match name {
            "term" => {
                layout.term = i;
                continue;
            }
            "sentiment" => &mut layout.sentiment,
            "stance" => &mut layout.stance,
            "kind" => &mut layout.kind,
            "weight" => &mut layout.weight,
            "note" => {
                layout.width = i + 1;
                continue;
            }
            other => {
                return Err(format!(
                    "unknown column {other:?} in the header (known columns: {})",
                    COLUMNS.join(", ")
                ))
            }
        };
        if slot.replace(i).is_some() {
            return Err(format!("column {name:?} appears twice in the header"));
        }
        layout.width = i + 1;
    }
    layout.width = line.split('\t').count();
    if layout.term == usize::MAX {
        return Err(format!("the header has no \"term\" column (found: {})", line.replace('\t', ", ")));
    }
    Ok(layout)
}

fn parse_entry(layout: &Layout, line: &str, line_no: usize) -> Result<RawEntry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != layout.width {
        return Err(format!(
            "expected {} tab-separated fields as in the header, found {}",
            layout.width,
            fields.len()
        ));
    }
    let field = |col: Option<usize>| col.map(|c| fields[c].trim()).filter(|f| !f.is_empty());
    let term = normalize_term(fields[layout.term])?;
    let kind = match field(layout.kind) {
        None => Kind::Cue,
        Some(k) => Kind::from_name(k)
            .ok_or_else(|| format!("unknown kind {k:?} (known kinds: {})", Kind::NAMES.join(", ")))?,
    };
    let sentiment = field(layout.sentiment).map(|w| parse_weight("sentiment", w, MAX_WEIGHT)).transpose()?;
    let stance = field(layout.stance).map(|w| parse_weight("stance", w, MAX_WEIGHT)).transpose()?;
    let weight = field(layout.weight).map(|w| parse_weight("weight", w, MAX_WEIGHT)).transpose()?;
    if let Some(w) = weight {
        if w < 0.0 || !kind.takes_weight() {
            return Err(if kind.takes_weight() {
                format!("weight {w} must not be negative")
            } else {
                format!("kind {} takes no weight", kind.name())
            });
        }
    }
    if kind == Kind::Neutral && (sentiment.is_some() || stance.is_some()) {
        return Err("a neutral entry takes no sentiment or stance weight".to_string());
    }
    // A stance of 0 is a statement ("no stance of its own": it stops the spillover from
    // sentiment); a sentiment of 0 says nothing.
    if sentiment == Some(0.0) {
        return Err("a sentiment weight cannot be 0 (leave the cell empty)".to_string());
    }
    if kind == Kind::Cue && sentiment.is_none() && stance.is_none() {
        return Err("a cue needs a sentiment or stance weight".to_string());
    }
    Ok(RawEntry { term, sentiment, stance, kind, weight, line: line_no })
}

fn parse_weight(column: &str, text: &str, max: f32) -> Result<f32, String> {
    let value: f32 = text.parse().map_err(|_| format!("{column} {text:?} is not a number"))?;
    if !value.is_finite() || value.abs() > max {
        return Err(format!("{column} {text} is outside [-{max}, {max}]"));
    }
    Ok(value)
}

/// Checks a term and returns it in canonical form: lower case, single spaces, curly
/// apostrophes folded.
pub fn normalize_term(raw: &str) -> Result<String, String> {
    // Nearly every line of a lexicon is already canonical: lower-case ASCII, single spaces.
    let canonical = raw.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'\'' | b'-' | b'*' | b' '))
        && !raw.starts_with(' ')
        && !raw.ends_with(' ')
        && !raw.contains("  ");
    let term: String = if canonical {
        raw.to_string()
    } else {
        raw.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect()
    };
    if term.is_empty() {
        return Err("empty term".to_string());
    }
    for word in term.split(' ') {
        let body = word.strip_suffix('*').unwrap_or(word);
        if body.contains('*') {
            return Err(format!("term {raw:?}: '*' may only end a word"));
        }
        if word.ends_with('*') && body.chars().count() < 3 {
            return Err(format!("term {raw:?}: a prefix pattern needs at least 3 characters before '*'"));
        }
        let ok_edges = body.starts_with(char::is_alphanumeric) && body.ends_with(char::is_alphanumeric);
        let ok_inner = body.chars().all(|c| c.is_alphanumeric() || c == '\'' || c == '-');
        if !ok_edges || !ok_inner {
            return Err(format!(
                "term {raw:?}: word {word:?} must be letters or digits, with only ' or - inside"
            ));
        }
    }
    Ok(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        parse_tsv("x.tsv", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_columns_in_any_order_with_comments() {
        let text = "# a comment\nstance\tterm\tnote\n\n1.5\tBold Play\twritten by us\n-2\tgambl*\t\n";
        let entries = parse_tsv("x.tsv", text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].term, "bold play");
        assert_eq!(entries[0].stance, Some(1.5));
        assert_eq!(entries[0].line, 4);
        assert_eq!(entries[1].term, "gambl*");
    }

    #[test]
    fn modifiers_carry_kind_and_weight() {
        let entries = parse_tsv("m.tsv", "term\tkind\tweight\nvery\tbooster\t0.4\nnot\tnegator\t\n").unwrap();
        assert_eq!(entries[0].kind, Kind::Booster);
        assert_eq!(entries[0].weight, Some(0.4));
        assert_eq!(entries[1].kind, Kind::Negator);
    }

    #[test]
    fn every_malformed_line_names_file_line_and_problem() {
        let cases = [
            ("term\tstance\nbold\tstrong\n", "x.tsv:2: stance \"strong\" is not a number"),
            ("term\tstance\nbold\t9\n", "x.tsv:2: stance 9 is outside [-4, 4]"),
            ("term\tstance\nbold\n", "x.tsv:2: expected 2 tab-separated fields as in the header, found 1"),
            ("term\tstance\tbogus\n", "x.tsv:1: unknown column \"bogus\""),
            ("stance\n1\n", "x.tsv:1: the header has no \"term\" column"),
            ("term\tstance\tstance\n", "x.tsv:1: column \"stance\" appears twice"),
            ("term\tkind\nvery\tbosster\n", "x.tsv:2: unknown kind \"bosster\""),
            ("term\tstance\n\t1\n", "x.tsv:2: empty term"),
            ("term\tstance\nga*mble\t1\n", "'*' may only end a word"),
            ("term\tstance\nga*\t1\n", "at least 3 characters before '*'"),
            ("term\tstance\nbold!\t1\n", "must be letters or digits"),
            ("term\tsentiment\nbold\t0\n", "x.tsv:2: a sentiment weight cannot be 0"),
            ("term\tsentiment\tstance\nbold\t\t\n", "x.tsv:2: a cue needs a sentiment or stance weight"),
            ("term\tkind\tweight\nnot\tnegator\t1\n", "x.tsv:2: kind negator takes no weight"),
            (
                "term\tkind\tstance\ncrisis management\tneutral\t1\n",
                "x.tsv:2: a neutral entry takes no sentiment",
            ),
            ("term\tkind\tweight\nvery\tbooster\t-1\n", "x.tsv:2: weight -1 must not be negative"),
            ("term\tstance\nbold\tNaN\n", "x.tsv:2: stance NaN is outside"),
        ];
        for (text, expected) in cases {
            let message = error_of(text);
            assert!(message.contains(expected), "{message:?} should contain {expected:?}");
        }
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let entries = parse_tsv("w.tsv", "\u{FEFF}term\tsentiment\r\ngood\t2\r\n").unwrap();
        assert_eq!(entries[0].sentiment, Some(2.0));
    }

    #[test]
    fn terms_are_normalized() {
        assert_eq!(normalize_term("  It’s   A  Gamble ").unwrap(), "it's a gamble");
        assert_eq!(normalize_term("pav* the way").unwrap(), "pav* the way");
    }
}
