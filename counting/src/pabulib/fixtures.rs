//! Real pabulib files (`counting/fixtures/pabulib/`, see its README for
//! what each shows): each is read and counted, with what is irregular in
//! it reported once, at its first line.

use super::*;
use crate::{Completion, Rule, Seed, TieBreak, count_profile_stepped};

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../fixtures/pabulib/", $name)),
        )
    };
}

pub(super) const FILES: [(&str, &str); 12] = [
    fixture!("Poland_Gdynia_2022_Kamienna_Gora__small.pb"),
    fixture!("Poland_Warszawa_2017_Przyczolek_Grochowski.pb"),
    fixture!("Poland_Warszawa_2018_Przyczolek_Grochowski.pb"),
    fixture!(
        "US_Stanford_Dataset_Your_Voice_Your_Choice_Parks_and_Streets-_Seattle_2019_District_3_vote_knapsacks.pb"
    ),
    fixture!("Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb"),
    fixture!("Poland_Warszawa_2018_rejon_5.pb"),
    fixture!("Poland_Czestochowa_2020_Grabowka.pb"),
    fixture!("Poland_Czestochowa_2020_Bleszno.pb"),
    fixture!("Poland_Gdansk_2020_Rudniki.pb"),
    fixture!("Poland_Krakow_2018_Mistrzejowice.pb"),
    fixture!("Poland_Poznan_2024_10_-_Swierczewo_Wilda_Zielony_Debiec__large.pb"),
    fixture!("France_Toulouse_2022_19_-_Casselardit_Fontaine-Bayonne_Cartoucherie.pb"),
];

fn read(name: &str) -> PbFile {
    let (_, text) = FILES
        .iter()
        .find(|(file, _)| *file == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    parse(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The irregularities found on reading and on counting as cast.
fn irregularities(file: &PbFile) -> Vec<Irregularity> {
    let manifest = file
        .manifest(Rule::Greedy, TieBreak::Id)
        .expect("a manifest");
    file.profile(&manifest).expect("counted as cast").1
}

#[test]
fn every_real_file_is_read_and_counted() {
    for (name, text) in FILES {
        let file = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let rule = Rule::Mes {
            completion: Completion::Add1Greedy,
        };
        let manifest = file.manifest(rule, TieBreak::Id).expect(name);
        let (profile, _) = file.profile(&manifest).expect(name);
        assert_eq!(profile.len(), file.votes.len(), "{name}");
        let outcome =
            count_profile_stepped(&manifest, &profile, Seed::default(), file.currency_unit())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(outcome.spent <= file.budget, "{name}");
    }
}

#[test]
fn ids_with_slashes_are_kept_exactly() {
    let file = read("Poland_Gdynia_2022_Kamienna_Gora__small.pb");
    let ids: Vec<&str> = file.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2022/KAG/0002", "2022/KAG/0001"]);
    assert!(irregularities(&file).is_empty());
}

#[test]
fn a_budget_with_decimals_is_counted_in_exact_units() {
    let file = read("Poland_Warszawa_2017_Przyczolek_Grochowski.pb");
    assert!(file.scale > 0, "this budget has decimals");
    let stated = file.meta("budget").expect("a budget");
    assert_eq!(file.amount(file.budget), stated.trim_end_matches('0'));
    let again = parse(&write(&file)).expect("what we write, we read");
    assert_eq!((again.scale, again.budget), (file.scale, file.budget));
    assert_eq!(file.currency_unit(), Cents::new(10u64.pow(file.scale)));
}

#[test]
fn a_vote_naming_a_project_twice_counts_once_and_is_reported() {
    for (name, line) in [
        (
            "US_Stanford_Dataset_Your_Voice_Your_Choice_Parks_and_Streets-_Seattle_2019_District_3_vote_knapsacks.pb",
            123,
        ),
        ("Poland_Warszawa_2026_Srodmiescie_Poludniowe.pb", 656),
    ] {
        let found = irregularities(&read(name));
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert_eq!(
            (&found[0].kind, found[0].votes, found[0].first_line),
            (&IrregularityKind::RepeatedProject, 1, line),
            "{name}"
        );
    }
}

#[test]
fn an_over_budget_vote_is_counted_as_cast_and_reported() {
    let found = irregularities(&read("Poland_Warszawa_2018_rejon_5.pb"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (&found[0].kind, found[0].votes, found[0].first_line),
        (&IrregularityKind::OverBudget, 1, 1287)
    );
}

#[test]
fn quotes_in_text_fields_are_read_as_pythons_csv_module_reads_them() {
    let grabowka = read("Poland_Czestochowa_2020_Grabowka.pb");
    let odkupmy = grabowka
        .projects
        .iter()
        .find(|p| p.id.as_str() == "47")
        .expect("project 47, whose name has text after a closing quote");
    assert_eq!(odkupmy.cost, Cents::new(12_000));
    let bleszno = read("Poland_Czestochowa_2020_Bleszno.pb");
    let contest = bleszno
        .projects
        .iter()
        .find(|p| p.id.as_str() == "515")
        .expect("project 515, whose name has a quote inside");
    assert_eq!(contest.cost, Cents::new(3_200));
}
