//! `pebble-verify`: the election record verifier on its own, for
//! auditors who do not want to build the web stack, and the committee
//! member's offline steps (key, commitment, reveal, signature).

use std::io::BufRead as _;
use std::path::Path;
use std::process::ExitCode;

use counting::record::{Decision, Record};
use pebble_verify::member;

const USAGE: &str = "\
usage:
  pebble-verify [--manifest HASH] RECORD.json
      re-checks an election record offline; prints OK or the first discrepancy.
      HASH is the manifest hash published when voting opened (the home page
      showed it; every receipt's entry starts with it): with it, a record of
      any other manifest, however consistent, is refused
  pebble-verify receipt PROOF.tlog-proof --manifest MANIFEST.json
      checks a receipt downloaded as a c2sp.org/tlog-proof file with no network:
      your entry is in the log the checkpoint signs, cosigned as the cycle's
      witness policy asks; MANIFEST.json is GET /api/v1/cycles/{id}/manifest
  pebble-verify keygen --owner USERNAME --out KEY.json
      makes your committee key, sealed under a passphrase you type twice;
      prints the public key to paste on Pebble's committee key page
  pebble-verify commit --key KEY.json
      prints a new tie-break commitment (salt and commitment) to paste
  pebble-verify reveal --key KEY.json --salt SALT
      prints the secret that opens the commitment made with SALT
  pebble-verify sign --key KEY.json (--certify | --object --reason TEXT) RECORD.json
      re-checks the record, then prints your signed decision on its hash
  pebble-verify cosign --key KEY.json --request REQUEST --state STATE --log-key VKEY --name NAME
      as a witness of the ballot log: checks the checkpoint in REQUEST (the
      committee page shows it, with VKEY and NAME) and that it extends the one
      kept in STATE, then prints your cosignature line and keeps it in STATE

The passphrase is read from PEBBLE_KEY_PASSPHRASE if set, else from the
terminal (it is shown as you type it: make sure nobody is looking).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("-h" | "--help") => Err(USAGE.to_owned()),
        Some("keygen") => keygen(&args[1..]),
        Some("commit") => commit(&args[1..]),
        Some("reveal") => reveal(&args[1..]),
        Some("sign") => sign(&args[1..]),
        Some("cosign") => cosign(&args[1..]),
        Some("receipt") => {
            let (Some(manifest), Some(proof)) = (
                flag(&args[1..], "--manifest"),
                args[1..].iter().find(|a| {
                    !a.starts_with("--") && Some(a.as_str()) != flag(&args[1..], "--manifest")
                }),
            ) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let report =
                pebble_verify::receipt::verify_receipt_file(Path::new(proof), Path::new(manifest));
            print!("{}", report.text);
            return if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
        Some(_) if !args[0].starts_with("--") || args[0] == "--manifest" => {
            let (pinned, rest) = match args.as_slice() {
                [flag, hash, rest @ ..] if flag == "--manifest" => (Some(hash.clone()), rest),
                rest => (None, rest),
            };
            let [path] = rest else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let pinned = pebble_verify::Pinned {
                manifest_hash: pinned,
            };
            let report = pebble_verify::verify_file(Path::new(path), &pinned);
            print!("{}", report.text);
            return if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
        Some(_) => Err(USAGE.to_owned()),
    };
    match result {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// The value after `flag` in `args`.
fn flag<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn required<'a>(args: &'a [String], name: &str) -> Result<&'a str, String> {
    flag(args, name).ok_or_else(|| format!("{name} is missing\n\n{USAGE}"))
}

fn passphrase(prompt: &str) -> Result<String, String> {
    if let Ok(given) = std::env::var("PEBBLE_KEY_PASSPHRASE") {
        return Ok(given);
    }
    eprint!("{prompt}: ");
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the passphrase: {e}"))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

fn keygen(args: &[String]) -> Result<String, String> {
    let owner = required(args, "--owner")?;
    let out = Path::new(required(args, "--out")?);
    if out.exists() {
        return Err(format!(
            "{} exists already: a key file is never overwritten",
            out.display()
        ));
    }
    let first = passphrase("passphrase (at least 12 characters)")?;
    if std::env::var("PEBBLE_KEY_PASSPHRASE").is_err() && passphrase("again")? != first {
        return Err("the two passphrases differ; nothing was written".to_owned());
    }
    let (text, public) = member::keygen(owner, &first)?;
    std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(format!(
        "wrote {}: keep it, and the passphrase, safe.\npublic key (paste it on Pebble's committee key page):\n{public}",
        out.display()
    ))
}

fn commit(args: &[String]) -> Result<String, String> {
    let key = member::open_key(
        Path::new(required(args, "--key")?),
        &passphrase("passphrase")?,
    )?;
    let (salt, made) = member::commit(&key)?;
    Ok(format!(
        "paste both on the committee page:\nsalt       {salt}\ncommitment {made}"
    ))
}

fn reveal(args: &[String]) -> Result<String, String> {
    let salt = required(args, "--salt")?;
    let key = member::open_key(
        Path::new(required(args, "--key")?),
        &passphrase("passphrase")?,
    )?;
    member::reveal(&key, salt)
}

fn cosign(args: &[String]) -> Result<String, String> {
    let request_path = required(args, "--request")?;
    let request = std::fs::read_to_string(request_path)
        .map_err(|e| format!("cannot read {request_path}: {e}"))?;
    let asked = pebble_verify::cosign::Asked {
        request: &request,
        log_key: required(args, "--log-key")?,
        name: required(args, "--name")?,
        state: Path::new(required(args, "--state")?),
    };
    let key = member::open_key(
        Path::new(required(args, "--key")?),
        &passphrase("passphrase")?,
    )?;
    let line = pebble_verify::cosign::cosign(&key, asked, pebble_verify::cosign::now())?;
    Ok(format!(
        "paste this line on the committee page:\n{}",
        line.trim_end()
    ))
}

fn sign(args: &[String]) -> Result<String, String> {
    let key_path = required(args, "--key")?;
    let decision = match (
        args.iter().any(|a| a == "--certify"),
        args.iter().any(|a| a == "--object"),
    ) {
        (true, false) => Decision::Certify,
        (false, true) => Decision::Object,
        _ => return Err(format!("give --certify or --object\n\n{USAGE}")),
    };
    let reason = flag(args, "--reason").unwrap_or("");
    let record_path = args
        .last()
        .filter(|a| !a.starts_with("--"))
        .ok_or_else(|| format!("the record file is missing\n\n{USAGE}"))?;
    let text = std::fs::read_to_string(record_path)
        .map_err(|e| format!("cannot read {record_path}: {e}"))?;
    let record: Record = serde_json::from_str(&text)
        .map_err(|e| format!("{record_path} is not an election record: {e}"))?;
    let key = member::open_key(Path::new(key_path), &passphrase("passphrase")?)?;
    let note = member::sign(&record, &key, decision, reason, &member::now_utc())?;
    Ok(format!(
        "paste all of this on the committee's count page:\n{}",
        note.trim_end()
    ))
}
