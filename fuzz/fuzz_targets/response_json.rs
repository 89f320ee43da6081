//! One response file through `Response::from_json` with the built-in instrument.
//! Checks: no panic; an error is a sentence in both languages, and a field error names
//! a field; an accepted response is written (`to_json_pretty`) and read back equal, the
//! writer is stable, and the response scores, groups and ranks advice.
#![cfg_attr(fuzzing, no_main)]

netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_response_json(data));
