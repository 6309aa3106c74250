import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { signedInCitizen, toSignIn } from "./account.routes.tsx";
import { auditFrom, reauthGuard, sendHtml, validationErrors } from "./identity.http.ts";
import { identityPaths, withQuery } from "./identity.paths.ts";
import { type IdentityRouteOptions, submitRateLimit } from "./identity.routes.tsx";
import { type Profile, profileFields } from "./profile.service.ts";
import { ChangePasswordPage, ProfilePage } from "./views/profile.tsx";

/** Personal details (prefilled into applications) and changing the password of a signed-in citizen. */
export async function profileRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const renderProfile = (
    request: FastifyRequest,
    csrfToken: string,
    values: Profile,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const model = {
      path: identityPaths.profile(base),
      csrfToken,
      errors,
      values,
      backHref: identityPaths.account(base),
    };
    return ProfilePage({ chrome, model });
  };

  app.get("/konto/profil", async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const profile = await opts.profile.get(who.citizen.id);
    if (!profile) return toSignIn(request, reply);
    return sendHtml(reply, 200, renderProfile(request, reply.generateCsrf(), profile, []));
  });

  app.post("/konto/profil", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const body = formBody(request.body);
    const input = Object.fromEntries(profileFields.map((f) => [f, readString(body, f)])) as Record<
      keyof Profile,
      string
    >;
    try {
      await opts.profile.save(who.citizen.id, input, request.lang);
    } catch (error) {
      return sendHtml(
        reply,
        422,
        renderProfile(request, reply.generateCsrf(), input, validationErrors(error)),
      );
    }
    await auditFrom(request, opts.audit, "citizen.profile_changed");
    const { base } = tenantContext(request);
    return reply.redirect(withQuery(identityPaths.account(base), { hinweis: "profil-gespeichert" }), 303);
  });

  const renderPassword = (request: FastifyRequest, csrfToken: string, errors: FieldError[]) => {
    const { base, chrome } = tenantContext(request);
    const model = {
      path: identityPaths.changePassword(base),
      csrfToken,
      errors,
      backHref: identityPaths.account(base),
    };
    return ChangePasswordPage({ chrome, model });
  };

  app.get("/konto/passwort-aendern", async (request, reply) => {
    if (!(await signedInCitizen(request, opts))) return toSignIn(request, reply);
    return sendHtml(reply, 200, renderPassword(request, reply.generateCsrf(), []));
  });

  app.post("/konto/passwort-aendern", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const body = formBody(request.body);
    const input = {
      currentPassword: readString(body, "currentPassword"),
      password: readString(body, "password"),
    };
    const guard = reauthGuard(request, opts.throttle, who.citizen.id, "currentPassword");
    const blocked = await guard.blocked();
    if (blocked) return sendHtml(reply, 429, renderPassword(request, reply.generateCsrf(), blocked));
    try {
      await opts.accounts.changePassword(who.citizen.id, input, request.lang);
    } catch (error) {
      const errors = await guard.check(validationErrors(error));
      return sendHtml(reply, 422, renderPassword(request, reply.generateCsrf(), errors));
    }
    // Other devices signed in with the old password; this one proved the new state and stays signed in.
    await opts.sessions.endOthers(who.citizen.id, who.session);
    await auditFrom(request, opts.audit, "citizen.password_changed");
    const { base } = tenantContext(request);
    return reply.redirect(withQuery(identityPaths.account(base), { hinweis: "passwort-geaendert" }), 303);
  });
}
