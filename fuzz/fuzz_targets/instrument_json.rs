//! A trainer's instrument file through `Instrument::from_json`.
//! Checks: no panic; an error's message is of bounded size and every listed problem
//! names its field; an accepted instrument re-validates from its own JSON (compact and
//! pretty) as the same instrument, and responses to it go through splits, advice, CSV
//! and every chart in every language it speaks.
#![cfg_attr(fuzzing, no_main)]

netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_instrument_json(data));
