//! Byte-level decoding under the format readers: opening an input, counting its raw bytes for
//! progress, gunzipping, byte-order marks, UTF-16, line-end normalisation and the tally of
//! invalid UTF-8.
//!
//! Not for parsing records: the readers for each format sit on top of [`Decoder`] (streams) or
//! [`decode_whole`] (text files, read whole).

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;

use super::{CorpusError, Event, Input, Origin, Problem};

/// Size of the read buffers: big enough that a read is one system call per 256 KiB.
pub(crate) const BUF_CAPACITY: usize = 256 * 1024;

const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// Opens an input's raw bytes (gunzipped when `.gz`), counting the bytes read from disk.
pub(crate) fn open_raw(
    input: &Input,
    bytes_read: Arc<AtomicU64>,
) -> Result<Box<dyn Read + Send>, CorpusError> {
    let raw: Box<dyn Read + Send> = match &input.path {
        Some(path) => Box::new(
            File::open(path).map_err(|err| CorpusError::Io { path: input.display.to_string(), err })?,
        ),
        None => Box::new(io::stdin()),
    };
    let counted = CountingReader { inner: raw, counter: bytes_read };
    Ok(if input.gzip {
        // Multi-member, because `cat a.gz b.gz > c.gz` is a valid gzip file.
        Box::new(MultiGzDecoder::new(BufReader::with_capacity(BUF_CAPACITY, counted)))
    } else {
        Box::new(counted)
    })
}

/// Adds the number of bytes read to a shared counter, for a progress bar.
struct CountingReader<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Text that was decoded lossily: how much was replaced with U+FFFD, and where it started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lossy {
    /// `UTF-8` or `UTF-16`.
    pub(crate) encoding: &'static str,
    /// Number of invalid sequences, each replaced by one U+FFFD.
    pub(crate) bad: u64,
    /// Byte offset of the first bad byte in the (gunzipped) file.
    pub(crate) first_offset: u64,
    /// The line holding it.
    pub(crate) first_line: u64,
}

impl Lossy {
    /// The once-per-file warning.
    pub(crate) fn warning(&self, file: &Arc<str>) -> Event {
        Event::Warning(Problem {
            origin: Origin { file: Arc::clone(file), line: self.first_line },
            reason: format!(
                "invalid {} replaced with U+FFFD: {} bad sequence(s), the first at byte offset {}",
                self.encoding, self.bad, self.first_offset
            ),
        })
    }
}

/// Counts invalid UTF-8 sequences in a stream fed in chunks of any size, the way
/// `String::from_utf8_lossy` would replace them (one U+FFFD per maximal invalid sequence).
#[derive(Debug)]
struct Utf8Tally {
    /// Stream offset of the next byte to be fed.
    offset: u64,
    /// The start of a multi-byte character cut off at the end of the last chunk.
    carry: [u8; 4],
    carry_len: usize,
    carry_offset: u64,
    /// Line ends before `offset`; only kept up to date until the first bad sequence.
    lines: u64,
    prev_cr: bool,
    bad: u64,
    first: Option<(u64, u64)>,
}

impl Utf8Tally {
    fn new(offset: u64) -> Utf8Tally {
        Utf8Tally {
            offset,
            carry: [0; 4],
            carry_len: 0,
            carry_offset: 0,
            lines: 0,
            prev_cr: false,
            bad: 0,
            first: None,
        }
    }

    fn feed(&mut self, chunk: &[u8]) {
        let mut pos = 0;
        if self.carry_len > 0 {
            pos = self.finish_carry(chunk);
        }
        while pos < chunk.len() {
            let Err(e) = std::str::from_utf8(&chunk[pos..]) else {
                break;
            };
            let at = pos + e.valid_up_to();
            match e.error_len() {
                Some(n) => {
                    let line = self.line_within(chunk, at);
                    self.note_bad(self.offset + at as u64, line);
                    pos = at + n;
                }
                None => {
                    self.carry_len = chunk.len() - at;
                    self.carry[..self.carry_len].copy_from_slice(&chunk[at..]);
                    self.carry_offset = self.offset + at as u64;
                    break;
                }
            }
        }
        if self.first.is_none() {
            self.lines += count_line_ends(chunk, self.prev_cr);
        }
        if let Some(&last) = chunk.last() {
            self.prev_cr = last == b'\r';
        }
        self.offset += chunk.len() as u64;
    }

