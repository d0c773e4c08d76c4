import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts", "db/**/*.test.ts"],
    // Each test file runs in its own process with its own SQLite file (see tests/support/setup.ts).
    pool: "forks",
    setupFiles: ["./tests/support/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
