//! Words, numbers and punctuation of one sentence.
//!
//! [`tokenize_into`] splits a sentence into [`Token`]s with byte spans into the sentence and
//! writes each word's and number's lookup form (lower case, curly apostrophes and Unicode hyphens
//! folded to ASCII; a number as written: "11", "1,000") into one reused `String`, so tokenizing
//! allocates nothing once the buffers have grown. Apostrophes and hyphens between letters or
//! digits stay inside a word (`long-term`, `don't`, `AI's`); any Unicode letter or digit is a word
//! character. A word made only of digits and inner `.`/`,` (`4.2`, `1,000`) is a
//! [`TokenKind::Number`]; every other non-space character is its own [`TokenKind::Punct`] token.
//!
//! It knows nothing of lexicons or scores; the lookup form is all `score` needs.

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the sentence as written.
    pub span: Range<u32>,
    /// Byte span of the lookup form in the shared lower-case buffer (empty for punctuation; a
    /// number's is its digits, so that a term such as "chapter 11" can match it).
    pub lower: Range<u32>,
    pub kind: TokenKind,
    /// A word of two or more letters, all upper case ("GREAT", "AWS").
    pub all_caps: bool,
    /// A word that starts with an upper-case letter and has lower-case letters after it
    /// ("Apple", "May").
    pub title_case: bool,
}

impl Token {
    /// The lookup form of this token, given the buffer `tokenize_into` wrote.
    pub fn lower<'b>(&self, buffer: &'b str) -> &'b str {
        &buffer[self.lower.start as usize..self.lower.end as usize]
    }

    /// The lookup form packed into an integer (first byte lowest, zero-padded) when it is at
    /// most 8 bytes long, which most words are; `buffer` is the one `tokenize_into` wrote.
    pub fn packed(&self, buffer: &str) -> Option<u64> {
        let len = self.lower.len();
        if len > 8 || len == 0 {
            return None;
        }
        let start = self.lower.start as usize;
        let bytes: [u8; 8] = buffer.as_bytes().get(start..start + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(bytes) & (u64::MAX >> (64 - 8 * len)))
    }
}

/// Bytes after the lookup forms in the buffer, so that the first 8 bytes of any word can be
/// read with one load ([`Token::packed`]).
const PADDING: &str = "\0\0\0\0\0\0\0\0";

/// The packed form of a word of at most 8 bytes, as [`Token::packed`] gives it.
pub const fn pack(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 8 || bytes.is_empty() {
        return None;
    }
    let mut packed = 0u64;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        packed = packed << 8 | bytes[i] as u64;
    }
    Some(packed)
}

/// Tokenizes `sentence`, replacing the contents of `tokens` and `lower`.
///
/// `lower` starts with the whole sentence in ASCII lower case, so the lookup form of a word
/// made of ASCII characters — nearly every word of English news — is its own span there and
/// costs no copy; a word with other characters gets its folded form appended after it.
///
/// ```
/// use tenor::tokenize::{tokenize_into, TokenKind};
/// let (mut tokens, mut lower) = (Vec::new(), String::new());
/// tokenize_into("It’s NOT a long-term bet, $4.2 bn!", &mut tokens, &mut lower);
/// let words: Vec<&str> = tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.lower(&lower)).collect();
/// assert_eq!(words, ["it's", "not", "a", "long-term", "bet", "bn"]);
/// ```
pub fn tokenize_into(sentence: &str, tokens: &mut Vec<Token>, lower: &mut String) {
    tokens.clear();
    lower.clear();
    lower.push_str(sentence);
    lower.make_ascii_lowercase();
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ASCII_CLASS[b as usize] != 0 {
            i = push_ascii_word(sentence, i, tokens, lower);
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b < 0x80 {
            tokens.push(punct(i, i + 1));
            i += 1;
            continue;
        }
        let c = sentence[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            i = push_word(sentence, i, tokens, lower);
        } else {
            if !c.is_whitespace() && !is_invisible(c) {
                tokens.push(punct(i, i + len));
            }
            i += len;
        }
    }
    lower.push_str(PADDING);
}

fn punct(start: usize, end: usize) -> Token {
    Token {
        span: start as u32..end as u32,
        lower: 0..0,
        kind: TokenKind::Punct,
        all_caps: false,
        title_case: false,
    }
}

/// Zero-width and bidi control characters: not tokens at all.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Joiners that stay inside a word when a letter or digit follows them.
fn joiner_fold(c: char) -> Option<char> {
    match c {
        '\'' | '’' | 'ʼ' => Some('\''),
        '-' | '\u{2010}' | '\u{2011}' => Some('-'),
        _ => None,
    }
}

