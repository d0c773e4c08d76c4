/**
 * Admin settings: a registry of typed settings with their defaults, stored as JSON in the `settings`
 * table (key → value). A key never saved reads as its default, and a stored value that no longer
 * validates (a rule tightened since) reads as the default too, rather than breaking a page.
 *
 * To add a setting, add ONE entry to SETTINGS below: it is then typed for `getSetting`, validated,
 * audited when changed, and shown on /admin/settings with its label and limits. Nothing else to do.
 */
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "../../db/connection";
import { settings } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { DEFAULT_ACCENT, checkAccent } from "~/domain/brand";
import { MEDIA_FILE } from "~/domain/media";
import { DEFAULT_TIME_ZONE, isTimeZone } from "~/utils/dates";
import { FORBIDDEN_CHARACTERS, hasForbiddenCharacters } from "~/utils/text";
import { recordAudit } from "./audit.server";
import { prepared } from "./prepared.server";
import { SSO_SETTINGS } from "./sso-settings.server";

/** A text a person reads on the settings page, in both languages. */
export type Bilingual = { fr: string; en: string };

/** How a setting is edited in the form; each kind knows how to read its form field. */
export type SettingField =
  | { kind: "integer"; min: number; max: number; unit?: Bilingual }
  | { kind: "boolean" }
  | { kind: "text"; maxLength: number }
  | { kind: "choice"; options: readonly { value: string; label: Bilingual }[] }
  /** Several lines (a certificate). */
  | { kind: "multiline"; maxLength: number }
  /** Write-only: never sent back to a browser nor written to the audit log; an empty field keeps it. */
  | { kind: "secret"; maxLength: number };

export type SettingDefinition<T> = {
  default: T;
  field: SettingField;
  label: Bilingual;
  help?: Bilingual;
  /**
   * Settings edited on their own page (e.g. "sso": /admin/sso) or form ("brand": the appearance form of
   * /admin/settings, with its logo upload) rather than in the main form of /admin/settings.
   */
  group?: "sso" | "brand";
  /** Validates a stored or submitted value; messages are i18n keys of the `settings.errors` namespace. */
  schema: () => z.ZodType<T>;
};

// ---------------------------------------------------------------------------------------------
// Kinds of setting
// ---------------------------------------------------------------------------------------------

function integer(defaultValue: number, min: number, max: number, label: Bilingual, help?: Bilingual, unit?: Bilingual): SettingDefinition<number> {
  return {
    default: defaultValue,
    field: { kind: "integer", min, max, ...(unit ? { unit } : {}) },
    label,
    ...(help ? { help } : {}),
    schema: () =>
      z.number({ error: "settings.errors.integer" }).int("settings.errors.integer").min(min, "settings.errors.range").max(max, "settings.errors.range"),
  };
}

function boolean(defaultValue: boolean, label: Bilingual, help?: Bilingual): SettingDefinition<boolean> {
  return { default: defaultValue, field: { kind: "boolean" }, label, ...(help ? { help } : {}), schema: () => z.boolean({ error: "errors.invalidInput" }) };
}

function text(defaultValue: string, maxLength: number, label: Bilingual, help?: Bilingual): SettingDefinition<string> {
  return {
    default: defaultValue,
    field: { kind: "text", maxLength },
    label,
    ...(help ? { help } : {}),
    schema: () =>
      z
        .string({ error: "errors.invalidInput" })
        .trim()
        .max(maxLength, "errors.tooLong")
        .refine((v) => !hasForbiddenCharacters(v), FORBIDDEN_CHARACTERS),
  };
}

function choice<T extends string>(
  defaultValue: T,
  options: readonly { value: T; label: Bilingual }[],
  label: Bilingual,
  help?: Bilingual,
): SettingDefinition<T> {
  const values = options.map((o) => o.value) as [T, ...T[]];
  return {
    default: defaultValue,
    field: { kind: "choice", options },
    label,
    ...(help ? { help } : {}),
    schema: () => z.enum(values, { error: "errors.invalidInput" }) as unknown as z.ZodType<T>,
  };
}

