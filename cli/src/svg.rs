//! `report --svg DIR`: the page's charts, drawn by the same core code into SVG files.
//!
//! The folder may be one that others can write to, so the files are written with
//! care: every chart is drawn in memory first, every target is checked before anything
//! is written, and each file is written to a new temporary file in the same folder and
//! then renamed over its target. A symbolic link at a target is thereby replaced, never
//! followed. The folder itself is the one the user named: when that is a link to a
//! folder, the charts go into the folder it points to.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use netwerkregie::chart;
use netwerkregie::{Instrument, Lang, Report};
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

use crate::input::io_problem;
use crate::t;
use crate::terminal;

const SIZE: (u32, u32) = (640, 520);

/// What was at a target before the chart was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    Nothing,
    File,
    Link,
}

/// Writes `concepts.svg`, `modules.svg`, `influence.svg` and `ladder.svg` into `dir`.
/// Returns a line for every file that was replaced.
pub fn write_all(
    dir: &Path,
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
) -> Result<Vec<String>, String> {
    let shown = terminal::path(dir);
    prepare(dir, &shown, lang)?;
    let charts = draw(report, instrument, lang)?;
    let mut targets = Vec::with_capacity(charts.len());
    for (name, svg) in charts {
        let path = dir.join(name);
        let before = check_target(&path, lang)?;
        targets.push((path, before, svg));
    }
    let mut replaced = Vec::new();
    for (path, before, svg) in targets {
        write_replacing(dir, &path, svg.as_bytes(), lang)?;
        let shown = terminal::path(&path);
        match (before, lang) {
            (Before::Nothing, _) => {}
            (Before::File, Lang::Nl) => {
                replaced.push(format!("{shown} bestond al en is vervangen"));
            }
            (Before::File, _) => {
                replaced.push(format!("{shown} already existed and was replaced"));
            }
            (Before::Link, Lang::Nl) => replaced.push(format!(
                "{shown} was een symbolische koppeling; die is vervangen door de grafiek (waar hij naar wees, is niet aangeraakt)"
            )),
            (Before::Link, _) => replaced.push(format!(
                "{shown} was a symbolic link; it was replaced by the chart (what it pointed to was not touched)"
            )),
        }
    }
    Ok(replaced)
}

/// Makes sure `dir` is a folder, creating it when it does not exist.
fn prepare(dir: &Path, shown: &str, lang: Lang) -> Result<(), String> {
    if dir.as_os_str().is_empty() {
        return Err(format!(
            "--svg: {}",
            t(
                lang,
                "een lege naam is geen map; geef de map voor de grafieken",
                "an empty name is not a folder; give the folder for the charts"
            )
        ));
    }
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(meta) if meta.is_file() => Err(format!(
            "--svg {shown}: {}",
            t(
                lang,
                "dat is een bestand, geen map",
                "that is a file, not a folder"
            )
        )),
        Ok(_) => Err(format!(
            "--svg {shown}: {}",
            t(lang, "dat is geen map", "that is not a folder")
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(dir).is_ok() {
                return Err(format!(
                    "--svg {shown}: {}",
                    t(
                        lang,
                        "een symbolische koppeling naar iets dat niet bestaat",
                        "a symbolic link to something that does not exist"
                    )
                ));
            }
            fs::create_dir_all(dir).map_err(|e| {
                format!(
                    "--svg {shown}: {}: {}",
                    t(lang, "kan de map niet maken", "cannot make the folder"),
                    io_problem(&e, lang)
                )
            })
        }
        Err(e) => Err(format!("--svg {shown}: {}", io_problem(&e, lang))),
    }
}

/// The four charts as SVG text.
fn draw(
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
) -> Result<Vec<(&'static str, String)>, String> {
    let radars = [
        (
            "concepts.svg",
            chart::concepts_radar(report, instrument, lang),
        ),
        (
            "modules.svg",
            chart::modules_radar(report, instrument, lang),
        ),
        (
            "influence.svg",
            chart::influence_radar(report, instrument, lang),
        ),
    ];
    let mut charts = Vec::with_capacity(4);
    for (name, radar) in &radars {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
            chart::draw_radar(&area, radar).map_err(|e| format!("{name}: {e}"))?;
            area.present().map_err(|e| format!("{name}: {e}"))?;
        }
        charts.push((*name, svg));
    }
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        chart::draw_ladder(&area, &chart::ladder_chart(report, instrument, lang))
            .map_err(|e| format!("ladder.svg: {e}"))?;
        area.present().map_err(|e| format!("ladder.svg: {e}"))?;
    }
    charts.push(("ladder.svg", svg));
    Ok(charts)
}

/// What is at `path` now; a folder there is an error, before anything is written.
fn check_target(path: &Path, lang: Lang) -> Result<Before, String> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Before::Nothing),
        Err(e) => Err(format!(
            "{}: {}",
            terminal::path(path),
            io_problem(&e, lang)
        )),
        Ok(meta) if meta.file_type().is_symlink() => Ok(Before::Link),
        Ok(meta) if meta.is_file() => Ok(Before::File),
        Ok(_) => Err(format!(
            "{}: {}",
            terminal::path(path),
            t(
                lang,
                "daar staat iets anders dan een bestand (een map?); er is geen grafiek geschreven",
                "something other than a file is there (a folder?); no chart was written"
            )
        )),
    }
}

/// Writes `bytes` to a new temporary file in `dir` and renames it to `target`.
fn write_replacing(dir: &Path, target: &Path, bytes: &[u8], lang: Lang) -> Result<(), String> {
    let cannot = |path: &Path, e: &io::Error| {
        format!(
            "{}: {}: {}",
            terminal::path(path),
            t(lang, "kan niet schrijven", "cannot write"),
            io_problem(e, lang)
        )
    };
    let (temp, mut file) = create_temp(dir, target).map_err(|e| cannot(target, &e))?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| fs::rename(&temp, target)) {
        let _ = fs::remove_file(&temp);
        return Err(cannot(target, &e));
    }
    Ok(())
}

/// A temporary file next to `target` that did not exist before (`create_new` never
/// opens an existing file or follows a link).
fn create_temp(dir: &Path, target: &Path) -> io::Result<(PathBuf, fs::File)> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}
