import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Dictionary } from "./translate";
import coreEn from "./core.en";
import coreFr from "./core.fr";
import serverEn from "./server.en";
import serverFr from "./server.fr";
import staffEn from "./staff.en";
import staffFr from "./staff.fr";
import { groupsFor, hasStringsFor, loadStrings } from "./strings";

function flatten(strings: Dictionary, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(?:(?:de|le|la|que)\s+)?(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const GROUPS = { core: [coreFr, coreEn], staff: [staffFr, staffEn], server: [serverFr, serverEn] } as const;

describe("interface strings", () => {
  for (const [group, [fr, en]] of Object.entries(GROUPS)) {
    it(`${group}: English has the same keys as French, with the same placeholders`, () => {
      const frKeys = flatten(fr);
      const enKeys = flatten(en);
      expect([...enKeys.keys()].sort()).toEqual([...frKeys.keys()].sort());
      for (const [key, text] of frKeys) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
    });
  }

  it("puts each key in one group only", () => {
    const seen = new Map<string, string>();
    for (const [group, [fr]] of Object.entries(GROUPS)) {
      for (const key of flatten(fr).keys()) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, group);
      }
    }
  });

  it("gives the staff group to anyone with more than the employee role", () => {
    expect(groupsFor(null)).toEqual(["core"]);
    expect(groupsFor(["employee"])).toEqual(["core"]);
    expect(groupsFor(["employee", "trainer"])).toEqual(["core", "staff"]);
    expect(groupsFor(["manager"])).toEqual(["core", "staff"]);
    expect(groupsFor(["admin"])).toEqual(["core", "staff"]);
  });

  it("knows when the browser lacks what a person's pages need: another language, or the staff group", async () => {
    expect(hasStringsFor("en", ["admin"])).toBe(true); // nothing loaded: the server renders everything
    const [core] = await loadStrings("fr", ["core"]);
    expect(core).toBe(coreFr);
    expect(hasStringsFor("fr", ["employee"])).toBe(true);
    expect(hasStringsFor("fr", null)).toBe(true);
    expect(hasStringsFor("fr", ["employee", "manager"])).toBe(false);
    expect(hasStringsFor("en", ["employee"])).toBe(false);
  });

  // Learners' browsers only have the core group: the pages they see, and the components those pages
  // import, must not name a staff or server key (keys computed from data are checked by their prefix).
  it("leaves staff and server keys out of the pages a learner sees", () => {
    const app = path.resolve(__dirname, "..");
    const notCore = new Set([...flatten(staffFr).keys(), ...flatten(serverFr).keys()]);
    const learnerRoutes = [
      "root.tsx",
      ...fs
        .readdirSync(path.join(app, "routes"))
        .filter((f) => /^(\$|_index|home|track|diagnostic|placement|charter|exam|accreditation|account|login|logout|forgot-password|reset-password|invite|verify|language)\b/.test(f))
        .map((f) => `routes/${f}`),
    ];
    const seen = new Set<string>();
    const problems: string[] = [];
    const visit = (file: string) => {
      // Server modules never reach the browser; permission names (app/auth) look like keys but are not.
      if (seen.has(file) || /\.server\.tsx?$/.test(file) || /[/\\](i18n|auth)[/\\]/.test(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, "utf8");
      for (const [, literal, dynamic] of source.matchAll(/["'`]([a-z]\w*(?:\.\w+)+)(\.\$\{)?/g)) {
        const named = dynamic ? [...notCore].filter((key) => key.startsWith(`${literal}.`)) : notCore.has(literal!) ? [literal] : [];
        for (const key of named) problems.push(`${path.relative(app, file)}: ${key}`);
      }
      for (const [, spec] of source.matchAll(/from\s+"((?:~|\.{1,2})\/[^"]+)"/g)) {
        const base = spec!.startsWith("~/") ? path.join(app, spec!.slice(2)) : path.resolve(path.dirname(file), spec!);
        for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) visit(candidate);
      }
    };
    for (const route of learnerRoutes) visit(path.join(app, route));
    expect(seen.size).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});
