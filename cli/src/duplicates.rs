//! The same response given twice counts once, in memory that does not grow with the
//! input.
//!
//! A response's identity is its [`fingerprint`](crate::response::fingerprint). Every
//! response read leaves a sighting: its identity, its place in the reading order and
//! its source. Which responses are copies is decided once everything is read, by
//! sorting the sightings on identity and place: the first of each identity counts,
//! the others are copies of it. The sightings fill a buffer of fixed size; a full
//! buffer is sorted and written to a temporary file as a run, and the runs are merged
//! 64 at a time, as a database sorts what does not fit in memory. What stays
//! in memory is the buffer and, at the end, the copies found. Where no temporary file
//! can be made or written, the buffer grows instead: more memory, the same copies.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;

use netwerkregie::Lang;

use crate::input::{SourceRef, Sources};

/// Sightings kept in memory before they go to disk (1 MiB).
const BUFFER: usize = 1 << 15;
/// Runs merged into one at a time: the merge reads [`READ_AHEAD`] bytes of each.
const FAN_IN: usize = 64;
/// Bytes read from a run at a time while merging.
const READ_AHEAD: usize = 4 << 10;
/// Bytes of a sighting on disk.
const RECORD: usize = 28;

/// A response seen before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    /// Where it came again.
    pub copy: SourceRef,
    /// Where it came first (and counts).
    pub first: SourceRef,
}

impl Duplicate {
    /// The warning, in `lang`.
    #[must_use]
    pub fn message(&self, sources: &Sources, lang: Lang) -> String {
        let copy = sources.name(self.copy);
        let first = sources.name(self.first);
        if copy == first {
            return if lang.is_dutch() {
                format!("{copy} is meer dan eens opgegeven; het telt één keer mee")
            } else {
                format!("{copy} is given more than once; it counts once")
            };
        }
        if lang.is_dutch() {
            format!("{copy} is dezelfde respons als {first}; die telt één keer mee")
        } else {
            format!("{copy} is the same response as {first}; it counts once")
        }
    }
}

/// Why the copies could not be found: the temporary file of the sightings could not be
/// read back.
#[must_use]
pub fn unsorted(e: &io::Error, lang: Lang) -> String {
    crate::t(
        lang,
        "dubbele responsen konden niet worden gezocht (tijdelijk bestand: {e})",
        "duplicates could not be looked for (temporary file: {e})",
    )
    .replace("{e}", &crate::input::io_problem(e, lang))
}

/// A response that does not count: a copy of one that came before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    /// Its place in the reading order.
    pub seq: u64,
    /// Its identity (the same as the first's).
    pub identity: u64,
    /// Where it and the first came.
    pub duplicate: Duplicate,
}

/// One response read. Ordered by identity, then place: the first of an identity
/// sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Sighting {
    identity: u64,
    seq: u64,
    file: u32,
    line: u64,
}

impl Sighting {
    fn at(&self) -> SourceRef {
        SourceRef {
            file: self.file,
            line: self.line,
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.identity.to_le_bytes());
        out.extend_from_slice(&self.seq.to_le_bytes());
        out.extend_from_slice(&self.file.to_le_bytes());
        out.extend_from_slice(&self.line.to_le_bytes());
    }

    fn read(bytes: &[u8; RECORD]) -> Sighting {
        let word = |at: usize| {
            let mut w = [0; 8];
            w.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(w)
        };
        let mut file = [0; 4];
        file.copy_from_slice(&bytes[16..20]);
        Sighting {
            identity: word(0),
            seq: word(8),
            file: u32::from_le_bytes(file),
            line: word(20),
        }
    }
}

/// The sightings of one thread's responses.
#[derive(Debug)]
pub struct Sightings {
    buffer: Vec<Sighting>,
    /// Where full buffers go, made when the first one is full.
    disk: Option<File>,
    /// Bytes written to `disk`.
    end: u64,
    /// The sorted runs in `disk`, as byte ranges, by level: a run of level `l + 1` is
    /// `fan_in` runs of level `l` merged.
    levels: Vec<Vec<Range<u64>>>,
    capacity: usize,
    fan_in: usize,
    /// Makes the temporary file (a field, so that a test can make it fail).
    make_disk: fn() -> io::Result<File>,
}

impl Default for Sightings {
    fn default() -> Sightings {
        Sightings::with_sizes(BUFFER, FAN_IN)
    }
}

impl Sightings {
    /// Sightings that go to disk every `capacity` and are merged `fan_in` runs at a time.
    fn with_sizes(capacity: usize, fan_in: usize) -> Sightings {
        Sightings {
            buffer: Vec::new(),
            disk: None,
            end: 0,
            levels: Vec::new(),
            capacity: capacity.max(1),
            fan_in: fan_in.max(2),
            make_disk: tempfile::tempfile,
        }
    }

