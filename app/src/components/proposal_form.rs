//! The fields of a proposal, for submitting and for editing.

use leptos::prelude::*;

use crate::components::money::format_plain;
use crate::domain::fields::{CATEGORY_MAX, DESCRIPTION_MAX, SUMMARY_MAX, TITLE_MAX};
use crate::i18n::t;
use crate::islands::amount::AmountKind;
use crate::islands::{AmountField, LimitedText};

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

/// Labelled inputs named as the server functions expect them; the title,
/// the summary and the cost give live feedback in the browser.
#[component]
pub fn ProposalFields(
    /// Starting values.
    prefill: Prefill,
    /// Makes the inputs' ids unique on the page.
    #[prop(into)]
    prefix: String,
    /// The cycle's currency code.
    #[prop(into)]
    currency: String,
) -> impl IntoView {
    let text = t();
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <LimitedText id=id("title") name="title".to_owned() label=text.title_label.to_owned() max=TITLE_MAX value=prefill.title rows=0 />
        <LimitedText id=id("summary") name="summary".to_owned() label=text.summary_label.to_owned() max=SUMMARY_MAX value=prefill.summary rows=3 />
        <label for=id("description")>{text.description_label}</label>
        <textarea id=id("description") name="description" required maxlength=DESCRIPTION_MAX rows="8">{prefill.description}</textarea>
        <label for=id("category")>{text.category_label}</label>
        <input id=id("category") name="category" required maxlength=CATEGORY_MAX value=prefill.category />
        <AmountField
            id=id("estimated_cost")
            name="estimated_cost".to_owned()
            label=text.cost_label.to_owned()
            value=prefill.estimated_cost
            currency
            kind=AmountKind::Estimate
            required=true
        />
    }
}
