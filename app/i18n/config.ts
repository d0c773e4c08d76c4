import type { Locale } from "../../db/schema";

export const LOCALES: readonly Locale[] = ["fr", "en"];
export const DEFAULT_LOCALE: Locale = "fr";
export const LOCALE_COOKIE = "ambassade_lng";

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

/** Picks from an Accept-Language header by quality, or the default. */
export function fromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: (tag ?? "").slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}

export function readLocaleCookie(cookieHeader: string | null): Locale | null {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(fr|en)(?:;|$)`));
  return match ? (match[1] as Locale) : null;
}

/** A signed-in person's saved choice wins, then the cookie, then the browser's preference. */
export function resolveLocale(request: Request, saved: Locale | null | undefined): Locale {
  return saved ?? readLocaleCookie(request.headers.get("Cookie")) ?? fromAcceptLanguage(request.headers.get("Accept-Language"));
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
