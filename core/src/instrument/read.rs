//! Reading a trainer's instrument file into [`InstrumentFile`], naming every problem.
//!
//! serde's derived readers stop at the first wrong type ("invalid type: integer 1,
//! expected a string at line 1 column 60"). A trainer fixing a file by hand needs every
//! problem at once, with the field it is in, so the file is read into a [`Json`] tree
//! and walked here: a wrong type, an unknown id or an unknown field is written down and
//! reading goes on. The rules that span fields are checked afterwards by `validate`.

use std::borrow::Cow;

use super::file::{
    AdviceDef, ChoiceDef, ChoiceQuestion, CommentQuestion, ConceptDef, Finding, FormDef,
    Importance, InfluenceBlock, InfluenceDef, InstrumentFile, InterestQuestionDef, InterestsDef,
    ItemDef, ItemType, LadderDef, ModuleDef, Previous, RespondentDef, Scale, Source, Words,
    INSTRUMENT_FORMAT,
};
use super::json::Json;
use super::problem::{Expected, InstrumentProblem, Language, Wrong};
use crate::advice::Trigger;
use crate::model::{
    Band, Concept, Form, InfluenceSource, InterestQuestion, Level, Module, Position, Role, Rung,
    Sector,
};
use crate::text::{LangCode, Str, Text};
use crate::words::Word;

/// Collects problems while walking the tree.
pub(super) struct Reader<'p> {
    pub problems: &'p mut Vec<InstrumentProblem>,
}

/// An object being read: fields are taken one by one; `done` names what is left over.
struct Obj {
    path: String,
    entries: Vec<(String, Option<Json>)>,
}

impl Obj {
    fn take(&mut self, key: &str) -> Option<Json> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.take())
    }

    fn path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

type Parse<T> = fn(&str) -> Option<T>;