function multiline(defaultValue: string, maxLength: number, label: Bilingual, help?: Bilingual): SettingDefinition<string> {
  return { ...text(defaultValue, maxLength, label, help), field: { kind: "multiline", maxLength } };
}

function secret(maxLength: number, label: Bilingual, help?: Bilingual): SettingDefinition<string> {
  return { ...text("", maxLength, label, help), field: { kind: "secret", maxLength } };
}

/** The kinds available to registry entries (exported for tests and future settings). */
export const settingKinds = { integer, boolean, text, choice, multiline, secret };

// ---------------------------------------------------------------------------------------------
// Retention: how long each kind of personal data is kept (app/models/retention.server.ts, docs/privacy.md)
// ---------------------------------------------------------------------------------------------

const days = { fr: "jours", en: "days" };
const neverHelp = (what: Bilingual): Bilingual => ({ fr: `${what.fr} 0\u00a0: jamais supprimé.`, en: `${what.en} 0: never removed.` });

/** One integer setting per kind of data, in days; 0 keeps it forever. The nightly job applies them. */
export const RETENTION_SETTINGS = {
  "retention.questionnaireAnswersDays": integer(
    730,
    0,
    3650,
    { fr: "Conservation des réponses au questionnaire de positionnement", en: "Keep placement questionnaire answers for" },
    neverHelp({
      fr: "Comptée depuis le début du questionnaire ; le niveau obtenu reste.",
      en: "Counted from the start of the questionnaire; the level it gave stays.",
    }),
    days,
  ),
  "retention.examAnswersDays": integer(
    730,
    0,
    3650,
    { fr: "Conservation des réponses aux examens", en: "Keep exam answers for" },
    neverHelp({ fr: "Comptée depuis le début de la tentative ; le score reste.", en: "Counted from the start of the attempt; the score stays." }),
    days,
  ),
  "retention.reflectionsDays": integer(
    730,
    0,
    3650,
    { fr: "Conservation des réflexions écrites", en: "Keep written reflections for" },
    neverHelp({
      fr: "Comptée depuis la dernière modification ; une réflexion en attente de relecture est gardée.",
      en: "Counted from the last change; a reflection awaiting review is kept.",
    }),
    days,
  ),
  "retention.sessionsDays": integer(
    90,
    1,
    3650,
    { fr: "Conservation des sessions de connexion", en: "Keep sign-in sessions for" },
    {
      fr: "Comptée depuis la connexion ; une session plus ancienne est supprimée même si elle sert encore.",
      en: "Counted from sign-in; an older session is deleted even if still in use.",
    },
    days,
  ),
  "retention.mailDays": integer(
    30,
    1,
    3650,
    { fr: "Conservation des e-mails envoyés ou abandonnés", en: "Keep sent or abandoned emails for" },
    undefined,
    days,
  ),
  "retention.webhookDeliveriesDays": integer(
    90,
    1,
    3650,
    { fr: "Conservation des livraisons de webhooks terminées", en: "Keep finished webhook deliveries for" },
    { fr: "Les événements sans livraison restante sont supprimés avec elles.", en: "Events with no delivery left are deleted with them." },
    days,
  ),
  "retention.leaverAuditDetailsDays": integer(
    365,
    0,
    3650,
    { fr: "Conservation du détail du journal d’audit des personnes parties", en: "Keep audit log details of people who left for" },
    neverHelp({
      fr: "Comptée depuis la désactivation ; l’action et sa date restent, le détail (données, raisons) est effacé.",
      en: "Counted from deactivation; the action and its date stay, the details (data, reasons) are erased.",
    }),
    days,
  ),
} satisfies Record<string, SettingDefinition<number>>;

// ---------------------------------------------------------------------------------------------
// The registry: one entry per setting
// ---------------------------------------------------------------------------------------------

