/**
 * `npm run content:import [folder]` (default `content/`): loads the content files into the database,
 * the library the app serves. New and changed modules (and the tracks) become new versions (origin
 * import). Nothing is overwritten silently: a module the studio changed since its last import whose
 * file differs is a conflict — every conflict is listed and NOTHING is written. A folder with content
 * problems is refused the same way (run content:check). See docs/content-workflow.md.
 * The database is migrated first. A running app picks the import up when it restarts.
 * Exit codes: 0 imported (or nothing to do), 1 problems or conflicts (nothing written), 2 bad usage.
 */
import path from "node:path";
import { statSync } from "node:fs";
import { closeDb, databasePath, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { importContent } from "../models/content-sync.server";

const USAGE = "usage: npm run content:import [folder]   (default folder: content/)";

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const options = argv.filter((arg) => arg.startsWith("-"));
  if (options.length > 0 || argv.length > 1) {
    console.error(options.length > 0 ? `content:import: unknown option ${options[0]}` : "content:import: give at most one folder");
    console.error(USAGE);
    return 2;
  }
  const dir = argv[0] ?? "content";
  if (!isDirectory(dir)) {
    console.error(`content:import: folder not found: ${dir}`);
    console.error(USAGE);
    return 2;
  }
  runMigrations(getDb());
  const report = await importContent(dir);
  const cwd = process.cwd();
  if (report.problems.length > 0) {
    for (const p of report.problems) console.log(`${path.relative(cwd, path.resolve(p.file)) || "."}:${p.line}:${p.col} ${p.message}`);
    console.log(`content:import: ${report.problems.length} problem(s) in ${dir}: nothing imported (fix them first: npm run content:check ${dir})`);
    return 1;
  }
  if (report.conflicts.length > 0) {
    for (const conflict of report.conflicts) {
      console.log(`CONFLICT ${conflict.id}: changed in the studio since its last import, and the files differ`);
      for (const what of conflict.what) console.log(`  - ${what}`);
    }
    console.log(
      `content:import: ${report.conflicts.length} conflict(s): nothing imported. Export the studio's work (npm run content:export), merge it with these files, then import again.`,
    );
    return 1;
  }
  const line = (label: string, ids: string[]) => (ids.length ? console.log(`${label} (${ids.length}): ${ids.join(", ")}`) : undefined);
  line("new", report.created);
  line("updated", report.updated);
  line("kept (the studio's work is newer than these files: export it to update them)", report.stale);
  console.log(
    `content:import: ${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged module(s); tracks ${report.tracks}. Database: ${databasePath()}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    closeDb();
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`content:import: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