const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const UPPER: u8 = 4;

/// Classes of ASCII bytes inside a word: 0 for anything that is not a letter or digit.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            LETTER
        } else {
            0
        };
        b += 1;
    }
    table
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The leading ASCII letters and digits of eight bytes, found without a branch per byte
/// (the end of a word is where a byte loop mispredicts).
#[derive(Debug, PartialEq)]
struct AsciiRun {
    /// Leading bytes that are ASCII letters or digits (0 to 8).
    len: usize,
    letters: u32,
    upper: u32,
}

impl AsciiRun {
    /// Reads the bytes of `chunk`, first byte lowest.
    fn of(chunk: u64) -> AsciiRun {
        let seven = chunk & !HIGH;
        // `| 0x20` folds A-Z onto a-z and sends no other byte below 0x80 into a-z.
        let letter = bytes_in_range(seven | (ONES * 0x20), b'a', b'z');
        let digit = bytes_in_range(seven, b'0', b'9');
        // A byte with its high bit set is not ASCII.
        let word = (letter | digit) & !chunk;
        // An upper-case letter has bit 5 clear; `<< 2` moves that bit to the byte's high bit.
        let upper = letter & (!chunk << 2);
        let len = ((!word & HIGH).trailing_zeros() / 8) as usize;
        let leading = if len == 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
        AsciiRun { len, letters: high_bits(letter & leading), upper: high_bits(upper & leading) }
    }
}

/// The run of ASCII letters and digits at `bytes[start..]`: eight bytes at a time, the last
/// few of the slice one at a time.
#[inline(always)]
fn ascii_run(bytes: &[u8], start: usize) -> AsciiRun {
    let mut total = AsciiRun { len: 0, letters: 0, upper: 0 };
    loop {
        let at = start + total.len;
        let run = match bytes.get(at..at + 8) {
            Some(chunk) => AsciiRun::of(u64::from_le_bytes(chunk.try_into().unwrap_or_default())),
            None => ascii_tail(&bytes[at..]),
        };
        total.len += run.len;
        total.letters += run.letters;
        total.upper += run.upper;
        if run.len < 8 {
            return total;
        }
    }
}

/// [`AsciiRun`] of fewer than eight bytes, one byte at a time.
#[cold]
fn ascii_tail(bytes: &[u8]) -> AsciiRun {
    let mut run = AsciiRun { len: 0, letters: 0, upper: 0 };
    for &b in bytes {
        let class = ASCII_CLASS[b as usize];
        if class == 0 {
            break;
        }
        run.len += 1;
        run.letters += u32::from(class & LETTER != 0);
        run.upper += u32::from(class & UPPER != 0);
    }
    run
}

/// The high bit of each byte of `x` (all bytes below 0x80) set when the byte is in `lo..=hi`.
fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    // Per byte, neither sum passes 0xFF, so no carry crosses into the next byte.
    let at_least_lo = x + ONES * u64::from(0x80 - lo);
    let above_hi = x + ONES * u64::from(0x7F - hi);
    at_least_lo & !above_hi & HIGH
}

/// How many bytes of `x` have their high bit set (x has no other bits set).
fn high_bits(x: u64) -> u32 {
    ((x >> 7).wrapping_mul(ONES) >> 56) as u32
}

/// Reads the word starting at `start` with an ASCII letter or digit, pushes its token, returns
/// its end. The common case — ASCII letters and digits up to a space or punctuation that
/// cannot continue a word — is handled here; anything else goes to [`push_word`].
#[inline]
fn push_ascii_word(sentence: &str, start: usize, tokens: &mut Vec<Token>, lower: &mut String) -> usize {
    let bytes = sentence.as_bytes();
    let run = ascii_run(bytes, start);
    let (end, letters, upper) = (start + run.len, run.letters, run.upper);
    let ends_here = match bytes.get(end) {
        None => true,
        Some(b'\'' | b'-') => false,
        // Only a number goes on through "." or "," ("4.2", "1,000").
        Some(b'.' | b',') => letters > 0,
        Some(&b) => b.is_ascii(),
    };
    if !ends_here {
        return push_word(sentence, start, tokens, lower);
    }
    let kind = if letters == 0 { TokenKind::Number } else { TokenKind::Word };
    let lower_range = start as u32..end as u32;
    tokens.push(Token {
        span: start as u32..end as u32,
        lower: lower_range,
        kind,
        all_caps: letters >= 2 && upper == letters,
        title_case: ASCII_CLASS[bytes[start] as usize] & UPPER != 0 && upper < letters,
    });
    end
}

