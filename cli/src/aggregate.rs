//! The group report over many responses, parsed on every core.
//!
//! One thread reads (files and JSON Lines in order) and packs the texts into batches:
//! one string per batch, not one per response. The other threads parse and score the
//! batches into groups of their own, which are merged at the end. Responses are
//! numbered as read, so the merged report is the one a single thread would make: the
//! counts, names and comments exactly, the means and spreads to within rounding in
//! the last digit (a sum merged from parts can round otherwise than one added in
//! order, and which worker takes which batch varies from run to run).
//!
//! Duplicates are decided after the reading, from the sightings each thread recorded
//! ([`Sightings`]): nothing waits for its turn, and memory does not grow with the
//! input. The first pass counts every response; when it found copies, the sources
//! are read a second time with the copies left out (each checked to be the copy it
//! was). Deciding on the parsed response, not its raw text, is what makes a
//! reformatted copy a duplicate too.

use std::ops::{ControlFlow, Range};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use netwerkregie::split::{Options, Splitter};
use netwerkregie::{Group, Instrument, Lang};

use crate::duplicates::{self, Duplicate, Repeat, Sightings};
use crate::input::{self, SourceRef, Sources};
use crate::response;
use crate::t;

/// Responses handed to a worker at a time: large enough to make the channel cheap.
const BATCH: usize = 128;
/// Text handed to a worker at a time, at most (plus one response): bounds memory
/// when the responses are large.
const BATCH_BYTES: usize = 1 << 20;

/// Something to tell about one response, in the order of the responses.
#[derive(Debug)]
pub enum Note {
    /// The response cannot be read: the source and the sentence why.
    Problem(SourceRef, String),
    /// The response came before; it counts once.
    Duplicate(Duplicate),
}

impl Note {
    /// The line to print.
    #[must_use]
    pub fn message(&self, sources: &Sources, lang: Lang) -> String {
        match self {
            Note::Problem(at, problem) => format!("{}: {problem}", sources.name(*at)),
            Note::Duplicate(d) => d.message(sources, lang),
        }
    }
}

/// The group of every response read, with the notes in the order of the responses.
pub struct Gathered<'a> {
    /// Every valid response, each identity once.
    pub group: Group<'a>,
    /// The same responses split as asked (`None` when no split was asked for).
    pub splits: Option<Splitter<'a>>,
    /// Problems and duplicates, in order.
    pub notes: Vec<Note>,
    /// How many of the notes are problems.
    pub problems: usize,
}

/// Texts of responses, read in order.
struct Batch {
    /// The texts, one after another.
    text: String,
    /// Per response: its sequence number, source, and span of `text` or problem.
    items: Vec<(u64, SourceRef, Result<Range<usize>, String>)>,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            text: String::new(),
            items: Vec::with_capacity(BATCH),
        }
    }

    fn is_full(&self) -> bool {
        self.items.len() >= BATCH || self.text.len() >= BATCH_BYTES
    }
}

/// What a pass does about duplicates.
#[derive(Debug, Clone, Copy)]
enum Pass<'c> {
    /// Every response counts, and leaves a sighting.
    First,
    /// The copies the first pass found (in the reading order) are left out.
    Again(&'c [Repeat]),
}

/// What one pass found, on one thread or merged from all.
struct Part<'a> {
    group: Group<'a>,
    splits: Option<Splitter<'a>>,
    /// The responses that cannot be read: place in the reading order, source, why.
    problems: Vec<(u64, SourceRef, String)>,
    /// The sightings of each thread that filled this part, its own first.
    sightings: Vec<Sightings>,
    /// A copy left out on the second pass was another response now.
    changed: bool,
}

