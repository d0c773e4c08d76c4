/**
 * `npm run test:e2e`: finds a system Chromium (Playwright cannot download browsers here), prepares a
 * fresh data folder, and runs the Playwright suites against the production build.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (path.isAbsolute(candidate)) {
      if (fs.existsSync(candidate)) return candidate;
      continue;
    }
    try {
      return execFileSync("which", [candidate], { encoding: "utf8" }).trim() || null;
    } catch {
      // not on the PATH
    }
  }
  return null;
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      "End-to-end tests need Chromium, and none was found.",
      "Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y chromium",
      "or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test",
    ].join("\n"),
  );
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-e2e-"));
const result = spawnSync(path.resolve("node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium, E2E_DATA_DIR: dataDir },
});
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
