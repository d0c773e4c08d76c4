/**
 * `npm run content:export [folder]` (default `content/`): writes the library the app serves back as
 * files — each module's latest published version exactly as stored (frontmatter included), the
 * latest tracks.yaml, the uploaded images the content refers to (media/<sha256>.<ext>), and the
 * rest of the content folder as it is — then checks the result as
 * content:check does. Files that would not change are not touched, so git shows only real changes.
 * See docs/content-workflow.md. Exit codes: 0 written and valid, 1 the result has problems, 2 bad usage.
 */
import path from "node:path";
import { closeDb, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { exportContent } from "../models/content-sync.server";
import { folderArgument, problemLine, runCommand } from "./content-command";

async function main(argv: string[]): Promise<number> {
  const dir = folderArgument("content:export", argv, { mustExist: false });
  if (typeof dir === "number") return dir;
  runMigrations(getDb());
  const report = await exportContent(dir);
  for (const file of report.written) console.log(`wrote ${path.join(dir, file)}`);
  for (const p of report.problems) console.log(problemLine(p));
  if (report.problems.length > 0) {
    console.log(`content:export: ${report.written.length} file(s) written to ${dir}, but it has ${report.problems.length} problem(s)`);
    return 1;
  }
  console.log(`content:export: ${report.written.length} file(s) written, ${report.unchanged} unchanged, in ${dir}: content:check OK`);
  return 0;
}

runCommand("content:export", () => main(process.argv.slice(2)), closeDb);
