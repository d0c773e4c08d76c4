/**
 * The baseline: a bare node:http server that answers every request with the same bytes (the module
 * page's HTML, fetched once from the real server). Run as its own process, like the app, so that the
 * ratio app / baseline measures what rendering the page costs beyond writing it to a socket.
 *   node --import tsx bench/baseline-server.ts <html-file> <port>
 */
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
if (!file || !port) {
  console.error("usage: baseline-server.ts <html-file> <port>");
  process.exit(2);
}
const body = fs.readFileSync(file);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length, "Cache-Control": "no-store" });
  res.end(body);
});
server.listen(Number(port), "127.0.0.1", () => console.info("baseline ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
