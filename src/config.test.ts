import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, usesHttps } from "./config.ts";

const noPersist = { persistSecrets: false } as const;
const secret = "s".repeat(32);
const smtp = "smtp://mailer:geheim@mail.example.de:587";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, noPersist);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadConfig", () => {
  it("gives the embedded mode by default", () => {
    const config = loadConfig({}, noPersist);
    expect(config).toMatchObject({
      env: "development",
      port: 3000,
      host: "0.0.0.0",
      publicUrl: "http://localhost:3000",
      dataDir: resolve("./data"),
      databaseUrl: undefined,
      databasePoolSize: 10,
      logLevel: "info",
      seedDemo: true,
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(usesHttps(config)).toBe(false);
  });

  it("does not seed the demo by default in production", () => {
    const config = loadConfig(
      { NODE_ENV: "production", DATABASE_URL: "postgres://db/x", SESSION_SECRET: secret, SMTP_URL: smtp },
      noPersist,
    );
    expect(config.databaseUrl).toBe("postgres://db/x");
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: "false" }, noPersist).seedDemo).toBe(false);
  });

  it("reads every variable", () => {
    const config = loadConfig(
      {
        NODE_ENV: "production",
        PORT: "8080",
        HOST: "127.0.0.1",
        PUBLIC_URL: "https://rathaus.example.de/",
        DATA_DIR: "/var/lib/rathaus",
        DATABASE_URL: "postgresql://u:p@db:5432/rathaus",
        DATABASE_POOL_SIZE: "20",
        SESSION_SECRET: secret,
        LOG_LEVEL: "warn",
        SEED_DEMO: "yes",
        TRUST_PROXY: "1",
        BODY_LIMIT_BYTES: "2048",
        SMTP_URL: smtp,
        MAIL_FROM: "Stadt Usingen <rathaus@usingen.example>",
        DRAFT_LIFETIME_DAYS: "14",
      },
      noPersist,
    );
    expect(config).toEqual({
      env: "production",
      port: 8080,
      host: "127.0.0.1",
      publicUrl: "https://rathaus.example.de",
      dataDir: "/var/lib/rathaus",
      databaseUrl: "postgresql://u:p@db:5432/rathaus",
      databasePoolSize: 20,
      sessionSecret: secret,
      sessionSecretSource: "SESSION_SECRET",
      logLevel: "warn",
      seedDemo: true,
      trustProxy: true,
      bodyLimitBytes: 2048,
      smtpUrl: smtp,
      mailFrom: "Stadt Usingen <rathaus@usingen.example>",
      sessionIdleMinutes: 60,
      sessionMaxHours: 12,
      draftLifetimeDays: 14,
      payments: { attemptMinutes: 60, epay: undefined, stripe: undefined },
    });
    expect(usesHttps(config)).toBe(true);
  });

  it("requires DATABASE_URL, SESSION_SECRET and SMTP_URL in production, all reported at once", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.includes("DATABASE_URL"))).toBe(true);
    expect(problems.some((p) => p.includes("SESSION_SECRET"))).toBe(true);
    expect(problems.some((p) => p.includes("SMTP_URL"))).toBe(true);
    expect(() => loadConfig({ NODE_ENV: "production" }, noPersist)).toThrow(
      /DATABASE_URL[\s\S]*SESSION_SECRET/,
    );
  });

  it("reports all problems at once", () => {
    const problems = problemsOf({
      NODE_ENV: "staging",
      PORT: "http",
      DATABASE_URL: "mysql://db/x",
      SESSION_SECRET: "short",
      PUBLIC_URL: "not a url",
      LOG_LEVEL: "loud",
      DATABASE_POOL_SIZE: "0",
      SEED_DEMO: "maybe",
      TRUST_PROXY: "sometimes",
      BODY_LIMIT_BYTES: "1",
      SMTP_URL: "mail.example.de:25",
      MAIL_FROM: "Rathaus",
    });
    const expected = [
      "NODE_ENV",
      "PORT",
      "DATABASE_URL",
      "SESSION_SECRET",
      "PUBLIC_URL",
      "LOG_LEVEL",
      "DATABASE_POOL_SIZE",
      "SEED_DEMO",
      "TRUST_PROXY",
      "BODY_LIMIT_BYTES",
      "SMTP_URL",
      "MAIL_FROM",
    ];
    for (const name of expected)
      expect(
        problems.some((p) => p.startsWith(name)),
        name,
      ).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it("sends mail to the dev mailbox by default, from the installation", () => {
    const config = loadConfig({}, noPersist);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe("Digitales Rathaus <noreply@localhost>");
  });

  it.each(["smtp://mail.example.de", "smtps://u:p%40ss@mail.example.de:465", "smtp://127.0.0.1:2525"])(
    "accepts SMTP_URL=%s",
    (url) => expect(loadConfig({ SMTP_URL: url }, noPersist).smtpUrl).toBe(url),
  );

  it.each(["http://mail.example.de", "mail.example.de", "smtp://", "smtp://exa mple.de"])(
    "rejects SMTP_URL=%s",
    (url) => expect(problemsOf({ SMTP_URL: url })).toEqual([expect.stringContaining("SMTP_URL")]),
  );

  it.each(["noreply@usingen.de", "Stadt Usingen <noreply@usingen.de>", '"Usingen, Stadt" <a@b.de>'])(
    "accepts MAIL_FROM=%s",
    (from) => expect(loadConfig({ MAIL_FROM: from }, noPersist).mailFrom).toBe(from),
  );

  it.each(["Rathaus", "a@b.de\nBcc: x@y.de", "Name <a@b.de> <c@d.de>", "<>"])(
    "rejects MAIL_FROM=%j",
    (from) => expect(problemsOf({ MAIL_FROM: from })).toEqual([expect.stringContaining("MAIL_FROM")]),
  );

  it.each(["-1", "65536", "3000.5", "abc", "0x10", "1e3", " 80"])("rejects PORT=%s", (port) => {
    const problems = problemsOf({ PORT: port });
    expect(problems).toEqual([
      expect.stringContaining(`PORT must be an integer from 0 to 65535, got "${port}"`),
    ]);
  });

  it("accepts PORT=0 (any free port) and an empty PORT as the default", () => {
    expect(loadConfig({ PORT: "0" }, noPersist).port).toBe(0);
    expect(loadConfig({ PORT: "" }, noPersist).port).toBe(3000);
  });

  it("generates the session secret once and keeps it in the data dir", () => {
    const dir = mkdtempSync(join(tmpdir(), "rathaus-config-"));
    tempDirs.push(dir);
    const dataDir = join(dir, "nested", "data");
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, "session-secret"), "utf8").trim()).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first.sessionSecret);
  });

  it("writes nothing with persistSecrets: false", () => {
    const dir = mkdtempSync(join(tmpdir(), "rathaus-config-"));
    tempDirs.push(dir);
    loadConfig({ DATA_DIR: dir }, noPersist);
    expect(existsSync(join(dir, "session-secret"))).toBe(false);
  });

  it("pays at the embedded platform simulator by default, with a secret derived from the session secret", () => {
    const config = loadConfig({ SESSION_SECRET: secret, PUBLIC_URL: "http://127.0.0.1:4000" }, noPersist);
    expect(config.payments).toEqual({
      attemptMinutes: 60,
      epay: { url: "http://127.0.0.1:4000/_dev/pay", secret: expect.any(String), embedded: true },
      stripe: undefined,
    });
    const again = loadConfig({ SESSION_SECRET: secret }, noPersist).payments.epay?.secret;
    expect(config.payments.epay?.secret).toBe(again);
    expect(config.payments.epay?.secret).not.toBe(config.oidc?.clientSecret);
    expect(loadConfig({ SESSION_SECRET: "t".repeat(32) }, noPersist).payments.epay?.secret).not.toBe(again);
  });

  it("reads the payment platform and Stripe keys", () => {
    const config = loadConfig(
      {
        NODE_ENV: "production",
        DATABASE_URL: "postgres://db/x",
        SESSION_SECRET: secret,
        SMTP_URL: smtp,
        PAYMENT_ATTEMPT_MINUTES: "30",
        EPAY_URL: "https://epay.example.de/api/",
        EPAY_SECRET: "e".repeat(32),
        STRIPE_SECRET_KEY: "sk_live_abc123",
        STRIPE_WEBHOOK_SECRET: "whsec_def456",
      },
      noPersist,
    );
    expect(config.payments).toEqual({
      attemptMinutes: 30,
      epay: { url: "https://epay.example.de/api", secret: "e".repeat(32), embedded: false },
      stripe: { secretKey: "sk_live_abc123", webhookSecret: "whsec_def456" },
    });
  });

  it("reports every payment setting that is wrong, and an http:// platform in production", () => {
    expect(
      problemsOf({
        PAYMENT_ATTEMPT_MINUTES: "1",
        EPAY_URL: "ftp://epay.example.de",
        EPAY_SECRET: "short",
        STRIPE_SECRET_KEY: "pk_test_123",
      }).map((p) => p.split(" ")[0]),
    ).toEqual([
      "PAYMENT_ATTEMPT_MINUTES",
      "EPAY_URL",
      "EPAY_SECRET",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
    ]);
    expect(problemsOf({ EPAY_SECRET: "e".repeat(32), STRIPE_WEBHOOK_SECRET: "whsec_1" })).toEqual([
      "EPAY_SECRET needs EPAY_URL",
      "STRIPE_WEBHOOK_SECRET needs STRIPE_SECRET_KEY",
    ]);
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/x", SESSION_SECRET: secret };
    expect(
      problemsOf({
        ...production,
        SMTP_URL: smtp,
        EPAY_URL: "http://epay.example.de",
        EPAY_SECRET: "e".repeat(32),
      }),
    ).toEqual(["EPAY_URL must use https:// in production"]);
  });

  it("uses a given SESSION_SECRET outside production too", () => {
    expect(loadConfig({ SESSION_SECRET: secret }, noPersist).sessionSecret).toBe(secret);
  });
});
