import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "#core/http/errors.ts";
import { formBody, readString } from "#core/http/form-page.ts";
import { sendHtml } from "#core/http/reply.ts";
import { validationErrors } from "#modules/identity/auth-kit.ts";
import { consoleChrome, logOperatorEvent, sendConsoleMessage } from "./operator.http.ts";
import { operatorMessages } from "./operator.messages.ts";
import type { OperatorRouteOptions } from "./operator.options.ts";
import { operatorPaths } from "./operator.paths.ts";
import { operatorSecondStep } from "./operator-sessions.ts";
import { publicRoute } from "./sign-in.routes.tsx";
import { OperatorSetupPage } from "./views/sign-in.tsx";

/** The setup link printed by `create-operator`: choose a password, then on to setting up the second factor. */
export async function operatorSetupRoutes(app: FastifyInstance, opts: OperatorRouteOptions) {
  const invalid = (request: FastifyRequest, reply: FastifyReply) => {
    const t = operatorMessages[request.lang];
    return sendConsoleMessage(
      request,
      reply,
      { title: t.setupInvalidTitle, paragraphs: [t.setupInvalidText] },
      400,
    );
  };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    token: string,
    errors: FieldError[],
  ) => {
    const operator = await opts.operators.setupFor(token);
    if (!operator) return invalid(request, reply);
    const model = {
      path: operatorPaths.setup(),
      csrfToken: reply.generateCsrf(),
      token,
      email: operator.email,
      errors,
    };
    return sendHtml(reply, status, OperatorSetupPage({ chrome: consoleChrome(request), model }));
  };

  app.get<{ Querystring: { token?: string } }>("/einrichten", { config: publicRoute }, (request, reply) =>
    render(request, reply, 200, String(request.query.token ?? ""), []),
  );

  app.post(
    "/einrichten",
    { config: { ...publicRoute, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const body = formBody(request.body);
      const input = {
        token: readString(body, "token"),
        password: readString(body, "password"),
        confirm: readString(body, "confirm"),
      };
      try {
        const operatorId = await opts.operators.completeSetup(input, request.lang);
        if (!operatorId) return invalid(request, reply);
        await logOperatorEvent(request, "setup_completed", { accountId: operatorId });
        operatorSecondStep.start(reply, operatorId, opts.secureCookies);
        return reply.redirect(operatorPaths.secondStep(), 303);
      } catch (error) {
        return render(request, reply, 422, input.token, validationErrors(error));
      }
    },
  );
}
