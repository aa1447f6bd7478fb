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
        file.votes[2].1,
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
    assert_eq!(
        error_of(&bad_cost),
        (12, "a cost must be a whole number above zero".to_owned())
    );
    let uneven = SAMPLE.replace("v1;1,3;7,3;15", "v1;1,3;7;15");
    assert_eq!(error_of(&uneven).0, 16);
    let twice = SAMPLE.replace("v2;2;", "v1;2;");
    assert_eq!(error_of(&twice), (17, "voter v1 votes twice".to_owned()));
    let count = SAMPLE.replace("num_votes;3", "num_votes;4");
    assert_eq!(
        error_of(&count),
        (0, "META num_votes is 4 but the file has 3".to_owned())
    );
    let order = SAMPLE.replacen("PROJECTS", "VOTES", 1);
    assert_eq!(error_of(&order).0, 9);
    assert_eq!(error_of("").0, 0);
    let quote = SAMPLE.replace("1;600;Water", "1;600;\"Water");
    assert_eq!(
        error_of(&quote),
        (11, "a quoted field is not closed on its line".to_owned())
    );
    let kind = SAMPLE.replace("cumulative", "scoring");
    assert_eq!(error_of(&kind).0, 9);
}
