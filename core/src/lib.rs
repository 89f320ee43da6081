//! # netwerkregie
//!
//! The model behind Netwerkscan: a scan for collaborations where nobody is the boss.
//! It holds the instrument (questions as data), reads and writes response files, scores
//! a respondent, aggregates a group into one picture (concepts, modules, trust, the
//! participation ladder, coverage of the groups around the problem, interests) and
//! ranks advice. Charts are drawn by [`chart`] on any plotters backend.
//!
//! The crate knows nothing of browsers or files: it takes text and gives values, so the
//! CLI, the wasm binding and tests all use it unchanged.
//!
//! ```
//! use netwerkregie::{Concept, Group, Instrument, Response};
//!
//! let instrument = Instrument::builtin();
//! let text = r#"{"format": "netwerkscan-response", "version": 2,
//!   "instrument": {"id": "netwerkscan", "version": "2"},
//!   "answers": {"respect-waarden": 4, "respect-visie": 5, "respect-voeten": 2}}"#;
//! let response = Response::from_json(text, instrument)?;
//! let report = Group::report_of(instrument, &[response]);
//! // respect-voeten is reverse-worded, so 2 counts as 4: (4 + 5 + 4) / 3.
//! let respect = report.concept_mean(Concept::Respect).unwrap();
//! assert!((respect - 13.0 / 3.0).abs() < 1e-12);
//! # Ok::<(), netwerkregie::ResponseError>(())
//! ```

pub mod advice;
pub mod chart;
pub mod export;
pub mod group;
pub mod instrument;
pub mod keyed;
pub mod likert;
pub mod model;
pub mod report;
pub mod response;
pub mod score;
pub mod split;
pub mod stats;
pub mod text;
pub mod words;

pub use advice::{Advice, Trigger};
pub use group::Group;
pub use instrument::{Instrument, InstrumentError, InstrumentProblem};
pub use likert::Likert;
pub use model::{
    Band, Concept, CoverageStatus, Form, InfluenceSource, InterestFlag, InterestQuestion,
    LadderFlag, Level, Module, Position, Role, Rung, Sector, TrustFlag, View,
};
pub use report::Report;
pub use response::{Answer, FieldError, Response, ResponseError};
pub use score::Scores;
pub use stats::Stats;
pub use text::{Lang, Text};
pub use words::Word;