impl Reader<'_> {
    fn problem(&mut self, path: &str, wrong: &Wrong<'_>) {
        self.problems.push(InstrumentProblem::new(path, wrong));
    }

    fn wrong_kind(&mut self, path: &str, expected: Expected, found: &Json) {
        let found = found.kind();
        self.problem(path, &Wrong::Kind { expected, found });
    }

    fn object(&mut self, path: &str, value: Json) -> Option<Obj> {
        match value {
            Json::Object(entries) => Some(Obj {
                path: path.to_owned(),
                entries: entries.into_iter().map(|(k, v)| (k, Some(v))).collect(),
            }),
            other => {
                self.wrong_kind(path, Expected::Object, &other);
                None
            }
        }
    }

    /// Reports the fields nobody took: a misspelt field would otherwise be ignored.
    #[allow(clippy::needless_pass_by_value)] // Taking the object says it is finished.
    fn done(&mut self, obj: Obj) {
        for (key, value) in &obj.entries {
            if value.is_some() {
                let path = obj.path(key);
                self.problem(&path, &Wrong::UnknownField);
            }
        }
    }

    fn required(&mut self, obj: &mut Obj, key: &str) -> Option<(String, Json)> {
        let path = obj.path(key);
        match obj.take(key) {
            Some(v) => Some((path, v)),
            None => {
                self.problem(&path, &Wrong::Missing);
                None
            }
        }
    }

    fn string_value(&mut self, path: &str, value: Json) -> Option<String> {
        match value {
            Json::String(s) => Some(s),
            other => {
                self.wrong_kind(path, Expected::Text, &other);
                None
            }
        }
    }

    fn string(&mut self, obj: &mut Obj, key: &str) -> Str {
        let Some((path, v)) = self.required(obj, key) else {
            return Str::Borrowed("");
        };
        // A value of the wrong kind is reported as such, not also as empty.
        let s = self.string_value(&path, v);
        if s.as_ref().is_some_and(|s| s.trim().is_empty()) {
            self.problem(&path, &Wrong::Empty);
        }
        Cow::Owned(s.unwrap_or_default())
    }

    fn opt_string(&mut self, obj: &mut Obj, key: &str) -> Option<Str> {
        let path = obj.path(key);
        match obj.take(key)? {
            Json::Null => None,
            v => self.string_value(&path, v).map(Cow::Owned),
        }
    }

    fn text_value(&mut self, path: &str, value: Json) -> Text {
        let Some(mut obj) = self.object(path, value) else {
            return Text::default();
        };
        let lang = |me: &mut Self, obj: &mut Obj, key: &str, language: Language| -> Str {
            let path = obj.path(key);
            match obj.take(key) {
                None => {
                    me.problem(&path, &Wrong::MissingText(language));
                    Str::Borrowed("")
                }
                Some(v) => {
                    let s = me.string_value(&path, v);
                    if s.as_ref().is_some_and(|s| s.trim().is_empty()) {
                        me.problem(&path, &Wrong::EmptyText(language));
                    }
                    Cow::Owned(s.unwrap_or_default())
                }
            }
        };
        let nl = lang(self, &mut obj, "nl", Language::Dutch);
        let en = lang(self, &mut obj, "en", Language::English);
        let mut more = Vec::new();
        for (key, value) in &mut obj.entries {
            let Some(v) = value.take() else { continue };
            let path = format!("{path}.{key}");
            if LangCode::parse(key).is_none() {
                self.problem(&path, &Wrong::NotALanguageCode);
                continue;
            }
            if let Some(s) = self.string_value(&path, v) {
                more.push((Cow::Owned(key.clone()), Cow::Owned(s)));
            }
        }
        Text {
            nl,
            en,
            more: Cow::Owned(more),
        }
    }

    fn text(&mut self, obj: &mut Obj, key: &str) -> Text {
        match self.required(obj, key) {
            Some((path, v)) => self.text_value(&path, v),
            None => Text::default(),
        }
    }

    fn list<T: Clone>(
        &mut self,
        obj: &mut Obj,
        key: &str,
        mut item: impl FnMut(&mut Self, &str, Json) -> Option<T>,
    ) -> Cow<'static, [T]> {
        let Some((path, v)) = self.required(obj, key) else {
            return Cow::Owned(Vec::new());
        };
        let Json::Array(values) = v else {
            self.wrong_kind(&path, Expected::List, &v);
            return Cow::Owned(Vec::new());
        };
        let out = values
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| item(self, &format!("{path}[{i}]"), v))
            .collect::<Vec<T>>();
        Cow::Owned(out)
    }

    fn id<T>(&mut self, path: &str, value: Json, parse: Parse<T>, ids: &str) -> Option<T> {
        let s = self.string_value(path, value)?;
        let found = parse(&s);
        if found.is_none() {
            self.problem(
                path,
                &Wrong::UnknownId {
                    id: &s,
                    expected: ids,
                },
            );
        }
        found
    }

    fn required_id<T>(
        &mut self,
        obj: &mut Obj,
        key: &str,
        parse: Parse<T>,
        ids: &str,
    ) -> Option<T> {
        let (path, v) = self.required(obj, key)?;
        self.id(&path, v, parse, ids)
    }

    fn opt_id<T>(&mut self, obj: &mut Obj, key: &str, parse: Parse<T>, ids: &str) -> Option<T> {
        let path = obj.path(key);
        match obj.take(key)? {
            Json::Null => None,
            v => self.id(&path, v, parse, ids),
        }
    }

    fn bool(&mut self, obj: &mut Obj, key: &str) -> bool {
        let path = obj.path(key);
        match obj.take(key) {
            None | Some(Json::Null) => false,
            Some(Json::Bool(b)) => b,
            Some(other) => {
                self.wrong_kind(&path, Expected::Bool, &other);
                false
            }
        }
    }

    fn choice<Id: Clone>(
        &mut self,
        path: &str,
        value: Json,
        parse: Parse<Id>,
        ids: &str,
    ) -> Option<ChoiceDef<Id>> {
        let mut obj = self.object(path, value)?;
        let id = self.required_id(&mut obj, "id", parse, ids);
        let label = self.text(&mut obj, "label");
        let description = self.text(&mut obj, "description");
        self.done(obj);
        Some(ChoiceDef {
            id: id?,
            label,
            description,
        })
    }

    fn choices<Id: Clone>(
        &mut self,
        obj: &mut Obj,
        key: &str,
        parse: Parse<Id>,
        ids: &str,
    ) -> Cow<'static, [ChoiceDef<Id>]> {
        self.list(obj, key, |me, path, v| me.choice(path, v, parse, ids))
    }

    fn choice_question<Id: Clone>(
        &mut self,
        obj: &mut Obj,
        key: &str,
        parse: Parse<Id>,
        ids: &str,
    ) -> ChoiceQuestion<Id> {
        let mut q = self.section(obj, key);
        let question = self.text(&mut q, "question");
        let help = self.text(&mut q, "help");
        let choices = self.choices(&mut q, "choices", parse, ids);
        self.done(q);
        ChoiceQuestion {
            question,
            help,
            choices,
        }
    }

    /// A nested object that must exist; an empty one stands in when it does not.
    fn section(&mut self, obj: &mut Obj, key: &str) -> Obj {
        let path = obj.path(key);
        self.required(obj, key)
            .and_then(|(p, v)| self.object(&p, v))
            .unwrap_or(Obj {
                path,
                entries: Vec::new(),
            })
    }
}

