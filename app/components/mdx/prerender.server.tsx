/**
 * Renders a module's static content to HTML once per compiled tree and interface language, so that a
 * module page's React render covers only the page around it and the interactive elements (the static
 * part was most of the page's elements, and most of its CPU). The tree object changes whenever the
 * content does (the library caches by content hash), so it is the cache key.
 */
import { renderToStaticMarkup } from "react-dom/server";
import type { MdxElement, MdxNode } from "~/content/mdx.server";
import { translatorFor } from "~/i18n/i18n.server";
import { I18nProvider } from "~/i18n/react";
import type { Locale } from "../../../db/schema";
import { MdxContent, isInteractive, type MdxSegment } from "./mdx-content";

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
