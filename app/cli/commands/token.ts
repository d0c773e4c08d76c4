import { getDb } from "../../../db/connection";
import { runMigrations } from "../../../db/migrate";
import { createApiToken, listApiTokens } from "../../models/api-token.server";
import { InputError } from "../../utils/errors";
import { parseFlags, UsageError, type CliCommand } from "../args";

/** Creates an API token for the posting gate. The token is printed once, on the LAST line, alone. */
export const tokenCreate: CliCommand = {
  name: ["token", "create"],
  usage: "token create --name <name> [--scope api|scim]",
  summary: "create an API token, or with --scope scim a SCIM provisioning token (printed once, on the last line)",
  async run(args) {
    const flags = parseFlags(args, ["name", "scope"]);
    const scope = flags.scope ?? "api";
    if (scope !== "api" && scope !== "scim") throw new UsageError("--scope must be api or scim");
    const name = flags.name?.trim();
    if (!name) throw new UsageError("--name is required");
    if (name.length > 80) throw new UsageError("--name must be at most 80 characters");
    runMigrations(getDb());
    try {
      const created = createApiToken(null, name, { scope });
      console.info(`${scope === "scim" ? "SCIM" : "API"} token "${created.name}" created (id ${created.id}). It is shown once; keep it somewhere safe:`);
      console.info(created.token);
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(Object.values(error.fieldErrors).join("; "));
      throw error;
    }
  },
};

/** Lists API tokens (never the tokens themselves: only their first characters). */
export const tokenList: CliCommand = {
  name: ["token", "list"],
  usage: "token list",
  summary: "list API tokens",
  async run(args) {
    if (args.length) throw new UsageError("token list takes no options");
    runMigrations(getDb());
    const tokens = listApiTokens();
    if (tokens.length === 0) console.info("No API tokens.");
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : `active, last used ${t.lastUsedAt?.toISOString() ?? "never"}`;
      console.info(`${t.prefix}…  ${t.name}  [${t.scope}]  (${state})`);
    }
  },
};
