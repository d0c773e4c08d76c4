/**
 * The server's route matching is patched (ADR 0035): ranked branches cached per route tree, and only the
 * branches whose first segment can match are tried. The browser's build of the same package is not patched:
 * for every route of the real build, and for paths around them, both must give the same matches.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

type RouteObject = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteObject[] };
type Match = { route: { id: string }; params: Record<string, string>; pathname: string; pathnameBase: string };
type MatchRoutes = (routes: RouteObject[], location: string) => Match[] | null;

const require = createRequire(import.meta.url);
const patched = require("@remix-run/router") as { matchRoutes: MatchRoutes };
let unpatched: { matchRoutes: MatchRoutes };
let tree: RouteObject[];
let samples: string[];

beforeAll(async () => {
  unpatched = (await import(pathToFileURL(path.resolve("node_modules/@remix-run/router/dist/router.js")).href)) as typeof unpatched;
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as {
    routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }>;
  };
  const byParent = new Map<string | undefined, RouteObject[]>();
  for (const route of Object.values(build.routes)) {
    const list = byParent.get(route.parentId) ?? [];
    list.push({ id: route.id, path: route.path, index: route.index, caseSensitive: route.caseSensitive });
    byParent.set(route.parentId, list);
  }
  const attach = (routes: RouteObject[]): RouteObject[] =>
    routes.map((route) => {
      const children = byParent.get(route.id);
      return children ? { ...route, children: attach(children) } : route;
    });
  tree = attach(byParent.get(undefined) ?? []);
  // Every route's full path, with its parameters filled in, and variations that must or must not match.
  const full: string[] = [];
  const walk = (routes: RouteObject[], prefix: string) => {
    for (const route of routes) {
      const here = route.path ? `${prefix}/${route.path}` : prefix;
      full.push(here || "/");
      if (route.children) walk(route.children, here);
    }
  };
  walk(tree, "");
  samples = [];
  for (const pattern of full) {
    const filled = pattern.replace(/:[\w-]+\??/g, "abc-123").replace(/\*$/, "some/deep/path");
    samples.push(filled, filled.toUpperCase(), `${filled}/`, `${filled}/extra`, `/x${filled}`, `//${filled}`);
  }
  samples.push("/", "", "/%C3%A9t%C3%A9", "/unknown", "/unknown/deeper/still", "/.well-known/x", "/api", "/API/v1/Gate");
  expect(full.length).toBeGreaterThan(50);
});

function summary(matches: Match[] | null) {
  return matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;
}

describe("server route matching (patched) and the browser's (unpatched)", () => {
  it("match every route of the build, and the paths around them, the same way", () => {
    for (const sample of samples) {
      // Twice on the patched side: the second call reads the cached branches.
      expect(summary(patched.matchRoutes(tree, sample)), sample).toEqual(summary(unpatched.matchRoutes(tree, sample)));
      expect(summary(patched.matchRoutes(tree, sample)), sample).toEqual(summary(unpatched.matchRoutes(tree, sample)));
    }
  });
});
