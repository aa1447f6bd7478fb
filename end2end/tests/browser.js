// Launches Debian's Chromium through playwright-core (no browser download).
// Playwright gives every launch a fresh, temporary user-data-dir.
import { chromium } from "playwright-core";

export const baseUrl = process.env.PEBBLE_E2E_BASE_URL ?? "http://127.0.0.1:3100";

/** A headless Chromium; close it when done. */
export function launch() {
  return chromium.launch({
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