    /// Records the response with `identity`, read as number `seq` at `at`.
    pub fn record(&mut self, identity: u64, seq: u64, at: SourceRef) {
        self.buffer.push(Sighting {
            identity,
            seq,
            file: at.file,
            line: at.line,
        });
        if self.buffer.len() >= self.capacity && self.spill().is_err() {
            // No temporary file to be had (a read-only or full disk): the sightings
            // stay in memory from here on, as they did before there were runs.
            self.capacity = usize::MAX;
        }
    }

    /// Writes the buffer as a sorted run, and merges a level that is full. On an
    /// error, every sighting is still where it was: in the buffer, or in a run.
    fn spill(&mut self) -> io::Result<()> {
        self.buffer.sort_unstable();
        let disk = match &self.disk {
            Some(disk) => disk,
            None => self.disk.insert((self.make_disk)()?),
        };
        let start = self.end;
        let mut out = Output::new(disk, start);
        for s in &self.buffer {
            out.push(*s)?;
        }
        self.end = out.finish()?;
        self.buffer.clear();
        let mut run = start..self.end;
        let mut level = 0;
        loop {
            if self.levels.len() <= level {
                self.levels.push(Vec::new());
            }
            self.levels[level].push(run);
            if self.levels[level].len() < self.fan_in {
                return Ok(());
            }
            let start = self.end;
            let mut out = Output::new(disk, start);
            let runs = self.levels[level].iter();
            merge(runs.map(|r| Run::disk(disk, r.clone())).collect(), |s| {
                out.push(s)
            })?;
            self.end = out.finish()?;
            self.levels[level].clear();
            run = start..self.end;
            level += 1;
        }
    }

    /// The copies among every sighting of `all` (the sightings of every thread), in
    /// the reading order.
    pub fn copies(all: Vec<Sightings>) -> io::Result<Vec<Repeat>> {
        let mut runs = Vec::new();
        let mut disks = Vec::new();
        for mut s in all {
            s.buffer.sort_unstable();
            runs.push(Run::Memory(std::mem::take(&mut s.buffer).into_iter()));
            if let Some(disk) = s.disk.take() {
                disks.push((disk, s.levels));
            }
        }
        for (disk, levels) in &disks {
            for r in levels.iter().flatten() {
                runs.push(Run::disk(disk, r.clone()));
            }
        }
        let mut copies = Vec::new();
        let mut first: Option<Sighting> = None;
        merge(runs, |s| {
            match first {
                Some(f) if f.identity == s.identity => copies.push(Repeat {
                    seq: s.seq,
                    identity: s.identity,
                    duplicate: Duplicate {
                        copy: s.at(),
                        first: f.at(),
                    },
                }),
                _ => first = Some(s),
            }
            Ok(())
        })?;
        copies.sort_unstable_by_key(|c| c.seq);
        Ok(copies)
    }
}

/// Sorted sightings to merge: a buffer, or a run on disk read a little at a time.
enum Run<'f> {
    Memory(std::vec::IntoIter<Sighting>),
    Disk {
        file: &'f File,
        /// What is left to read of the run.
        left: Range<u64>,
        bytes: Vec<u8>,
        /// Read up to here of `bytes`.
        at: usize,
    },
}

impl<'f> Run<'f> {
    fn disk(file: &'f File, range: Range<u64>) -> Run<'f> {
        Run::Disk {
            file,
            left: range,
            bytes: Vec::new(),
            at: 0,
        }
    }

    fn next(&mut self) -> io::Result<Option<Sighting>> {
        match self {
            Run::Memory(it) => Ok(it.next()),
            Run::Disk {
                file,
                left,
                bytes,
                at,
            } => {
                if *at == bytes.len() {
                    if left.is_empty() {
                        return Ok(None);
                    }
                    let want = (left.end - left.start).min((READ_AHEAD / RECORD * RECORD) as u64);
                    bytes.resize(want as usize, 0);
                    let mut f = *file;
                    f.seek(SeekFrom::Start(left.start))?;
                    f.read_exact(bytes)?;
                    left.start += want;
                    *at = 0;
                }
                let mut record = [0; RECORD];
                let slice = bytes.get(*at..*at + RECORD).ok_or_else(|| {
                    io::Error::new(io::ErrorKind::UnexpectedEof, "a sighting cut short")
                })?;
                record.copy_from_slice(slice);
                *at += RECORD;
                Ok(Some(Sighting::read(&record)))
            }
        }
    }
}

/// Merges sorted `runs` into one sorted stream, given to `out` one at a time.
fn merge(
    mut runs: Vec<Run<'_>>,
    mut out: impl FnMut(Sighting) -> io::Result<()>,
) -> io::Result<()> {
    let mut heap = BinaryHeap::with_capacity(runs.len());
    for (i, run) in runs.iter_mut().enumerate() {
        if let Some(s) = run.next()? {
            heap.push(Reverse((s, i)));
        }
    }
    while let Some(Reverse((s, i))) = heap.pop() {
        out(s)?;
        if let Some(next) = runs[i].next()? {
            heap.push(Reverse((next, i)));
        }
    }
    Ok(())
}

/// Sightings written to the end of a file, through a buffer.
struct Output<'f> {
    file: &'f File,
    end: u64,
    bytes: Vec<u8>,
}

