import { berlinDate, berlinDateTime } from "#core/dates/berlin.ts";
import type { Lang } from "#core/i18n/lang.ts";
import { formatCents } from "#core/money/index.ts";
import { type CatalogServiceApi, pick } from "#modules/catalog/index.ts";
import type { Payment, PaymentsService } from "#modules/payments/index.ts";
import { applicationMessages } from "./applications.messages.ts";
import { applicationPaths } from "./applications.paths.ts";
import type { Application } from "./applications.service.ts";
import type { Draft } from "./drafts.service.ts";
import { feeMessages } from "./fee.messages.ts";
import { feeDecisionText } from "./fees.ts";
import { payAction } from "./views/fee-payment.tsx";
import type { FeeCell, MyTownHallLists } from "./views/my-town-hall.tsx";

/**
 * The fee of a row: its state and amount, and "Jetzt bezahlen" while it can be paid; for a fee billed later
 * before the clerk set it, that it is still to be set (or that none is charged).
 */
function feeCell(
  application: Application,
  payment: Payment | undefined,
  base: string,
  lang: Lang,
  csrfToken: () => string,
): FeeCell {
  if (!payment) {
    const text = feeDecisionText(application.feeDecision, lang);
    return text === undefined ? undefined : { text, pay: undefined };
  }
  const t = feeMessages[lang];
  const pay = payAction(
    payment,
    { path: applicationPaths.payMine(base, payment.applicationId ?? "") },
    csrfToken,
  );
  return { text: `${t[`state_${payment.state}`]}: ${formatCents(payment.amountCents)}`, pay };
}

/**
 * The rows of "Mein Rathaus" at one municipality, in the citizen's language: links under `base` (its URL
 * prefix), dates as dd.mm.yyyy in Berlin time, a draft under its service's current name, an application
 * with the state of its fee. `csrfToken` is asked once at most (only when a fee can be paid).
 */
export async function myTownHallLists(
  catalog: CatalogServiceApi,
  at: { tenantId: string; base: string; lang: Lang },
  found: { drafts: Draft[]; applications: Application[] },
  fees: { payments: PaymentsService; csrfToken: () => string },
): Promise<MyTownHallLists> {
  const t = applicationMessages[at.lang];
  const payments = await fees.payments.forApplications(
    at.tenantId,
    found.applications.map((application) => application.id),
  );
  const serviceName = async (slug: string) => {
    const service = await catalog.bySlug(at.tenantId, slug);
    return service ? pick(service.name, at.lang).text : slug;
  };
  return {
    drafts: await Promise.all(
      found.drafts.map(async (draft) => ({
        service: await serviceName(draft.serviceSlug),
        changed: berlinDateTime(draft.updatedAt),
        keptUntil: berlinDate(draft.expiresAt),
        href: applicationPaths.review(at.base, draft.id),
      })),
    ),
    applications: found.applications.map((application) => ({
      service: application.serviceName,
      reference: application.reference,
      submitted: berlinDate(application.submittedAt),
      status: t[`status_${application.status}`],
      receiptHref: application.receiptFileId ? applicationPaths.receipt(at.base, application.id) : undefined,
      fee: feeCell(application, payments.get(application.id), at.base, at.lang, fees.csrfToken),
    })),
  };
}

/** A value made on first use and then kept (one CSRF token per page: a second would replace the first). */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
