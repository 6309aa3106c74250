import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { berlinDate } from "#core/dates/berlin.ts";
import { publishOneStepForm, sendApplication, signedInClient, startDraft } from "../citizen-applications.ts";
import { testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { rawRequest } from "../raw-request.ts";
import { startTestApp, type TestApp } from "../server.ts";

/**
 * The installation-wide "Mein Rathaus" at /mein-rathaus: a citizen's applications and drafts at Usingen and
 * Neu-Anspach on one page, grouped by municipality, in German and English; nothing of them for another
 * citizen; the sign-in chooser for a visitor, which brings them back; the receipts for their citizen only;
 * the links to it; and on a municipality's own hostname /mein-rathaus stays that municipality's page.
 */

const password = "Vier Vögel fliegen voraus";
const ownHost = "rathaus.usingen.example";
const signInLink = (slug: string) => `/${slug}/konto/anmelden?weiter=%2Fmein-rathaus`;

/** The part of the page under one municipality's heading. */
function group(html: string, officialName: string): string {
  const section = html.split("<section>").find((part) => part.includes(`>${officialName}</h2>`));
  return section?.split("</section>")[0] ?? "";
}

describe.each(testDrivers())("the installation-wide Mein Rathaus on %s", (driver) => {
  let app: TestApp;
  const references: Record<string, string> = {};
  let miaReceipts: string[] = [];
  let miaDraft = "";

  beforeAll(async () => {
    app = await startTestApp(driver);
    await publishOneStepForm(app, ["usingen", "neu-anspach"]);
    await createCitizen(app, "mia@example.de", password);
    await createCitizen(app, "tom@example.de", password);
    const mia = await signedIn("mia@example.de");
    for (const slug of ["usingen", "neu-anspach"])
      references[slug] = await sendApplication(app, mia, slug, "mia@example.de");
    miaDraft = await startDraft(mia, "neu-anspach");
    const rows = await app.database.db.selectFrom("applications").select(["tenant_id", "id"]).execute();
    const tenants = await app.services.tenants.list();
    miaReceipts = rows.map((row) => {
      const slug = tenants.find((tenant) => tenant.id === row.tenant_id)?.slug;
      return `/${slug}/mein-rathaus/antraege/${row.id}/eingangsbestaetigung.pdf`;
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("asks a visitor to choose where to sign in, and brings them back to the overview", async () => {
    const visitor = new FormClient(app.url);
    const chooser = await visitor.get("/mein-rathaus");
    expect(chooser.status).toBe(200);
    const text = textOf(chooser.html);
    expect(text).toContain("Mein Rathaus");
    expect(text).toContain("bei allen Kommunen dieses Portals");
    expect(text).toContain("Bei Stadt Usingen anmelden");
    expect(text).toContain("Bei Stadt Neu-Anspach anmelden");
    expect(chooser.html).toContain(`href="${signInLink("usingen")}"`);
    expect(chooser.html).toContain(`href="${signInLink("neu-anspach")}"`);
    expect(text).not.toContain(references.usingen);
    const english = textOf((await visitor.get("/mein-rathaus?lang=en")).html);
    expect(english).toContain("My town hall");
    expect(english).toContain("Sign in at Stadt Neu-Anspach");

    await createCitizen(app, "lea@example.de", password);
    await visitor.get(signInLink("neu-anspach"));
    const signIn = await visitor.post(signInLink("neu-anspach"), { email: "lea@example.de", password });
    expect(signIn.location).toBe("/mein-rathaus");
    const overview = await visitor.get("/mein-rathaus?lang=de");
    expect(overview.status).toBe(200);
    expect(textOf(overview.html)).toContain("Sie haben noch keinen Antrag gestellt.");
    expect(overview.html).toMatch(/<a class="kern-link" href="\/">Zur Auswahl der Kommunen<\/a>/);
  });

  it("shows a citizen's applications and drafts of both municipalities, grouped by municipality", async () => {
    const mia = await signedIn("mia@example.de");
    const page = await mia.get("/mein-rathaus");
    expect(page.status).toBe(200);
    const today = berlinDate(new Date());

    const usingen = group(page.html, "Stadt Usingen");
    expect(textOf(usingen)).toContain(references.usingen);
    expect(textOf(usingen)).not.toContain(references["neu-anspach"]);
    expect(textOf(usingen)).toContain(`${today} Eingegangen`);
    expect(textOf(usingen)).toContain("Sie haben keine begonnenen Anträge.");
    expect(usingen).toContain('href="/usingen/mein-rathaus"');
    expect(usingen).toContain("„Mein Rathaus“ bei Stadt Usingen");

    const neuAnspach = group(page.html, "Stadt Neu-Anspach");
    expect(textOf(neuAnspach)).toContain(references["neu-anspach"]);
    expect(textOf(neuAnspach)).not.toContain(references.usingen);
    expect(neuAnspach).toContain('href="/neu-anspach/mein-rathaus"');
    expect(neuAnspach).toContain(`href="/neu-anspach/antraege/${miaDraft}/pruefen"`);
    expect(textOf(neuAnspach)).toContain("„Mängelmelder: Schaden oder Mangel melden“ fortsetzen");
    expect(textOf(neuAnspach)).toMatch(/fortsetzen \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \d{2}\.\d{2}\.\d{4}/);
    for (const receipt of miaReceipts) expect(page.html).toContain(`href="${receipt}"`);

    const english = textOf((await mia.get("/mein-rathaus?lang=en")).html);
    expect(english).toContain("Your applications at all municipalities of this portal.");
    expect(english).toContain(`${references.usingen} ${today} Received Download PDF`);
    expect(english).toContain("Continue “Reporting a defect or damage”");
  });

  it("shows another citizen none of them, and gives the receipts to their citizen only", async () => {
    const tom = await signedIn("tom@example.de");
    const text = textOf((await tom.get("/mein-rathaus?lang=de")).html);
    expect(text).toContain("Sie haben noch keinen Antrag gestellt.");
    for (const reference of Object.values(references)) expect(text).not.toContain(reference);
    expect(text).not.toContain("Stadt Usingen");

    const mia = await signedIn("mia@example.de");
    expect(miaReceipts).toHaveLength(2);
    for (const receipt of miaReceipts) {
      const pdf = await fetch(`${app.url}${receipt}`, {
        headers: { cookie: `rathaus_sid=${mia.cookie("rathaus_sid")}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
      expect((await tom.get(receipt)).status).toBe(404);
      expect((await new FormClient(app.url).get(receipt)).status).toBe(404);
    }
    expect(
      (await mia.get("/usingen/mein-rathaus/antraege/kein-antrag/eingangsbestaetigung.pdf")).status,
    ).toBe(404);
  });

  it("is linked from a municipality's Mein Rathaus and from the landing page", async () => {
    const mia = await signedIn("mia@example.de");
    const own = await mia.get("/usingen/mein-rathaus");
    expect(own.html).toMatch(/<a class="kern-link" href="\/mein-rathaus">Anträge bei allen Kommunen<\/a>/);
    const landing = await new FormClient(app.url).get("/");
    expect(landing.html).toMatch(
      /<a class="kern-link" href="\/mein-rathaus">Anträge bei allen Kommunen<\/a>/,
    );
  });

  it("stays the municipality's own page on its hostname", async () => {
    await app.services.tenants.setHostnames("usingen", [ownHost]);
    try {
      const visitor = await rawRequest(app.url, "/mein-rathaus", { headers: { host: ownHost } });
      expect(visitor.status).toBe(303);
      expect(visitor.headers.location).toBe("/konto/anmelden?weiter=%2Fmein-rathaus");
      const mia = await signedIn("mia@example.de");
      const page = await rawRequest(app.url, "/mein-rathaus", {
        headers: { host: ownHost, cookie: `rathaus_sid=${mia.cookie("rathaus_sid")}` },
      });
      expect(page.status).toBe(200);
      expect(textOf(page.body)).toContain(references.usingen);
      expect(textOf(page.body)).not.toContain(references["neu-anspach"]);
      expect(page.body).not.toContain("Anträge bei allen Kommunen");
    } finally {
      await app.services.tenants.setHostnames("usingen", []);
    }
  });

  it("answers odd requests without a 500", async () => {
    const requests: [string, Record<string, string>][] = [
      ["/mein-rathaus?lang=xx&weiter=//evil.example", {}],
      ["/mein-rathaus", { cookie: "rathaus_sid=not-a-session" }],
      ["/mein-rathaus", { cookie: "rathaus_sid=%00%ff", "accept-language": "x".repeat(600) }],
      ["/mein-rathaus/", {}],
      ["/mein-rathaus/antraege/x/eingangsbestaetigung.pdf", {}],
    ];
    for (const [path, headers] of requests) {
      const response = await rawRequest(app.url, path, { headers });
      expect(response.status, path).toBeLessThan(500);
    }
    const post = await rawRequest(app.url, "/mein-rathaus", { method: "POST", body: "" });
    expect(post.status).toBeLessThan(500);
  });

  const signedIn = (email: string) => signedInClient(app, email, password);
});
