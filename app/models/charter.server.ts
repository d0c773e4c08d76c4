/**
 * The social-media charter: which version is in force (the latest one an admin published), who signed
 * which version, publishing a new version (which suspends the accreditations of everyone who has not
 * signed it) and signing (comprehension check graded here, then the signature; reinstates a suspended
 * accreditation). The answer key of the check never leaves this module.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { accreditations, charterPublications, charterSignatures, users, type Locale } from "../../db/schema";
import { loadContentLibrary, type CharterVersion, type ContentLibrary } from "~/content/library.server";
import { IN_FORCE_STATES, RULES, STATES, availableTransitions, reasonColumns, reasonFrom, statesFrom, type StateReason } from "~/domain/accreditation";
import { personalOptionOrder } from "~/domain/option-order";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { applyTransition } from "./accreditation-transition.server";
import { recordAudit } from "./audit.server";
import { withNotificationBatch } from "./notifications.server";

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

type Reader = Pick<Tx, "select">;

/** The version in force: the latest publication, or null when nothing was ever published. */
export function currentCharterVersion(db: Reader = getDb()): string | null {
  return db.select({ version: charterPublications.version }).from(charterPublications).orderBy(desc(charterPublications.id)).limit(1).get()?.version ?? null;
}

/**
 * The charter in force, with its content. On first run (nothing published yet) the newest version in
 * the content folder is published, with no actor: the organisation starts with a charter.
 */
export async function getCurrentCharter(): Promise<{ version: string; publishedAt: Date; content: CharterVersion | null } | null> {
  const library = await loadContentLibrary();
  let row = latestPublication();
  if (!row) {
    const newest = [...library.charters.keys()].sort().pop();
    if (!newest) return null;
    getDb().transaction((tx) => {
      if (currentCharterVersion(tx)) return;
      tx.insert(charterPublications).values({ version: newest, publishedBy: null }).run();
      recordAudit(tx, { actorId: null, action: "charter.published", subjectType: "charter", subjectId: newest, toState: newest, reason: "first run" });
    });
    row = latestPublication();
    if (!row) return null;
  }
  return { version: row.version, publishedAt: row.publishedAt, content: library.charters.get(row.version) ?? null };
}

function latestPublication() {
  return getDb()
    .select({ version: charterPublications.version, publishedAt: charterPublications.publishedAt })
    .from(charterPublications)
    .orderBy(desc(charterPublications.id))
    .limit(1)
    .get();
}

export type Signature = { version: string; locale: Locale; textHash: string; signedName: string; signedAt: Date };

export function getSignature(userId: string, version: string, db: Reader = getDb()): Signature | null {
  return (
    db
      .select({
        version: charterSignatures.version,
        locale: charterSignatures.locale,
        textHash: charterSignatures.textHash,
        signedName: charterSignatures.signedName,
        signedAt: charterSignatures.signedAt,
      })
      .from(charterSignatures)
      .where(and(eq(charterSignatures.userId, userId), eq(charterSignatures.version, version)))
      .get() ?? null
  );
}

/** The latest version each of these people signed (one query). */
export function latestSignatures(userIds: readonly string[]): Map<string, { version: string; signedAt: Date }> {
  if (userIds.length === 0) return new Map();
  const rows = getDb()
    .select({ userId: charterSignatures.userId, version: charterSignatures.version, signedAt: charterSignatures.signedAt })
    .from(charterSignatures)
    .where(inArray(charterSignatures.userId, [...userIds]))
    .orderBy(charterSignatures.version)
    .all();
  return new Map(rows.map((r) => [r.userId, { version: r.version, signedAt: r.signedAt }]));
}

