//! The report and the instrument as readable text tables.
//!
//! Every word a table shows comes from the instrument's `words` (so a trainer's
//! instrument can reword them, and a further language is a data change); only the CLI's
//! own messages are written in code. Every text may come from other people
//! (organisation names, comments, a trainer's labels), so it is written through a
//! [`Terminal`], and names in columns are cut to [`MAX_NAME`] characters with an
//! ellipsis: a name of any length keeps the table readable (`--json` keeps it whole).

use std::borrow::Cow;
use std::io::{self, Write};

use netwerkregie::chart::format_score;
use netwerkregie::keyed::Scored;
use netwerkregie::report::{Delta, LadderView, RestGroup, SplitGroup};
use netwerkregie::split::Dimension;
use netwerkregie::{
    Concept, CoverageStatus, InfluenceSource, Instrument, Lang, Module, Report, Role, Rung, Stats,
    Trigger, TrustFlag, Word,
};

use crate::terminal::{fit, Safe, Terminal};

/// The widest a name column gets, in characters; longer names end in "…".
pub const MAX_NAME: usize = 40;

/// `text` made safe, cut to `w` characters and padded to `w`.
fn cell(text: &str, w: usize) -> String {
    let cut = fit(text, w);
    let pad = w.saturating_sub(cut.chars().count());
    format!("{cut}{}", " ".repeat(pad))
}

/// A right-aligned cell of `w` characters.
fn right(text: &str, w: usize) -> String {
    let cut = fit(text, w);
    let pad = w.saturating_sub(cut.chars().count());
    format!("{}{cut}", " ".repeat(pad))
}

/// `text` made safe and cut to [`MAX_NAME`] characters, for lists of names.
fn name(text: &str) -> Cow<'_, str> {
    fit(text, MAX_NAME)
}

/// The words of one report in one language.
struct Words<'a> {
    instrument: &'a Instrument,
    lang: Lang,
    decimal: char,
    /// The width of the band column: the longest band word (a trainer may reword them).
    band_width: usize,
}

impl<'a> Words<'a> {
    fn say(&self, word: Word) -> &'a str {
        self.instrument.say(word, self.lang)
    }

    fn num(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "-".to_owned(), |v| format_score(v, self.decimal))
    }

    fn signed(&self, v: Option<f64>) -> String {
        match v {
            // A plus only where the rounded figure is not zero: never "+0,00".
            Some(v) if v > 0.0 => {
                let shown = format_score(v, self.decimal);
                if shown.chars().any(|c| matches!(c, '1'..='9')) {
                    format!("+{shown}")
                } else {
                    shown
                }
            }
            other => self.num(other),
        }
    }

    fn band(&self, s: &Stats) -> &'a str {
        s.band
            .map_or_else(|| self.say(Word::ScoreMissing), |b| self.say(Word::band(b)))
    }
}

fn stats_header<W: Write>(
    out: &mut Terminal<W>,
    first: &str,
    w: usize,
    words: &Words<'_>,
    importance: bool,
) -> io::Result<()> {
    write!(
        out,
        "  {} {} {} {} {} {}  {}",
        cell(first, w),
        right(words.say(Word::ColN), 4),
        right(words.say(Word::ColMean), 6),
        right(words.say(Word::ColSd), 6),
        right(words.say(Word::ColMin), 6),
        right(words.say(Word::ColMax), 6),
        cell(words.say(Word::ColBand), words.band_width),
    )?;
    if importance {
        write!(out, " {}", right(words.say(Word::ColImportance), 11))?;
    }
    writeln!(out)
}

/// The importance column: shown for concepts (their mean importance, maybe none), not
/// for modules.
#[derive(Clone, Copy)]
enum Importance {
    Shown(Option<f64>),
    None,
}

