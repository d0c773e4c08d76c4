/** Every audit action written anywhere in the code is one of app/domain/audit.ts (and so has a sentence). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import auditEn from "~/i18n/en/audit-log";
import auditFr from "~/i18n/fr/audit-log";
import { AUDIT_ACTIONS, AUDIT_KINDS, isAuditAction } from "./audit";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("audit actions", () => {
  it("lists every action written by the code (recordAudit and direct inserts)", () => {
    const written = new Set<string>();
    for (const file of [...files("app"), ...files("db")]) {
      const text = fs.readFileSync(file, "utf8");
      if (!/recordAudit|auditLog|audit_log/.test(text)) continue;
      for (const m of text.matchAll(/action: (?:[^,}]*\? )?"([a-z_]+\.[a-z_]+)"(?: : "([a-z_]+\.[a-z_]+)")?/g)) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it("has a sentence and a label in both languages for every action, and a name for every kind", () => {
    for (const action of AUDIT_ACTIONS) {
      for (const strings of [auditFr, auditEn]) {
        expect(strings.sentences[action], action).toBeTruthy();
        expect(strings.labels[action], action).toBeTruthy();
      }
    }
    for (const kind of AUDIT_KINDS) expect(auditFr.kinds[kind] && auditEn.kinds[kind], kind).toBeTruthy();
  });
});
