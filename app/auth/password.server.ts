import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default) with OWASP's recommended minimum cost.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * How many password verifications this process has run (real and decoy). Kept on globalThis so that
 * the server entry and the Remix bundle count together; the security suite reads it to prove that a
 * burst of sign-ins never verifies more passwords than the throttle allows.
 */
const counter = globalThis as unknown as { __ambassadePasswordVerifications?: number };
export function passwordVerifications(): number {
  return counter.__ambassadePasswordVerifications ?? 0;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  counter.__ambassadePasswordVerifications = passwordVerifications() + 1;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps the response time the same as a wrong password.
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy-password-never-valid");
  await verifyPassword(await decoyHash, password);
  return false;
}