fn stats_row<W: Write>(
    out: &mut Terminal<W>,
    label: &str,
    w: usize,
    s: &Stats,
    words: &Words<'_>,
    importance: Importance,
) -> io::Result<()> {
    write!(
        out,
        "  {} {:>4} {:>6} {:>6} {:>6} {:>6}  {}",
        cell(label, w),
        s.n,
        words.num(s.mean),
        words.num(s.sd),
        words.num(s.min),
        words.num(s.max),
        cell(words.band(s), words.band_width),
    )?;
    if let Importance::Shown(i) = importance {
        write!(out, " {:>11}", words.num(i))?;
    }
    if s.divergent {
        write!(out, "  {}", words.say(Word::Divergent))?;
    }
    writeln!(out)
}

/// Writes the report.
pub fn report<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    lang: Lang,
) -> io::Result<()> {
    let band_width = [
        Word::band(netwerkregie::Band::Sterk),
        Word::band(netwerkregie::Band::Aandacht),
        Word::band(netwerkregie::Band::Zorg),
        Word::ScoreMissing,
        Word::ColBand,
    ]
    .iter()
    .map(|w| instrument.say(*w, lang).chars().count())
    .fold(12, usize::max)
    .min(MAX_NAME);
    let words = Words {
        instrument,
        lang,
        decimal: instrument.decimal(lang),
        band_width,
    };
    let title = instrument.file().title.get(lang);
    writeln!(
        out,
        "{}: {}",
        Safe(title),
        words
            .say(Word::ReportRespondents)
            .replace("{n}", &r.respondents.to_string())
    )?;
    for m in &r.migrated {
        writeln!(
            out,
            "{}",
            Safe(
                &words
                    .say(Word::ReportReplaced)
                    .replace("{n}", &m.left_out.to_string())
                    .replace("{version}", &m.from)
            )
        )?;
    }
    writeln!(out)?;
    // One column width for every table, so the report reads as one page.
    let w = Concept::ALL
        .iter()
        .map(|c| instrument.concept_label(*c))
        .chain(Module::SCORED.iter().map(|m| instrument.module_label(*m)))
        .map(|l| l.get(lang).chars().count())
        .chain(r.interests.iter().map(|o| o.organisation.chars().count()))
        .max()
        .unwrap_or(0)
        .clamp(14, MAX_NAME);

    writeln!(out, "{}", Safe(words.say(Word::SectionConcepts)))?;
    stats_header(out, words.say(Word::ColConcept), w, &words, true)?;
    for c in Concept::ALL {
        let s = &r.concepts[*c];
        stats_row(
            out,
            instrument.concept_label(*c).get(lang),
            w,
            &s.stats,
            &words,
            Importance::Shown(s.importance),
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", Safe(words.say(Word::SectionModules)))?;
    stats_header(out, words.say(Word::ColModule), w, &words, false)?;
    for m in Module::SCORED {
        stats_row(
            out,
            instrument.module_label(*m).get(lang),
            w,
            &r.modules[Scored(*m)],
            &words,
            Importance::None,
        )?;
    }
    writeln!(out)?;
    trust(out, r, &words)?;
    ladder(out, r, instrument, &words, w)?;
    form(out, r, &words)?;
    coverage(out, r, instrument, &words, w)?;
    interests(out, r, instrument, &words, w)?;
    splits(out, r, instrument, &words, w)?;
    change(out, r, instrument, &words, w)?;
    advice(out, r, instrument, &words)?;
    comments(out, r, instrument, &words)?;
    Ok(())
}

fn trust<W: Write>(out: &mut Terminal<W>, r: &Report, words: &Words<'_>) -> io::Result<()> {
    writeln!(out, "{}", Safe(words.say(Word::SectionTrust)))?;
    let verdict = match r.trust.flag {
        Some(TrustFlag::Voor) => words.say(Word::TrustVoor),
        Some(TrustFlag::Achter) => words.say(Word::TrustAchter),
        None if r.trust.gap.is_some() => words.say(Word::TrustNone),
        None => words.say(Word::TrustUnknown),
    };
    writeln!(
        out,
        "  {}: {}   {}: {}   {}",
        Safe(words.say(Word::TrustFoundation)),
        words.num(r.trust.foundation),
        Safe(words.say(Word::TrustGap)),
        words.signed(r.trust.gap),
        Safe(verdict)
    )?;
    writeln!(out)
}

fn ladder<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    writeln!(out, "{}", Safe(words.say(Word::SectionLadder)))?;
    // The row labels here are longer than a concept's ("gemiddeld verschil nu - gewenst
    // (treden)"): widen the column for them rather than cut them.
    let w = std::iter::once(words.say(Word::LadderMeanGap))
        .chain(
            Rung::ALL
                .iter()
                .map(|r| instrument.rung_label(*r).get(words.lang)),
        )
        .map(|l| l.chars().count())
        .fold(w, usize::max)
        .min(MAX_NAME);
    let views: [(&str, &LadderView); 3] = [
        (words.say(Word::LadderAll), &r.ladder.all),
        (words.say(Word::LadderGovernment), &r.ladder.government),
        (words.say(Word::LadderPartners), &r.ladder.partners),
    ];
    let col = 9;
    write!(out, "  {}", cell("", w))?;
    for (label, _) in &views {
        write!(out, " {}", right(label, 2 * col + 1))?;
    }
    writeln!(out)?;
    write!(out, "  {}", cell(words.say(Word::ColRung), w))?;
    for _ in &views {
        write!(
            out,
            " {} {}",
            right(words.say(Word::LegendCurrent), col),
            right(words.say(Word::LegendDesired), col)
        )?;
    }
    writeln!(out)?;
    for rung in Rung::ALL.iter().rev() {
        write!(
            out,
            "  {}",
            cell(instrument.rung_label(*rung).get(words.lang), w)
        )?;
        for (_, v) in &views {
            write!(
                out,
                " {:>col$} {:>col$}",
                v.current[*rung], v.desired[*rung]
            )?;
        }
        writeln!(out)?;
    }
    write!(out, "  {}", cell(words.say(Word::LadderMeanGap), w))?;
    for (_, v) in &views {
        write!(out, " {}", right(&words.signed(v.mean_gap), 2 * col + 1))?;
    }
    writeln!(out)?;
    for flag in &r.ladder.flags {
        writeln!(out, "  ! {}", Safe(words.say(Word::ladder(*flag))))?;
    }
    writeln!(out)
}

fn form<W: Write>(out: &mut Terminal<W>, r: &Report, words: &Words<'_>) -> io::Result<()> {
    if r.form.counts.iter().all(|n| *n == 0) {
        return Ok(());
    }
    writeln!(out, "{}", Safe(words.say(Word::SectionForm)))?;
    let counts: Vec<String> = netwerkregie::Form::ALL
        .iter()
        .map(|f| format!("{} {}", words.say(Word::form(*f)), r.form.counts[f.index()]))
        .collect();
    let dominant = r
        .form
        .dominant
        .map_or_else(|| words.say(Word::FormNone), |f| words.say(Word::form(f)));
    writeln!(out, "  {}   → {}", Safe(&counts.join(", ")), Safe(dominant))?;
    writeln!(out)
}

fn coverage<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    writeln!(out, "{}", Safe(words.say(Word::SectionCoverage)))?;
    for role in Role::ALL {
        let c = &r.coverage.roles[*role];
        let status = c.status.map_or("-", |s| words.say(Word::coverage(s)));
        let holders: Vec<Cow<'_, str>> = c.holders.iter().map(|h| name(h)).collect();
        writeln!(
            out,
            "  {} {}{}",
            cell(instrument.role_label(*role).get(words.lang), w),
            Safe(status),
            if c.status == Some(CoverageStatus::Ontbreekt) {
                " !"
            } else {
                ""
            }
        )?;
        writeln!(
            out,
            "  {} {}: {}",
            cell("", w),
            Safe(words.say(Word::CoverageHolders)),
            if holders.is_empty() {
                "-".into()
            } else {
                holders.join(", ")
            }
        )?;
        writeln!(
            out,
            "  {} {}: {} (n = {})",
            cell("", w),
            Safe(words.say(Word::CoverageConnection)),
            words.num(c.connection.mean),
            c.connection.n
        )?;
    }
    writeln!(out)
}

