/**
 * A module's content as the server prerendered it (prerender.server.tsx): runs of HTML, and the interactive
 * elements, which React renders on every request. A knowledge check or a reflection at the top level (all of
 * today's content) needs only its own component; see mdx-html.tsx for the others (ADR 0038).
 */
import { interactiveElement } from "./interactive";
import { MdxHtml, type MdxSegment } from "./mdx-html";

export type { MdxSegment };

export function MdxSegments({ segments, lang }: { segments: readonly MdxSegment[]; lang: "fr" | "en" }) {
  return <MdxHtml segments={segments} lang={lang} own={interactiveElement} />;
}
