import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { sendHtml, sendMessage } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { signedInCitizen, toSignIn } from "./account.routes.tsx";
import {
  accountLinks,
  auditFrom,
  linkInvalidMessage,
  reauthGuard,
  validationErrors,
} from "./identity.http.ts";
import { identityMessages } from "./identity.messages.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, submitRateLimit } from "./identity.routes.tsx";
import { ChangeEmailPage, ConfirmLinkPage } from "./views/token-forms.tsx";

/** Changing the account's address: a link to the new address, which takes effect only once followed. */
export async function emailChangeRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const renderForm = (request: FastifyRequest, csrfToken: string, email: string, errors: FieldError[]) => {
    const { base, chrome } = tenantContext(request);
    const model = {
      path: identityPaths.changeEmail(base),
      csrfToken,
      email,
      errors,
      backHref: identityPaths.account(base),
    };
    return ChangeEmailPage({ chrome, model });
  };

  app.get("/konto/email-aendern", async (request, reply) => {
    if (!(await signedInCitizen(request, opts))) return toSignIn(request, reply);
    return sendHtml(reply, 200, renderForm(request, reply.generateCsrf(), "", []));
  });

  app.post("/konto/email-aendern", { config: submitRateLimit }, async (request, reply) => {
    const who = await signedInCitizen(request, opts);
    if (!who) return toSignIn(request, reply);
    const body = formBody(request.body);
    const input = { email: readString(body, "email"), currentPassword: readString(body, "currentPassword") };
    const guard = reauthGuard(request, opts.throttle, who.citizen.id, "currentPassword");
    const blocked = await guard.blocked();
    if (blocked) return sendHtml(reply, 429, renderForm(request, reply.generateCsrf(), input.email, blocked));
    let email: string;
    try {
      ({ email } = await opts.accounts.requestEmailChange(
        who.citizen.id,
        input,
        request.lang,
        accountLinks(request, opts.publicUrl),
      ));
    } catch (error) {
      const errors = await guard.check(validationErrors(error));
      return sendHtml(reply, 422, renderForm(request, reply.generateCsrf(), input.email, errors));
    }
    await auditFrom(request, opts.audit, "citizen.email_change_requested", { target: email });
    const t = identityMessages[request.lang];
    return sendMessage(request, reply, {
      title: t.changeEmailSentTitle,
      paragraphs: [format(t.changeEmailSentText, { email })],
    });
  });

  app.get<{ Querystring: { token?: string } }>("/konto/email-bestaetigen", async (request, reply) => {
    const { base, chrome } = tenantContext(request);
    const t = identityMessages[request.lang];
    const model = {
      path: identityPaths.confirmEmailChange(base),
      csrfToken: reply.generateCsrf(),
      errors: [],
      token: String(request.query.token ?? ""),
      title: t.confirmEmailChangeTitle,
      text: t.confirmEmailChangeText,
      button: t.mailVerifyAction,
    };
    return sendHtml(reply, 200, ConfirmLinkPage({ chrome, model }));
  });

  app.post("/konto/email-bestaetigen", { config: submitRateLimit }, async (request, reply) => {
    const token = readString(formBody(request.body), "token");
    const links = accountLinks(request, opts.publicUrl);
    const citizenId = await opts.accounts.confirmEmailChange(token, request.lang, links);
    if (!citizenId) return sendMessage(request, reply, linkInvalidMessage(request), 400);
    await auditFrom(request, opts.audit, "citizen.email_changed", { citizenId });
    const t = identityMessages[request.lang];
    const { base } = tenantContext(request);
    return sendMessage(request, reply, {
      title: t.emailChangedTitle,
      paragraphs: [t.emailChangedText],
      next: { href: identityPaths.account(base), label: t.accountTitle },
      success: true,
    });
  });
}
