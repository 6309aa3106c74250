import type { Lang } from "#core/i18n/lang.ts";
import { format } from "#core/i18n/messages.ts";
import { Button, ButtonLink, Form } from "#core/views/form/index.ts";
import { applicationMessages } from "../applications.messages.ts";
import { verifiedStartMessages } from "../verified-start.messages.ts";
import type { VerifiedGate } from "../verified-start.ts";

/**
 * How to go on with a service that needs verified data: signed in well enough, the start button; otherwise
 * why not (and how the citizen is signed in now) with the identity provider's sign-in, which leads back here.
 * There is no guest start and no password sign-in.
 */
export function VerifiedStart(props: {
  gate: VerifiedGate;
  path: string;
  csrfToken: string;
  lang: Lang;
}): JSX.Element {
  const { gate, lang } = props;
  const t = verifiedStartMessages[lang];
  if (gate.verified) {
    const { providerName, levelName } = gate.verified;
    return (
      <Form action={props.path} csrfToken={props.csrfToken}>
        <p class="kern-body" safe>
          {format(t.ready, { provider: providerName, level: levelName })}
        </p>
        <Button label={applicationMessages[lang].startSignedIn} />
      </Form>
    );
  }
  const current =
    gate.current === "withoutProvider"
      ? t.withoutProvider
      : gate.current &&
        format(t.lowerLevel, { provider: gate.current.providerName, level: gate.current.levelName });
  return (
    <section class="kern-stack" aria-labelledby="verified-identity">
      <h2 class="kern-heading-medium" id="verified-identity" safe>
        {t.heading}
      </h2>
      <p class="kern-body" safe>
        {format(t.needed, { level: gate.requiredLevel })}
      </p>
      <p class="kern-body" safe>
        {t.noGuest}
      </p>
      {current ? (
        <p class="kern-body kern-body--bold" safe>
          {current}
        </p>
      ) : (
        ""
      )}
      {gate.offer ? (
        <>
          <p class="kern-body" safe>
            {format(t.providerLine, { name: gate.offer.providerName, host: gate.offer.providerHost })}
          </p>
          <p class="kern-body">
            <ButtonLink href={gate.offer.href} label={gate.offer.buttonLabel} variant="primary" />
          </p>
        </>
      ) : (
        <p class="kern-body" safe>
          {t.unavailable}
        </p>
      )}
    </section>
  );
}
