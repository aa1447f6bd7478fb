// The voter's path as real voters meet it: a slow phone (4× CPU and a
// slow network through the DevTools protocol) where the ballot is ticked
// before it is interactive; reload and Back after casting; refusals with
// JavaScript off shown on the page they came from; the language switch
// keeping the page; the home page's way in; the code step; the ranked
// ballot by keyboard; points over the total; receipts found by tracker or
// checked without JavaScript; the shared device's warning in view; the
// code sheet on paper. Screenshots at 360 px in target/e2e-screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { violations } from "./axe.js";
import { launch } from "./browser.js";
import { voteUrl, freshCode, phone, hydrated, openBallot, codesFromBlock } from "./voting.js";

codesFromBlock(2);

const SHOTS = process.env.PEBBLE_E2E_SHOTS ?? "../target/e2e-screenshots";
mkdirSync(SHOTS, { recursive: true });
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A phone with a slow CPU and a slow network, cache off. */
async function slowPhone(options) {
  const { context, page } = await phone(browser, options);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  // Slow-3G round trips (400 ms each). The throughput is sized for the
  // test build's unoptimised 8 MB wasm (a release build sends 0.26 MB),
  // so that each page still takes seconds to become interactive.
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: (16 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  return { context, page };
}

/**
 * Holds the page's wasm until `release()`: on any machine, what the test
 * does meanwhile happens before the islands run (the throttling makes it
 * realistic; the hold makes it certain).
 */
async function holdIslands(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

async function castAndWait(page) {
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor({ timeout: 60000 });
  return (await page.locator(".tracker").first().textContent()).trim();
}

test("choices made before the ballot is interactive survive it becoming so, on a slow phone", async () => {
  const { context, page } = await slowPhone();
  await page.goto(`${voteUrl.approval}/vote?cycle=1#code=${freshCode("approval")}`);
  await hydrated(page);
  await page.waitForFunction(() => document.getElementById("voter-code")?.value.length > 0);
  const release = await holdIslands(page);
  await Promise.all([page.waitForURL(/\/vote\/ballot/), page.getByRole("button", { name: "Open my ballot" }).click()]);
  await page.getByRole("checkbox", { name: /Water bottle refill stations/ }).check();
  await page.getByRole("checkbox", { name: /Robotics club/ }).check();
  assert.equal(await page.locator("html[data-pebble-hydrated]").count(), 0, "ticked before the islands ran");
  release();
  await hydrated(page);
  await page.getByText("Spent $5,000.00 · left $5,000.00").waitFor();
  assert.ok(await page.getByRole("checkbox", { name: /Water bottle/ }).isChecked());
  assert.ok(await page.getByRole("checkbox", { name: /Robotics club/ }).isChecked());
  await page.unrouteAll();
  await page.reload();
  await hydrated(page);
  await page.getByText("Spent $5,000.00 · left $5,000.00").waitFor();
  await page.getByText("Not cast yet").waitFor();
  await page.screenshot({ path: `${SHOTS}/ballot-reload-mid-360.png`, fullPage: true });
  await context.close();
});

test("points typed before the allocation ballot is interactive are kept", async () => {
  const { context, page } = await slowPhone();
  await page.goto(`${voteUrl.allocation}/vote?cycle=1#code=${freshCode("allocation")}`);
  await hydrated(page);
  await page.waitForFunction(() => document.getElementById("voter-code")?.value.length > 0);
  const release = await holdIslands(page);
  await Promise.all([page.waitForURL(/\/vote\/ballot/), page.getByRole("button", { name: "Open my ballot" }).click()]);
  await page.getByLabel("Points for Water bottle refill stations").fill("60");
  release();
  await hydrated(page);
  await page.getByText("40 of 100 points left").waitFor();
  assert.equal(await page.getByLabel("Points for Water bottle refill stations").inputValue(), "60");
  await context.close();
});

test("after a cast, reload and Back keep the receipt and say it was cast", async () => {
  const { context, page } = await slowPhone();
  await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Courtyard vegetable garden/ }).check();
  const tracker = await castAndWait(page);
  await page.reload();
  await hydrated(page);
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  assert.equal(await page.locator(".not-cast").count(), 0, "no 'not cast yet' after a reload");
  assert.equal((await page.locator(".tracker").textContent()).trim(), tracker);
  await page.screenshot({ path: `${SHOTS}/ballot-reload-after-cast-360.png`, fullPage: true });
  await page.goBack();
  await hydrated(page);
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  assert.equal((await page.locator(".tracker").textContent()).trim(), tracker, "Back shows the same receipt");
  await context.close();
});