fn interests<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    writeln!(out, "{}", Safe(words.say(Word::SectionInterests)))?;
    write!(
        out,
        "  {} {} {} {} {} {}",
        cell(words.say(Word::ColOrganisation), w),
        right(words.say(Word::ColInterest), 7),
        right(words.say(Word::ColGive), 7),
        right(words.say(Word::ColTake), 7),
        right(words.say(Word::ColPassion), 7),
        right(words.say(Word::ColBalance), 7),
    )?;
    for s in InfluenceSource::ALL {
        write!(
            out,
            " {}",
            right(instrument.influence_label(*s).get(words.lang), 10)
        )?;
    }
    writeln!(out)?;
    for o in &r.interests {
        let org = if o.organisation.is_empty() {
            "-"
        } else {
            &o.organisation
        };
        write!(
            out,
            "  {} {:>7} {:>7} {:>7} {:>7} {:>7}",
            cell(org, w),
            words.num(o.interest),
            words.num(o.give),
            words.num(o.take),
            words.num(o.passion),
            words.signed(o.balance)
        )?;
        for s in InfluenceSource::ALL {
            write!(out, " {:>10}", words.num(o.influence[*s]))?;
        }
        let flags: Vec<&str> = o
            .flags
            .iter()
            .map(|f| words.say(Word::interests(*f)))
            .collect();
        if !flags.is_empty() {
            write!(out, "  {}", Safe(&flags.join("; ")))?;
        }
        writeln!(out)?;
    }
    writeln!(out)
}

