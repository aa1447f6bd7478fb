//! Charts drawn on the server as SVG: no chart library and no script in
//! the browser. Each chart is a picture of the table beside it, which
//! carries the same numbers for screen readers and with CSS off, so the
//! pictures are hidden from assistive technology.

use leptos::prelude::*;

use crate::api::results::Slice;

/// One row of a bar chart: a label, a bar in parts, and its value.
#[derive(Clone, Debug)]
pub struct Bar {
    /// The row's label (a project).
    pub label: String,
    /// The value written at the end of the bar.
    pub value: String,
    /// The bar's parts: length in the chart's units and a CSS class.
    pub parts: Vec<(u64, &'static str)>,
}

/// The chart's width in its own units; at 360 px one unit is about a
/// CSS pixel, so its 13- and 14-unit text reads at phone size.
const WIDTH: u64 = 320;
/// The longest a bar is drawn, leaving room for the value after it.
const BAR: u64 = 212;
/// Each row's height: a label line and a bar.
const ROW: u64 = 40;
/// The longest label drawn before it is cut (the table has it whole).
const LABEL: usize = 40;

/// `label` cut to fit the chart's width.
fn fitted(label: &str) -> String {
    if label.chars().count() <= LABEL {
        return label.to_owned();
    }
    let mut cut: String = label.chars().take(LABEL - 1).collect();
    cut.push('…');
    cut
}

/// `value` of `max` as a length in chart units (at least 1 if not zero,
/// so a small share still shows).
fn length(value: u64, max: u64) -> u64 {
    if value == 0 || max == 0 {
        return 0;
    }
    let scaled = u128::from(value) * u128::from(BAR) / u128::from(max);
    u64::try_from(scaled).unwrap_or(BAR).clamp(1, BAR)
}

/// A horizontal bar chart: one row per bar, scaled so `max` fills a bar.
#[component]
pub fn BarChart(bars: Vec<Bar>, max: u64) -> impl IntoView {
    let height = ROW * bars.len() as u64 + 4;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = ROW * i as u64;
            let mut x = 0;
            let parts = bar
                .parts
                .into_iter()
                .map(|(value, class)| {
                    let width = length(value, max);
                    let at = x;
                    x += width;
                    view! { <rect class=class x=at y=top + 19 width=width height="14" rx="2" /> }
                })
                .collect_view();
            view! {
                <text class="chart-label" x="0" y=top + 14>{fitted(&bar.label)}</text>
                <rect class="chart-track" x="0" y=top + 19 width=BAR height="14" rx="2" />
                {parts}
                <text class="chart-value" x=WIDTH y=top + 31 text-anchor="end">{bar.value}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true" focusable="false">
            {rows}
        </svg>
    }
}

/// The budget as one bar: each funded project's cost in turn, then what
/// is left over.
#[component]
pub fn BudgetBar(funded: Vec<Slice>, budget: u64) -> impl IntoView {
    const WIDE: u64 = 1000;
    let mut x = 0;
    let slices = funded
        .into_iter()
        .enumerate()
        .map(|(i, slice)| {
            let width = u64::try_from(
                u128::from(slice.cost_cents) * u128::from(WIDE) / u128::from(budget.max(1)),
            )
            .unwrap_or(WIDE);
            let at = x;
            x += width;
            let class = if i % 2 == 0 {
                "bar-funded"
            } else {
                "bar-funded-alt"
            };
            view! { <rect class=class x=at y="0" width=width height="40" /> }
        })
        .collect_view();
    view! {
        <svg class="budget-bar" viewBox=format!("0 0 {WIDE} 40") preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="chart-track" x="0" y="0" width=WIDE height="40" />
            {slices}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut_with_an_ellipsis_and_short_ones_kept() {
        assert_eq!(
            fitted("Water bottle refill stations"),
            "Water bottle refill stations"
        );
        let long = "A very long project title that goes on and on past the chart";
        let cut = fitted(long);
        assert_eq!(cut.chars().count(), LABEL);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn bars_scale_to_the_maximum_and_small_shares_still_show() {
        assert_eq!(length(50, 100), BAR / 2);
        assert_eq!(length(100, 100), BAR);
        assert_eq!(length(1, 1_000_000), 1);
        assert_eq!(length(0, 100), 0);
    }
}
