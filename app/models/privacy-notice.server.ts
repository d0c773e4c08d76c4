/**
 * The privacy notice: what Ambassade keeps about each person, why, who sees it, how long, whom to ask.
 * Versioned like the charter: an admin edits both languages and publishes a new version (immutable);
 * the latest publication is in force. Until an admin publishes one, the built-in text below is version 1. Each person's acknowledgement of a version is kept with its date (shown before the
 * questionnaire; rereadable from their account at /privacy). See docs/privacy.md and ADR 0024.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { privacyNotices, privacyNoticeViews, users, type Locale } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";

type Reader = Pick<Tx, "select">;

export const NOTICE_MAX = 20_000;

/** The notice a new installation starts with; admins adapt it to their organisation (contact, DPO). */
export const DEFAULT_NOTICE: Record<Locale, string> = {
  fr: `Ce que le programme des ambassadeurs conserve sur vous

Ambassade est l’outil de formation de votre organisation pour les ambassadeurs sur les réseaux sociaux. Il conserve\u00a0: votre nom, votre adresse e-mail, votre équipe et vos rôles\u00a0; vos réponses au questionnaire de positionnement (vos habitudes et votre opinion sur la présence de l’entreprise sur les réseaux sociaux) et le niveau qui en découle\u00a0; votre progression dans les modules, vos réponses aux questions de vérification et les réflexions que vous écrivez\u00a0; vos signatures de la charte\u00a0; vos tentatives d’examen et leurs réponses\u00a0; vos demandes d’accréditation, les décisions prises et leurs raisons\u00a0; votre attestation vérifiable\u00a0; les sessions de connexion et un journal des actions importantes.

Pourquoi\u00a0: vous former, vous placer au bon niveau, décider qui peut parler au nom de l’entreprise et le prouver aux outils de publication. Base légale\u00a0: l’intérêt légitime de l’organisation à encadrer la parole publique en son nom (et l’exécution du contrat de travail).

Qui voit quoi\u00a0: votre manager voit votre niveau, votre progression et vos demandes d’accréditation\u00a0; il ne voit jamais vos réponses individuelles au questionnaire ni à l’examen. Les formateurs lisent les réflexions soumises à relecture. Les administrateurs gèrent les comptes. Les outils de publication reliés à Ambassade savent seulement si vous êtes accrédité·e, et pour quels réseaux.

Combien de temps\u00a0: les réponses au questionnaire, à l’examen et vos réflexions sont effacées après les durées fixées par l’administrateur (par défaut 2 ans)\u00a0; les sessions expirent\u00a0; les e-mails envoyés sont supprimés après 30 jours. Après votre départ, le détail du journal vous concernant est effacé après 1 an.

Vos droits\u00a0: vous pouvez télécharger à tout moment tout ce qu’Ambassade conserve sur vous depuis la page «\u00a0Mon compte\u00a0». Pour faire rectifier ou effacer vos données, adressez-vous à votre administrateur ou au délégué à la protection des données de votre organisation.`,
  en: `What the ambassador programme keeps about you

Ambassade is your organisation’s training tool for social-media ambassadors. It keeps: your name, your email address, your team and roles; your answers to the placement questionnaire (your habits and your opinion of the company’s presence on social media) and the level it gives; your progress through the modules, your answers to knowledge checks and the reflections you write; your signatures of the charter; your exam attempts and their answers; your accreditation requests, the decisions taken and their reasons; your verifiable credential; your sign-in sessions and a log of the important actions.

Why: to train you, place you at the right level, decide who may speak for the company and prove it to the publishing tools. Legal basis: the organisation’s legitimate interest in overseeing public speech on its behalf (and the performance of the employment contract).

Who sees what: your manager sees your level, your progress and your accreditation requests; they never see your individual answers to the questionnaire or the exam. Trainers read the reflections sent for review. Administrators manage accounts. Publishing tools connected to Ambassade only learn whether you are accredited, and for which networks.

How long: questionnaire answers, exam answers and your reflections are erased after the periods the administrator sets (2 years by default); sessions expire; sent emails are deleted after 30 days. After you leave, the details of the log about you are erased after 1 year.

Your rights: you can download everything Ambassade keeps about you at any time from the “My account” page. To have your data corrected or erased, ask your administrator or your organisation’s data protection officer.`,
};

/** `publishedAt` is null for the built-in version 1 before any publication. */
export type PrivacyNotice = { version: number; fr: string; en: string; publishedAt: Date | null; publishedBy: string | null };

