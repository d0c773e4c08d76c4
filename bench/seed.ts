/**
 * The benchmark's own database, seeded at company scale with raw prepared statements in big
 * transactions (never through the app's models: one argon2 hash for everyone, sessions and the API
 * token written directly). Built once per size and reused while the seed version, the migrations and
 * the content library are unchanged; each run works on a copy of the pristine file.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse as parseYaml } from "yaml";
import { openDatabase } from "../db/connection";
import { MIGRATIONS_FOLDER, runMigrations } from "../db/migrate";
import { hashPassword } from "../app/auth/password.server";
import { DATA_DIR, ROOT, SEED_VERSION, type BenchConfig } from "./config";

export const BENCH_PASSWORD = "bench-password-1";
export const CHANNELS = ["linkedin", "x", "facebook", "instagram", "tiktok", "youtube"];
const LEVELS = ["native", "late_adopter", "reluctant", "objector", "beginner"] as const;
type Level = (typeof LEVELS)[number];
const DAY = 86_400_000;

export type SeededPerson = { id: string; email: string; session: string; level: Level };

/** What the scenarios need to know about the seeded database. */
export type SeedManifest = {
  key: string;
  seededAt: number;
  seconds: number;
  counts: Record<string, number>;
  manager: { id: string; email: string; session: string; teamId: string };
  admin: { id: string; email: string; session: string };
  apiToken: string;
  /** Learners with sessions for the page scenarios; every one has the common core in their track. */
  pageLearners: SeededPerson[];
  /** A module every learner's track holds (the common core). */
  coreModule: string;
  stormLearners: SeededPerson[];
  crashLearners: SeededPerson[];
  /** Emails for the gate: accredited people in every state, people without one, unknown addresses. */
  gateEmails: string[];
  examItems: number;
};

/** A small seedable PRNG (mulberry32): the same seed writes the same organisation. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

/** A uuid-shaped id from the PRNG (ids in the app are random UUIDs; these are reproducible ones). */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Content = {
  core: string[];
  levels: Record<Level, string[]>;
  versions: Map<string, number>;
  items: { id: string; options: { id: string; correct: boolean }[] }[];
  charter: { version: string; hash: Record<"fr" | "en", string> };
  hash: string;
};

function readContent(): Content {
  const contentDir = path.join(ROOT, "content");
  const tracksText = fs.readFileSync(path.join(contentDir, "tracks.yaml"), "utf8");
  const tracks = parseYaml(tracksText) as { core: string[]; levels: Record<Level, string[]> };
  const versions = new Map<string, number>();
  for (const id of [...tracks.core, ...Object.values(tracks.levels).flat()]) {
    const text = fs.readFileSync(path.join(contentDir, "modules", id, "fr.mdx"), "utf8");
    versions.set(id, Number(/^version:\s*(\d+)/m.exec(text)?.[1] ?? 1));
  }
  const itemsText = fs.readFileSync(path.join(contentDir, "exam", "items.yaml"), "utf8");
  const bank = parseYaml(itemsText) as { items: { id: string; options: { id: string | boolean; correct?: boolean }[] }[] };
  const items = bank.items.map((item) => ({ id: item.id, options: item.options.map((o) => ({ id: String(o.id), correct: o.correct === true })) }));
  const charterRoot = path.join(contentDir, "policy", "charter");
  const version = fs
    .readdirSync(charterRoot)
    .filter((v) => !v.startsWith("."))
    .sort()
    .at(-1)!;
  const bodyHash = (locale: string) => {
    const text = fs.readFileSync(path.join(charterRoot, version, `${locale}.mdx`), "utf8");
    const body = text.replace(/^---[\s\S]*?---\r?\n/, "");
    return createHash("sha256").update(body).digest("hex");
  };
  const hash = createHash("sha256").update(tracksText).update(itemsText).update(version).digest("hex").slice(0, 16);
  return { core: tracks.core, levels: tracks.levels, versions, items, charter: { version, hash: { fr: bodyHash("fr"), en: bodyHash("en") } }, hash };
}

