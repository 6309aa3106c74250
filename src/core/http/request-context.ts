import type { Lang } from "#core/i18n/lang.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Language of the response: explicit choice, else Accept-Language, else German. */
    lang: Lang;
    /** Frame of the page for this request; set by the tenant resolver, else the installation's own. */
    chrome: SiteChrome | undefined;
  }
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

/** Accepts a caller's X-Request-Id only when it is short and plain, so it cannot poison logs. */
export function requestIdFrom(header: string | string[] | undefined, fallback: () => string): string {
  return typeof header === "string" && requestIdPattern.test(header) ? header : fallback();
}

// A DNS name (labels of letters, digits, "-" and "_"), an IPv4 address or an [IPv6] literal, with an optional port.
const hostPattern =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** Whether a Host header names a host; HTTP/1.0 requests without one (and an empty one) are accepted. */
export function isValidHost(host: string | undefined): boolean {
  return !host || (host.length <= 260 && hostPattern.test(host));
}

/**
 * The host the client asked for. Behind a trusted proxy that is X-Forwarded-Host (its last entry, the value
 * set by the proxy next to us, as Fastify's `request.host` reads it), otherwise the Host header.
 */
export function requestedHost(
  headers: { host?: string; "x-forwarded-host"?: string | string[] },
  trustProxy: boolean,
): string | undefined {
  const forwarded = headers["x-forwarded-host"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  if (trustProxy && value) return value.split(",").at(-1)?.trim();
  return headers.host;
}

export function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/");
}

/** Path of a URL without its query string. */
export function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}
