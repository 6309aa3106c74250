import type { PropsWithChildren } from "@kitajs/html";
import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { Button, ErrorSummary, Form, formPageTitle } from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { Link, SiteChrome } from "#core/views/site-chrome.ts";
import { operatorMessages } from "../operator.messages.ts";

export interface ConsoleFrame {
  path: string;
  csrfToken: string;
  operatorEmail: string;
  nav: Link[];
  logoutAction: string;
  notice?: string;
  errors?: FieldError[];
}

/** Every signed-in page of the operator console: who is signed in, its areas, sign-out, then the content. */
export function ConsolePage(
  props: PropsWithChildren<{ chrome: SiteChrome; frame: ConsoleFrame; title: string }>,
) {
  const { chrome, frame } = props;
  const t = operatorMessages[chrome.lang];
  const errors = frame.errors ?? [];
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(chrome.lang, props.title, errors), path: frame.path }}
    >
      <div class="kern-stack">
        <p class="kern-body" safe>
          {format(t.signedInAs, { email: frame.operatorEmail })}
        </p>
        <nav aria-label={t.navHeading}>
          <ul class="kern-list">
            {frame.nav.map((link) => (
              <li>
                <a
                  class="kern-link"
                  href={link.href}
                  aria-current={link.href === frame.path ? "page" : undefined}
                  safe
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Form action={frame.logoutAction} csrfToken={frame.csrfToken}>
          <Button label={t.logout} variant="secondary" />
        </Form>
      </div>
      {frame.notice ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {frame.notice}
            </p>
          </div>
        </div>
      ) : (
        ""
      )}
      <ErrorSummary lang={chrome.lang} errors={errors} />
      <h1 class="kern-heading-large" safe>
        {props.title}
      </h1>
      {props.children}
    </Layout>
  );
}
