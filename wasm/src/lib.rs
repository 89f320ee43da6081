//! The JavaScript face of netwerkregie, for the Netwerkscan page and widget.
//!
//! A translation layer only: every export converts its input, makes one core call and
//! converts the output. Scoring, validation and drawing live in the core crate. Errors
//! become JavaScript `Error`s with the core's readable message; nothing here can panic
//! on input from the page.
//!
//! The crate builds twice (cargo features): `first` is a small module with one export,
//! `first::draw_first_chart`, so the page's first radar needs only the scoring of one
//! response and the radar; `full` is the rest, loaded after the first chart is drawn.
#![cfg(target_family = "wasm")]

mod canvas;
#[cfg(feature = "first")]
pub mod first;
#[cfg(feature = "full")]
pub mod full;