export const SETTINGS = {
  "diagnostic.retakeWaitDays": integer(
    90,
    0,
    365,
    { fr: "Délai avant de pouvoir repasser le questionnaire de positionnement", en: "Waiting period before the placement questionnaire can be taken again" },
    {
      fr: "Compté depuis le dernier positionnement, qu’il vienne du questionnaire ou d’un manager. 0 : possible à tout moment. Un formateur peut toujours autoriser une personne plus tôt.",
      en: "Counted from the latest placement, whether it came from the questionnaire or a manager. 0: at any time. A trainer can always let a person retake it sooner.",
    },
    { fr: "jours", en: "days" },
  ),
  "exam.itemsPerAttempt": integer(
    16,
    5,
    100,
    { fr: "Nombre de questions par tentative d’examen", en: "Questions per exam attempt" },
    { fr: "Tirées au hasard, réparties également entre les catégories de la banque.", en: "Drawn at random, spread evenly over the bank's categories." },
    { fr: "questions", en: "questions" },
  ),
  "exam.passMark": integer(80, 50, 100, { fr: "Note minimale pour réussir l’examen", en: "Exam pass mark" }, undefined, { fr: "%", en: "%" }),
  "exam.maxAttempts": integer(
    3,
    0,
    20,
    { fr: "Nombre maximal de tentatives d’examen sur la période", en: "Maximum exam attempts per period" },
    { fr: "Compté sur la période ci-dessous, glissante. 0 : sans limite.", en: "Counted over the rolling period below. 0: no limit." },
    { fr: "tentatives", en: "attempts" },
  ),
  "exam.attemptWindowDays": integer(
    30,
    1,
    365,
    { fr: "Période sur laquelle les tentatives d’examen sont comptées", en: "Period over which exam attempts are counted" },
    undefined,
    { fr: "jours", en: "days" },
  ),
  "exam.cooldownHours": integer(
    24,
    0,
    720,
    { fr: "Délai entre deux tentatives d’examen", en: "Waiting time between exam attempts" },
    { fr: "Compté depuis la fin de la tentative précédente. 0 : aucun délai.", en: "Counted from the end of the previous attempt. 0: no waiting." },
    { fr: "heures", en: "hours" },
  ),
  "exam.timeLimitMinutes": integer(
    30,
    0,
    240,
    { fr: "Durée maximale d’une tentative d’examen", en: "Exam time limit" },
    { fr: "0 : sans limite de temps.", en: "0: no time limit." },
    { fr: "minutes", en: "minutes" },
  ),
  "exam.feedback": choice(
    "categories",
    [
      { value: "score", label: { fr: "Le score seulement", en: "The score only" } },
      { value: "categories", label: { fr: "Le score et le résultat par thème", en: "The score and the result per topic" } },
      {
        value: "missed",
        label: {
          fr: "Le score, le résultat par thème et les questions manquées avec leur explication",
          en: "The score, the result per topic and the missed questions with their explanation",
        },
      },
    ],
    { fr: "Ce qu’une tentative d’examen terminée montre à la personne", en: "What a finished exam attempt shows the person" },
    {
      fr: "La bonne réponse d’une question n’est jamais montrée : la personne pourrait repasser l’examen.",
      en: "The right option of a question is never shown: the person may take the exam again.",
    },
  ),
  "exam.validityMonths": integer(12, 1, 60, { fr: "Validité d’un examen réussi", en: "How long a passed exam stays valid" }, undefined, {
    fr: "mois",
    en: "months",
  }),
  "accreditation.validityMonths": integer(
    12,
    1,
    60,
    { fr: "Durée proposée pour une accréditation", en: "Default accreditation validity" },
    { fr: "Le manager peut choisir une autre date de fin.", en: "The manager may choose another end date." },
    { fr: "mois", en: "months" },
  ),
  "accreditation.maxValidityMonths": integer(
    24,
    1,
    60,
    { fr: "Durée maximale d’une accréditation", en: "Longest accreditation validity" },
    {
      fr: "Une date de fin plus lointaine est refusée, à l’octroi comme au renouvellement.",
      en: "A later end date is refused, when granting as when renewing.",
    },
    { fr: "mois", en: "months" },
  ),
  "accreditation.revokedWaitDays": integer(
    90,
    0,
    3650,
    { fr: "Délai avant une nouvelle demande après un retrait", en: "Waiting period before a new request after a revocation" },
    {
      fr: "Compté depuis le retrait. 0 : possible à tout moment. Un manager peut rouvrir la demande plus tôt.",
      en: "Counted from the revocation. 0: at any time. A manager can reopen it sooner.",
    },
    { fr: "jours", en: "days" },
  ),
  "accreditation.channels": {
    ...settingKinds.text(
      "LinkedIn, X, Facebook, Instagram, TikTok, YouTube",
      300,
      { fr: "Réseaux pour lesquels on peut être accrédité", en: "Networks one can be accredited for" },
      { fr: "Séparés par des virgules.", en: "Separated by commas." },
    ),
    schema: () =>
      z
        .string({ error: "errors.invalidInput" })
        .trim()
        .max(300, "errors.tooLong")
        .regex(/^\s*[\p{L}\p{N} .+&'-]{1,40}(\s*,\s*[\p{L}\p{N} .+&'-]{1,40})*\s*$/u, "accreditation.errors.channelsSetting"),
  },
  "session.idleHours": integer(
    12,
    1,
    720,
    { fr: "Déconnexion après une inactivité de", en: "Sign out after being inactive for" },
    {
      fr: "Une session inutilisée pendant ce délai se ferme ; la personne se reconnecte.",
      en: "A session unused for this long ends; the person signs in again.",
    },
    { fr: "heures", en: "hours" },
  ),
  "session.absoluteDays": integer(
    30,
    1,
    365,
    { fr: "Durée maximale d’une session", en: "Longest a session lasts" },
    {
      fr: "Même utilisée sans interruption, une session se ferme après ce délai, compté depuis la connexion.",
      en: "Even in constant use, a session ends after this long, counted from sign-in.",
    },
    { fr: "jours", en: "days" },
  ),
  ...RETENTION_SETTINGS,
  ...SSO_SETTINGS,
  "organisation.name": text(
    "Ambassade demo organisation",
    120,
    { fr: "Nom de l’organisation", en: "Organisation name" },
    {
      fr: "Nom de l’émetteur des attestations vérifiables (Open Badges) et des pages de vérification.",
      en: "Issuer name on verifiable credentials (Open Badges) and verification pages.",
    },
  ),
  "organisation.timeZone": {
    ...settingKinds.text(
      DEFAULT_TIME_ZONE,
      64,
      { fr: "Fuseau horaire de l’organisation", en: "Organisation time zone" },
      {
        fr: "Nom IANA, par exemple Europe/Paris. Les dates sont montrées dans le fuseau du navigateur de chaque personne ; celui-ci sert quand il n’est pas connu, et dans les courriels.",
        en: "IANA name, e.g. Europe/Paris. Dates are shown in each person’s browser time zone; this one is used when it is not known, and in mail.",
      },
    ),
    schema: () => z.string({ error: "errors.invalidInput" }).trim().refine(isTimeZone, "settings.errors.timeZone"),
  },
  // The organisation's look (ADR 0030), edited in the appearance form of /admin/settings.
  "organisation.accentColor": {
    ...settingKinds.text(
      DEFAULT_ACCENT,
      7,
      { fr: "Couleur d’accent", en: "Accent colour" },
      {
        fr: "Code hexadécimal, par exemple #1e40af. Le texte blanc des boutons doit y rester lisible (contraste d’au moins 4,5:1).",
        en: "Hex code, e.g. #1e40af. White text on buttons must stay readable on it (contrast of at least 4.5:1).",
      },
    ),
    group: "brand",
    schema: () =>
      z
        .string({ error: "errors.invalidInput" })
        .trim()
        .refine((v) => {
          const check = checkAccent(v);
          return check.ok || check.problem !== "format";
        }, "settings.errors.accentFormat")
        .refine((v) => checkAccent(v).ok, "settings.errors.accentContrast")
        .transform((v) => (checkAccent(v) as { hex: string }).hex),
  },
  "organisation.logo": {
    ...settingKinds.text(
      "",
      80,
      { fr: "Logo", en: "Logo" },
      {
        fr: "Image PNG, JPEG, WebP ou GIF de 2 Mo au plus, montrée dans l’en-tête de chaque page.",
        en: "PNG, JPEG, WebP or GIF image of 2 MB at most, shown in every page’s header.",
      },
    ),
    group: "brand",
    /** The stored media file's name (<sha256>.<ext>, app/models/media.server.ts), or "" for none. */
    schema: () => z.string({ error: "errors.invalidInput" }).refine((v) => v === "" || MEDIA_FILE.test(v), "errors.invalidInput"),
  },
  "exam.requiresTrackComplete": boolean(
    true,
    { fr: "L’examen n’ouvre qu’une fois le parcours terminé", en: "The exam opens only once the track is complete" },
    {
      fr: "Évite qu’une personne épuise ses tentatives avant d’avoir suivi ses modules.",
      en: "Keeps people from using up their attempts before they have followed their modules.",
    },
  ),
} satisfies Record<string, SettingDefinition<number> | SettingDefinition<boolean> | SettingDefinition<string>>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]["default"];
export type SettingValues = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

