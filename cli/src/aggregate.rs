//! The group report over many responses, parsed on every core.
//!
//! One thread reads (files and JSON Lines are read in order), the others parse and
//! score batches into groups of their own, which are merged at the end. Responses are
//! numbered as read, so the merged report is the one a single thread would make.

use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;

use netwerkregie::{Group, Instrument, Lang};

use crate::input::{self, Record};

/// Responses handed to a worker at a time: large enough to make the channel cheap.
const BATCH: usize = 512;

/// Aggregates every response in `paths`. On success the group; otherwise every problem,
/// as `source: message`, in the order of the files and lines.
pub fn group<'a>(
    paths: &[PathBuf],
    instrument: &'a Instrument,
    lang: Lang,
) -> Result<Result<Group<'a>, Vec<String>>, String> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 8));
    let (send, receive) = sync_channel::<Vec<(u64, Record)>>(workers * 2);
    let receive = Mutex::new(receive);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| scope.spawn(|| work(&receive, instrument, lang)))
            .collect();
        let mut batch = Vec::with_capacity(BATCH);
        let mut seq = 0u64;
        let read = input::for_each_record(paths, lang, |record| {
            batch.push((seq, record));
            seq += 1;
            if batch.len() == BATCH {
                // A send fails only when every worker is gone, and then join reports why.
                let _ = send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
            }
        });
        if !batch.is_empty() {
            let _ = send.send(batch);
        }
        drop(send);
        let mut group = Group::new(instrument);
        let mut problems: Vec<(u64, String)> = Vec::new();
        for handle in handles {
            let (part, mut found) = handle
                .join()
                .map_err(|_| "a worker thread failed".to_owned())?;
            group.merge(part);
            problems.append(&mut found);
        }
        read?;
        if problems.is_empty() {
            Ok(Ok(group))
        } else {
            problems.sort_by_key(|(seq, _)| *seq);
            Ok(Err(problems.into_iter().map(|(_, p)| p).collect()))
        }
    })
}

/// A worker: parses and scores batches until the reader is done.
fn work<'a>(
    receive: &Mutex<Receiver<Vec<(u64, Record)>>>,
    instrument: &'a Instrument,
    lang: Lang,
) -> (Group<'a>, Vec<(u64, String)>) {
    let mut group = Group::new(instrument);
    let mut problems = Vec::new();
    loop {
        // The lock is held only while taking a batch, not while parsing it.
        let next = receive.lock().map(|r| r.recv());
        let Ok(Ok(batch)) = next else {
            break;
        };
        for (seq, record) in batch {
            let source = record.source.clone();
            match record.parse(instrument, lang) {
                Ok(response) => group.add_numbered(&response, seq),
                Err(e) => problems.push((seq, format!("{source}: {e}"))),
            }
        }
    }
    (group, problems)
}