/// Reads the word starting at `start`, pushes its token (and, for a word with non-ASCII
/// characters, its folded lookup form), returns its end.
#[cold]
#[inline(never)]
fn push_word(sentence: &str, start: usize, tokens: &mut Vec<Token>, lower: &mut String) -> usize {
    let bytes = sentence.as_bytes();
    let mut i = start;
    let mut letters = 0u32;
    let mut upper = 0u32;
    let mut only_digits = true;
    let mut ascii = true;
    loop {
        let run = ascii_run(bytes, i);
        letters += run.letters;
        upper += run.upper;
        i += run.len;
        only_digits &= letters == 0;
        let c = match bytes.get(i) {
            None => break,
            // Space and most punctuation end the word; only joiners and separators go on.
            Some(&b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b',') => break,
            Some(&b) if b.is_ascii() => char::from(b),
            Some(_) => sentence[i..].chars().next().unwrap_or(' '),
        };
        if !c.is_ascii() && c.is_alphanumeric() {
            ascii = false;
            if c.is_alphabetic() {
                letters += 1;
                only_digits = false;
                upper += u32::from(c.is_uppercase());
            }
            i += c.len_utf8();
            continue;
        }
        // An inner joiner or a digit separator ("4.2", "1,000") needs a word character after it.
        let next = sentence[i + c.len_utf8()..].chars().next();
        let next_is_word = next.is_some_and(char::is_alphanumeric);
        let inner = joiner_fold(c).is_some()
            || (only_digits && matches!(c, '.' | ',') && next.is_some_and(|n| n.is_ascii_digit()));
        if !(inner && next_is_word) {
            break;
        }
        ascii &= c.is_ascii();
        i += c.len_utf8();
    }
    let kind = if only_digits { TokenKind::Number } else { TokenKind::Word };
    let lower_range = match kind {
        // Digits have no case: the buffer already holds a number as written.
        TokenKind::Number => start as u32..i as u32,
        TokenKind::Word if ascii => start as u32..i as u32,
        TokenKind::Word => {
            let from = lower.len();
            fold_into(&sentence[start..i], lower);
            from as u32..lower.len() as u32
        }
        _ => 0..0,
    };
    let initial_upper = match bytes[start] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => sentence[start..].chars().next().is_some_and(char::is_uppercase),
    };
    tokens.push(Token {
        span: start as u32..i as u32,
        lower: lower_range,
        kind,
        all_caps: letters >= 2 && upper == letters,
        title_case: initial_upper && upper < letters,
    });
    i
}

