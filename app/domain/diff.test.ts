import { describe, expect, it } from "vitest";
import { diffHunks, diffLines, diffStats, splitLines } from "./diff";

const kinds = (before: string, after: string) => diffLines(before, after).map((l) => `${l.kind === "same" ? " " : l.kind === "added" ? "+" : "-"}${l.text}`);

describe("splitLines", () => {
  it("does not count a final newline as an empty line, and reads CRLF as LF", () => {
    expect(splitLines("a\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
  });
});

describe("diffLines", () => {
  it("marks nothing when both texts are equal", () => {
    const lines = diffLines("a\nb\nc", "a\nb\nc");
    expect(diffStats(lines)).toEqual({ added: 0, removed: 0, same: 3 });
    expect(diffHunks(lines)).toEqual([]);
  });

  it("shows a changed line as removed then added, with the unchanged lines around it", () => {
    expect(kinds("a\nb\nc", "a\nB\nc")).toEqual([" a", "-b", "+B", " c"]);
  });

  it("finds the longest common subsequence in the middle", () => {
    expect(kinds("x\na\nb\nc\nd\ny", "x\nb\nc\ne\nd\ny")).toEqual([" x", "-a", " b", " c", "+e", " d", " y"]);
  });

  it("handles additions and removals at either end, and empty texts", () => {
    expect(kinds("", "a\nb")).toEqual(["+a", "+b"]);
    expect(kinds("a\nb", "")).toEqual(["-a", "-b"]);
    expect(kinds("b", "a\nb")).toEqual(["+a", " b"]);
    expect(kinds("a\nb", "a")).toEqual([" a", "-b"]);
  });

  it("numbers the lines of each side", () => {
    const lines = diffLines("a\nb\nc", "a\nc\nd");
    expect(lines).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "b", oldLine: 2 },
      { kind: "same", text: "c", oldLine: 3, newLine: 2 },
      { kind: "added", text: "d", newLine: 3 },
    ]);
  });

  it("keeps every line of both sides, in order", () => {
    const before = Array.from({ length: 60 }, (_, i) => `line ${i % 7}`).join("\n");
    const after = Array.from({ length: 55 }, (_, i) => `line ${(i * 3) % 7}`).join("\n");
    const lines = diffLines(before, after);
    expect(lines.filter((l) => l.kind !== "added").map((l) => l.text)).toEqual(splitLines(before));
    expect(lines.filter((l) => l.kind !== "removed").map((l) => l.text)).toEqual(splitLines(after));
  });
});

describe("diffHunks", () => {
  it("keeps the changed lines with their context, in separate hunks when far apart", () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join("\n");
    const after = before.replace("l2\n", "L2\n").replace("l17", "L17");
    const hunks = diffHunks(diffLines(before, after), 1);
    expect(hunks.map((h) => h.lines.map((l) => l.text))).toEqual([
      ["l1", "l2", "L2", "l3"],
      ["l16", "l17", "L17", "l18"],
    ]);
  });
});
