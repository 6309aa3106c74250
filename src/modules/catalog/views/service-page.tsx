import type { PropsWithChildren } from "@kitajs/html";
import { ButtonLink } from "#core/views/form/index.ts";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { catalogMessages } from "../catalog.messages.ts";
import type { ServicePageModel } from "../catalog.view-model.ts";
import type { Crumb } from "./breadcrumbs.tsx";
import { OpeningHoursList } from "./opening-hours.tsx";
import { PageShell, Section } from "./page-shell.tsx";
import { ContactList } from "./town-hall-contact.tsx";

type Texts = (typeof catalogMessages)["de"];

function HowToApply(props: { model: ServicePageModel; t: Texts }): JSX.Element {
  const { model, t } = props;
  if (model.applyHref) {
    return (
      <section class="service-apply" aria-labelledby="apply-heading">
        <h2 class="kern-heading-medium" id="apply-heading" safe>
          {t.applyOnlineHeading}
        </h2>
        <p class="kern-body" safe>
          {model.fullyOnline ? t.applyOnlineText : t.applyOnlinePartly}
        </p>
        <ButtonLink href={model.applyHref} label={t.applyOnlineButton} variant="primary" />
      </section>
    );
  }
  return (
    <Section class="service-section" id="apply-heading" title={t.applyOfflineHeading}>
      <p class="kern-body" safe>
        {t.applyOfflineText}
      </p>
    </Section>
  );
}

function Office(props: { model: ServicePageModel; t: Texts; lang: "de" | "en" }): JSX.Element {
  const { office, openingHours } = props.model;
  if (!office.name && !office.phone && !office.email && openingHours.length === 0) return "";
  return (
    <Section class="service-section" id="office-heading" title={props.t.responsibleHeading}>
      <address class="kern-body contact-address" lang={props.lang === "de" ? undefined : "de"}>
        <span safe>{office.name}</span>
        {office.address ? (
          <>
            <br />
            <span safe>{office.address}</span>
          </>
        ) : (
          ""
        )}
      </address>
      <ContactList phone={office.phone} email={office.email} lang={props.lang} />
      {openingHours.length > 0 ? (
        <>
          <h3 class="kern-heading-small" safe>
            {props.t.openingHoursHeading}
          </h3>
          <OpeningHoursList entries={openingHours} lang={props.lang} />
        </>
      ) : (
        ""
      )}
    </Section>
  );
}

export function ServicePage(props: {
  chrome: SiteChrome;
  model: ServicePageModel;
  path: string;
  crumbs: Crumb[];
}): JSX.Element {
  const { chrome, model } = props;
  const lang = chrome.lang;
  const t = catalogMessages[lang];
  // Texts the municipality writes only in German are marked as German on English pages.
  const german = lang === "de" ? undefined : "de";
  const safeDescription = model.descriptionHtml;
  return (
    <PageShell
      chrome={chrome}
      path={props.path}
      crumbs={props.crumbs}
      title={model.name.text}
      titleLang={model.name.lang}
    >
      {model.summary.text ? (
        <p class="kern-body kern-body--large" lang={model.summary.lang} safe>
          {model.summary.text}
        </p>
      ) : (
        ""
      )}
      <HowToApply model={model} t={t} />
      {model.plainLanguage ? (
        <Section class="service-section" id="plain-heading" title={t.plainLanguageHeading}>
          <p class="kern-body plain-language" lang={german} safe>
            {model.plainLanguage}
          </p>
        </Section>
      ) : (
        ""
      )}
      {safeDescription ? (
        <Section class="service-section" id="description-heading" title={t.descriptionHeading}>
          <div class="catalog-prose kern-body" lang={model.descriptionLang}>
            {safeDescription}
          </div>
        </Section>
      ) : (
        ""
      )}
      {model.documents.length > 0 ? (
        <Section class="service-section" id="documents-heading" title={t.documentsHeading}>
          <ul class="kern-list" lang={german}>
            {model.documents.map((doc) => (
              <li safe>{doc}</li>
            ))}
          </ul>
        </Section>
      ) : (
        ""
      )}
      {model.fees ? (
        <Section class="service-section" id="fees-heading" title={t.feesHeading}>
          <p class="kern-body service-text" lang={german} safe>
            {model.fees}
          </p>
        </Section>
      ) : (
        ""
      )}
      {model.processingTime ? (
        <Section class="service-section" id="time-heading" title={t.processingTimeHeading}>
          <p class="kern-body" lang={german} safe>
            {model.processingTime}
          </p>
        </Section>
      ) : (
        ""
      )}
      <Office model={model} t={t} lang={lang} />
      {model.legalBases.length > 0 ? (
        <Section class="service-section" id="legal-heading" title={t.legalBasisHeading}>
          <ul class="kern-list" lang={german}>
            {model.legalBases.map((basis) =>
              basis.url ? (
                <li>
                  <a class="kern-link" href={basis.url} safe>
                    {basis.title}
                  </a>
                </li>
              ) : (
                <li safe>{basis.title}</li>
              ),
            )}
          </ul>
        </Section>
      ) : (
        ""
      )}
      <ServiceFacts model={model} t={t} />
    </PageShell>
  );
}

/** One row of the facts list. */
function Fact(props: PropsWithChildren<{ label: string }>): JSX.Element {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key" safe>
        {props.label}
      </dt>
      <dd class="kern-description-list-item__value">{props.children}</dd>
    </div>
  );
}

function ServiceFacts(props: { model: ServicePageModel; t: Texts }): JSX.Element {
  const { model, t } = props;
  return (
    <dl class="kern-description-list service-facts">
      {model.lifeSituations.length > 0 ? (
        <Fact label={t.lifeSituationsOfService}>
          {model.lifeSituations.map((link, index) => (
            <>
              {index > 0 ? ", " : ""}
              <a class="kern-link" href={link.href} safe>
                {link.label}
              </a>
            </>
          ))}
        </Fact>
      ) : (
        ""
      )}
      {model.categories.length > 0 ? (
        <Fact label={t.categoriesHeading}>
          <span safe>{model.categories.join(", ")}</span>
        </Fact>
      ) : (
        ""
      )}
      {model.leikaKey ? (
        <Fact label={t.leikaLabel}>
          <span safe>{model.leikaKey}</span>
        </Fact>
      ) : (
        ""
      )}
    </dl>
  );
}
