import { getDb } from "../../../db/connection";
import { runMigrations } from "../../../db/migrate";
import { RETENTION_KINDS, applyRetention, describeRetention } from "../../models/retention.server";
import { UsageError, type CliCommand } from "../args";

/** `retention [--dry-run]`: applies the retention settings now (what the server does nightly), or only counts. */
export const retentionCommand: CliCommand = {
  name: ["retention"],
  usage: "retention [--dry-run]",
  summary: "remove personal data older than the retention settings (--dry-run: only count)",
  async run(args) {
    const unknown = args.filter((a) => a !== "--dry-run");
    if (unknown.length) throw new UsageError(`Unexpected argument: ${unknown[0]}`);
    runMigrations(getDb());
    const report = applyRetention({ dryRun: args.includes("--dry-run") });
    console.info(`Retention: ${describeRetention(report)}.`);
    for (const kind of RETENTION_KINDS) {
      const cutoff = report.cutoffs[kind];
      console.info(`  ${kind.padEnd(22)} ${String(report.removed[kind]).padStart(6)}  ${cutoff ? `older than ${cutoff}` : "kept forever (setting 0)"}`);
    }
  },
};
