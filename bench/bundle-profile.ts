/**
 * `npx tsx bench/bundle-profile.ts [page…]`: what each page's JavaScript is made of, from the metafile the classic
 * Remix compiler writes beside the server build (`build/metafile.js.json`, the browser build's esbuild metafile).
 * For each page of `bench/bundles.ts` (or the pages named), the files it loads, and the source modules in them by
 * their minified bytes, grouped by package (node_modules) or by file (app/), with an estimate of their gzipped share
 * (each output file's gzip size split in proportion to its inputs' bytes). Build first (`npm run build`); nothing is
 * rebuilt and the production output is read as it is.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./config";
import { PAGES, pageFiles } from "./bundles";

type Metafile = { outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }> };

function groupOf(input: string): string {
  const nm = input.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = input.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  return input.replace(/^.*?app\//, "app/");
}

export function profile(pages = PAGES.map((p) => p.page), publicDir = path.join(ROOT, "public")) {
  const meta = JSON.parse(fs.readFileSync(path.join(ROOT, "build", "metafile.js.json"), "utf8")) as Metafile;
  const gz = new Map<string, number>();
  const gzipOf = (url: string) => {
    let s = gz.get(url);
    if (s === undefined) gz.set(url, (s = gzipSync(fs.readFileSync(path.join(publicDir, url)), { level: 6 }).length));
    return s;
  };
  for (const page of PAGES.filter((p) => pages.includes(p.page))) {
    const files = pageFiles(page, publicDir);
    if (!files) continue;
    const byGroup = new Map<string, { raw: number; gzip: number }>();
    const byFile: { url: string; gzip: number }[] = [];
    let total = 0;
    for (const url of files) {
      const out = meta.outputs[`public${url}`];
      const fileGzip = gzipOf(url);
      total += fileGzip;
      byFile.push({ url, gzip: fileGzip });
      if (!out) continue;
      const sum = Object.values(out.inputs).reduce((a, i) => a + i.bytesInOutput, 0) || 1;
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
        const g = groupOf(input);
        const s = byGroup.get(g) ?? { raw: 0, gzip: 0 };
        s.raw += bytesInOutput;
        s.gzip += (fileGzip * bytesInOutput) / sum;
        byGroup.set(g, s);
      }
    }
    console.log(`\n${page.page}: ${(total / 1024).toFixed(1)} KB gzip in ${files.size} files`);
    for (const f of byFile.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.url}`);
    console.log("  by source (estimated gzip, minified bytes):");
    for (const [g, s] of [...byGroup].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, 40)) {
      console.log(`  ${(s.gzip / 1024).toFixed(2).padStart(6)} KB  ${(s.raw / 1024).toFixed(1).padStart(6)} KB  ${g}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) profile(process.argv.length > 2 ? process.argv.slice(2) : undefined);