/** The versions in the content library (folders and those published from the browser), with when each was published, for the admin page. */
export async function listCharterVersions(): Promise<{
  current: string | null;
  versions: {
    version: string;
    effective: string;
    title: string;
    fromBrowser: boolean;
    publishedAt: Date | null;
    publishedBy: string | null;
    signatures: number;
  }[];
}> {
  const library = await loadContentLibrary();
  await getCurrentCharter();
  const db = getDb();
  const published = db
    .select({ version: charterPublications.version, publishedAt: charterPublications.publishedAt, publishedBy: users.name })
    .from(charterPublications)
    .leftJoin(users, eq(users.id, charterPublications.publishedBy))
    .all();
  const counts = db
    .select({ version: charterSignatures.version, count: sql<number>`count(*)` })
    .from(charterSignatures)
    .groupBy(charterSignatures.version)
    .all();
  const byVersion = new Map(published.map((p) => [p.version, p]));
  const countOf = new Map(counts.map((c) => [c.version, c.count]));
  const versions = [...library.charters.values()]
    .sort((a, b) => b.version.localeCompare(a.version))
    .map((c) => ({
      version: c.version,
      effective: c.effective,
      title: c.locales.fr.title,
      fromBrowser: c.locales.fr.stored !== undefined,
      publishedAt: byVersion.get(c.version)?.publishedAt ?? null,
      publishedBy: byVersion.get(c.version)?.publishedBy ?? null,
      signatures: countOf.get(c.version) ?? 0,
    }));
  return { current: currentCharterVersion(), versions };
}

// ---------------------------------------------------------------------------------------------
// The text signed
// ---------------------------------------------------------------------------------------------

/** The body of a charter file: everything after the closing `---` of its frontmatter. */
export function charterBody(source: string): string {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lines = text.split("\n");
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? "")) return text;
  const close = lines.findIndex((line, index) => index > 0 && /^---[ \t]*\r?$/.test(line));
  return close === -1 ? text : lines.slice(close + 1).join("\n");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The hash of the body of the text displayed. The file is read again and must be the very text the
 * library compiled (its hash), otherwise the charter changed on disk since it was shown. A version
 * held in the database (published from the browser) is hashed from the text the library compiled.
 */
function signedTextHash(charter: CharterVersion, locale: Locale): string {
  const compiled = charter.locales[locale];
  // A version published from the browser is immutable and carries its text; a file is read again.
  const source = compiled.stored ?? readFileSync(compiled.file, "utf8");
  if (sha256(source) !== compiled.hash) throw new InputError({ form: "accreditation.charter.changed" }, 409);
  return sha256(charterBody(source));
}

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

/** The accreditations a publication of `version` suspends: in force, not pending, their holder has not signed `version`. */
function accreditationsToSuspend(tx: Reader, version: string) {
  return tx
    .select({ id: accreditations.id, userId: accreditations.userId, status: accreditations.status, version: accreditations.version })
    .from(accreditations)
    .where(
      and(
        inArray(
          accreditations.status,
          [...IN_FORCE_STATES].filter((s) => RULES.suspend.from.includes(s) && !STATES[s].pending),
        ),
        sql`not exists (select 1 from ${charterSignatures} where ${charterSignatures.userId} = ${accreditations.userId} and ${charterSignatures.version} = ${version})`,
      ),
    )
    .all();
}

/**
 * What publishing `version` would do, for the admin's confirmation step: how many people would be
 * suspended (the same query the publication runs). Refused like the publication itself.
 */
export async function charterPublicationPreview(
  version: string,
  library?: ContentLibrary,
): Promise<{ version: string; title: string; suspended: number; current: string | null }> {
  const lib = library ?? (await loadContentLibrary());
  const charter = lib.charters.get(version);
  if (!charter) throw new InputError({ version: "accreditation.charter.unknownVersion" });
  await getCurrentCharter();
  const db = getDb();
  const current = currentCharterVersion(db);
  if (current !== null && version <= current) throw new InputError({ version: "accreditation.charter.notNewer" }, 409);
  return { version, title: charter.locales.fr.title, suspended: new Set(accreditationsToSuspend(db, version).map((r) => r.userId)).size, current };
}

