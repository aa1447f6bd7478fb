// axe-core on every voting page: the code step, each ballot, the review
// (in the island and as the JS-off page), the cast page with its receipt,
// and the receipt check with its result. No violations at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch } from "./browser.js";
import { voteUrl, phone, hydrated, openBallot, codesFromEnd } from "./voting.js";

codesFromEnd();

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});


test("the code step and each ballot, with its review, have no axe violations", async () => {
  const { context, page } = await phone(browser);
  for (const kind of ["approval", "ranked", "allocation"]) {
    await page.goto(`${voteUrl[kind]}/vote?shared=1`);
    await hydrated(page);
    assert.deepEqual(await violations(page), [], `axe on the ${kind} code step`);
    await openBallot(page, kind);
    assert.deepEqual(await violations(page), [], `axe on the ${kind} ballot`);
  }
  await openBallot(page, "approval");
  await page.getByRole("checkbox", { name: /Outdoor seating/ }).check();
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.getByRole("button", { name: "Cast my ballot" }).waitFor();
  assert.deepEqual(await violations(page), [], "axe on the review step");
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.getByRole("heading", { name: "Your ballot is cast" }).waitFor();
  assert.deepEqual(await violations(page), [], "axe on the receipt");
  await page.getByRole("link", { name: "Check my receipt" }).click();
  await hydrated(page);
  assert.deepEqual(await violations(page), [], "axe on the receipt check");
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.getByText("Your ballot is in the ballot log, unchanged.").waitFor();
  assert.deepEqual(await violations(page), [], "axe on a verified receipt");
  await context.close();
});

test("the JavaScript-off review and cast pages have no axe violations", async () => {
  // The pages are reached with JavaScript off; axe itself needs it, so
  // each address is opened again in a second page that runs scripts.
  const { context, page } = await phone(browser, { javaScript: false });
  const checker = await phone(browser);
  const check = async (what) => {
    await checker.page.goto(page.url());
    assert.deepEqual(await violations(checker.page), [], `axe on ${what}`);
  };
  await openBallot(page, "allocation", { javaScript: false });
  await page.locator("input[name='points[1]']").fill("100");
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.waitForURL(/\/vote\/review\?/);
  await check("/vote/review");
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.waitForURL(/\/vote\/cast\?/);
  await check("/vote/cast");
  await context.close();
  await checker.context.close();
});
