import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { userRoles, users } from "../../db/schema";
import { runCli } from "../support/cli";

const cli = (...args: string[]) => runCli(args);

describe("npm run cli", () => {
  it("admin create makes an administrator who can sign in with the printed password", async () => {
    const result = await cli("admin", "create", "--email", "First.Admin@Example.com", "--name", "First Admin");
    expect(result.code).toBe(0);
    const password = result.stdout.match(/Password \(shown once\): (\S+)/)?.[1];
    expect(password).toBeTruthy();
    const user = getDb().select().from(users).where(eq(users.email, "first.admin@example.com")).get();
    expect(user?.name).toBe("First Admin");
    const roles = getDb().select().from(userRoles).where(eq(userRoles.userId, user!.id)).all();
    expect(roles.map((r) => r.role)).toEqual(["admin"]);
  });

  it("refuses a second account with the same email", async () => {
    const result = await cli("admin", "create", "--email", "first.admin@example.com");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("already exists");
  });

  it("prints usage and exits 2 on bad arguments, writing nothing", async () => {
    const before = getDb().select().from(users).all().length;
    for (const args of [
      ["admin", "create"],
      ["admin", "create", "--email", "not-an-email"],
      ["admin", "create", "--emial", "x@y.z"],
      ["admin", "create", "--email"],
      ["frobnicate"],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/Usage: npm run cli --/);
    }
    expect(getDb().select().from(users).all().length).toBe(before);
  });
});