/// How the instrument names a split group's value (a role, position, sector or level
/// id) in `lang`; an organisation's name, or an id the instrument does not know, as it
/// is.
fn choice_label<'a>(by: &str, value: &'a str, instrument: &'a Instrument, lang: Lang) -> &'a str {
    let r = &instrument.file().respondent;
    let found = match by {
        "role" => r
            .roles
            .choices
            .iter()
            .find(|c| c.id.id() == value)
            .map(|c| &c.label),
        "position" => r
            .position
            .choices
            .iter()
            .find(|c| c.id.id() == value)
            .map(|c| &c.label),
        "sector" => r
            .sector
            .choices
            .iter()
            .find(|c| c.id.id() == value)
            .map(|c| &c.label),
        "level" => r
            .level
            .choices
            .iter()
            .find(|c| c.id.id() == value)
            .map(|c| &c.label),
        _ => None,
    };
    found.map_or(value, |label| label.get(lang))
}

fn split_row<W: Write>(
    out: &mut Terminal<W>,
    by: &str,
    g: &SplitGroup,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    let value = match &g.value {
        Some(value) => choice_label(by, value, instrument, words.lang),
        None => words.say(Word::SplitNone),
    };
    write!(out, "  {} {:>4}", cell(value, w), g.n)?;
    let (Some(concepts), Some(modules)) = (&g.concepts, &g.modules) else {
        return writeln!(out, "  {}", Safe(words.say(Word::SplitWithheld)));
    };
    for c in Concept::ALL {
        write!(out, " {:>8}", words.num(concepts[*c].stats.mean))?;
    }
    for m in Module::SCORED {
        write!(out, " {:>8}", words.num(modules[Scored(*m)].mean))?;
    }
    let _ = instrument;
    writeln!(out)
}

/// Everyone outside one group, named as the page's split table names it.
fn rest_row<W: Write>(
    out: &mut Terminal<W>,
    rest: &RestGroup,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    let group = match &rest.except {
        Some(value) => choice_label(&rest.by, value, instrument, words.lang),
        None => words.say(Word::SplitNone),
    };
    let name = netwerkregie::split::rest_label(instrument, words.lang, group);
    let group = SplitGroup {
        value: Some(name),
        n: rest.n,
        withheld: rest.withheld,
        concepts: rest.concepts.clone(),
        modules: rest.modules.clone(),
    };
    // As a row of a split: its name is no choice of the dimension, so it shows as is.
    split_row(out, "", &group, instrument, words, w)
}

