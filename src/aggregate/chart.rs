//! Drawing a [`TrendReport`] as a line chart of mean stance per period, one line per group,
//! with the 95% interval as a translucent band, as SVG or as a self-contained HTML page.
//!
//! Lines break at periods without scored documents rather than interpolating across them; a
//! lone period shows as a dot. Periods flagged `low_count` are drawn as hollow grey circles,
//! outside lines and bands. The y axis spans the data and its intervals (clipped to [−1, 1])
//! and always includes 0, drawn as a reference line.
//!
//! This module does not compute anything: it draws what `trend` produced.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::Path;

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::trend::{Period, TrendReport, TrendRow};

/// Why a chart could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The output path does not end in `.svg`, `.html` or `.htm`.
    #[error("{path}: cannot tell the chart format; name the file .svg or .html")]
    UnsupportedExtension { path: String },
    /// Plotters failed while drawing into the in-memory SVG.
    #[error("drawing the chart: {0}")]
    Drawing(String),
    /// The chart could not be written.
    #[error("writing {path}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
}

const WIDTH: u32 = 1100;
const HEIGHT: u32 = 620;
/// Room at the right for the legend, in pixels.
const LEGEND_WIDTH: u32 = 230;
/// Room at the bottom for the note on what is not shown, in pixels.
const FOOTER_HEIGHT: u32 = 34;
const FONT: &str = "sans-serif";
const TEXT: RGBColor = RGBColor(40, 40, 40);
const GRID: RGBColor = RGBColor(225, 225, 225);
const LOW_COUNT: RGBColor = RGBColor(150, 150, 150);
/// Tableau 10 without its grey and yellow (grey marks low counts; yellow is unreadable on
/// white); cycled when there are more groups.
const PALETTE: [RGBColor; 8] = [
    RGBColor(0x4e, 0x79, 0xa7),
    RGBColor(0xf2, 0x8e, 0x2b),
    RGBColor(0xe1, 0x57, 0x59),
    RGBColor(0x59, 0xa1, 0x4f),
    RGBColor(0xb0, 0x7a, 0xa1),
    RGBColor(0x9c, 0x75, 0x5f),
    RGBColor(0xff, 0x9d, 0xa7),
    RGBColor(0x76, 0xb7, 0xb2),
];
/// Opacity of the interval bands.
const BAND_ALPHA: f64 = 0.18;
/// Legend entries shown before "… and N more".
const MAX_LEGEND_GROUPS: usize = 16;

/// Writes the chart to `path`: SVG for `.svg`, an HTML page embedding the SVG for `.html`.
pub fn render_chart(report: &TrendReport, path: &Path, title: &str) -> Result<(), ChartError> {
    let extension = path.extension().and_then(OsStr::to_str).map(str::to_ascii_lowercase);
    let content = match extension.as_deref() {
        Some("svg") => render_svg(report, title)?,
        Some("html" | "htm") => html_page(&render_svg(report, title)?, title),
        _ => return Err(ChartError::UnsupportedExtension { path: path.display().to_string() }),
    };
    fs::write(path, content).map_err(|source| ChartError::Write { path: path.display().to_string(), source })
}

/// The chart as an SVG document.
pub fn render_svg(report: &TrendReport, title: &str) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, report, title)
            .and_then(|()| root.present())
            .map_err(|e| ChartError::Drawing(e.to_string()))?;
    }
    Ok(svg)
}

