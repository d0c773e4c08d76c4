import type { CliCommand } from "../args";
import { adminCreate } from "./admin-create";
import { migrateCommand } from "./migrate";

/** Every CLI command; add new ones here. */
export const COMMANDS: CliCommand[] = [adminCreate, migrateCommand];
