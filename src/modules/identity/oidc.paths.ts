/** Named routes of sign-in through an identity provider, relative to a municipality's base. */
export const oidcPaths = {
  start: (base: string) => `${base}/konto/anmelden/oidc`,
  callback: (base: string) => `${base}/konto/anmelden/oidc/rueckkehr`,
};

const slugCallback = /^\/[a-z0-9]+(-[a-z0-9]+)*\/konto\/anmelden\/oidc\/rueckkehr$/;

/**
 * Whether `uri` is the sign-in callback of a municipality of this installation: under PUBLIC_URL with its
 * slug, or on a hostname registered for it. The demo identity provider accepts exactly these.
 */
export function isOidcCallback(
  uri: string,
  publicUrl: string,
  slugForHostname: (hostname: string) => string | undefined,
): boolean {
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  const installation = new URL(publicUrl);
  if (url.search || url.hash || url.username || url.password) return false;
  if (url.origin === installation.origin) return slugCallback.test(url.pathname);
  return (
    url.protocol === installation.protocol &&
    slugForHostname(url.hostname) !== undefined &&
    url.pathname === oidcPaths.callback("")
  );
}
