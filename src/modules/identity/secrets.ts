import { isUuid } from "#core/db/ids.ts";

export interface CitizenSecret {
  citizenId: string;
  secret: string;
}

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
  if (rest.length > 0 || !isUuid(citizenId) || !secretPattern.test(secret)) return undefined;
  return { citizenId, secret };
}
