/**
 * The organisation's look (ADR 0030): its accent colour and its logo, two settings of the registry
 * (group "brand"). Read on every page by the root loader, so kept in memory and read again when the
 * settings change (updateSettings in this process, the cache_versions counter from another: ADR 0025).
 */
import { ACCENT, DEFAULT_ACCENT, LOGO, checkAccent } from "~/domain/brand";
import { checkImageUpload } from "~/domain/media";
import { InputError } from "~/utils/errors";
import { storeMedia } from "./media.server";
import { getSetting, updateSettings } from "./settings.server";

export type Brand = {
  accent: string;
  /** The logo's stored media file (<sha256>.<ext>), or null. */
  logoFile: string | null;
};

// On globalThis: the server entry and the Remix bundle each hold a copy of this module.
const cache = globalThis as unknown as { __ambassadeBrand?: { version: number; brand: Brand }; __ambassadeSettingsVersion?: number };

export function getBrand(): Brand {
  const version = cache.__ambassadeSettingsVersion ?? 0;
  if (cache.__ambassadeBrand?.version !== version) {
    const logo = getSetting("organisation.logo");
    cache.__ambassadeBrand = { version, brand: { accent: getSetting("organisation.accentColor"), logoFile: logo || null } };
  }
  return cache.__ambassadeBrand.brand;
}

/** What the shell links to: a stylesheet when the accent is not the default, the logo's URL. */
export function brandForShell(): { stylesheet: string | null; logo: string | null } {
  const { accent, logoFile } = getBrand();
  return {
    // The colour in the URL makes it cacheable for good: a new colour is a new URL.
    stylesheet: accent === DEFAULT_ACCENT ? null : `/brand.css?v=${accent.slice(1)}`,
    logo: logoFile ? `/brand/logo/${logoFile}` : null,
  };
}

/**
 * The accent colour was refused because white text on it would be too faint: the ratio reached, and a
 * darker colour of the same hue to offer instead.
 */
export class AccentContrastError extends InputError {
  constructor(
    public readonly ratio: number,
    public readonly suggestion: string,
  ) {
    super({ [ACCENT]: "settings.errors.accentContrast" });
  }
}

/**
 * Saves the appearance form: the accent colour, and a new logo or its removal. Everything is checked
 * before anything is written (a refused colour stores no logo; a refused logo saves no colour); then the
 * logo is stored as a media file (content-addressed, audited) and the settings saved with their audit
 * rows. Returns the keys that changed.
 */
export function saveBrand(actorId: string, input: { accent: string; logo: { fileName: string; bytes: Uint8Array } | null; removeLogo: boolean }): string[] {
  const accent = checkAccent(input.accent);
  if (!accent.ok) {
    if (accent.problem === "contrast") throw new AccentContrastError(Math.floor(accent.ratio * 100) / 100, accent.suggestion);
    throw new InputError({ [ACCENT]: "settings.errors.accentFormat" });
  }
  if (input.logo) {
    const check = checkImageUpload(input.logo);
    if (!check.ok)
      throw new InputError(
        { [LOGO]: `studio.media.errors.${check.problem}` },
        check.problem === "tooLarge" ? 413 : check.problem === "notAnImage" || check.problem === "extensionMismatch" ? 415 : 400,
      );
  }
  let logoFile: string | undefined;
  if (input.logo) logoFile = storeMedia(actorId, input.logo).src.replace(/^\/media\//, "");
  else if (input.removeLogo) logoFile = "";
  return updateSettings(actorId, { [ACCENT]: accent.hex, ...(logoFile !== undefined ? { [LOGO]: logoFile } : {}) });
}
