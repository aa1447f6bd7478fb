//! The one spelling of each rule, completion and tie-break policy: the
//! command line, the cycle editor and the stored settings all use these.

use std::fmt;
use std::str::FromStr;

use super::{Completion, Rule, TieBreak};

/// A name that names no rule, completion or policy, with the names that
/// would have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{given}' is not a {what}; choose {}", choices.join(", "))]
pub struct UnknownName {
    /// What was being named ("counting rule").
    pub what: &'static str,
    /// What was given.
    pub given: String,
    /// The names that would have been understood.
    pub choices: &'static [&'static str],
}

impl Completion {
    /// Every completion, in [`Completion::NAMES`] order.
    pub const ALL: [Completion; 4] = [
        Completion::None,
        Completion::Greedy,
        Completion::Add1,
        Completion::Add1Greedy,
    ];
    /// Every completion's name.
    pub const NAMES: &'static [&'static str] = &["none", "greedy", "add1", "add1-greedy"];

    /// The completion's name (as serde spells it too).
    pub fn name(self) -> &'static str {
        match self {
            Completion::None => "none",
            Completion::Greedy => "greedy",
            Completion::Add1 => "add1",
            Completion::Add1Greedy => "add1-greedy",
        }
    }
}

impl TieBreak {
    /// Every policy, in [`TieBreak::NAMES`] order.
    pub const ALL: [TieBreak; 3] = [
        TieBreak::CheapestThenSeeded,
        TieBreak::PreviousRoundThenSeeded,
        TieBreak::Id,
    ];
    /// Every policy's name.
    pub const NAMES: &'static [&'static str] =
        &["cheapest-then-seeded", "previous-round-then-seeded", "id"];

    /// The default policy for `rule`: the cheaper project first for the
    /// budgeting rules, earlier rounds first for IRV and STV.
    pub fn default_for(rule: Rule) -> TieBreak {
        if rule.is_budgeting() {
            TieBreak::CheapestThenSeeded
        } else {
            TieBreak::PreviousRoundThenSeeded
        }
    }
}

impl Rule {
    /// Every rule's name.
    pub const NAMES: &'static [&'static str] = &["greedy", "mes", "irv", "stv"];

    /// The rule called `name`, with the completion (MES) and seats (STV)
    /// it needs; the other rules ignore them.
    pub fn from_name(name: &str, completion: Completion, seats: u32) -> Result<Rule, UnknownName> {
        Ok(match name {
            "greedy" => Rule::Greedy,
            "mes" => Rule::Mes { completion },
            "irv" => Rule::Irv,
            "stv" => Rule::Stv { seats },
            other => return Err(unknown("counting rule", other, Rule::NAMES)),
        })
    }
}

fn unknown(what: &'static str, given: &str, choices: &'static [&'static str]) -> UnknownName {
    UnknownName {
        what,
        given: given.to_owned(),
        choices,
    }
}

impl FromStr for Completion {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Completion::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| unknown("completion", name, Completion::NAMES))
    }
}

impl FromStr for TieBreak {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        TieBreak::ALL
            .into_iter()
            .find(|t| t.name() == name)
            .ok_or_else(|| unknown("tie-break policy", name, TieBreak::NAMES))
    }
}

impl fmt::Display for Completion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for TieBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back_to_its_value() {
        for completion in Completion::ALL {
            assert_eq!(completion.to_string().parse(), Ok(completion));
        }
        for policy in TieBreak::ALL {
            assert_eq!(policy.to_string().parse(), Ok(policy));
        }
        for name in Rule::NAMES {
            let rule = Rule::from_name(name, Completion::Add1, 2).expect("a rule");
            assert_eq!(rule.to_string(), *name);
        }
    }

    #[test]
    fn an_unknown_name_lists_the_choices() {
        let error = "coin-toss".parse::<TieBreak>().expect_err("unknown");
        assert_eq!(
            error.to_string(),
            "'coin-toss' is not a tie-break policy; choose cheapest-then-seeded, previous-round-then-seeded, id"
        );
        assert!(Rule::from_name("borda", Completion::None, 1).is_err());
    }
}
