/**
 * `npm run content:import [folder]` (default `content/`): loads the content files into the database,
 * the library the app serves. New and changed modules (and the tracks) become new versions (origin
 * import). Nothing is overwritten silently: a module the studio changed since its last import whose
 * file differs is a conflict — every conflict is listed and NOTHING is written. A folder with content
 * problems is refused the same way (run content:check), and so is a media/ folder with anything but
 * checked images (plain files named by their sha256, 2 MB at most, of their extension's type) or
 * content that refers to an image found neither there nor in the media store. See docs/content-workflow.md.
 * The database is migrated first. A running app picks the import up when it restarts.
 * Exit codes: 0 imported (or nothing to do), 1 problems or conflicts (nothing written), 2 bad usage.
 */
import { closeDb, databasePath, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { importContent } from "../models/content-sync.server";
import { folderArgument, problemLine, runCommand } from "./content-command";

async function main(argv: string[]): Promise<number> {
  const dir = folderArgument("content:import", argv, { mustExist: true });
  if (typeof dir === "number") return dir;
  runMigrations(getDb());
  const report = await importContent(dir);
  if (report.problems.length > 0) {
    for (const p of report.problems) console.log(problemLine(p));
    console.log(
      `content:import: ${report.problems.length} problem(s) in ${dir}: nothing imported (fix them first; npm run content:check ${dir} checks the content files)`,
    );
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
  line("images stored", report.media.imported);
  console.log(
    `content:import: ${report.created.length} new, ${report.updated.length} updated, ${report.unchanged.length} unchanged module(s); tracks ${report.tracks}; ` +
      `${report.media.imported.length} new image(s), ${report.media.alreadyStored} already stored. Database: ${databasePath()}`,
  );
  return 0;
}

runCommand("content:import", () => main(process.argv.slice(2)), closeDb);
