/**
 * The interactive elements of a module (a knowledge check, a reflection): the ones that read the page's state
 * (answers, saved text) and are rendered live, never ahead of time. Shared by the full renderer (mdx-content.tsx)
 * and the prerendered page's (mdx-segments.tsx), which needs nothing else in the common case.
 */
import type { ReactNode } from "react";
import type { MdxElement, MdxNode } from "~/content/mdx-components";
import { KnowledgeCheck } from "./knowledge-check";
import { Reflection } from "./reflection";

const INTERACTIVE = new Set(["KnowledgeCheck", "Reflection"]);

/** Whether a node is, or holds, an interactive element. */
export function isInteractive(node: MdxNode): boolean {
  return typeof node !== "string" && (INTERACTIVE.has(node.t) || (node.c ?? []).some(isInteractive));
}

const str = (node: MdxElement, name: string): string | undefined => {
  const value = node.p?.[name];
  return typeof value === "string" ? value : undefined;
};

/** A knowledge check or a reflection (null when it lacks what it needs); undefined for any other element. */
export function interactiveElement(node: MdxElement): ReactNode | undefined {
  if (node.t === "KnowledgeCheck") {
    const options = (node.c ?? []).flatMap((child) =>
      typeof child !== "string" && child.t === "Option" && str(child, "id")
        ? [{ id: str(child, "id")!, text: (child.c ?? []).filter((c): c is string => typeof c === "string").join("") }]
        : [],
    );
    const checkId = str(node, "id");
    if (!checkId || options.length === 0) return null;
    return <KnowledgeCheck id={checkId} question={str(node, "question") ?? ""} options={options} />;
  }
  if (node.t === "Reflection") {
    const reflectionId = str(node, "id");
    if (!reflectionId) return null;
    return <Reflection id={reflectionId} prompt={str(node, "prompt") ?? ""} review={node.p?.review === true} />;
  }
  return undefined;
}
