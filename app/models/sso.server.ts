/**
 * Single sign-on data: the identities that link an IdP's subject to a person, the sign-ins in
 * progress (single-use server-side state), the SAML assertion ids already seen, and the one
 * function that turns a verified IdP answer into an account (ADR 0017).
 */
import { and, eq, lt, ne, sql } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { identities, samlAssertions, ssoFlows, teams, userRoles, users, type Locale, type SsoProtocol } from "../../db/schema";
import { isLocale } from "~/i18n/config";
import { newId, normalizeEmail } from "~/utils/ids.server";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { getSettings, updateSettings, type SettingValues } from "./settings.server";
import { isAcceptableUrl, type PasswordPolicy } from "./sso-settings.server";
import { insertUser } from "./user.server";

// ---------------------------------------------------------------------------------------------
// Errors: each one is a page that says what happened and what to do next
// ---------------------------------------------------------------------------------------------

export const SSO_ERRORS = {
  notConfigured: 404,
  badState: 400,
  missingCode: 400,
  idpError: 400,
  invalidResponse: 400,
  replayed: 400,
  noEmail: 400,
  unreachable: 502,
  emailUnverified: 403,
  deactivated: 403,
  unknownAccount: 403,
  emailCollision: 409,
} as const;
export type SsoErrorCode = keyof typeof SSO_ERRORS;

export class SsoError extends Error {
  readonly status: number;
  constructor(
    readonly code: SsoErrorCode,
    /** For the server log only: never shown (it may hold the IdP's internals). */
    readonly detail?: string,
  ) {
    super(`sso: ${code}${detail ? `: ${detail}` : ""}`);
    this.name = "SsoError";
    this.status = SSO_ERRORS[code];
  }
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; displayName: string; emailClaim: string; nameClaim: string };
export type SamlConfig = {
  entryPoint: string;
  idpEntityId: string;
  idpCert: string;
  spEntityId: string;
  displayName: string;
  emailAttribute: string;
  nameAttribute: string;
  localeAttribute: string;
};

export type SsoConfig = {
  oidc: OidcConfig | null;
  saml: SamlConfig | null;
  jit: boolean;
  jitTeamId: string | null;
  passwordSignIn: PasswordPolicy;
};

function oidcOf(s: SettingValues): OidcConfig | null {
  if (!s["sso.oidc.enabled"] || !s["sso.oidc.issuer"] || !s["sso.oidc.clientId"]) return null;
  return {
    issuer: s["sso.oidc.issuer"],
    clientId: s["sso.oidc.clientId"],
    clientSecret: s["sso.oidc.clientSecret"],
    displayName: s["sso.oidc.displayName"] || "OpenID Connect",
    emailClaim: s["sso.oidc.emailClaim"] || "email",
    nameClaim: s["sso.oidc.nameClaim"] || "name",
  };
}

/** `spEntityId` empty means the metadata URL, which the caller knows (it depends on the public origin). */
function samlOf(s: SettingValues): SamlConfig | null {
  if (!s["sso.saml.enabled"] || !s["sso.saml.entryPoint"] || !s["sso.saml.idpCert"]) return null;
  return {
    entryPoint: s["sso.saml.entryPoint"],
    idpEntityId: s["sso.saml.idpEntityId"],
    idpCert: s["sso.saml.idpCert"],
    spEntityId: s["sso.saml.spEntityId"],
    displayName: s["sso.saml.displayName"] || "SAML",
    emailAttribute: s["sso.saml.emailAttribute"],
    nameAttribute: s["sso.saml.nameAttribute"] || "name",
    localeAttribute: s["sso.saml.localeAttribute"],
  };
}

export function getSsoConfig(): SsoConfig {
  const s = getSettings();
  return {
    oidc: oidcOf(s),
    saml: samlOf(s),
    jit: s["sso.jit"],
    jitTeamId: s["sso.jitTeamId"] || null,
    passwordSignIn: s["sso.passwordSignIn"],
  };
}

