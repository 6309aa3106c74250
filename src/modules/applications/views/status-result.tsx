import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { FeePayment, type FeePaymentModel } from "./fee-payment.tsx";

export interface StatusResultModel {
  path: string;
  title: string;
  facts: string[];
  payment: FeePaymentModel | undefined;
}

/** A guest's look at an application: when it was sent, its progress, and its fee with "Jetzt bezahlen". */
export function StatusResultPage(props: { chrome: SiteChrome; model: StatusResultModel }): JSX.Element {
  const { chrome, model } = props;
  return (
    <Layout chrome={chrome} page={{ title: model.title, path: model.path }}>
      <h1 class="kern-heading-large" safe>
        {model.title}
      </h1>
      {model.facts.map((fact) => (
        <p class="kern-body" safe>
          {fact}
        </p>
      ))}
      {model.payment ? <FeePayment model={model.payment} lang={chrome.lang} /> : ""}
    </Layout>
  );
}
