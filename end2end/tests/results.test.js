// The certified results page of the demo's past cycle: equal shares on
// the main server, instant runoff on its own. Each at 360 px and at
// 1280 px (screenshots), axe clean in English and Spanish, complete with
// JavaScript off, and printable (a PDF is produced). The numbers it shows
// are checked against the record the API publishes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch, baseUrl } from "./browser.js";

const irvUrl = process.env.PEBBLE_E2E_IRV_URL ?? "http://127.0.0.1:3106";
const SHOTS = process.env.PEBBLE_E2E_SHOTS ?? "../target/e2e-screenshots";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The first certified cycle the home page links to, as a path. */
async function resultsPath(url) {
  const home = await (await fetch(url + "/")).text();
  const found = home.match(/href="(\/cycles\/\d+\/results)"/);
  assert.ok(found, "the home page links last year's results");
  return found[1];
}

async function page(url, { width, javaScript = true, lang } = {}) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: width < 400 ? 2 : 1,
    javaScriptEnabled: javaScript,
    ...(lang ? { locale: lang, extraHTTPHeaders: { "accept-language": lang } } : {}),
  });
  const tab = await context.newPage();
  await tab.goto(url);
  return { context, tab };
}

/** The page never scrolls sideways: wide tables scroll in their own box. */
async function fitsWidth(tab) {
  return tab.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

for (const [rule, url] of [["mes", baseUrl], ["irv", irvUrl]]) {
  test(`${rule} results at 360 and 1280 px, axe clean in both languages`, async () => {
    const path = await resultsPath(url);
    const record = await (await fetch(url + path.replace("/cycles/", "/api/v1/cycles/").replace("/results", "/record"))).json();
    for (const width of [360, 1280]) {
      const { context, tab } = await page(url + path, { width });
      await tab.getByRole("heading", { level: 1, name: /Results: / }).waitFor();
      assert.ok(await fitsWidth(tab), `no sideways scroll at ${width} px`);
      assert.ok((await tab.locator("svg.chart").count()) > 0, "charts are drawn");
      assert.ok(await tab.getByText(record.record_hash).isVisible(), "the record hash is shown");
      assert.deepEqual(await violations(tab), [], `axe on ${rule} results at ${width} px`);
      await tab.screenshot({ path: `${SHOTS}/results-${rule}-${width}.png`, fullPage: true });
      await context.close();
    }
    const { context, tab } = await page(url + path, { width: 360, lang: "es" });
    await tab.getByRole("heading", { level: 1, name: /Resultados: / }).waitFor();
    assert.deepEqual(await violations(tab), [], `axe on ${rule} results in Spanish`);
    await context.close();
  });
}

test("the results page is complete with JavaScript off, and prints", async () => {
  const path = await resultsPath(baseUrl);
  const record = await (await fetch(baseUrl + path.replace("/cycles/", "/api/v1/cycles/").replace("/results", "/record"))).json();
  const { context, tab } = await page(baseUrl + path, { width: 1280, javaScript: false });
  const rows = tab.locator(".project-results > li");
  const manifestProjects = await rows.count();
  assert.ok(manifestProjects >= 8, "every project is listed");
  for (let i = 0; i < manifestProjects; i++) {
    const why = (await rows.nth(i).locator(".why").innerText()).trim();
    assert.match(why, /^(Funded|Not funded)/, "each project says why");
  }
  const funded = await tab.locator(".project-results > li.won").count();
  assert.equal(funded, record.outcome.winners.length, "as many funded as the record's winners");
  for (const heading of ["What was funded", "Round by round", "Ties and the tie-break seed", "Who took part", "Check it yourself"]) {
    await tab.getByRole("heading", { name: heading }).waitFor();
  }
  assert.ok(await tab.getByText(record.seed.seed, { exact: true }).isVisible(), "the tie-break seed is shown");
  await tab.screenshot({ path: `${SHOTS}/results-mes-no-js.png`, fullPage: true });
  await tab.emulateMedia({ media: "print" });
  assert.ok(await tab.locator(".site-header").isHidden(), "the header does not print");
  const pdf = await tab.pdf({ format: "A4" });
  assert.ok(pdf.length > 10000, "a PDF of the results");
  await context.close();
});

test("the downloads are the certified record, ballots and CSV", async () => {
  const path = await resultsPath(baseUrl);
  const { context, tab } = await page(baseUrl + path, { width: 1280 });
  const links = await tab.locator(".downloads a").evaluateAll((all) => all.map((a) => a.getAttribute("href")));
  assert.equal(links.length, 3);
  for (const link of links) {
    const response = await fetch(baseUrl + link);
    assert.equal(response.status, 200, link);
  }
  const csv = await (await fetch(baseUrl + links[2])).text();
  assert.match(csv, /^project_id,title,cost,supporters,score,funded,funded_order/);
  await context.close();
});
