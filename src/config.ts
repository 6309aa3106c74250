import { hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** Public base URL, used for absolute links and to decide whether cookies are `Secure`. */
  publicUrl: string;
  dataDir: string;
  /** PostgreSQL URL; `undefined` selects the embedded PGlite database in `dataDir/db`. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  sessionSecret: string;
  /** Where the secret came from, for check-config: never the secret itself. */
  sessionSecretSource:
    | "SESSION_SECRET"
    | "generated into DATA_DIR/session-secret"
    | "not set: rathaus start generates one into DATA_DIR/session-secret";
  logLevel: LogLevel;
  /** Seed the demo municipalities when the database has no tenant yet. */
  seedDemo: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** SMTP server URL; `undefined` stores mails in the dev mailbox (`/_dev/mail`) instead of sending them. */
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMinutes: number;
  /** Unsent application drafts are deleted this many days after their last change. */
  draftLifetimeDays: number;
  sessionMaxHours: number;
  /** OpenID Connect sign-in of citizens; `undefined` when off (production without OIDC_ISSUER). */
  oidc: OidcConfig | undefined;
  /** clamd that scans every upload; `undefined` when CLAMD_HOST is not set (uploads are not scanned). */
  clamd: { host: string; port: number } | undefined;
  payments: PaymentsConfig;
}

export interface PaymentsConfig {
  /** An unpaid payment attempt expires this many minutes after it began. */
  attemptMinutes: number;
  /** The ePayBL-style payment platform; `undefined` in production without EPAY_URL. */
  epay: EpayConfig | undefined;
  /** Stripe Checkout; `undefined` without STRIPE_SECRET_KEY. */
  stripe: StripeConfig | undefined;
}

export interface EpayConfig {
  /** Base URL of the platform's API and hosted pages. */
  url: string;
  /** Shared HMAC secret: signs our requests to the platform and its notifications to us. */
  secret: string;
  /** The payment platform simulator of this server at `PUBLIC_URL/_dev/pay` (never in production). */
  embedded: boolean;
}

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** Tests only: a local stand-in for the Stripe API, e.g. `http://127.0.0.1:4242`. */
  apiUrl?: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Text of the sign-in button; unset: the default of the page's language. */
  buttonLabel: string | undefined;
  /** Name shown next to the provider's host on the sign-in page; unset: the default name. */
  providerName: string | undefined;
  /** The demo identity provider of this server at `PUBLIC_URL/_dev/idp` (never in production). */
  embedded: boolean;
}

