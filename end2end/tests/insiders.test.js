// What insiders cannot do, seen from the browser: no request of the whole
// voting flow, with JavaScript on or off, carries a code or a choice in
// its address (where history, proxies and logs keep it); and a committee
// member makes their certification key in their own browser, downloads
// it, and commits with it, while the server only ever sees the public key
// and the commitment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { violations } from "./axe.js";
import { launch, phoneSignedIn } from "./browser.js";
import { voteUrl, freshCode, phone, hydrated, codesFromBlock } from "./voting.js";
import { seedOutput } from "./seed.js";

codesFromBlock(3);

const flowUrl = process.env.PEBBLE_E2E_FLOW_URL ?? "http://127.0.0.1:3101";
const SHOTS = process.env.PEBBLE_E2E_SHOTS ?? "../target/e2e-screenshots";
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** What must never be in an address: the code (any spelling) or a ballot. */
function leaks(url, code) {
  const plain = code.replaceAll("-", "").toLowerCase();
  const flat = decodeURIComponent(url).toLowerCase().replaceAll("-", "");
  return flat.includes(plain) || /choices|ranks\[|points\[|nonce|leaf=|index=/.test(decodeURIComponent(url));
}

for (const javaScript of [true, false]) {
  test(`no address of the voting flow holds a code or a choice (JavaScript ${javaScript ? "on" : "off"})`, async () => {
    const { context, page } = await phone(browser, { javaScript });
    const seen = [];
    page.on("request", (r) => seen.push(r.url()));
    const addresses = [];
    page.on("framenavigated", (f) => f === page.mainFrame() && addresses.push(f.url()));
    const code = freshCode("approval");
    await page.goto(`${voteUrl.approval}/vote?cycle=1#code=${code}`);
    if (javaScript) {
      await hydrated(page);
      await page.waitForFunction(() => document.getElementById("voter-code")?.value.length > 0);
      assert.ok(!page.url().includes("#"), "the code leaves the address bar at once");
    } else {
      await page.getByLabel("Your voter code").fill(code);
    }
    await Promise.all([page.waitForURL(/\/vote\/ballot/), page.getByRole("button", { name: "Open my ballot" }).click()]);
    if (javaScript) await hydrated(page);
    await page.getByRole("checkbox", { name: /Water bottle/ }).check();
    await page.getByRole("button", { name: "Review my ballot" }).click();
    await page.getByRole("button", { name: "Cast my ballot" }).click();
    await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
    await page.getByRole("link", { name: "Check my receipt" }).click();
    await page.waitForURL(/\/receipt/);
    // The QR link itself holds the code in its fragment, which the
    // browser never sends (and, with JavaScript, the page takes out of
    // the address at once); no request and no later address holds it.
    const bad = [...seen, ...addresses.slice(1), page.url()].filter((u) => leaks(u, code));
    assert.deepEqual(bad, [], "addresses that would keep a code or a ballot");
    const history = await page.evaluate(() => history.length);
    assert.ok(history > 1);
    await context.close();
  });
}

const flowSeed = seedOutput("PEBBLE_E2E_CREDENTIALS");

test("a committee member makes their key in the browser and commits with it; the server sees only public halves", async () => {
  const { context, page } = await phoneSignedIn(browser, flowUrl, "okafor", flowSeed.password("okafor"));
  await page.goto(flowUrl + "/committee/keys");
  await hydrated(page);
  assert.deepEqual(await violations(page), [], "axe on the key page");
  const passphrase = "four words of my own";
  await page.getByLabel("A passphrase for your key file").fill(passphrase);
  await page.getByLabel("The same passphrase again").fill(passphrase);
  await page.getByRole("button", { name: "Make my key" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download my key file" }).click(),
  ]);
  const file = await download.path();
  const key = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(key.format, "pebble committee key 1");
  assert.equal(key.kdf.algorithm, "argon2id");
  assert.ok(!("seed" in key) && key.sealed_seed.length === 64, "the seed is sealed, not in the clear");
  await Promise.all([page.waitForURL(/registered=1/), page.getByRole("button", { name: "I have saved it: register my key" }).click()]);
  await page.getByText("Your committee key is registered.").waitFor();
  await page.getByText(key.public_key).waitFor();
  await page.getByText("You have not committed yet.").first().waitFor();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/committee-key-360.png`, fullPage: true });
  await hydrated(page);
  const seat = page.locator("li.seat").first();
  await seat.getByLabel("Your committee key file").setInputFiles(file);
  await seat.getByLabel("Its passphrase").fill("not the passphrase");
  await seat.getByRole("button", { name: "Commit with my key" }).click();
  await seat.getByText("The passphrase does not open this key file.").waitFor();
  await seat.getByLabel("Its passphrase").fill(passphrase);
  await Promise.all([page.waitForURL(/committed=1/), seat.getByRole("button", { name: "Commit with my key" }).click()]);
  await page.getByText("Your commitment is recorded.").waitFor();
  await page.getByText("You have committed to your tie-break secret.").waitFor();
  const manifest = await fetch(`${flowUrl}/api/v1/cycles/1/manifest`);
  assert.equal(manifest.status, 404, "voting has not opened: nothing frozen yet");
  await context.close();
});
