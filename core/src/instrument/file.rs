//! The instrument file's shape, as Rust types.
//!
//! Fixed vocabularies (modules, concepts, roles, rungs, words, ...) are enums here, so a
//! value of these types is already well-formed; `validate` checks the rules
//! that span fields. Every list and string is a `Cow`, so the built-in instrument is a
//! `static` made at build time (`builtin.rs`) and a trainer's file is read at run time
//! into the same types.

use std::borrow::Cow;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::advice::Trigger;
use crate::model::{
    Band, Concept, Form, InfluenceSource, InterestQuestion, Level, Module, Position, Role, Rung,
    Sector,
};
use crate::text::{Str, Text};
use crate::words::Word;

/// A list that is either static or read at run time.
pub type List<T> = Cow<'static, [T]>;

/// The `format` marker of an instrument file.
pub const INSTRUMENT_FORMAT: &str = "netwerkscan-instrument";

/// The scale that Likert items use unless they name another.
pub const DEFAULT_SCALE: &str = "eens";

/// A source article an item or advice rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Short id, such as `s000`.
    pub id: Str,
    /// The article's title.
    pub title: Str,
    /// Who wrote it.
    pub author: Str,
    /// Where it was published.
    pub publisher: Str,
}

/// A five-point answer scale with its "weet niet" label.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// The id items refer to it by, such as `eens`.
    pub id: Str,
    /// Labels for 1..=5, in order.
    pub labels: List<Text>,
    /// The label of "weet niet".
    pub unknown: Text,
}

/// The importance question asked per concept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Importance {
    /// The question.
    pub question: Text,
    /// The scale it is answered on.
    pub scale: Str,
}

/// The comment question offered when a concept or module scores low.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentQuestion {
    /// The question ("Wat zou helpen?").
    pub question: Text,
}

/// A module's label and introduction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleDef {
    /// Which module.
    pub id: Module,
    /// Its name.
    pub label: Text,
    /// A short name for charts.
    pub short: Text,
    /// A sentence or two for respondents.
    pub intro: Text,
}

/// A concept's label and description.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConceptDef {
    /// Which concept.
    pub id: Concept,
    /// Its name.
    pub label: Text,
    /// What it means.
    pub description: Text,
    /// The source it rests on.
    pub source: Str,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemType {
    /// A statement answered on a five-point scale.
    #[default]
    Likert,
    /// An open question answered as text (in the response's `comments`).
    Open,
}

/// One question of the scan: a statement or an open question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemDef {
    /// Unique id, such as `opgave-eigen`.
    pub id: Str,
    /// Statement or open question.
    #[serde(rename = "type", skip_serializing_if = "is_likert")]
    pub kind: ItemType,
    /// The module it is asked in; an open question without one is asked at the end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<Module>,
    /// The concept it measures (items in `relaties`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<Concept>,
    /// The scale, for a statement; `eens` when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Str>,
    /// Agreeing is the unhealthy answer, so it counts as `6 - v`.
    #[serde(skip_serializing_if = "is_false")]
    pub reverse: bool,
    /// Which of the three checks for a functional system this is (opgave).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<u8>,
    /// The group around the problem whose connection this rates (opgave).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The statement or question.
    pub text: Text,
    /// The source it rests on.
    pub source: Str,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_likert(kind: &ItemType) -> bool {
    *kind == ItemType::Likert
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_false(b: &bool) -> bool {
    !*b
}

/// A labelled choice: a role, position, sector, level, form or rung.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceDef<Id> {
    /// The id used in responses.
    pub id: Id,
    /// Its name.
    pub label: Text,
    /// A sentence explaining it.
    pub description: Text,
}

/// A question answered by choosing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceQuestion<Id: Clone + 'static> {
    /// The question.
    pub question: Text,
    /// What the choices mean, for respondents.
    pub help: Text,
    /// The choices, in order.
    pub choices: List<ChoiceDef<Id>>,
}

/// The typing question: chain or network (seed 003).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormDef {
    /// The question.
    pub question: Text,
    /// What chain and network mean.
    pub help: Text,
    /// Keten, netwerk, mix.
    pub choices: List<ChoiceDef<Form>>,
    /// The source it rests on.
    pub source: Str,
}

/// One question about interests.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterestQuestionDef {
    /// Which question.
    pub id: InterestQuestion,
    /// The scale it is answered on.
    pub scale: Str,
    /// The question.
    pub text: Text,
    /// The source it rests on.
    pub source: Str,
}

/// One source of influence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfluenceDef {
    /// Which source.
    pub id: InfluenceSource,
    /// Short name for charts.
    pub label: Text,
    /// The question.
    pub text: Text,
    /// The source article it rests on.
    pub source: Str,
}

/// The influence part of the interests module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfluenceBlock {
    /// Introduction.
    pub intro: Text,
    /// The scale the four questions are answered on.
    pub scale: Str,
    /// The four sources, in order.
    pub sources: List<InfluenceDef>,
}

