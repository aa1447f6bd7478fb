//! The cycle editor's form (SPEC §2), parsed once into settings the
//! `counting` crate accepts.

use counting::{BallotRules, Cents, Completion, Currency, Manifest, Rule, TieBreak};
use serde::{Deserialize, Serialize};

use super::fields::{FieldError, Label, text};

mod fill;
#[cfg(test)]
mod tests;

/// Longest cycle name or school name.
pub const NAME_MAX: usize = 120;
/// Longest cycle description.
pub const CYCLE_DESCRIPTION_MAX: usize = 4_000;
/// The largest budget: 1,000,000,000.00.
pub const BUDGET_MAX: Cents = Cents::new(100_000_000_000);

/// The editor's fields exactly as typed. Every field is text so that a
/// wrong value gets a message naming it rather than a parse failure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CycleForm {
    /// The cycle's title.
    pub name: String,
    /// The school or community.
    pub school: String,
    /// What the budget is for.
    pub description: String,
    /// Three-letter currency code.
    pub currency: String,
    /// Total budget as typed (`10,000.00`).
    pub budget: String,
    /// `approval`, `ranked` or `allocation`.
    pub ballot_kind: String,
    /// Approval: fewest projects (blank: none).
    pub min_projects: String,
    /// Approval: most projects (blank: no limit).
    pub max_projects: String,
    /// Approval: least share of the budget, in percent (blank: none).
    pub min_budget_percent: String,
    /// Ranked: most ranks.
    pub max_ranks: String,
    /// Allocation: points per voter.
    pub points: String,
    /// Allocation: present (a ticked box) if every point must be used.
    pub must_use_all: Option<String>,
    /// `greedy`, `mes`, `irv` or `stv`.
    pub rule: String,
    /// MES completion: `none`, `greedy`, `add1` or `add1-greedy`.
    pub completion: String,
    /// STV seats.
    pub seats: String,
    /// Tie-break policy name.
    pub tie_break: String,
    /// Account ids of the committee members ticked.
    pub committee: Vec<String>,
    /// Signatures needed to certify (k).
    pub certify_k: String,
}

/// A cycle's settings, parsed and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleSettings {
    /// The cycle's title.
    pub name: String,
    /// The school or community.
    pub school: String,
    /// What the budget is for.
    pub description: String,
    /// Currency.
    pub currency: Currency,
    /// Total budget.
    pub budget: Cents,
    /// What a ballot may contain.
    pub ballot: BallotRules,
    /// The counting rule.
    pub rule: Rule,
    /// The tie-break policy.
    pub tie_break: TieBreak,
    /// Committee members' account ids, ascending, no repeats.
    pub committee: Vec<i32>,
    /// Signatures needed to certify.
    pub certify_k: u32,
}

/// The three texts that do not decide an outcome and may change after
/// voting opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleText {
    /// The cycle's title.
    pub name: String,
    /// The school or community.
    pub school: String,
    /// What the budget is for.
    pub description: String,
}

impl CycleText {
    /// Parses the name, school and description fields.
    pub fn parse(name: &str, school: &str, description: &str) -> Result<CycleText, FieldError> {
        Ok(CycleText {
            name: text(
                "name",
                Label::Other("The cycle's name"),
                name,
                NAME_MAX,
                false,
            )?,
            school: text(
                "school",
                Label::Other("The school's name"),
                school,
                NAME_MAX,
                false,
            )?,
            description: text(
                "description",
                Label::Other("The description"),
                description,
                CYCLE_DESCRIPTION_MAX,
                true,
            )?,
        })
    }
}

fn fail<T>(field: &'static str, message: String) -> Result<T, FieldError> {
    Err(FieldError {
        field,
        message,
        problem: None,
    })
}

/// A whole number typed into `field`; blank gives `None`.
fn number(
    field: &'static str,
    label: &str,
    raw: &str,
    max: u64,
) -> Result<Option<u64>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<u64>() {
        Ok(n) if n <= max => Ok(Some(n)),
        Ok(_) => fail(field, format!("{label} can be at most {max}.")),
        Err(_) => fail(
            field,
            format!("{label} must be a whole number, not '{raw}'."),
        ),
    }
}

fn required(field: &'static str, label: &str, raw: &str, max: u64) -> Result<u64, FieldError> {
    number(field, label, raw, max)?.map_or_else(|| fail(field, format!("{label} is required.")), Ok)
}

