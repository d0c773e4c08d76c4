import { z } from "zod";
import { getDb } from "../../../db/connection";
import { runMigrations } from "../../../db/migrate";
import { hashPassword } from "../../auth/password.server";
import { passwordProblem } from "../../auth/password-strength.server";
import { recordAudit } from "../../models/audit.server";
import { insertUser } from "../../models/user.server";
import { InputError } from "../../utils/errors";
import { parseFlags, UsageError, type CliCommand } from "../args";

const schema = z.object({
  email: z.email("--email must be a valid email address"),
  name: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(12, "--password must be at least 12 characters").max(200).optional(),
});

/** Creates the first admin of a real deployment. Prints a generated password when none is given. */
export const adminCreate: CliCommand = {
  name: ["admin", "create"],
  usage: "admin create --email <email> [--name <name>] [--password <password>]",
  summary: "create an administrator account",
  async run(args) {
    const flags = parseFlags(args, ["email", "name", "password"]);
    if (!flags.email) throw new UsageError("--email is required");
    const parsed = schema.safeParse(flags);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
    const { email, name, password } = parsed.data;
    if (password && (await passwordProblem(password, { name: name ?? null, email }))) {
      throw new UsageError(
        "--password is too easy to guess (a common password, a sequence, or your name or email): choose a longer, less predictable one, or leave --password out to get a generated one",
      );
    }
    const db = getDb();
    runMigrations(db);
    const secret = password ?? (await import("node:crypto")).randomBytes(12).toString("base64url");
    const passwordHash = await hashPassword(secret);
    try {
      db.transaction((tx) => {
        const id = insertUser(tx, { email, name: name ?? email.split("@")[0]!, teamId: null, roles: ["admin"], passwordHash });
        recordAudit(tx, { actorId: null, action: "person.created", subjectType: "user", subjectId: id, toState: "admin", reason: "cli admin create" });
      });
    } catch (error) {
      if (error instanceof InputError) {
        console.error(`An account already exists for ${email}.`);
        return 1;
      }
      throw error;
    }
    console.info(`Admin created: ${email}`);
    if (!password) console.info(`Password (shown once): ${secret}`);
  },
};
