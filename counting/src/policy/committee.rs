//! The committee as witnesses: the one line Pebble adds to the
//! c2sp.org/tlog-policy text an admin writes,
//!
//! ```text
//! committee <k>          (k = all, any or a number up to the committee's size)
//! ```
//!
//! which stands for one witness per committee member, cosigning with
//! the member's own key (the key that certifies the record; a
//! cosignature's key id and signed message carry their own type, see
//! [`crate::cosignature`]), and a group named `committee` that needs k
//! of them. Later lines may name the group like any other. The members'
//! keys are known only when voting opens, so Pebble writes the line out
//! then ([`expand`]): the frozen manifest holds standard policy text
//! only, which any tlog-policy reader understands.
//!
//! Member `i` (its place on the frozen committee, from 0) is the witness
//! `committee-i` with key name [`crate::Election::member_key_name`] and
//! no submission address: its browser cosigns on the committee's pages
//! instead of answering `add-checkpoint` requests.

use super::{Policy, PolicyError, line_error};
use crate::committee::MemberKey;
use crate::cosignature::CosignatureVerifier;

/// The name of the group the committee line defines.
pub const GROUP: &str = "committee";

/// The policy name of committee member `index`'s witness.
pub fn witness_name(index: usize) -> String {
    format!("{GROUP}-{index}")
}

/// The committee member a policy name stands for, if it is one.
pub fn member_of(name: &str) -> Option<usize> {
    let index = name.strip_prefix(GROUP)?.strip_prefix('-')?;
    if index.starts_with('0') && index != "0" {
        return None;
    }
    index.parse().ok()
}

