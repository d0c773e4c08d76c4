/**
 * URL checks for content: what a browser would take as the scheme (entities decoded, invisible
 * characters removed), and which links and media sources a module may use. Pure; no I/O.
 */
import type { ProblemCode, ProblemParams } from "./problem-codes";

const NAMED_ENTITIES: Record<string, string> = {
  colon: ":", tab: "\t", newline: "\n", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", sol: "/", bsol: "\\", period: ".",
  lpar: "(", rpar: ")", nbsp: "\u00a0", excl: "!", num: "#", percnt: "%", semi: ";", equals: "=", quest: "?", commat: "@",
  plus: "+", comma: ",", hyphen: "-", dash: "-", lowbar: "_", grave: "`", verbar: "|", vert: "|",
};

function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (match, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    return (named && NAMED_ENTITIES[named.toLowerCase()]) ?? match;
  });
}

// C0 controls, space, DEL, C1 controls, soft hyphen and the invisible/space characters browsers may ignore.
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching these exact characters is the point
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** What a browser would see as the URL's scheme: entities decoded, invisible characters removed, lowercase. */
export function normaliseUrl(raw: string): string {
  let value = raw;
  for (let i = 0; i < 3; i++) {
    const decoded = decodeEntities(value);
    if (decoded === value) break;
    value = decoded;
  }
  return value.replace(INVISIBLE, "").toLowerCase();
}

function schemeOf(normalised: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/.exec(normalised);
  return match?.[1] ?? null;
}

const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "blob", "filesystem"]);

type UrlProblem = { code: ProblemCode; params: ProblemParams };

/** Links go to https://, http://, mailto: or relative paths. */
export function linkUrlProblem(raw: string): UrlProblem | null {
  const scheme = schemeOf(normaliseUrl(raw));
  if (scheme === null || scheme === "https" || scheme === "http" || scheme === "mailto") return null;
  if (DANGEROUS_SCHEMES.has(scheme)) return { code: "dangerousUrl", params: { scheme } };
  return { code: "linkScheme", params: { scheme } };
}

/** Images, figures and videos come from https:// or /media/…; `attribute` names where (an image when absent). */
export function mediaUrlProblem(raw: string, attribute?: { component: string; attribute: string }): UrlProblem | null {
  const normalised = normaliseUrl(raw);
  const scheme = schemeOf(normalised);
  if (scheme !== null && DANGEROUS_SCHEMES.has(scheme)) return { code: "dangerousUrl", params: { scheme } };
  if (scheme === "https" && normalised.startsWith("https://") && raw.trim() === raw) return null;
  if (scheme === null && raw.startsWith("/media/") && !/(^|\/)\.\.?(\/|$)/.test(raw.slice(1)) && normalised === raw.toLowerCase()) return null;
  return attribute ? { code: "attributeUrl", params: attribute } : { code: "imageUrl", params: {} };
}
