import type { Lang } from "#core/i18n/lang.ts";
import type { Tenant } from "#modules/tenants/index.ts";
import { catalogMessages } from "../catalog.messages.ts";
import { OpeningHoursList } from "./opening-hours.tsx";

/** The town hall's address, phone, e-mail and opening hours, as the municipality entered them. */
export function TownHallContact(props: { tenant: Tenant; lang: Lang }): JSX.Element {
  const { tenant, lang } = props;
  const t = catalogMessages[lang];
  const { address, contact } = tenant;
  return (
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
      <ContactList phone={contact.phone} email={contact.email} lang={lang} />
      {tenant.openingHours.length > 0 ? (
        <>
          <h3 class="kern-heading-small home-section__subheading" safe>
            {t.openingHoursHeading}
          </h3>
          <OpeningHoursList entries={tenant.openingHours} lang={lang} />
        </>
      ) : (
        ""
      )}
    </section>
  );
}

/** Phone and e-mail as links; either may be empty. */
export function ContactList(props: { phone: string; email: string; lang: Lang }): JSX.Element {
  const t = catalogMessages[props.lang];
  if (!props.phone && !props.email) return "";
  return (
    <dl class="kern-description-list">
      {props.phone ? (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key" safe>
            {t.phoneLabel}
          </dt>
          <dd class="kern-description-list-item__value">
            <a class="kern-link" href={`tel:${props.phone.replace(/[^+\d]/g, "")}`} safe>
              {props.phone}
            </a>
          </dd>
        </div>
      ) : (
        ""
      )}
      {props.email ? (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key" safe>
            {t.emailLabel}
          </dt>
          <dd class="kern-description-list-item__value">
            <a class="kern-link" href={`mailto:${props.email}`} safe>
              {props.email}
            </a>
          </dd>
        </div>
      ) : (
        ""
      )}
    </dl>
  );
}
