import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { accessibleOn, footerSurfaceColour } from "#core/views/colour.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { tenantMessages } from "./tenants.messages.ts";
import { legalPageKeys, tenantPaths } from "./tenants.paths.ts";
import type { Tenant } from "./tenants.service.ts";

/** The page frame of a municipality: its name, colours, coat of arms and legally required pages. */
export function tenantChrome(tenant: Tenant, base: string, lang: Lang): SiteChrome {
  const t = tenantMessages[lang];
  const { street, postalCode, city } = tenant.address;
  return {
    lang,
    siteName: format(t.siteName, { name: tenant.name }),
    ownerName: tenant.officialName,
    homeHref: tenantPaths.home(base),
    logoHref: tenant.logoSvg ? tenantPaths.logo(base) : undefined,
    stylesheets: [tenantPaths.branding(base)],
    footerLinks: legalPageKeys.map((key) => ({ href: tenantPaths.legal(base, key), label: t[key] })),
    footerLines: [[tenant.officialName, street, `${postalCode} ${city}`.trim()].filter(Boolean).join(" · ")],
  };
}

/** The frame of the installation's own pages (landing page, errors outside any municipality). */
export function installationChrome(lang: Lang): SiteChrome {
  const t = tenantMessages[lang];
  return {
    lang,
    siteName: t.landingTitle,
    homeHref: tenantPaths.landing(),
    stylesheets: [],
    footerLinks: [],
    footerLines: [t.operatorFooter],
  };
}

/**
 * The municipality's colour for the header background (white text on it) and as KERN's action colour for
 * links and buttons; links also sit on the grey footer, so the action colour is darkened further if needed.
 */
export function brandingCss(tenant: Tenant): string {
  const action = accessibleOn(tenant.colour, footerSurfaceColour);
  return `:root {\n  --brand-colour: ${tenant.colour};\n  --kern-color-action-default: ${action};\n}\n`;
}
