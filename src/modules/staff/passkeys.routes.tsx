import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { passkeyCeremonies } from "#modules/identity/auth-kit.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { startStaffSession } from "./sign-in.routes.tsx";
import { auditStaff, currentStaff } from "./staff.http.ts";
import type { StaffRouteOptions } from "./staff.options.ts";
import { staffPaths } from "./staff.paths.ts";

const submitRateLimit = { rateLimit: { max: 20, timeWindow: "1 minute" } };
const publicRoute = { permission: "public" as const, ...submitRateLimit };
const enter = { permission: "backoffice.enter" as const, ...submitRateLimit };

/**
 * Passkeys of staff: adding and removing them under "Mein Zugang", and signing in with one instead of password
 * and code. The JSON calls come from public/passkeys.js, as for citizens; the pages render the controls.
 */
export async function staffPasskeyRoutes(app: FastifyInstance, opts: StaffRouteOptions) {
  const ceremonies = passkeyCeremonies({
    cookieName: "rathaus_staff_passkey",
    secureCookies: opts.secureCookies,
    publicUrl: opts.publicUrl,
    throttle: opts.throttle,
    audit: (request, event, data) =>
      auditStaff(request, opts.audit, `staff.${event}`, { ...data, staffId: data.accountId }),
  });
  const passkeysHere = (request: FastifyRequest) => opts.passkeys(tenantContext(request).tenant.id);
  const ownAccessWith = (request: FastifyRequest, hinweis: string) =>
    withQuery(staffPaths.ownAccess(tenantContext(request).base), { hinweis });

  app.post("/zugang/passkeys/optionen", { config: enter }, (request, reply) => {
    const { member } = currentStaff(request);
    const { tenant } = tenantContext(request);
    return ceremonies.offerRegistration(request, reply, passkeysHere(request), {
      id: member.id,
      name: member.email,
      displayName: `${member.displayName} (${tenant.name})`,
    });
  });

  app.post("/zugang/passkeys/hinzufuegen", { config: enter }, (request, reply) =>
    ceremonies.completeRegistration(request, reply, passkeysHere(request), {
      accountId: currentStaff(request).member.id,
      next: ownAccessWith(request, "passkey-hinzugefuegt"),
    }),
  );

  app.post("/zugang/passkeys/entfernen", { config: enter }, async (request, reply) => {
    const credential = readString(formBody(request.body), "credential");
    const removed = await passkeysHere(request).remove(currentStaff(request).member.id, credential);
    if (!removed) throw NotFound();
    await auditStaff(request, opts.audit, "staff.passkey_removed", { details: { name: removed.name } });
    return reply.redirect(ownAccessWith(request, "passkey-entfernt"), 303);
  });

  app.post("/anmelden/passkey/optionen", { config: publicRoute }, (request, reply) =>
    ceremonies.offerSignIn(request, reply, passkeysHere(request)),
  );

  app.post<{ Querystring: { weiter?: string } }>(
    "/anmelden/passkey",
    { config: publicRoute },
    (request, reply) => {
      const { tenant, base } = tenantContext(request);
      return ceremonies.signIn(request, reply, passkeysHere(request), {
        next: safeReturnPath(request.query.weiter, staffPaths.home(base)),
        start: async (staffId) => {
          if (!(await opts.staff.isActive(tenant.id, staffId))) return false;
          await startStaffSession(request, reply, opts, staffId, "passkey");
          return true;
        },
      });
    },
  );
}
