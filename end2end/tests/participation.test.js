// Issue 4's flow: a student proposes, the committee reviews, a family
// member replies, the committee hides a comment; then the submit and
// comment forms again with JavaScript off. Runs against the flow server,
// whose cycle starts in the ideas phase.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { launch } from "./browser.js";
import { flowUrl, signIn, hydrated } from "./flow.js";
import { solidPng } from "./png.js";

const SHOTS = process.env.PEBBLE_E2E_SHOTS ?? "../target/e2e-screenshots";
let browser;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

async function movePhase(to) {
  const { context, page } = await signIn(browser, "admin");
  await page.goto(flowUrl + "/admin");
  await page.getByRole("button", { name: `Move to the next phase: ${to}` }).click();
  await page.locator('li[aria-current="step"]', { hasText: to }).waitFor();
  await context.close();
}

/** Tries a move that must be refused; returns the page's alert. */
async function refusedMove(to) {
  const { context, page } = await signIn(browser, "admin");
  await page.goto(flowUrl + "/admin");
  await page.getByRole("button", { name: `Move to the next phase: ${to}` }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.equal(await page.locator('li[aria-current="step"]', { hasText: to }).count(), 0);
  await context.close();
  return text;
}

/** The committee reviews, through the API, every proposal still waiting. */
async function reviewTheRest(committee) {
  for (let id = 1; id <= 30; id++) {
    const api = (path, form) =>
      committee.context.request.post(flowUrl + path, { form, headers: { accept: "application/json" } });
    const found = await api("/api/proposal", { id: String(id) });
    if (found.status() === 404) continue;
    const proposal = await found.json();
    if (proposal.status !== "submitted") continue;
    const reviewed = await api("/api/review-proposal", {
      id: String(id),
      verdict: "not_feasible",
      ballot_cost: "",
      note: "Reviewed with the others before deliberation.",
    });
    assert.equal(reviewed.status(), 200, await reviewed.text());
  }
}

async function submitProposal(page, title) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary (one paragraph)").fill("Covered racks by the main gate for twenty bikes.");
  await page.getByLabel("Description").fill("Many of us cycle in and the racks are full by 8:15.\nTwenty covered spaces would fix it.");
  await page.getByLabel("Category").fill("Spaces");
  await page.getByLabel("Estimated cost").fill("1,150");
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await page.waitForURL(/\/proposals\/\d+$/);
  await page.locator("h1", { hasText: title }).waitFor();
}

