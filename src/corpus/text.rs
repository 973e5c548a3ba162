//! Text and Markdown files: the whole file is one document whose id is the path as given.
//!
//! Not for Markdown rendering or paragraph splitting: markup is handed on as text, and the file
//! is read whole (a document must be in memory to be scored anyway).

use std::io::Read;

use super::decode::{decode_whole, WholeText};
use super::{Document, Event, Opened, ReadOptions};

/// Reads a text file as one document. A file with a NUL byte is binary and skipped; an empty
/// file is a document with empty text; a read error (a truncated `.gz` included) skips it.
pub(crate) fn read_text(mut opened: Opened, opts: &ReadOptions) -> std::vec::IntoIter<Event> {
    let mut bytes = Vec::new();
    if let Err(err) = opened.bytes.read_to_end(&mut bytes) {
        return vec![opened.name.stream_error(1, &err, 0)].into_iter();
    }
    let name = opened.name;
    let events = match decode_whole(bytes) {
        WholeText::Binary(offset) => {
            vec![name.skipped(1, format!("binary file (NUL byte at offset {offset})"))]
        }
        WholeText::Text(text, lossy) => {
            let document = Event::Document(Document {
                id: name.file.to_string(),
                date: None,
                source: None,
                title: None,
                text,
                kept: vec![String::new(); opts.keep_cols.len()],
                origin: name.origin(1),
            });
            let warning = lossy.map(|lossy| lossy.warning(&name.file));
            std::iter::once(document).chain(warning).collect()
        }
    };
    events.into_iter()
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use proptest::prelude::*;

    use super::*;
    use crate::corpus::test_io::Broken;
    use crate::corpus::InputName;

    fn read_bytes(bytes: &[u8]) -> Vec<Event> {
        let opened = Opened {
            bytes: Box::new(Cursor::new(bytes.to_vec())),
            name: InputName { file: "notes/a.txt".into(), gzip: false },
        };
        read_text(opened, &ReadOptions::default()).collect()
    }

    #[test]
    fn whole_file_is_one_document_named_by_path() {
        let events = read_bytes(b"Title line\r\n\r\nMarkets rallied.\n");
        let [Event::Document(doc)] = events.as_slice() else { panic!("{events:?}") };
        assert_eq!(doc.id, "notes/a.txt");
        assert_eq!(doc.text, "Title line\n\nMarkets rallied.\n");
        assert_eq!((doc.title.as_deref(), doc.origin.line), (None, 1));
    }

    #[test]
    fn empty_file_is_an_empty_document() {
        let events = read_bytes(b"");
        assert!(matches!(events.as_slice(), [Event::Document(d)] if d.text.is_empty()));
    }

    #[test]
    fn nul_byte_makes_a_binary_file() {
        let events = read_bytes(b"\x89PNG\r\n\x1a\n\0\0");
        let [Event::Skipped(p)] = events.as_slice() else { panic!("{events:?}") };
        assert_eq!(p.reason, "binary file (NUL byte at offset 8)");
    }

    #[test]
    fn invalid_utf8_is_replaced_and_warned_once() {
        let events = read_bytes(b"caf\xE9\nna\xEFve\n");
        let [Event::Document(doc), Event::Warning(w)] = events.as_slice() else { panic!("{events:?}") };
        assert_eq!(doc.text, "caf\u{FFFD}\nna\u{FFFD}ve\n");
        assert_eq!(w.origin.line, 1);
        assert!(w.reason.contains("2 bad sequence(s), the first at byte offset 3"), "{}", w.reason);
    }

    #[test]
    fn utf16_text_file_is_decoded() {
        let bytes: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Stocks \u{2191}".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let events = read_bytes(&bytes);
        assert!(matches!(events.as_slice(), [Event::Document(d)] if d.text == "Stocks \u{2191}"));
    }

    #[test]
    fn read_error_skips_the_file() {
        let opened = Opened {
            bytes: Box::new(Cursor::new(b"partial".to_vec()).chain(Broken)),
            name: InputName { file: "a.txt".into(), gzip: false },
        };
        let events: Vec<Event> = read_text(opened, &ReadOptions::default()).collect();
        let [Event::Skipped(p)] = events.as_slice() else { panic!("{events:?}") };
        assert!(p.reason.contains("read error"), "{}", p.reason);
    }

    proptest! {
        #[test]
        fn any_bytes_give_one_event_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let events = read_bytes(&bytes);
            prop_assert!(matches!(events.first(), Some(Event::Document(_) | Event::Skipped(_))));
            prop_assert!(events.len() <= 2);
        }
    }
}
