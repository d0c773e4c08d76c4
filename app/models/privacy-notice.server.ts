/**
 * The privacy notice: what Ambassade keeps about each person, why, who sees it, how long, whom to ask.
 * Versioned like the charter: an admin edits both languages and publishes a new version (immutable);
 * the latest publication is in force. On a first run the built-in text below is published as version 1,
 * with no actor. Each person's acknowledgement of a version is kept with its date (shown before the
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

Ambassade est l’outil de formation de votre organisation pour les ambassadeurs sur les réseaux sociaux. Il conserve : votre nom, votre adresse e-mail, votre équipe et vos rôles ; vos réponses au questionnaire de positionnement (vos habitudes et votre opinion sur la présence de l’entreprise sur les réseaux sociaux) et le niveau qui en découle ; votre progression dans les modules, vos réponses aux questions de vérification et les réflexions que vous écrivez ; vos signatures de la charte ; vos tentatives d’examen et leurs réponses ; vos demandes d’accréditation, les décisions prises et leurs raisons ; votre attestation vérifiable ; les sessions de connexion et un journal des actions importantes.

Pourquoi : vous former, vous placer au bon niveau, décider qui peut parler au nom de l’entreprise et le prouver aux outils de publication. Base légale : l’intérêt légitime de l’organisation à encadrer la parole publique en son nom (et l’exécution du contrat de travail).

Qui voit quoi : votre manager voit votre niveau, votre progression et vos demandes d’accréditation ; il ne voit jamais vos réponses individuelles au questionnaire ni à l’examen. Les formateurs lisent les réflexions soumises à relecture. Les administrateurs gèrent les comptes. Les outils de publication reliés à Ambassade savent seulement si vous êtes accrédité·e, et pour quels réseaux.

Combien de temps : les réponses au questionnaire, à l’examen et vos réflexions sont effacées après les durées fixées par l’administrateur (par défaut 2 ans) ; les sessions expirent ; les e-mails envoyés sont supprimés après 30 jours. Après votre départ, le détail du journal vous concernant est effacé après 1 an.

Vos droits : vous pouvez télécharger à tout moment tout ce qu’Ambassade conserve sur vous depuis la page « Mon compte ». Pour faire rectifier ou effacer vos données, adressez-vous à votre administrateur ou au délégué à la protection des données de votre organisation.`,
  en: `What the ambassador programme keeps about you

Ambassade is your organisation’s training tool for social-media ambassadors. It keeps: your name, your email address, your team and roles; your answers to the placement questionnaire (your habits and your opinion of the company’s presence on social media) and the level it gives; your progress through the modules, your answers to knowledge checks and the reflections you write; your signatures of the charter; your exam attempts and their answers; your accreditation requests, the decisions taken and their reasons; your verifiable credential; your sign-in sessions and a log of the important actions.

Why: to train you, place you at the right level, decide who may speak for the company and prove it to the publishing tools. Legal basis: the organisation’s legitimate interest in overseeing public speech on its behalf (and the performance of the employment contract).

Who sees what: your manager sees your level, your progress and your accreditation requests; they never see your individual answers to the questionnaire or the exam. Trainers read the reflections sent for review. Administrators manage accounts. Publishing tools connected to Ambassade only learn whether you are accredited, and for which networks.

How long: questionnaire answers, exam answers and your reflections are erased after the periods the administrator sets (2 years by default); sessions expire; sent emails are deleted after 30 days. After you leave, the details of the log about you are erased after 1 year.

Your rights: you can download everything Ambassade keeps about you at any time from the “My account” page. To have your data corrected or erased, ask your administrator or your organisation’s data protection officer.`,
};

export type PrivacyNotice = { version: number; fr: string; en: string; publishedAt: Date; publishedBy: string | null };

function latest(db: Reader): PrivacyNotice | null {
  return (
    db
      .select({ version: privacyNotices.version, fr: privacyNotices.fr, en: privacyNotices.en, publishedAt: privacyNotices.publishedAt, publishedBy: users.name })
      .from(privacyNotices)
      .leftJoin(users, eq(users.id, privacyNotices.publishedBy))
      .orderBy(desc(privacyNotices.version))
      .limit(1)
      .get() ?? null
  );
}

/** The notice in force; on a first run the built-in one is published as version 1 (no actor). */
export function currentPrivacyNotice(): PrivacyNotice {
  const found = latest(getDb());
  if (found) return found;
  getDb().transaction(
    (tx) => {
      if (latest(tx)) return;
      tx.insert(privacyNotices).values({ version: 1, fr: DEFAULT_NOTICE.fr, en: DEFAULT_NOTICE.en, publishedBy: null }).run();
      recordAudit(tx, { actorId: null, action: "privacy_notice.published", subjectType: "privacy_notice", subjectId: "1", toState: "1", reason: "first run" });
    },
    { behavior: "immediate" },
  );
  return latest(getDb())!;
}

/** Every published version, newest first, with how many people saw each. */
export function listPrivacyNotices(): (PrivacyNotice & { seenBy: number })[] {
  currentPrivacyNotice();
  return getDb()
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
}

/**
 * Publishes a new version with both texts (each required, at most NOTICE_MAX characters); refused when
 * identical to the version in force. `basedOn` is the version the admin edited: another admin's
 * publication meanwhile is a 409, nothing written.
 */
export function publishPrivacyNotice(actorId: string, input: { fr: string; en: string; basedOn: number }, now = new Date()): { version: number } {
  const current = currentPrivacyNotice();
  return getDb().transaction(
    (tx) => {
      const inForce = latest(tx)!;
      if (inForce.version !== input.basedOn || inForce.version !== current.version) throw new InputError({ form: "privacyAdmin.errors.changed" }, 409);
      if (inForce.fr === input.fr && inForce.en === input.en) throw new InputError({ form: "privacyAdmin.errors.unchanged" }, 409);
      const version = inForce.version + 1;
      tx.insert(privacyNotices).values({ version, fr: input.fr, en: input.en, publishedBy: actorId, publishedAt: now }).run();
      recordAudit(tx, { actorId, action: "privacy_notice.published", subjectType: "privacy_notice", subjectId: String(version), fromState: String(inForce.version), toState: String(version) });
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
    const inForce = latest(tx);
    if (!inForce || inForce.version !== version) throw new InputError({ form: "privacy.errors.noticeChanged" }, 409);
    const already = tx.select({ v: privacyNoticeViews.version }).from(privacyNoticeViews).where(and(eq(privacyNoticeViews.userId, userId), eq(privacyNoticeViews.version, version))).get();
    if (already) return;
    tx.insert(privacyNoticeViews).values({ userId, version, seenAt: now }).run();
  });
}
