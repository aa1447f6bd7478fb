// axe-core on every voting page: the code step, each ballot, the review
// (in the island and as the JS-off page), the cast page with its receipt,
// and the receipt check with its result. No violations at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch } from "./browser.js";
import { voteUrl, phone, hydrated, openBallot, codesFromBlock } from "./voting.js";

codesFromBlock(1);

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
  // The pages are answers to posts, reached with JavaScript off; axe
  // itself needs scripts, so each answer's HTML is loaded again, as it
  // was served, into a second page that runs them.
  const { context, page } = await phone(browser, { javaScript: false });
  const checker = await phone(browser);
  const check = async (from, what) => {
    const [html, at] = [await from.content(), from.url()];
    await checker.page.route(at, (r) => r.fulfill({ status: 200, contentType: "text/html", body: html }));
    await checker.page.goto(at);
    await checker.page.unroute(at);
    assert.deepEqual(await violations(checker.page), [], `axe on ${what}`);
  };
  await openBallot(page, "allocation", { javaScript: false });
  await page.locator("input[name='points[1]']").fill("100");
  await page.getByRole("button", { name: "Review my ballot" }).click();
  await page.waitForURL(/\/vote\/review$/);
  await check(page, "/vote/review");
  await page.getByRole("button", { name: "Cast my ballot" }).click();
  await page.waitForURL(/\/vote\/cast$/);
  await check(page, "/vote/cast");
  await context.close();
  await checker.context.close();
});
