// The Content Security Policy holds on every page and the islands still
// run under it: no inline script without the answer's nonce, no eval, no
// framing. (Every other test file checks the same on the pages it visits:
// closing the browser fails on any violation, see browser.js.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, baseUrl, cspViolations } from "./browser.js";
import { flowUrl, signIn, hydrated } from "./flow.js";
import { codesFromBlock, openBallot, phone, voteUrl } from "./voting.js";

codesFromBlock(4);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens `url`, waits for the islands, and checks the answer's policy. */
async function visit(page, url) {
  const response = await page.goto(url);
  const policy = response.headers()["content-security-policy"] ?? "";
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'nonce-[A-Za-z0-9_-]+'/, url);
  assert.match(policy, /frame-ancestors 'none'/, url);
  await hydrated(page);
  assert.deepEqual(cspViolations, [], `no violation on ${url}`);
}

test("public pages run their islands under the policy", async () => {
  const { page } = await phone(browser);
  for (const path of ["/", "/sign-in", "/join", "/proposals/1", "/cycles/2/results", "/vote", "/receipt?cycle=1", "/no-such-page"]) {
    await visit(page, baseUrl + path);
  }
});

test("signed-in pages, the committee's key tools among them, run under it too", async () => {
  for (const [user, paths] of [
    ["admin", ["/admin", "/admin/cycles/1", "/admin/cycles/new", "/account"]],
    ["okafor", ["/committee/keys", "/proposals/1"]],
    ["maya.r", ["/proposals/new", "/account"]],
  ]) {
    const { context, page } = await signIn(browser, user);
    for (const path of paths) await visit(page, flowUrl + path);
    await context.close();
  }
});

test("a ballot is filled, reviewed and cast under the policy", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval");
  await page.getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  assert.deepEqual(cspViolations, [], "no violation while voting");
  await context.close();
});

test("Pebble's pages refuse to be framed", async () => {
  const { page } = await phone(browser);
  await page.setContent(`<iframe src="${voteUrl.approval}/vote"></iframe>`);
  await page.waitForTimeout(500);
  const frame = page.frames().find((f) => f.url().includes("/vote"));
  const framed = frame ? await frame.locator("h1").count().catch(() => 0) : 0;
  assert.equal(framed, 0, "the voting page does not render inside another site's frame");
  cspViolations.length = 0; // the refusal to be framed is itself reported
});