/// Reads the instrument tree. Problems are pushed; the returned file holds what could
/// be read (entries with an unreadable id are left out).
pub(super) fn instrument(problems: &mut Vec<InstrumentProblem>, root: Json) -> InstrumentFile {
    let mut r = Reader { problems };
    let mut top = r.object("", root).unwrap_or(Obj {
        path: String::new(),
        entries: Vec::new(),
    });
    if let Some((path, v)) = r.required(&mut top, "format") {
        match v {
            Json::String(s) if s == INSTRUMENT_FORMAT => {}
            Json::String(s) => r.problem(&path, &Wrong::OtherFormat(&s)),
            other => r.wrong_kind(&path, Expected::Format, &other),
        }
    }
    let id = r.string(&mut top, "id");
    let version = match top.take("version") {
        Some(Json::Number(n)) => Cow::Owned(n.to_string()),
        Some(v) => {
            let s = r.string_value("version", v);
            if s.as_ref().is_some_and(|s| s.trim().is_empty()) {
                r.problem("version", &Wrong::Empty);
            }
            Cow::Owned(s.unwrap_or_default())
        }
        None => {
            r.problem("version", &Wrong::Missing);
            Str::Borrowed("")
        }
    };
    let title = r.text(&mut top, "title");
    let sources = r.list(&mut top, "sources", |me, path, v| {
        let mut o = me.object(path, v)?;
        let source = Source {
            id: me.string(&mut o, "id"),
            title: me.string(&mut o, "title"),
            author: me.string(&mut o, "author"),
            publisher: me.string(&mut o, "publisher"),
        };
        me.done(o);
        Some(source)
    });
    let scales = {
        let mut o = r.section(&mut top, "scales");
        let mut scales = Vec::new();
        for (key, value) in &mut o.entries {
            let Some(v) = value.take() else { continue };
            let path = format!("scales.{key}");
            let Some(mut s) = r.object(&path, v) else {
                continue;
            };
            let labels = r.list(&mut s, "labels", |me, path, v| Some(me.text_value(path, v)));
            let unknown = r.text(&mut s, "unknown");
            r.done(s);
            scales.push(Scale {
                id: Cow::Owned(key.clone()),
                labels,
                unknown,
            });
        }
        Cow::Owned(scales)
    };
    let importance = {
        let mut o = r.section(&mut top, "importance");
        let question = r.text(&mut o, "question");
        let scale = r.string(&mut o, "scale");
        r.done(o);
        Importance { question, scale }
    };
    let comment = {
        let mut o = r.section(&mut top, "comment");
        let question = r.text(&mut o, "question");
        r.done(o);
        CommentQuestion { question }
    };
    let modules = r.list(&mut top, "modules", |me, path, v| {
        let mut o = me.object(path, v)?;
        let id = me.required_id(&mut o, "id", Module::parse, &Module::ids());
        let label = me.text(&mut o, "label");
        let short = me.text(&mut o, "short");
        let intro = me.text(&mut o, "intro");
        me.done(o);
        Some(ModuleDef {
            id: id?,
            label,
            short,
            intro,
        })
    });
    let concepts = r.list(&mut top, "concepts", |me, path, v| {
        let mut o = me.object(path, v)?;
        let id = me.required_id(&mut o, "id", Concept::parse, &Concept::ids());
        let label = me.text(&mut o, "label");
        let description = me.text(&mut o, "description");
        let source = me.string(&mut o, "source");
        me.done(o);
        Some(ConceptDef {
            id: id?,
            label,
            description,
            source,
        })
    });
    let items = r.list(&mut top, "items", item);
    let form = {
        let mut o = r.section(&mut top, "form");
        let question = r.text(&mut o, "question");
        let help = r.text(&mut o, "help");
        let choices = r.choices(&mut o, "choices", Form::parse, &Form::ids());
        let source = r.string(&mut o, "source");
        r.done(o);
        FormDef {
            question,
            help,
            choices,
            source,
        }
    };
    let interests = {
        let mut o = r.section(&mut top, "interests");
        let questions = r.list(&mut o, "questions", |me, path, v| {
            let mut q = me.object(path, v)?;
            let id = me.required_id(
                &mut q,
                "id",
                InterestQuestion::parse,
                &InterestQuestion::ids(),
            );
            let scale = me.string(&mut q, "scale");
            let text = me.text(&mut q, "text");
            let source = me.string(&mut q, "source");
            me.done(q);
            Some(InterestQuestionDef {
                id: id?,
                scale,
                text,
                source,
            })
        });
        let mut inf = r.section(&mut o, "influence");
        let intro = r.text(&mut inf, "intro");
        let scale = r.string(&mut inf, "scale");
        let sources = r.list(&mut inf, "sources", |me, path, v| {
            let mut s = me.object(path, v)?;
            let id = me.required_id(
                &mut s,
                "id",
                InfluenceSource::parse,
                &InfluenceSource::ids(),
            );
            let label = me.text(&mut s, "label");
            let text = me.text(&mut s, "text");
            let source = me.string(&mut s, "source");
            me.done(s);
            Some(InfluenceDef {
                id: id?,
                label,
                text,
                source,
            })
        });
        r.done(inf);
        r.done(o);
        InterestsDef {
            questions,
            influence: InfluenceBlock {
                intro,
                scale,
                sources,
            },
        }
    };
    let respondent = {
        let mut o = r.section(&mut top, "respondent");
        let roles = r.choice_question(&mut o, "roles", Role::parse, &Role::ids());
        let position = r.choice_question(&mut o, "position", Position::parse, &Position::ids());
        let sector = r.choice_question(&mut o, "sector", Sector::parse, &Sector::ids());
        let level = r.choice_question(&mut o, "level", Level::parse, &Level::ids());
        r.done(o);
        RespondentDef {
            roles,
            position,
            sector,
            level,
        }
    };
    let ladder = {
        let mut o = r.section(&mut top, "ladder");
        let current = r.text(&mut o, "current");
        let desired = r.text(&mut o, "desired");
        let rungs = r.choices(&mut o, "rungs", Rung::parse, &Rung::ids());
        r.done(o);
        LadderDef {
            current,
            desired,
            rungs,
        }
    };
    let advice = r.list(&mut top, "advice", advice);
    let previous = match top.take("previous") {
        None | Some(Json::Null) => Cow::Owned(Vec::new()),
        Some(v) => {
            let mut wrapper = Obj {
                path: String::new(),
                entries: vec![("previous".to_owned(), Some(v))],
            };
            r.list(&mut wrapper, "previous", previous)
        }
    };
    let words = words(&mut r, &mut top);
    r.done(top);
    InstrumentFile {
        id,
        version,
        title,
        sources,
        scales,
        importance,
        comment,
        modules,
        concepts,
        items,
        form,
        interests,
        respondent,
        ladder,
        advice,
        previous,
        words,
    }
}

