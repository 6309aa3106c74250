/**
 * Named routes of the catalog. `base` is "/{slug}" under path routing and "" on the municipality's own
 * hostname; `origin` (e.g. "https://rathaus.example.de") makes absolute links for the embeddable box.
 */
export const catalogPaths = {
  home: (base: string) => base || "/",
  list: (base: string) => `${base}/leistungen`,
  service: (base: string, slug: string) => `${base}/leistungen/${encodeURIComponent(slug)}`,
  lifeSituations: (base: string) => `${base}/lebenslagen`,
  lifeSituation: (base: string, key: string) => `${base}/lebenslagen/${encodeURIComponent(key)}`,
  search: (base: string) => `${base}/suche`,
  embed: (base: string) => `${base}/einbettung/digitales-rathaus`,
  apiList: (slug: string) => `/api/v1/${encodeURIComponent(slug)}/services`,
  apiOne: (slug: string, service: string) =>
    `/api/v1/${encodeURIComponent(slug)}/services/${encodeURIComponent(service)}`,
};

/** Where "Online beantragen" leads: the application flow of the service's form (applications module). */
export function applicationStartPath(base: string, slug: string): string {
  return `${catalogPaths.service(base, slug)}/antrag`;
}
