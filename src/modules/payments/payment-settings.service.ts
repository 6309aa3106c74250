import { recordAudit } from "#core/audit/index.ts";
import { berlinDate } from "#core/dates/berlin.ts";
import { type Db, inTransaction } from "#core/db/transaction.ts";
import { formatReference } from "#core/references/index.ts";
import { paymentsRepo } from "./payments.repo.ts";
import type { ProviderName } from "./payments.schema.ts";

export interface PaymentSettings {
  kassenzeichenPattern: string;
  provider: ProviderName;
}

export const defaultPaymentSettings: PaymentSettings = {
  kassenzeichenPattern: "{prefix}-{year}-K{number}",
  provider: "epay-sim",
};

/** Why a Kassenzeichen pattern is refused (the staff page words each). */
export type PatternProblem =
  | "missing"
  | "too_long"
  | "placeholder_unknown"
  | "placeholder_repeated"
  | "number_missing"
  | "year_missing"
  | "characters"
  | "result_too_long";

export interface SettingsChange {
  kassenzeichenPattern: string;
  /** Any text from the form; only a platform configured in this installation is accepted. */
  provider: string;
  /** Who changes them (audit `payment.settings_changed`). */
  staffId: string;
  ip?: string;
  requestId?: string;
}

export type SettingsSaved =
  | { saved: true; before: PaymentSettings; after: PaymentSettings }
  | { saved: false; problems: { pattern?: PatternProblem; provider?: "unavailable" } };

const placeholders = ["prefix", "year", "number"];
const literals = /^[A-Za-z0-9/._-]*$/;
/** The check of `payments.kassenzeichen` (migration 0014). */
const kassenzeichenShape = /^[A-Za-z0-9/._-]{3,40}$/;
/** The longest a reference prefix may be (core/references) and a year's count that will not be reached. */
const longestPrefix = "ABCDEF";
const largeNumber = 9_999_999;

/**
 * Whether Kassenzeichen written with `pattern` always pass the payments table's check: `{prefix}`, `{year}`
 * and `{number}` at most once each, `{number}` and `{year}` present (the count starts again every year, so
 * without the year last year's numbers would come again), otherwise only the characters the check allows.
 */
export function kassenzeichenPatternProblem(pattern: string): PatternProblem | undefined {
  if (!pattern) return "missing";
  if (pattern.length > 60) return "too_long";
  const names = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? "");
  if (names.some((name) => !placeholders.includes(name))) return "placeholder_unknown";
  if (new Set(names).size < names.length) return "placeholder_repeated";
  if (!names.includes("number")) return "number_missing";
  if (!names.includes("year")) return "year_missing";
  if (!literals.test(pattern.replace(/\{(prefix|year|number)\}/g, ""))) return "characters";
  if (!kassenzeichenShape.test(formatReference(longestPrefix, 2026, largeNumber, pattern)))
    return "result_too_long";
  return undefined;
}

/** What core/references counts Kassenzeichen as. */
export const kassenzeichenScope = "payment";

/** The saved row, or the defaults while there is none. */
const toSettings = (row?: { kassenzeichen_pattern: string; provider: ProviderName }): PaymentSettings =>
  row ? { kassenzeichenPattern: row.kassenzeichen_pattern, provider: row.provider } : defaultPaymentSettings;

const berlinYear = (at: Date) => Number(berlinDate(at).slice(-4));

/** Reading, previewing and changing a municipality's payment settings (pattern and platform). */
export function createPaymentSettings(db: Db, providerNames: readonly ProviderName[]) {
  const isConfigured = (name: string): name is ProviderName =>
    (providerNames as readonly string[]).includes(name);

  async function settings(tenantId: string, executor: Db = db): Promise<PaymentSettings> {
    return toSettings(await paymentsRepo(executor).settings(tenantId));
  }

  return {
    settings,

    /**
     * The Kassenzeichen the next payment would get with `pattern` (default: the saved one), e.g.
     * `USI-2026-K000124`. Nothing is drawn: a payment created meanwhile takes this number.
     */
    async kassenzeichenPreview(tenantId: string, referencePrefix: string, pattern?: string, at = new Date()) {
      const year = berlinYear(at);
      const last = await paymentsRepo(db).lastReferenceNumber(tenantId, kassenzeichenScope, year);
      const used = pattern ?? (await settings(tenantId)).kassenzeichenPattern;
      return formatReference(referencePrefix, year, last + 1, used);
    },

    /**
     * Checks and saves the pattern and platform in one upsert, audit-logged (old → new) in the same
     * transaction when they change. Payments made before keep their Kassenzeichen and counting goes on.
     */
    async saveSettings(tenantId: string, input: SettingsChange): Promise<SettingsSaved> {
      const pattern = input.kassenzeichenPattern.trim();
      const { provider } = input;
      const problems = {
        pattern: kassenzeichenPatternProblem(pattern),
        provider: isConfigured(provider) ? undefined : ("unavailable" as const),
      };
      if (problems.pattern || !isConfigured(provider)) return { saved: false, problems };
      const after: PaymentSettings = { kassenzeichenPattern: pattern, provider };
      const before = await inTransaction(db, async (tx) => {
        const repo = paymentsRepo(tx);
        const previous = toSettings(await repo.lockSettings(tenantId));
        await repo.upsertSettings(tenantId, { kassenzeichen_pattern: pattern, provider: after.provider });
        if (previous.kassenzeichenPattern !== pattern || previous.provider !== after.provider)
          await recordAudit(tx, {
            tenantId,
            actor: { type: "staff", id: input.staffId },
            action: "payment.settings_changed",
            target: "payment_settings",
            ip: input.ip,
            requestId: input.requestId,
            details: {
              patternBefore: previous.kassenzeichenPattern,
              patternAfter: pattern,
              providerBefore: previous.provider,
              providerAfter: after.provider,
            },
          });
        return previous;
      });
      return { saved: true, before, after };
    },
  };
}
