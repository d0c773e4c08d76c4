import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadContentLibrary } from "~/content/library.server";
import type { MdxNode } from "~/content/mdx-components";
import { translatorFor } from "~/i18n/i18n.server";
import { I18nProvider } from "~/i18n/react";
import { MdxContent, safeHref } from "./mdx-content";

function render(nodes: MdxNode[], lang: "fr" | "en" = "fr"): string {
  return renderToStaticMarkup(
    <I18nProvider translator={translatorFor(lang)}>
      <MdxContent nodes={nodes} lang={lang} />
    </I18nProvider>,
  );
}

describe("MdxContent", () => {
  it("maps Markdown elements to readable, styled HTML and keeps heading ids for the table of contents", () => {
    const html = render([
      { t: "h2", p: { id: "why" }, c: ["Why"] },
      "\n",
      {
        t: "p",
        c: ["Plain ", { t: "strong", c: ["bold"] }, " ", { t: "em", c: ["italic"] }, " ", { t: "a", p: { href: "https://example.com" }, c: ["link"] }],
      },
      { t: "ul", c: ["\n", { t: "li", c: ["one"] }, "\n"] },
    ]);
    expect(html).toContain('<h2 id="why"');
    expect(html).toContain("<strong");
    expect(html).toContain("bold</strong> <em");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).not.toMatch(/<ul[^>]*>\n/);
  });

  it("renders nothing for elements it does not know, and drops unsafe links and media", () => {
    const html = render([
      { t: "script", c: ["alert(1)"] },
      { t: "iframe", p: { src: "https://evil.example" } },
      {
        t: "p",
        c: [
          { t: "a", p: { href: "javascript:alert(1)" }, c: ["click"] },
          { t: "a", p: { href: " JaVa\tScRiPt:alert(1)" }, c: ["again"] },
        ],
      },
      { t: "img", p: { src: "data:image/png;base64,AAAA", alt: "x" } },
      { t: "Figure", p: { src: "http://insecure.example/a.png", alt: "x" } },
    ]);
    expect(html).not.toContain("alert(1)</script>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("javascript");
    expect(html).not.toMatch(/javascript/i);
    expect(html).toContain("click");
    expect(html).not.toContain("<img");
    expect(safeHref("mailto:a@b.test")).toBe("mailto:a@b.test");
    expect(safeHref("#section")).toBe("#section");
    expect(safeHref("vbscript:x")).toBeUndefined();
  });

  it("keeps tables valid: no text nodes between rows", () => {
    const html = render([
      {
        t: "table",
        c: [
          "\n",
          { t: "thead", c: ["\n", { t: "tr", c: ["\n", { t: "th", p: { align: "center" }, c: ["A"] }, "\n"] }] },
          { t: "tbody", c: [{ t: "tr", c: [{ t: "td", c: ["1"] }] }, "\n"] },
        ],
      },
    ]);
    expect(html).not.toMatch(/>\s+</);
    expect(html).toContain('scope="col"');
    expect(html).toContain("text-center");
  });

  it("renders the components: callout, examples, charter clause (ref under another name), figure, video", () => {
    const html = render(
      [
        { t: "Callout", p: { type: "warning", title: "Careful" }, c: [{ t: "p", c: ["Inside"] }] },
        { t: "Example", p: { kind: "dont", title: "Bad" }, c: [{ t: "p", c: ["Nope"] }] },
        { t: "PolicyClause", p: { ref: "2.3", title: "Disclosure" }, c: [{ t: "p", c: ["Say who you are."] }] },
        { t: "Figure", p: { src: "https://cdn.example/a.png", alt: "A chart", caption: "Growth" } },
        { t: "Video", p: { src: "/media/v.mp4", captions: "/media/v.vtt", title: "Intro" } },
      ],
      "en",
    );
    expect(html).toContain('role="note"');
    expect(html).toContain("Warning");
    expect(html).toContain("Don&#x27;t");
    expect(html).toContain("Clause 2.3");
    expect(html).not.toContain('ref="2.3"');
    expect(html).toContain('alt="A chart"');
    expect(html).toContain("<figcaption");
    expect(html).toContain('<track kind="captions" src="/media/v.vtt" srcLang="en"');
  });

  it("renders a knowledge check outside a module page read-only, with its options and no form", () => {
    const html = render([
      {
        t: "KnowledgeCheck",
        p: { id: "k", question: "Which?" },
        c: [
          { t: "Option", p: { id: "o1" }, c: ["First"] },
          { t: "Option", p: { id: "o2" }, c: ["Second"] },
        ],
      },
    ]);
    expect(html).toContain("Which?");
    expect(html).toContain("Second");
    expect(html).not.toContain("<form");
  });

  it("renders every module of the library in both languages", async () => {
    const library = await loadContentLibrary();
    expect(library.modules.size).toBeGreaterThan(0);
    for (const [id, entry] of library.modules) {
      for (const locale of ["fr", "en"] as const) {
        const module = entry.locales[locale];
        expect(module, `${id} ${locale}`).toBeDefined();
        const html = render(module!.tree, locale);
        for (const heading of module!.headings) expect(html, `${id} ${locale}`).toContain(`id="${heading.id}"`);
        for (const check of module!.checks) {
          for (const option of check.options) expect(html).not.toContain(option.explanation.replace(/'/g, "&#x27;").replace(/"/g, "&quot;"));
        }
      }
    }
  });
});
