/**
 * An organisation with known numbers for the reports' tests (not the demo's): two teams, people at
 * every step of the road, accreditations in every standing, exam attempts with their answers. Written
 * with plain SQL, relative to `now`. Team A is managed by the demo manager (manager@), team B by the
 * other demo manager (olivier.moreau@). See tests/integration/reports.test.ts for the figures.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { getDb } from "../../db/connection";
import type { Level } from "../../db/schema";
import { currentCharter } from "./gate";
import { examBankFile, rightAnswer, wrongAnswer } from "./accreditation";

export const DAY = 24 * 60 * 60 * 1000;
export const TEAM_A = "team-rpt-a";
export const TEAM_B = "team-rpt-b";

type Acc = { status: string; validInDays: number; channels: string[]; grantedDaysAgo: number | null; reasonKind?: string; reason?: string };
export type Spec = {
  key: string;
  team: string;
  created: number;
  password?: boolean;
  active?: boolean;
  level?: Level;
  placed?: number;
  progress?: "partial" | "complete";
  progressAt?: number;
  /** Days ago of a failed first attempt. */
  failed?: number;
  passed?: number;
  /** One wrong answer in the passed attempt (item 3). */
  passWithOneWrong?: boolean;
  charter?: number;
  acc?: Acc;
};

export const PEOPLE: Spec[] = [
  { key: "a1", team: TEAM_A, created: 10 },
  { key: "a2", team: TEAM_A, created: 30 },
  { key: "a3", team: TEAM_A, created: 5 },
  { key: "a4", team: TEAM_A, created: 40, password: true },
  { key: "a5", team: TEAM_A, created: 2, password: true },
  { key: "a6", team: TEAM_A, created: 35, password: true, level: "native", placed: 30 },
  { key: "a7", team: TEAM_A, created: 25, password: true, level: "native", placed: 20, progress: "partial", progressAt: 1 },
  { key: "a8", team: TEAM_A, created: 70, password: true, level: "native", placed: 60, progress: "complete", progressAt: 20 },
  { key: "a9", team: TEAM_A, created: 90, password: true, level: "native", placed: 80, progress: "complete", progressAt: 40, failed: 15, passed: 10 },
  { key: "a10", team: TEAM_A, created: 100, password: true, level: "native", placed: 90, progress: "complete", progressAt: 50, passed: 30, charter: 25 },
  {
    key: "a11",
    team: TEAM_A,
    created: 100,
    password: true,
    level: "native",
    placed: 90,
    progress: "complete",
    progressAt: 50,
    passed: 30,
    charter: 25,
    acc: { status: "requested", validInDays: 0, channels: [], grantedDaysAgo: null },
  },
  {
    key: "a12",
    team: TEAM_A,
    created: 120,
    password: true,
    level: "native",
    placed: 110,
    progress: "complete",
    progressAt: 60,
    passed: 50,
    charter: 45,
    acc: { status: "granted", validInDays: 20, channels: ["linkedin", "x"], grantedDaysAgo: 40 },
  },
  {
    key: "a13",
    team: TEAM_A,
    created: 130,
    password: true,
    level: "native",
    placed: 120,
    progress: "complete",
    progressAt: 80,
    passed: 70,
    passWithOneWrong: true,
    charter: 65,
    acc: { status: "granted", validInDays: 50, channels: ["linkedin"], grantedDaysAgo: 60 },
  },
  {
    key: "a14",
    team: TEAM_A,
    created: 150,
    password: true,
    level: "native",
    placed: 140,
    progress: "complete",
    progressAt: 100,
    failed: 95,
    passed: 90,
    charter: 85,
    acc: { status: "granted", validInDays: 80, channels: ["linkedin"], grantedDaysAgo: 80 },
  },
  {
    key: "a15",
    team: TEAM_A,
    created: 200,
    password: true,
    level: "native",
    placed: 190,
    progress: "complete",
    progressAt: 150,
    passed: 120,
    charter: 110,
    acc: { status: "granted", validInDays: 200, channels: ["instagram"], grantedDaysAgo: 100 },
  },
  {
    key: "a16",
    team: TEAM_A,
    created: 160,
    password: true,
    level: "native",
    placed: 150,
    progress: "complete",
    progressAt: 120,
    passed: 110,
    acc: { status: "suspended", validInDays: 100, channels: ["linkedin"], grantedDaysAgo: 100, reasonKind: "charter", reason: "next" },
  },
  {
    key: "a17",
    team: TEAM_A,
    created: 150,
    password: true,
    level: "native",
    placed: 140,
    progress: "complete",
    progressAt: 110,
    passed: 100,
    charter: 60,
    acc: { status: "revoked", validInDays: 100, channels: ["linkedin"], grantedDaysAgo: 90, reasonKind: "decision", reason: "Posted a client's name." },
  },
  {
    key: "a18",
    team: TEAM_A,
    created: 300,
    password: true,
    active: false,
    level: "native",
    placed: 290,
    progress: "complete",
    progressAt: 200,
    passed: 150,
    charter: 140,
    acc: { status: "suspended", validInDays: 100, channels: ["linkedin"], grantedDaysAgo: 100, reasonKind: "left_organisation", reason: "admin" },
  },
  {
    key: "b1",
    team: TEAM_B,
    created: 60,
    password: true,
    level: "late_adopter",
    placed: 50,
    progress: "complete",
    progressAt: 30,
    passed: 25,
    charter: 20,
    acc: { status: "granted", validInDays: 100, channels: ["instagram"], grantedDaysAgo: 15 },
  },
  { key: "b2", team: TEAM_B, created: 20, password: true, level: "late_adopter", placed: 10 },
  { key: "b3", team: TEAM_B, created: 20, password: true, level: "late_adopter", placed: 10 },
  { key: "b4", team: TEAM_B, created: 20, password: true, level: "late_adopter", placed: 10 },
  { key: "b5", team: TEAM_B, created: 20, password: true, level: "late_adopter", placed: 10 },
  { key: "b6", team: TEAM_B, created: 20, password: true, level: "objector", placed: 10 },
];

