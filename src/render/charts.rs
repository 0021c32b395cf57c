//! Charts drawn by the build as inline SVG: a timeline of articles (a column a day or a week,
//! its filled part the articles that quote the subject, its open part those that only mention
//! it) and horizontal bar charts (who is quoted most, who spoke at an event, which events were
//! busiest). No script and no chart service: the SVG is text in the page, styled by the
//! theme's CSS, so it follows the light and dark colour schemes. Every chart comes with its
//! numbers as plain rows, which the templates print as a table for screen readers and text
//! browsers.

use super::markup::Escaped;
use crate::content::Date;
use serde::Serialize;
use std::fmt::Write as _;

const WIDTH: f64 = 640.0;
const MARK: f64 = 10.0;
const GAP: f64 = 2.0;
/// The height of the tallest column, in articles' marks: a taller one is scaled down to it.
const MAX_STACK: usize = 8;
/// Up to this many days the timeline has a column a day; past it, a column a week.
const DAILY_UP_TO: i64 = 92;

/// One article on a timeline: its date and how many of the subject's quotes it has (0: only
/// mentioned).
pub type TimelineRow = (Date, usize);

/// A row of a timeline's numbers: a day (for a timeline by day) or a month, and how many of
/// the subject's articles and quotes fall in it. A row an article would make the table grow
/// with the archive, and repeat what the page's list of articles says.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodRow {
    /// `2016-03-21` or `2016-03`: a valid `<time datetime>`.
    pub period: String,
    pub period_display: String,
    pub articles: usize,
    pub quotes: usize,
}

/// A chart and the numbers behind it.
#[derive(Debug, Clone, Serialize)]
pub struct Chart<Row> {
    /// Inline SVG, escaped and ready to print with `| safe`.
    pub svg: String,
    pub rows: Vec<Row>,
    /// "by day" or "by week".
    pub scale: &'static str,
}

/// One bar.
#[derive(Debug, Clone, Serialize)]
pub struct BarRow {
    pub label: String,
    /// Root-relative.
    pub url: String,
    pub count: usize,
}

/// The days a timeline spans: the archive's first and last article dates.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub first: Date,
    pub last: Date,
}

/// A column of a timeline: the subject's articles in one day or week.
#[derive(Clone, Copy, Default)]
struct Column {
    quoting: usize,
    mentioning: usize,
}

/// A timeline of `rows` over `span`, with `highlight` (an event's day) drawn as a line: a
/// column a day or a week, as tall as its articles (the tallest `MAX_STACK` marks, the others
/// in proportion), its title the day or week and its counts. A column, not a mark an article:
/// a busy subject's page would otherwise carry an element and a headline for each of its
/// articles, which the list below it already links. `id` keeps ids unique.
pub fn timeline(id: &str, title: &str, rows: &[TimelineRow], span: Span, highlight: Option<Date>) -> Chart<PeriodRow> {
    let first = span.first.days_since_epoch().min(highlight.map_or(i64::MAX, |d| d.days_since_epoch()));
    let last = span.last.days_since_epoch().max(highlight.map_or(i64::MIN, |d| d.days_since_epoch()));
    let days = (last - first + 1).max(1);
    let bin_days = if days <= DAILY_UP_TO { 1 } else { 7 };
    let bins = ((days + bin_days - 1) / bin_days).max(1) as usize;
    let column = WIDTH / bins as f64;
    let mark_width = (column - 1.0).clamp(1.0, MARK);

    let mut columns = vec![Column::default(); bins];
    let bin_of = |date: Date| (((date.days_since_epoch() - first) / bin_days).clamp(0, bins as i64 - 1)) as usize;
    for &(date, quotes) in rows {
        let c = &mut columns[bin_of(date)];
        if quotes > 0 {
            c.quoting += 1;
        } else {
            c.mentioning += 1;
        }
    }
    let tallest = columns.iter().map(|c| c.quoting + c.mentioning).max().unwrap_or(0);
    let plot = (tallest.clamp(1, MAX_STACK) as f64) * (MARK + GAP);
    // The height of one article's share of a column.
    let unit = plot / tallest.max(1) as f64;
    let height = plot + 36.0;
    let baseline = plot + 4.0;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart timeline\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{}</title>",
        Escaped(title)
    );
    let _ = write!(svg, "<line class=\"axis\" x1=\"0\" y1=\"{baseline}\" x2=\"{WIDTH}\" y2=\"{baseline}\"/>");
    if let Some(day) = highlight {
        let x = Tenths((bin_of(day) as f64 + 0.5) * column);
        let _ = write!(
            svg,
            "<line class=\"event-day\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{baseline}\"/><text class=\"event-label\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            Tenths(baseline + 28.0),
            Escaped(&day.display())
        );
    }
    for (bin, c) in columns.iter().enumerate() {
        let articles = c.quoting + c.mentioning;
        if articles == 0 {
            continue;
        }
        let day = Date::from_days_since_epoch(first + bin as i64 * bin_days);
        let week = if bin_days == 1 { "" } else { "Week of " };
        let _ = write!(svg, "<g><title>{week}{}: {articles} article", Escaped(&day.display()));
        if articles > 1 {
            svg.push('s');
        }
        if c.quoting > 0 {
            let _ = write!(svg, ", {} quoting", c.quoting);
        }
        svg.push_str("</title>");
        let x = Tenths(bin as f64 * column + (column - mark_width) / 2.0);
        let width = Tenths(mark_width);
        // Quoting at the foot of the column, mentioning above; each part at least a sliver.
        let mut top = baseline;
        for (count, class) in [(c.quoting, "mark quoted"), (c.mentioning, "mark mentioned")] {
            if count == 0 {
                continue;
            }
            let part = (count as f64 * unit).max(2.0);
            top -= part;
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x}\" y=\"{}\" width=\"{width}\" height=\"{}\"/>",
                Tenths(top),
                Tenths(part - 1.0)
            );
        }
        svg.push_str("</g>");
    }
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{}\">{}</text><text x=\"{WIDTH}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
        Tenths(baseline + 14.0),
        Escaped(&Date::from_days_since_epoch(first).display()),
        Tenths(baseline + 14.0),
        Escaped(&Date::from_days_since_epoch(last).display())
    );
    Chart { svg, rows: periods(rows, bin_days == 1), scale: if bin_days == 1 { "by day" } else { "by week" } }
}

