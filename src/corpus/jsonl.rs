//! JSON Lines files: one JSON object per line, one document per object, streamed line by line.
//!
//! The first object plays the part of a CSV header: the text field, and every field named with a
//! `--*-col` option, must be in it (a dotted path such as `meta.source` reaches into nested
//! objects), and common names (`text`, `body`, `id`, ...) are looked for among its top-level
//! keys. Later lines are read by the same names; only the fields used are kept, the rest are
//! skipped without building them.
//!
//! Blank lines are ignored. A line that is not valid JSON, is not an object, or whose text field
//! is missing, null or not a string is skipped; the lines around it are still read. Other fields
//! are rendered as text: numbers and booleans as written in JSON terms, arrays and objects as
//! compact JSON.
//!
//! Not for JSON arrays or pretty-printed JSON spanning lines.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead, BufReader};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::columns;
use super::decode::{Decoder, BUF_CAPACITY};
use super::{Advance, CorpusError, Document, Event, InputName, Opened, Queued, ReadOptions};

/// Reads up to the first object, which names the fields, and returns the events of all lines.
pub(crate) fn read_jsonl(
    opened: Opened,
    opts: &ReadOptions,
) -> Result<Box<dyn Iterator<Item = Event> + Send>, CorpusError> {
    let Opened { bytes, name } = opened;
    let mut lines = Lines::new(BufReader::with_capacity(BUF_CAPACITY, Decoder::new(bytes)));
    let mut queue = VecDeque::new();
    loop {
        match lines.next_record() {
            Ok(true) => {}
            Ok(false) => return Ok(Box::new(lines.finish(queue, &name, None).into_iter())),
            Err(err) => return Ok(Box::new(lines.finish(queue, &name, Some(err)).into_iter())),
        }
        let line = lines.line;
        match serde_json::from_str::<Value>(&lines.text()) {
            Err(err) => queue.push_back(name.skipped(line, json_error(&err))),
            Ok(Value::Object(mut object)) => {
                let fields = Fields::resolve(&object, opts, &name.file, line)?;
                let values = fields.heads.iter().map(|h| object.remove(h)).collect();
                let mut events = JsonlEvents { lines, fields, name, queue, done: false };
                events.emit(values);
                return Ok(Box::new(Queued(events)));
            }
            Ok(other) => queue.push_back(name.skipped(line, not_an_object(json_type(&other)))),
        }
    }
}

/// The lines of a JSONL stream.
///
/// A line that lies whole inside the reader's buffer is read in place, without copying it;
/// only a line that crosses the end of the buffer is gathered into `buf`.
struct Lines {
    reader: BufReader<Decoder>,
    /// The current line, when it crossed the end of the reader's buffer.
    buf: Vec<u8>,
    /// The length of the current line at the start of the reader's buffer, still to be
    /// consumed; 0 when the line is in `buf`.
    in_place: usize,
    /// The line number of the current line.
    line: u64,
    /// Non-blank lines read so far.
    records: u64,
}

impl Lines {
    fn new(reader: BufReader<Decoder>) -> Lines {
        Lines { reader, buf: Vec::new(), in_place: 0, line: 0, records: 0 }
    }

    /// Reads the next non-blank line; `false` at the end of the stream.
    fn next_record(&mut self) -> io::Result<bool> {
        loop {
            if !self.next_line()? {
                return Ok(false);
            }
            self.line += 1;
            if !self.current().trim_ascii().is_empty() {
                self.records += 1;
                return Ok(true);
            }
        }
    }

    /// Reads the next line, with its `\n` if it has one; `false` at the end of the stream.
    fn next_line(&mut self) -> io::Result<bool> {
        self.reader.consume(std::mem::take(&mut self.in_place));
        self.buf.clear();
        let available = fill_buf(&mut self.reader)?;
        if let Some(end) = memchr::memchr(b'\n', available) {
            self.in_place = end + 1;
            return Ok(true);
        }
        // The line crosses the end of the buffer (or ends the stream): gather it.
        loop {
            let available = fill_buf(&mut self.reader)?;
            if available.is_empty() {
                return Ok(!self.buf.is_empty());
            }
            let (len, done) = match memchr::memchr(b'\n', available) {
                Some(end) => (end + 1, true),
                None => (available.len(), false),
            };
            self.buf.extend_from_slice(&available[..len]);
            self.reader.consume(len);
            if done {
                return Ok(true);
            }
        }
    }

