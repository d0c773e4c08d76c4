/**
 * A line diff for the studio (compare two versions of a module, show a trainer what a colleague
 * changed). Pure and small: the longest common subsequence of lines, after trimming the common
 * head and tail so that the usual edit (a few lines in a long file) costs little.
 */

export type DiffLine =
  | { kind: "same"; text: string; oldLine: number; newLine: number }
  | { kind: "removed"; text: string; oldLine: number }
  | { kind: "added"; text: string; newLine: number };

export type DiffStats = { added: number; removed: number; same: number };

/** Above this many cells the LCS table is not built: the differing middle is shown as replaced. */
const MAX_CELLS = 4_000_000;

export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  // A final newline ends the last line; it does not start an empty one.
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The lines of `before` and `after`, each marked same, removed or added, in reading order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  out.push(...diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head));
  for (let i = tail; i > 0; i--) {
    const oldIndex = a.length - i;
    const newIndex = b.length - i;
    out.push({ kind: "same", text: a[oldIndex]!, oldLine: oldIndex + 1, newLine: newIndex + 1 });
  }
  return out;
}

function diffMiddle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: "removed", text, oldLine: offset + i + 1 })),
      ...b.map((text, j): DiffLine => ({ kind: "added", text, newLine: offset + j + 1 })),
    ];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]!, oldLine: offset + i + 1, newLine: offset + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      // Removals before additions, so that a changed line reads "old, then new".
      out.push({ kind: "removed", text: a[i]!, oldLine: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: "added", text: b[j]!, newLine: offset + j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ kind: "removed", text: a[i]!, oldLine: offset + i + 1 });
  for (; j < m; j++) out.push({ kind: "added", text: b[j]!, newLine: offset + j + 1 });
  return out;
}

export function diffStats(lines: readonly DiffLine[]): DiffStats {
  const stats: DiffStats = { added: 0, removed: 0, same: 0 };
  for (const line of lines) stats[line.kind]++;
  return stats;
}

export type DiffHunk = { lines: DiffLine[] };

/**
 * The changed lines with `context` unchanged lines around them, as separate hunks (what a reader
 * needs of a long file). No hunk when nothing changed.
 */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] | null = null;
  lines.forEach((line, index) => {
    if (keep[index]) {
      current ??= [];
      current.push(line);
    } else if (current) {
      hunks.push({ lines: current });
      current = null;
    }
  });
  if (current) hunks.push({ lines: current });
  return hunks;
}
