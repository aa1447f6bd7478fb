// Writes brotli (.br) and gzip (.gz) copies of each file at the highest
// levels, prints raw and compressed sizes, and fails when the brotli total
// passes the budget: the server sends the .br copy to every browser that
// asks for it, and every current browser does.
//
//   node scripts/compress.mjs [--label TEXT] [--warn-only] BUDGET_KB FILE...
//
// --warn-only reports an overrun on stderr and exits 0; --label names the
// total (by default "every page loads").
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

let args = process.argv.slice(2);
let label = "every page loads";
if (args[0] === "--label") {
  label = args[1];
  args = args.slice(2);
}
const warnOnly = args[0] === "--warn-only";
const [budgetArg, ...files] = warnOnly ? args.slice(1) : args;
const budget = Number(budgetArg) * 1024;
if (!Number.isFinite(budget) || files.length === 0) {
  console.error("usage: node scripts/compress.mjs BUDGET_KB FILE...");
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
let totals = { raw: 0, gz: 0, br: 0 };
console.log(`${"file".padEnd(32)}${"raw".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
for (const file of files) {
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  writeFileSync(file + ".gz", gz);
  writeFileSync(file + ".br", br);
  totals = { raw: totals.raw + raw.length, gz: totals.gz + gz.length, br: totals.br + br.length };
  console.log(`${basename(file).padEnd(32)}${kb(raw.length)}${kb(gz.length)}${kb(br.length)}`);
}
console.log(`${label.padEnd(32)}${kb(totals.raw)}${kb(totals.gz)}${kb(totals.br)}`);
if (totals.br > budget) {
  console.error(`over budget: ${kb(totals.br).trim()} brotli, the limit is ${kb(budget).trim()}`);
  process.exit(warnOnly ? 0 : 1);
}
console.log(`within the budget of ${kb(budget).trim()} (brotli)`);
