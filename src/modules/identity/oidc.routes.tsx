import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { safeReturnPath, withQuery } from "#core/http/paths.ts";
import { sendMessage } from "#core/http/reply.ts";
import { format } from "#core/i18n/messages.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { accountLinks, auditFrom } from "./identity.http.ts";
import { identityPaths } from "./identity.paths.ts";
import { type IdentityRouteOptions, startSession } from "./identity.routes.tsx";
import { type OidcFailure, OidcSignInError } from "./oidc.client.ts";
import { oidcMessages } from "./oidc.messages.ts";
import { oidcPaths } from "./oidc.paths.ts";
import type { OidcService } from "./oidc.service.ts";
import { rememberSignIn, takePendingSignIn } from "./oidc-pending.ts";

/** Where the provider sends the citizen back: the same origin rule as the links in mails. */
function callbackUrl(request: FastifyRequest, publicUrl: string): string {
  const origin = new URL(accountLinks(request, publicUrl).forgotPassword()).origin;
  return `${origin}${oidcPaths.callback(tenantContext(request).base)}`;
}

type Refusal = OidcFailure | "state" | "no_email" | "email_taken";
type Text = keyof (typeof oidcMessages)["de"];

/** What the citizen is told when the sign-in does not lead to a session. */
const refusals: Record<Refusal, { status: number; title: Text; text: Text }> = {
  cancelled: { status: 200, title: "cancelledTitle", text: "cancelled" },
  rejected: { status: 400, title: "failedTitle", text: "rejected" },
  state: { status: 400, title: "failedTitle", text: "stateInvalid" },
  no_email: { status: 400, title: "failedTitle", text: "noEmail" },
  email_taken: { status: 409, title: "emailTakenTitle", text: "emailTaken" },
  unavailable: { status: 503, title: "failedTitle", text: "unavailable" },
};

/** Sign-in through the identity provider (OpenID Connect, authorization code flow with PKCE). */
export async function oidcRoutes(app: FastifyInstance, opts: IdentityRouteOptions) {
  const requireOidc = () => {
    if (!opts.oidc) throw NotFound();
    return opts.oidc;
  };

  const explain = (
    request: FastifyRequest,
    reply: FastifyReply,
    oidc: OidcService,
    refusal: Refusal,
    returnTo: string,
    email = "",
  ) => {
    const t = oidcMessages[request.lang];
    const { status, title, text } = refusals[refusal];
    const provider = oidc.provider(request.lang).name;
    const { base } = tenantContext(request);
    const model = {
      title: t[title],
      paragraphs: [format(t[text], { provider, email })],
      next: { href: withQuery(identityPaths.login(base), { weiter: returnTo }), label: t.retry },
    };
    return sendMessage(request, reply, model, status);
  };

  app.get<{ Querystring: { weiter?: string } }>("/konto/anmelden/oidc", async (request, reply) => {
    const oidc = requireOidc();
    const { base, tenant } = tenantContext(request);
    const returnTo = safeReturnPath(request.query.weiter, identityPaths.account(base));
    try {
      const sent = await oidc.begin(callbackUrl(request, opts.publicUrl));
      const { url, ...checks } = sent;
      rememberSignIn(reply, { ...checks, tenantId: tenant.id, returnTo }, base, opts.secureCookies);
      return reply.redirect(url, 303);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      request.log.warn({ err: error.cause }, "OIDC sign-in could not start");
      return explain(request, reply, oidc, error.failure, returnTo);
    }
  });

  app.get<{ Querystring: { state?: unknown } }>("/konto/anmelden/oidc/rueckkehr", async (request, reply) => {
    const oidc = requireOidc();
    const { base, tenant } = tenantContext(request);
    const pending = takePendingSignIn(request, reply, base, opts.secureCookies);
    const returnTo = pending?.returnTo ?? identityPaths.account(base);
    const refuse = async (refusal: Refusal, details: { cause?: unknown; email?: string } = {}) => {
      if (details.cause) request.log.warn({ err: details.cause }, "OIDC sign-in failed");
      await auditFrom(request, opts.audit, "citizen.login_failed", {
        target: details.email,
        details: { method: "oidc", reason: refusal },
      });
      return explain(request, reply, oidc, refusal, returnTo, details.email);
    };
    if (!pending || pending.tenantId !== tenant.id || pending.state !== request.query.state)
      return refuse("state");

    const current = new URL(callbackUrl(request, opts.publicUrl));
    current.search = new URL(request.url, "http://callback").search;
    let claims: Awaited<ReturnType<OidcService["complete"]>>;
    try {
      claims = await oidc.complete(current, pending);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      return refuse(error.failure, { cause: error.cause });
    }

    const signIn = await oidc.signIn(claims);
    if (signIn.status === "no_email") return refuse("no_email");
    if (signIn.status === "email_taken") return refuse("email_taken", { email: signIn.email });
    const { citizenId, trustLevel } = signIn;
    if (signIn.account !== "known") {
      const action = signIn.account === "created" ? "citizen.registered_oidc" : "citizen.oidc_linked";
      await auditFrom(request, opts.audit, action, { citizenId, details: { issuer: signIn.issuer } });
    }
    const sessionIdHash = await startSession(request, reply, opts, citizenId, "oidc");
    await oidc.recordLogin(signIn, sessionIdHash);
    await auditFrom(request, opts.audit, "citizen.login_succeeded", {
      citizenId,
      details: { method: "oidc", trustLevel, acr: signIn.acr.slice(0, 200) },
    });
    return reply.redirect(returnTo, 303);
  });
}
