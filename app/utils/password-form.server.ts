import { z } from "zod";

/** Length and confirmation; the strength check (assertAcceptablePassword) needs the person, so it follows. */
export const newPasswordSchema = z
  .object({
    password: z.string({ error: "errors.required" }).min(12, "security.errors.passwordTooShort").max(200, "errors.tooLong"),
    confirm: z.string({ error: "errors.required" }).min(1, "errors.required"),
  })
  .refine((v) => v.password === v.confirm, { message: "errors.passwordMismatch", path: ["confirm"] });
