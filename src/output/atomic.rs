//! Output files that appear whole or not at all.
//!
//! [`AtomicFile`] writes into a temporary file in the destination's folder and renames it over
//! the destination only when [`AtomicFile::commit`] is called, so a run that fails or is killed
//! never leaves a half-written CSV under the final name (a killed run may leave a
//! `.tenor-*.tmp` file beside it). A destination that exists and is not a regular file
//! (`/dev/null`, a named pipe, `/dev/stdout`) is written directly: renaming over it would
//! replace the device. [`refuse_input_overwrite`] stops a run from writing over one of its
//! own inputs.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written; renamed into place on commit, deleted if dropped uncommitted.
pub struct AtomicFile {
    /// The temporary file, or `None` when writing straight into a device or pipe.
    temp: Option<tempfile::NamedTempFile>,
    out: Option<BufWriter<File>>,
    destination: PathBuf,
}

impl AtomicFile {
    pub fn create(destination: &Path) -> io::Result<AtomicFile> {
        let special = std::fs::metadata(destination).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if special {
            let out = BufWriter::with_capacity(1 << 20, File::create(destination)?);
            return Ok(AtomicFile { temp: None, out: Some(out), destination: destination.to_path_buf() });
        }
        let dir = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".tenor-").suffix(".tmp");
        // Like `> out.csv`: readable by others as the umask allows, not the 0600 of a temp file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder.tempfile_in(dir)?;
        let out = BufWriter::with_capacity(1 << 20, temp.as_file().try_clone()?);
        Ok(AtomicFile { temp: Some(temp), out: Some(out), destination: destination.to_path_buf() })
    }

    /// Flushes and renames the file into place.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(mut out) = self.out.take() {
            out.flush()?;
        }
        if let Some(temp) = self.temp.take() {
            temp.as_file().sync_all()?;
            temp.persist(&self.destination).map_err(|e| e.error)?;
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.as_mut().map_or(Ok(0), |o| o.write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self.out.as_mut() {
            Some(o) => o.write_all(buf),
            None => Ok(()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().map_or(Ok(()), |o| o.flush())
    }
}

/// An error when `output` is the same file as one of `inputs`.
pub fn refuse_input_overwrite<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), String> {
    let Ok(out) = output.canonicalize() else {
        return Ok(()); // Does not exist yet, so it is no input.
    };
    for input in inputs {
        if input.canonicalize().is_ok_and(|i| i == out) {
            return Err(format!("refusing to write over the input file {}", input.display()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_appears_until_commit() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.csv");
        let mut file = AtomicFile::create(&dest).unwrap();
        file.write_all(b"a,b\n").unwrap();
        file.flush().unwrap();
        assert!(!dest.exists());
        file.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "a,b\n");
    }

    #[test]
    fn a_dropped_file_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.csv");
        {
            let mut file = AtomicFile::create(&dest).unwrap();
            file.write_all(b"partial").unwrap();
        }
        assert!(!dest.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_not_replaced() {
        let mut file = AtomicFile::create(Path::new("/dev/null")).unwrap();
        file.write_all(b"rows").unwrap();
        file.commit().unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must stay a device");
    }

    #[test]
    fn an_input_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.csv");
        std::fs::write(&input, "x").unwrap();
        let same = dir.path().join(".").join("in.csv");
        assert!(refuse_input_overwrite(&same, [input.as_path()]).is_err());
        assert!(refuse_input_overwrite(&dir.path().join("other.csv"), [input.as_path()]).is_ok());
    }
}
