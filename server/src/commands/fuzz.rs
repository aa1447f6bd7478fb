//! `pebble fuzz`: feeds the decoders that read what strangers send (the
//! canonical ballot, log entry and manifest decoders, signed notes and
//! checkpoints, voter codes and the pabulib `.pb` reader) with random and
//! mutated inputs, and counts panics and non-canonical accepts.
//!
//! A stable toolchain cannot run cargo-fuzz here, so this is a seeded
//! mutation harness: every input derives from `--seed`, so a run can be
//! repeated exactly, and a failing input is written to a file. It checks
//! two things: nothing panics, and whatever a canonical decoder accepts
//! encodes back to exactly the bytes it read.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use counting::checkpoint::Checkpoint;
use counting::encoding::{Entry, decode_ballot, decode_frozen, decode_manifest, encode_ballot};
use counting::note::NoteVerifier;
use counting::pabulib;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// `pebble fuzz` arguments.
#[derive(clap::Args, Debug)]
pub struct FuzzArgs {
    /// Inputs per target.
    #[arg(long, default_value_t = 1_000_000)]
    pub inputs: u64,
    /// The seed every input derives from.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Real `.pb` files to mutate for the pabulib reader.
    #[arg(long, default_value = "counting/fixtures/pabulib")]
    pub pb_dir: PathBuf,
    /// Where failing inputs are written.
    #[arg(long, default_value = "target/fuzz-failures")]
    pub failures: PathBuf,
}

/// The largest `.pb` file used as a seed.
const MAX_PB_SEED: usize = 10 * 1024;

/// A decoder under test: takes bytes, `Err` if it accepted something
/// non-canonical.
type Target = fn(&[u8]) -> Result<(), &'static str>;

fn ballot(bytes: &[u8]) -> Result<(), &'static str> {
    match decode_ballot(bytes) {
        Ok(b) if encode_ballot(&b) != bytes => Err("a ballot decoded from non-canonical bytes"),
        _ => Ok(()),
    }
}

fn entry(bytes: &[u8]) -> Result<(), &'static str> {
    match Entry::decode(bytes) {
        Ok(e) if e.encode() != bytes => Err("an entry decoded from non-canonical bytes"),
        _ => Ok(()),
    }
}

fn manifest(bytes: &[u8]) -> Result<(), &'static str> {
    if let Ok(m) = decode_manifest(bytes)
        && counting::encoding::encode_manifest(&m) != bytes
    {
        return Err("a manifest decoded from non-canonical bytes");
    }
    match decode_frozen(bytes) {
        Ok(f) if f.encode() != bytes => Err("a frozen manifest decoded from non-canonical bytes"),
        _ => Ok(()),
    }
}

fn text_inputs(bytes: &[u8]) -> Result<(), &'static str> {
    let text = String::from_utf8_lossy(bytes);
    let _ = text.parse::<pebble_domain::VoterCode>();
    let _ = NoteVerifier::parse(&text);
    if let Ok(checkpoint) = Checkpoint::parse(&text) {
        let _ = checkpoint.text();
    }
    let verifier = sample_verifier().ok_or("the sample key does not load")?;
    let _ = Checkpoint::open(&text, verifier);
    Ok(())
}

fn pb(bytes: &[u8]) -> Result<(), &'static str> {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(file) = pabulib::parse(&text) {
        use counting::{Completion, Rule, TieBreak};
        let rule = Rule::Mes {
            completion: Completion::None,
        };
        if let Ok(manifest) = file.manifest(rule, TieBreak::Id) {
            let _ = file.profile(&manifest);
        }
    }
    Ok(())
}

/// A verifier for note parsing (the key of the seed `[1; 32]`).
fn sample_verifier() -> Option<&'static NoteVerifier> {
    static VERIFIER: std::sync::OnceLock<Option<NoteVerifier>> = std::sync::OnceLock::new();
    VERIFIER
        .get_or_init(|| {
            counting::note::NoteSigner::new("pebble/cycles/1/00", &[1; 32])
                .ok()
                .map(|signer| signer.verifier())
        })
        .as_ref()
}

/// One random change to `input`.
fn mutate(input: &mut Vec<u8>, rng: &mut StdRng) {
    let len = input.len();
    match rng.random_range(0..7) {
        0 if len > 0 => {
            let at = rng.random_range(0..len);
            input[at] ^= 1 << rng.random_range(0..8);
        }
        1 if len > 0 => {
            let at = rng.random_range(0..len);
            input[at] = rng.random();
        }
        2 => {
            let at = rng.random_range(0..=len);
            let n = rng.random_range(1..8);
            let bytes: Vec<u8> = (0..n).map(|_| rng.random()).collect();
            input.splice(at..at, bytes);
        }
        3 if len > 0 => {
            let at = rng.random_range(0..len);
            let n = rng.random_range(1..=(len - at).min(16));
            input.drain(at..at + n);
        }
        4 if len > 0 => {
            input.truncate(rng.random_range(0..len));
        }
        5 if len > 1 => {
            let from = rng.random_range(0..len);
            let n = rng.random_range(1..=(len - from).min(32));
            let chunk = input[from..from + n].to_vec();
            let at = rng.random_range(0..=len);
            input.splice(at..at, chunk);
        }
        _ => {
            // An interesting value at a random place: lengths and counts.
            let at = rng.random_range(0..=len);
            let value: &[u8] = match rng.random_range(0..5) {
                0 => &[0],
                1 => &[0xff],
                2 => &[0xff, 0xff],
                3 => &[0x7f, 0xff, 0xff, 0xff],
                _ => b"\n\n",
            };
            input.splice(at..at, value.iter().copied());
        }
    }
}

