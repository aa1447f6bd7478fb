// Voting on a phone: each ballot cast with the mouse, with the keyboard
// and with JavaScript off; the code's live check; a reload keeps the
// ballot in progress; shared-device mode; the receipt checked in the
// browser, and a forged one refused. (The voter's path under a slow phone,
// reloads, Back and the language switch: voter-path.test.js.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launch } from "./browser.js";
import { voteUrl, freshCode, phone, hydrated, openBallot } from "./voting.js";

const SHOTS = process.env.PEBBLE_E2E_SHOTS ?? "../target/e2e-screenshots";
mkdirSync(SHOTS, { recursive: true });
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function castAndReadReceipt(page) {
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  assert.equal(await page.locator(".not-cast").count(), 0, "no 'not cast yet' once cast");
  const tracker = (await page.locator(".tracker").textContent()).trim();
  assert.match(tracker, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return tracker;
}

test("the code field says at once when a code has a typo, before the server is asked", async () => {
  const { context, page } = await phone(browser);
  await page.goto(voteUrl.approval + "/vote");
  await hydrated(page);
  const code = freshCode("approval");
  const field = page.getByLabel("Your voter code");
  const last = code.at(-1);
  await field.fill(code.slice(0, -1) + (last === "2" ? "3" : "2"));
  await page.getByText("This code has a typo: check it letter by letter.").waitFor();
  await field.fill(code.slice(0, 4) + "I");
  await page.getByText("'I' is never part of a voter code").waitFor();
  await field.fill(code.toLowerCase());
  await page.getByText("This code is typed correctly.").waitFor();
  await page.getByRole("button", { name: "Open my ballot" }).click();
  await page.getByText("Pick the projects you want funded").waitFor();
  await context.close();
});

test("an approval ballot is cast with the mouse at 360 px, and the budget meter holds the line", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval");
  await page.getByText("Not cast yet").waitFor();
  for (const name of ["Water bottle refill stations", "Outdoor seating in the courtyard", "Robotics club starter kits", "Library graphic novel collection"]) {
    await page.getByRole("checkbox", { name: new RegExp(name) }).check();
  }
  await page.getByText("Spent $9,400.00 · left $600.00").waitFor();
  await page.getByText("4 projects picked (at most 5).").waitFor();
  assert.ok(await page.getByRole("checkbox", { name: /Free period products/ }).isDisabled(), "a project that does not fit is disabled");
  await page.screenshot({ path: `${SHOTS}/ballot-approval-phone.png`, fullPage: true });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByText("You are funding 4 projects for $9,400.00 of $10,000.00.").waitFor();
  await page.getByRole("button", { name: "Change my ballot" }).click();
  await page.getByRole("checkbox", { name: /Robotics club/ }).uncheck();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByText("You are funding 3 projects for $7,200.00 of $10,000.00.").waitFor();
  await castAndReadReceipt(page);
  await page.screenshot({ path: `${SHOTS}/receipt-phone.png`, fullPage: true });
  await context.close();
});

test("a reload keeps the ballot in progress, and it is still not cast", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Courtyard vegetable garden/ }).check();
  await page.getByRole("checkbox", { name: /Phone charging lockers/ }).check();
  await page.reload();
  await hydrated(page);
  await page.getByText("Spent $5,500.00 · left $4,500.00").waitFor();
  assert.ok(await page.getByRole("checkbox", { name: /Courtyard vegetable garden/ }).isChecked());
  await page.getByText("Not cast yet").waitFor();
  await context.close();
});

