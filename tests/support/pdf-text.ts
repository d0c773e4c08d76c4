import zlib from "node:zlib";

/**
 * The text a PDF shows: its content streams inflated, the strings of its text operators read back
 * (pdf-lib writes the standard fonts' text as <hex> strings in WinAnsi). Used by the certificate's
 * integration test and its end-to-end spec.
 */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const parts: string[] = [];
  // Each stream's bytes are read by its /Length: compressed data may itself end with a carriage return, which a
  // pattern up to "\r\nendstream" would cut off (one certificate in 256, depending on its random id).
  for (const match of raw.matchAll(/\/Length (\d+)\b(?:(?!endobj)[\s\S])*?>>\s*stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const data = Buffer.from(raw.slice(start, start + Number(match[1])), "latin1");
    let content: string;
    try {
      content = zlib.inflateSync(data).toString("latin1");
    } catch {
      content = data.toString("latin1");
    }
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) parts.push(Buffer.from(hex!, "hex").toString("latin1"));
    for (const [, literal] of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) parts.push(literal!);
  }
  return parts.join("\n");
}