/// Runs `target` on `inputs` inputs made from `seeds`; returns the
/// number of panics and of non-canonical accepts, writing each failure.
fn run_target(
    name: &str,
    target: Target,
    seeds: &[Vec<u8>],
    inputs: u64,
    seed: u64,
    failures: &std::path::Path,
) -> (u64, u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut panics, mut wrong) = (0u64, 0u64);
    for n in 0..inputs {
        let mut input = if seeds.is_empty() || rng.random_range(0..8) == 0 {
            let len = rng.random_range(0..64);
            (0..len).map(|_| rng.random()).collect()
        } else {
            seeds[rng.random_range(0..seeds.len())].clone()
        };
        for _ in 0..rng.random_range(1..5) {
            mutate(&mut input, &mut rng);
        }
        let failed = match catch_unwind(AssertUnwindSafe(|| target(&input))) {
            Ok(Ok(())) => None,
            Ok(Err(what)) => {
                wrong += 1;
                Some(what)
            }
            Err(_) => {
                panics += 1;
                Some("panic")
            }
        };
        if let Some(what) = failed {
            let _ = std::fs::create_dir_all(failures);
            let file = failures.join(format!("{name}-{n}.bin"));
            let _ = std::fs::write(&file, &input);
            eprintln!("{name}: {what}: input written to {}", file.display());
        }
    }
    (panics, wrong)
}

/// Canonical encodings to start from: a few ballots, entries, manifests.
fn binary_seeds() -> Vec<Vec<u8>> {
    use std::collections::{BTreeMap, BTreeSet};

    use counting::{Ballot, ProjectId};
    let ids: Vec<ProjectId> = ["1", "2", "17", "p-9"]
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    let ballots = [
        Ballot::Approval(ids.iter().take(2).cloned().collect::<BTreeSet<_>>()),
        Ballot::Ranked(ids.iter().rev().cloned().collect()),
        Ballot::Allocation(
            ids.iter()
                .map(|id| (id.clone(), 3))
                .collect::<BTreeMap<_, _>>(),
        ),
    ];
    let mut seeds: Vec<Vec<u8>> = ballots.iter().map(encode_ballot).collect();
    for ballot in ballots {
        seeds.push(
            Entry {
                manifest_hash: [7; 32],
                nonce: [9; 16],
                ballot,
            }
            .encode(),
        );
    }
    seeds
}

/// Runs every target; the report.
pub fn run(args: &FuzzArgs) -> Result<String, String> {
    let mut pb_seeds = Vec::new();
    if let Ok(folder) = std::fs::read_dir(&args.pb_dir) {
        for file in folder.flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "pb") {
                // Small files keep each input fast.
                if let Ok(bytes) = std::fs::read(&path)
                    && bytes.len() <= MAX_PB_SEED
                {
                    pb_seeds.push(bytes);
                }
            }
        }
    }
    if pb_seeds.is_empty() {
        return Err(format!(
            "no .pb file of at most 10 KB in {}: give --pb-dir",
            args.pb_dir.display()
        ));
    }
    let manifests: Vec<Vec<u8>> = pb_seeds
        .iter()
        .filter_map(|bytes| pabulib::parse(&String::from_utf8_lossy(bytes)).ok())
        .filter_map(|file| {
            let rule = counting::Rule::Greedy;
            file.manifest(rule, counting::TieBreak::Id).ok()
        })
        .map(|m| counting::encoding::encode_manifest(&m))
        .collect();
    let texts: Vec<Vec<u8>> = [
        "pebble/cycles/1/00\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\n\n— pebble/cycles/1/00 AAAAAAB0ZXN0\n",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "7KQ3MX-9T4BAB-CDEFG2",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let targets: [(&str, Target, Vec<Vec<u8>>); 5] = [
        ("ballot", ballot, binary_seeds()),
        ("entry", entry, binary_seeds()),
        ("manifest", manifest, manifests),
        ("note", text_inputs, texts),
        ("pabulib", pb, pb_seeds),
    ];
    let progress = super::spinner(format!("fuzzing {} targets", targets.len()));
    let results: Vec<(u64, u64, std::time::Duration)> = std::thread::scope(|scope| {
        let running: Vec<_> = (0u64..)
            .zip(&targets)
            .map(|(i, (name, target, seeds))| {
                scope.spawn(move || {
                    let started = Instant::now();
                    let (panics, wrong) = run_target(
                        name,
                        *target,
                        seeds,
                        args.inputs,
                        args.seed.wrapping_add(i),
                        &args.failures,
                    );
                    (panics, wrong, started.elapsed())
                })
            })
            .collect();
        running
            .into_iter()
            .map(|thread| thread.join().unwrap_or((1, 0, std::time::Duration::ZERO)))
            .collect()
    });
    progress.finish_and_clear();
    let mut report = String::from("target       inputs      panics  non-canonical  seconds\n");
    let mut failed = false;
    for ((name, _, _), (panics, wrong, took)) in targets.iter().zip(results) {
        failed |= panics + wrong > 0;
        report.push_str(&format!(
            "{name:<10} {:>8}  {panics:>10}  {wrong:>13}  {:>5}.{:01}\n",
            args.inputs,
            took.as_secs(),
            took.subsec_millis() / 100
        ));
    }
    if failed {
        Err(format!(
            "{report}failing inputs are in {}",
            args.failures.display()
        ))
    } else {
        Ok(report)
    }
}
