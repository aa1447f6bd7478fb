use super::*;
use crate::merkle::stored::Nodes;
use crate::witness::tests::{ORIGIN, head, log, request, signed, signer};

fn member() -> MemberKey {
    MemberKey::from_seed([21; 32])
}

fn name() -> String {
    format!("{ORIGIN}/committee/1")
}

/// The member cosigns `request` with what the server hands back and the
/// browser remembers.
fn cosign(
    request: &AddCheckpoint,
    handed: Option<&str>,
    remembered: Option<TreeHead>,
) -> Result<(Checkpoint, String), MemberRefusal> {
    let (key, name, log) = (member(), name(), signer().verifier());
    MemberWitness {
        key: &key,
        name: &name,
        log: &log,
        handed,
        remembered,
    }
    .cosign(request, 1_765_000_000)
}

/// The signed checkpoint of `size` entries with the member's
/// cosignature, as the server hands it back.
fn cosigned(nodes: &impl Nodes, size: u64) -> String {
    let note = request(nodes, 0, size).checkpoint;
    let (_, line) = cosign(&request(nodes, 0, size), None, None).expect("a first cosignature");
    format!("{note}{line}")
}

#[test]
fn a_member_cosigns_the_opening_checkpoint_and_the_line_verifies_with_their_key() {
    let nodes = log(0, 0);
    let (checkpoint, line) = cosign(&request(&nodes, 0, 0), None, None).expect("cosigned");
    assert_eq!(checkpoint.head.size, 0);
    let verifier = member().cosigner(&name()).expect("a name").verifier();
    let note = format!("{}{line}", signed(head(&nodes, 0)));
    assert_eq!(verifier.verify(&note), Ok(1_765_000_000));
}

#[test]
fn at_the_seal_the_member_checks_consistency_from_what_it_cosigned_at_the_opening() {
    let nodes = log(40, 40);
    let opening = cosigned(&nodes, 3);
    let (checkpoint, _) = cosign(&request(&nodes, 3, 40), Some(&opening), None)
        .expect("the seal extends the opening");
    assert_eq!(checkpoint.head, head(&nodes, 40));
}

#[test]
fn a_sealed_log_that_forks_from_the_opening_is_refused() {
    let honest = log(40, 40);
    let forked = log(40, 2);
    let opening = cosigned(&honest, 3);
    let mut asked = request(&forked, 3, 40);
    asked.proof = crate::merkle::stored::consistency_proof(&forked, 3, 40).expect("a proof");
    assert!(matches!(
        cosign(&asked, Some(&opening), None),
        Err(MemberRefusal::Witness(Refusal::Inconsistent(_)))
    ));
}

#[test]
fn a_handed_back_checkpoint_the_member_never_cosigned_is_refused() {
    let nodes = log(10, 10);
    let other = MemberKey::from_seed([22; 32]);
    let line = other
        .cosigner(&name())
        .expect("a name")
        .cosign(
            &crate::checkpoint::Checkpoint {
                origin: ORIGIN.into(),
                head: head(&nodes, 3),
            }
            .text(),
            5,
        )
        .expect("a line");
    let forged = format!("{}{line}", request(&nodes, 0, 3).checkpoint);
    assert_eq!(
        cosign(&request(&nodes, 3, 10), Some(&forged), None),
        Err(MemberRefusal::NotCosigned)
    );
    let unsigned = request(&nodes, 0, 3).checkpoint;
    assert_eq!(
        cosign(&request(&nodes, 3, 10), Some(&unsigned), None),
        Err(MemberRefusal::NotCosigned)
    );
}

#[test]
fn a_server_that_withholds_the_latest_cosignature_is_caught_by_the_browser_that_made_it() {
    let nodes = log(10, 10);
    let remembered = Some(head(&nodes, 3));
    assert_eq!(
        cosign(&request(&nodes, 0, 10), None, remembered),
        Err(MemberRefusal::Withheld {
            remembered: 3,
            handed: 0
        })
    );
    let older = cosigned(&nodes, 2);
    assert_eq!(
        cosign(&request(&nodes, 2, 10), Some(&older), remembered),
        Err(MemberRefusal::Withheld {
            remembered: 3,
            handed: 2
        })
    );
    let latest = cosigned(&nodes, 3);
    assert!(cosign(&request(&nodes, 3, 10), Some(&latest), remembered).is_ok());
}

#[test]
fn the_same_size_with_another_root_than_remembered_is_a_fork() {
    let honest = log(10, 10);
    let forked = log(10, 1);
    let handed = cosigned(&forked, 3);
    assert_eq!(
        cosign(
            &request(&forked, 3, 10),
            Some(&handed),
            Some(head(&honest, 3))
        ),
        Err(MemberRefusal::Forked(3))
    );
}

#[test]
fn a_checkpoint_not_signed_by_the_log_is_refused_as_any_witness_would() {
    let nodes = log(5, 5);
    let mut asked = request(&nodes, 0, 5);
    asked.checkpoint = crate::checkpoint::Checkpoint {
        origin: ORIGIN.into(),
        head: head(&nodes, 5),
    }
    .sign(&crate::note::NoteSigner::new(ORIGIN, &[4; 32]).expect("a signer"));
    assert!(matches!(
        cosign(&asked, None, None),
        Err(MemberRefusal::Witness(Refusal::Unsigned(_)))
    ));
}