fn splits<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    if r.splits.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", Safe(words.say(Word::SectionSplits)))?;
    for (by, groups) in &r.splits {
        let name = Dimension::parse(by).map_or(by.as_str(), |d| words.say(Word::dimension(d)));
        write!(
            out,
            "  {} {}",
            cell(name, w),
            right(words.say(Word::ColN), 4)
        )?;
        for c in Concept::ALL {
            write!(
                out,
                " {}",
                right(instrument.concept_label(*c).get(words.lang), 8)
            )?;
        }
        for m in Module::SCORED {
            write!(
                out,
                " {}",
                right(instrument.module_short_label(*m).get(words.lang), 8)
            )?;
        }
        writeln!(out)?;
        for g in groups {
            split_row(out, by, g, instrument, words, w)?;
        }
        if let Some(rest) = r.rest.as_ref().filter(|rest| rest.by == *by) {
            rest_row(out, rest, instrument, words, w)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn change<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
    w: usize,
) -> io::Result<()> {
    let Some(change) = &r.change else {
        return Ok(());
    };
    writeln!(out, "{}", Safe(words.say(Word::SectionChange)))?;
    let respondents = |n: usize| {
        words
            .say(Word::ReportRespondents)
            .replace("{n}", &n.to_string())
    };
    writeln!(
        out,
        "  {}: {}; {}: {}",
        Safe(words.say(Word::ChangeBaseline)),
        Safe(&respondents(change.baseline_respondents)),
        Safe(words.say(Word::ChangeNow)),
        Safe(&respondents(r.respondents)),
    )?;
    writeln!(
        out,
        "  {} {} {} {}",
        cell("", w),
        right(words.say(Word::ChangeBaseline), 10),
        right(words.say(Word::ChangeNow), 10),
        right(words.say(Word::ColDelta), 10)
    )?;
    let row = |out: &mut Terminal<W>, label: &str, d: &Delta| {
        writeln!(
            out,
            "  {} {:>10} {:>10} {:>10}",
            cell(label, w),
            words.num(d.baseline),
            words.num(d.now),
            words.signed(d.delta)
        )
    };
    for c in Concept::ALL {
        row(
            out,
            instrument.concept_label(*c).get(words.lang),
            &change.concepts[*c],
        )?;
    }
    for m in Module::SCORED {
        row(
            out,
            instrument.module_label(*m).get(words.lang),
            &change.modules[Scored(*m)],
        )?;
    }
    writeln!(out)
}

fn advice<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
) -> io::Result<()> {
    writeln!(out, "{}", Safe(words.say(Word::SectionAdvice)))?;
    if r.advice.is_empty() {
        writeln!(out, "  {}", Safe(words.say(Word::AdviceNone)))?;
    }
    for (i, a) in r.advice.iter().enumerate() {
        if i == 3 {
            writeln!(out, "  {}:", Safe(words.say(Word::AdviceFurther)))?;
        }
        let subjects = if a.subjects.is_empty() {
            String::new()
        } else {
            // Concepts, modules and roles by the instrument's name for them; the
            // organisations of an interests finding as they are.
            let names: Vec<Cow<'_, str>> = a
                .subjects
                .iter()
                .map(|s| match a.when {
                    Trigger::Interests(_) => name(s),
                    _ => Concept::parse(s)
                        .map(|c| instrument.concept_label(c))
                        .or_else(|| Module::parse(s).map(|m| instrument.module_label(m)))
                        .or_else(|| Role::parse(s).map(|r| instrument.role_label(r)))
                        .map_or_else(|| name(s), |label| name(label.get(words.lang))),
                })
                .collect();
            format!(" ({})", names.join(", "))
        };
        writeln!(
            out,
            "  {}. [{}] {}{}",
            i + 1,
            Safe(words.say(Word::band(a.band))),
            Safe(a.title.get(words.lang)),
            Safe(&subjects)
        )?;
        writeln!(out, "     {}", Safe(a.finding.get(words.lang)))?;
        if let Some(low) = &a.lowest {
            writeln!(
                out,
                "     {}: {} ({})",
                Safe(words.say(Word::AdviceLowest)),
                Safe(low.text.get(words.lang)),
                words.num(Some(low.mean))
            )?;
        }
        if !a.items.is_empty() {
            // The statements themselves: a facilitator reads them, not their ids.
            writeln!(out, "     {}:", Safe(words.say(Word::Divergent)))?;
            for id in &a.items {
                let text = instrument
                    .slot(id)
                    .and_then(|slot| instrument.statement(usize::from(slot)))
                    .map_or(id.as_str(), |item| item.text.get(words.lang));
                writeln!(out, "     - {}", Safe(text))?;
            }
        }
        writeln!(out, "     {}", Safe(a.text.get(words.lang)))?;
    }
    writeln!(out)
}