function definition<K extends SettingKey>(key: K): SettingDefinition<SettingValue<K>> {
  return SETTINGS[key] as unknown as SettingDefinition<SettingValue<K>>;
}

function readValue<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  if (stored === undefined) return definition(key).default;
  const parsed = definition(key).schema().safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn(`[settings] stored value of ${key} is invalid (${JSON.stringify(stored)}); using the default`);
  return definition(key).default;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing
// ---------------------------------------------------------------------------------------------

/** One setting's value, or its default when it was never saved. */
export function getSetting<K extends SettingKey>(key: K): SettingValue<K> {
  return getSettings()[key];
}

/**
 * The values last read, with the settings counter they were read at (`cache_versions`, bumped by a trigger in
 * the same transaction as any change to the table, whoever makes it: another worker, the CLI, a test). Reading
 * the counter is one primary-key lookup; reading and checking every setting again is what it saves (ADR 0035).
 */
const readSettings = new WeakMap<object, { version: number; values: Readonly<SettingValues> }>();

function settingsVersion(): number {
  return (prepared("select version from cache_versions where key = 'settings'").get() as { version: number } | undefined)?.version ?? 0;
}

/** Every setting's value (read once per change of the settings; the object is shared: never change it). */
export function getSettings(): Readonly<SettingValues> {
  const db = getDb();
  const version = settingsVersion();
  const known = readSettings.get(db);
  if (known?.version === version) return known.values;
  const rows = db.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, SETTING_KEYS)).all();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const values = Object.freeze(Object.fromEntries(SETTING_KEYS.map((key) => [key, readValue(key, stored.get(key))])) as SettingValues);
  // Not kept while a transaction is open: it may yet be rolled back, and its counter reused by another change.
  if (!db.$client.inTransaction) readSettings.set(db, { version, values });
  return values;
}