/** Uploads a picture to the proposal open in `page`; waits until it shows. */
async function uploadImage(page, description) {
  const buffer = solidPng(320, 180, [46, 125, 50]);
  await page.getByLabel("Image file (PNG, JPEG or WebP)").setInputFiles({ name: "sketch.png", mimeType: "image/png", buffer });
  await page.getByLabel("Describe the image for people who cannot see it").fill(description);
  await page.getByRole("button", { name: "Upload image" }).click();
  const image = page.locator(`figure.proposal-image img[alt="${description}"]`);
  await image.waitFor();
  // Polled from here: with JavaScript off the page runs no animation
  // frames, so page.waitForFunction would only ever check once.
  for (let tries = 0; tries < 100; tries++) {
    if ((await image.evaluate((img) => img.complete && img.naturalWidth)) === 320) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the uploaded image "${description}" did not load`);
}

function comment(page, text) {
  return page.locator("li.comment", { hasText: text });
}

test("the submit and comment forms work with JavaScript off", async () => {
  // Runs first, while the cycle is in the ideas phase.
  const student = await signIn(browser, "devon.t", { javaScript: false });
  await student.page.getByRole("link", { name: "Submit a proposal" }).click();
  await student.page.waitForURL(/\/proposals\/new$/);
  await submitProposal(student.page, "Bike repair station");
  await student.page.getByLabel("Your comment").fill("Posted without JavaScript.");
  await student.page.getByRole("button", { name: "Post comment" }).click();
  await comment(student.page, "Posted without JavaScript.").waitFor();
  await uploadImage(student.page, "A bike stand with tools on chains");
  // A refused upload comes back to the page with the server's message.
  await student.page.getByLabel("Image file (PNG, JPEG or WebP)").setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("not a picture") });
  await student.page.getByLabel("Describe the image for people who cannot see it").fill("Notes");
  await student.page.getByRole("button", { name: "Replace image" }).click();
  await student.page.getByRole("alert").filter({ hasText: "not a PNG, JPEG or WebP image" }).waitFor();
  await student.context.close();
});

test("propose, review, reply and moderate, with JavaScript", async () => {
  const student = await signIn(browser, "maya.r");
  await student.page.getByRole("link", { name: "Submit a proposal" }).click();
  await student.page.waitForURL(/\/proposals\/new$/);
  await hydrated(student.page);
  // Live feedback from the islands, with the server's own parser and words.
  await student.page.getByLabel("Estimated cost").fill("12.345");
  await student.page.getByText("The estimated cost must be an amount such as 1250").waitFor();
  await student.page.getByLabel("Estimated cost").fill("1,150");
  await student.page.getByText("= $1,150.00").waitFor();
  await student.page.getByLabel("Title").fill("Covered bike racks");
  await student.page.getByText("18 of 120 characters").waitFor();
  await submitProposal(student.page, "Covered bike racks");
  const proposalUrl = student.page.url();
  assert.equal(await student.page.locator(".status").textContent(), "Submitted");
  await hydrated(student.page);
  await uploadImage(student.page, "Sketch of covered racks by the main gate");
  await hydrated(student.page);
  await student.page.getByLabel("Your comment").fill("Happy to answer questions about the racks.");
  await student.page.getByRole("button", { name: "Post comment" }).click();
  await comment(student.page, "Happy to answer").waitFor();
  await student.context.close();

  await movePhase("Review");
  const committee = await signIn(browser, "okafor");
  await committee.page.goto(proposalUrl);
  await hydrated(committee.page);
  await committee.page.getByLabel("Cost on the ballot").fill("1,200.00");
  await committee.page.getByLabel("Public note").fill("Quote from the district: 1,200 installed.");
  await committee.page.getByRole("button", { name: "Save review" }).click();
  await committee.page.locator(".ballot-cost", { hasText: "$1,200.00" }).waitFor();
  assert.equal(await committee.page.locator(".status").textContent(), "Feasible");
  // Deliberation waits until the committee has reviewed every proposal.
  assert.match(await refusedMove("Deliberation"), /still need the committee's review/);
  await reviewTheRest(committee);
  await movePhase("Deliberation");

  const family = await signIn(browser, "parent.chen");
  await family.page.goto(proposalUrl);
  await hydrated(family.page);
  const first = comment(family.page, "Happy to answer");
  await first.locator("summary", { hasText: "Reply" }).click();
  await first.getByLabel("Your reply").fill("Will the racks have locks, or do we bring our own?");
  await first.getByRole("button", { name: "Post reply" }).click();
  const reply = family.page.locator("li.comment.depth-1", { hasText: "bring our own" });
  await reply.waitFor();
  await family.context.close();

  await committee.page.reload();
  await hydrated(committee.page);
  const target = comment(committee.page, "bring our own");
  await target.locator("summary", { hasText: "Hide" }).click();
  await target.getByLabel("Public reason for hiding it").fill("Testing moderation.");
  await target.getByRole("button", { name: "Hide comment" }).click();
  await committee.page.locator(".hidden-notice", { hasText: "Testing moderation." }).waitFor();
  await committee.context.close();

  // Anyone sees the slot and the reason, not the text.
  const visitor = await browser.newPage();
  await visitor.goto(proposalUrl);
  assert.equal(await visitor.getByText("bring our own").count(), 0);
  await visitor.getByText("Hidden by the committee: Testing moderation.").waitFor();
  await visitor.close();
});

test("a phone-sized proposal page and thread", async () => {
  // The flow's proposal, seen by a signed-in family member on a phone:
  // the thread with its forms, a reply, and the hidden comment's slot.
  const { context, page } = await signIn(browser, "parent.chen", { viewport: { width: 360, height: 780 } });
  await page.getByRole("link", { name: "Covered bike racks" }).click();
  await page.locator("h1", { hasText: "Covered bike racks" }).waitFor();
  await hydrated(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (page is ${width} px wide)`);
  await page.screenshot({ path: `${SHOTS}/proposal-phone.png` });
  await comment(page, "Happy to answer").locator("summary", { hasText: "Reply" }).click();
  await page.locator("#thread-heading").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/thread-phone.png`, fullPage: true });
  await context.close();
});
