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
import diagnosticEn from "./diagnostic.en";
import diagnosticFr from "./diagnostic.fr";
import examEn from "./exam.en";
import examFr from "./exam.fr";
import trackEn from "./track.en";
import trackFr from "./track.fr";
import moduleEn from "./module.en";
import moduleFr from "./module.fr";
import placementEn from "./placement.en";
import placementFr from "./placement.fr";
import accreditationEn from "./accreditation.en";
import accreditationFr from "./accreditation.fr";
import charterEn from "./charter.en";
import charterFr from "./charter.fr";
import accountEn from "./account.en";
import accountFr from "./account.fr";
import { groupsFor, hasStringsFor, loadStrings, STAFF_PAGE_GROUPS } from "./strings";

function flatten(strings: Dictionary, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(?:(?:de|le|la|que)\s+)?(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const PAGE_GROUPS = {
  exam: [examFr, examEn],
  diagnostic: [diagnosticFr, diagnosticEn],
  track: [trackFr, trackEn],
  module: [moduleFr, moduleEn],
  placement: [placementFr, placementEn],
  accreditation: [accreditationFr, accreditationEn],
  charter: [charterFr, charterEn],
  account: [accountFr, accountEn],
} as const;
/** An import or re-export that reaches the browser: `import type` and `export type` are erased by the compiler. */
const RUNTIME_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type[\s{])[^;]*?from\s+"((?:~|\.{1,2})\/[^"]+)"/g;

/** Route files a learner (or anyone signed out) can open; the others are staff pages. */
const LEARNER_ROUTES =
  /^(\$|_index|home|track|diagnostic|placement|charter|exam|accreditation|account|inbox|privacy|login|logout|forgot-password|reset-password|invite|verify|language|sso)(?![a-z-])/;
const GROUPS = { core: [coreFr, coreEn], staff: [staffFr, staffEn], server: [serverFr, serverEn], ...PAGE_GROUPS } as const;

/**
 * The files a module imports from the app (not server modules, not the strings themselves, not app/auth whose
 * permission names look like keys), its keys (literal, or a prefix followed by `${`), and the page groups' loaders it imports.
 */
function moduleGraph(app: string, entry: string) {
  const seen = new Set<string>();
  const keys: { file: string; literal: string; dynamic: boolean }[] = [];
  const loaders = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || /\.server\.tsx?$/.test(file) || /[/\\](i18n|auth)[/\\]/.test(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const [, group] of source.matchAll(/import\s+"~\/i18n\/load\/(\w+)\.client"/g)) loaders.add(group!);
    for (const [, literal, dynamic] of source.matchAll(/["'`]([a-z]\w*(?:\.\w+)+)(\.\$\{)?/g))
      keys.push({ file, literal: literal!, dynamic: Boolean(dynamic) });
    for (const [, spec] of source.matchAll(RUNTIME_IMPORT)) {
      const base = spec!.startsWith("~/") ? path.join(app, spec!.slice(2)) : path.resolve(path.dirname(file), spec!);
      for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) visit(candidate);
    }
  };
  visit(entry);
  return { seen, keys, loaders };
}

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
    // Staff pages get the page groups they name without loaders (a manager's decisions, the charter's admin, invitations).
    expect(await loadStrings("fr", ["core", "staff"])).toEqual([coreFr, staffFr, accreditationFr, charterFr, accountFr]);
  });

  // A page group reaches the browser only with the modules that import its loader: every route whose files name
  // one of its keys must import it (through any of its files), and the root layout none (ADR 0032).
  it("loads each page group with the routes that name its keys", () => {
    const app = path.resolve(__dirname, "..");
    const owners = new Map<string, string>();
    for (const [group, [fr]] of Object.entries(PAGE_GROUPS)) for (const key of flatten(fr).keys()) owners.set(key, group);
    const groupsNamed = (keys: ReturnType<typeof moduleGraph>["keys"]) => {
      const named = new Map<string, string>();
      for (const { file, literal, dynamic } of keys) {
        const matches = dynamic
          ? [...owners].filter(([key]) => key.startsWith(`${literal}.`))
          : owners.has(literal)
            ? [[literal, owners.get(literal)!] as const]
            : [];
        for (const [key, group] of matches) named.set(group, `${path.relative(app, file)}: ${key}`);
      }
      return named;
    };
    const root = moduleGraph(app, path.join(app, "root.tsx"));
    expect([...groupsNamed(root.keys).values()]).toEqual([]);
    expect([...root.loaders]).toEqual([]);
    const problems: string[] = [];
    const routes = fs.readdirSync(path.join(app, "routes")).filter((f) => /\.tsx$/.test(f) && !/\.test\./.test(f));
    for (const route of routes) {
      const graph = moduleGraph(app, path.join(app, "routes", route));
      // Staff pages get some page groups with the staff group (STAFF_PAGE_GROUPS); learners' pages load their own.
      const carried: readonly string[] = LEARNER_ROUTES.test(route) ? [] : STAFF_PAGE_GROUPS;
      for (const [group, example] of groupsNamed(graph.keys))
        if (!graph.loaders.has(group) && !carried.includes(group)) problems.push(`routes/${route} needs the "${group}" loader (${example})`);
    }
    expect(routes.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
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
        .filter((f) =>
          /^(\$|_index|home|track|diagnostic|placement|charter|exam|accreditation|account|login|logout|forgot-password|reset-password|invite|verify|language)\b/.test(
            f,
          ),
        )
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
      for (const [, spec] of source.matchAll(RUNTIME_IMPORT)) {
        const base = spec!.startsWith("~/") ? path.join(app, spec!.slice(2)) : path.resolve(path.dirname(file), spec!);
        for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) visit(candidate);
      }
    };
    for (const route of learnerRoutes) visit(path.join(app, route));
    expect(seen.size).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});
