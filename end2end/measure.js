// Measures a running Pebble server the way its visitors meet it; timings
// are printed, never asserted (these machines are noisy).
//
//   node measure.js BASE_URL CREDENTIALS_FILE
//
// 1. Transfer: `/`, a proposal, the ballot (opened with a demo voter code)
//    and the receipt check, each in a fresh headless Chromium, with every
//    response's encoded length (compressed, headers included) summed as
//    Chromium's network layer reports it (CDP Network.loadingFinished).
// 2. Server render: 20 warm-up then 200 sequential GETs of `/`; p50, p90.
// 3. Sign-in load: 30 sign-ins at once (argon2 verification each) while
//    `/healthz` is polled back to back; its latency p50, p99 and max.
import { readFileSync } from "node:fs";
import { launch } from "./tests/browser.js";

const [base, credentialsFile] = process.argv.slice(2);
if (!base || !credentialsFile) {
  console.error("usage: node measure.js BASE_URL CREDENTIALS_FILE");
  process.exit(2);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

const ms = (n) => `${n.toFixed(2)} ms`;

async function transfer(browser, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const kinds = new Map();
  const byId = new Map();
  cdp.on("Network.responseReceived", (e) => {
    const url = new URL(e.response.url);
    byId.set(e.requestId, { type: e.type, name: url.pathname });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const seen = byId.get(e.requestId) ?? { type: "Other", name: "?" };
    const entry = kinds.get(seen.name) ?? { type: seen.type, bytes: 0 };
    entry.bytes += e.encodedDataLength;
    kinds.set(seen.name, entry);
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  // Islands load on idle; give the browser time to fetch them.
  await page.waitForTimeout(1500);
  await context.close();
  const total = [...kinds.values()].reduce((sum, k) => sum + k.bytes, 0);
  return { total, kinds };
}

async function renderTimes(path, warmup = 20, runs = 200) {
  for (let i = 0; i < warmup; i++) await (await fetch(base + path)).text();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await fetch(base + path);
    await response.text();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p90: percentile(times, 90) };
}

function credentials() {
  const found = [];
  for (const line of readFileSync(credentialsFile, "utf8").split("\n")) {
    const [username, role, password] = line.trim().split(/\s+/);
    if (password && ["student", "family", "committee", "admin"].includes(role)) {
      found.push({ username, password });
    }
  }
  return found;
}

async function signInLoad(count = 30) {
  const people = credentials();
  const poll = async (until) => {
    const times = [];
    while (!until.done) {
      const start = performance.now();
      await (await fetch(base + "/healthz")).text();
      times.push(performance.now() - start);
    }
    return times;
  };
  const quiet = { done: false };
  const idle = poll(quiet);
  await new Promise((r) => setTimeout(r, 1000));
  quiet.done = true;
  const idleTimes = (await idle).sort((a, b) => a - b);

  const busy = { done: false };
  const polling = poll(busy);
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const who = people[i % people.length];
      return fetch(base + "/api/sign-in", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ username: who.username, password: who.password }),
      }).then((r) => r.status);
    }),
  );
  const burst = performance.now() - started;
  busy.done = true;
  const times = (await polling).sort((a, b) => a - b);
  return { statuses, burst, idleTimes, times };
}

// The demo's voter codes, printed once by `seed-demo --phase voting`.
function voterCode() {
  const lines = readFileSync(credentialsFile, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("Voter codes"));
  const code = start >= 0 ? lines[start + 1]?.trim() : undefined;
  if (!code) throw new Error("the seed output holds no voter code (seed with --phase voting)");
  return code;
}

// Last year's certified results, as `seed-demo` printed their address.
function resultsPath() {
  const found = readFileSync(credentialsFile, "utf8").match(/(\/cycles\/\d+\/results)/);
  if (!found) throw new Error("the seed output names no certified results (seed with --past)");
  return found[1];
}

const browser = await launch();
for (const path of ["/", "/proposals/1", `/vote?code=${encodeURIComponent(voterCode())}`, "/receipt", resultsPath()]) {
  const { total, kinds } = await transfer(browser, path);
  console.log(`transfer ${path}: ${(total / 1024).toFixed(1)} KB`);
  for (const [name, k] of kinds) console.log(`  ${k.type.padEnd(10)} ${(k.bytes / 1024).toFixed(1).padStart(7)} KB  ${name}`);
}
await browser.close();

for (const path of ["/", resultsPath()]) {
  const render = await renderTimes(path);
  console.log(`render ${path} : p50 ${ms(render.p50)}, p90 ${ms(render.p90)} (200 sequential requests)`);
}

const load = await signInLoad();
const ok = load.statuses.filter((s) => s === 200).length;
console.log(`sign-in burst: ${ok}/${load.statuses.length} signed in, in ${ms(load.burst)}`);
console.log(
  `/healthz idle: p50 ${ms(percentile(load.idleTimes, 50))}, p99 ${ms(percentile(load.idleTimes, 99))} (${load.idleTimes.length} polls)`,
);
console.log(
  `/healthz during the burst: p50 ${ms(percentile(load.times, 50))}, p99 ${ms(percentile(load.times, 99))}, max ${ms(load.times.at(-1))} (${load.times.length} polls)`,
);
