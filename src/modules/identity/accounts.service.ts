import { uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction, type Tx } from "#core/db/transaction.ts";
import { isUniqueViolation } from "#core/db/unique-violation.ts";
import { type FieldError, ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import * as repo from "./accounts.repo.ts";
import { identityMessages } from "./identity.messages.ts";
import type { TokenPurpose } from "./identity.schema.ts";
import {
  hashPassword,
  type PasswordProblem,
  passwordProblem,
  spendPasswordCheckTime,
  verifyPassword,
} from "./passwords.ts";
import { composeSecret, parseSecret } from "./secrets.ts";

export type AccountMailKind =
  | "verify_email"
  | "already_registered"
  | "reset_password"
  | "change_email"
  | "email_changed";

/** Sends (enqueues, inside the transaction) the mails of the account flows; `link` is absolute. */
export type AccountMailer = (
  executor: Db | Tx,
  mail: { kind: AccountMailKind; to: string; lang: Lang; link: string },
) => Promise<void>;

/** Where mailed links lead: built by the routes, which know the host and municipality. */
export interface AccountLinks {
  verify(token: string): string;
  reset(token: string): string;
  forgotPassword(): string;
  confirmEmailChange(token: string): string;
}

const tokenLifetimeMs: Record<TokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
  change_email: 24 * 3_600_000,
};

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export function normalizeEmail(value: unknown): string {
  return typeof value === "string" ? value.trim().toLowerCase() : "";
}

export const isEmailAddress = (email: string) => email.length <= 254 && emailPattern.test(email);

export function emailError(email: string, lang: Lang): FieldError | undefined {
  const t = identityMessages[lang];
  if (!email) return { field: "email", message: t.emailMissing };
  if (!isEmailAddress(email)) return { field: "email", message: t.emailInvalid };
  return undefined;
}

const passwordMessageKey: Record<PasswordProblem, keyof (typeof identityMessages)["de"]> = {
  missing: "passwordMissing",
  too_short: "passwordTooShort",
  too_long: "passwordTooLong",
  too_common: "passwordTooCommon",
  contains_email: "passwordContainsEmail",
};

export function passwordError(password: string, email: string, lang: Lang): FieldError | undefined {
  const problem = passwordProblem(password, email);
  return problem && { field: "password", message: identityMessages[lang][passwordMessageKey[problem]] };
}