export const CHANGE_SUMMARY_MAX = 1000;

/**
 * Publishes a charter version found in the content folder, with what changed (French and English,
 * shown to signers and mailed to the people it suspends). Only a version newer than the one in force
 * can be published. Everyone accredited who has not signed it is suspended until they do, and told
 * (one mail per person; their managers get one digest). Returns how many accreditations were suspended.
 */
export async function publishCharter(
  actorId: string,
  version: string,
  now = new Date(),
  library?: ContentLibrary,
  summary: { fr: string; en: string } = { fr: "", en: "" },
  /** The number of people the admin was told would be suspended: refused (409, nothing written) when it changed meanwhile. */
  expectedSuspended?: number,
): Promise<{ suspended: number }> {
  const lib = library ?? (await loadContentLibrary());
  if (!lib.charters.has(version)) throw new InputError({ version: "accreditation.charter.unknownVersion" });
  const summaryFr = summary.fr.replace(/\r\n?/g, "\n").trim();
  const summaryEn = summary.en.replace(/\r\n?/g, "\n").trim();
  const errors: Record<string, string> = {};
  if (summaryFr.length > CHANGE_SUMMARY_MAX) errors.summaryFr = "errors.tooLong";
  if (summaryEn.length > CHANGE_SUMMARY_MAX) errors.summaryEn = "errors.tooLong";
  if (Object.keys(errors).length > 0) throw new InputError(errors);
  await getCurrentCharter();
  return getDb().transaction((tx) =>
    withNotificationBatch(
      tx,
      () => {
        const current = currentCharterVersion(tx);
        if (current !== null && version <= current) throw new InputError({ version: "accreditation.charter.notNewer" }, 409);
        tx.insert(charterPublications)
          .values({ version, publishedBy: actorId, publishedAt: now, summaryFr: summaryFr || null, summaryEn: summaryEn || null })
          .run();
        recordAudit(tx, { actorId, action: "charter.published", subjectType: "charter", subjectId: version, fromState: current, toState: version });
        const toSuspend = accreditationsToSuspend(tx, version);
        if (expectedSuspended !== undefined && new Set(toSuspend.map((r) => r.userId)).size !== expectedSuspended) {
          throw new InputError({ form: "accreditation.adminCharter.countChanged" }, 409);
        }
        const reason: StateReason = { kind: "charter", version };
        for (const row of toSuspend) {
          applyTransition(tx, {
            row,
            transition: "suspend",
            by: "system",
            facts: { now, reason },
            actorId,
            patch: reasonColumns(reason),
            data: { charterVersion: version },
          });
        }
        return { suspended: toSuspend.length };
      },
      now,
    ),
  );
}

/** What changed in the charter in force, in `locale` (null when the admin wrote nothing). */
export function charterChangeSummary(version: string, locale: Locale): string | null {
  const row = getDb()
    .select({ fr: charterPublications.summaryFr, en: charterPublications.summaryEn })
    .from(charterPublications)
    .where(eq(charterPublications.version, version))
    .get();
  if (!row) return null;
  return (locale === "fr" ? row.fr : row.en) ?? row.fr ?? row.en ?? null;
}

// ---------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------

export type CheckQuestionView = { id: string; clause: string | null; question: string; options: { id: string; text: string }[] };

/**
 * The comprehension check in one language, without the answer key or the explanations, each
 * question's options in `personId`'s own order (stable for that person: app/domain/option-order.ts).
 */
export function checkForDisplay(charter: CharterVersion, locale: Locale, personId: string): CheckQuestionView[] {
  return charter.check.questions.map((q) => ({
    id: q.id,
    clause: q.clause ?? null,
    question: q.question[locale],
    options: personalOptionOrder(q.options, personId, `charter/${q.id}`).map((o) => ({ id: o.id, text: o.text[locale] })),
  }));
}

/** Names compare without case, accents' case, or extra spaces: "  karim  BENALI " signs as "Karim Benali". */
export function sameName(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("fr");
  return norm(typed) !== "" && norm(typed) === norm(name);
}

