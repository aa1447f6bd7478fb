// Helpers for the voting tests: the three voting servers (one per kind of
// ballot, each seeded in voting) and fresh voter codes for each.
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

/** The voting servers, by kind of ballot. */
export const voteUrl = {
  approval: process.env.PEBBLE_E2E_APPROVAL_URL ?? "http://127.0.0.1:3102",
  ranked: process.env.PEBBLE_E2E_RANKED_URL ?? "http://127.0.0.1:3103",
  allocation: process.env.PEBBLE_E2E_ALLOCATION_URL ?? "http://127.0.0.1:3104",
};

const CODE = /^[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}$/;
const handedOut = { approval: 0, ranked: 0, allocation: 0 };

// Each test file runs in a process of its own with its own count, so each
// file takes its codes from a block of its own: no two files share a code.
const BLOCK = 25;
let block = 0;

/** Hands out codes from block `n` (of 25 codes) in this process. */
export function codesFromBlock(n) {
  block = n;
}

/** A voter code of the `kind` server not handed out before in this run. */
export function freshCode(kind) {
  const file = process.env[`PEBBLE_E2E_${kind.toUpperCase()}_CODES`];
  assert.ok(file, `PEBBLE_E2E_${kind.toUpperCase()}_CODES names the codes file`);
  const all = readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => CODE.test(l));
  const at = handedOut[kind]++;
  assert.ok(at < BLOCK, `at most ${BLOCK} ${kind} codes per test file`);
  const code = all[block * BLOCK + at];
  assert.ok(code, `enough ${kind} codes`);
  return code;
}

/** A 360 px phone context, JavaScript on or off. */
export async function phone(browser, { javaScript = true } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  });
  return { context, page: await context.newPage() };
}

/** Waits until the page's islands run. */
export async function hydrated(page) {
  await page.locator("html[data-pebble-hydrated]").waitFor({ timeout: 20000 });
}

/**
 * Opens the ballot of the `kind` server with a fresh code: by the QR
 * link (the code in the address's fragment, which the page takes into the
 * field) with JavaScript, typed without it. The code step posts.
 */
export async function openBallot(page, kind, { javaScript = true, extra = "" } = {}) {
  const code = freshCode(kind);
  await page.goto(`${voteUrl[kind]}/vote?cycle=1${extra}#code=${code}`);
  if (javaScript) {
    await hydrated(page);
    await page.waitForFunction(() => document.getElementById("voter-code")?.value.length > 0);
  } else {
    await page.getByLabel("Your voter code").fill(code);
  }
  await Promise.all([page.waitForURL(/\/vote\/ballot/), page.getByRole("button", { name: "Open my ballot" }).click()]);
  if (javaScript) await hydrated(page);
  return code;
}
