/**
 * Learners' pages stay under 100 KB of gzipped JavaScript (issue 19, ADR 0038): the bench's measure
 * (bench/bundles.ts: the entry, the route modules from root down, their chunks and the strings the page
 * loads), read from the browser build (public/build) that `npm run build` writes before the tests. A size,
 * not a timing: the same build gives the same bytes. Also what the size relies on that a config change
 * could undo without failing anything else.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleSizes, LEARNER_TARGET_KB, pageFiles, PAGES } from "../../bench/bundles";

const PUBLIC = path.resolve("public");

describe("learners' pages' JavaScript", () => {
  it(`is under ${LEARNER_TARGET_KB} KB (gzip) on every learner page of the bench`, () => {
    const sizes = bundleSizes(PUBLIC);
    const learner = sizes.filter((s) => s.learner);
    expect(learner.map((s) => s.page)).toEqual(PAGES.filter((p) => p.learner).map((p) => p.page));
    const over = learner.filter((s) => s.gzipKB >= LEARNER_TARGET_KB).map((s) => `${s.page}: ${s.gzipKB} KB`);
    expect(over).toEqual([]);
  });

  // patches/@remix-run+react+2.17.5.patch leaves single fetch and lazy route discovery out of the browser build;
  // turning either flag on needs the patch removed (the stubs throw a clear error in the browser).
  it("has no single-fetch or lazy route discovery code, and the Remix flags that would need it are off", () => {
    const config = fs.readFileSync(path.resolve("remix.config.js"), "utf8");
    expect(config).toMatch(/\bv3_singleFetch: false\b/);
    expect(config).toMatch(/\bv3_lazyRouteDiscovery: false\b/);
    const page = PAGES.find((p) => p.page === "/track/$moduleId")!;
    const text = [...pageFiles(page, PUBLIC)!].map((url) => fs.readFileSync(path.join(PUBLIC, url), "utf8")).join("\n");
    // Single fetch's data URLs (and with them turbo-stream, which only single fetch imports); lazy discovery's manifest requests.
    expect(text).not.toMatch(/_root\.data|\/__manifest/);
    expect(text).toMatch(/patched out of @remix-run\/react's browser build/);
  });
});