test("the ranked ballot is cast with the keyboard alone, each move announced", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "ranked");
  const press = async (name) => {
    await page.getByRole("button", { name }).focus();
    await page.keyboard.press("Enter");
  };
  // Each move is made once the last one is announced (and has moved the
  // focus), as someone listening to a screen reader makes them: pressed
  // faster than the page moves the focus, a key lands on another button.
  const announced = (text) => page.locator("[aria-live=polite].visually-hidden", { hasText: text }).waitFor();
  await press("Rank Water bottle refill stations");
  await announced("Water bottle refill stations is now number 1 of 1.");
  await press("Rank Robotics club starter kits");
  await announced("Robotics club starter kits is now number 2 of 2.");
  await press("Rank Courtyard vegetable garden");
  await announced("Courtyard vegetable garden is now number 3 of 3.");
  assert.equal(await page.getByRole("button", { name: "Rank Phone charging lockers" }).getAttribute("aria-disabled"), "true", "k = 3 reached");
  await press("Move Courtyard vegetable garden up");
  await page.locator(".visually-hidden", { hasText: "Courtyard vegetable garden is now number 2 of 3." }).waitFor();
  await press("Move Courtyard vegetable garden up");
  await page.locator(".visually-hidden", { hasText: "Courtyard vegetable garden is now number 1 of 3." }).waitFor();
  await press("Remove Robotics club starter kits from the ranking");
  assert.deepEqual(await page.locator(".ranking .title").allTextContents(), ["Courtyard vegetable garden", "Water bottle refill stations"]);
  await page.screenshot({ path: `${SHOTS}/ballot-ranked-phone.png`, fullPage: true });
  await press("Review my ballot");
  await page.getByText("You ranked 2 projects:").waitFor();
  assert.deepEqual(await page.locator(".summary-list li").allTextContents(), ["Courtyard vegetable garden", "Water bottle refill stations"]);
  await press("Cast my ballot");
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  await context.close();
});

test("the ranked ballot reorders by drag and drop with the mouse", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "ranked");
  await page.getByRole("button", { name: "Rank Library graphic novel collection" }).click();
  await page.getByRole("button", { name: "Rank Outdoor seating in the courtyard" }).click();
  const items = page.locator(".ranking .ranked-item");
  await items.nth(1).dragTo(items.nth(0));
  assert.deepEqual(await page.locator(".ranking .title").allTextContents(), ["Outdoor seating in the courtyard", "Library graphic novel collection"]);
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await castAndReadReceipt(page);
  await context.close();
});

test("the allocation ballot is cast with steppers and typed points, all points used", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "allocation");
  await page.getByLabel(/^Points for/).first().fill("60");
  await page.getByText("40 of 100 points left").waitFor();
  const more = page.getByRole("button", { name: "One more point for Robotics club starter kits" });
  for (let i = 0; i < 30; i++) await more.click();
  await page.getByText("10 of 100 points left").waitFor();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByText("Use all 100 points (you gave 90).").waitFor();
  await page.getByRole("button", { name: "Change my ballot" }).click();
  for (let i = 0; i < 10; i++) await more.click();
  await page.getByText("0 of 100 points left").waitFor();
  assert.ok(await more.isDisabled(), "no point beyond the last");
  await page.screenshot({ path: `${SHOTS}/ballot-allocation-phone.png`, fullPage: true });
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByText("You gave 100 of your 100 points:").waitFor();
  await castAndReadReceipt(page);
  await context.close();
});

for (const [kind, fill, sentence] of [
  ["approval", async (page) => {
    await page.getByRole("checkbox", { name: /Water bottle refill stations/ }).check();
    await page.getByRole("checkbox", { name: /Free period products/ }).check();
  }, "You are funding 2 projects for $4,600.00 of $10,000.00."],
  ["ranked", async (page) => {
    await page.locator("input[name='ranks[2]']").fill("2");
    await page.locator("input[name='ranks[5]']").fill("1");
  }, "You ranked 2 projects:"],
  ["allocation", async (page) => {
    await page.locator("input[name='points[1]']").fill("70");
    await page.locator("input[name='points[3]']").fill("30");
  }, "You gave 100 of your 100 points:"],
]) {
  test(`the ${kind} ballot is cast with JavaScript off, through plain forms`, async () => {
    const { context, page } = await phone(browser, { javaScript: false });
    await openBallot(page, kind, { javaScript: false });
    await fill(page);
    await page.getByRole("button", { name: "Review my ballot" }).click();
    await page.waitForURL(/\/vote\/review$/);
    await page.getByText(sentence).waitFor();
    await page.getByText("Not cast yet").waitFor();
    await page.getByRole("button", { name: "Cast my ballot" }).click();
    await page.waitForURL(/\/vote\/cast$/);
    await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
    assert.match(await page.locator(".tracker").textContent(), /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await context.close();
  });
}

test("with JavaScript off an invalid ballot is refused by name and nothing is cast", async () => {
  const { context, page } = await phone(browser, { javaScript: false });
  const code = await openBallot(page, "ranked", { javaScript: false });
  await page.locator("input[name='ranks[2]']").fill("1");
  await page.locator("input[name='ranks[5]']").fill("1");
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByText(/both have rank 1; give each project its own number/).waitFor();
  await page.getByRole("button", { name: "Change my ballot" }).click();
  await page.waitForURL(/\/vote\/ballot$/);
  assert.equal(await page.locator("input[name='ranks[5]']").inputValue(), "1", "the ballot comes back filled in");
  assert.ok(!page.url().includes(code.slice(0, 6)), "and the code is not in the address");
  await context.close();
});

test("a used code is refused with one message and the ballot stays", async () => {
  const { context, page } = await phone(browser);
  const code = await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Water bottle/ }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await castAndReadReceipt(page);
  const second = await context.newPage();
  await second.goto(`${voteUrl.approval}/vote?cycle=1#code=${code}`);
  await hydrated(second);
  await second.waitForFunction(() => document.getElementById("voter-code")?.value.length > 0);
  await Promise.all([second.waitForURL(/\/vote\/ballot/), second.getByRole("button", { name: "Open my ballot" }).click()]);
  await hydrated(second);
  await second.getByRole("checkbox", { name: /Phone charging/ }).check();
  await second.getByRole("button", { name: "Review my ballot" }).click();
  await second.getByRole("button", { name: "Cast my ballot" }).click();
  await second.getByText("This code cannot vote in this cycle").waitFor();
  await second.getByText("Not cast yet").waitFor();
  await context.close();
});

