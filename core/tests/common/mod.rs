//! Helpers shared by the integration tests: responses from JSON text, the example
//! group, and float comparisons.
#![allow(dead_code)] // Each test file uses some of these.

use netwerkregie::group::module_stats;
use netwerkregie::report::{ConceptStats, Report};
use netwerkregie::{Concept, Group, Instrument, Module, Response, Stats};
use serde_json::{json, Map, Value};

/// "weet niet".
pub const WN: Option<u8> = None;

pub fn instrument() -> &'static Instrument {
    Instrument::builtin()
}

/// A minimal valid version 2 response with `sections` merged in at the top level.
pub fn doc(sections: &Value) -> Value {
    let mut doc = json!({
        "format": "netwerkscan-response",
        "version": 2,
        "instrument": {"id": "netwerkscan", "version": "2"},
        "answers": {}
    });
    for (k, v) in sections.as_object().expect("sections are an object") {
        doc[k] = v.clone();
    }
    doc
}

/// Reads a response from JSON text, as a respondent's file would hold it.
#[track_caller]
pub fn read(v: &Value) -> Response {
    let text = serde_json::to_string_pretty(v).expect("serialises");
    Response::from_json(&text, instrument()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// A version 2 response with these sections.
#[track_caller]
pub fn resp(sections: &Value) -> Response {
    read(&doc(sections))
}

/// The `answers` object of (item, value) pairs; `None` is "weet niet".
pub fn answers_of<K: AsRef<str>>(pairs: &[(K, Option<u8>)]) -> Value {
    let map: Map<String, Value> = pairs
        .iter()
        .map(|(item, v)| (item.as_ref().to_owned(), v.map_or(Value::Null, Value::from)))
        .collect();
    Value::Object(map)
}

/// A response with only these answers.
#[track_caller]
pub fn answers<K: AsRef<str>>(pairs: &[(K, Option<u8>)]) -> Response {
    resp(&json!({ "answers": answers_of(pairs) }))
}

/// The statement ids of a concept, in the instrument's order.
pub fn concept_items(c: Concept) -> Vec<String> {
    let i = instrument();
    i.concept_slots(c)
        .iter()
        .map(|s| {
            i.statement(usize::from(s.index))
                .expect("a statement")
                .id
                .to_string()
        })
        .collect()
}

/// The statement ids of a scored module, in the instrument's order.
pub fn module_items(m: Module) -> Vec<String> {
    let i = instrument();
    i.module_slots(m)
        .iter()
        .map(|s| {
            i.statement(usize::from(s.index))
                .expect("a statement")
                .id
                .to_string()
        })
        .collect()
}

/// The four statements of a concept (the fourth is its reverse item) with these values.
pub fn concept_answers(c: Concept, raw: [Option<u8>; 4]) -> Vec<(String, Option<u8>)> {
    let ids = concept_items(c);
    assert_eq!(ids.len(), 4, "{c} has four statements");
    ids.into_iter().zip(raw).collect()
}

pub fn report(responses: &[Response]) -> Report {
    Group::report_of(instrument(), responses)
}

pub fn concept(r: &Report, c: Concept) -> &ConceptStats {
    &r.concepts[c]
}

pub fn module(r: &Report, m: Module) -> &Stats {
    module_stats(&r.modules, m).expect("a scored module")
}

pub fn examples_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

pub fn fixtures_v1_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

/// The `.json` files of a folder, sorted by name, with their text.
pub fn files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read_to_string(p).expect("read"),
            )
        })
        .collect()
}

/// The five example responses (Anna, Bram, Chris, Dewi, Eva), version 2.
pub fn examples() -> Vec<Response> {
    let files = files(&examples_dir());
    assert_eq!(files.len(), 5);
    files
        .iter()
        .map(|(name, text)| {
            Response::from_json(text, instrument()).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}

#[track_caller]
pub fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-12,
        "expected {expected}, found {actual}"
    );
}

#[track_caller]
pub fn some_close(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => close(a, expected),
        None => panic!("expected {expected}, found None"),
    }
}
