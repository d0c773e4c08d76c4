/**
 * The single sign-on settings: entries of the settings registry (app/models/settings.server.ts),
 * edited on /admin/sso rather than /admin/settings (`group: "sso"`). Kept in their own file so that
 * the registry stays readable; only types are imported from it (no import cycle at run time).
 *
 * Each value is checked on its own here; what depends on several (an enabled provider needs its
 * issuer, client id…) is checked by `saveSsoSettings` in sso.server.ts.
 */
import { z } from "zod";
import type { Bilingual, SettingDefinition } from "./settings.server";

/** An absolute http(s) URL, or empty (not configured). http is refused except on the loopback interface. */
export function isAcceptableUrl(value: string): boolean {
  if (value === "") return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && isLoopback(url.hostname);
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const PEM = /^-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----$/;
/** A certificate as pasted: PEM, or the bare base64 body some IdPs show. */
export function isCertificate(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === "") return true;
  return PEM.test(trimmed) || /^[A-Za-z0-9+/=\s]{100,}$/.test(trimmed);
}

function entry<T>(def: Omit<SettingDefinition<T>, "group">): SettingDefinition<T> {
  return { ...def, group: "sso" };
}

function text(defaultValue: string, maxLength: number, label: Bilingual, help?: Bilingual, refine?: { check: (v: string) => boolean; message: string }) {
  return entry<string>({
    default: defaultValue,
    field: { kind: "text", maxLength },
    label,
    ...(help ? { help } : {}),
    schema: () => {
      const base = z.string({ error: "errors.invalidInput" }).trim().max(maxLength, "errors.tooLong");
      return refine ? base.refine(refine.check, refine.message) : base;
    },
  });
}

function flag(defaultValue: boolean, label: Bilingual, help?: Bilingual) {
  return entry<boolean>({
    default: defaultValue,
    field: { kind: "boolean" },
    label,
    ...(help ? { help } : {}),
    schema: () => z.boolean({ error: "errors.invalidInput" }),
  });
}

const url = { check: isAcceptableUrl, message: "ssoAdmin.errors.url" };
const claimName = { check: (v: string) => /^[\w.:/#-]{0,300}$/.test(v), message: "ssoAdmin.errors.claim" };

export const PASSWORD_POLICIES = ["everyone", "adminsOnly"] as const;
export type PasswordPolicy = (typeof PASSWORD_POLICIES)[number];

export const SSO_SETTINGS = {
  // ─── OpenID Connect ───
  "sso.oidc.enabled": flag(false, { fr: "Activer la connexion OpenID Connect", en: "Enable OpenID Connect sign-in" }),
  "sso.oidc.displayName": text(
    "",
    60,
    { fr: "Nom affiché sur le bouton", en: "Name on the button" },
    { fr: "« Se connecter avec <nom> », par exemple Microsoft, Okta, Google.", en: "“Sign in with <name>”, e.g. Microsoft, Okta, Google." },
  ),
  "sso.oidc.issuer": text(
    "",
    300,
    { fr: "URL de l’émetteur (issuer)", en: "Issuer URL" },
    {
      fr: "L’adresse dont /.well-known/openid-configuration décrit le fournisseur.",
      en: "The address whose /.well-known/openid-configuration describes the provider.",
    },
    url,
  ),
  "sso.oidc.clientId": text("", 300, { fr: "Identifiant client (client ID)", en: "Client ID" }),
  "sso.oidc.clientSecret": entry<string>({
    default: "",
    field: { kind: "secret", maxLength: 500 },
    label: { fr: "Secret client", en: "Client secret" },
    help: { fr: "Jamais réaffiché. Laissez vide pour garder celui qui est enregistré.", en: "Never shown again. Leave empty to keep the saved one." },
    schema: () => z.string({ error: "errors.invalidInput" }).trim().max(500, "errors.tooLong"),
  }),
  "sso.oidc.emailClaim": text("email", 100, { fr: "Claim de l’adresse e-mail", en: "Email claim" }, undefined, claimName),
  "sso.oidc.nameClaim": text("name", 100, { fr: "Claim du nom", en: "Name claim" }, undefined, claimName),
  // ─── SAML 2.0 ───
  "sso.saml.enabled": flag(false, { fr: "Activer la connexion SAML 2.0", en: "Enable SAML 2.0 sign-in" }),
  "sso.saml.displayName": text("", 60, { fr: "Nom affiché sur le bouton", en: "Name on the button" }),
  "sso.saml.entryPoint": text("", 500, { fr: "URL d’authentification unique du fournisseur (SSO URL)", en: "IdP single sign-on URL" }, undefined, url),
  "sso.saml.idpEntityId": text("", 300, { fr: "Identifiant d’entité du fournisseur (IdP entity ID / issuer)", en: "IdP entity ID (issuer)" }),
  "sso.saml.idpCert": entry<string>({
    default: "",
    field: { kind: "multiline", maxLength: 20_000 },
    label: { fr: "Certificat de signature du fournisseur", en: "IdP signing certificate" },
    help: { fr: "Au format PEM (-----BEGIN CERTIFICATE-----…).", en: "In PEM form (-----BEGIN CERTIFICATE-----…)." },
    schema: () => z.string({ error: "errors.invalidInput" }).trim().max(20_000, "errors.tooLong").refine(isCertificate, "ssoAdmin.errors.certificate"),
  }),
  "sso.saml.spEntityId": text(
    "",
    300,
    { fr: "Identifiant d’entité d’Ambassade (SP entity ID)", en: "Ambassade’s entity ID (SP entity ID)" },
    { fr: "Vide : l’adresse des métadonnées ci-dessous.", en: "Empty: the metadata address below." },
  ),
  "sso.saml.emailAttribute": text(
    "email",
    300,
    { fr: "Attribut de l’adresse e-mail", en: "Email attribute" },
    { fr: "Vide : le NameID.", en: "Empty: the NameID." },
    claimName,
  ),
  "sso.saml.nameAttribute": text("name", 300, { fr: "Attribut du nom", en: "Name attribute" }, undefined, claimName),
  "sso.saml.localeAttribute": text("locale", 300, { fr: "Attribut de la langue (facultatif)", en: "Language attribute (optional)" }, undefined, claimName),
  // ─── Accounts and password sign-in ───
  "sso.jit": flag(
    false,
    { fr: "Créer le compte à la première connexion", en: "Create accounts at first sign-in" },
    {
      fr: "Sinon, seules les personnes qui ont déjà un compte (même adresse e-mail) peuvent se connecter.",
      en: "Otherwise only people who already have an account (same email) can sign in.",
    },
  ),
  "sso.jitTeamId": text("", 100, { fr: "Équipe des comptes créés", en: "Team of created accounts" }),
  "sso.passwordSignIn": entry<PasswordPolicy>({
    default: "everyone",
    field: {
      kind: "choice",
      options: [
        { value: "everyone", label: { fr: "Tout le monde peut se connecter avec un mot de passe", en: "Everyone can sign in with a password" } },
        { value: "adminsOnly", label: { fr: "Seuls les administrateurs (accès de secours)", en: "Administrators only (break-glass access)" } },
      ],
    },
    label: { fr: "Connexion par mot de passe", en: "Password sign-in" },
    schema: () => z.enum(PASSWORD_POLICIES, { error: "errors.invalidInput" }),
  }),
} satisfies Record<string, SettingDefinition<string> | SettingDefinition<boolean> | SettingDefinition<PasswordPolicy>>;
