//! Human-readable explanations of cues: which words and rules produced a score.
//!
//! Explanations are built only when asked for (`--explain`, `tenor explain`), from the
//! [`Cue`]s every scoring pass records anyway, so the fast path never formats text.
//!
//! One cue reads `term [stance B→F sentiment B→F] rule rule`: the matched words as written,
//! each dimension's weight before the rules (B) and what it finally contributed (F, shown
//! alone when no rule changed it), then the rules that changed it. Cues are joined by ` | `.
//! A movement composed with a quantity reads `profit … rose`; a hedge reads
//! `may [stance -0.20] hedge`; a challenging or bare question adds `? [stance -0.50] challenge`.

use std::fmt::Write;

use super::rules::{Cue, Rule};

/// Appends the explanation of `cues` (spans into `text`) to `out`.
pub fn write_cues(out: &mut String, text: &str, cues: &[Cue]) {
    let mut first = true;
    for cue in cues.iter().filter(|c| !c.has(Rule::Absorbed)) {
        if !first {
            out.push_str(" | ");
        }
        first = false;
        write_cue(out, text, cue);
    }
}

/// The explanation of `cues` as a new string.
pub fn cues_to_string(text: &str, cues: &[Cue]) -> String {
    let mut out = String::new();
    write_cues(&mut out, text, cues);
    out
}

fn slice(text: &str, span: (u32, u32)) -> &str {
    text.get(span.0 as usize..span.1 as usize).unwrap_or("")
}

fn write_cue(out: &mut String, text: &str, cue: &Cue) {
    if cue.has(Rule::Challenge) {
        out.push('?');
    } else if let Some(partner) = cue.partner {
        let (a, b) = if partner.0 < cue.span.0 { (partner, cue.span) } else { (cue.span, partner) };
        let _ = write!(out, "{} … {}", slice(text, a), slice(text, b));
    } else {
        out.push_str(slice(text, cue.span));
    }
    out.push_str(" [");
    let mut wrote = false;
    for (name, base, fin) in
        [("stance", cue.base_stance, cue.stance), ("sentiment", cue.base_sentiment, cue.sentiment)]
    {
        if base == 0.0 && fin == 0.0 {
            continue;
        }
        if wrote {
            out.push(' ');
        }
        wrote = true;
        // A zero is written +0.00, even when a factor of 0 made it -0.0.
        let fin = fin + 0.0;
        if (base - fin).abs() < 0.005 {
            let _ = write!(out, "{name} {fin:+.2}");
        } else {
            let _ = write!(out, "{name} {base:+.2}→{fin:+.2}");
        }
    }
    if !wrote {
        out.push_str("no weight");
    }
    out.push(']');
    for rule in Rule::ALL {
        if cue.has(rule) && rule != Rule::Absorbed {
            out.push(' ');
            out.push_str(rule.name());
        }
    }
}
