/**
 * Charter versions drafted in the browser (docs/decisions/0028-charter-in-the-browser.md).
 *
 * - A draft is a new version id (date-like, newer than every version known) with both languages as
 *   whole MDX files and the comprehension check as YAML text; it starts from the text in force. It is
 *   shared: every save names the revision it started from, and a save based on another revision is
 *   refused with the current text (CharterEditConflict → 409), as the studio does for modules.
 * - Publishing validates the three texts exactly as the content library will (the same safe compiler,
 *   charterCheckSchema): any problem → PublishRefused, nothing written. Then the texts become an
 *   immutable row of `charter_texts` (laid over the content files by the library, reloaded without a
 *   restart), the draft is deleted, and the existing publishCharter() makes it the version in force,
 *   suspending the accreditations of everyone who has not signed it.
 * - A published version is frozen: there is no draft of it any more, and a save naming it is refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { charterDrafts, charterTexts, users } from "../../db/schema";
import {
  checkCharterCheck,
  checkCharterLocale,
  compileCharterSources,
  contentDir,
  loadContentLibrary,
  reloadContentLibrary,
  type Problem,
} from "~/content/library.server";
import type { MdxNode } from "~/content/mdx-components";
import { CHARTER_VERSION } from "~/content/schemas";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { currentCharterVersion, getCurrentCharter, publishCharter } from "./charter.server";
import { PublishRefused } from "./studio.server";

export { PublishRefused };

/** The three texts of a charter version. */
export type CharterTexts = { fr: string; en: string; check: string };
export const CHARTER_PARTS = ["fr", "en", "check"] as const;
export type CharterPart = (typeof CHARTER_PARTS)[number];

export const MAX_CHARTER_VERSION_CHARS = 40;

export type CharterDraftSnapshot = { revision: number; texts: CharterTexts; updatedByName: string | null; updatedAt: string | null };

