//! `pebble loadgen`: casts valid random ballots over HTTP from many
//! clients at once and reports throughput and latency, for the casting
//! figures in the README. A benchmark, not a test: it never fails on a
//! number.

mod ballots;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use counting::FrozenManifest;
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::{Value, json};

/// `pebble loadgen` arguments.
#[derive(clap::Args, Debug)]
pub struct LoadgenArgs {
    /// The server, e.g. `http://127.0.0.1:3000`.
    #[arg(long)]
    pub url: String,
    /// The cycle to cast in (it must be in voting).
    #[arg(long)]
    pub cycle: i32,
    /// A file of voter codes, one a line (as `pebble codes issue` prints).
    #[arg(long)]
    pub codes: PathBuf,
    /// Clients casting at once.
    #[arg(long, default_value_t = 200)]
    pub clients: usize,
    /// Seconds to cast for (it stops sooner when the codes run out).
    #[arg(long, default_value_t = 30)]
    pub duration: u64,
    /// The server's process id, to report its peak memory (Linux).
    #[arg(long)]
    pub server_pid: Option<u32>,
}

struct Outcome {
    latencies: Vec<Duration>,
    statuses: BTreeMap<u16, u64>,
}

/// Runs the load and returns the report.
pub async fn run(args: &LoadgenArgs) -> Result<String, String> {
    let codes: Vec<String> = std::fs::read_to_string(&args.codes)
        .map_err(|e| format!("cannot read {}: {e}", args.codes.display()))?
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    if codes.is_empty() {
        return Err(format!("{} holds no codes", args.codes.display()));
    }
    if args.clients == 0 {
        return Err("--clients must be at least 1".to_owned());
    }
    let client = reqwest::Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(args.clients)
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| e.to_string())?;
    let base = args.url.trim_end_matches('/');
    let frozen = manifest(&client, base, args.cycle).await?;
    let url = Arc::new(format!("{base}/api/v1/cycles/{}/ballots", args.cycle));
    let codes = Arc::new(codes);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let until = started + Duration::from_secs(args.duration);
    let mut tasks = Vec::with_capacity(args.clients);
    for seed in 0..args.clients {
        let (client, url, codes, next) = (client.clone(), url.clone(), codes.clone(), next.clone());
        let manifest = frozen.manifest.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(seed as u64);
            let mut outcome = Outcome {
                latencies: Vec::new(),
                statuses: BTreeMap::new(),
            };
            while Instant::now() < until {
                let Some(code) = codes.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                let ballot = ballots::random_ballot(&manifest, &mut rng)?;
                let body = json!({ "code": code, "ballot": ballot });
                let sent = Instant::now();
                let status = match client.post(url.as_str()).json(&body).send().await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        // Read the receipt, as a client would.
                        let _ = response.bytes().await;
                        status
                    }
                    Err(_) => 0,
                };
                outcome.latencies.push(sent.elapsed());
                *outcome.statuses.entry(status).or_default() += 1;
            }
            Ok::<Outcome, String>(outcome)
        }));
    }
    let mut all = Outcome {
        latencies: Vec::new(),
        statuses: BTreeMap::new(),
    };
    for task in tasks {
        let outcome = task.await.map_err(|e| e.to_string())??;
        all.latencies.extend(outcome.latencies);
        for (status, n) in outcome.statuses {
            *all.statuses.entry(status).or_default() += n;
        }
    }
    let elapsed = started.elapsed();
    Ok(report(args, &all, elapsed))
}

async fn manifest(
    client: &reqwest::Client,
    base: &str,
    cycle: i32,
) -> Result<FrozenManifest, String> {
    let url = format!("{base}/api/v1/cycles/{cycle}/manifest");
    let response = client
        .get(&url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    let body: Value = response.json().await.map_err(|e| format!("{url}: {e}"))?;
    if !status.is_success() {
        return Err(format!("{url}: {status}: {}", body["error"]));
    }
    let bytes = body["manifest"]
        .as_str()
        .and_then(|text| STANDARD.decode(text).ok())
        .ok_or_else(|| format!("{url}: no manifest bytes"))?;
    counting::encoding::decode_frozen(&bytes).map_err(|e| format!("{url}: {e}"))
}

fn percentile(sorted: &[Duration], per_mille: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = (sorted.len() * per_mille).div_ceil(1000).saturating_sub(1);
    sorted[at.min(sorted.len() - 1)]
}

fn report(args: &LoadgenArgs, outcome: &Outcome, elapsed: Duration) -> String {
    let mut sorted = outcome.latencies.clone();
    sorted.sort();
    let cast = outcome.statuses.get(&201).copied().unwrap_or(0);
    let millis = elapsed.as_millis().max(1);
    let per_second = u128::from(cast) * 1000 / millis;
    let ms = |d: Duration| format!("{}.{:01} ms", d.as_millis(), d.as_micros() % 1000 / 100);
    let statuses: Vec<String> = outcome
        .statuses
        .iter()
        .map(|(status, n)| match status {
            0 => format!("no answer: {n}"),
            s => format!("{s}: {n}"),
        })
        .collect();
    let mut out = format!(
        "{cast} ballots cast in {}.{:03} s by {} clients: {per_second} ballots/s\n\
         latency p50 {}, p95 {}, p99 {}, max {}\n\
         answers: {}\n",
        millis / 1000,
        millis % 1000,
        args.clients,
        ms(percentile(&sorted, 500)),
        ms(percentile(&sorted, 950)),
        ms(percentile(&sorted, 990)),
        ms(sorted.last().copied().unwrap_or_default()),
        statuses.join(", "),
    );
    if let Some(pid) = args.server_pid {
        out.push_str(&peak_memory(pid));
    }
    out
}

/// The server's peak resident memory, from `/proc/PID/status` (`VmHWM`).
fn peak_memory(pid: u32) -> String {
    match std::fs::read_to_string(format!("/proc/{pid}/status")) {
        Ok(status) => status
            .lines()
            .find(|line| line.starts_with("VmHWM:"))
            .map_or_else(
                || "server peak memory: not reported\n".to_owned(),
                |line| format!("server peak memory (VmHWM): {}\n", line[6..].trim()),
            ),
        Err(e) => format!("server peak memory: cannot read /proc/{pid}/status: {e}\n"),
    }
}
