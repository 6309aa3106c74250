import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFound } from "#core/http/errors.ts";
import { pick } from "#modules/catalog/index.ts";
import { type PrefillProfile, prefillAnswers, stepOrder } from "#modules/forms/index.ts";
import { sendHtml } from "#modules/identity/auth-kit.ts";
import { identityPaths, withQuery } from "#modules/identity/identity.paths.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { applicationPaths } from "./applications.paths.ts";
import { type ApplicationRouteOptions, draftCookie } from "./flow-context.ts";
import { StartPage } from "./views/start.tsx";

export const startRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/** "Online beantragen": the start page of a service's form, and starting a draft (signed in or as a guest). */
export async function startRoutes(app: FastifyInstance, opts: ApplicationRouteOptions) {
  /** The service and its current form version; 404 for a service without an online form. */
  async function offer(request: FastifyRequest<{ Params: { slug: string } }>) {
    const { tenant } = tenantContext(request);
    const service = await opts.catalog.bySlug(tenant.id, request.params.slug);
    const form = service?.formKey ? await opts.forms.latestPublished(tenant.id, service.formKey) : undefined;
    if (!service || !form) throw NotFound();
    return { service, form };
  }

  /** What the citizen's account knows, in the words of the forms' prefill keys. */
  async function prefillOf(citizenId: string | undefined): Promise<PrefillProfile> {
    const known = citizenId ? await opts.profile.withEmail(citizenId) : undefined;
    if (!known) return {};
    const { givenName, familyName, street, postalCode, city, email, phone, birthdate } = known;
    return { givenName, familyName, street, postalCode, town: city, email, phone, birthdate };
  }

  app.get<{ Params: { slug: string } }>("/leistungen/:slug/antrag", async (request, reply) => {
    const { base, chrome } = tenantContext(request);
    const { service } = await offer(request);
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
    };
    return sendHtml(reply, 200, StartPage({ chrome, model }));
  });

  app.post<{ Params: { slug: string } }>(
    "/leistungen/:slug/antrag",
    { config: startRateLimit },
    async (request, reply) => {
      const { tenant, base } = tenantContext(request);
      const { service, form } = await offer(request);
      const citizenId = request.citizenSession?.citizenId;
      const options = { lang: request.lang };
      const answers = prefillAnswers(form.definition, {}, await prefillOf(citizenId), options);
      const { draft, secret } = await opts.drafts.start(tenant.id, {
        serviceSlug: service.slug,
        formKey: form.formKey,
        formVersion: form.version,
        citizenId,
        answers,
        lang: request.lang,
      });
      const draftPath = applicationPaths.draft(base, draft.id);
      draftCookie.give(reply, draftPath, secret, opts.secureCookies, opts.drafts.lifetimeDays);
      const [first = ""] = stepOrder(form.definition, answers, options);
      return reply.redirect(applicationPaths.step(base, draft.id, first), 303);
    },
  );
}