fn html_page(svg: &str, title: &str) -> String {
    let title = escape_html(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{title}</title>\n<style>\n\
         body {{ font-family: sans-serif; margin: 2em; color: #282828; }}\n\
         svg {{ max-width: 100%; height: auto; }}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n{svg}</body>\n</html>\n"
    )
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// One group's rows in period order.
struct Series<'r> {
    name: String,
    color: RGBColor,
    rows: Vec<&'r TrendRow>,
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    report: &TrendReport,
    title: &str,
) -> DrawResult<DB> {
    root.fill(&WHITE)?;
    let area = root.titled(title, (FONT, 26).into_font().color(&TEXT))?;
    let (area, footer) = area.split_vertically(area.dim_in_pixel().1.saturating_sub(FOOTER_HEIGHT));
    let (plot, legend) = area.split_horizontally(area.dim_in_pixel().0.saturating_sub(LEGEND_WIDTH));

    let groups = report.groups.len().max(1);
    let periods = report.rows.len() / groups;
    let series: Vec<Series> = report
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| Series {
            name: legend_name(group, groups),
            color: PALETTE[g % PALETTE.len()],
            rows: report.rows.iter().skip(g).step_by(groups).collect(),
        })
        .collect();
    let labels: Vec<&str> = report.rows.iter().step_by(groups).map(|r| r.period.as_str()).collect();
    let (y_low, y_high) = y_range(&report.rows);

    let ticks = tick_indices(report.period, periods, plot.dim_in_pixel().0);
    let x_max = periods.max(1) as f64 - 0.5;
    let mut chart = ChartBuilder::on(&plot)
        .margin(12)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d(PeriodAxis { range: -0.5..x_max, ticks }, y_low..y_high)?;
    let label_of = |x: &f64| {
        let i = x.round();
        if (x - i).abs() < 1e-6 && i >= 0.0 {
            labels.get(i as usize).map_or(String::new(), |l| (*l).to_string())
        } else {
            String::new()
        }
    };
    let decimals = if y_high - y_low < 0.5 { 2 } else { 1 };
    // Ticks near zero can be −1e-17: print them as 0, and negatives with a real minus sign.
    let format_y = |y: &f64| {
        let y = if y.abs() < 1e-9 { 0.0 } else { *y };
        format!("{y:.decimals$}").replace('-', "−")
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID)
        .light_line_style(WHITE)
        .axis_style(TEXT.mix(0.6))
        .x_desc("period")
        .y_desc("mean stance (−1 skeptical … +1 optimistic)")
        .x_label_formatter(&label_of)
        .y_label_formatter(&format_y)
        .y_labels(9)
        .label_style((FONT, 13).into_font().color(&TEXT))
        .axis_desc_style((FONT, 15).into_font().color(&TEXT))
        .draw()?;

    // The zero line: neither optimistic nor skeptical.
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(-0.5, 0.0), (x_max, 0.0)],
        TEXT.mix(0.55).stroke_width(1),
    )))?;

    let clamp = |y: f64| y.clamp(y_low, y_high);
    // A lone interval is a bar about 16 px wide, narrower when periods are crowded.
    let bar_half_width = (8.0 * periods as f64 / f64::from(plot.dim_in_pixel().0.max(1))).min(0.12);
    for s in &series {
        let band = s.color.mix(BAND_ALPHA).filled();
        for run in runs(&s.rows, |row| row.stance_ci.filter(|_| !row.low_count)) {
            if let [(x, (low, high))] = run[..] {
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x - bar_half_width, clamp(low)), (x + bar_half_width, clamp(high))],
                    band,
                )))?;
            } else {
                let upper = run.iter().map(|&(x, (_, high))| (x, clamp(high)));
                let lower = run.iter().rev().map(|&(x, (low, _))| (x, clamp(low)));
                chart.draw_series(std::iter::once(Polygon::new(
                    upper.chain(lower).collect::<Vec<_>>(),
                    band,
                )))?;
            }
        }
    }
    for s in &series {
        let line = s.color.stroke_width(2);
        for run in runs(&s.rows, |row| row.mean_stance.filter(|_| !row.low_count)) {
            if run.len() > 1 {
                chart.draw_series(LineSeries::new(run.iter().map(|&(x, y)| (x, clamp(y))), line))?;
            }
            chart.draw_series(run.iter().map(|&(x, y)| Circle::new((x, clamp(y)), 3, s.color.filled())))?;
        }
        let low_count = s
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| row.low_count)
            .filter_map(|(x, row)| row.mean_stance.map(|y| (x as f64, clamp(y))));
        chart.draw_series(low_count.map(|point| Circle::new(point, 4, LOW_COUNT.stroke_width(2))))?;
    }

    if report.rows.is_empty() {
        let (width, height) = plot.dim_in_pixel();
        let centered = (FONT, 18).into_font().color(&TEXT).pos(Pos::new(HPos::Center, VPos::Center));
        plot.draw(&Text::new("no dated documents", (width as i32 / 2, height as i32 / 2), centered))?;
    } else {
        draw_legend(&legend, &series, report)?;
    }
    draw_footer(&footer, report)
}

