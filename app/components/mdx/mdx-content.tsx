/**
 * Renders the JSON tree of a compiled module (app/content/mdx.server.ts) with React: each allowlisted
 * component and Markdown element maps to one of ours, with classes for a readable text. Anything
 * else renders nothing, and links and media are checked again (the compiler already rejected unsafe
 * ones). See docs/decisions/0005-safe-mdx-as-json-tree.md.
 */
import { Fragment, type ReactNode } from "react";
import type { MdxElement, MdxNode } from "~/content/mdx-components";
import { Callout, Example, Figure, PolicyClause, Video } from "./blocks";
import { interactiveElement } from "./interactive";

type Ctx = { lang: "fr" | "en" };

/** Elements whose whitespace-only text children are layout only (and invalid inside tables). */
const BLOCK_CONTAINERS = new Set(["#root", "ul", "ol", "table", "thead", "tbody", "tr", "blockquote", "section", "Callout", "Example", "PolicyClause"]);

/** Each Markdown element's class: the `.md-*` classes of app/styles/app.css (their look ships in the stylesheet, not in JavaScript). */
const CLASSES: Record<string, string> = {
  p: "md-p",
  h2: "md-h2",
  h3: "md-h3",
  h4: "md-h4",
  strong: "md-strong",
  em: "md-em",
  del: "md-del",
  a: "link",
  ul: "md-ul",
  ol: "md-ol",
  li: "md-li",
  blockquote: "md-blockquote",
  code: "md-code",
  pre: "md-pre",
  hr: "md-hr",
  table: "md-table",
  thead: "md-thead",
  tr: "md-tr",
  th: "md-th",
  td: "md-td",
  img: "md-img",
  section: "md-section",
};

const ALIGN: Record<string, string> = { left: "text-left", center: "text-center", right: "text-right" };

export function MdxContent({ nodes, lang }: { nodes: readonly MdxNode[]; lang: "fr" | "en" }) {
  return <>{renderChildren(nodes, "#root", { lang })}</>;
}

/** One element rendered live: a container that holds an interactive element (app/components/mdx/mdx-segments.tsx loads this module for it). */
export function LiveElement({ node, lang }: { node: MdxElement; lang: "fr" | "en" }) {
  return <>{renderElement(node, { lang })}</>;
}

function renderChildren(nodes: readonly MdxNode[] | undefined, parent: string, ctx: Ctx): ReactNode[] {
  if (!nodes) return [];
  const dropBlank = BLOCK_CONTAINERS.has(parent);
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    if (typeof node === "string") {
      if (!(dropBlank && node.trim() === "")) out.push(node);
      return;
    }
    const rendered = renderElement(node, ctx);
    if (rendered !== null) out.push(<Fragment key={index}>{rendered}</Fragment>);
  });
  return out;
}

const str = (node: MdxElement, name: string): string | undefined => {
  const value = node.p?.[name];
  return typeof value === "string" ? value : undefined;
};
const flag = (node: MdxElement, name: string): boolean => node.p?.[name] === true;

/** Links: http(s), mailto, in-page and relative; never a script or data URL. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // As the compiler does: ignore control and invisible characters a browser would skip in a scheme.
  const normalised = [...url]
    .filter((ch) => !isInvisible(ch.codePointAt(0) ?? 0))
    .join("")
    .toLowerCase();
  if (/^(https?:|mailto:)/.test(normalised)) return url;
  if (/^[a-z][a-z0-9+.-]*:/.test(normalised)) return undefined;
  return url;
}

function isInvisible(code: number): boolean {
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x200b && code <= 0x200f) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

/** Media: https or our own /media/ folder. */
export function safeMediaSrc(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^(https:\/\/|\/media\/)/i.test(url.trim()) ? url : undefined;
}

function headingClass(node: MdxElement, tag: "h2" | "h3" | "h4"): string {
  const hidden = (str(node, "className") ?? "").split(/\s+/).includes("sr-only");
  return hidden ? "sr-only" : CLASSES[tag]!;
}

