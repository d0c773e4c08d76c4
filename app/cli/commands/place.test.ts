import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PERSONAS } from "../../domain/placement-personas";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-place-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** Runs the real CLI, as a trainer would: `node_modules/.bin/tsx app/cli/main.ts place …`. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node_modules/.bin/tsx", ["app/cli/main.ts", "place", ...args], { encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Jean, 58 (the persona table): knows the networks, hardly uses the account he has, some doubts → reluctant. */
const jean = PERSONAS.find((p) => p.name === "Jean")!.form;

describe("npm run cli -- place", () => {
  it("prints the level and its explanation in French by default", async () => {
    const out = await cli("--answers", write("jean.json", jean));
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("Votre niveau\u00a0: Réticent (reluctant)");
    expect(out.stdout).toContain("Pourquoi ce niveau\u00a0?");
    expect(out.stdout).toMatch(/- Vous utilisez peu les réseaux sociaux à titre personnel\u00a0: .*\(usage de \d+\u00a0%/);
  });

  it("prints in English with --lang en", async () => {
    const out = await cli("--answers", write("jean-en.json", jean), "--lang", "en");
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("Your level: Reluctant (reluctant)");
    expect(out.stdout).toContain("Why this level?");
    expect(out.stdout).toMatch(/- You hardly use social media personally: .*\(usage \d+%/);
  });

  it("explains each kind of bad answers file on stderr and exits with 1", async () => {
    const cases: [string, string, RegExp][] = [
      ["a missing file", path.join(dir, "nope.json"), /Cannot read .*nope\.json: no such file/],
      ["a file that is not JSON", write("broken.json", "{ frequency: daily"), /broken\.json is not valid JSON/],
      ["a JSON list", write("list.json", ["daily"]), /must hold a JSON object/],
      ["an unknown question", write("unknown-q.json", { ...jean, favourite_colour: "blue" }), /Unknown question "favourite_colour"/],
      ["an unknown option", write("unknown-o.json", { ...jean, frequency: "hourly" }), /Unknown option "hourly" for question "frequency"/],
      ["a missing answer", write("partial.json", { frequency: "daily" }), /has no answer/],
    ];
    const results = await Promise.all(cases.map(([, file]) => cli("--answers", file)));
    cases.forEach(([label, , message], i) => {
      const out = results[i]!;
      expect(out.status, label).toBe(1);
      expect(out.stdout, label).toBe("");
      expect(out.stderr, label).toMatch(message);
    });
  });

  it("prints the usage and exits with 2 for bad arguments", async () => {
    const [missing, lang] = await Promise.all([cli(), cli("--answers", write("jean-de.json", jean), "--lang", "de")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--answers is required");
    expect(missing.stderr).toContain("place --answers <file.json> [--lang fr|en]");
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain("--lang must be fr or en");
  });
});
