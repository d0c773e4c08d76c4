/**
 * `npm run content:check [folder]`: validates every content file under `folder` (default `content/`)
 * the way the app loads it: module frontmatter, both languages with the same version, MDX safety and
 * knowledge checks, tracks, charter versions, exam bank, diagnostic questionnaire (including that every
 * level can be reached). Prints `file:line:col message` per problem, then a summary.
 * Exit codes: 0 all good, 1 problems found, 2 bad usage.
 */
import path from "node:path";
import { statSync } from "node:fs";
import { readContentLibrary } from "../content/library.server";

const USAGE = "usage: npm run content:check [folder]   (default folder: content/)";

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
    console.error(options.length > 0 ? `content:check: unknown option ${options[0]}` : "content:check: give at most one folder");
    console.error(USAGE);
    return 2;
  }
  const dir = argv[0] ?? "content";
  if (!isDirectory(dir)) {
    console.error(`content:check: folder not found: ${dir}`);
    console.error(USAGE);
    return 2;
  }

  const library = await readContentLibrary(dir);
  const cwd = process.cwd();
  const problems = library.problems
    .map((problem) => ({ ...problem, file: path.relative(cwd, path.resolve(problem.file)) || "." }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  for (const p of problems) console.log(`${p.file}:${p.line}:${p.col} ${p.message}`);

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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`content:check: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
