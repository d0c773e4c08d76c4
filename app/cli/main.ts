/**
 * `npm run cli -- <command> [options]`: administration from the shell. Each command lives in
 * app/cli/commands/ and declares its usage; bad arguments print that usage and exit with status 2.
 */
import { COMMANDS } from "./commands";
import { UsageError } from "./args";

function usage(): string {
  const lines = ["Usage: npm run cli -- <command> [options]", "", "Commands:"];
  for (const command of COMMANDS) lines.push(`  ${command.usage.padEnd(52)} ${command.summary}`);
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith("-"));
  const command = COMMANDS.find((c) => c.name.every((word, i) => words[i] === word));
  if (!command || argv.includes("--help") || argv.includes("-h")) {
    const helpAsked = argv.includes("--help") || argv.includes("-h") || argv.length === 0;
    (helpAsked && !command ? console.info : console.error)(command ? `Usage: npm run cli -- ${command.usage}` : usage());
    return command || helpAsked ? 0 : 2;
  }
  try {
    return (await command.run(argv.slice(command.name.length))) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