export type LoginResult =
  | { status: "ok"; citizenId: string }
  | { status: "invalid" }
  | { status: "unverified"; email: string };

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(db: Db, sendMail: AccountMailer) {
  async function issueToken(tx: Tx, citizenId: string, email: string, purpose: TokenPurpose) {
    await repo.expireTokens(tx, citizenId, purpose);
    const secret = newSecret();
    await repo.insertToken(tx, {
      citizen_id: citizenId,
      token_hash: hashSecret(secret),
      purpose,
      email,
      expires_at: new Date(Date.now() + tokenLifetimeMs[purpose]),
    });
    return composeSecret({ citizenId, secret });
  }

  return {
    findCitizen: (citizenId: string) => repo.findCitizenById(db, citizenId),

    /**
     * Registration answers the same whether or not the address has an account (no enumeration); an
     * existing account's owner gets a mail saying so instead of a verification link.
     */
    async register(input: { email: unknown; password: unknown }, lang: Lang, links: AccountLinks) {
      const email = normalizeEmail(input.email);
      const password = typeof input.password === "string" ? input.password : "";
      const errors = [emailError(email, lang), passwordError(password, email, lang)].filter(
        (e): e is FieldError => e !== undefined,
      );
      if (errors.length > 0) throw ValidationFailed(errors);
      const passwordHash = await hashPassword(password);
      await inTransaction(db, async (tx) => {
        const id = uuidv7();
        if (await repo.insertCitizen(tx, { id, email, password_hash: passwordHash })) {
          const token = await issueToken(tx, id, email, "verify_email");
          await sendMail(tx, { kind: "verify_email", to: email, lang, link: links.verify(token) });
        } else {
          await sendMail(tx, { kind: "already_registered", to: email, lang, link: links.forgotPassword() });
        }
      });
      return { email };
    },

    /** Confirms the address once per link; returns the citizen's id, or undefined for an unusable link. */
    async verifyEmail(token: unknown): Promise<string | undefined> {
      const parsed = parseSecret(token);
      if (!parsed) return undefined;
      return inTransaction(db, async (tx) => {
        const used = await repo.consumeToken(tx, parsed.citizenId, hashSecret(parsed.secret), "verify_email");
        if (!used) return undefined;
        await repo.markEmailVerified(tx, parsed.citizenId);
        return parsed.citizenId;
      });
    },

    /** Checks the password; an unverified account gets a fresh verification link instead of a session. */
    async login(
      input: { email: unknown; password: unknown },
      lang: Lang,
      links: AccountLinks,
    ): Promise<LoginResult> {
      const email = normalizeEmail(input.email);
      const password = typeof input.password === "string" ? input.password.slice(0, 1024) : "";
      const citizen = email ? await repo.findCitizenByEmail(db, email) : undefined;
      if (!citizen?.password_hash) {
        await spendPasswordCheckTime(password);
        return { status: "invalid" };
      }
      if (!(await verifyPassword(citizen.password_hash, password))) return { status: "invalid" };
      if (!citizen.email_verified_at) {
        await inTransaction(db, async (tx) => {
          const token = await issueToken(tx, citizen.id, citizen.email, "verify_email");
          await sendMail(tx, { kind: "verify_email", to: citizen.email, lang, link: links.verify(token) });
        });
        return { status: "unverified", email: citizen.email };
      }
      return { status: "ok", citizenId: citizen.id };
    },

    /** Always answers the same; only an existing account gets the mail. */
    async requestPasswordReset(input: { email: unknown }, lang: Lang, links: AccountLinks) {
      const email = normalizeEmail(input.email);
      const error = emailError(email, lang);
      if (error) throw ValidationFailed([error]);
      const citizen = await repo.findCitizenByEmail(db, email);
      if (citizen) {
        await inTransaction(db, async (tx) => {
          const token = await issueToken(tx, citizen.id, citizen.email, "reset_password");
          await sendMail(tx, { kind: "reset_password", to: citizen.email, lang, link: links.reset(token) });
        });
      }
      return { email };
    },

    /** Re-checks the password of a signed-in citizen before a sensitive change. */
    async checkPassword(citizenId: string, password: string): Promise<boolean> {
      const citizen = await repo.findCitizenById(db, citizenId);
      if (!citizen?.password_hash) return false;
      return verifyPassword(citizen.password_hash, password.slice(0, 1024));
    },

    /** A signed-in citizen's new password, after re-checking the current one. */
    async changePassword(
      citizenId: string,
      input: { currentPassword: unknown; password: unknown },
      lang: Lang,
    ): Promise<void> {
      const citizen = await repo.findCitizenById(db, citizenId);
      const current = typeof input.currentPassword === "string" ? input.currentPassword.slice(0, 1024) : "";
      const next = typeof input.password === "string" ? input.password : "";
      const currentOk = Boolean(
        citizen?.password_hash && (await verifyPassword(citizen.password_hash, current)),
      );
      const errors = [
        currentOk ? undefined : { field: "currentPassword", message: identityMessages[lang].passwordWrong },
        passwordError(next, citizen?.email ?? "", lang),
      ].filter((e): e is FieldError => e !== undefined);
      if (errors.length > 0 || !citizen) throw ValidationFailed(errors);
      await repo.setPasswordHash(db, citizen.id, await hashPassword(next));
    },

    /**
     * Sends a confirmation link to the new address; the account keeps its old address until the link is
     * followed. A new address that belongs to another account gets that account's "already registered"
     * mail instead, and the answer is the same, so nobody learns which addresses have accounts.
     */
    async requestEmailChange(
      citizenId: string,
      input: { email: unknown; currentPassword: unknown },
      lang: Lang,
      links: AccountLinks,
    ): Promise<{ email: string }> {
      const citizen = await repo.findCitizenById(db, citizenId);
      const email = normalizeEmail(input.email);
      const current = typeof input.currentPassword === "string" ? input.currentPassword.slice(0, 1024) : "";
      const currentOk = Boolean(
        citizen?.password_hash && (await verifyPassword(citizen.password_hash, current)),
      );
      const t = identityMessages[lang];
      const errors = [
        emailError(email, lang) ??
          (email === citizen?.email ? { field: "email", message: t.emailUnchanged } : undefined),
        currentOk ? undefined : { field: "currentPassword", message: t.passwordWrong },
      ].filter((e): e is FieldError => e !== undefined);
      if (errors.length > 0 || !citizen) throw ValidationFailed(errors);
      await inTransaction(db, async (tx) => {
        if (await repo.findCitizenByEmail(tx, email)) {
          await sendMail(tx, { kind: "already_registered", to: email, lang, link: links.forgotPassword() });
          return;
        }
        const token = await issueToken(tx, citizen.id, email, "change_email");
        await sendMail(tx, { kind: "change_email", to: email, lang, link: links.confirmEmailChange(token) });
      });
      return { email };
    },

    /** Moves the account to the confirmed new address and tells the old address; undefined for a bad link. */
    async confirmEmailChange(token: unknown, lang: Lang, links: AccountLinks): Promise<string | undefined> {
      const parsed = parseSecret(token);
      if (!parsed) return undefined;
      const before = await repo.findCitizenById(db, parsed.citizenId);
      if (!before) return undefined;
      try {
        return await inTransaction(db, async (tx) => {
          const used = await repo.consumeToken(
            tx,
            parsed.citizenId,
            hashSecret(parsed.secret),
            "change_email",
          );
          if (!used || !(await repo.changeEmail(tx, parsed.citizenId, used.email))) return undefined;
          await sendMail(tx, { kind: "email_changed", to: before.email, lang, link: links.forgotPassword() });
          return parsed.citizenId;
        });
      } catch (error) {
        // Another account took the address between the check and the update (unique index).
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },

    /** Whether a reset link can still be used, so the page can say so before a new password is typed. */
    async resetLinkUsable(token: unknown): Promise<boolean> {
      const parsed = parseSecret(token);
      return (
        parsed !== undefined &&
        (await repo.tokenUsable(db, parsed.citizenId, hashSecret(parsed.secret), "reset_password"))
      );
    },

    /** Sets the new password once per link; the caller ends all sessions of the returned citizen. */
    async resetPassword(
      input: { token: unknown; password: unknown },
      lang: Lang,
    ): Promise<string | undefined> {
      const parsed = parseSecret(input.token);
      if (!parsed) return undefined;
      const citizen = await repo.findCitizenById(db, parsed.citizenId);
      if (!citizen) return undefined;
      const password = typeof input.password === "string" ? input.password : "";
      const error = passwordError(password, citizen.email, lang);
      if (error) throw ValidationFailed([error]);
      const passwordHash = await hashPassword(password);
      return inTransaction(db, async (tx) => {
        const used = await repo.consumeToken(tx, citizen.id, hashSecret(parsed.secret), "reset_password");
        if (!used) return undefined;
        await repo.setPasswordHash(tx, citizen.id, passwordHash);
        // Following the mailed link proves control of the address.
        await repo.markEmailVerified(tx, citizen.id);
        return citizen.id;
      });
    },
  };
}