    /// The current line's bytes, with its `\n` if it has one.
    fn current(&self) -> &[u8] {
        if self.in_place > 0 {
            &self.reader.buffer()[..self.in_place]
        } else {
            &self.buf
        }
    }

    /// The line without its line end, so that serde_json's positions stay on line 1.
    fn text(&self) -> Cow<'_, str> {
        let line = self.current();
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        // `from_utf8` validates valid text faster than `from_utf8_lossy` does.
        match std::str::from_utf8(line) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(line),
        }
    }

    /// The events that end the stream: the invalid-text warning, then what broke it, if anything.
    fn finish(
        &self,
        mut queue: VecDeque<Event>,
        name: &InputName,
        err: Option<io::Error>,
    ) -> VecDeque<Event> {
        if let Some(lossy) = self.reader.get_ref().lossy() {
            queue.push_back(lossy.warning(&name.file));
        }
        if let Some(err) = err {
            // The line being read when the stream broke.
            queue.push_back(name.stream_error(self.line + 1, &err, self.records));
        }
        queue
    }
}

/// The reader's buffered bytes, refilled if empty, retrying interrupted reads as `read_until`
/// does.
fn fill_buf(reader: &mut BufReader<Decoder>) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            // Re-borrowed, for the borrow checker: the buffer is filled now.
            Ok(_) => return Ok(reader.buffer()),
            Err(err) => return Err(err),
        }
    }
}

/// Where to find a field: a top-level key (by its index in [`Fields::heads`]), then keys of
/// nested objects.
#[derive(Debug)]
struct FieldPath {
    head: usize,
    tail: Vec<String>,
    name: String,
}

/// The fields used, resolved on the first object.
#[derive(Debug)]
struct Fields {
    /// The top-level keys to keep when parsing a line.
    heads: Vec<String>,
    text: FieldPath,
    id: Option<FieldPath>,
    date: Option<FieldPath>,
    source: Option<FieldPath>,
    title: Option<FieldPath>,
    keep: Vec<FieldPath>,
}

/// How deep into nested objects field names are offered, and how many at most.
const MAX_DEPTH: usize = 8;
const MAX_NAMES: usize = 10_000;

impl Fields {
    fn resolve(
        first: &Map<String, Value>,
        opts: &ReadOptions,
        file: &str,
        line: u64,
    ) -> Result<Fields, CorpusError> {
        let mut paths = Vec::new();
        flatten(first, &mut Vec::new(), &mut paths);
        let names: Vec<String> = paths.iter().map(|path| path.join(".")).collect();
        let cols = columns::resolve(&names, opts, file, line)?;
        let mut heads: Vec<String> = Vec::new();
        let mut field = |i: usize| {
            let (head, tail) = paths[i].split_first().expect("flatten makes no empty paths");
            let head = match heads.iter().position(|h| h == head) {
                Some(at) => at,
                None => {
                    heads.push(head.clone());
                    heads.len() - 1
                }
            };
            FieldPath { head, tail: tail.to_vec(), name: names[i].clone() }
        };
        let text = field(cols.text);
        let id = cols.id.map(&mut field);
        let date = cols.date.map(&mut field);
        let source = cols.source.map(&mut field);
        let title = cols.title.map(&mut field);
        let keep = cols.keep.iter().map(|&i| field(i)).collect();
        Ok(Fields { heads, text, id, date, source, title, keep })
    }
}

/// Lists the key paths of an object, nested objects included.
fn flatten(object: &Map<String, Value>, prefix: &mut Vec<String>, paths: &mut Vec<Vec<String>>) {
    for (key, value) in object {
        if paths.len() >= MAX_NAMES {
            return;
        }
        prefix.push(key.clone());
        paths.push(prefix.clone());
        if let Value::Object(inner) = value {
            if prefix.len() < MAX_DEPTH {
                flatten(inner, prefix, paths);
            }
        }
        prefix.pop();
    }
}

