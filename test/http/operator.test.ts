import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppError } from "#core/http/errors.ts";
import {
  type CreateTenantOptions,
  createOperatorCommand,
  createTenantCommand,
  type OperatorCli,
} from "#modules/operator/operator.cli.ts";
import { emptyPgDatabase, testDrivers } from "../db.ts";
import { createCitizen } from "../factories.ts";
import { FormClient, textOf } from "../form-client.ts";
import { waitForMail } from "../mailbox.ts";
import { startTestApp, type TestApp } from "../server.ts";
import { setupSecretOf, signInStaff } from "../staff.ts";

const operatorEmail = "betrieb@example.org";
const password = "Zwölf Zwerge zählen Zebras";
const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

const badHomburg = {
  name: "Bad Homburg",
  officialName: "Stadt Bad Homburg v. d. Höhe",
  slug: "bad-homburg",
  street: "Rathausplatz 1",
  postalCode: "61348",
  city: "Bad Homburg v. d. Höhe",
  phone: "06172 100-0",
  email: "info@bad-homburg.example",
  website: "https://www.bad-homburg.example",
  adminName: "Anna Admin",
  adminEmail: "anna.admin@bad-homburg.example",
};

const cliTenant = (slug: string, extra: Partial<CreateTenantOptions> = {}): CreateTenantOptions => ({
  slug,
  name: "Friedrichsdorf",
  officialName: "Stadt Friedrichsdorf",
  adminName: "Fritz Admin",
  adminEmail: `admin@${slug}.example`,
  lang: "de",
  ...extra,
});

/** The field errors of a refused command, as runCli prints them. */
async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError) || error.status !== 422) throw new Error(`not refused: ${String(error)}`);
  return Object.fromEntries(error.fields.map((f) => [f.field, f.message]));
}

