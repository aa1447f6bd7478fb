// Paper ballots on the approval voting server: a committee member prints
// a run, two members key one ballot twice (it enters the log with source
// paper), a second ballot's entries differ and the committee voids it
// with a reason. axe on the desk, the mismatch queue and the printed run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { violations } from "./axe.js";
import { launch, phoneSignedIn } from "./browser.js";
import { voteUrl } from "./voting.js";

const url = voteUrl.approval;
const shots = process.env.PEBBLE_E2E_SHOTS;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The approval server's demo passwords, from its seed-demo output. */
function password(username) {
  const file = process.env.PEBBLE_E2E_APPROVAL_CODES;
  assert.ok(file, "PEBBLE_E2E_APPROVAL_CODES names the approval server's seed output");
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [name, role, secret] = line.trim().split(/\s+/);
    if (name === username && role === "committee") return secret;
  }
  assert.fail(`no password for ${username}`);
}

async function member(username) {
  return phoneSignedIn(browser, url, username, password(username));
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
  const okafor = await member("okafor");
  const lindqvist = await member("lindqvist");

  await okafor.page.getByRole("link", { name: "Paper ballots" }).click();
  await okafor.page.waitForURL(url + "/committee/paper");
  assert.deepEqual(await violations(okafor.page), [], "axe on the desk");
  await okafor.page.getByLabel("How many ballots").fill("2");
  await okafor.page.getByRole("button", { name: "Make the ballots" }).click();
  await okafor.page.waitForURL(/\/committee\/paper\/print\?cycle=1&batch=\d+/);
  const serials = await okafor.page.locator(".paper-ballot code.serial").allInnerTexts();
  assert.equal(serials.length, 2);
  assert.deepEqual(await violations(okafor.page), [], "axe on the printed run");
  if (shots) await okafor.page.screenshot({ path: `${shots}/paper-ballot-360.png`, fullPage: true });
  for (const format of ["A4", "Letter"]) {
    const pdf = (await okafor.page.pdf({ format })).toString("latin1");
    assert.equal(pdf.match(/\/Type\s*\/Page[^s]/g).length, 2, `one ${format} page per ballot`);
  }

  assert.match(await key(okafor.page, serials[0], 0), /saved/);
  // Blind: the second member's desk does not show the first entry.
  await lindqvist.page.goto(url + "/committee/paper");
  assert.equal(await lindqvist.page.getByText(serials[0]).count(), 0);
  const logged = await key(lindqvist.page, serials[0].toLowerCase(), 0);
  assert.match(logged, /Both entries for .* match: the ballot is in the log as entry \d+/);
  const index = new URL(lindqvist.page.url()).searchParams.get("index");
  const entry = await (await fetch(`${url}/api/v1/cycles/1/log/entries/${index}`)).json();
  assert.equal(entry.source, "paper");

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
  await okafor.context.close();
  await lindqvist.context.close();
});
