import { z } from "zod";

export const newPasswordSchema = z
  .object({
    password: z.string({ error: "errors.required" }).min(10, "errors.passwordTooShort").max(200, "errors.tooLong"),
    confirm: z.string({ error: "errors.required" }).min(1, "errors.required"),
  })
  .refine((v) => v.password === v.confirm, { message: "errors.passwordMismatch", path: ["confirm"] });
