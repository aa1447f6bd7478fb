//! Last year's cycle at the demo school, run whole through the same
//! steps a real one takes: reviewed proposals, the committee's tie-break
//! commitments, voting opened (the manifest frozen with the members'
//! keys and commitments), voter codes per roster group, about 300
//! simulated ballots cast online with those codes and on paper by double
//! entry, voting closed (the log sealed), both members' reveals (which
//! start the count), and two certifications signed with the members' own
//! keys (the seed plays their browsers, [`super::keys`]). So a newcomer
//! finds certified results, receipts and a record `pebble verify`
//! accepts next to this year's open vote.
//!
//! The ballots come from a fixed-seed generator, so every fresh demo
//! holds the same ballots (the paper ballots' serials, and so the log's
//! root and the tie-break seed, are fresh each time).

mod voters;

use counting::encoding::Entry;
use counting::record::{Certification, Decision};
use pebble_domain::voter_code::GroupName;
use pebble_domain::{PaperSerial, Phase, Status};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::past_data::{GROUPS, PAPER, PROPOSALS};
use crate::casting::{Cast, cast_batch};
use crate::entity::{Stored, cycle, proposal};
use crate::paper::{Keyed, Marked};
use crate::{DbError, codes, committee, count, cycle_settings, frozen, paper, transitions};
use voters::Voters;

/// The rule last year's cycle was counted by, with the ballot it suits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PastRule {
    /// Approval ballots, equal shares (add-one, then greedy).
    #[default]
    Mes,
    /// Ranked ballots (three), Borda scores, greedy.
    Greedy,
    /// Ranked ballots (four), instant runoff for one big project.
    Irv,
    /// Ranked ballots (four), single transferable vote for two.
    Stv,
}

impl std::str::FromStr for PastRule {
    type Err = String;

    fn from_str(name: &str) -> Result<PastRule, String> {
        match name {
            "mes" => Ok(PastRule::Mes),
            "greedy" => Ok(PastRule::Greedy),
            "irv" => Ok(PastRule::Irv),
            "stv" => Ok(PastRule::Stv),
            other => Err(format!(
                "last year's cycle is counted by mes, greedy, irv or stv, not {other:?}"
            )),
        }
    }
}

