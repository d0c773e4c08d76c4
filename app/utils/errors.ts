/**
 * A user's mistake detected below the route (duplicate email, stale token…). Routes turn it into a
 * 400 with per-field messages. Messages are i18n keys, translated by the route.
 */
export class InputError extends Error {
  constructor(
    public readonly fieldErrors: Record<string, string>,
    public readonly status: number = 400,
  ) {
    super(Object.values(fieldErrors).join("; "));
    this.name = "InputError";
  }
}
