import type { Migration } from "kysely";
import * as tenants from "./20261127T0001_tenants.ts";
import * as jobsAndMail from "./20261127T0002_jobs_and_mail.ts";
import * as citizenAccounts from "./20261127T0003_citizen_accounts.ts";
import * as auditLog from "./20261127T0004_audit_log.ts";
import * as staffAccounts from "./20261127T0005_staff_accounts.ts";
import * as oidcLogins from "./20261127T0006_oidc_logins.ts";
import * as passkeys from "./20261127T0007_passkeys.ts";
import * as staffPasskeys from "./20261127T0008_staff_passkeys.ts";
import * as catalog from "./20261127T0009_catalog.ts";
import * as forms from "./20261127T0010_forms.ts";
import * as files from "./20261127T0011_files.ts";
import * as applications from "./20261127T0012_applications.ts";
import * as mailAttachments from "./20261127T0013_mail_attachments.ts";
import * as payments from "./20261127T0014_payments.ts";
import * as verifiedClaims from "./20261127T0015_verified_claims.ts";
import * as treasuryTokens from "./20261127T0016_treasury_tokens.ts";
import * as paymentPolicy from "./20261127T0017_payment_policy.ts";
import * as feeDecisions from "./20261127T0018_fee_decisions.ts";

/**
 * Every migration, by name, in the order they run. Listed explicitly (not read from the folder) so the same
 * code runs under tsx, vitest and a compiled build; test/db/migrations.test.ts fails when a file is missing here.
 */
export const migrations: Record<string, Migration> = {
  "20261127T0001_tenants": tenants,
  "20261127T0002_jobs_and_mail": jobsAndMail,
  "20261127T0003_citizen_accounts": citizenAccounts,
  "20261127T0004_audit_log": auditLog,
  "20261127T0005_staff_accounts": staffAccounts,
  "20261127T0006_oidc_logins": oidcLogins,
  "20261127T0007_passkeys": passkeys,
  "20261127T0008_staff_passkeys": staffPasskeys,
  "20261127T0009_catalog": catalog,
  "20261127T0010_forms": forms,
  "20261127T0011_files": files,
  "20261127T0012_applications": applications,
  "20261127T0013_mail_attachments": mailAttachments,
  "20261127T0014_payments": payments,
  "20261127T0015_verified_claims": verifiedClaims,
  "20261127T0016_treasury_tokens": treasuryTokens,
  "20261127T0017_payment_policy": paymentPolicy,
  "20261127T0018_fee_decisions": feeDecisions,
};
