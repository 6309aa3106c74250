import type { PropsWithChildren } from "@kitajs/html";
import { coreMessages } from "#core/i18n/core.messages.ts";
import type { PageMeta, SiteChrome } from "./site-chrome.ts";

export const assetPaths = {
  kernCss: "/assets/kern/kern.min.css",
  kernFonts: "/assets/kern/fonts/fira-sans.css",
  appCss: "/assets/app.css",
  favicon: "/assets/favicon.svg",
} as const;

function languageSwitchHref(path: string, lang: string): string {
  return `${path}?lang=${lang}`;
}

export function Layout(props: PropsWithChildren<{ chrome: SiteChrome; page: PageMeta }>): JSX.Element {
  const { chrome, page } = props;
  const t = coreMessages[chrome.lang];
  const otherLang = chrome.lang === "de" ? "en" : "de";
  return (
    <>
      {"<!doctype html>"}
      {/* KERN follows the system's dark mode unless told otherwise; the municipal colours are made for light. */}
      <html lang={chrome.lang} data-kern-theme="light">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>
            {page.title === chrome.siteName ? page.title : `${page.title} – ${chrome.siteName}`}
          </title>
          <link rel="icon" type="image/svg+xml" href={chrome.logoHref ?? assetPaths.favicon} />
          <link rel="stylesheet" href={assetPaths.kernFonts} />
          <link rel="stylesheet" href={assetPaths.kernCss} />
          <link rel="stylesheet" href={assetPaths.appCss} />
          {chrome.stylesheets.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
        </head>
        <body class="site">
          <a class="skip-link kern-link" href="#main" safe>
            {t.skipToContent}
          </a>
          <header class="site-header">
            <div class="kern-container site-header__inner">
              <a class="site-brand" href={chrome.homeHref}>
                {chrome.logoHref ? <img class="site-brand__logo" src={chrome.logoHref} alt="" /> : ""}
                <span class="site-brand__text">
                  {chrome.ownerName ? (
                    <span class="site-brand__owner" safe>
                      {chrome.ownerName}
                    </span>
                  ) : (
                    ""
                  )}
                  <span class="site-brand__name" safe>
                    {chrome.siteName}
                  </span>
                </span>
              </a>
              <nav class="site-header__tools" aria-label={t.headerToolsLabel}>
                {chrome.accountLink ? (
                  <a
                    class="kern-link site-header__link"
                    href={chrome.accountLink.href}
                    aria-current={chrome.accountLink.href === page.path ? "page" : undefined}
                    safe
                  >
                    {chrome.accountLink.label}
                  </a>
                ) : (
                  ""
                )}
                <a
                  class="kern-link site-header__link site-header__lang"
                  href={languageSwitchHref(page.path, otherLang)}
                  hreflang={otherLang}
                  lang={otherLang}
                  aria-label={t.languageSwitchLabel}
                  safe
                >
                  {t.languageSwitch}
                </a>
              </nav>
            </div>
          </header>
          <main id="main" class="kern-container site-main" tabindex="-1">
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="kern-container">
              {chrome.footerLines.map((line) => (
                <p class="kern-body kern-body--small" safe>
                  {line}
                </p>
              ))}
              <nav aria-label={t.footerNavLabel}>
                <ul class="kern-list kern-list--horizontal site-footer__links">
                  {chrome.footerLinks.map((link) => (
                    <li>
                      <a
                        class="kern-link"
                        href={link.href}
                        aria-current={link.href === page.path ? "page" : undefined}
                        safe
                      >
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
