// What `pebble seed-demo` and `pebble codes issue` printed for one of the
// test servers (scripts/test keeps each server's output in a file and
// names it in an environment variable): the demo accounts' passwords, the
// passphrase of the committee's key files and the voter codes.
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";

/** The seed output in the file that environment variable `variable` names. */
export function seedOutput(variable) {
  const file = process.env[variable];
  assert.ok(file, `${variable} names the server's seed output`);
  const lines = () => readFileSync(file, "utf8").split("\n").map((l) => l.trim());
  return {
    /** `username`'s demo password. */
    password(username) {
      for (const line of lines()) {
        const [name, , secret] = line.split(/\s+/);
        if (name === username && secret) return secret;
      }
      assert.fail(`no password for ${username} in ${file}`);
    },
    /** The passphrase the demo's key files are sealed under. */
    keyPassphrase() {
      const said = lines().find((l) => l.includes("their passphrase"));
      assert.ok(said, `no key passphrase in ${file}`);
      return said.split(": ").at(-1).trim();
    },
    /** The voter codes issued. */
    codes() {
      return lines().filter((l) => /^[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}$/.test(l));
    },
  };
}
