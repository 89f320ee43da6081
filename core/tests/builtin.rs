//! The built-in instrument is written as JSON (`core/instrument/netwerkscan.json`) and
//! compiled into Rust statics (`core/src/instrument/builtin.rs`), so the program never
//! parses or validates it at run time. This test is the build step: it validates the
//! JSON with the same reader a trainer's file goes through, generates the statics, and
//! fails (after writing the new file) when the committed ones differ. Run it again and
//! it passes.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

use netwerkregie::advice::Trigger;
use netwerkregie::instrument::{
    AdviceDef, ChoiceDef, ChoiceQuestion, InstrumentFile, ItemDef, ItemType, Slot, Words,
};
use netwerkregie::{Concept, Instrument, Text, Word};

/// Turns a value into the Rust expression that builds it in a `static`.
trait Lit {
    fn lit(&self, out: &mut String);
}

fn lit<T: Lit + ?Sized>(value: &T) -> String {
    let mut s = String::new();
    value.lit(&mut s);
    s
}

impl Lit for str {
    fn lit(&self, out: &mut String) {
        let _ = write!(out, "B({self:?})");
    }
}

impl Lit for Cow<'static, str> {
    fn lit(&self, out: &mut String) {
        self.as_ref().lit(out);
    }
}

impl Lit for Text {
    fn lit(&self, out: &mut String) {
        assert!(
            self.more.is_empty(),
            "the built-in instrument speaks nl and en only"
        );
        let _ = write!(out, "t({:?}, {:?})", self.nl.as_ref(), self.en.as_ref());
    }
}

