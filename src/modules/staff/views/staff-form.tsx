import type { FieldError } from "#core/http/errors.ts";
import { Button, CheckboxGroup, errorFor, Form, fieldId, TextField } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { permissionsOf, roles } from "../permissions.ts";
import { staffMessages } from "../staff.messages.ts";

export interface StaffFormModel {
  title: string;
  intro?: string;
  action: string;
  submitLabel: string;
  /** The address is fixed once invited (it is the sign-in name); only an invitation asks for it. */
  askEmail: boolean;
  values: { displayName: string; email: string; roles: string[]; departmentIds: string[] };
  departments: { id: string; name: string }[];
  errors: FieldError[];
  /** Reset and disable, on the page of an existing account other than one's own. */
  access?: { resetAction: string; statusAction: string; disabled: boolean };
}

export function StaffFormPage(props: { chrome: SiteChrome; frame: SignedInFrame; model: StaffFormModel }) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = staffMessages[lang];
  const roleOptions = roles.map((role) => ({
    value: role,
    label: t[`role.${role}`],
    hint: permissionsOf([role])
      .map((permission) => t[`permission.${permission}`])
      .join(", "),
  }));
  return (
    <SignedInPage chrome={chrome} frame={{ ...frame, errors: model.errors }} title={model.title}>
      {model.intro ? (
        <p class="kern-body" safe>
          {model.intro}
        </p>
      ) : (
        ""
      )}
      <Form action={model.action} csrfToken={frame.csrfToken} submitLabel={model.submitLabel}>
        <TextField
          lang={lang}
          name="displayName"
          label={t.displayNameLabel}
          value={model.values.displayName}
          autocomplete="off"
          error={errorFor(model.errors, "displayName")}
        />
        {model.askEmail ? (
          <TextField
            lang={lang}
            name="email"
            type="email"
            label={t.inviteEmailLabel}
            value={model.values.email}
            autocomplete="off"
            error={errorFor(model.errors, "email")}
          />
        ) : (
          ""
        )}
        <CheckboxGroup
          lang={lang}
          name="roles"
          label={t.rolesLegend}
          options={roleOptions}
          values={model.values.roles}
          error={errorFor(model.errors, "roles")}
        />
        {model.departments.length ? (
          <CheckboxGroup
            lang={lang}
            name="departments"
            label={t.departmentsLegend}
            options={model.departments.map((d) => ({ value: d.id, label: d.name }))}
            values={model.values.departmentIds}
            optional
            error={errorFor(model.errors, "departments")}
          />
        ) : (
          <p class="kern-body" safe>
            {t.noDepartmentsYet}
          </p>
        )}
      </Form>
      {model.access ? (
        <section aria-labelledby="access-heading" class="kern-stack">
          <h2 class="kern-heading-medium" id="access-heading" safe>
            {t.accessHeading}
          </h2>
          {model.access.disabled ? (
            ""
          ) : (
            <>
              <p class="kern-body" safe>
                {t.resetText}
              </p>
              <Form action={model.access.resetAction} csrfToken={frame.csrfToken}>
                <Button id={fieldId("access")} label={t.resetSubmit} variant="secondary" />
              </Form>
            </>
          )}
          <p class="kern-body" safe>
            {t.disableText}
          </p>
          <Form action={model.access.statusAction} csrfToken={frame.csrfToken}>
            <input type="hidden" name="action" value={model.access.disabled ? "enable" : "disable"} />
            <Button
              id={fieldId("status")}
              label={model.access.disabled ? t.enableSubmit : t.disableSubmit}
              variant="secondary"
            />
          </Form>
        </section>
      ) : (
        ""
      )}
    </SignedInPage>
  );
}
