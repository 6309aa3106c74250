import type { FastifyInstance } from "fastify";
import type { AuditLog } from "#core/audit/index.ts";
import type { Db } from "#core/db/transaction.ts";
import { runHourly } from "#core/jobs/hourly.ts";
import type { Mailer } from "#core/mail/index.ts";
import { registerTenantScoped, type TenantsService } from "#modules/tenants/index.ts";
import { accountRoutes } from "./account.routes.tsx";
import { createAccountsService } from "./accounts.service.ts";
import { emailChangeRoutes } from "./email-change.routes.tsx";
import { showAccountLink } from "./identity.http.ts";
import { accountMailer } from "./identity.mails.ts";
import { type IdentityRouteOptions, identityRoutes } from "./identity.routes.tsx";
import { citizenSessionPlugin } from "./identity.session-plugin.ts";
import { createIdentityMaintenance } from "./maintenance.service.ts";
import type { OidcSettings } from "./oidc.client.ts";
import { oidcRoutes } from "./oidc.routes.tsx";
import { createOidcService } from "./oidc.service.ts";
import { citizenPasskeyStore, passkeyChallengeStore } from "./passkeys.repo.ts";
import { passkeyRoutes } from "./passkeys.routes.tsx";
import { createPasskeyService } from "./passkeys.service.ts";
import { passwordRoutes } from "./password.routes.tsx";
import { profileRoutes } from "./profile.routes.tsx";
import { createProfileService } from "./profile.service.ts";
import { createSecretBox } from "./secret-box.ts";
import { createSessionsService, type SessionPolicy } from "./sessions.service.ts";
import { createThrottleService } from "./throttle.service.ts";
import { citizenTotpTables, totpStore } from "./totp.repo.ts";
import { totpRoutes } from "./totp.routes.tsx";
import { createTotpService } from "./totp.service.ts";

export type { AccountsService } from "./accounts.service.ts";
export type { OidcSettings } from "./oidc.client.ts";
export { isOidcCallback, oidcPaths } from "./oidc.paths.ts";
export { oidcOffer } from "./oidc-offer.ts";
export type { CitizenSession, SessionsService } from "./sessions.service.ts";
export { meetsTrustLevel, type TrustLevel, trustLevelName } from "./trust-level.ts";
export type { OidcOffer } from "./views/oidc-sign-in.tsx";

/**
 * `serverSecret` (SESSION_SECRET) keys the encryption of stored TOTP seeds; `oidc` names the identity
 * provider for "Mit BundID anmelden" (none: no such button).
 */
export function createIdentityServices(
  db: Db,
  mailer: Mailer,
  policy: SessionPolicy,
  serverSecret: string,
  oidc?: OidcSettings,
) {
  return {
    accounts: createAccountsService(db, accountMailer(mailer)),
    sessions: createSessionsService(db, policy),
    throttle: createThrottleService(db),
    totp: createTotpService(db, totpStore(citizenTotpTables), createSecretBox(serverSecret, "totp-seeds")),
    profile: createProfileService(db),
    oidc: createOidcService(db, oidc),
    passkeys: createPasskeyService(citizenPasskeyStore(db), passkeyChallengeStore(db)),
    maintenance: createIdentityMaintenance(db),
  };
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;

/**
 * Citizen accounts: the session of every request, "Anmelden" / "Mein Konto" in the header of municipality
 * pages, and the account pages under /{slug}/konto.
 */
export async function registerIdentity(
  app: FastifyInstance,
  opts: IdentityServices & {
    tenants: TenantsService;
    audit: AuditLog;
    publicUrl: string;
    secureCookies: boolean;
  },
): Promise<void> {
  await app.register(citizenSessionPlugin, { sessions: opts.sessions, secureCookies: opts.secureCookies });
  // What the account flows no longer need is deleted, at start and then hourly.
  runHourly(app, "identity data", () => opts.maintenance.purge());
  app.addHook("preHandler", async (request) => showAccountLink(request));
  const routeOptions: IdentityRouteOptions = opts;
  await registerTenantScoped(app, opts.tenants, async (scoped) => {
    await scoped.register(identityRoutes, routeOptions);
    await scoped.register(passwordRoutes, routeOptions);
    await scoped.register(accountRoutes, routeOptions);
    await scoped.register(totpRoutes, routeOptions);
    await scoped.register(profileRoutes, routeOptions);
    await scoped.register(emailChangeRoutes, routeOptions);
    await scoped.register(oidcRoutes, routeOptions);
    await scoped.register(passkeyRoutes, { ...routeOptions, passkeys: opts.passkeys });
  });
}
