import path from "node:path";
import { defineConfig } from "@playwright/test";
import { TEST_DEMO_PASSWORD } from "./tests/support/demo-password";

const port = Number(process.env.E2E_PORT ?? 4599);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? path.resolve("data-e2e");

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? "list" : "line",
  timeout: 30_000,
  use: {
    baseURL,
    locale: "fr-FR",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node_modules/.bin/tsx app/server/main.ts",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      SKIP_BUILD: "1",
      DATABASE_PATH: path.join(dataDir, "e2e.db"),
      OUTBOX_DIR: path.join(dataDir, "outbox"),
      NODE_ENV: "production",
      // One process, as before the cluster (ADR 0025): the specs do not depend on which worker answers.
      WORKERS: "1",
      // gate.spec.ts's webhook receiver listens on loopback (docs/security.md › outgoing requests).
      OUTBOUND_ALLOW_PRIVATE: "1",
      // No password is published: the seed generates one unless told which to use.
      DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    },
  },
});