impl<'a> Part<'a> {
    fn new(instrument: &'a Instrument, options: &Options) -> Part<'a> {
        Part {
            group: Group::new(instrument),
            splits: splitter(instrument, options),
            problems: Vec::new(),
            sightings: vec![Sightings::default()],
            changed: false,
        }
    }

    /// Takes response number `seq` from `at` (its text, or why there is none).
    fn take(
        &mut self,
        seq: u64,
        at: SourceRef,
        text: Result<&str, String>,
        lang: Lang,
        pass: Pass<'_>,
    ) {
        let instrument = self.group.instrument();
        let response = match text.and_then(|text| response::parse(text, instrument, lang)) {
            Ok(response) => response,
            Err(problem) => {
                self.problems.push((seq, at, problem));
                return;
            }
        };
        match pass {
            Pass::First => {
                if let Some(sightings) = self.sightings.first_mut() {
                    sightings.record(response::fingerprint(&response), seq, at);
                }
            }
            Pass::Again(copies) => {
                if let Ok(i) = copies.binary_search_by_key(&seq, |c| c.seq) {
                    if copies[i].identity != response::fingerprint(&response) {
                        self.changed = true;
                    }
                    return;
                }
            }
        }
        self.group.add_numbered(&response, seq);
        if let Some(s) = &mut self.splits {
            s.add_numbered(&response, seq);
        }
    }

    /// Takes in the part of another thread.
    fn merge(&mut self, other: Part<'_>) {
        self.group.merge(other.group);
        if let (Some(all), Some(part)) = (&mut self.splits, other.splits) {
            all.merge(part);
        }
        self.problems.extend(other.problems);
        self.sightings.extend(other.sightings);
        self.changed |= other.changed;
    }
}

/// Aggregates every response in `sources`, each identity once. The sources are read
/// twice when some response came more than once; [`Sources::rereadable`] makes sure
/// that reads the same.
pub fn gather<'a>(
    sources: &Sources,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
) -> Result<Gathered<'a>, String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 8));
    let (first, read) = read_all(sources, instrument, lang, options, Pass::First, workers)?;
    let copies = Sightings::copies(first.sightings).map_err(|e| {
        format!(
            "{}; {}",
            duplicates::unsorted(&e, lang),
            t(lang, "er is geen rapport gemaakt", "no report was made")
        )
    })?;
    let problems = first.problems.len();
    let mut notes: Vec<(u64, Note)> = first
        .problems
        .into_iter()
        .map(|(seq, at, problem)| (seq, Note::Problem(at, problem)))
        .chain(copies.iter().map(|c| (c.seq, Note::Duplicate(c.duplicate))))
        .collect();
    notes.sort_by_key(|(seq, _)| *seq);
    let notes = notes.into_iter().map(|(_, n)| n).collect();
    if copies.is_empty() || problems > 0 {
        return Ok(Gathered {
            group: first.group,
            splits: first.splits,
            notes,
            problems,
        });
    }
    let (again, read_again) = read_all(
        sources,
        instrument,
        lang,
        options,
        Pass::Again(&copies),
        workers,
    )?;
    if again.changed || !again.problems.is_empty() || read_again != read {
        return Err(t(
            lang,
            "de bestanden veranderden terwijl ze werden gelezen; er is geen rapport gemaakt",
            "the files changed while they were read; no report was made",
        )
        .to_owned());
    }
    Ok(Gathered {
        group: again.group,
        splits: again.splits,
        notes,
        problems,
    })
}

/// One pass over `sources`: what it found, and how many responses it read.
fn read_all<'a>(
    sources: &Sources,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
    pass: Pass<'_>,
    workers: usize,
) -> Result<(Part<'a>, u64), String> {
    if workers == 1 {
        return Ok(read_here(sources, instrument, lang, options, pass));
    }
    let (send, receive) = sync_channel::<Batch>(workers * 2);
    // Batches go back to the reader once parsed and are filled again: memory stays
    // the few batches in flight, never fragmented by a million texts.
    let (give_back, returned) = sync_channel::<Batch>(workers * 4);
    // Only the workers hold the receiver: when the last one is gone (even by a
    // panic), it is dropped and the reader's `send` fails instead of blocking.
    let receive = Arc::new(Mutex::new(receive));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let receive = Arc::clone(&receive);
                let give_back = give_back.clone();
                scope.spawn(move || work(&receive, &give_back, instrument, lang, options, pass))
            })
            .collect();
        drop(receive);
        drop(give_back);
        let mut batch = Batch::new();
        let mut seq = 0u64;
        let _ = input::for_each_text(sources, lang, |at, text| {
            let body = text.map(|text| {
                let start = batch.text.len();
                batch.text.push_str(text);
                start..batch.text.len()
            });
            batch.items.push((seq, at, body));
            seq += 1;
            if batch.is_full() {
                // A send fails only when every worker is gone, and then join says why.
                if send
                    .send(std::mem::replace(
                        &mut batch,
                        returned.try_recv().unwrap_or_else(|_| Batch::new()),
                    ))
                    .is_err()
                {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        });
        if !batch.items.is_empty() {
            let _ = send.send(batch);
        }
        drop(send);
        let mut all: Option<Part<'a>> = None;
        let mut failed = false;
        for handle in handles {
            match (handle.join(), &mut all) {
                (Ok(part), Some(all)) => all.merge(part),
                (Ok(part), None) => all = Some(part),
                (Err(_), _) => failed = true,
            }
        }
        match all {
            Some(all) if !failed => Ok((all, seq)),
            _ => Err(t(
                lang,
                "een werkdraad is mislukt; er is geen rapport gemaakt",
                "a worker thread failed; no report was made",
            )
            .to_owned()),
        }
    })
}

