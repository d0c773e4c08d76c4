/**
 * The authorization matrix: every route file in app/routes, every persona, GET (when the route has a
 * loader) and POST (when it has an action), against the production build over HTTP.
 *
 * The route files are read at test time: a new route without a row here fails the suite, and so does
 * a row whose URL does not match its file's URL pattern, or whose GET/POST columns do not match the
 * loader/action the file exports. POSTs carry an empty or deliberately invalid form (with the site's
 * Origin), so that a refusal after authorization is a 4xx that writes nothing: the database is
 * compared before and after the whole POST sweep.
 *
 * Outcomes: "ok" (2xx, or a redirect elsewhere than sign-in), "login" (redirect to /login), or the
 * status (400 = authorization passed and the invalid form was refused; 404 = outside the viewer's
 * scope, which looks the same as missing; 409 = authorized but refused by the state of things).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { getDb } from "../../../db/connection";
import { credentials, settings } from "../../../db/schema";
import { createApiToken } from "../../../app/models/api-token.server";
import { startAttempt } from "../../../app/models/exam.server";
import { storeMedia } from "../../../app/models/media.server";
import { seedDemoOrganisation } from "../../support/fixtures";
import { startServer, type TestServer } from "../../support/server";
import {
  Browser,
  PERSONA_EMAILS,
  PERSONAS,
  changedTables,
  outcomeOf,
  patternMatches,
  routeFiles,
  signInPersonas,
  snapshotWithout,
  type Body,
  type Outcome,
  type Persona,
} from "../../support/security";

type Outcomes = Record<Persona, Outcome>;
type ApiOutcomes = { token: Outcome; none: Outcome };
type Post = { body: Body | { json: unknown }; expect: Outcomes; api?: ApiOutcomes; freshSession?: boolean };
type Row = { url: string; get?: Outcomes; post?: Post; getApi?: ApiOutcomes };

/** One outcome per persona, in the order of the columns: anonymous, employee, trainer, manager, other team's manager, admin. */
function o(anonymous: Outcome, employee: Outcome, trainer: Outcome, manager: Outcome, otherManager: Outcome, admin: Outcome): Outcomes {
  return { anonymous, employee, trainer, manager, otherManager, admin };
}
const all = (outcome: Outcome) => o(outcome, outcome, outcome, outcome, outcome, outcome);
const signedIn = (outcome: Outcome) => o("login", outcome, outcome, outcome, outcome, outcome);
/** Admin-only pages. */
const adminOnly = (admin: Outcome) => o("login", 403, 403, 403, 403, admin);
/** Pages of the `learn` permission (employees, managers who are employees; not the trainer or admin). */
/** Content authors (studio): trainers and admins. */
const authors = (outcome: Outcome) => o("login", 403, outcome, 403, 403, outcome);
const learners = (employee: Outcome, manager: Outcome = employee, otherManager: Outcome = manager) => o("login", employee, 403, manager, otherManager, 403);

// Demo ids filled in before the sweep (see beforeAll).
const ids = { attempt: "", credential: "", token: "", media: "" };

/**
 * The matrix. Person routes target Lucas Bernard (team-comms, managed by manager@); team routes
 * team-comms; the accreditation is the demo ambassador's (team-comms); the attempt is learner@'s.
 */
