// axe-core in a page: the violations, each with its rule, impact and the
// elements it names. Shared by every test that checks a page with axe.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The axe violations on `page` as it is now. */
export async function violations(page) {
  // Evaluated through the DevTools protocol, as the test's own code: an
  // added <script> tag would be an inline script the page's Content
  // Security Policy rightly refuses.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
