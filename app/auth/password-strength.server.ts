/**
 * Whether a new password is acceptable (ASVS 2.1.1, 2.1.7): at least 12 characters, and not guessable
 * according to zxcvbn-ts with its common-password list and French and English dictionaries, the
 * person's own name and email counting as known words. The estimator loads its dictionaries (~16 MB,
 * ~2 s) on first use only.
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { InputError } from "~/utils/errors";

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's score: 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, fr] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
      import("@zxcvbn-ts/language-fr"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return estimator;
}

/** The words of a person's name and email that a password must not lean on. */
export function personalWords(person: { name?: string | null; email?: string | null }): string[] {
  const words = new Set<string>();
  for (const value of [person.name, person.email]) {
    if (!value) continue;
    const lower = value.toLowerCase();
    words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

export type PasswordProblem = "security.errors.passwordTooShort" | "security.errors.passwordWeak" | "security.errors.passwordPersonal";

/** null when acceptable, or the i18n key of what is wrong. */
export async function passwordProblem(password: string, person: { name?: string | null; email?: string | null }): Promise<PasswordProblem | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "security.errors.passwordTooShort";
  const words = personalWords(person);
  // zxcvbn scores "EmmaPetit2026!" as strong; an attacker who knows the person tries it first. What is
  // left once the person's own words, digits and punctuation are taken out must still be something.
  let rest = password.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  if (rest.replace(/[^\p{L}]/gu, "").length < 4 && rest.length < password.length) return "security.errors.passwordPersonal";
  const result = (await loadEstimator()).check(password, words);
  if (result.score >= MIN_SCORE) return null;
  const lower = password.toLowerCase();
  return result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs") || words.some((w) => w.length >= 4 && lower.includes(w))
    ? "security.errors.passwordPersonal"
    : "security.errors.passwordWeak";
}

/** Throws an InputError on the `password` field (a 400 with the message next to it) when refused. */
export async function assertAcceptablePassword(password: string, person: { name?: string | null; email?: string | null }): Promise<void> {
  const problem = await passwordProblem(password, person);
  if (problem) throw new InputError({ password: problem });
}
