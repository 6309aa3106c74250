import type { FastifyRequest } from "fastify";
import { withQuery } from "#core/http/paths.ts";
import { tenantContext } from "#modules/tenants/index.ts";
import { oidcPaths } from "./oidc.paths.ts";
import type { OidcService } from "./oidc.service.ts";
import type { OidcOffer } from "./views/oidc-sign-in.tsx";

/** The button on the sign-in page, leading to the provider and back to `returnTo`. */
export function oidcOffer(request: FastifyRequest, oidc: OidcService, returnTo: string): OidcOffer {
  const { base } = tenantContext(request);
  const provider = oidc.provider(request.lang);
  return {
    href: withQuery(oidcPaths.start(base), { weiter: returnTo }),
    buttonLabel: provider.buttonLabel,
    providerName: provider.name,
    providerHost: provider.host,
  };
}
