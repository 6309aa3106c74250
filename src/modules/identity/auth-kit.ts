/**
 * The sign-in building blocks of citizen accounts, for the other kinds of account (staff of a municipality,
 * installation operators): sessions, passwords, TOTP with recovery codes, the second-step cookie, waiting
 * times after failures, and the pages of the code step. Each kind brings its own tables.
 */

export type { SessionColumns, TotpColumns } from "./account-columns.ts";
export { emailError, isEmailAddress, normalizeEmail, passwordError } from "./accounts.service.ts";
export { siteOrigin, validationErrors, waitMessage } from "./identity.http.ts";
export { clearSessionCookie, sessionCookieName, setSessionCookie } from "./identity.session-plugin.ts";
export {
  type MandatoryTwoFactor,
  mandatoryTwoFactor,
  type SecondFactorMethod,
  type SignInAudit,
  type SignInEvent,
} from "./mandatory-two-factor.ts";
export {
  type PasskeyAudit,
  type PasskeyCeremonies,
  passkeyCeremonies,
  passkeyRows,
} from "./passkey-http.ts";
export { passkeyChallengeStore, passkeyTableStore } from "./passkeys.repo.ts";
export type { PasskeyColumns } from "./passkeys.schema.ts";
export { createPasskeyService, type PasskeyService } from "./passkeys.service.ts";
export {
  hashPassword,
  passwordLength,
  passwordProblem,
  spendPasswordCheckTime,
  verifyPassword,
} from "./passwords.ts";
export { secondStepCookie } from "./second-step.ts";
export { createSecretBox } from "./secret-box.ts";
export {
  createSessionCore,
  type OwnerCodec,
  type SessionInfo,
  type SessionPolicy,
  type SessionRecord,
  type SessionStore,
} from "./session-core.ts";
export { sessionTableStore } from "./sessions.repo.ts";
export { createThrottleService, signInKeys, type ThrottleService } from "./throttle.service.ts";
export { type TotpTables, totpStore } from "./totp.repo.ts";
export { createTotpService, type TotpService } from "./totp.service.ts";
export {
  type PasskeyCeremonyModel,
  PasskeyManagement,
  type PasskeyManagementModel,
  PasskeySignIn,
} from "./views/passkeys.tsx";
export { RecoveryCodesPage, SecondStepPage, TotpSetupPage } from "./views/totp.tsx";
