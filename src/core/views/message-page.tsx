import { Layout } from "./layout.tsx";
import type { Link, SiteChrome } from "./site-chrome.ts";

export interface MessagePageModel {
  title: string;
  paragraphs: string[];
  /** The one thing to do next, e.g. "Zur Anmeldung". */
  next?: Link;
  path: string;
  /** A success panel (KERN alert) around the title, for confirmations. */
  success?: boolean;
}

/** A page that tells the user what happened and what to do next (confirmation, expired link, signed out). */
export function MessagePage(props: { chrome: SiteChrome; model: MessagePageModel }): JSX.Element {
  const { model } = props;
  const body = (
    <>
      {model.paragraphs.map((text) => (
        <p class="kern-body" safe>
          {text}
        </p>
      ))}
    </>
  );
  return (
    <Layout chrome={props.chrome} page={{ title: model.title, path: model.path }}>
      {model.success ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__header">
            <h1 class="kern-title kern-title--large" safe>
              {model.title}
            </h1>
          </div>
          <div class="kern-alert__body">{body}</div>
        </div>
      ) : (
        <>
          <h1 class="kern-heading-large" safe>
            {model.title}
          </h1>
          {body}
        </>
      )}
      {model.next ? (
        <p class="kern-body">
          <a class="kern-link" href={model.next.href} safe>
            {model.next.label}
          </a>
        </p>
      ) : (
        ""
      )}
    </Layout>
  );
}
