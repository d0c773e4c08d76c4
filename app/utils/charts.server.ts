/**
 * Charts drawn on the server with Observable Plot into SVG markup (a linkedom document stands in for
 * the browser's), so that no charting code reaches the browser. Each chart is an image with a label;
 * the page puts the same figures in a table beside it for screen readers and for reading. Plot's own
 * <style> element is removed (the Content-Security-Policy allows no inline style): the sizing rules
 * live in the stylesheet (`.chart svg`).
 */

const COLORS = ["#1d4ed8", "#b45309", "#047857", "#9d174d", "#4338ca", "#0f766e"];

/** Observable Plot and linkedom, loaded by the first chart drawn, not by every process at start (ADR 0039). */
async function loadPlot() {
  const [Plot, { parseHTML }] = await Promise.all([import("@observablehq/plot"), import("linkedom")]);
  return { Plot, document: parseHTML("<!doctype html><html><body></body></html>").document };
}

function serialize(node: unknown, label: string): string {
  const element = node as {
    querySelectorAll: (s: string) => { remove: () => void }[];
    removeAttribute: (n: string) => void;
    outerHTML: string;
    setAttribute: (n: string, v: string) => void;
  };
  for (const style of element.querySelectorAll("style")) style.remove();
  for (const styled of element.querySelectorAll("[style]") as unknown as { removeAttribute: (n: string) => void }[]) styled.removeAttribute("style");
  // The chart is one image with one label: the marks' own labels (on <g> elements) are not allowed there.
  for (const labelled of element.querySelectorAll("[aria-label], [aria-description]") as unknown as { removeAttribute: (n: string) => void }[]) {
    labelled.removeAttribute("aria-label");
    labelled.removeAttribute("aria-description");
  }
  element.removeAttribute("class");
  element.setAttribute("aria-label", label);
  element.setAttribute("role", "img");
  element.setAttribute("focusable", "false");
  return element.outerHTML;
}

/** Horizontal bars, one per row, each with its value written at its end. */
export async function barChart(input: { label: string; rows: readonly { label: string; value: number }[]; format?: (n: number) => string }): Promise<string> {
  const { Plot, document } = await loadPlot();
  const format = input.format ?? ((n: number) => String(n));
  const rows = input.rows.map((r) => ({ ...r }));
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  return serialize(
    Plot.plot({
      document,
      ariaLabel: input.label,
      width: 640,
      height: 30 + rows.length * 28,
      marginLeft: Math.min(260, 12 + longest * 6.5),
      marginRight: 60,
      x: { label: null, grid: true, nice: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [
        Plot.barX(rows, { x: "value", y: "label", fill: COLORS[0] }),
        Plot.text(rows, { x: "value", y: "label", text: (d: { value: number }) => format(d.value), textAnchor: "start", dx: 4, fill: "currentColor" }),
        Plot.ruleX([0]),
      ],
    }),
    input.label,
  );
}

/** Lines over months ("YYYY-MM"), one per series, with a legend. */
export async function monthlyChart(input: {
  label: string;
  months: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
}): Promise<string> {
  const { Plot, document } = await loadPlot();
  const points = input.series.flatMap((s) => s.values.map((value, i) => ({ month: new Date(`${input.months[i]}-01T00:00:00Z`), value, series: s.name })));
  return serialize(
    Plot.plot({
      document,
      ariaLabel: input.label,
      width: 640,
      height: 260,
      marginLeft: 48,
      x: { label: null, type: "utc", tickFormat: "%Y-%m" },
      y: { label: null, grid: true, nice: true, zero: true },
      color: { legend: false, domain: input.series.map((s) => s.name), range: COLORS },
      marks: [
        Plot.lineY(points, { x: "month", y: "value", stroke: "series", strokeWidth: 2 }),
        Plot.dot(points, { x: "month", y: "value", fill: "series", r: 3 }),
        Plot.ruleY([0]),
      ],
    }),
    input.label,
  );
}

/** The colour of each series in `monthlyChart`, for the legend the page draws in HTML. */
export function seriesColors(count: number): string[] {
  return Array.from({ length: count }, (_, i) => COLORS[i % COLORS.length]!);
}
