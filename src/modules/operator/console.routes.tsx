import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import type { SignedInFrame } from "#core/views/signed-in-page.tsx";
import { validationErrors } from "#modules/identity/auth-kit.ts";
import { tenantPaths } from "#modules/tenants/index.ts";
import { type MunicipalityInput, municipalityFields } from "./municipalities.service.ts";
import { consoleChrome, currentOperator } from "./operator.http.ts";
import { operatorMessages } from "./operator.messages.ts";
import type { OperatorRouteOptions } from "./operator.options.ts";
import { operatorPaths } from "./operator.paths.ts";
import { MunicipalitiesPage } from "./views/municipalities.tsx";
import { MunicipalityFormPage } from "./views/municipality-form.tsx";

const readInput = (body: unknown): MunicipalityInput => {
  const form = formBody(body);
  return Object.fromEntries(
    municipalityFields.map((field) => [field, readString(form, field)]),
  ) as MunicipalityInput;
};

const emptyInput = readInput({});

/** The frame of a signed-in console page: the operator, the two areas, sign-out. */
function consoleFrame(request: FastifyRequest, reply: FastifyReply, notice?: string): SignedInFrame {
  const t = operatorMessages[request.lang];
  return {
    path: request.url.split("?")[0] ?? operatorPaths.home(),
    csrfToken: reply.generateCsrf(),
    signedInAs: format(t.signedInAs, { email: currentOperator(request).account.email }),
    navLabel: t.navHeading,
    logoutLabel: t.logout,
    nav: [
      { href: operatorPaths.home(), label: t.municipalitiesTitle },
      { href: operatorPaths.newMunicipality(), label: t.newMunicipalityAction },
    ],
    logoutAction: operatorPaths.logout(),
    notice,
  };
}

/** The municipalities of the installation, and "Kommune anlegen" with its first administrator. */
export async function consoleRoutes(app: FastifyInstance, opts: OperatorRouteOptions) {
  const { municipalities } = opts;

  app.get<{ Querystring: { angelegt?: string } }>("/", async (request, reply) => {
    const list = await municipalities.overview();
    const created = list.find((m) => m.slug === request.query.angelegt);
    const notice = created && format(operatorMessages[request.lang].createdNotice, { name: created.name });
    const model = {
      newHref: operatorPaths.newMunicipality(),
      municipalities: list.map((m) => ({ ...m, href: tenantPaths.home(`/${m.slug}`) })),
    };
    const frame = consoleFrame(request, reply, notice);
    return sendHtml(reply, 200, MunicipalitiesPage({ chrome: consoleChrome(request), frame, model }));
  });

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: MunicipalityInput,
    errors: FieldError[],
  ) => {
    const model = { action: operatorPaths.newMunicipality(), values, errors };
    const frame = consoleFrame(request, reply);
    return sendHtml(reply, status, MunicipalityFormPage({ chrome: consoleChrome(request), frame, model }));
  };

  app.get("/kommunen/neu", async (request, reply) => renderForm(request, reply, 200, emptyInput, []));

  app.post("/kommunen/neu", async (request, reply) => {
    const input = readInput(request.body);
    try {
      const { tenant } = await municipalities.create(input, request.lang, {
        operatorId: currentOperator(request).account.id,
        ip: request.ip,
        requestId: request.id,
      });
      return reply.redirect(withQuery(operatorPaths.home(), { angelegt: tenant.slug }), 303);
    } catch (error) {
      return renderForm(request, reply, 422, input, validationErrors(error));
    }
  });
}
