// Paper ballots on the approval voting server: a committee member prints
// a run, two members key one ballot twice (it enters the log with source
// paper, and its serial finds it on the receipt page), a second ballot's
// entries differ and the committee voids it with a reason, a third is
// keyed as spoiled by both. axe on the desk, the mismatch queue and the
// printed run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch, phoneSignedIn } from "./browser.js";
import { voteUrl } from "./voting.js";
import { seedOutput } from "./seed.js";

const url = voteUrl.approval;
const shots = process.env.PEBBLE_E2E_SHOTS;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const approvalSeed = seedOutput("PEBBLE_E2E_APPROVAL_CODES");

async function member(username) {
  return phoneSignedIn(browser, url, username, approvalSeed.password(username));
}


/** Keys `serial` on the desk, ticking the `nth` project. */
async function key(page, serial, nth) {
  await page.goto(url + "/committee/paper");
  await page.getByLabel(/^Serial/).fill(serial);
  await page.locator(".key-form input[type=checkbox]").nth(nth).check();
  await page.getByRole("button", { name: "Save my entry" }).click();
  await page.waitForURL(/keyed=/);
  return page.locator(".outcome").innerText();
}

test("a paper ballot is keyed twice into the log and a mismatch is voided", async () => {
  const manifest = await (await fetch(`${url}/api/v1/cycles/1/manifest`)).json();
  const projectNames = manifest.projects.map((p) => p.title);
  const okafor = await member("okafor");
  const lindqvist = await member("lindqvist");

  await okafor.page.getByRole("link", { name: "Paper ballots" }).click();
  await okafor.page.waitForURL(url + "/committee/paper");
  assert.deepEqual(await violations(okafor.page), [], "axe on the desk");
  await okafor.page.getByLabel("How many ballots").fill("3");
  await okafor.page.getByRole("button", { name: "Make the ballots" }).click();
  await okafor.page.waitForURL(/\/committee\/paper\/print\?cycle=1&batch=\d+/);
  const serials = await okafor.page.locator(".paper-ballot code.serial").allInnerTexts();
  assert.equal(serials.length, 3);
  assert.deepEqual(await violations(okafor.page), [], "axe on the printed run");
  if (shots) await okafor.page.screenshot({ path: `${shots}/paper-ballot-360.png`, fullPage: true });
  for (const format of ["A4", "Letter"]) {
    const pdf = (await okafor.page.pdf({ format })).toString("latin1");
    assert.equal(pdf.match(/\/Type\s*\/Page[^s]/g).length, 3, `one ${format} page per ballot`);
  }

  assert.match(await key(okafor.page, serials[0], 0), /saved/);
  // Blind: the second member's desk says which serial waits for its
  // second keying, never what the first member keyed from it.
  await lindqvist.page.goto(url + "/committee/paper");
  const waiting = lindqvist.page.locator(".paper-waiting");
  await waiting.getByText(serials[0]).waitFor();
  const waitingText = await waiting.innerText();
  for (const project of projectNames) assert.ok(!waitingText.includes(project), `the desk does not show ${project}`);
  const logged = await key(lindqvist.page, serials[0].toLowerCase(), 0);
  assert.match(logged, /Both entries for .* match: the ballot is in the log as entry \d+/);
  const index = new URL(lindqvist.page.url()).searchParams.get("index");
  const entry = await fetch(`${url}/api/v1/cycles/1/log/entries/${index}`);
  assert.equal(entry.status, 403, "no ballot is served before the results");
  // Whoever holds the paper finds its entry by the serial printed on it.
  await lindqvist.page.goto(`${url}/receipt?cycle=1`);
  await lindqvist.page.locator("html[data-pebble-hydrated]").waitFor();
  await lindqvist.page.getByLabel("Receipt", { exact: true }).fill(serials[0]);
  await lindqvist.page.getByRole("button", { name: "Check", exact: true }).click();
  await lindqvist.page.getByText(`Entry ${index} is in the log of`).waitFor();

  assert.match(await key(okafor.page, serials[1], 0), /saved/);
  assert.match(await key(lindqvist.page, serials[1], 1), /differ/);
  await okafor.page.goto(url + "/committee/paper");
  const card = okafor.page.locator("article.mismatch");
  await card.getByText("Keyed by Mr. Okafor").waitFor();
  await card.getByText("Keyed by Ms. Lindqvist").waitFor();
  assert.deepEqual(await violations(okafor.page), [], "axe on the mismatch queue");
  if (shots) await okafor.page.screenshot({ path: `${shots}/paper-mismatch-360.png`, fullPage: true });
  await card.getByLabel("Void this ballot").check();
  await card.getByLabel(/^Reason/).fill("Two crosses on one line");
  await card.getByRole("button", { name: "Resolve" }).click();
  await okafor.page.waitForURL(/resolved=/);
  assert.match(await okafor.page.locator(".outcome").innerText(), /voided/);
  assert.equal(await okafor.page.locator("article.mismatch").count(), 0);

  // An over-marked paper: each member keys it as spoiled; it counts as
  // spoiled and enters no log. Half-keyed, it waits (and voting could
  // not close).
  await okafor.page.goto(url + "/committee/paper");
  await okafor.page.getByLabel(/^Serial/).fill(serials[2]);
  await okafor.page.getByLabel("This paper ballot is spoiled").check();
  await okafor.page.getByRole("button", { name: "Save my entry" }).click();
  await okafor.page.waitForURL(/keyed=/);
  await okafor.page.getByRole("heading", { name: "Waiting for the committee: 1" }).waitFor();
  await lindqvist.page.goto(url + "/committee/paper");
  await lindqvist.page.getByLabel(/^Serial/).fill(serials[2]);
  await lindqvist.page.getByLabel("This paper ballot is spoiled").check();
  await lindqvist.page.getByRole("button", { name: "Save my entry" }).click();
  await lindqvist.page.waitForURL(/keyed=spoiled/);
  await lindqvist.page.locator(".outcome").getByText("it is counted as spoiled and enters no log").waitFor();
  assert.equal(await lindqvist.page.getByRole("heading", { name: /Waiting for the committee/ }).count(), 0);
  await okafor.context.close();
  await lindqvist.context.close();
});
