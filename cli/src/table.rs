//! The report and the instrument as readable text tables.
//!
//! Every text here may come from other people (organisation names from responses,
//! labels and questions from a trainer's instrument), so it is written through a
//! [`Terminal`], and names in columns are cut to [`MAX_NAME`] characters with an
//! ellipsis: a name of any length keeps the table readable (`--json` keeps it whole).

use std::borrow::Cow;
use std::io::{self, Write};

use netwerkregie::chart::format_score;
use netwerkregie::group::OrganisationInterests;
use netwerkregie::{
    Band, Concept, InfluenceSource, Instrument, LadderFlag, Lang, Module, Report, Role, Rung,
    Stats, TrustFlag,
};

use crate::t;
use crate::terminal::{fit, Safe, Terminal};

/// The widest a name column gets, in characters; longer names end in "…".
pub const MAX_NAME: usize = 40;

/// `text` made safe, cut to `w` characters and padded to `w`.
fn cell(text: &str, w: usize) -> String {
    format!("{:<w$}", fit(text, w))
}

/// `text` made safe and cut to [`MAX_NAME`] characters, for lists of names.
fn name(text: &str) -> Cow<'_, str> {
    fit(text, MAX_NAME)
}

fn num(v: Option<f64>, lang: Lang) -> String {
    v.map_or_else(|| "-".to_owned(), |v| format_score(v, lang))
}

fn band(b: Option<Band>, lang: Lang) -> &'static str {
    match b {
        Some(Band::Sterk) => t(lang, "sterk", "strong"),
        Some(Band::Aandacht) => t(lang, "aandacht", "attention"),
        Some(Band::Zorg) => t(lang, "zorg", "concern"),
        None => t(lang, "geen score", "no score"),
    }
}

fn stats_row<W: Write>(
    out: &mut Terminal<W>,
    label: &str,
    w: usize,
    s: &Stats,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        out,
        "  {} {:>3} {:>6} {:>6} {:>6} {:>6}  {:<10} {}",
        cell(label, w),
        s.n,
        num(s.mean, lang),
        num(s.sd, lang),
        num(s.min, lang),
        num(s.max, lang),
        band(s.band, lang),
        if s.divergent {
            t(lang, "uiteenlopend", "divergent")
        } else {
            ""
        }
    )
}

fn stats_header<W: Write>(
    out: &mut Terminal<W>,
    first: &str,
    w: usize,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        out,
        "  {first:<w$} {:>3} {:>6} {:>6} {:>6} {:>6}  {}",
        "n",
        t(lang, "gem.", "mean"),
        "sd",
        "min",
        "max",
        t(lang, "band", "band"),
    )
}

