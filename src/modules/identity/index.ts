import type { FastifyInstance } from "fastify";
import type { Db } from "#core/db/transaction.ts";
import type { Mailer } from "#core/mail/index.ts";
import { registerTenantScoped, type TenantsService } from "#modules/tenants/index.ts";
import { accountRoutes } from "./account.routes.tsx";
import { createAccountsService } from "./accounts.service.ts";
import { accountMailer } from "./identity.mails.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, identityRoutes } from "./identity.routes.tsx";
import { citizenSessionPlugin } from "./identity.session-plugin.ts";
import { passwordRoutes } from "./password.routes.tsx";
import { createSessionsService, type SessionPolicy } from "./sessions.service.ts";
import { createThrottleService } from "./throttle.service.ts";

export type { AccountsService } from "./accounts.service.ts";
export type { CitizenSession, SessionsService } from "./sessions.service.ts";

export function createIdentityServices(db: Db, mailer: Mailer, policy: SessionPolicy) {
  return {
    accounts: createAccountsService(db, accountMailer(mailer)),
    sessions: createSessionsService(db, policy),
    throttle: createThrottleService(db),
  };
}

export type IdentityServices = ReturnType<typeof createIdentityServices>;

/**
 * Citizen accounts: the session of every request, "Anmelden" / "Mein Konto" in the header of municipality
 * pages, and the account pages under /{slug}/konto.
 */
export async function registerIdentity(
  app: FastifyInstance,
  opts: IdentityServices & { tenants: TenantsService; publicUrl: string; secureCookies: boolean },
): Promise<void> {
  await app.register(citizenSessionPlugin, { sessions: opts.sessions, secureCookies: opts.secureCookies });
  app.addHook("preHandler", async (request) => {
    if (!request.chrome || !request.tenant) return;
    const t = identityMessages[request.lang];
    const base = request.tenantBase;
    request.chrome.accountLink = request.citizenSession
      ? { href: identityPaths.account(base), label: t.accountLinkSignedIn }
      : { href: identityPaths.login(base), label: t.accountLinkSignedOut };
  });
  const routeOptions: IdentityRouteOptions = opts;
  await registerTenantScoped(app, opts.tenants, async (scoped) => {
    await scoped.register(identityRoutes, routeOptions);
    await scoped.register(passwordRoutes, routeOptions);
    await scoped.register(accountRoutes, routeOptions);
  });
}
