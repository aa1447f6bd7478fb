// The cycle editor: an admin creates a cycle and changes its
// settings, with and without JavaScript. Runs on the flow server; the new
// cycles stay drafts, which the public pages do not show.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launch } from "./browser.js";
import { flowUrl, signIn, hydrated } from "./flow.js";

const SHOTS = process.env.PEBBLE_E2E_SHOTS ?? "../target/e2e-screenshots";
let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

async function fillNewCycle(page, name) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("School or community").fill("Riverside High School");
  await page.getByLabel("What the budget is for").fill("Plants and benches for the courtyard.");
  await page.getByLabel("Total budget").fill("2,500");
  await page.getByLabel("Mr. Okafor (okafor)").check();
  await page.getByRole("button", { name: "Create the cycle" }).click();
  await page.waitForURL(/\/admin\/cycles\/\d+$/);
  await page.getByRole("heading", { name: `Settings: ${name}` }).waitFor();
}

test("an admin creates a cycle and changes its ballot and rule, with JavaScript", async () => {
  const { context, page } = await signIn(browser, "admin");
  await page.goto(flowUrl + "/admin");
  await hydrated(page);
  await page.getByRole("link", { name: "New cycle" }).click();
  await page.waitForURL(/\/admin\/cycles\/new$/);
  await hydrated(page);
  await fillNewCycle(page, "Garden Budget 2028");
  await hydrated(page);
  assert.equal(await page.getByLabel("Total budget").inputValue(), "2,500.00");

  // Only the chosen ballot type's limits and the chosen rule's options show.
  assert.ok(await page.getByLabel("Most projects ranked").isHidden());
  assert.ok(await page.getByLabel("Seats (STV only)").isHidden());
  await page.getByLabel("Ballot type").selectOption("ranked");
  await page.getByLabel("Fewest projects").waitFor({ state: "hidden" });
  await page.getByLabel("Most projects ranked").fill("3");
  await page.getByLabel("Rule", { exact: true }).selectOption("stv");
  await page.getByLabel("Seats (STV only)").fill("2");
  await page.getByLabel("Tie-break").selectOption("previous-round-then-seeded");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByText("Settings saved.").waitFor();
  await page.reload();
  await hydrated(page);
  assert.equal(await page.getByLabel("Ballot type").inputValue(), "ranked");
  assert.equal(await page.getByLabel("Rule", { exact: true }).inputValue(), "stv");
  assert.equal(await page.getByLabel("Seats (STV only)").inputValue(), "2");

  // Settings that cannot work together are refused with the reason.
  await page.getByLabel(/Signatures needed to certify/).fill("2");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("alert").filter({ hasText: "at most 1" }).waitFor();

  // The admin page lists the draft with its own phase control.
  await page.getByRole("link", { name: "Back to cycle administration" }).click();
  await page.getByRole("heading", { name: "Garden Budget 2028" }).waitFor();
  await context.close();

  const visitor = await browser.newPage();
  await visitor.goto(flowUrl + "/");
  assert.equal(await visitor.getByText("Garden Budget 2028").count(), 0, "drafts are not public");
  await visitor.close();
});

test("an admin creates a cycle with JavaScript off", async () => {
  const { context, page } = await signIn(browser, "admin", { javaScript: false });
  await page.goto(flowUrl + "/admin/cycles/new");
  await fillNewCycle(page, "Library Budget 2028");
  await page.getByLabel("Total budget").fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("alert").filter({ hasText: "more than zero" }).waitFor();
  await context.close();
});

test("the cycle editor fits a phone", async () => {
  const { context, page } = await signIn(browser, "admin", { viewport: { width: 360, height: 780 } });
  await page.goto(flowUrl + "/admin/cycles/1");
  await hydrated(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (page is ${width} px wide)`);
  await page.screenshot({ path: `${SHOTS}/cycle-editor-phone.png`, fullPage: true });
  await context.close();
});

test("an admin creates an account and an invite code, each shown once", async () => {
  const { context, page } = await signIn(browser, "admin");
  await page.goto(flowUrl + "/admin");
  await hydrated(page);
  await page.getByLabel("Username", { exact: true }).last().fill("rosa.v");
  await page.getByLabel("Display name").fill("Rosa V.");
  await page.getByRole("button", { name: "Create an account" }).click();
  const created = page.getByRole("status").filter({ hasText: "rosa.v" });
  await created.waitFor();
  assert.match(await created.textContent(), /Password [a-zA-Z2-9]{14}/);
  await page.getByRole("button", { name: "Make an invite code" }).click();
  await page.getByRole("status").filter({ hasText: "Invite code:" }).waitFor();
  // A reload shows neither again: only their hashes are stored.
  await page.reload();
  assert.equal(await page.getByRole("status").count(), 0);
  await context.close();
});

test("an admin issues voter codes for a group, shown once", async () => {
  const { context, page } = await signIn(browser, "admin");
  await page.goto(flowUrl + "/admin");
  await hydrated(page);
  const tool = page.locator("details.voter-codes").first();
  await tool.locator("summary").click();
  await tool.getByLabel("Roster group").fill("Grade 9");
  await tool.getByLabel("How many codes (1 to 10,000)").fill("20");
  await tool.getByRole("button", { name: "Issue codes" }).click();
  const issued = tool.getByRole("status");
  await issued.waitFor();
  assert.match(await issued.textContent(), /20 new codes for Grade 9/);
  const codes = await tool.locator(".code-list code").allTextContents();
  assert.equal(codes.length, 20);
  for (const code of codes) {
    assert.match(code, /^[2-9A-HJKMNP-TV-Y]{6}-[2-9A-HJKMNP-TV-Y]{6}-[2-9A-HJKMNP-TV-Y]{6}$/);
  }
  // Each card: cycle, group, a QR code image, instructions in both languages.
  const card = tool.locator(".code-card").first();
  assert.match(await card.locator(".card-group").textContent(), /Grade 9/);
  assert.match(await card.locator("img.qr").getAttribute("src"), /^data:image\/svg\+xml,/);
  assert.match(await card.locator("[lang=en]").textContent(), /\/vote and type the code/);
  assert.match(await card.locator("[lang=es]").textContent(), /escribe el código/);
  // On screen at 1280 px nothing spills out of a card.
  await page.setViewportSize({ width: 1280, height: 900 });
  const spills = () => page.locator(".code-card").evaluateAll((cards) => cards.filter((card) =>
    [...card.children].some((c) => c.scrollWidth > c.clientWidth + 1) || card.scrollHeight > card.clientHeight + 1).length);
  assert.equal(await spills(), 0, "no card's text overflows on screen");
  // Printed, on A4 and on US Letter, only the cards, ten to a page, cut
  // along dashed lines, nothing clipped: twenty codes, two pages.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 718, height: 1047 });
  await page.screenshot({ path: `${SHOTS}/code-sheet-print.png`, fullPage: true });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator(".code-card").first().isVisible(), true);
  assert.equal(await spills(), 0, "no card's text is clipped on paper");
  assert.match(await page.locator(".code-card").first().evaluate((c) => getComputedStyle(c).outlineStyle), /dashed/);
  for (const format of ["A4", "Letter"]) {
    const pdf = (await page.pdf({ format })).toString("latin1");
    assert.equal(pdf.match(/\/Type\s*\/Page[^s]/g).length, 2, `ten cards to a ${format} page`);
  }
  await page.emulateMedia({ media: "screen" });
  // Only digests are stored: a reload cannot show them again.
  await page.reload();
  assert.equal(await page.locator(".code-list").count(), 0);
  await context.close();
});
