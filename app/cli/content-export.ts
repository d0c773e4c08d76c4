/**
 * `npm run content:export [folder]` (default `content/`): writes the library the app serves back as
 * files — each module's latest published version exactly as stored (frontmatter included), the
 * latest tracks.yaml, and the rest of the content folder as it is — then checks the result as
 * content:check does. Files that would not change are not touched, so git shows only real changes.
 * See docs/content-workflow.md. Exit codes: 0 written and valid, 1 the result has problems, 2 bad usage.
 */
import path from "node:path";
import { closeDb, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { exportContent } from "../models/content-sync.server";

const USAGE = "usage: npm run content:export [folder]   (default folder: content/)";

async function main(argv: string[]): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const options = argv.filter((arg) => arg.startsWith("-"));
  if (options.length > 0 || argv.length > 1) {
    console.error(options.length > 0 ? `content:export: unknown option ${options[0]}` : "content:export: give at most one folder");
    console.error(USAGE);
    return 2;
  }
  const dir = argv[0] ?? "content";
  runMigrations(getDb());
  const report = await exportContent(dir);
  for (const file of report.written) console.log(`wrote ${path.join(dir, file)}`);
  const cwd = process.cwd();
  for (const p of report.problems) console.log(`${path.relative(cwd, path.resolve(p.file)) || "."}:${p.line}:${p.col} ${p.message}`);
  if (report.problems.length > 0) {
    console.log(`content:export: ${report.written.length} file(s) written to ${dir}, but it has ${report.problems.length} problem(s)`);
    return 1;
  }
  console.log(`content:export: ${report.written.length} file(s) written, ${report.unchanged} unchanged, in ${dir}: content:check OK`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    closeDb();
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`content:export: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
