import { isUuid, uuidv7 } from "#core/db/ids.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { ValidationFailed } from "#core/http/errors.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { hashSecret, newSecret } from "#core/secrets.ts";
import {
  emailError,
  hashPassword,
  normalizeEmail,
  passwordError,
  spendPasswordCheckTime,
  verifyPassword,
} from "#modules/identity/auth-kit.ts";
import { operatorMessages } from "./operator.messages.ts";
import * as repo from "./operator.repo.ts";

const setupLinkHours = 24;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export interface Operator {
  id: string;
  email: string;
}

/** Only the hash of a setup link's secret is stored; anything that is not such a secret matches nothing. */
const setupTokenHash = (token: string) => (secretPattern.test(token) ? hashSecret(token) : undefined);

export type OperatorService = ReturnType<typeof createOperatorService>;

/**
 * Operator accounts: created from the command line with a one-time setup link (24 hours) to choose the
 * password; the second factor is set up at the first sign-in, as for staff.
 */
export function createOperatorService(db: Db) {
  return {
    /**
     * Creates the account, or renews the link of one whose password has not been chosen yet. Returns the
     * link's secret, which exists nowhere else.
     */
    create(emailInput: string, lang: Lang): Promise<{ id: string; token: string; renewed: boolean }> {
      const email = normalizeEmail(emailInput);
      const invalid = emailError(email, lang);
      if (invalid) throw ValidationFailed([invalid]);
      const token = newSecret();
      const expiresAt = new Date(Date.now() + setupLinkHours * 3_600_000);
      return inTransaction(db, async (tx) => {
        const existing = await repo.findByEmail(tx, email);
        if (existing) {
          if (!(await repo.renewSetup(tx, existing.id, hashSecret(token), expiresAt))) {
            const message = format(operatorMessages[lang].operatorExists, { email });
            throw ValidationFailed([{ field: "email", message }]);
          }
          return { id: existing.id, token, renewed: true };
        }
        const id = uuidv7();
        await repo.insertOperator(tx, {
          id,
          email,
          setup_token_hash: hashSecret(token),
          setup_expires_at: expiresAt,
        });
        return { id, token, renewed: false };
      });
    },

    /** The account a setup link is for, while the link is valid. */
    async setupFor(token: string): Promise<Operator | undefined> {
      const hash = setupTokenHash(token);
      const row = hash ? await repo.findBySetupToken(db, hash) : undefined;
      return row && { id: row.id, email: row.email };
    },

    /** Sets the password from the setup link (once); the operator's id, or undefined for a dead link. */
    async completeSetup(input: { token: string; password: string; confirm: string }, lang: Lang) {
      const operator = await this.setupFor(input.token);
      const hash = setupTokenHash(input.token);
      if (!operator || !hash) return undefined;
      const problem = passwordError(input.password, operator.email, lang);
      if (problem) throw ValidationFailed([problem]);
      if (input.password !== input.confirm)
        throw ValidationFailed([{ field: "confirm", message: operatorMessages[lang].passwordMismatch }]);
      return repo.completeSetup(db, hash, await hashPassword(input.password));
    },

    /** The password step: the same answer, in about the same time, whether or not the address has an account. */
    async checkPassword(email: string, password: string): Promise<string | undefined> {
      const row = await repo.findByEmail(db, normalizeEmail(email));
      if (!row?.password_hash) {
        await spendPasswordCheckTime(password);
        return undefined;
      }
      return (await verifyPassword(row.password_hash, password)) ? row.id : undefined;
    },

    /** An account that may sign in: its password has been chosen. */
    async find(id: string): Promise<Operator | undefined> {
      const row = isUuid(id) ? await repo.findById(db, id) : undefined;
      return row?.password_hash ? { id: row.id, email: row.email } : undefined;
    },

    recordLogin: (id: string) => repo.recordLogin(db, id),
  };
}