/**
 * Saves some settings, each validated by its schema (InputError with one i18n key per bad key, and
 * nothing written), and writes one audit row per value that changed (from → to, as JSON), in one
 * transaction. A value equal to the current one is not written. Returns the keys that changed.
 */
export function updateSettings(actorId: string, partial: Partial<SettingValues>): SettingKey[] {
  const values = validateSettings(partial);
  if (!values.ok) throw new InputError(values.errors);
  const keys = Object.keys(values.data) as SettingKey[];
  const changed: SettingKey[] = [];
  if (keys.length === 0) return changed;
  getDb().transaction((tx) => {
    const rows = tx.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, keys)).all();
    const before = new Map(rows.map((r) => [r.key, r.value]));
    const now = new Date();
    for (const key of keys) {
      const from = readValue(key, before.get(key));
      const to = values.data[key];
      if (JSON.stringify(from) === JSON.stringify(to)) continue;
      tx.insert(settings)
        .values({ key, value: to, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: to, updatedAt: now } })
        .run();
      const secret = (SETTINGS[key].field as SettingField).kind === "secret";
      recordAudit(tx, {
        actorId,
        action: "settings.updated",
        subjectType: "setting",
        subjectId: key,
        // A secret's value never reaches the audit log: only whether one is set.
        fromState: secret ? JSON.stringify(from ? "(set)" : "(not set)") : JSON.stringify(from),
        toState: secret ? JSON.stringify(to ? "(set)" : "(not set)") : JSON.stringify(to),
      });
      changed.push(key);
    }
  });
  // Caches of settings read on every request (the session limits) read them again.
  if (changed.length) settingsChanged();
  return changed;
}

