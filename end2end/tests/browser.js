// Launches Debian's Chromium through playwright-core (no browser download).
// Playwright gives every launch a fresh, temporary user-data-dir.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const baseUrl = process.env.PEBBLE_E2E_BASE_URL ?? "http://127.0.0.1:3100";

/**
 * Every Content Security Policy violation a page of this process's
 * browsers reported: Chromium logs each one to the page's console.
 */
export const cspViolations = [];

function watch(context) {
  context.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) {
      cspViolations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
    }
  });
  return context;
}

/**
 * A headless Chromium; close it when done. Closing it fails if any page
 * it opened broke the site's Content Security Policy, so every test file
 * checks the policy on every page it visits.
 */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  browser.newPage = async (options) => (await browser.newContext(options)).newPage();
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    assert.deepEqual(cspViolations, [], "no page broke the Content Security Policy");
  };
  return browser;
}

/** A 360 px phone context signed in at `url` as `username`. */
export async function phoneSignedIn(browser, url, username, password) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(url + "/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Signed in as").waitFor();
  return { context, page };
}