/** One documented entry per environment variable; the README table is generated from the same words. */
export const configDocs: Record<string, string> = {
  NODE_ENV:
    "`production` makes missing secrets a start-up error and turns the demo seed off. Default `development`.",
  PORT: "HTTP port. Default `3000`.",
  HOST: "Interface to listen on. Default `0.0.0.0`.",
  PUBLIC_URL:
    "External base URL (e.g. `https://rathaus.example.de`); `https://` turns on `Secure` cookies and HSTS. Default `http://localhost:PORT`.",
  DATA_DIR: "Folder for the embedded database, the generated session secret and files. Default `./data`.",
  DATABASE_URL: "PostgreSQL connection URL. Unset: embedded PGlite in `DATA_DIR/db`. Required in production.",
  DATABASE_POOL_SIZE: "Maximum PostgreSQL connections of this process. Default `10`.",
  SESSION_SECRET:
    "At least 32 characters, signs cookies. Unset outside production: generated once into `DATA_DIR/session-secret`.",
  LOG_LEVEL: "pino level (`fatal` … `trace`, `silent`). Default `info`.",
  SEED_DEMO:
    "`true` seeds the demo municipalities Usingen and Neu-Anspach into an empty database at start. Default `true`, in production `false`.",
  TRUST_PROXY: "`true` when behind a reverse proxy that sets `X-Forwarded-*`. Default `false`.",
  BODY_LIMIT_BYTES: "Largest accepted request body for forms and JSON. Default `1048576` (1 MiB).",
  SMTP_URL:
    "SMTP server for outgoing mail, e.g. `smtp://user:password@mail.example.de:587` (`smtps://` for TLS from the first byte). Unset: mails are stored and shown at `/_dev/mail`. Required in production.",
  MAIL_FROM: "Sender of outgoing mail. Default `Digitales Rathaus <noreply@localhost>`.",
  SESSION_IDLE_MINUTES: "A sign-in ends after this many minutes without a request. Default `60`.",
  DRAFT_LIFETIME_DAYS:
    "Application drafts not sent are deleted this many days after their last change. Default `30`.",
  SESSION_MAX_HOURS: "A sign-in ends this many hours after it began, active or not. Default `12`.",
  OIDC_ISSUER:
    "Issuer URL of the OpenID Connect provider for citizen sign-in (e.g. BundID), `https://` in production. Unset: the demo provider at `PUBLIC_URL/_dev/idp`, in production no OIDC sign-in.",
  OIDC_CLIENT_ID: "Client id registered with the identity provider. Required with `OIDC_ISSUER`.",
  OIDC_CLIENT_SECRET:
    "Client secret registered with the identity provider (sent with HTTP Basic authentication). Required with `OIDC_ISSUER`.",
  OIDC_BUTTON_LABEL:
    "Text of the sign-in button. Default `Mit BundID anmelden` (English pages: `Sign in with BundID`).",
  OIDC_PROVIDER_NAME:
    "Name of the identity provider, shown on the sign-in page with its host. Default `BundID` (the demo provider names itself).",
  CLAMD_HOST:
    "Host of a ClamAV daemon (clamd) that scans every upload over TCP; a file it cannot check is refused. Unset: uploads are not scanned.",
  CLAMD_PORT: "TCP port of clamd. Default `3310`.",
  PAYMENT_ATTEMPT_MINUTES:
    "An online payment not completed within this many minutes expires; the citizen can start a new attempt. Default `60`.",
  EPAY_URL:
    "Base URL of the ePayBL-style payment platform, `https://` in production. Unset: the payment platform simulator at `PUBLIC_URL/_dev/pay`, in production no such platform.",
  EPAY_SECRET:
    "Shared secret (at least 32 characters) that signs the requests to the payment platform and its notifications (HMAC-SHA256). Required with `EPAY_URL`.",
  STRIPE_SECRET_KEY: "Secret API key of the Stripe account (`sk_…` or `rk_…`). Unset: no Stripe payments.",
  STRIPE_WEBHOOK_SECRET:
    "Signing secret of the Stripe webhook endpoint (`whsec_…`). Required with `STRIPE_SECRET_KEY`.",
};

export const defaultMailFrom = "Digitales Rathaus <noreply@localhost>";

// "name@host" or "Display Name <name@host>", on one line.
const mailFromPattern = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]) {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN; // decimal digits only: no "0x10", "1e3", " 80"
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]) {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["true", "1", "yes"].includes(raw)) return true;
  if (["false", "0", "no"].includes(raw)) return false;
  problems.push(`${name} must be true or false, got "${env[name]}"`);
  return fallback;
}

function storedSessionSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

/** A secret of this server's own demo services (dev-idp, dev-pay), derived from SESSION_SECRET per purpose. */
function derivedSecret(sessionSecret: string, purpose: string): string {
  return Buffer.from(hkdfSync("sha256", sessionSecret, "digitales-rathaus", purpose, 32)).toString(
    "base64url",
  );
}

/**
 * OIDC_ISSUER names the identity provider; without it, development and tests use the demo provider this
 * server runs itself, with a client secret derived from SESSION_SECRET.
 */