function latest(db: Reader): PrivacyNotice | null {
  return (
    db
      .select({
        version: privacyNotices.version,
        fr: privacyNotices.fr,
        en: privacyNotices.en,
        publishedAt: privacyNotices.publishedAt,
        publishedBy: users.name,
      })
      .from(privacyNotices)
      .leftJoin(users, eq(users.id, privacyNotices.publishedBy))
      .orderBy(desc(privacyNotices.version))
      .limit(1)
      .get() ?? null
  );
}

/**
 * The notice in force. Before any publication, the built-in text is version 1 (nothing is written on a
 * read: it is stored when an admin publishes version 2, see `publishPrivacyNotice`).
 */
export function currentPrivacyNotice(db: Reader = getDb()): PrivacyNotice {
  return latest(db) ?? { version: 1, fr: DEFAULT_NOTICE.fr, en: DEFAULT_NOTICE.en, publishedAt: null, publishedBy: null };
}

/** Every published version, newest first, with how many people saw each. */
export function listPrivacyNotices(): (PrivacyNotice & { seenBy: number })[] {
  const rows = getDb()
    .select({
      version: privacyNotices.version,
      fr: privacyNotices.fr,
      en: privacyNotices.en,
      publishedAt: privacyNotices.publishedAt,
      publishedBy: users.name,
      seenBy: sql<number>`(select count(*) from privacy_notice_views v where v.version = ${privacyNotices.version})`,
    })
    .from(privacyNotices)
    .leftJoin(users, eq(users.id, privacyNotices.publishedBy))
    .orderBy(desc(privacyNotices.version))
    .all();
  if (rows.length) return rows;
  const seenBy =
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(privacyNoticeViews)
      .where(eq(privacyNoticeViews.version, 1))
      .get()?.n ?? 0;
  return [{ ...currentPrivacyNotice(), seenBy }];
}

/**
 * Publishes a new version with both texts (each required, at most NOTICE_MAX characters); refused when
 * identical to the version in force. `basedOn` is the version the admin edited: another admin's
 * publication meanwhile is a 409, nothing written.
 */
export function publishPrivacyNotice(actorId: string, input: { fr: string; en: string; basedOn: number }, now = new Date()): { version: number } {
  return getDb().transaction(
    (tx) => {
      // The built-in version 1 is stored with the first publication, so that every version is on record.
      if (!latest(tx))
        tx.insert(privacyNotices).values({ version: 1, fr: DEFAULT_NOTICE.fr, en: DEFAULT_NOTICE.en, publishedBy: null, publishedAt: now }).run();
      const inForce = latest(tx)!;
      if (inForce.version !== input.basedOn) throw new InputError({ form: "privacyAdmin.errors.changed" }, 409);
      if (inForce.fr === input.fr && inForce.en === input.en) throw new InputError({ form: "privacyAdmin.errors.unchanged" }, 409);
      const version = inForce.version + 1;
      tx.insert(privacyNotices).values({ version, fr: input.fr, en: input.en, publishedBy: actorId, publishedAt: now }).run();
      recordAudit(tx, {
        actorId,
        action: "privacy_notice.published",
        subjectType: "privacy_notice",
        subjectId: String(version),
        fromState: String(inForce.version),
        toState: String(version),
      });
      return { version };
    },
    { behavior: "immediate" },
  );
}

/** The last version this person acknowledged, and when; null when never. */
export function lastSeenNotice(userId: string): { version: number; seenAt: Date } | null {
  return (
    getDb()
      .select({ version: privacyNoticeViews.version, seenAt: privacyNoticeViews.seenAt })
      .from(privacyNoticeViews)
      .where(eq(privacyNoticeViews.userId, userId))
      .orderBy(desc(privacyNoticeViews.version))
      .limit(1)
      .get() ?? null
  );
}

/**
 * Records that the person saw `version`, which must be the version in force (a stale page is a 409:
 * the notice changed since it was shown). Seeing a version twice keeps the first date.
 */
export function recordNoticeSeen(userId: string, version: number, now = new Date()): void {
  getDb().transaction((tx) => {
    const inForce = currentPrivacyNotice(tx);
    if (inForce.version !== version) throw new InputError({ form: "privacy.errors.noticeChanged" }, 409);
    const already = tx
      .select({ v: privacyNoticeViews.version })
      .from(privacyNoticeViews)
      .where(and(eq(privacyNoticeViews.userId, userId), eq(privacyNoticeViews.version, version)))
      .get();
    if (already) return;
    tx.insert(privacyNoticeViews).values({ userId, version, seenAt: now }).run();
  });
}
