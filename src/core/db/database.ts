import type { AuditTables } from "#core/audit/audit.schema.ts";
import type { FilesTables } from "#core/files/files.schema.ts";
import type { JobsTables } from "#core/jobs/jobs.schema.ts";
import type { MailTables } from "#core/mail/mail.schema.ts";
import type { ReferencesTables } from "#core/references/references.schema.ts";
import type { ApplicationsTables } from "#modules/applications/applications.schema.ts";
import type { CatalogTables } from "#modules/catalog/catalog.schema.ts";
import type { FormsTables } from "#modules/forms/forms.schema.ts";
import type { IdentityTables } from "#modules/identity/identity.schema.ts";
import type { PasskeysTables } from "#modules/identity/passkeys.schema.ts";
import type { OperatorTables } from "#modules/operator/operator.schema.ts";
import type { PaymentsTables } from "#modules/payments/payments.schema.ts";
import type { TreasuryTables } from "#modules/payments/treasury.schema.ts";
import type { StaffTables } from "#modules/staff/staff.schema.ts";
import type { TenantsTables } from "#modules/tenants/tenants.schema.ts";

/** The one Kysely database type: every module's tables, combined. */
export interface Database
  extends TenantsTables,
    IdentityTables,
    PasskeysTables,
    StaffTables,
    OperatorTables,
    JobsTables,
    MailTables,
    AuditTables,
    ApplicationsTables,
    CatalogTables,
    FormsTables,
    FilesTables,
    ReferencesTables,
    PaymentsTables,
    TreasuryTables {}