describe.each(testDrivers())("operator console and commands on %s", (driver) => {
  let t: TestApp;
  let cli: OperatorCli;
  let secret = "";
  let operator: FormClient;
  const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";
  const tenantAudit = async (slug: string) => {
    const tenant = await t.services.tenants.bySlug(slug);
    return t.services.audit.list(tenant?.id ?? "");
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    cli = { ...t.services.operator, publicUrl: t.config.publicUrl };
  });
  afterAll(() => t?.close());

  it("create-operator prints a one-time setup link, stored only as a hash; bad addresses are refused", async () => {
    expect(await refusal(createOperatorCommand(cli, { email: "kein-at-zeichen", lang: "en" }))).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
    });
    const first = await createOperatorCommand(cli, { email: " Betrieb@Example.org ", lang: "de" });
    const again = await createOperatorCommand(cli, { email: operatorEmail, lang: "de" });
    expect(first[0]).toBe(`Operator ${operatorEmail} created.`);
    expect(again[0]).toContain("New setup link");
    const link = again.at(-1) ?? "";
    expect(link).toMatch(new RegExp(`^${t.config.publicUrl}/betrieb/einrichten\\?token=[\\w-]{43}$`));
    const row = await t.database.db
      .selectFrom("operators")
      .selectAll()
      .where("email", "=", operatorEmail)
      .executeTakeFirstOrThrow();
    expect(row.setup_token_hash).toBe(createHash("sha256").update(tokenOf(link)).digest("hex"));
    const hours = ((row.setup_expires_at?.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // The renewed link replaced the first one.
    const stale = await new FormClient(t.url).get(`/betrieb/einrichten?token=${tokenOf(first.at(-1) ?? "")}`);
    expect(stale.status).toBe(400);
    expect(textOf(stale.html)).toContain("Dieser Link ist nicht mehr gültig");
  });

  it("sets up the operator: password from the link, then the mandatory authenticator app", async () => {
    const link = (await createOperatorCommand(cli, { email: operatorEmail, lang: "de" })).at(-1) ?? "";
    const token = tokenOf(link);
    operator = new FormClient(t.url);
    const form = await operator.get(`/betrieb/einrichten?token=${token}`);
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain(`Legen Sie ein Passwort für Ihr Betriebskonto ${operatorEmail} fest`);
    const mismatch = await operator.post("/betrieb/einrichten", { token, password, confirm: `${password}!` });
    expect(mismatch.status).toBe(422);
    expect(textOf(mismatch.html)).toContain("Die beiden Passwörter stimmen nicht überein");
    const short = await operator.post("/betrieb/einrichten", { token, password: "kurz", confirm: "kurz" });
    expect(textOf(short.html)).toContain("mindestens 12 Zeichen");

    const chosen = await operator.post("/betrieb/einrichten", { token, password, confirm: password });
    expect(chosen.location).toBe("/betrieb/anmelden/code");
    expect(operator.cookie("rathaus_operator_sid")).toBeUndefined();
    expect((await new FormClient(t.url).get(`/betrieb/einrichten?token=${token}`)).status).toBe(400);

    const setup = await operator.get("/betrieb/anmelden/code");
    expect(textOf(setup.html)).toContain("Für den Betrieb ist die Zwei-Faktor-Anmeldung vorgeschrieben");
    secret = setupSecretOf(setup.html);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect((await operator.post("/betrieb/anmelden/code", { code: "12345" })).status).toBe(422);
    const done = await operator.post("/betrieb/anmelden/code", { code: await codeAt(secret, 0) });
    expect(done.status).toBe(200);
    expect([...done.html.matchAll(/<code>[A-Z2-7]{5}-[A-Z2-7]{5}<\/code>/g)]).toHaveLength(10);
    expect(operator.cookie("rathaus_operator_sid")).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);

    const home = await operator.get("/betrieb");
    expect(home.status).toBe(200);
    expect(home.headers.get("cache-control")).toContain("no-store");
    const text = textOf(home.html);
    expect(text).toContain(`Angemeldet als ${operatorEmail}`);
    expect(text).toMatch(/Usingen usingen keine 6/);
    expect(text).toMatch(/Neu-Anspach neu-anspach keine 6/);
  });

  it("sends anonymous visitors and citizen or staff sessions to the operator sign-in", async () => {
    const anonymous = await new FormClient(t.url).get("/betrieb");
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe("/betrieb/anmelden?weiter=%2Fbetrieb");
    const form = await new FormClient(t.url).get("/betrieb/kommunen/neu");
    expect(form.location).toBe("/betrieb/anmelden?weiter=%2Fbetrieb%2Fkommunen%2Fneu");

    await createCitizen(t, "buerger@example.de", password);
    const citizen = new FormClient(t.url);
    await citizen.get("/usingen/konto/anmelden");
    await citizen.post("/usingen/konto/anmelden", { email: "buerger@example.de", password });
    expect(citizen.cookie("rathaus_sid")).toBeDefined();
    expect((await citizen.get("/betrieb")).location).toBe("/betrieb/anmelden?weiter=%2Fbetrieb");
    // Even a valid form post of a signed-in citizen creates nothing.
    await citizen.get("/betrieb/anmelden");
    const posted = await citizen.post("/betrieb/kommunen/neu", { ...badHomburg, slug: "von-aussen" });
    expect(posted.status).toBe(303);
    expect(await t.services.tenants.bySlug("von-aussen")).toBeUndefined();

    const staff = await signInStaff(t.url, "usingen", "admin@usingen.example");
    expect((await staff.get("/usingen/verwaltung")).status).toBe(200);
    expect((await staff.get("/betrieb")).location).toBe("/betrieb/anmelden?weiter=%2Fbetrieb");
    // A staff password is no operator password.
    await staff.get("/betrieb/anmelden");
    const staffLogin = await staff.post("/betrieb/anmelden", {
      email: "admin@usingen.example",
      password: "Rathaus-Demo-2026",
    });
    expect(staffLogin.status).toBe(422);
  });

  it("signs the operator in again with password and code, and out", async () => {
    const browser = new FormClient(t.url);
    await browser.get("/betrieb/anmelden");
    const wrong = await browser.post("/betrieb/anmelden", {
      email: operatorEmail,
      password: "falsch falsch falsch",
    });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("E-Mail-Adresse oder Passwort ist falsch");
    const step = await browser.post("/betrieb/anmelden?weiter=/betrieb/kommunen/neu", {
      email: operatorEmail,
      password,
    });
    expect(step.location).toBe("/betrieb/anmelden/code?weiter=%2Fbetrieb%2Fkommunen%2Fneu");
    expect(textOf((await browser.get(step.location ?? "")).html)).toContain("Sicherheitscode eingeben");
    const done = await browser.post(step.location ?? "", { code: await codeAt(secret, 30) });
    expect(done.location).toBe("/betrieb/kommunen/neu");
    expect((await browser.get("/betrieb/kommunen/neu")).status).toBe(200);

    const out = await browser.post("/betrieb/abmelden", {});
    expect(textOf(out.html)).toContain("Sie sind abgemeldet");
    expect((await browser.get("/betrieb")).status).toBe(303);
  });

  it("refuses invalid municipalities with messages per field and creates nothing", async () => {
    await operator.get("/betrieb/kommunen/neu");
    const empty = await operator.post("/betrieb/kommunen/neu", {});
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain("Geben Sie den Namen der Kommune ein");
    expect(textOf(empty.html)).toContain("Geben Sie den amtlichen Namen ein");
    expect(textOf(empty.html)).toContain("Geben Sie einen Kurznamen aus Kleinbuchstaben");

    const cases: [Partial<typeof badHomburg>, string, string][] = [
      [{ slug: "betrieb" }, "field-slug", "Der Kurzname „betrieb“ ist für die Plattform reserviert"],
      [{ slug: "usingen" }, "field-slug", "Es gibt schon eine Kommune mit dem Kurznamen „usingen“"],
      [{ postalCode: "6134" }, "field-postalCode", "Geben Sie eine Postleitzahl aus fünf Ziffern ein"],
      [{ email: "info at example" }, "field-email", "Geben Sie eine E-Mail-Adresse im richtigen Format ein"],
      [{ website: "javascript:alert(1)" }, "field-website", "Geben Sie die Adresse der Website mit https://"],
      [{ adminEmail: "anna" }, "field-adminEmail", "Geben Sie eine E-Mail-Adresse im richtigen Format ein"],
      [{ adminName: "" }, "field-adminName", "Geben Sie den Namen ein"],
    ];
    for (const [change, fieldId, message] of cases) {
      const page = await operator.post("/betrieb/kommunen/neu", { ...badHomburg, ...change });
      expect(page.status, message).toBe(422);
      expect(page.html).toContain(`href="#${fieldId}"`);
      expect(textOf(page.html)).toContain(message);
      expect(page.html, "what was typed is kept").toContain('value="Stadt Bad Homburg v. d. Höhe"');
    }
    expect(await t.services.tenants.bySlug("bad-homburg")).toBeUndefined();
    expect((await operator.get("/bad-homburg")).status).toBe(404);

    const english = await operator.post("/betrieb/kommunen/neu?lang=en", {
      ...badHomburg,
      slug: "Bad Homburg",
    });
    expect(textOf(english.html)).toContain("Enter a short name of lower-case letters");
  });

  it("creates a municipality through the form; its first administrator is invited and can accept", async () => {
    await operator.get("/betrieb/kommunen/neu?lang=de");
    const created = await operator.post("/betrieb/kommunen/neu", badHomburg);
    expect(created.location).toBe("/betrieb?angelegt=bad-homburg");
    const list = textOf((await operator.get(created.location ?? "")).html);
    expect(list).toContain("Die Kommune Bad Homburg ist angelegt");
    expect(list).toMatch(/Bad Homburg bad-homburg keine 1/);

    const home = await new FormClient(t.url).get("/bad-homburg");
    expect(home.status).toBe(200);
    expect(textOf(home.html)).toContain("Stadt Bad Homburg v. d. Höhe");
    const operatorId = (await t.services.operator.operators.checkPassword(operatorEmail, password)) ?? "";
    const audit = await tenantAudit("bad-homburg");
    expect(audit.map((row) => [row.action, row.actor_type, row.actor_id])).toEqual(
      expect.arrayContaining([
        ["operator.tenant_created", "operator", operatorId],
        ["staff.invited", "operator", operatorId],
      ]),
    );

    const mail = await waitForMail(t.database.db, badHomburg.adminEmail, "Einladung in die Verwaltung");
    const token = /\/bad-homburg\/verwaltung\/einladung\?token=([\w.-]+)/.exec(mail.text_body)?.[1] ?? "";
    const admin = new FormClient(t.url);
    expect((await admin.get(`/bad-homburg/verwaltung/einladung?token=${token}`)).status).toBe(200);
    const accepted = await admin.post("/bad-homburg/verwaltung/einladung", {
      token,
      password,
      confirm: password,
    });
    expect(accepted.location).toBe("/bad-homburg/verwaltung/anmelden/code");
    const adminSecret = setupSecretOf((await admin.get(accepted.location ?? "")).html);
    await admin.post(accepted.location ?? "", { code: await codeAt(adminSecret, 0) });
    const staffList = await admin.get("/bad-homburg/verwaltung/mitarbeitende");
    expect(staffList.status).toBe(200);
    expect(textOf(staffList.html)).toContain("Anna Admin");
  });

  it("create-tenant on the command line: municipality, invitation mail and link; errors leave nothing", async () => {
    const lines = await createTenantCommand(cli, cliTenant("friedrichsdorf", { postalCode: "61381" }));
    expect(lines[0]).toBe(`Municipality Friedrichsdorf created: ${t.config.publicUrl}/friedrichsdorf`);
    const link = lines.at(-1) ?? "";
    expect(link).toMatch(
      new RegExp(`^${t.config.publicUrl}/friedrichsdorf/verwaltung/einladung\\?token=[\\w-]+\\.[\\w-]{43}$`),
    );
    const mail = await waitForMail(t.database.db, "admin@friedrichsdorf.example", "Friedrichsdorf");
    expect(mail.text_body).toContain(link);
    expect((await new FormClient(t.url).get(link.slice(t.config.publicUrl.length))).status).toBe(200);
    const audit = await tenantAudit("friedrichsdorf");
    expect(audit.find((row) => row.action === "operator.tenant_created")).toMatchObject({
      actor_type: "operator",
      actor_id: null,
      details: { name: "Friedrichsdorf", via: "cli" },
    });

    expect(await refusal(createTenantCommand(cli, cliTenant("friedrichsdorf")))).toEqual({
      slug: "Es gibt schon eine Kommune mit dem Kurznamen „friedrichsdorf“. Wählen Sie einen anderen",
    });
    expect(await refusal(createTenantCommand(cli, { ...cliTenant("api"), lang: "en" }))).toEqual({
      slug: "The short name “api” is reserved by the platform. Choose a different one",
    });
    const badAdmin = await refusal(createTenantCommand(cli, cliTenant("oberursel", { adminEmail: "x@" })));
    expect(Object.keys(badAdmin)).toEqual(["adminEmail"]);
    expect(await t.services.tenants.bySlug("oberursel")).toBeUndefined();
    const count = await t.database.db
      .selectFrom("tenants")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });
});

