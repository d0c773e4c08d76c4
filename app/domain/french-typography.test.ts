import { describe, expect, it } from "vitest";
import { describeTypographyFault, frenchTypographyFaults } from "./french-typography";

const rules = (text: string) => frenchTypographyFaults(text).map((fault) => fault.rule);

describe("French typography in prose", () => {
  it("accepts a text set the French way", () => {
    for (const text of [
      "L’équipe d’Emma publie aujourd’hui\u00a0: bravo\u202f! Et vous\u00a0?",
      "«\u00a0J’aime\u00a0», à 100\u00a0%\u202f; à 14:30, et (voir plus haut) rien d’autre.",
      "Vraiment\u202f?!",
      "Le lien https://exemple.fr/recherche?q=l'equipe&x=1 et contact@exemple.fr",
    ]) {
      expect(rules(text), text).toEqual([]);
    }
  });

  it("finds a straight apostrophe, a missing non-breaking space, bare guillemets, a bare percentage and (s)", () => {
    expect(rules("Vers l'accréditation")).toEqual(["apostrophe"]);
    expect(rules("Managers: Emma")).toEqual(["space"]);
    expect(rules("Bravo ! Et vous ? Oui ; non")).toEqual(["space", "space", "space"]);
    expect(rules("« J’aime »")).toEqual(["guillemets", "guillemets"]);
    expect(rules("100 % et 50%")).toEqual(["percent", "percent"]);
    expect(rules("3 personne(s)")).toEqual(["plural"]);
  });

  it("says where and what to write", () => {
    const [fault] = frenchTypographyFaults("Un texte assez long pour être coupé, puis l'équipe et la suite du texte.");
    expect(fault).toMatchObject({ rule: "apostrophe", index: 43, context: "…r être coupé, puis l'équipe et la suite d…" });
    expect(describeTypographyFault(fault!)).toBe(
      "French typography: a straight apostrophe ' in \"…r être coupé, puis l'équipe et la suite d…\": write ’ (U+2019)",
    );
  });
});
