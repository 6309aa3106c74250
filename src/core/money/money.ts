// Money is integer cents everywhere; these turn cents into the German notations and back.

/** The largest amount of one fee or payment, 1.000.000,00 €: catalog fees, fees set by staff, the platform. */
export const maxAmountCents = 100_000_000;

/** "1.234,56 €" (German format in both languages, as fee notices and receipts are German). */
export function formatCents(cents: number): string {
  return new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" })
    .format(cents / 100)
    .replace(/\u00a0/g, " ");
}

/**
 * "1234,56", "-12,30": a decimal comma, two decimals and no thousands separator, as spreadsheets and
 * accounting imports in German locales read a number in a CSV cell.
 */
export function decimalComma(cents: number): string {
  const whole = Math.abs(Math.trunc(cents));
  const sign = cents < 0 ? "-" : "";
  return `${sign}${Math.floor(whole / 100)},${String(whole % 100).padStart(2, "0")}`;
}

const euroPattern = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/**
 * Cents of an amount typed in euros: "12", "12,3", "12,34", "1.234,56" (an optional " €" is ignored).
 * Undefined for anything else, including more than two decimals and amounts above 10 million euros.
 */
export function parseEuroCents(text: string): number | undefined {
  const match = euroPattern.exec(text.trim().replace(/\s*€$/, ""));
  if (!match) return undefined;
  const euros = Number((match[1] ?? "").replaceAll(".", ""));
  const cents = euros * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return Number.isSafeInteger(cents) && euros <= 10_000_000 ? cents : undefined;
}
