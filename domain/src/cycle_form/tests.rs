//! The cycle form's parsing, field by field.

use super::*;
use counting::{Cents, Completion, Rule};

/// A change that makes a valid form invalid.
type Spoil = fn(&mut CycleForm);

fn valid() -> CycleForm {
    CycleForm {
        name: "Budget 2028".into(),
        school: "Riverside High School".into(),
        description: "Ten thousand for student ideas.".into(),
        budget: "10,000.00".into(),
        committee: vec!["4".into(), "3".into(), "4".into()],
        certify_k: "2".into(),
        ..CycleForm::new_cycle()
    }
}

#[test]
fn a_new_cycle_form_with_names_and_a_committee_parses() {
    let settings = valid().parse().expect("valid");
    assert_eq!(settings.budget(), Cents::new(1_000_000));
    assert_eq!(settings.committee(), [3, 4], "sorted, repeats dropped");
    assert_eq!(settings.certify_k(), 2);
    assert_eq!(
        settings.rule(),
        Rule::Mes {
            completion: Completion::Add1Greedy
        }
    );
}

#[test]
fn stored_settings_come_back_as_the_same_form() {
    for kind in ["approval", "ranked", "allocation"] {
        let mut form = valid();
        form.ballot_kind = kind.into();
        if kind == "ranked" {
            form.rule = "stv".into();
            form.seats = "2".into();
            form.tie_break = "previous-round-then-seeded".into();
        }
        let settings = form.parse().expect(kind);
        assert_eq!(
            CycleForm::from_settings(&settings).parse(),
            Ok(settings),
            "{kind}"
        );
    }
}

#[test]
fn each_bad_field_is_named() {
    let cases: [(&str, Spoil); 10] = [
        ("name", |f| f.name = " ".into()),
        ("currency", |f| f.currency = "dollars".into()),
        ("budget", |f| f.budget = "0".into()),
        ("budget", |f| f.budget = "ten".into()),
        ("ballot_kind", |f| f.ballot_kind = "score".into()),
        ("max_projects", |f| f.max_projects = "0".into()),
        ("rule", |f| f.rule = "irv".into()),
        ("tie_break", |f| {
            f.tie_break = "previous-round-then-seeded".into()
        }),
        ("committee", |f| f.committee.clear()),
        ("certify_k", |f| f.certify_k = "3".into()),
    ];
    for (field, spoil) in cases {
        let mut form = valid();
        spoil(&mut form);
        assert_eq!(form.parse().expect_err(field).field, field);
    }
}

#[test]
fn settings_read_back_from_storage_pass_the_same_checks() {
    let settings = valid().parse().expect("valid");
    let parts = |certify_k: u32, committee: Vec<i32>| SettingsParts {
        text: settings.text().clone(),
        currency: settings.currency().clone(),
        budget: settings.budget(),
        ballot: settings.ballot().clone(),
        rule: settings.rule(),
        tie_break: settings.tie_break(),
        committee,
        certify_k,
    };
    assert_eq!(
        CycleSettings::check(parts(2, vec![4, 3, 4])),
        Ok(settings.clone())
    );
    assert_eq!(
        CycleSettings::check(parts(3, vec![3, 4]))
            .expect_err("k above n")
            .field,
        "certify_k"
    );
    assert_eq!(
        CycleSettings::check(parts(1, vec![]))
            .expect_err("nobody")
            .field,
        "committee"
    );
    assert_eq!(
        CycleSettings::check(parts(1, vec![0]))
            .expect_err("not an account")
            .field,
        "committee"
    );
}
