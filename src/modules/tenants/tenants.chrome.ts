import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
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

export function brandingCss(tenant: Tenant): string {
  return `:root {\n  --brand-colour: ${tenant.colour};\n  --kern-color-action-default: ${tenant.colour};\n}\n`;
}
