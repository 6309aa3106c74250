import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: session ids, e-mail verification and password reset links. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored; the secret itself exists in the cookie or the mailed link alone. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface CitizenSecret {
  citizenId: string;
  secret: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (value: string) => uuidPattern.test(value);
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Cookies and links carry "<citizen id>.<secret>": the id addresses the row (tables are keyed, and later
 * distributed, by citizen), the secret proves possession.
 */
export function composeSecret({ citizenId, secret }: CitizenSecret): string {
  return `${citizenId}.${secret}`;
}

export function parseSecret(value: unknown): CitizenSecret | undefined {
  if (typeof value !== "string" || value.length > 100) return undefined;
  const [citizenId = "", secret = "", ...rest] = value.split(".");
  if (rest.length > 0 || !uuidPattern.test(citizenId) || !secretPattern.test(secret)) return undefined;
  return { citizenId, secret };
}
