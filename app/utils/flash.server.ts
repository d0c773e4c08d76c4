import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { secureCookies } from "./cookies.server";
import { appSecret } from "./secret.server";

/** A one-time message shown after a redirect ("Invitation sent"). Text is an i18n key. */
const flashSchema = z.object({
  kind: z.enum(["success", "error", "info"]),
  key: z.string().max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Flash = z.infer<typeof flashSchema>;

let cookie: ReturnType<typeof createCookie> | undefined;
function flashCookie() {
  cookie ??= createCookie("ambassade_flash", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: 60,
    secrets: [appSecret()],
  });
  return cookie;
}

export async function redirectWithFlash(url: string, flash: Flash, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie().serialize(flash));
  return redirect(url, { ...init, headers });
}

/** Reads the flash and queues its removal on the response. */
export async function consumeFlash(request: Request, context: AppLoadContext): Promise<Flash | null> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("ambassade_flash=")) return null;
  const raw = await flashCookie().parse(header);
  context.responseCookies.push(await flashCookie().serialize("", { maxAge: 0 }));
  const parsed = flashSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
