// axe-core on every page, English and Spanish, signed out and signed in:
// no violations at all (the issue asks for no serious or critical ones;
// every page also passes the moderate and minor rules, such as heading
// order, and should keep doing so). And the language switch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { violations } from "./axe.js";
import { launch, baseUrl } from "./browser.js";
import { flowUrl, signIn, hydrated } from "./flow.js";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});


const PUBLIC_PAGES = ["/", "/?sort=cost", "/sign-in", "/proposals/1", "/proposals/2", "/proposals/new", "/admin", "/join", "/no-such-page"];

test("public pages have no axe violations", async () => {
  const page = await browser.newPage();
  for (const path of PUBLIC_PAGES) {
    await page.goto(baseUrl + path);
    assert.deepEqual(await violations(page), [], `axe on ${path}`);
  }
  await page.close();
});

test("signed-in pages (forms, review, moderation) have none either", async () => {
  for (const [user, paths] of [
    ["okafor", ["/proposals/1", "/proposals/2"]],
    ["admin", ["/admin", "/admin/cycles/1", "/admin/cycles/new"]],
    ["maya.r", ["/proposals/new", "/proposals/1"]],
  ]) {
    const { context, page } = await signIn(browser, user);
    for (const path of paths) {
      await page.goto(flowUrl + path);
      await hydrated(page);
      await page.locator("details").evaluateAll((all) => all.forEach((d) => { d.open = true; }));
      assert.deepEqual(await violations(page), [], `axe on ${path} as ${user}`);
    }
    await context.close();
  }
});

test("the Spanish switch changes the page text and lang, and it sticks", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl + "/proposals/1");
  // The switch is a plain form, the same with JavaScript on or off: no
  // page needs wasm to change its language.
  await page.getByLabel("Language", { exact: true }).selectOption("es");
  await page.getByRole("button", { name: "Change" }).click();
  await page.getByRole("heading", { name: "Debate" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/proposals/1");
  assert.equal(await page.getAttribute("html", "lang"), "es");
  await page.goto(baseUrl + "/");
  await page.getByRole("heading", { name: "Propuestas" }).waitFor();
  assert.deepEqual(await violations(page), [], "axe on the Spanish home page");
  await context.close();

  // Without JavaScript the form's button sends it.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto(baseUrl + "/");
  await noJs.getByLabel("Language", { exact: true }).selectOption("es");
  await noJs.getByRole("button", { name: "Change" }).click();
  await noJs.getByRole("heading", { name: "Propuestas" }).waitFor();
  await noJs.getByLabel("Idioma", { exact: true }).selectOption("en");
  await noJs.getByRole("button", { name: "Cambiar" }).click();
  await noJs.getByRole("heading", { name: "Proposals" }).waitFor();
  await plain.close();
});