/** What the sign-in page shows: the buttons, and whether the password form is for everyone. */
export function signInOptions(): { providers: { protocol: SsoProtocol; name: string }[]; passwordForEveryone: boolean } {
  const config = getSsoConfig();
  const providers: { protocol: SsoProtocol; name: string }[] = [];
  if (config.oidc) providers.push({ protocol: "oidc", name: config.oidc.displayName });
  if (config.saml) providers.push({ protocol: "saml", name: config.saml.displayName });
  // Without a working provider, password sign-in stays open to everyone whatever the setting says.
  return { providers, passwordForEveryone: config.passwordSignIn === "everyone" || providers.length === 0 };
}

/**
 * Whether a person may sign in with a password. When password sign-in is for administrators only,
 * any active admin with a password keeps it (the break-glass account, at /login?password=1).
 */
export function mayUsePassword(userId: string): boolean {
  if (signInOptions().passwordForEveryone) return true;
  return Boolean(
    getDb()
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, "admin")))
      .get(),
  );
}

export function oidcProviderKey(issuer: string): string {
  return `oidc:${issuer}`;
}
export function samlProviderKey(idpEntityId: string, entryPoint: string): string {
  return `saml:${idpEntityId || entryPoint}`;
}

/**
 * Saves the SSO page: each value validated by its registry entry, then the rules between them. A
 * provider cannot be enabled without what it needs, and password sign-in cannot be limited to admins
 * until someone has signed in through an enabled provider ("once SSO works"). Audited per setting.
 */
export function saveSsoSettings(actorId: string, values: Partial<SettingValues>): string[] {
  const current = getSettings();
  const next = { ...current, ...values } as SettingValues;
  const errors: Record<string, string> = {};
  if (next["sso.oidc.enabled"]) {
    if (!next["sso.oidc.issuer"]) errors["sso.oidc.issuer"] = "ssoAdmin.errors.requiredWhenEnabled";
    else if (!isAcceptableUrl(next["sso.oidc.issuer"])) errors["sso.oidc.issuer"] = "ssoAdmin.errors.url";
    if (!next["sso.oidc.clientId"]) errors["sso.oidc.clientId"] = "ssoAdmin.errors.requiredWhenEnabled";
  }
  if (next["sso.saml.enabled"]) {
    if (!next["sso.saml.entryPoint"]) errors["sso.saml.entryPoint"] = "ssoAdmin.errors.requiredWhenEnabled";
    if (!next["sso.saml.idpCert"]) errors["sso.saml.idpCert"] = "ssoAdmin.errors.requiredWhenEnabled";
  }
  if (next["sso.jitTeamId"] && !getDb().select({ id: teams.id }).from(teams).where(eq(teams.id, next["sso.jitTeamId"])).get()) {
    errors["sso.jitTeamId"] = "ssoAdmin.errors.team";
  }
  if (next["sso.passwordSignIn"] === "adminsOnly" && current["sso.passwordSignIn"] !== "adminsOnly") {
    const providers = [oidcOf(next), samlOf(next)].filter(Boolean);
    const keys = [
      oidcOf(next) ? oidcProviderKey(next["sso.oidc.issuer"]) : null,
      samlOf(next) ? samlProviderKey(next["sso.saml.idpEntityId"], next["sso.saml.entryPoint"]) : null,
    ].filter((k): k is string => k !== null);
    const works = keys.some((provider) =>
      getDb()
        .select({ id: identities.id })
        .from(identities)
        .where(and(eq(identities.provider, provider), sql`${identities.lastSignInAt} is not null`))
        .get(),
    );
    if (providers.length === 0 || !works) errors["sso.passwordSignIn"] = "ssoAdmin.errors.ssoNotProven";
  }
  if (Object.keys(errors).length) throw new InputError(errors);
  return updateSettings(actorId, values);
}

// ---------------------------------------------------------------------------------------------
// Sign-ins in progress (server-side, single use, ten minutes)
// ---------------------------------------------------------------------------------------------

