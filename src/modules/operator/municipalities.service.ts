import { recordAudit } from "#core/audit/index.ts";
import { type Db, inTransaction, type Tx } from "#core/db/transaction.ts";
import { type FieldError, ValidationFailed } from "#core/http/errors.ts";
import { withQuery } from "#core/http/paths.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import type { Mailer } from "#core/mail/index.ts";
import {
  isEmailAddress,
  normalizeEmail,
  type SessionPolicy,
  validationErrors,
} from "#modules/identity/auth-kit.ts";
import { createStaffServices, type StaffService, staffPaths } from "#modules/staff/index.ts";
import {
  createTenantsService,
  reservedSlugs,
  type Tenant,
  type TenantInput,
  type TenantsService,
  validateTenantInput,
} from "#modules/tenants/index.ts";
import { operatorMessages } from "./operator.messages.ts";
import { lockMunicipalityCreation } from "./operator.repo.ts";

/** The fields of a new municipality and its first administrator, in the order the form shows them. */
export const municipalityFields = [
  "name",
  "officialName",
  "slug",
  "street",
  "postalCode",
  "city",
  "phone",
  "email",
  "website",
  "adminName",
  "adminEmail",
] as const;

export type MunicipalityInput = Record<(typeof municipalityFields)[number], string>;

/** Who creates it, for the new municipality's audit log: an operator in the console, or the command line. */
export interface OperatorActor {
  operatorId?: string;
  ip?: string;
  requestId?: string;
}

const maxLength = 200;
const adminFields: Record<string, string> = { displayName: "adminName", email: "adminEmail" };

function normalized(input: MunicipalityInput): MunicipalityInput {
  const trimmed = Object.fromEntries(
    municipalityFields.map((field) => [field, input[field].trim()]),
  ) as MunicipalityInput;
  return { ...trimmed, slug: trimmed.slug.toLowerCase(), email: normalizeEmail(trimmed.email) };
}

const tenantInputOf = (input: MunicipalityInput): TenantInput => ({
  slug: input.slug,
  name: input.name,
  officialName: input.officialName,
  street: input.street,
  postalCode: input.postalCode,
  city: input.city,
  phone: input.phone,
  email: input.email,
  website: input.website,
});

/** The tenants module's rules, in the operator's language, plus the contact details it does not check. */
function validate(input: MunicipalityInput, lang: Lang): FieldError[] {
  const t = operatorMessages[lang];
  const messages: Record<string, string> = {
    slug: format(reservedSlugs.has(input.slug) ? t.slugReserved : t.slugInvalid, { slug: input.slug }),
    name: input.name ? t.tooLong : t.nameMissing,
    officialName: input.officialName ? t.tooLong : t.officialNameMissing,
  };
  const errors = validateTenantInput(tenantInputOf(input)).map((error) => ({
    field: error.field,
    message: messages[error.field] ?? error.message,
  }));
  for (const field of ["street", "city", "phone"] as const) {
    if (input[field].length > maxLength) errors.push({ field, message: t.tooLong });
  }
  if (input.postalCode && !/^\d{5}$/.test(input.postalCode))
    errors.push({ field: "postalCode", message: t.postalCodeInvalid });
  if (input.email && !isEmailAddress(input.email))
    errors.push({ field: "email", message: t.contactEmailInvalid });
  const website = input.website;
  if (website && (!/^https?:\/\/\S+$/.test(website) || !URL.canParse(website) || website.length > maxLength))
    errors.push({ field: "website", message: t.websiteInvalid });
  const order = (field: string) => municipalityFields.indexOf(field as (typeof municipalityFields)[number]);
  return errors.sort((a, b) => order(a.field) - order(b.field));
}

/** Both entries in the new municipality's audit log, in the transaction that created it. */
async function recordCreation(
  tx: Tx,
  tenant: Tenant,
  admin: { id: string; email: string },
  actor: OperatorActor,
) {
  const event = {
    tenantId: tenant.id,
    actor: { type: "operator" as const, id: actor.operatorId },
    ip: actor.ip,
    requestId: actor.requestId,
  };
  await recordAudit(tx, {
    ...event,
    action: "operator.tenant_created",
    target: tenant.slug,
    details: { name: tenant.name, via: actor.operatorId ? "console" : "cli" },
  });
  await recordAudit(tx, {
    ...event,
    action: "staff.invited",
    target: admin.email,
    details: { staff: admin.id, roles: "admin" },
  });
}

export type MunicipalitiesService = ReturnType<typeof createMunicipalitiesService>;

/** Municipalities as operators see them, and creating one together with its first administrator. */
export function createMunicipalitiesService(deps: {
  db: Db;
  mailer: Mailer;
  tenants: TenantsService;
  staff: StaffService;
  sessionPolicy: SessionPolicy;
  serverSecret: string;
  publicUrl: string;
}) {
  /**
   * Invites the administrator through the staff service (its validation, its mail) over the transaction;
   * its field errors are renamed to the form's fields. Returns the account and the link the mail carries.
   */
  async function inviteAdministrator(
    tx: Tx,
    tenants: TenantsService,
    tenant: Tenant,
    input: MunicipalityInput,
    lang: Lang,
  ) {
    const { staff } = createStaffServices(tx, deps.mailer, tenants, deps.sessionPolicy, deps.serverSecret);
    const person = {
      displayName: input.adminName,
      email: input.adminEmail,
      roles: ["admin"],
      departmentIds: [],
    };
    let link = "";
    const linkTo = (token: string) => {
      link = `${deps.publicUrl}${withQuery(staffPaths.invitation(`/${tenant.slug}`), { token })}`;
      return link;
    };
    try {
      const admin = await staff.invite(tenant.id, person, lang, linkTo);
      return { admin, link };
    } catch (error) {
      const fields = validationErrors(error).map((e) => ({ ...e, field: adminFields[e.field] ?? e.field }));
      throw ValidationFailed(fields);
    }
  }

  return {
    async overview() {
      const tenants = await deps.tenants.list();
      return Promise.all(
        tenants.map(async (tenant) => ({
          name: tenant.name,
          slug: tenant.slug,
          hostnames: await deps.tenants.hostnamesOf(tenant.slug),
          staffCount: (await deps.staff.list(tenant.id)).length,
        })),
      );
    },

    /**
     * Creates the municipality and invites its first administrator (mail queued, link returned as well, for an
     * operator whose mail does not arrive). Any error leaves nothing behind.
     */
    async create(raw: MunicipalityInput, lang: Lang, actor: OperatorActor) {
      const input = normalized(raw);
      const errors = validate(input, lang);
      if (errors.length > 0) throw ValidationFailed(errors);
      const created = await inTransaction(deps.db, async (tx) => {
        await lockMunicipalityCreation(tx);
        // The tenants and staff services over this one transaction: municipality, administrator, queued mail
        // and audit entries are saved together or not at all.
        const tenants = createTenantsService(tx);
        if (await tenants.bySlug(input.slug)) {
          const message = format(operatorMessages[lang].slugTaken, { slug: input.slug });
          throw ValidationFailed([{ field: "slug", message }]);
        }
        const tenant = await tenants.save(tenantInputOf(input));
        const { admin, link } = await inviteAdministrator(tx, tenants, tenant, input, lang);
        await recordCreation(tx, tenant, admin, actor);
        return { tenant, admin, invitationLink: link };
      });
      await deps.tenants.refresh();
      return created;
    },
  };
}
