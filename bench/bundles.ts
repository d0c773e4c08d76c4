/**
 * The JavaScript each main page ships, gzipped: the client entry, every route module from root down to
 * the page's route, and the chunks they import, as listed in the build's manifest
 * (public/build/manifest-*.js), plus the French strings the entry loads when it starts (dynamic
 * imports of app/i18n/strings.ts): the core group on every page, and the staff group (with the page groups it
 * carries, STAFF_PAGE_GROUPS) on staff pages, as the root layout asks for the staff's roles; and the page groups of strings (ADR 0032) that the page's modules
 * load when they load (`await <needStrings>("<group>")` in a file of the page: the group's French chunk). Each file
 * counted once per page.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { STAFF_PAGE_GROUPS } from "../app/i18n/strings";
import { ROOT } from "./config";

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute> };

/** Issue 19: every learner page under this many KB of gzipped JavaScript (the bench's target, and tests/integration/learner-bundles.test.ts). */
export const LEARNER_TARGET_KB = 100;

export type BundleSize = { page: string; route: string; files: number; rawKB: number; gzipKB: number; learner: boolean };

/** The pages reported, by the route that renders them. Learner pages are held to the size target; they load only core strings. */
export const PAGES: { page: string; routes: string[]; learner: boolean }[] = [
  { page: "/login", routes: ["routes/login"], learner: false },
  { page: "/home", routes: ["routes/home"], learner: true },
  { page: "/track", routes: ["routes/track._index", "routes/track"], learner: true },
  { page: "/track/$moduleId", routes: ["routes/track.$moduleId"], learner: true },
  { page: "/diagnostic", routes: ["routes/diagnostic._index", "routes/diagnostic"], learner: true },
  { page: "/diagnostic/$step", routes: ["routes/diagnostic.$step"], learner: true },
  { page: "/charter", routes: ["routes/charter", "routes/charter._index"], learner: true },
  { page: "/exam", routes: ["routes/exam._index", "routes/exam"], learner: true },
  { page: "/exam/$attemptId", routes: ["routes/exam.$attemptId"], learner: true },
  { page: "/accreditation", routes: ["routes/accreditation", "routes/accreditation._index"], learner: true },
  { page: "/diagnostic/review", routes: ["routes/diagnostic.review"], learner: true },
  { page: "/placement", routes: ["routes/placement"], learner: true },
  { page: "/accreditation/certificate", routes: ["routes/accreditation_.certificate"], learner: true },
  { page: "/account", routes: ["routes/account"], learner: true },
  { page: "/inbox", routes: ["routes/inbox"], learner: true },
  { page: "/verify/$id", routes: ["routes/verify.$id"], learner: true },
  { page: "/teams/$teamId", routes: ["routes/teams.$teamId"], learner: false },
];

export function readManifest(publicBuild = path.join(ROOT, "public", "build")): Manifest {
  const file = fs.readdirSync(publicBuild).find((f) => /^manifest-[A-Z0-9]+\.js$/i.test(f));
  if (!file) throw new Error(`No manifest-*.js in ${publicBuild}: build first.`);
  const text = fs.readFileSync(path.join(publicBuild, file), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
}

function read(publicDir: string, url: string): string {
  return fs.readFileSync(path.join(publicDir, url), "utf8");
}

function staticImports(publicDir: string, url: string): string[] {
  return [...read(publicDir, url).matchAll(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

function dynamicImports(publicDir: string, url: string): string[] {
  return [...read(publicDir, url).matchAll(/import\(\s*"(\/build\/[^"]+\.js)"\s*\)/g)].map((m) => m[1]!);
}

/** The files a page loads (URLs under /build/), or null when the build has none of its routes. */
export function pageFiles(
  page: (typeof PAGES)[number],
  publicDir = path.join(ROOT, "public"),
  manifest = readManifest(path.join(publicDir, "build")),
): Set<string> | null {
  const routeId = page.routes.find((id) => manifest.routes[id]);
  if (!routeId) return null;
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let route: ManifestRoute | undefined = manifest.routes[routeId]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  // The client entry downloads the page language's strings with dynamic imports (French, the default).
  // Staff pages also get the page groups the entry loads with the staff group (STAFF_PAGE_GROUPS).
  const strings =
    page.learner || page.page === "/login"
      ? /\/core\.fr-[A-Z0-9]+\.js$/i
      : new RegExp(`/(core|staff|${STAFF_PAGE_GROUPS.join("|")})\\.fr-[A-Z0-9]+\\.js$`, "i");
  for (const f of [...files]) for (const d of dynamicImports(publicDir, f)) if (strings.test(d)) files.add(d);
  // And everything those files import statically, in case the manifest's lists are not closed.
  for (const f of files) for (const i of staticImports(publicDir, f)) files.add(i);
  // The page groups of strings its modules wait for (app/i18n/load/*.client.ts), in French.
  const groups = new Set<string>();
  for (const f of files) for (const m of read(publicDir, f).matchAll(/await [A-Za-z_$][\w$]*\("(\w+)"\)/g)) groups.add(m[1]!);
  for (const f of [...files]) {
    for (const d of dynamicImports(publicDir, f)) {
      const group = /\/(\w+)\.fr-[A-Z0-9]+\.js$/i.exec(d)?.[1];
      if (group && groups.has(group)) files.add(d);
    }
  }
  return files;
}

export function bundleSizes(publicDir = path.join(ROOT, "public")): BundleSize[] {
  const manifest = readManifest(path.join(publicDir, "build"));
  const gz = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (url: string) => {
    let s = gz.get(url);
    if (!s) {
      const bytes = fs.readFileSync(path.join(publicDir, url));
      s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
      gz.set(url, s);
    }
    return s;
  };
  const out: BundleSize[] = [];
  for (const page of PAGES) {
    const routeId = page.routes.find((id) => manifest.routes[id]);
    const files = pageFiles(page, publicDir, manifest);
    if (!routeId || !files) continue;
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const s = sizeOf(f);
      raw += s.raw;
      gzip += s.gzip;
    }
    out.push({
      page: page.page,
      route: routeId,
      files: files.size,
      rawKB: Math.round(raw / 102.4) / 10,
      gzipKB: Math.round(gzip / 102.4) / 10,
      learner: page.learner,
    });
  }
  return out;
}

/** `npx tsx bench/bundles.ts` (after `npm run build`): each page's JavaScript, and whether learner pages meet the target. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = bundleSizes();
  console.table(
    sizes.map((s) => ({
      page: s.page,
      files: s.files,
      rawKB: s.rawKB,
      gzipKB: s.gzipKB,
      target: s.learner ? `< ${LEARNER_TARGET_KB}` : "",
      met: s.learner ? (s.gzipKB < LEARNER_TARGET_KB ? "met" : "NOT MET") : "",
    })),
  );
  if (sizes.some((s) => s.learner && s.gzipKB >= LEARNER_TARGET_KB)) process.exitCode = 1;
}
