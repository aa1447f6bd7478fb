// The committee as witnesses of the ballot log, on a server whose cycle's
// witness policy is "committee all" (scripts/test sets it before voting
// opens): Okafor's browser cosigns the log while voting is open, ballots
// come in, the admin closes voting, and each member's browser checks the
// sealed log against what it cosigned before and cosigns it; a browser
// that remembers a later cosignature than the server hands back refuses.
// The count waits until both have cosigned. axe on the witness steps.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch, phoneSignedIn } from "./browser.js";
import { seedOutput } from "./seed.js";
import { hydrated } from "./voting.js";

const url = process.env.PEBBLE_E2E_WITNESS_URL ?? "http://127.0.0.1:3107";
const keys = process.env.PEBBLE_E2E_WITNESS_KEYS;
const shots = process.env.PEBBLE_E2E_SHOTS;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const seeded = seedOutput("PEBBLE_E2E_WITNESS_SEED");

async function signedIn(username) {
  return phoneSignedIn(browser, url, username, seeded.password(username));
}

const COSIGN = "Check and cosign with my key";

/** Chooses `username`'s key file and passphrase and presses the cosign button. */
async function pressCosign(page, username) {
  await hydrated(page);
  const tool = page.locator("[data-key-use][data-task=cosign]");
  await tool.getByLabel("Your committee key file").setInputFiles(`${keys}/${username}.json`);
  await tool.getByLabel("Its passphrase").fill(seeded.keyPassphrase());
  await tool.getByRole("button", { name: COSIGN }).click();
}

async function cosign(page, username) {
  await Promise.all([page.waitForURL(/cosigned=1/), pressCosign(page, username)]);
  await page.getByText("Your cosignature of the ballot log is kept.").waitFor();
  await page.getByText("You have cosigned this checkpoint.").waitFor();
}

/** What this browser remembers cosigning: "size root" per witness key. */
async function remembered(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("pebble-witness:"))
      .map((k) => localStorage.getItem(k)),
  );
}

test("each member's browser witnesses the log at the opening and the seal, and the count waits for them", async () => {
  const okafor = await signedIn("okafor");
  await okafor.page.goto(url + "/committee/keys");
  await okafor.page.getByRole("heading", { name: "Witness the ballot log" }).waitFor();
  await okafor.page.getByText("You have not cosigned this log yet.").waitFor();
  await okafor.page.getByText(/The log's checkpoint: 0 entries/).waitFor();
  assert.deepEqual(await violations(okafor.page), [], "axe on the witness step at the opening");
  await cosign(okafor.page, "okafor");
  assert.deepEqual((await remembered(okafor.page)).map((r) => r.split(" ")[0]), ["0"]);

  const manifest = await (await fetch(`${url}/api/v1/cycles/1/manifest`)).json();
  const projects = [...manifest.projects].sort((a, b) => a.cost - b.cost).map((p) => p.id);
  const codes = seeded.codes();
  for (let i = 0; i < 4; i++) {
    const response = await fetch(`${url}/api/v1/cycles/1/ballots`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: codes[i], ballot: { kind: "approval", choices: [projects[i % 2]] } }),
    });
    assert.equal(response.status, 201, await response.text());
  }
  const admin = await signedIn("admin");
  await admin.page.goto(url + "/admin");
  const move = admin.page.getByRole("button", { name: /Move to the next phase/ });
  await move.click();
  await admin.page.getByRole("checkbox", { name: /I understand: seal the log/ }).check();
  await move.click();
  await admin.page.locator('li[aria-current="step"]', { hasText: /count/i }).waitFor();

  // Lindqvist never cosigned the opening; her browser is told it
  // cosigned a later checkpoint than the server hands back, and refuses.
  const lindqvist = await signedIn("lindqvist");
  await lindqvist.page.goto(url + "/committee/count");
  await lindqvist.page.getByText(/The log's checkpoint: 4 entries/).waitFor();
  await lindqvist.page.getByText(/: not yet/).first().waitFor();
  const name = await lindqvist.page.locator("[data-key-use][data-task=cosign]").getAttribute("data-key-name");
  await lindqvist.page.evaluate((key) => localStorage.setItem(key, "2 " + "A".repeat(43) + "="), `pebble-witness:${name}`);
  await pressCosign(lindqvist.page, "lindqvist");
  await lindqvist.page.getByRole("alert").filter({ hasText: "The server is hiding what you cosigned" }).waitFor();
  assert.match(lindqvist.page.url(), /\/committee\/count$/, "nothing was sent");
  await lindqvist.page.evaluate(() => localStorage.clear());
  await lindqvist.page.reload();
  assert.deepEqual(await violations(lindqvist.page), [], "axe on the witness step at the seal");
  if (shots) await lindqvist.page.screenshot({ path: `${shots}/witness-seal-360.png`, fullPage: true });
  await cosign(lindqvist.page, "lindqvist");
  await lindqvist.page.getByText("The count waits until the sealed log is cosigned", { exact: false }).waitFor();

  // Okafor's browser checks the sealed log extends the empty one it cosigned.
  await okafor.page.goto(url + "/committee/count");
  await cosign(okafor.page, "okafor");
  assert.deepEqual((await remembered(okafor.page)).map((r) => r.split(" ")[0]), ["4"]);
  await okafor.page.getByText("The sealed log is cosigned as the cycle's witness policy asks.").waitFor();
  const checkpoint = await (await fetch(`${url}/log/1/checkpoint`)).text();
  assert.equal(checkpoint.split("\n").filter((l) => /^\u2014 pebble\/cycles\/1\/[0-9a-f]+\/committee\/\d /.test(l)).length, 2, checkpoint);
  for (const who of [admin, okafor, lindqvist]) await who.context.close();
});
