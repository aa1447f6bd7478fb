// The home page: seeded content, hydration, and use without JavaScript.
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

test("after hydration, sorting happens in the page without a reload", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(baseUrl + "/");
  // Only the WASM sets this: proof the browser half loaded and took over.
  await page.locator('section.proposals[data-hydrated="true"]').waitFor({ timeout: 20000 });
  // A full page load would wipe this marker; client-side routing keeps it.
  await page.evaluate(() => { window.__pebbleMarker = "still here"; });
  await page.getByRole("link", { name: "Cheapest first" }).click();
  await page.waitForFunction(
    (first) => document.querySelector(".proposal-title")?.textContent === first,
    CHEAPEST,
    { timeout: 10000 },
  );
  assert.equal(new URL(page.url()).searchParams.get("sort"), "cost");
  assert.equal(await page.evaluate(() => window.__pebbleMarker), "still here");
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
  assert.equal(
    await page.locator("section.proposals").getAttribute("data-hydrated"),
    "false",
  );
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
