//! The proposal list's filters, read from the address (`?category=`,
//! `?status=`, `?q=`), so they work as a plain GET form without JavaScript.

use crate::api::home::ProposalCard;
use crate::domain::Status;

/// What the visitor asked to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this category.
    pub category: Option<String>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only proposals whose title or summary contains this, ignoring case.
    pub text: Option<String>,
}

/// Every status a visitor can filter by, in the list's order.
pub const STATUSES: [Status; 4] = [
    Status::Submitted,
    Status::Feasible,
    Status::NotFeasible,
    Status::Merged,
];

impl Filter {
    /// From the query's values; empty or unknown values mean "any".
    pub fn from_query(category: Option<&str>, status: Option<&str>, text: Option<&str>) -> Filter {
        let present = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        Filter {
            category: present(category),
            status: status.and_then(|s| STATUSES.into_iter().find(|st| st.slug() == s.trim())),
            text: present(text).map(|t| t.to_lowercase()),
        }
    }

    /// Whether `proposal` passes every filter.
    pub fn matches(&self, proposal: &ProposalCard) -> bool {
        self.category
            .as_ref()
            .is_none_or(|c| *c == proposal.category)
            && self.status.is_none_or(|s| s == proposal.status)
            && self.text.as_ref().is_none_or(|t| {
                proposal.title.to_lowercase().contains(t.as_str())
                    || proposal.summary.to_lowercase().contains(t.as_str())
            })
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use counting::Cents;

    fn card(title: &str, category: &str, status: Status) -> ProposalCard {
        ProposalCard {
            id: 1,
            title: title.to_owned(),
            summary: "A summary.".to_owned(),
            category: category.to_owned(),
            estimated_cost: Cents::new(100),
            status,
            author: None,
            comments: 0,
            image: None,
        }
    }

    #[test]
    fn empty_and_unknown_values_filter_nothing() {
        let filter = Filter::from_query(Some(" "), Some("bogus"), None);
        assert!(!filter.is_active());
        assert!(filter.matches(&card("Anything", "Sports", Status::Feasible)));
    }

    #[test]
    fn filters_combine_and_search_ignores_case() {
        let filter = Filter::from_query(Some("Spaces"), Some("feasible"), Some("BENCH"));
        assert!(filter.matches(&card("Courtyard benches", "Spaces", Status::Feasible)));
        assert!(!filter.matches(&card("Courtyard benches", "Sports", Status::Feasible)));
        assert!(!filter.matches(&card("Courtyard benches", "Spaces", Status::NotFeasible)));
        assert!(!filter.matches(&card("Lockers", "Spaces", Status::Feasible)));
    }
}
