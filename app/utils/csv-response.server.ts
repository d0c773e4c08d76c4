/**
 * A CSV download written as it is read: rows in batches, a byte-order mark first so that spreadsheet
 * programs read UTF-8. Shared by the reports' exports and the audit log's export.
 */
import { stringify } from "csv-stringify/sync";

const BATCH = 2_000;

/** Download headers: `ambassade-<name>-<day>.<ext>`, never cached. */
export function downloadHeaders(name: string, ext: string, type: string, day = new Date().toISOString().slice(0, 10)) {
  return { "Content-Type": type, "Content-Disposition": `attachment; filename="ambassade-${name}-${day}.${ext}"`, "Cache-Control": "no-store" };
}

export function csvResponse(name: string, columns: string[], rows: Iterable<string[]>): Response {
  const iterator = rows[Symbol.iterator]();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const batch: string[][] = headerSent ? [] : [columns];
      headerSent = true;
      for (let i = 0; i < BATCH; i++) {
        const next = iterator.next();
        if (next.done) break;
        batch.push(next.value);
      }
      if (batch.length === 0) return controller.close();
      // A byte-order mark first, so that spreadsheet programs read the file as UTF-8.
      controller.enqueue(new TextEncoder().encode(stringify(batch)));
    },
  });
  const withBom = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array([0xef, 0xbb, 0xbf]));
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        controller.enqueue(value);
      }
      controller.close();
    },
  });
  return new Response(withBom, { headers: downloadHeaders(name, "csv", "text/csv; charset=utf-8") });
}
