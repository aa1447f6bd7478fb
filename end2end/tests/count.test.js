// The count on its own server (approval, seeded in voting): voters cast
// over the API, the admin closes voting, a committee member enters the
// dice, both members review the record, one objects and then certifies,
// and the record, .pb and CSV publish only after the second
// certification. axe on the entropy step and on the review; screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { violations } from "./axe.js";
import { launch, phoneSignedIn } from "./browser.js";

const url = process.env.PEBBLE_E2E_COUNT_URL ?? "http://127.0.0.1:3105";
const seedFile = process.env.PEBBLE_E2E_COUNT_CODES;
const shots = process.env.PEBBLE_E2E_SHOTS;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function seed() {
  assert.ok(seedFile, "PEBBLE_E2E_COUNT_CODES names the count server's seed output");
  return readFileSync(seedFile, "utf8").split("\n").map((l) => l.trim());
}

function password(username) {
  for (const line of seed()) {
    const [name, , secret] = line.split(/\s+/);
    if (name === username && secret) return secret;
  }
  assert.fail(`no password for ${username}`);
}

async function signedIn(username) {
  return phoneSignedIn(browser, url, username, password(username));
}


async function publicStatuses() {
  const paths = ["record", "ballots.pb", "results.csv"];
  return Promise.all(paths.map(async (p) => (await fetch(`${url}/api/v1/cycles/1/${p}`)).status));
}

test("a counted cycle is certified by its committee and only then publishes", async () => {
  const manifest = await (await fetch(`${url}/api/v1/cycles/1/manifest`)).json();
  const projects = [...manifest.projects].sort((a, b) => a.cost - b.cost).map((p) => p.id);
  const codes = seed().filter((l) => /^[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}$/.test(l));
  for (let i = 0; i < 6; i++) {
    const choices = i % 2 ? [projects[0], projects[1]] : [projects[0]];
    const response = await fetch(`${url}/api/v1/cycles/1/ballots`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: codes[i], ballot: { kind: "approval", choices } }),
    });
    assert.equal(response.status, 201, await response.text());
  }

  const admin = await signedIn("admin");
  await admin.page.goto(url + "/admin");
  await admin.page.getByRole("button", { name: /Move to the next phase/ }).click();
  await admin.page.locator('li[aria-current="step"]', { hasText: /count/i }).waitFor();
  assert.deepEqual(await publicStatuses(), [403, 403, 403]);

  const okafor = await signedIn("okafor");
  await okafor.page.goto(url + "/committee/count");
  await okafor.page.getByText("The sealed ballot log holds 6 ballots.").waitFor();
  assert.deepEqual(await violations(okafor.page), [], "axe on the entropy step");
  if (shots) await okafor.page.screenshot({ path: `${shots}/count-entropy-360.png`, fullPage: true });
  await okafor.page.getByLabel("What was rolled or drawn").fill("3 6 1 4 2");
  await okafor.page.getByRole("button", { name: "Run the count" }).click();
  await okafor.page.getByText("The count ran.").waitFor();
  await okafor.page.getByText("3 6 1 4 2").waitFor();
  await okafor.page.getByRole("button", { name: "Certify this record" }).click();
  await okafor.page.getByText("Your certification is recorded.").waitFor();
  assert.deepEqual(await publicStatuses(), [403, 403, 403], "one of two certifications publishes nothing");

  const lindqvist = await signedIn("lindqvist");
  await lindqvist.page.goto(url + "/committee/count");
  await lindqvist.page.getByLabel("Or object, saying what is wrong").fill("Room 12's paper box is not in yet");
  await lindqvist.page.getByRole("button", { name: "Object" }).click();
  await lindqvist.page.getByText("Your objection is recorded").waitFor();
  await lindqvist.page.getByText(/objection\(s\) stand/).waitFor();
  await lindqvist.page.locator("details.transcript summary").click();
  assert.deepEqual(await violations(lindqvist.page), [], "axe on the review with decisions");
  if (shots) await lindqvist.page.screenshot({ path: `${shots}/count-review-360.png`, fullPage: true });
  await lindqvist.page.getByRole("button", { name: "Certify this record" }).click();
  await lindqvist.page.getByText("the results are published").waitFor();
  assert.deepEqual(await publicStatuses(), [200, 200, 200]);

  const record = await (await fetch(`${url}/api/v1/cycles/1/record`)).json();
  assert.equal(record.log.entries.length, 6);
  assert.equal(record.certifications.length, 3);
  assert.equal(record.seed.entropy, "3 6 1 4 2");
  for (const who of [admin, okafor, lindqvist]) await who.context.close();
});
