//! The editor's form filled in: from stored settings, or for a new cycle.

use counting::{BallotRules, Completion, Rule};

use super::{CycleForm, CycleSettings};

impl CycleForm {
    /// The form filled in from stored settings, for editing; the limits of
    /// the other ballot types and rules keep a new cycle's defaults, so
    /// switching type starts from sensible values.
    pub fn from_settings(settings: &CycleSettings) -> CycleForm {
        let text = settings.text();
        let mut form = CycleForm {
            name: text.name().to_owned(),
            school: text.school().to_owned(),
            description: text.description().to_owned(),
            currency: settings.currency().code().to_owned(),
            budget: settings.budget().to_string(),
            tie_break: settings.tie_break().name().to_owned(),
            committee: settings.committee().iter().map(i32::to_string).collect(),
            certify_k: settings.certify_k().to_string(),
            rule: settings.rule().name().to_owned(),
            completion: Completion::Add1Greedy.name().to_owned(),
            ..CycleForm::new_cycle()
        };
        match *settings.ballot() {
            BallotRules::Approval {
                min_projects,
                max_projects,
                min_budget_percent,
                ..
            } => {
                form.ballot_kind = "approval".into();
                form.min_projects = min_projects.to_string();
                form.max_projects = max_projects.map(|m| m.to_string()).unwrap_or_default();
                form.min_budget_percent = min_budget_percent.to_string();
            }
            BallotRules::Ranked { max_ranks } => {
                form.ballot_kind = "ranked".into();
                form.max_ranks = max_ranks.to_string();
            }
            BallotRules::Allocation {
                points,
                must_use_all,
            } => {
                form.ballot_kind = "allocation".into();
                form.points = points.to_string();
                form.must_use_all = must_use_all.then(|| "on".to_owned());
            }
        }
        match settings.rule() {
            Rule::Mes { completion } => form.completion = completion.name().to_owned(),
            Rule::Stv { seats } => form.seats = seats.to_string(),
            Rule::Greedy | Rule::Irv => {}
        }
        form
    }

    /// A new cycle's form: approval ballots counted by equal shares.
    pub fn new_cycle() -> CycleForm {
        CycleForm {
            currency: "USD".into(),
            ballot_kind: "approval".into(),
            min_projects: "0".into(),
            min_budget_percent: "0".into(),
            max_ranks: "5".into(),
            points: "100".into(),
            rule: "mes".into(),
            completion: "add1-greedy".into(),
            seats: "1".into(),
            tie_break: "cheapest-then-seeded".into(),
            certify_k: "1".into(),
            ..CycleForm::default()
        }
    }
}
