import { describe, expect, it } from "vitest";
import enStudio from "../i18n/en/studio";
import frStudio from "../i18n/fr/studio";
import { PROBLEM_CODES, PROBLEM_TEMPLATES, coded, interpolate } from "./problem-codes";
import { compileModuleSource } from "./mdx.server";

// `{{de component}}` is the translator's French elision of `{{component}}` (d’…/de …).
const placeholders = (text: string) => [...text.matchAll(/\{\{(?:de )?(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("problem codes", () => {
  it("every code is said in French and English by the studio, with the same parameters", () => {
    const fr = frStudio.problems as Record<string, string>;
    const en = enStudio.problems as Record<string, string>;
    expect(Object.keys(fr).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) {
      // The studio's English is the command line's English.
      expect(en[code], code).toBe(PROBLEM_TEMPLATES[code]);
      expect(new Set(placeholders(fr[code]!)), code).toEqual(new Set(placeholders(PROBLEM_TEMPLATES[code])));
    }
  });

  it("builds the English message from the parameters, and leaves an unknown placeholder as it is", () => {
    expect(coded("oneCorrect", { found: 2 })).toEqual({ code: "oneCorrect", params: { found: 2 }, message: "a <KnowledgeCheck> has exactly one correct option (found 2)" });
    expect(interpolate("{{a}} and {{b}}", { a: "x" })).toBe("x and {{b}}");
  });

  it("gives the compiler's problems codes and parameters, keeping their positions", async () => {
    const result = await compileModuleSource('Intro.\n\n<script>x</script>\n\n<Callout type="loud">Hi</Callout>\n', "f.mdx");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ file: "f.mdx", line: 3, col: 1, code: "rawHtmlElement", params: expect.objectContaining({ name: "script" }) }),
      expect.objectContaining({ file: "f.mdx", line: 5, col: 1, code: "attributeValue", params: { component: "Callout", attribute: "type", value: "loud", allowed: '"info", "tip", "warning"' } }),
    ]);
  });
});
