import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { createJobQueue } from "#core/jobs/index.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createTestPayment, epayNotificationFor, signed, testPlatform } from "#test/payment-platform.ts";
import { insertTenantRow } from "#test/tenant-rows.ts";
import type { Payment } from "./payments.model.ts";
import { createPaymentsService, type PaymentsService } from "./payments.service.ts";
import { createTreasuryService, isIsoDay, type TreasuryService } from "./treasury.service.ts";

/** "1234,56" / "-12,30" back to cents, as a spreadsheet would read the cell. */
const centsOf = (cell: string) => Math.round(Number(cell.replace(",", ".")) * 100);

describe.each(testDrivers())("treasury on %s", (driver) => {
  let database: DatabaseHandle;
  let usingen: string;
  let other: string;
  let payments: PaymentsService;
  let treasury: TreasuryService;
  const platform = testPlatform();
  const clerk = uuidv7();
  const day = "2026-03-29"; // the night the clocks go forward: the Berlin day has 23 hours

  /** A payment made and paid through the payments service, its money booked at `at`. */
  async function paid(tenantId: string, at: string, input: { amountCents: number; purpose?: string }) {
    const { payment } = await createTestPayment(database.db, payments, { tenantId, ...input });
    await payments.startAttempt({
      tenantId,
      tenantSlug: "usingen",
      paymentId: payment.id,
      actor: "citizen",
      returnUrl: "http://localhost/zurueck",
      callbackUrl: "http://localhost/callback",
    });
    const attemptId = platform.started.at(-1)?.attemptId ?? "";
    const { body, headers } = signed(epayNotificationFor(payment, attemptId, "PAYED"));
    expect((await payments.applyNotification(tenantId, "epay-sim", body, headers)).changed).toBe(true);
    await database.db
      .updateTable("payments")
      .set({ succeeded_at: new Date(at) })
      .where("id", "=", payment.id)
      .execute();
    return payment;
  }

  async function refund(payment: Payment, amountCents: number, at: string) {
    const current = await payments.get(payment.tenantId, payment.id);
    await payments.refund({
      tenantId: payment.tenantId,
      paymentId: payment.id,
      staffId: clerk,
      amountCents,
      reason: "Antrag zurückgenommen",
      expectedRefundableCents: current?.refundableCents ?? 0,
    });
    await database.db
      .updateTable("payment_refunds")
      .set({ created_at: new Date(at) })
      .where("payment_id", "=", payment.id)
      .where("created_at", ">", new Date("2026-06-01"))
      .execute();
  }

  let before: Payment;
  let first: Payment;
  let last: Payment;
  let after: Payment;
  let tricky: Payment;

  beforeAll(async () => {
    database = await freshDatabase(driver);
    usingen = await insertTenantRow(database.db, "usingen");
    other = await insertTenantRow(database.db, "other");
    payments = createPaymentsService(database.db, {
      providers: { "epay-sim": platform.provider },
      jobs: createJobQueue(database.db),
      attemptMinutes: 30,
    });
    treasury = createTreasuryService(database.db);
    before = await paid(usingen, "2026-03-28T22:59:59Z", { amountCents: 5000 }); // 23:59:59 on the 28th
    first = await paid(usingen, "2026-03-28T23:00:00Z", { amountCents: 123456 }); // midnight, Berlin
    last = await paid(usingen, "2026-03-29T21:59:59Z", { amountCents: 2500 }); // 23:59:59 summer time
    after = await paid(usingen, "2026-03-29T22:00:00Z", { amountCents: 700 }); // the 30th
    tricky = await paid(usingen, "2026-03-29T12:30:00Z", {
      amountCents: 1999,
      purpose: '=HYPERLINK("http://x");Gebühr für "Sondernutzung"',
    });
    await paid(other, "2026-03-29T12:00:00Z", { amountCents: 9900 });
    await refund(first, 23456, "2026-03-29T10:00:00Z");
    await refund(before, 5000, "2026-03-29T12:00:00Z");
    await refund(after, 100, "2026-03-30T08:00:00Z");
  });
  afterAll(() => database?.close());

  it("books the payments and refunds of one Berlin calendar day, across the clock change", async () => {
    const bookings = await treasury.bookings(usingen, day);
    expect(bookings.map((b) => [b.kind, b.kassenzeichen, b.amountCents])).toEqual([
      ["payment", first.kassenzeichen, 123456],
      ["refund", first.kassenzeichen, -23456],
      ["refund", before.kassenzeichen, -5000],
      ["payment", tricky.kassenzeichen, 1999],
      ["payment", last.kassenzeichen, 2500],
    ]);
    expect(bookings[0]).toMatchObject({
      currency: "EUR",
      purpose: "Bewohnerparkausweis",
      serviceSlug: "bewohnerparkausweis",
      provider: "epay-sim",
      paymentId: first.id,
      bookingId: first.id,
      method: "sepa",
      state: "partially_refunded",
    });
    expect(bookings[0]?.providerPaymentId).toMatch(/^sim-/);
    expect(bookings[2]?.state).toBe("refunded");
    expect(await treasury.bookings(other, day)).toHaveLength(1);
    expect(await treasury.bookings(usingen, "2026-03-27")).toEqual([]);
  });

  it("writes a CSV that parses back with csv-parse: BOM, semicolons, German numbers, sums as in the database", async () => {
    const csv = await treasury.dailyCsv(usingen, day);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("\r\n");
    const rows: Record<string, string>[] = parse(csv, { bom: true, delimiter: ";", columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "Buchungsdatum",
      "Buchungsart",
      "Kassenzeichen",
      "Betrag",
      "Währung",
      "Verwendungszweck",
      "Leistung",
      "Zahlungsdienst",
      "Transaktions-ID des Zahlungsdienstes",
      "Zahlungs-ID",
      "Buchungs-ID",
      "Zahlungsart",
      "Status",
    ]);
    expect(rows.map((row) => row.Betrag)).toEqual(["1234,56", "-234,56", "-50,00", "19,99", "25,00"]);
    expect(rows.map((row) => row.Buchungsdatum)).toEqual(Array(5).fill("29.03.2026"));
    expect(rows.map((row) => row.Buchungsart)).toEqual([
      "Zahlung",
      "Erstattung",
      "Erstattung",
      "Zahlung",
      "Zahlung",
    ]);
    // A purpose a spreadsheet would run as a formula is defused; ";" and quotes survive the round trip.
    expect(rows[3]?.Verwendungszweck).toBe(`'=HYPERLINK("http://x");Gebühr für "Sondernutzung"`);

    const { rows: db } = await sql<{ net: number }>`
      select
        (select coalesce(sum(amount_cents), 0) from payments
          where tenant_id = ${usingen} and (succeeded_at at time zone 'Europe/Berlin')::date = ${day}::date)
        - (select coalesce(sum(amount_cents), 0) from payment_refunds
          where tenant_id = ${usingen} and (created_at at time zone 'Europe/Berlin')::date = ${day}::date)
        as net`.execute(database.db);
    const csvNet = rows.reduce((sum, row) => sum + centsOf(row.Betrag ?? ""), 0);
    expect(csvNet).toBe(Number(db[0]?.net));
    expect(csvNet).toBe(123456 - 23456 - 5000 + 1999 + 2500);
  });

  it("writes only the header on a day without bookings", async () => {
    const rows = parse(await treasury.dailyCsv(usingen, "2026-01-01"), { bom: true, delimiter: ";" });
    expect(rows).toHaveLength(1);
  });

  it("lists payments by filter, newest first, in pages, with sums of all matches", async () => {
    const all = await treasury.payments(usingen, {}, { limit: 50 });
    expect(all.items).toHaveLength(5);
    expect(all.sums).toEqual({
      count: 5,
      paidCents: 5000 + 123456 + 2500 + 700 + 1999,
      refundedCents: 5000 + 23456 + 100,
      netCents: 123456 - 23456 + 2500 + 600 + 1999,
    });
    const refunded = await treasury.payments(usingen, { state: "refunded" }, { limit: 50 });
    expect(refunded.items.map((p) => p.id)).toEqual([before.id]);
    expect(refunded.sums).toMatchObject({ count: 1, paidCents: 5000, netCents: 0 });
    expect((await treasury.payments(usingen, { serviceSlug: "hundesteuer" }, { limit: 50 })).sums.count).toBe(
      0,
    );

    await database.db
      .updateTable("payments")
      .set({ created_at: new Date("2026-03-28T23:30:00Z") })
      .where("id", "=", first.id)
      .execute();
    const onDay = await treasury.payments(usingen, { from: day, to: day }, { limit: 50 });
    expect(onDay.items.map((p) => p.id)).toEqual([first.id]);
    expect((await treasury.payments(usingen, { to: "2026-03-28" }, { limit: 50 })).sums.count).toBe(0);

    const one = await treasury.payments(usingen, {}, { limit: 2 });
    const two = await treasury.payments(usingen, {}, { limit: 2, before: one.nextBefore });
    const three = await treasury.payments(usingen, {}, { limit: 2, before: two.nextBefore });
    const ids = [...one.items, ...two.items, ...three.items].map((p) => p.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual(all.items.map((p) => p.id));
    expect(three.nextBefore).toBeUndefined();
    expect(one.sums.count).toBe(5);
    expect((await treasury.payments(usingen, {}, { limit: 2, before: "kaputt" })).items).toEqual(one.items);
  });

  it("creates API tokens shown once, valid at their own municipality only, until revoked", async () => {
    const { id, token } = await treasury.createToken(usingen, clerk, "Kassenverfahren");
    expect(token).toMatch(/^kasse_[A-Za-z0-9_-]{43}$/);
    const stored = await database.db
      .selectFrom("treasury_tokens")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token.slice(6));
    expect(await treasury.authenticate(usingen, token)).toEqual({ id, label: "Kassenverfahren" });
    expect((await treasury.tokens(usingen))[0]?.lastUsedAt).toBeInstanceOf(Date);
    expect(await treasury.authenticate(other, token)).toBeUndefined();
    expect(await treasury.authenticate(usingen, `${token}x`)).toBeUndefined();
    expect(await treasury.authenticate(usingen, token.slice(6))).toBeUndefined();
    expect(await treasury.revokeToken(other, id)).toBeUndefined();
    expect(await treasury.revokeToken(usingen, id)).toBe("Kassenverfahren");
    expect(await treasury.revokeToken(usingen, id)).toBeUndefined();
    expect(await treasury.revokeToken(usingen, "nicht-da")).toBeUndefined();
    expect(await treasury.authenticate(usingen, token)).toBeUndefined();
    expect((await treasury.tokens(usingen))[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it("knows a real calendar day", () => {
    for (const good of ["2026-03-29", "2024-02-29", "2026-12-31"]) expect(isIsoDay(good), good).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-13-01",
      "2026-3-29",
      "29.03.2026",
      "",
      "1999-12-31",
      "2026-03-29x",
    ])
      expect(isIsoDay(bad), bad).toBe(false);
  });
});
