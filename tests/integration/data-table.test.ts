/**
 * The back office's tables sort on the server (ADR 0030): /people by name, email or team, either way,
 * every row considered (not only the page shown); headers say which order they show (aria-sort) and
 * link to the other; a bad sort parameter falls back to the default rather than failing.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { Browser } from "../support/security";
import { startServer, type TestServer } from "../support/server";
import { createPerson, PASSWORD } from "../support/sso";

let server: TestServer;
let admin: Browser;

beforeAll(async () => {
  server = await startServer();
  await createPerson("table-admin@corp.test", { roles: ["admin"], name: "Mia Admin" });
  for (const [email, name] of [
    ["zoe@corp.test", "Anna Zed"],
    ["albert@corp.test", "Zack Albert"],
    ["marc@corp.test", "Marc Middle"],
  ])
    await createPerson(email!, { roles: ["employee"], name });
  admin = new Browser(server.url);
  await admin.signIn("table-admin@corp.test", PASSWORD);
});
afterAll(() => server.close());

const emailsIn = (html: string) => [...html.matchAll(/<td class="px-4 py-2">([^<@]+@corp\.test)<\/td>/g)].map((m) => m[1]);

it("sorts people by email, both ways, and marks the column", async () => {
  const up = await (await admin.get("/people?sort=email&dir=asc")).text();
  expect(emailsIn(up)).toEqual(["albert@corp.test", "marc@corp.test", "table-admin@corp.test", "zoe@corp.test"]);
  expect(up).toMatch(/<th scope="col" class="[^"]*" aria-sort="ascending"><a [^>]*href="\/people\?sort=email&amp;dir=desc"/);
  const down = await (await admin.get("/people?sort=email&dir=desc")).text();
  expect(emailsIn(down)).toEqual(["zoe@corp.test", "table-admin@corp.test", "marc@corp.test", "albert@corp.test"]);
  expect(down).toContain('aria-sort="descending"');
});

it("sorts by name by default, and ignores a sort it does not know", async () => {
  const byName = emailsIn(await (await admin.get("/people")).text());
  expect(byName).toEqual(["zoe@corp.test", "marc@corp.test", "table-admin@corp.test", "albert@corp.test"]);
  const response = await admin.get("/people?sort=password&dir=sideways");
  expect(response.status).toBe(200);
  expect(emailsIn(await response.text())).toEqual(byName);
});

it("keeps the order when searching", async () => {
  const html = await (await admin.get("/people?sort=email&dir=desc&q=corp.test")).text();
  expect(html).toContain('<input type="hidden" name="sort" value="email"/>');
  expect(emailsIn(html)).toEqual(["zoe@corp.test", "table-admin@corp.test", "marc@corp.test", "albert@corp.test"]);
});