/// Writes the group report.
pub fn report<W: Write>(
    out: &mut Terminal<W>,
    r: &Report,
    instrument: &Instrument,
    lang: Lang,
) -> io::Result<()> {
    let title = instrument.file().title.get(lang);
    writeln!(
        out,
        "{}: {} {}",
        Safe(title),
        r.respondents,
        t(lang, "respondent(en)", "respondent(s)")
    )?;
    writeln!(out)?;
    // One column width for every table, so the report reads as one page.
    let w = Concept::ALL
        .iter()
        .filter_map(|c| instrument.concept_label(*c))
        .chain(
            Module::SCORED
                .iter()
                .filter_map(|m| instrument.module_label(*m)),
        )
        .map(|l| name(l.get(lang)).chars().count())
        .chain(
            r.interests
                .iter()
                .map(|o| name(&o.organisation).chars().count()),
        )
        .max()
        .unwrap_or(0)
        .max(14);
    writeln!(out, "{}", t(lang, "Gezonde relaties", "Healthy relations"))?;
    stats_header(out, t(lang, "begrip", "concept"), w, lang)?;
    for c in Concept::ALL {
        if let Some(s) = r.concepts.get(c) {
            let label = instrument.concept_label(*c).map_or(c.id(), |l| l.get(lang));
            stats_row(out, label, w, &s.stats, lang)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", t(lang, "Onderdelen", "Modules"))?;
    stats_header(out, t(lang, "onderdeel", "module"), w, lang)?;
    for m in Module::SCORED {
        if let Some(s) = r.modules.get(m) {
            let label = instrument.module_label(*m).map_or(m.id(), |l| l.get(lang));
            stats_row(out, label, w, s, lang)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", t(lang, "Vertrouwen", "Trust"))?;
    writeln!(
        out,
        "  {}: {}   {}: {}   {}",
        t(lang, "fundament (andere vijf)", "foundation (other five)"),
        num(r.trust.foundation, lang),
        t(lang, "verschil", "gap"),
        num(r.trust.gap, lang),
        match r.trust.flag {
            Some(TrustFlag::Voor) => t(
                lang,
                "vertrouwen loopt voor op zijn fundament (kwetsbaar)",
                "trust runs ahead of its foundation (fragile)"
            ),
            Some(TrustFlag::Achter) => t(
                lang,
                "vertrouwen blijft achter bij zijn fundament",
                "trust lags behind its foundation"
            ),
            None if r.trust.gap.is_some() => t(
                lang,
                "in evenwicht met het fundament",
                "in line with its foundation"
            ),
            None => t(
                lang,
                "niet te bepalen (niet alle begrippen hebben een score)",
                "cannot be told (not every concept has a score)"
            ),
        }
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        t(lang, "Participatieladder", "Participation ladder")
    )?;
    writeln!(
        out,
        "  {:<w$} {:>4} {:>8}",
        "",
        t(lang, "nu", "now"),
        t(lang, "gewenst", "desired")
    )?;
    for rung in Rung::ALL.iter().rev() {
        let label = instrument
            .rung_label(*rung)
            .map_or(rung.id(), |l| l.get(lang));
        writeln!(
            out,
            "  {} {:>4} {:>8}",
            cell(label, w),
            r.ladder.current.get(rung).copied().unwrap_or(0),
            r.ladder.desired.get(rung).copied().unwrap_or(0)
        )?;
    }
    let flags: Vec<&str> = r
        .ladder
        .flags
        .iter()
        .map(|f| match f {
            LadderFlag::TeHoog => t(
                lang,
                "de overheid staat hoger dan gewenst",
                "government stands higher than wanted",
            ),
            LadderFlag::TeLaag => t(
                lang,
                "de overheid staat lager dan gewenst",
                "government stands lower than wanted",
            ),
            LadderFlag::GeenBeeld => t(
                lang,
                "geen gedeeld beeld van de huidige rol",
                "no shared picture of the current role",
            ),
        })
        .collect();
    writeln!(
        out,
        "  {}: {}{}{}",
        t(
            lang,
            "gemiddeld verschil nu - gewenst (treden)",
            "mean gap now - desired (rungs)"
        ),
        num(r.ladder.mean_gap, lang),
        if flags.is_empty() { "" } else { "; " },
        flags.join("; ")
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        t(lang, "Dekking van de rollen", "Coverage of roles")
    )?;
    for role in Role::ALL {
        let label = instrument
            .role_label(*role)
            .map_or(role.id(), |l| l.get(lang));
        let holders = r.coverage.holders.get(role).cloned().unwrap_or_default();
        let text = if holders.is_empty() {
            t(lang, "ONTBREEKT", "MISSING").to_owned()
        } else {
            holders
                .iter()
                .map(|h| name(h))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(out, "  {} {text}", cell(label, w))?;
    }
    writeln!(out)?;
    interests(out, &r.interests, instrument, w, lang)?;
    writeln!(out)?;
    writeln!(out, "{}", t(lang, "Advies", "Advice"))?;
    if r.advice.is_empty() {
        writeln!(
            out,
            "  {}",
            t(
                lang,
                "Geen bijzondere aandachtspunten.",
                "Nothing stands out."
            )
        )?;
    }
    for (i, a) in r.advice.iter().enumerate() {
        if i == 3 {
            writeln!(out, "  {}", t(lang, "Verder:", "Further:"))?;
        }
        let subjects = if a.subjects.is_empty() {
            String::new()
        } else {
            let names: Vec<Cow<'_, str>> = a.subjects.iter().map(|s| name(s)).collect();
            format!(" ({})", names.join(", "))
        };
        writeln!(out, "  {}. {}{subjects}", i + 1, Safe(a.title.get(lang)))?;
        writeln!(out, "     {}", Safe(a.text.get(lang)))?;
    }
    Ok(())
}

fn interests<W: Write>(
    out: &mut Terminal<W>,
    orgs: &[OrganisationInterests],
    instrument: &Instrument,
    w: usize,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        t(
            lang,
            "Belangen per organisatie",
            "Interests per organisation"
        )
    )?;
    write!(
        out,
        "  {:<w$} {:>6} {:>6} {:>6} {:>6} {:>6}",
        t(lang, "organisatie", "organisation"),
        t(lang, "belang", "inter."),
        t(lang, "geven", "give"),
        t(lang, "nemen", "take"),
        t(lang, "passie", "pass."),
        t(lang, "saldo", "bal.")
    )?;
    for s in InfluenceSource::ALL {
        let label = instrument
            .influence_label(*s)
            .map_or(s.id(), |l| l.get(lang));
        write!(out, " {:>8.8}", Safe(label))?;
    }
    writeln!(out)?;
    for o in orgs {
        let name = if o.organisation.is_empty() {
            "-"
        } else {
            &o.organisation
        };
        write!(
            out,
            "  {} {:>6} {:>6} {:>6} {:>6} {:>6}",
            cell(name, w),
            num(o.interest, lang),
            num(o.give, lang),
            num(o.take, lang),
            num(o.passion, lang),
            num(o.balance, lang)
        )?;
        for s in InfluenceSource::ALL {
            write!(
                out,
                " {:>8}",
                num(o.influence.get(s).copied().flatten(), lang)
            )?;
        }
        let flags: Vec<&str> = o.flags.iter().map(|f| f.id()).collect();
        writeln!(out, "  {}", flags.join(" "))?;
    }
    Ok(())
}

/// Writes the instrument as a numbered questionnaire.
///
/// Ids and texts are the trainer's; each is shown safe, whole.
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
    for m in &file.modules {
        writeln!(out)?;
        writeln!(out, "{}", Safe(m.label.get(lang)))?;
        writeln!(out, "  {}", Safe(m.intro.get(lang)))?;
        for item in file.items.iter().filter(|i| i.module == m.id) {
            let rev = if item.reverse { " (R)" } else { "" };
            writeln!(
                out,
                "  {:<22} {}{rev}",
                Safe(&item.id),
                Safe(item.text.get(lang))
            )?;
        }
        match m.id.as_str() {
            "belangen" => {
                for q in &file.interests.questions {
                    writeln!(out, "  {:<22} {}", Safe(&q.id), Safe(q.text.get(lang)))?;
                }
                writeln!(out, "  {}", Safe(file.interests.influence.intro.get(lang)))?;
                for src in &file.interests.influence.sources {
                    writeln!(out, "  {:<22} {}", Safe(&src.id), Safe(src.text.get(lang)))?;
                }
            }
            "ladder" => {
                writeln!(
                    out,
                    "  {:<22} {}",
                    "current",
                    Safe(file.ladder.current.get(lang))
                )?;
                writeln!(
                    out,
                    "  {:<22} {}",
                    "desired",
                    Safe(file.ladder.desired.get(lang))
                )?;
                for rung in &file.ladder.rungs {
                    writeln!(
                        out,
                        "  {:<22} {}: {}",
                        Safe(&rung.id),
                        Safe(rung.label.get(lang)),
                        Safe(rung.description.get(lang))
                    )?;
                }
            }
            _ => {}
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", t(lang, "Bronnen", "Sources"))?;
    for s in &file.sources {
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