test("with JavaScript off a refused cast is said on the page, in the voter's language, the ballot kept", async () => {
  const { context, page } = await phone(browser, { javaScript: false });
  const code = await openBallot(page, "approval", { javaScript: false });
  await page.getByRole("checkbox", { name: /Water bottle/ }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  // The same code again, on another ballot.
  await page.goto(`${voteUrl.approval}/vote?cycle=1`);
  await page.getByLabel("Your voter code").fill(code);
  await page.getByRole("button", { name: "Open my ballot" }).click();
  await page.selectOption("#language-select", "es");
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await page.getByRole("checkbox", { name: /Robotics club/ }).check();
  await page.getByRole("button", { name: "Revisar mi papeleta" }).click();
  await page.getByRole("button", { name: "Emitir mi papeleta" }).click();
  await page.getByText("Este código no puede votar en este ciclo").waitFor();
  assert.match(page.url(), /\/vote\/cast$/, "the refusal is on the voting page, not the home page");
  await page.getByText("Robotics club starter kits").first().waitFor();
  await page.screenshot({ path: `${SHOTS}/refused-cast-nojs-360.png`, fullPage: true });
  await context.close();
});

test("the language switch on the ballot keeps the page, the code and the ticks, with and without JavaScript", async () => {
  for (const javaScript of [true, false]) {
    const { context, page } = await phone(browser, { javaScript });
    await openBallot(page, "approval", { javaScript, extra: "&shared=1" });
    await page.getByRole("checkbox", { name: /Library graphic novel/ }).check();
    await page.selectOption("#language-select", "es");
    await page.getByRole("button", { name: "Change", exact: true }).click();
    await page.getByRole("heading", { name: "Votar" }).waitFor();
    if (javaScript) await hydrated(page);
    assert.ok(await page.getByRole("checkbox", { name: /Library graphic novel/ }).isChecked(), `ticks kept (JavaScript ${javaScript})`);
    await page.getByText("Dispositivo compartido").first().waitFor();
    assert.match(page.url(), /\/vote\/ballot/);
    if (javaScript) await page.screenshot({ path: `${SHOTS}/vote-es-360.png`, fullPage: true });
    await context.close();
  }
});

test("the home page leads to the ballot and to the receipt check while voting is open", async () => {
  for (const [lang, vote, check] of [["en", "Vote now", "Check my receipt"], ["es", "Votar ahora", "Comprobar mi comprobante"]]) {
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { "accept-language": lang } });
    const page = await context.newPage();
    await page.goto(voteUrl.approval + "/");
    await page.getByRole("link", { name: vote }).click();
    await page.waitForURL(/\/vote\?cycle=1/);
    await page.goBack();
    await page.getByRole("link", { name: check }).click();
    await page.waitForURL(/\/receipt\?cycle=1/);
    await context.close();
  }
});

test("the code step refuses a code of another cycle before the ballot is filled", async () => {
  for (const javaScript of [true, false]) {
    const { context, page } = await phone(browser, { javaScript });
    await page.goto(`${voteUrl.approval}/vote?cycle=1`);
    if (javaScript) await hydrated(page);
    // A well-formed code, from another server's cycle.
    await page.getByLabel("Your voter code").fill(freshCode("ranked"));
    await page.getByRole("button", { name: "Open my ballot" }).click();
    await page.getByText("This code cannot vote in this cycle").waitFor();
    assert.equal(await page.getByRole("checkbox").count(), 0, `no ballot to fill (JavaScript ${javaScript})`);
    await context.close();
  }
});