fn item(r: &mut Reader<'_>, path: &str, v: Json) -> Option<ItemDef> {
    let mut o = r.object(path, v)?;
    let id = r.string(&mut o, "id");
    let kind = match r.opt_string(&mut o, "type").as_deref() {
        None | Some("likert") => ItemType::Likert,
        Some("open") => ItemType::Open,
        Some(other) => {
            r.problem(&o.path("type"), &Wrong::UnknownType(other));
            ItemType::Likert
        }
    };
    let module = r.opt_id(&mut o, "module", Module::parse, &Module::ids());
    let concept = r.opt_id(&mut o, "concept", Concept::parse, &Concept::ids());
    let scale = r.opt_string(&mut o, "scale");
    let reverse = r.bool(&mut o, "reverse");
    let check = {
        let path = o.path("check");
        match o.take("check") {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => match n.as_u64() {
                Some(c) if (1..=3).contains(&c) => Some(c as u8),
                _ => {
                    r.problem(&path, &Wrong::NotACheck(&n.to_string()));
                    None
                }
            },
            Some(other) => {
                r.wrong_kind(&path, Expected::Check, &other);
                None
            }
        }
    };
    let role = r.opt_id(&mut o, "role", Role::parse, &Role::ids());
    let text = r.text(&mut o, "text");
    let source = r.string(&mut o, "source");
    r.done(o);
    Some(ItemDef {
        id,
        kind,
        module,
        concept,
        scale,
        reverse,
        check,
        role,
        text,
        source,
    })
}