export const FLOW_TTL_MS = 10 * 60 * 1000;

export function createFlow(input: { id: string; protocol: SsoProtocol; nonce?: string; codeVerifier?: string; redirectTo: string }): void {
  const db = getDb();
  const now = Date.now();
  db.delete(ssoFlows)
    .where(lt(ssoFlows.expiresAt, new Date(now)))
    .run();
  db.insert(ssoFlows)
    .values({
      id: input.id,
      protocol: input.protocol,
      nonce: input.nonce ?? null,
      codeVerifier: input.codeVerifier ?? null,
      redirectTo: input.redirectTo,
      expiresAt: new Date(now + FLOW_TTL_MS),
    })
    .run();
}

export type Flow = typeof ssoFlows.$inferSelect;

/** Takes a flow out (deleted in the same statement): a second use of the same state finds nothing. */
export function takeFlow(id: string, protocol: SsoProtocol): Flow | null {
  const row = getDb()
    .delete(ssoFlows)
    .where(and(eq(ssoFlows.id, id), eq(ssoFlows.protocol, protocol)))
    .returning()
    .get();
  if (!row || row.expiresAt.getTime() < Date.now()) return null;
  return row;
}

/**
 * A SAML request this server issued and that has not expired (for node-saml's InResponseTo check):
 * its creation time, or null. Already answered still counts here, so that a replayed assertion is
 * refused by the assertion-id store (and said so), then by answerSamlFlow.
 */
export function pendingSamlRequest(id: string): Date | null {
  const row = getDb()
    .select({ createdAt: ssoFlows.createdAt, expiresAt: ssoFlows.expiresAt })
    .from(ssoFlows)
    .where(and(eq(ssoFlows.id, id), eq(ssoFlows.protocol, "saml")))
    .get();
  if (!row || row.expiresAt.getTime() < Date.now()) return null;
  return row.createdAt;
}

/** Stores a verified SAML answer on its request, once: false when it was already answered or is gone. */
export function answerSamlFlow(id: string, result: SsoProfile): boolean {
  const changed = getDb()
    .update(ssoFlows)
    .set({ result: result as unknown as Record<string, unknown> })
    .where(and(eq(ssoFlows.id, id), eq(ssoFlows.protocol, "saml"), sql`${ssoFlows.result} is null`, sql`${ssoFlows.expiresAt} >= ${Date.now()}`))
    .run();
  return changed.changes === 1;
}

/**
 * Records a SAML assertion id until it expires; false when it was seen before (a replay). The
 * primary key makes this atomic between concurrent requests.
 */
export function rememberAssertion(id: string, expiresAt: Date): boolean {
  const db = getDb();
  db.delete(samlAssertions).where(lt(samlAssertions.expiresAt, new Date())).run();
  const inserted = db.insert(samlAssertions).values({ id, expiresAt }).onConflictDoNothing().run();
  return inserted.changes === 1;
}

// ---------------------------------------------------------------------------------------------
// From a verified IdP answer to an account
// ---------------------------------------------------------------------------------------------

export type SsoProfile = {
  protocol: SsoProtocol;
  /** `oidc:<issuer>` or `saml:<entity id>`. */
  provider: string;
  subject: string;
  email: string | null;
  /** false only when the IdP says the address is not verified (OIDC `email_verified`). */
  emailVerified: boolean;
  name: string | null;
  locale: string | null;
};

