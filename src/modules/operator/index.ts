import type { FastifyInstance } from "fastify";
import type { Db } from "#core/db/transaction.ts";
import type { Mailer } from "#core/mail/index.ts";
import {
  createSecretBox,
  createThrottleService,
  createTotpService,
  type SessionPolicy,
  totpStore,
} from "#modules/identity/auth-kit.ts";
import type { StaffService } from "#modules/staff/index.ts";
import type { TenantsService } from "#modules/tenants/index.ts";
import { consoleRoutes } from "./console.routes.tsx";
import { createMunicipalitiesService } from "./municipalities.service.ts";
import { operatorGuard } from "./operator.http.ts";
import { createOperatorService } from "./operator.service.ts";
import { createOperatorSessions, operatorTotpTables } from "./operator-sessions.ts";
import { operatorSetupRoutes } from "./setup.routes.tsx";
import { operatorSignInRoutes } from "./sign-in.routes.tsx";

export { operatorCommand } from "./operator.cli.ts";
export { operatorPaths } from "./operator.paths.ts";

/** The operator services; `serverSecret` keys the encryption of TOTP seeds (a key of their own). */
export function createOperatorServices(deps: {
  db: Db;
  mailer: Mailer;
  tenants: TenantsService;
  staff: StaffService;
  sessionPolicy: SessionPolicy;
  serverSecret: string;
  publicUrl: string;
}) {
  return {
    operators: createOperatorService(deps.db),
    municipalities: createMunicipalitiesService(deps),
    sessions: createOperatorSessions(deps.db, deps.sessionPolicy),
    totp: createTotpService(
      deps.db,
      totpStore(operatorTotpTables),
      createSecretBox(deps.serverSecret, "operator-totp-seeds"),
    ),
    throttle: createThrottleService(deps.db),
  };
}

export type OperatorServices = ReturnType<typeof createOperatorServices>;

/**
 * The operator console under /betrieb, in every environment (production installations need it): only an
 * operator account, signed in with password and second factor, gets past its sign-in.
 */
export async function registerOperator(
  app: FastifyInstance,
  opts: OperatorServices & { secureCookies: boolean },
): Promise<void> {
  await app.register(
    async (operatorConsole) => {
      await operatorConsole.register(operatorGuard, {
        sessions: opts.sessions,
        findOperator: opts.operators.find,
        secureCookies: opts.secureCookies,
      });
      await operatorConsole.register(operatorSignInRoutes, opts);
      await operatorConsole.register(operatorSetupRoutes, opts);
      await operatorConsole.register(consoleRoutes, opts);
    },
    { prefix: "/betrieb" },
  );
}
