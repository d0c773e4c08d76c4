import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadContentLibrary } from "~/content/library.server";
import type { MdxNode } from "~/content/mdx-components";
import { translatorFor } from "~/i18n/i18n.server";
import { I18nProvider } from "~/i18n/react";
import { MdxContent } from "./mdx-content";
import { MdxSegments } from "./mdx-segments";
import { prerenderedSegments } from "./prerender.server";

const page = (node: React.ReactNode, locale: "fr" | "en" = "fr") =>
  renderToStaticMarkup(<I18nProvider translator={translatorFor(locale)}>{node}</I18nProvider>);

describe("prerendered module content", () => {
  const tree: MdxNode[] = [
    { t: "h2", p: { id: "intro" }, c: ["Intro"] },
    "\n",
    { t: "Callout", p: { type: "tip" }, c: [{ t: "p", c: ["Think <twice> & post"] }] },
    "\n",
    { t: "KnowledgeCheck", p: { id: "q1", question: "Which?" }, c: [{ t: "Option", p: { id: "a" }, c: ["A"] }] },
    "\n",
    { t: "PolicyClause", p: { ref: "1", title: "One" }, c: [{ t: "p", c: ["x"] }] },
    { t: "PolicyClause", p: { ref: "2", title: "Two" }, c: [{ t: "p", c: ["y"] }] },
  ];

  it("renders the static runs to HTML and keeps the interactive elements for React", () => {
    const segments = prerenderedSegments(tree, "en", "en");
    expect(segments.map((s) => ("html" in s ? "html" : s.node.t))).toEqual(["html", "KnowledgeCheck", "html"]);
    const first = segments[0] as { html: string };
    expect(first.html).toContain('<h2 id="intro"');
    expect(first.html).toContain("Think &lt;twice&gt; &amp; post");
    expect(first.html).toContain("Tip");
  });

  it("labels the static components in the interface language", () => {
    const fr = prerenderedSegments(tree, "en", "fr")[0] as { html: string };
    expect(fr.html).toContain("Conseil");
  });

  it("is computed once per tree and language: a second page view renders nothing again", () => {
    expect(prerenderedSegments(tree, "en", "en")).toBe(prerenderedSegments(tree, "en", "en"));
    expect(prerenderedSegments(tree, "en", "fr")).not.toBe(prerenderedSegments(tree, "en", "en"));
  });

  it("gives the clause headings ids that stay unique across runs", () => {
    const html = page(<MdxSegments segments={prerenderedSegments(tree, "en", "en")} lang="en" />, "en");
    const ids = [...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  // The browser loads the full renderer on demand for such an element (mdx-html.tsx); the server has it from the start.
  it("renders an element that holds an interactive one with the full renderer, as the live page does", () => {
    const nested: MdxNode[] = [
      { t: "p", c: ["Before"] },
      {
        t: "Callout",
        p: { type: "warning", title: "Careful" },
        c: [{ t: "KnowledgeCheck", p: { id: "q2", question: "Sure?" }, c: [{ t: "Option", p: { id: "y" }, c: ["Yes"] }] }],
      },
    ];
    const segments = prerenderedSegments(nested, "en", "en");
    expect(segments.map((s) => ("html" in s ? "html" : s.node.t))).toEqual(["html", "Callout"]);
    const split = page(<MdxSegments segments={segments} lang="en" />, "en");
    const live = page(<MdxContent nodes={nested} lang="en" />, "en");
    expect(split).toContain("Sure?");
    expect(split).toContain("Careful");
    expect(split.replace(/<[^>]+>/g, "")).toBe(live.replace(/<[^>]+>/g, ""));
  });

  it("shows the same text as rendering the whole tree live, for every module of the real content", async () => {
    const library = await loadContentLibrary();
    const text = (html: string) =>
      html
        .replace(/<[^>]+>/g, "")
        .replace(/\s+/g, " ")
        .trim();
    let compared = 0;
    for (const [, versions] of library.modules) {
      for (const locale of ["fr", "en"] as const) {
        const module = versions.locales[locale];
        if (!module) continue;
        const live = page(<MdxContent nodes={module.tree} lang={locale} />, locale);
        const split = page(<MdxSegments segments={prerenderedSegments(module.tree, locale, locale)} lang={locale} />, locale);
        expect(text(split)).toBe(text(live));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