function oidcConfig(
  env: Env,
  production: boolean,
  publicUrl: string,
  sessionSecret: string,
  problems: string[],
): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER || undefined;
  const text = (raw: string | undefined, name: string, max: number) => {
    const value = raw?.trim() || undefined;
    if (value && (value.length > max || /[\p{C}<>]/u.test(value))) {
      problems.push(`${name} must be one line of at most ${max} characters without < or >`);
    }
    return value;
  };
  const display = {
    buttonLabel: text(env.OIDC_BUTTON_LABEL, "OIDC_BUTTON_LABEL", 60),
    providerName: text(env.OIDC_PROVIDER_NAME, "OIDC_PROVIDER_NAME", 80),
  };
  const clientId = env.OIDC_CLIENT_ID || undefined;
  const clientSecret = env.OIDC_CLIENT_SECRET || undefined;
  if (!issuer) {
    if (clientId || clientSecret) problems.push("OIDC_CLIENT_ID and OIDC_CLIENT_SECRET need OIDC_ISSUER");
    if (production) return undefined;
    return {
      issuer: `${publicUrl}/_dev/idp`,
      clientId: "digitales-rathaus",
      clientSecret: derivedSecret(sessionSecret, "dev-idp-client"),
      ...display,
      embedded: true,
    };
  }
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) {
    problems.push(`OIDC_ISSUER must be an absolute http(s) URL, got "${issuer}"`);
  } else if (production && !issuer.startsWith("https://")) {
    problems.push("OIDC_ISSUER must use https:// in production");
  }
  if (!clientId || !clientSecret)
    problems.push("OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER");
  return { issuer, clientId: clientId ?? "", clientSecret: clientSecret ?? "", ...display, embedded: false };
}

function clamdConfig(env: Env, problems: string[]): Config["clamd"] {
  const host = env.CLAMD_HOST?.trim() || undefined;
  const port = integer(env, "CLAMD_PORT", 3310, 1, 65535, problems);
  if (!host) return undefined;
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host))
    problems.push(`CLAMD_HOST must be a host name or address, got "${host}"`);
  return { host, port };
}

/**
 * EPAY_URL names the payment platform; without it, development and tests use the simulator this server
 * runs itself, with a secret derived from SESSION_SECRET.
 */
function epayConfig(
  env: Env,
  production: boolean,
  publicUrl: string,
  sessionSecret: string,
  problems: string[],
): EpayConfig | undefined {
  const url = env.EPAY_URL?.replace(/\/+$/, "") || undefined;
  const secret = env.EPAY_SECRET || undefined;
  if (!url) {
    if (secret) problems.push("EPAY_SECRET needs EPAY_URL");
    if (production) return undefined;
    return {
      url: `${publicUrl}/_dev/pay`,
      secret: derivedSecret(sessionSecret, "dev-pay-merchant"),
      embedded: true,
    };
  }
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    problems.push(`EPAY_URL must be an absolute http(s) URL, got "${url}"`);
  } else if (production && !url.startsWith("https://")) {
    problems.push("EPAY_URL must use https:// in production");
  }
  if (!secret || secret.length < 32)
    problems.push("EPAY_SECRET of at least 32 characters is required with EPAY_URL");
  return { url, secret: secret ?? "", embedded: false };
}

function stripeConfig(env: Env, problems: string[]): StripeConfig | undefined {
  const secretKey = env.STRIPE_SECRET_KEY?.trim() || undefined;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim() || undefined;
  if (!secretKey) {
    if (webhookSecret) problems.push("STRIPE_WEBHOOK_SECRET needs STRIPE_SECRET_KEY");
    return undefined;
  }
  if (!/^(sk|rk)_(test|live)_\w+$/.test(secretKey))
    problems.push("STRIPE_SECRET_KEY must be a secret or restricted key (sk_… or rk_…)");
  if (!webhookSecret || !/^whsec_\w+$/.test(webhookSecret))
    problems.push("STRIPE_WEBHOOK_SECRET (whsec_…) is required with STRIPE_SECRET_KEY");
  return { secretKey, webhookSecret: webhookSecret ?? "" };
}

