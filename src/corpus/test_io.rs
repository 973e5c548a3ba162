//! Test inputs for the readers.

use std::io::{self, Read};

/// Hands out its bytes at most `chunk` at a time, so that lines, characters and sequences
/// cross the ends of reads and buffers.
pub(crate) struct Chunked {
    bytes: Vec<u8>,
    at: usize,
    chunk: usize,
}

impl Chunked {
    pub(crate) fn new(bytes: impl Into<Vec<u8>>, chunk: usize) -> Chunked {
        Chunked { bytes: bytes.into(), at: 0, chunk }
    }
}

impl Read for Chunked {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.chunk.min(buf.len()).min(self.bytes.len() - self.at);
        buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Fails every read, as a device that went away does.
pub(crate) struct Broken;

impl Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::other("device gone"))
    }
}