fn comments<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    words: &Words<'_>,
) -> io::Result<()> {
    if r.comments.0.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", Safe(words.say(Word::SectionComments)))?;
    // In the order the scan asks them: each module with its open questions (the
    // concepts within relaties), then the closing questions, then any other key.
    let file = instrument.file();
    let mut order: Vec<String> = Vec::new();
    for m in file.modules.iter() {
        order.push(m.id.id().to_owned());
        order.extend(
            file.items
                .iter()
                .filter(|i| {
                    i.module == Some(m.id) && i.kind == netwerkregie::instrument::ItemType::Open
                })
                .map(|i| i.id.to_string()),
        );
        if m.id == Module::Relaties {
            order.extend(Concept::ALL.iter().map(|c| c.id().to_owned()));
        }
    }
    order.extend(
        file.items
            .iter()
            .filter(|i| i.module.is_none() && i.kind == netwerkregie::instrument::ItemType::Open)
            .map(|i| i.id.to_string()),
    );
    let mut keyed: Vec<&(String, netwerkregie::report::Comments)> = r.comments.0.iter().collect();
    keyed.sort_by_key(|(key, _)| order.iter().position(|k| k == key).unwrap_or(order.len()));
    for (key, c) in keyed {
        let label = Concept::parse(key)
            .map(|k| instrument.concept_label(k).get(words.lang).to_owned())
            .or_else(|| {
                Module::parse(key).map(|m| instrument.module_label(m).get(words.lang).to_owned())
            })
            .or_else(|| {
                instrument
                    .open_question(key)
                    .map(|q| q.text.get(words.lang).to_owned())
            })
            .unwrap_or_else(|| key.clone());
        writeln!(out, "  {} ({})", Safe(&label), c.count)?;
        for text in &c.texts {
            writeln!(out, "   - {}", Safe(&text.replace('\n', " ")))?;
        }
        if c.count > c.texts.len() {
            writeln!(out, "   … (+{})", c.count - c.texts.len())?;
        }
    }
    Ok(())
}

