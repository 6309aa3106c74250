import type { FastifyInstance, FastifyRequest } from "fastify";
import { berlinDate } from "#core/dates/berlin.ts";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readDateParts, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { signedInCitizen, toSignIn } from "./account.routes.tsx";
import { auditFrom, reauthGuard, validationErrors } from "./identity.http.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, submitRateLimit } from "./identity.routes.tsx";
import { oidcMessages } from "./oidc.messages.ts";
import { type ProfileInput, type ProfileTextField, profileFields, profileInput } from "./profile.service.ts";
import type { CitizenSession } from "./sessions.service.ts";
import { ChangePasswordPage, ProfilePage } from "./views/profile.tsx";

/** Personal details (prefilled into applications) and changing the password of a signed-in citizen. */
export async function profileRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  /** Which provider sent the data, and how sure this sign-in is, when one was involved. */
  const provenance = async (request: FastifyRequest, session: CitizenSession) => {
    const oidc = opts.oidc;
    if (!oidc) return [];
    const t = oidcMessages[request.lang];
    const [login, provided] = await Promise.all([
      oidc.sessionLogin(session.citizenId, session.idHash, request.lang),
      oidc.lastProvided(session.citizenId, request.lang),
    ]);
    return [
      login &&
        format(t.sessionTrustLevel, {
          level: t[`trustLevel_${login.trustLevel}`],
          provider: login.providerName,
        }),
      provided && format(t.fromProvider, { provider: provided.providerName, date: berlinDate(provided.at) }),
    ].filter((line): line is string => Boolean(line));
  };

  const renderProfile = async (
    request: FastifyRequest,
    csrfToken: string,
    session: CitizenSession,
    values: ProfileInput,
    errors: FieldError[],
  ) => {
    const { base, chrome } = tenantContext(request);
    const model = {
      path: identityPaths.profile(base),
      csrfToken,
      errors,
      values,
      provenance: await provenance(request, session),
      backHref: identityPaths.account(base),
    };
    return ProfilePage({ chrome, model });
  };

  app.get("/konto/profil", async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const profile = await opts.profile.get(who.citizen.id);
    if (!profile) return toSignIn(request, reply);
    const page = renderProfile(request, reply.generateCsrf(), who.session, profileInput(profile), []);
    return sendHtml(reply, 200, page);
  });

  app.post("/konto/profil", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const body = formBody(request.body);
    const input: ProfileInput = {
      ...(Object.fromEntries(profileFields.map((f) => [f, readString(body, f)])) as Record<
        ProfileTextField,
        string
      >),
      birthdate: readDateParts(body, "birthdate"),
    };
    try {
      await opts.profile.save(who.citizen.id, input, request.lang);
    } catch (error) {
      return sendHtml(
        reply,
        422,
        renderProfile(request, reply.generateCsrf(), who.session, input, validationErrors(error)),
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
