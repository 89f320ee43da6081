//! A JSON Lines file: split into lines as the CLI does (see `json_lines` in the crate,
//! marked SWITCH-TO-LIBRARY: it moves to `netwerkscan::input::json_lines`), every line
//! read and checked as in `response_json`, the accepted ones grouped into one report.
#![cfg_attr(fuzzing, no_main)]

netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_response_lines(data));
