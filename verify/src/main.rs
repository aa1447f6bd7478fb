//! `pebble-verify RECORD.json`: the election record verifier on its own,
//! for auditors who do not want to build the web stack.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [path] if path != "-h" && path != "--help" => {
            let report = pebble_verify::verify_file(std::path::Path::new(path));
            print!("{}", report.text);
            if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: pebble-verify RECORD.json");
            eprintln!(
                "Re-checks a Pebble election record offline; prints OK or the first discrepancy."
            );
            ExitCode::from(2)
        }
    }
}
