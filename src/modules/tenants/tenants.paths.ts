import type { PageKey } from "./tenants.schema.ts";

/**
 * Named routes of the tenants module. `base` is "/{slug}" under path routing and "" when the municipality
 * is served on its own hostname; views never glue URLs themselves.
 */
export const tenantPaths = {
  landing: () => "/",
  home: (base: string) => base || "/",
  legal: (base: string, key: PageKey) => `${base}/${key}`,
  branding: (base: string) => `${base}/branding.css`,
  logo: (base: string) => `${base}/wappen.svg`,
  apiList: () => "/api/v1/tenants",
  apiOne: (slug: string) => `/api/v1/tenants/${encodeURIComponent(slug)}`,
};

export const legalPageKeys: readonly PageKey[] = ["impressum", "datenschutz", "barrierefreiheit"];