/// The events of the lines from the first object on.
struct JsonlEvents {
    lines: Lines,
    fields: Fields,
    name: InputName,
    queue: VecDeque<Event>,
    done: bool,
}

impl Advance for JsonlEvents {
    fn advance(&mut self) {
        JsonlEvents::advance(self);
    }

    fn queue(&mut self) -> &mut VecDeque<Event> {
        &mut self.queue
    }

    fn done(&self) -> bool {
        self.done
    }
}

impl JsonlEvents {
    fn advance(&mut self) {
        match self.lines.next_record() {
            Ok(true) => {}
            Ok(false) => return self.end(None),
            Err(err) => return self.end(Some(err)),
        }
        let line = self.lines.line;
        let parsed = parse_line(&self.lines.text(), &self.fields.heads);
        match parsed {
            Ok(Picked::Object(values)) => self.emit(values),
            Ok(Picked::Other(kind)) => {
                let event = self.name.skipped(line, not_an_object(kind));
                self.queue.push_back(event);
            }
            Err(err) => {
                let event = self.name.skipped(line, json_error(&err));
                self.queue.push_back(event);
            }
        }
    }

    fn end(&mut self, err: Option<io::Error>) {
        self.done = true;
        let queue = std::mem::take(&mut self.queue);
        self.queue = self.lines.finish(queue, &self.name, err);
    }

    /// Queues the event for the object on the current line, given its top-level `values`.
    fn emit(&mut self, mut values: Vec<Option<Value>>) {
        let line = self.lines.line;
        let fields = &self.fields;
        let optional = |path: &Option<FieldPath>| {
            path.as_ref()
                .and_then(|path| get(&values, path))
                .and_then(render)
                .filter(|value| !value.trim().is_empty())
        };
        let id = optional(&fields.id).unwrap_or_else(|| self.name.fallback_id(line));
        let date = optional(&fields.date);
        let source = optional(&fields.source);
        let title = optional(&fields.title);
        let kept =
            fields.keep.iter().map(|path| get(&values, path).and_then(render).unwrap_or_default()).collect();
        let event = match take(&mut values, &fields.text) {
            Some(Value::String(text)) => Event::Document(Document {
                id,
                date,
                source,
                title,
                text,
                kept,
                origin: self.name.origin(line),
            }),
            None => self.name.skipped(line, format!("text field \"{}\" is missing", fields.text.name)),
            Some(Value::Null) => {
                self.name.skipped(line, format!("text field \"{}\" is null", fields.text.name))
            }
            Some(other) => self.name.skipped(
                line,
                format!("text field \"{}\" is {}, not a string", fields.text.name, json_type(&other)),
            ),
        };
        self.queue.push_back(event);
    }
}

fn get<'v>(values: &'v [Option<Value>], path: &FieldPath) -> Option<&'v Value> {
    let mut value = values.get(path.head)?.as_ref()?;
    for key in &path.tail {
        value = value.as_object()?.get(key)?;
    }
    Some(value)
}

/// Takes a value out, to hand on a long text without copying it.
fn take(values: &mut [Option<Value>], path: &FieldPath) -> Option<Value> {
    let slot = values.get_mut(path.head)?;
    let Some((last, between)) = path.tail.split_last() else {
        return slot.take();
    };
    let mut value = slot.as_mut()?;
    for key in between {
        value = value.as_object_mut()?.get_mut(key)?;
    }
    value.as_object_mut()?.remove(last)
}

/// A field's value as text: `None` for null.
fn render(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn not_an_object(kind: &str) -> String {
    format!("line is {kind}, not a JSON object")
}

/// serde_json's message, with the column but without the line (always 1 for one line).
fn json_error(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    format!("invalid JSON at column {}: {message}", err.column())
}

/// Parses one line, keeping only the top-level values named in `heads`.
fn parse_line(text: &str, heads: &[String]) -> Result<Picked, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let picked = PickFields { heads }.deserialize(&mut de)?;
    de.end()?;
    Ok(picked)
}

