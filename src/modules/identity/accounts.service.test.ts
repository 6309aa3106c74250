import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { AppError } from "#core/http/errors.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { type AccountMailKind, type AccountsService, createAccountsService } from "./accounts.service.ts";

interface SentMail {
  kind: AccountMailKind;
  to: string;
  link: string;
  inTransaction: boolean;
}

const links = {
  verify: (token: string) => `http://test/konto/bestaetigen?token=${token}`,
  reset: (token: string) => `http://test/konto/passwort-zuruecksetzen?token=${token}`,
  forgotPassword: () => "http://test/konto/passwort-vergessen",
  confirmEmailChange: (token: string) => `http://test/konto/email?token=${token}`,
};
const tokenOf = (mail: SentMail | undefined) => new URL(mail?.link ?? "http://x").searchParams.get("token");
const password = "Drei Hasen hoppeln über die Wiese";
const commonLongPassword =
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .find((line) => line.length >= 12 && !line.startsWith("#")) ?? "";

async function validationFields(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError && error.status === 422)
      return error.fields.map((f) => `${f.field}: ${f.message}`);
    throw error;
  }
  throw new Error("expected a validation error");
}

describe.each(testDrivers())("citizen accounts on %s", (driver) => {
  let database: DatabaseHandle;
  let accounts: AccountsService;
  const mails: SentMail[] = [];
  beforeAll(async () => {
    database = await freshDatabase(driver);
    accounts = createAccountsService(database.db, async (executor, mail) => {
      mails.push({ kind: mail.kind, to: mail.to, link: mail.link, inTransaction: executor.isTransaction });
    });
  });
  afterAll(() => database?.close());
  beforeEach(() => {
    mails.length = 0;
  });

  it("explains every problem with the input in German or English", async () => {
    expect(await validationFields(accounts.register({ email: "", password: "" }, "de", links))).toEqual([
      "email: Geben Sie Ihre E-Mail-Adresse ein",
      "password: Geben Sie ein Passwort ein",
    ]);
    expect(await validationFields(accounts.register({ email: "x@", password: "kurz" }, "en", links))).toEqual(
      [
        "email: Enter an email address in the correct format, like name@example.com",
        "password: Your password must be at least 12 characters long",
      ],
    );
    expect(commonLongPassword.length).toBeGreaterThanOrEqual(12);
    const common = await validationFields(
      accounts.register({ email: "a@b.de", password: commonLongPassword.toUpperCase() }, "de", links),
    );
    expect(common[0]).toMatch(/^password: Dieses Passwort wird sehr häufig verwendet/);
    const withEmail = await validationFields(
      accounts.register({ email: "erika.mustermann@b.de", password: "erika.mustermann2026!" }, "de", links),
    );
    expect(withEmail).toEqual(["password: Ihr Passwort darf Ihre E-Mail-Adresse nicht enthalten"]);
    expect(mails).toEqual([]);
  });

  it("registers, verifies once by mailed link and then signs in", async () => {
    await accounts.register({ email: "  Erika@Example.DE ", password }, "de", links);
    expect(mails).toMatchObject([{ kind: "verify_email", to: "erika@example.de", inTransaction: true }]);
    const token = tokenOf(mails[0]);
    expect(await accounts.login({ email: "erika@example.de", password }, "de", links)).toEqual({
      status: "unverified",
      email: "erika@example.de",
    });
    // Signing in unverified sends a fresh link and retires the first.
    expect(mails[1]?.kind).toBe("verify_email");
    expect(await accounts.verifyEmail(token)).toBeUndefined();
    expect(await accounts.verifyEmail(tokenOf(mails[1]))).toMatch(/^[0-9a-f-]{36}$/);
    expect(await accounts.verifyEmail(tokenOf(mails[1]))).toBeUndefined();
    const result = await accounts.login({ email: "ERIKA@example.de", password }, "de", links);
    expect(result.status).toBe("ok");
  });

  it("answers a second registration of the same address like the first, mailing the owner instead", async () => {
    const first = await accounts.register({ email: "max@example.de", password }, "de", links);
    const second = await accounts.register(
      { email: "max@example.de", password: `${password}!` },
      "de",
      links,
    );
    expect(second).toEqual(first);
    expect(mails.map((m) => m.kind)).toEqual(["verify_email", "already_registered"]);
    expect(mails[1]?.link).toBe(links.forgotPassword());
    const rows = await database.db
      .selectFrom("citizens")
      .select("id")
      .where("email", "=", "max@example.de")
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("does not tell a wrong password from an unknown address", async () => {
    expect(
      await accounts.login({ email: "max@example.de", password: "falsch falsch falsch" }, "de", links),
    ).toEqual({
      status: "invalid",
    });
    expect(await accounts.login({ email: "niemand@example.de", password }, "de", links)).toEqual({
      status: "invalid",
    });
    expect(await accounts.login({ email: ["array"], password: { no: 1 } }, "de", links)).toEqual({
      status: "invalid",
    });
  });

  it("resets a password once per link and only for existing accounts", async () => {
    await accounts.requestPasswordReset({ email: "niemand@example.de" }, "de", links);
    expect(mails).toEqual([]);
    await accounts.requestPasswordReset({ email: "Erika@example.de" }, "de", links);
    expect(mails).toMatchObject([{ kind: "reset_password", to: "erika@example.de" }]);
    const token = tokenOf(mails[0]);
    expect(await accounts.resetLinkUsable(token)).toBe(true);
    expect(await validationFields(accounts.resetPassword({ token, password: "kurz" }, "de"))).toEqual([
      "password: Ihr Passwort muss mindestens 12 Zeichen lang sein",
    ]);
    const newPassword = "Vier Igel schlafen unter dem Laub";
    expect(await accounts.resetPassword({ token, password: newPassword }, "de")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await accounts.resetPassword({ token, password: newPassword }, "de")).toBeUndefined();
    expect(await accounts.resetLinkUsable(token)).toBe(false);
    expect((await accounts.login({ email: "erika@example.de", password }, "de", links)).status).toBe(
      "invalid",
    );
    expect(
      (await accounts.login({ email: "erika@example.de", password: newPassword }, "de", links)).status,
    ).toBe("ok");
  });

  it("rejects forged, truncated and foreign tokens", async () => {
    await accounts.requestPasswordReset({ email: "erika@example.de" }, "de", links);
    const token = tokenOf(mails[0]) ?? "";
    const [citizenId, secret] = token.split(".");
    const forged = [
      "",
      "garbage",
      token.slice(0, -1),
      `${citizenId}.${"A".repeat(43)}`,
      `00000000-0000-7000-8000-000000000000.${secret}`,
      `${token}.x`,
      12345,
      null,
    ];
    for (const candidate of forged) {
      expect(await accounts.resetLinkUsable(candidate), String(candidate)).toBe(false);
      expect(await accounts.verifyEmail(candidate), String(candidate)).toBeUndefined();
    }
    // A reset token is no verification token.
    expect(await accounts.verifyEmail(token)).toBeUndefined();
    expect(await accounts.resetLinkUsable(token)).toBe(true);
  });

  it("lets exactly one of many concurrent uses of a link succeed", async () => {
    await accounts.requestPasswordReset({ email: "erika@example.de" }, "de", links);
    const token = tokenOf(mails[0]);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        accounts.resetPassword({ token, password: `Fünf Füchse jagen im Wald ${i}` }, "de"),
      ),
    );
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });
});
