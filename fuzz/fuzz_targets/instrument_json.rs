//! A trainer's instrument file through `Instrument::from_json`.
//! Checks: no panic; an error has a message and every listed problem is a sentence; an
//! accepted instrument re-validates from its own JSON (compact and pretty) as the same
//! instrument, and a full response to it reads back, scores, groups, ranks advice and
//! lays out all four charts in both languages.
#![cfg_attr(fuzzing, no_main)]

netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_instrument_json(data));