impl Lit for bool {
    fn lit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Lit for u8 {
    fn lit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl<T: Lit> Lit for Option<T> {
    fn lit(&self, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.lit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl<T: Lit + Clone> Lit for Cow<'static, [T]> {
    fn lit(&self, out: &mut String) {
        out.push_str("B(&[");
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            v.lit(out);
        }
        out.push_str("])");
    }
}

impl<A: Lit, B: Lit> Lit for (A, B) {
    fn lit(&self, out: &mut String) {
        out.push('(');
        self.0.lit(out);
        out.push_str(", ");
        self.1.lit(out);
        out.push(')');
    }
}

/// Enums of the model are written as `Type::Variant` through their Debug name.
macro_rules! enum_lit {
    ($($t:ident),+) => {$(
        impl Lit for netwerkregie::model::$t {
            fn lit(&self, out: &mut String) {
                let _ = write!(out, "{}::{:?}", stringify!($t), self);
            }
        }
    )+};
}

enum_lit!(
    Module,
    Concept,
    Role,
    Position,
    Sector,
    Level,
    Form,
    Rung,
    InterestQuestion,
    InfluenceSource,
    Band
);

impl Lit for ItemType {
    fn lit(&self, out: &mut String) {
        let _ = write!(out, "ItemType::{self:?}");
    }
}

impl Lit for Trigger {
    fn lit(&self, out: &mut String) {
        let inner = match self {
            Trigger::Concept(c) => format!("Concept(Concept::{c:?})"),
            Trigger::Module(m) => format!("Module(Module::{m:?})"),
            Trigger::Trust(t) => format!("Trust(TrustFlag::{t:?})"),
            Trigger::Ladder(l) => format!("Ladder(LadderFlag::{l:?})"),
            Trigger::Role(r) => format!("Role(Role::{r:?})"),
            Trigger::Connection(r) => format!("Connection(Role::{r:?})"),
            Trigger::Interests(i) => format!("Interests(InterestFlag::{i:?})"),
            Trigger::Divergent => "Divergent".to_owned(),
        };
        let _ = write!(out, "Trigger::{inner}");
    }
}

/// `Struct { field: value, ... }` from (name, value) pairs.
fn record(out: &mut String, name: &str, fields: &[(&str, String)]) {
    let _ = write!(out, "{name} {{ ");
    for (i, (field, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{field}: {value}");
    }
    out.push_str(" }");
}

macro_rules! struct_lit {
    ($t:ty, $name:literal, [$($field:ident),+]) => {
        impl Lit for $t {
            fn lit(&self, out: &mut String) {
                record(out, $name, &[$((stringify!($field), lit(&self.$field))),+]);
            }
        }
    };
}

use netwerkregie::instrument::{
    CommentQuestion, ConceptDef, Finding, FormDef, Importance, InfluenceBlock, InfluenceDef,
    InterestQuestionDef, InterestsDef, LadderDef, ModuleDef, Previous, RespondentDef, Scale,
    Source,
};

struct_lit!(Source, "Source", [id, title, author, publisher]);
struct_lit!(Scale, "Scale", [id, labels, unknown]);
struct_lit!(Importance, "Importance", [question, scale]);
struct_lit!(CommentQuestion, "CommentQuestion", [question]);
struct_lit!(ModuleDef, "ModuleDef", [id, label, short, intro]);
struct_lit!(ConceptDef, "ConceptDef", [id, label, description, source]);
struct_lit!(
    ItemDef,
    "ItemDef",
    [id, kind, module, concept, scale, reverse, check, role, text, source]
);
struct_lit!(FormDef, "FormDef", [question, help, choices, source]);
struct_lit!(
    InterestQuestionDef,
    "InterestQuestionDef",
    [id, scale, text, source]
);
struct_lit!(InfluenceDef, "InfluenceDef", [id, label, text, source]);
struct_lit!(InfluenceBlock, "InfluenceBlock", [intro, scale, sources]);
struct_lit!(InterestsDef, "InterestsDef", [questions, influence]);
struct_lit!(
    RespondentDef,
    "RespondentDef",
    [roles, position, sector, level]
);
struct_lit!(LadderDef, "LadderDef", [current, desired, rungs]);
struct_lit!(Finding, "Finding", [group, own]);
struct_lit!(
    AdviceDef,
    "AdviceDef",
    [id, when, band, form, title, finding, text, source]
);
struct_lit!(Previous, "Previous", [version, items]);

impl<Id: Lit> Lit for ChoiceDef<Id> {
    fn lit(&self, out: &mut String) {
        record(
            out,
            "ChoiceDef",
            &[
                ("id", lit(&self.id)),
                ("label", lit(&self.label)),
                ("description", lit(&self.description)),
            ],
        );
    }
}

impl<Id: Lit + Clone> Lit for ChoiceQuestion<Id> {
    fn lit(&self, out: &mut String) {
        record(
            out,
            "ChoiceQuestion",
            &[
                ("question", lit(&self.question)),
                ("help", lit(&self.help)),
                ("choices", lit(&self.choices)),
            ],
        );
    }
}

impl Lit for Words {
    fn lit(&self, out: &mut String) {
        out.push_str("Words(");
        self.0.lit(out);
        out.push(')');
    }
}

impl Lit for InstrumentFile {
    fn lit(&self, out: &mut String) {
        record(
            out,
            "InstrumentFile",
            &[
                ("id", lit(&self.id)),
                ("version", lit(&self.version)),
                ("title", lit(&self.title)),
                ("sources", lit(&self.sources)),
                ("scales", lit(&self.scales)),
                ("importance", lit(&self.importance)),
                ("comment", lit(&self.comment)),
                ("modules", lit(&self.modules)),
                ("concepts", lit(&self.concepts)),
                ("items", lit(&self.items)),
                ("form", lit(&self.form)),
                ("interests", lit(&self.interests)),
                ("respondent", lit(&self.respondent)),
                ("ladder", lit(&self.ladder)),
                ("advice", lit(&self.advice)),
                ("previous", lit(&self.previous)),
                ("words", lit(&self.words)),
            ],
        );
    }
}

fn slots(slots: &[Slot]) -> String {
    let inner: Vec<String> = slots
        .iter()
        .map(|s| format!("Slot {{ index: {}, reverse: {} }}", s.index, s.reverse))
        .collect();
    format!("&[{}]", inner.join(", "))
}

/// The whole generated file.
fn generate(instrument: &Instrument) -> String {
    let file = instrument.file();
    let mut out = String::new();
    out.push_str(
        "// Generated from core/instrument/netwerkscan.json by `cargo test -p netwerkregie \
         --test builtin`.\n// Do not edit: change the JSON and run that test.\n\n",
    );
    out.push_str("#![allow(clippy::all, clippy::pedantic)]\n\n");
    out.push_str("use std::borrow::Cow::Borrowed as B;\n\n");
    out.push_str("use super::file::*;\nuse super::{ConceptKey, Slot};\n");
    out.push_str("use crate::advice::Trigger;\n");
    out.push_str(
        "use crate::model::{\n    Band, Concept, Form, InfluenceSource, InterestFlag, InterestQuestion, \
         LadderFlag, Level,\n    Module, Position, Role, Rung, Sector, TrustFlag,\n};\n",
    );
    out.push_str("use crate::text::Text;\n\n");
    out.push_str(
        "const fn t(nl: &'static str, en: &'static str) -> Text {\n    Text::borrowed(nl, en)\n}\n\n",
    );
    out.push_str("#[rustfmt::skip]\npub(super) static FILE: InstrumentFile = ");
    file.lit(&mut out);
    out.push_str(";\n\n");
    out.push_str("pub(super) fn instrument() -> InstrumentFile {\n    FILE.clone()\n}\n\n");

    let statements: Vec<String> = instrument
        .statements()
        .map(|s| format!("{:?}", s.id.as_ref()))
        .collect();
    let concepts: Vec<String> = Concept::ALL
        .iter()
        .map(|c| slots(instrument.concept_slots(*c)))
        .collect();
    let labels: Vec<String> = Concept::ALL
        .iter()
        .map(|c| lit(instrument.concept_label(*c)))
        .collect();
    let _ = write!(
        out,
        "#[rustfmt::skip]\npub(super) static CONCEPTS: ConceptKey = ConceptKey {{ id: {:?}, version: {:?}, \
         statements: &[{}], concepts: [{}], labels: [{}], title: {}, missing: {}, decimal: {} }};\n",
        instrument.id(),
        instrument.version(),
        statements.join(", "),
        concepts.join(", "),
        labels.join(", "),
        lit(instrument.word(Word::ChartConcepts)),
        lit(instrument.word(Word::ScoreMissing)),
        lit(instrument.word(Word::Decimal)),
    );
    out
}

#[test]
fn the_builtin_statics_are_generated_from_the_json() {
    let parsed = Instrument::from_json(Instrument::builtin_json())
        .unwrap_or_else(|e| panic!("core/instrument/netwerkscan.json is invalid: {e}"));
    let generated = generate(&parsed);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/instrument/builtin.rs");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        std::fs::write(&path, &generated).expect("write builtin.rs");
        panic!(
            "{} was out of date with netwerkscan.json and has been written anew; \
             run the tests again (and commit it)",
            path.display()
        );
    }
    // The statics are the same instrument as the JSON, field for field.
    assert_eq!(Instrument::builtin(), &parsed);
    let key = netwerkregie::instrument::BUILTIN_CONCEPTS;
    assert_eq!(key.statements.len(), parsed.statement_count());
    for c in Concept::ALL {
        assert_eq!(key.concepts[c.index()], parsed.concept_slots(*c));
    }
}