function renderElement(node: MdxElement, ctx: Ctx): ReactNode {
  const children = () => renderChildren(node.c, node.t, ctx);
  const id = str(node, "id");
  switch (node.t) {
    // Components -----------------------------------------------------------------------------
    case "Callout":
      return (
        <Callout type={str(node, "type")} title={str(node, "title")}>
          {children()}
        </Callout>
      );
    case "Example":
      return (
        <Example kind={str(node, "kind")} title={str(node, "title")}>
          {children()}
        </Example>
      );
    case "PolicyClause":
      // React reserves `ref`: the clause number travels as `clauseRef`.
      return (
        <PolicyClause clauseRef={str(node, "ref") ?? ""} title={str(node, "title") ?? ""}>
          {children()}
        </PolicyClause>
      );
    case "KnowledgeCheck":
    case "Reflection":
      return interactiveElement(node);
    case "Figure": {
      const src = safeMediaSrc(str(node, "src"));
      return src ? <Figure src={src} alt={str(node, "alt") ?? ""} caption={str(node, "caption")} /> : null;
    }
    case "Video": {
      const src = safeMediaSrc(str(node, "src"));
      const captions = safeMediaSrc(str(node, "captions"));
      return src && captions ? <Video src={src} captions={captions} title={str(node, "title") ?? ""} lang={ctx.lang} /> : null;
    }

    // Markdown -------------------------------------------------------------------------------
    case "h1":
    case "h2":
      // The page's h1 is the module title: the content starts at h2.
      return (
        <h2 id={id} className={headingClass(node, "h2")}>
          {children()}
        </h2>
      );
    case "h3":
      return (
        <h3 id={id} className={headingClass(node, "h3")}>
          {children()}
        </h3>
      );
    case "h4":
    case "h5":
    case "h6":
      return (
        <h4 id={id} className={headingClass(node, "h4")}>
          {children()}
        </h4>
      );
    case "p":
      return <p className={CLASSES.p}>{children()}</p>;
    case "strong":
      return <strong className={CLASSES.strong}>{children()}</strong>;
    case "em":
      return <em className={CLASSES.em}>{children()}</em>;
    case "del":
      return <del className={CLASSES.del}>{children()}</del>;
    case "a": {
      const href = safeHref(str(node, "href"));
      if (!href) return <>{children()}</>;
      const external = /^https?:/i.test(href);
      return (
        <a
          id={id}
          href={href}
          className={CLASSES.a}
          rel={external ? "noopener noreferrer" : undefined}
          aria-label={str(node, "aria-label")}
          aria-describedby={str(node, "aria-describedby")}
        >
          {children()}
        </a>
      );
    }
    case "ul": {
      const tasks = (str(node, "className") ?? "").includes("contains-task-list");
      return <ul className={tasks ? "md-tasks" : CLASSES.ul}>{children()}</ul>;
    }
    case "ol":
      return <ol className={CLASSES.ol}>{children()}</ol>;
    case "li":
      return (
        <li id={id} className={CLASSES.li}>
          {children()}
        </li>
      );
    case "blockquote":
      return <blockquote className={CLASSES.blockquote}>{children()}</blockquote>;
    case "code":
      return <code className={CLASSES.code}>{children()}</code>;
    case "pre":
      return <pre className={CLASSES.pre}>{children()}</pre>;
    case "hr":
      return <hr className={CLASSES.hr} />;
    case "br":
      return <br />;
    case "table":
      return (
        <div className="md-table-box">
          <table className={CLASSES.table}>{children()}</table>
        </div>
      );
    case "thead":
      return <thead className={CLASSES.thead}>{children()}</thead>;
    case "tbody":
      return <tbody>{children()}</tbody>;
    case "tr":
      return <tr className={CLASSES.tr}>{children()}</tr>;
    case "th":
      return (
        <th scope="col" className={`${CLASSES.th} ${ALIGN[str(node, "align") ?? ""] ?? ""}`}>
          {children()}
        </th>
      );
    case "td":
      return <td className={`${CLASSES.td} ${ALIGN[str(node, "align") ?? ""] ?? ""}`}>{children()}</td>;
    case "img": {
      const src = safeMediaSrc(str(node, "src"));
      return src ? <img src={src} alt={str(node, "alt") ?? ""} title={str(node, "title")} loading="lazy" className={CLASSES.img} /> : null;
    }
    case "input":
      // GFM task lists: a read-only checkbox.
      return str(node, "type") === "checkbox" ? <input type="checkbox" checked={flag(node, "checked")} disabled readOnly className="mr-2" /> : null;
    case "sup":
      return <sup>{children()}</sup>;
    case "section":
      return <section className={CLASSES.section}>{children()}</section>;
    default:
      return null;
  }
}