function migrationsHash(): string {
  const h = createHash("sha256");
  for (const file of fs
    .readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    h.update(file).update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return h.digest("hex").slice(0, 16);
}

function paths(config: BenchConfig) {
  const name = config.quick ? "quick" : "full";
  return { pristine: path.join(DATA_DIR, `pristine-${name}.db`), manifest: path.join(DATA_DIR, `pristine-${name}.json`) };
}

/**
 * Returns the pristine database and its manifest, seeding it when missing or stale (other seed
 * version, migrations, content, or older than 7 days: validity dates are relative to the seed).
 */
export async function ensureSeed(config: BenchConfig, log: (line: string) => void): Promise<{ file: string; manifest: SeedManifest; reused: boolean }> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const content = readContent();
  const sizes = [
    config.employees,
    config.teams,
    config.bigTeam,
    config.accreditations,
    config.failedAttempts,
    config.pageLearners,
    config.stormLearners,
    config.crashLearners,
  ];
  const key = `seed${SEED_VERSION}-${migrationsHash()}-${content.hash}-${sizes.join(".")}`;
  const { pristine, manifest: manifestFile } = paths(config);
  if (fs.existsSync(pristine) && fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as SeedManifest;
    if (manifest.key === key && Date.now() - manifest.seededAt < 7 * DAY) return { file: pristine, manifest, reused: true };
    log(`Seeded database is stale (${manifest.key} → ${key}): seeding again.`);
  }
  const started = performance.now();
  const tmp = `${pristine}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase(tmp);
  runMigrations(db);
  db.$client.close();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const manifest = seedInto(tmp, config, content, passwordHash, key);
  manifest.seconds = Math.round((performance.now() - started) / 100) / 10;
  fs.renameSync(tmp, pristine);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return { file: pristine, manifest, reused: false };
}

function seedInto(file: string, config: BenchConfig, content: Content, passwordHash: string, key: string): SeedManifest {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("foreign_keys = OFF");
  const r = rng(20_260_115);
  const now = Date.now();
  const ins = (sql: string) => sqlite.prepare(sql);

  const insTeam = ins("insert into teams (id, name, created_at) values (?, ?, ?)");
  const insUser = ins("insert into users (id, email, name, password_hash, locale, team_id, active, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)");
  const insRole = ins("insert into user_roles (user_id, role) values (?, ?)");
  const insManager = ins("insert into team_managers (team_id, user_id) values (?, ?)");
  // The table holds the token's SHA-256, the cookie the token (app/auth/session.server.ts).
  const insSession = ins("insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)");
  const insPlacement = ins(
    "insert into placements (id, user_id, level, source, run_id, scores, facts, reason, set_by, is_current, retake_allowed, created_at) values (?, ?, ?, 'questionnaire', null, ?, '[]', null, null, 1, 0, ?)",
  );
  const insProgress = ins(
    "insert into module_progress (user_id, module_id, status, last_section, completed_version, created_at, updated_at, completed_at) values (?, ?, ?, null, ?, ?, ?, ?)",
  );
  const insSignature = ins("insert into charter_signatures (id, user_id, version, locale, text_hash, signed_name, created_at) values (?, ?, ?, ?, ?, ?, ?)");
  const insAttempt = ins(
    "insert into exam_attempts (id, user_id, seed, items, status, started_at, deadline, pass_mark, graded_at, score, passed, category_scores) values (?, ?, ?, ?, 'graded', ?, ?, 80, ?, ?, ?, '{}')",
  );
  const insAnswer = ins("insert into exam_answers (attempt_id, item_id, option_ids, answered_at) values (?, ?, ?, ?)");
  const insAccreditation = ins(
    `insert into accreditations (id, user_id, status, version, requested_channels, statement, requested_at, channels, granted_at, granted_by,
      valid_until, charter_version, exam_attempt_id, decided_by, decided_at, reason, expiry_notice_sent_at, updated_at)
     values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)`,
  );
  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => (counts[table] = (counts[table] ?? 0) + n);
  const session = (userId: string) => {
    const id = randomBytes(20).toString("hex");
    insSession.run(createHash("sha256").update(id).digest("hex"), userId, Math.floor(now / 1000) + 30 * 86_400, Math.floor(now / 1000));
    count("sessions");
    return id;
  };

  // Teams: the big team first, then the others.
  const teamIds: string[] = [];
  const teamNames = ["Logistique", "Ventes", "Support", "Finance", "Juridique", "RH", "Achats", "Qualité", "Informatique", "Marketing"];
  const sites = ["Lille", "Antwerp", "Rotterdam", "Gdańsk", "Paris", "Lyon", "Nantes", "Bruxelles"];
  for (let t = 0; t < config.teams; t++) {
    const id = uuidFrom(r.next);
    teamIds.push(id);
    const name = t === 0 ? "Plateforme Nord (1 000)" : `${teamNames[t % teamNames.length]} ${sites[t % sites.length]} ${Math.floor(t / 10) + 1}`;
    insTeam.run(id, `${name} #${t}`, now - 400 * DAY);
    count("teams");
  }

  const firstNames = [
    "Camille",
    "Louis",
    "Emma",
    "Hugo",
    "Léa",
    "Lucas",
    "Chloé",
    "Nathan",
    "Inès",
    "Jules",
    "Sarah",
    "Adam",
    "Zoé",
    "Noah",
    "Jade",
    "Karim",
    "Anna",
    "Tom",
    "Lina",
    "Yanis",
  ];
  const lastNames = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "Janssens",
    "Peeters",
    "De Vries",
    "Kowalski",
    "Nowak",
  ];

  const result: Omit<SeedManifest, "seconds"> = {
    key,
    seededAt: now,
    counts,
    manager: { id: "", email: "bench.manager@bench.test", session: "", teamId: teamIds[0]! },
    admin: { id: "", email: "bench.admin@bench.test", session: "" },
    apiToken: "amb_" + randomBytes(32).toString("base64url"),
    pageLearners: [],
    coreModule: content.core.includes("core-code-of-conduct") ? "core-code-of-conduct" : content.core[0]!,
    stormLearners: [],
    crashLearners: [],
    gateEmails: [],
    examItems: 0,
  };

  sqlite.transaction(() => {
    // The bench admin (publishes the charter, owns the token) and the manager of the big team.
    result.admin.id = uuidFrom(r.next);
    insUser.run(result.admin.id, result.admin.email, "Bench Admin", passwordHash, "fr", null, now - 400 * DAY);
    insRole.run(result.admin.id, "admin");
    result.admin.session = session(result.admin.id);
    result.manager.id = uuidFrom(r.next);
    insUser.run(result.manager.id, result.manager.email, "Bench Manager", passwordHash, "fr", teamIds[0], now - 400 * DAY);
    insRole.run(result.manager.id, "manager");
    insRole.run(result.manager.id, "employee");
    insManager.run(teamIds[0], result.manager.id);
    result.manager.session = session(result.manager.id);
    count("users", 2);
    // Every other team has its own manager among its members (set below).
    ins("insert into charter_publications (version, published_by, created_at) values (?, ?, ?)").run(content.charter.version, result.admin.id, now - 90 * DAY);
    ins("insert into api_tokens (id, name, prefix, token_hash, created_by, created_at) values (?, ?, ?, ?, ?, ?)").run(
      uuidFrom(r.next),
      "Bench scheduler",
      result.apiToken.slice(0, 10),
      createHash("sha256").update(result.apiToken).digest("hex"),
      result.admin.id,
      now - 30 * DAY,
    );
  })();

  type Person = { id: string; email: string; level: Level; track: string[]; team: number };
  const people: Person[] = [];
  const managed = new Set<number>([0]);
  // Users, roles, placements, progress: in chunks so that each transaction stays a few hundred MB at most.
  const CHUNK = 5_000;
  for (let start = 0; start < config.employees; start += CHUNK) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(config.employees, start + CHUNK); i++) {
        const id = uuidFrom(r.next);
        const first = r.pick(firstNames);
        const last = r.pick(lastNames);
        const email = `${first
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, "")}.${i}@bench.test`;
        const team = i < config.bigTeam ? 0 : 1 + ((i - config.bigTeam) % (config.teams - 1));
        const level = LEVELS[Math.min(LEVELS.length - 1, Math.floor(r.next() ** 1.3 * LEVELS.length))]!;
        insUser.run(id, email, `${first} ${last}`, passwordHash, r.next() < 0.7 ? "fr" : "en", teamIds[team], now - r.int(30, 400) * DAY);
        insRole.run(id, "employee");
        count("users");
        if (!managed.has(team)) {
          managed.add(team);
          insRole.run(id, "manager");
          insManager.run(teamIds[team], id);
        }
        const scores = JSON.stringify({ usage: r.next(), knowledge: r.next(), attitude: r.next() * 2 - 1, ease: r.next() });
        insPlacement.run(uuidFrom(r.next), id, level, scores, now - r.int(20, 300) * DAY);
        count("placements");
        const track = [...content.core, ...content.levels[level]];
        people.push({ id, email, level, track, team });
      }
    })();
  }

  // Who plays which part. Storm, crash and page learners are placed, have finished their track and
  // signed the charter, and have no attempt and no accreditation: they may start the exam.
  const order = people.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let cursor = 0;
  const take = (n: number) => order.slice(cursor, (cursor += n)).map((i) => people[i]!);
  const storm = take(config.stormLearners);
  const crash = take(config.crashLearners);
  const page = take(config.pageLearners);
  const accredited = take(config.accreditations);
  const failed = take(config.failedAttempts);
  const ready = new Set([...storm, ...crash, ...page].map((p) => p.id));

  // Progress: ready learners have completed their whole track; most others most of it.
  for (let start = 0; start < people.length; start += CHUNK) {
    sqlite.transaction(() => {
      for (const p of people.slice(start, start + CHUNK)) {
        const full = ready.has(p.id) || r.next() < 0.85;
        const rows = full ? p.track.length : r.int(0, p.track.length - 1);
        let at = now - r.int(10, 200) * DAY;
        for (let k = 0; k < rows; k++) {
          const moduleId = p.track[k]!;
          const completed = k < rows - 1 || full || r.next() < 0.5;
          const started = at;
          at += r.int(1, 5) * 3_600_000;
          insProgress.run(
            p.id,
            moduleId,
            completed ? "completed" : "in_progress",
            completed ? (content.versions.get(moduleId) ?? 1) : null,
            started,
            at,
            completed ? at : null,
          );
          count("module_progress");
        }
      }
    })();
  }

  const items = content.items;
  result.examItems = items.length;
  const attempt = (p: Person, passed: boolean, at: number): string => {
    const id = uuidFrom(r.next);
    const drawn = [...items].sort(() => r.next() - 0.5).slice(0, 16);
    // A pass gets at most 3 of 16 wrong (score ≥ 81); a failure at least 5 (score ≤ 68).
    const wrongCount = passed ? r.int(0, 3) : r.int(5, 10);
    const answers: [string, string][] = [];
    drawn.forEach((item, k) => {
      const right = item.options.filter((o) => o.correct).map((o) => o.id);
      const wrong = item.options.filter((o) => !o.correct).map((o) => o.id);
      answers.push([item.id, JSON.stringify(k >= wrongCount && right.length ? right : [r.pick(wrong.length ? wrong : right)])]);
    });
    const score = Math.floor(((drawn.length - wrongCount) * 100) / drawn.length);
    const itemsJson = JSON.stringify(drawn.map((item) => ({ id: item.id, options: item.options.map((o) => o.id) })));
    insAttempt.run(id, p.id, r.int(0, 2 ** 31 - 2), itemsJson, at, at + 30 * 60_000, at + r.int(8, 25) * 60_000, score, passed ? 1 : 0);
    count("exam_attempts");
    for (const [itemId, optionIds] of answers) {
      insAnswer.run(id, itemId, optionIds, at + r.int(1, 20) * 60_000);
      count("exam_answers");
    }
    return id;
  };
  const sign = (p: Person, at: number) => {
    const locale = r.next() < 0.7 ? "fr" : "en";
    insSignature.run(uuidFrom(r.next), p.id, content.charter.version, locale, content.charter.hash[locale], p.email.split("@")[0], at);
    count("charter_signatures");
  };

  sqlite.transaction(() => {
    for (const p of [...storm, ...crash, ...page]) sign(p, now - r.int(5, 80) * DAY);
    for (const p of failed) attempt(p, false, now - r.int(3, 60) * DAY);
    // Accreditations in every state, one row each, on people who passed the exam.
    const states: [string, number][] = [
      ["granted", 0.4],
      ["requested", 0.1],
      ["declined", 0.08],
      ["suspended", 0.08],
      ["expired", 0.12],
      ["revoked", 0.07],
      ["renewal_requested", 0.15],
    ];
    accredited.forEach((p, index) => {
      let u = (index + 0.5) / accredited.length;
      const status = states.find(([, share]) => (u -= share) < 0)?.[0] ?? "granted";
      const requestedAt = status === "expired" ? now - r.int(400, 500) * DAY : now - r.int(20, 330) * DAY;
      const attemptId = attempt(p, true, requestedAt - r.int(1, 10) * DAY);
      if (status !== "suspended") sign(p, requestedAt - r.int(1, 5) * DAY);
      const requested = CHANNELS.filter(() => r.next() < 0.4);
      if (requested.length === 0) requested.push("linkedin");
      const wasGranted = !["requested", "declined"].includes(status);
      const grantedAt = wasGranted ? requestedAt + r.int(1, 7) * DAY : null;
      const validUntil = !grantedAt
        ? null
        : status === "expired"
          ? now - r.int(1, 30) * DAY
          : status === "renewal_requested"
            ? now + r.int(1, 29) * DAY
            : grantedAt + 365 * DAY;
      const decided = status === "requested" ? null : requestedAt + r.int(1, 7) * DAY;
      const reason =
        { declined: "Track not followed seriously", suspended: "New charter version not signed", revoked: "Posted confidential information" }[status] ?? null;
      insAccreditation.run(
        uuidFrom(r.next),
        p.id,
        status,
        JSON.stringify(requested),
        "I would like to share our work on the networks I use.",
        requestedAt,
        JSON.stringify(wasGranted ? requested : []),
        grantedAt,
        wasGranted ? result.manager.id : null,
        validUntil,
        wasGranted ? content.charter.version : null,
        attemptId,
        decided ? result.manager.id : null,
        decided,
        reason,
        decided ?? requestedAt,
      );
      count("accreditations");
      count(`accreditations.${status}`);
    });
    // Some of everyone else signed too.
    const signed = new Set([...storm, ...crash, ...page, ...accredited].map((p) => p.id));
    for (const p of people) if (!signed.has(p.id) && r.next() < 0.5) sign(p, now - r.int(5, 80) * DAY);

    const withSession = (list: Person[]): SeededPerson[] => list.map((p) => ({ id: p.id, email: p.email, level: p.level, session: session(p.id) }));
    result.pageLearners = withSession(page);
    result.stormLearners = withSession(storm);
    result.crashLearners = withSession(crash);
  })();

  // Gate emails: every accredited person (all states), as many without accreditation, a few unknown.
  result.gateEmails = [
    ...accredited.map((p) => p.email),
    ...failed.map((p) => p.email),
    ...page.slice(0, 100).map((p) => p.email),
    ...Array.from({ length: 50 }, (_, i) => `nobody.${i}@elsewhere.test`),
  ].sort(() => r.next() - 0.5);

  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  return { ...result, seconds: 0 };
}

/** A fresh copy of the pristine database for one run (sessions renewed so that none is near expiry). */
export function copyPristine(pristine: string, target: string): void {
  for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(pristine, target);
  const db = new Database(target);
  db.pragma("journal_mode = WAL");
  db.prepare("update sessions set expires_at = ?, created_at = ?").run(Math.floor(Date.now() / 1000) + 12 * 3600, Math.floor(Date.now() / 1000));
  db.close();
}
