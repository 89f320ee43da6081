//! A JSON Lines file through the CLI's reader, `netwerkscan::json_lines`, held against
//! a plain reference; every line's text read and checked as in `response_json`, the
//! accepted ones together through splits, advice, CSV and charts.
#![cfg_attr(fuzzing, no_main)]

netwerkscan_fuzz::fuzz_target!(|data| netwerkscan_fuzz::check_response_lines(data));
