/**
 * Renders a module's static content to HTML once per compiled tree and interface language, so that a
 * module page's React render covers only the page around it and the interactive elements (the static
 * part was most of the page's elements, and most of its CPU). The tree object changes whenever the
 * content does (the library caches by content hash), so it is the cache key.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MdxElement, MdxNode } from "~/content/mdx-components";
import { translatorFor } from "~/i18n/i18n.server";
import { I18nProvider } from "~/i18n/react";
import { personalOptionOrder } from "~/domain/option-order";
import type { Locale } from "../../../db/schema";
import { isInteractive } from "./interactive";
import { MdxContent } from "./mdx-content";
import type { MdxSegment } from "./mdx-segments";

const cache = new WeakMap<readonly MdxNode[], Map<string, MdxSegment[]>>();

export function prerenderedSegments(tree: readonly MdxNode[], contentLocale: Locale, uiLocale: Locale): MdxSegment[] {
  let byLocale = cache.get(tree);
  if (!byLocale) {
    byLocale = new Map();
    cache.set(tree, byLocale);
  }
  const key = `${contentLocale}/${uiLocale}`;
  let segments = byLocale.get(key);
  if (!segments) {
    segments = segment(tree, contentLocale, uiLocale);
    byLocale.set(key, segments);
  }
  return segments;
}

function segment(tree: readonly MdxNode[], contentLocale: Locale, uiLocale: Locale): MdxSegment[] {
  const translator = translatorFor(uiLocale);
  const out: MdxSegment[] = [];
  let run: MdxNode[] = [];
  const flush = () => {
    if (run.some((node) => typeof node !== "string" || node.trim() !== "")) {
      // A prefix per run keeps useId's ids (clause headings) unique across runs and the live page.
      const html = renderToStaticMarkup(
        <I18nProvider translator={translator}>
          <MdxContent nodes={run} lang={contentLocale} />
        </I18nProvider>,
        { identifierPrefix: `mdx${out.length}-` },
      );
      out.push({ html });
    }
    run = [];
  };
  for (const node of tree) {
    if (isInteractive(node)) {
      flush();
      out.push({ node: node as MdxElement });
    } else {
      run.push(node);
    }
  }
  flush();
  return out;
}

/**
 * The segments as `personId` sees them: the options of each knowledge check in that person's own
 * order (app/domain/option-order.ts), keyed by module and check. The cached segments are left
 * untouched: only the interactive nodes that hold a check are copied, the HTML runs are shared.
 */
export function personalSegments(segments: readonly MdxSegment[], personId: string, moduleId: string): MdxSegment[] {
  return segments.map((segment) => ("node" in segment ? { node: withPersonalOrder(segment.node, personId, moduleId) } : segment));
}

function withPersonalOrder(node: MdxElement, personId: string, moduleId: string): MdxElement {
  if (node.t === "KnowledgeCheck") {
    const children = node.c ?? [];
    const options = children.filter((child): child is MdxElement => typeof child !== "string" && child.t === "Option" && typeof child.p?.id === "string");
    const ordered = personalOptionOrder(
      options.map((option) => ({ id: option.p!.id as string, option })),
      personId,
      `module:${moduleId}/${String(node.p?.id ?? "")}`,
    );
    let next = 0;
    // Each option's place in the list is taken by the next option in the person's order.
    return {
      ...node,
      c: children.map((child) => (typeof child !== "string" && child.t === "Option" && typeof child.p?.id === "string" ? ordered[next++]!.option : child)),
    };
  }
  if (!node.c || !node.c.some((child) => typeof child !== "string" && isInteractive(child))) return node;
  return { ...node, c: node.c.map((child) => (typeof child === "string" || !isInteractive(child) ? child : withPersonalOrder(child, personId, moduleId))) };
}