const logLevels: LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/**
 * Reads the environment into a typed config. Every problem is collected and reported at once;
 * `persistSecrets: false` (check-config, tests) never writes a generated secret to disk.
 */
export function loadConfig(env: Env = process.env, options: { persistSecrets?: boolean } = {}): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? "development";
  if (!["development", "production", "test"].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === "production";
  const port = integer(env, "PORT", 3000, 0, 65535, problems);
  const dataDir = resolve(env.DATA_DIR || "./data");
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL must start with postgres:// or postgresql://");
  }
  if (production && !databaseUrl) {
    problems.push(
      "DATABASE_URL is required in production (the embedded PGlite database is for trying out only)",
    );
  }
  let sessionSecret = env.SESSION_SECRET ?? "";
  let sessionSecretSource: Config["sessionSecretSource"] = "SESSION_SECRET";
  if (sessionSecret && sessionSecret.length < 32)
    problems.push("SESSION_SECRET must have at least 32 characters");
  if (!sessionSecret && production) problems.push("SESSION_SECRET is required in production");
  if (!sessionSecret && !production) {
    const persist = options.persistSecrets !== false;
    sessionSecret = persist ? storedSessionSecret(dataDir) : randomBytes(32).toString("base64url");
    sessionSecretSource = persist
      ? "generated into DATA_DIR/session-secret"
      : "not set: rathaus start generates one into DATA_DIR/session-secret";
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, "");
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL, got "${env.PUBLIC_URL}"`);
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !(/^smtps?:\/\//.test(smtpUrl) && URL.canParse(smtpUrl) && new URL(smtpUrl).hostname)) {
    problems.push("SMTP_URL must be a URL starting with smtp:// or smtps:// and naming a host");
  }
  if (production && !smtpUrl) problems.push("SMTP_URL is required in production (mail must reach citizens)");
  const mailFrom = env.MAIL_FROM || defaultMailFrom;
  if (!mailFromPattern.test(mailFrom)) {
    problems.push(`MAIL_FROM must be "name@host" or "Name <name@host>", got "${mailFrom}"`);
  }
  const logLevel = (env.LOG_LEVEL ?? "info") as LogLevel;
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(", ")}`);

  const config: Config = {
    env: nodeEnv as Config["env"],
    port,
    host: env.HOST || "0.0.0.0",
    publicUrl,
    dataDir,
    databaseUrl,
    databasePoolSize: integer(env, "DATABASE_POOL_SIZE", 10, 1, 500, problems),
    sessionSecret,
    sessionSecretSource,
    logLevel,
    seedDemo: boolean(env, "SEED_DEMO", !production, problems),
    trustProxy: boolean(env, "TRUST_PROXY", false, problems),
    bodyLimitBytes: integer(env, "BODY_LIMIT_BYTES", 1024 * 1024, 1024, 100 * 1024 * 1024, problems),
    smtpUrl,
    mailFrom,
    sessionIdleMinutes: integer(env, "SESSION_IDLE_MINUTES", 60, 5, 24 * 60, problems),
    draftLifetimeDays: integer(env, "DRAFT_LIFETIME_DAYS", 30, 1, 365, problems),
    sessionMaxHours: integer(env, "SESSION_MAX_HOURS", 12, 1, 24 * 30, problems),
    oidc: oidcConfig(env, production, publicUrl, sessionSecret, problems),
    clamd: clamdConfig(env, problems),
    payments: {
      attemptMinutes: integer(env, "PAYMENT_ATTEMPT_MINUTES", 60, 5, 24 * 60, problems),
      epay: epayConfig(env, production, publicUrl, sessionSecret, problems),
      stripe: stripeConfig(env, problems),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function usesHttps(config: Config): boolean {
  return config.publicUrl.startsWith("https://");
}
