/** What the three content commands (check, import, export) share: the folder argument, problem lines, exit. */
import { statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../content/schemas";

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads `[folder]` (default `content`). Returns the folder, or the exit code when the command must stop:
 * 0 after --help, 2 on bad usage (an option, two folders, or a missing folder when it must exist).
 */
export function folderArgument(command: string, argv: string[], options: { mustExist: boolean }): string | number {
  const usage = `usage: npm run ${command} [folder]   (default folder: content/)`;
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(usage);
    return 0;
  }
  const flags = argv.filter((arg) => arg.startsWith("-"));
  if (flags.length > 0 || argv.length > 1) {
    console.error(flags.length > 0 ? `${command}: unknown option ${flags[0]}` : `${command}: give at most one folder`);
    console.error(usage);
    return 2;
  }
  const dir = argv[0] ?? "content";
  if (options.mustExist && !isDirectory(dir)) {
    console.error(`${command}: folder not found: ${dir}`);
    console.error(usage);
    return 2;
  }
  return dir;
}

/** `file:line:col message`, with the file relative to the working directory. */
export function problemLine(problem: Problem): string {
  return `${path.relative(process.cwd(), path.resolve(problem.file)) || "."}:${problem.line}:${problem.col} ${problem.message}`;
}

/** Runs a command's main and sets the exit code; an unexpected error exits 1 with its message. */
export function runCommand(command: string, main: () => Promise<number>, cleanUp: () => void = () => {}): void {
  main().then(
    (code) => {
      cleanUp();
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
