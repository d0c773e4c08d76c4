/** Where a zod issue's path points in a YAML document, so that content problems carry file:line:col. */
import { isMap, isScalar, isSeq, type Node as YamlNode } from "yaml";

/** Start offset of the deepest node that exists along `path`: a mapping entry's key, a list item, or a parent. */
export function locateYaml(root: unknown, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = root;
  let offset = rangeStart(root);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === "object" && "range" in node) {
    const range = (node as YamlNode).range;
    return range ? range[0] : undefined;
  }
  return undefined;
}

/** `questions[3].options[1].weights.humour`: readable in a CI log. `whole` names the empty path. */
export function describePath(path: readonly PropertyKey[], whole: string): string {
  if (path.length === 0) return whole;
  return path.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`)).join("");
}
