//! The report's scores as CSV, the way a spreadsheet opens them without a wizard.
//!
//! Dutch Excel reads a UTF-8 file correctly only with a byte order mark, expects `;`
//! between fields (the comma is the decimal separator) and CRLF line ends. English
//! output uses `,` and `.`. A text cell that starts like a formula (`=`, `+`, `-`, `@`)
//! gets a leading `'`, so an organisation's name can never run as a formula.

use crate::chart::format_score;
use crate::instrument::Instrument;
use crate::keyed::{ByConcept, ByModule, Scored};
use crate::model::{Concept, Module};
use crate::report::{ConceptStats, Report};
use crate::stats::Stats;
use crate::text::Lang;
use crate::words::Word;

/// One row per concept and module for the whole group, then per split group.
#[must_use]
pub fn csv(report: &Report, instrument: &Instrument, lang: Lang) -> String {
    let decimal = instrument.decimal(lang);
    let sep = if decimal == ',' { ';' } else { ',' };
    let mut out = String::from("\u{feff}");
    let say = |w: Word| Cell::Text(instrument.say(w, lang).to_owned());
    let plain = |nl: &str, en: &str| Cell::Text(if lang.is_dutch() { nl } else { en }.to_owned());
    line(
        &mut out,
        sep,
        &[
            plain("uitsplitsing", "split"),
            plain("groep", "group"),
            plain("soort", "kind"),
            plain("id", "id"),
            plain("naam", "name"),
            say(Word::ColN),
            say(Word::ColMean),
            say(Word::ColSd),
            say(Word::ColMin),
            say(Word::ColMax),
            say(Word::ColBand),
            say(Word::Divergent),
        ],
    );

    let concepts: Vec<(Concept, &ConceptStats)> = Concept::ALL
        .iter()
        .map(|c| (*c, &report.concepts[*c]))
        .collect();
    let modules: Vec<(Module, &Stats)> = Module::SCORED
        .iter()
        .map(|m| (*m, &report.modules[Scored(*m)]))
        .collect();
    rows(
        &mut out,
        sep,
        decimal,
        instrument,
        lang,
        ("", ""),
        &concepts,
        &modules,
    );

    let group_rows =
        |out: &mut String,
         split: (&str, &str),
         n: usize,
         withheld: bool,
         scores: (Option<&ByConcept<ConceptStats>>, Option<&ByModule<Stats>>)| {
            if withheld {
                let mut cells = vec![
                    Cell::Text(split.0.to_owned()),
                    Cell::Text(split.1.to_owned()),
                    Cell::Text(String::new()),
                    Cell::Text(String::new()),
                    Cell::Text(instrument.say(Word::SplitWithheld, lang).to_owned()),
                    Cell::Count(n),
                ];
                cells.extend((0..6).map(|_| Cell::Text(String::new())));
                line(out, sep, &cells);
                return;
            }
            let (Some(cs), Some(ms)) = scores else {
                return;
            };
            let concepts: Vec<(Concept, &ConceptStats)> =
                Concept::ALL.iter().map(|c| (*c, &cs[*c])).collect();
            let modules: Vec<(Module, &Stats)> = Module::SCORED
                .iter()
                .map(|m| (*m, &ms[Scored(*m)]))
                .collect();
            rows(
                out, sep, decimal, instrument, lang, split, &concepts, &modules,
            );
        };
    let none = || instrument.say(Word::SplitNone, lang).to_owned();
    for (by, groups) in &report.splits {
        for g in groups {
            let value = g.value.clone().unwrap_or_else(none);
            let scores = (g.concepts.as_ref(), g.modules.as_ref());
            group_rows(&mut out, (by, &value), g.n, g.withheld, scores);
        }
    }
    // Everyone outside one group, when the facilitator set a group against them.
    if let Some(rest) = &report.rest {
        let except = rest.except.clone().unwrap_or_else(none);
        let group = crate::split::rest_label(instrument, lang, &except);
        let scores = (rest.concepts.as_ref(), rest.modules.as_ref());
        group_rows(&mut out, (&rest.by, &group), rest.n, rest.withheld, scores);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn rows(
    out: &mut String,
    sep: char,
    decimal: char,
    instrument: &Instrument,
    lang: Lang,
    split: (&str, &str),
    concepts: &[(Concept, &ConceptStats)],
    modules: &[(Module, &Stats)],
) {
    let kind_concept = instrument.say(Word::ColConcept, lang).to_owned();
    let kind_module = instrument.say(Word::ColModule, lang).to_owned();
    for (c, s) in concepts {
        stats_row(
            out,
            sep,
            decimal,
            instrument,
            lang,
            split,
            &kind_concept,
            c.id(),
            instrument.concept_label(*c).get(lang),
            &s.stats,
        );
    }
    for (m, s) in modules {
        stats_row(
            out,
            sep,
            decimal,
            instrument,
            lang,
            split,
            &kind_module,
            m.id(),
            instrument.module_label(*m).get(lang),
            s,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn stats_row(
    out: &mut String,
    sep: char,
    decimal: char,
    instrument: &Instrument,
    lang: Lang,
    split: (&str, &str),
    kind: &str,
    id: &str,
    label: &str,
    s: &Stats,
) {
    let num = |v: Option<f64>| Cell::Number(v.map(|v| format_score(v, decimal)));
    let cells = [
        Cell::Text(split.0.to_owned()),
        Cell::Text(split.1.to_owned()),
        Cell::Text(kind.to_owned()),
        Cell::Text(id.to_owned()),
        Cell::Text(label.to_owned()),
        Cell::Count(s.n),
        num(s.mean),
        num(s.sd),
        num(s.min),
        num(s.max),
        Cell::Text(s.band.map_or_else(String::new, |b| {
            instrument.say(Word::band(b), lang).to_owned()
        })),
        Cell::Text(if s.divergent {
            instrument.say(Word::Divergent, lang).to_owned()
        } else {
            String::new()
        }),
    ];
    line(out, sep, &cells);
}

enum Cell {
    Text(String),
    Number(Option<String>),
    Count(usize),
}

fn line(out: &mut String, sep: char, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        match cell {
            Cell::Count(n) => out.push_str(&n.to_string()),
            Cell::Number(v) => out.push_str(v.as_deref().unwrap_or("")),
            Cell::Text(t) => out.push_str(&quote(t, sep)),
        }
    }
    out.push_str("\r\n");
}

/// A text cell: a formula-like start defused, quoted where it holds the separator, a
/// quote or a line break.
fn quote(text: &str, sep: char) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(quote("Gemeente", ';'), "Gemeente");
        assert_eq!(quote("a;b", ';'), "\"a;b\"");
        assert_eq!(quote("zeg \"hoi\"", ';'), "\"zeg \"\"hoi\"\"\"");
        assert_eq!(quote("=SUM(A1)", ';'), "'=SUM(A1)");
        assert_eq!(quote("-1", ','), "'-1");
    }
}
