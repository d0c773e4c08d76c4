/**
 * Characters no name or free text may hold (ASVS 5.1.3/5.1.4): C0 and C1 control characters (NUL,
 * ANSI escapes…), bidirectional overrides and isolates (which make "gpj.exe" read "exe.jpg"), zero-width
 * and other invisible format characters, and line/paragraph separators. Free text may keep its line
 * breaks and tabs; a name is one line. Names end up in signed credentials, mails and logs.
 */
const ALWAYS =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- a list of single code points to refuse, not text
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;

/** Whether a text holds a character it must not: with `multiline`, line breaks and tabs are allowed. */
export function hasForbiddenCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  return ALWAYS.test(value) || (!options.multiline && LINE_BREAKS_AND_TABS.test(value));
}

export const FORBIDDEN_CHARACTERS = "security.errors.forbiddenCharacters";
