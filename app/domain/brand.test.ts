import { describe, expect, it } from "vitest";
import { DEFAULT_ACCENT, MIN_CONTRAST_ON_ACCENT, checkAccent, contrastRatio, darkenUntilReadable, normaliseHex } from "./brand";

describe("accent colour", () => {
  it("normalises hex colours and refuses anything else", () => {
    expect(normaliseHex("#1E40AF")).toBe("#1e40af");
    expect(normaliseHex("14a")).toBe("#1144aa");
    for (const bad of ["", "#12", "#12345g", "red", "rgb(0,0,0)", "#1234567", "#1e40af;}body{"]) expect(normaliseHex(bad)).toBeNull();
  });

  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("accepts the default and dark colours, refuses light ones with a readable suggestion", () => {
    expect(checkAccent(DEFAULT_ACCENT).ok).toBe(true);
    expect(checkAccent("#0B6E4F")).toMatchObject({ ok: true, hex: "#0b6e4f" });
    const yellow = checkAccent("#ffd600");
    expect(yellow.ok).toBe(false);
    if (yellow.ok || yellow.problem !== "contrast") throw new Error("expected a contrast refusal");
    expect(yellow.ratio).toBeLessThan(MIN_CONTRAST_ON_ACCENT);
    expect(contrastRatio(yellow.suggestion, "#ffffff")).toBeGreaterThanOrEqual(MIN_CONTRAST_ON_ACCENT);
    expect(checkAccent("nope")).toEqual({ ok: false, problem: "format" });
  });

  it("darkens the hue just enough", () => {
    const suggestion = darkenUntilReadable("#ff8800");
    expect(contrastRatio(suggestion, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(suggestion, "#ffffff")).toBeLessThan(5.2);
  });
});