fn small(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl CycleForm {
    /// Parses and checks every field; the first problem found is returned
    /// with the field it concerns.
    pub fn parse(&self) -> Result<CycleSettings, FieldError> {
        let words = CycleText::parse(&self.name, &self.school, &self.description)?;
        let currency =
            Currency::try_from(self.currency.trim().to_ascii_uppercase()).or_else(|_| {
                fail(
                    "currency",
                    "The currency is a three-letter code such as USD or EUR.".into(),
                )
            })?;
        let budget = match self.budget.trim().parse::<Cents>() {
            Ok(b) if b == Cents::ZERO => {
                return fail("budget", "The budget must be more than zero.".into());
            }
            Ok(b) if b > BUDGET_MAX => {
                return fail("budget", format!("The budget can be at most {BUDGET_MAX}."));
            }
            Ok(b) => b,
            Err(e) => return fail("budget", format!("The budget: {e}.")),
        };
        let ballot = self.ballot()?;
        let rule = self.rule()?;
        let tie_break = match self.tie_break.trim() {
            "cheapest-then-seeded" => TieBreak::CheapestThenSeeded,
            "previous-round-then-seeded" => TieBreak::PreviousRoundThenSeeded,
            "id" => TieBreak::Id,
            other => {
                return fail(
                    "tie_break",
                    format!(
                        "'{other}' is not a tie-break policy; choose cheapest-then-seeded, previous-round-then-seeded or id."
                    ),
                );
            }
        };
        if let Err(e) = Manifest::check_settings(&ballot, rule, tie_break) {
            let field = match e {
                counting::ManifestError::TieBreakMismatch { .. } => "tie_break",
                counting::ManifestError::RuleNeedsRanked { .. } => "rule",
                _ => "ballot_kind",
            };
            return fail(field, format!("These settings do not go together: {e}."));
        }
        let mut committee = Vec::new();
        for raw in &self.committee {
            match raw.trim().parse::<i32>() {
                Ok(id) if id > 0 => committee.push(id),
                _ => {
                    return fail(
                        "committee",
                        format!("'{}' is not an account number.", raw.trim()),
                    );
                }
            }
        }
        committee.sort_unstable();
        committee.dedup();
        if committee.is_empty() {
            return fail("committee", "Choose at least one committee member; create committee accounts first if there are none.".into());
        }
        let n = small(committee.len() as u64);
        let certify_k = small(required(
            "certify_k",
            "The number of signatures to certify",
            &self.certify_k,
            u64::from(n),
        )?);
        if certify_k == 0 {
            return fail(
                "certify_k",
                format!(
                    "The number of signatures to certify must be between 1 and {n}, the committee's size."
                ),
            );
        }
        Ok(CycleSettings {
            name: words.name,
            school: words.school,
            description: words.description,
            currency,
            budget,
            ballot,
            rule,
            tie_break,
            committee,
            certify_k,
        })
    }

    fn ballot(&self) -> Result<BallotRules, FieldError> {
        Ok(match self.ballot_kind.trim() {
            "approval" => {
                let min_projects = number(
                    "min_projects",
                    "The fewest projects",
                    &self.min_projects,
                    1_000,
                )?
                .unwrap_or(0);
                let max_projects = number(
                    "max_projects",
                    "The most projects",
                    &self.max_projects,
                    1_000,
                )?;
                let percent = number(
                    "min_budget_percent",
                    "The least share of the budget",
                    &self.min_budget_percent,
                    100,
                )?
                .unwrap_or(0);
                if max_projects == Some(0) {
                    return fail(
                        "max_projects",
                        "The most projects must be at least 1, or blank for no limit.".into(),
                    );
                }
                if max_projects.is_some_and(|max| max < min_projects) {
                    return fail(
                        "max_projects",
                        "The most projects is below the fewest projects.".into(),
                    );
                }
                BallotRules::Approval {
                    max_cost: None,
                    min_projects: small(min_projects),
                    max_projects: max_projects.map(small),
                    min_budget_percent: u8::try_from(percent).unwrap_or(100),
                }
            }
            "ranked" => {
                let max_ranks = required("max_ranks", "The most ranks", &self.max_ranks, 1_000)?;
                if max_ranks == 0 {
                    return fail(
                        "max_ranks",
                        "A ranked ballot must allow at least 1 rank.".into(),
                    );
                }
                BallotRules::Ranked {
                    max_ranks: small(max_ranks),
                }
            }
            "allocation" => {
                let points = required(
                    "points",
                    "The points per voter",
                    &self.points,
                    1_000_000_000_000,
                )?;
                if points == 0 {
                    return fail(
                        "points",
                        "An allocation ballot needs at least 1 point.".into(),
                    );
                }
                BallotRules::Allocation {
                    points,
                    must_use_all: self.must_use_all.is_some(),
                }
            }
            other => {
                return fail(
                    "ballot_kind",
                    format!(
                        "'{other}' is not a ballot type; choose approval, ranked or allocation."
                    ),
                );
            }
        })
    }

    fn rule(&self) -> Result<Rule, FieldError> {
        Ok(match self.rule.trim() {
            "greedy" => Rule::Greedy,
            "mes" => Rule::Mes {
                completion: match self.completion.trim() {
                    "none" => Completion::None,
                    "greedy" => Completion::Greedy,
                    "add1" => Completion::Add1,
                    "add1-greedy" | "" => Completion::Add1Greedy,
                    other => {
                        return fail(
                            "completion",
                            format!(
                                "'{other}' is not a completion; choose none, greedy, add1 or add1-greedy."
                            ),
                        );
                    }
                },
            },
            "irv" => Rule::Irv,
            "stv" => {
                let seats = required("seats", "The number of seats", &self.seats, 1_000)?;
                if seats == 0 {
                    return fail("seats", "STV needs at least 1 seat.".into());
                }
                Rule::Stv {
                    seats: small(seats),
                }
            }
            other => {
                return fail(
                    "rule",
                    format!("'{other}' is not a counting rule; choose greedy, mes, irv or stv."),
                );
            }
        })
    }
}
