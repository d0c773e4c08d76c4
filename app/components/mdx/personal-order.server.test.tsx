import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { readContentLibrary, type CompiledModule } from "~/content/library.server";
import { personalOptionOrder } from "~/domain/option-order";
import { translatorFor } from "~/i18n/i18n.server";
import { I18nProvider } from "~/i18n/react";
import { checkForDisplay } from "~/models/charter.server";
import { MdxSegments } from "./mdx-segments";
import { personalSegments, prerenderedSegments } from "./prerender.server";

const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The module's content as this person gets it, rendered (read-only checks: each option is a list
 * item): check id → option ids in the order shown. The checks render in the order the module holds them.
 */
function shownOrder(module: CompiledModule, moduleId: string, locale: "fr" | "en", personId: string): Map<string, string[]> {
  const segments = personalSegments(prerenderedSegments(module.tree, locale, locale), personId, moduleId);
  const html = renderToStaticMarkup(
    <I18nProvider translator={translatorFor(locale)}>
      <MdxSegments segments={segments} lang={locale} />
    </I18nProvider>,
  );
  const blocks = html.split('<ul class="md-choices-static">').slice(1);
  expect(blocks).toHaveLength(module.checks.length);
  const out = new Map<string, string[]>();
  module.checks.forEach((check, index) => {
    const list = blocks[index]!.slice(0, blocks[index]!.indexOf("</ul>"));
    const texts = [...list.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => decode(m[1]!));
    out.set(
      check.id,
      texts.map((text) => check.options.find((o) => o.text === text)?.id ?? `?${text}`),
    );
  });
  return out;
}

describe("options of knowledge checks in each person's own order", () => {
  it("renders every knowledge check of the real content in a stable order per person, different between people for some", async () => {
    const library = await readContentLibrary("content");
    let checks = 0;
    let differ = 0;
    for (const [moduleId, entry] of library.modules) {
      for (const locale of ["fr", "en"] as const) {
        const module = entry.locales[locale];
        if (!module) continue;
        const ada = shownOrder(module, moduleId, locale, "person-ada");
        const adaAgain = shownOrder(module, moduleId, locale, "person-ada");
        const bob = shownOrder(module, moduleId, locale, "person-bob");
        expect([...ada.keys()].sort()).toEqual(module.checks.map((c) => c.id).sort());
        for (const check of module.checks) {
          checks++;
          const ids = check.options.map((o) => o.id).sort();
          // Every option is shown exactly once, whoever reads it.
          expect([...ada.get(check.id)!].sort()).toEqual(ids);
          expect([...bob.get(check.id)!].sort()).toEqual(ids);
          // The same person always sees the same order.
          expect(adaAgain.get(check.id)).toEqual(ada.get(check.id));
          if (ada.get(check.id)!.join() !== bob.get(check.id)!.join()) differ++;
        }
        // Both languages share option ids: the same person sees the same order in either.
        if (locale === "en" && entry.locales.fr) {
          const fr = shownOrder(entry.locales.fr, moduleId, "fr", "person-ada");
          for (const [id, order] of ada) if (fr.has(id)) expect(order).toEqual(fr.get(id));
        }
      }
    }
    expect(checks).toBeGreaterThan(20);
    expect(differ).toBeGreaterThan(checks / 4);
  });

  it("leaves the cached segments untouched", () => {
    const tree = [{ t: "KnowledgeCheck", p: { id: "q", question: "?" }, c: ["o1", "o2", "o3", "o4"].map((id) => ({ t: "Option", p: { id }, c: [id] })) }];
    const cached = prerenderedSegments(tree, "en", "en");
    const before = JSON.stringify(cached);
    for (let i = 0; i < 20; i++) personalSegments(cached, `person-${i}`, "m");
    expect(JSON.stringify(cached)).toBe(before);
    expect(prerenderedSegments(tree, "en", "en")).toBe(cached);
  });

  it("moves the right answer: over many people, each position holds it", () => {
    const options = ["o1", "o2", "o3"].map((id) => ({ id }));
    const positions = new Set<number>();
    for (let i = 0; i < 50; i++) positions.add(personalOptionOrder(options, `p${i}`, "module:m/q").findIndex((o) => o.id === "o2"));
    expect([...positions].sort()).toEqual([0, 1, 2]);
  });
});

describe("options of the charter's comprehension check in each person's own order", () => {
  it("is stable per person and differs between people for some questions", async () => {
    const library = await readContentLibrary("content");
    const charter = [...library.charters.values()].pop()!;
    const order = (personId: string, locale: "fr" | "en") => checkForDisplay(charter, locale, personId).map((q) => q.options.map((o) => o.id).join());
    expect(order("person-ada", "fr")).toEqual(order("person-ada", "fr"));
    expect(order("person-ada", "fr")).toEqual(order("person-ada", "en"));
    const people = ["person-ada", "person-bob", "person-cy", "person-dee"];
    const differing = charter.check.questions.filter((_, index) => new Set(people.map((p) => order(p, "fr")[index])).size > 1);
    expect(differing.length).toBeGreaterThan(0);
    for (const view of checkForDisplay(charter, "en", "person-bob")) {
      const question = charter.check.questions.find((q) => q.id === view.id)!;
      expect(view.options.map((o) => o.id).sort()).toEqual(question.options.map((o) => o.id).sort());
    }
  });
});
