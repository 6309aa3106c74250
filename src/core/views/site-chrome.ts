import type { Lang } from "#core/i18n/lang.ts";

export interface Link {
  href: string;
  label: string;
}

/**
 * What the page frame shows around the content: whose site it is and where its legal pages are.
 * Core knows no tenants; the tenants module fills this for a municipality, the landing page for the operator.
 */
export interface SiteChrome {
  lang: Lang;
  /** Name in the header, e.g. "Digitales Rathaus Usingen". */
  siteName: string;
  /** Line above the name, e.g. "Stadt Usingen". */
  ownerName?: string;
  homeHref: string;
  logoHref?: string;
  /** Extra stylesheets after KERN, e.g. the municipality's colours. */
  stylesheets: string[];
  footerLinks: Link[];
  /** "Anmelden" or "Mein Konto" in the header, where the site has citizen accounts. */
  accountLink?: Link;
  footerLines: string[];
}

export interface PageMeta {
  title: string;
  /** Path of the current page without query, for the language switch. */
  path: string;
}