/// `text` with its committee line (if any) written out for the members
/// whose public keys are `keys`, in committee order, in the log named
/// `origin`; parsed. Errors name the lines of `text` as written.
pub fn expand(text: &str, origin: &str, keys: &[[u8; 32]]) -> Result<Policy, PolicyError> {
    let mut out = String::new();
    let mut at = None;
    for (n, line) in text.split('\n').enumerate() {
        let words: Vec<&str> = line.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [GROUP, rest @ ..] => {
                if at.is_some() {
                    return Err(line_error(n + 1, "a policy has one committee line"));
                }
                let [threshold] = rest else {
                    return Err(line_error(
                        n + 1,
                        "write the committee line as: committee <k>",
                    ));
                };
                if keys.is_empty() {
                    return Err(line_error(n + 1, "the committee has no members"));
                }
                at = Some(n + 1);
                let mut names = Vec::new();
                for (index, key) in keys.iter().enumerate() {
                    let name = format!("{origin}/committee/{index}");
                    let vkey = CosignatureVerifier::new(&name, key)
                        .map_err(|e| line_error(n + 1, format!("member {index}'s key: {e}")))?;
                    out.push_str(&format!("witness {} {vkey}\n", witness_name(index)));
                    names.push(witness_name(index));
                }
                out.push_str(&format!("group {GROUP} {threshold} {}\n", names.join(" ")));
            }
            ["witness", name, ..] if member_of(name).is_some() => {
                return Err(line_error(
                    n + 1,
                    format!("{name}: names committee-<n> are the committee members' own"),
                ));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Policy::parse(&out).map_err(|e| match (e, at) {
        (PolicyError::Line { line, reason }, Some(at)) => {
            let added = keys.len();
            let line = if line < at {
                line
            } else if line <= at + added {
                at
            } else {
                line - added
            };
            PolicyError::Line { line, reason }
        }
        (e, _) => e,
    })
}

/// Checks `text` as [`expand`] would for a committee of `members`,
/// before their keys are known (stand-in keys).
pub fn check(text: &str, members: usize) -> Result<Policy, PolicyError> {
    let keys: Vec<[u8; 32]> = (0..members)
        .map(|i| {
            let mut seed = [0x5a; 32];
            seed[..8].copy_from_slice(&(i as u64).to_be_bytes());
            MemberKey::from_seed(seed).public_key()
        })
        .collect();
    expand(text, "pebble/cycles/0/policy-check", &keys)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    const ORIGIN: &str = "pebble/cycles/4/00112233445566778899aabbccddeeff";

    fn keys(n: u8) -> Vec<[u8; 32]> {
        (0..n)
            .map(|i| MemberKey::from_seed([i + 1; 32]).public_key())
            .collect()
    }

    fn outsider() -> String {
        crate::cosignature::Cosigner::new("parents.example", &[9; 32])
            .expect("valid test data")
            .verifier()
            .to_string()
    }

    fn by(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn the_committee_line_becomes_one_witness_per_member_and_a_group() {
        let policy =
            expand("committee 2\nquorum committee\n", ORIGIN, &keys(3)).expect("a valid policy");
        let names: Vec<&str> = policy.witnesses.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, ["committee-0", "committee-1", "committee-2"]);
        assert_eq!(
            policy.witnesses[1].key.name(),
            format!("{ORIGIN}/committee/1")
        );
        assert_eq!(policy.witnesses[2].key.public_key(), keys(3)[2]);
        assert!(policy.witnesses.iter().all(|w| w.url.is_none()));
        assert!(policy.met_by(&by(&["committee-0", "committee-2"])));
        assert!(!policy.met_by(&by(&["committee-1"])));
        assert!(
            policy
                .text()
                .contains("group committee 2 committee-0 committee-1 committee-2\n")
        );
    }

    #[test]
    fn later_lines_may_combine_the_committee_with_outside_witnesses() {
        let text = format!(
            "witness parents {} https://parents.example/w\ncommittee all\ngroup both all committee parents\nquorum both\n",
            outsider()
        );
        let policy = expand(&text, ORIGIN, &keys(2)).expect("a valid policy");
        assert!(!policy.met_by(&by(&["committee-0", "committee-1"])));
        assert!(policy.met_by(&by(&["committee-0", "committee-1", "parents"])));
        let again = Policy::parse(&policy.text()).expect("the text reads back");
        assert_eq!(again, policy);
    }

    #[test]
    fn a_text_without_the_line_is_read_as_it_is() {
        let text = format!("witness parents {}\nquorum parents\n", outsider());
        assert_eq!(expand(&text, ORIGIN, &keys(2)), Policy::parse(&text));
    }

    #[test]
    fn errors_name_the_line_the_admin_wrote() {
        let text = "# ours\ncommittee 2\ngroup g any committee nobody\nquorum g\n";
        assert_eq!(
            expand(text, ORIGIN, &keys(3)),
            Err(line_error(3, "nobody is not defined on an earlier line"))
        );
        let too_many = expand("committee 4\nquorum committee\n", ORIGIN, &keys(3));
        assert!(
            matches!(too_many, Err(PolicyError::Line { line: 1, .. })),
            "{too_many:?}"
        );
        let twice = expand(
            "committee 1\ncommittee 2\nquorum committee\n",
            ORIGIN,
            &keys(2),
        );
        assert!(
            matches!(twice, Err(PolicyError::Line { line: 2, .. })),
            "{twice:?}"
        );
        let bare = expand("committee\nquorum committee\n", ORIGIN, &keys(2));
        assert!(
            matches!(bare, Err(PolicyError::Line { line: 1, .. })),
            "{bare:?}"
        );
        let taken = format!("witness committee-0 {}\nquorum committee-0\n", outsider());
        let taken = expand(&taken, ORIGIN, &keys(2));
        assert!(
            matches!(taken, Err(PolicyError::Line { line: 1, .. })),
            "{taken:?}"
        );
        let empty = expand("committee any\nquorum committee\n", ORIGIN, &[]);
        assert!(
            matches!(empty, Err(PolicyError::Line { line: 1, .. })),
            "{empty:?}"
        );
    }

    #[test]
    fn a_check_before_the_keys_are_known_finds_the_same_mistakes() {
        assert!(check("committee 2\nquorum committee\n", 3).is_ok());
        assert!(check("committee 4\nquorum committee\n", 3).is_err());
        assert!(check("committee any\n", 3).is_err());
    }

    #[test]
    fn member_names_read_back_to_their_index_and_nothing_else_does() {
        assert_eq!(member_of(&witness_name(0)), Some(0));
        assert_eq!(member_of(&witness_name(12)), Some(12));
        for name in [
            "committee",
            "committee-",
            "committee-01",
            "committee-x",
            "parents",
        ] {
            assert_eq!(member_of(name), None, "{name}");
        }
    }
}