/// A pass on this thread alone: with one core, a reader thread and a worker would
/// only take turns, and the batches would copy every text once more.
fn read_here<'a>(
    sources: &Sources,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
    pass: Pass<'_>,
) -> (Part<'a>, u64) {
    let mut part = Part::new(instrument, options);
    let mut seq = 0u64;
    let _ = input::for_each_text(sources, lang, |at, text| {
        part.take(seq, at, text, lang, pass);
        seq += 1;
        ControlFlow::Continue(())
    });
    (part, seq)
}

/// A splitter for the dimensions asked for, or none.
fn splitter<'a>(instrument: &'a Instrument, options: &Options) -> Option<Splitter<'a>> {
    (!options.by.is_empty()).then(|| {
        let splitter = Splitter::new(instrument, &options.by, options.min_group);
        match &options.rest {
            Some(rest) => splitter.with_rest(rest.clone()),
            None => splitter,
        }
    })
}

/// A worker: parses and scores batches until the reader is done.
fn work<'a>(
    receive: &Mutex<Receiver<Batch>>,
    give_back: &SyncSender<Batch>,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
    pass: Pass<'_>,
) -> Part<'a> {
    let mut part = Part::new(instrument, options);
    loop {
        // The lock is held only while taking a batch, not while parsing it.
        let next = receive.lock().map(|r| r.recv());
        let Ok(Ok(mut batch)) = next else {
            break;
        };
        for (seq, at, body) in batch.items.drain(..) {
            let text = body.and_then(|span| {
                batch
                    .text
                    .get(span)
                    .ok_or_else(|| "internal error: lost text".to_owned())
            });
            part.take(seq, at, text, lang, pass);
        }
        batch.text.clear();
        // The reader makes a new one when none is back in time.
        let _ = give_back.try_send(batch);
    }
    part
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANNA: &str = include_str!("../../examples/anna-gemeente.json");

    #[test]
    fn a_second_reading_that_differs_from_the_first_is_told() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let one = dir.path().join("een.json");
        let two = dir.path().join("twee.json");
        std::fs::write(&one, ANNA).expect("write");
        std::fs::write(&two, ANNA).expect("write");
        let sources = Sources::expand(&[one, two.clone()], Lang::En).expect("sources");
        let instrument = Instrument::builtin();
        let options = Options::default();
        let gathered = gather(&sources, instrument, Lang::En, &options).expect("report");
        assert_eq!(gathered.group.respondents(), 1);
        assert!(matches!(
            gathered.notes[..],
            [Note::Duplicate(Duplicate {
                copy: SourceRef { file: 1, line: 0 },
                first: SourceRef { file: 0, line: 0 },
            })]
        ));

        // The copy is another response by the second reading.
        let response = response::parse(ANNA, instrument, Lang::En).expect("valid");
        let copy = |identity| Repeat {
            seq: 1,
            identity,
            duplicate: Duplicate {
                copy: SourceRef { file: 1, line: 0 },
                first: SourceRef { file: 0, line: 0 },
            },
        };
        for workers in [1, 2] {
            let again = |copies: &[Repeat]| {
                read_all(
                    &sources,
                    instrument,
                    Lang::En,
                    &options,
                    Pass::Again(copies),
                    workers,
                )
                .expect("read")
            };
            let (part, read) = again(&[copy(response::fingerprint(&response))]);
            assert_eq!(
                (part.changed, read, part.group.respondents()),
                (false, 2, 1)
            );
            let (part, _) = again(&[copy(response::fingerprint(&response) ^ 1)]);
            assert!(part.changed);
        }
    }
}
