/**
 * A real OpenID Provider for the tests: oidc-provider (a certified implementation) on a loopback
 * port, configured here. Its development sign-in form accepts any login (the account id) and any
 * password; consent is granted automatically, as for a first-party application. Accounts and their
 * claims are a plain map the tests may change (an email changed at the IdP).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type IdpAccount = { email?: string; email_verified?: boolean; name?: string; locale?: string };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  close: () => Promise<void>;
};

export async function startOidcProvider(redirectUris: string[], options: { clientSecret?: string } = {}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, IdpAccount>();
  const clientId = "ambassade";
  const clientSecret = options.clientSecret ?? "a-client-secret-of-the-test-idp";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "locale"] },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
    // First-party application: no consent screen.
    async loadExistingGrant(ctx) {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["a-cookie-key-of-the-test-idp"] },
    pkce: { required: () => true },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A user agent at the IdP: keeps its cookies, never follows redirects. */
class IdpAgent {
  private cookies = new Map<string, string>();
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/**
 * Signs `login` in at the IdP, from the authorization URL Ambassade redirected to, through the IdP's
 * own pages, and returns where the IdP sends the browser back (Ambassade's callback URL with the code).
 * `abort` presses the sign-in page's "cancel" link instead (the IdP answers access_denied).
 */
export async function signInAtIdp(authorizationUrl: string, login: string, options: { abort?: boolean } = {}): Promise<string> {
  const agent = new IdpAgent();
  let url = authorizationUrl;
  for (let step = 0; step < 10; step++) {
    const response = await agent.request(url);
    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get("location")!, url).href;
      if (!location.startsWith(new URL(authorizationUrl).origin)) return location;
      url = location;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`IdP answered ${response.status}: ${html.slice(0, 500)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the IdP page: ${html.slice(0, 500)}`);
    const target = new URL(action.replace(/&amp;/g, "&"), url).href;
    if (options.abort) {
      url = `${target}/abort`;
      continue;
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? "login";
    const submitted = await agent.request(target, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt }).toString(),
    });
    if (submitted.status < 300 || submitted.status >= 400) throw new Error(`IdP form answered ${submitted.status}: ${(await submitted.text()).slice(0, 500)}`);
    url = new URL(submitted.headers.get("location")!, target).href;
  }
  throw new Error("the IdP never sent the browser back");
}
