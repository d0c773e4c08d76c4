/** Thrown for bad command-line arguments: the CLI prints the command's usage and exits with 2. */
export class UsageError extends Error {}

export type CliCommand = {
  /** The words that select the command, e.g. ["admin", "create"]. */
  name: string[];
  usage: string;
  summary: string;
  run: (args: string[]) => Promise<number | void>;
};

/** Parses `--key value` pairs; rejects unknown keys and missing values. */
export function parseFlags(args: string[], allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) throw new UsageError(`Unexpected argument: ${arg}`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (!allowed.includes(key)) throw new UsageError(`Unknown option: --${key}`);
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`Missing value for --${key}`);
    out[key] = value;
  }
  return out;
}
