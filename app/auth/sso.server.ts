/**
 * What the SSO routes share: the public origin the IdP sees, the short-lived signed cookie that ties
 * a sign-in in progress to the browser that started it, and the last step, which opens the session
 * with the same function as password sign-in (createSession).
 */
import { createCookie, json, redirect } from "@remix-run/node";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { FLOW_TTL_MS, resolveSsoAccount, SsoError, type SsoErrorCode, type SsoProfile } from "~/models/sso.server";
import { safeRedirect } from "~/utils/redirect";
import { appSecret } from "~/utils/secret.server";
import { createSession } from "./lucia.server";

/** APP_URL when set (it must be in production: the IdP has it), else the request's own origin. */
export function publicOrigin(request: Request): string {
  const configured = process.env.APP_URL?.trim();
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}

let cookie: ReturnType<typeof createCookie> | undefined;
function flowCookie() {
  cookie ??= createCookie("ambassade_sso", {
    httpOnly: true,
    sameSite: "lax",
    path: "/sso",
    secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
    maxAge: FLOW_TTL_MS / 1000,
    secrets: [appSecret()],
  });
  return cookie;
}

export function flowCookieFor(flowId: string): Promise<string> {
  return flowCookie().serialize(flowId);
}

/** The flow this browser started, or null (no cookie, or one not signed by us). */
export async function readFlowCookie(request: Request): Promise<string | null> {
  const value: unknown = await flowCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length <= 200 ? value : null;
}

function clearFlowCookie(): Promise<string> {
  return flowCookie().serialize("", { maxAge: 0 });
}

/** Finds or creates the account, opens its session, and sends the person on. */
export async function completeSsoSignIn(profile: SsoProfile, redirectTo: string): Promise<Response> {
  const { userId, created } = resolveSsoAccount(profile);
  // A person whose account was just created starts where every new learner starts: the questionnaire.
  const target = created && redirectTo === "/home" ? "/diagnostic" : redirectTo;
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(userId));
  headers.append("Set-Cookie", await clearFlowCookie());
  return redirect(safeRedirect(target), { headers });
}

export type SsoErrorData = { error: SsoErrorCode; title: string };

/** The title of the SSO pages ("Sign-in failed · Ambassade"), in the reader's language. */
export function ssoErrorTitle(request: Request): string {
  return `${getT(resolveLocale(request, null))("sso.errorTitle")} · Ambassade`;
}

/**
 * An SSO failure as the error page's data, with its 4xx (or 502) status; the flow cookie is dropped.
 * Anything else is rethrown (a real bug stays a 500).
 */
export async function ssoErrorResponse(error: unknown, request: Request) {
  if (!(error instanceof SsoError)) throw error;
  console.warn(`[sso] ${error.message}`);
  const data: SsoErrorData = { error: error.code, title: ssoErrorTitle(request) };
  return json(data, { status: error.status, headers: { "Set-Cookie": await clearFlowCookie(), "Cache-Control": "no-store" } });
}

/**
 * "Sign in with <name>": a link, not a form, because the page's Content-Security-Policy (form-action
 * 'self') forbids a form whose answer redirects to the IdP. Remembers the sign-in (server-side, single
 * use, tied to this browser by a signed cookie) and sends the browser to the IdP; the same for both
 * protocols (`start` is the protocol's own first step, null when it is not configured).
 */
export async function startSsoResponse(request: Request, start: ((origin: string, redirectTo: string) => Promise<{ url: string; flowId: string }>) | null) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  try {
    if (!start) throw new SsoError("notConfigured");
    const { url, flowId } = await start(publicOrigin(request), redirectTo);
    return redirect(url, { headers: { "Set-Cookie": await flowCookieFor(flowId), "Cache-Control": "no-store" } });
  } catch (error) {
    return ssoErrorResponse(error, request);
  }
}
