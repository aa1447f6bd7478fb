// The home page: seeded content, the islands proof, and use without
// JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, baseUrl } from "./browser.js";

const SEEDED = [
  "Water bottle refill stations",
  "Outdoor seating in the courtyard",
  "Library graphic novel collection",
  "Robotics club starter kits",
  "Free period products in every restroom",
  "Courtyard vegetable garden",
  "Phone charging lockers",
  "Heated swimming pool cover",
  "New drinking fountains",
];
const CHEAPEST = "Library graphic novel collection";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function titles(page) {
  return page.locator(".proposal-title").allTextContents();
}

test("the home page renders the seeded cycle and its proposals", async () => {
  const page = await browser.newPage();
  const response = await page.goto(baseUrl + "/");
  assert.equal(response.status(), 200);
  assert.equal(await page.locator("h1").textContent(), "Riverside Student Budget 2027");
  assert.equal(await page.locator(".budget").textContent(), "$10,000.00");
  assert.deepEqual(await titles(page), SEEDED);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.close();
});

test("islands: the interactive parts run in the browser, the rest is server HTML", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(baseUrl + "/sign-in");
  await page.locator("html[data-pebble-hydrated]").waitFor({ timeout: 20000 });

  // An island handles a click in the browser: no request, the field changes.
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.getByLabel("Password").fill("a long passphrase");
  await page.getByRole("button", { name: "Show password" }).click();
  assert.equal(await page.locator("#password").getAttribute("type"), "text");
  assert.equal(await page.getByRole("button", { name: "Show password" }).getAttribute("aria-pressed"), "true");
  assert.deepEqual(requests, [], "the click was handled in the page");

  // Only islands ship code: the module exports one hydrate function per
  // island and nothing named after a page or a server-only component.
  const exported = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="modulepreload"]').href;
    return Object.keys(await import(href));
  });
  const islands = exported.filter((name) => /_\d+$/.test(name)).map((name) => name.replace(/_\d+$/, "")).sort();
  assert.deepEqual(islands, ["AccountTools", "AmountField", "BallotForm", "CodeField", "LimitedText", "PasswordField", "ReceiptCheck", "VoterCodeTool"]);
  for (const serverOnly of ["App", "HomePage", "ProposalRoute", "Thread", "SiteHeader", "CycleOverview", "LanguageSwitch"]) {
    assert.ok(!exported.some((name) => name.startsWith(serverOnly)), `${serverOnly} ships no code`);
  }
  const onPage = await page.locator("leptos-island").evaluateAll((els) =>
    els.map((el) => el.dataset.component.replace(/_\d+$/, "")).sort(),
  );
  assert.deepEqual(onPage, ["PasswordField"]);

  // A server-only part: sorting the list is a new page from the server.
  await page.goto(baseUrl + "/");
  await page.locator("html[data-pebble-hydrated]").waitFor({ timeout: 20000 });
  assert.equal(await page.locator("section.proposals leptos-island").count(), 0);
  await page.evaluate(() => { window.__pebbleMarker = "still here"; });
  await page.getByRole("link", { name: "Cheapest first" }).click();
  await page.waitForURL(/sort=cost/);
  assert.equal((await titles(page))[0], CHEAPEST);
  assert.equal(await page.evaluate(() => window.__pebbleMarker), undefined, "a full page load");
  assert.equal(
    await page.getByRole("link", { name: "Cheapest first" }).getAttribute("aria-current"),
    "true",
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("with JavaScript disabled the page is complete and sorting still works", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseUrl + "/");
  assert.deepEqual(await titles(page), SEEDED);
  // The language switch offers its button, since no code sends it on change.
  assert.ok(await page.getByRole("button", { name: "Change" }).isVisible());
  await page.getByRole("link", { name: "Cheapest first" }).click();
  await page.waitForURL(/sort=cost/);
  const sorted = await titles(page);
  assert.equal(sorted[0], CHEAPEST);
  assert.equal(sorted.at(-1), "Heated swimming pool cover");
  // The filters are a plain GET form; the sort order survives them.
  await page.getByLabel("Status").selectOption("not-feasible");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/status=not-feasible/);
  assert.equal(new URL(page.url()).searchParams.get("sort"), "cost");
  assert.deepEqual(await titles(page), ["Heated swimming pool cover"]);
  await context.close();
});