/** "fr-FR", "fr_CA", "en" → a supported interface language, or null. */
export function localeFromClaim(value: string | null | undefined): Locale | null {
  const lang = value?.trim().slice(0, 2).toLowerCase();
  return isLocale(lang) ? lang : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Finds or creates the person an IdP answer is about, in one transaction with its audit rows:
 * - a known subject signs its person in; an email changed at the IdP follows (unless another
 *   account already has it: emailCollision, nothing written);
 * - an unknown subject is linked once to the account with the same (verified) email, unless that
 *   account is already linked to another subject of this IdP (emailCollision);
 * - no such account: created in the default team when just-in-time creation is on, refused otherwise.
 * A deactivated person is refused. Returns the person's id; the caller opens the session.
 */
export function resolveSsoAccount(profile: SsoProfile): { userId: string; created: boolean } {
  const config = getSsoConfig();
  const email = profile.email ? normalizeEmail(profile.email) : null;
  if (email !== null && !EMAIL.test(email)) throw new SsoError("noEmail", `not an email: ${email}`);
  const locale = localeFromClaim(profile.locale);
  const source = { source: "sso", protocol: profile.protocol, provider: profile.provider };
  return getDb().transaction((tx) => {
    const now = new Date();
    const identity = tx
      .select()
      .from(identities)
      .where(and(eq(identities.provider, profile.provider), eq(identities.subject, profile.subject)))
      .get();
    let userId: string;
    let created = false;
    if (identity) {
      const user = tx.select({ id: users.id, email: users.email, active: users.active }).from(users).where(eq(users.id, identity.userId)).get();
      if (!user) throw new SsoError("unknownAccount", "identity without user");
      if (!user.active) throw new SsoError("deactivated");
      userId = user.id;
      if (email && email !== user.email && profile.emailVerified) {
        const taken = tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.email, email), ne(users.id, user.id)))
          .get();
        if (taken) throw new SsoError("emailCollision", `changed email ${email} belongs to another account`);
        tx.update(users).set({ email }).where(eq(users.id, user.id)).run();
        recordAudit(tx, {
          actorId: user.id,
          action: "person.email",
          subjectType: "user",
          subjectId: user.id,
          fromState: user.email,
          toState: email,
          data: source,
        });
      }
      tx.update(identities)
        .set({ lastSignInAt: now, ...(email ? { email } : {}) })
        .where(eq(identities.id, identity.id))
        .run();
    } else {
      if (!email) throw new SsoError("noEmail");
      if (!profile.emailVerified) throw new SsoError("emailUnverified");
      const user = tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.email, email)).get();
      if (user) {
        if (!user.active) throw new SsoError("deactivated");
        const linked = tx
          .select({ id: identities.id })
          .from(identities)
          .where(and(eq(identities.provider, profile.provider), eq(identities.userId, user.id)))
          .get();
        if (linked) throw new SsoError("emailCollision", `${email} is linked to another subject`);
        userId = user.id;
      } else {
        if (!config.jit) throw new SsoError("unknownAccount", email);
        const teamId = config.jitTeamId && tx.select({ id: teams.id }).from(teams).where(eq(teams.id, config.jitTeamId)).get() ? config.jitTeamId : null;
        const name = profile.name?.trim() || email.split("@")[0]!;
        userId = insertUser(tx, { email, name: name.slice(0, 200), teamId, roles: ["employee"], locale });
        created = true;
        recordAudit(tx, { actorId: userId, action: "person.created", subjectType: "user", subjectId: userId, toState: "active", data: { ...source, teamId } });
      }
      tx.insert(identities).values({ id: newId(), provider: profile.provider, subject: profile.subject, userId, email, lastSignInAt: now }).run();
      recordAudit(tx, {
        actorId: userId,
        action: "sso.linked",
        subjectType: "user",
        subjectId: userId,
        toState: profile.provider,
        data: { ...source, subject: profile.subject },
      });
    }
    if (locale)
      tx.update(users)
        .set({ locale })
        .where(and(eq(users.id, userId), sql`${users.locale} is null`))
        .run();
    recordAudit(tx, { actorId: userId, action: "sso.signin", subjectType: "user", subjectId: userId, data: source });
    return { userId, created };
  });
}

/** How many people have signed in through SSO at least once (the admin page). */
export function countLinkedPeople(): number {
  return (
    getDb()
      .select({ n: sql<number>`count(distinct ${identities.userId})` })
      .from(identities)
      .get()?.n ?? 0
  );
}
