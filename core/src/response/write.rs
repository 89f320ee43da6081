//! Writing a response: always the current format version, every section present, answers
//! in the instrument's order, unknown fields written back as their raw text.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::{Answer, Extra, Response, RESPONSE_FORMAT, RESPONSE_VERSION};
use crate::instrument::Instrument;
use crate::likert::Likert;
use crate::model::{Concept, InfluenceSource, InterestQuestion};

pub(super) fn to_json(response: &Response, instrument: &Instrument, pretty: bool) -> String {
    let view = View {
        r: response,
        instrument,
    };
    // Serialising into a String cannot fail: every key is a string and every raw value
    // is JSON that was checked when it was read.
    let result = if pretty {
        serde_json::to_string_pretty(&view)
    } else {
        serde_json::to_string(&view)
    };
    result.unwrap_or_default()
}

struct View<'a> {
    r: &'a Response,
    instrument: &'a Instrument,
}

/// An answer as written: `null` for "weet niet", the number otherwise.
struct Value(Answer<Likert>);

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Answer::Given(l) => s.serialize_u8(l.get()),
            _ => s.serialize_unit(),
        }
    }
}

/// An id answer (position, rung, ...): `null` for "weet niet".
fn id_value<T: Copy + std::fmt::Display>(a: Answer<T>) -> Option<String> {
    a.value().map(|v| v.to_string())
}

fn extra<M: SerializeMap>(map: &mut M, extra: &Extra) -> Result<(), M::Error> {
    for (k, v) in &extra.0 {
        map.serialize_entry(k, v)?;
    }
    Ok(())
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        let mut top = s.serialize_map(None)?;
        top.serialize_entry("format", RESPONSE_FORMAT)?;
        top.serialize_entry("version", &RESPONSE_VERSION)?;
        top.serialize_entry("instrument", &InstrumentView(r))?;
        top.serialize_entry("respondent", &RespondentView(r))?;
        if r.form.is_answered() {
            top.serialize_entry("form", &id_value(r.form))?;
        }
        top.serialize_entry(
            "answers",
            &AnswersView {
                r,
                instrument: self.instrument,
            },
        )?;
        top.serialize_entry("importance", &ImportanceView(r))?;
        top.serialize_entry("comments", &CommentsView(r))?;
        top.serialize_entry("ladder", &LadderView(r))?;
        top.serialize_entry("interests", &InterestsView(r))?;
        extra(&mut top, &r.extra)?;
        top.end()
    }
}

struct InstrumentView<'a>(&'a Response);

impl Serialize for InstrumentView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = &self.0.instrument;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &i.id)?;
        map.serialize_entry("version", &i.version)?;
        if let Some(from) = &i.from {
            map.serialize_entry("from", from)?;
            let left_out = self.0.migrated.as_ref().map_or(0, |m| m.left_out);
            if left_out > 0 {
                map.serialize_entry("left_out", &left_out)?;
            }
        }
        extra(&mut map, &i.extra)?;
        map.end()
    }
}

struct RespondentView<'a>(&'a Response);

impl Serialize for RespondentView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.0.respondent;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("alias", &p.alias)?;
        map.serialize_entry("organisation", &p.organisation)?;
        let roles: Vec<&str> = p.roles.iter().map(|r| r.id()).collect();
        map.serialize_entry("roles", &roles)?;
        if p.position.is_answered() {
            map.serialize_entry("position", &id_value(p.position))?;
        }
        if p.sector.is_answered() {
            map.serialize_entry("sector", &id_value(p.sector))?;
        }
        if p.level.is_answered() {
            map.serialize_entry("level", &id_value(p.level))?;
        }
        extra(&mut map, &p.extra)?;
        map.end()
    }
}

struct AnswersView<'a> {
    r: &'a Response,
    instrument: &'a Instrument,
}

impl Serialize for AnswersView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (item, answer) in self.instrument.statements().zip(&self.r.answers) {
            if answer.is_answered() {
                map.serialize_entry(item.id.as_ref(), &Value(*answer))?;
            }
        }
        map.end()
    }
}

struct ImportanceView<'a>(&'a Response);

impl Serialize for ImportanceView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for c in Concept::ALL {
            let a = self.0.importance[c.index()];
            if a.is_answered() {
                map.serialize_entry(c.id(), &Value(a))?;
            }
        }
        map.end()
    }
}

struct CommentsView<'a>(&'a Response);

impl Serialize for CommentsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.comments.len()))?;
        for (k, v) in &self.0.comments {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

struct LadderView<'a>(&'a Response);

impl Serialize for LadderView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let l = &self.0.ladder;
        let mut map = s.serialize_map(None)?;
        if l.current.is_answered() {
            map.serialize_entry("current", &id_value(l.current))?;
        }
        if l.desired.is_answered() {
            map.serialize_entry("desired", &id_value(l.desired))?;
        }
        extra(&mut map, &l.extra)?;
        map.end()
    }
}

struct InterestsView<'a>(&'a Response);

impl Serialize for InterestsView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = &self.0.interests;
        let mut map = s.serialize_map(None)?;
        for q in InterestQuestion::ALL {
            let a = i.answers[q.index()];
            if a.is_answered() {
                map.serialize_entry(q.id(), &Value(a))?;
            }
        }
        map.serialize_entry("influence", &InfluenceView(self.0))?;
        extra(&mut map, &i.extra)?;
        map.end()
    }
}

struct InfluenceView<'a>(&'a Response);

impl Serialize for InfluenceView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = &self.0.interests;
        let mut map = s.serialize_map(None)?;
        for src in InfluenceSource::ALL {
            let a = i.influence[src.index()];
            if a.is_answered() {
                map.serialize_entry(src.id(), &Value(a))?;
            }
        }
        extra(&mut map, &i.influence_extra)?;
        map.end()
    }
}
