/**
 * `npm run screenshots`: the main pages of each role at 1280 px and 390 px, written to docs/screenshots/
 * (ADR 0030). On demand only, never part of `npm test`: the same server as the e2e suite, another folder
 * of specs.
 */
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({ ...base, testDir: "tests/screenshots", testMatch: "**/*.shots.ts", timeout: 120_000 });
