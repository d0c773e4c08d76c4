/**
 * The organisation's Ed25519 signing key for verifiable credentials. Created on first use and kept
 * beside the database (never in the repository), readable by the owner only, like the cookie secret
 * (app/utils/secret.server.ts). ISSUER_KEY_FILE may point elsewhere (a mounted secret).
 *
 * The public half is published as a JWKS at /.well-known/jwks.json; its `kid` is the RFC 7638
 * thumbprint of the public JWK, so a verifier can tell which key signed a credential.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "../../db/connection";

export type PublicJwk = { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; alg: "EdDSA"; use: "sig" };
export type IssuerKey = { privateKey: KeyObject; publicKey: KeyObject; kid: string; jwk: PublicJwk };

const globalForKey = globalThis as unknown as { __ambassadeIssuerKey?: { file: string; key: IssuerKey } };

export function issuerKeyFile(): string {
  return path.resolve(process.env.ISSUER_KEY_FILE ?? path.join(path.dirname(databasePath()), "issuer-ed25519.pem"));
}

function load(file: string): IssuerKey {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      // `wx`: if another process created it in the meantime, keep theirs.
      fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(file, "utf8"));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${file} does not hold an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  const x = (publicKey.export({ format: "jwk" }) as { x: string }).x;
  // RFC 7638: members in lexicographic order, no whitespace.
  const kid = createHash("sha256")
    .update(JSON.stringify({ crv: "Ed25519", kty: "OKP", x }))
    .digest("base64url");
  return { privateKey, publicKey, kid, jwk: { kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA", use: "sig" } };
}

/** The signing key, loaded once per process (and per key file, for tests). */
export function issuerKey(): IssuerKey {
  const file = issuerKeyFile();
  const cached = globalForKey.__ambassadeIssuerKey;
  if (cached && cached.file === file) return cached.key;
  const key = load(file);
  globalForKey.__ambassadeIssuerKey = { file, key };
  return key;
}
