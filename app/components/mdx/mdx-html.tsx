/**
 * Content the server prerendered (prerender.server.tsx): runs of HTML, and the elements rendered live. Nothing of
 * the Markdown renderer ships with the page: an element rendered live that `own` does not render (one that holds an
 * interactive element deeper, a callout around a check) loads the full renderer, mdx-content.tsx, on demand
 * (ADR 0038). The charter page uses this alone; the module page through mdx-segments.tsx, with its checks and
 * reflections.
 */
import { Fragment, Suspense, type ComponentType, type ReactNode } from "react";
import type { MdxElement } from "~/content/mdx-components";

export type MdxSegment = { html: string } | { node: MdxElement };

type Live = ComponentType<{ node: MdxElement; lang: "fr" | "en" }>;
let live: Live | null = null;
let loading: Promise<void> | null = null;
const loadLive = () =>
  (loading ??= import("./mdx-content").then((module) => {
    live = module.LiveElement;
  }));
// The server renders in one pass: it has the full renderer from the start.
if (typeof document === "undefined") await loadLive();

/**
 * An element rendered by the full renderer. In the browser, until the renderer is there, it suspends: while the
 * page hydrates, React keeps the server's HTML in place and hydrates it once the renderer has loaded.
 */
function Nested({ node, lang }: { node: MdxElement; lang: "fr" | "en" }) {
  const Renderer = live;
  if (!Renderer) throw loadLive();
  return <Renderer node={node} lang={lang} />;
}

export function MdxHtml({
  segments,
  lang,
  own,
}: {
  segments: readonly MdxSegment[];
  lang: "fr" | "en";
  /** Renders the elements it knows (undefined for the others). */
  own?: (node: MdxElement) => ReactNode | undefined;
}) {
  return (
    <>
      {segments.map((segment, index) => {
        // Safe: React's own output (escaped text and attributes) for the allowlisted tree, made once.
        if ("html" in segment) return <div key={index} dangerouslySetInnerHTML={{ __html: segment.html }} />;
        const rendered = own?.(segment.node);
        return (
          <Fragment key={index}>
            {rendered !== undefined ? (
              rendered
            ) : (
              <Suspense fallback={null}>
                <Nested node={segment.node} lang={lang} />
              </Suspense>
            )}
          </Fragment>
        );
      })}
    </>
  );
}
