//! One response file through `Response::from_json` with the built-in instrument.
//! Checks: no panic; the fast and the general reader agree; an error is a sentence in
//! both languages of bounded size, and a field error names a field; an accepted
//! response is written (`to_json`, `to_json_pretty`) within the size limit and read
//! back equal with an equal fingerprint, the writer is stable, and the response goes
//! through splits, advice, CSV and every chart.
#![cfg_attr(fuzzing, no_main)]

netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_response_json(data));
