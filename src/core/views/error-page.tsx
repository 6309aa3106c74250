import { coreMessages } from "#core/i18n/core.messages.ts";
import { format } from "#core/i18n/messages.ts";
import { Layout } from "./layout.tsx";
import type { SiteChrome } from "./site-chrome.ts";

export interface ErrorPageModel {
  title: string;
  text: string;
  requestId?: string;
  path: string;
}

export function ErrorPage(props: { chrome: SiteChrome; model: ErrorPageModel }): JSX.Element {
  const { chrome, model } = props;
  const t = coreMessages[chrome.lang];
  return (
    <Layout chrome={chrome} page={{ title: model.title, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {model.title}
      </h1>
      <p class="kern-body" safe>
        {model.text}
      </p>
      {model.requestId ? (
        <p class="kern-body kern-body--small" safe>
          {format(t.errorReference, { id: model.requestId })}
        </p>
      ) : (
        ""
      )}
      <p class="kern-body">
        <a class="kern-link" href={chrome.homeHref} safe>
          {t.backToHome}
        </a>
      </p>
    </Layout>
  );
}
