/**
 * `npm run content:check [folder]`: validates every content file under `folder` (default `content/`)
 * the way the app loads it: module frontmatter, both languages with the same version, MDX safety and
 * knowledge checks, tracks, charter versions, exam bank, diagnostic questionnaire (including that every
 * level can be reached), and answer cues in exam items, knowledge checks and the charter check (a right
 * option that stands out by its length or its absolute words: app/domain/answer-cues.ts), and French
 * typography in the French prose (straight apostrophes, missing non-breaking spaces, "(s)":
 * app/domain/french-typography.ts). Prints `file:line:col message` per problem, then a summary.
 * Exit codes: 0 all good, 1 problems found, 2 bad usage.
 */
import { answerCueProblems } from "../content/answer-cues.server";
import { readContentLibrary } from "../content/library.server";
import { typographyProblems } from "../content/typography.server";
import { folderArgument, problemLine, runCommand } from "./content-command";

async function main(argv: string[]): Promise<number> {
  const dir = folderArgument("content:check", argv, { mustExist: true });
  if (typeof dir === "number") return dir;

  const library = await readContentLibrary(dir);
  // Answer cues and French typography are reported here, not by the library: they never make content unavailable in the app.
  const problems = [...library.problems, ...answerCueProblems(library), ...typographyProblems(library)].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col,
  );
  for (const p of problems) console.log(problemLine(p));

  const { stats } = library;
  const counts =
    `${stats.moduleDirs} module${stats.moduleDirs === 1 ? "" : "s"}, ${stats.examItems} exam items, ` +
    `${stats.charterVersions} charter version${stats.charterVersions === 1 ? "" : "s"}, ${stats.questions} diagnostic questions`;
  if (problems.length === 0) {
    console.log(`content:check: ${counts}: OK`);
    return 0;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  console.log(`content:check: ${problems.length} problem(s) in ${files} file(s)`);
  return 1;
}

runCommand("content:check", () => main(process.argv.slice(2)));