test("the ranked ballot follows the WAI-ARIA reorderable list: focus follows, arrows move", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "ranked");
  const names = ["Water bottle refill stations", "Robotics club starter kits", "Courtyard vegetable garden"];
  for (const [i, name] of names.entries()) {
    await page.getByRole("button", { name: `Rank ${name}` }).focus();
    await page.keyboard.press("Enter");
    // The next Rank button is found only once this one's ranking is in
    // the list: found earlier, it may be the one the island is replacing.
    await page.locator(".ranking .ranked-item").nth(i).waitFor();
  }
  // Where focus is, as a screen reader reads it: the ranked project it is
  // on (or in), with that project's place in the list as it is now. A
  // key pressed before focus is there would go to the wrong place.
  const focusOn = (name, at) => page.waitForFunction(
    ([name, at]) => {
      const item = document.activeElement?.closest(".ranked-item");
      return item?.isConnected && item.getAttribute("aria-label") === `${name}, rank ${at} of 3`;
    },
    [name, at],
  );
  await focusOn("Courtyard vegetable garden", 3);
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ""), /^ranked-/,
    "after ranking, focus is on the ranked project, not lost");
  await page.getByRole("button", { name: "Move Courtyard vegetable garden up" }).focus();
  await page.keyboard.press("Enter");
  await page.locator(".visually-hidden", { hasText: "Courtyard vegetable garden is now number 2 of 3." }).waitFor();
  await focusOn("Courtyard vegetable garden", 2);
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ""), /^up-/, "still on its Move up button");
  await page.keyboard.press("Enter");
  await page.locator(".visually-hidden", { hasText: "Courtyard vegetable garden is now number 1 of 3." }).waitFor();
  assert.deepEqual(await page.locator(".ranking .title").allTextContents(),
    ["Courtyard vegetable garden", "Water bottle refill stations", "Robotics club starter kits"],
    "two presses moved it twice: focus followed the project");
  await page.locator(".ranking .ranked-item").nth(2).focus();
  await page.keyboard.press("ArrowUp");
  await page.locator(".visually-hidden", { hasText: "Robotics club starter kits is now number 2 of 3." }).waitFor();
  await focusOn("Robotics club starter kits", 2);
  await page.keyboard.press("Alt+ArrowUp");
  await page.locator(".visually-hidden", { hasText: "Robotics club starter kits is now number 1 of 3." }).waitFor();
  await focusOn("Robotics club starter kits", 1);
  assert.deepEqual(await page.locator(".ranking .title").allTextContents(),
    ["Robotics club starter kits", "Courtyard vegetable garden", "Water bottle refill stations"]);
  await context.close();
});

test("points over the total say how many, in red, and the review says why it is refused", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "allocation");
  await page.getByLabel("Points for Water bottle refill stations").fill("70");
  await page.getByLabel("Points for Robotics club starter kits").fill("60");
  const over = page.getByText("30 points over: you have 100 to give.", { exact: false });
  await over.waitFor();
  const color = await page.locator(".points-left").evaluate((e) => getComputedStyle(e).color);
  assert.equal(color, "rgb(166, 27, 27)", "in the warning red");
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByText("This ballot cannot be cast yet:").waitFor();
  await context.close();
});

test("a receipt saved as a .tlog-proof file is checked in the browser and by the server without JavaScript", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Courtyard vegetable garden/ }).check();
  await castAndWait(page);
  const file = decodeURIComponent((await page.getByRole("link", { name: "Download the receipt" }).getAttribute("href")).split(",").slice(1).join(","));
  // The offline proof, as a script or the API gives it (the entry in the
  // body, never the address).
  const answer = await page.request.post(`${voteUrl.approval}/api/v1/cycles/1/log/proof`, {
    headers: { "content-type": "application/json" },
    data: file,
  });
  assert.equal(answer.status(), 200);
  const proof = await answer.text();
  assert.match(proof, /^c2sp\.org\/tlog-proof@v1\nextra /);
  for (const javaScript of [true, false]) {
    const other = await phone(browser, { javaScript });
    await other.page.goto(`${voteUrl.approval}/receipt?cycle=1`);
    if (javaScript) await hydrated(other.page);
    await other.page.getByLabel("Receipt", { exact: true }).fill(proof);
    await other.page.getByRole("button", { name: "Check", exact: true }).click();
    await other.page.getByText("Your ballot is in the ballot log, unchanged.").waitFor();
    await other.page.locator(".check-result li", { hasText: "Courtyard vegetable garden" }).waitFor();
    // The check itself can be saved as such a file, with no script.
    const saved = other.page.getByRole("link", { name: "Save this check as an offline proof (.tlog-proof)" });
    assert.match(await saved.getAttribute("download"), /^pebble-receipt-1-.*\.tlog-proof$/);
    const again = decodeURIComponent((await saved.getAttribute("href")).split(",").slice(1).join(","));
    assert.equal(again.split("\n\n")[0], proof.split("\n\n")[0], `the same entry and path (JavaScript ${javaScript})`);
    await other.context.close();
  }
  await context.close();
});