/// Writes the instrument as a numbered questionnaire.
pub fn instrument<W: Write>(
    out: &mut Terminal<W>,
    instrument: &Instrument,
    lang: Lang,
) -> io::Result<()> {
    let file = instrument.file();
    writeln!(
        out,
        "{} ({} {})",
        Safe(file.title.get(lang)),
        Safe(&file.id),
        Safe(&file.version)
    )?;
    let scale = |id: &str| {
        file.scales
            .iter()
            .find(|s| s.id == id)
            .map(|s| {
                let labels: Vec<&str> = s.labels.iter().map(|l| l.get(lang)).collect();
                format!("{} / {}", labels.join(" / "), s.unknown.get(lang))
            })
            .unwrap_or_default()
    };
    let r = &file.respondent;
    writeln!(out)?;
    for (id, q) in [
        (
            "roles",
            (
                &r.roles.question,
                r.roles
                    .choices
                    .iter()
                    .map(|c| c.label.get(lang))
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "position",
            (
                &r.position.question,
                r.position
                    .choices
                    .iter()
                    .map(|c| c.label.get(lang))
                    .collect(),
            ),
        ),
        (
            "sector",
            (
                &r.sector.question,
                r.sector.choices.iter().map(|c| c.label.get(lang)).collect(),
            ),
        ),
        (
            "level",
            (
                &r.level.question,
                r.level.choices.iter().map(|c| c.label.get(lang)).collect(),
            ),
        ),
    ] {
        writeln!(
            out,
            "  {:<28} {} ({})",
            id,
            Safe(q.0.get(lang)),
            Safe(&q.1.join(", "))
        )?;
    }
    for m in file.modules.iter() {
        writeln!(out)?;
        writeln!(out, "{}", Safe(m.label.get(lang)))?;
        writeln!(out, "  {}", Safe(m.intro.get(lang)))?;
        for item in file.items.iter().filter(|i| i.module == Some(m.id)) {
            let rev = if item.reverse { " (R)" } else { "" };
            let open = if item.kind == netwerkregie::instrument::ItemType::Open {
                " (open)"
            } else {
                ""
            };
            writeln!(
                out,
                "  {:<28} {}{rev}{open}",
                Safe(&item.id),
                Safe(item.text.get(lang))
            )?;
        }
        match m.id {
            Module::Organisatie => {
                let choices: Vec<&str> = file
                    .form
                    .choices
                    .iter()
                    .map(|c| c.label.get(lang))
                    .collect();
                writeln!(
                    out,
                    "  {:<28} {} ({})",
                    "form",
                    Safe(file.form.question.get(lang)),
                    Safe(&choices.join(", "))
                )?;
            }
            Module::Relaties => {
                writeln!(
                    out,
                    "  {:<28} {} ({})",
                    "importance",
                    Safe(file.importance.question.get(lang)),
                    Safe(&scale(&file.importance.scale))
                )?;
            }
            Module::Belangen => {
                for q in file.interests.questions.iter() {
                    writeln!(
                        out,
                        "  {:<28} {} ({})",
                        q.id.id(),
                        Safe(q.text.get(lang)),
                        Safe(&scale(&q.scale))
                    )?;
                }
                writeln!(out, "  {}", Safe(file.interests.influence.intro.get(lang)))?;
                for s in file.interests.influence.sources.iter() {
                    writeln!(out, "  {:<28} {}", s.id.id(), Safe(s.text.get(lang)))?;
                }
            }
            Module::Ladder => {
                writeln!(
                    out,
                    "  {:<28} {}",
                    "current",
                    Safe(file.ladder.current.get(lang))
                )?;
                writeln!(
                    out,
                    "  {:<28} {}",
                    "desired",
                    Safe(file.ladder.desired.get(lang))
                )?;
                for rung in file.ladder.rungs.iter() {
                    writeln!(
                        out,
                        "  {:<28} {}: {}",
                        rung.id.id(),
                        Safe(rung.label.get(lang)),
                        Safe(rung.description.get(lang))
                    )?;
                }
            }
            Module::Opgave => {}
        }
    }
    let closing: Vec<_> = file.items.iter().filter(|i| i.module.is_none()).collect();
    if !closing.is_empty() {
        writeln!(out)?;
        for item in closing {
            writeln!(
                out,
                "  {:<28} {} (open)",
                Safe(&item.id),
                Safe(item.text.get(lang))
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        if lang.is_dutch() {
            "Bronnen"
        } else {
            "Sources"
        }
    )?;
    for s in file.sources.iter() {
        writeln!(
            out,
            "  {}  {}, {} ({})",
            Safe(&s.id),
            Safe(&s.title),
            Safe(&s.author),
            Safe(&s.publisher)
        )?;
    }
    Ok(())
}