/// The numbers behind a timeline: articles and quotes by day or by month, in date order.
fn periods(rows: &[TimelineRow], by_day: bool) -> Vec<PeriodRow> {
    let mut sorted: Vec<TimelineRow> = rows.to_vec();
    sorted.sort_by_key(|&(date, _)| date);
    let mut periods: Vec<PeriodRow> = Vec::new();
    for (date, quotes) in sorted {
        let period = if by_day { date.to_string() } else { date.to_string()[..7].to_string() };
        match periods.last_mut() {
            Some(last) if last.period == period => {
                last.articles += 1;
                last.quotes += quotes;
            }
            _ => {
                let display = if by_day { date.display() } else { date.month_display() };
                periods.push(PeriodRow { period, period_display: display, articles: 1, quotes });
            }
        }
    }
    periods
}

/// A horizontal bar chart: one linked bar per row, longest first as given.
pub fn bars(id: &str, title: &str, rows: Vec<BarRow>, root: &str) -> Chart<BarRow> {
    // Narrower than a timeline: bar charts sit in side columns, where the text must stay legible.
    const WIDTH: f64 = 360.0;
    const LABEL: f64 = 150.0;
    const BAR: f64 = 16.0;
    let height = rows.len() as f64 * (BAR + 6.0) + 6.0;
    let most = rows.iter().map(|r| r.count).max().unwrap_or(1).max(1) as f64;
    let room = WIDTH - LABEL - 48.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart bars\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{}</title>",
        Escaped(title)
    );
    for (i, row) in rows.iter().enumerate() {
        let y = 6.0 + i as f64 * (BAR + 6.0);
        let width = (row.count as f64 / most * room).max(2.0);
        let _ = write!(
            svg,
            "<a href=\"{}{}\"><text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect></a><text class=\"count\" x=\"{}\" y=\"{}\">{}</text>",
            Escaped(root),
            Escaped(&row.url),
            Tenths(LABEL - 8.0),
            Tenths(y + BAR - 5.0),
            Escaped(&shorten(&row.label, 22)),
            LABEL as u32, // whole numbers, as for MARK above
            Tenths(y),
            Tenths(width),
            BAR as u32,
            Escaped(&row.label),
            row.count,
            Tenths(LABEL + width + 6.0),
            Tenths(y + BAR - 5.0),
            row.count
        );
    }
    svg.push_str("</svg>");
    Chart { svg, rows, scale: "" }
}

/// A coordinate with one decimal, as `{:.1}` writes it but from integers: the exact decimal
/// expansion `{:.1}` works out took most of the time spent drawing charts (callgrind).
/// Rounds half to even on the tenths, as `{:.1}` does on exact halves.
struct Tenths(f64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round_ties_even() as i64;
        // Digits back to front into a buffer on the stack, then one write: a nested `write!`
        // cost 600 instructions a coordinate, and pages draw tens of thousands.
        let mut digits = [0u8; 24];
        let mut at = digits.len();
        let mut put = |byte: u8| {
            at -= 1;
            digits[at] = byte;
        };
        let mut rest = tenths.unsigned_abs();
        put(b'0' + (rest % 10) as u8);
        put(b'.');
        loop {
            rest /= 10;
            put(b'0' + (rest % 10) as u8);
            if rest < 10 {
                break;
            }
        }
        if tenths < 0 {
            put(b'-');
        }
        f.write_str(std::str::from_utf8(&digits[at..]).unwrap_or_default())
    }
}

fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(day: u8, quotes: usize) -> TimelineRow {
        (Date::new(2025, 8, day).expect("a date"), quotes)
    }

    #[test]
    fn a_timeline_has_a_column_a_day_or_week_with_its_counts_in_its_title() {
        let span = Span { first: Date::new(2025, 8, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let chart = timeline("t", "When <quoted>", &[row(15, 2), row(15, 0), row(20, 1)], span, None);
        assert_eq!(chart.scale, "by day");
        // Two days with articles: a group each, the 15th in two parts.
        assert_eq!(chart.svg.matches("<g>").count(), 2);
        assert_eq!(chart.svg.matches("<rect class=\"mark quoted\"").count(), 2);
        assert_eq!(chart.svg.matches("<rect class=\"mark mentioned\"").count(), 1);
        assert!(chart.svg.contains("<title>15 August 2025: 2 articles, 1 quoting</title>"), "{}", chart.svg);
        assert!(chart.svg.contains("<title>20 August 2025: 1 article, 1 quoting</title>"), "{}", chart.svg);
        assert!(chart.svg.contains("When &lt;quoted&gt;"), "titles are escaped");
        assert!(!chart.svg.contains("<a "), "a column stands for several articles: no link");
        let long = Span { first: Date::new(2024, 1, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let weekly = timeline("t", "x", &[row(15, 1)], long, None);
        assert_eq!(weekly.scale, "by week");
        assert!(weekly.svg.contains("<title>Week of "), "{}", weekly.svg);
    }

    #[test]
    fn a_busy_timeline_has_one_group_a_column_not_a_mark_an_article() {
        let span = Span { first: Date::new(2025, 8, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let rows: Vec<TimelineRow> = (0..40).map(|i| row(10, i % 3)).collect();
        let chart = timeline("t", "x", &rows, span, None);
        assert_eq!(chart.svg.matches("<g>").count(), 1);
        assert_eq!(chart.svg.matches("<rect").count(), 2);
        assert!(chart.svg.contains("40 articles, 26 quoting"), "{}", chart.svg);
        // The tallest column is MAX_STACK marks high, however many articles it holds.
        let heights: f64 = chart
            .svg
            .match_indices("height=\"")
            .map(|(i, _)| chart.svg[i + 8..].split('"').next().expect("a height").parse::<f64>().expect("a number"))
            .sum();
        assert!((heights - (MAX_STACK as f64 * (MARK + GAP) - 2.0)).abs() < 0.2, "{heights}");
    }

    #[test]
    fn a_timelines_numbers_are_by_day_or_by_month_not_by_article() {
        let span = Span { first: Date::new(2025, 8, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let chart = timeline("t", "x", &[row(20, 1), row(15, 2), row(15, 0)], span, None);
        let days: Vec<(&str, usize, usize)> =
            chart.rows.iter().map(|r| (r.period.as_str(), r.articles, r.quotes)).collect();
        assert_eq!(days, [("2025-08-15", 2, 2), ("2025-08-20", 1, 1)]);
        let long = Span { first: Date::new(2024, 1, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let chart = timeline("t", "x", &[row(3, 1), row(28, 0)], long, None);
        assert_eq!(chart.rows.len(), 1);
        assert_eq!((chart.rows[0].period.as_str(), chart.rows[0].period_display.as_str()), ("2025-08", "August 2025"));
        assert_eq!((chart.rows[0].articles, chart.rows[0].quotes), (2, 1));
    }

    #[test]
    fn bars_are_proportional_and_linked() {
        let rows = vec![
            BarRow { label: "Vladimir Putin".into(), url: "people/vladimir-putin.html".into(), count: 10 },
            BarRow { label: "Donald Trump".into(), url: "people/donald-trump.html".into(), count: 5 },
        ];
        let chart = bars("b", "Most quoted", rows, "");
        let widths: Vec<f64> = chart
            .svg
            .match_indices("class=\"bar\"")
            .map(|(i, _)| {
                let rest = &chart.svg[i..];
                let w = rest.split("width=\"").nth(1).and_then(|s| s.split('"').next()).expect("a width");
                w.parse().expect("a number")
            })
            .collect();
        assert_eq!(widths.len(), 2);
        assert!((widths[0] / widths[1] - 2.0).abs() < 0.01, "{widths:?}");
        assert!(chart.svg.contains("href=\"people/donald-trump.html\""));
    }

    #[test]
    fn tenths_write_what_one_decimal_formatting_writes() {
        // Chart coordinates: multiples of a column width (640 / bins) and of the mark pitch.
        let mut differ = Vec::new();
        for bins in 1..=120 {
            let column = 640.0 / bins as f64;
            for i in 0..bins {
                for v in [i as f64 * column, (i as f64 + 0.5) * column, i as f64 * column + (column - 9.0) / 2.0] {
                    if Tenths(v).to_string() != format!("{v:.1}") {
                        differ.push(v);
                    }
                }
            }
        }
        assert!(differ.is_empty(), "{differ:?}");
        assert_eq!(Tenths(0.25).to_string(), "0.2");
        assert_eq!(Tenths(0.75).to_string(), "0.8");
        assert_eq!(Tenths(12.0).to_string(), "12.0");
    }
}
