export { installationChrome, tenantChrome } from "./tenants.chrome.ts";
export { rewriteForHostname } from "./tenants.hostnames.ts";
export { tenantLetterhead, tenantMailSender } from "./tenants.letterhead.ts";
export { legalPageKeys, tenantPaths } from "./tenants.paths.ts";
export { tenantsRoutes } from "./tenants.routes.tsx";
export type { OpeningHours, PageKey } from "./tenants.schema.ts";
export { registerTenantScoped, tenantContext } from "./tenants.scope.ts";
export {
  createTenantsService,
  reservedSlugs,
  type Tenant,
  type TenantInput,
  type TenantsService,
  validateTenantInput,
} from "./tenants.service.ts";
