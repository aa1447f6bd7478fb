use super::*;
use crate::testing::id;
use crate::{Completion, Rule, TieBreak};

const SAMPLE: &str = "\
META
key;value
description;\"Riverside; test\"
num_projects;3
num_votes;3
budget;1000
vote_type;cumulative
max_sum_points;10
PROJECTS
project_id;cost;name
1;600;Water
2;500;\"Seats; four\"
3;300.0;Garden
VOTES
voter_id;vote;points;age
v1;1,3;7,3;15
v2;2;10;16
v3;3,1;5,0;14
";

#[test]
fn reads_meta_projects_and_cumulative_votes() {
    let file = parse(SAMPLE).expect("a valid file");
    assert_eq!(file.budget, Cents::new(1000));
    assert_eq!(file.meta("description"), Some("Riverside; test"));
    assert_eq!(file.projects.len(), 3);
    assert_eq!(file.projects[2].cost, Cents::new(300));
    // A zero-point entry is no vote for that project.
    assert_eq!(
        file.votes[2].ballot,
        Ballot::Allocation([(id("3"), 5)].into_iter().collect())
    );
    let manifest = file
        .manifest(
            Rule::Mes {
                completion: Completion::Add1Greedy,
            },
            TieBreak::Id,
        )
        .expect("manifest");
    assert_eq!(
        manifest.ballot,
        BallotRules::Allocation {
            points: 10,
            must_use_all: false
        }
    );
}

#[test]
fn writing_then_reading_gives_the_same_file_content() {
    let file = parse(SAMPLE).expect("a valid file");
    let again = parse(&write(&file)).expect("what we write, we read");
    assert_eq!(again.projects, file.projects);
    assert_eq!(again.votes, file.votes);
    assert_eq!(again.budget, file.budget);
    assert_eq!(again.meta("description"), Some("Riverside; test"));
}

fn error_of(text: &str) -> (usize, String) {
    let e = parse(text).expect_err("must be refused");
    (e.line, e.reason)
}

#[test]
fn malformed_files_are_refused_with_line_and_reason() {
    let unknown = SAMPLE.replace("v2;2;10;16", "v2;9;10;16");
    assert_eq!(
        error_of(&unknown),
        (
            17,
            "the vote names project 9, which is not in PROJECTS".to_owned()
        )
    );
    let bad_cost = SAMPLE.replace("2;500;", "2;5x0;");
    let (line, reason) = error_of(&bad_cost);
    assert_eq!(line, 12);
    assert!(
        reason.starts_with("a cost must be an amount such as 1500"),
        "{reason}"
    );
    let free = SAMPLE.replace("2;500;", "2;0;");
    assert_eq!(
        error_of(&free),
        (12, "a cost must be above zero".to_owned())
    );
    let uneven = SAMPLE.replace("v1;1,3;7,3;15", "v1;1,3;7;15");
    assert_eq!(error_of(&uneven).0, 16);
    let half = SAMPLE.replace("v2;2;10;16", "v2;2;2.5;16");
    assert_eq!(
        error_of(&half),
        (17, "points must be whole numbers, not '2.5'".to_owned())
    );
    let order = SAMPLE.replacen("PROJECTS", "VOTES", 1);
    assert_eq!(error_of(&order).0, 9);
    assert_eq!(error_of("").0, 0);
    // As in Python's csv module, a quote opening a field runs on over
    // lines until it closes; one that never does is refused.
    let quote = SAMPLE.replace("v3;3,1;5,0;14", "v3;3,1;\"5,0;14");
    assert_eq!(
        error_of(&quote),
        (18, "a quoted field is never closed".to_owned())
    );
    let kind = SAMPLE.replace("cumulative", "scoring");
    assert_eq!(error_of(&kind).0, 7);
}

#[test]
fn what_a_real_file_records_is_read_as_cast_and_reported_once() {
    let irregular = SAMPLE
        .replace("v2;2;", "v1;2;")
        .replace("num_votes;3", "num_votes;4")
        .replace("v3;3,1;5,0;14", "v3;3,1,3;5,0,2;14");
    let file = parse(&irregular).expect("read as pabutools reads it");
    let kinds: Vec<_> = file.irregularities.iter().map(|i| &i.kind).collect();
    assert_eq!(
        kinds,
        [
            &IrregularityKind::RepeatedProject,
            &IrregularityKind::RepeatedVoter,
            &IrregularityKind::WrongCount("META num_votes is 4, the file has 3".to_owned()),
        ]
    );
    assert_eq!(
        (
            file.irregularities[0].votes,
            file.irregularities[0].first_line
        ),
        (1, 18)
    );
    // A cumulative vote naming a project twice keeps the last points.
    assert_eq!(
        file.votes[2].ballot,
        Ballot::Allocation([(id("3"), 2)].into_iter().collect())
    );
}

const OVER_BUDGET: &str = "\
META
key;value
budget;1000.50
max_sum_cost;1000.50
vote_type;approval
PROJECTS
project_id;cost
2023/KAR/1;600.25
2023/KAR/2;500
VOTES
voter_id;vote
a;2023/KAR/1,2023/KAR/2
b;2023/KAR/1
c;2023/KAR/2,2023/KAR/1
";

#[test]
fn decimal_amounts_and_opaque_ids_are_kept_exactly() {
    let file = parse(OVER_BUDGET).expect("readable");
    assert_eq!(file.scale, 2);
    assert_eq!(file.budget, Cents::new(100_050));
    assert_eq!(file.projects[0].id.as_str(), "2023/KAR/1");
    assert_eq!(file.projects[0].cost, Cents::new(60_025));
    assert_eq!(file.projects[1].cost, Cents::new(50_000));
    assert_eq!(file.currency_unit(), Cents::new(100));
    assert_eq!(file.amount(Cents::new(100_050)), "1000.5");
    let again = parse(&write(&file)).expect("written back readable");
    assert_eq!((again.scale, again.budget), (2, file.budget));
    assert_eq!(again.projects, file.projects);
}

#[test]
fn an_over_budget_vote_counts_as_cast_when_imported_but_never_when_cast_here() {
    let file = parse(OVER_BUDGET).expect("readable");
    let manifest = file.manifest(Rule::Greedy, TieBreak::Id).expect("manifest");
    let (profile, irregular) = file.profile(&manifest).expect("counted as cast");
    assert_eq!(profile.len(), 3);
    assert_eq!(irregular.len(), 1);
    assert_eq!(
        (
            &irregular[0].kind,
            irregular[0].votes,
            irregular[0].first_line
        ),
        (&IrregularityKind::OverBudget, 2, 12)
    );
    let mut pebble = crate::Profile::new(&manifest);
    assert!(matches!(
        pebble.push(&manifest, &file.votes[0].ballot),
        Err(crate::BallotError::OverBudget { .. })
    ));
}
