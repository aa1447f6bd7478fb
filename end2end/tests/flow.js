// Helpers for the participation flow: demo passwords and signing in.
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

/** The flow server (a cycle seeded in the ideas phase). */
export const flowUrl = process.env.PEBBLE_E2E_FLOW_URL ?? "http://127.0.0.1:3101";

/** Demo passwords, read from what `pebble seed-demo` printed. */
export function passwords() {
  const file = process.env.PEBBLE_E2E_CREDENTIALS;
  assert.ok(file, "PEBBLE_E2E_CREDENTIALS names the seed-demo output");
  const found = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [username, role, password] = line.trim().split(/\s+/);
    if (password && ["student", "family", "committee", "admin"].includes(role)) {
      found[username] = password;
    }
  }
  return found;
}

/** Signs `username` in through the form, in a page of its own context. */
export async function signIn(browser, username, { javaScript = true, viewport } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, ...(viewport ? { viewport, deviceScaleFactor: 2 } : {}) });
  const page = await context.newPage();
  await page.goto(flowUrl + "/sign-in");
  if (javaScript) await page.locator("html[data-pebble-hydrated]").waitFor({ timeout: 20000 });
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(passwords()[username]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(flowUrl + "/");
  await page.getByText("Signed in as").waitFor();
  return { context, page };
}

/** Waits until the page's islands run in the browser (JS contexts only). */
export async function hydrated(page) {
  await page.locator("html[data-pebble-hydrated]").waitFor({ timeout: 20000 });
}