function matrix(): Record<string, Row> {
  return {
    "$.tsx": { url: "/no-such-page", get: all(404), post: { body: {}, expect: all(404) } },
    "[.]well-known.jwks[.]json.ts": { url: "/.well-known/jwks.json", get: all("ok") },
    "_index.tsx": { url: "/", get: signedIn("ok") },
    // Mail preferences and the password change: an empty form is neither.
    "account.tsx": { url: "/account", get: signedIn("ok"), post: { body: {}, expect: signedIn(400) } },
    // Everyone signed in downloads their own data (a ZIP); nobody else's.
    "account_.export.ts": { url: "/account/export", post: { body: {}, expect: signedIn(400) } },
    "accreditation.tsx": { url: "/accreditation", get: learners("ok"), post: { body: {}, expect: learners(400) } },
    // Nobody of the personas holds a credential: 404 for learners, 403 for those who do not learn.
    "accreditation_.credential.ts": { url: "/accreditation/credential", get: learners(404) },
    // The certificate page says "none yet" with the next step; its PDF is a 404 without a credential.
    "accreditation_.certificate.tsx": { url: "/accreditation/certificate", get: learners("ok") },
    "accreditation_.certificate[.]pdf.ts": { url: "/accreditation/certificate.pdf", get: learners(404) },
    "admin.api.tsx": { url: "/admin/api", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    "admin.audit.tsx": { url: "/admin/audit", get: adminOnly("ok") },
    "admin.audit[.]csv.ts": { url: "/admin/audit.csv", get: adminOnly("ok") },
    "admin.charter.tsx": { url: "/admin/charter", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    // The privacy notice's versions: an empty form publishes nothing.
    "admin.privacy.tsx": { url: "/admin/privacy", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    // Charter drafts (charter.manage, admins): an empty form is refused; no draft of 2099-01 exists (404).
    "admin.charter_.new.tsx": { url: "/admin/charter/new", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    "admin.charter_.drafts.$version.tsx": {
      url: "/admin/charter/drafts/2099-01",
      get: adminOnly(404),
      post: { body: { intent: "discard", revision: "1" }, expect: adminOnly(404) },
    },
    // An empty settings form is a valid "nothing changed": a non-integer pass mark is refused instead.
    "admin.settings.tsx": { url: "/admin/settings", get: adminOnly("ok"), post: { body: { "exam.passMark": "eighty" }, expect: adminOnly(400) } },
    // People CSV: an empty form is neither an upload nor a valid apply step.
    "admin.people-csv.tsx": { url: "/admin/people-csv", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    "admin.people[.]csv.ts": { url: "/admin/people.csv", get: adminOnly("ok") },
    "admin.provisioning.tsx": { url: "/admin/provisioning", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    // Single sign-on settings: an http URL that is not on this machine is refused.
    "admin.sso.tsx": { url: "/admin/sso", get: adminOnly("ok"), post: { body: { "sso.oidc.issuer": "http://idp.example.com" }, expect: adminOnly(400) } },
    "admin.teams.tsx": { url: "/admin/teams", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    "admin.webhooks.tsx": { url: "/admin/webhooks", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    // The public API answers JSON, never the sign-in page; sessions do not authenticate it.
    "api.$.ts": {
      url: "/api/no-such-endpoint",
      get: all(404),
      getApi: { token: 404, none: 404 },
      post: { body: { json: {} }, expect: all(404), api: { token: 404, none: 404 } },
    },
    "api.v1.authorizations.ts": {
      url: "/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin",
      get: all(401),
      getApi: { token: "ok", none: 401 },
      post: { body: { json: {} }, expect: all(401), api: { token: 400, none: 401 } },
    },
    "api.v1.credentials.$id.ts": { url: "/api/v1/credentials/:credential", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    "api.v1.openapi[.]json.ts": { url: "/api/v1/openapi.json", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    "api.v1.verify.ts": {
      url: "/api/v1/verify",
      get: all(405),
      getApi: { token: 405, none: 405 },
      post: { body: { json: {} }, expect: all(400), api: { token: 400, none: 400 } },
    },
    "charter.tsx": { url: "/charter", get: learners("ok"), post: { body: {}, expect: learners(400) } },
    "diagnostic.$step.tsx": { url: "/diagnostic/1", get: learners("ok"), post: { body: {}, expect: learners(400) } },
    "diagnostic._index.tsx": { url: "/diagnostic", get: learners("ok"), post: { body: {}, expect: learners(400) } },
    // No run in progress for anyone: finishing one that does not exist is a 404.
    "diagnostic.review.tsx": { url: "/diagnostic/review", get: learners("ok"), post: { body: {}, expect: learners(404) } },
    // learner@'s attempt: another person's attempt does not exist for them (404), whatever they send.
    "exam.$attemptId.tsx": {
      url: "/exam/:attempt",
      get: learners("ok", 404),
      post: { body: { intent: "answer", itemId: "no-such-item", option: "x" }, expect: learners(400, 404) },
    },
    // The exam start takes no field: every learner persona has an attempt in progress, so it is a 409.
    "exam._index.tsx": { url: "/exam", get: learners("ok"), post: { body: {}, expect: learners(409) } },
    "forgot-password.tsx": { url: "/forgot-password", get: all("ok"), post: { body: {}, expect: all(400) } },
    // The organisation's look (ADR 0030), public: the sign-in page wears it. No logo is set in the sweep.
    "brand[.]css.ts": { url: "/brand.css", get: all("ok") },
    "brand.logo.$file.ts": { url: `/brand/logo/${"0".repeat(64)}.png`, get: all(404) },
    "healthz.tsx": { url: "/healthz", get: all("ok") },
    "home.tsx": { url: "/home", get: signedIn("ok") },
    // Everyone's own notices; an empty form marks nothing.
    "inbox.tsx": { url: "/inbox", get: signedIn("ok"), post: { body: {}, expect: signedIn(400) } },
    "invite.$token.tsx": { url: "/invite/not-a-real-token", get: all(410), post: { body: {}, expect: all(400) } },
    "issuer.ts": { url: "/issuer", get: all("ok") },
    "language.tsx": { url: "/language", get: all("ok"), post: { body: {}, expect: all(400) } },
    // Signed in, the page sends people home (its loader's redirect wins over the action's 400).
    "login.tsx": { url: "/login", get: all("ok"), post: { body: {}, expect: o(400, "ok", "ok", "ok", "ok", "ok") } },
    // Signing out ends the session: each signed-in persona posts with a session of its own.
    "logout.tsx": { url: "/logout", get: signedIn("ok"), post: { body: {}, expect: all("login"), freshSession: true } },
    // Uploaded images: to anyone signed in (the file is stored before the sweep).
    "media.$file.ts": { url: "/media/:media", get: signedIn("ok") },
    "people.$userId.tsx": { url: "/people/demo-lucas.bernard", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    // Personal data of one person (export, legal hold, erasure): admins; an empty form does nothing.
    "people.$userId_.privacy.tsx": { url: "/people/demo-lucas.bernard/privacy", get: adminOnly("ok"), post: { body: {}, expect: adminOnly(400) } },
    "people.$userId_.export.ts": { url: "/people/demo-lucas.bernard/export", post: { body: {}, expect: adminOnly(400) } },
    // Trainers (anyone) and managers (their teams) may override; the admin may only reset: an
    // override by the admin is a 403. The level is unknown, so an allowed override is a 400.
    "people.$userId_.placement.tsx": {
      url: "/people/demo-lucas.bernard/placement",
      get: o("login", 403, "ok", "ok", 404, "ok"),
      post: { body: { intent: "override", level: "not-a-level", reason: "" }, expect: o("login", 403, 400, 400, 404, 403) },
    },
    "people._index.tsx": { url: "/people", get: o("login", 403, 403, "ok", "ok", "ok") },
    "people.invite.tsx": {
      url: "/people/invite",
      get: o("login", 403, 403, "ok", "ok", "ok"),
      post: { body: { email: "not-an-email", name: "Nobody", teamId: "team-comms", roles: "employee" }, expect: o("login", 403, 403, 400, 400, 400) },
    },
    "placement.tsx": { url: "/placement", get: learners("ok") },
    // Programme results (issue 15): admins and trainers read the whole organisation; a manager is sent
    // to their teams' dashboard (a redirect: "ok"). The team dashboard of team-comms: not the other
    // manager's (404). Reminders are for managers and admins: an empty form is a 400, a trainer's a 403.
    "reports._index.tsx": { url: "/reports", get: o("login", 403, "ok", "ok", "ok", "ok") },
    "reports.team.tsx": {
      url: "/reports/team?team=team-comms",
      get: o("login", 403, "ok", "ok", 404, "ok"),
      post: { body: {}, expect: o("login", 403, 403, 400, 400, 400) },
    },
    "reports.export.ts": { url: "/reports/export?view=team&table=funnel&team=team-comms", get: o("login", 403, "ok", "ok", 404, "ok") },
    // Exam and content analytics: the content authors' (trainers, admins); never a manager's.
    "reports.exam.tsx": { url: "/reports/exam", get: authors("ok") },
    "reset-password.$token.tsx": { url: "/reset-password/not-a-real-token", get: all(410), post: { body: {}, expect: all(400) } },
    // The studio is for content authors: trainers and admins.
    // SCIM: sessions do not authenticate it (401), and an API token is of the wrong scope (403);
    // SCIM tokens are swept in tests/integration/scim.test.ts. Discovery is public.
    "scim.$.ts": {
      url: "/scim/no-such-endpoint",
      get: all(404),
      getApi: { token: 404, none: 404 },
      post: { body: { json: {} }, expect: all(404), api: { token: 404, none: 404 } },
    },
    "scim.v2.Users.ts": {
      url: "/scim/v2/Users",
      get: all(401),
      getApi: { token: 403, none: 401 },
      post: { body: { json: {} }, expect: all(401), api: { token: 403, none: 401 } },
    },
    "scim.v2.Users.$id.ts": {
      url: "/scim/v2/Users/demo-lucas.bernard",
      get: all(401),
      getApi: { token: 403, none: 401 },
      post: { body: { json: {} }, expect: all(401), api: { token: 403, none: 401 } },
    },
    "scim.v2.Groups.ts": {
      url: "/scim/v2/Groups",
      get: all(401),
      getApi: { token: 403, none: 401 },
      post: { body: { json: {} }, expect: all(401), api: { token: 403, none: 401 } },
    },
    "scim.v2.Groups.$id.ts": {
      url: "/scim/v2/Groups/team-comms",
      get: all(401),
      getApi: { token: 403, none: 401 },
      post: { body: { json: {} }, expect: all(401), api: { token: 403, none: 401 } },
    },
    "scim.v2.ServiceProviderConfig.ts": { url: "/scim/v2/ServiceProviderConfig", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    "scim.v2.ResourceTypes.ts": { url: "/scim/v2/ResourceTypes", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    "scim.v2.ResourceTypes.$id.ts": { url: "/scim/v2/ResourceTypes/User", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    "scim.v2.Schemas.ts": { url: "/scim/v2/Schemas", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    "scim.v2.Schemas.$id.ts": { url: "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", get: all("ok"), getApi: { token: "ok", none: "ok" } },
    // Single sign-on (off in the demo): starting it is a 404 page for anonymous visitors; anyone
    // signed in is sent home. The IdP's POST to the ACS needs a SAMLResponse (400 without one).
    "sso.oidc.tsx": { url: "/sso/oidc", get: o(404, "ok", "ok", "ok", "ok", "ok") },
    "sso.oidc_.callback.tsx": { url: "/sso/oidc/callback?state=x&code=y", get: o(404, "ok", "ok", "ok", "ok", "ok") },
    "sso.saml.tsx": { url: "/sso/saml", get: o(404, "ok", "ok", "ok", "ok", "ok") },
    "sso.saml_.acs.tsx": { url: "/sso/saml/acs", get: all("ok"), post: { body: {}, expect: all(400) } },
    "sso.saml_.finish.tsx": { url: "/sso/saml/finish", get: o(400, "ok", "ok", "ok", "ok", "ok") },
    "sso.saml_.metadata.ts": { url: "/sso/saml/metadata", get: all("ok") },
    "studio._index.tsx": { url: "/studio", get: authors("ok"), post: { body: {}, expect: authors(400) } },
    "studio.$moduleId.tsx": { url: "/studio/core-charter-editorial-line", get: authors("ok"), post: { body: {}, expect: authors(400) } },
    "studio.$moduleId_.history.tsx": { url: "/studio/core-charter-editorial-line/history", get: authors("ok"), post: { body: {}, expect: authors(400) } },
    // Reviewing reflections is the trainers' (reviews.manage), not the admin's.
    "studio.reviews.tsx": {
      url: "/studio/reviews",
      get: o("login", 403, "ok", 403, 403, 403),
      post: { body: {}, expect: o("login", 403, 400, 403, 403, 403) },
    },
    "studio.tracks.tsx": { url: "/studio/tracks", get: authors("ok"), post: { body: {}, expect: authors(400) } },
    // Not a multipart upload: refused as invalid.
    "studio.media.tsx": { url: "/studio/media", get: authors("ok"), post: { body: {}, expect: authors(400) } },
    "team.requests.$accreditationId.tsx": {
      url: "/team/requests/demo-accreditation-ambassador",
      get: o("login", 403, 403, "ok", 404, 403),
      post: { body: {}, expect: o("login", 403, 403, 400, 404, 403) },
    },
    "team.requests._index.tsx": { url: "/team/requests", get: o("login", 403, 403, "ok", "ok", 403) },
    "teams.$teamId.tsx": {
      url: "/teams/team-comms",
      get: o("login", 403, "ok", "ok", 404, "ok"),
      post: { body: {}, expect: o("login", 403, 403, 400, 404, 400) },
    },
    "teams._index.tsx": { url: "/teams", get: o("login", 403, "ok", "ok", "ok", "ok") },
    // A common-core module, in every track. learner@ is not placed: the page says so (200) and an
    // answer is refused (409).
    "track.$moduleId.tsx": {
      url: "/track/core-charter-editorial-line",
      get: learners("ok"),
      post: { body: {}, expect: learners(409, 400) },
    },
    "track._index.tsx": { url: "/track", get: learners("ok") },
    "verify.$id.tsx": { url: "/verify/:credential", get: all("ok") },
    // The privacy notice: anyone signed in reads it; an empty acknowledgement is refused.
    "privacy.tsx": { url: "/privacy", get: signedIn("ok"), post: { body: {}, expect: signedIn(400) } },
  };
}

const concrete = (url: string) => url.replace(":attempt", ids.attempt).replace(":credential", ids.credential).replace(":media", ids.media);

/** The smallest PNG: one transparent pixel. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let server: TestServer;
let personas: Record<Persona, Browser>;

// Tables that legitimately change while the sweep runs, left out of the comparison:
// - sessions: signing in and out (the logout row) and lucia's sliding expiry write them;
// - login_throttle: already left out by snapshotDatabase() (failed sign-ins are counted).
// api_tokens.last_used_at is written at most once a minute: the token is used once before the snapshot.
const VOLATILE = ["sessions"];

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  ids.token = createApiToken(null, "authorization matrix").token;
  // These personas have not finished their track: the exam's track gate has its own tests (exam-gate.test.ts).
  getDb().insert(settings).values({ key: "exam.requiresTrackComplete", value: false, updatedAt: new Date() }).run();
  // An attempt in progress for each learner persona: learner@'s is the one the exam row reads.
  ids.attempt = await startAttempt("demo-learner");
  await startAttempt("demo-manager");
  await startAttempt("demo-olivier.moreau");
  ids.media = storeMedia("demo-trainer", { fileName: "pixel.png", bytes: new Uint8Array(PIXEL) }).src.replace(/^\/media\//, "");
  ids.credential = getDb().select({ id: credentials.id }).from(credentials).where(eq(credentials.accreditationId, "demo-accreditation-ambassador")).get()!.id;
  personas = await signInPersonas(server.url);
  await new Browser(server.url).get(concrete(matrix()["api.v1.authorizations.ts"]!.url), { Authorization: `Bearer ${ids.token}` });
});
afterAll(() => server.close());

describe("the matrix covers every route", () => {
  const files = routeFiles();
  const rows = matrix();

  it("reads the route files", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.find((f) => f.file === "people.$userId_.placement.tsx")?.pattern).toBe("/people/:userId/placement");
    expect(files.find((f) => f.file === "[.]well-known.jwks[.]json.ts")?.pattern).toBe("/.well-known/jwks.json");
    expect(files.find((f) => f.file === "api.$.ts")?.pattern).toBe("/api/*");
    expect(files.find((f) => f.file === "diagnostic._index.tsx")?.pattern).toBe("/diagnostic");
  });

  it("has a row for every route file, and no row for a file that is gone", () => {
    const missing = files.filter((f) => !rows[f.file]).map((f) => `app/routes/${f.file} has no row in the authorization matrix: add one`);
    const stale = Object.keys(rows)
      .filter((name) => !files.some((f) => f.file === name))
      .map((name) => `the authorization matrix has a row for app/routes/${name}, which no longer exists: remove it`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it("each row's URL matches its file's URL pattern, with a GET column exactly when there is a loader and a POST column exactly when there is an action", () => {
    const problems: string[] = [];
    for (const file of files) {
      const row = rows[file.file];
      if (!row) continue;
      if (!patternMatches(file.pattern, row.url)) problems.push(`${file.file}: ${row.url} does not match ${file.pattern}`);
      if (file.hasLoader !== Boolean(row.get))
        problems.push(`${file.file}: ${file.hasLoader ? "exports a loader but has no GET column" : "has a GET column but no loader"}`);
      if (file.hasAction !== Boolean(row.post))
        problems.push(`${file.file}: ${file.hasAction ? "exports an action but has no POST column" : "has a POST column but no action"}`);
    }
    expect(problems).toEqual([]);
  });
});

type Result = { route: string; who: string; method: string; url: string; expected: Outcome; actual: Outcome };

function mismatches(results: Result[]): string[] {
  return results.filter((r) => r.expected !== r.actual).map((r) => `${r.method} ${r.url} as ${r.who}: expected ${r.expected}, got ${r.actual} (${r.route})`);
}

// Hundreds of requests per test: on a shared 2-core machine the default 20 s is too tight.
describe("the sweep", { timeout: 90_000 }, () => {
  it("GET: every persona gets what the matrix says, and reading writes nothing", async () => {
    const before = snapshotWithout(VOLATILE);
    const results: Result[] = [];
    for (const [route, row] of Object.entries(matrix())) {
      const url = concrete(row.url);
      await Promise.all([
        ...PERSONAS.filter(() => row.get).map(async (persona) => {
          const response = await personas[persona].get(url);
          await response.arrayBuffer();
          results.push({ route, who: persona, method: "GET", url, expected: row.get![persona], actual: outcomeOf(response) });
        }),
        ...(row.getApi
          ? (["token", "none"] as const).map(async (which) => {
              const headers: Record<string, string> = which === "token" ? { Authorization: `Bearer ${ids.token}` } : {};
              const response = await fetch(server.url + url, { headers, redirect: "manual" });
              await response.arrayBuffer();
              results.push({
                route,
                who: `api (${which === "token" ? "valid token" : "no token"})`,
                method: "GET",
                url,
                expected: row.getApi![which],
                actual: outcomeOf(response),
              });
            })
          : []),
      ]);
    }
    expect(mismatches(results)).toEqual([]);
    expect(results.length).toBeGreaterThan(200);
    expect(changedTables(before, snapshotWithout(VOLATILE))).toEqual([]);
  });

  it("POST with an empty or invalid form: every persona gets what the matrix says, and nothing is written", async () => {
    const before = snapshotWithout(VOLATILE);
    const results: Result[] = [];
    for (const [route, row] of Object.entries(matrix())) {
      const post = row.post;
      if (!post) continue;
      const url = concrete(row.url);
      const send = (browser: Browser, headers: Record<string, string> = {}) =>
        "json" in post.body ? browser.postJson(url, post.body.json, headers) : browser.post(url, post.body as Body, headers);
      await Promise.all([
        ...PERSONAS.map(async (persona) => {
          let browser = personas[persona];
          if (post.freshSession && persona !== "anonymous") {
            browser = new Browser(server.url);
            await browser.signIn(PERSONA_EMAILS[persona]);
          }
          const response = await send(browser);
          await response.arrayBuffer();
          results.push({ route, who: persona, method: "POST", url, expected: post.expect[persona], actual: outcomeOf(response) });
        }),
        ...(post.api
          ? (["token", "none"] as const).map(async (which) => {
              const headers: Record<string, string> = which === "token" ? { Authorization: `Bearer ${ids.token}` } : {};
              const response = await send(new Browser(server.url), headers);
              await response.arrayBuffer();
              results.push({
                route,
                who: `api (${which === "token" ? "valid token" : "no token"})`,
                method: "POST",
                url,
                expected: post.api![which],
                actual: outcomeOf(response),
              });
            })
          : []),
      ]);
    }
    expect(mismatches(results)).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
    expect(changedTables(before, snapshotWithout(VOLATILE))).toEqual([]);
    // The shared sessions survived the sweep (logout used sessions of its own).
    for (const persona of PERSONAS.filter((p) => p !== "anonymous")) expect(outcomeOf(await personas[persona].get("/account")), persona).toBe("ok");
  });

  it("POST to a route without an action is a 405 for everyone, and writes nothing", async () => {
    // Remix logs each of these as an error (with its stack, on the server's console only): keep the test output readable.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    onTestFinished(() => quiet.mockRestore());
    const before = snapshotWithout(VOLATILE);
    const results: Result[] = [];
    for (const file of routeFiles().filter((f) => !f.hasAction)) {
      const row = matrix()[file.file];
      if (!row) continue;
      const url = concrete(row.url);
      await Promise.all(
        PERSONAS.map(async (persona) => {
          const response = await personas[persona].post(url, {});
          await response.arrayBuffer();
          results.push({ route: file.file, who: persona, method: "POST", url, expected: 405, actual: outcomeOf(response) });
        }),
      );
    }
    expect(mismatches(results)).toEqual([]);
    expect(changedTables(before, snapshotWithout(VOLATILE))).toEqual([]);
  });

  it("a form posted from another site is refused (403) before any route runs, signed in or not", async () => {
    const before = snapshotWithout(VOLATILE);
    const failures: string[] = [];
    for (const [route, row] of Object.entries(matrix())) {
      if (!row.post || row.url.startsWith("/api/") || row.url.startsWith("/scim/")) continue;
      // The SAML ACS takes the IdP's cross-site POST by design (ADR 0017): it gets to its route, which
      // refuses the empty form (400); what it trusts is the signed assertion, never a cookie.
      const expected = row.url === "/sso/saml/acs" ? 400 : 403;
      for (const persona of ["anonymous", "admin"] as const) {
        const response = await personas[persona].post(concrete(row.url), {}, { Origin: "https://evil.example" });
        await response.arrayBuffer();
        if (response.status !== expected) failures.push(`${route} as ${persona}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(changedTables(before, snapshotWithout(VOLATILE))).toEqual([]);
  });
});
