/** What the three content commands (check, import, export) share: the folder argument, problem lines, exit. */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
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
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: true });
  } catch (error) {
    console.error(`${command}: ${error instanceof Error ? error.message.replace(/\. To specify .*$/s, ".") : error}`);
    console.error(usage);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    console.error(`${command}: give at most one folder`);
    console.error(usage);
    return 2;
  }
  const dir = parsed.positionals[0] ?? "content";
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
