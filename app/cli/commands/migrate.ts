import { databasePath, getDb } from "../../../db/connection";
import { runMigrations } from "../../../db/migrate";
import { UsageError, type CliCommand } from "../args";

export const migrateCommand: CliCommand = {
  name: ["migrate"],
  usage: "migrate",
  summary: "apply pending database migrations",
  async run(args) {
    if (args.length) throw new UsageError("migrate takes no options");
    runMigrations(getDb());
    console.info(`Database migrated: ${databasePath()}`);
  },
};
