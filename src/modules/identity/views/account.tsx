import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  Form,
  formPageTitle,
  HiddenField,
  PasswordField,
} from "#core/views/form/index.ts";
import { Layout } from "#core/views/layout.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { identityMessages } from "../identity.messages.ts";
import { passkeyMessages } from "../passkeys.messages.ts";

export interface AccountModel {
  path: string;
  csrfToken: string;
  email: string;
  notice?: string;
  errors: FieldError[];
  totp: { enabled: boolean; recoveryCodesLeft: number; setupHref: string; disableAction: string };
  links: { profile: string; changePassword: string; changeEmail: string; passkeys: string };
  sessions: { ref: string; current: boolean; since: string; lastSeen: string; device: string }[];
  endSessionAction: string;
  logoutAction: string;
}

export function AccountPage(props: { chrome: SiteChrome; model: AccountModel }): JSX.Element {
  const { chrome, model } = props;
  const t = identityMessages[chrome.lang];
  const others = model.sessions.filter((s) => !s.current).length;
  return (
    <Layout
      chrome={chrome}
      page={{ title: formPageTitle(chrome.lang, t.accountTitle, model.errors), path: model.path }}
    >
      {model.notice ? (
        <div class="kern-alert kern-alert--success" role="status">
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {model.notice}
            </p>
          </div>
        </div>
      ) : (
        ""
      )}
      <ErrorSummary lang={chrome.lang} errors={model.errors} />
      <h1 class="kern-heading-large" safe>
        {t.accountTitle}
      </h1>
      <p class="kern-body" safe>
        {format(t.signedInAs, { email: model.email })}
      </p>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={model.links.profile} safe>
            {t.profileLink}
          </a>
        </li>
        <li>
          <a class="kern-link" href={model.links.changeEmail} safe>
            {t.changeEmailTitle}
          </a>
        </li>
        <li>
          <a class="kern-link" href={model.links.changePassword} safe>
            {t.changePasswordTitle}
          </a>
        </li>
        <li>
          <a class="kern-link" href={model.links.passkeys} safe>
            {passkeyMessages[chrome.lang].accountLink}
          </a>
        </li>
      </ul>
      <h2 class="kern-heading-medium" safe>
        {t.totpHeading}
      </h2>
      {model.totp.enabled ? (
        <>
          <p class="kern-body" safe>
            {format(t.totpOn, { count: model.totp.recoveryCodesLeft })}
          </p>
          <Form
            action={model.totp.disableAction}
            csrfToken={model.csrfToken}
            submitLabel={t.totpDisableSubmit}
          >
            <PasswordField
              lang={chrome.lang}
              name="password"
              label={t.passwordLabel}
              hint={t.totpDisablePasswordHint}
              autocomplete="current-password"
              error={errorFor(model.errors, "password")}
            />
          </Form>
        </>
      ) : (
        <>
          <p class="kern-body" safe>
            {t.totpOff}
          </p>
          <ButtonLink href={model.totp.setupHref} label={t.totpSetupLink} variant="secondary" />
        </>
      )}
      <h2 class="kern-heading-medium" safe>
        {t.sessionsHeading}
      </h2>
      <p class="kern-body" safe>
        {t.sessionsIntro}
      </p>
      <div class="kern-table-responsive">
        <table class="kern-table">
          <caption class="kern-sr-only" safe>
            {t.sessionsHeading}
          </caption>
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header" safe>
                {t.sessionDevice}
              </th>
              <th scope="col" class="kern-table__header" safe>
                {t.sessionSince}
              </th>
              <th scope="col" class="kern-table__header" safe>
                {t.sessionLastSeen}
              </th>
              <th scope="col" class="kern-table__header" safe>
                {t.sessionAction}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {model.sessions.map((session) => (
              <tr class="kern-table__row">
                <td class="kern-table__cell" safe>
                  {session.device}
                </td>
                <td class="kern-table__cell" safe>
                  {session.since}
                </td>
                <td class="kern-table__cell" safe>
                  {session.lastSeen}
                </td>
                <td class="kern-table__cell">
                  {session.current ? (
                    <span safe>{t.sessionCurrent}</span>
                  ) : (
                    <Form action={model.endSessionAction} csrfToken={model.csrfToken}>
                      <HiddenField name="session" value={session.ref} />
                      <Button label={t.sessionEnd} variant="secondary" />
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 1 ? (
        <Form action={model.endSessionAction} csrfToken={model.csrfToken}>
          <HiddenField name="session" value="others" />
          <Button label={t.sessionEndOthers} variant="secondary" />
        </Form>
      ) : (
        ""
      )}
      <Form action={model.logoutAction} csrfToken={model.csrfToken}>
        <Button label={t.logoutSubmit} />
      </Form>
    </Layout>
  );
}
