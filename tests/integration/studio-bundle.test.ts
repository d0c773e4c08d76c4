/**
 * Learners' pages stay light: CodeMirror (the studio's code editor, ~0.5 MB) is only in its own chunk,
 * loaded on demand by the studio's editor page, and in no other route's JavaScript. Reads the browser
 * build (public/build) that `npm run build` writes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const BUILD = path.resolve("public/build");
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, { module: string; imports?: string[] }> };

function manifest(): Manifest {
  const file = fs.readdirSync(BUILD).find((name) => /^manifest-.*\.js$/.test(name));
  if (!file) throw new Error("No browser build: run `npm run build` before the integration tests.");
  const text = fs.readFileSync(path.join(BUILD, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "")) as Manifest;
}

const read = (url: string) => fs.readFileSync(path.join(BUILD, url.replace(/^\/build\//, "")), "utf8");
/** Markers of CodeMirror's own code (its view and state packages). */
const CODEMIRROR = /cm-scroller|cm-gutters|EditorView\.theme/;
/** The editors that load CodeMirror, on demand (a dynamic import of codemirror.client). */
const EDITORS = new Set(["routes/studio.$moduleId", "routes/admin.charter_.drafts.$version"]);

describe("the browser bundles", () => {
  it("keep CodeMirror out of every route but the editors', and out of their static imports too", () => {
    const { entry, routes } = manifest();
    const chunk = fs.readdirSync(path.join(BUILD, "_shared")).find((name) => name.startsWith("codemirror.client-"));
    expect(chunk, "the CodeMirror chunk").toBeDefined();
    expect(fs.readFileSync(path.join(BUILD, "_shared", chunk!), "utf8")).toMatch(CODEMIRROR);

    for (const url of [entry.module, ...(entry.imports ?? [])])
      expect(read(url), url).not.toMatch(/cm-scroller|cm-gutters|EditorView\.theme|codemirror\.client/);
    for (const [id, route] of Object.entries(routes)) {
      const files = [route.module, ...(route.imports ?? [])].map((url) => ({ url, text: read(url) }));
      for (const { url, text } of files) expect(text, `${id} loads ${url}`).not.toMatch(CODEMIRROR);
      const loadsOnDemand = files.some(({ text }) => text.includes("codemirror.client"));
      expect(loadsOnDemand, `${id} ${EDITORS.has(id) ? "loads" : "does not load"} CodeMirror on demand`).toBe(EDITORS.has(id));
    }
    expect(routes["routes/track.$moduleId"], "the learner's module page").toBeDefined();
  });
});