    /// Completes the character cut off at the end of the previous chunk; returns how many
    /// bytes of `chunk` it used.
    fn finish_carry(&mut self, chunk: &[u8]) -> usize {
        let have = self.carry_len;
        let take = (4 - have).min(chunk.len());
        let mut joined = [0u8; 4];
        joined[..have].copy_from_slice(&self.carry[..have]);
        joined[have..have + take].copy_from_slice(&chunk[..take]);
        self.carry_len = 0;
        match std::str::from_utf8(&joined[..have + take]) {
            Ok(_) => take,
            Err(e) if e.valid_up_to() > 0 => e.valid_up_to() - have,
            Err(e) => match e.error_len() {
                Some(n) => {
                    // The carried bytes hold no line end, so the line is the one before.
                    self.note_bad(self.carry_offset, self.lines + 1);
                    n - have
                }
                None => {
                    // Still incomplete: the chunk was shorter than the character.
                    self.carry_len = have + take;
                    self.carry[..have + take].copy_from_slice(&joined[..have + take]);
                    take
                }
            },
        }
    }

    /// The line of byte `at` of `chunk`, if it matters (no bad sequence seen yet).
    fn line_within(&self, chunk: &[u8], at: usize) -> u64 {
        if self.first.is_some() {
            return 0;
        }
        self.lines + count_line_ends(&chunk[..at], self.prev_cr) + 1
    }

    fn note_bad(&mut self, offset: u64, line: u64) {
        self.bad += 1;
        if self.first.is_none() {
            self.first = Some((offset, line));
        }
    }

    /// Ends the stream: a character still cut off is one more bad sequence.
    fn finish(&mut self) {
        if self.carry_len > 0 {
            self.carry_len = 0;
            self.note_bad(self.carry_offset, self.lines + 1);
        }
    }

    fn report(&self) -> Option<Lossy> {
        self.first.map(|(first_offset, first_line)| Lossy {
            encoding: "UTF-8",
            bad: self.bad,
            first_offset,
            first_line,
        })
    }
}

/// Counts line ends (`\n`, `\r\n` or a lone `\r`) in `bytes`; `prev_cr` says whether the byte
/// before them was `\r`.
fn count_line_ends(bytes: &[u8], prev_cr: bool) -> u64 {
    let mut count = 0;
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        let after_cr = if at == 0 { prev_cr } else { bytes[at - 1] == b'\r' };
        if bytes[at] == b'\r' || !after_cr {
            count += 1;
        }
    }
    count
}

/// Rewrites `\r\n` and lone `\r` as `\n` in place; returns the new length. `prev_cr` carries
/// whether the previous buffer ended in `\r`, so a `\r\n` split across reads is one line end.
fn normalize_line_ends(buf: &mut [u8], prev_cr: &mut bool) -> usize {
    if !*prev_cr && memchr::memchr(b'\r', buf).is_none() {
        return buf.len();
    }
    let mut out = 0;
    for at in 0..buf.len() {
        let b = buf[at];
        if b == b'\n' && *prev_cr {
            *prev_cr = false;
            continue;
        }
        *prev_cr = b == b'\r';
        buf[out] = if b == b'\r' { b'\n' } else { b };
        out += 1;
    }
    out
}