/// A parsed line: the wanted top-level values of an object (by index in the heads), or the
/// kind of JSON value the line held instead.
enum Picked {
    Object(Vec<Option<Value>>),
    Other(&'static str),
}

struct PickFields<'h> {
    heads: &'h [String],
}

impl<'de> DeserializeSeed<'de> for PickFields<'_> {
    type Value = Picked;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Picked, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PickFields<'_> {
    type Value = Picked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let mut values = vec![None; self.heads.len()];
        while let Some(slot) = map.next_key_seed(KeySlot { heads: self.heads })? {
            match slot {
                Some(at) => values[at] = Some(map.next_value::<Value>()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Picked::Object(values))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Picked, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Picked::Other("an array"))
    }

    fn visit_str<E>(self, _: &str) -> Result<Picked, E> {
        Ok(Picked::Other("a string"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Picked, E> {
        Ok(Picked::Other("a boolean"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Picked, E> {
        Ok(Picked::Other("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Picked, E> {
        Ok(Picked::Other("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Picked, E> {
        Ok(Picked::Other("a number"))
    }

    fn visit_unit<E>(self) -> Result<Picked, E> {
        Ok(Picked::Other("null"))
    }
}

/// Reads an object key as the index of the wanted top-level key it is, without allocating.
struct KeySlot<'h> {
    heads: &'h [String],
}

impl<'de> DeserializeSeed<'de> for KeySlot<'_> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Option<usize>, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySlot<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.heads.iter().position(|head| head == key))
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use proptest::prelude::*;

    use super::*;
    use crate::corpus::test_io::{Broken, Chunked};

    fn read_with(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Event>, CorpusError> {
        let opened = Opened {
            bytes: Box::new(Cursor::new(bytes.to_vec())),
            name: InputName { file: "news.jsonl".into(), gzip: false },
        };
        Ok(read_jsonl(opened, opts)?.collect())
    }

    fn events(bytes: &[u8]) -> Vec<Event> {
        read_with(bytes, &ReadOptions::default()).unwrap()
    }

    fn summary(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|event| match event {
                Event::Document(d) => format!("doc {} {}", d.origin.line, d.text),
                Event::Skipped(p) => format!("skip {} {}", p.origin.line, p.reason),
                Event::Warning(p) => format!("warn {} {}", p.origin.line, p.reason),
            })
            .collect()
    }

    fn first_document(events: &[Event]) -> &Document {
        events
            .iter()
            .find_map(|e| match e {
                Event::Document(d) => Some(d),
                _ => None,
            })
            .expect("a document")
    }

    #[test]
    fn objects_become_documents_with_their_fields() {
        let events = events(
            br#"{"URL":"u1","headline":"T","body":"Up.","published":20240102,"outlet":"Wire","x":[1]}"#,
        );
        let doc = first_document(&events);
        assert_eq!(doc.id, "u1");
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.text, "Up.");
        assert_eq!(doc.date.as_deref(), Some("20240102"));
        assert_eq!(doc.source.as_deref(), Some("Wire"));
        assert_eq!(doc.origin.line, 1);
    }

    #[test]
    fn dotted_paths_reach_into_nested_objects() {
        let opts = ReadOptions {
            text_col: Some("content.body".into()),
            source_col: Some("meta.source".into()),
            keep_cols: vec!["meta.tags".into(), "meta.rank".into(), "meta.none".into()],
            ..ReadOptions::default()
        };
        let line =
            br#"{"content":{"body":"Up."},"meta":{"source":"Wire","tags":["a","b"],"rank":1.5,"none":null}}"#;
        let events = read_with(line, &opts).unwrap();
        let doc = first_document(&events);
        assert_eq!((doc.text.as_str(), doc.source.as_deref()), ("Up.", Some("Wire")));
        assert_eq!(doc.kept, ["[\"a\",\"b\"]", "1.5", ""]);
    }

    #[test]
    fn missing_text_field_in_first_object_lists_the_fields() {
        let err = read_with(br#"{"id":1,"meta":{"src":"x"}}"#, &ReadOptions::default());
        let msg = err.unwrap_err().to_string();
        assert!(msg.starts_with("news.jsonl:1: no text column"), "{msg}");
        assert!(msg.ends_with("\"id\", \"meta\", \"meta.src\""), "{msg}");
        let opts = ReadOptions { date_col: Some("meta.date".into()), ..ReadOptions::default() };
        let err = read_with(br#"{"text":"a"}"#, &opts).unwrap_err();
        assert!(err.to_string().contains("no column \"meta.date\""), "{err}");
    }

    #[test]
    fn bad_lines_are_skipped_and_the_others_read() {
        let input = b"not json\n\n{\"text\":\"one\",\"id\":7}\r\n[1,2]\n{\"text\":\"two\"\n  \n\"str\"\n{\"text\":\"three\"}";
        assert_eq!(
            summary(&events(input)),
            [
                "skip 1 invalid JSON at column 2: expected ident",
                "doc 3 one",
                "skip 4 line is an array, not a JSON object",
                "skip 5 invalid JSON at column 13: EOF while parsing an object",
                "skip 7 line is a string, not a JSON object",
                "doc 8 three",
            ]
        );
    }

    #[test]
    fn text_null_missing_or_not_a_string_is_skipped() {
        let input = br#"{"text":"ok","id":"a"}
{"text":null}
{"id":"b"}
{"text":3}
{"text":true}
{"text":["a"]}
{"text":{"b":1}}
{"text":""}
"#;
        assert_eq!(
            summary(&events(input)),
            [
                "doc 1 ok",
                "skip 2 text field \"text\" is null",
                "skip 3 text field \"text\" is missing",
                "skip 4 text field \"text\" is a number, not a string",
                "skip 5 text field \"text\" is a boolean, not a string",
                "skip 6 text field \"text\" is an array, not a string",
                "skip 7 text field \"text\" is an object, not a string",
                "doc 8 ",
            ]
        );
    }

    #[test]
    fn id_falls_back_to_file_and_line_and_numbers_are_text() {
        let input = b"\n{\"text\":\"a\",\"id\":null,\"date\":1700000000}\n{\"text\":\"b\",\"id\":12}";
        let events = events(input);
        let ids: Vec<(&str, Option<&str>)> = events
            .iter()
            .filter_map(|e| match e {
                Event::Document(d) => Some((d.id.as_str(), d.date.as_deref())),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [("news.jsonl:2", Some("1700000000")), ("12", None)]);
    }

    #[test]
    fn lone_cr_line_ends_count_as_lines() {
        let input = b"{\"text\":\"a\"}\r{\"text\":\"b\"}\r\r{\"text\":\"c\"}\r";
        assert_eq!(summary(&events(input)), ["doc 1 a", "doc 2 b", "doc 4 c"]);
    }

    #[test]
    fn empty_file_has_no_events() {
        assert!(events(b"").is_empty());
        assert!(events(b"\n \n").is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported_once() {
        let input = b"{\"text\":\"caf\xE9\"}\n{\"text\":\"ok\"}\n{\"text\":\"\xFF\"}\n";
        assert_eq!(
            summary(&events(input)),
            [
                "doc 1 caf\u{FFFD}",
                "doc 2 ok",
                "doc 3 \u{FFFD}",
                "warn 1 invalid UTF-8 replaced with U+FFFD: 2 bad sequence(s), the first at \
                 byte offset 12"
            ]
        );
    }

    #[test]
    fn utf16_jsonl_is_decoded() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("{\"text\":\"\u{e9}\"}\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(summary(&events(&bytes)), ["doc 1 \u{e9}"]);
    }

    #[test]
    fn io_error_mid_file_keeps_earlier_lines_then_ends() {
        let bytes = Cursor::new(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"te".to_vec()).chain(Broken);
        let opened =
            Opened { bytes: Box::new(bytes), name: InputName { file: "n.jsonl".into(), gzip: false } };
        let events: Vec<Event> = read_jsonl(opened, &ReadOptions::default()).unwrap().collect();
        assert_eq!(
            summary(&events),
            [
                "doc 1 a",
                "doc 2 b",
                "skip 3 read error after 2 record(s): device gone; the rest of the file is not read"
            ]
        );
    }

    #[test]
    fn truncated_gzip_yields_lines_read_then_says_so() {
        use std::io::Write;
        let mut jsonl = Vec::new();
        for i in 0..2000 {
            jsonl.extend_from_slice(format!("{{\"id\":{i},\"text\":\"line {i} of the news\"}}\n").as_bytes());
        }
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(&jsonl).unwrap();
        let gz = encoder.finish().unwrap();
        let cut = Cursor::new(gz[..gz.len() / 2].to_vec());
        let opened = Opened {
            bytes: Box::new(flate2::read::MultiGzDecoder::new(cut)),
            name: InputName { file: "n.jsonl.gz".into(), gzip: true },
        };
        let events: Vec<Event> = read_jsonl(opened, &ReadOptions::default()).unwrap().collect();
        let (last, docs) = events.split_last().unwrap();
        assert!(docs.len() > 100 && docs.len() < 2000, "{}", docs.len());
        assert!(docs.iter().all(|e| matches!(e, Event::Document(_))));
        let expected = format!(
            "skip {} gzip stream is truncated after {} record(s): the rest of the file is lost",
            docs.len() + 1,
            docs.len()
        );
        assert_eq!(summary(std::slice::from_ref(last)), [expected]);
    }

    #[test]
    fn lines_crossing_buffer_ends_read_like_the_others() {
        let mut input = Vec::new();
        let mut expected = Vec::new();
        let mut line = 0;
        for i in 0..40 {
            let text = "word ".repeat(i * 37 % 101) + if i == 7 { "\\u00e9" } else { "" };
            line += 1;
            input.extend_from_slice(format!("{{\"text\":\"{text}\"}}").as_bytes());
            input.extend_from_slice(if i % 3 == 0 { b"\r\n" } else { b"\n" });
            let text = text.replace("\\u00e9", "\u{e9}");
            expected.push(format!("doc {line} {text}"));
            if i % 5 == 0 {
                line += 1;
                input.extend_from_slice(b"  \n");
            }
        }
        // A line longer than the reader's buffer, then one without a line end.
        let long = "a".repeat(BUF_CAPACITY + 10);
        input.extend_from_slice(format!("{{\"text\":\"{long}\"}}\n{{\"text\":\"end\"}}").as_bytes());
        expected.push(format!("doc {} {long}", line + 1));
        expected.push(format!("doc {} end", line + 2));
        for chunk in [1, 7, 64, 1 << 20] {
            let opened = Opened {
                bytes: Box::new(Chunked::new(input.clone(), chunk)),
                name: InputName { file: "n.jsonl".into(), gzip: false },
            };
            let events: Vec<Event> = read_jsonl(opened, &ReadOptions::default()).unwrap().collect();
            assert_eq!(summary(&events), expected, "chunk {chunk}");
        }
    }

    proptest! {
        #[test]
        fn any_bytes_never_panic_and_lines_are_positive(
            first in prop::sample::select(vec![&b""[..], b"{\"text\":\"x\",\"id\":1}\n"]),
            body in proptest::collection::vec(any::<u8>(), 0..300),
            json_ish in proptest::collection::vec(
                prop::sample::select(vec![
                    &b"{"[..], b"}", b"\"text\"", b":", b",", b"\"a\"", b"null", b"1", b"[", b"]",
                    b"\n", b"\r", b" ", b"\xFF", b"\"meta\"",
                ]),
                0..60,
            ),
        ) {
            for tail in [body, json_ish.concat()] {
                let mut bytes = first.to_vec();
                bytes.extend_from_slice(&tail);
                if let Ok(events) = read_with(&bytes, &ReadOptions::default()) {
                    for event in events {
                        let line = match &event {
                            Event::Document(d) => d.origin.line,
                            Event::Skipped(p) | Event::Warning(p) => p.origin.line,
                        };
                        prop_assert!(line >= 1, "{event:?}");
                    }
                }
            }
        }
    }
}
