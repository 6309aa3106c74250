import type { FieldError } from "#core/http/errors.ts";
import { errorFor, Form, TextField } from "#core/views/form/index.ts";
import { type SignedInFrame, SignedInPage } from "#core/views/signed-in-page.tsx";
import type { SiteChrome } from "#core/views/site-chrome.ts";
import { DataTable } from "#core/views/table.tsx";
import type { Department, DepartmentInput } from "../departments.service.ts";
import { staffMessages } from "../staff.messages.ts";

export function DepartmentsPage(props: {
  chrome: SiteChrome;
  frame: SignedInFrame;
  model: { departments: Department[]; values: DepartmentInput; errors: FieldError[]; action: string };
}) {
  const { chrome, frame, model } = props;
  const lang = chrome.lang;
  const t = staffMessages[lang];
  const header = [t.nameColumn, t.emailColumn, t.phoneColumn, t.membersColumn];
  return (
    <SignedInPage chrome={chrome} frame={{ ...frame, errors: model.errors }} title={t.departmentsTitle}>
      <DataTable caption={t.departmentsCaption} headers={header}>
        {model.departments.map((d) => (
          <tr class="kern-table__row">
            <th scope="row" class="kern-table__cell" safe>
              {d.name}
            </th>
            <td class="kern-table__cell" safe>
              {d.email}
            </td>
            <td class="kern-table__cell" safe>
              {d.phone}
            </td>
            <td class="kern-table__cell" safe>
              {String(d.members)}
            </td>
          </tr>
        ))}
      </DataTable>
      <h2 class="kern-heading-medium" safe>
        {t.departmentCreateTitle}
      </h2>
      <Form action={model.action} csrfToken={frame.csrfToken} submitLabel={t.departmentSubmit}>
        <TextField
          lang={lang}
          name="name"
          label={t.departmentNameLabel}
          value={model.values.name}
          error={errorFor(model.errors, "name")}
        />
        <TextField
          lang={lang}
          name="email"
          type="email"
          label={t.departmentEmailLabel}
          optional
          value={model.values.email}
          error={errorFor(model.errors, "email")}
        />
        <TextField
          lang={lang}
          name="phone"
          type="tel"
          label={t.departmentPhoneLabel}
          optional
          value={model.values.phone}
          error={errorFor(model.errors, "phone")}
        />
      </Form>
    </SignedInPage>
  );
}