/// The interests module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterestsDef {
    /// Interest, give, take, passion.
    pub questions: List<InterestQuestionDef>,
    /// The sources of influence.
    pub influence: InfluenceBlock,
}

/// The questions about the respondent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RespondentDef {
    /// Owner, causer, solver.
    pub roles: ChoiceQuestion<Role>,
    /// Strategic core or complementary ring.
    pub position: ChoiceQuestion<Position>,
    /// Government, societal organisation, company, residents.
    pub sector: ChoiceQuestion<Sector>,
    /// Board, management, shop floor.
    pub level: ChoiceQuestion<Level>,
}

/// The ladder module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderDef {
    /// The question for the current rung.
    pub current: Text,
    /// The question for the desired rung.
    pub desired: Text,
    /// The five rungs, lowest first.
    pub rungs: List<ChoiceDef<Rung>>,
}

/// What a finding says, in the group report and in one respondent's own result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// About the partners: "De partners ...".
    pub group: Text,
    /// To the respondent: "Jij ziet ..."; absent for findings only a group can have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own: Option<Text>,
}

/// One advice text and the finding that triggers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdviceDef {
    /// Unique id.
    pub id: Str,
    /// The trigger, such as `concept:respect`.
    pub when: Trigger,
    /// Only for findings in this band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    /// Only where the collaboration has this form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// A few words.
    pub title: Text,
    /// What was found.
    pub finding: Finding,
    /// What to do.
    pub text: Text,
    /// The source it rests on.
    pub source: Str,
}

/// How the item ids of an earlier version map onto this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    /// The earlier instrument version, such as `1`.
    pub version: Str,
    /// Old id to new id; `None` where the old item was replaced.
    pub items: List<(Str, Option<Str>)>,
}

/// The words of the report, charts and tables, one per [`Word`], in [`Word::ALL`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct Words(pub List<Text>);

impl Words {
    /// The text of `word`. A valid instrument has every word.
    #[must_use]
    pub fn get(&self, word: Word) -> &Text {
        static EMPTY: Text = Text::borrowed("", "");
        self.0.get(word.index()).unwrap_or(&EMPTY)
    }
}

/// The instrument file: every question, label, advice text and word of the scan.
#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentFile {
    /// The instrument's id; responses name it.
    pub id: Str,
    /// The instrument's version; responses name it.
    pub version: Str,
    /// The scan's title.
    pub title: Text,
    /// The articles everything rests on.
    pub sources: List<Source>,
    /// The answer scales, by id.
    pub scales: List<Scale>,
    /// The importance question.
    pub importance: Importance,
    /// The comment question.
    pub comment: CommentQuestion,
    /// The five modules, in the order of the scan.
    pub modules: List<ModuleDef>,
    /// The six concepts.
    pub concepts: List<ConceptDef>,
    /// Every statement and open question, in the order asked.
    pub items: List<ItemDef>,
    /// The typing question.
    pub form: FormDef,
    /// The interests module.
    pub interests: InterestsDef,
    /// The questions about the respondent.
    pub respondent: RespondentDef,
    /// The participation ladder.
    pub ladder: LadderDef,
    /// The advice texts.
    pub advice: List<AdviceDef>,
    /// How earlier versions map onto this one.
    pub previous: List<Previous>,
    /// The words of the report.
    pub words: Words,
}

impl Serialize for InstrumentFile {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("InstrumentFile", 18)?;
        st.serialize_field("format", INSTRUMENT_FORMAT)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("version", &self.version)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("scales", &Scales(&self.scales))?;
        st.serialize_field("importance", &self.importance)?;
        st.serialize_field("comment", &self.comment)?;
        st.serialize_field("modules", &self.modules)?;
        st.serialize_field("concepts", &self.concepts)?;
        st.serialize_field("items", &self.items)?;
        st.serialize_field("form", &self.form)?;
        st.serialize_field("interests", &self.interests)?;
        st.serialize_field("respondent", &self.respondent)?;
        st.serialize_field("ladder", &self.ladder)?;
        st.serialize_field("advice", &self.advice)?;
        st.serialize_field("previous", &self.previous)?;
        st.serialize_field("words", &self.words)?;
        st.end()
    }
}

/// `scales` is written as an object keyed by id.
struct Scales<'a>(&'a [Scale]);

impl Serialize for Scales<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for scale in self.0 {
            map.serialize_entry(
                &scale.id,
                &ScaleBody {
                    labels: &scale.labels,
                    unknown: &scale.unknown,
                },
            )?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ScaleBody<'a> {
    labels: &'a [Text],
    unknown: &'a Text,
}

impl Serialize for Previous {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Items<'a>(&'a [(Str, Option<Str>)]);
        impl Serialize for Items<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for (old, new) in self.0 {
                    map.serialize_entry(old, new)?;
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("Previous", 2)?;
        st.serialize_field("version", &self.version)?;
        st.serialize_field("items", &Items(&self.items))?;
        st.end()
    }
}

impl Serialize for Words {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (word, text) in Word::ALL.iter().zip(self.0.iter()) {
            map.serialize_entry(word.id(), text)?;
        }
        map.end()
    }
}
