//! The cycle editor's form, parsed once into settings the
//! `counting` crate accepts.

use counting::{BallotRules, Cents, Completion, Currency, Manifest, Rule, TieBreak};
use serde::{Deserialize, Serialize};

use crate::fields::{FieldError, Label, text};

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

/// A cycle's settings as given, before any check: what the form parser
/// and the database hand to [`CycleSettings::check`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsParts {
    /// Name, school and description.
    pub text: CycleText,
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
    /// Committee members' account ids.
    pub committee: Vec<i32>,
    /// Signatures needed to certify.
    pub certify_k: u32,
}

/// A cycle's settings, checked: only [`CycleSettings::check`] (which
/// [`CycleForm::parse`] calls) makes one, so every stored or edited cycle
/// passed the same checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleSettings(SettingsParts);

impl CycleSettings {
    /// Checks settings that go together: a budget above zero and at most
    /// [`BUDGET_MAX`], a rule that suits the ballot and a tie-break that
    /// suits the rule (`counting::Manifest::check_settings`), a committee
    /// of at least one, and k between 1 and its size. The committee comes
    /// back sorted, without repeats.
    pub fn check(mut parts: SettingsParts) -> Result<CycleSettings, FieldError> {
        if parts.budget == Cents::ZERO {
            return fail("budget", "The budget must be more than zero.".into());
        }
        if parts.budget > BUDGET_MAX {
            return fail("budget", format!("The budget can be at most {BUDGET_MAX}."));
        }
        if let Err(e) = Manifest::check_settings(&parts.ballot, parts.rule, parts.tie_break) {
            let field = match e {
                counting::ManifestError::TieBreakMismatch { .. } => "tie_break",
                counting::ManifestError::RuleNeedsRanked { .. } => "rule",
                _ => "ballot_kind",
            };
            return fail(field, format!("These settings do not go together: {e}."));
        }
        if let Some(bad) = parts.committee.iter().find(|id| **id <= 0) {
            return fail("committee", format!("'{bad}' is not an account number."));
        }
        parts.committee.sort_unstable();
        parts.committee.dedup();
        if parts.committee.is_empty() {
            return fail(
                "committee",
                "Choose at least one committee member; create committee accounts first if there are none.".into(),
            );
        }
        let n = parts.committee.len();
        if parts.certify_k == 0 {
            return fail(
                "certify_k",
                format!(
                    "The number of signatures to certify must be between 1 and {n}, the committee's size."
                ),
            );
        }
        if parts.certify_k as usize > n {
            return fail(
                "certify_k",
                format!(
                    "The number of signatures to certify can be at most {n}, the committee's size."
                ),
            );
        }
        Ok(CycleSettings(parts))
    }

    /// Name, school and description.
    pub fn text(&self) -> &CycleText {
        &self.0.text
    }

    /// Currency.
    pub fn currency(&self) -> &Currency {
        &self.0.currency
    }

    /// Total budget.
    pub fn budget(&self) -> Cents {
        self.0.budget
    }

    /// What a ballot may contain.
    pub fn ballot(&self) -> &BallotRules {
        &self.0.ballot
    }

    /// The counting rule.
    pub fn rule(&self) -> Rule {
        self.0.rule
    }

    /// The tie-break policy.
    pub fn tie_break(&self) -> TieBreak {
        self.0.tie_break
    }

    /// Committee members' account ids, ascending, no repeats.
    pub fn committee(&self) -> &[i32] {
        &self.0.committee
    }

    /// Signatures needed to certify: at least 1, at most the committee's size.
    pub fn certify_k(&self) -> u32 {
        self.0.certify_k
    }
}

/// The three texts that do not decide an outcome and may change after
/// voting opens; only [`CycleText::parse`] makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleText {
    name: String,
    school: String,
    description: String,
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

    /// The cycle's title.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The school or community.
    pub fn school(&self) -> &str {
        &self.school
    }

    /// What the budget is for.
    pub fn description(&self) -> &str {
        &self.description
    }
}

fn fail<T>(field: &'static str, message: String) -> Result<T, FieldError> {
    Err(FieldError::english(field, message))
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
        let text = CycleText::parse(&self.name, &self.school, &self.description)?;
        let currency =
            Currency::try_from(self.currency.trim().to_ascii_uppercase()).or_else(|_| {
                fail(
                    "currency",
                    "The currency is a three-letter code such as USD or EUR.".into(),
                )
            })?;
        let budget = match self.budget.trim().parse::<Cents>() {
            Ok(budget) => budget,
            Err(e) => return fail("budget", format!("The budget: {e}.")),
        };
        let ballot = self.ballot()?;
        let rule = self.rule()?;
        let tie_break = self
            .tie_break
            .trim()
            .parse::<TieBreak>()
            .or_else(|e| fail("tie_break", format!("{e}.")))?;
        let mut committee = Vec::new();
        for raw in &self.committee {
            match raw.trim().parse::<i32>() {
                Ok(id) => committee.push(id),
                Err(_) => {
                    return fail(
                        "committee",
                        format!("'{}' is not an account number.", raw.trim()),
                    );
                }
            }
        }
        let certify_k = small(required(
            "certify_k",
            "The number of signatures to certify",
            &self.certify_k,
            u64::from(u32::MAX),
        )?);
        CycleSettings::check(SettingsParts {
            text,
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
        let completion = match self.completion.trim() {
            "" => Completion::Add1Greedy,
            name => name
                .parse::<Completion>()
                .or_else(|e| fail("completion", format!("{e}.")))?,
        };
        let seats = if self.rule.trim() == "stv" {
            let seats = required("seats", "The number of seats", &self.seats, 1_000)?;
            if seats == 0 {
                return fail("seats", "STV needs at least 1 seat.".into());
            }
            small(seats)
        } else {
            1
        };
        Rule::from_name(self.rule.trim(), completion, seats)
            .or_else(|e| fail("rule", format!("{e}.")))
    }
}
