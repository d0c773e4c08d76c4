import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffLines } from "./diff";
import { composeSource, moduleTemplate, readFields, readSourceVersion, setSourceVersion, splitSource } from "./module-source";

const FILE = `---
id: demo-module
title: "A title: with a colon"
summary: "A summary."
duration: 12            # minutes
objectives:
  - "First objective"
  - "Second objective"
version: 3
---

Body text.
`;

const contentFiles = () => {
  const root = path.join("content", "modules");
  return readdirSync(root).flatMap((id) => ["fr", "en"].map((locale) => ({ id, source: readFileSync(path.join(root, id, `${locale}.mdx`), "utf8") })));
};

describe("splitSource", () => {
  it("splits the frontmatter off, and header + body is the file", () => {
    const split = splitSource(FILE);
    expect(split.header.endsWith("---\n")).toBe(true);
    expect(split.body).toBe("\nBody text.\n");
    expect(split.headerLines).toBe(10);
    expect(split.header + split.body).toBe(FILE);
    expect(split.yaml).toContain("id: demo-module");
  });

  it("keeps a file without (or with an unclosed) frontmatter as body", () => {
    expect(splitSource("Just text")).toEqual({ header: "", body: "Just text", headerLines: 0, yaml: null });
    expect(splitSource("---\nid: x\nno end").header).toBe("");
  });

  it("holds for every content file", () => {
    for (const { source } of contentFiles()) {
      const split = splitSource(source);
      expect(split.header + split.body).toBe(source);
      expect(split.headerLines).toBeGreaterThan(2);
    }
  });
});

describe("readFields and readSourceVersion", () => {
  it("reads the form fields and the version", () => {
    expect(readFields(FILE)).toEqual({
      title: "A title: with a colon",
      summary: "A summary.",
      duration: 12,
      objectives: ["First objective", "Second objective"],
    });
    expect(readSourceVersion(FILE)).toBe(3);
  });

  it("answers empty fields for a file without frontmatter", () => {
    expect(readFields("text")).toEqual({ title: "", summary: "", duration: null, objectives: [] });
    expect(readSourceVersion("text")).toBeNull();
  });
});

describe("composeSource", () => {
  it("gives back every content file byte for byte when nothing changed", () => {
    for (const { id, source } of contentFiles()) {
      const { body } = splitSource(source);
      expect(composeSource({ id, previous: source, fields: readFields(source), body })).toBe(source);
    }
  });

  it("changes only the edited field's line and keeps the rest, comments included", () => {
    const { body } = splitSource(FILE);
    const next = composeSource({ id: "demo-module", previous: FILE, fields: { ...readFields(FILE), title: "A new title" }, body });
    const changed = diffLines(FILE, next).filter((line) => line.kind !== "same");
    expect(changed.map((l) => `${l.kind}:${l.text}`)).toEqual(['removed:title: "A title: with a colon"', 'added:title: "A new title"']);
    expect(readFields(next).title).toBe("A new title");
  });

  it("writes objectives as a list, the duration as a number, and the body after the fence", () => {
    const next = composeSource({
      id: "demo-module",
      previous: FILE,
      fields: { ...readFields(FILE), duration: "15", objectives: ["One", 'Two "quoted"', "Three"] },
      body: "\nNew body.\r\n",
    });
    expect(readFields(next)).toMatchObject({ duration: 15, objectives: ["One", 'Two "quoted"', "Three"] });
    expect(splitSource(next).body).toBe("\nNew body.\n");
    expect(readSourceVersion(next)).toBe(3);
  });

  it("builds a whole frontmatter for a new file, in the usual key order", () => {
    const source = composeSource({
      id: "new-one",
      previous: null,
      fields: { title: "T", summary: "S", duration: 5, objectives: ["a", "b"] },
      body: "\nHello\n",
      version: 1,
    });
    expect(source).toBe('---\nid: "new-one"\ntitle: "T"\nsummary: "S"\nduration: 5\nobjectives:\n  - "a"\n  - "b"\nversion: 1\n---\n\nHello\n');
  });
});

describe("setSourceVersion", () => {
  it("rewrites the version line in place, keeping a comment", () => {
    expect(setSourceVersion(FILE, 4)).toBe(FILE.replace("version: 3", "version: 4"));
    const commented = FILE.replace("version: 3", "version: 3   # bumped by hand");
    expect(setSourceVersion(commented, 7)).toContain("version: 7   # bumped by hand\n---");
  });

  it("adds a version when the file has none", () => {
    const without = FILE.replace("version: 3\n", "");
    const next = setSourceVersion(without, 2);
    expect(readSourceVersion(next)).toBe(2);
    expect(splitSource(next).body).toBe(splitSource(FILE).body);
  });
});

describe("moduleTemplate", () => {
  it("has the module id and version 1 in both languages", () => {
    for (const locale of ["fr", "en"] as const) {
      const source = moduleTemplate("brand-new", locale);
      expect(source).toContain('id: "brand-new"');
      expect(readSourceVersion(source)).toBe(1);
      expect(source).toContain("<KnowledgeCheck");
    }
  });
});