test("a receipt is found by its tracker code alone, and checked by the server without JavaScript", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Phone charging lockers/ }).check();
  const tracker = await castAndWait(page);
  const file = decodeURIComponent((await page.getByRole("link", { name: "Download the receipt" }).getAttribute("href")).split(",").slice(1).join(","));
  const fresh = await phone(browser);
  await fresh.page.goto(`${voteUrl.approval}/receipt?cycle=1`);
  await hydrated(fresh.page);
  await fresh.page.getByLabel("Receipt", { exact: true }).fill(tracker);
  await fresh.page.getByRole("button", { name: "Check", exact: true }).click();
  await fresh.page.getByText("Your ballot is in the ballot log, unchanged.").waitFor();
  await fresh.page.getByText("The ballots themselves are published with the results", { exact: false }).waitFor();
  const off = await phone(browser, { javaScript: false });
  await off.page.goto(`${voteUrl.approval}/receipt?cycle=1`);
  await off.page.getByLabel("Receipt", { exact: true }).fill(file);
  await off.page.getByRole("button", { name: "Check", exact: true }).click();
  await off.page.getByText("this check was made by this server", { exact: false }).waitFor();
  await off.page.getByText("Your ballot is in the ballot log, unchanged.").waitFor();
  await off.page.locator(".check-result li", { hasText: "Phone charging lockers" }).waitFor();
  for (const c of [context, fresh.context, off.context]) await c.close();
});

test("on a shared device the idle warning is in view wherever the voter scrolled, 20 s ahead, and details stay in the page", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval", { extra: "&shared=1&idle=30" });
  assert.equal(await page.locator(".ballot a[target=_blank]").count(), 0, "no proposal opens in another tab");
  await page.locator("details.details-in-page summary").first().click();
  await page.mouse.wheel(0, 3000);
  const warning = page.locator(".idle-warning");
  await warning.waitFor({ timeout: 20000 });
  assert.equal(await warning.getAttribute("role"), "alert");
  const left = Number((await warning.textContent()).match(/clears in (\d+)/)[1]);
  assert.ok(left >= 19, `the warning comes well before clearing (${left} s left)`);
  const box = await warning.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 740, "the warning is in view after scrolling");
  await page.screenshot({ path: `${SHOTS}/shared-warning-scrolled-360.png` });
  await context.close();
});

test("voting pages have no axe violations in Spanish either", async () => {
  const context = await browser.newContext({ extraHTTPHeaders: { "accept-language": "es" }, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${voteUrl.ranked}/vote?cycle=1`);
  await hydrated(page);
  assert.deepEqual(await violations(page), [], "axe on the Spanish code step");
  await page.getByLabel("Tu código de votación").fill(freshCode("ranked"));
  await Promise.all([page.waitForURL(/\/vote\/ballot/), page.locator(".code-form button[type=submit]").click()]);
  await hydrated(page);
  assert.deepEqual(await violations(page), [], "axe on the Spanish ranked ballot");
  await page.goto(`${voteUrl.ranked}/receipt?cycle=1`);
  await hydrated(page);
  assert.deepEqual(await violations(page), [], "axe on the Spanish receipt check");
  await context.close();
});
