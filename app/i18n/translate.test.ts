import { afterEach, describe, expect, it, vi } from "vitest";
import { createTranslator, interpolate } from "./translate";

const fr = {
  greeting: "Bonjour {{name}}",
  nav: { track: { title: "Mon parcours" } },
  results_one: "{{count}} résultat",
  results_other: "{{count}} résultats",
  items_zero: "Aucun élément",
  items_one: "Un élément",
  items_other: "{{count}} éléments",
  plain: "{{count}} min",
};
const en = {
  greeting: "Hello {{name}}",
  results_one: "{{count}} result",
  results_other: "{{count}} results",
};

describe("translate", () => {
  afterEach(() => vi.restoreAllMocks());

  it("elides French articles before a vowel or a mute h: {{de name}}", () => {
    const { t } = createTranslator("fr", [{ of: "Accréditation {{de name}}", the: "Voir {{le thing}}", that: "Dites {{que name}} a signé" }]);
    expect(t("of", { name: "Emma Petit" })).toBe("Accréditation d’Emma Petit");
    expect(t("of", { name: "Hugo Robert" })).toBe("Accréditation d’Hugo Robert");
    expect(t("of", { name: "Lucas Bernard" })).toBe("Accréditation de Lucas Bernard");
    expect(t("of", { name: "Ambassade" })).toBe("Accréditation d’Ambassade");
    expect(t("the", { thing: "équipe" })).toBe("Voir l’équipe");
    expect(t("that", { name: "Emma" })).toBe("Dites qu’Emma a signé");
  });

  it("finds nested keys by their dotted path", () => {
    expect(createTranslator("fr", [fr]).t("nav.track.title")).toBe("Mon parcours");
  });

  it("fills {{name}} placeholders, more than once and without escaping (React escapes)", () => {
    const { t } = createTranslator("fr", [{ both: "{{a}} et {{ a }} <b>{{b}}</b>" }]);
    expect(t("both", { a: "L'équipe", b: 3 })).toBe("L'équipe et L'équipe <b>3</b>");
  });

  it("leaves a placeholder without a value visible", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(createTranslator("fr", [fr]).t("greeting")).toBe("Bonjour {{name}}");
    expect(interpolate("{{x}} / {{y}}", { x: 1 })).toBe("1 / {{y}}");
  });

  it("chooses plurals with the language's rules: French counts 0 and 1 as one, English only 1", () => {
    const tFr = createTranslator("fr", [fr]).t;
    const tEn = createTranslator("en", [en]).t;
    expect([0, 1, 2, 1.5].map((count) => tFr("results", { count }))).toEqual(["0 résultat", "1 résultat", "2 résultats", "1.5 résultat"]);
    expect([0, 1, 2].map((count) => tEn("results", { count }))).toEqual(["0 results", "1 result", "2 results"]);
  });

  it("uses key_zero for exactly 0 when it exists, and a key without suffixes as is", () => {
    const { t } = createTranslator("fr", [fr]);
    expect([0, 1, 5].map((count) => t("items", { count }))).toEqual(["Aucun élément", "Un élément", "5 éléments"]);
    expect(t("plain", { count: 45 })).toBe("45 min");
  });

  it("looks a key up in every group it was given", () => {
    const { t } = createTranslator("fr", [fr, { studio: { title: "Studio" } }]);
    expect(t("studio.title")).toBe("Studio");
    expect(t("nav.track.title")).toBe("Mon parcours");
  });

  it("shows a missing key as the key itself and warns once in development", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { t } = createTranslator("en", [en]);
    expect(t("studio.nowhere")).toBe("studio.nowhere");
    expect(t("studio.nowhere")).toBe("studio.nowhere");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain("studio.nowhere");
  });

  it("does not return a group of strings for a key that names one", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(createTranslator("fr", [fr]).t("nav.track")).toBe("nav.track");
  });
});
