//! The fields of a proposal, for submitting and for editing.

use leptos::prelude::*;

use crate::components::money::format_plain;
use crate::domain::fields::{CATEGORY_MAX, SUMMARY_MAX, TITLE_MAX};
use crate::i18n::t;

/// Values to start the form with (empty for a new proposal).
#[derive(Clone, Debug, Default)]
pub struct Prefill {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category: String,
    /// Estimated cost, as typed (`1250.00`).
    pub estimated_cost: String,
}

impl Prefill {
    /// From an existing proposal.
    pub fn of(page: &crate::api::proposals::ProposalPage) -> Prefill {
        Prefill {
            title: page.title.clone(),
            summary: page.summary.clone(),
            description: page.description.clone(),
            category: page.category.clone(),
            estimated_cost: format_plain(page.estimated_cost),
        }
    }
}

/// Labelled inputs named as the server functions expect them.
#[component]
pub fn ProposalFields(
    /// Starting values.
    prefill: Prefill,
    /// Makes the inputs' ids unique on the page.
    #[prop(into)]
    prefix: String,
) -> impl IntoView {
    let text = t();
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <label for=id("title")>{text.title_label}</label>
        <input id=id("title") name="title" required maxlength=TITLE_MAX value=prefill.title />
        <label for=id("summary")>{text.summary_label}</label>
        <textarea id=id("summary") name="summary" required maxlength=SUMMARY_MAX rows="3">{prefill.summary}</textarea>
        <label for=id("description")>{text.description_label}</label>
        <textarea id=id("description") name="description" required rows="8">{prefill.description}</textarea>
        <label for=id("category")>{text.category_label}</label>
        <input id=id("category") name="category" required maxlength=CATEGORY_MAX value=prefill.category />
        <label for=id("estimated_cost")>{text.cost_label}</label>
        <input id=id("estimated_cost") name="estimated_cost" required inputmode="decimal" value=prefill.estimated_cost />
    }
}
