import { recordAudit } from "#core/audit/index.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import type { Mailer } from "#core/mail/index.ts";
import { type Application, type ApplicationsService, feeDecisionMail } from "#modules/applications/index.ts";
import type { Payment, PaymentsService } from "#modules/payments/index.ts";
import type { Tenant } from "#modules/tenants/index.ts";

export interface DecideFeeDependencies {
  db: Db;
  applications: ApplicationsService;
  payments: PaymentsService;
  mailer: Mailer;
  publicUrl: string;
}

export type FeeDecided =
  | { ok: true; application: Application; payment?: Payment }
  | { ok: false; reason: "unknown" | "decided" };

/**
 * A clerk sets the fee of an application billed later, in one transaction with the application locked (two
 * clerks, or a double post, cannot both bill it: the second finds it decided): a fee above zero opens a
 * payment with its Kassenzeichen that the citizen pays from Mein Rathaus or the status check, zero waives
 * it. The citizen is mailed, and the decision audited, only if the transaction commits.
 */
export async function decideFee(
  deps: DecideFeeDependencies,
  input: {
    tenant: Tenant;
    applicationId: string;
    feeCents: number;
    staff: { id: string; ip: string; requestId: string };
    /** Only applications of these services (the clerk's departments); any when undefined. */
    serviceSlugs?: readonly string[];
  },
): Promise<FeeDecided> {
  const { tenant, feeCents, staff } = input;
  return inTransaction(deps.db, async (tx) => {
    const locked = await deps.applications.lock(tx, tenant.id, input.applicationId);
    if (!locked || (input.serviceSlugs && !input.serviceSlugs.includes(locked.serviceSlug)))
      return { ok: false, reason: "unknown" };
    if (locked.feeDecision !== "pending") return { ok: false, reason: "decided" };
    const decision = feeCents > 0 ? "billed" : "waived";
    const application = await deps.applications.recordFeeDecision(
      tx,
      tenant.id,
      locked.id,
      decision,
      feeCents,
    );
    const created =
      decision === "billed"
        ? await deps.payments.create(tx, {
            tenantId: tenant.id,
            referencePrefix: tenant.referencePrefix,
            applicationId: application.id,
            serviceSlug: application.serviceSlug,
            purpose: `${application.reference} ${application.serviceName}`.slice(0, 140),
            amountCents: feeCents,
            citizenId: application.citizenId ?? null,
            email: application.email,
            lang: application.lang,
            actor: `staff:${staff.id}`,
          })
        : undefined;
    await deps.mailer.enqueueMail(tx, feeDecisionMail(tenant, application, created?.payment, deps.publicUrl));
    await recordAudit(tx, {
      tenantId: tenant.id,
      actor: { type: "staff", id: staff.id },
      action: decision === "billed" ? "application.fee_billed" : "application.fee_waived",
      target: application.reference,
      ip: staff.ip,
      requestId: staff.requestId,
      details: created ? { kassenzeichen: created.payment.kassenzeichen, cents: feeCents } : {},
    });
    return { ok: true, application, payment: created?.payment };
  });
}
