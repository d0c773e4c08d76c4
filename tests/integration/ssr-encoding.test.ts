/**
 * React 18.3's streaming renderer wrote a whole 2,048-byte buffer when a multi-byte character did not fit
 * at its end, so a zero byte appeared in the page ("déjà r\u0000éussi"). Patched (patches/react-dom+18.3.1.patch,
 * ADR 0035): whatever the offset of an accented character, the page holds no zero byte and reads as written.
 */
import { PassThrough } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

function render(pad: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    const { pipe } = renderToPipeableStream(
      createElement(
        "div",
        null,
        createElement("span", null, "a".repeat(pad)),
        ...Array.from({ length: 300 }, (_, i) => createElement("span", { key: i }, WORDS)),
      ),
      { onAllReady: () => pipe(sink), onError: reject },
    );
  });
}

/** Small text chunks, each with two-byte characters: one of them straddles the buffer's end for some padding. */
const WORDS = "déjà réussi";

describe("the server's HTML stream", () => {
  it("never writes a zero byte where an accented character falls at the end of a buffer", async () => {
    for (let pad = 0; pad < 40; pad++) {
      const html = await render(pad);
      expect(html.includes("\u0000"), `padding ${pad}`).toBe(false);
      expect(html.split(WORDS)).toHaveLength(301);
    }
  });
});
