import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { tenantMessages } from "../tenants.messages.ts";

export interface LegalPageModel {
  title: string;
  /** Plain text; blank lines separate paragraphs. */
  body: string;
  /** Language of the text, when it differs from the page language. */
  textLang?: string;
  path: string;
}

export function LegalPageView(props: { chrome: SiteChrome; model: LegalPageModel }): JSX.Element {
  const { chrome, model } = props;
  const t = tenantMessages[chrome.lang];
  const paragraphs = model.body.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <Layout chrome={chrome} page={{ title: model.title, path: model.path }}>
      <h1 class="kern-heading-large" lang={model.textLang} safe>
        {model.title}
      </h1>
      {model.textLang ? (
        <p class="kern-body kern-body--small" safe>
          {t.onlyGerman}
        </p>
      ) : (
        ""
      )}
      <div class="legal-text" lang={model.textLang}>
        {paragraphs.map((p) => (
          <p class="kern-body legal-text__paragraph" safe>
            {p.trim()}
          </p>
        ))}
      </div>
    </Layout>
  );
}
