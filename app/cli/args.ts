import { parseArgs, type ParseArgsConfig } from "node:util";

/** Thrown for bad command-line arguments: the CLI prints the command's usage and exits with 2. */
export class UsageError extends Error {}

export type CliCommand = {
  /** The words that select the command, e.g. ["admin", "create"]. */
  name: string[];
  usage: string;
  summary: string;
  run: (args: string[]) => Promise<number | void>;
};

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Node's own `parseArgs` in strict mode (unknown options, missing values and stray words are refused),
 * with its errors turned into a `UsageError` so the CLI prints the usage and exits with 2.
 */
export function parseCli<const T extends Options>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify .*$/s, ".") : String(error));
  }
}

/** `--key value` string options only, e.g. `parseFlags(args, ["email", "name"])`. */
export function parseFlags(args: string[], allowed: readonly string[]): Record<string, string | undefined> {
  const options: Options = Object.fromEntries(allowed.map((key) => [key, { type: "string" as const }]));
  const { values } = parseCli(args, options);
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && value.startsWith("--")) throw new UsageError(`Missing value for --${key}`);
  }
  return values as Record<string, string | undefined>;
}
