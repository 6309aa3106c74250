import { isApiPath } from "#core/http/request-context.ts";

/** Paths that belong to the installation, not to a municipality, on every hostname. */
function isInstallationPath(url: string): boolean {
  return isApiPath(url) || /^\/(assets|health|metrics|_dev)(\/|\?|$)/.test(url);
}

export function hostnameFromHeader(host: string | undefined): string {
  // "rathaus.usingen.de." (fully qualified, trailing dot) names the same host as "rathaus.usingen.de".
  return (host ?? "").toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
}

/**
 * A municipality on its own hostname (e.g. rathaus.usingen.de) is served without the /{slug} prefix: its
 * URLs are rewritten to the path-routed ones before routing, so both ways share every route.
 */
export function rewriteForHostname(
  url: string,
  host: string | undefined,
  slugForHostname: (hostname: string) => string | undefined,
): string {
  const slug = slugForHostname(hostnameFromHeader(host));
  if (!slug || isInstallationPath(url)) return url;
  return url === "/" || url.startsWith("/?") ? `/${slug}${url.slice(1)}` : `/${slug}${url}`;
}
