import { stringify } from "csv-stringify/sync";
import { berlinDate } from "#core/dates/berlin.ts";
import { decimalComma } from "#core/money/index.ts";
import type { Booking } from "./treasury.service.ts";

/**
 * The columns of the daily reconciliation export, in order. Names are German, as the treasury's import
 * definitions are; the JSON endpoint carries the same fields under English names.
 */
const columns: { header: string; value: (booking: Booking) => string | number }[] = [
  { header: "Buchungsdatum", value: (b) => berlinDate(b.bookedAt) },
  { header: "Buchungsart", value: (b) => (b.kind === "payment" ? "Zahlung" : "Erstattung") },
  { header: "Kassenzeichen", value: (b) => b.kassenzeichen },
  // The one numeric cell: cents, written by `cast.number` below.
  { header: "Betrag", value: (b) => b.amountCents },
  { header: "Währung", value: (b) => b.currency },
  { header: "Verwendungszweck", value: (b) => b.purpose },
  { header: "Leistung", value: (b) => b.serviceSlug ?? "" },
  { header: "Zahlungsdienst", value: (b) => b.provider },
  { header: "Transaktions-ID des Zahlungsdienstes", value: (b) => b.providerPaymentId ?? "" },
  { header: "Zahlungs-ID", value: (b) => b.paymentId },
  { header: "Buchungs-ID", value: (b) => b.bookingId },
  { header: "Zahlungsart", value: (b) => b.method ?? "" },
  { header: "Status", value: (b) => b.state },
];

/**
 * The bookings of one day as CSV for the treasury: UTF-8 with a byte order mark (so spreadsheet programs do
 * not guess Windows-1252), `;` between cells and CRLF between lines (the German Excel convention), amounts
 * as `1234,56` and `-12,30` (decimal comma, no thousands separator: what accounting imports read), dates as
 * `dd.mm.yyyy`. Text cells that a spreadsheet would take for a formula get a leading `'` (CSV injection);
 * the amounts, being numbers, keep their minus sign.
 */
export function bookingsCsv(bookings: readonly Booking[]): Buffer {
  const text = stringify(
    bookings.map((booking) => columns.map((column) => column.value(booking))),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "\r\n",
      header: true,
      columns: columns.map((column) => column.header),
      escape_formulas: true,
      cast: { number: decimalComma },
    },
  );
  return Buffer.from(text, "utf8");
}