fn advice(r: &mut Reader<'_>, path: &str, v: Json) -> Option<AdviceDef> {
    let mut o = r.object(path, v)?;
    let id = r.string(&mut o, "id");
    let when = r.required_id(&mut o, "when", Trigger::parse, "concept:<concept>, module:opgave, module:organisatie, trust:voor, trust:achter, ladder:<flag>, role:<role>, connection:<role>, interests:onbalans, interests:vrijblijvend, divergent");
    let band = r.opt_id(&mut o, "band", Band::parse, &Band::ids());
    let form = r.opt_id(&mut o, "form", Form::parse, &Form::ids());
    let title = r.text(&mut o, "title");
    let finding = {
        let mut f = r.section(&mut o, "finding");
        let group = r.text(&mut f, "group");
        let own_path = f.path("own");
        let own = match f.take("own") {
            None | Some(Json::Null) => None,
            Some(v) => Some(r.text_value(&own_path, v)),
        };
        r.done(f);
        Finding { group, own }
    };
    let text = r.text(&mut o, "text");
    let source = r.string(&mut o, "source");
    r.done(o);
    Some(AdviceDef {
        id,
        when: when?,
        band,
        form,
        title,
        finding,
        text,
        source,
    })
}

fn previous(r: &mut Reader<'_>, path: &str, v: Json) -> Option<Previous> {
    let mut o = r.object(path, v)?;
    let version = r.string(&mut o, "version");
    let mut items = Vec::new();
    if let Some((ipath, v)) = r.required(&mut o, "items") {
        if let Some(mut m) = r.object(&ipath, v) {
            for (old, value) in &mut m.entries {
                let Some(v) = value.take() else { continue };
                let p = format!("{ipath}.{old}");
                match v {
                    Json::Null => items.push((Cow::Owned(old.clone()), None)),
                    Json::String(new) => {
                        items.push((Cow::Owned(old.clone()), Some(Cow::Owned(new))));
                    }
                    other => r.wrong_kind(&p, Expected::NewItemId, &other),
                }
            }
        }
    }
    r.done(o);
    Some(Previous {
        version,
        items: Cow::Owned(items),
    })
}

fn words(r: &mut Reader<'_>, top: &mut Obj) -> Words {
    let mut found: Vec<Option<Text>> = vec![None; Word::COUNT];
    let mut o = r.section(top, "words");
    for (key, value) in &mut o.entries {
        let Some(v) = value.take() else { continue };
        let path = format!("words.{key}");
        match Word::parse(key) {
            Some(w) => found[w.index()] = Some(r.text_value(&path, v)),
            None => r.problem(&path, &Wrong::UnknownWord),
        }
    }
    // A word the file does not give is the built-in one: a trainer's file written for an
    // earlier release keeps working when a release adds a word. (A further language the
    // title promises is still required of every word; `validate` names the word.)
    let texts = Word::ALL
        .iter()
        .zip(found)
        .map(|(word, text)| text.unwrap_or_else(|| super::builtin::FILE.words.get(*word).clone()))
        .collect();
    Words(Cow::Owned(texts))
}
