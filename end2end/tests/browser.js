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