/// The text for a group in the legend: an ungrouped single series is "mean stance".
fn legend_name(group: &str, groups: usize) -> String {
    const MAX_CHARS: usize = 26;
    let name = match group {
        "" if groups == 1 => "mean stance",
        "" => "(no group)",
        name => name,
    };
    if name.chars().count() > MAX_CHARS {
        name.chars().take(MAX_CHARS - 1).chain(std::iter::once('…')).collect()
    } else {
        name.to_string()
    }
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Series],
    report: &TrendReport,
) -> DrawResult<DB> {
    let text = (FONT, 14).into_font().color(&TEXT);
    let row_height = 22;
    let x = 10;
    let mut y = 40;
    for s in series.iter().take(MAX_LEGEND_GROUPS) {
        let y0 = y;
        area.draw(&Rectangle::new([(x, y0 - 7), (x + 28, y0 + 7)], s.color.mix(BAND_ALPHA).filled()))?;
        area.draw(&PathElement::new(vec![(x, y0), (x + 28, y0)], s.color.stroke_width(2)))?;
        area.draw(&Circle::new((x + 14, y0), 3, s.color.filled()))?;
        area.draw(&Text::new(s.name.clone(), (x + 38, y0 - 8), text.clone()))?;
        y += row_height;
    }
    if series.len() > MAX_LEGEND_GROUPS {
        let more = format!("… and {} more", series.len() - MAX_LEGEND_GROUPS);
        area.draw(&Text::new(more, (x + 38, y - 8), text.clone()))?;
        y += row_height;
    }
    y += 8;
    let small = (FONT, 12).into_font().color(&TEXT);
    let y0 = y;
    area.draw(&Rectangle::new([(x, y0 - 7), (x + 28, y0 + 7)], TEXT.mix(BAND_ALPHA).filled()))?;
    area.draw(&Text::new("95% confidence interval", (x + 38, y0 - 7), small.clone()))?;
    let has_low_count = report.rows.iter().any(|r| r.low_count && r.mean_stance.is_some());
    if has_low_count {
        let y0 = y + row_height;
        area.draw(&Circle::new((x + 14, y0), 4, LOW_COUNT.stroke_width(2)))?;
        let note = format!("fewer than {} documents", report.min_docs);
        area.draw(&Text::new(note, (x + 38, y0 - 7), small))?;
    }
    Ok(())
}

fn draw_footer<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, report: &TrendReport) -> DrawResult<DB> {
    let dated = report.documents.saturating_sub(report.undated + report.unparseable);
    let mut note = format!(
        "{dated} of {} documents dated · one point per {} · weighted by {}",
        report.documents, report.period, report.weight
    );
    if report.undated > 0 || report.unparseable > 0 {
        note.push_str(&format!(
            " · not shown: {} undated, {} with unparseable dates",
            report.undated, report.unparseable
        ));
    }
    area.draw(&Text::new(note, (20, 8), (FONT, 12).into_font().color(&TEXT.mix(0.8))))
}

/// The x axis: period `i` sits at `x = i`, with a mark and a label only at `ticks`.
/// (Plotters' `with_key_points` cannot take a label formatter on an `f64` range.)
struct PeriodAxis {
    range: Range<f64>,
    ticks: Vec<f64>,
}

impl Ranged for PeriodAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let fraction = (value - self.range.start) / (self.range.end - self.range.start);
        limit.0 + (fraction * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.clone()
    }
}

/// Maximal runs of consecutive periods where `value` is defined, as `(x, value)` points.
fn runs<T: Copy>(rows: &[&TrendRow], value: impl Fn(&TrendRow) -> Option<T>) -> Vec<Vec<(f64, T)>> {
    let points: Vec<Option<(f64, T)>> =
        rows.iter().enumerate().map(|(x, row)| value(row).map(|v| (x as f64, v))).collect();
    points
        .split(Option::is_none)
        .filter(|run| !run.is_empty())
        .map(|run| run.iter().flatten().copied().collect())
        .collect()
}

