/** Every decision record has its date and status under the title, and a row in the index. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.resolve("docs/decisions");
const records = fs.readdirSync(dir).filter((f) => /^\d{4}-.*\.md$/.test(f));
const index = fs.readFileSync(path.join(dir, "README.md"), "utf8");

describe("docs/decisions", () => {
  it.each(records)("%s has a date, a status and a row in the index", (file) => {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    expect(text).toMatch(/^Date: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toMatch(/^Status: \S/m);
    expect(index).toContain(`(${file})`);
  });

  it("numbers each record once", () => {
    const numbers = records.map((f) => f.slice(0, 4));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
