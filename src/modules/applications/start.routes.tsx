import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { withQuery } from "#core/http/paths.ts";
import { sendHtml } from "#core/http/reply.ts";
import { type CatalogService, pick } from "#modules/catalog/index.ts";
import { lockedAnswers, type PrefillProfile, prefillAnswers, stepOrder } from "#modules/forms/index.ts";
import { identityPaths } from "#modules/identity/identity.paths.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationPaths } from "./applications.paths.ts";
import { type ApplicationRouteOptions, draftCookie } from "./flow-context.ts";
import { asPrefill, type VerifiedGate, verifiedGate } from "./verified-start.ts";
import { StartPage } from "./views/start.tsx";

export const startRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/**
 * "Online beantragen": the start page of a service's form, and starting a draft (signed in or as a guest). A
 * form that needs verified data starts only for a citizen signed in through the identity provider at its
 * level in this session (otherwise the page explains that, and a POST is refused with 403).
 */
export async function startRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  /**
   * The service, its current form version and (for a form that needs verified data) what this session
   * offers; 404 for a service without an online form.
   */
  async function offer(request: FastifyRequest<{ Params: { slug: string } }>) {
    const { tenant, base } = tenantContext(request);
    const service = await opts.catalog.bySlug(tenant.id, request.params.slug);
    const form = service?.formKey ? await opts.forms.latestPublished(tenant.id, service.formKey) : undefined;
    if (!service || !form) throw NotFound();
    const path = applicationPaths.start(base, service.slug);
    return { service, form, gate: await verifiedGate(request, opts, form.definition, path) };
  }

  /** What the citizen's account knows, in the words of the forms' prefill keys. */
  async function prefillOf(citizenId: string | undefined): Promise<PrefillProfile> {
    const known = citizenId ? await opts.profile.withEmail(citizenId) : undefined;
    return known ? asPrefill(known) : {};
  }

  async function renderStart(
    request: FastifyRequest,
    reply: FastifyReply,
    service: CatalogService,
    gate: VerifiedGate | undefined,
  ) {
    const { base, chrome } = tenantContext(request);
    const path = applicationPaths.start(base, service.slug);
    const citizenId = request.citizenSession?.citizenId;
    const model = {
      path,
      serviceName: pick(service.name, request.lang).text,
      serviceHref: `${base}/leistungen/${service.slug}`,
      documents: service.documents,
      fees: service.fees,
      csrfToken: reply.generateCsrf(),
      signedInAs: citizenId ? (await opts.profile.withEmail(citizenId))?.email : undefined,
      signInHref: withQuery(identityPaths.login(base), { weiter: path }),
      verifiedGate: gate,
    };
    return StartPage({ chrome, model });
  }

  app.get<{ Params: { slug: string } }>("/leistungen/:slug/antrag", async (request, reply) => {
    const { service, gate } = await offer(request);
    return sendHtml(reply, 200, await renderStart(request, reply, service, gate));
  });

  app.post<{ Params: { slug: string } }>(
    "/leistungen/:slug/antrag",
    { config: startRateLimit },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const { service, form, gate } = await offer(request);
      if (gate && !gate.verified)
        return sendHtml(reply, 403, await renderStart(request, reply, service, gate));
      const citizenId = request.citizenSession?.citizenId;
      const options = { lang: request.lang };
      const known = await prefillOf(citizenId);
      // Verified: name, date of birth and address from this session's sign-in, locked; the rest from the account.
      const claims = gate?.verified?.claims;
      const profile = claims ? { ...claims, email: known.email, phone: known.phone } : known;
      const locked = claims ? lockedAnswers(form.definition, claims) : {};
      const answers = prefillAnswers(form.definition, {}, profile, options);
      const { draft, secret } = await opts.drafts.start(tenant.id, {
        serviceSlug: service.slug,
        formKey: form.formKey,
        formVersion: form.version,
        citizenId,
        answers,
        lockedAnswers: locked,
        lang: request.lang,
      });
      const draftPath = applicationPaths.draft(base, draft.id);
      draftCookie.give(reply, draftPath, secret, opts.secureCookies, opts.drafts.lifetimeDays);
      const [first = ""] = stepOrder(form.definition, answers, options);
      return reply.redirect(applicationPaths.step(base, draft.id, first), 303);
    },
  );
}
