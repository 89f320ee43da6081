//! What can be wrong in a trainer's instrument file, in Dutch and English.
//!
//! Reading (`read`) and checking (`validate`) name each problem as a [`Wrong`] with the
//! field it is in; [`Wrong::text`] puts it into words, the Dutch beside the English, so
//! a trainer reads the list in the language of the scan, in the CLI and on the page.
//! Ids, field names and quoted values stay as the file writes them, in both languages.

use std::fmt;

use super::file::{DEFAULT_SCALE, INSTRUMENT_FORMAT};
use super::json::JsonKind;
use super::validate::MIN_ITEMS_PER_CONCEPT;
use crate::advice::Trigger;
use crate::model::{Band, Concept, Form, Module, Role, Rung};
use crate::response::clip;
use crate::text::{Lang, Text};

/// A problem is shown up to this many characters, its field included: a message quotes
/// what the file says, and a file may say a megabyte.
const MAX_SHOWN: usize = 600;

/// One problem in an instrument file, with the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentProblem {
    /// The field, as the message names it: a dotted path such as `items[3].reverse`,
    /// where it helps with the id of the item or advice in brackets
    /// (`items[3] (opgave-eigen).source`); a section (`items`) for a rule about the
    /// whole list; empty for the file itself.
    pub path: String,
    /// What is wrong, in a sentence, in Dutch and English.
    pub problem: Text,
}

impl InstrumentProblem {
    pub(super) fn new(path: impl Into<String>, wrong: &Wrong<'_>) -> InstrumentProblem {
        InstrumentProblem {
            path: path.into(),
            problem: wrong.text(),
        }
    }

    /// `path: problem` in `lang` (English for any language but Dutch), cut to a
    /// readable length.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let problem = self.problem.get(lang);
        clip(&format!("{}: {problem}", self.path), MAX_SHOWN).into_owned()
    }
}

impl fmt::Display for InstrumentProblem {
    /// The problem in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InstrumentProblem {}

/// A text that every [`Text`] must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Language {
    Dutch,
    English,
}

impl Language {
    /// The language's adjective, in Dutch and in English.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Language::Dutch => ("Nederlandse", "Dutch"),
            Language::English => ("Engelse", "English"),
        }
    }
}

/// What a field should have held, for "expected …, found …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected {
    Object,
    Text,
    List,
    Bool,
    Check,
    NewItemId,
    Format,
}

impl Expected {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Expected::Object => ("een object", "an object"),
            Expected::Text => ("tekst", "text"),
            Expected::List => ("een lijst", "a list"),
            Expected::Bool => ("true of false", "true or false"),
            Expected::Check => ("1, 2 of 3", "1, 2 or 3"),
            Expected::NewItemId => (
                "het id van de nieuwe vraag, of null",
                "the new item id or null",
            ),
            // The quotes are part of the value.
            Expected::Format => ("\"netwerkscan-instrument\"", "\"netwerkscan-instrument\""),
        }
    }
}

