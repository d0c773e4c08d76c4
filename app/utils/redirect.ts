/**
 * Only same-origin paths may be redirect targets (ASVS 5.1.5): a path starting with one "/", no
 * backslash (browsers read "\" as "/"), no control character or whitespace (browsers strip tabs and
 * line breaks from URLs, so "/\t/evil.example" becomes "//evil.example"; a line break in a Location
 * header is an error), and one that a URL parser resolves to the same origin. Anything else: `fallback`.
 */
export function safeRedirect(target: unknown, fallback = "/home"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/.test(target)) return fallback;
  try {
    const base = "http://same.invalid";
    const resolved = new URL(target, base);
    if (resolved.origin !== base) return fallback;
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return fallback;
  }
}
