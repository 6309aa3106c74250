import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { sendHtml, sendMessage } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import {
  accountLinks,
  auditFrom,
  linkInvalidMessage,
  signedOutHere,
  validationErrors,
} from "./identity.http.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, submitRateLimit } from "./identity.routes.tsx";
import { ForgotPasswordPage, ResetPasswordPage } from "./views/token-forms.tsx";

/** Forgotten password: request a link by mail, then set a new password with it. */
export async function passwordRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const { accounts, sessions } = opts;

  const renderForgot = (request: FastifyRequest, csrfToken: string, email: string, errors: FieldError[]) => {
    const { base, chrome } = tenantContext(request);
    return ForgotPasswordPage({
      chrome,
      model: { path: identityPaths.forgotPassword(base), csrfToken, email, errors },
    });
  };

  const renderReset = (request: FastifyRequest, csrfToken: string, token: string, errors: FieldError[]) => {
    const { base, chrome } = tenantContext(request);
    return ResetPasswordPage({
      chrome,
      model: { path: identityPaths.resetPassword(base), csrfToken, token, errors },
    });
  };

  app.get("/konto/passwort-vergessen", async (request, reply) =>
    sendHtml(reply, 200, renderForgot(request, reply.generateCsrf(), "", [])),
  );

  app.post("/konto/passwort-vergessen", { config: submitRateLimit }, async (request, reply) => {
    const email = readString(formBody(request.body), "email");
    try {
      const result = await accounts.requestPasswordReset(
        { email },
        request.lang,
        accountLinks(request, opts.publicUrl),
      );
      await auditFrom(request, opts.audit, "citizen.password_reset_requested", { target: result.email });
      const t = identityMessages[request.lang];
      return sendMessage(request, reply, {
        title: t.forgotSentTitle,
        paragraphs: [format(t.forgotSentText, { email: result.email })],
      });
    } catch (error) {
      return sendHtml(
        reply,
        422,
        renderForgot(request, reply.generateCsrf(), email, validationErrors(error)),
      );
    }
  });

  app.get<{ Querystring: { token?: string } }>("/konto/passwort-zuruecksetzen", async (request, reply) => {
    const token = String(request.query.token ?? "");
    if (!(await accounts.resetLinkUsable(token)))
      return sendMessage(request, reply, linkInvalidMessage(request), 400);
    return sendHtml(reply, 200, renderReset(request, reply.generateCsrf(), token, []));
  });

  app.post("/konto/passwort-zuruecksetzen", { config: submitRateLimit }, async (request, reply) => {
    const body = formBody(request.body);
    const token = readString(body, "token");
    let citizenId: string | undefined;
    try {
      citizenId = await accounts.resetPassword(
        { token, password: readString(body, "password") },
        request.lang,
      );
    } catch (error) {
      return sendHtml(reply, 422, renderReset(request, reply.generateCsrf(), token, validationErrors(error)));
    }
    if (!citizenId) return sendMessage(request, reply, linkInvalidMessage(request), 400);
    // Whoever knew the old password is signed out everywhere, this browser included.
    await sessions.endOthers(citizenId);
    await auditFrom(request, opts.audit, "citizen.password_reset", { citizenId });
    signedOutHere(request, reply, opts.secureCookies);
    const t = identityMessages[request.lang];
    const { base } = tenantContext(request);
    return sendMessage(request, reply, {
      title: t.resetDoneTitle,
      paragraphs: [t.resetDoneText],
      next: { href: identityPaths.login(base), label: t.toLogin },
      success: true,
    });
  });
}
