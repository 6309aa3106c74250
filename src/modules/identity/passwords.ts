import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";

/** OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane (~60 ms here). */
const argon2Options = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const passwordLength = { min: 12, max: 256 } as const;

export type PasswordProblem = "missing" | "too_short" | "too_long" | "too_common" | "contains_email";

let commonPasswords: Set<string> | undefined;

/** The 10,000 most common passwords (shipped in the repository), compared case-insensitively. */
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.toLowerCase()),
  );
  return commonPasswords.has(password.toLowerCase());
}

export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  if (password.length === 0) return "missing";
  if ([...password].length < passwordLength.min) return "too_short";
  if (password.length > passwordLength.max) return "too_long";
  if (isCommon(password)) return "too_common";
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart))
    return "contains_email";
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Checking a password against a hash takes the same time whether or not the account exists, so that the
 * response time does not tell an attacker which e-mail addresses have accounts.
 */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("timing equaliser, never a real password");
  await verifyPassword(await dummyHash, password);
}
