import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { hashSecret } from "#core/secrets.ts";
import type { SecretBox } from "./secret-box.ts";
import type { TotpStore } from "./totp.repo.ts";

/** Codes of the previous and next 30-second step are accepted too, for phones whose clock is a little off. */
const toleranceSeconds = 30;
const recoveryCodeCount = 10;
// Base32 without 0/1/8/O/I/B, so a code read aloud or off paper is not misread.
const recoveryAlphabet = "ACDEFGHJKLMNPQRSTUVWXYZ234567";

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join(
    "",
  );
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");
const hashRecoveryCode = (code: string) => hashSecret(`recovery:${normalizeRecoveryCode(code)}`);

export type SecondFactor = "totp" | "recovery_code";

export type TotpService<Owner = string> = ReturnType<typeof createTotpService<Owner>>;

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and one-time recovery codes, for any kind of
 * account: `store` says where its TOTP state lives and `Owner` how one account is addressed.
 */
export function createTotpService<Owner>(
  db: Db,
  repo: TotpStore<Owner>,
  box: SecretBox,
  issuer = "Digitales Rathaus",
) {
  async function checkCode(secret: string, code: string, afterTimeStep?: number) {
    if (!/^\d{6}$/.test(code)) return undefined;
    const result = await verify({ secret, token: code, epochTolerance: toleranceSeconds, afterTimeStep });
    // The TOTP strategy reports the matched time step; otplib types the result as TOTP-or-HOTP.
    return result.valid && "timeStep" in result ? (result.timeStep as number) : undefined;
  }

  return {
    async status(owner: Owner) {
      const state = await repo.state(db, owner);
      const enabled = Boolean(state?.totp_enabled_at && state.totp_secret_enc);
      return { enabled, recoveryCodesLeft: enabled ? await repo.unusedRecoveryCodes(db, owner) : 0 };
    },

    /** A new secret to scan, kept pending until the first code confirms the app has it. */
    async beginSetup(owner: Owner, accountName: string) {
      const secret = generateSecret();
      await repo.setPending(db, owner, box.seal(secret));
      return this.setupView(secret, accountName);
    },

    /** The secret as text and as a QR code of its otpauth:// URI, for the authenticator app. */
    async setupView(secret: string, accountName: string) {
      const uri = generateURI({ issuer, label: accountName, secret });
      const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return { secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
    },

    /** The pending secret as the account holder sees it again after a wrong code. */
    async pendingSecret(owner: Owner): Promise<string | undefined> {
      const sealed = (await repo.state(db, owner))?.totp_pending_enc;
      return sealed ? box.open(sealed) : undefined;
    },

    /** Turns two-factor sign-in on when the code matches; returns the recovery codes, shown once. */
    async confirmSetup(owner: Owner, code: string): Promise<string[] | undefined> {
      const state = await repo.state(db, owner);
      const secret = state?.totp_pending_enc ? box.open(state.totp_pending_enc) : undefined;
      const step = secret ? await checkCode(secret, code.replace(/\s/g, "")) : undefined;
      if (!secret || step === undefined) return undefined;
      const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
      await inTransaction(db, async (tx) => {
        await repo.enable(tx, owner, box.seal(secret), step);
        await repo.replaceRecoveryCodes(tx, owner, codes.map(hashRecoveryCode));
      });
      return codes;
    },

    /** Accepts a current app code (each only once) or an unused recovery code. */
    async verify(owner: Owner, input: string): Promise<SecondFactor | undefined> {
      const state = await repo.state(db, owner);
      const secret =
        state?.totp_enabled_at && state.totp_secret_enc ? box.open(state.totp_secret_enc) : undefined;
      if (!secret) return undefined;
      const code = input.replace(/\s/g, "");
      const step = await checkCode(secret, code, state?.totp_last_step ?? undefined);
      if (step !== undefined) return (await repo.advanceStep(db, owner, step)) ? "totp" : undefined;
      if (normalizeRecoveryCode(code).length !== 10) return undefined;
      return (await repo.useRecoveryCode(db, owner, hashRecoveryCode(code))) ? "recovery_code" : undefined;
    },

    disable: (owner: Owner) => inTransaction(db, (tx) => repo.disable(tx, owner)),
  };
}
