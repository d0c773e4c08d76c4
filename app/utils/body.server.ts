/**
 * A request body read up to a limit, whether the client declared its length or streamed it without one
 * (chunked): never buffered beyond `maxBytes`. Null when it is bigger; the caller answers its own 413.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(request.headers.get("Content-Length") ?? 0) > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Not cancelled: that would drop the connection before the 413 reaches the client (the
        // HTTP server discards the rest of the body, see app/server/http.ts).
        reader.releaseLock();
        return null;
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}
