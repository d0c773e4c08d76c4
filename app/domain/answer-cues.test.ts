import { describe, expect, it } from "vitest";
import { absoluteWords, answerCues, describeCue } from "./answer-cues";

const opt = (en: string, correct = false, fr = en) => ({ text: { en, fr }, correct });

describe("answer cues", () => {
  it("flags a right option at least 25 % longer than every wrong one, in either language", () => {
    const cues = answerCues([opt("Post it now"), opt("Ask the communications team first, then post it", true), opt("Delete it")]);
    expect(cues.map((c) => [c.kind, c.locale])).toEqual([
      ["longest", "fr"],
      ["longest", "en"],
    ]);
    // Only the French is cued.
    const frOnly = answerCues([
      opt("Post it now, as drafted", false, "Publier"),
      opt("Ask the team first", true, "Demander à l’équipe d’abord"),
      opt("Delete it", false, "Supprimer"),
    ]);
    expect(frOnly.map((c) => c.locale)).toEqual(["fr"]);
  });

  it("does not flag a right option that is longest by less than the margin, or not the longest", () => {
    expect(answerCues([opt("abcdefghij"), opt("abcdefghijkl", true), opt("abc")])).toEqual([]);
    expect(answerCues([opt("a much longer wrong option here"), opt("short", true)])).toEqual([]);
  });

  it("for several right options, flags when every right one outgrows every wrong one", () => {
    expect(answerCues([opt("A long right option one", true), opt("A long right option two", true), opt("Short")]).some((c) => c.kind === "longest")).toBe(true);
    expect(answerCues([opt("A long right option one", true), opt("Tiny", true), opt("Short")]).some((c) => c.kind === "longest")).toBe(false);
  });

  it("flags a right option that is the only one without an absolute word, or the only one with one", () => {
    const without = answerCues([
      opt("You must always reply", false, "Il faut toujours répondre"),
      opt("Reply when useful", true, "Répondre quand c’est utile"),
      opt("Never reply", false, "Ne jamais répondre"),
    ]);
    expect(without.map((c) => [c.kind, c.locale])).toEqual([
      ["onlyWithoutAbsolute", "fr"],
      ["onlyWithoutAbsolute", "en"],
    ]);
    const only = answerCues([opt("Reply to them"), opt("Never share it", true, "Ne le partagez jamais"), opt("Share it now", false, "Partagez-le avec eux")]);
    expect(only.map((c) => c.kind)).toEqual(["onlyWithAbsolute", "onlyWithAbsolute"]);
    expect(describeCue(only[0]!, false)).toMatch(/only one with an absolute word \("jamais"\)/);
  });

  it("does not flag absolute words shared between right and wrong options", () => {
    expect(answerCues([opt("Always reply", true), opt("Never reply"), opt("Reply when asked")])).toEqual([]);
    expect(answerCues([opt("Always reply", true), opt("Never reply")])).toEqual([]);
  });

  it("finds absolute words as whole words, without case, after a French elision", () => {
    expect(absoluteWords("C’est automatique, TOUJOURS", "fr")).toEqual(["automatique", "toujours"]);
    expect(absoluteWords("L’automatique n’est jamais", "fr")).toEqual(["automatique", "jamais"]);
    expect(absoluteWords("Nevertheless, forever", "en")).toEqual([]);
  });
});