export type SignInput = { answers: Record<string, string>; typedName: string; confirmed: boolean; locale: Locale };

export type CheckFeedback = Record<string, string>;

/**
 * Grades the check (every question must be answered correctly) and records the signature of the
 * version in force, with the hash of the exact text, the locale and the time. A suspended
 * accreditation is reinstated in the same transaction. Refusals change nothing: a failed check
 * throws InputError with one message per wrong question (`q:<id>`), and `feedback` carries the
 * explanation of each wrong answer chosen.
 */
export async function signCharter(userId: string, input: SignInput, now = new Date()): Promise<{ version: string; reinstated: boolean }> {
  const current = await getCurrentCharter();
  if (!current?.content) throw new InputError({ form: "accreditation.charter.noneInForce" }, 409);
  const charter = current.content;
  const person = getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
  if (!person) throw new InputError({ form: "errors.invalidInput" });

  const errors: Record<string, string> = {};
  const feedback: CheckFeedback = {};
  for (const question of charter.check.questions) {
    const chosen = input.answers[question.id];
    const option = question.options.find((o) => o.id === chosen);
    if (!chosen) errors[`q:${question.id}`] = "accreditation.charter.answerRequired";
    else if (!option) errors[`q:${question.id}`] = "errors.invalidInput";
    else if (option.correct !== true) {
      errors[`q:${question.id}`] = "accreditation.charter.wrongAnswer";
      feedback[question.id] = option.explanation[input.locale];
    }
  }
  if (!sameName(input.typedName, person.name)) errors.fullName = "accreditation.charter.nameMismatch";
  if (!input.confirmed) errors.confirm = "accreditation.charter.confirmRequired";
  if (Object.keys(errors).length > 0) throw new CharterCheckError(errors, feedback);

  const textHash = signedTextHash(charter, input.locale);
  return getDb().transaction((tx) => {
    if (currentCharterVersion(tx) !== current.version) throw new InputError({ form: "accreditation.charter.changed" }, 409);
    if (getSignature(userId, current.version, tx)) throw new InputError({ form: "accreditation.charter.alreadySigned" }, 409);
    tx.insert(charterSignatures)
      .values({ id: newId(), userId, version: current.version, locale: input.locale, textHash, signedName: input.typedName.trim(), signedAt: now })
      .run();
    recordAudit(tx, {
      actorId: userId,
      action: "charter.signed",
      subjectType: "user",
      subjectId: userId,
      toState: current.version,
      data: { textHash, locale: input.locale },
    });
    const suspended = tx
      .select({ row: accreditations, active: users.active })
      .from(accreditations)
      .innerJoin(users, eq(users.id, accreditations.userId))
      .where(and(eq(accreditations.userId, userId), inArray(accreditations.status, statesFrom("reinstate"))))
      .get();
    let reinstated = false;
    // Signing lifts a suspension for the charter, before the end date; never one for leaving (a manager's call).
    const facts = suspended
      ? { now, currentCharterSigned: true, holderActive: suspended.active, validUntil: suspended.row.validUntil, currentReason: reasonFrom(suspended.row) }
      : null;
    if (suspended && facts && availableTransitions({ kind: "system" }, suspended.row.status, facts).includes("reinstate")) {
      applyTransition(tx, {
        row: suspended.row,
        transition: "reinstate",
        by: "system",
        facts,
        actorId: userId,
        patch: { ...reasonColumns(null), charterVersion: current.version },
        data: { charterVersion: current.version },
      });
      reinstated = true;
    }
    return { version: current.version, reinstated };
  });
}

/** A refused signature: per-field messages plus the explanation of each wrong answer. */
export class CharterCheckError extends InputError {
  constructor(
    fieldErrors: Record<string, string>,
    public readonly feedback: CheckFeedback,
  ) {
    super(fieldErrors, 400);
  }
}
