import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { ButtonLink } from "#core/views/form/index.ts";
import { oidcMessages } from "../oidc.messages.ts";

export interface OidcOffer {
  href: string;
  buttonLabel: string;
  providerName: string;
  providerHost: string;
}

/** "Mit BundID anmelden" on the sign-in page: a plain link, naming the provider it leads to. */
export function OidcSignInSection(props: { lang: Lang; offer: OidcOffer }): JSX.Element {
  const { offer } = props;
  const t = oidcMessages[props.lang];
  return (
    <section class="kern-stack" aria-labelledby="oidc-sign-in">
      <h2 class="kern-heading-small" id="oidc-sign-in" safe>
        {t.sectionHeading}
      </h2>
      <p class="kern-body" safe>
        {format(t.providerLine, { name: offer.providerName, host: offer.providerHost })}
      </p>
      <p class="kern-body" safe>
        {t.sectionText}
      </p>
      <p class="kern-body">
        <ButtonLink href={offer.href} label={offer.buttonLabel} variant="secondary" />
      </p>
    </section>
  );
}
