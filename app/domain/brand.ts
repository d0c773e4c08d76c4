/**
 * The organisation's accent colour (a setting, ADR 0030): a hex colour on which white text must stay
 * readable, since primary buttons and the active navigation put white text on it. Pure.
 */

export const DEFAULT_ACCENT = "#1e40af";

/** The two settings of the organisation's look (app/models/settings.server.ts, group "brand"). */
export const ACCENT = "organisation.accentColor";
export const LOGO = "organisation.logo";

/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST_ON_ACCENT = 4.5;

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#1E40AF", "1e40af" or "#14a" → "#1e40af"; null for anything else. */
export function normaliseHex(input: string): string | null {
  const match = HEX.exec(input.trim());
  if (!match) return null;
  const digits = match[1]!.toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits}`;
}

/** The relative luminance of an sRGB colour (WCAG 2.x definition). */
export function relativeLuminance(hex: string): number {
  const value = normaliseHex(hex);
  if (!value) throw new Error(`not a hex colour: ${hex}`);
  const channel = (offset: number) => {
    const c = parseInt(value.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

export type AccentCheck =
  { ok: true; hex: string; ratio: number } | { ok: false; problem: "format" } | { ok: false; problem: "contrast"; ratio: number; suggestion: string };

/**
 * Whether a colour can be the accent: a hex colour on which white text reaches 4.5:1. A colour too
 * light is refused with a darker colour of the same hue that passes, to offer instead.
 */
export function checkAccent(input: string): AccentCheck {
  const hex = normaliseHex(input);
  if (!hex) return { ok: false, problem: "format" };
  const ratio = contrastRatio(hex, "#ffffff");
  if (ratio >= MIN_CONTRAST_ON_ACCENT) return { ok: true, hex, ratio };
  return { ok: false, problem: "contrast", ratio, suggestion: darkenUntilReadable(hex) };
}

/** The same colour mixed with black, step by step, until white text on it reaches the minimum. */
export function darkenUntilReadable(hex: string): string {
  const base = normaliseHex(hex)!;
  const rgb = [1, 3, 5].map((o) => parseInt(base.slice(o, o + 2), 16));
  for (let keep = 1; keep >= 0; keep -= 0.02) {
    const candidate = `#${rgb
      .map((c) =>
        Math.round(c * keep)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;
    if (contrastRatio(candidate, "#ffffff") >= MIN_CONTRAST_ON_ACCENT) return candidate;
  }
  return "#000000";
}
