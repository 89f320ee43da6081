//! The group report over many responses, parsed on every core.
//!
//! One thread reads (files and JSON Lines in order) and packs the texts into batches:
//! one string per batch, not one per response. The other threads parse and score the
//! batches into groups of their own, which are merged at the end. Responses are
//! numbered as read, so the merged report is the one a single thread would make.
//!
//! Duplicates are decided in that same order. Parsing and fingerprinting happen in
//! parallel; then each batch is checked in the [`Ledger`] against the responses seen
//! so far, strictly one batch after another. A worker that is done before its batch's
//! turn leaves the batch there and goes on; whoever checks the batch before it checks
//! it too, and adds what counts to its own group (a numbered response gives the same
//! report in any group). Only the responses that come first are added to a group.
//! Deciding on the parsed response, not its raw text, is what makes a reformatted
//! copy a duplicate too.

use std::collections::BTreeMap;
use std::ops::{ControlFlow, Range};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use netwerkregie::split::{Options, Splitter};
use netwerkregie::{Group, Instrument, Lang, Response};

use crate::duplicates::{Duplicate, FirstSeen};
use crate::input::{self, SourceRef, Sources};
use crate::response;
use crate::t;

/// Responses handed to a worker at a time: large enough to make the channel cheap,
/// small enough that parsed responses waiting for their turn take little memory.
const BATCH: usize = 128;
/// Text handed to a worker at a time, at most (plus one response): bounds memory
/// when the responses are large.
const BATCH_BYTES: usize = 1 << 20;
/// Parsed batches that may wait for their turn; a worker further ahead waits itself,
/// so memory stays bounded when one worker is slow.
const AHEAD: usize = 16;

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
    /// Its place among the batches.
    number: u64,
    /// The texts, one after another.
    text: String,
    /// Per response: its sequence number, source, and span of `text` or problem.
    items: Vec<(u64, SourceRef, Result<Range<usize>, String>)>,
}

impl Batch {
    fn new(number: u64) -> Batch {
        Batch {
            number,
            text: String::new(),
            items: Vec::with_capacity(BATCH),
        }
    }

    fn is_full(&self) -> bool {
        self.items.len() >= BATCH || self.text.len() >= BATCH_BYTES
    }
}

/// A parsed response waiting for its batch's turn.
struct Parsed {
    seq: u64,
    at: SourceRef,
    identity: u64,
    response: Response,
}

/// The responses seen so far, and whose turn it is to check against them.
#[derive(Default)]
struct Ledger {
    state: Mutex<Turns>,
    turn: Condvar,
}

#[derive(Default)]
struct Turns {
    /// The batch whose turn it is.
    next: u64,
    seen: FirstSeen,
    /// Batches parsed before their turn.
    waiting: BTreeMap<u64, Vec<Parsed>>,
    /// A worker died; nobody should wait for it.
    failed: bool,
}

impl Ledger {
    /// Hands in parsed batch `number`. When it is its turn, it and every waiting batch
    /// after it are checked: the responses seen for the first time go to `kept`, the
    /// others become notes. Otherwise the batch waits for its turn (and the worker
    /// only when too many wait already). False when a worker failed.
    fn commit(
        &self,
        number: u64,
        parsed: Vec<Parsed>,
        kept: &mut Vec<Parsed>,
        notes: &mut Vec<(u64, Note)>,
    ) -> bool {
        let Ok(mut turns) = self.state.lock() else {
            return false;
        };
        while turns.next != number && turns.waiting.len() >= AHEAD && !turns.failed {
            turns = match self.turn.wait(turns) {
                Ok(turns) => turns,
                Err(_) => return false,
            };
        }
        if turns.failed {
            return false;
        }
        if turns.next != number {
            turns.waiting.insert(number, parsed);
            return true;
        }
        let mut batch = parsed;
        loop {
            for p in batch {
                match turns.seen.check(p.identity, p.at) {
                    None => kept.push(p),
                    Some(duplicate) => notes.push((p.seq, Note::Duplicate(duplicate))),
                }
            }
            turns.next += 1;
            let next = turns.next;
            match turns.waiting.remove(&next) {
                Some(waiting) => batch = waiting,
                None => break,
            }
        }
        drop(turns);
        self.turn.notify_all();
        true
    }

    fn fail(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .failed = true;
        self.turn.notify_all();
    }
}

/// Tells the other workers not to wait when a worker panics.
struct FailOnPanic<'a>(&'a Ledger);

impl Drop for FailOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.fail();
        }
    }
}