/// Every kind of problem an instrument file can have, with what the message quotes.
/// The field it is in is kept beside it, in [`InstrumentProblem::path`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wrong<'a> {
    // The shape of the file, found while reading it.
    /// A required field is not there.
    Missing,
    /// A required text is empty or only spaces.
    Empty,
    /// A field the format does not know (a misspelt one is never ignored).
    UnknownField,
    /// A value of the wrong kind.
    Kind { expected: Expected, found: JsonKind },
    /// A Text without its Dutch or English text.
    MissingText(Language),
    /// A Text whose Dutch or English text is empty.
    EmptyText(Language),
    /// A key beside `nl` and `en` in a Text that is not a language code.
    NotALanguageCode,
    /// An id that the fixed vocabulary does not have; `expected` lists the ids.
    UnknownId { id: &'a str, expected: &'a str },
    /// `format` is text, but not ours.
    OtherFormat(&'a str),
    /// An item's `type` that is neither likert nor open.
    UnknownType(&'a str),
    /// A `check` that is a number, but not 1, 2 or 3.
    NotACheck(&'a str),
    /// A key in `words` that is not a word of the report.
    UnknownWord,

    // The rules across fields.
    /// A `source` that names no listed source.
    UnknownSource(&'a str),
    /// A scale without five labels.
    LabelCount(usize),
    /// A scale named that does not exist; `scales` lists the ones that do.
    UnknownScale { id: &'a str, scales: &'a str },
    /// The agreement scale of the statements is missing.
    NoDefaultScale,
    /// An open question with a field only statements have.
    OpenQuestionHas(&'static str),
    /// A statement without a module.
    NoModule,
    /// A statement in a module that has none.
    UnscoredModule(Module),
    /// A statement in relaties without a concept.
    NoConcept,
    /// A statement outside relaties with a concept.
    ConceptOutsideRelaties(Concept),
    /// A check outside opgave.
    CheckOutsideOpgave,
    /// A role outside opgave.
    RoleOutsideOpgave,
    /// A check of the functional system that is not there exactly once.
    CheckCount { check: usize, found: usize },
    /// A group's connection that is not rated by exactly one statement.
    RoleCount { role: Role, found: usize },
    /// A concept with too few statements.
    TooFewForConcept { concept: Concept, found: usize },
    /// A module with fewer statements than it needs.
    TooFewForModule {
        module: Module,
        found: usize,
        min: usize,
    },
    /// The rungs of the ladder out of order.
    RungOrder,
    /// An earlier version that is this version.
    OwnVersion(&'a str),
    /// An earlier version listed twice.
    VersionTwice(&'a str),
    /// An old item mapped to an id this version does not have.
    MapsToUnknown(&'a str),
    /// An old item mapped to an open question.
    MapsToOpen(&'a str),
    /// Two old items mapped to one new item.
    MapsTwice { new: &'a str, first: &'a str },
    /// A word without the further language that the title has.
    WordLacksLanguage(&'a str),
    /// A second advice for the same trigger, band and form.
    SecondAdvice {
        when: Trigger,
        band: Option<Band>,
        form: Option<Form>,
    },
    /// A band on an advice whose trigger has no bands, or not this one.
    BandDoesNotApply { band: Band, when: Trigger },
    /// `finding.own` missing where one respondent can have the finding.
    NoOwnFinding,
    /// A finding (in one of its bands) without advice.
    NoAdvice { when: Trigger, band: Option<Band> },
    /// An id with characters other than a-z, 0-9 and -.
    IdCharacters(&'a str),
    /// An id used before, as a source, item or advice.
    DuplicateId(&'a str),
    /// A value of a fixed vocabulary that a list leaves out.
    Absent(&'a str),
    /// A value of a fixed vocabulary that a list holds more than once.
    Repeated { id: &'a str, times: usize },
}

impl Wrong<'_> {
    /// The problem in Dutch and English.
    pub(super) fn text(&self) -> Text {
        let (nl, en) = self.words();
        Text::new(nl, en)
    }

    fn words(&self) -> (String, String) {
        // "1 stelling", "2 stellingen": Dutch counts properly; the English messages keep
        // "statement(s)" as they have always read.
        let stellingen = |n: usize| if n == 1 { "stelling" } else { "stellingen" };
        match *self {
            Wrong::Missing => ("ontbreekt".into(), "is missing".into()),
            Wrong::Empty => ("is leeg".into(), "is empty".into()),
            Wrong::UnknownField => ("onbekend veld".into(), "unknown field".into()),
            Wrong::Kind { expected, found } => {
                let (nl, en) = expected.words();
                (
                    format!("verwacht {nl}, gevonden: {}", found.nl()),
                    format!("expected {en}, found {}", found.en()),
                )
            }
            Wrong::MissingText(language) => {
                let (nl, en) = language.words();
                (
                    format!("de {nl} tekst ontbreekt"),
                    format!("missing {en} text"),
                )
            }
            Wrong::EmptyText(language) => {
                let (nl, en) = language.words();
                (
                    format!("de {nl} tekst is leeg"),
                    format!("the {en} text is empty"),
                )
            }
            Wrong::NotALanguageCode => (
                "geen taalcode (2 tot 8 kleine letters, zoals \"fy\")".into(),
                "not a language code (2 to 8 lowercase letters, such as \"fy\")".into(),
            ),
            Wrong::UnknownId { id, expected } => (
                format!("onbekend id \"{id}\" (verwacht een van {expected})"),
                format!("unknown id \"{id}\" (expected one of {expected})"),
            ),
            Wrong::OtherFormat(found) => (
                format!("verwacht \"{INSTRUMENT_FORMAT}\", gevonden: \"{found}\""),
                format!("expected \"{INSTRUMENT_FORMAT}\", found \"{found}\""),
            ),
            Wrong::UnknownType(found) => (
                format!("onbekend type \"{found}\" (verwacht likert of open)"),
                format!("unknown type \"{found}\" (expected likert or open)"),
            ),
            Wrong::NotACheck(n) => (
                format!("{n} is niet 1, 2 of 3"),
                format!("{n} is not 1, 2 or 3"),
            ),
            Wrong::UnknownWord => ("onbekend woord".into(), "unknown word".into()),
            Wrong::UnknownSource(id) => (
                format!("onbekende bron \"{id}\""),
                format!("unknown source \"{id}\""),
            ),
            Wrong::LabelCount(found) => (
                format!("heeft 5 labels nodig (voor 1..5), maar heeft er {found}"),
                format!("needs 5 labels (for 1..5), found {found}"),
            ),
            Wrong::UnknownScale { id, scales } => (
                format!("onbekende schaal \"{id}\" (de schalen zijn {scales})"),
                format!("unknown scale \"{id}\" (the scales are {scales})"),
            ),
            Wrong::NoDefaultScale => (
                format!("\"{DEFAULT_SCALE}\" ontbreekt (de schaal waarop de stellingen worden beantwoord)"),
                format!("\"{DEFAULT_SCALE}\" is missing (the agreement scale of the statements)"),
            ),
            Wrong::OpenQuestionHas(field) => (
                format!("een open vraag heeft geen {field}"),
                format!("an open question has no {field}"),
            ),
            Wrong::NoModule => (
                "een stelling hoort bij een onderdeel (opgave, organisatie of relaties)".into(),
                "a statement needs a module (opgave, organisatie or relaties)".into(),
            ),
            Wrong::UnscoredModule(module) => (
                format!("\"{module}\" heeft geen stellingen; kies opgave, organisatie of relaties"),
                format!("\"{module}\" has no statements; use opgave, organisatie or relaties"),
            ),
            Wrong::NoConcept => (
                "een stelling in relaties hoort bij een begrip".into(),
                "a statement in relaties needs a concept".into(),
            ),
            Wrong::ConceptOutsideRelaties(concept) => (
                format!("alleen stellingen in relaties horen bij een begrip; deze noemt \"{concept}\""),
                format!("only statements in relaties have a concept, found \"{concept}\""),
            ),
            Wrong::CheckOutsideOpgave => (
                "alleen stellingen in opgave kunnen een check zijn".into(),
                "only statements in opgave are checks".into(),
            ),
            Wrong::RoleOutsideOpgave => (
                "alleen stellingen in opgave beoordelen de verbinding met een groep".into(),
                "only statements in opgave rate the connection to a group".into(),
            ),
            Wrong::CheckCount { check, found } => (
                match found {
                    0 => format!("check {check} van het functionele systeem hoort precies één keer in opgave te staan, maar ontbreekt"),
                    _ => format!("check {check} van het functionele systeem hoort precies één keer in opgave te staan, maar staat er {found} keer in"),
                },
                format!("check {check} of the functional system must appear exactly once in opgave, found {found}"),
            ),
            Wrong::RoleCount { role, found } => (
                match found {
                    0 => format!("de verbinding met de rol \"{role}\" hoort door precies één stelling in opgave beoordeeld te worden, maar geen enkele stelling doet dat"),
                    _ => format!("de verbinding met de rol \"{role}\" hoort door precies één stelling in opgave beoordeeld te worden, maar {found} stellingen doen dat"),
                },
                format!("the connection to the {role}s (role \"{role}\") must be rated by exactly one statement in opgave, found {found}"),
            ),
            Wrong::TooFewForConcept { concept, found } => (
                format!("begrip {concept} heeft {found} {}; er zijn er minstens {MIN_ITEMS_PER_CONCEPT} nodig", stellingen(found)),
                format!("concept {concept} has {found} statement(s), needs at least {MIN_ITEMS_PER_CONCEPT}"),
            ),
            Wrong::TooFewForModule { module, found, min } => (
                format!("onderdeel {module} heeft {found} {}; er zijn er minstens {min} nodig", stellingen(found)),
                format!("module {module} has {found} statement(s), needs at least {min}"),
            ),
            Wrong::RungOrder => (
                format!("de treden horen op volgorde te staan, van laag naar hoog: {}", Rung::ids()),
                format!("must be in order from lowest to highest: {}", Rung::ids()),
            ),
            Wrong::OwnVersion(version) => (
                format!("\"{version}\" is de eigen versie van dit instrument"),
                format!("\"{version}\" is this instrument's own version"),
            ),
            Wrong::VersionTwice(version) => (
                format!("\"{version}\" staat er twee keer in"),
                format!("\"{version}\" appears twice"),
            ),
            Wrong::MapsToUnknown(new) => (
                format!("verwijst naar \"{new}\", maar die vraag staat niet in deze versie"),
                format!("maps to \"{new}\", which is not an item of this version"),
            ),
            Wrong::MapsToOpen(new) => (
                format!("verwijst naar \"{new}\", maar dat is een open vraag"),
                format!("maps to \"{new}\", which is an open question"),
            ),
            Wrong::MapsTwice { new, first } => (
                format!("verwijst naar \"{new}\", net als \"{first}\"; twee antwoorden kunnen niet één antwoord worden"),
                format!("maps to \"{new}\", as \"{first}\" does already; two answers cannot become one"),
            ),
            Wrong::WordLacksLanguage(code) => (
                format!("heeft geen \"{code}\"-tekst, terwijl de titel er wel een heeft"),
                format!("has no \"{code}\" text, though the title has one"),
            ),
            Wrong::SecondAdvice { when, band, form } => {
                let band = |word: &str| band.map(|b| format!(", {word} {b}")).unwrap_or_default();
                let form = |word: &str| form.map(|f| format!(", {word} {f}")).unwrap_or_default();
                (
                    format!("een tweede advies voor \"{when}\"{}{}", band("band"), form("vorm")),
                    format!("a second advice for \"{when}\"{}{}", band("band"), form("form")),
                )
            }
            Wrong::BandDoesNotApply { band, when } => (
                format!("\"{band}\" geldt niet voor \"{when}\""),
                format!("\"{band}\" does not apply to \"{when}\""),
            ),
            Wrong::NoOwnFinding => (
                "ontbreekt (ook een enkele respondent kan deze bevinding krijgen; spreek die hier rechtstreeks aan: \"Jij ziet ...\")".into(),
                "missing (one respondent can have this finding; say it to them: \"Jij ziet ...\")".into(),
            ),
            Wrong::NoAdvice { when, band } => {
                let band = |word: &str| band.map(|b| format!(" {word} band \"{b}\"")).unwrap_or_default();
                (
                    format!("geen advies voor \"{when}\"{}", band("met")),
                    format!("no advice for \"{when}\"{}", band("with")),
                )
            }
            Wrong::IdCharacters(id) => (
                format!("\"{id}\" mag alleen a-z, 0-9 en - bevatten"),
                format!("\"{id}\" must be made of a-z, 0-9 and -"),
            ),
            Wrong::DuplicateId(id) => (
                format!("het id \"{id}\" is al eerder gebruikt"),
                format!("duplicate id \"{id}\""),
            ),
            Wrong::Absent(id) => (format!("\"{id}\" ontbreekt"), format!("\"{id}\" is missing")),
            Wrong::Repeated { id, times } => (
                format!("\"{id}\" staat er {times} keer in"),
                format!("\"{id}\" appears {times} times"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TrustFlag;

    /// The number of each kind of problem, 0 to [`KINDS`] - 1. The match has no
    /// wildcard: a new kind does not compile until it is numbered here, and the test
    /// below then asks for an example of it.
    fn number(wrong: &Wrong<'_>) -> usize {
        match wrong {
            Wrong::Missing => 0,
            Wrong::Empty => 1,
            Wrong::UnknownField => 2,
            Wrong::Kind { .. } => 3,
            Wrong::MissingText(_) => 4,
            Wrong::EmptyText(_) => 5,
            Wrong::NotALanguageCode => 6,
            Wrong::UnknownId { .. } => 7,
            Wrong::OtherFormat(_) => 8,
            Wrong::UnknownType(_) => 9,
            Wrong::NotACheck(_) => 10,
            Wrong::UnknownWord => 11,
            Wrong::UnknownSource(_) => 12,
            Wrong::LabelCount(_) => 13,
            Wrong::UnknownScale { .. } => 14,
            Wrong::NoDefaultScale => 15,
            Wrong::OpenQuestionHas(_) => 16,
            Wrong::NoModule => 17,
            Wrong::UnscoredModule(_) => 18,
            Wrong::NoConcept => 19,
            Wrong::ConceptOutsideRelaties(_) => 20,
            Wrong::CheckOutsideOpgave => 21,
            Wrong::RoleOutsideOpgave => 22,
            Wrong::CheckCount { .. } => 23,
            Wrong::RoleCount { .. } => 24,
            Wrong::TooFewForConcept { .. } => 25,
            Wrong::TooFewForModule { .. } => 26,
            Wrong::RungOrder => 27,
            Wrong::OwnVersion(_) => 28,
            Wrong::VersionTwice(_) => 29,
            Wrong::MapsToUnknown(_) => 30,
            Wrong::MapsToOpen(_) => 31,
            Wrong::MapsTwice { .. } => 32,
            Wrong::WordLacksLanguage(_) => 33,
            Wrong::SecondAdvice { .. } => 34,
            Wrong::BandDoesNotApply { .. } => 35,
            Wrong::NoOwnFinding => 36,
            Wrong::NoAdvice { .. } => 37,
            Wrong::IdCharacters(_) => 38,
            Wrong::DuplicateId(_) => 39,
            Wrong::Absent(_) => 40,
            Wrong::Repeated { .. } => 41,
        }
    }

    /// How many kinds of problem there are.
    const KINDS: usize = 42;

    /// At least one example of every kind, and of every word a kind puts in.
    fn examples() -> Vec<Wrong<'static>> {
        let mut all = vec![
            Wrong::Missing,
            Wrong::Empty,
            Wrong::UnknownField,
            Wrong::NotALanguageCode,
            Wrong::UnknownId {
                id: "liefde",
                expected: "gelijkwaardigheid, respect",
            },
            Wrong::OtherFormat("iets-anders"),
            Wrong::UnknownType("keuze"),
            Wrong::NotACheck("4"),
            Wrong::UnknownWord,
            Wrong::UnknownSource("s999"),
            Wrong::LabelCount(4),
            Wrong::UnknownScale {
                id: "groot",
                scales: "belang, eens",
            },
            Wrong::NoDefaultScale,
            Wrong::OpenQuestionHas("reverse"),
            Wrong::NoModule,
            Wrong::UnscoredModule(Module::Ladder),
            Wrong::NoConcept,
            Wrong::ConceptOutsideRelaties(Concept::Vrijheid),
            Wrong::CheckOutsideOpgave,
            Wrong::RoleOutsideOpgave,
            Wrong::CheckCount { check: 1, found: 2 },
            Wrong::CheckCount { check: 2, found: 0 },
            Wrong::RoleCount {
                role: Role::Veroorzaker,
                found: 0,
            },
            Wrong::RoleCount {
                role: Role::Eigenaar,
                found: 2,
            },
            Wrong::TooFewForConcept {
                concept: Concept::Vertrouwen,
                found: 1,
            },
            Wrong::TooFewForModule {
                module: Module::Organisatie,
                found: 2,
                min: 4,
            },
            Wrong::RungOrder,
            Wrong::OwnVersion("2"),
            Wrong::VersionTwice("1"),
            Wrong::MapsToUnknown("opgave-strijd"),
            Wrong::MapsToOpen("opgave-wat"),
            Wrong::MapsTwice {
                new: "opgave-rol",
                first: "opgave-1",
            },
            Wrong::WordLacksLanguage("fy"),
            Wrong::SecondAdvice {
                when: Trigger::Concept(Concept::Respect),
                band: Some(Band::Zorg),
                form: Some(Form::Keten),
            },
            Wrong::BandDoesNotApply {
                band: Band::Zorg,
                when: Trigger::Trust(TrustFlag::Voor),
            },
            Wrong::NoOwnFinding,
            Wrong::NoAdvice {
                when: Trigger::Concept(Concept::Respect),
                band: Some(Band::Aandacht),
            },
            Wrong::IdCharacters("Opgave_1"),
            Wrong::DuplicateId("opgave-eigen"),
            Wrong::Absent("bewoners"),
            Wrong::Repeated {
                id: "kern",
                times: 2,
            },
        ];
        for language in [Language::Dutch, Language::English] {
            all.extend([Wrong::MissingText(language), Wrong::EmptyText(language)]);
        }
        for expected in [
            Expected::Object,
            Expected::Text,
            Expected::List,
            Expected::Bool,
            Expected::Check,
            Expected::NewItemId,
            Expected::Format,
        ] {
            for found in [
                JsonKind::Null,
                JsonKind::Bool,
                JsonKind::Number,
                JsonKind::Text,
                JsonKind::List,
                JsonKind::Object,
            ] {
                all.push(Wrong::Kind { expected, found });
            }
        }
        all
    }

    #[test]
    fn every_problem_reads_in_dutch_and_in_english() {
        let examples = examples();
        let mut numbered = [false; KINDS];
        for wrong in &examples {
            numbered[number(wrong)] = true;
            let text = wrong.text();
            assert!(!text.nl.trim().is_empty(), "{wrong:?}: no Dutch");
            assert!(!text.en.trim().is_empty(), "{wrong:?}: no English");
            assert_ne!(text.nl, text.en, "{wrong:?}: the Dutch is the English");
        }
        let missing: Vec<usize> = (0..KINDS).filter(|&n| !numbered[n]).collect();
        assert!(missing.is_empty(), "no example of kinds {missing:?}");
    }

    #[test]
    fn a_message_is_path_and_problem_in_the_language_asked() {
        let problem = InstrumentProblem::new(
            "items[20].reverse",
            &Wrong::Kind {
                expected: Expected::Bool,
                found: JsonKind::Text,
            },
        );
        assert_eq!(
            problem.message(Lang::Nl),
            "items[20].reverse: verwacht true of false, gevonden: tekst"
        );
        assert_eq!(
            problem.message(Lang::En),
            "items[20].reverse: expected true or false, found text"
        );
        // A further language gets English, as every message written in code does.
        let fy = Lang::parse("fy").expect("a language code");
        assert_eq!(problem.message(fy), problem.message(Lang::En));
        assert_eq!(problem.to_string(), problem.message(Lang::En));
        // Dutch counts its statements.
        let one = Wrong::TooFewForConcept {
            concept: Concept::Respect,
            found: 1,
        };
        assert_eq!(
            one.text().nl,
            "begrip respect heeft 1 stelling; er zijn er minstens 3 nodig"
        );
    }
}