/// Appends the lookup form of a word with non-ASCII characters: lower case, joiners folded.
fn fold_into(word: &str, lower: &mut String) {
    for c in word.chars() {
        match joiner_fold(c) {
            Some(folded) => lower.push(folded),
            None => lower.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokenKind, String)> {
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into(s, &mut tokens, &mut lower);
        tokens
            .iter()
            .map(|t| {
                let text = match t.kind {
                    TokenKind::Word => t.lower(&lower).to_string(),
                    _ => s[t.span.start as usize..t.span.end as usize].to_string(),
                };
                (t.kind, text)
            })
            .collect()
    }

    fn words(s: &str) -> Vec<String> {
        toks(s).into_iter().filter(|(k, _)| *k == TokenKind::Word).map(|(_, w)| w).collect()
    }

    #[test]
    fn inner_apostrophes_and_hyphens_stay() {
        assert_eq!(
            words("don't long-term AI's state-of-the-art"),
            ["don't", "long-term", "ai's", "state-of-the-art"]
        );
    }

    #[test]
    fn curly_apostrophes_and_unicode_hyphens_fold_to_ascii() {
        assert_eq!(words("It’s a well‐known firm"), ["it's", "a", "well-known", "firm"]);
    }

    #[test]
    fn trailing_and_leading_joiners_are_punctuation() {
        assert_eq!(
            toks("'tis - ok-"),
            [
                (TokenKind::Punct, "'".into()),
                (TokenKind::Word, "tis".into()),
                (TokenKind::Punct, "-".into()),
                (TokenKind::Word, "ok".into()),
                (TokenKind::Punct, "-".into()),
            ]
        );
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        assert_eq!(
            toks("$4.2 1,000 3.5%"),
            [
                (TokenKind::Punct, "$".into()),
                (TokenKind::Number, "4.2".into()),
                (TokenKind::Number, "1,000".into()),
                (TokenKind::Number, "3.5".into()),
                (TokenKind::Punct, "%".into()),
            ]
        );
    }

    #[test]
    fn a_number_is_its_own_lookup_form() {
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into("Chapter 11 and 1,000 ٣", &mut tokens, &mut lower);
        let forms: Vec<_> = tokens.iter().map(|t| (t.kind, t.lower(&lower))).collect();
        assert_eq!(
            forms,
            [
                (TokenKind::Word, "chapter"),
                (TokenKind::Number, "11"),
                (TokenKind::Word, "and"),
                (TokenKind::Number, "1,000"),
                (TokenKind::Number, "٣"),
            ]
        );
    }

    #[test]
    fn a_sentence_final_period_is_not_part_of_a_number() {
        assert_eq!(
            toks("up 5."),
            [(TokenKind::Word, "up".into()), (TokenKind::Number, "5".into()), (TokenKind::Punct, ".".into()),]
        );
    }

    #[test]
    fn mixed_letters_and_digits_are_words() {
        assert_eq!(words("Q3 covid-19 EUR131m"), ["q3", "covid-19", "eur131m"]);
    }

    #[test]
    fn unicode_letters_are_words_and_case_folds() {
        assert_eq!(words("ÉCLAIR Straße 東京 Μύθος"), ["éclair", "straße", "東京", "μύθος"]);
    }

    #[test]
    fn all_caps_needs_two_letters() {
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into("GREAT A Good AWS", &mut tokens, &mut lower);
        let caps: Vec<bool> = tokens.iter().map(|t| t.all_caps).collect();
        assert_eq!(caps, [true, false, false, true]);
    }

    #[test]
    fn title_case_is_an_initial_capital_followed_by_lower_case() {
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into("May GREAT may McKinsey Ünd", &mut tokens, &mut lower);
        let title: Vec<bool> = tokens.iter().map(|t| t.title_case).collect();
        assert_eq!(title, [true, false, false, true, true]);
    }

    #[test]
    fn invisible_characters_are_dropped_and_emoji_are_punctuation() {
        assert_eq!(
            toks("a\u{200B}b 🎉"),
            [(TokenKind::Word, "a".into()), (TokenKind::Word, "b".into()), (TokenKind::Punct, "🎉".into()),]
        );
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let s = "Bold PLAY!";
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into(s, &mut tokens, &mut lower);
        let spans: Vec<&str> =
            tokens.iter().map(|t| &s[t.span.start as usize..t.span.end as usize]).collect();
        assert_eq!(spans, ["Bold", "PLAY", "!"]);
    }

    #[test]
    fn packed_forms_agree_with_pack_for_every_word() {
        let s = "Profit ROSE 4.2% at Zürich’s long-term unit; well‐known, extraordinarily é x";
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into(s, &mut tokens, &mut lower);
        for token in &tokens {
            assert_eq!(token.packed(&lower), pack(token.lower(&lower)), "{:?}", token.lower(&lower));
        }
        assert_eq!(pack("rose"), Some(u64::from_le_bytes(*b"rose\0\0\0\0")));
        assert_eq!(pack("extraordinarily"), None);
    }

    #[test]
    fn ascii_words_need_no_copy_and_others_are_folded_after_the_sentence() {
        let s = "Zürich’s BOLD play";
        let (mut tokens, mut lower) = (Vec::new(), String::new());
        tokenize_into(s, &mut tokens, &mut lower);
        assert_eq!(tokens[1].lower, tokens[1].span);
        assert_eq!(tokens[0].lower(&lower), "zürich's");
        assert!(tokens[0].lower.start as usize >= s.len());
    }

    #[test]
    fn eight_byte_runs_agree_with_the_byte_table() {
        // Every byte value in every position, next to letters of both cases and digits.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"aZ3qQ9xK";
                chunk[at] = b;
                let len = chunk.iter().take_while(|&&c| ASCII_CLASS[c as usize] != 0).count();
                let class = |c: &u8| ASCII_CLASS[*c as usize];
                let expected = AsciiRun {
                    len,
                    letters: chunk[..len].iter().filter(|c| class(c) & LETTER != 0).count() as u32,
                    upper: chunk[..len].iter().filter(|c| class(c) & UPPER != 0).count() as u32,
                };
                assert_eq!(AsciiRun::of(u64::from_le_bytes(chunk)), expected, "{chunk:?}");
            }
        }
    }
}