/** Makes the caches of settings read on every request (the session limits) read them again. */
export function settingsChanged(): void {
  const shared = globalThis as unknown as { __ambassadeSettingsVersion?: number };
  shared.__ambassadeSettingsVersion = (shared.__ambassadeSettingsVersion ?? 0) + 1;
}

export function validateSettings(partial: Record<string, unknown>): { ok: true; data: Partial<SettingValues> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(partial)) {
    if (!isSettingKey(key)) {
      errors[key] = "settings.errors.unknown";
      continue;
    }
    const parsed = definition(key).schema().safeParse(value);
    if (parsed.success) data[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "errors.invalidInput";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: data as Partial<SettingValues> };
}

// ---------------------------------------------------------------------------------------------
// The settings form
// ---------------------------------------------------------------------------------------------

/**
 * Turns the settings form's raw fields into typed values, before validation by each schema. A key
 * absent from the form is left unchanged (so a form may hold only some settings); a checkbox is sent
 * with a hidden "false" before it, so that unticking it is a value too.
 */
export function readSettingsForm(form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(form, key)) continue;
    const raw = form[key];
    const field = SETTINGS[key].field as SettingField;
    switch (field.kind) {
      case "integer": {
        const textValue = typeof raw === "string" ? raw.trim() : "";
        out[key] = /^-?\d+$/.test(textValue) ? Number(textValue) : undefined;
        break;
      }
      case "boolean":
        out[key] = raw === "on" || raw === "true";
        break;
      case "text":
      case "choice":
      case "multiline":
        out[key] = typeof raw === "string" ? raw : undefined;
        break;
      case "secret":
        // An empty secret field means "keep the one saved" (it is never shown back).
        if (typeof raw === "string" && raw.trim() !== "") out[key] = raw;
        break;
    }
  }
  return out;
}

export type SettingForm = {
  key: SettingKey;
  label: string;
  help: string | null;
  field:
    | { kind: "integer"; min: number; max: number; unit: string | null }
    | { kind: "boolean" }
    | { kind: "text"; maxLength: number }
    | { kind: "choice"; options: { value: string; label: string }[] }
    | { kind: "multiline"; maxLength: number }
    | { kind: "secret"; maxLength: number };
  /** A secret's value is never sent: "" with `isSet` saying whether one is saved. */
  value: number | boolean | string;
  isSet?: boolean;
};

/**
 * What a settings page shows, in the reader's language: one entry per setting of the group (none:
 * /admin/settings), current value included, except a secret's.
 */
export function settingsForm(locale: keyof Bilingual, group?: "sso" | "brand"): SettingForm[] {
  const values = getSettings();
  return SETTING_KEYS.filter((key) => (SETTINGS[key] as SettingDefinition<unknown>).group === group).map((key) => {
    const def = SETTINGS[key] as SettingDefinition<number | boolean | string>;
    const field = def.field;
    return {
      key,
      label: def.label[locale],
      help: def.help?.[locale] ?? null,
      field:
        field.kind === "integer"
          ? { kind: "integer", min: field.min, max: field.max, unit: field.unit?.[locale] ?? null }
          : field.kind === "choice"
            ? { kind: "choice", options: field.options.map((o) => ({ value: o.value, label: o.label[locale] })) }
            : field,
      ...(field.kind === "secret" ? { value: "", isSet: values[key] !== "" } : { value: values[key] }),
    };
  });
}