/// The y range: means and interval bounds (clipped to [−1, 1]) and 0, padded, and at least
/// 0.2 tall so that noise around a flat tone is not blown up to fill the chart.
fn y_range(rows: &[TrendRow]) -> (f64, f64) {
    const MIN_SPAN: f64 = 0.2;
    let values = rows.iter().flat_map(|r| {
        let ci = r.stance_ci.filter(|_| !r.low_count);
        [r.mean_stance, ci.map(|c| c.0), ci.map(|c| c.1)]
    });
    let (mut low, mut high) = (0.0_f64, 0.0_f64);
    for v in values.flatten() {
        low = low.min(v.clamp(-1.0, 1.0));
        high = high.max(v.clamp(-1.0, 1.0));
    }
    let pad = ((high - low) * 0.08).max(0.02);
    let (mut low, mut high) = (low - pad, high + pad);
    let short = MIN_SPAN - (high - low);
    if short > 0.0 {
        low -= short / 2.0;
        high += short / 2.0;
    }
    (low.max(-1.05), high.min(1.05))
}

/// Which period indices get an x label: every `step`-th, with `step` a round number of
/// periods (a quarter, a year, …) chosen so that the labels do not overlap.
fn tick_indices(period: Period, periods: usize, plot_width: u32) -> Vec<f64> {
    let (label_chars, steps): (u32, &[usize]) = match period {
        Period::Day => (10, &[1, 2, 7, 14, 28, 91, 182, 364, 728]),
        Period::Week => (8, &[1, 2, 4, 13, 26, 52, 104]),
        Period::Month => (7, &[1, 2, 3, 6, 12, 24, 60, 120]),
        Period::Quarter => (7, &[1, 2, 4, 8, 20, 40]),
        Period::Year => (4, &[1, 2, 5, 10, 20, 50, 100]),
    };
    // About 8 px per character at 13 px plus a gap; the plot loses ~90 px to the y labels.
    let room = plot_width.saturating_sub(90) / (label_chars * 8 + 24);
    let max_labels = room.max(2) as usize;
    let fallback = periods.div_ceil(max_labels).max(1);
    let step = steps.iter().copied().find(|step| periods.div_ceil(*step) <= max_labels).unwrap_or(fallback);
    (0..periods).step_by(step).map(|i| i as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{DocTone, Trend, TrendOptions};

    /// Two groups over five months, all dated; the last month of "Daily Bugle" has one document.
    fn report() -> TrendReport {
        let mut trend = Trend::new(TrendOptions { min_docs: 2, ..TrendOptions::default() }).unwrap();
        let stances = [0.3, 0.1, -0.2, 0.0, 0.4];
        for (month, base) in stances.iter().enumerate() {
            for (group, shift, docs) in
                [("Wire & Co", 0.0, 3), ("Daily Bugle", -0.3, if month == 4 { 1 } else { 3 })]
            {
                for d in 0..docs {
                    let stance = base + shift + 0.1 * d as f64;
                    trend.add(DocTone {
                        id: format!("{group}-{month}-{d}"),
                        date: Some(format!("2026-{:02}-1{d}", month + 1)),
                        group: Some(group.to_string()),
                        sentences: 4,
                        stance,
                        sentiment: stance / 2.0,
                        optimistic: 2,
                        skeptical: 1,
                        neutral: 1,
                    });
                }
            }
        }
        trend.finish()
    }

    fn color_hex(c: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    /// Polylines drawn in `color`, and every text in the SVG.
    fn inspect(document: &roxmltree::Document, color: RGBColor) -> (usize, Vec<String>) {
        let hex = color_hex(color);
        let lines = document
            .descendants()
            .filter(|n| n.has_tag_name("polyline"))
            .filter(|n| n.attribute("stroke").is_some_and(|s| s.eq_ignore_ascii_case(&hex)))
            .count();
        let texts = document
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(|t| t.trim().to_string()))
            .collect();
        (lines, texts)
    }

    fn parse(text: &str) -> roxmltree::Document<'_> {
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
        roxmltree::Document::parse_with_options(text, options).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn check_chart(document: &roxmltree::Document) {
        // Each group: its data line plus its legend swatch, in its own colour.
        for (color, name) in [(PALETTE[0], "Daily Bugle"), (PALETTE[1], "Wire & Co")] {
            let (lines, texts) = inspect(document, color);
            assert_eq!(lines, 2, "{name}: polylines in {}", color_hex(color));
            assert!(texts.iter().any(|t| t == name), "no legend text {name:?} in {texts:?}");
        }
        let (_, texts) = inspect(document, PALETTE[0]);
        for expected in [
            "period",
            "mean stance (−1 skeptical … +1 optimistic)",
            "2026-01",
            "2026-05",
            "Tone by source",
            "fewer than 2 documents",
        ] {
            assert!(texts.iter().any(|t| t == expected), "no text {expected:?} in {texts:?}");
        }
        // The low-count month of "Daily Bugle" is a hollow grey circle, not on its line.
        let grey = document
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .filter(|n| n.attribute("stroke").is_some_and(|s| s.eq_ignore_ascii_case(&color_hex(LOW_COUNT))))
            .count();
        assert!(grey >= 2, "the low-count point and its legend entry: {grey}");
    }

    #[test]
    fn svg_chart_has_one_series_and_legend_entry_per_group() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trend.svg");
        render_chart(&report(), &path, "Tone by source").unwrap();
        let svg = fs::read_to_string(&path).unwrap();
        let document = parse(&svg);
        assert!(document.root_element().has_tag_name("svg"));
        check_chart(&document);
    }

    #[test]
    fn html_chart_wraps_the_same_svg_in_a_page() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trend.HTML");
        render_chart(&report(), &path, "Tone by source").unwrap();
        let html = fs::read_to_string(&path).unwrap();
        let document = parse(&html);
        let heading = document.descendants().find(|n| n.has_tag_name("h1")).unwrap();
        assert_eq!(heading.text(), Some("Tone by source"));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(document.descendants().filter(|n| n.has_tag_name("svg")).count(), 1);
        check_chart(&document);
    }

    #[test]
    fn titles_are_escaped_in_html() {
        let page = html_page("<svg/>", "Q&A <b>");
        assert!(page.contains("<h1>Q&amp;A &lt;b&gt;</h1>"), "{page}");
        parse(&page);
    }

    #[test]
    fn other_extensions_are_refused() {
        let error = render_chart(&report(), Path::new("trend.png"), "t").unwrap_err();
        assert_eq!(error.to_string(), "trend.png: cannot tell the chart format; name the file .svg or .html");
    }

    #[test]
    fn an_empty_report_still_draws() {
        let report = Trend::new(TrendOptions::default()).unwrap().finish();
        let svg = render_svg(&report, "Nothing").unwrap();
        assert!(svg.contains("no dated documents"));
        parse(&svg);
    }

    #[test]
    fn y_range_includes_zero_and_stays_near_minus_one_to_one() {
        let row = |mean: f64, ci: Option<(f64, f64)>| TrendRow {
            period: String::new(),
            period_start: chrono::NaiveDate::MIN,
            group: String::new(),
            documents: 3,
            sentences: 3,
            mean_stance: Some(mean),
            stance_ci: ci,
            mean_sentiment: None,
            optimistic_share: None,
            skeptical_share: None,
            neutral_share: None,
            net_tone: None,
            low_count: false,
        };
        let (low, high) = y_range(&[row(0.3, Some((0.25, 0.4)))]);
        assert!((-0.1..0.0).contains(&low) && high > 0.4 && high < 0.5, "{low} {high}");
        let (low, high) = y_range(&[row(-0.1, Some((-3.9, 3.7)))]);
        assert_eq!((low, high), (-1.05, 1.05));
        let (low, high) = y_range(&[row(0.03, Some((0.01, 0.05)))]);
        assert!((high - low - 0.2).abs() < 1e-9 && low < 0.0 && high > 0.05, "{low} {high}");
        let (low, high) = y_range(&[]);
        assert!((low + 0.1).abs() < 1e-9 && (high - 0.1).abs() < 1e-9, "{low} {high}");
    }

    #[test]
    fn x_labels_step_by_round_numbers_of_periods() {
        assert_eq!(tick_indices(Period::Month, 5, 870).len(), 5);
        let ticks = tick_indices(Period::Month, 36, 870);
        assert_eq!(ticks[1] - ticks[0], 6.0, "{ticks:?}");
        let ticks = tick_indices(Period::Day, 400, 870);
        assert_eq!(ticks[1] - ticks[0], 91.0, "{ticks:?}");
        assert_eq!(tick_indices(Period::Year, 0, 870), Vec::<f64>::new());
    }
}
