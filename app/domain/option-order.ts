/**
 * The order in which a person sees the options of a question that is not part of an exam attempt
 * (a module's knowledge checks, the charter's comprehension check): shuffled per person and question,
 * and stable for that person, so that the right answer's position gives nothing away and a page
 * reloaded (or read in the other language) shows the same order. Grading is unaffected: options are
 * identified by id. Pure.
 */
import { seededRandom } from "./exam";

/** FNV-1a over the UTF-16 code units: a stable 32-bit seed from text. */
export function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * `options` in the order `personId` sees question `questionKey`. The authored order does not matter:
 * the options are first sorted by id, then shuffled, so the same ids always come out in the same
 * order for the same person (both languages of a module share their option ids).
 */
export function personalOptionOrder<T extends { id: string }>(options: readonly T[], personId: string, questionKey: string): T[] {
  const out = [...options].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = seededRandom(seedFromText(`${personId}\u0000${questionKey}`));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
