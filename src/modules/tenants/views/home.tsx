import { format } from "#core/i18n/messages.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { tenantMessages } from "../tenants.messages.ts";
import type { Tenant } from "../tenants.service.ts";

export function TenantHomePage(props: { chrome: SiteChrome; tenant: Tenant; path: string }): JSX.Element {
  const { chrome, tenant } = props;
  const t = tenantMessages[chrome.lang];
  const { address, contact } = tenant;
  return (
    <Layout chrome={chrome} page={{ title: chrome.siteName, path: props.path }}>
      <h1 class="kern-heading-x-large" safe>
        {chrome.siteName}
      </h1>
      <p class="kern-body kern-body--large" safe>
        {t.homeIntro}
      </p>
      <div class="home-grid">
        <section class="home-section" aria-labelledby="services-heading">
          <h2 class="kern-heading-medium" id="services-heading" safe>
            {t.servicesHeading}
          </h2>
          <p class="kern-body" safe>
            {format(t.servicesPending, { name: tenant.officialName })}
          </p>
        </section>
        <section class="home-section" aria-labelledby="council-heading">
          <h2 class="kern-heading-medium" id="council-heading" safe>
            {t.councilHeading}
          </h2>
          <p class="kern-body" safe>
            {t.councilPending}
          </p>
        </section>
        <section class="home-section" aria-labelledby="contact-heading">
          <h2 class="kern-heading-medium" id="contact-heading" safe>
            {t.contactHeading}
          </h2>
          <address class="kern-body contact-address">
            <span safe>{tenant.officialName}</span>
            <br />
            <span safe>{address.street}</span>
            <br />
            <span safe>{`${address.postalCode} ${address.city}`}</span>
          </address>
          <dl class="kern-description-list">
            {contact.phone ? (
              <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key" safe>
                  {t.phoneLabel}
                </dt>
                <dd class="kern-description-list-item__value">
                  <a class="kern-link" href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`} safe>
                    {contact.phone}
                  </a>
                </dd>
              </div>
            ) : (
              ""
            )}
            {contact.email ? (
              <div class="kern-description-list-item">
                <dt class="kern-description-list-item__key" safe>
                  {t.emailLabel}
                </dt>
                <dd class="kern-description-list-item__value">
                  <a class="kern-link" href={`mailto:${contact.email}`} safe>
                    {contact.email}
                  </a>
                </dd>
              </div>
            ) : (
              ""
            )}
          </dl>
          {tenant.openingHours.length > 0 ? (
            <>
              <h3 class="kern-heading-small home-section__subheading" safe>
                {t.openingHoursHeading}
              </h3>
              {/* The municipality enters its opening hours in German. */}
              <dl class="kern-description-list" lang={chrome.lang === "de" ? undefined : "de"}>
                {tenant.openingHours.map((entry) => (
                  <div class="kern-description-list-item">
                    <dt class="kern-description-list-item__key" safe>
                      {entry.days}
                    </dt>
                    <dd class="kern-description-list-item__value" safe>
                      {entry.hours}
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            ""
          )}
        </section>
      </div>
    </Layout>
  );
}
