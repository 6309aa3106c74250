import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: session ids, e-mail verification and password reset links, access tokens. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored; the secret itself exists in the cookie, the mailed link or the token alone. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
