import type { FieldError } from "#core/http/errors.ts";
import { format } from "#core/i18n/messages.ts";
import { Button, errorFor, Form, PasswordField } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import { PasskeyManagement, type PasskeyManagementModel } from "#modules/identity/auth-kit.ts";
import { staffMessages } from "../staff.messages.ts";

export interface OwnAccessModel {
  recoveryCodesLeft: number;
  sessions: { current: boolean; since: string; lastSeen: string; device: string }[];
  endOthersAction: string;
  passwordAction: string;
  errors: FieldError[];
  passkeys: PasskeyManagementModel;
}

/** A member of staff's own sign-in: second factor, passkeys, devices, password. */
export function OwnAccessPage(props: { chrome: SiteChrome; frame: SignedInFrame; model: OwnAccessModel }) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = staffMessages[lang];
  const header = [t.deviceColumn, t.sinceColumn, t.lastSeenColumn];
  return (
    <SignedInPage chrome={chrome} frame={{ ...frame, errors: model.errors }} title={t.ownAccessTitle}>
      <p class="kern-body" safe>
        {format(t.twoFactorOn, { count: model.recoveryCodesLeft })}
      </p>
      <p class="kern-body" safe>
        {t.passkeysIntro}
      </p>
      <PasskeyManagement lang={lang} model={model.passkeys} />
      <h2 class="kern-heading-medium" safe>
        {t.sessionsHeading}
      </h2>
      <DataTable caption={t.sessionsCaption} headers={header}>
        {model.sessions.map((s) => (
          <tr class="kern-table__row">
            <td class="kern-table__cell">
              <span safe>{s.device}</span>
              {s.current ? <strong safe>{` (${t.thisDevice})`}</strong> : ""}
            </td>
            <td class="kern-table__cell" safe>
              {s.since}
            </td>
            <td class="kern-table__cell" safe>
              {s.lastSeen}
            </td>
          </tr>
        ))}
      </DataTable>
      {model.sessions.length > 1 ? (
        <Form action={model.endOthersAction} csrfToken={frame.csrfToken}>
          <Button label={t.endOthersSubmit} variant="secondary" />
        </Form>
      ) : (
        ""
      )}
      <h2 class="kern-heading-medium" safe>
        {t.changePasswordHeading}
      </h2>
      <Form action={model.passwordAction} csrfToken={frame.csrfToken} submitLabel={t.changePasswordSubmit}>
        <PasswordField
          lang={lang}
          name="current"
          label={t.currentPasswordLabel}
          autocomplete="current-password"
          error={errorFor(model.errors, "current")}
        />
        <PasswordField
          lang={lang}
          name="password"
          label={t.newPasswordLabel}
          hint={t.newPasswordHint}
          autocomplete="new-password"
          error={errorFor(model.errors, "password")}
        />
        <PasswordField
          lang={lang}
          name="confirm"
          label={t.confirmPasswordLabel}
          autocomplete="new-password"
          error={errorFor(model.errors, "confirm")}
        />
      </Form>
    </SignedInPage>
  );
}