export class CharterEditConflict extends Error {
  constructor(readonly current: CharterDraftSnapshot) {
    super("the charter draft changed since it was loaded");
    this.name = "CharterEditConflict";
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

type Reader = Pick<Tx, "select">;

/** The texts of a known version: published from the browser (database), else its folder; null when unknown. */
export function charterVersionTexts(version: string, db: Reader = getDb()): CharterTexts | null {
  const row = db.select().from(charterTexts).where(eq(charterTexts.version, version)).get();
  if (row) return { fr: row.frSource, en: row.enSource, check: row.checkYaml };
  if (!CHARTER_VERSION.test(version)) return null;
  const folder = path.join(contentDir(), "policy", "charter", version);
  try {
    const read = (name: string) => readFileSync(path.join(folder, name), "utf8");
    return { fr: read("fr.mdx"), en: read("en.mdx"), check: read("check.yaml") };
  } catch {
    return null;
  }
}

export type CharterDraftState = {
  version: string;
  revision: number;
  texts: CharterTexts;
  updatedAt: Date;
  updatedByName: string | null;
  /** The version in force and its texts, to compare with; null when none is in force. */
  inForce: { version: string; texts: CharterTexts } | null;
};

/** A draft as the editor opens it, or null when there is none for this version. */
export async function getCharterDraft(version: string): Promise<CharterDraftState | null> {
  const row = getDb()
    .select({ draft: charterDrafts, updatedByName: users.name })
    .from(charterDrafts)
    .leftJoin(users, eq(users.id, charterDrafts.updatedBy))
    .where(eq(charterDrafts.version, version))
    .get();
  if (!row) return null;
  const current = await getCurrentCharter();
  const inForceTexts = current ? charterVersionTexts(current.version) : null;
  return {
    version,
    revision: row.draft.revision,
    texts: { fr: row.draft.frSource, en: row.draft.enSource, check: row.draft.checkYaml },
    updatedAt: row.draft.updatedAt,
    updatedByName: row.updatedByName,
    inForce: current && inForceTexts ? { version: current.version, texts: inForceTexts } : null,
  };
}

/** The drafts under way, newest version first, for the admin's list. */
export function listCharterDrafts(): { version: string; updatedAt: Date; updatedByName: string | null }[] {
  return getDb()
    .select({ version: charterDrafts.version, updatedAt: charterDrafts.updatedAt, updatedByName: users.name })
    .from(charterDrafts)
    .leftJoin(users, eq(users.id, charterDrafts.updatedBy))
    .all()
    .sort((a, b) => b.version.localeCompare(a.version));
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Sets the frontmatter's `version:` line (the first one, inside the frontmatter) to `version`. */
export function withCharterVersion(source: string, version: string): string {
  const lines = source.split("\n");
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? "")) return source;
  for (let i = 1; i < lines.length; i++) {
    if (/^---[ \t]*\r?$/.test(lines[i] ?? "")) break;
    if (/^version:/.test(lines[i] ?? "")) {
      lines[i] = `version: "${version}"`;
      return lines.join("\n");
    }
  }
  return source;
}

/**
 * Starts a draft of charter `version` from the text in force (its frontmatter version set). Refused:
 * an id that is not date-like, or not newer than every version known (files, database, drafts).
 */
export async function createCharterDraft(actorId: string, version: string): Promise<void> {
  if (version.length > MAX_CHARTER_VERSION_CHARS || !CHARTER_VERSION.test(version)) throw new InputError({ version: "charterEditor.errors.versionFormat" });
  const library = await loadContentLibrary();
  const current = await getCurrentCharter();
  const base = current ? charterVersionTexts(current.version) : null;
  if (!base) throw new InputError({ form: "charterEditor.errors.noBase" }, 409);
  getDb().transaction((tx) => {
    const known = [
      ...library.charters.keys(),
      ...tx
        .select({ v: charterDrafts.version })
        .from(charterDrafts)
        .all()
        .map((r) => r.v),
      currentCharterVersion(tx) ?? "",
    ];
    if (known.includes(version) || charterVersionTexts(version, tx)) throw new InputError({ version: "charterEditor.errors.versionTaken" }, 409);
    const newest = known.filter(Boolean).sort().pop();
    if (newest && version <= newest) throw new InputError({ version: "charterEditor.errors.versionNotNewer" }, 409);
    tx.insert(charterDrafts)
      .values({
        version,
        frSource: withCharterVersion(base.fr, version),
        enSource: withCharterVersion(base.en, version),
        checkYaml: base.check,
        revision: 1,
        createdBy: actorId,
        updatedBy: actorId,
        updatedAt: new Date(),
      })
      .run();
    recordAudit(tx, {
      actorId,
      action: "charter.draft_created",
      subjectType: "charter",
      subjectId: version,
      fromState: current?.version ?? null,
      toState: "draft",
    });
  });
}

function snapshot(tx: Reader, version: string): CharterDraftSnapshot {
  const row = tx
    .select({ draft: charterDrafts, name: users.name })
    .from(charterDrafts)
    .leftJoin(users, eq(users.id, charterDrafts.updatedBy))
    .where(eq(charterDrafts.version, version))
    .get();
  if (!row) return { revision: 0, texts: { fr: "", en: "", check: "" }, updatedByName: null, updatedAt: null };
  return {
    revision: row.draft.revision,
    texts: { fr: row.draft.frSource, en: row.draft.enSource, check: row.draft.checkYaml },
    updatedByName: row.name,
    updatedAt: row.draft.updatedAt.toISOString(),
  };
}

/** A draft that is not there: frozen when the version was published (409), else unknown (404). */
function missingDraft(tx: Reader, version: string): never {
  if (tx.select({ version: charterTexts.version }).from(charterTexts).where(eq(charterTexts.version, version)).get())
    throw new InputError({ form: "charterEditor.errors.frozen" }, 409);
  throw new InputError({ form: "charterEditor.errors.unknownDraft" }, 404);
}

/**
 * Saves the shared draft. `expectedRevision` is the revision the editor started from: anything else
 * means someone saved in between, and nothing is written (CharterEditConflict, with their text).
 */
export function saveCharterDraft(actorId: string, version: string, expectedRevision: number, texts: CharterTexts): { revision: number; updatedAt: Date } {
  return getDb().transaction((tx) => {
    const draft = tx.select().from(charterDrafts).where(eq(charterDrafts.version, version)).get();
    if (!draft) missingDraft(tx, version);
    if (draft.revision !== expectedRevision) throw new CharterEditConflict(snapshot(tx, version));
    if (draft.frSource === texts.fr && draft.enSource === texts.en && draft.checkYaml === texts.check)
      return { revision: draft.revision, updatedAt: draft.updatedAt };
    const updatedAt = new Date();
    const revision = draft.revision + 1;
    tx.update(charterDrafts)
      .set({ frSource: texts.fr, enSource: texts.en, checkYaml: texts.check, revision, updatedBy: actorId, updatedAt })
      .where(eq(charterDrafts.version, version))
      .run();
    return { revision, updatedAt };
  });
}

/**
 * What keeps `texts` from being published as `version` ("fr", "en", "check" as file), validated as the
 * library will: empty when it may be.
 */
export async function charterDraftProblems(version: string, texts: CharterTexts): Promise<Problem[]> {
  const problems: Problem[] = [];
  await compileCharterSources(
    version,
    { fr: { source: texts.fr, file: "fr" }, en: { source: texts.en, file: "en" }, check: { source: texts.check, file: "check" } },
    problems,
  );
  return problems;
}

/**
 * Publishes the draft (`texts`, the editor's text, based on `expectedRevision`) as charter `version`.
 * Refused with nothing written: an outdated revision (409), any problem (PublishRefused), a version no
 * longer newer than the one in force (409). Then stores the immutable text, reloads the library and
 * runs publishCharter(): returns how many accreditations were suspended.
 */
export async function publishCharterDraft(input: {
  actorId: string;
  version: string;
  expectedRevision: number;
  texts: CharterTexts;
}): Promise<{ suspended: number }> {
  const { actorId, version, expectedRevision, texts } = input;
  const db = getDb();
  const draft = db.select({ revision: charterDrafts.revision }).from(charterDrafts).where(eq(charterDrafts.version, version)).get();
  if (!draft) missingDraft(db, version);
  if (draft.revision !== expectedRevision) throw new CharterEditConflict(snapshot(db, version));
  const problems = await charterDraftProblems(version, texts);
  if (problems.length > 0) throw new PublishRefused(problems);
  await getCurrentCharter();

  db.transaction((tx) => {
    const now = tx.select({ revision: charterDrafts.revision }).from(charterDrafts).where(eq(charterDrafts.version, version)).get();
    if (!now) missingDraft(tx, version);
    if (now.revision !== expectedRevision) throw new CharterEditConflict(snapshot(tx, version));
    const current = currentCharterVersion(tx);
    if (current !== null && version <= current) throw new InputError({ form: "accreditation.charter.notNewer" }, 409);
    tx.insert(charterTexts).values({ version, frSource: texts.fr, enSource: texts.en, checkYaml: texts.check, author: actorId }).run();
    tx.delete(charterDrafts).where(eq(charterDrafts.version, version)).run();
    recordAudit(tx, {
      actorId,
      action: "charter.text_stored",
      subjectType: "charter",
      subjectId: version,
      fromState: "draft",
      toState: "stored",
      data: { revision: expectedRevision },
    });
  });
  const library = await reloadContentLibrary();
  // The same function as the admin's list: suspends whoever has not signed it.
  return publishCharter(actorId, version, new Date(), library);
}

/** Deletes a draft (nothing was published). `expectedRevision` as for a save: a colleague's newer work is never thrown away unseen. */
export function discardCharterDraft(actorId: string, version: string, expectedRevision: number): void {
  getDb().transaction((tx) => {
    const draft = tx.select({ revision: charterDrafts.revision }).from(charterDrafts).where(eq(charterDrafts.version, version)).get();
    if (!draft) missingDraft(tx, version);
    if (draft.revision !== expectedRevision) throw new InputError({ form: "charterEditor.errors.changedMeanwhile" }, 409);
    tx.delete(charterDrafts).where(eq(charterDrafts.version, version)).run();
    recordAudit(tx, {
      actorId,
      action: "charter.draft_discarded",
      subjectType: "charter",
      subjectId: version,
      fromState: "draft",
      data: { revision: draft.revision },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Live preview
// ---------------------------------------------------------------------------------------------

/** A problem located in the whole text the code editor holds (frontmatter included). */
export type CharterPreviewProblem = { line: number; col: number; message: string; code?: string; params?: Record<string, string | number>; where: "body" };

const located = (problems: readonly Problem[]): CharterPreviewProblem[] =>
  problems.map((p) => ({ line: p.line, col: p.col, message: p.message, ...(p.code ? { code: p.code, params: p.params ?? {} } : {}), where: "body" as const }));

/**
 * One of the three texts as it would be published: a language rendered by the learners' safe compiler
 * (the tree whenever the MDX compiles), or the check validated with charterCheckSchema; with its problems.
 */
export async function previewCharterPart(
  version: string,
  part: CharterPart,
  text: string,
): Promise<{ tree: MdxNode[] | null; problems: CharterPreviewProblem[] }> {
  const problems: Problem[] = [];
  if (part === "check") {
    checkCharterCheck(version, text, "check", [], problems);
    return { tree: null, problems: located(problems) };
  }
  const { tree } = await checkCharterLocale(version, part, text, part, problems);
  return { tree, problems: located(problems) };
}