export const idOf = (key: string) => `rpt-${key}`;
export const emailOf = (key: string) => `rpt.${key}@reports.test`;

/** The modules of each level's track that exist in the content folder (independently of the app's code). */
export function trackModulesByLevel(): Record<string, string[]> {
  const dir = process.env.CONTENT_DIR ?? "content";
  const tracks = parse(fs.readFileSync(path.join(dir, "tracks.yaml"), "utf8")) as { core: string[]; levels: Record<string, string[]> };
  const exists = (id: string) => fs.existsSync(path.join(dir, "modules", id));
  return Object.fromEntries(Object.entries(tracks.levels).map(([level, own]) => [level, [...new Set([...own, ...tracks.core])].filter(exists)]));
}

/** The four exam items every fixture attempt draws. */
export function fixtureItems(): string[] {
  return examBankFile()
    .items.filter((i) => i.type === "single")
    .slice(0, 4)
    .map((i) => i.id);
}

export function seedReportsFixture(now = Date.now()) {
  const db = getDb().$client;
  const ago = (days: number) => now - days * DAY;
  const charter = currentCharter();
  const modules = trackModulesByLevel();
  const items = fixtureItems();
  const bank = new Map(examBankFile().items.map((i) => [i.id, i]));
  const tx = db.transaction(() => {
    db.prepare("insert into teams (id, name) values (?, ?), (?, ?)").run(TEAM_A, "Reports A", TEAM_B, "Reports B");
    db.prepare("insert into team_managers (team_id, user_id) values (?, 'demo-manager'), (?, 'demo-olivier.moreau')").run(TEAM_A, TEAM_B);
    let attemptNo = 0;
    const attempt = (userId: string, daysAgo: number, answers: Map<string, string[] | null>) => {
      const id = `rpt-attempt-${++attemptNo}`;
      let right = 0;
      for (const item of items) {
        const chosen = answers.get(item);
        const key = rightAnswer(item);
        if (chosen && chosen.length === key.length && chosen.every((o) => key.includes(o))) right += 1;
      }
      const score = Math.floor((right * 100) / items.length);
      const drawn = items.map((item) => ({ id: item, options: bank.get(item)!.options.map((o) => o.id) }));
      db.prepare(
        "insert into exam_attempts (id, user_id, seed, items, status, started_at, pass_mark, graded_at, score, passed) values (?, ?, 1, ?, 'graded', ?, 70, ?, ?, ?)",
      ).run(id, userId, JSON.stringify(drawn), ago(daysAgo) - 3600_000, ago(daysAgo), score, score >= 70 ? 1 : 0);
      for (const [item, chosen] of answers)
        if (chosen)
          db.prepare("insert into exam_answers (attempt_id, item_id, option_ids, answered_at) values (?, ?, ?, ?)").run(
            id,
            item,
            JSON.stringify(chosen),
            ago(daysAgo),
          );
    };
    for (const p of PEOPLE) {
      const id = idOf(p.key);
      db.prepare("insert into users (id, email, name, password_hash, locale, team_id, active, created_at) values (?, ?, ?, ?, 'fr', ?, ?, ?)").run(
        id,
        emailOf(p.key),
        `Person ${p.key.toUpperCase()}`,
        p.password ? "not-a-real-hash" : null,
        p.team,
        p.active === false ? 0 : 1,
        ago(p.created),
      );
      db.prepare("insert into user_roles (user_id, role) values (?, 'employee')").run(id);
      if (p.level && p.placed !== undefined) {
        db.prepare("insert into placements (id, user_id, level, source, facts, is_current, created_at) values (?, ?, ?, 'override', '[]', 1, ?)").run(
          `rpt-pl-${p.key}`,
          id,
          p.level,
          ago(p.placed),
        );
      }
      if (p.progress && p.level) {
        const list = modules[p.level]!;
        const chosen = p.progress === "complete" ? list : list.slice(0, 2);
        chosen.forEach((moduleId, i) => {
          const done = p.progress === "complete" || i === 0;
          const at = ago(p.progressAt!) - (chosen.length - 1 - i) * 3600_000;
          db.prepare(
            "insert into module_progress (user_id, module_id, status, completed_version, created_at, updated_at, completed_at) values (?, ?, ?, ?, ?, ?, ?)",
          ).run(id, moduleId, done ? "completed" : "in_progress", done ? 1 : null, at - DAY, at, done ? at : null);
        });
      }
      if (p.failed !== undefined)
        attempt(
          id,
          p.failed,
          new Map(items.map((item, i) => [item, i === 0 || i === 1 ? wrongAnswer(item) : i === 3 && p.key === "a14" ? null : rightAnswer(item)])),
        );
      if (p.passed !== undefined)
        attempt(id, p.passed, new Map(items.map((item, i) => [item, p.passWithOneWrong && i === 3 ? wrongAnswer(item) : rightAnswer(item)])));
      if (p.charter !== undefined) {
        db.prepare("insert into charter_signatures (id, user_id, version, locale, text_hash, signed_name, created_at) values (?, ?, ?, 'fr', ?, ?, ?)").run(
          `rpt-sig-${p.key}`,
          id,
          charter,
          "0".repeat(64),
          `Person ${p.key}`,
          ago(p.charter),
        );
      }
      if (p.acc) {
        const granted = p.acc.grantedDaysAgo === null ? null : ago(p.acc.grantedDaysAgo);
        db.prepare(
          "insert into accreditations (id, user_id, status, requested_channels, statement, requested_at, channels, granted_at, valid_until, reason_kind, reason, updated_at) values (?, ?, ?, ?, 'I would like to speak for the company.', ?, ?, ?, ?, ?, ?, ?)",
        ).run(
          `rpt-acc-${p.key}`,
          id,
          p.acc.status,
          JSON.stringify(p.acc.channels.length ? p.acc.channels : ["linkedin"]),
          granted ?? ago(3),
          JSON.stringify(p.acc.channels),
          granted,
          granted === null ? null : now + p.acc.validInDays * DAY,
          p.acc.reasonKind ?? null,
          p.acc.reason ?? null,
          granted ?? ago(3),
        );
      }
    }
    // Knowledge checks: one check failed twice then passed, another failed once.
    const check = db.prepare("insert into check_answers (user_id, module_id, check_id, option_id, correct, created_at) values (?, ?, ?, 'a', ?, ?)");
    check.run(idOf("a7"), "core-code-of-conduct", "rpt-check-hard", 0, ago(2));
    check.run(idOf("a7"), "core-code-of-conduct", "rpt-check-hard", 0, ago(2));
    check.run(idOf("a7"), "core-code-of-conduct", "rpt-check-hard", 1, ago(2));
    check.run(idOf("a6"), "core-code-of-conduct", "rpt-check-easy", 0, ago(2));
    check.run(idOf("a6"), "core-code-of-conduct", "rpt-check-easy", 1, ago(2));
  });
  tx();
  return { charter, items };
}