/// Decodes UTF-16 (without its byte-order mark) to UTF-8, replacing unpaired surrogates and a
/// dangling odd byte with U+FFFD. `base` is the file offset of `bytes[0]`, for the report.
fn decode_utf16(bytes: &[u8], big_endian: bool, base: u64) -> (String, Option<Lossy>) {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut lossy: Option<Lossy> = None;
    let mut unit = 0u64;
    let mut note = |text: &String, at_unit: u64| match &mut lossy {
        Some(l) => l.bad += 1,
        None => {
            lossy = Some(Lossy {
                encoding: "UTF-16",
                bad: 1,
                first_offset: base + 2 * at_unit,
                first_line: count_line_ends(text.as_bytes(), false) + 1,
            })
        }
    };
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                unit += c.len_utf16() as u64;
            }
            Err(_) => {
                note(&text, unit);
                text.push(char::REPLACEMENT_CHARACTER);
                unit += 1;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        note(&text, unit);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, lossy)
}

/// Which UTF-16 byte order a byte-order mark announces, if any.
fn utf16_bom(head: &[u8]) -> Option<bool> {
    match head {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// A UTF-8 byte stream with `\n` line ends, from any input: strips a UTF-8 byte-order mark,
/// decodes UTF-16 with a byte-order mark, normalises line ends and tallies invalid UTF-8 (which
/// it passes through: the record readers replace it as they convert fields to `String`).
///
/// UTF-16 input is decoded into memory as a whole before the first record: it is rare enough in
/// news corpora that streaming it is not worth the code.
pub(crate) struct Decoder {
    source: Box<dyn Read + Send>,
    /// An error met while sniffing the byte-order mark, returned after the bytes before it.
    pending_error: Option<io::Error>,
    tally: Utf8Tally,
    utf16: Option<Lossy>,
    prev_cr: bool,
}

impl Decoder {
    pub(crate) fn new(mut raw: Box<dyn Read + Send>) -> Decoder {
        let mut head = [0u8; 3];
        let (len, mut pending_error) = read_up_to(&mut raw, &mut head);
        let head = &head[..len];
        let mut utf16 = None;
        let mut offset = 0;
        let source: Box<dyn Read + Send> = if let Some(big_endian) = utf16_bom(head) {
            let mut rest = head[2..].to_vec();
            if pending_error.is_none() {
                // On error, read_to_end keeps the bytes read so far: decode those.
                pending_error = raw.read_to_end(&mut rest).err();
            }
            let (text, lossy) = decode_utf16(&rest, big_endian, 2);
            utf16 = lossy;
            Box::new(Cursor::new(text.into_bytes()))
        } else if head == UTF8_BOM {
            offset = 3;
            raw
        } else if pending_error.is_some() {
            Box::new(Cursor::new(head.to_vec()))
        } else {
            Box::new(Cursor::new(head.to_vec()).chain(raw))
        };
        Decoder { source, pending_error, tally: Utf8Tally::new(offset), utf16, prev_cr: false }
    }

    /// The invalid text seen so far (all of it, once the stream has ended).
    pub(crate) fn lossy(&self) -> Option<Lossy> {
        self.utf16.clone().or_else(|| self.tally.report())
    }
}

impl Read for Decoder {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let n = match self.source.read(buf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                if let Some(err) = self.pending_error.take() {
                    return Err(err);
                }
                self.tally.finish();
                return Ok(0);
            }
            self.tally.feed(&buf[..n]);
            let kept = normalize_line_ends(&mut buf[..n], &mut self.prev_cr);
            // A read that was only the `\n` of a split `\r\n` is not the end of the stream.
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

/// Reads until `buf` is full or the stream ends; an error ends the reading and is returned
/// with the number of bytes read before it.
fn read_up_to(raw: &mut dyn Read, buf: &mut [u8]) -> (usize, Option<io::Error>) {
    let mut len = 0;
    while len < buf.len() {
        match raw.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (len, Some(e)),
        }
    }
    (len, None)
}

/// A whole file decoded as text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum WholeText {
    /// UTF-8 text with `\n` line ends, and what was replaced to get it.
    Text(String, Option<Lossy>),
    /// The file holds a NUL byte (a NUL code unit for UTF-16) at this offset: not text.
    Binary(u64),
}

/// Decodes a whole file the way [`Decoder`] decodes a stream, and tells binary files apart.
pub(crate) fn decode_whole(mut bytes: Vec<u8>) -> WholeText {
    if let Some(big_endian) = utf16_bom(&bytes) {
        let body = &bytes[2..];
        if let Some(unit) = body.chunks_exact(2).position(|u| u == [0, 0]) {
            return WholeText::Binary(2 + 2 * unit as u64);
        }
        let (text, lossy) = decode_utf16(body, big_endian, 2);
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        return WholeText::Text(text, lossy);
    }
    let start = if bytes.starts_with(&UTF8_BOM) { 3 } else { 0 };
    if let Some(at) = memchr::memchr(0, &bytes[start..]) {
        return WholeText::Binary((start + at) as u64);
    }
    let mut tally = Utf8Tally::new(start as u64);
    tally.feed(&bytes[start..]);
    tally.finish();
    bytes.drain(..start);
    let len = normalize_line_ends(&mut bytes, &mut false);
    bytes.truncate(len);
    let text = String::from_utf8(bytes).unwrap_or_else(|e| lossy_string(e.as_bytes()));
    WholeText::Text(text, tally.report())
}

/// Converts bytes to a `String`, replacing invalid UTF-8 with U+FFFD.
pub(crate) fn lossy_string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::test_io::Chunked;

    fn decode_stream(bytes: &[u8], chunk: usize) -> (Vec<u8>, Option<Lossy>) {
        let mut decoder = Decoder::new(Box::new(Chunked::new(bytes, chunk)));
        let mut out = Vec::new();
        decoder.read_to_end(&mut out).unwrap();
        (out, decoder.lossy())
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let (out, lossy) = decode_stream(b"\xEF\xBB\xBFid,text\n", 64);
        assert_eq!(out, b"id,text\n");
        assert_eq!(lossy, None);
    }

    #[test]
    fn utf16_le_and_be_are_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("h\u{e9}\r\n\u{1F600}".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("h\u{e9}\r\n\u{1F600}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let (out, lossy) = decode_stream(&bytes, 3);
            assert_eq!(String::from_utf8(out).unwrap(), "h\u{e9}\n\u{1F600}");
            assert_eq!(lossy, None);
        }
    }

    #[test]
    fn unpaired_utf16_surrogate_is_reported() {
        // "a\n" then a lone high surrogate, then "b", then an odd byte.
        let bytes = [0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0, b'x'];
        let (out, lossy) = decode_stream(&bytes, 64);
        assert_eq!(String::from_utf8(out).unwrap(), "a\n\u{FFFD}b\u{FFFD}");
        let lossy = lossy.unwrap();
        assert_eq!((lossy.bad, lossy.first_offset, lossy.first_line), (2, 6, 2));
        assert_eq!(lossy.encoding, "UTF-16");
    }

    #[test]
    fn crlf_and_lone_cr_become_lf_even_split_across_reads() {
        for chunk in [1, 2, 3, 64] {
            let (out, _) = decode_stream(b"a\r\nb\rc\n\r\r\nd\r", chunk);
            assert_eq!(out, b"a\nb\nc\n\n\nd\n", "chunk {chunk}");
        }
    }

    #[test]
    fn invalid_utf8_counted_once_per_sequence_with_first_offset_and_line() {
        // Line 3 holds a lone continuation byte, then a truncated 3-byte sequence, then an
        // overlong 2-byte form (two bad bytes), and the file ends inside a 4-byte sequence.
        let bytes = b"ok \xC3\xA9\r\nfine\rbad \x80 \xE2\x82 \xC0\xAF end \xF0\x9F\x98";
        let expected = String::from_utf8_lossy(bytes).matches('\u{FFFD}').count() as u64;
        for chunk in [1, 2, 3, 5, 1000] {
            let (_, lossy) = decode_stream(bytes, chunk);
            let lossy = lossy.unwrap();
            assert_eq!(lossy.bad, expected, "chunk {chunk}");
            assert_eq!((lossy.first_offset, lossy.first_line), (16, 3), "chunk {chunk}");
        }
    }

    #[test]
    fn valid_multibyte_text_split_anywhere_is_not_reported() {
        let text = "caf\u{e9} \u{20AC}\u{1F600} \u{4E2D}\u{6587}\n".repeat(3);
        for chunk in 1..8 {
            let (out, lossy) = decode_stream(text.as_bytes(), chunk);
            assert_eq!(out, text.as_bytes());
            assert_eq!(lossy, None, "chunk {chunk}");
        }
    }

    #[test]
    fn error_while_sniffing_comes_after_the_bytes_before_it() {
        let failing = Cursor::new(b"ab".to_vec()).chain(FailingRead);
        let mut decoder = Decoder::new(Box::new(failing));
        let mut buf = [0u8; 16];
        assert_eq!(decoder.read(&mut buf).unwrap(), 2);
        assert!(decoder.read(&mut buf).is_err());
    }

    struct FailingRead;

    impl Read for FailingRead {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn whole_text_with_nul_is_binary() {
        assert_eq!(decode_whole(b"abc\0def".to_vec()), WholeText::Binary(3));
        assert_eq!(decode_whole(b"\xEF\xBB\xBFa\0".to_vec()), WholeText::Binary(4));
        assert_eq!(decode_whole(vec![0xFF, 0xFE, b'a', 0, 0, 0]), WholeText::Binary(4));
    }

    #[test]
    fn whole_text_is_decoded_like_a_stream() {
        assert_eq!(
            decode_whole(b"\xEF\xBB\xBFone\r\ntwo\r".to_vec()),
            WholeText::Text("one\ntwo\n".into(), None)
        );
        let WholeText::Text(text, Some(lossy)) = decode_whole(b"a\nb\xFFc\xFF".to_vec()) else {
            panic!("expected lossy text")
        };
        assert_eq!(text, "a\nb\u{FFFD}c\u{FFFD}");
        assert_eq!((lossy.bad, lossy.first_offset, lossy.first_line), (2, 3, 2));
    }

    /// Counts bad sequences and finds the first, on the whole buffer at once.
    fn reference_tally(bytes: &[u8]) -> (u64, Option<u64>) {
        let (mut bad, mut first, mut pos) = (0, None, 0);
        while let Err(e) = std::str::from_utf8(&bytes[pos..]) {
            let at = pos + e.valid_up_to();
            bad += 1;
            first.get_or_insert(at as u64);
            match e.error_len() {
                Some(n) => pos = at + n,
                None => break,
            }
        }
        (bad, first)
    }

    proptest::proptest! {
        #[test]
        fn chunked_decoding_matches_whole_buffer(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'\r', b'\n', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x80, 0xFF]),
                0..64,
            ),
            chunk in 1usize..8,
        ) {
            // A leading byte-order mark would be stripped; keep the comparison simple.
            proptest::prop_assume!(!bytes.starts_with(&UTF8_BOM));
            let (out, lossy) = decode_stream(&bytes, chunk);
            let mut whole = bytes.clone();
            let len = normalize_line_ends(&mut whole, &mut false);
            proptest::prop_assert_eq!(&out, &whole[..len]);
            let (bad, first) = reference_tally(&bytes);
            proptest::prop_assert_eq!(lossy.as_ref().map(|l| l.bad).unwrap_or(0), bad);
            proptest::prop_assert_eq!(lossy.as_ref().map(|l| l.first_offset), first);
            if let (Some(l), Some(at)) = (&lossy, first) {
                let at = at as usize;
                let line = count_line_ends(&bytes[..at], false) + 1;
                proptest::prop_assert_eq!(l.first_line, line);
            }
        }
    }

    #[test]
    fn counting_reader_counts_raw_bytes() {
        let counter = Arc::new(AtomicU64::new(0));
        let mut reader =
            CountingReader { inner: Cursor::new(vec![7u8; 1000]), counter: Arc::clone(&counter) };
        io::copy(&mut reader, &mut io::sink()).unwrap();
        assert_eq!(counter.load(Ordering::Relaxed), 1000);
    }
}