impl<'f> Output<'f> {
    fn new(file: &'f File, end: u64) -> Output<'f> {
        Output {
            file,
            end,
            bytes: Vec::with_capacity(READ_AHEAD * 4),
        }
    }

    fn push(&mut self, s: Sighting) -> io::Result<()> {
        s.write(&mut self.bytes);
        if self.bytes.len() >= READ_AHEAD * 4 {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut f = self.file;
        f.seek(SeekFrom::Start(self.end))?;
        f.write_all(&self.bytes)?;
        self.end += self.bytes.len() as u64;
        self.bytes.clear();
        Ok(())
    }

    /// Writes what is left; the end of the file.
    fn finish(mut self) -> io::Result<u64> {
        self.flush()?;
        Ok(self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn at(file: u32, line: u64) -> SourceRef {
        SourceRef { file, line }
    }

    #[test]
    fn the_first_counts() {
        let mut seen = Sightings::default();
        let (a, b) = (at(0, 0), at(1, 3));
        seen.record(7, 0, a);
        seen.record(8, 1, b);
        seen.record(7, 2, b);
        let copies = Sightings::copies(vec![seen]).expect("memory");
        assert_eq!(
            copies,
            vec![Repeat {
                seq: 2,
                identity: 7,
                duplicate: Duplicate { copy: b, first: a },
            }]
        );
    }

    #[test]
    fn sources_keep_every_bit() {
        let mut seen = Sightings::with_sizes(2, 2);
        let far = at(u32::MAX, u64::MAX);
        seen.record(u64::MAX, 0, far);
        seen.record(u64::MAX, 1, at(0, 1));
        seen.record(0, 2, at(1, 1 << 40));
        let copies = Sightings::copies(vec![seen]).expect("disk");
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].duplicate.first, far);
    }

    /// What the copies are, found the plain way: in order, with a map.
    fn plainly(sightings: &[(u64, u64, SourceRef)]) -> Vec<Repeat> {
        let mut first: HashMap<u64, SourceRef> = HashMap::new();
        let mut copies = Vec::new();
        for &(identity, seq, at) in sightings {
            match first.get(&identity) {
                Some(&f) => copies.push(Repeat {
                    seq,
                    identity,
                    duplicate: Duplicate { copy: at, first: f },
                }),
                None => {
                    first.insert(identity, at);
                }
            }
        }
        copies
    }

    #[test]
    fn runs_on_disk_merged_in_levels_find_what_a_map_finds() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let sightings: Vec<(u64, u64, SourceRef)> = (0..5_000u64)
            .map(|seq| (next(1_500), seq, at(next(7) as u32, seq + 1)))
            .collect();
        let expected = plainly(&sightings);
        assert!(expected.len() > 3_000, "the data has copies");
        // One thread, and three that took turns; tiny buffers make runs of 1 to 3
        // levels, and a buffer left in memory at the end.
        for (threads, capacity, fan_in) in [(1, 7, 3), (1, 100, 2), (3, 13, 4), (3, 10_000, 64)] {
            let mut all: Vec<Sightings> = (0..threads)
                .map(|_| Sightings::with_sizes(capacity, fan_in))
                .collect();
            for (i, &(identity, seq, at)) in sightings.iter().enumerate() {
                all[(i / 17) % threads].record(identity, seq, at);
            }
            if capacity < 5_000 {
                assert!(all[0].levels.len() >= 2, "runs were merged on disk");
            }
            let copies = Sightings::copies(all).expect("disk");
            assert_eq!(copies, expected, "{threads} {capacity} {fan_in}");
        }

        // No temporary file can be made, or written: the sightings stay in memory,
        // and the copies are the same.
        let cannot_make: fn() -> io::Result<File> =
            || Err(io::Error::new(io::ErrorKind::PermissionDenied, "read-only"));
        let cannot_write: fn() -> io::Result<File> = || File::open("/dev/null");
        for make_disk in [cannot_make, cannot_write] {
            let mut seen = Sightings {
                make_disk,
                ..Sightings::with_sizes(10, 3)
            };
            for &(identity, seq, at) in &sightings {
                seen.record(identity, seq, at);
            }
            assert!(seen.levels.is_empty());
            assert_eq!(seen.buffer.len(), sightings.len());
            assert_eq!(Sightings::copies(vec![seen]).expect("memory"), expected);
        }
    }
}