/** `node bin/rathaus.js …` as an operator types it, in a clean environment; its exit code and output. */
function rathaus(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const clean = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
  };
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["bin/rathaus.js", ...args],
      { cwd: root, env: { ...clean, PUBLIC_URL: "https://rathaus.example", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    ),
  );
}

describe("npm run operator -- … in a shell", () => {
  let env: Record<string, string> = {};
  let cleanUp = async () => {};
  beforeAll(async () => {
    if (inject("pgTemplate")) {
      const database = await emptyPgDatabase();
      env = { DATABASE_URL: database.url };
      cleanUp = database.drop;
    } else {
      const dataDir = await mkdtemp(join(tmpdir(), "rathaus-operator-"));
      env = { DATA_DIR: dataDir };
      cleanUp = () => rm(dataDir, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanUp());

  it("prints the links, and exits with 1 and the reason when the slug is taken", async () => {
    const operator = await rathaus(["operator", "create-operator", "--email", "ops@example.org"], env);
    expect(operator.code, operator.output).toBe(0);
    expect(operator.output).toMatch(/https:\/\/rathaus\.example\/betrieb\/einrichten\?token=[\w-]{43}\n/);
    const args = ["operator", "create-tenant", "--slug", "bad-homburg", "--name", "Bad Homburg"];
    const rest = ["--official-name", "Stadt Bad Homburg v. d. Höhe", "--admin-name", "Anna Admin"];
    const tenant = [...args, ...rest, "--admin-email", "anna@bad-homburg.example", "--postal-code", "61348"];
    const created = await rathaus(tenant, env);
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain("Municipality Bad Homburg created: https://rathaus.example/bad-homburg");
    expect(created.output).toMatch(/https:\/\/rathaus\.example\/bad-homburg\/verwaltung\/einladung\?token=/);

    const again = await rathaus(tenant, env);
    expect(again.code).toBe(1);
    expect(again.output).toContain("slug: Es gibt schon eine Kommune mit dem Kurznamen „bad-homburg“");
  }, 180_000); // three processes, each starting TypeScript through tsx
});
