import type { CliCommand } from "../args";
import { adminCreate } from "./admin-create";
import { backupCommand } from "./backup";
import { migrateCommand } from "./migrate";
import { placeCommand } from "./place";
import { restoreCommand } from "./restore";
import { restoreReplicaCommand } from "./restore-replica";
import { retentionCommand } from "./retention";
import { tokenCreate, tokenList } from "./token";

/** Every CLI command; add new ones here. */
export const COMMANDS: CliCommand[] = [
  adminCreate,
  migrateCommand,
  placeCommand,
  tokenCreate,
  tokenList,
  backupCommand,
  restoreCommand,
  restoreReplicaCommand,
  retentionCommand,
];
