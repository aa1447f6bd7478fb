//! The form a voting page was posted: the server reads it and renders the
//! page's route with it (see the server's `posted` layer), so that codes
//! and ballots travel only in request bodies.

use pebble_domain::ballot_form::BallotFields;
use serde::{Deserialize, Serialize};

/// The pages that answer a form post.
pub const POSTED_PAGES: [&str; 5] = [
    "/vote",
    "/vote/ballot",
    "/vote/review",
    "/vote/cast",
    "/receipt",
];

/// A posted form's fields, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posted(pub Vec<(String, String)>);

impl Posted {
    /// The form posted to this request's page, if it was posted.
    pub fn read() -> Option<Posted> {
        #[cfg(feature = "ssr")]
        {
            use leptos::prelude::use_context;
            use_context::<http::request::Parts>()?
                .extensions
                .get::<Posted>()
                .cloned()
        }
        #[cfg(not(feature = "ssr"))]
        {
            None
        }
    }

    /// The first value of field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The ballot's fields (`choices[…]`, `ranks[…]`, `points[…]`).
    pub fn ballot(&self) -> BallotFields {
        BallotFields::from_pairs(self.0.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

/// What a voting page's form carries besides the ballot: the cycle, the
/// voter's code, shared-device mode and the nonce made for the ballot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteState {
    /// The cycle.
    pub cycle: Option<i32>,
    /// The code, as typed.
    pub code: String,
    /// Shared-device mode.
    pub shared: bool,
    /// Its idle time, in seconds.
    pub idle: u64,
    /// The ballot's fields.
    pub fields: BallotFields,
    /// The nonce made for this ballot (32 hex digits), once reviewed.
    pub nonce: String,
}

impl VoteState {
    /// The state `posted` carries, with `idle` when it names none.
    pub fn of(posted: &Posted, idle: u64) -> VoteState {
        VoteState {
            cycle: posted.get("cycle").and_then(|c| c.trim().parse().ok()),
            code: posted.get("code").unwrap_or_default().trim().to_owned(),
            shared: posted.get("shared") == Some("1"),
            idle: posted
                .get("idle")
                .and_then(|s| s.trim().parse().ok())
                .map_or(idle, |s: u64| s.clamp(10, 600)),
            fields: posted.ballot(),
            nonce: posted.get("nonce").unwrap_or_default().trim().to_owned(),
        }
    }

    /// The hidden fields that carry this state in a form, the ballot's
    /// included.
    pub fn hidden_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(cycle) = self.cycle {
            pairs.push(("cycle".to_owned(), cycle.to_string()));
        }
        pairs.push(("code".to_owned(), self.code.clone()));
        if self.shared {
            pairs.push(("shared".to_owned(), "1".to_owned()));
            pairs.push(("idle".to_owned(), self.idle.to_string()));
        }
        if !self.nonce.is_empty() {
            pairs.push(("nonce".to_owned(), self.nonce.clone()));
        }
        pairs.extend(self.fields.pairs());
        pairs
    }

    /// The address of the voting pages' GET routes for this state's
    /// cycle and mode (no code, no ballot).
    pub fn address(&self, path: &str) -> String {
        let mut query = Vec::new();
        if let Some(cycle) = self.cycle {
            query.push(format!("cycle={cycle}"));
        }
        if self.shared {
            query.push("shared=1".to_owned());
            query.push(format!("idle={}", self.idle));
        }
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_ballot_round_trips_through_hidden_fields() {
        let posted = Posted(vec![
            ("cycle".into(), "3".into()),
            ("code".into(), " ABCD ".into()),
            ("shared".into(), "1".into()),
            ("idle".into(), "5".into()),
            ("choices[4]".into(), "on".into()),
            ("nonce".into(), "00ff".into()),
        ]);
        let state = VoteState::of(&posted, 120);
        assert_eq!(state.cycle, Some(3));
        assert_eq!(state.code, "ABCD");
        assert_eq!(state.idle, 10, "clamped to the shortest idle time");
        let again = VoteState::of(&Posted(state.hidden_pairs()), 120);
        assert_eq!(again, state);
        assert_eq!(
            state.address("/vote/ballot"),
            "/vote/ballot?cycle=3&shared=1&idle=10"
        );
    }
}
