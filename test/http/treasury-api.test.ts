import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berlinDate } from "#core/dates/berlin.ts";
import type { Payment } from "#modules/payments/index.ts";
import { testDrivers } from "../db.ts";
import { type FormClient, textOf } from "../form-client.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { payWithSimulator } from "../simulator-payment.ts";
import { signInStaff } from "../staff.ts";

const tokensPage = (slug: string) => `/${slug}/verwaltung/zahlungen/schnittstelle`;
const createdToken = (html: string) => /<code>(kasse_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1] ?? "";

describe.each(testDrivers())("treasury API on %s", (driver) => {
  let t: TestApp;
  let admin: FormClient;
  let payment: Payment;
  let day = "";

  beforeAll(async () => {
    t = await startTestApp(driver, { linksReachable: true });
    payment = await payWithSimulator(t, "usingen", { amountCents: 4250 });
    await payWithSimulator(t, "neu-anspach", { amountCents: 999 });
    const refunder = (await t.services.staff.staff.list(payment.tenantId)).find((m) =>
      m.roles.includes("treasury"),
    );
    await t.services.payments.refund({
      tenantId: payment.tenantId,
      paymentId: payment.id,
      staffId: refunder?.id ?? "",
      amountCents: 1250,
      reason: "Ermäßigung",
      expectedRefundableCents: 4250,
    });
    const [dd, mm, yyyy] = berlinDate(payment.succeededAt ?? new Date()).split(".");
    day = `${yyyy}-${mm}-${dd}`;
    admin = await signInStaff(t.url, "usingen", "admin@usingen.example");
  });
  afterAll(() => t?.close());

  const bookings = (slug: string, query: string, token?: string) =>
    fetch(`${t.url}/api/v1/${slug}/treasury/bookings${query}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  const auditTargets = async (action: string) =>
    (await t.database.db.selectFrom("audit_log").select("target").where("action", "=", action).execute()).map(
      (row) => row.target,
    );

  async function newToken(client: FormClient, slug: string, label: string): Promise<string> {
    await client.get(tokensPage(slug));
    const page = await client.post(tokensPage(slug), { bezeichnung: label });
    expect(page.status).toBe(200);
    return createdToken(page.html);
  }

  it("lets an administrator create a token that is shown once and opens the day's bookings", async () => {
    const empty = await admin.post(tokensPage("usingen"), { bezeichnung: "  " });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain("Geben Sie eine Bezeichnung ein");
    const token = await newToken(admin, "usingen", "Kassenverfahren Stadtkasse");
    expect(token).not.toBe("");
    const later = await admin.get(tokensPage("usingen"));
    expect(later.html).not.toContain(token);
    expect(textOf(later.html)).toContain("Kassenverfahren Stadtkasse");
    expect(textOf(later.html)).toContain(`${t.url}/api/v1/usingen/treasury/bookings`);

    const response = await bookings("usingen", `?date=${day}`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { bookings: unknown[] };
    expect(body).toMatchObject({
      date: day,
      currency: "EUR",
      totals: { count: 2, paymentsCents: 4250, refundsCents: -1250, netCents: 3000 },
    });
    expect(body.bookings).toEqual([
      expect.objectContaining({
        type: "payment",
        bookingId: payment.id,
        kassenzeichen: payment.kassenzeichen,
        amountCents: 4250,
        bookingDate: day,
        paymentId: payment.id,
        providerPaymentId: payment.providerPaymentId,
        provider: "epay-sim",
        method: "sepa",
        state: "partially_refunded",
        serviceSlug: "bewohnerparkausweis",
        purpose: "Bewohnerparkausweis",
      }),
      expect.objectContaining({ type: "refund", kassenzeichen: payment.kassenzeichen, amountCents: -1250 }),
    ]);
    const lastUsed = textOf((await admin.get(tokensPage("usingen"))).html);
    expect(lastUsed).not.toContain("noch nie");
    expect(await auditTargets("treasury.token_created")).toEqual(["Kassenverfahren Stadtkasse"]);
  });

  it("answers 401 problem+json without a valid token of this municipality, 400 for a bad date", async () => {
    const token = await newToken(admin, "usingen", "Zweiter Zugang");
    const neuAnspachAdmin = await signInStaff(t.url, "neu-anspach", "admin@neu-anspach.example");
    const foreign = await newToken(neuAnspachAdmin, "neu-anspach", "Kasse Neu-Anspach");
    expect((await bookings("neu-anspach", `?date=${day}`, foreign)).status).toBe(200);
    for (const [what, value] of [
      ["none", undefined],
      ["another municipality's", foreign],
      ["unknown", `kasse_${"A".repeat(43)}`],
      ["garbage", "ä"],
    ] as const) {
      const response = await bookings("usingen", `?date=${day}`, value);
      expect(response.status, what).toBe(401);
      expect(response.headers.get("content-type"), what).toContain("application/problem+json");
      expect(response.headers.get("www-authenticate"), what).toBe('Bearer realm="treasury"');
      expect(((await response.json()) as { type: string }).type).toBe("/problems/unauthorized");
    }
    const basic = await fetch(`${t.url}/api/v1/usingen/treasury/bookings?date=${day}`, {
      headers: { authorization: `Basic ${token}` },
    });
    expect(basic.status).toBe(401);
    for (const query of [
      "",
      "?date=2026-02-30",
      "?date=27.11.2026",
      `?date=${day}&date=${day}`,
      "?date[x]=1",
    ]) {
      const response = await bookings("usingen", query, token);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type"), query).toContain("application/problem+json");
    }
    const problem = (await (await bookings("usingen", "?date=2026-02-30", token)).json()) as { type: string };
    expect(problem.type).toBe("/problems/invalid-date");
    expect((await bookings("gibt-es-nicht", `?date=${day}`, token)).status).toBe(404);
  });

  it("revokes a token at once, and only the administration manages tokens", async () => {
    const token = await newToken(admin, "usingen", "Wird widerrufen");
    expect((await bookings("usingen", `?date=${day}`, token)).status).toBe(200);
    const page = await admin.get(tokensPage("usingen"));
    const row =
      page.html.split('<tr class="kern-table__row">').find((part) => part.includes("Wird widerrufen")) ?? "";
    const action = /action="([^"]+\/widerruf)"/.exec(row)?.[1] ?? "";
    const revoked = await admin.post(action, {});
    expect(revoked.status).toBe(303);
    expect(textOf((await admin.get(revoked.location ?? "")).html)).toContain("Der Zugang wurde widerrufen.");
    expect((await bookings("usingen", `?date=${day}`, token)).status).toBe(401);
    expect((await admin.post(action, {})).location).toBe(tokensPage("usingen"));
    expect(await auditTargets("treasury.token_revoked")).toEqual(["Wird widerrufen"]);

    const treasury = await signInStaff(t.url, "usingen", "kasse@usingen.example");
    expect((await treasury.get(tokensPage("usingen"))).status).toBe(403);
    expect((await treasury.post(tokensPage("usingen"), { bezeichnung: "Heimlich" })).status).toBe(403);
    expect((await treasury.post(action, {})).status).toBe(403);
    expect(textOf((await treasury.get("/usingen/verwaltung/zahlungen")).html)).not.toContain(
      "Zugänge der Kassensoftware",
    );
    expect(textOf((await admin.get("/usingen/verwaltung/zahlungen")).html)).toContain(
      "Zugänge der Kassensoftware",
    );
  });
});
