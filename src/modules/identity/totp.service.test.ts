import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "#core/db/connect.ts";
import { uuidv7 } from "#core/db/ids.ts";
import { freshDatabase, testDrivers } from "#test/db.ts";
import { createSecretBox } from "./secret-box.ts";
import { citizenTotpTables, totpStore } from "./totp.repo.ts";
import { createTotpService, type TotpService } from "./totp.service.ts";

describe.each(testDrivers())("two-factor sign-in (TOTP) on %s", (driver) => {
  let database: DatabaseHandle;
  let totp: TotpService;
  let citizenId: string;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    database = await freshDatabase(driver);
    totp = createTotpService(
      database.db,
      totpStore(citizenTotpTables),
      createSecretBox("x".repeat(40), "totp"),
    );
    citizenId = uuidv7();
    await database.db
      .insertInto("citizens")
      .values({ id: citizenId, email: "t@example.de", password_hash: "x" })
      .execute();
  });
  afterAll(() => database?.close());

  it("turns on only after a correct first code, and stores the seed encrypted", async () => {
    const setup = await totp.beginSetup(citizenId, "t@example.de");
    secret = setup.secret;
    expect(setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrDataUrl.split(",")[1] ?? "", "base64").toString()).toContain("<svg");
    expect(await totp.pendingSecret(citizenId)).toBe(secret);
    expect(await totp.confirmSetup(citizenId, "000000")).toBeUndefined();
    expect((await totp.status(citizenId)).enabled).toBe(false);

    const codes = await totp.confirmSetup(citizenId, await generate({ secret }));
    recoveryCodes = codes ?? [];
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(await totp.status(citizenId)).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const row = await database.db
      .selectFrom("citizens")
      .selectAll()
      .where("id", "=", citizenId)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).not.toContain(secret);
    expect(row.totp_pending_enc).toBeNull();
  });

  it("accepts a code once: the same code again is a replay", async () => {
    // The setup code used the current step already; the next step's code is the next valid one.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await totp.verify(citizenId, next)).toBe("totp");
    expect(await totp.verify(citizenId, next)).toBeUndefined();
    expect(await totp.verify(citizenId, "123")).toBeUndefined();
    expect(await totp.verify(citizenId, "abcdef")).toBeUndefined();
  });

  it("accepts each recovery code once, in any case and with or without the hyphen", async () => {
    const [first = "", second = ""] = recoveryCodes;
    expect(await totp.verify(citizenId, first.toLowerCase().replace("-", ""))).toBe("recovery_code");
    expect(await totp.verify(citizenId, first)).toBeUndefined();
    expect(await totp.verify(citizenId, ` ${second} `)).toBe("recovery_code");
    expect((await totp.status(citizenId)).recoveryCodesLeft).toBe(8);
  });

  it("does not open the seed with another server secret", async () => {
    const other = createTotpService(
      database.db,
      totpStore(citizenTotpTables),
      createSecretBox("y".repeat(40), "totp"),
    );
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 60 });
    expect(await other.verify(citizenId, code)).toBeUndefined();
  });

  it("turns off completely", async () => {
    await totp.disable(citizenId);
    expect(await totp.status(citizenId)).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect(await totp.verify(citizenId, recoveryCodes[2] ?? "")).toBeUndefined();
  });
});
