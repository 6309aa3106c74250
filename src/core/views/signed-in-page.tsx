import type { PropsWithChildren } from "@kitajs/html";
import type { FieldError } from "#core/http/errors.ts";
import { Button, ErrorSummary, Form, formPageTitle } from "./form/index.ts";
import { Layout } from "./layout.tsx";
import type { Link, SiteChrome } from "./site-chrome.ts";

/** What every page behind a sign-in shows above its content (staff back office, operator console). */
export interface SignedInFrame {
  path: string;
  csrfToken: string;
  /** "Angemeldet als …", already in the page's language. */
  signedInAs: string;
  /** The areas this account may open, and the name of that navigation. */
  nav: Link[];
  navLabel: string;
  logoutAction: string;
  logoutLabel: string;
  notice?: string;
  errors?: FieldError[];
}

/** Who is signed in, the areas they may open, sign-out, a confirmation or the error summary, then the content. */
export function SignedInPage(
  props: PropsWithChildren<{ chrome: SiteChrome; frame: SignedInFrame; title: string }>,
) {
  const { chrome, frame } = props;
  const errors = frame.errors ?? [];
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(chrome.lang, props.title, errors), path: frame.path }}
    >
      <div class="kern-stack signed-in-bar">
        <p class="kern-body" safe>
          {frame.signedInAs}
        </p>
        <nav aria-label={frame.navLabel}>
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
          <Button label={frame.logoutLabel} variant="secondary" />
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
