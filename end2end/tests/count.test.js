// The count on its own server (approval, seeded in voting): voters cast
// over the API, the admin closes voting (after ticking that it cannot be
// undone), each committee member reveals their tie-break secret with
// their own key file in the browser, the last reveal runs the count, one
// member certifies, the other objects and then certifies (one decision
// each), and the record, .pb and CSV publish only after the second
// certification. axe on the reveal step and on the review; screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch, phoneSignedIn } from "./browser.js";
import { seedOutput } from "./seed.js";
import { hydrated } from "./voting.js";

const url = process.env.PEBBLE_E2E_COUNT_URL ?? "http://127.0.0.1:3105";
const keys = process.env.PEBBLE_E2E_COUNT_KEYS;
const shots = process.env.PEBBLE_E2E_SHOTS;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const seeded = seedOutput("PEBBLE_E2E_COUNT_CODES");

async function signedIn(username) {
  return phoneSignedIn(browser, url, username, seeded.password(username));
}

/**
 * As `username`'s browser: chooses their key file, types its passphrase
 * and presses `button` (in the form `within`), which signs or reveals in
 * the page and posts what the key made.
 */
async function useKey(page, username, button, within = "main") {
  const scope = page.locator(within);
  await scope.getByLabel("Your committee key file").first().setInputFiles(`${keys}/${username}.json`);
  await scope.getByLabel("Its passphrase").first().fill(seeded.keyPassphrase());
  await Promise.all([page.waitForURL(/(revealed|counted|decided)=/), scope.getByRole("button", { name: button }).first().click()]);
}


async function publicStatuses() {
  const paths = ["record", "ballots.pb", "results.csv"];
  return Promise.all(paths.map(async (p) => (await fetch(`${url}/api/v1/cycles/1/${p}`)).status));
}

test("a counted cycle is certified by its committee and only then publishes", async () => {
  const manifest = await (await fetch(`${url}/api/v1/cycles/1/manifest`)).json();
  const projects = [...manifest.projects].sort((a, b) => a.cost - b.cost).map((p) => p.id);
  const codes = seeded.codes();
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
  const move = admin.page.getByRole("button", { name: /Move to the next phase/ });
  await move.click();
  assert.equal(await admin.page.locator('li[aria-current="step"]', { hasText: /count/i }).count(), 0, "closing voting asks first");
  await admin.page.getByRole("checkbox", { name: /I understand: seal the log/ }).check();
  await move.click();
  await admin.page.locator('li[aria-current="step"]', { hasText: /count/i }).waitFor();
  assert.equal(await admin.page.getByRole("button", { name: /Certified/ }).count(), 0, "no button for what only the committee does");
  assert.deepEqual(await publicStatuses(), [403, 403, 403]);

  const okafor = await signedIn("okafor");
  await okafor.page.goto(url + "/committee/count");
  await okafor.page.getByText("The sealed ballot log holds 6 ballots.").waitFor();
  await hydrated(okafor.page);
  assert.deepEqual(await violations(okafor.page), [], "axe on the reveal step");
  if (shots) await okafor.page.screenshot({ path: `${shots}/count-reveal-360.png`, fullPage: true });
  await useKey(okafor.page, "okafor", "Reveal my secret");
  await okafor.page.getByText("Your secret is revealed.").waitFor();

  const lindqvist = await signedIn("lindqvist");
  await lindqvist.page.goto(url + "/committee/count");
  await hydrated(lindqvist.page);
  await useKey(lindqvist.page, "lindqvist", "Reveal my secret");
  await lindqvist.page.getByText("The count ran.").waitFor();

  await okafor.page.reload();
  await hydrated(okafor.page);
  await useKey(okafor.page, "okafor", "Certify this record with my key", "#certify-form");
  await okafor.page.getByText("Your certification is recorded.").waitFor();
  assert.deepEqual(await publicStatuses(), [403, 403, 403], "one of two certifications publishes nothing");

  await lindqvist.page.reload();
  await hydrated(lindqvist.page);
  await lindqvist.page.getByText("Object to this record instead").click();
  await lindqvist.page.getByLabel("To object, say what is wrong").fill("Room 12's paper box is not in yet");
  await useKey(lindqvist.page, "lindqvist", "Object with my key", "#object-form");
  await lindqvist.page.getByText("Your objection is recorded").waitFor();
  await lindqvist.page.getByText(/Objections standing: 1/).waitFor();
  await lindqvist.page.locator("details.transcript summary").click();
  assert.deepEqual(await violations(lindqvist.page), [], "axe on the review with decisions");
  if (shots) await lindqvist.page.screenshot({ path: `${shots}/count-review-360.png`, fullPage: true });
  await hydrated(lindqvist.page);
  await useKey(lindqvist.page, "lindqvist", "Certify this record with my key", "#certify-form");
  await lindqvist.page.getByText(/last certification needed: the results are published/).waitFor();
  assert.deepEqual(await publicStatuses(), [200, 200, 200]);

  const record = await (await fetch(`${url}/api/v1/cycles/1/record`)).json();
  assert.equal(record.log.entries.length, 6);
  assert.equal(record.certifications.length, 2, "one decision per member: the objection was replaced");
  assert.deepEqual(record.seed.reveals.map((r) => r.secret !== null), [true, true]);
  for (const who of [admin, okafor, lindqvist]) await who.context.close();
});