test("shared-device mode clears after a cast and after the idle timeout", async () => {
  const { context, page } = await phone(browser);
  await page.goto(`${voteUrl.approval}/vote?cycle=1&shared=1&idle=12`);
  await hydrated(page);
  await page.getByLabel("Your voter code").fill(freshCode("approval"));
  await page.getByRole("button", { name: "Open my ballot" }).click();
  await hydrated(page);
  await page.getByRole("checkbox", { name: /Library graphic novel/ }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await castAndReadReceipt(page);
  await page.getByRole("button", { name: "Done: clear for the next voter" }).click();
  await page.getByText("The page was cleared for the next voter.").waitFor();
  assert.equal(await page.getByLabel("Your voter code").inputValue(), "");
  assert.ok(!page.url().includes("code="), "no code left in the address");
  await page.getByLabel("Your voter code").fill(freshCode("approval"));
  await page.getByRole("button", { name: "Open my ballot" }).click();
  await hydrated(page);
  assert.ok(!page.url().includes("code="), "the code leaves the address once the ballot is open");
  await page.getByRole("checkbox", { name: /Robotics club/ }).check();
  await page.getByText(/this ballot clears in \d+ seconds/).waitFor({ timeout: 15000 });
  await page.getByText("The page was cleared for the next voter.").waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, "nothing of the ballot is kept");
  await context.close();
});

test("the receipt page verifies a real receipt in the browser and refuses a forged one", async () => {
  const { context, page } = await phone(browser);
  await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Outdoor seating/ }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await castAndReadReceipt(page);
  const file = decodeURIComponent((await page.getByRole("link", { name: "Download the receipt" }).getAttribute("href")).split(",").slice(1).join(","));
  const receipt = JSON.parse(file);
  await page.getByRole("link", { name: "Check my receipt" }).click();
  await hydrated(page);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText("Your ballot is in the ballot log, unchanged.").waitFor();
  await page.locator(".check-result li", { hasText: "Outdoor seating in the courtyard" }).waitFor();
  await page.getByLabel("Or choose the receipt file").setInputFiles({ name: "receipt.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await page.waitForFunction(() => document.querySelector("#receipt-text").value.includes("signed_note"));
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText(/extends the one of \d+ your receipt was given with/).waitFor();
  await page.screenshot({ path: `${SHOTS}/receipt-check-phone.png`, fullPage: true });
  const flip = (hex) => (hex[0] === "0" ? "1" : "0") + hex.slice(1);
  await page.getByLabel("Receipt", { exact: true }).fill(JSON.stringify({ ...receipt, leaf_hash: flip(receipt.leaf_hash) }));
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText("This receipt could not be verified").waitFor();
  await page.getByText(/kept with your receipt is not the one/).waitFor();
  const forgedNote = receipt.signed_note.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1}\n`);
  await page.getByLabel("Receipt", { exact: true }).fill(JSON.stringify({ ...receipt, signed_note: forgedNote }));
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText(/checkpoint on your receipt is not signed/).waitFor();
  await page.getByLabel("Receipt", { exact: true }).fill("not a receipt");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText("This is not a receipt.", { exact: false }).waitFor();
  await context.close();
});
