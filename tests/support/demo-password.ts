/**
 * The demo people's password in the tests and the end-to-end suite. No password is published for a
 * real start (it is generated: db/seed.ts); the harness sets DEMO_PASSWORD, which the seed honours.
 * Imported by tests/support/setup.ts (vitest), playwright.config.ts and tests/e2e/support.ts.
 */
export const TEST_DEMO_PASSWORD = "Test-demo-gravel-lantern-42";
