import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { formatCents } from "#core/money/index.ts";
import type { CatalogService, PaymentPolicy } from "#modules/catalog/index.ts";
import { type Answers, computedRows, type FormDefinition } from "#modules/forms/index.ts";
import type { FeeDecision } from "./applications.schema.ts";
import { feeMessages } from "./fee.messages.ts";

/** What an application costs and how it is paid, for the review page and the submission. */
export interface FeeSummary {
  /** The form's computed values (fee and its parts) and the service's fixed fee, as shown. */
  rows: { label: string; text: string }[];
  totalCents: number;
  /** The policy that applies: `none` whenever there is nothing to pay. */
  policy: PaymentPolicy;
  /** Text lines under the fees: the fee by-law and how paying works. */
  notes: string[];
}

/** The form's computed fee plus the service's fixed fee; zero fees skip payment whatever the policy says. */
export function feeSummary(
  service: CatalogService,
  definition: FormDefinition,
  answers: Answers,
  formFeeCents: number | undefined,
  lang: Lang,
): FeeSummary {
  const t = feeMessages[lang];
  const rows = computedRows(definition, answers, lang).map(({ label, text }) => ({ label, text }));
  const totalCents = (formFeeCents ?? 0) + service.fixedFeeCents;
  if (service.fixedFeeCents > 0) rows.push({ label: t.fixedFee, text: formatCents(service.fixedFeeCents) });
  const billedLater = service.paymentPolicy === "billed_later";
  const policy = totalCents > 0 || billedLater ? service.paymentPolicy : "none";
  // Billed later, the calculated fee is only what the clerk will probably set.
  if (policy !== "none" && totalCents > 0)
    rows.push({ label: billedLater ? t.expectedTotal : t.total, text: formatCents(totalCents) });
  const notes: string[] = [];
  if (policy !== "none" && service.feeLegalBasis)
    notes.push(format(t.legalBasis, { basis: service.feeLegalBasis }));
  if (policy !== "none") notes.push(t[`policy_${policy}`]);
  return { rows, totalCents, policy, notes };
}

/** Whether the application is sent only once the fee is paid. */
export const paysBeforeSubmission = (fee: FeeSummary) => fee.policy === "before_submission";

/** Whether a payment is opened when the application is submitted (billed later: when the clerk bills). */
export const opensPaymentAtSubmission = (fee: FeeSummary) =>
  fee.totalCents > 0 && ["before_submission", "with_submission", "optional"].includes(fee.policy);

/** A fee billed later that has no payment yet: still to be set by the clerk, or waived. */
export function feeDecisionText(decision: FeeDecision | undefined, lang: Lang): string | undefined {
  if (decision === "pending") return feeMessages[lang].feePending;
  if (decision === "waived") return feeMessages[lang].feeWaived;
  return undefined;
}
