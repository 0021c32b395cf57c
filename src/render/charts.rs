//! Charts drawn by the build as inline SVG: a timeline of articles (one mark per article,
//! filled when the article quotes the person, each mark a link) and horizontal bar charts
//! (who is quoted most, who spoke at an event, which events were busiest). No script and no
//! chart service: the SVG is text in the page, styled by the theme's CSS, so it follows the
//! light and dark colour schemes. Every chart comes with its numbers as plain rows, which the
//! templates print as a table for screen readers and text browsers.

use super::markup::Escaped;
use crate::content::Date;
use serde::Serialize;
use std::fmt::Write as _;

const WIDTH: f64 = 640.0;
const MARK: f64 = 10.0;
const GAP: f64 = 2.0;
/// Marks stacked in one day or week before the stack shows a count instead.
const MAX_STACK: usize = 8;
/// Up to this many days the timeline has a column a day; past it, a column a week.
const DAILY_UP_TO: i64 = 92;

/// One article on a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineRow {
    pub date: String,
    pub date_display: String,
    pub title: String,
    /// Root-relative.
    pub url: String,
    /// How many of the subject's quotes the article has (0: only mentioned).
    pub quotes: usize,
}

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

/// A timeline of `rows` (each with a date) over `span`, with `highlight` (an event's day)
/// drawn as a line. `root` makes the links relative to the page; `id` keeps ids unique.
pub fn timeline(
    id: &str,
    title: &str,
    rows: Vec<(Date, TimelineRow)>,
    span: Span,
    highlight: Option<Date>,
    root: &str,
) -> Chart<PeriodRow> {
    let first = span.first.days_since_epoch().min(highlight.map_or(i64::MAX, |d| d.days_since_epoch()));
    let last = span.last.days_since_epoch().max(highlight.map_or(i64::MIN, |d| d.days_since_epoch()));
    let days = (last - first + 1).max(1);
    let bin_days = if days <= DAILY_UP_TO { 1 } else { 7 };
    let bins = ((days + bin_days - 1) / bin_days).max(1) as usize;
    let column = WIDTH / bins as f64;
    let mark_width = (column - 1.0).clamp(1.0, MARK);

    let mut stacks = vec![0usize; bins];
    let bin_of = |date: Date| (((date.days_since_epoch() - first) / bin_days).clamp(0, bins as i64 - 1)) as usize;
    for (date, _) in &rows {
        stacks[bin_of(*date)] += 1;
    }
    let tallest = stacks.iter().copied().max().unwrap_or(0).min(MAX_STACK);
    let plot = (tallest.max(1) as f64) * (MARK + GAP);
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
    let mut placed = vec![0usize; bins];
    for (date, row) in &rows {
        let bin = bin_of(*date);
        let level = placed[bin];
        placed[bin] += 1;
        if level >= MAX_STACK {
            if level == MAX_STACK {
                let x = Tenths((bin as f64 + 0.5) * column);
                let _ = write!(
                    svg,
                    "<text class=\"overflow\" x=\"{x}\" y=\"8\" text-anchor=\"middle\">+{}</text>",
                    stacks[bin] - MAX_STACK
                );
            }
            continue;
        }
        let x = Tenths(bin as f64 * column + (column - mark_width) / 2.0);
        let y = Tenths(baseline - (level as f64 + 1.0) * (MARK + GAP));
        let class = if row.quotes > 0 { "mark quoted" } else { "mark mentioned" };
        let _ = write!(
            svg,
            "<a href=\"{}{}\"><rect class=\"{class}\" x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\"><title>{}: {} (",
            Escaped(root),
            Escaped(&row.url),
            Tenths(mark_width),
            MARK as u32, // whole: printed as f64 prints it, without the cost of f64 formatting
            Escaped(&row.date_display),
            Escaped(&row.title),
        );
        let _ = match row.quotes {
            0 => write!(svg, "mentioned"),
            1 => write!(svg, "1 quote"),
            n => write!(svg, "{n} quotes"),
        };
        svg.push_str(")</title></rect></a>");
    }
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"{}\">{}</text><text x=\"{WIDTH}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
        Tenths(baseline + 14.0),
        Escaped(&Date::from_days_since_epoch(first).display()),
        Tenths(baseline + 14.0),
        Escaped(&Date::from_days_since_epoch(last).display())
    );
    Chart { svg, rows: periods(&rows, bin_days == 1), scale: if bin_days == 1 { "by day" } else { "by week" } }
}

/// The numbers behind a timeline: articles and quotes by day or by month, in date order.
fn periods(rows: &[(Date, TimelineRow)], by_day: bool) -> Vec<PeriodRow> {
    let mut sorted: Vec<&(Date, TimelineRow)> = rows.iter().collect();
    sorted.sort_by_key(|(date, _)| *date);
    let mut periods: Vec<PeriodRow> = Vec::new();
    for (date, row) in sorted {
        let period = if by_day { date.to_string() } else { date.to_string()[..7].to_string() };
        match periods.last_mut() {
            Some(last) if last.period == period => {
                last.articles += 1;
                last.quotes += row.quotes;
            }
            _ => {
                let display = if by_day { date.display() } else { date.month_display() };
                periods.push(PeriodRow { period, period_display: display, articles: 1, quotes: row.quotes });
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

    fn row(day: u8, quotes: usize) -> (Date, TimelineRow) {
        let date = Date::new(2025, 8, day).expect("a date");
        (
            date,
            TimelineRow {
                date: date.to_string(),
                date_display: date.display(),
                title: format!("Article <{day}>"),
                url: format!("articles/a{day}.html"),
                quotes,
            },
        )
    }

    #[test]
    fn a_timeline_has_one_linked_mark_per_article_and_scales_by_day_or_week() {
        let span = Span { first: Date::new(2025, 8, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let chart = timeline("t", "When quoted", vec![row(15, 2), row(15, 0), row(20, 1)], span, None, "../");
        assert_eq!(chart.scale, "by day");
        assert_eq!(chart.svg.matches("<rect class=\"mark quoted\"").count(), 2);
        assert_eq!(chart.svg.matches("<rect class=\"mark mentioned\"").count(), 1);
        assert!(chart.svg.contains("href=\"../articles/a15.html\""));
        assert!(chart.svg.contains("Article &lt;15&gt;"), "labels are escaped");
        let long = Span { first: Date::new(2024, 1, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        assert_eq!(timeline("t", "x", vec![row(15, 1)], long, None, "").scale, "by week");
    }

    #[test]
    fn a_timelines_numbers_are_by_day_or_by_month_not_by_article() {
        let span = Span { first: Date::new(2025, 8, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let chart = timeline("t", "x", vec![row(20, 1), row(15, 2), row(15, 0)], span, None, "");
        let days: Vec<(&str, usize, usize)> =
            chart.rows.iter().map(|r| (r.period.as_str(), r.articles, r.quotes)).collect();
        assert_eq!(days, [("2025-08-15", 2, 2), ("2025-08-20", 1, 1)]);
        let long = Span { first: Date::new(2024, 1, 1).expect("date"), last: Date::new(2025, 8, 31).expect("date") };
        let chart = timeline("t", "x", vec![row(3, 1), row(28, 0)], long, None, "");
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