impl PastRule {
    /// The cycle's ballot and rule, in `counting`'s serde form.
    fn settings(self) -> (&'static str, &'static str) {
        match self {
            PastRule::Mes => super::data::APPROVAL,
            PastRule::Greedy => super::data::RANKED,
            PastRule::Irv => (r#"{"kind":"ranked","max_ranks":4}"#, r#"{"rule":"irv"}"#),
            PastRule::Stv => (
                r#"{"kind":"ranked","max_ranks":4}"#,
                r#"{"rule":"stv","seats":2}"#,
            ),
        }
    }
}

/// Paper ballots that came back spoiled.
const SPOILED: u32 = 2;

/// Who runs last year's count: the two committee members' account ids
/// (their usernames are `okafor` and `lindqvist`).
pub(super) struct Committee {
    pub first: i32,
    pub second: i32,
}

impl Committee {
    fn members(&self) -> [(&'static str, i32); 2] {
        [("okafor", self.first), ("lindqvist", self.second)]
    }
}

fn failed(step: &str, why: impl std::fmt::Debug) -> DbError {
    DbError::InvalidValue {
        table: "cycle",
        column: "phase",
        value: format!("the demo's past cycle stopped at {step}: {why:?}"),
    }
}

/// Loads last year's cycle, counted by `rule`, and certifies it.
pub(super) async fn load(
    db: &DatabaseConnection,
    committee: &Committee,
    keys: &super::keys::DemoKeys,
    authors: &std::collections::BTreeMap<&str, i32>,
    rule: PastRule,
) -> Result<i32, DbError> {
    let id = insert(db, committee, authors, rule).await?;
    for (name, account) in committee.members() {
        keys.commit(db, id, name, account).await?;
    }
    transitions::advance(db, id, Phase::Deliberation)
        .await?
        .map_err(|r| failed("opening voting", r))?;
    let frozen = frozen::frozen(db, id)
        .await?
        .ok_or_else(|| failed("opening voting", "no frozen manifest"))?
        .manifest;
    let mut voters = Voters::new(&frozen);
    let hash = frozen.hash();
    let key = u64::try_from(id).map_err(|_| failed("codes", id))?;
    for group in GROUPS {
        let name: GroupName = group.name.parse().map_err(|e| failed("codes", e))?;
        let (codes, _) = codes::issue_new(db, id, &name, group.issued)
            .await?
            .map_err(|r| failed("codes", r))?;
        let casts: Vec<Cast> = codes
            .iter()
            .take(group.voting as usize)
            .map(|code| Cast {
                code_digest: counting::merkle::to_hex(&code.digest(key)),
                entry: Entry {
                    manifest_hash: hash,
                    nonce: voters.nonce(),
                    ballot: voters.ballot(group.liking),
                }
                .encode(),
            })
            .collect();
        for outcome in cast_batch(db, id, &casts).await? {
            outcome.map_err(|r| failed("casting", r))?;
        }
    }
    paper_ballots(db, id, committee, &mut voters).await?;
    transitions::advance(db, id, Phase::Voting)
        .await?
        .map_err(|r| failed("closing voting", r))?;
    let mut record_hash = None;
    for (name, account) in committee.members() {
        let made = committee::commitment_of(db, id, account)
            .await?
            .ok_or_else(|| failed("revealing", name))?;
        let secret = keys.key(name)?.tiebreak_secret(&made.salt);
        if let Some(hash) = count::reveal(db, id, account, &secret)
            .await?
            .map_err(|r| failed("revealing", r))?
        {
            record_hash = Some(hash);
        }
    }
    let record_hash = record_hash
        .and_then(|hash| counting::merkle::from_hex(&hash))
        .ok_or_else(|| failed("the count", "the last reveal did not count"))?;
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for (name, account) in committee.members() {
        let member = committee::seat(db, id, account)
            .await?
            .flatten()
            .ok_or_else(|| failed("certifying", name))?;
        let signed = Certification::sign(
            &frozen.election,
            member,
            keys.key(name)?,
            &record_hash,
            Decision::Certify,
            &at,
            "",
        )
        .map_err(|e| failed("certifying", e))?;
        count::decide(db, id, account, &signed.note)
            .await?
            .map_err(|r| failed("certifying", r))?;
    }
    Ok(id)
}

/// The cycle and its reviewed proposals, in deliberation, a year ago.
async fn insert(
    db: &DatabaseConnection,
    committee: &Committee,
    authors: &std::collections::BTreeMap<&str, i32>,
    rule: PastRule,
) -> Result<i32, DbError> {
    let (ballot, counted_by) = rule.settings();
    let text = &super::past_data::CYCLE;
    let a_year_ago = chrono::Utc::now() - chrono::Duration::days(365);
    let row = cycle::ActiveModel {
        slug: Set(text.slug.to_owned()),
        name: Set(text.name.to_owned()),
        school: Set(text.school.to_owned()),
        description: Set(text.description.to_owned()),
        currency: Set(text.currency.to_owned()),
        budget_cents: Set(text.budget_cents),
        phase: Set(Stored(Phase::Deliberation)),
        ballot: Set(ballot.to_owned()),
        rule: Set(counted_by.to_owned()),
        tie_break: Set(if matches!(rule, PastRule::Irv | PastRule::Stv) {
            "previous-round-then-seeded"
        } else {
            "cheapest-then-seeded"
        }
        .to_owned()),
        certify_k: Set(2),
        created_at: Set(a_year_ago),
        ..Default::default()
    }
    .insert(db)
    .await?;
    cycle_settings::replace_committee(db, row.id, &[committee.first, committee.second]).await?;
    for (i, idea) in PROPOSALS.iter().enumerate() {
        let submitted = a_year_ago + chrono::Duration::days(i64::try_from(i).unwrap_or(0));
        proposal::ActiveModel {
            cycle_id: Set(row.id),
            author_id: Set(authors.get(idea.author).copied()),
            title: Set(idea.title.to_owned()),
            summary: Set(idea.summary.to_owned()),
            description: Set(idea.description.to_owned()),
            category: Set(idea.category.to_owned()),
            estimated_cost_cents: Set(idea.cost_cents),
            status: Set(Stored(Status::Feasible)),
            ballot_cost_cents: Set(Some(idea.cost_cents)),
            review_note: Set(Some(
                "The committee checked the quote: it goes on the ballot at this cost.".to_owned(),
            )),
            created_at: Set(submitted),
            updated_at: Set(Some(submitted)),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(row.id)
}

/// Paper ballots from the families' evening: printed, then each keyed by
/// both committee members, matching, so each enters the log; and two
/// more that came back over-marked, keyed as spoiled by both.
async fn paper_ballots(
    db: &DatabaseConnection,
    id: i32,
    committee: &Committee,
    voters: &mut Voters,
) -> Result<(), DbError> {
    let printed = paper::print_new(db, id, committee.first, PAPER.count + SPOILED)
        .await?
        .map_err(|r| failed("printing paper ballots", r))?;
    let serials: Vec<PaperSerial> = printed.serials;
    for (i, serial) in serials.iter().enumerate() {
        let marked = if i < PAPER.count as usize {
            Marked::Ballot(voters.ballot(PAPER.liking))
        } else {
            Marked::Spoiled
        };
        for member in [committee.first, committee.second] {
            let keyed = paper::key(db, id, serial, member, &marked)
                .await?
                .map_err(|r| failed("keying paper ballots", r))?;
            if matches!(keyed, Keyed::Mismatch) {
                return Err(failed("keying paper ballots", "a mismatch"));
            }
        }
    }
    Ok(())
}
