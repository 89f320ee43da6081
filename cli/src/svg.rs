//! `report --svg DIR`: the page's charts, drawn by the same core code into SVG files.

use std::path::Path;

use netwerkregie::chart;
use netwerkregie::{Instrument, Lang, Report};
use plotters::prelude::IntoDrawingArea;
use plotters_svg::SVGBackend;

const SIZE: (u32, u32) = (640, 520);

/// Writes `concepts.svg`, `modules.svg`, `influence.svg` and `ladder.svg` into `dir`.
pub fn write_all(
    dir: &Path,
    report: &Report,
    instrument: &Instrument,
    lang: Lang,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
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
    for (name, radar) in &radars {
        let path = dir.join(name);
        let area = SVGBackend::new(&path, SIZE).into_drawing_area();
        chart::draw_radar(&area, radar, lang).map_err(|e| format!("{}: {e}", path.display()))?;
        area.present()
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let path = dir.join("ladder.svg");
    let area = SVGBackend::new(&path, SIZE).into_drawing_area();
    chart::draw_ladder(&area, &chart::ladder_chart(report, instrument, lang))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    area.present()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}