/// Aggregates every response in `sources`.
pub fn gather<'a>(
    sources: &Sources,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
) -> Result<Gathered<'a>, String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 8));
    if workers == 1 {
        return Ok(gather_here(sources, instrument, lang, options));
    }
    let (send, receive) = sync_channel::<Batch>(workers * 2);
    // Only the workers hold the receiver: when the last one is gone (even by a
    // panic), it is dropped and the reader's `send` fails instead of blocking.
    let receive = Arc::new(Mutex::new(receive));
    let ledger = Ledger::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let receive = Arc::clone(&receive);
                let ledger = &ledger;
                scope.spawn(move || work(&receive, ledger, instrument, lang, options))
            })
            .collect();
        drop(receive);
        let mut batch = Batch::new(0);
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
                let next = Batch::new(batch.number + 1);
                // A send fails only when every worker is gone, and then join says why.
                if send.send(std::mem::replace(&mut batch, next)).is_err() {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        });
        if !batch.items.is_empty() {
            let _ = send.send(batch);
        }
        drop(send);
        let mut group = Group::new(instrument);
        let mut splits = splitter(instrument, options);
        let mut notes: Vec<(u64, Note)> = Vec::new();
        let mut failed = false;
        for handle in handles {
            match handle.join() {
                Ok((part, part_splits, mut found)) => {
                    group.merge(part);
                    if let (Some(all), Some(part)) = (&mut splits, part_splits) {
                        all.merge(part);
                    }
                    notes.append(&mut found);
                }
                Err(_) => failed = true,
            }
        }
        if failed {
            return Err(t(
                lang,
                "een werkdraad is mislukt; er is geen rapport gemaakt",
                "a worker thread failed; no report was made",
            )
            .to_owned());
        }
        notes.sort_by_key(|(seq, _)| *seq);
        let problems = notes
            .iter()
            .filter(|(_, n)| matches!(n, Note::Problem(..)))
            .count();
        Ok(Gathered {
            group,
            splits,
            notes: notes.into_iter().map(|(_, n)| n).collect(),
            problems,
        })
    })
}

/// Aggregates on this thread alone: with one core, a reader thread and a worker would
/// only take turns, and the batches would copy every text once more.
fn gather_here<'a>(
    sources: &Sources,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
) -> Gathered<'a> {
    let mut group = Group::new(instrument);
    let mut splits = splitter(instrument, options);
    let mut seen = FirstSeen::default();
    let mut notes = Vec::new();
    let mut problems = 0;
    let mut seq = 0u64;
    let _ = input::for_each_text(sources, lang, |at, text| {
        match text.and_then(|text| response::parse(text, instrument, lang)) {
            Ok(r) => match seen.check(response::fingerprint(&r), at) {
                None => {
                    group.add_numbered(&r, seq);
                    if let Some(s) = &mut splits {
                        s.add_numbered(&r, seq);
                    }
                }
                Some(duplicate) => notes.push(Note::Duplicate(duplicate)),
            },
            Err(problem) => {
                problems += 1;
                notes.push(Note::Problem(at, problem));
            }
        }
        seq += 1;
        ControlFlow::Continue(())
    });
    Gathered {
        group,
        splits,
        notes,
        problems,
    }
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
    ledger: &Ledger,
    instrument: &'a Instrument,
    lang: Lang,
    options: &Options,
) -> (Group<'a>, Option<Splitter<'a>>, Vec<(u64, Note)>) {
    let _guard = FailOnPanic(ledger);
    let mut group = Group::new(instrument);
    let mut splits = splitter(instrument, options);
    let mut notes = Vec::new();
    let mut kept = Vec::with_capacity(BATCH);
    loop {
        // The lock is held only while taking a batch, not while parsing it.
        let next = receive.lock().map(|r| r.recv());
        let Ok(Ok(batch)) = next else {
            break;
        };
        let mut parsed = Vec::with_capacity(batch.items.len());
        for (seq, at, body) in batch.items {
            let text = body.and_then(|span| {
                batch
                    .text
                    .get(span)
                    .ok_or_else(|| "internal error: lost text".to_owned())
            });
            match text.and_then(|text| response::parse(text, instrument, lang)) {
                Ok(response) => parsed.push(Parsed {
                    seq,
                    at,
                    identity: response::fingerprint(&response),
                    response,
                }),
                Err(problem) => notes.push((seq, Note::Problem(at, problem))),
            }
        }
        if !ledger.commit(batch.number, parsed, &mut kept, &mut notes) {
            break;
        }
        for p in kept.drain(..) {
            group.add_numbered(&p.response, p.seq);
            if let Some(s) = &mut splits {
                s.add_numbered(&p.response, p.seq);
            }
        }
    }
    (group, splits, notes)
}
