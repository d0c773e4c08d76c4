/**
 * The interface strings' translator, the same on the server and in the browser: nested keys with dots,
 * `{{name}}` placeholders (French elision with `{{de name}}`: "d’Emma", "de Lucas"; also `le`, `la`,
 * `que`), and plurals chosen by `count` with i18next's suffixes (`key_one`, `key_other`,
 * `key_zero` for exactly 0 when it exists). No escaping: React escapes what it renders. Nothing else is
 * supported because nothing else is used.
 */

export type Dictionary = { readonly [key: string]: string | Dictionary };
export type TOptions = { readonly count?: number; readonly [name: string]: unknown };
export type TFunction = (key: string, options?: TOptions) => string;

export type Translator = {
  readonly language: string;
  readonly t: TFunction;
  /** Adds a group of strings (a page's own group, loaded when the page's module loads: app/i18n/strings.ts). */
  readonly add: (strings: Dictionary) => void;
};

const warned = new Set<string>();
function warn(message: string) {
  if (process.env.NODE_ENV === "production" || warned.has(message)) return;
  warned.add(message);
  console.warn(`[i18n] ${message}`);
}

function flatten(strings: Dictionary, into: Map<string, string>, prefix = "") {
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === "string") into.set(prefix + key, value);
    else flatten(value, into, `${prefix}${key}.`);
  }
}

const PLACEHOLDER = /\{\{\s*(?:(de|le|la|que)\s+)?(\w+)\s*\}\}/g;

/** Words that elide before a vowel or a mute h (French): "d’Emma", "l’équipe", "qu’Hugo". */
const ELIDED: Record<string, string> = { de: "d’", le: "l’", la: "l’", que: "qu’" };
const VOWEL_START = /^[aeiouàâäéèêëîïôöûüœæh]/i;

/** Replaces `{{name}}` placeholders; one without a value stays as it is, so that it shows. */
export function interpolate(template: string, values: TOptions = {}, key = template): string {
  if (!template.includes("{{")) return template;
  return template.replace(PLACEHOLDER, (whole, article: string | undefined, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) {
      warn(`no value for {{${name}}} in "${key}"`);
      return whole;
    }
    const text = String(value);
    if (!article) return text;
    return VOWEL_START.test(text) ? `${ELIDED[article]}${text}` : `${article} ${text}`;
  });
}

export function createTranslator(language: string, groups: readonly Dictionary[] = []): Translator {
  const entries = new Map<string, string>();
  for (const group of groups) flatten(group, entries);
  const plurals = new Intl.PluralRules(language);

  function t(key: string, options?: TOptions): string {
    let template: string | undefined;
    const count = options?.count;
    if (typeof count === "number") {
      template = (count === 0 ? entries.get(`${key}_zero`) : undefined) ?? entries.get(`${key}_${plurals.select(count)}`) ?? entries.get(`${key}_other`);
    }
    template ??= entries.get(key);
    if (template === undefined) {
      // Shown as is, so that a missing string is seen and reported rather than left blank.
      warn(`missing key "${key}" (${language})`);
      return key;
    }
    return interpolate(template, options, key);
  }

  return { language, t, add: (strings) => flatten(strings, entries) };
}
