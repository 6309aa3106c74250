import { format } from "#core/i18n/messages.ts";
import { BackLink, Button, ButtonLink, Form } from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { applicationMessages } from "../applications.messages.ts";
import type { VerifiedGate } from "../verified-start.ts";
import { VerifiedStart } from "./verified-start.tsx";

export interface StartModel {
  path: string;
  serviceName: string;
  serviceHref: string;
  documents: string[];
  fees: string;
  csrfToken: string;
  /** The signed-in citizen's address; undefined for visitors, who choose between signing in and a guest start. */
  signedInAs: string | undefined;
  signInHref: string;
  /** For a service that needs verified data: what this session offers (no guest or password start then). */
  verifiedGate?: VerifiedGate;
}

/** Before the first question: what the form needs, and how to go on (signed in, or as a guest). */
export function StartPage(props: { chrome: SiteChrome; model: StartModel }): JSX.Element {
  const { chrome, model } = props;
  const t = applicationMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: model.serviceName, path: model.path }}>
      <BackLink href={model.serviceHref} lang={chrome.lang} />
      <h1 class="kern-heading-large" safe>
        {model.serviceName}
      </h1>
      <p class="kern-body" safe>
        {t.startIntro}
      </p>
      {model.documents.length > 0 ? (
        <>
          <h2 class="kern-heading-small" safe>
            {t.startDocuments}
          </h2>
          <ul class="kern-list">
            {model.documents.map((document) => (
              <li safe>{document}</li>
            ))}
          </ul>
        </>
      ) : (
        ""
      )}
      {model.fees ? (
        <>
          <h2 class="kern-heading-small" safe>
            {t.startFee}
          </h2>
          <p class="kern-body" safe>
            {model.fees}
          </p>
        </>
      ) : (
        ""
      )}
      <p class="kern-body" safe>
        {t.startSave}
      </p>
      {model.verifiedGate ? (
        <VerifiedStart
          gate={model.verifiedGate}
          path={model.path}
          csrfToken={model.csrfToken}
          lang={chrome.lang}
        />
      ) : model.signedInAs ? (
        <Form action={model.path} csrfToken={model.csrfToken}>
          <p class="kern-body" safe>
            {format(t.startSignedInAs, { email: model.signedInAs })}
          </p>
          <Button label={t.startSignedIn} />
        </Form>
      ) : (
        <>
          <h2 class="kern-heading-medium" safe>
            {t.startSignInHeading}
          </h2>
          <p class="kern-body" safe>
            {t.startSignInText}
          </p>
          <p class="kern-body">
            <ButtonLink href={model.signInHref} label={t.startSignIn} variant="primary" />
          </p>
          <Form action={model.path} csrfToken={model.csrfToken}>
            <Button label={t.startGuest} variant="secondary" />
          </Form>
        </>
      )}
    </Layout>
  );
}
